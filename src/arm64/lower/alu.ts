/**
 * @file Stage 6 (ARM64 lowering): the x86-flag-setting ALU ops: Add, Sub, Adc, Sbb, Neg, And, Or,
 * Xor, Test, and Not. One function per op; the flag conventions they follow (carry sense, 8/16-bit
 * forms, PF/AF, preserving live flags an op does not define) are flags.ts's.
 *
 * On entry: operands in registers or lazy constants. On exit: the result in `L.dest(i)`, NZCV and
 * x10/x11 holding the flags in `fm` under `L.cInv`.
 *
 *   add rax, rbx (flags dead)   → add x8, x8, x27
 *   cmp ecx, 5 (flags live)     → cmp w0, #0x5              (C inverted from here on)
 *   add al, bl (flags live)     → lsl w9, w8, #24; adds wzr, w9, w27, lsl #24; add w9, w8, w27
 */
import { OP, OPS } from "../../ir/ops.ts";
import { FLAG } from "../../ir/state.ts";
import { tryLogicalImm, type Imm12, type LogicalImm, type Uimm6 } from "../imm.ts";
import { addImm, addsImm, subImm, subsImm } from "../isa/data-imm.ts";
import { adc, adcs, addShifted, addsShifted, madd, msub, neg, negs, sbc, sbcs, subShifted, subsExtended, subsShifted } from "../isa/data-reg.ts";
import {
  andImm, andShifted, andsImm, andsShifted, bicShifted, bicsShifted, eonShifted, eorImm, eorShifted, movReg, mvn, ornShifted, orrImm, orrShifted, tstShifted,
} from "../isa/logical.ts";
import { extr, lslImm, uxtb, uxth } from "../isa/bitfield.ts";
import { csetm } from "../isa/cond.ts";
import { orCmp } from "./bits.ts";
import { EXTEND, type Cond } from "../regs.ts";
import { DEAD, FUSED, NZCV_FLAGS } from "./alloc.ts";
import { ZR, type Lowerer } from "./context.ts";
import { constIn, imm12Of, zeroExtended } from "./consts.ts";
import {
  afBegin, afEnd, afZero, armCond, condValue, flagOnlyDest, keepBegin, keepEnd, setCarrySense, subWordAddSubFlags, subWordCarryOp,
  subWordTestFlags, writePF,
} from "./flags.ts";
import { HOST_AF, HOST_PF } from "./regmap.ts";
import { RULE } from "./rules.ts";
import { fusedAway } from "./exits.ts";

const sfOf = (sz: number): 0 | 1 => (sz === 8 ? 1 : 0);

// ── operands ──

/** Shift of the last `operandB` (foldShiftedOperand): kind (SHIFT.*) and amount. */
let shKind: 0 | 1 | 2 = 0;
let shAmt = 0 as Uimm6;
const SHIFT_OF: Record<number, 0 | 1 | 2> = { [OP.Shl]: 0, [OP.Shr]: 1, [OP.Sar]: 2 };

/** Register of operand y; a fused shift (foldShiftedOperand) leaves its kind and amount in shKind/shAmt. */
export function operandB(L: Lowerer, y: number): number {
  const b = L.b;
  if (L.an.skip[y] === FUSED) {
    shKind = SHIFT_OF[b.op[y]!]!;
    shAmt = constIn(b, b.b[y]!, 8) as Uimm6;
    return L.reg(b.a[y]!);
  }
  shKind = 0;
  shAmt = 0 as Uimm6;
  return L.reg(y);
}

/** Operands of the op being lowered, the constant or fused-shift one second (no tuple per op). */
let opX = 0, opY = 0;
const second = (L: Lowerer, v: number): boolean => L.b.isImm(v) || L.an.skip[v] === FUSED;
function commuted(L: Lowerer, i: number, commutes: boolean): void {
  const x = L.b.a[i]!, y = L.b.b[i]!;
  const swap = commutes && second(L, x) && !second(L, y);
  opX = swap ? y : x;
  opY = swap ? x : y;
}


/** tryLogicalImm is BigInt arithmetic: remember answers for 32-bit patterns (key: value, + 2^32 for 64-bit all-ones-high). */
const LOGICAL_CACHE = new Map<number, number>();
function cachedLogical(sf: 0 | 1, lo: number, hiOnes: boolean): LogicalImm | undefined {
  const key = (sf ? 2 ** 33 : 0) + (hiOnes ? 2 ** 32 : 0) + lo;
  let r = LOGICAL_CACHE.get(key);
  if (r === undefined) {
    r = tryLogicalImm(sf, sf ? (hiOnes ? 0xffffffff00000000n : 0n) | BigInt(lo) : lo) ?? -1;
    if (LOGICAL_CACHE.size < 4096) LOGICAL_CACHE.set(key, r);
  }
  return r < 0 ? undefined : (r as LogicalImm);
}

/** A bitmask immediate for Const v in an op of sz bytes (8/16-bit ops may pick any upper bits). */
export function logicalOf(L: Lowerer, v: number, sz: number): LogicalImm | undefined {
  const b = L.b, lo = b.lo[v]!, hi = b.hi[v]!;
  if (sz === 8) return hi === 0 || hi === 0xffffffff ? cachedLogical(1, lo, hi !== 0) : tryLogicalImm(1, b.imm(v));
  if (sz === 4) return cachedLogical(0, lo, false);
  const mask = sz === 1 ? 0xff : 0xffff;
  return cachedLogical(0, lo & mask, false) ?? cachedLogical(0, (lo | ~mask) >>> 0, false);
}

/** Constants materialised into scratch for this op are dead once the main instruction read them. */
function releaseOperands(L: Lowerer, ra: number, rb: number): void {
  L.pool.release(ra);
  if (rb >= 0) L.pool.release(rb);
}

/** Result register: the value's destination, or where a flag-only result goes. */
const resultReg = (L: Lowerer, i: number, zrOk: boolean): number => (L.an.uses[i] ? valueDest(L, i) : flagOnlyDest(L, i, zrOk));

/**
 * resultInPF: an op that defines PF and whose result goes elsewhere than a guest home (an 8/16-bit
 * field insert, a store, another op) computes it straight into x10, the PF source, instead of a
 * temporary copied there: `sub w10, w0, w27; bfxil x0, x10, #0, #8`. Only while nothing up to its
 * last use defines PF again and PF stays live there (then x10 is nobody's scratch, lowerBlock).
 * `definer`: the op whose PF this value is, when not the value's own op (shlFlags: its Test).
 */
export function valueDest(L: Lowerer, i: number, avoid1 = -1, avoid2 = -1, definer = i): number {
  const b = L.b, an = L.an, last = an.lastUse[i]!;
  if (b.fm[definer]! & FLAG.PF && avoid1 !== HOST_PF && avoid2 !== HOST_PF && !(an.uses[i] === 1 && b.op[last] === OP.SetReg)) {
    let ok = true;
    for (let k = i + 1; k <= last && ok; k++) {
      const o = b.op[k]!;
      if (o === OP.Nop || an.skip[k] === DEAD || an.skip[k] === FUSED || k === definer) continue;
      if ((OPS[o]!.flags && b.fm[k]! & FLAG.PF) || (o === OP.SetFlag && b.a[k] === FLAG.PF) || o === OP.SaveFlags || o === OP.RestoreFlagsIfZero) ok = false;
      // Where PF is dead, x10 is a scratch register for other ops (lowerBlock's pool.extra).
      if (!((an.liveBefore[k]! | an.liveAfter[k]!) & FLAG.PF)) ok = false;
    }
    if (ok) {
      L.fired[RULE.resultInPF]!++;
      return (L.loc[i] = HOST_PF);
    }
  }
  return L.dest(i, false, avoid1, avoid2);
}

// ── ADD / SUB ──

function addSub(L: Lowerer, i: number, sub: boolean): void {
  if (sub && fusedAway(L, i)) return; // zeroBranch: the ExitIf branches on the value itself
  const b = L.b, sz = b.sz[i]!, fm = b.fm[i]!, nz = fm & NZCV_FLAGS, sf = sfOf(sz), wide = sz >= 4;
  const m = fusedMul(L, i);
  if (m >= 0) { // mulAdd: madd/msub d, a, b, x
    const x = m === b.b[i] ? b.a[i]! : b.b[i]!;
    const rx = L.reg(x), rn = L.reg(b.a[m]!), rm = L.reg(b.b[m]!);
    return L.emit((sub ? msub : madd)(sf, L.dest(i), rn, rm, rx));
  }
  commuted(L, i, !sub);
  const x = opX, y = opY;
  if ((wide || !nz) && b.isConst(y)) {
    const k = constIn(b, y, sz), imm = Number.isNaN(k) ? -1 : imm12Of(k);
    if (imm >= 0) {
      const hostSub = sub !== k < 0;
      const ra = L.reg(x, false);
      const ks = nz ? keepBegin(L, i) : 0;
      afBegin(L, i, ra, -1, b.lo[y]!);
      const rd = resultReg(L, i, nz !== 0);
      const enc = nz ? (hostSub ? subsImm : addsImm) : hostSub ? subImm : addImm;
      L.emit(enc(sf, rd, ra, (imm & 0xfff) as Imm12, (imm >>> 12) as 0 | 1));
      L.fired[!sub ? RULE.addImm12 : rd === ZR ? RULE.cmpImm12 : RULE.subImm12]!++;
      // x86 CF of `sub` is a borrow whichever host form computed it: C is inverted after any sub.
      if (nz) keepEnd(L, ks, sub);
      writePF(L, i, rd);
      afEnd(L, i, rd);
      return;
    }
  }
  if (wide) {
    const ra = L.reg(x), rb = operandB(L, y);
    const ks = nz ? keepBegin(L, i) : 0;
    afBegin(L, i, ra, rb);
    const rd = resultReg(L, i, nz !== 0);
    const enc = nz ? (sub ? subsShifted : addsShifted) : sub ? subShifted : addShifted;
    L.emit(enc(sf, rd, ra, rb, shKind, shAmt));
    releaseOperands(L, ra, rb);
    if (nz) keepEnd(L, ks, sub);
    writePF(L, i, rd);
    afEnd(L, i, rd);
    return;
  }
  // subWordImm: a 16-bit add/sub of k in 1..255 takes k << 16 as `#k*16, lsl #12` in the flag
  // compare and k itself in the result: no register for the constant (inc ax, add ax, 1).
  const k16 = sz === 2 && b.isConst(y) ? constIn(b, y, 2) : -1;
  if (k16 >= 1 && k16 <= 255) {
    L.fired[RULE.subWordImm]!++;
    const ra = L.reg(x);
    if (nz) {
      const ks = keepBegin(L, i), t = L.pool.scratch();
      L.emit(lslImm(0, t, ra, 16 as Uimm6));
      L.emit((sub ? subsImm : addsImm)(0, ZR, t, (k16 * 16) as Imm12, 1));
      L.pool.release(t);
      keepEnd(L, ks, sub);
    }
    if (!L.an.uses[i] && !(fm & (FLAG.PF | FLAG.AF))) return;
    afBegin(L, i, ra, -1, k16);
    const rd = resultReg(L, i, false);
    L.emit((sub ? subImm : addImm)(0, rd, ra, k16 as Imm12, 0));
    writePF(L, i, rd);
    afEnd(L, i, rd);
    return;
  }
  let ra = -1, rb = -1;
  if (sub && nz && !(fm & (FLAG.SF | FLAG.OF))) narrowCompare(L, i, sz, x, y);
  else if (nz) {
    ra = L.reg(x);
    rb = L.reg(y);
    const ks = keepBegin(L, i);
    subWordAddSubFlags(L, sub, sz, ra, rb);
    keepEnd(L, ks, sub);
  }
  if (!L.an.uses[i] && !(fm & (FLAG.PF | FLAG.AF))) return;
  if (ra < 0) {
    ra = L.reg(x);
    rb = L.reg(y);
  }
  afBegin(L, i, ra, rb);
  const rd = resultReg(L, i, false);
  L.emit((sub ? subShifted : addShifted)(0, rd, ra, rb));
  releaseOperands(L, ra, rb);
  writePF(L, i, rd);
  afEnd(L, i, rd);
}

/**
 * narrowCompare: ZF and CF of an 8/16-bit a - b are those of the 32-bit compare of the
 * zero-extended operands (equal there iff equal; unsigned order the same), so without SF and OF
 * live it is `cmp wA, #k` or `cmp wA, wB, uxtb|uxth`, with A zero-extended first unless it is
 * already (a byte load). N and V come out as garbage, which nothing reads.
 */
function narrowCompare(L: Lowerer, i: number, sz: number, x: number, y: number): void {
  const b = L.b;
  L.fired[RULE.narrowCompare]!++;
  const ks = keepBegin(L, i);
  // Not wzr for a constant 0: register 31 is SP as the first operand of these compares.
  let ra = L.reg(x, false), t = -1;
  if (!zeroExtended(L, x, sz)) {
    t = L.pool.scratch();
    L.emit(sz === 1 ? uxtb(t, ra) : uxth(t, ra));
    ra = t;
  }
  const k = b.isConst(y) ? constIn(b, y, sz) & (sz === 1 ? 0xff : 0xffff) : -1, imm = k >= 0 ? imm12Of(k) : -1;
  if (imm >= 0) L.emit(subsImm(0, ZR, ra, (imm & 0xfff) as Imm12, (imm >>> 12) as 0 | 1));
  else L.emit(subsExtended(0, ZR, ra, L.reg(y), sz === 1 ? EXTEND.UXTB : EXTEND.UXTH));
  if (t >= 0) L.pool.release(t);
  keepEnd(L, ks, true);
}

/** ADD (x86 ADD/INC/LEA arithmetic): CF = carry out, C = CF. */
export const lowerAdd = (L: Lowerer, i: number): void => addSub(L, i, false);
/** SUB (x86 SUB/CMP/DEC): CF = borrow, so C = NOT CF afterwards. */
export const lowerSub = (L: Lowerer, i: number): void => addSub(L, i, true);

// ── ADC / SBB ──

function carryOp(L: Lowerer, i: number, sub: boolean): void {
  const b = L.b, sz = b.sz[i]!, fm = b.fm[i]!, nz = fm & NZCV_FLAGS, sf = sfOf(sz);
  // adc adds C; sbc subtracts NOT C: give C the sense each needs. N, Z and V are free to clobber
  // when every one of them live after the op is one the op defines (rule carryFlipCcmp).
  setCarrySense(L, sub, (L.an.liveAfter[i]! & (FLAG.SF | FLAG.ZF | FLAG.OF) & ~fm) === 0);
  const ra = L.reg(b.a[i]!), rb = L.reg(b.b[i]!);
  afBegin(L, i, ra, rb);
  if (sz < 4 && nz) {
    const rd = L.an.uses[i] ? valueDest(L, i, ra, rb) : flagOnlyDest(L, i, false);
    subWordCarryOp(L, i, sub, ra, rb, rd);
    writePF(L, i, rd);
    afEnd(L, i, rd);
    return;
  }
  const ks = nz ? keepBegin(L, i) : 0;
  const rd = resultReg(L, i, nz !== 0);
  L.emit((nz ? (sub ? sbcs : adcs) : sub ? sbc : adc)(sf, rd, ra, rb));
  if (nz) keepEnd(L, ks, sub);
  writePF(L, i, rd);
  afEnd(L, i, rd);
}

/** The Mul fused into Add/Sub i (rule mulAdd), or -1. */
function fusedMul(L: Lowerer, i: number): number {
  const b = L.b, y = b.b[i]!, x = b.a[i]!;
  if (L.an.skip[y] === FUSED && b.op[y] === OP.Mul) return y;
  return b.op[i] === OP.Add && L.an.skip[x] === FUSED && b.op[x] === OP.Mul ? x : -1;
}

/** ADC: a + b + CF. */
export const lowerAdc = (L: Lowerer, i: number): void => carryOp(L, i, false);
/** SBB: a - b - CF (sbcs with C = NOT CF). */
export const lowerSbb = (L: Lowerer, i: number): void => carryOp(L, i, true);

/** NEG: 0 - a; CF = (a != 0), i.e. C (no borrow) inverted: negs leaves C = NOT CF. */
export function lowerNeg(L: Lowerer, i: number): void {
  const b = L.b, sz = b.sz[i]!, fm = b.fm[i]!, nz = fm & NZCV_FLAGS, sf = sfOf(sz);
  if (L.an.skip[b.a[i]!] === FUSED) { // condMask: csetm; BE/A with C = CF have no single ARM condition
    const cc = b.a[b.a[i]!]!, c = armCond(L, cc), rd = L.dest(i);
    if (c >= 0) return L.emit(csetm(sf, rd, c as Cond));
    condValue(L, cc, rd);
    return L.emit(neg(sf, rd, rd));
  }
  const ra = L.reg(b.a[i]!);
  if (sz < 4 && nz) {
    const ks = keepBegin(L, i);
    L.emit(negs(0, ZR, ra, 0, (32 - 8 * sz) as Uimm6));
    keepEnd(L, ks, true);
  }
  if (fm & FLAG.AF) L.emit(movReg(1, HOST_AF, ra)); // a ^ 0, then ^ result
  if (sz >= 4 && nz) {
    const ks = keepBegin(L, i);
    const rd = resultReg(L, i, true);
    L.emit(negs(sf, rd, ra));
    keepEnd(L, ks, true);
    writePF(L, i, rd);
    afEnd(L, i, rd);
    return;
  }
  if (!L.an.uses[i] && !(fm & (FLAG.PF | FLAG.AF))) return;
  const rd = resultReg(L, i, false);
  L.emit(neg(sf, rd, ra));
  writePF(L, i, rd);
  afEnd(L, i, rd);
}

// ── AND / OR / XOR / TEST ──

const LOGIC = {
  [OP.And]: { imm: andImm, reg: andShifted },
  [OP.Or]: { imm: orrImm, reg: orrShifted },
  [OP.Xor]: { imm: eorImm, reg: eorShifted },
} as Record<number, { imm: typeof andImm; reg: typeof andShifted }>;
/** The inverting forms, for a second operand that is a fused Not (notOperand); never an immediate. */
const LOGIC_NOT = {
  [OP.And]: { imm: andImm, reg: bicShifted },
  [OP.Or]: { imm: orrImm, reg: ornShifted },
  [OP.Xor]: { imm: eorImm, reg: eonShifted },
} as Record<number, { imm: typeof andImm; reg: typeof andShifted }>;

/** 1 or 2 when value i's only use inserts its low byte/halfword as a field (Bfi at bit 0), else 0. */
function fieldWidth(L: Lowerer, i: number): number {
  const b = L.b, j = L.an.lastUse[i]!;
  if (L.an.uses[i] !== 1 || b.op[j] !== OP.Bfi || b.b[j] !== i || b.a[j] === i || b.c[j] !== 0) return 0;
  return b.d[j] === 8 ? 1 : b.d[j] === 16 ? 2 : 0;
}

/** AND/OR/XOR: CF = OF = 0 (C = CF canonically), SF/ZF/PF from the result, AF = 0. */
function logic(L: Lowerer, i: number): void {
  const b = L.b, o = b.op[i]!, sz = b.sz[i]!, fm = b.fm[i]!, nz = fm & NZCV_FLAGS, sf = sfOf(sz);
  if (o === OP.And && fusedAway(L, i)) return; // zeroBranch
  if (o === OP.Or && L.an.skip[b.a[i]!] === FUSED && b.op[b.a[i]!] === OP.Cmp) return orCmp(L, i, b.a[i]!, b.b[i]!); // boolOrCmp
  if (o === OP.Or && L.an.skip[b.b[i]!] === FUSED && b.op[b.b[i]!] === OP.Cmp) return orCmp(L, i, b.b[i]!, b.a[i]!);
  if (o === OP.Or && L.an.skip[b.a[i]!] === FUSED && L.an.skip[b.b[i]!] === FUSED && b.op[b.a[i]!] !== b.op[b.b[i]!]
    && (b.op[b.a[i]!] === OP.Shl || b.op[b.a[i]!] === OP.Shr)) return funnel(L, i);
  commuted(L, i, true);
  const x = opX, y = opY;
  // logicAllOnes: all ones in 32/64 bits is no bitmask immediate; and/tst take the register
  // itself, xor is mvn, or is mvn of zr.
  const ones = sz >= 4 && b.isConst(y) && b.lo[y] === 0xffffffff && (sz === 4 || b.hi[y] === 0xffffffff);
  let imm = b.isConst(y) && !ones ? logicalOf(L, y, sz) : undefined;
  if (imm === undefined && !ones && !fm && sz === 4 && b.isConst(y)) { // fieldImm: only the field's bits matter
    const w = fieldWidth(L, i);
    if (w && (imm = logicalOf(L, y, w)) !== undefined) L.fired[RULE.fieldImm]!++;
  }
  const ra = L.reg(x);
  // notOperand: a fused ~z is z read by the inverting form (bic, orn, eon).
  const inv = L.an.skip[y] === FUSED && b.op[y] === OP.Not;
  let rb = imm === undefined && !ones ? (inv ? L.reg(b.a[y]!) : operandB(L, y)) : -1;
  if (inv) { shKind = 0; shAmt = 0 as Uimm6; }
  if (ones) { L.fired[RULE.logicAllOnes]!++; shKind = 0; shAmt = 0 as Uimm6; if (o === OP.And) rb = ra; }
  if (imm !== undefined) L.fired[RULE.logicalImmediate]!++;
  const f = (inv ? LOGIC_NOT : LOGIC)[o]!;
  if (nz && sz >= 4 && o === OP.And) { // ands sets N, Z and clears C, V itself
    const ks = keepBegin(L, i);
    const rd = L.an.uses[i] ? L.dest(i) : fm & FLAG.PF ? HOST_PF : ZR;
    L.emit(imm !== undefined ? andsImm(sf, rd, ra, imm) : (inv ? bicsShifted : andsShifted)(sf, rd, ra, rb, shKind, shAmt));
    keepEnd(L, ks, false);
    writePF(L, i, rd);
    afZero(L, i);
    return;
  }
  const rd = L.an.uses[i] ? valueDest(L, i) : fm & FLAG.PF ? HOST_PF : L.pool.scratch();
  if (ones && o !== OP.And) L.emit(mvn(sf, rd, o === OP.Xor ? ra : ZR));
  else L.emit(imm !== undefined ? f.imm(sf, rd, ra, imm) : f.reg(sf, rd, ra, rb, shKind, shAmt));
  releaseOperands(L, ra, rb === ra ? -1 : rb);
  if (nz) {
    const ks = keepBegin(L, i);
    if (sz < 4) subWordTestFlags(L, sz, rd);
    // `ands x10, r, r` both tests and stores the PF source.
    else L.emit(andsShifted(sf, fm & FLAG.PF ? HOST_PF : ZR, rd, rd));
    keepEnd(L, ks, false);
    if (sz < 4) writePF(L, i, rd);
  } else writePF(L, i, rd);
  afZero(L, i);
}

/**
 * extrFunnel: Or i of a Shl by k and a Shr by w - k (rules.ts funnelPartner) is
 * `extr rd, hi, lo, #(w - k)`: the w bits of hi:lo starting at bit w - k. The Or defines no
 * flags (markFusions asks), so nothing else to do.
 */
function funnel(L: Lowerer, i: number): void {
  const b = L.b, sz = b.sz[i]!, sf = sfOf(sz);
  const shl = b.op[b.a[i]!] === OP.Shl ? b.a[i]! : b.b[i]!, shr = shl === b.a[i] ? b.b[i]! : b.a[i]!;
  const rn = L.reg(b.a[shl]!), rm = L.reg(b.a[shr]!);
  const rd = L.an.uses[i] ? valueDest(L, i) : L.pool.scratch();
  L.emit(extr(sf, rd, rn, rm, constIn(b, b.b[shr]!, 8) as Uimm6));
  releaseOperands(L, rn, rm === rn ? -1 : rm);
}

export const lowerAnd = logic;
export const lowerOr = logic;
export const lowerXor = logic;

/** TEST-style flags of a value: SF/ZF/PF from a, CF = OF = 0, AF = 0. */
export function lowerTest(L: Lowerer, i: number): void {
  if (fusedAway(L, i)) return; // zeroBranch
  const b = L.b, sz = b.sz[i]!, fm = b.fm[i]!, nz = fm & NZCV_FLAGS, sf = sfOf(sz);
  const ra = L.reg(b.a[i]!);
  if (nz) {
    const ks = keepBegin(L, i);
    if (sz < 4) subWordTestFlags(L, sz, ra);
    else L.emit(fm & FLAG.PF ? andsShifted(sf, HOST_PF, ra, ra) : tstShifted(sf, ra, ra));
    keepEnd(L, ks, false);
    if (sz < 4) writePF(L, i, ra);
  } else writePF(L, i, ra);
  afZero(L, i);
}

/** NOT: ~a, no flags. */
export function lowerNot(L: Lowerer, i: number): void {
  const ra = L.reg(L.b.a[i]!);
  L.emit(mvn(sfOf(L.b.sz[i]!), L.dest(i), ra));
}

