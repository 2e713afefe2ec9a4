/**
 * @file x86 semantics (stage 4 → 5): multiplication, SDM Vol. 1 §7.3.2.2 — MUL and IMUL (one-,
 * two- and three-operand forms). The low half is `Mul`, the high half `MulHU`/`MulHS`; CF = OF =
 * 1 exactly when the high half is significant (MUL: not zero; IMUL: not the sign extension of
 * the low half). SF, ZF, AF and PF are undefined: `Undef` (the lowering may leave anything there).
 *
 *   MUL(b, i, c) // mul rcx → lo = Mul.8 rax, rcx; hi = MulHU.8 …; SetReg rax/rdx; SetFlag cf/of
 */
import { FLAG, GPR, REL, type IrBlock, type Value } from "../../ir/index.ts";
import { K, type Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { immConst, konst, opSize, readOp, readReg, writeReg, type SemCtx } from "./_operand.ts";

/** The x86 register of IR register `n` at width `sz` (n < 4 for bytes: AL..BL). */
const regAt = (n: number, sz: number): number =>
  (sz === 8 ? R.GPR64 : sz === 4 ? R.GPR32 : sz === 2 ? R.GPR16 : R.GPR8) + n;

/** CF = OF = `ov`; SF, ZF, AF and PF undefined. */
function mulFlags(b: IrBlock, ov: Value): void {
  b.setFlag(FLAG.CF, ov);
  b.setFlag(FLAG.OF, ov);
  b.undef(FLAG.SF | FLAG.ZF | FLAG.AF | FLAG.PF);
}

/**
 * The whole 2*sz-byte product of x and y for sz < 8, as the SDM writes it (AX ← AL ∗ SRC): one
 * multiply of the extended operands in 4 bytes (sz 1, 2) or 8 (sz 4, a umull/smull), and whether
 * it does not fit in sz bytes (IMUL: is not the sign extension of its low half).
 */
function product(b: IrBlock, sz: number, x: Value, y: Value, signed: boolean): { p: Value; wide: number } {
  const wide = sz === 4 ? 8 : 4;
  const ext = (v: Value): Value => (signed ? b.sext(v, sz) : b.zext(v, sz));
  return { p: b.mul(wide, ext(x), ext(y)), wide };
}

/** One operand: AX = AL * r/m8, DX:AX / EDX:EAX / RDX:RAX = rAX * r/m. */
function mulWide(b: IrBlock, i: Insn, signed: boolean): boolean {
  const sz = opSize(i, 0);
  const s = readOp(b, i, 0, sz);
  const a = b.getReg(GPR.RAX);
  if (sz === 8) {
    // The high half first: both read rAX, and the low half then replaces it last.
    const hi = signed ? b.mulHS(8, a, s) : b.mulHU(8, a, s);
    const lo = b.mul(8, a, s);
    writeReg(b, R.GPR64 + GPR.RAX, lo);
    writeReg(b, R.GPR64 + GPR.RDX, hi);
    mulFlags(b, b.cmp(8, REL.NE, hi, signed ? b.sar(8, lo, konst(b, 1, 63)) : konst(b, 8, 0)));
    return true;
  }
  const { p, wide } = product(b, sz, a, s, signed);
  if (sz === 1) {
    writeReg(b, R.GPR16, p);
    mulFlags(b, signed ? overflow(b, 1, p, wide) : b.cmp(4, REL.UGT, p, konst(b, 4, 0xff)));
    return true;
  }
  const hi = b.shr(wide, p, konst(b, 1, 8 * sz));
  writeReg(b, regAt(GPR.RAX, sz), p);
  writeReg(b, regAt(GPR.RDX, sz), hi);
  mulFlags(b, signed ? overflow(b, sz, p, wide) : b.cmp(wide, REL.NE, hi, konst(b, wide, 0)));
  return true;
}

/** The signed product p (of `wide` bytes) does not fit in sz bytes: it is not its own sign extension. */
const overflow = (b: IrBlock, sz: number, p: Value, wide: number): Value => b.cmp(wide, REL.NE, p, b.sext(p, sz));

/** MUL—Unsigned Multiply, SDM Vol. 2B. */
export function MUL(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return mulWide(b, i, false);
}

/**
 * IMUL—Signed Multiply, SDM Vol. 2A: one operand (rDX:rAX = rAX * r/m), two (r = r * r/m) or
 * three (r = r/m * imm, the immediate sign-extended by the decoder).
 */
export function IMUL(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  if (i.opCount === 1) return mulWide(b, i, true);
  const sz = opSize(i, 0), d = i.reg[0]!;
  let x: Value, y: Value;
  if (i.opCount === 2) {
    y = readOp(b, i, 1, sz);
    x = readReg(b, d);
  } else {
    if (i.kind[2] !== K.IMM) return false;
    x = readOp(b, i, 1, sz);
    y = immConst(b, i, sz);
  }
  if (sz === 8) {
    // The high half (read by the flags alone) before the low half, which replaces x when d is x's register.
    const hi = b.mulHS(8, x, y);
    const lo = b.mul(8, x, y);
    writeReg(b, d, lo);
    mulFlags(b, b.cmp(8, REL.NE, hi, b.sar(8, lo, konst(b, 1, 63))));
    return true;
  }
  // The register gets the sz-byte product (one mul, all that is left when the flags are dead);
  // the widened product only feeds CF/OF, so flag elimination removes it.
  writeReg(b, d, b.mul(sz, x, y));
  const { p, wide } = product(b, sz, x, y, true);
  mulFlags(b, overflow(b, sz, p, wide));
  return true;
}
