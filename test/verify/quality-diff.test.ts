/**
 * @file Focused differential run of the forms whose code the quality passes and rules rewrite
 * (IR passes reg-cse, reg-forward, const-fold's zextOperand/narrowZext/andOfAnd, cond-flags, flags-into-test, zero-idiom, bitfield, late-setreg, the Zext identity
 * of const-fold; lowering rules narrowCompare, pushPair, popPair, extrFunnel, notOperand, postIndex, sextIntoZext, selectIntoZext, subWordImm,
 * logicAllOnes, writeHome with more uses; 8/16-bit ADC/SBB flags): every golden-vector encoding
 * of SHL, SAL, SHR, SAR, ROL, ROR (by CL, 1 and imm8; register and memory), ADC, SBB, POP, NOT,
 * MOVSX, CWDE, CBW, MUL, IMUL, TEST, XOR, OR, AND, MOV, SUB, ADD, INC, DEC, CMP from
 * `count(200, 1000)` random states each, Unicorn x86 vs our translation on Unicorn ARM64
 * (src/verify/diff.ts), plus nasm-assembled operands of each size by CL, plus fixed blocks.
 * A masked count of 0 must leave every flag as it was (skipFlagsIfZero jumps over the updates): the random
 * states give CL a small count (0..69) 40% of the time, so a few percent of the states take it;
 * blocks that set CL to 0, to the width and to a multiple of 32 first (`mov ecx, k; shl eax,
 * cl; …`) take it in every state, and flag readers after the shift (`adc`, `setp`, `cmovs`) read
 * what it left.
 */
import { describe, expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { assembleBlocks } from "../../src/verify/gen.ts";
import { count } from "../_env.ts";
import { translator, vectorForms } from "./_translate.ts";

const SHIFTS = new Set(["shl", "sal", "shr", "sar", "rol", "ror"]);
/** Other forms whose code a quality pass or rule rewrites (bitfield, late-setreg, writeHome, postIndex, ...). */
const OTHERS = new Set(["adc", "sbb", "pop", "not", "movsx", "cwde", "cbw", "mul", "imul", "test", "xor", "or", "and", "mov", "sub", "add", "inc", "dec", "cmp"]);
const STATES = count(200, 1000);
const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "hex"));

/** nasm: shl/shr/sar/rol/ror by CL on r8, r16, r32, (r64,) m8, m16, m32 (m64). */
const EXTRA: Record<32 | 64, string> = {
  64: "D3E0 48D3E0 66D3E8 D2F8 49D3C8 D3CB 66D3C1 D2C4 41D3E3 D323 48D32B D33B 66D303 D20B",
  32: "D3E0 66D3E8 D2F8 D3CB 66D3C1 D2C4 D323 D32B D33B 66D303 D20B",
};

/** Blocks with a fixed CL: a masked count of 0 (flags kept, PF included) and nonzero ones, then flag readers. */
const BLOCKS: Record<32 | 64, string[][]> = {
  64: [
    ["mov ecx, 0", "shl eax, cl", "setp dl", "adc esi, edi"],
    ["mov ecx, 32", "sar eax, cl", "setp dl", "cmovs esi, edi", "setc bl"],
    ["mov ecx, 64", "shr rax, cl", "setp dl", "sbb esi, edi"],
    ["mov ecx, 0x140", "rol rax, cl", "setc dl", "adc esi, edi"],
    ["mov ecx, 0x20", "ror eax, cl", "adc esi, edi"],
    ["mov ecx, 0", "shl byte [rbx], cl", "setz dl", "setp al", "adc esi, edi"],
    ["mov ecx, 8", "shr word [rbx+2], cl", "setz dl", "setp al", "sbb esi, edi"],
    ["mov ecx, 3", "shl eax, cl", "setp dl", "adc esi, edi"],
    ["mov ecx, 1", "sar r9, cl", "setp dl", "cmovs esi, edi"],
    ["mov ecx, 0", "rol al, cl", "ror si, cl", "setc dl"],
    ["add eax, edx", "mov ecx, 0", "shl edi, cl", "setc dl", "setp bl"],
    ["sub eax, edx", "mov ecx, 0", "shr edi, cl", "setc dl", "setp bl", "seta cl"],
    // Other rewrites (passes bitfield, late-setreg; rules postIndex, sextIntoZext, logicAllOnes).
    ["push rax", "push rbx", "pop rcx", "pop rdx", "not bh", "not cl", "not dx"],
    ["mov al, 0xff", "mov ah, 0", "mov si, 0xffff", "mov dil, 0", "movsx eax, bl", "cwde", "movsx r9d, dx"],
    ["xor rax, -1", "or ecx, -1", "test edx, -1", "setz bl", "and esi, -1", "setp dil"],
    ["push rsp", "pop rax", "push rdx", "pop rsp"],
    ["shl eax, 2", "setc dl", "rol rsi, 5", "setc bl", "shr di, 3", "adc ecx, ecx"],
    ["xor ah, ah", "setp dl", "setz bl", "sets cl", "xor si, si", "sub r9, r9", "seto dil", "adc r10d, r10d"],
    ["xor al, al", "xor edx, edx", "setnz cl", "sub bl, bl", "lahf"],
    // reg-forward: copies and constants whose write dies (the source overwritten before the
    // forwarded read, a constant count for a shift by CL), and near misses (a load between).
    ["mov r11, r9", "or r11, 1", "mov rdx, rsi", "mov rsi, 7", "add rdx, rbx", "mov ecx, 3", "shl eax, cl", "mov ecx, edi"],
    ["mov r10d, eax", "shr r10d, 3", "mov ecx, eax", "and cl, 7", "mov r8, rbx", "mov r9, [rbx]", "or r8, r9", "mov eax, 5", "add eax, ebx"],
    ["mov rcx, rdx", "mov ecx, 0", "rol rax, cl", "setc dl", "mov r12, r13", "xchg r12, r14", "mov ebx, ecx", "imul ebx, ebx, 9"],
    // const-fold zextOperand, narrowZext, andOfAnd; a 64-bit shift folded under a 32-bit op.
    ["mov r10d, esi", "shr r10d, 3", "lea ecx, [r10+r10*4]", "lea edx, [rsi+rdi*8+5]", "sub edx, ecx", "mov eax, edx", "and ecx, 0x3f", "shl r14, cl", "mov [rbx], eax"],
    // reg-cse and late-setreg across instructions: a register copied twice, then changed while
    // the copies' later instructions still read its old value; xor/sub of a register with itself.
    ["mov rdx, rax", "mov rcx, rax", "mov r14, rsi", "add rax, 1", "shr rdx, 6", "and ecx, 0x3f", "shl r14, cl", "xor [rbx], r14", "cmp rdi, rax"],
    ["mov rsi, rax", "add rax, rdx", "lea rcx, [rsi+rsi*2]", "sub rsi, 5", "imul rcx, rax", "mov edx, eax", "xor eax, eax", "add edx, eax", "sub ecx, ecx", "mov r8, rcx"],
    // pushPair, popPair: a prologue and an epilogue (pairs, an odd one out, a push of rsp).
    ["push rbp", "push r15", "push r14", "push rbx", "push rsp", "push 5", "sub rsp, 0x20", "mov [rsp], rdx", "add rsp, 0x28", "pop rax", "pop rbx", "pop r14", "pop r15", "pop rbp"],
    // The second push's register read is the value later instructions read too (reg-cse): the
    // pair must leave it an ordinary register value for them (an or, an add, a field insert).
    ["push qword [rbx-0x40]", "push rdx", "or dx, di", "push rsi", "push rcx", "add rsi, rcx", "and cl, sil"],
    // The same pairs across either end of the stack window (RSP starts 0xf00..0x10f8 into its
    // 0x2000 bytes): in some states only the second access faults, and x86 has done the first.
    ["add rsp, 0xff8", "pop rax", "pop rbx", "pop rsi", "pop rdi"],
    ["sub rsp, 0xff8", "push rax", "push rbx", "push rsi", "push rdi"],
    // Rotates through carry by CL as one flag save and restore (keepFlagsIfZero), their 63 - n
    // as an eor (const-fold subOfSubmask); shl r64 by CL's CF through a rotate by -n.
    ["rcr rax, cl", "setc dl", "rcl r9, cl", "adc esi, edi", "shl r10, cl", "setc bl"],
    ["mov ecx, 0", "rcr rax, cl", "setc dl", "mov ecx, 64", "rcl rbx, cl", "adc esi, edi", "shl r10, cl", "setc r11b"],
    ["rcr ax, cl", "setc dl", "rcl bl, cl", "adc esi, edi", "rcr r8d, cl", "setc r9b"],
    // extrFunnel: SHLD/SHRD by constants (and their CF), a rotate written as two shifts and an or.
    ["shld rax, rbx, 15", "setc dl", "shrd rsi, rdi, 1", "setc bl", "shld r8d, r9d, 31", "adc r10d, r11d", "shrd eax, ecx, 17", "setc r12b"],
    ["shld eax, ebx, 16", "setc dl", "shrd r9, r9, 7", "setc bl", "mov rsi, rdi", "shl rsi, 13", "shr rdi, 51", "or rsi, rdi", "shrd dx, bx, 3"],
    // notOperand: BTR's mask, ANDN, a not read once by and/or/xor (bic, orn, eon).
    ["btr eax, esi", "setc dl", "andn eax, ecx, edi", "sets bl", "andn r8, r9, r10", "setz cl", "btr r11, r12", "adc r12d, r13d", "btr word [rbx], 9"],
    // narrowCompare: 8/16-bit compares whose SF and OF nothing reads (the last add overwrites them).
    ["cmp byte [rbx], 0x31", "sete al", "cmp bl, cl", "setb dl", "cmp dh, 0xf0", "setae ch", "cmp si, 0x1234", "cmovz edi, esi", "cmp r9b, r10b", "adc r11d, r12d", "cmp word [rbx+2], 7", "setbe r14b", "add r13, 1"],
  ],
  32: [
    ["mov ecx, 0", "shl eax, cl", "setp dl", "adc esi, edi"],
    ["mov ecx, 32", "sar eax, cl", "setp dl", "cmovs esi, edi", "setc bl"],
    ["mov ecx, 0", "shl byte [ebx], cl", "setz dl", "setp al", "adc esi, edi"],
    ["mov ecx, 5", "ror eax, cl", "adc esi, edi"],
    ["sub eax, edx", "mov ecx, 0", "shr edi, cl", "setc dl", "setp bl", "seta cl"],
    ["push eax", "pop ecx", "not bh", "mov al, 0xff", "movsx eax, bl", "cwde", "xor edx, -1", "setz cl"],
    ["xor ah, ah", "setp dl", "setz bl", "xor esi, esi", "sub edi, edi", "seto cl", "adc ebp, ebp"],
    ["mov edx, esi", "mov esi, 7", "add edx, ebx", "mov ecx, 3", "shl eax, cl", "mov ecx, edi", "mov ebp, eax", "mov eax, [ebx]", "or ebp, eax"],
    ["lea ecx, [esi+esi*4]", "lea edx, [esi+edi*8+5]", "sub edx, ecx", "and ecx, 0x1f", "shl eax, cl", "mov [ebx], edx"],
    ["mov edx, eax", "mov ecx, eax", "add eax, 1", "shr edx, 6", "and ecx, 0x1f", "shl esi, cl", "xor [ebx], esi", "cmp edi, eax"],
    ["mov esi, eax", "add eax, edx", "lea ecx, [esi+esi*2]", "sub esi, 5", "imul ecx, eax", "mov edx, eax", "xor eax, eax", "add edx, eax", "sub ecx, ecx"],
    ["push ebp", "push ebx", "push 5", "push esi", "push esp", "push edi", "pop eax", "pop ecx", "pop edx", "pop ebx", "pop esi", "pop ebp"],
    ["push dword [ebx-0x40]", "push edx", "mov di, si", "or dx, di", "push esi", "push ecx", "add esi, ecx", "and cl, bl"],
    ["add esp, 0xffc", "pop eax", "pop ebx", "pop esi", "pop edi"],
    ["sub esp, 0xffc", "push eax", "push ebx", "push esi", "push edi"],
    ["shld eax, ebx, 15", "setc dl", "shrd esi, edi, 1", "setc bl", "shrd eax, ecx, 17", "setc ch", "shld bp, si, 9"],
    ["btr eax, esi", "setc dl", "andn eax, ecx, edi", "sets cl", "btr bp, di", "adc ebp, esi"],
    ["cmp byte [ebx], 0x31", "sete al", "cmp bl, cl", "setb dl", "cmp dh, 0xf0", "setae ch", "cmp si, 0x1234", "cmovz edi, esi", "cmp word [ebx+2], 7", "setbe cl", "add ebp, 1"],
  ],
};

function run(bits: 32 | 64): Differ {
  const d = new Differ({ bits, translate: translator(bits), seed: 0x5a1f + bits });
  for (const [form, { mnemonic, encodings }] of vectorForms(bits)) {
    if (!SHIFTS.has(mnemonic.toLowerCase()) && !OTHERS.has(mnemonic.toLowerCase())) continue;
    for (const e of encodings) d.testEncoding(e, STATES, form);
  }
  for (const e of EXTRA[bits].split(" ")) d.testEncoding(hex(e), STATES);
  const code = assembleBlocks(bits, BLOCKS[bits]);
  BLOCKS[bits].forEach((lines, k) => d.testBlock(code[k]!, lines, STATES));
  d.close();
  const st = d.stats;
  console.log(`quality forms ${bits}-bit: ${st.forms} forms, ${st.cases} encodings, ${st.states} states, ${st.mismatches} mismatches; ` +
    `reference faults: ${JSON.stringify(st.refFaults)}; skipped: ${JSON.stringify(st.skipped)}`);
  if (st.reports.length) console.log(st.reports.slice(0, 3).join("\n\n"));
  return d;
}

describe("forms the quality passes rewrite, Unicorn x86 vs translated", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit`, () => {
      const d = run(bits);
      expect(d.stats.mismatches).toBe(0);
      expect(d.stats.forms).toBeGreaterThan(bits === 64 ? 130 : 120);
      expect(d.stats.blocks).toBe(BLOCKS[bits].length);
    }, 1_800_000);
  }
});
