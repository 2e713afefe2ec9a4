/**
 * @file Stage 8 (compiler): the cache-directory lock, one `aot compile` writing a cache folder at
 * a time.
 *
 * `flock(LOCK_EX | LOCK_NB)` through bun:ffi on `<dir>/.aot-compile.lock`: the kernel releases it
 * when the holder's file descriptor goes away, so a killed compile (even `kill -9`) never leaves
 * the folder locked and nobody has to guess whether a recorded PID is still alive. The holder
 * writes its PID into the file only so the message can name it. A second compile either waits
 * (`wait: true`, polling every 100 ms, `onWait` called once) or gets a {@link LockBusy}.
 *
 *   const lock = await lockCacheDir(dir, { wait: false });   // throws LockBusy when held
 *   try { ... } finally { lock.release(); }
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";

const LOCK_EX = 2;
const LOCK_NB = 4;
export const LOCK_NAME = ".aot-compile.lock";

let flockFn: ((fd: number, op: number) => number) | undefined;

function flock(fd: number, op: number): number {
  if (!flockFn) {
    const { dlopen, FFIType } = require("bun:ffi") as typeof import("bun:ffi");
    let lib;
    for (const name of ["libc.so.6", "libc.so", "libSystem.B.dylib"]) {
      try {
        lib = dlopen(name, { flock: { args: [FFIType.i32, FFIType.i32], returns: FFIType.i32 } });
        break;
      } catch {
        // try the next name
      }
    }
    // Compiling without the lock could interleave two writers' stale-cache deletions: refuse.
    if (!lib) throw new Error("flock() is unavailable: could not dlopen libc");
    const f = lib.symbols.flock;
    flockFn = (d, o) => f(d, o) as number;
  }
  return flockFn(fd, op);
}

/** Another process holds the lock (and `wait` was false). */
export class LockBusy extends Error {
  constructor(readonly path: string, readonly holder: string) {
    super(`${path}: another aot compile${holder ? ` (pid ${holder})` : ""} is writing this cache folder; run again when it is done, or pass --wait`);
  }
}

export interface DirLock {
  path: string;
  release(): void;
}

/** Take the lock of cache folder `dir` (created if missing); see the file overview. */
export async function lockCacheDir(dir: string, opts: { wait?: boolean; onWait?: (path: string, holder: string) => void } = {}): Promise<DirLock> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_NAME);
  const fd = openSync(path, "a+");
  let told = false;
  for (;;) {
    if (flock(fd, LOCK_EX | LOCK_NB) === 0) break;
    let holder = "";
    try {
      holder = readFileSync(path, "utf8").trim();
    } catch {}
    if (!opts.wait) {
      closeSync(fd);
      throw new LockBusy(path, holder);
    }
    if (!told) opts.onWait?.(path, holder);
    told = true;
    await Bun.sleep(100);
  }
  try {
    ftruncateSync(fd, 0);
    writeSync(fd, `${process.pid}\n`, 0);
  } catch {
    // the PID is only for messages; a full disk must not stop us from holding the lock
  }
  let held = true;
  return {
    path,
    release() {
      if (held) closeSync(fd);
      held = false;
    },
  };
}
