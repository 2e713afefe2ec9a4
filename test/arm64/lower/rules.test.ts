/**
 * @file Every named peephole rule (src/arm64/lower/rules.ts) fires, each on a block written for
 * it, with the listing derived by hand; the rule arrays are well formed (unique names, a why).
 */
import { expect, test } from "bun:test";
import { parseIr } from "../../../src/ir/index.ts";
import { BASELINE } from "../../../src/arm64/features.ts";
import { Lowerer, RULE, RULES, listing, lowerBlock } from "../../../src/arm64/lower/index.ts";
import { fuseCmpBranch } from "../../../src/ir/passes/fuse-cmp-branch.ts";

const END = "  v9 = Const.8 0x1003\n  Exit jump, v9 ?-\n";
/** END for a body that uses v9 itself. */
const EXIT = "  v30 = Const.8 0x1003\n  Exit jump, v30 ?-\n";

const POPS = "  v1 = GetReg rsp\n  v2 = Const.8 0x18\n  v3 = Add.8 v1, v2\n  v4 = Load.8 v3, 1\n  v5 = Load.8 v1, 1\n" +
  "  v6 = Const.8 0x8\n  v7 = Add.8 v1, v6\n  v8 = Load.8 v7, 1\n  SetReg rbx, v8\n  v10 = Const.8 0x10\n  v11 = Add.8 v1, v10\n  v12 = Load.8 v11, 1\n  SetReg rcx, v12\n" +
  "  SetReg rdx, v5\n  SetReg rax, v4\n";

/** [rule, IR body, expected body listing] — expectations by hand from the ABI register map. */
const CASES: [string, string, string[]][] = [
  ["foldAddOffset", "  v1 = GetReg rsp\n  v2 = Const.8 0x18\n  v3 = Add.8 v1, v2\n  v4 = Load.8 v3, 1\n  SetReg rax, v4\n", ["ldr x8, [x15, #0x18]"]],
  ["preIndex", "  v1 = GetReg rsp\n  v2 = Const.8 0x8\n  v3 = Sub.8 v1, v2\n  v4 = GetReg rbx\n  Store.8 v3, v4, 1\n  SetReg rsp, v3\n", ["str x27, [x15, #-0x8]!"]],
  ["foldShiftedOperand", "  v1 = GetReg rbx\n  v2 = GetReg rcx\n  v3 = Const.8 0x3\n  v4 = Shl.8 v2, v3\n  v5 = Add.8 v1, v4\n  SetReg rax, v5\n", ["add x8, x27, x0, lsl #3"]],
  // lea ecx, [r10 + r10*4] after narrowZext: a 64-bit shift by 2 under a 32-bit add, which reads only
  // its low half: one add of the W registers with the shifted operand (r10 = x4, rcx = x0).
  ["foldShiftedOperand", "  v1 = GetReg r10\n  v2 = Const.1 0x2\n  v3 = Shl.8 v1, v2\n  v4 = Add.4 v1, v3\n  SetReg rcx, v4\n", ["add w0, w4, w4, lsl #2"]],
  ["condIntoSelect", "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Sub.8 v1, v2 !z\n  v4 = Cond e\n  v5 = Select v4, v1, v2\n  SetReg rcx, v5\n", ["cmp x8, x27", "csel x0, x8, x27, eq"]],
  ["cmpIntoSelect", "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Cmp.8 slt, v1, v2\n  v4 = Select v3, v1, v2\n  SetReg rcx, v4\n", ["cmp x8, x27", "csel x0, x8, x27, lt"]],
  ["zeroRegister", "  v1 = GetReg rbx\n  v2 = Const.8 0x0\n  Store.8 v1, v2, 0\n", ["str xzr, [x27]"]],
  ["addImm12", "  v1 = GetReg rax\n  v2 = Const.8 0x10\n  v3 = Add.8 v1, v2\n  SetReg rax, v3\n", ["add x8, x8, #0x10"]],
  ["subImm12", "  v1 = GetReg rsp\n  v2 = Const.8 0x28\n  v3 = Sub.8 v1, v2\n  SetReg rsp, v3\n", ["sub x15, x15, #0x28"]],
  ["cmpImm12", "  v1 = GetReg rdi\n  v2 = Const.4 0x7f\n  v3 = Sub.4 v1, v2 !z\n  v4 = Cond ne\n  SetReg rax, v4\n", ["cmp w26, #0x7f", "cset w8, ne"]],
  ["logicalImmediate", "  v1 = GetReg rax\n  v2 = Const.8 0xfffffffffffffff0\n  v3 = And.8 v1, v2\n  SetReg rax, v3\n", ["and x8, x8, #0xfffffffffffffff0"]],
  ["shiftByConst", "  v1 = GetReg rdx\n  v2 = Const.1 0x3f\n  v3 = Sar.8 v1, v2\n  SetReg rdx, v3\n", ["asr x1, x1, #63"]],
  ["writeHome", "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Xor.8 v1, v2\n  SetReg rax, v3\n", ["eor x8, x8, x27"]],
  ["exitRegister", "  v1 = GetReg rax\n  v2 = Const.8 0x8\n  v3 = Add.8 v1, v2\n  Exit indirect, v3 ?-\n", ["add x16, x8, #0x8"]],
  ["reuseDyingTemp", "  v1 = GetReg rbx\n  v2 = Load.8 v1, 0\n  v3 = Const.8 0x1\n  v4 = Add.8 v2, v3\n  Store.8 v1, v4, 0\n", ["ldr x9, [x27]", "add x9, x9, #0x1", "str x9, [x27]"]],
  ["deadCode", "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Mul.8 v1, v2\n", []],
  ["zextNoop", "  v1 = GetReg rbx\n  v2 = Load.1 v1, 0\n  v3 = Zext v2, 1\n  Store.1 v1, v3, 0\n  Store.8 v1, v3, 0\n", ["ldrb w9, [x27]", "strb w9, [x27]", "str x9, [x27]"]],
  // EDX = bits 32..63 of a value (cmpxchg8b): lsr leaves zeros above the field, so the Zext is no mov w.
  ["zextNoop", "  v1 = GetReg rbx\n  v2 = Ubfx v1, 32, 32\n  v3 = Zext v2, 4\n  SetReg rdx, v3\n", ["lsr x9, x27, #32", "mov x1, x9"]],
  // lock sub qword [rbx], 2: ldaddal of -2, made by one movn. The unused old value takes the
  // first scratch (x9), the operand the second (x6).
  ["atomicOperandImm", "  v1 = GetReg rbx\n  v2 = Const.8 0x2\n  v3 = AtomicRmw.8 v1, v2, sub\n", ["mov x6, #-0x2", "ldaddal x6, x9, [x27]"]],
  // lock adc dword [rbx], ecx (the old value unused): C = CF at the block start, so adc of ecx
  // and zero is ecx + CF, added by one ldaddal.
  ["lseCarryAdd", "  v1 = GetReg rbx\n  v2 = GetReg rcx\n  v3 = AtomicRmw.4 v1, v2, adc\n", ["adc w6, w0, wzr", "ldaddal w6, w9, [x27]"]],
  // lock sbb qword [rbx], rcx: C is flipped to NOT CF first (through x9: mrs, eor of bit 29, msr);
  // then xzr + ~rcx + NOT CF = -(rcx + CF) (sbc from xzr: ngc), added by one ldaddal.
  ["lseCarryAdd", "  v1 = GetReg rbx\n  v2 = GetReg rcx\n  v3 = AtomicRmw.8 v1, v2, sbb\n", ["mrs x9, NZCV", "eor x9, x9, #0x20000000", "msr NZCV, x9", "ngc x6, x0", "ldaddal x6, x9, [x27]"]],
  // lock not qword [rbx]: eor with all ones (one movn).
  ["lseNot", "  v1 = GetReg rbx\n  v2 = Const.8 0x0\n  v3 = AtomicRmw.8 v1, v2, not\n", ["mov x6, #-0x1", "ldeoral x6, x9, [x27]"]],
  // lock inc dword [rbx] with only AF live after: the old value's one use is the add of 1 (bit 4
  // clear) that defines AF, so ldaddal returns it straight into x11, the AF source; the add's
  // result reaches x10 (AF = bit 4 of x11 ^ x10, ABI §4). The atomic's operand scratch (unused
  // here) holds x9, so the constant 1 takes x6 and the add's result x9.
  ["afSourceDest", "  v1 = GetReg rbx\n  v2 = Const.4 0x1\n  v3 = AtomicRmw.4 v1, v2, add\n  v4 = Add.4 v3, v2 !a\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?a\n",
    ["mov w6, #0x1", "ldaddal w6, w11, [x27]", "add w9, w11, #0x1", "mov x10, x9"]],
  // CF = bit 0 of rax >> 5 with ZF live too (so not flagFromBool's ubfx + cmp): the bfi inserts
  // bit 0 alone, so the Ubfx is the shifted value itself, no ubfx word.
  ["bitToFlag", "  v1 = GetReg rax\n  v2 = Const.1 0x5\n  v3 = Shr.8 v1, v2\n  v4 = Ubfx v3, 0, 1\n  SetFlag cf, v4\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?zc\n",
    ["lsr x9, x8, #5", "mrs x6, NZCV", "bfi x6, x9, #29, #1", "msr NZCV, x6"]],
  // idiv bl: the dividend AX is AH:AL, AH = bits 8..15 of rax and nothing else reads it, so the
  // extract is folded into the division: one sxth of rax's home (x8), then bl sign-extended.
  ["axDividend", "  v1 = GetReg rax\n  v2 = Ubfx v1, 8, 8\n  v3 = GetReg rbx\n  v4 = DivS.1 v2, v1, v3\n  SetReg rcx, v4\n",
    ["sxth x0, w8", "sxtb x9, w27", "sdiv x0, x0, x9"]],
  // DIV's remainder, ax - q * bl in 8 bits: one msub of the W registers (only the low byte is kept).
  ["mulAdd", "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = GetReg rcx\n  v4 = Mul.1 v2, v3\n  v5 = Sub.1 v1, v4\n  SetReg rdx, v5\n", ["msub w1, w27, w0, w8"]],
  // mov r13, [rsi + r9*8]: the scaled index is the load's register offset (r13 = x20, rsi = x25, r9 = x3).
  ["indexAddress", "  v1 = GetReg rsi\n  v2 = GetReg r9\n  v3 = Const.1 0x3\n  v4 = Shl.8 v2, v3\n  v5 = Add.8 v1, v4\n  v6 = Load.8 v5, 0\n  SetReg r13, v6\n",
    ["ldr x20, [x25, x3, lsl #3]"]],
  // mov [rax + rcx], edx (plain): an unscaled register offset.
  ["indexAddress", "  v1 = GetReg rax\n  v2 = GetReg rcx\n  v3 = Add.8 v1, v2\n  v4 = GetReg rdx\n  Store.4 v3, v4, 0\n", ["str w1, [x8, x0]"]],
  // salc: AL = CF ? 0xff : 0. At the block start C = CF (ABI §4), so "b" is hs; csetm gives the mask.
  ["condMask", "  v1 = Cond b\n  v2 = Neg.1 v1\n  v3 = GetReg rax\n  v4 = Bfi v3, v2, 0, 8\n  SetReg rax, v4\n", ["csetm w9, hs", "bfxil x8, x9, #0, #8"]],
  // 0 - (CF | ZF) for eax: with C = CF, "be" has no single ARM condition, so the 0/1 value is built
  // (cset hs, then 1 when Z) and negated.
  ["condMask", "  v1 = Cond be\n  v2 = Neg.4 v1\n  SetReg rax, v2\n", ["cset w8, hs", "csinc w8, w8, wzr, ne", "neg w8, w8"]],
  // rax - rbx * rcx (AAM's remainder shape): one msub.
  ["mulAdd", "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = GetReg rcx\n  v4 = Mul.8 v2, v3\n  v5 = Sub.8 v1, v4\n  SetReg rax, v5\n", ["msub x8, x27, x0, x8"]],
  // AX = ebx & 0xff0f (AAA's shape): 0xff0f is no bitmask immediate, but only the low 16 bits are
  // inserted, and 0xffffff0f (28 ones, rotated) is one.
  ["fieldImm", "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Const.4 0xff0f\n  v4 = And.4 v2, v3\n  v5 = Bfi v1, v4, 0, 16\n  SetReg rax, v5\n", ["and w9, w27, #0xffffff0f", "bfxil x8, x9, #0, #16"]],
  // ebx = (eax > 9 unsigned) | DF: DF is 0/1 in the state block, so csinc gives 1 or DF.
  ["boolOrCmp", "  v1 = GetReg rax\n  v2 = Const.4 0x9\n  v3 = Cmp.4 ugt, v1, v2\n  v4 = GetFlag df\n  v5 = Or.4 v3, v4\n  SetReg rbx, v5\n", ["ldr x9, [x12, #0x90]", "cmp w8, #0x9", "csinc w27, w9, wzr, ls"]],
  // POPAD's shape in 64 bits: [rsp+24] and [rsp] load first (into temporaries: a fault there must
  // leave every home as it was); then [rsp+8] and [rsp+16] cannot fault and pair into rbx, rcx.
  ["loadPair", POPS, ["ldr x9, [x15, #0x18]", "ldr x6, [x15]", "ldp x27, x0, [x15, #0x8]", "mov x1, x6", "mov x8, x9"]],
  ["bfiInPlace", "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Bfi v1, v2, 8, 8\n  SetReg rax, v3\n", ["bfi x8, x27, #8, #8"]],
  // sar eax, cl with only CF kept (CF = bit 5 of eax here, to keep it short): the count in w9, the
  // result in a temporary (eax's old value is still read), CF's bit extracted, then cbz over the
  // CF update (mrs, bfi, msr) to the word after it (word 7), where the result goes home.
  // cmpxchg [rcx], rbx without LOCK (the old value then read into rdx): on the LSE baseline one CAS
  // (plain: relaxed order) of the expected rax, copied into a temporary first; no compare or select.
  ["casCmpxchg", "  v1 = GetReg rcx\n  v2 = GetReg rax\n  v3 = GetReg rbx\n  v4 = Load.8 v1, 0\n  v5 = Cmp.8 eq, v2, v4\n  v6 = Select v5, v3, v4\n  Store.8 v1, v6, 0\n  SetReg rdx, v4\n",
    ["mov x9, x8", "cas x9, x27, [x0]", "mov x1, x9"]],
  // A 32-bit guest's edx:eax (cmpxchg8b's expected value): its registers are zero-extended, so
  // the Bfi of edx into bits 32..63 of eax is eax | edx << 32, one orr into a temporary.
  ["bfiAsOrr", "#32\n  v1 = GetReg rax\n  v2 = GetReg rdx\n  v3 = Bfi v1, v2, 32, 32\n  v4 = GetReg rbx\n  Store.8 v4, v3, 0\n", ["orr x9, x8, x1, lsl #32", "str x9, [x27]"]],
  ["skipFlagsIfZero", "  v1 = GetReg rax\n  v2 = GetReg rcx\n  v3 = Const.4 0x1f\n  v4 = And.4 v2, v3\n  v5 = Sar.4 v1, v4\n  v6 = Ubfx v1, 5, 1\n" +
    "  v7 = SaveFlags 1\n  SetFlag cf, v6\n  RestoreFlagsIfZero.4 v4, v7, 1\n  SetReg rax, v5\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?c\n",
    ["and w9, w0, #0x1f", "asr w6, w8, w9", "ubfx x7, x8, #5, #1", "cbz w9, 0x1c", "mrs x30, NZCV", "bfi x30, x7, #29, #1", "msr NZCV, x30", "mov x8, x6"]],
  ["setFlagRun", "  v1 = GetReg rax\n  SetFlag sf, v1\n  SetFlag zf, v1\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?sz\n", ["mrs x9, NZCV", "bfi x9, x8, #31, #1", "bfi x9, x8, #30, #1", "msr NZCV, x9"]],
  ["constToHome", "  v1 = Const.8 0xffffffffffff1234\n  SetReg rsi, v1\n", ["mov x25, #-0xedcc"]],
  // pop rbx: the load post-increments rsp's home; the Add and its SetReg emit nothing.
  ["postIndex", "  v1 = GetReg rsp\n  v2 = Load.8 v1, 1\n  v3 = Const.8 0x8\n  v4 = Add.8 v1, v3\n  SetReg rsp, v4\n  SetReg rbx, v2\n", ["ldr x27, [x15], #0x8"]],
  // movsx eax, bl: the W form of sxtb sign-extends to 32 bits and zeroes 32..63.
  ["sextIntoZext", "  v1 = GetReg rbx\n  v2 = Sext v1, 1\n  v3 = Zext v2, 4\n  SetReg rax, v3\n", ["sxtb w8, w27"]],
  // cmovs eax, ebx: csel in the W form writes eax's home zero-extended.
  ["selectIntoZext", "  v1 = GetReg rbx\n  v2 = GetReg rax\n  v3 = SelectCC s, v1, v2\n  v4 = Zext v3, 4\n  SetReg rax, v4\n", ["csel w8, w27, w8, mi"]],
  // cmp byte [rbx], 0x31; cmove rcx, rbx (ZF alone live): the loaded byte is zero-extended already,
  // so the compare is one 32-bit cmp with the immediate; eq reads Z alone.
  ["narrowCompare", "  v1 = GetReg rbx\n  v2 = Load.1 v1, 0\n  v3 = Const.1 0x31\n  v4 = Sub.1 v2, v3 !z\n  v5 = GetReg rcx\n  v6 = SelectCC e, v1, v5\n  SetReg rcx, v6\n",
    ["ldrb w9, [x27]", "cmp w9, #0x31", "csel x0, x27, x0, eq"]],
  // cmp bl, al; cmovb rcx, rbx (ZF, CF live): bl zero-extended first, al by the compare's uxtb; CF
  // is a borrow, so C is inverted after the compare and below is lo (C clear).
  ["narrowCompare", "  v1 = GetReg rbx\n  v2 = GetReg rax\n  v3 = Sub.1 v1, v2 !zc\n  v4 = GetReg rcx\n  v5 = SelectCC b, v1, v4\n  SetReg rcx, v5\n",
    ["uxtb w9, w27", "cmp w9, w8, uxtb", "csel x0, x27, x0, lo"]],
  // add ax, 5 with ZF live: N/Z/C/V from (ax << 16) + (5 << 16), the result from add #5, merged.
  ["subWordImm", "  v1 = GetReg rax\n  v2 = Const.2 0x5\n  v3 = Add.2 v1, v2 !z\n  v4 = GetReg rax\n  v5 = Bfi v4, v3, 0, 16\n  SetReg rax, v5\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?z\n",
    ["lsl w9, w8, #16", "cmn w9, #0x50, lsl #12", "add w9, w8, #0x5", "bfxil x8, x9, #0, #16"]],
  // mul's CF = OF = (high half != 0), SF/ZF kept: the compare runs between mrs and msr, and csetm's
  // all-ones mask sets V and C with one two-bit bfi.
  ["cmpIntoFlagRun", "  v1 = GetReg rdx\n  v2 = Const.8 0x0\n  v3 = Cmp.8 ne, v1, v2\n  SetFlag cf, v3\n  SetFlag of, v3\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?oszc\n",
    ["mrs x9, NZCV", "cmp x1, #0x0", "csetm w6, ne", "bfi x9, x6, #28, #2", "msr NZCV, x9"]],
  // div ebx's #DE test (edx >= ebx) with every flag live at the exit and none after: NZCV saved,
  // compared, b.hs to the stub (after the final exit's 4-word stub, at word 7), which restores it.
  ["exitOnFlags", "  v1 = GetReg rdx\n  v2 = GetReg rbx\n  v3 = Cmp.4 uge, v1, v2\n  v4 = Const.8 0x1000\n  ExitSymIf v3, divide_error, v4, 2 ?oszapc\n" + END,
    ["mrs x9, NZCV", "cmp w1, w27", "b.hs 0x1c"]],
  // div bl's #DE test, AH >= BL: AH (bits 8..15 of rax) is zero-extended, BL taken with uxtb; the
  // difference's sign bit clear means #DE: tbz to the stub (after the final exit's 4-word stub, at
  // word 7). No mrs: NZCV is not touched.
  ["exitOnSign", "  v1 = GetReg rax\n  v2 = Ubfx v1, 8, 8\n  v3 = GetReg rbx\n  v4 = Cmp.1 uge, v2, v3\n  v5 = Const.8 0x1000\n  ExitSymIf v4, divide_error, v5, 2 ?oszapc\n" + END,
    ["ubfx x9, x8, #8, #8", "sub w6, w9, w27, uxtb", "tbz w6, #0x1f, 0x1c"]],
  // IDIV's test, divisor 0 or quotient rcx not fitting 32 bits, without NZCV: rcx minus its own
  // sign extension is not 0 → cbnz to the stub; a zero divisor → cbz (both at word 7, after the
  // final exit's 4-word stub).
  ["exitOnSign", "  v1 = GetReg rbx\n  v2 = Const.4 0x0\n  v3 = Cmp.4 eq, v1, v2\n  v4 = GetReg rcx\n  v5 = Sext v4, 4\n  v6 = Cmp.8 ne, v4, v5\n  v7 = Or.4 v3, v6\n  v8 = Const.8 0x1000\n  ExitSymIf v7, divide_error, v8, 2 ?oszapc\n" + END,
    ["sub x9, x0, w0, sxtw", "cbnz x9, 0x1c", "cbz w27, 0x1c"]],
  // shld rax, rbx, 15: rax << 15 | rbx >> 49 is the 64 bits of rax:rbx from bit 49, straight into rax's home.
  ["extrFunnel", "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Const.1 0xf\n  v4 = Shl.8 v1, v3\n  v5 = Const.1 0x31\n  v6 = Shr.8 v2, v5\n  v7 = Or.8 v4, v6\n  SetReg rax, v7\n",
    ["extr x8, x8, x27, #0x31"]],
  // shrd eax, ebx, 7: eax >> 7 | ebx << 25 (32-bit, the Shr first) is the 32 bits of ebx:eax from bit 7.
  ["extrFunnel", "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Const.1 0x7\n  v4 = Shr.4 v1, v3\n  v5 = Const.1 0x19\n  v6 = Shl.4 v2, v5\n  v7 = Or.4 v4, v6\n  SetReg rax, v7\n",
    ["extr w8, w27, w8, #0x7"]],
  // andn eax, ebx, ecx (flags dead): ~ebx & ecx is ecx bic ebx, straight into eax's home.
  ["notOperand", "  v1 = GetReg rbx\n  v2 = Not.4 v1\n  v3 = GetReg rcx\n  v4 = And.4 v2, v3\n  SetReg rax, v4\n", ["bic w8, w0, w27"]],
  // rcx | ~rbx at 64 bits: orn.
  ["notOperand", "  v1 = GetReg rcx\n  v2 = GetReg rbx\n  v3 = Not.8 v2\n  v4 = Or.8 v1, v3\n  SetReg rax, v4\n", ["orn x8, x0, x27"]],
  // test eax, eax; je (no flag live at either exit): cbz on eax's home to the taken stub, which
  // follows the fall-through exit's 4-word stub (the body is the cbz alone).
  ["zeroBranch", "#fuse\n  v1 = GetReg rax\n  v2 = And.4 v1, v1 !z\n  Undef !a\n  v4 = Const.8 0x2000\n  ExitIf e, v4 ?-\n  v6 = Const.8 0x1002\n  Exit jump, v6 ?-\n",
    ["cbz w8, 0x14"]],
  // test cl, 0x40; jne: tbnz on bit 6 of rcx's home; cmp rdx, 0; js: tbnz on bit 63.
  ["zeroBranch", "#fuse\n  v1 = GetReg rcx\n  v2 = Const.1 0x40\n  v3 = And.1 v1, v2 !z\n  v4 = Const.8 0x2000\n  ExitIf ne, v4 ?-\n  v6 = Const.8 0x1002\n  Exit jump, v6 ?-\n",
    ["tbnz w0, #0x6, 0x14"]],
  ["zeroBranch", "#fuse\n  v1 = GetReg rdx\n  v2 = Const.8 0x0\n  v3 = Sub.8 v1, v2 !s\n  v4 = Const.8 0x2000\n  ExitIf s, v4 ?-\n  v6 = Const.8 0x1002\n  Exit jump, v6 ?-\n",
    ["tbnz x1, #0x3f, 0x14"]],
  // test al, al; je: its low byte zero is `tst w8, #0xff` + b.eq to the taken stub (word 6).
  ["zeroBranch", "#fuse\n  v1 = GetReg rax\n  v2 = And.1 v1, v1 !z\n  Undef !a\n  v4 = Const.8 0x2000\n  ExitIf e, v4 ?-\n  v6 = Const.8 0x1002\n  Exit jump, v6 ?-\n",
    ["tst w8, #0xff", "b.eq 0x18"]],
  // push rbp; push rbx: one stp pre-indexed by -16, rbx (the second push) in the lower slot.
  ["pushPair", "  v1 = GetReg rbp\n  v2 = GetReg rsp\n  v3 = Const.8 0x8\n  v4 = Sub.8 v2, v3\n  Store.8 v4, v1, 1\n  SetReg rsp, v4\n  Guest 1, 0x1001\n" +
    "  v8 = GetReg rbx\n  v9 = GetReg rsp\n  v10 = Const.8 0x8\n  v11 = Sub.8 v9, v10\n  Store.8 v11, v8, 1\n  SetReg rsp, v11\n" + EXIT, ["stp x27, x29, [x15, #-0x10]!"]],
  // 32-bit push ebp; push 5: W registers, -8; the constant goes through the first scratch.
  ["pushPair", "#32\n  v1 = GetReg rbp\n  v2 = GetReg rsp\n  v3 = Const.4 0x4\n  v4 = Sub.4 v2, v3\n  Store.4 v4, v1, 1\n  SetReg rsp, v4\n  Guest 2, 0x1001\n" +
    "  v8 = Const.4 0x5\n  v9 = GetReg rsp\n  v10 = Const.4 0x4\n  v11 = Sub.4 v9, v10\n  Store.4 v11, v8, 1\n  SetReg rsp, v11\n" + EXIT, ["mov w9, #0x5", "stp w9, w29, [x15, #-0x8]!"]],
  // pop rsi; pop rdi: one ldp post-indexed by 16 straight into both homes, rsi from the lower slot.
  ["popPair", "  v1 = GetReg rsp\n  v2 = Load.8 v1, 1\n  v3 = Const.8 0x8\n  v4 = Add.8 v1, v3\n  SetReg rsp, v4\n  SetReg rsi, v2\n  Guest 1, 0x1001\n" +
    "  v8 = GetReg rsp\n  v9 = Load.8 v8, 1\n  v10 = Const.8 0x8\n  v11 = Add.8 v8, v10\n  SetReg rsp, v11\n  SetReg rdi, v9\n" + EXIT, ["ldp x25, x26, [x15], #0x10"]],
  // Two stores of one instruction to [rsp-8] and [rsp-16]: one stp, the lower slot first.
  ["storePair", "  v1 = GetReg rsp\n  v2 = Const.8 0x8\n  v3 = Sub.8 v1, v2\n  v4 = GetReg rax\n  Store.8 v3, v4, 1\n  v6 = Const.8 0x10\n  v7 = Sub.8 v1, v6\n  v8 = GetReg rbx\n  Store.8 v7, v8, 1\n",
    ["stp x27, x8, [x15, #-0x10]"]],
  // tzcnt eax, ebx (SF, OF, AF, PF undefined): Z = (ebx = 0) from cmp; then ebx != 0 → ccmn of the
  // count with 0 (Z = count = 0, C = 0), ebx = 0 → the immediate C = 1, Z = 0. C = CF, no flip.
  ["countFlagsCcmp", "  v1 = GetReg rbx\n  v2 = Ctz.4 v1\n  SetReg rax, v2\n  v4 = Const.4 0x0\n  v5 = Cmp.4 eq, v1, v4\n  SetFlag cf, v5\n  v7 = Const.4 0x0\n  v8 = Cmp.4 eq, v2, v7\n  SetFlag zf, v8\n  Undef !osap\n  v11 = Const.8 0x1003\n  Exit jump, v11 ?oszapc\n",
    ["rbit w8, w27", "clz w8, w8", "cmp w27, #0x0", "ccmn w8, #0x0, #0x2, ne"]],
  // bsf's ZF from a 0/1 value, every other flag undefined after: v - 1 is zero exactly when v = 1.
  ["flagFromBool", "  v1 = GetReg rbx\n  v2 = Const.8 0x0\n  v3 = Cmp.8 eq, v1, v2\n  SetReg rcx, v3\n  SetFlag zf, v3\n  Undef !ocsap\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?oszapc\n",
    ["cmp x27, #0x0", "cset w0, eq", "cmp w0, #0x1"]],
  // shl eax, 1: adds w, w8, w8 is the shift with N, Z of the result, C = bit 31 shifted out and
  // V = MSB(result) ^ C (x86's OF for a count of 1); then the PF source and the home.
  ["shlFlags", "  v2 = GetReg rax\n  v3 = Const.1 0x1\n  v4 = Shl.4 v2, v3\n  v5 = Ubfx v2, 31, 1\n  Test.4 v4 !szp\n  SetFlag cf, v5\n  v8 = Ubfx v4, 31, 1\n  v9 = Xor.4 v8, v5\n  SetFlag of, v9\n  SetReg rax, v4\n  Undef !a\n  v13 = Const.8 0x1003\n  Exit jump, v13 ?oszapc\n",
    ["adds w9, w8, w8", "mov x10, x9", "mov x8, x9"]],
  // shl al, 1: the byte at the top of a W register (lsl #24), cmn t, t gives N, Z of the 8-bit
  // result, C = bit 7 shifted out, V = MSB ^ C; the value itself (lsl #1) goes to x10, the PF
  // source (resultInPF, its Test defines PF), and is inserted into AL from there.
  ["shlFlags", "  v2 = GetReg rax\n  v3 = Const.1 0x1\n  v4 = Shl.1 v2, v3\n  v5 = Ubfx v2, 7, 1\n  v6 = Ubfx v4, 7, 1\n  v7 = Xor.4 v6, v5\n  Test.1 v4 !szp\n  SetFlag cf, v5\n  SetFlag of, v7\n  Undef !a\n  v12 = Bfi v2, v4, 0, 8\n  SetReg rax, v12\n  v13 = Const.8 0x1003\n  Exit jump, v13 ?oszapc\n",
    ["lsl w9, w8, #24", "lsl x10, x8, #1", "cmn w9, w9", "bfxil x8, x10, #0, #8"]],
  // shl bx, 3 (OF undefined): the word's bit 13 lands on bit 31 after lsl #(16 + 3 - 1).
  ["shlFlags", "  v2 = GetReg rbx\n  v3 = Const.1 0x3\n  v4 = Shl.2 v2, v3\n  v5 = Ubfx v2, 13, 1\n  Test.2 v4 !szp\n  SetFlag cf, v5\n  Undef !oa\n  v12 = Bfi v2, v4, 0, 16\n  SetReg rbx, v12\n  v13 = Const.8 0x1003\n  Exit jump, v13 ?oszapc\n",
    ["lsl w9, w27, #18", "lsl x10, x27, #3", "cmn w9, w9", "bfxil x27, x10, #0, #16"]],
  // call [rip+0x1ffa] at 0x1000, position independent: the slot 0x3000 is STATE.IMAGE_BASE + 0x2000
  // (one ldr of the base, one add), the return address 0x1006 is 0x1ffa below it: two subs from
  // that register instead of a second ldr of the base and its adds (ABI §7).
  ["picBase", "#pic\n  Guest 6, 0x1000\n  v1 = Addr 0x3000\n  v2 = Load.8 v1, 0\n  v3 = GetReg rsp\n  v4 = Const.8 0x8\n  v5 = Sub.8 v3, v4\n  v6 = Addr 0x1006\n  Store.8 v5, v6, 1\n  SetReg rsp, v5\n  Exit call, v2 ?-\n",
    ["ldr x9, [x12, #0xb8]", "add x9, x9, #0x2, lsl #12", "ldr x16, [x9]", "sub x6, x9, #0xffa", "sub x6, x6, #0x1, lsl #12", "str x6, [x15, #-0x8]!"]],
  // lea rax, [rip+…] (0x2010) then a load from 0x3000, position independent: the first address is
  // computed straight into rax's home (x8) and stays the base there: 0x3000 is 0xff0 above it,
  // which the 8-byte load takes as its offset (rule addrOffset).
  ["picBase", "#pic\n  v1 = Addr 0x2010\n  SetReg rax, v1\n  v3 = Addr 0x3000\n  v4 = Load.8 v3, 0\n  SetReg rcx, v4\n",
    ["ldr x8, [x12, #0xb8]", "add x8, x8, #0x10", "add x8, x8, #0x1, lsl #12", "ldr x0, [x8, #0xff0]"]],
  // mov eax, [rip+…] alone (0x3788, image base 0x1000): the image base plus 0x2000, and 0x788 as the
  // load's offset (scaled: 0x788 is a multiple of 4), not a third add.
  ["addrOffset", "#pic\n  v1 = Addr 0x3788\n  v2 = Load.4 v1, 0\n  SetReg rax, v2\n",
    ["ldr x9, [x12, #0xb8]", "add x9, x9, #0x2, lsl #12", "ldr w8, [x9, #0x788]"]],
  // call [rip+…] with the slot at 0x3788: the base register holds 0x3000 (the slot less its low
  // bits, which the load takes), and the return address 0x1006 is 0x1ffa below that.
  ["addrOffset", "#pic\n  Guest 6, 0x1000\n  v1 = Addr 0x3788\n  v2 = Load.8 v1, 0\n  v3 = GetReg rsp\n  v4 = Const.8 0x8\n  v5 = Sub.8 v3, v4\n  v6 = Addr 0x1006\n  Store.8 v5, v6, 1\n  SetReg rsp, v5\n  Exit call, v2 ?-\n",
    ["ldr x9, [x12, #0xb8]", "add x9, x9, #0x2, lsl #12", "ldr x16, [x9, #0x788]", "sub x6, x9, #0xffa", "sub x6, x6, #0x1, lsl #12", "str x6, [x15, #-0x8]!"]],
  // mov rax, cs: CS is bits 16..31 of the state word at 0xe0 (ABI §2), so byte 0xe2: one ldrh.
  ["stateField", "  v1 = GetState 28\n  v2 = Ubfx v1, 16, 16\n  SetReg rax, v2\n", ["ldrh w8, [x12, #0xe2]"]],
  // rdgsbase eax: the GS base is the state word at 0xb0 (ABI §2); its low half is one ldr w (the W load zero-extends).
  ["stateField", "  v1 = SegBase 1\n  v2 = Zext v1, 4\n  SetReg rax, v2\n", ["ldr w8, [x12, #0xb0]"]],
  // mul ebx's product: the 64-bit product of the zero-extended 32-bit halves is one umull.
  ["widenMul", "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Zext v1, 4\n  v4 = Zext v2, 4\n  v5 = Mul.8 v3, v4\n  SetReg rcx, v5\n", ["umull x0, w8, w27"]],
  // sbb rax, rbx at a block start with only CF live at the exit: C = CF on entry, sbcs wants NOT CF
  // (ccmp xzr, #0, #0, lo: C clear → 0 - 0 sets it, C set → the immediate clears it), and leaves
  // NOT CF, put right before the exit the same way (N, Z, V dead there too).
  ["carryFlipCcmp", "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Sbb.8 v1, v2 !c\n  SetReg rax, v3\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?c\n",
    ["ccmp xzr, #0x0, #0x0, lo", "sbcs x8, x8, x27", "ccmp xzr, #0x0, #0x0, lo"]],
  // mul's CF = OF = (high half != 0) with SF/ZF/AF/PF undefined after it: cmp sets NZCV, ccmn
  // makes C = V = 1 when ne held (the immediate 0b0011), else compares 0 + 0 (C = V = 0).
  ["carryOverflowCcmn", "  v1 = GetReg rdx\n  v2 = Const.8 0x0\n  v3 = Cmp.8 ne, v1, v2\n  SetFlag cf, v3\n  SetFlag of, v3\n  Undef !szap\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?oszapc\n",
    ["cmp x1, #0x0", "ccmn wzr, #0x0, #0x3, eq"]],
  // sub cl, bl with PF live: the 8-bit result is computed into x10 (the PF source) and inserted from it.
  ["resultInPF", "  v1 = GetReg rcx\n  v2 = GetReg rbx\n  v3 = Sub.1 v1, v2 !p\n  v4 = Bfi v1, v3, 0, 8\n  SetReg rcx, v4\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?p\n",
    ["sub w10, w0, w27", "bfxil x0, x10, #0, #8"]],
  // xor rcx, -1 into rcx (flags dead): orn x0, xzr, x8 is mvn.
  ["logicAllOnes", "  v1 = GetReg rax\n  v2 = Const.8 0xffffffffffffffff\n  v3 = Xor.8 v1, v2\n  SetReg rcx, v3\n", ["mvn x0, x8"]],
  // rep stosb: rCX = 0 → end; DF = 1 (step < 0) → bytewise; AL in 8 bytes; chunks of 16 while
  // rCX >= 16 and [rdi, rdi+16) stays in its page (else one byte, then chunks again); bytewise tail.
  ["repChunks", "  v1 = Const.8 0x1\n  RepStos.1 v1, 8, 0\n", [
    "mov w9, #0x1", "cbz x0, 0x68", "tbnz x9, #0x3f, 0x58",
    "and x7, x8, #0xff", "orr x7, x7, x7, lsl #8", "orr x7, x7, x7, lsl #16", "orr x7, x7, x7, lsl #32",
    "lsr x6, x0, #4", "cbz x6, 0x58", "and x6, x26, #0xfff", "add x6, x6, #0xf", "tbnz w6, #0xc, 0x44",
    "stp x7, x7, [x26]", "add x26, x26, #0x10", "sub x0, x0, #0x10", "cbnz x0, 0x1c", "b 0x68",
    "strb w8, [x26]", "add x26, x26, x9", "sub x0, x0, #0x1", "cbnz x0, 0x1c", "b 0x68",
    "strb w8, [x26]", "add x26, x26, x9", "sub x0, x0, #0x1", "cbnz x0, 0x58",
  ]],
];

test("rule arrays: unique names, each with a why", () => {
  expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
  for (const r of RULES) expect(r.why.length).toBeGreaterThan(20);
});

for (const [rule, ir, want] of CASES) {
  test(`${rule} fires`, () => {
    const L = new Lowerer();
    // A case for a 32-bit guest starts with "#32", one that needs the compare-branch fusion
    // marks (fuse-cmp-branch) with "#fuse", one translated position independent (image base
    // 0x1000) with "#pic" first (the rest is the block body).
    const pic = ir.startsWith("#pic\n"), ir1 = pic ? ir.slice(5) : ir;
    const fuse = ir1.startsWith("#fuse\n"), rest = fuse ? ir1.slice(6) : ir1;
    const mode = rest.startsWith("#32\n") ? 32 : 64, body = mode === 32 ? rest.slice(4) : rest;
    const text = body.includes("Exit") ? body : body + END;
    const blk = parseIr(`block 0x1000 mode ${mode}\n${text}`);
    if (fuse) fuseCmpBranch(blk);
    const out = lowerBlock(blk, { features: BASELINE, memoryOrder: "relaxed", pic, imageBase: 0x1000n }, L);
    expect(L.fired[RULE[rule as keyof typeof RULE]]).toBeGreaterThan(0);
    expect(listing(out.code).split("\n").slice(0, out.bodyWords)).toEqual(want);
  });
}

test("every rule has a case (some have two: another shape of the same rule)", () => {
  expect([...new Set(CASES.map((c) => c[0]))].sort()).toEqual(RULES.map((r) => r.name).sort());
});

test("writeHome with more uses: mul's high half goes straight to rdx's home and the flags read it there", () => {
  // mul rbx: lo into a temporary (rax is still an input of umulh), hi into x1 (rdx), then lo to x8;
  // the Cmp reads hi from x1; with only CF live, C = (hi != 0) by cmp + ccmn (rule carryOverflowCcmn).
  const L = new Lowerer();
  const out = lowerBlock(parseIr(`block 0x1000 mode 64
  v1 = GetReg rbx
  v2 = GetReg rax
  v3 = Mul.8 v2, v1
  v4 = MulHU.8 v2, v1
  SetReg rax, v3
  SetReg rdx, v4
  v7 = Const.8 0x0
  v8 = Cmp.8 ne, v4, v7
  SetFlag cf, v8
  v10 = Const.8 0x1003
  Exit jump, v10 ?c
`), { features: BASELINE, memoryOrder: "relaxed", pic: false }, L);
  expect(listing(out.code).split("\n").slice(0, 5)).toEqual(["mul x9, x8, x27", "umulh x1, x8, x27", "mov x8, x9", "cmp x1, #0x0", "ccmn wzr, #0x0, #0x3, eq"]);
});

test("writeHome with more uses: not when r is written again before the value's last use", () => {
  const L = new Lowerer();
  const out = lowerBlock(parseIr(`block 0x1000 mode 64
  v1 = GetReg rbx
  v2 = Const.8 0x5
  v3 = Add.8 v1, v2
  SetReg rax, v3
  v5 = GetReg rcx
  SetReg rax, v5
  SetReg rdx, v3
  v8 = Const.8 0x1003
  Exit jump, v8 ?-
`), { features: BASELINE, memoryOrder: "relaxed", pic: false }, L);
  // v3 must survive rax's second write: computed into a temporary, copied to rax and later rdx.
  expect(listing(out.code).split("\n").slice(0, 4)).toEqual(["add x9, x27, #0x5", "mov x8, x9", "mov x8, x0", "mov x1, x9"]);
});

test("loadPair only where the pair cannot fault: without the probes, two loads", () => {
  const ir = "  v1 = GetReg rsp\n  v6 = Const.8 0x8\n  v7 = Add.8 v1, v6\n  v8 = Load.8 v7, 1\n  SetReg rbx, v8\n  v10 = Const.8 0x10\n  v11 = Add.8 v1, v10\n  v12 = Load.8 v11, 1\n  SetReg rcx, v12\n";
  const L = new Lowerer();
  const out = lowerBlock(parseIr(`block 0x1000 mode 64\n${ir}${END}`), { features: BASELINE, memoryOrder: "relaxed", pic: false }, L);
  expect(L.fired[RULE.loadPair]).toBe(0);
  expect(listing(out.code).split("\n").slice(0, out.bodyWords)).toEqual(["ldr x27, [x15, #0x8]", "ldr x0, [x15, #0x10]"]);
});
