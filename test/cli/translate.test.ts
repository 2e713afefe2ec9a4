/**
 * @file `aot translate` through the built binary: the three text forms on a real PE, JSON output,
 * and bad input (truncated code, an address outside the file or the executable sections, bad
 * flags): one line on stderr, exit 2, never a stack trace.
 */
import { describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, sample } from "../_env.ts";

const BIN = join(ROOT, "dist/aot");
const run = (...args: string[]) => Bun.spawnSync([BIN, ...args], { env: { ...process.env, NO_COLOR: "1" } });

describe("aot translate", () => {
  test("a PE's entry block: x86, IR before and after passes, ARM64", () => {
    const r = run("translate", sample(64), "--ir");
    expect(r.exitCode).toBe(0);
    const out = r.stdout.toString();
    expect(out).toMatch(/^x86 64-bit block 0x[0-9a-f]+: \d+ instructions?/);
    expect(out).toContain("\nir:\n");
    expect(out).toContain("\nir after passes:\n");
    expect(out).toMatch(/\narm64: \d+ instructions\n/);
  });

  test("--json is one object with every ARM64 word decoded", () => {
    const r = run("translate", sample(32), "--json");
    expect(r.exitCode).toBe(0);
    const j = JSON.parse(r.stdout.toString());
    expect(j.mode).toBe(32);
    expect(j.arm64.length).toBeGreaterThan(0);
    for (const a of j.arm64) expect(a.text.startsWith(".inst")).toBe(false);
  });

  test("bad input: one line, exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "aot-translate-"));
    const cut = join(dir, "cut.bin");
    writeFileSync(cut, new Uint8Array([0x48, 0x01, 0xd8, 0x48, 0x81])); // add rax, rbx; then a cut-off add
    const cases = [
      ["translate", cut],
      ["translate", cut, "--rva", "0x100"],
      ["translate", sample(64), "--rva", "0x0"],
      ["translate", "/nonexistent"],
      ["translate", cut, "--mode", "16"],
      ["translate", cut, "--rva", "1", "--va", "1"],
    ];
    for (const c of cases) {
      const r = run(...c);
      expect({ c, code: r.exitCode }).toEqual({ c, code: 2 });
      const err = r.stderr.toString().trim();
      expect(err.split("\n").length).toBe(1);
      expect(err).not.toMatch(/\.ts:\d+/);
    }
  });
});
