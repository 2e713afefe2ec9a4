/**
 * @file Stage 3 (code maps), internal: the file-system primitives aggregation needs to be safe
 * against kills and concurrent aggregators.
 *
 * - {@link atomicWrite}: temp file in the same folder, fsync, rename over the target, fsync the
 *   folder. A reader sees the old file or the new one, never a mix; a kill leaves at most a
 *   `.<name>.tmp-<pid>-<n>` file (`<name>` cut to fit NAME_MAX), which the next aggregator removes.
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
import { InputError } from "../util/errors.ts";

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

/** The longest file name, in bytes, Linux file systems accept (NAME_MAX). */
export const NAME_MAX = 255;

/** A path as bytes: file names from code maps need not be UTF-8, so they travel as Buffers. */
const asBytes = (p: string | Uint8Array): Buffer => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p.buffer, p.byteOffset, p.byteLength));

/**
 * `.<name>.tmp-<pid>-<n>` in the target's folder, with `<name>` cut so the whole stays within
 * NAME_MAX: a temp name must never be the reason a legal final name cannot be written.
 */
export function tempNameFor(path: string | Uint8Array): Buffer {
  const p = asBytes(path);
  const slash = p.lastIndexOf(0x2f);
  const suffix = Buffer.from(`.tmp-${process.pid}-${tmpCounter++}`);
  const stem = p.subarray(slash + 1, slash + 1 + Math.max(0, NAME_MAX - 1 - suffix.length));
  return Buffer.concat([p.subarray(0, slash + 1), Buffer.from("."), stem, suffix]);
}

/**
 * Replace `path` with `bytes` atomically and durably (see the file overview). `path` may be raw
 * bytes (a non-UTF-8 name); `bytes` may be pieces, each written before the next is asked for (a
 * generator may reuse one buffer). Failures are InputErrors naming `path` (never the temp file), and
 * leave no temp file behind; a final name longer than NAME_MAX is refused before anything is written.
 */
export function atomicWrite(path: string | Uint8Array, bytes: Uint8Array | Iterable<Uint8Array>): void {
  const p = asBytes(path);
  const shown = p.toString();
  const base = p.subarray(p.lastIndexOf(0x2f) + 1);
  if (base.length > NAME_MAX) throw new InputError(shown, `cannot write: the file name is ${base.length} bytes (file systems allow ${NAME_MAX})`, "io");
  const tmp = tempNameFor(p);
  const fail = (e: unknown): never => {
    try {
      unlinkSync(tmp);
    } catch {}
    if (e instanceof InputError) throw e;
    const err = e as NodeJS.ErrnoException;
    // The system message names the temp file; say what failed about the user's file instead.
    throw new InputError(shown, `cannot write: ${err.code ?? err.message}${err.syscall ? ` (${err.syscall})` : ""}`, "io");
  };
  let fd: number;
  try {
    fd = openSync(tmp, "wx", 0o644);
  } catch (e) {
    return fail(e);
  }
  try {
    for (const piece of bytes instanceof Uint8Array ? [bytes] : bytes) {
      let off = 0;
      while (off < piece.length) off += writeSync(fd, piece, off, piece.length - off);
    }
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    return fail(e);
  }
  closeSync(fd);
  try {
    // e.g. `path` is a directory: the temp file must not outlive the failure.
    renameSync(tmp, p);
  } catch (e) {
    return fail(e);
  }
  const slash = p.lastIndexOf(0x2f);
  fsyncDir(slash < 0 ? "." : slash === 0 ? "/" : p.subarray(0, slash));
}

/** fsync a directory so a rename or unlink inside it survives a crash. */
export function fsyncDir(dir: string | Uint8Array): void {
  const fd = openSync(typeof dir === "string" ? dir : Buffer.from(dir.buffer, dir.byteOffset, dir.byteLength), "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** True for the temp files {@link atomicWrite} leaves behind when killed. */
export const isTempName = (name: string): boolean => name.startsWith(".") && /\.tmp-\d+-\d+$/.test(name);
