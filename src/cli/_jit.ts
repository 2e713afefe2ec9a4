/**
 * @file CLI, internal: the JavaScriptCore tier policy of `aot compile` with several translator
 * threads. Every translator thread (the main thread and each worker) JIT-compiles the translator
 * on its own, and JavaScriptCore's top tier (FTL) costs about 1.5 CPU-seconds of compiling per
 * thread, on the same cores the translators need. Measured on the test prefix's 64-bit notepad
 * closure (315,723 blocks, 2 cores, best of runs, `aot compile --discover`): `--jobs 2` 4.74 s
 * without FTL against 6.19 s with it; `--jobs 1` 6.32 s with FTL against 7.58 s without (one
 * thread keeps FTL: its compiles run on the otherwise idle core and its code runs longest).
 *
 * JavaScriptCore reads its options once, from the environment, when the process starts, so with
 * two or more threads `aot compile` replaces its process image (execve: same PID, open files and
 * signal handling; nothing has been read, written or locked yet) with the same command whose
 * environment has `BUN_JSC_useFTLJIT=0`. A `BUN_JSC_useFTLJIT` the user set is kept as it is, and
 * `AOT_JIT=keep` turns the policy off. Where execve is unavailable the compile just runs as is.
 *
 *   if (threads >= 2) reexecWithoutFtl();   // returns only when nothing was done
 */
import { dlopen, FFIType, ptr } from "bun:ffi";

/** The binary's entry is its own argv[0]; under `bun run`, bun and the script. */
const inBinary = import.meta.dir.startsWith("/$bunfs") || import.meta.dir.startsWith("B:/~BUN");

export function reexecWithoutFtl(env: NodeJS.ProcessEnv = process.env): void {
  if (process.platform !== "linux" || env.BUN_JSC_useFTLJIT !== undefined || env.AOT_JIT === "keep") return;
  const argv = inBinary ? [process.execPath, ...process.argv.slice(2)] : [process.execPath, ...process.argv.slice(1)];
  const vars = Object.entries({ ...env, BUN_JSC_useFTLJIT: "0" }).map(([k, v]) => `${k}=${v ?? ""}`);
  // NUL-terminated strings and NULL-terminated pointer arrays, alive until execve replaces us.
  const strings = [process.execPath, ...argv, ...vars].map((s) => Buffer.from(`${s}\0`, "utf8"));
  const table = (from: number, n: number) => {
    const t = new BigUint64Array(n + 1);
    for (let k = 0; k < n; k++) t[k] = BigInt(ptr(strings[from + k]!));
    return t;
  };
  const argvT = table(1, argv.length), envT = table(1 + argv.length, vars.length);
  try {
    const libc = dlopen("libc.so.6", { execve: { args: [FFIType.ptr, FFIType.ptr, FFIType.ptr], returns: FFIType.i32 } });
    libc.symbols.execve(ptr(strings[0]!), ptr(argvT), ptr(envT));
  } catch {
    // No libc to call: compile with the tiers as they are.
  }
}
