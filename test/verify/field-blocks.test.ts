/**
 * @file Blocks where a byte or word register is written and read back at once, the shapes the
 * field-forward IR pass rewrites (src/ir/passes/field-forward.ts: `sete al; movzx eax, al`, a
 * setcc then an ALU op on the same byte, a byte or word load then a compare or extension, a
 * field written twice), and the near misses it must leave alone (a store between, a shift of
 * the byte, a read of the whole register), run from random states on Unicorn x86 and, translated
 * (the pass's own tests, test/ir/passes/field-forward.test.ts, show which it rewrites), on Unicorn ARM64.
 */
import { expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { assembleBlocks } from "../../src/verify/gen.ts";
import { count } from "../_env.ts";
import { translator } from "./_translate.ts";

const STATES = count(40, 400);
const BLOCKS: Record<32 | 64, string[][]> = {
  64: [
    ["cmp eax, ecx", "sete al", "movzx eax, al"],
    ["cmp rdx, rbx", "setb cl", "xor cl, 0x31", "mov [rbx], cl"],
    ["test esi, esi", "setne dl", "add dl, 3", "movsx edx, dl"],
    ["mov al, [rbx]", "cmp al, 5", "setb dl"],
    ["mov ax, [rbx]", "movzx ecx, ax", "add cx, 3"],
    ["mov cl, [rbx]", "mov cl, [rbx+1]", "movzx ecx, cl"],
    ["mov ax, [rbx]", "mov al, 7", "movzx esi, ax"],
    ["cmp eax, ecx", "seta al", "mov [rbx+8], eax", "movzx eax, al"],
    ["cmp eax, ecx", "setg cl", "shr cl, 1", "movzx ecx, cl"],
    ["cmp eax, ecx", "setl al", "mov rdx, rax", "movzx eax, al"],
  ],
  32: [
    ["cmp eax, ecx", "sete al", "movzx eax, al"],
    ["cmp edx, ebx", "setb cl", "xor cl, 0x31", "mov [ebx], cl"],
    ["mov al, [ebx]", "cmp al, 5", "setb dl"],
    ["mov ax, [ebx]", "movzx ecx, ax", "add cx, 3"],
    ["cmp eax, ecx", "seta al", "mov [ebx+8], eax", "movzx eax, al"],
    ["cmp eax, ecx", "setg cl", "shr cl, 1", "movzx ecx, cl"],
  ],
};

for (const bits of [64, 32] as const) {
  test(`${bits}-bit: field writes read back agree`, () => {
    const d = new Differ({ bits, translate: translator(bits), seed: 0xf1e1d + bits, alignment: "none" });
    const code = assembleBlocks(bits, BLOCKS[bits]);
    BLOCKS[bits].forEach((lines, i) => d.testBlock(code[i]!, lines, STATES));
    d.close();
    const st = d.stats;
    console.log(`field blocks ${bits}-bit: ${st.blocks} blocks, ${st.states} states, ${st.mismatches} mismatches`);
    if (st.reports.length) console.log(st.reports.slice(0, 3).join("\n\n"));
    expect(st.blocks).toBe(BLOCKS[bits].length);
    expect(st.mismatches).toBe(0);
  });
}
