/**
 * @file Stage 6 (ARM64 lowering): the flag-free value ops: shifts and rotates, multiplies,
 * extensions and bit fields, and the IR's own comparisons (`Cmp`, `Select`). None of them changes
 * guest flags; `Cmp` and `Select` use the host NZCV for their compare, so they save and restore it
 * when guest flags there are still live (flags.ts `nzcvSave`).
 *
 * On entry: operands in registers or lazy constants. On exit: the result in `L.dest(i)`.
 *
 *   Shl.8 v, Const 3   → lsl x9, x8, #3
 *   Zext v, 1          → uxtb w9, w8
 *   Bfi rax, rbx, 0, 8 (to rax) → bfi x8, x27, #0, #8
 */
import { OP, REL } from "../../ir/ops.ts";
import { FLAG } from "../../ir/state.ts";
import { tryLogicalImm, type BitRange, type Imm12, type PcOff, type Uimm6, type Uimm12s } from "../imm.ts";
import { COND, SHIFT } from "../regs.ts";
import { asrImm, bfi, lslImm, lsrImm, rorImm, sxtb, sxth, sxtw, ubfx, uxtb, uxth } from "../isa/bitfield.ts";
import { cmnImm, cmpImm } from "../isa/data-imm.ts";
import { addsShifted, asrv, clz, cmpShifted, lslv, lsrv, mul, rorv, smulh, smull, umulh, umull } from "../isa/data-reg.ts";
import { cbnz, cbz } from "../isa/branch.ts";
import { csel, csinc, cset } from "../isa/cond.ts";
import { eorImm, eorShifted, movReg, orrShifted } from "../isa/logical.ts";
import { LDST, ldstUimm } from "../isa/load-store.ts";
import { HOST_PF, HOST_STATE } from "./regmap.ts";
import { EMIT, FUSED, NZCV_FLAGS, VALUE_ARGS, operand } from "./alloc.ts";
import { ZR, type Lowerer } from "./context.ts";
import { constIn, zeroExtended } from "./consts.ts";
import { flagFromBoolFits, nzcvRestore, nzcvSave, selectOnCC } from "./flags.ts";
import { stateWordOffset } from "./misc.ts";
import { RULE } from "./rules.ts";
import { valueDest } from "./alu.ts";

const u6 = (x: number): Uimm6 => x as Uimm6;
const range = (lsb: number, width: number): BitRange => (lsb | (width << 8)) as BitRange;

// ── SHL / SHR / SAR / ROR ──

const SHIFT_IMM = { [OP.Shl]: lslImm, [OP.Shr]: lsrImm, [OP.Sar]: asrImm, [OP.Ror]: rorImm } as Record<number, typeof lslImm>;
const SHIFT_REG = { [OP.Shl]: lslv, [OP.Shr]: lsrv, [OP.Sar]: asrv, [OP.Ror]: rorv } as Record<number, typeof lslv>;

/**
 * Shifts: sz 4 in W registers (the result must be zero-extended); sz 1/2/8 in X registers,
 * which is exact for every count the op row allows (< 64) given the extended inputs Shr/Sar require.
 */
function shift(L: Lowerer, i: number): void {
  const b = L.b, o = b.op[i]!, sz = b.sz[i]!, sf = sz === 4 ? 0 : 1, width = sf ? 64 : 32, y = b.b[i]!;
  const ra = L.reg(b.a[i]!);
  const t = L.shlTest.get(i);
  if (t !== undefined) return shlWithFlags(L, i, t, ra, sf, constIn(b, y, 8));
  if (b.isConst(y)) {
    let k = constIn(b, y, 8);
    if (o === OP.Ror) k &= 8 * sz - 1;
    if (k >= 0 && k < width) {
      L.fired[RULE.shiftByConst]!++;
      const rd = L.dest(i);
      return L.emit(k === 0 ? movReg(sf, rd, ra) : SHIFT_IMM[o]!(sf, rd, ra, u6(k)));
    }
  }
  const rb = L.reg(y);
  L.emit(SHIFT_REG[o]!(sf, L.dest(i), ra, rb));
}

/**
 * Rule shlFlags (rules.ts markShlFlags): the shift and its Test/CF/OF in `[lsl t, a, #k-1;] adds r, t, t`.
 * 8/16-bit: the value is `lsl r, a, #k`, and the flags come from the operand moved to the top of a
 * W register, `lsl t, a, #(32 - 8sz + k - 1); adds wzr, t, t` (C = bit 8sz-k of a, N/Z/V of the sz-bit result).
 */
function shlWithFlags(L: Lowerer, i: number, t: number, ra: number, sf: 0 | 1, k: number): void {
  const sz = L.b.sz[i]!;
  let rd: number;
  if (sz < 4) {
    rd = valueDest(L, i, ra, -1, t);
    const top = L.pool.scratch();
    L.emit(lslImm(0, top, ra, u6(32 - 8 * sz + k - 1)));
    L.emit(lslImm(1, rd, ra, u6(k)));
    L.emit(addsShifted(0, ZR, top, top));
    L.pool.release(top);
  } else {
    rd = L.dest(i, false, ra);
    const src = k > 1 ? L.pool.scratch() : ra;
    if (k > 1) L.emit(lslImm(sf, src, ra, u6(k - 1)));
    L.emit(addsShifted(sf, rd, src, src));
    if (src !== ra) L.pool.release(src);
  }
  L.cInv = false;
  if (L.b.fm[t]! & FLAG.PF && rd !== HOST_PF) L.emit(movReg(1, HOST_PF, rd));
}

export const lowerShl = shift;
export const lowerShr = shift;
export const lowerSar = shift;
export const lowerRor = shift;

// ── MUL / MULHU / MULHS ──

/** Low sz bytes of a * b. */
export function lowerMul(L: Lowerer, i: number): void {
  const b = L.b, x = b.a[i]!, y = b.b[i]!;
  if (L.an.skip[x] === FUSED && L.an.skip[y] === FUSED) { // widenMul: Zext.4/Sext.4 operands
    const rn = L.reg(b.a[x]!), rm = L.reg(b.a[y]!);
    return L.emit((b.op[x] === OP.Sext ? smull : umull)(L.dest(i), rn, rm));
  }
  const ra = L.reg(L.b.a[i]!), rb = L.reg(L.b.b[i]!);
  L.emit(mul(L.b.sz[i] === 8 ? 1 : 0, L.dest(i), ra, rb));
}

/** High half of the 2*sz product: umulh/smulh (8), umull/smull + lsr #32 (4), extend + mul + lsr (1, 2). */
function mulHigh(L: Lowerer, i: number, signed: boolean): void {
  const b = L.b, sz = b.sz[i]!, ra = L.reg(b.a[i]!), rb = L.reg(b.b[i]!);
  if (sz === 8) return L.emit((signed ? smulh : umulh)(L.dest(i), ra, rb));
  if (sz === 4) {
    const rd = L.dest(i);
    L.emit((signed ? smull : umull)(rd, ra, rb));
    return L.emit(lsrImm(1, rd, rd, u6(32)));
  }
  const ea = L.pool.scratch(), eb = L.pool.scratch();
  const ext = sz === 1 ? (signed ? (d: number, n: number) => sxtb(0, d, n) : uxtb) : signed ? (d: number, n: number) => sxth(0, d, n) : uxth;
  L.emit(ext(ea, ra));
  L.emit(ext(eb, rb));
  const rd = L.dest(i);
  L.emit(mul(0, rd, ea, eb));
  L.emit(lsrImm(0, rd, rd, u6(8 * sz)));
}

export const lowerMulHU = (L: Lowerer, i: number): void => mulHigh(L, i, false);
export const lowerMulHS = (L: Lowerer, i: number): void => mulHigh(L, i, true);

// ── ZEXT / SEXT / BFI / UBFX ──

/** Zero-extend the low n bytes. */
export function lowerZext(L: Lowerer, i: number): void {
  const b = L.b, v = b.a[i]!, n = b.b[i]!, r = L.loc[v]!;
  if (L.an.skip[v] === FUSED && b.op[v] === OP.Sext) { // sextIntoZext: sxtb/sxth w zeroes bits 32..63
    const ra = L.reg(b.a[v]!);
    return L.emit(b.b[v] === 1 ? sxtb(0, L.dest(i), ra) : sxth(0, L.dest(i), ra));
  }
  if (L.an.skip[v] === FUSED && (b.op[v] === OP.GetState || b.op[v] === OP.SegBase)) return loadStateField(L, i, stateWordOffset(L, v), n);
  if (L.an.skip[v] === FUSED && b.op[v] === OP.SelectCC) { // selectIntoZext: csel w zeroes bits 32..63
    const rb = L.reg(b.b[v]!), rc = L.reg(b.c[v]!);
    return selectOnCC(L, i, b.a[v]!, L.dest(i), rb, rc, 0);
  }
  if (zeroExtended(L, v, n) && r >= 0 && L.an.lastUse[v] === i && L.pool.owner[r] === v && L.an.skip[v] !== FUSED) {
    L.fired[RULE.zextNoop]!++;
    L.pool.transfer(r, i);
    L.loc[i] = r;
    return;
  }
  const ra = L.reg(v), rd = L.dest(i);
  L.emit(n === 1 ? uxtb(rd, ra) : n === 2 ? uxth(rd, ra) : movReg(0, rd, ra));
}

/** Sign-extend the low n bytes to 64 bits. */
export function lowerSext(L: Lowerer, i: number): void {
  const b = L.b, n = b.b[i]!, ra = L.reg(b.a[i]!), rd = L.dest(i);
  L.emit(n === 1 ? sxtb(1, rd, ra) : n === 2 ? sxth(1, rd, ra) : sxtw(rd, ra));
}

/** a with bits [lsb, lsb+width) from b: in place when the result lands where a already is (bfiInPlace). */
export function lowerBfi(L: Lowerer, i: number): void {
  const b = L.b, ra = L.reg(b.a[i]!), rb = L.reg(b.b[i]!);
  const rd = L.dest(i, false, rb);
  const lsb = b.c[i]!, width = b.d[i]!;
  if (rd !== ra && lsb === 32 && width === 32 && zeroExtended(L, b.a[i]!, 4) && zeroExtended(L, b.b[i]!, 4)) {
    // bfiAsOrr: the high half of a zero-extended value filled with a zero-extended one is an OR
    // of the two (edx:eax for cmpxchg8b in a 32-bit guest): one orr, no mov + bfi.
    L.fired[RULE.bfiAsOrr]!++;
    L.emit(orrShifted(1, rd, ra, rb, SHIFT.LSL, 32 as Uimm6));
    return;
  }
  if (rd !== ra) L.emit(movReg(1, rd, ra));
  else L.fired[RULE.bfiInPlace]!++;
  L.emit(bfi(1, rd, rb, range(lsb, width)));
}

/**
 * stateField: value i is the n-byte field at byte `at` of the state block (little-endian: bit k of
 * a word is in byte k/8), loaded alone and zero-extended (ldrb/ldrh/ldr w).
 */
function loadStateField(L: Lowerer, i: number, at: number, n: number): void {
  L.emit(ldstUimm(n === 1 ? LDST.LDRB : n === 2 ? LDST.LDRH : LDST.LDRW, L.dest(i), HOST_STATE, (at / n) as Uimm12s));
}

/**
 * bitToFlag: bit 0 of a value whose only users are SetFlags of CF, OF, SF or ZF needs no ubfx:
 * each inserts bit 0 alone (`bfi x, v, #bit, #1`). The value takes over a's register (a dies
 * here) and is marked loose, so a rule that reads the whole value (flagFromBool) passes it by;
 * where flagFromBool would take a user (`ubfx` + `cmp #1` beat `mrs`, `bfi`, `msr`) it stays.
 */
function bitToFlag(L: Lowerer, i: number): boolean {
  const b = L.b, an = L.an, a = b.a[i]!, r = L.loc[a]!;
  if (b.b[i] !== 0 || b.c[i] !== 1 || r < 0 || an.lastUse[a] !== i || L.pool.owner[r] !== a) return false;
  let seen = 0;
  for (let k = i + 1; k <= an.lastUse[i]! && seen < an.uses[i]!; k++) {
    const vm = VALUE_ARGS[b.op[k]!]!;
    for (let s = 0; s < 4; s++) {
      if (!(vm & (1 << s)) || operand(b, k, s) !== i) continue;
      if (b.op[k] !== OP.SetFlag || s !== 1 || !(b.a[k]! & (FLAG.CF | FLAG.OF | FLAG.SF | FLAG.ZF)) || an.skip[k] !== EMIT) return false;
      if (flagFromBoolFits(L, k)) return false; // ubfx + cmp #1 (2 words) beats mrs, bfi, msr
      seen++;
    }
  }
  if (seen !== an.uses[i]) return false;
  L.fired[RULE.bitToFlag]!++;
  L.pool.transfer(r, i);
  L.loc[i] = r;
  L.loose.add(i);
  return true;
}

/** Bits [lsb, lsb+width) of a, zero-extended. */
export function lowerUbfx(L: Lowerer, i: number): void {
  const b = L.b, a = b.a[i]!;
  if (L.an.skip[a] === FUSED) return loadStateField(L, i, stateWordOffset(L, a) + b.b[i]! / 8, b.c[i]! / 8);
  if (bitToFlag(L, i)) return;
  const ra = L.reg(a);
  L.emit(ubfx(1, L.dest(i), ra, range(b.b[i]!, b.c[i]!)));
}

// ── CMP / SELECT ──

/** ARM condition of each REL after `cmp a, b`. */
const REL_COND = [COND.EQ, COND.NE, COND.LO, COND.LS, COND.HI, COND.HS, COND.LT, COND.LE, COND.GT, COND.GE];

/** Set NZCV from a compare of x and y in sz bytes (8/16-bit: both shifted to the top of a W register). */
function compare(L: Lowerer, sz: number, x: number, y: number): void {
  const b = L.b, sf = sz === 8 ? 1 : 0;
  if (sz >= 4 && b.isConst(y)) {
    const k = constIn(b, y, sz);
    if (k > -0x1000 && k < 0x1000) {
      L.fired[RULE.cmpImm12]!++;
      const ra = L.reg(x, false);
      // cmn a, #-k computes a + k = a - (-k) with the same N, Z, C, V as cmp a, #k for k != 0.
      return L.emit(k >= 0 ? cmpImm(sf, ra, k as Imm12) : cmnImm(sf, ra, -k as Imm12));
    }
  }
  const ra = L.reg(x), rb = L.reg(y);
  if (sz >= 4) return L.emit(cmpShifted(sf, ra, rb));
  const t = L.pool.scratch(), sh = u6(32 - 8 * sz);
  L.emit(lslImm(0, t, ra, sh));
  L.emit(cmpShifted(0, t, rb, 0, sh));
  L.pool.release(t);
}

/** Emit the host compare of Cmp op c (rule cmpIntoFlagRun: inside a SetFlag run's mrs/msr) and return its ARM condition. */
export function emitCompare(L: Lowerer, c: number): number {
  const b = L.b;
  compare(L, b.sz[c]!, b.b[c]!, b.c[c]!);
  return REL_COND[b.a[c]!]!;
}

/**
 * Eq/ne without touching NZCV (guest flags live): d = x ^ y, narrowed to sz bytes, then
 * clz >> log2(width) is 1 exactly for zero. No scratch, so no pressure on the six temporaries.
 */
function eqFlagFree(L: Lowerer, i: number, sz: number, x: number, y: number, ne: boolean): void {
  const b = L.b, sf = sz === 8 ? 1 : 0, ra = L.reg(x), yz = b.isConst(y) && b.lo[y] === 0 && b.hi[y] === 0;
  const rb = yz ? -1 : L.reg(y), rd = L.dest(i);
  if (rb >= 0) L.emit(eorShifted(sf, rd, ra, rb));
  if (sz < 4) L.emit(lslImm(0, rd, rb >= 0 ? rd : ra, u6(32 - 8 * sz)));
  const src = rb >= 0 || sz < 4 ? rd : ra;
  L.emit(clz(sf, rd, src));
  L.emit(lsrImm(sf, rd, rd, u6(sf ? 6 : 5)));
  if (ne) L.emit(eorImm(0, rd, rd, tryLogicalImm(0, 1)!));
}

/** 1 if relation a holds between b and c in sz bytes. */
export function lowerCmp(L: Lowerer, i: number): void {
  const b = L.b, rel = b.a[i]!;
  if ((rel === REL.EQ || rel === REL.NE) && L.an.liveAfter[i]! & NZCV_FLAGS) return eqFlagFree(L, i, b.sz[i]!, b.b[i]!, b.c[i]!, rel === REL.NE);
  const s = nzcvSave(L, i);
  compare(L, b.sz[i]!, b.b[i]!, b.c[i]!);
  L.emit(cset(0, L.dest(i), REL_COND[rel]!));
  nzcvRestore(L, s);
}

/**
 * boolOrCmp: Or of a fused Cmp c and a 0/1 value x is `cmp; csinc rd, x, zr, !cond`: 1 where the
 * compare holds, else x (NZCV saved around it where guest flags are live, as lowerCmp does).
 */
export function orCmp(L: Lowerer, i: number, c: number, x: number): void {
  const b = L.b, rx = L.reg(x);
  const s = nzcvSave(L, i);
  compare(L, b.sz[c]!, b.b[c]!, b.c[c]!);
  L.emit(csinc(0, L.dest(i), rx, ZR, REL_COND[b.a[c]!]! ^ 1));
  nzcvRestore(L, s);
}

/**
 * rd = ra != 0 ? rb : rc without NZCV (guest flags live): a branch over a move, no scratch.
 */
function selectByBranch(L: Lowerer, rd: number, ra: number, rb: number, rc: number): void {
  if (rd === rb) { L.emit(cbnz(1, ra, 2 as PcOff)); L.emit(movReg(1, rd, rc)); return; }
  if (rd !== rc) L.emit(movReg(1, rd, rc));
  L.emit(cbz(1, ra, 2 as PcOff));
  L.emit(movReg(1, rd, rb));
}

/** a != 0 ? b : c; a fused Cond or Cmp selects on its condition directly. */
export function lowerSelect(L: Lowerer, i: number): void {
  const b = L.b, a = b.a[i]!, rb = L.reg(b.b[i]!), rc = L.reg(b.c[i]!);
  if (L.an.skip[a] === FUSED && b.op[a] === OP.Cond) return selectOnCC(L, i, b.a[a]!, L.dest(i), rb, rc);
  if (L.an.skip[a] !== FUSED && L.an.liveAfter[i]! & NZCV_FLAGS) {
    const ra = L.reg(a);
    return selectByBranch(L, L.dest(i, false, ra), ra, rb, rc);
  }
  const s = nzcvSave(L, i);
  let c: number = COND.NE;
  if (L.an.skip[a] === FUSED) { // Cmp
    compare(L, b.sz[a]!, b.b[a]!, b.c[a]!);
    c = REL_COND[b.a[a]!]!;
  } else L.emit(cmpImm(1, L.reg(a, false), 0 as Imm12));
  L.emit(csel(1, L.dest(i), rb, rc, c));
  nzcvRestore(L, s);
}
