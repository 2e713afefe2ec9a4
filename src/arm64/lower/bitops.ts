/**
 * @file Stage 6 (ARM64 lowering): the bit counting and permutation ops of the bits group: `Clz`,
 * `Ctz`, `Rev`, `Popcnt`, `Pdep`, `Pext`. None of them touches NZCV (guest flags may be live
 * across them), so they need no flag save.
 *
 * - Clz/Ctz of 2 bytes put a stop bit just past the halfword (bit 15 after the shift up, bit 16
 *   before `rbit`), so a zero input counts 16 and garbage above the halfword is never seen.
 * - Popcnt: ARMv8.0 has no scalar popcount; `cnt` + `addv` count in a vector register. The ABI
 *   (§3.2) gives translated code none of its own (v0-v15 are XMM, v16-v31 are outside the ARM64EC
 *   context), so it borrows one as the vector slice does (vector.ts `borrow`: v15, parked in
 *   STATE.VSCRATCH around the use for ARM64EC, free for WOW64): 4 words, 6 with the park, against
 *   12 for the SWAR sum in general registers.
 * - Pdep/Pext: a loop over the set bits of the mask inside the op's own code (cbz/tbz/b only, so
 *   NZCV survives): at most 8*sz iterations of 8 or 9 words.
 *
 * On entry: operands in registers or lazy constants. On exit: the result in `L.dest(i)`.
 *
 *   Clz.4 v        → clz w9, w0
 *   Ctz.8 v        → rbit x9, x0; clz x9, x9
 *   Rev.2 v        → rev16 w9, w0
 */
import { tryLogicalImm, type LogicalImm, type PcOff, type Uimm6 } from "../imm.ts";
import { lslImm, lsrImm, uxth } from "../isa/bitfield.ts";
import { b as branch, cbz, tbz } from "../isa/branch.ts";
import { clz, neg, rbit, rev, rev16 } from "../isa/data-reg.ts";
import { andShifted, eorShifted, movReg, orrImm, orrShifted } from "../isa/logical.ts";
import { FTYPE, fmovFromGp, fmovToGp } from "../isa/fp.ts";
import { ACROSS, MISC, across, simdMisc } from "../isa/simd-misc.ts";
import { ZR, type Lowerer } from "./context.ts";
import { borrow, giveBack } from "./vector.ts";

const u6 = (x: number): Uimm6 => x as Uimm6;
const off = (words: number): PcOff => words as PcOff;
const logical = (sf: 0 | 1, v: number | bigint): LogicalImm => tryLogicalImm(sf, v)!;
const sfOf = (sz: number): 0 | 1 => (sz === 8 ? 1 : 0);

// Bitmask immediates, encoded once (tryLogicalImm works in BigInt).
const BIT15 = logical(0, 0x8000), BIT16 = logical(0, 0x10000), ONE = logical(1, 1);

function checkSize(L: Lowerer, i: number, min: number): number {
  const sz = L.b.sz[i]!;
  if (sz < min) throw new Error(`arm64 lowering: op ${i} of size ${sz} (bits ops take ${min === 4 ? "4 or 8" : "2, 4 or 8"} bytes)`);
  return sz;
}

/** Leading zeros of the low sz bytes. */
export function lowerClz(L: Lowerer, i: number): void {
  const sz = checkSize(L, i, 2), ra = L.reg(L.b.a[i]!), rd = L.dest(i);
  if (sz >= 4) return L.emit(clz(sfOf(sz), rd, ra));
  L.emit(lslImm(0, rd, ra, u6(16)));
  L.emit(orrImm(0, rd, rd, BIT15));
  L.emit(clz(0, rd, rd));
}

/** Trailing zeros of the low sz bytes: leading zeros of the bit-reversed value. */
export function lowerCtz(L: Lowerer, i: number): void {
  const sz = checkSize(L, i, 2), sf = sfOf(sz), ra = L.reg(L.b.a[i]!), rd = L.dest(i);
  if (sz === 2) {
    L.emit(orrImm(0, rd, ra, BIT16));
    L.emit(rbit(0, rd, rd));
  } else L.emit(rbit(sf, rd, ra));
  L.emit(clz(sf, rd, rd));
}

/** Byte reversal of the low sz bytes. */
export function lowerRev(L: Lowerer, i: number): void {
  const sz = checkSize(L, i, 2), ra = L.reg(L.b.a[i]!), rd = L.dest(i);
  L.emit(sz === 2 ? rev16(0, rd, ra) : rev(sfOf(sz), rd, ra));
}

/** Set bits of the low sz bytes: pairs, nibbles, bytes, then the byte sum by shifted adds. */
export function lowerPopcnt(L: Lowerer, i: number): void {
  const sz = checkSize(L, i, 2), sf = sfOf(sz), ra = L.reg(L.b.a[i]!);
  const rd = L.dest(i, false, ra), v = borrow(L, i, 0);
  let src = ra;
  if (sz === 2) { // only the halfword may reach the vector
    L.emit(uxth(rd, ra));
    src = rd;
  }
  L.emit(fmovFromGp(sf, sf ? FTYPE.D : FTYPE.S, v, src)); // the rest of v is zeroed
  L.emit(simdMisc(MISC.CNT, 0, 0, v, v)); // cnt v.8b: bits per byte
  L.emit(across(ACROSS.ADDV, 0, 0, v, v)); // addv b: their sum
  L.emit(fmovToGp(0, FTYPE.S, rd, v));
  giveBack(L, v);
}

/**
 * PDEP: for each set bit of the mask, lowest first, the next bit of the source (shifted out of a
 * copy) decides whether that mask bit is set in the result.
 */
export function lowerPdep(L: Lowerer, i: number): void {
  const b = L.b, sz = checkSize(L, i, 4), sf = sfOf(sz);
  const ra = L.reg(b.a[i]!), rb = L.reg(b.b[i]!);
  const m = L.pool.scratch(), s = L.pool.scratch(), low = L.pool.scratch();
  L.emit(movReg(sf, m, rb));
  L.emit(movReg(sf, s, ra));
  const rd = L.dest(i);
  L.emit(movReg(1, rd, ZR));
  L.emit(cbz(sf, m, off(8)));            // loop:
  L.emit(neg(sf, low, m));
  L.emit(andShifted(sf, low, low, m));   // lowest set bit of the mask
  L.emit(eorShifted(sf, m, m, low));     // cleared from the mask
  L.emit(tbz(s, u6(0), off(2)));
  L.emit(orrShifted(sf, rd, rd, low));
  L.emit(lsrImm(sf, s, s, u6(1)));
  L.emit(branch(off(-7)));               // done:
  L.pool.release(m);
  L.pool.release(s);
  L.pool.release(low);
}

/**
 * PEXT: for each set bit of the mask, lowest first, the source bit there sets the next result bit
 * (a walking one in `k`).
 */
export function lowerPext(L: Lowerer, i: number): void {
  const b = L.b, sz = checkSize(L, i, 4), sf = sfOf(sz);
  const ra = L.reg(b.a[i]!), rb = L.reg(b.b[i]!);
  const m = L.pool.scratch(), k = L.pool.scratch(), low = L.pool.scratch();
  L.emit(movReg(sf, m, rb));
  const rd = L.dest(i, false, ra); // the source is read in every iteration
  L.emit(movReg(1, rd, ZR));
  L.emit(orrImm(1, k, ZR, ONE));
  L.emit(cbz(sf, m, off(9)));            // loop:
  L.emit(neg(sf, low, m));
  L.emit(andShifted(sf, low, low, m));
  L.emit(eorShifted(sf, m, m, low));
  L.emit(andShifted(sf, low, low, ra));
  L.emit(cbz(sf, low, off(2)));
  L.emit(orrShifted(sf, rd, rd, k));
  L.emit(lslImm(1, k, k, u6(1)));
  L.emit(branch(off(-8)));               // done:
  L.pool.release(m);
  L.pool.release(k);
  L.pool.release(low);
}
