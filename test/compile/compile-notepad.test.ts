/**
 * @file Acceptance: `aot compile --discover` of the test prefix's 64-bit notepad.exe (ARM64EC)
 * and 32-bit notepad.exe (syswow64, WOW64) compiles each whole closure: one sound cache
 * (src/cache's checker) per image `aot deps` resolves, for the right target, exit 0. The full tier
 * compiles both closures; the quick tier only the 32-bit one. (Speed lives in `aot bench compile`,
 * never here.)
 */
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SLOW, prefix64, runAot } from "../_env.ts";
import { caches, checkAll } from "./_setup.ts";

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function closureOf(exe: string): string[] {
  const r = runAot(["deps", exe, "--prefix", prefix64(), "--json"]);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout).images as { path: string }[]).map((i) => i.path).sort();
}

const cases = [
  { bits: 64, exe: () => join(prefix64(), "drive_c", "windows", "notepad.exe"), target: "arm64ec", run: SLOW },
  { bits: 32, exe: () => join(prefix64(), "drive_c", "windows", "syswow64", "notepad.exe"), target: "wow64", run: true },
];

for (const c of cases) {
  test.skipIf(!c.run)(`${c.bits}-bit notepad.exe: --discover compiles the whole closure (${c.target})`, () => {
    const dir = mkdtempSync(join(tmpdir(), "aot-compile-notepad-"));
    dirs.push(dir);
    const exe = c.exe();
    const r = runAot(["compile", exe, "--discover", "--prefix", prefix64(), "--cache-dir", dir, "--jobs", "2", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.images.map((i: { path: string }) => i.path).sort()).toEqual(closureOf(exe));
    for (const i of j.images) expect({ name: i.name, status: i.status, target: i.target }).toEqual({ name: i.name, status: "compiled", target: c.target });
    expect(caches(dir).size).toBe(j.images.length);
    expect(j.totals.blocks).toBeGreaterThan(10_000);
    expect(checkAll(dir)).toEqual([]);
  }, 600_000);
}
