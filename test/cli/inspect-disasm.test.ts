/**
 * @file `aot inspect --disasm` on the ARM64EC and ARM64X fixtures: the ARM64/ARM64EC code ranges
 * (from the CHPE metadata) disassembled by our disassembler must print, word for word, what
 * llvm-objdump-19 -d prints at the same addresses (normalised as in test/arm64/_llvm.ts), and
 * every word must be known. An x64 image has no such ranges: a note on stderr, exit 0.
 */
import { describe, expect, test } from "bun:test";
import { fixture, runAot, sample } from "../_env.ts";
import { MATTR, normalizeLlvm } from "../arm64/_llvm.ts";

function llvmText(path: string): Map<bigint, string | undefined> {
  const od = Bun.spawnSync(["llvm-objdump-19", "-d", "--no-show-raw-insn", `--mattr=${MATTR}`, path], { stdout: "pipe" });
  if (od.exitCode !== 0) throw new Error(od.stderr.toString());
  const out = new Map<bigint, string | undefined>();
  for (const line of od.stdout.toString().split("\n")) {
    const m = /^\s*([0-9a-f]+):\s*\t(.*)$/.exec(line);
    if (m) out.set(BigInt("0x" + m[1]), normalizeLlvm(m[2]!));
  }
  return out;
}

interface Range { kind: string; start: number; end: number; lines: { va: string; text: string; unknown?: true }[] }

describe("aot inspect --disasm", () => {
  for (const [name, kinds] of [["arm64ec.dll", ["arm64ec"]], ["arm64x.dll", ["arm64", "arm64ec"]]] as const) {
    test(`${name}: every word of the ARM64 code ranges prints what llvm-objdump-19 prints`, () => {
      const path = fixture(name);
      const r = runAot(["inspect", path, "--disasm", "--json"]);
      expect(r.code).toBe(0);
      const ranges = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Range);
      expect(ranges.map((x) => x.kind)).toEqual([...kinds]);
      const llvm = llvmText(path);
      let words = 0;
      const bad: string[] = [];
      for (const rg of ranges) {
        expect(rg.lines.length).toBe(Math.floor((rg.end - rg.start) / 4));
        for (const l of rg.lines) {
          words++;
          const want = llvm.get(BigInt(l.va));
          if (l.unknown || l.text !== want) bad.push(`${l.va}: ours "${l.text}", llvm "${want}"`);
        }
      }
      expect(words).toBeGreaterThan(10);
      expect(bad).toEqual([]);
      const text = runAot(["inspect", path, "--disasm"]);
      expect(text.stdout).toContain(`${kinds[0]} code 0x`);
    });
  }
  test("an x64 image has no ARM64 code", () => {
    const r = runAot(["inspect", sample(64), "--disasm"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("no ARM64 or ARM64EC code");
  });
});
