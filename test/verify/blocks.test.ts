/**
 * @file Differential test of random straight-line blocks (src/verify/gen.ts `randomBlock`, run by
 * src/verify/diff.ts `testBlock`): 2..12 instructions mixing the whole translated set (mov/movzx/
 * movsx/movsxd/cmovcc/lea/ALU/inc/dec/neg/not/shifts and rotates/imul/mul/setcc/push/pop/sign
 * extensions/xchg/nop, flag and PUSHF/POPF/XLAT instructions, LOCK'd read-modify-writes and
 * XCHG/XADD/CMPXCHG, the bits group, SHLD/SHRD/RCL/RCR, and the vector slice on XMM0-15:
 * src/verify/gen-groups.ts), 8- to 64-bit, AH..BH, `[rbx+disp]` memory, sometimes ending in a jcc,
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
const ENGINE_BLOCKS = 1000;

for (const bits of [64, 32] as const) {
  test(`${bits}-bit: random blocks agree`, () => {
    // Values only: unaligned LDAR/STLR are diff.test.ts's alignment test.
    // A fresh pair of engines every ENGINE_BLOCKS blocks: after some thousands of rewritten and
    // invalidated code blocks Unicorn 2.0.1 crashes the process (a segfault in the soak tier), a
    // limit of the emulator, not of the code under test.
    const fresh = (k: number) => new Differ({ bits, translate: translator(bits), seed: 0xb10c + bits + k, alignment: "none" });
    let d = fresh(0);
    const rng = prng(0x51ab + bits);
    const total = { blocks: 0, shortened: 0, states: 0, mismatches: 0, failing: {} as Record<string, number>, refFaults: {} as Record<string, number>, skipped: {} as Record<string, number>, reports: [] as string[] };
    const fold = () => {
      const st = d.stats;
      total.blocks += st.blocks; total.shortened += st.shortened ?? 0; total.states += st.states; total.mismatches += st.mismatches;
      Object.assign(total.failing, st.failing);
      for (const [k, v] of Object.entries(st.refFaults)) total.refFaults[k] = (total.refFaults[k] ?? 0) + v;
      for (const [k, v] of Object.entries(st.skipped)) total.skipped[k] = (total.skipped[k] ?? 0) + v;
      total.reports.push(...st.reports.slice(0, Math.max(0, 30 - total.reports.length)));
      d.close();
    };
    for (let done = 0; done < BLOCKS; done += BATCH) {
      if (done && done % ENGINE_BLOCKS === 0) { fold(); d = fresh(done); }
      const blocks = Array.from({ length: Math.min(BATCH, BLOCKS - done) }, () => randomBlock(rng, bits).lines);
      const code = assembleBlocks(bits, blocks);
      blocks.forEach((lines, i) => d.testBlock(code[i]!, lines, STATES));
    }
    fold();
    const st = total;
    console.log(`blocks ${bits}-bit: ${st.blocks} blocks (${st.shortened} ended early by the translator), ${st.states} states, ${st.mismatches} mismatches ` +
      `(${Object.keys(st.failing).length} failing blocks); ` +
      `reference faults: ${JSON.stringify(st.refFaults)}; skipped: ${JSON.stringify(st.skipped)}`);
    if (st.reports.length) console.log(st.reports.join("\n\n"));
    expect(st.blocks).toBeGreaterThan(BLOCKS * 0.5);
    expect(st.mismatches).toBe(0);
  }, 1_800_000);
}

test("the block harness reports a translation that drops the last instruction", () => {
  const real = translator(64);
  // Translates one instruction fewer but claims the whole block (a shortened block that says so is
  // legal, ABI §3.1; one that silently drops an instruction is the bug this harness must catch).
  const dropLast = (code: Uint8Array, va: bigint, n: number) => ({ ...real(code, va, n - 1), insnCount: n });
  const d = new Differ({ bits: 64, translate: dropLast, seed: 1, alignment: "none" });
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
