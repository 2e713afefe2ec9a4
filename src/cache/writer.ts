/**
 * @file Stage 9 (code cache): writes one image's translated blocks as a cache file
 * (docs/cache-format.md). On entry: the blocks `Translator.translate` produced as flat chunks
 * (`FlatBlocks`, blocks.ts: what the compile pool transfers), in any order and possibly with
 * repeats, or as `TranslatedBlock` objects (`writeCache`, flattened first); on exit: `path` is
 * either the old cache or the complete new one, never a mix, and no temporary file remains.
 *
 * Two passes: the first sorts the blocks by guest RVA (duplicates of one RVA resolved by content,
 * so the output does not depend on arrival order or worker count) and computes every table's size;
 * the second reserves a temporary file of exactly that size next to the cache (every block
 * allocated, so a full disk fails here and never as a SIGBUS through the mapping), maps it with
 * `Bun.mmap` and writes each table in place (no whole-cache buffer on the JS heap; code and fault
 * bytes copied a chunk at a time, block records and relocations in _tables.ts, no BigInt per
 * block), linking block-to-block branches. It fills the file front to back, populating pages just
 * ahead of the stores and starting writeback of each finished part (_fs.ts `Region`), so the disk
 * writes while the CPU fills, checksums and fsyncs; then it renames over the old cache and fsyncs
 * the directory.
 *
 *   const { bytes, blocks } = writeCache(join(dir, cacheFileName(image, config)), image, config, tbs);
 *   writeCacheFlat(path, image, config, chunks);   // the compile pool's packed chunks
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, constants } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../util/errors.ts";
import { VERSION } from "../cli/_version.ts";
import type { TranslatedBlock } from "../arm64/lower/output.ts";
import { PieceCrc } from "./_crc.ts";
import { Region, adviseHuge, flushAfterFirstUnit, fsyncDir, ignoreSigxfsz, prefault, reserve } from "./_fs.ts";
import { inRvaOrder } from "./_order.ts";
import { Tables } from "./_tables.ts";
import { F, FLAT_META, flatCount, flattenBlocks, type FlatBlocks } from "./blocks.ts";
import {
  BLOCK_WORDS, CHECKSUM_FROM, CODE_ALIGN, DIR_ENTRY, ELEMENT_SIZE, FEATURE_BITS, FIXED_NAMES, FLAG, FORMAT_VERSION, GUEST_PAGE,
  GUEST_PAGE_SHIFT, H, HEADER_SIZE, MAGIC_BYTES, MAX_FILE, NAME_WORDS, ORDER, RELOC_WORDS, T, TABLE_ALIGN, TABLE_COUNT,
  TARGET, alignUp, canonicalOptions, configFingerprint, featureBits, hex, type CacheConfig, type CacheImage,
} from "./format.ts";

export interface WriteOptions {
  /** Translator build id recorded in the cache (default: aot's VERSION). */
  buildId?: string;
  /** Filled with the milliseconds each step took, if given (`aot bench cache` reports them). */
  phases?: Partial<WritePhases>;
}

/** The writer's steps, in order: all of them are part of a write. */
export interface WritePhases {
  /** Sort check, sizes, RVA and code positions of every block, names. */
  plan: number;
  /** Temporary file, its blocks allocated (posix_fallocate), mapped. */
  reserve: number;
  /** Tables written through the mapping, pages populated and writeback started as it goes. */
  fill: number;
  /** The whole-file CRC-32's last part (the tables' pieces are hashed during fill) and the join, while the disk writes. */
  checksum: number;
  /** fsync of the file: the writeback fill started, finished. */
  fsync: number;
  /** close, rename over the old cache, fsync of the directory. */
  rename: number;
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
  /** Per output block: its RVA (u32 bits) and its first word in CODE. */
  rvas: Int32Array;
  codeAt: Int32Array;
  names: Uint8Array[];
  /** Per chunk: its fallback index (as in meta, 1-based) → NAMES index (-1: NONE). */
  fallbackName: Int32Array[];
  /** Per chunk: relocations and fault bytes written up to its end (where its runs in those tables end). */
  relocEnd: Uint32Array;
  faultEnd: Uint32Array;
  offsets: number[];
  counts: number[];
  size: number;
}

/** Running totals of the plan's pass over the blocks. */
interface Totals {
  words: number;
  relocs: number;
  faults: number;
  /** (block, page) pairs, distinct pages, and the last page reached so far. */
  pairs: number;
  pages: number;
  covered: number;
  /** RVA of the last block scanned (-1: none). */
  prev: number;
}

/**
 * One chunk's share of the plan: the RVAs and code positions of its blocks (output indices from
 * `i`), the fallback names they use, added to `t`. A function of its own so it is optimised early.
 * Pages: blocks come in ascending start order, so the pages touched so far are exactly the reached
 * ones up to `t.covered`, and a block adds only its pages past it.
 *
 * `strict` false is the optimistic first look at the input as it came: instead of throwing it
 * returns false at the first block out of RVA order, out of the image or past its chunk's arrays,
 * and the plan starts over on `inRvaOrder`'s output with `strict` true (the errors come from there).
 */
function scanChunk(path: string, image: CacheImage, c: FlatBlocks, ci: number, i: number, rvas: Int32Array, codeAt: Int32Array, used: Uint8Array, t: Totals, strict: boolean): boolean {
  const meta = c.meta, nc = flatCount(c);
  let cw = 0, ri = 0, tp = 0, fb = 0, relocs = t.relocs, pairs = t.pairs, pages = t.pages, covered = t.covered, prev = t.prev;
  const words = t.words;
  for (let k = 0, mm = 0; k < nc; k++, i++, mm += FLAT_META) {
    const rva = meta[mm + F.RVA]!, len = meta[mm + F.GUEST_LENGTH]!, nri = meta[mm + F.RELOC_INTS]!;
    if (rva <= prev || rva + len > 0x1_0000_0000) {
      if (!strict) return false;
      if (rva + len > 0x1_0000_0000) throw new InputError(path, `block at ${hex(image.imageBase + BigInt(rva))} lies outside the image based at ${hex(image.imageBase)}`, "block-range");
    }
    prev = rva;
    rvas[i] = rva;
    codeAt[i] = words + cw;
    cw += meta[mm + F.CODE_WORDS]!;
    ri += nri;
    relocs += (nri / 3) | 0;
    tp += meta[mm + F.TARGETS]!;
    fb += meta[mm + F.FAULT_BYTES]!;
    used[meta[mm + F.FALLBACK]!] = 1;
    const pg0 = rva >>> GUEST_PAGE_SHIFT, last = (rva + (len || 1) - 1) >>> GUEST_PAGE_SHIFT;
    pairs += last - pg0 + 1;
    if (last > covered) {
      pages += last - (pg0 > covered ? pg0 : covered + 1) + 1;
      covered = last;
    }
  }
  if (cw > c.code.length || ri > c.relocs.length || tp * 2 > c.targets.length || fb > c.faults.length || c.hashes.length < nc * 2 || used.length > c.names.length + 1) {
    if (!strict) return false;
    throw new Error(`flat block chunk ${ci}: its block fields count more than its arrays hold`);
  }
  t.words = words + cw;
  t.faults += fb;
  t.relocs = relocs;
  t.pairs = pairs;
  t.pages = pages;
  t.covered = covered;
  t.prev = prev;
  return true;
}

/** The plan's pass over every block (scanChunk), or null if `strict` is false and the chunks need inRvaOrder first. */
function scan(path: string, image: CacheImage, chunks: readonly FlatBlocks[], strict: boolean) {
  let n = 0;
  const first = new Uint32Array(chunks.length + 1);
  chunks.forEach((c, ci) => { first[ci] = n; n += flatCount(c); });
  first[chunks.length] = n;
  const rvas = new Int32Array(n), codeAt = new Int32Array(n);
  const used = chunks.map((c) => new Uint8Array(c.names.length + 1));
  const relocEnd = new Uint32Array(chunks.length), faultEnd = new Uint32Array(chunks.length);
  const t: Totals = { words: 0, relocs: 0, faults: 0, pairs: 0, pages: 0, covered: -1, prev: -1 };
  for (let ci = 0; ci < chunks.length; ci++) {
    if (!scanChunk(path, image, chunks[ci]!, ci, first[ci]!, rvas, codeAt, used[ci]!, t, strict)) return null;
    relocEnd[ci] = t.relocs;
    faultEnd[ci] = t.faults;
  }
  return { chunks, n, first, rvas, codeAt, used, relocEnd, faultEnd, t };
}

function plan(path: string, image: CacheImage, config: CacheConfig, input: readonly FlatBlocks[], buildId: string): Plan {
  // The compile pool's chunks are already in RVA order: one pass checks that and plans; anything
  // else is put in order (duplicates resolved) and planned again.
  const { chunks, n, first, rvas, codeAt, used, relocEnd, faultEnd, t } = scan(path, image, input, false) ?? scan(path, image, inRvaOrder(input), true)!;

  // Fallback mnemonics the blocks use, sorted, after the fixed names.
  const mnemonics = new Set<string>();
  chunks.forEach((c, ci) => c.names.forEach((name, k) => { if (used[ci]![k + 1]) mnemonics.add(name); }));
  const sortedMnemonics = [...mnemonics].sort();
  const nameIndex = new Map(sortedMnemonics.map((m, i) => [m, FIXED_NAMES + i]));
  const fallbackName = chunks.map((c) => Int32Array.from([-1, ...c.names.map((name) => nameIndex.get(name) ?? -1)]));
  const enc = new TextEncoder();
  const names = [image.name, buildId, canonicalOptions(config.options), ...sortedMnemonics].map((s) => enc.encode(s));
  const stringBytes = names.reduce((s, b) => s + b.length, 0);

  const counts = new Array<number>(TABLE_COUNT).fill(0);
  counts[T.NAMES] = names.length;
  counts[T.STRINGS] = stringBytes;
  counts[T.BLOCKS] = n;
  counts[T.PAGES] = t.pages;
  counts[T.PAGE_BLOCKS] = t.pairs;
  counts[T.RELOCS] = t.relocs;
  counts[T.FAULTS] = t.faults;
  counts[T.CODE] = t.words;
  const offsets = new Array<number>(TABLE_COUNT).fill(0);
  let at = HEADER_SIZE;
  for (let k = 0; k < TABLE_COUNT; k++) {
    at = k === T.CODE ? alignUp(at, CODE_ALIGN) : alignUp(at, TABLE_ALIGN);
    offsets[k] = at;
    at += counts[k]! * ELEMENT_SIZE[k]!;
  }
  const size = alignUp(at, CODE_ALIGN);
  if (size > MAX_FILE) throw new InputError(path, `cache would be ${size} bytes, over the format's 4 GiB limit`, "too-large");
  return { chunks, first, rvas, codeAt, names, fallbackName, relocEnd, faultEnd, offsets, counts, size };
}

/**
 * Fill `file` (the mapping of `fd`: exactly `pl.size` zero bytes, 8-aligned) with the cache and
 * return the linked/unlinked counts. The header (all but its checksum), names and strings first;
 * then chunk by chunk in RVA order: its code and fault bytes in one copy each (its blocks are
 * contiguous there and in the file), then its block records, page runs and relocations
 * (_tables.ts). The big tables are written front to back, each through a Region (_fs.ts) that
 * populates its pages just ahead and starts writeback of what is final, so the disk writes while
 * the rest is filled; last the checksum, over bytes that are all final.
 */
function fill(file: Uint8Array, fd: number, pl: Plan, image: CacheImage, config: CacheConfig, took: (k: keyof WritePhases) => void): { resolved: number; unresolved: number } {
  const u32 = new Uint32Array(file.buffer, file.byteOffset, file.byteLength >>> 2);
  const i32 = new Int32Array(file.buffer, file.byteOffset, file.byteLength >>> 2);
  const { offsets, counts, chunks, first, codeAt } = pl;
  const end = (t: number) => offsets[t]! + counts[t]! * ELEMENT_SIZE[t]!;
  // The small tables around the big ones (header, names, strings; pages, page blocks) in two calls.
  prefault(file, 0, offsets[T.BLOCKS]!);
  const small = offsets[T.PAGES]! & ~4095;
  prefault(file, small, offsets[T.RELOCS]! - small);
  const crc = new PieceCrc(file);
  const blocksOut = new Region(fd, file, offsets[T.BLOCKS]!, end(T.BLOCKS), crc), relocsOut = new Region(fd, file, offsets[T.RELOCS]!, end(T.RELOCS), crc);
  const faultsOut = new Region(fd, file, offsets[T.FAULTS]!, end(T.FAULTS), crc), codeOut = new Region(fd, file, offsets[T.CODE]!, end(T.CODE), crc);

  header(file, pl, image, config);
  for (let i = 0, s = 0; i < pl.names.length; i++) {
    const b = pl.names[i]!;
    u32[offsets[T.NAMES]! / 4 + i * NAME_WORDS] = s;
    u32[offsets[T.NAMES]! / 4 + i * NAME_WORDS + 1] = b.length;
    file.set(b, offsets[T.STRINGS]! + s);
    s += b.length;
  }

  const tables = new Tables(i32, {
    blocks: offsets[T.BLOCKS]! / 4, pages: offsets[T.PAGES]! / 4, pageBlocks: offsets[T.PAGE_BLOCKS]! / 4, relocs: offsets[T.RELOCS]! / 4, code: offsets[T.CODE]! / 4,
  }, pl.rvas, codeAt, image.imageBase);
  for (let ci = 0, faultAt = offsets[T.FAULTS]!; ci < chunks.length; ci++) {
    const c = chunks[ci]!, i0 = first[ci]!, i1 = first[ci + 1]!;
    if (i0 === i1) continue;
    const words = codeAt[i1 - 1]! + c.meta[(i1 - 1 - i0) * FLAT_META + F.CODE_WORDS]! - codeAt[i0]!;
    const faults = pl.faultEnd[ci]! - (ci ? pl.faultEnd[ci - 1]! : 0);
    const blocksEnd = offsets[T.BLOCKS]! + i1 * BLOCK_WORDS * 4, relocsEnd = offsets[T.RELOCS]! + pl.relocEnd[ci]! * RELOC_WORDS * 4;
    const codeEnd = offsets[T.CODE]! + (codeAt[i0]! + words) * 4;
    blocksOut.ahead(blocksEnd);
    relocsOut.ahead(relocsEnd);
    faultsOut.ahead(faultAt + faults);
    codeOut.ahead(codeEnd);
    u32.set(c.code.subarray(0, words), offsets[T.CODE]! / 4 + codeAt[i0]!);
    if (faults) file.set(c.faults.subarray(0, faults), faultAt);
    faultAt += faults;
    tables.chunk(c, i0, i1, pl.fallbackName[ci]!);
    blocksOut.done(blocksEnd);
    relocsOut.done(relocsEnd);
    faultsOut.done(faultAt);
    codeOut.done(codeEnd);
  }
  tables.finish(counts[T.PAGES]!, counts[T.PAGE_BLOCKS]!);

  // Everything but the checksum field is final: the disk writes while the rest of it (the header,
  // names, code-page tables and padding between the regions) is hashed and the pieces joined.
  flushAfterFirstUnit(fd, pl.size);
  took("fill");
  new DataView(file.buffer, file.byteOffset, file.byteLength).setBigUint64(H.CHECKSUM, BigInt(crc.total(CHECKSUM_FROM, pl.size)), true);
  took("checksum");
  return { resolved: tables.resolved, unresolved: tables.unresolved };
}

/** The header but its checksum (which covers everything after its own field, so comes last). */
function header(file: Uint8Array, pl: Plan, image: CacheImage, config: CacheConfig): void {
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const { offsets, counts } = pl;
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
  const ph = opts.phases;
  let lap = performance.now();
  const took = (k: keyof WritePhases) => {
    const now = performance.now();
    if (ph) ph[k] = now - lap;
    lap = now;
  };
  const pl = plan(path, image, config, chunks, opts.buildId ?? VERSION);
  took("plan");
  const tmp = tempPath(path);
  ignoreSigxfsz();
  let fd = -1;
  try {
    fd = openSync(tmp, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, 0o644);
    reserve(fd, pl.size);
    const file = Bun.mmap(tmp, { shared: true });
    if (file.byteLength !== pl.size) throw new Error(`mapped ${file.byteLength} bytes, expected ${pl.size}`);
    adviseHuge(file);
    took("reserve");
    const links = fill(file, fd, pl, image, config, took);
    // fsync through the fd flushes the mapping's dirty pages (Bun has no msync); most of them are
    // already on their way (fill started their writeback).
    fsyncSync(fd);
    took("fsync");
    closeSync(fd);
    fd = -1;
    renameSync(tmp, path);
    fsyncDir(dirname(path));
    took("rename");
    return { bytes: pl.size, blocks: pl.rvas.length, ...links };
  } catch (e) {
    if (fd >= 0) try { closeSync(fd); } catch { /* already failing */ }
    try { unlinkSync(tmp); } catch { /* never created, or already renamed */ }
    if (e instanceof InputError) throw e;
    const { detail, kind } = describe(e, pl.size);
    throw new InputError(path, detail, kind);
  }
}
