/**
 * @file Differential test of random straight-line blocks (src/verify/gen.ts `randomBlock`, run by
 * src/verify/diff.ts `testBlock`): 2..12 instructions over the core integer set (mov/movzx/movsx/
 * movsxd/cmovcc/lea/ALU/inc/dec/neg/not/shifts and rotates/imul/mul/setcc/push/pop/sign
 * extensions/xchg/nop, 8- to 64-bit, AH..BH, `[rbx+disp]` memory), sometimes ending in a jcc,
 * assembled by nasm, translated as one block and compared after the whole block on Unicorn x86
 * and on Unicorn ARM64. `count(30, 1000)` blocks per mode, several states each.
 */
import { expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { assembleBlocks, prng, randomBlock } from "../../src/verify/gen.ts";
import { count } from "../_env.ts";
import { translator } from "./_translate.ts";

const BLOCKS = count(30, 1000);
const STATES = count(10, 30);
const BATCH = 100;

for (const bits of [64, 32] as const) {
  test(`${bits}-bit: random blocks agree`, () => {
    // Values only: unaligned LDAR/STLR are diff.test.ts's alignment test.
    const d = new Differ({ bits, translate: translator(bits), seed: 0xb10c + bits, alignment: "none" });
    const rng = prng(0x51ab + bits);
    for (let done = 0; done < BLOCKS; done += BATCH) {
      const blocks = Array.from({ length: Math.min(BATCH, BLOCKS - done) }, () => randomBlock(rng, bits).lines);
      const code = assembleBlocks(bits, blocks);
      blocks.forEach((lines, i) => d.testBlock(code[i]!, lines, STATES));
    }
    const st = d.stats;
    console.log(`blocks ${bits}-bit: ${st.blocks} blocks, ${st.states} states, ${st.mismatches} mismatches ` +
      `(${Object.keys(st.failing).length} failing blocks); ` +
      `reference faults: ${JSON.stringify(st.refFaults)}; skipped: ${JSON.stringify(st.skipped)}`);
    if (st.reports.length) console.log(st.reports.join("\n\n"));
    d.close();
    expect(st.blocks).toBeGreaterThan(BLOCKS * 0.5);
    expect(st.mismatches).toBe(0);
  }, 1_800_000);
}

test("the block harness reports a translation that drops the last instruction", () => {
  const real = translator(64);
  const d = new Differ({ bits: 64, translate: (code, va, n) => real(code, va, n - 1), seed: 1, alignment: "none" });
  const rng = prng(3);
  const blocks = Array.from({ length: 10 }, () => randomBlock(rng, 64, { min: 4, jcc: 0 }).lines.concat("add eax, 1"));
  const code = assembleBlocks(64, blocks);
  blocks.forEach((lines, i) => d.testBlock(code[i]!, lines, 5));
  d.close();
  // The dropped `add eax, 1` changes RAX, the flags and the exit RIP on every state.
  expect(d.stats.mismatches).toBe(d.stats.states);
  expect(d.stats.reports[0]).toMatch(/^ {2}\* rax /m);
  expect(d.stats.reports[0]).toMatch(/^ {2}\* next /m);
});
