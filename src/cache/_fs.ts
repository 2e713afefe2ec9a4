/**
 * @file Stage 9 (code cache), internal: the file-system calls the cache writer needs beyond
 * node:fs. `reserve` allocates a file's blocks before it is mapped, so a full disk is an ENOSPC
 * error here and never a SIGBUS while writing through the mapping (a store into a sparse shared
 * mapping that the file system cannot back kills the process). `Region` streams one table of the
 * mapped file: pages populated just ahead of the writer (`prefault`), finished bytes checksummed
 * while still in the CPU's caches (_crc.ts), finished units handed to writeback (`startWriteback`,
 * sync_file_range) so the final fsync finds little left; `adviseHuge`
 * asks for huge folios behind the mapping. Those three are best effort (libc through bun:ffi,
 * loaded lazily). `fsyncDir` makes a rename durable.
 *
 *   reserve(fd, bytes);            // throws an Error with code "ENOSPC" | "EFBIG" | ...
 *   const out = new Region(fd, map, start, end, crc);
 *   out.ahead(to); ...stores below `to`...; out.done(to);
 *   fsyncDir(dirname(path));
 */
import { closeSync, fsyncSync, ftruncateSync, openSync, constants } from "node:fs";
import type { PieceCrc } from "./_crc.ts";

type Fallocate = (fd: number, offset: number, len: number) => number;
let fallocate: Fallocate | null | undefined;
type Madvise = (map: Uint8Array, offset: number, len: number, advice: number) => number;
let madvise: Madvise | null | undefined;
type SyncFileRange = (fd: number, offset: number, len: number, flags: number) => number;
let syncFileRange: SyncFileRange | null | undefined;
/** Linux 5.14+: fault in every page of a range of a mapping for writing, in one call. */
const MADV_POPULATE_WRITE = 23;
/** Back the mapping with huge folios where the kernel can (transparent huge pages). */
const MADV_HUGEPAGE = 14;
/** sync_file_range: start writeback of the range's dirty pages, wait for nothing. */
const SYNC_FILE_RANGE_WRITE = 2;

const ERRNO: Record<number, string> = { 27: "EFBIG", 28: "ENOSPC", 95: "EOPNOTSUPP", 22: "EINVAL", 5: "EIO", 122: "EDQUOT" };

/**
 * A libc function through bun:ffi, or null (not Linux, no glibc, symbol missing). bun:ffi is
 * loaded lazily: only the writer needs it, and a host without it falls back. Each function gets
 * its own dlopen so one missing symbol does not take the others with it.
 */
function libc<T>(make: (ffi: typeof import("bun:ffi")) => T): T | null {
  if (process.platform !== "linux") return null;
  try {
    return make(require("bun:ffi") as typeof import("bun:ffi"));
  } catch {
    return null;
  }
}

const loadFallocate = () => libc<Fallocate>(({ dlopen, FFIType: t }) => {
  const f = dlopen("libc.so.6", { posix_fallocate: { args: [t.i32, t.i64, t.i64], returns: t.i32 } }).symbols.posix_fallocate;
  return (fd, off, len) => f(fd, off, len) as number;
});

const loadMadvise = () => libc<Madvise>(({ dlopen, FFIType: t, ptr }) => {
  const f = dlopen("libc.so.6", { madvise: { args: [t.ptr, t.u64, t.i32], returns: t.i32 } }).symbols.madvise;
  return (map, off, len, advice) => f(ptr(map, off), len, advice) as number;
});

const loadSyncFileRange = () => libc<SyncFileRange>(({ dlopen, FFIType: t }) => {
  const f = dlopen("libc.so.6", { sync_file_range: { args: [t.i32, t.i64, t.i64, t.u32], returns: t.i32 } }).symbols.sync_file_range;
  return (fd, off, len, flags) => f(fd, off, len, flags) as number;
});

function advise(map: Uint8Array, offset: number, len: number, advice: number): void {
  if (madvise === undefined) madvise = loadMadvise();
  if (madvise && len > 0) madvise(map, offset, len, advice);
}

/**
 * Ask for huge folios behind a fresh shared file mapping (best effort). Where the kernel gives
 * them (ext4 with large folios and THP in "madvise" mode), populating and writeback work in
 * 2 MiB units instead of 4 KiB pages: measured on a 118 MB cache, populating dropped from ~40 ms
 * to ~25 ms. Elsewhere it is refused or ignored, and everything works page by page as before.
 */
export function adviseHuge(map: Uint8Array): void {
  advise(map, 0, map.byteLength, MADV_HUGEPAGE);
}

/**
 * Fault in the pages of `map` over [offset, offset + len) (page-aligned `offset`) before they are
 * written: one madvise call allocates the page-cache pages and page-table entries in the kernel,
 * where letting each first store trap does it one 4 KiB page at a time (about 4x slower for a
 * 100 MB cache without huge folios). Best effort: an older kernel (EINVAL) or another OS just
 * takes the faults.
 */
export function prefault(map: Uint8Array, offset = 0, len = map.byteLength - offset): void {
  advise(map, offset, len, MADV_POPULATE_WRITE);
}

/**
 * Start writing [offset, offset + len) of `fd` to disk without waiting (sync_file_range
 * SYNC_FILE_RANGE_WRITE), so the device works while the writer fills the rest and the final
 * fsync finds little left. Durability still comes from that fsync only. Best effort: any failure
 * (no such call on this OS, a file system that refuses it) only means the fsync does all the work.
 */
export function startWriteback(fd: number, offset: number, len: number): void {
  if (syncFileRange === undefined) syncFileRange = loadSyncFileRange();
  if (syncFileRange && len > 0) syncFileRange(fd, offset, len, SYNC_FILE_RANGE_WRITE);
}

/** Size the file to `bytes` with every block allocated (posix_fallocate; plain ftruncate where that is unavailable). */
export function reserve(fd: number, bytes: number): void {
  if (fallocate === undefined) fallocate = loadFallocate();
  if (fallocate) {
    const rc = fallocate(fd, 0, bytes);
    // glibc emulates posix_fallocate where the file system lacks fallocate; EOPNOTSUPP/EINVAL
    // only remain for exotic file systems, where a sparse file is the best we can do.
    if (rc !== 0 && rc !== 95 && rc !== 22) {
      const code = ERRNO[rc] ?? `errno ${rc}`;
      throw Object.assign(new Error(`${code}: cannot reserve ${bytes} bytes`), { code });
    }
  }
  ftruncateSync(fd, bytes);
}

/** fsync a directory so a rename inside it survives a crash (best effort where directories cannot be opened). */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on directories (EINVAL); the rename itself already happened.
  } finally {
    closeSync(fd);
  }
}

/** Ignore SIGXFSZ so exceeding a file-size limit is an EFBIG error rather than a dead process. */
let xfszIgnored = false;
export function ignoreSigxfsz(): void {
  if (xfszIgnored || process.platform === "win32") return;
  xfszIgnored = true;
  process.on("SIGXFSZ", () => {});
}

/**
 * Unit of populating and of early writeback: 2 MiB, the largest folio the page cache uses, so a
 * range handed to writeback never shares a folio with bytes still to be written (that folio would
 * be write-protected by writeback and fault again on the next store).
 */
const UNIT = 2 << 20;
/** Start writeback once this much more of a region is final: fewer, larger requests. */
const FLUSH_AT = 8 << 20;
const PAGE = 4096;

/**
 * One table of a file being filled front to back through its shared mapping: its pages are
 * populated just ahead of the writer (while they are about to be written, so the zeroed pages
 * are still in cache); its finished part is checksummed at once (still in cache too) and handed to
 * writeback as the fill goes, so the disk works while the CPU fills the rest.
 */
export class Region {
  private populated: number;
  private flushed: number;
  private hashed: number;

  constructor(private readonly fd: number, private readonly map: Uint8Array, start: number, private readonly end: number, private readonly crc: PieceCrc) {
    this.populated = start - (start % PAGE);
    this.flushed = Math.ceil(start / UNIT) * UNIT;
    this.hashed = start;
  }

  /** The writer is about to store bytes below `to`: populate up to there (a whole unit at a time). */
  ahead(to: number): void {
    if (to <= this.populated) return;
    const next = Math.min(Math.ceil(to / UNIT) * UNIT, Math.ceil(this.end / PAGE) * PAGE, this.map.byteLength);
    if (next > this.populated) prefault(this.map, this.populated, next - this.populated);
    this.populated = next;
  }

  /** Every byte of the region below `to` is final: checksum them, start writeback of the whole units below it. */
  done(to: number): void {
    const final = Math.min(to, this.end);
    if (final > this.hashed) {
      this.crc.hash(this.hashed, final);
      this.hashed = final;
    }
    const upto = Math.floor(Math.min(to, this.end) / UNIT) * UNIT;
    if (upto - this.flushed < FLUSH_AT) return;
    startWriteback(this.fd, this.flushed, upto - this.flushed);
    this.flushed = upto;
  }
}

/** Hand everything from the first unit on to writeback (the header's unit stays dirty for its checksum). */
export function flushAfterFirstUnit(fd: number, size: number): void {
  if (size > UNIT) startWriteback(fd, UNIT, size - UNIT);
}
