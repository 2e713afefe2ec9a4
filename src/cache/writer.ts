/**
 * @file Stage 9 (code cache): writes one image's translated blocks as a cache file
 * (docs/cache-format.md). On entry: the blocks `Translator.translate` produced as flat chunks
 * (`FlatBlocks`, blocks.ts: what the compile pool transfers), in any order and possibly with
 * repeats, or as `TranslatedBlock` objects (`writeCache`, flattened first); on exit: `path` is either the old cache or the complete new one, never
 * a mix, and no temporary file remains.
 *
 * Two passes: the first sorts the blocks by guest RVA (duplicates of one RVA resolved by content,
 * so the output does not depend on arrival order or worker count) and computes every table's size;
 * the second reserves a temporary file of exactly that size next to the cache, maps it with
 * `Bun.mmap`, faults its pages in with one call (_fs.ts `prefault`) and writes each table in place (no whole-cache buffer on the JS heap; code and fault
 * bytes copied a chunk-run at a time, header fields through one DataView, no BigInt per block), links
 * block-to-block branches, checksums, fsyncs, renames over the old cache and fsyncs the directory.
 *
 *   const { bytes, blocks } = writeCache(join(dir, cacheFileName(image, config)), image, config, tbs);
 *   writeCacheFlat(path, image, config, chunks);   // the compile pool's packed chunks
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, constants } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../util/errors.ts";
import { VERSION } from "../cli/_version.ts";
import { RELOC, type TranslatedBlock } from "../arm64/lower/output.ts";
import { fsyncDir, ignoreSigxfsz, prefault, reserve } from "./_fs.ts";
import { inRvaOrder, relOrder } from "./_order.ts";
import { F, FLAT_META, flatCount, flattenBlocks, type FlatBlocks } from "./blocks.ts";
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

/** The writer's plan: chunks in RVA order, each output block's RVA and first code word, every table's offset and count. */
interface Plan {
  chunks: readonly FlatBlocks[];
  /** Output index of each chunk's first block (one more entry: the block count). */
  first: Uint32Array;
  rvas: Uint32Array;
  codeAt: Uint32Array;
  names: Uint8Array[];
  /** Per chunk: its fallback index (as in meta, 1-based) → NAMES index. */
  fallbackName: Uint32Array[];
  /** Blocks touching each guest page (counts; the PAGES and PAGE_BLOCKS tables are built from them in place). */
  perPage: Uint32Array;
  offsets: number[];
  counts: number[];
  size: number;
}

function plan(path: string, image: CacheImage, config: CacheConfig, input: readonly FlatBlocks[], buildId: string): Plan {
  const chunks = inRvaOrder(input);
  let n = 0;
  const first = new Uint32Array(chunks.length + 1);
  chunks.forEach((c, ci) => { first[ci] = n; n += flatCount(c); });
  first[chunks.length] = n;
  const rvas = new Uint32Array(n), codeAt = new Uint32Array(n);
  let words = 0, relocs = 0, faults = 0, pairs = 0, maxPage = 0;
  const used = chunks.map((c) => new Uint8Array(c.names.length + 1));
  for (let ci = 0, i = 0; ci < chunks.length; ci++) {
    const c = chunks[ci]!, meta = c.meta, nc = flatCount(c), u = used[ci]!;
    let cw = 0, ri = 0, tp = 0, fb = 0;
    for (let k = 0, mm = 0; k < nc; k++, i++, mm += FLAT_META) {
      const rva = meta[mm + F.RVA]!, len = meta[mm + F.GUEST_LENGTH]!;
      if (rva + len > 0x1_0000_0000) throw new InputError(path, `block at ${hex(image.imageBase + BigInt(rva))} lies outside the image based at ${hex(image.imageBase)}`, "block-range");
      rvas[i] = rva;
      codeAt[i] = words + cw;
      cw += meta[mm + F.CODE_WORDS]!;
      ri += meta[mm + F.RELOC_INTS]!;
      relocs += Math.floor(meta[mm + F.RELOC_INTS]! / 3);
      tp += meta[mm + F.TARGETS]!;
      fb += meta[mm + F.FAULT_BYTES]!;
      u[meta[mm + F.FALLBACK]!] = 1;
      const last = (rva + Math.max(len, 1) - 1) >>> GUEST_PAGE_SHIFT;
      if (last > maxPage) maxPage = last;
      pairs += last - (rva >>> GUEST_PAGE_SHIFT) + 1;
    }
    if (cw > c.code.length || ri > c.relocs.length || tp * 2 > c.targets.length || fb > c.faults.length || c.hashes.length < nc * 2 || u.length > c.names.length + 1) {
      throw new Error(`flat block chunk ${ci}: its block fields count more than its arrays hold`);
    }
    words += cw;
    faults += fb;
  }
  // Code-page table by counting (no sort): blocks per page here, the tables themselves in fill().
  const perPage = new Uint32Array(maxPage + 2);
  for (let ci = 0, i = 0; ci < chunks.length; ci++) {
    const meta = chunks[ci]!.meta, nc = flatCount(chunks[ci]!);
    for (let k = 0, mm = 0; k < nc; k++, i++, mm += FLAT_META) {
      const rva = rvas[i]!, last = (rva + Math.max(meta[mm + F.GUEST_LENGTH]!, 1) - 1) >>> GUEST_PAGE_SHIFT;
      for (let pg = rva >>> GUEST_PAGE_SHIFT; pg <= last; pg++) perPage[pg]!++;
    }
  }
  let pageCount = 0;
  for (let pg = 0; pg <= maxPage; pg++) if (perPage[pg]) pageCount++;

  // Fallback mnemonics the blocks use, sorted, after the fixed names.
  const mnemonics = new Set<string>();
  chunks.forEach((c, ci) => c.names.forEach((name, k) => { if (used[ci]![k + 1]) mnemonics.add(name); }));
  const sortedMnemonics = [...mnemonics].sort();
  const nameIndex = new Map(sortedMnemonics.map((m, i) => [m, FIXED_NAMES + i]));
  const fallbackName = chunks.map((c) => Uint32Array.from([NONE, ...c.names.map((name) => nameIndex.get(name) ?? NONE)]));
  const enc = new TextEncoder();
  const names = [image.name, buildId, canonicalOptions(config.options), ...sortedMnemonics].map((s) => enc.encode(s));
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
  return { chunks, first, rvas, codeAt, names, fallbackName, perPage, offsets, counts, size };
}

/**
 * Finds a block by its exact start RVA: a directory of buckets of 2^shift bytes (first block
 * index per bucket, sized to about one bucket per block), then a binary search inside the
 * bucket: a few steps instead of ~20 over the whole table, for every relocation.
 */
class BlockIndex {
  private readonly shift: number;
  private readonly dir: Uint32Array;

  constructor(private readonly rvas: Uint32Array) {
    const n = rvas.length, last = n ? rvas[n - 1]! : 0;
    let shift = 4;
    while (shift < 32 && last / 2 ** shift > n / 2 + 16) shift++;
    this.shift = shift;
    const buckets = Math.floor(last / 2 ** shift) + 1;
    this.dir = new Uint32Array(buckets + 1);
    for (let b = 0, i = 0; b <= buckets; b++) {
      while (i < n && Math.floor(rvas[i]! / 2 ** shift) < b) i++;
      this.dir[b] = i;
    }
  }

  /** Index of the block starting exactly at `rva`, or -1. */
  find(rva: number): number {
    const b = Math.floor(rva / 2 ** this.shift);
    if (b + 1 >= this.dir.length) return -1;
    let lo = this.dir[b]!, hi = this.dir[b + 1]! - 1;
    const rvas = this.rvas;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1, v = rvas[mid]!;
      if (v === rva) return mid;
      if (v < rva) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** Relocation order of a block whose sites are not ascending: by word offset, then kind, then target. */
function sortedRelocs(c: FlatBlocks, r0: number, t0: number, nr: number): number[] {
  const ix = Array.from({ length: nr }, (_, k) => k);
  const rs = c.relocs;
  return ix.sort((a, b) => rs[r0 + 3 * a + 1]! - rs[r0 + 3 * b + 1]! || rs[r0 + 3 * a]! - rs[r0 + 3 * b]!
    || relOrder(c, t0 + rs[r0 + 3 * a + 2]!) - relOrder(c, t0 + rs[r0 + 3 * b + 2]!));
}

/** Fill `file` (exactly `pl.size` zero bytes, 8-aligned) with the cache. Returns linked/unlinked counts. */
function fill(file: Uint8Array, pl: Plan, image: CacheImage, config: CacheConfig): { resolved: number; unresolved: number } {
  const u32 = new Uint32Array(file.buffer, file.byteOffset, file.byteLength >>> 2);
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const { offsets, counts, chunks, first, rvas, codeAt } = pl;

  // Names and strings.
  let s = 0;
  for (let i = 0; i < pl.names.length; i++) {
    const b = pl.names[i]!;
    u32[offsets[T.NAMES]! / 4 + i * NAME_WORDS] = s;
    u32[offsets[T.NAMES]! / 4 + i * NAME_WORDS + 1] = b.length;
    file.set(b, offsets[T.STRINGS]! + s);
    s += b.length;
  }

  // Code pages: each page's run of PAGE_BLOCKS is placed by prefix sums, then filled with block
  // indices in ascending order, so each run comes out ascending without sorting.
  const { perPage } = pl, pw = offsets[T.PAGES]! / 4, pbw = offsets[T.PAGE_BLOCKS]! / 4;
  const cursor = new Uint32Array(perPage.length);
  for (let pg = 0, e = 0, at = 0; pg < perPage.length; pg++) {
    if (!perPage[pg]) continue;
    u32[pw + e * PAGE_WORDS + P.PAGE] = pg;
    u32[pw + e * PAGE_WORDS + P.FIRST] = at;
    u32[pw + e * PAGE_WORDS + P.COUNT] = perPage[pg]!;
    cursor[pg] = at;
    at += perPage[pg]!;
    e++;
  }

  // Per chunk: its code and fault bytes in one copy each (its blocks are contiguous there and in
  // the file), then its block records and relocations, linking `b` exits to blocks of this cache.
  const bw = offsets[T.BLOCKS]! / 4, cw = offsets[T.CODE]! / 4, rw = offsets[T.RELOCS]! / 4, fo = offsets[T.FAULTS]!;
  const blockAt = new BlockIndex(rvas);
  let reloc = 0, fault = 0, resolved = 0, unresolved = 0;
  for (let ci = 0; ci < chunks.length; ci++) {
    const c = chunks[ci]!, meta = c.meta, hashes = c.hashes, rs = c.relocs, tg = c.targets, cs = c.code, names = pl.fallbackName[ci]!;
    const i0 = first[ci]!, i1 = first[ci + 1]!;
    if (i0 === i1) continue;
    const words = codeAt[i1 - 1]! + meta[(i1 - 1 - i0) * FLAT_META + F.CODE_WORDS]! - codeAt[i0]!;
    u32.set(cs.subarray(0, words), cw + codeAt[i0]!);
    let c0 = 0, r0 = 0, t0 = 0, f0 = 0;
    for (let i = i0, mm = 0, l = 0; i < i1; i++, l++, mm += FLAT_META) {
      const r = bw + i * BLOCK_WORDS, code = codeAt[i]!, rva = rvas[i]!, len = meta[mm + F.GUEST_LENGTH]!;
      const nCode = meta[mm + F.CODE_WORDS]!, nFault = meta[mm + F.FAULT_BYTES]!, fb = meta[mm + F.FALLBACK]!;
      u32[r + B.RVA] = rva;
      u32[r + B.GUEST_LENGTH] = len;
      u32[r + B.HASH_LO] = hashes[2 * l]!;
      u32[r + B.HASH_HI] = hashes[2 * l + 1]!;
      u32[r + B.INSNS] = meta[mm + F.INSNS]!;
      u32[r + B.CODE] = code;
      u32[r + B.WORDS] = nCode;
      u32[r + B.BODY_WORDS] = meta[mm + F.BODY_WORDS]!;
      u32[r + B.FAULT_OFFSET] = fault + f0;
      u32[r + B.FAULT_LENGTH] = nFault;
      u32[r + B.FALLBACK] = fb ? names[fb]! : NONE;
      for (let pg = rva >>> GUEST_PAGE_SHIFT, last = (rva + Math.max(len, 1) - 1) >>> GUEST_PAGE_SHIFT; pg <= last; pg++) u32[pbw + cursor[pg]!++] = i;
      const nt = meta[mm + F.TARGETS]!, nr = Math.floor(meta[mm + F.RELOC_INTS]! / 3);
      u32[r + B.RELOC_FIRST] = reloc;
      u32[r + B.RELOC_COUNT] = nr;
      if (nr) {
        let ascending = true;
        for (let k = 1; k < nr; k++) if (rs[r0 + 3 * k + 1]! <= rs[r0 + 3 * k - 2]!) { ascending = false; break; }
        const list = ascending ? null : sortedRelocs(c, r0, t0, nr);
        for (let q = 0; q < nr; q++) {
          const k = list ? list[q]! : q;
          const kindIn = rs[r0 + 3 * k]!, off = rs[r0 + 3 * k + 1]!, ti = rs[r0 + 3 * k + 2]!;
          if (!(ti >= 0 && ti < nt)) throw new Error(`relocation target index ${ti} out of range in block ${hex(image.imageBase + BigInt(rva))}`);
          if (off < 0 || off >= nCode) throw new Error(`relocation at word ${off} outside block ${hex(image.imageBase + BigInt(rva))}`);
          const site = code + off, rr = rw + reloc * RELOC_WORDS;
          const lo = tg[2 * (t0 + ti)]!, hi = tg[2 * (t0 + ti) + 1]!;
          let kind = kindIn & 0xff;
          if (kindIn === RELOC.BLOCK) {
            const j = hi === 0 ? blockAt.find(lo) : -1;
            if (j >= 0 && (cs[c0 + off]! & 0xfc000000) === 0x14000000) {
              const delta = codeAt[j]! - site;
              if (delta >= -(1 << 25) && delta < 1 << 25) {
                u32[cw + site] = (0x14000000 | (delta & 0x3ffffff)) >>> 0;
                kind |= RESOLVED;
              }
            }
            if (kind & RESOLVED) resolved++;
            else unresolved++;
          }
          u32[rr + R.SITE] = site;
          u32[rr + R.KIND] = kind;
          u32[rr + R.TARGET_LO] = lo;
          u32[rr + R.TARGET_HI] = hi;
          reloc++;
        }
      }
      c0 += nCode;
      r0 += meta[mm + F.RELOC_INTS]!;
      t0 += nt;
      f0 += nFault;
    }
    if (f0) file.set(c.faults.subarray(0, f0), fo + fault);
    fault += f0;
  }

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
  return writeCacheFlat(path, image, config, [flattenBlocks(blocks, image.imageBase, path)], opts);
}

/** `writeCache` for flat chunks (blocks.ts), the compile pool's form: the same bytes, without per-block objects. */
export function writeCacheFlat(path: string, image: CacheImage, config: CacheConfig, chunks: readonly FlatBlocks[], opts: WriteOptions = {}): WriteResult {
  for (const k of FEATURE_BITS) if (typeof config.features[k] !== "boolean") throw new Error(`host feature "${k}" missing from the configuration`);
  const pl = plan(path, image, config, chunks, opts.buildId ?? VERSION);
  const tmp = tempPath(path);
  ignoreSigxfsz();
  let fd = -1;
  try {
    fd = openSync(tmp, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, 0o644);
    reserve(fd, pl.size);
    const file = Bun.mmap(tmp, { shared: true });
    if (file.byteLength !== pl.size) throw new Error(`mapped ${file.byteLength} bytes, expected ${pl.size}`);
    prefault(file);
    const links = fill(file, pl, image, config);
    // fsync through the fd flushes the mapping's dirty pages (Bun has no msync).
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(tmp, path);
    fsyncDir(dirname(path));
    return { bytes: pl.size, blocks: pl.rvas.length, ...links };
  } catch (e) {
    if (fd >= 0) try { closeSync(fd); } catch { /* already failing */ }
    try { unlinkSync(tmp); } catch { /* never created, or already renamed */ }
    if (e instanceof InputError) throw e;
    const { detail, kind } = describe(e, pl.size);
    throw new InputError(path, detail, kind);
  }
}
