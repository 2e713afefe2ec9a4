/**
 * @file Set-up shared by the `aot compile` tests: a small application inside the test prefix's
 * reach (a temporary folder holding samples/hello64.exe and a private copy of the prefix's
 * msvcrt.dll, which the loader finds first, so a test can change that DLL), and helpers to list
 * caches and temporary files and to check every cache with src/cache's checker.
 *
 *   const app = makeApp();    // { dir, exe, dll, cacheDir }
 *   runAot(["compile", app.exe, "--prefix", prefix64(), "--cache-dir", app.cacheDir]);
 *   caches(app.cacheDir);     // { "msvcrt.dll-…-…": Buffer, ... }
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { checkCache } from "../../src/cache/index.ts";
import { loadPeFileSync } from "../../src/pe/index.ts";
import { prefix64, sample } from "../_env.ts";
import { specEncode, type SpecRec } from "../codemap/_spec.ts";

export interface App { dir: string; exe: string; dll: string; cacheDir: string }

export function makeApp(root = mkdtempSync(join(tmpdir(), "aot-compile-"))): App {
  const exe = join(root, "hello64.exe"), dll = join(root, "msvcrt.dll");
  copyFileSync(sample(64), exe);
  copyFileSync(join(prefix64(), "drive_c", "windows", "system32", "msvcrt.dll"), dll);
  return { dir: root, exe, dll, cacheDir: join(root, "fex") };
}

export const cacheFolder = (cacheDir: string): string => join(cacheDir, "cache");

/** Cache files (name -> bytes), without the lock file and temporaries. */
export function caches(cacheDir: string): Map<string, Buffer> {
  const dir = cacheFolder(cacheDir);
  const out = new Map<string, Buffer>();
  if (!existsSync(dir)) return out;
  for (const n of readdirSync(dir).sort()) if (!n.startsWith(".")) out.set(n, readFileSync(join(dir, n)));
  return out;
}

/** Files a writer leaves only while it runs (`.<name>.tmp-<pid>-<n>`). */
export const temps = (cacheDir: string): string[] =>
  existsSync(cacheFolder(cacheDir)) ? readdirSync(cacheFolder(cacheDir)).filter((n) => /\.tmp-\d+-\d+$/.test(n)) : [];

/** checkCache findings of every cache, as "name: finding" lines (empty when all are sound). */
export function checkAll(cacheDir: string): string[] {
  const out: string[] = [];
  for (const n of caches(cacheDir).keys()) for (const f of checkCache(join(cacheFolder(cacheDir), n)).findings) out.push(`${n}: ${f}`);
  return out;
}

/**
 * Ready code maps (written with the spec-based writer of test/codemap) in the app's cache folder
 * for every DLL of its closure: the first `n` .pdata function starts of each, so compiles stay
 * small and quick; the EXE has no map, so it is discovered statically.
 */
export function writeMaps(app: App, n = 1500): void {
  const dir = join(app.cacheDir, "codemap", "ready");
  mkdirSync(dir, { recursive: true });
  const sys = join(prefix64(), "drive_c", "windows", "system32");
  for (const path of [app.dll, ...["kernel32.dll", "kernelbase.dll", "ntdll.dll"].map((d) => join(sys, d))]) {
    const pe = loadPeFileSync(path);
    const recs: SpecRec[] = [{ t: "lib", id: pe.fileId, path: `c:\\windows\\system32\\${basename(path)}` }];
    for (const off of [...new Set(pe.functionStarts)].sort((a, b) => a - b).slice(0, n)) recs.push({ t: "blk", id: pe.fileId, off });
    writeFileSync(join(dir, `${basename(path)}-${pe.fileId.toString(16).padStart(16, "0")}`), specEncode(recs));
  }
}

/** The compile arguments for an app. */
export const compileArgs = (app: App, ...more: string[]): string[] =>
  ["compile", app.exe, "--prefix", prefix64(), "--cache-dir", app.cacheDir, ...more];
