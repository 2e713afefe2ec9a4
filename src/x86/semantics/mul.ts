/**
 * @file x86 semantics (stage 4 → 5): multiplication, SDM Vol. 1 §7.3.2.2 — MUL and IMUL (one-,
 * two- and three-operand forms). The low half is `Mul`, the high half `MulHU`/`MulHS`; CF = OF =
 * 1 exactly when the high half is significant (MUL: not zero; IMUL: not the sign extension of
 * the low half). SF, ZF, AF and PF are undefined and left unchanged.
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

/** CF = OF = the high half is significant. */
function mulFlags(b: IrBlock, sz: number, lo: Value, hi: Value, signed: boolean): void {
  let ext: Value;
  if (signed) ext = b.sar(8, sz < 8 ? b.sext(lo, sz) : lo, konst(b, 1, 63));
  else ext = konst(b, sz, 0);
  const ov = b.cmp(sz, REL.NE, hi, ext);
  b.setFlag(FLAG.CF, ov);
  b.setFlag(FLAG.OF, ov);
}

/** One operand: AX = AL * r/m8, DX:AX / EDX:EAX / RDX:RAX = rAX * r/m. */
function mulWide(b: IrBlock, i: Insn, signed: boolean): boolean {
  const sz = opSize(i, 0);
  const s = readOp(b, i, 0, sz);
  const a = b.getReg(GPR.RAX);
  const lo = b.mul(sz, a, s);
  const hi = signed ? b.mulHS(sz, a, s) : b.mulHU(sz, a, s);
  if (sz === 1) writeReg(b, R.GPR16, b.bfi(lo, hi, 8, 8));
  else {
    writeReg(b, regAt(GPR.RAX, sz), lo);
    writeReg(b, regAt(GPR.RDX, sz), hi);
  }
  mulFlags(b, sz, lo, hi, signed);
  return true;
}

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
  const lo = b.mul(sz, x, y);
  const hi = b.mulHS(sz, x, y);
  writeReg(b, d, lo);
  mulFlags(b, sz, lo, hi, true);
  return true;
}
