/**
 * @file `aot compile` under hostile conditions, on the small application of _setup.ts:
 * - `kill -9` at random moments (quick 10, full 100, soak 1000 kills; the time limit scales with
 *   the count): every cache left is complete (src/cache's checker finds nothing), the next run
 *   removes the temporary files and ends with exactly the caches an undisturbed compile writes;
 * - two compiles on one cache folder: the second refuses in one line (exit 2) or, with --wait,
 *   waits and then finds everything current; nothing is corrupted;
 * - a full disk (a 2 MiB tmpfs, mounted when we may) and a file-size limit (`ulimit -f` in a
 *   child): one clear line, exit 2, the old caches kept, no temporary file.
 */
import { afterAll, expect, test } from "bun:test";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadPeFileSync } from "../../src/pe/index.ts";
import { ROOT, count, prefix64, runAot } from "../_env.ts";
import { prng } from "../_prng.ts";
import { cacheFolder, caches, checkAll, compileArgs, makeApp, temps, writeMaps, type App } from "./_setup.ts";

const apps: App[] = [];
afterAll(() => { for (const a of apps) rmSync(a.dir, { recursive: true, force: true }); });
const app = (maps = true, n?: number): App => {
  const a = makeApp();
  if (maps) writeMaps(a, n);
  apps.push(a);
  return a;
};

const cli = (args: string[]): string[] => ["bun", join(ROOT, "src/cli/main.ts"), ...args];

/** Flip one byte of a DLL's .data section (same FileId, new content: its cache must be rewritten). */
function touchDll(path: string, salt: number): void {
  const pe = loadPeFileSync(path);
  const data = pe.sections.find((s) => s.name === ".data" && s.rawSize > 64)!;
  const bytes = new Uint8Array(readFileSync(path));
  bytes[data.rawOffset + 32 + (salt % 32)]! ^= 0x5a;
  writeFileSync(path, bytes);
}

const KILLS = count(10, 100);

test(`kill -9 at ${KILLS} random moments: caches old-complete or new-complete, no temporary file after the next run`, async () => {
  const a = app();
  const t0 = performance.now();
  expect(runAot(compileArgs(a)).code).toBe(0);
  const span = performance.now() - t0;
  const rnd = prng(0x5eed);
  let killedMidway = 0;
  for (let i = 0; i < KILLS; i++) {
    touchDll(a.dll, i);
    // Also make one other image's cache disappear (when a killed run has not left one missing
    // already), so several writes are in flight.
    const names = [...caches(a.cacheDir).keys()];
    if (names.length === 5) rmSync(join(cacheFolder(a.cacheDir), names[Math.floor(rnd() * names.length)]!));
    const before = caches(a.cacheDir);
    const child = Bun.spawn(cli(compileArgs(a)), { stdout: "ignore", stderr: "ignore", env: { ...process.env, NO_COLOR: "1" } });
    await Bun.sleep(Math.floor(rnd() * span));
    child.kill(9);
    const code = await child.exited;
    if (code !== 0) killedMidway++;
    expect(checkAll(a.cacheDir)).toEqual([]);
    // Every cache that was there is either unchanged or replaced by a complete one (checked above).
    const after = caches(a.cacheDir);
    for (const n of before.keys()) if (!after.has(n)) expect({ lost: n }).toEqual({ lost: "" });
  }
  const r = runAot(compileArgs(a, "--json"));
  expect(r.code).toBe(0);
  expect(temps(a.cacheDir)).toEqual([]);
  expect(checkAll(a.cacheDir)).toEqual([]);
  // The end state is exactly an undisturbed compile of the same files.
  const fresh = app(false);
  cpSync(a.dll, fresh.dll);
  cpSync(join(a.cacheDir, "codemap"), join(fresh.cacheDir, "codemap"), { recursive: true });
  expect(runAot(compileArgs(fresh)).code).toBe(0);
  const x = caches(a.cacheDir), y = caches(fresh.cacheDir);
  expect([...x.keys()]).toEqual([...y.keys()]);
  for (const [n, b] of x) expect({ n, same: Buffer.compare(b, y.get(n)!) === 0 }).toEqual({ n, same: true });
  expect(killedMidway).toBeGreaterThan(0);
}, 60_000 + KILLS * 8_000);

test("two compiles on one cache folder: the second refuses (one line, exit 2) or waits with --wait; nothing corrupted", async () => {
  const a = app(false); // no maps: static discovery of the whole closure keeps the first compile busy
  const lock = join(cacheFolder(a.cacheDir), ".aot-compile.lock");
  const first = Bun.spawn(cli(compileArgs(a)), { stdout: "pipe", stderr: "pipe" });
  const deadline = Date.now() + 60_000;
  while (!(existsSync(lock) && readFileSync(lock, "utf8").trim() === String(first.pid))) {
    if (Date.now() > deadline) throw new Error("the first compile never took the lock");
    await Bun.sleep(20);
  }
  const refused = runAot(compileArgs(a));
  expect(refused.code).toBe(2);
  expect(refused.stdout).toBe("");
  expect(refused.stderr.trim().split("\n")).toHaveLength(1);
  expect(refused.stderr).toContain(`another aot compile (pid ${first.pid}) is writing this cache folder`);
  const waiter = Bun.spawn(cli(compileArgs(a, "--wait", "--json")), { stdout: "pipe", stderr: "pipe" });
  expect(await first.exited).toBe(0);
  expect(await waiter.exited).toBe(0);
  const j = JSON.parse(await new Response(waiter.stdout).text());
  expect(await new Response(waiter.stderr).text()).toContain("waiting for another aot compile");
  expect(j.totals.current).toBe(5);
  expect(j.totals.compiled).toBe(0);
  expect(checkAll(a.cacheDir)).toEqual([]);
  expect(temps(a.cacheDir)).toEqual([]);
}, 240_000);

test("a file-size limit (ulimit -f): one clear line, exit 2, the old cache kept, no temporary file", () => {
  const a = app();
  expect(runAot(compileArgs(a)).code).toBe(0);
  const before = caches(a.cacheDir);
  touchDll(a.dll, 1);
  const cmd = cli(compileArgs(a)).map((w) => `'${w.replaceAll("'", "'\\''")}'`).join(" ");
  const p = Bun.spawnSync(["bash", "-c", `ulimit -f 64; exec ${cmd}`], { env: { ...process.env, NO_COLOR: "1" } });
  const err = p.stderr.toString().trim();
  expect(p.exitCode).toBe(2);
  expect(err.split("\n")).toHaveLength(1);
  expect(err).toMatch(/^error: .*msvcrt\.dll-[0-9a-f]{16}-[0-9a-f]{16}: .*file-size limit/);
  const after = caches(a.cacheDir);
  for (const [n, b] of before) expect(Buffer.compare(after.get(n)!, b)).toBe(0);
  expect(temps(a.cacheDir)).toEqual([]);
  expect(checkAll(a.cacheDir)).toEqual([]);
}, 120_000);

/** Mount a 2 MiB tmpfs (root only); false when this machine does not let us. */
function mountTmpfs(dir: string): boolean {
  mkdirSync(dir, { recursive: true });
  return Bun.spawnSync(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir], { stderr: "ignore" }).exitCode === 0;
}

test("a full disk (2 MiB tmpfs): one clear line, exit 2, the old caches kept, no temporary file", () => {
  const a = app(true, 150);
  const mnt = join(a.dir, "disk");
  if (!mountTmpfs(mnt)) {
    // Not root, or no mount in this container: the ulimit test above covers the same path (EFBIG vs ENOSPC).
    console.warn("tmpfs mount not permitted here: full-disk test ran through ulimit -f only");
    return;
  }
  try {
    cpSync(a.cacheDir, join(mnt, "fex"), { recursive: true });
    const b: App = { ...a, cacheDir: join(mnt, "fex") };
    const first = runAot(compileArgs(b));
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const before = caches(b.cacheDir);
    // Fill the disk to within 16 KiB, then make msvcrt.dll's cache need rewriting.
    const st = statfsSync(mnt);
    const free = Number(st.bavail) * Number(st.bsize);
    if (free > 16384) writeFileSync(join(mnt, "filler"), new Uint8Array(free - 16384));
    touchDll(a.dll, 2);
    const r = runAot(compileArgs(b));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: .*msvcrt\.dll-[0-9a-f]{16}-[0-9a-f]{16}: no space left/);
    const after = caches(b.cacheDir);
    for (const [n, x] of before) expect(Buffer.compare(after.get(n)!, x)).toBe(0);
    expect(temps(b.cacheDir)).toEqual([]);
    expect(checkAll(b.cacheDir)).toEqual([]);
  } finally {
    // Lazy: this process still maps caches from the disk (Bun.mmap has no munmap).
    Bun.spawnSync(["umount", "-l", mnt]);
  }
}, 120_000);
