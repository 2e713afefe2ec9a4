/**
 * @file Stage 9 (code cache): writes one image's translated blocks as a cache file
 * (docs/cache-format.md). On entry: the blocks `Translator.translate` produced, in any order and
 * possibly with repeats; on exit: `path` is either the old cache or the complete new one, never
 * a mix, and no temporary file remains.
 *
 * Two passes: the first sorts the blocks by guest RVA (duplicates of one RVA resolved by content,
 * so the output does not depend on arrival order or worker count) and computes every table's size;
 * the second reserves a temporary file of exactly that size next to the cache, maps it with
 * `Bun.mmap` and writes each table in place (no whole-cache buffer on the JS heap), links
 * block-to-block branches, checksums, fsyncs, renames over the old cache and fsyncs the directory.
 *
 *   const { bytes, blocks } = writeCache(join(dir, cacheFileName(image, config)), image, config, tbs);
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, constants } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../util/errors.ts";
import { VERSION } from "../cli/_version.ts";
import { RELOC, type TranslatedBlock } from "../arm64/lower/output.ts";
import { fsyncDir, ignoreSigxfsz, reserve } from "./_fs.ts";
import {
  B, BLOCK_WORDS, CHECKSUM_FROM, CODE_ALIGN, DIR_ENTRY, ELEMENT_SIZE, FEATURE_BITS, FIXED_NAMES, FLAG, FORMAT_VERSION,
  GUEST_PAGE, GUEST_PAGE_SHIFT, H, HEADER_SIZE, MAGIC_BYTES, MAX_FILE, NAME_WORDS, NONE, ORDER, P, PAGE_WORDS, R,
  RELOC_WORDS, RESOLVED, T, TABLE_ALIGN, TABLE_COUNT, TARGET, alignUp, canonicalOptions, checksum, configFingerprint,
  featureBits, hex, type CacheConfig, type CacheImage,
} from "./format.ts";

export interface WriteOptions {
  /** Translator build id recorded in the cache (default: aot's VERSION). */
  buildId?: string;
}

export interface WriteResult {
  bytes: number;
  /** Blocks written (after removing duplicate RVAs). */
  blocks: number;
  /** Block relocations the writer linked directly / left to the dispatcher. */
  resolved: number;
  unresolved: number;
}

const NAME_MAX = 255;
let tempCounter = 0;

/** `.<name>.tmp-<pid>-<n>` in the cache's directory, cut so it never exceeds NAME_MAX bytes. */
export function tempPath(path: string): string {
  const suffix = `.tmp-${process.pid}-${tempCounter++}`;
  let name = basename(path);
  const enc = new TextEncoder();
  while (name.length > 0 && enc.encode(`.${name}${suffix}`).length > NAME_MAX) name = name.slice(0, -1);
  return join(dirname(path), `.${name}${suffix}`);
}

/** A temporary name `tempPath` makes (`owner` = the writing process), for cleaning up after a killed writer. */
export function parseTempName(name: string): { pid: number } | null {
  const m = /^\..*\.tmp-(\d+)-\d+$/.exec(name);
  return m ? { pid: Number(m[1]) } : null;
}

/** Guest RVA of a block, or throw: the cache only holds blocks inside the image's 4 GiB RVA space. */
function rvaOf(path: string, tb: TranslatedBlock, base: bigint): number {
  // One BigInt operation, then number arithmetic (exact: anything past 2^53 fails the range check).
  const va = Number(tb.guestStart);
  const rva = va < 2 ** 53 && va >= 0 ? va - Number(base) : Number(tb.guestStart - base);
  if (!(rva >= 0 && rva <= 0xffffffff) || !(tb.guestLength >= 0) || rva + tb.guestLength > 0x1_0000_0000) {
    throw new InputError(path, `block at ${hex(tb.guestStart)} lies outside the image based at ${hex(base)}`, "block-range");
  }
  return rva;
}

/** Total order on blocks of one RVA, so a duplicate is dropped the same way whatever the arrival order. */
function compareSame(a: TranslatedBlock, b: TranslatedBlock): number {
  if (a.guestLength !== b.guestLength) return b.guestLength - a.guestLength;
  if (a.insnCount !== b.insnCount) return b.insnCount - a.insnCount;
  if (a.guestHash !== b.guestHash) return a.guestHash < b.guestHash ? -1 : 1;
  if (a.code.length !== b.code.length) return a.code.length - b.code.length;
  for (let i = 0; i < a.code.length; i++) if (a.code[i] !== b.code[i]) return a.code[i]! - b.code[i]!;
  if (a.faults.length !== b.faults.length) return a.faults.length - b.faults.length;
  for (let i = 0; i < a.faults.length; i++) if (a.faults[i] !== b.faults[i]) return a.faults[i]! - b.faults[i]!;
  if (a.relocs.length !== b.relocs.length) return a.relocs.length - b.relocs.length;
  for (let i = 0; i < a.relocs.length; i++) if (a.relocs[i] !== b.relocs[i]) return a.relocs[i]! - b.relocs[i]!;
  for (let i = 0; i < a.targets.length && i < b.targets.length; i++) {
    if (a.targets[i] !== b.targets[i]) return a.targets[i]! < b.targets[i]! ? -1 : 1;
  }
  if (a.bodyWords !== b.bodyWords) return a.bodyWords - b.bodyWords;
  return a.fallback < b.fallback ? -1 : a.fallback > b.fallback ? 1 : 0;
}

/** A block's relocations as [word offset, kind, target] sorted by word offset (then kind, target). */
function blockRelocs(tb: TranslatedBlock): { off: number; kind: number; target: bigint }[] {
  const out: { off: number; kind: number; target: bigint }[] = [];
  for (let i = 0; i + 2 < tb.relocs.length; i += 3) {
    const target = tb.targets[tb.relocs[i + 2]!];
    if (target === undefined) throw new Error(`relocation target index ${tb.relocs[i + 2]} out of range in block ${hex(tb.guestStart)}`);
    out.push({ off: tb.relocs[i + 1]!, kind: tb.relocs[i]!, target });
  }
  return out.sort((a, b) => a.off - b.off || a.kind - b.kind || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

/** The writer's plan: sorted unique blocks and every table's offset and count. */
interface Plan {
  blocks: TranslatedBlock[];
  rvas: Uint32Array;
  /** First code word of each block. */
  codeAt: Uint32Array;
  names: Uint8Array[];
  fallbackName: Map<string, number>;
  /** The PAGES table's words and the PAGE_BLOCKS list, ready to copy. */
  pageList: Uint32Array;
  pageBlocks: Uint32Array;
  offsets: number[];
  counts: number[];
  size: number;
}

function plan(path: string, image: CacheImage, config: CacheConfig, input: TranslatedBlock[], buildId: string): Plan {
  const m = input.length;
  const rvaOfInput = new Float64Array(m);
  for (let i = 0; i < m; i++) rvaOfInput[i] = rvaOf(path, input[i]!, image.imageBase);
  // Sort by (rva, arrival) with one native numeric sort of packed keys; ties are then ordered by
  // content (compareSame), so which duplicate survives never depends on arrival order.
  let order: Uint32Array;
  if (m < 2 ** 21) {
    const keys = new Float64Array(m);
    for (let i = 0; i < m; i++) keys[i] = rvaOfInput[i]! * 2 ** 21 + i;
    keys.sort();
    order = new Uint32Array(m);
    for (let i = 0; i < m; i++) order[i] = keys[i]! % 2 ** 21;
  } else {
    order = Uint32Array.from({ length: m }, (_, i) => i).sort((a, b) => rvaOfInput[a]! - rvaOfInput[b]! || a - b);
  }
  const blocks: TranslatedBlock[] = [];
  const rvaList: number[] = [];
  for (let i = 0; i < m;) {
    let j = i + 1;
    const rva = rvaOfInput[order[i]!]!;
    while (j < m && rvaOfInput[order[j]!] === rva) j++;
    let best = input[order[i]!]!;
    for (let k = i + 1; k < j; k++) if (compareSame(input[order[k]!]!, best) < 0) best = input[order[k]!]!;
    blocks.push(best);
    rvaList.push(rva);
    i = j;
  }
  const n = blocks.length;
  const rvas = Uint32Array.from(rvaList);
  const codeAt = new Uint32Array(n), lastPage = new Uint32Array(n);
  let words = 0, relocs = 0, faults = 0, pairs = 0;
  const mnemonics = new Set<string>();
  for (let i = 0; i < n; i++) {
    const tb = blocks[i]!;
    codeAt[i] = words;
    words += tb.code.length;
    relocs += Math.floor(tb.relocs.length / 3);
    faults += tb.faults.length;
    if (tb.fallback) mnemonics.add(tb.fallback);
    const last = (rvas[i]! + Math.max(tb.guestLength, 1) - 1) >>> GUEST_PAGE_SHIFT;
    lastPage[i] = last;
    pairs += last - (rvas[i]! >>> GUEST_PAGE_SHIFT) + 1;
  }
  // Code-page table by counting (no sort): blocks per page, prefix sums, then blocks in index
  // order, so each page's run comes out ascending.
  const maxPage = n ? Math.max(...lastPageMax(lastPage)) : 0;
  const perPage = new Uint32Array(maxPage + 2);
  for (let i = 0; i < n; i++) for (let pg = rvas[i]! >>> GUEST_PAGE_SHIFT; pg <= lastPage[i]!; pg++) perPage[pg]!++;
  let pageCount = 0;
  for (let pg = 0; pg <= maxPage; pg++) if (perPage[pg]) pageCount++;
  const pageList = new Uint32Array(pageCount * PAGE_WORDS);
  const cursor = new Uint32Array(maxPage + 1);
  for (let pg = 0, e = 0, at = 0; pg <= maxPage; pg++) {
    if (!perPage[pg]) continue;
    pageList[e * PAGE_WORDS + P.PAGE] = pg;
    pageList[e * PAGE_WORDS + P.FIRST] = at;
    pageList[e * PAGE_WORDS + P.COUNT] = perPage[pg]!;
    cursor[pg] = at;
    at += perPage[pg]!;
    e++;
  }
  const pageBlocks = new Uint32Array(pairs);
  for (let i = 0; i < n; i++) for (let pg = rvas[i]! >>> GUEST_PAGE_SHIFT; pg <= lastPage[i]!; pg++) pageBlocks[cursor[pg]!++] = i;

  const enc = new TextEncoder();
  const sortedMnemonics = [...mnemonics].sort();
  const names = [image.name, buildId, canonicalOptions(config.options), ...sortedMnemonics].map((s) => enc.encode(s));
  const fallbackName = new Map(sortedMnemonics.map((m, i) => [m, FIXED_NAMES + i]));
  const stringBytes = names.reduce((s, b) => s + b.length, 0);

  const counts = new Array<number>(TABLE_COUNT).fill(0);
  counts[T.NAMES] = names.length;
  counts[T.STRINGS] = stringBytes;
  counts[T.BLOCKS] = n;
  counts[T.PAGES] = pageCount;
  counts[T.PAGE_BLOCKS] = pairs;
  counts[T.RELOCS] = relocs;
  counts[T.FAULTS] = faults;
  counts[T.CODE] = words;
  const offsets = new Array<number>(TABLE_COUNT).fill(0);
  let at = HEADER_SIZE;
  for (let t = 0; t < TABLE_COUNT; t++) {
    at = t === T.CODE ? alignUp(at, CODE_ALIGN) : alignUp(at, TABLE_ALIGN);
    offsets[t] = at;
    at += counts[t]! * ELEMENT_SIZE[t]!;
  }
  const size = alignUp(at, CODE_ALIGN);
  if (size > MAX_FILE) throw new InputError(path, `cache would be ${size} bytes, over the format's 4 GiB limit`, "too-large");
  return { blocks, rvas, codeAt, names, fallbackName, pageList, pageBlocks, offsets, counts, size };
}

/** Chunks of `xs` small enough to spread into Math.max. */
function* lastPageMax(xs: Uint32Array): Iterable<number> {
  for (let i = 0; i < xs.length; i += 65536) yield Math.max(...xs.subarray(i, i + 65536));
}

/** Index of the block starting exactly at `rva`, or -1. */
function findBlock(rvas: Uint32Array, rva: number): number {
  let lo = 0, hi = rvas.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1, v = rvas[mid]!;
    if (v === rva) return mid;
    if (v < rva) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Fill `file` (exactly `pl.size` zero bytes, 8-aligned) with the cache. Returns linked/unlinked counts. */
function fill(file: Uint8Array, pl: Plan, image: CacheImage, config: CacheConfig): { resolved: number; unresolved: number } {
  const u32 = new Uint32Array(file.buffer, file.byteOffset, file.byteLength >>> 2);
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const { offsets, counts, blocks, rvas, codeAt } = pl;

  // Names and strings.
  let s = 0;
  for (let i = 0; i < pl.names.length; i++) {
    const b = pl.names[i]!;
    u32[offsets[T.NAMES]! / 4 + i * NAME_WORDS] = s;
    u32[offsets[T.NAMES]! / 4 + i * NAME_WORDS + 1] = b.length;
    file.set(b, offsets[T.STRINGS]! + s);
    s += b.length;
  }

  // Blocks, code, faults, relocations (linked where the target block is in this cache).
  const bw = offsets[T.BLOCKS]! / 4, cw = offsets[T.CODE]! / 4, rw = offsets[T.RELOCS]! / 4;
  let reloc = 0, fault = 0, resolved = 0, unresolved = 0;
  const baseNum = Number(image.imageBase);
  for (let i = 0; i < blocks.length; i++) {
    const tb = blocks[i]!, r = bw + i * BLOCK_WORDS, code = codeAt[i]!;
    u32[r + B.RVA] = rvas[i]!;
    u32[r + B.GUEST_LENGTH] = tb.guestLength;
    dv.setBigUint64((r + B.HASH_LO) * 4, tb.guestHash, true); // HASH_LO, HASH_HI: the u64, little-endian
    u32[r + B.INSNS] = tb.insnCount;
    u32[r + B.CODE] = code;
    u32[r + B.WORDS] = tb.code.length;
    u32[r + B.BODY_WORDS] = tb.bodyWords;
    u32[r + B.FAULT_OFFSET] = fault;
    u32[r + B.FAULT_LENGTH] = tb.faults.length;
    u32[r + B.FALLBACK] = tb.fallback ? pl.fallbackName.get(tb.fallback)! : NONE;
    // Blocks are small: a loop beats TypedArray.set's per-call cost below a few dozen elements.
    const cd = tb.code, ft = tb.faults, fo = offsets[T.FAULTS]! + fault;
    if (cd.length < 64) for (let k = 0; k < cd.length; k++) u32[cw + code + k] = cd[k]!;
    else u32.set(cd, cw + code);
    if (ft.length < 64) for (let k = 0; k < ft.length; k++) file[fo + k] = ft[k]!;
    else file.set(ft, fo);
    fault += tb.faults.length;
    const rs = tb.relocs, nr = Math.floor(rs.length / 3);
    u32[r + B.RELOC_FIRST] = reloc;
    u32[r + B.RELOC_COUNT] = nr;
    let sortedRelocs = true;
    for (let k = 3; k < nr * 3; k += 3) if (rs[k + 1]! <= rs[k - 2]!) sortedRelocs = false;
    const list = sortedRelocs ? null : blockRelocs(tb);
    for (let k = 0; k < nr; k++) {
      const x = list ? list[k]! : { off: rs[3 * k + 1]!, kind: rs[3 * k]!, target: tb.targets[rs[3 * k + 2]!]! };
      if (x.target === undefined) throw new Error(`relocation target index out of range in block ${hex(tb.guestStart)}`);
      if (x.off < 0 || x.off >= tb.code.length) throw new Error(`relocation at word ${x.off} outside block ${hex(tb.guestStart)}`);
      const site = code + x.off, rr = rw + reloc * RELOC_WORDS, tn = Number(x.target);
      const rel = tn >= 0 && tn < 2 ** 53 ? tn - baseNum : Number(x.target - image.imageBase);
      let kind = x.kind & 0xff;
      if (x.kind === RELOC.BLOCK && rel >= 0 && rel <= 0xffffffff) {
        const j = findBlock(rvas, rel);
        const w = u32[cw + site]!;
        if (j >= 0 && (w & 0xfc000000) === 0x14000000) {
          const delta = codeAt[j]! - site;
          if (delta >= -(1 << 25) && delta < 1 << 25) {
            u32[cw + site] = (0x14000000 | (delta & 0x3ffffff)) >>> 0;
            kind |= RESOLVED;
          }
        }
      }
      if (x.kind === RELOC.BLOCK) (kind & RESOLVED ? resolved++ : unresolved++);
      u32[rr + R.SITE] = site;
      u32[rr + R.KIND] = kind;
      if (rel >= 0 && rel <= 0xffffffff) u32[rr + R.TARGET_LO] = rel; // TARGET_HI stays 0
      else dv.setBigUint64((rr + R.TARGET_LO) * 4, BigInt.asUintN(64, x.target - image.imageBase), true);
      reloc++;
    }
  }

  u32.set(pl.pageList, offsets[T.PAGES]! / 4);
  u32.set(pl.pageBlocks, offsets[T.PAGE_BLOCKS]! / 4);

  // Header last: the checksum covers everything after its own field.
  file.set(MAGIC_BYTES, H.MAGIC);
  dv.setUint32(H.VERSION, FORMAT_VERSION, true);
  dv.setUint32(H.HEADER_SIZE, HEADER_SIZE, true);
  dv.setBigUint64(H.FILE_SIZE, BigInt(pl.size), true);
  dv.setUint32(H.TARGET, TARGET[config.target], true);
  dv.setUint32(H.MEMORY_ORDER, ORDER[config.memoryOrder], true);
  dv.setUint32(H.FLAGS, config.volatileMetadata ? FLAG.VOLATILE_METADATA : 0, true);
  dv.setUint32(H.FEATURES, featureBits(config.features), true);
  dv.setBigUint64(H.CONFIG, configFingerprint(config), true);
  dv.setBigUint64(H.FILE_ID, BigInt.asUintN(64, image.fileId), true);
  file.set(sha256Bytes(image.sha256), H.SHA256);
  dv.setBigUint64(H.IMAGE_SIZE, BigInt(image.size), true);
  dv.setUint32(H.TIMESTAMP, image.timestamp >>> 0, true);
  dv.setUint32(H.SIZE_OF_IMAGE, image.sizeOfImage >>> 0, true);
  dv.setBigUint64(H.IMAGE_BASE, BigInt.asUintN(64, image.imageBase), true);
  dv.setUint32(H.CODE_ALIGN, CODE_ALIGN, true);
  dv.setUint32(H.GUEST_PAGE, GUEST_PAGE, true);
  for (let t = 0; t < TABLE_COUNT; t++) {
    dv.setUint32(H.TABLES + t * DIR_ENTRY, offsets[t]!, true);
    dv.setUint32(H.TABLES + t * DIR_ENTRY + 4, counts[t]!, true);
  }
  dv.setBigUint64(H.CHECKSUM, checksum(file), true);
  return { resolved, unresolved };
}

function sha256Bytes(hexText: string): Uint8Array {
  if (!/^[0-9a-fA-F]{64}$/.test(hexText)) throw new Error(`image sha256 must be 64 hex digits, got "${hexText}"`);
  return Uint8Array.from(hexText.match(/../g)!.map((h) => parseInt(h, 16)));
}

/** One line for a failed write, naming what the user can act on. */
function describe(e: unknown, bytes: number): { detail: string; kind: string } {
  const code = (e as { code?: string }).code;
  if (code === "ENOSPC" || code === "EDQUOT") return { detail: `no space left on the device for the ${bytes}-byte cache (the old cache, if any, is kept)`, kind: "no-space" };
  if (code === "EFBIG") return { detail: `the ${bytes}-byte cache exceeds the file-size limit (ulimit -f; the old cache, if any, is kept)`, kind: "too-large" };
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return { detail: `cannot write the cache directory (${code})`, kind: "permission" };
  if (code === "ENOENT") return { detail: "the cache directory does not exist", kind: "missing-dir" };
  return { detail: `cannot write the cache: ${(e as Error).message ?? String(e)}`, kind: "write" };
}

/**
 * Write the cache for `image` under `config` to `path` atomically (temporary file + rename).
 * Throws InputError naming `path` on any I/O failure (full disk, size limit, permissions) after
 * removing the temporary file; the old cache at `path`, if any, is untouched.
 */
export function writeCache(path: string, image: CacheImage, config: CacheConfig, blocks: TranslatedBlock[], opts: WriteOptions = {}): WriteResult {
  for (const k of FEATURE_BITS) if (typeof config.features[k] !== "boolean") throw new Error(`host feature "${k}" missing from the configuration`);
  const pl = plan(path, image, config, blocks, opts.buildId ?? VERSION);
  const tmp = tempPath(path);
  ignoreSigxfsz();
  let fd = -1;
  try {
    fd = openSync(tmp, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, 0o644);
    reserve(fd, pl.size);
    const file = Bun.mmap(tmp, { shared: true });
    if (file.byteLength !== pl.size) throw new Error(`mapped ${file.byteLength} bytes, expected ${pl.size}`);
    const links = fill(file, pl, image, config);
    // fsync through the fd flushes the mapping's dirty pages (Bun has no msync).
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(tmp, path);
    fsyncDir(dirname(path));
    return { bytes: pl.size, blocks: pl.blocks.length, ...links };
  } catch (e) {
    if (fd >= 0) try { closeSync(fd); } catch { /* already failing */ }
    try { unlinkSync(tmp); } catch { /* never created, or already renamed */ }
    if (e instanceof InputError) throw e;
    const { detail, kind } = describe(e, pl.size);
    throw new InputError(path, detail, kind);
  }
}
