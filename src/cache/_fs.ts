/**
 * @file Stage 9 (code cache), internal: the file-system calls the cache writer needs beyond
 * node:fs. `reserve` allocates a file's blocks before it is mapped, so a full disk is an ENOSPC
 * error here and never a SIGBUS while writing through the mapping (a store into a sparse shared
 * mapping that the file system cannot back kills the process). `fsyncDir` makes a rename durable.
 *
 *   reserve(fd, bytes);            // throws an Error with code "ENOSPC" | "EFBIG" | ...
 *   fsyncDir(dirname(path));
 */
import { closeSync, fsyncSync, ftruncateSync, openSync, constants } from "node:fs";

type Fallocate = (fd: number, offset: number, len: number) => number;
let fallocate: Fallocate | null | undefined;
type Madvise = (addr: Uint8Array, len: number, advice: number) => number;
let madvise: Madvise | null | undefined;
/** Linux 5.14+: fault in every page of a mapping for writing, in one call. */
const MADV_POPULATE_WRITE = 23;

const ERRNO: Record<number, string> = { 27: "EFBIG", 28: "ENOSPC", 95: "EOPNOTSUPP", 22: "EINVAL", 5: "EIO", 122: "EDQUOT" };

function loadFallocate(): Fallocate | null {
  if (process.platform !== "linux") return null;
  try {
    // bun:ffi is loaded lazily: only the writer needs it, and a host without glibc falls back.
    const { dlopen, FFIType } = require("bun:ffi") as typeof import("bun:ffi");
    const lib = dlopen("libc.so.6", { posix_fallocate: { args: [FFIType.i32, FFIType.i64, FFIType.i64], returns: FFIType.i32 } });
    return (fd, off, len) => lib.symbols.posix_fallocate(fd, off, len) as number;
  } catch {
    return null;
  }
}

function loadMadvise(): Madvise | null {
  if (process.platform !== "linux") return null;
  try {
    const { dlopen, FFIType, ptr } = require("bun:ffi") as typeof import("bun:ffi");
    const lib = dlopen("libc.so.6", { madvise: { args: [FFIType.ptr, FFIType.u64, FFIType.i32], returns: FFIType.i32 } });
    return (a, len, advice) => lib.symbols.madvise(ptr(a), len, advice) as number;
  } catch {
    return null;
  }
}

/**
 * Fault in every page of a fresh shared file mapping before it is filled: one madvise call
 * allocates the page-cache pages and page-table entries in the kernel, where letting each first
 * store trap does it one 4 KiB page at a time (about 4x slower for a 100 MB cache). Best effort:
 * an older kernel (EINVAL) or another OS just takes the faults.
 */
export function prefault(map: Uint8Array): void {
  if (madvise === undefined) madvise = loadMadvise();
  if (madvise && map.byteLength > 0) madvise(map, map.byteLength, MADV_POPULATE_WRITE);
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
