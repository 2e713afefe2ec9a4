/**
 * @file Stage 3 (code maps), internal: the file-system primitives aggregation needs to be safe
 * against kills and concurrent aggregators.
 *
 * - {@link atomicWrite}: temp file in the same folder, fsync, rename over the target, fsync the
 *   folder. A reader sees the old file or the new one, never a mix; a kill leaves at most a
 *   `.<name>.tmp-<pid>-<n>` file, which the next aggregator removes.
 * - {@link tryFlock}: `flock(LOCK_EX | LOCK_NB)` through bun:ffi on libc. We chose flock over an
 *   O_EXCL lock file because the kernel drops the lock when its holder dies (no stale-lock
 *   guessing after SIGKILL), and because it is the lock FEX's Linux writers hold on
 *   `codemap/new/*.bin` while they run, so the same call tells us a map is still being written.
 *
 *   const fd = openSync(lockPath, "w");
 *   if (!tryFlock(fd)) throw ...;            // released by closeSync(fd) or process death
 *   atomicWrite("/cache/codemap/ready/game.exe-0123456789abcdef", bytes);
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const LOCK_EX = 2;
const LOCK_NB = 4;

type FlockFn = (fd: number, op: number) => number;
let flockFn: FlockFn | null | undefined;

function loadFlock(): FlockFn | null {
  if (flockFn !== undefined) return flockFn;
  flockFn = null;
  const { dlopen, FFIType } = require("bun:ffi") as typeof import("bun:ffi");
  for (const name of ["libc.so.6", "libc.so", "libc.dylib", "libSystem.B.dylib"]) {
    try {
      const lib = dlopen(name, { flock: { args: [FFIType.i32, FFIType.i32], returns: FFIType.i32 } });
      flockFn = (fd, op) => lib.symbols.flock(fd, op) as number;
      break;
    } catch {
      // try the next name
    }
  }
  return flockFn;
}

/**
 * Take an exclusive, non-blocking flock on `fd`. False when another process holds it. Throws when
 * flock is unavailable (no libc found), since silently skipping the lock could corrupt maps.
 */
export function tryFlock(fd: number): boolean {
  const f = loadFlock();
  if (!f) throw new Error("flock() is unavailable: could not dlopen libc");
  return f(fd, LOCK_EX | LOCK_NB) === 0;
}

let tmpCounter = 0;

/** Replace `path` with `bytes` atomically and durably (see the file overview). */
export function atomicWrite(path: string, bytes: Uint8Array): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${tmpCounter++}`);
  const fd = openSync(tmp, "wx", 0o644);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {}
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path);
  fsyncDir(dir);
}

/** fsync a directory so a rename or unlink inside it survives a crash. */
export function fsyncDir(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** True for the temp files {@link atomicWrite} leaves behind when killed. */
export const isTempName = (name: string): boolean => name.startsWith(".") && /\.tmp-\d+-\d+$/.test(name);
