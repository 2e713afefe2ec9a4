/**
 * @file Stage 6 (ARM64 lowering): the division ops (`DivU`, `DivS`, `DivSFault`) and the
 * conditional runtime-symbol exit (`ExitSymIf`) that raises x86 #DE (ABI §5).
 *
 * - Up to 32-bit operands: the 2*sz-byte dividend fits in an X register, so one `udiv`/`sdiv`
 *   of the extended operands is exact (ARM divides never trap: x/0 = 0, INT64_MIN/-1 = INT64_MIN).
 *   `DivSFault`: the 64-bit quotient must equal its own sign extension from sz bytes
 *   (`cmp x, w, sxt*`) and the divisor must not be 0 (`ccmp`).
 * - 64-bit operands divide a 128-bit RDX:RAX; ARM64 has only 64/64 division. Fast path: the high
 *   half is zero (DivU) or the sign extension of the low half (DivS, after CQO): one `udiv`/`sdiv`.
 *   Otherwise a 64-step shift-subtract loop (restoring division of R:Q by D, R < D on entry,
 *   which the fault test guarantees) runs on magnitudes; the signs are put back afterwards. A
 *   negative divisor is not negated (that would take one more register): `cmn`/`add` against it
 *   compare and subtract its magnitude. The loop uses NZCV, so live guest flags are saved around
 *   it (`mrs`/`msr`), only on the slow path. The slow paths are cold code (`Lowerer.cold`, after
 *   the stubs): a `cbnz` leaves the straight line, and the path branches back after the fast one.
 * - `ExitSymIf`: `cbnz` to a stub after the body (exits.ts `emitStubs`), which puts C right,
 *   loads x16 with the instruction's RIP and branches to the symbol.
 *
 * Registers: the slow path takes four scratch temporaries (R, the count, t, the saved NZCV)
 * plus the result, leaving one of the six for a divisor loaded from memory (ABI §3.1).
 *
 *   DivU.8 rdx, rax, rcx → cbnz x1, slow; udiv x9, x8, x0; done: …
 *                          (cold) slow: … 64 × (lsr, extr, cmp, ccmp, sub, csel, cset, orr, sub, cbnz) …; b done
 */
import type { BitRange, Imm12, Imm16, LogicalImm, PcOff, Uimm, Uimm6 } from "../imm.ts";
import { tryLogicalImm } from "../imm.ts";
import { OP, REL } from "../../ir/ops.ts";
import { COND, EXTEND, SHIFT, type Cond } from "../regs.ts";
import { bfi, extr, lsrImm, lslImm, sxtb, sxth, sxtw, uxtb, uxth } from "../isa/bitfield.ts";
import { b as branch, bCond, cbnz, cbz, tbnz, tbz } from "../isa/branch.ts";
import { ccmpImm, csel, cset } from "../isa/cond.ts";
import { addImm, subImm } from "../isa/data-imm.ts";
import { addShifted, clz, cmnShifted, cmpShifted, negs, neg, ngc, sdiv, subExtended, subShifted, subsExtended, udiv } from "../isa/data-reg.ts";
import { eorImm, eorShifted, movReg, orrShifted } from "../isa/logical.ts";
import { movz } from "../isa/move-wide.ts";
import { SYSREG, mrs, msr } from "../isa/system.ts";
import { FUSED, NZCV_FLAGS } from "./alloc.ts";
import { emitCompare } from "./bits.ts";
import { ZR, type Lowerer } from "./context.ts";
import { zeroExtended } from "./consts.ts";
import { nzcvRestore, nzcvSave } from "./flags.ts";
import { RULE, axDividend } from "./rules.ts";

const u6 = (x: number): Uimm6 => x as Uimm6;
const range = (lsb: number, width: number): BitRange => (lsb | (width << 8)) as BitRange;
const off = (x: number): PcOff => x as PcOff;
const INT64_MIN: LogicalImm = tryLogicalImm(1, 0x8000000000000000n)!;

/** Operand registers of op i: high half, low half, divisor (constants materialised, never ZR). */
function operands(L: Lowerer, i: number): [number, number, number] {
  const b = L.b;
  return [L.reg(b.a[i]!, false), L.reg(b.b[i]!, false), L.reg(b.c[i]!, false)];
}

/** A forward branch emitted now and aimed later: returns its index for `land`. */
function forward(L: Lowerer, word: number): number {
  L.emit(word);
  return L.n - 1;
}
/** Aim the branch at `at` (built by `make` from an offset) at the next word. */
function land(L: Lowerer, at: number, make: (o: PcOff) => number): void {
  L.code[at] = make(off(L.n - at));
}

// ── up to 32 bits ──

/**
 * rd = the 2*sz-byte dividend hi:lo, zero- or sign-extended to 64 bits; rt = the divisor, extended.
 * Reads lo first, then hi and d: rd may be lo's register, not hi's or d's.
 */
function narrowOperands(L: Lowerer, sz: number, signed: boolean, rd: number, rt: number, hi: number, lo: number, d: number, ax = false): void {
  const w = 8 * sz;
  if (ax) { // axDividend: AH:AL is AX, the low 16 bits of lo (counted where the AH extract is fused)
    if (hi >= 0) L.fired[RULE.axDividend]!++;
    L.emit(signed ? sxth(1, rd, lo) : uxth(rd, lo));
  } else {
    if (sz === 4) L.emit(movReg(0, rd, lo));
    else L.emit(sz === 2 ? uxth(rd, lo) : uxtb(rd, lo));
    L.emit(bfi(1, rd, hi, range(w, w)));
    if (signed && sz === 2) L.emit(sxtw(rd, rd));
    if (signed && sz === 1) L.emit(sxth(1, rd, rd));
  }
  if (signed) L.emit(sz === 4 ? sxtw(rt, d) : sz === 2 ? sxth(1, rt, d) : sxtb(1, rt, d));
  else L.emit(sz === 4 ? movReg(0, rt, d) : sz === 2 ? uxth(rt, d) : uxtb(rt, d));
}

function narrowDivide(L: Lowerer, i: number, signed: boolean): void {
  const b = L.b, sz = b.sz[i]!;
  // 8-bit DIV/IDIV: the high half is AH = bits 8..15 of the value whose low byte is AL (rules.ts
  // fuses that Ubfx here when nothing else reads it: IDIV; DIV's #DE test compares AH first).
  const h = b.a[i]!, ax = axDividend(b, i);
  const hi = ax && L.an.skip[h] === FUSED ? -1 : L.reg(h, false), lo = L.reg(b.b[i]!, false), d = L.reg(b.c[i]!, false);
  const rd = L.dest(i, false, hi, d), rt = L.pool.scratch();
  narrowOperands(L, sz, signed, rd, rt, hi, lo, d, ax);
  L.emit((signed ? sdiv : udiv)(1, rd, rd, rt));
  L.pool.release(rt);
}

// ── 64 bits: the shift-subtract loop ──

/**
 * R:Q = R:Q / |d| (quotient in Q, R < |d| on entry and on exit), 64 steps. `negD`: d is negative
 * and its magnitude is used through cmn/add.
 */
function loop(L: Lowerer, r: number, q: number, d: number, negD: boolean, t: number, cnt: number): void {
  L.emit(movz(1, cnt, 64 as Imm16));
  const top = L.n;
  L.emit(lsrImm(1, t, r, u6(63))); // the bit shifted out of R (R:Q < 2^128 needs 129 bits here)
  L.emit(extr(1, r, r, q, u6(63))); // R = R << 1 | Q >> 63
  L.emit(negD ? cmnShifted(1, r, d) : cmpShifted(1, r, d)); // C: R >= |d|
  L.emit(ccmpImm(1, t, 0 as Uimm, 0 as Uimm, COND.LO)); // NE: R >= |d| or a bit was shifted out
  L.emit((negD ? addShifted : subShifted)(1, t, r, d));
  L.emit(csel(1, r, t, r, COND.NE));
  L.emit(cset(0, t, COND.NE));
  L.emit(orrShifted(1, q, t, q, SHIFT.LSL, u6(1))); // Q = Q << 1 | quotient bit
  L.emit(subImm(1, cnt, cnt, 1 as Imm12));
  L.emit(cbnz(1, cnt, off(top - L.n)));
}

/** R:Q = |hi:lo| (128-bit negate when hi < 0). */
function magnitude(L: Lowerer, r: number, q: number, hi: number, lo: number): void {
  L.emit(movReg(1, r, hi));
  L.emit(movReg(1, q, lo));
  L.emit(tbz(r, u6(63), off(3)));
  L.emit(negs(1, q, q)); // C = no borrow = (lo == 0)
  L.emit(ngc(1, r, r)); // ~hi + C
}

/** The unsigned quotient of R:Q by |d| into Q, by the sign of d: two copies of the loop. */
function loopBySign(L: Lowerer, r: number, q: number, d: number, t: number, cnt: number): void {
  const toNeg = forward(L, tbnz(d, u6(63), off(0)));
  loop(L, r, q, d, false, t, cnt);
  const toEnd = forward(L, branch(off(0)));
  land(L, toNeg, (o) => tbnz(d, u6(63), o));
  loop(L, r, q, d, true, t, cnt);
  land(L, toEnd, branch);
}

/** DivU.8: udiv when RDX = 0, else the loop (cold: after the stubs). */
function wideDivU(L: Lowerer, i: number): void {
  const [hi, lo, d] = operands(L, i);
  const q = L.dest(i, false, hi, d);
  const slow = forward(L, 0); // cbnz hi → the loop
  L.emit(udiv(1, q, lo, d));
  L.cold(slow, hi, L.n, () => {
    const s = nzcvSave(L, i), r = L.pool.scratch(), t = L.pool.scratch(), cnt = L.pool.scratch();
    L.emit(movReg(1, r, hi));
    L.emit(movReg(1, q, lo));
    loop(L, r, q, d, false, t, cnt);
    nzcvRestore(L, s);
  });
}

/** DivS.8: sdiv when RDX is RAX's sign extension (CQO), else the loop on magnitudes (cold). */
function wideDivS(L: Lowerer, i: number): void {
  const [hi, lo, d] = operands(L, i);
  const q = L.dest(i, false, hi, d), t = L.pool.scratch();
  L.emit(eorShifted(1, t, hi, lo, SHIFT.ASR, u6(63)));
  const slow = forward(L, 0); // cbnz t → the loop
  L.emit(sdiv(1, q, lo, d));
  L.cold(slow, t, L.n, () => {
    const s = nzcvSave(L, i), r = L.pool.scratch(), cnt = L.pool.scratch();
    magnitude(L, r, q, hi, lo);
    loopBySign(L, r, q, d, t, cnt);
    // The quotient is negative when the signs differ.
    L.emit(eorShifted(1, t, hi, d));
    L.emit(tbz(t, u6(63), off(2)));
    L.emit(neg(1, q, q));
    nzcvRestore(L, s);
  });
}

/**
 * DivSFault.8. Fast path (RDX = sign of RAX): #DE only for d = 0 or INT64_MIN / -1, computed
 * flag-free. Slow path: |hi:lo| >= 2^64 |d| (R >= |d|, d = 0 included) or the unsigned
 * quotient U of the magnitudes above 2^63 - 1 (2^63 when the signs differ).
 */
function wideDivSFault(L: Lowerer, i: number): void {
  const [hi, lo, d] = operands(L, i);
  const f = L.dest(i, false, hi, d), t = L.pool.scratch();
  L.emit(eorShifted(1, t, hi, lo, SHIFT.ASR, u6(63)));
  const slow = forward(L, 0); // cbnz t → the magnitude test (cold)
  L.emit(eorImm(1, f, lo, INT64_MIN)); // 0 iff lo = INT64_MIN
  L.emit(addImm(1, t, d, 1 as Imm12)); // 0 iff d = -1 (d is never register 31, SP here: operands() avoids ZR)
  L.emit(orrShifted(1, f, f, t));
  L.emit(clz(1, f, f));
  L.emit(lsrImm(1, f, f, u6(6))); // 1 iff INT64_MIN / -1
  L.emit(clz(1, t, d));
  L.emit(lsrImm(1, t, t, u6(6))); // 1 iff d = 0
  L.emit(orrShifted(1, f, f, t));
  L.cold(slow, t, L.n, () => {
    const s = nzcvSave(L, i), r = L.pool.scratch(), cnt = L.pool.scratch();
    magnitude(L, r, f, hi, lo);
    const toNeg = forward(L, tbnz(d, u6(63), off(0)));
    L.emit(cmpShifted(1, r, d));
    const fault1 = forward(L, 0);
    loop(L, r, f, d, false, t, cnt);
    const toCheck = forward(L, branch(off(0)));
    land(L, toNeg, (o) => tbnz(d, u6(63), o));
    L.emit(cmnShifted(1, r, d));
    const fault2 = forward(L, 0);
    loop(L, r, f, d, true, t, cnt);
    land(L, toCheck, branch);
    // U = f: fits when U < 2^63, or U = 2^63 and the signs differ.
    const ok = forward(L, tbz(f, u6(63), off(0)));
    L.emit(lslImm(1, t, f, u6(1)));
    const fault3 = forward(L, cbnz(1, t, off(0)));
    L.emit(eorShifted(1, t, hi, d));
    const fault4 = forward(L, tbz(t, u6(63), off(0)));
    land(L, ok, (o) => tbz(f, u6(63), o));
    L.emit(movz(1, f, 0 as Imm16));
    const toEnd = forward(L, branch(off(0)));
    // R >= |d| (b.hs placeholders after the cmp/cmn) and the range checks land here.
    for (const at of [fault1, fault2]) land(L, at, (o) => bCond(COND.HS, o));
    land(L, fault3, (o) => cbnz(1, t, o));
    land(L, fault4, (o) => tbz(t, u6(63), o));
    L.emit(movz(1, f, 1 as Imm16));
    land(L, toEnd, branch);
    nzcvRestore(L, s);
  });
}

/** DivSFault up to 32 bits: sdiv of the extended operands, then "fits and d != 0". */
function narrowDivSFault(L: Lowerer, i: number): void {
  const sz = L.b.sz[i]!, [hi, lo, d] = operands(L, i);
  const f = L.dest(i, false, hi, d), rt = L.pool.scratch();
  narrowOperands(L, sz, true, f, rt, hi, lo, d);
  L.emit(sdiv(1, f, f, rt));
  const s = nzcvSave(L, i);
  L.emit(subsExtended(1, ZR, f, f, sz === 4 ? EXTEND.SXTW : sz === 2 ? EXTEND.SXTH : EXTEND.SXTB)); // EQ: fits
  L.emit(ccmpImm(1, rt, 0 as Uimm, 0b0100 as Uimm, COND.EQ)); // fits: EQ iff d = 0; else Z
  L.emit(cset(0, f, COND.EQ));
  nzcvRestore(L, s);
  L.pool.release(rt);
}

export function lowerDivU(L: Lowerer, i: number): void {
  if (L.b.sz[i] === 8) wideDivU(L, i);
  else narrowDivide(L, i, false);
}

export function lowerDivS(L: Lowerer, i: number): void {
  if (L.b.sz[i] === 8) wideDivS(L, i);
  else narrowDivide(L, i, true);
}

export function lowerDivSFault(L: Lowerer, i: number): void {
  if (L.b.sz[i] === 8) wideDivSFault(L, i);
  else narrowDivSFault(L, i);
}

/** Conditional exit into a runtime symbol: cbnz to a stub after the body (exits.ts emitStubs). */
export function lowerExitSymIf(L: Lowerer, i: number): void {
  const a = L.b.a[i]!;
  // A fused #DE test (rule exitOnFlags fused it): IDIV's Or and 8/16-bit DIV's compare without
  // NZCV (exitOnZero, exitOnSign), 32-bit DIV's compare through it (exitOnFlags).
  if (L.an.skip[a] === FUSED) {
    if (L.b.op[a] === OP.Or) exitOnZero(L, i, a);
    else if (!exitOnSign(L, i, a)) exitOnFlags(L, i, a);
    return;
  }
  const stub = L.newStub(i);
  L.branchToStub(cbnz(1, L.reg(a), 0 as PcOff), stub, 19);
}

/**
 * Rule exitOnSign: an 8/16-bit DIV's #DE test (high half >= divisor, both at most 16 bits) is
 * the sign of their 32-bit difference: `sub w, hi, divisor, uxtb|uxth; tbz w, #31, stub`; IDIV's
 * (up to 32 bits) is exitOnZero's. NZCV is neither read nor written, so nothing is saved for the
 * stub or restored after (exitOnFlags: mrs, lsl, cmp, b.hs). Returns whether it lowered op i.
 */
function exitOnSign(L: Lowerer, i: number, a: number): boolean {
  const b = L.b;
  if (b.op[a] !== OP.Cmp || b.a[a] !== REL.UGE || b.sz[a]! > 2) return false;
  const sz = b.sz[a]!, p = b.b[a]!, q = b.c[a]!;
  let rp = L.reg(p, false);
  if (!zeroExtended(L, p, sz)) {
    const t = L.pool.scratch();
    L.emit(sz === 1 ? uxtb(t, rp) : uxth(t, rp));
    rp = t;
  }
  const d = L.pool.scratch();
  L.emit(subExtended(0, d, rp, L.reg(q, false), sz === 1 ? EXTEND.UXTB : EXTEND.UXTH));
  const stub = L.newStub(i);
  L.branchToStub(tbz(d, 31 as Uimm6, 0 as PcOff), stub, 14);
  L.fired[RULE.exitOnSign]!++;
  return true;
}

/**
 * IDIV's #DE test without NZCV (rule exitOnSign too): the quotient q does not fit when q minus its
 * own sign extension is not 0 (`sub t, q, wq, sxt*; cbnz t, stub`), and a zero divisor is `cbz`
 * on its low sz bytes (the division gave 0, which fits): two branches to one stub, nothing saved
 * for it or restored after (exitOnFlags: mrs, cmp, ccmp, b.eq).
 */
function exitOnZero(L: Lowerer, i: number, a: number): void {
  const b = L.b;
  const [zero, fits] = b.a[b.a[a]!]! === REL.EQ ? [b.a[a]!, b.b[a]!] : [b.b[a]!, b.a[a]!];
  const sz = b.sz[zero]!, q = L.reg(b.b[fits]!), d = L.reg(b.b[zero]!, false);
  const stub = L.newStub(i);
  const t = L.pool.scratch();
  L.emit(subExtended(1, t, q, q, sz === 4 ? EXTEND.SXTW : sz === 2 ? EXTEND.SXTH : EXTEND.SXTB));
  L.branchToStub(cbnz(1, t, 0 as PcOff), stub, 19);
  let rd = d;
  if (sz < 4) { // the divisor's low sz bytes only
    rd = L.pool.scratch();
    L.emit(sz === 2 ? uxth(rd, d) : uxtb(rd, d));
  }
  L.branchToStub(cbz(0, rd, 0 as PcOff), stub, 19);
  L.fired[RULE.exitOnSign]!++;
}

/**
 * Rule exitOnFlags: the #DE test sets NZCV and `b.cond` leaves for the stub. Guest flags live at
 * the exit are saved first (`mrs`) and restored in the stub (`msr`, exits.ts), and on the
 * fall-through only when still live there (after DIV/IDIV they are undefined: `Undef`).
 * The condition is a Cmp: 32-bit DIV's high half >= divisor (8/16-bit DIV and IDIV up to 32 bits
 * take exitOnSign's flag-free tests).
 */
function exitOnFlags(L: Lowerer, i: number, a: number): void {
  const b = L.b, s = (b.fm[i]! | L.an.liveAfter[i]!) & NZCV_FLAGS ? L.pool.scratch() : -1;
  if (s >= 0) L.emit(mrs(s, SYSREG.NZCV));
  const cond = emitCompare(L, a);
  const stub = L.newStub(i, s);
  L.branchToStub(bCond(cond as Cond, 0 as PcOff), stub, 19);
  if (s >= 0 && L.an.liveAfter[i]! & NZCV_FLAGS) L.emit(msr(SYSREG.NZCV, s));
}
