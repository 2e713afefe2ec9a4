/**
 * @file `aot compile --features` (src/compile/config.ts `featuresFrom`): the host features the
 * code may assume beyond the baseline. Names and `host` (a /proc/cpuinfo Features line) are
 * parsed into the feature set; a compile with FlagM writes caches whose configuration records it,
 * whose code uses CFINV where the baseline flips the carry through NZCV, and which `aot verify`
 * accepts and runs (`--exec`, on Unicorn's ARM64 "max" CPU, which has FlagM); a later compile
 * without the option replaces every one of them. The FlagM lowering itself is proven
 * differentially by test/verify/flagm-diff.test.ts.
 */
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BASELINE } from "../../src/arm64/features.ts";
import { CacheReader } from "../../src/cache/index.ts";
import { compileExe } from "../../src/compile/compile.ts";
import { featuresFrom } from "../../src/compile/config.ts";
import { verifyCaches } from "../../src/verify/cache-verify.ts";
import { prefix64, runAot } from "../_env.ts";
import { caches, checkAll, compileArgs, makeApp, writeMaps, type App } from "./_setup.ts";

// CFINV (FEAT_FlagM), from the Arm ARM: MSR (immediate) form 0xd500401f.
const CFINV = 0xd500401f;

const apps: App[] = [];
afterAll(() => { for (const a of apps) rmSync(a.dir, { recursive: true, force: true }); });

test("feature names, host detection, and what is refused", () => {
  expect(featuresFrom("baseline")).toEqual({ ...BASELINE });
  expect(featuresFrom("flagm")).toEqual({ ...BASELINE, flagm: true });
  // FlagM2 includes FlagM (the architecture requires it).
  expect(featuresFrom("FlagM2")).toEqual({ ...BASELINE, flagm: true, flagm2: true });
  const cpuinfo = () => "processor\t: 0\nBogoMIPS\t: 48.00\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp flagm ssbs\n";
  expect(featuresFrom("host", cpuinfo, "arm64")).toEqual({ ...BASELINE, flagm: true });
  expect(() => featuresFrom("host", cpuinfo, "x64")).toThrow("--features host: this machine is x64, not ARM64");
  expect(() => featuresFrom("host", () => "processor\t: 0\n", "arm64")).toThrow("no Features line");
  // rcpc is a feature the format records but no code uses yet: a cache must not demand it.
  expect(() => featuresFrom("flagm,rcpc")).toThrow('unknown or unused feature "rcpc"');
  const r = runAot(["compile", "x.exe", "--features", "sve"]);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toContain('--features: unknown or unused feature "sve"');
});

test("aot translate --features: sub then sbb then ret leaves ARM's C inverted; the exit puts it right with cfinv, or mrs/eor/msr without FlagM", () => {
  const dir = mkdtempSync(join(tmpdir(), "aot-features-"));
  const raw = join(dir, "sbb.bin");
  writeFileSync(raw, Uint8Array.of(0x48, 0x29, 0xd8, 0x48, 0x19, 0xc8, 0xc3)); // sub rax, rbx; sbb rax, rcx; ret
  const flagm = runAot(["translate", raw, "--features", "flagm"]), base = runAot(["translate", raw]);
  rmSync(dir, { recursive: true, force: true });
  expect([flagm.code, base.code]).toEqual([0, 0]);
  expect(flagm.stdout).toMatch(/\bcfinv\b/);
  expect(flagm.stdout).not.toMatch(/\bmrs\b/);
  expect(base.stdout).not.toMatch(/\bcfinv\b/);
  expect(base.stdout).toMatch(/\bmrs x\d+, NZCV\b/);
});

test("a FlagM compile: recorded, CFINV in the code, verified and run; a baseline compile replaces it", async () => {
  const a = makeApp();
  apps.push(a);
  writeMaps(a);
  const r = await compileExe({ exes: [a.exe], prefix: prefix64(), cacheDir: a.cacheDir, jobs: 1, features: featuresFrom("flagm") });
  expect(r.findings).toEqual([]);
  expect(r.features).toEqual(["flagm"]);
  let cfinv = 0;
  for (const img of r.images) {
    const c = CacheReader.open(img.cache!);
    expect([img.name, c.header.config.features]).toEqual([img.name, { ...BASELINE, flagm: true }]);
    for (const w of c.code()) if (w === CFINV) cfinv++;
  }
  expect(cfinv).toBeGreaterThan(0);
  expect(checkAll(a.cacheDir)).toEqual([]);
  const v = verifyCaches([a.exe], { prefix: prefix64(), cacheDir: a.cacheDir, exec: 40 });
  expect(v.caches.length).toBe(r.images.length);
  for (const c of v.caches) expect([c.path, c.findings]).toEqual([c.path, []]);
  const flagmFiles = [...caches(a.cacheDir).keys()];
  // Without --features: every cache is another configuration, so each is replaced and the old one deleted.
  const b = runAot(compileArgs(a, "--json"));
  expect(b.code).toBe(0);
  const j = JSON.parse(b.stdout);
  expect(j.totals.compiled).toBe(r.images.length);
  expect(j.features).toEqual([]);
  const now = [...caches(a.cacheDir).keys()];
  expect(now.length).toBe(flagmFiles.length);
  expect(now.filter((n) => flagmFiles.includes(n))).toEqual([]);
  for (const n of now) expect(CacheReader.open(join(a.cacheDir, "cache", n)).header.config.features).toEqual({ ...BASELINE });
}, 180_000);
