/**
 * @file x86 semantics (stage 4 → 5): shifts and rotates, SDM Vol. 1 §7.3.6 — SHL/SAL, SHR, SAR,
 * ROL, ROR by an immediate, by 1 and by CL. The IR's shift ops set no flags, so the flags are
 * computed with generic ops and `SetFlag`, following the SDM's Operation boxes:
 *
 * - the count is masked to 5 bits (6 with a 64-bit operand); a masked count of 0 changes no flag
 *   and leaves the value, but the destination is still written (a 32-bit register is
 *   zero-extended in 64-bit mode, as hardware and Unicorn do; a memory operand is stored back);
 * - CF is the last bit shifted out (0 once the count passes the width of an 8/16-bit operand:
 *   the SDM leaves CF of SHL/SHR by the width or more undefined, but the rows cannot say so and
 *   we write that value; diff.ts masks it per state); rotates: CF = LSB (ROL) or MSB (ROR) of
 *   the result; 8/16-bit rotates turn by count mod width;
 * - OF is defined for a count of 1 (SHL/ROL: MSB(result) ^ CF; SHR: MSB(original); SAR: 0;
 *   ROR: the two top bits of the result XORed). For larger counts it is undefined; shifts by a
 *   nonzero count leave AF undefined;
 * - SF/ZF/PF (shifts only) come from the result.
 *
 * Undefined flags: an immediate count is known, so after the last write the flags it leaves
 * undefined are `Undef` (OF for a masked count above 1, AF for a nonzero shift). By
 * CL a count of 0 changes no flag, so nothing is undefined on every execution: we write OF's
 * count-1 formula for every nonzero count, and a shift's AF is saved and restored if the count is
 * 0 (a restore with AF leaves it undefined otherwise: ops.ts), so the lowering may clobber it.
 *
 * A count known at translation time (imm8, 1) gives straight code. By CL every flag and the
 * result are `Select`s on count == 0. PF has no generic formula in the IR: it is defined by a
 * `Test` (the op that owns the parity rule) and then selected against the old PF.
 *
 *   SHL(b, i, c) // shl eax, cl → n = And.4 rcx, 31; z = Cmp.4 eq n, 0; r = Shl.4 …; Select z, …
 */
import { FLAG, GPR, REL, type IrBlock, type Value } from "../../ir/index.ts";
import { K, type Insn } from "../insn.ts";
import { effAddr, konst, memAttr, opSize, readReg, writeReg, type SemCtx } from "./_operand.ts";

const SH_L = 0, SH_R = 1, SA_R = 2, RO_L = 3, RO_R = 4;
const SZP = FLAG.SF | FLAG.ZF | FLAG.PF;

/**
 * The shifted or rotated value of `v` (sz bytes) by `n` (a value, 0 <= n <= mask; `known` is its
 * value when it is a constant, else -1). `x` is v prepared for the op: zero-extended for SHR and
 * 8/16-bit rotates, sign-extended for SAR (ops.ts: Shr/Sar of 8/16-bit values need it).
 */
function compute(b: IrBlock, kind: number, sz: number, x: Value, n: Value, known: number): Value {
  const w = sz * 8;
  switch (kind) {
    case SH_L: return b.shl(sz, x, n);
    case SH_R: return b.shr(sz, x, n);
    case SA_R: return b.sar(sz, x, n);
  }
  if (sz >= 4) {
    // Ror rotates by its count mod 8*sz: rotating left by n is rotating right by -n.
    if (kind === RO_R) return b.ror(sz, x, n);
    return b.ror(sz, x, known >= 0 ? konst(b, 1, (w - known) & (w - 1)) : b.neg(4, n));
  }
  // 8/16-bit: no Ror of that width. By a variable count: the value repeated across 32 bits, where
  // a rotation by any n turns every copy by n mod w (w divides 32), so one 32-bit Ror does it
  // (the copies above the low w bits are the garbage an 8/16-bit value may carry).
  if (known < 0) {
    let r = b.or(4, x, b.shl(4, x, konst(b, 1, w)));
    if (w === 8) r = b.or(4, r, b.shl(4, r, konst(b, 1, 16)));
    return b.ror(4, r, kind === RO_R ? n : b.neg(4, n));
  }
  // By a constant: the rotation by e = n mod w is two shifts of the zero-extended value (e = 0
  // gives x | x >> w = x).
  const e = known >= 0 ? konst(b, 1, known & (w - 1)) : b.and(4, n, konst(b, 4, w - 1));
  const f = known >= 0 ? konst(b, 1, w - (known & (w - 1))) : b.sub(4, konst(b, 4, w), e);
  return kind === RO_L ? b.or(sz, b.shl(sz, x, e), b.shr(sz, x, f)) : b.or(sz, b.shr(sz, x, e), b.shl(sz, x, f));
}

/** Bit `k` of v as 0/1. */
const bit = (b: IrBlock, v: Value, k: number): Value => b.ubfx(v, k, 1);

/** SHL/SHR/SAR/ROL/ROR r/m, imm8 | 1 | CL. */
function shiftOp(b: IrBlock, i: Insn, kind: number): boolean {
  const sz = opSize(i, 0), w = sz * 8, mask = sz === 8 ? 63 : 31;
  const mem = i.kind[0] === K.MEM;
  const a = mem ? effAddr(b, i) : -1, attr = mem ? memAttr(i) : 0;
  const v = mem ? b.load(sz, a, attr) : readReg(b, i.reg[0]!);
  const x = sz >= 4 ? v : kind === SA_R ? b.sext(v, sz) : kind === SH_L ? v : b.zext(v, sz);

  if (i.kind[1] === K.IMM) {
    const n = i.imm & mask;
    if (n === 0) {
      put(b, i, sz, a, attr, v);
      return true;
    }
    const r = compute(b, kind, sz, x, konst(b, 1, n), n);
    put(b, i, sz, a, attr, r);
    // Flags only after the store (precise faults).
    let cf: Value;
    switch (kind) {
      case SH_L: cf = n <= w ? bit(b, v, w - n) : konst(b, 1, 0); break;
      case SH_R: case SA_R: cf = bit(b, x, n - 1); break;
      case RO_L: cf = bit(b, r, 0); break;
      default: cf = bit(b, r, w - 1);
    }
    if (kind <= SA_R) b.test(sz, r, SZP);
    b.setFlag(FLAG.CF, cf);
    if (n === 1) b.setFlag(FLAG.OF, overflow(b, kind, w, v, r, cf));
    b.undef((n > 1 ? FLAG.OF : 0) | (kind <= SA_R ? FLAG.AF : 0));
    return true;
  }

  // By CL: every effect is selected on (CL & mask) == 0.
  const n = b.and(4, b.getReg(GPR.RCX), konst(b, 4, mask));
  const z = b.cmp(4, REL.EQ, n, konst(b, 4, 0));
  const r = compute(b, kind, sz, x, n, -1);
  // A rotate by 0 is its operand already (an 8/16-bit one in the low bits it writes); the rest
  // need the select.
  put(b, i, sz, a, attr, kind >= RO_L ? r : b.select(z, v, r));
  let cf: Value;
  switch (kind) {
    // Bit w of v << n is bit w - n of v (0 past the width); for 64 bits rotate left by n instead
    // (right by -n: Ror takes its count mod 64).
    case SH_L: cf = sz < 8 ? bit(b, b.shl(8, v, n), w) : bit(b, b.ror(8, v, b.neg(4, n)), 0); break;
    // Bit 0 of (x << 1) >> n is bit n - 1 of x, without an n - 1 that would be -1 for n = 0.
    case SH_R: case SA_R: cf = bit(b, b.shr(8, b.shl(8, x, konst(b, 1, 1)), n), 0); break;
    case RO_L: cf = bit(b, r, 0); break;
    default: cf = bit(b, r, w - 1);
  }
  const of = overflow(b, kind, w, v, r, cf);
  if (kind <= SA_R) {
    const pf = b.getFlag(FLAG.PF);
    b.test(sz, r, FLAG.PF);
    b.setFlag(FLAG.PF, b.select(z, pf, b.getFlag(FLAG.PF)));
    b.setFlag(FLAG.SF, b.select(z, b.getFlag(FLAG.SF), bit(b, r, w - 1)));
    b.setFlag(FLAG.ZF, b.select(z, b.getFlag(FLAG.ZF), b.cmp(sz, REL.EQ, r, konst(b, sz, 0))));
  }
  b.setFlag(FLAG.CF, b.select(z, b.getFlag(FLAG.CF), cf));
  b.setFlag(FLAG.OF, b.select(z, b.getFlag(FLAG.OF), of));
  // AF of a shift: kept for a count of 0, undefined otherwise, which is what a save and restore
  // of AF alone means (ops.ts); cond-flags merges it into the run of the selects above.
  if (kind <= SA_R) b.restoreFlagsIfZero(4, n, b.saveFlags(FLAG.AF), FLAG.AF);
  return true;
}

/** Write the result back: to memory at `a` (a >= 0) or to the destination register. */
function put(b: IrBlock, i: Insn, sz: number, a: Value, attr: number, r: Value): void {
  if (a >= 0) b.store(sz, a, r, attr);
  else writeReg(b, i.reg[0]!, r);
}

/** OF as the SDM defines it for a count of 1. */
function overflow(b: IrBlock, kind: number, w: number, v: Value, r: Value, cf: Value): Value {
  switch (kind) {
    case SH_L: case RO_L: return b.xor(4, bit(b, r, w - 1), cf);
    case SH_R: return bit(b, v, w - 1);
    case SA_R: return konst(b, 1, 0);
    default: return b.xor(4, bit(b, r, w - 1), bit(b, r, w - 2));
  }
}

// ── SHL / SAL / SHR / SAR ──

/** SAL/SAR/SHL/SHR—Shift (SHL), SDM Vol. 2B. */
export function SHL(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return shiftOp(b, i, SH_L);
}

/** SAL/SAR/SHL/SHR—Shift (SAL, the same operation as SHL), SDM Vol. 2B. */
export function SAL(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return shiftOp(b, i, SH_L);
}

/** SAL/SAR/SHL/SHR—Shift (SHR), SDM Vol. 2B. */
export function SHR(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return shiftOp(b, i, SH_R);
}

/** SAL/SAR/SHL/SHR—Shift (SAR), SDM Vol. 2B. */
export function SAR(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return shiftOp(b, i, SA_R);
}

// ── ROL / ROR ──

/** RCL/RCR/ROL/ROR—Rotate (ROL), SDM Vol. 2B. */
export function ROL(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return shiftOp(b, i, RO_L);
}

/** RCL/RCR/ROL/ROR—Rotate (ROR), SDM Vol. 2B. */
export function ROR(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return shiftOp(b, i, RO_R);
}
