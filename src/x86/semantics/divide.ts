/**
 * @file x86 semantics (stage 4 → 5): division, SDM Vol. 2A — DIV and IDIV of AX (8-bit),
 * DX:AX, EDX:EAX and RDX:RAX by a register or memory operand. The quotient goes to AL/AX/EAX/RAX
 * and the remainder to AH/DX/EDX/RDX.
 *
 * #DE (a zero divisor, or a quotient too wide for the destination) must reach the program as the
 * x86 exception with the state of before the instruction (Windows delivers it as
 * EXCEPTION_INT_DIVIDE_BY_ZERO / _OVERFLOW to SEH handlers): the fault test comes first and, when
 * it holds, `ExitSymIf` leaves the block into the runtime symbol `divide_error` with x16 = this
 * instruction's RIP (ABI §5) before anything is written. The test is `Cmp uge high, divisor` for
 * DIV (the quotient fits exactly when the high half of the dividend is below the divisor, which
 * also covers 0); for IDIV up to 32 bits, a zero divisor or a 64-bit quotient (`DivS`, exact for
 * these sizes) other than its own sign extension; for IDIV r64 the op `DivSFault`. Then
 * `DivU`/`DivS` give the quotient and the remainder is `low - quotient * divisor` in the operand
 * size (exact: it fits).
 *
 * Flags: CF, OF, SF, ZF, AF and PF are undefined (SDM "Flags Affected"): `Undef` after the last
 * write (at the #DE exit they are still the old flags, as the exception context must show).
 *
 *   DIV(b, i, c) // div rcx → f = Cmp.8 uge rdx, rcx; ExitSymIf f, divide_error, …;
 *                //   q = DivU.8 rdx, rax, rcx; r = Sub.8 rax, Mul.8 q, rcx; SetReg rax, q; SetReg rdx, r
 */
import { GPR, REL, STATUS_FLAGS, SYM, type IrBlock, type Value } from "../../ir/index.ts";
import type { Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { guestAddr, konst, opSize, readOp, writeReg, type SemCtx } from "./_operand.ts";

/** The x86 register of IR register `n` at width `sz` (16, 32 or 64 bits). */
const regAt = (n: number, sz: number): number => (sz === 8 ? R.GPR64 : sz === 4 ? R.GPR32 : R.GPR16) + n;

function divide(b: IrBlock, i: Insn, c: SemCtx, signed: boolean): boolean {
  const sz = opSize(i, 0);
  // The divisor first: a faulting load leaves the state untouched (ABI §9).
  const d = readOp(b, i, 0, sz);
  const ax = b.getReg(GPR.RAX);
  const hi = sz === 1 ? b.ubfx(ax, 8, 8) : b.getReg(GPR.RDX);
  const lo = ax;
  let q = -1, fault: Value;
  if (!signed) fault = b.cmp(sz, REL.UGE, hi, d);
  else if (sz === 8) fault = b.divSFault(8, hi, lo, d);
  else {
    // Up to 32 bits DivS's result is the whole 64-bit quotient (ops.ts): #DE when the divisor is
    // 0 or the quotient is not its own sign extension from sz bytes. One division, no flags.
    q = b.divS(sz, hi, lo, d);
    fault = b.or(4, b.cmp(sz, REL.EQ, d, konst(b, sz, 0)), b.cmp(8, REL.NE, q, b.sext(q, sz)));
  }
  b.exitSymIf(fault, SYM.divide_error, guestAddr(b, Number(c.va)), i.length);
  if (q < 0) q = signed ? b.divS(sz, hi, lo, d) : b.divU(sz, hi, lo, d);
  const r = b.sub(sz, lo, b.mul(sz, q, d));
  if (sz === 1) writeReg(b, R.GPR16, b.bfi(q, r, 8, 8));
  else {
    writeReg(b, regAt(GPR.RAX, sz), q);
    writeReg(b, regAt(GPR.RDX, sz), r);
  }
  b.undef(STATUS_FLAGS);
  return true;
}

/** DIV—Unsigned Divide, SDM Vol. 2A. Undefined: CF, OF, SF, ZF, AF, PF (left unchanged). */
export function DIV(b: IrBlock, i: Insn, c: SemCtx): boolean {
  return divide(b, i, c, false);
}

/** IDIV—Signed Divide, SDM Vol. 2A (quotient rounded toward 0). Undefined: CF, OF, SF, ZF, AF, PF (left unchanged). */
export function IDIV(b: IrBlock, i: Insn, c: SemCtx): boolean {
  return divide(b, i, c, true);
}

