/**
 * @file Block and function discovery on the sample programs, cross-checked against GNU objdump's
 * disassembly (an oracle nobody here wrote): from the entry point, blocks stay inside executable
 * sections, each block ends in a terminator or runs into the next block, every instruction we
 * reach is an instruction start in objdump's sweep, and every direct call target we find is a
 * call target objdump prints.
 */
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { codeSections, parsePe } from "../../src/pe/index.ts";
import { discover, FLOW } from "../../src/x86/index.ts";
import { sample } from "../_env.ts";
import { objdumpLengths } from "./_oracle.ts";

function objdumpCallTargets(path: string, bits: 32 | 64): Set<number> {
  const p = Bun.spawnSync(["objdump", "-d", "-M", "intel", "--no-show-raw-insn", "-w", "-b", bits === 64 ? "pei-x86-64" : "pei-i386", path]);
  const out = new Set<number>();
  for (const m of p.stdout.toString().matchAll(/\tcall\s+(?:0x)?([0-9a-f]+)\b/g)) out.add(parseInt(m[1]!, 16));
  return out;
}

for (const bits of [32, 64] as const) {
  test(`discovery from the entry point of hello${bits}.exe`, () => {
    const path = sample(bits);
    const pe = parsePe(readFileSync(path), path);
    const base = Number(pe.imageBase);
    const ranges = codeSections(pe).map((c) => ({ va: base + c.rva, bytes: c.bytes }));
    const inRange = (va: number, end = va) => ranges.some((r) => va >= r.va && end <= r.va + r.bytes.length);
    const d = discover(ranges, [base + pe.entryRva], bits);
    const od = objdumpLengths(path, bits);
    const calls = objdumpCallTargets(path, bits);
    console.log(`hello${bits}: ${d.blocks.size} blocks, ${d.insns.size} instructions, ${d.functions.size} functions, ${d.external.size} external targets`);
    expect(d.blocks.size).toBeGreaterThan(10);
    expect(d.functions.size).toBeGreaterThan(3);
    for (const b of d.blocks.values()) {
      expect(inRange(b.start, b.end)).toBe(true);
      expect(b.invalid).toBe(false);
      if (b.flow === FLOW.NEXT) expect(d.blocks.has(b.end)).toBe(true);
      for (const s of b.succ) expect(d.blocks.has(s)).toBe(true);
    }
    const notInObjdump = [...d.insns.keys()].filter((va) => !od.has(va) && va !== Math.max(...od.keys()) + (od.get(Math.max(...od.keys())) ?? 0));
    expect(notInObjdump.map((v) => v.toString(16))).toEqual([]);
    for (const [va, len] of d.insns) if (od.has(va)) expect([va, len]).toEqual([va, od.get(va)!]);
    for (const f of d.functions) if (f !== base + pe.entryRva) expect(calls.has(f)).toBe(true);
  });
}
