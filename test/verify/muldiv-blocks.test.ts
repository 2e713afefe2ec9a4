/**
 * @file Differential test of random blocks with the muldiv group inside (src/verify/gen.ts
 * `randomBlock` lines, with one to three DIV/IDIV/RCL/RCR/SHLD/SHRD/MUL/IMUL lines inserted at
 * random places, run by src/verify/diff.ts `testBlock`): flags and registers must flow through
 * these instructions as through the core set, and a #DE in the middle of a block (random states
 * make about half the divisions fault) must leave with the state of the instructions before it.
 * `count(30, 1000)` blocks per mode, several states each.
 */
import { expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { assembleBlocks, prng, randomBlock, type Rng } from "../../src/verify/gen.ts";
import { count } from "../_env.ts";
import { translator } from "./_translate.ts";

const BLOCKS = count(30, 1000);
const STATES = count(10, 30);

const REGS: Record<number, Record<32 | 64, string[]>> = {
  8: { 64: ["al", "cl", "dl", "sil", "dil", "r9b", "r12b", "ah", "dh"], 32: ["al", "cl", "dl", "ah", "ch", "dh"] },
  16: { 64: ["ax", "cx", "dx", "si", "di", "bp", "r10w"], 32: ["ax", "cx", "dx", "si", "di", "bp"] },
  32: { 64: ["eax", "ecx", "edx", "esi", "edi", "ebp", "r11d", "r14d"], 32: ["eax", "ecx", "edx", "esi", "edi", "ebp"] },
  64: { 64: ["rax", "rcx", "rdx", "rsi", "rdi", "rbp", "r8", "r15"], 32: [] },
};
const SIZE_NAME: Record<number, string> = { 8: "byte", 16: "word", 32: "dword", 64: "qword" };

/** One muldiv instruction with random operands (memory through [rbx/ebx + d], as gen.ts does). */
function muldivLine(rng: Rng, bits: 32 | 64): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rng() * a.length)]!;
  const bx = bits === 64 ? "rbx" : "ebx";
  const sizes = bits === 64 ? [8, 16, 32, 64] : [8, 16, 32];
  const mem = (s: number): string => `${SIZE_NAME[s]} [${bx}${pick(["", "+8", "-16", "+0x18"])}]`;
  const rm = (s: number): string => (rng() < 0.4 ? mem(s) : pick(REGS[s]![bits]));
  switch (Math.floor(rng() * 4)) {
    case 0: { // div / idiv / mul / imul, one operand (the divisor is never rbx: blocks address memory through it)
      const s = pick(sizes);
      return `${pick(["div", "idiv", "div", "idiv", "mul", "imul"])} ${rm(s)}`;
    }
    case 1: { // rcl / rcr by 1, imm8, cl
      const s = pick(sizes);
      const d = rm(s);
      return `${pick(["rcl", "rcr"])} ${d}, ${pick(["1", "cl", String(2 + Math.floor(rng() * 70))])}`;
    }
    default: { // shld / shrd by imm8, cl (16-bit counts stay at or below 16: above, the SDM leaves all undefined)
      const s = pick(sizes.filter((x) => x > 8));
      const d = rm(s);
      const src = pick(REGS[s]![bits].filter((r) => !d.endsWith(r)));
      const n = s === 16 ? Math.floor(rng() * 17) : Math.floor(rng() * (s === 64 ? 64 : 32));
      return `${pick(["shld", "shrd"])} ${d}, ${src}, ${s === 16 || rng() < 0.5 ? n : "cl"}`;
    }
  }
}

for (const bits of [64, 32] as const) {
  test(`${bits}-bit: random blocks with muldiv instructions agree`, () => {
    const d = new Differ({ bits, translate: translator(bits), seed: 0xd1b + bits, alignment: "none" });
    const rng = prng(0xd1b0 + bits);
    const blocks: string[][] = [];
    for (let k = 0; k < BLOCKS; k++) {
      const lines = randomBlock(rng, bits).lines;
      const jcc = /^j/.test(lines[lines.length - 1]!) ? 1 : 0;
      const extra = 1 + Math.floor(rng() * 3);
      for (let e = 0; e < extra; e++) {
        let at = Math.floor(rng() * (lines.length - jcc + 1));
        // Not between gen-groups' `or x, 0x100` and the BSF/BSR that needs x nonzero (a division
        // there can zero it, and BSF/BSR of zero leaves the destination undefined; the soak tier
        // found one).
        if (/^bs[fr] /.test(lines[at] ?? "")) at++;
        lines.splice(at, 0, muldivLine(rng, bits));
      }
      blocks.push(lines);
    }
    const code = assembleBlocks(bits, blocks);
    // A block whose values outgrow the six temporaries is translated shorter (ABI §3.1); the
    // Differ then compares the instructions it did translate, and the exit to the next one.
    blocks.forEach((lines, i) => d.testBlock(code[i]!, lines, STATES));
    d.close();
    const st = d.stats;
    console.log(`muldiv blocks ${bits}-bit: ${st.blocks} blocks (${st.shortened ?? 0} ended early by the translator), ${st.states} states, ${st.mismatches} mismatches; ` +
      `reference faults: ${JSON.stringify(st.refFaults)}; skipped: ${JSON.stringify(st.skipped)}`);
    if (st.reports.length) console.log(st.reports.slice(0, 5).join("\n\n"));
    expect(st.mismatches).toBe(0);
    expect(st.blocks).toBeGreaterThan(BLOCKS * 0.5);
    expect(st.refFaults["interrupt 0"] ?? 0).toBeGreaterThan(0);
  }, 1_800_000);
}
