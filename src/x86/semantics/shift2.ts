/**
 * @file x86 semantics (stage 4 → 5): rotates through carry and double shifts, SDM Vol. 2B —
 * RCL, RCR (by 1, imm8, CL; 8/16/32/64 bits) and SHLD, SHRD (imm8, CL; 16/32/64 bits). Built from
 * the IR's flag-free shifts like shift.ts, following the SDM's Operation boxes:
 *
 * - RCL/RCR rotate the (w+1)-bit value CF:dest. The count is masked to 5 bits (6 with REX.W),
 *   then taken mod 9 (8-bit) or mod 17 (16-bit). A count of 0 (after both steps) changes no
 *   value and not CF, but the destination is still written back (a 32-bit register is
 *   zero-extended in 64-bit mode, as Unicorn does). CF is the last bit rotated out. OF is defined
 *   only for a masked count of 1 (RCL: MSB(result) ^ CF; RCR: MSB(dest) ^ old CF, both
 *   MSB(dest ^ result)); the imm8 and CL rows declare it undefined (fu=o). SF, ZF, AF, PF are
 *   not affected.
 * - SHLD/SHRD shift dest, filling from src. The count is masked to 5 bits (6 with REX.W); 0 changes
 *   no flag. CF is the last bit shifted out of dest; SF, ZF, PF from the result; OF is defined
 *   for a count of 1 only (sign change: MSB(result) ^ MSB(dest)) and the rows declare it
 *   undefined (fu=o); AF is undefined for a nonzero count (fu=a). A 16-bit count above 16 leaves
 *   the result and the flags undefined (SDM); we compute it as Intel (and Unicorn) do, shifting
 *   dest:src:dest, flags included.
 *
 * Undefined flags: an immediate count is known, so after the last write the flags it leaves
 * undefined are `Undef`: OF for a masked count above 1 (RCL/RCR: even when the count is 0 mod 9
 * or 17, which rotates nothing), and AF for SHLD/SHRD by a nonzero count. By CL a count of 0
 * changes no flag, so nothing is undefined on every execution: we write MSB(dest ^ result) (the
 * count-1 value, and what Unicorn writes) as OF for every nonzero count and leave AF unchanged.
 *
 * ≤ 32-bit rotates work on CF:dest as one 64-bit value, so a count of 0 needs no special case.
 * 64-bit ones split the 65-bit rotate into shifts whose counts stay below 64 for every count
 * (`(x >> 1) >> (63 - n)` is x >> (64 - n), also for n = 0).
 *
 *   RCL(b, i, c) // rcl eax, cl → t = Bfi(cf << 32, eax, 0, 32); r = t << n | t >> (33 - n); …
 */
import { FLAG, GPR, REL, type IrBlock, type Value } from "../../ir/index.ts";
import { K, type Insn } from "../insn.ts";
import { effAddr, konst, memAttr, opSize, readReg, writeReg, type SemCtx } from "./_operand.ts";

const SZP = FLAG.SF | FLAG.ZF | FLAG.PF;

/** The destination operand: its address (memory, else -1), attributes and current value. */
function dest(b: IrBlock, i: Insn, sz: number): [Value, number, Value] {
  if (i.kind[0] !== K.MEM) return [-1, 0, readReg(b, i.reg[0]!)];
  const a = effAddr(b, i), attr = memAttr(i);
  return [a, attr, b.load(sz, a, attr)];
}

/** Write the result back: to memory at `a` (a >= 0) or to the destination register. */
function put(b: IrBlock, i: Insn, sz: number, a: Value, attr: number, r: Value): void {
  if (a >= 0) b.store(sz, a, r, attr);
  else writeReg(b, i.reg[0]!, r);
}

const k1 = (b: IrBlock, n: number): Value => konst(b, 1, n);
const bit = (b: IrBlock, v: Value, k: number): Value => b.ubfx(v, k, 1);

// ── RCL / RCR ──

/**
 * The rotated value and the new CF for a count n (a value in [0, w], or [0, 63] for 64 bits;
 * `known` its constant value or -1). For 64 bits with an unknown count the new CF is only right
 * for n != 0 (the caller selects).
 */
function rotateThroughCarry(b: IrBlock, left: boolean, sz: number, v: Value, cf: Value, n: Value, known: number): [Value, Value] {
  const w = 8 * sz;
  if (sz <= 4) {
    // t = CF:dest, w+1 bits; rotating it by n is two shifts whose counts stay in [0, w+1].
    const t = b.bfi(b.shl(8, cf, k1(b, w)), v, 0, w);
    const m = known >= 0 ? k1(b, w + 1 - known) : b.sub(4, konst(b, 4, w + 1), n);
    const r = left ? b.or(8, b.shl(8, t, n), b.shr(8, t, m)) : b.or(8, b.shr(8, t, n), b.shl(8, t, m));
    // Bit w is the carry; the bits above it are garbage the w-bit writes ignore.
    return [r, bit(b, r, w)];
  }
  if (known > 0) {
    if (left) {
      let r = b.or(8, b.shl(8, v, n), b.shl(8, cf, k1(b, known - 1)));
      if (known > 1) r = b.or(8, r, b.shr(8, v, k1(b, 65 - known)));
      return [r, bit(b, v, 64 - known)];
    }
    let r = b.or(8, b.shr(8, v, n), b.shl(8, cf, k1(b, 64 - known)));
    if (known > 1) r = b.or(8, r, b.shl(8, v, k1(b, 65 - known)));
    return [r, bit(b, v, known - 1)];
  }
  const m = b.sub(4, konst(b, 4, 63), n);
  if (left) {
    // u = v >> (64 - n): the bits that wrap, plus the new CF in bit 0.
    const u = b.shr(8, b.shr(8, v, k1(b, 1)), m);
    const r = b.or(8, b.or(8, b.shl(8, v, n), b.shr(8, b.shl(8, cf, n), k1(b, 1))), b.shr(8, u, k1(b, 1)));
    return [r, bit(b, u, 0)];
  }
  // u = v << (64 - n): the bits that wrap, plus the new CF in bit 63.
  const u = b.shl(8, b.shl(8, v, k1(b, 1)), m);
  const cfTop = b.shl(8, b.shr(8, b.shl(8, cf, k1(b, 63)), n), k1(b, 1));
  const r = b.or(8, b.or(8, b.shr(8, v, n), cfTop), b.shl(8, u, k1(b, 1)));
  return [r, bit(b, u, 63)];
}

function rcOp(b: IrBlock, i: Insn, left: boolean): boolean {
  const sz = opSize(i, 0), w = 8 * sz, mask = sz === 8 ? 63 : 31;
  const [a, attr, v] = dest(b, i, sz);
  if (i.kind[1] === K.IMM) {
    const m = i.imm & mask, n = sz <= 2 ? m % (w + 1) : m;
    if (n === 0) {
      put(b, i, sz, a, attr, v);
      if (m !== 0) b.undef(FLAG.OF);
      return true;
    }
    const [r, cf] = rotateThroughCarry(b, left, sz, v, b.getFlag(FLAG.CF), k1(b, n), n);
    put(b, i, sz, a, attr, r);
    // Flags only after the store (precise faults); both values first, so the two SetFlags share
    // one NZCV read-modify-write (lowering rule setFlagRun).
    const of = m === 1 ? bit(b, b.xor(8, v, r), w - 1) : -1;
    b.setFlag(FLAG.CF, cf);
    if (m === 1) b.setFlag(FLAG.OF, of);
    else b.undef(FLAG.OF);
    return true;
  }
  // By CL: mask, then mod (w+1) for 8/16 bits; every flag effect is selected on n == 0.
  let n = b.and(4, b.getReg(GPR.RCX), konst(b, 4, mask));
  if (sz === 1) n = b.sub(4, n, b.mul(4, b.shr(4, b.mul(4, n, konst(b, 4, 57)), k1(b, 9)), konst(b, 4, 9))); // n < 32: n/9 = (57n) >> 9
  else if (sz === 2) n = b.select(b.cmp(4, REL.UGE, n, konst(b, 4, 17)), b.sub(4, n, konst(b, 4, 17)), n);
  const old = b.getFlag(FLAG.CF);
  const [r, cf] = rotateThroughCarry(b, left, sz, v, old, n, -1);
  put(b, i, sz, a, attr, r);
  const z = b.cmp(4, REL.EQ, n, konst(b, 4, 0));
  // Each flag is selected on n = 0 and written right after its select, from a read of its own:
  // the shape of every shift by CL, which cond-flags turns into one save and one restore of both
  // (keepFlagsIfZero). (At ≤ 32 bits n = 0 rotates CF:dest onto itself, so bit w is the old CF
  // anyway; selecting it too keeps the two writes in one run.)
  const ofNew = bit(b, b.xor(8, v, r), w - 1);
  b.setFlag(FLAG.CF, b.select(z, b.getFlag(FLAG.CF), cf));
  b.setFlag(FLAG.OF, b.select(z, b.getFlag(FLAG.OF), ofNew));
  return true;
}

/** RCL/RCR/ROL/ROR—Rotate (RCL), SDM Vol. 2B. Undefined: OF for masked counts other than 1 (`Undef` for immediates). */
export function RCL(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return rcOp(b, i, true);
}

/** RCL/RCR/ROL/ROR—Rotate (RCR), SDM Vol. 2B. Undefined: OF for masked counts other than 1 (`Undef` for immediates). */
export function RCR(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return rcOp(b, i, false);
}

// ── SHLD / SHRD ──

/**
 * dest shifted by n, filled from src, and the last bit shifted out (for an unknown count: right
 * for n != 0 only). 16/32 bits work on one 64-bit value T holding dest and src side by side
 * (16 bits: dest:src:dest, Intel's behaviour for counts above 16).
 */
function doubleShift(b: IrBlock, left: boolean, sz: number, d: Value, s: Value, n: Value, known: number): [Value, Value] {
  const w = 8 * sz;
  if (known > 0 && sz >= 4) {
    // A constant count 0 < k < w: dest shifted by k, filled with src's other w - k bits, at the
    // operand size; CF is bit w - k (left) or k - 1 (right) of dest, taken first (the result can
    // then go straight into dest's register).
    const c = k1(b, w - known), cf = bit(b, d, left ? w - known : known - 1);
    return [left ? b.or(sz, b.shl(sz, d, n), b.shr(sz, s, c)) : b.or(sz, b.shr(sz, d, n), b.shl(sz, s, c)), cf];
  }
  const m = known >= 0 ? k1(b, 63 - known) : b.sub(4, konst(b, 4, 63), n);
  if (sz === 8) {
    if (left) {
      // dest << n | src >> (64 - n); CF = bit 64 - n of dest = bit 0 of dest >> (64 - n).
      const r = b.or(8, b.shl(8, d, n), b.shr(8, b.shr(8, s, k1(b, 1)), m));
      return [r, bit(b, b.shr(8, b.shr(8, d, k1(b, 1)), m), 0)];
    }
    const r = b.or(8, b.shr(8, d, n), b.shl(8, b.shl(8, s, k1(b, 1)), m));
    return [r, bit(b, b.shl(8, b.shl(8, d, k1(b, 1)), m), 63)];
  }
  if (left) {
    // T has dest in its top w bits: 32: dest:src; 16: dest:src:dest:0.
    let t = b.bfi(b.shl(8, d, k1(b, 64 - w)), s, 64 - 2 * w, w);
    if (sz === 2) t = b.bfi(t, d, 16, 16);
    const r = b.ubfx(b.shl(8, t, n), 64 - w, w);
    return [r, bit(b, b.shr(8, b.shr(8, t, k1(b, 1)), m), 0)];
  }
  // T has dest in its low w bits: 32: src:dest; 16: dest:src:dest (bits 48 and up are garbage
  // that no count below 32 brings into the result or the carry).
  let t = b.bfi(b.shl(8, sz === 4 ? s : d, k1(b, 32)), sz === 4 ? d : s, sz === 4 ? 0 : 16, w);
  if (sz === 2) t = b.bfi(t, d, 0, 16);
  const r = b.shr(8, t, n);
  // Bit n - 1 of T is bit 0 of (T << 1) >> n (n <= 31: T's bit 63 is not needed).
  return [r, bit(b, b.shr(8, b.shl(8, t, k1(b, 1)), n), 0)];
}

function shdOp(b: IrBlock, i: Insn, left: boolean): boolean {
  const sz = opSize(i, 0), w = 8 * sz, mask = sz === 8 ? 63 : 31;
  if (i.kind[1] !== K.REG) return false;
  const [a, attr, v] = dest(b, i, sz);
  const s = readReg(b, i.reg[1]!);
  if (i.kind[2] === K.IMM) {
    const n = i.imm & mask;
    if (n === 0) {
      put(b, i, sz, a, attr, v);
      return true;
    }
    const [r, cf] = doubleShift(b, left, sz, v, s, k1(b, n), n);
    put(b, i, sz, a, attr, r);
    const of = n === 1 ? bit(b, b.xor(8, v, r), w - 1) : -1;
    b.test(sz, r, SZP);
    b.setFlag(FLAG.CF, cf);
    if (n === 1) b.setFlag(FLAG.OF, of);
    b.undef((n > 1 ? FLAG.OF : 0) | FLAG.AF);
    return true;
  }
  const n = b.and(4, b.getReg(GPR.RCX), konst(b, 4, mask));
  const z = b.cmp(4, REL.EQ, n, konst(b, 4, 0));
  // A count of 0 leaves dest as it was, and doubleShift's result already is dest then (its
  // shifts stay below the width for every count): no select.
  const [r, cf] = doubleShift(b, left, sz, v, s, n, -1);
  put(b, i, sz, a, attr, r);
  // As shift.ts: PF from a Test, then every flag selected against its old value on n == 0.
  const pf = b.getFlag(FLAG.PF);
  b.test(sz, r, FLAG.PF);
  b.setFlag(FLAG.PF, b.select(z, pf, b.getFlag(FLAG.PF)));
  b.setFlag(FLAG.SF, b.select(z, b.getFlag(FLAG.SF), bit(b, r, w - 1)));
  b.setFlag(FLAG.ZF, b.select(z, b.getFlag(FLAG.ZF), b.cmp(sz, REL.EQ, r, konst(b, sz, 0))));
  b.setFlag(FLAG.CF, b.select(z, b.getFlag(FLAG.CF), cf));
  b.setFlag(FLAG.OF, b.select(z, b.getFlag(FLAG.OF), bit(b, b.xor(8, v, r), w - 1)));
  return true;
}

/** SHLD—Double Precision Shift Left, SDM Vol. 2B. Undefined: OF (count > 1), AF (count ≠ 0), `Undef` for immediates; result and flags for 16-bit counts > 16. */
export function SHLD(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return shdOp(b, i, true);
}

/** SHRD—Double Precision Shift Right, SDM Vol. 2B. Undefined: OF (count > 1), AF (count ≠ 0), `Undef` for immediates; result and flags for 16-bit counts > 16. */
export function SHRD(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return shdOp(b, i, false);
}
