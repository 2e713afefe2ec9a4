/**
 * @file Flag readers the lowering moves to their user (rules condMask, selectIntoZext,
 * condIntoSelect: a CMOVcc or SETcc whose condition is evaluated where its value is used) keep
 * their flags live until then (rules.ts holdFlags). Found by the soak tier: `dec edi; cmovge edi,
 * ebp; sbb ebp, 5` had its csel moved after the SBB, whose carry flip by `ccmp` (taken as free
 * because N and V looked dead) garbled the GE it then read. Each block is run from random states
 * on Unicorn x86 and, translated, on Unicorn ARM64; the first fails without holdFlags.
 */
import { expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { assembleBlocks } from "../../src/verify/gen.ts";
import { count } from "../_env.ts";
import { translator } from "./_translate.ts";

const STATES = count(100, 1000);
const BLOCKS: string[][] = [
  ["xchg esi, edi", "dec edi", "cmovge edi, ebp", "sbb ebp, 5", "rol esi, cl", "sar esi, 1"],
  ["dec edi", "cmovl edi, ebp", "adc ebp, 7", "sar esi, 1"],
  ["cmp eax, ecx", "setg dl", "sbb ebx, 3", "neg dl", "sar esi, 1"],
  ["cmp eax, ecx", "cmovo edx, ebx", "adc esi, 1", "shl edi, 1"],
  ["inc edx", "cmovs eax, ecx", "sbb eax, ebx", "shr esi, 1"],
];

for (const bits of [32, 64] as const) {
  test(`${bits}-bit: a moved CMOVcc/SETcc reads the flags it was written for`, () => {
    const d = new Differ({ bits, translate: translator(bits), seed: 0xdef + bits, alignment: "none" });
    const code = assembleBlocks(bits, BLOCKS);
    BLOCKS.forEach((lines, i) => d.testBlock(code[i]!, lines, STATES));
    d.close();
    const st = d.stats;
    console.log(`deferred flags ${bits}-bit: ${st.blocks} blocks, ${st.states} states, ${st.mismatches} mismatches`);
    if (st.reports.length) console.log(st.reports.slice(0, 2).join("\n\n"));
    expect(st.blocks).toBe(BLOCKS.length);
    expect(st.mismatches).toBe(0);
  });
}
