/**
 * @file A 32-bit guest's [x + k] with a folded displacement (rule foldAddOffset on a zero-extended
 * base, docs/runtime-abi.md §6) is added in 64 bits, where x86 wraps at 4 GiB. The ABI's argument:
 * x86 only wraps into the lowest or highest 64 KiB, never mapped, so it faults; the translation
 * lands in [4 GiB, 4 GiB + 64 KiB) or below 0, never mapped either, and faults at the same
 * instruction with the same state, the address reported mod 2^32. Here each wrapping access runs
 * on Unicorn x86 and translated (`aot run`'s runtime): the same stop (kind and address), RIP and
 * registers; and its translation really is one folded access (no add before it).
 */
import { expect, test } from "bun:test";
import { runX86 } from "../../src/verify/x86-run.ts";
import { runTranslated } from "../../src/runtime/run.ts";
import { nasm } from "../../src/verify/gen.ts";
import { Translator } from "../../src/compile/translate.ts";
import { BASELINE } from "../../src/arm64/features.ts";
import { disasmWord } from "../../src/arm64/disasm.ts";

const BASE = 0x40_1000n;
const CASES: [string, string, string][] = [
  // [set-up, the access, the folded operand it must become]
  ["mov ebx, 0xfffffff8", "mov eax, [ebx+0x10]", "[x27, #0x10]"],
  ["mov ebx, 0x10", "mov [ebx-0x20], ecx", "[x27, #-0x20]"],
  ["mov ebp, 0x4", "movzx eax, word [ebp-0x8]", "[x29, #-0x8]"],
  ["mov esi, 0xffffff80", "movdqu xmm0, [esi+0x100]", "[x25, #0x100]"],
  ["mov edi, 0xfffff000", "mov eax, [edi+0x1800]", "[x26, #0x1800]"],
  ["mov ebx, 0xff", "mov byte [ebx-0x100], 7", "[x27, #-0x100]"],
];

for (const [setup, access, operand] of CASES) {
  test(`${access} wrapping at 4 GiB faults as on x86`, () => {
    const raw = nasm(`bits 32\n${setup}\n${access}\nhlt\n`);
    const o = { bits: 32 as const, image: { raw, base: BASE } };
    const want = runX86(o), got = runTranslated(o);
    expect(want.stop).toStartWith("fault: ");
    expect({ stop: got.stop, rip: got.rip, regs: got.regs }).toEqual({ stop: want.stop, rip: want.rip, regs: want.regs });
    // The access alone, translated: its operand is folded (the 64-bit add this test is about).
    const one = nasm(`bits 32\n${access}\n`);
    const tb = new Translator({ mode: 32, lower: { features: BASELINE, memoryOrder: "tso", pic: false } }).translate(one, 0, one.length, BASE);
    const body = Array.from(tb.code.subarray(0, tb.bodyWords), (w, k) => disasmWord(w, 4 * k) ?? "");
    expect(body.some((l) => l.includes(operand))).toBe(true);
  });
}
