/**
 * @file Stage 6 (ARM64 lowering): the one home of the flag conventions of docs/runtime-abi.md §4.
 * - CF, ZF, SF, OF live in NZCV (N=SF, Z=ZF, V=OF). C = CF at block boundaries; after a host
 *   subtract C = NOT CF. `L.cInv` tracks which, statically: every op that writes C sets it,
 *   conditions are mapped through it (`armCond`), and exits put C right where CF is live.
 * - 8/16-bit add/sub/neg set NZCV on operands shifted to the top of a W register; 8/16-bit
 *   logic results are tested with `cmn wzr, wR, lsl #24|16` (N, Z from the narrow result, C=V=0).
 * - PF: x10's low byte has the parity (even → PF=1); AF: bit 4 of x11 (`a ^ b ^ result`).
 * - A host instruction writes all of NZCV; flags an op does not define that are still live are
 *   saved around it (`keepBegin`/`keepEnd`: `cset` + `rmif`/`bfi` for CF alone, e.g. INC/DEC).
 *
 * On entry: `L.cInv` describes NZCV. On exit: ditto, for the code emitted.
 *
 *   const ks = keepBegin(L, i);  L.emit(addsShifted(...));  keepEnd(L, ks, false);
 *   writePF(L, i, rd, sf);       // x10 = result when PF is defined
 */
import { OP, OPS, REL } from "../../ir/ops.ts";
import { CC, FLAG, STATE } from "../../ir/state.ts";
import type { BitRange, Imm12, LogicalImm, PcOff, Uimm, Uimm12s, Uimm6 } from "../imm.ts";
import { tryLogicalImm } from "../imm.ts";
import { COND, type Cond } from "../regs.ts";
import { bfi, bfxil, lslImm, lsrImm, ubfx } from "../isa/bitfield.ts";
import { bCond, cbnz, cbz, tbnz, tbz } from "../isa/branch.ts";
import { ccmnImm, ccmpImm, csel, csetm, csinc, cset, rmif } from "../isa/cond.ts";
import { adc, addsShifted, clz, sbc, subsShifted } from "../isa/data-reg.ts";
import { cmpImm } from "../isa/data-imm.ts";
import { LDST, ldstUimm } from "../isa/load-store.ts";
import { andImm, andShifted, eorImm, eorShifted, movReg, orrImm, tstImm } from "../isa/logical.ts";
import { SYSREG, cfinv, mrs, msr } from "../isa/system.ts";
import { DEAD, FUSED, NZCV_FLAGS } from "./alloc.ts";
import { ZR, type Lowerer } from "./context.ts";
import { HOST_AF, HOST_PF, HOST_STATE } from "./regmap.ts";
import { RULE } from "./rules.ts";
import { emitCompare } from "./bits.ts";

const u6 = (x: number): Uimm6 => x as Uimm6;
const range = (lsb: number, width: number): BitRange => (lsb | (width << 8)) as BitRange;
const logical = (sf: 0 | 1, v: number | bigint): LogicalImm => tryLogicalImm(sf, v)!;
// Bitmask immediates used per op, encoded once (tryLogicalImm works in BigInt).
const C_BIT = logical(1, 0x20000000), ONE_W = logical(0, 1), ONE_X = logical(1, 1), BIT4 = logical(1, 0x10);
const MASK8 = logical(0, 0xff), MASK16 = logical(0, 0xffff);

/** NZCV bit of each flag kept there. */
const NZCV_BIT: Record<number, number> = { [FLAG.SF]: 31, [FLAG.ZF]: 30, [FLAG.CF]: 29, [FLAG.OF]: 28 };
/** orr/and immediates that set/clear each NZCV flag. */
const SET_BIT: Record<number, LogicalImm> = {}, CLEAR_BIT: Record<number, LogicalImm> = {};
for (const f of [FLAG.SF, FLAG.ZF, FLAG.CF, FLAG.OF]) {
  SET_BIT[f] = tryLogicalImm(1, 2 ** NZCV_BIT[f]!)!;
  CLEAR_BIT[f] = tryLogicalImm(1, ~(1n << BigInt(NZCV_BIT[f]!)))!;
}

// ── carry sense ──

/** The ARM condition that holds when CF = 1. */
export const cfCond = (L: Lowerer): Cond => (L.cInv ? COND.LO : COND.HS);

/** Invert ARM C in place (cfinv with FlagM; else through x`t`). */
export function flipCarry(L: Lowerer, t: number): void {
  if (L.opts.features.flagm) return L.emit(cfinv());
  L.emit(mrs(t, SYSREG.NZCV));
  L.emit(eorImm(1, t, t, C_BIT));
  L.emit(msr(SYSREG.NZCV, t));
}

/**
 * Make C hold CF (inv=false: adc) or NOT CF (inv=true: sbc's borrow-in). `nzvDead`: N, Z and V
 * may be clobbered (nothing reads them before the caller's op redefines them): then, without
 * FlagM, one `ccmp xzr, #0, #0, cc` inverts C (C clear: 0 - 0 sets C; C set: the immediate clears it).
 */
export function setCarrySense(L: Lowerer, inv: boolean, nzvDead = false): void {
  if (L.cInv === inv) return;
  if (nzvDead && !L.opts.features.flagm) {
    L.emit(ccmpImm(1, ZR, 0 as Uimm, 0 as Uimm, COND.LO));
    L.fired[RULE.carryFlipCcmp]!++;
    L.cInv = inv;
    return;
  }
  const t = L.opts.features.flagm ? ZR : L.pool.scratch();
  flipCarry(L, t);
  L.pool.release(t);
  L.cInv = inv;
}

/** Before an exit whose live flags `fm` include CF: C must equal CF (ABI §4). `t` is free to clobber. */
export function fixCarryForExit(L: Lowerer, fm: number, inv: boolean, t: number): void {
  if (!inv || !(fm & FLAG.CF)) return;
  if (!(fm & (FLAG.SF | FLAG.ZF | FLAG.OF)) && !L.opts.features.flagm) { // carryFlipCcmp: N, Z, V dead there
    L.emit(ccmpImm(1, ZR, 0 as Uimm, 0 as Uimm, COND.LO));
    L.fired[RULE.carryFlipCcmp]!++;
    return;
  }
  flipCarry(L, t);
}

// ── x86 conditions ──

// x86 CC order: o no b ae e ne be a s ns p np l ge le g; -1: needs two instructions (or parity).
const CANON = [COND.VS, COND.VC, COND.HS, COND.LO, COND.EQ, COND.NE, -1, -1, COND.MI, COND.PL, -1, -1, COND.LT, COND.GE, COND.LE, COND.GT];
const INVERTED = [COND.VS, COND.VC, COND.LO, COND.HS, COND.EQ, COND.NE, COND.LS, COND.HI, COND.MI, COND.PL, -1, -1, COND.LT, COND.GE, COND.LE, COND.GT];

/** The ARM condition equal to x86 `cc` under the current carry sense, or -1 (BE/A with C = CF, P/NP). */
export const armCond = (L: Lowerer, cc: number): number => (L.cInv ? INVERTED : CANON)[cc]!;

/** w`t` bit 0 = odd parity of x10's low byte (PF = NOT bit 0). */
export function parity(L: Lowerer, t: number): void {
  L.emit(eorShifted(0, t, HOST_PF, HOST_PF, 1, u6(4)));
  L.emit(eorShifted(0, t, t, t, 1, u6(2)));
  L.emit(eorShifted(0, t, t, t, 1, u6(1)));
}

/** NZCV saved around a flag-clobbering compare when guest flags there are still live. */
export function nzcvSave(L: Lowerer, i: number): number {
  if (!(L.an.liveAfter[i]! & NZCV_FLAGS)) return -1;
  const s = L.pool.scratch();
  L.emit(mrs(s, SYSREG.NZCV));
  return s;
}
export function nzcvRestore(L: Lowerer, s: number): void {
  if (s < 0) return;
  L.emit(msr(SYSREG.NZCV, s));
  L.pool.release(s);
}

/** Cond: w`rd` = x86 condition cc ? 1 : 0. */
export function condValue(L: Lowerer, cc: number, rd: number): void {
  const c = armCond(L, cc);
  if (c >= 0) return L.emit(cset(0, rd, c));
  if (cc === CC.BE) { // CF | ZF with C = CF
    L.emit(cset(0, rd, COND.HS));
    return L.emit(csinc(0, rd, rd, ZR, COND.NE));
  }
  if (cc === CC.A) { // !CF & !ZF with C = CF
    L.emit(cset(0, rd, COND.LO));
    return L.emit(csel(0, rd, rd, ZR, COND.NE));
  }
  parity(L, rd);
  if (cc === CC.P) L.emit(eorImm(0, rd, rd, ONE_W));
  L.emit(andImm(0, rd, rd, ONE_W));
}

/**
 * rd = cc ? rb : rc (CMOVcc, and Select on a fused Cond); op i decides whether NZCV must survive.
 * `sf` 0: the W form, which also zero-extends (a 32-bit CMOV's Zext, rule selectIntoZext).
 */
export function selectOnCC(L: Lowerer, i: number, cc: number, rd: number, rb: number, rc: number, sf: 0 | 1 = 1): void {
  const c = armCond(L, cc);
  if (c >= 0) return L.emit(csel(sf, rd, rb, rc, c));
  if (cc === CC.BE || cc === CC.A) {
    const t = L.pool.scratch();
    if (cc === CC.BE) { L.emit(csel(sf, t, rb, rc, COND.HS)); L.emit(csel(sf, rd, rb, t, COND.EQ)); }
    else { L.emit(csel(sf, t, rc, rb, COND.HS)); L.emit(csel(sf, rd, rc, t, COND.EQ)); }
    return L.pool.release(t);
  }
  const t = L.pool.scratch();
  parity(L, t);
  const s = nzcvSave(L, i);
  L.emit(tstImm(0, t, ONE_W));
  L.emit(csel(sf, rd, rb, rc, cc === CC.P ? COND.EQ : COND.NE));
  nzcvRestore(L, s);
  L.pool.release(t);
}

/** Branch to stub `stub` when x86 cc holds (ExitIf). */
export function branchOnCC(L: Lowerer, cc: number, stub: number): void {
  const c = armCond(L, cc);
  if (c >= 0) return L.branchToStub(bCond(c, 0 as PcOff), stub, 19);
  if (cc === CC.BE) {
    L.branchToStub(bCond(COND.HS, 0 as PcOff), stub, 19);
    return L.branchToStub(bCond(COND.EQ, 0 as PcOff), stub, 19);
  }
  if (cc === CC.A) { // !CF & !ZF: skip over the branch when CF
    L.emit(bCond(COND.HS, 2 as PcOff));
    return L.branchToStub(bCond(COND.NE, 0 as PcOff), stub, 19);
  }
  const t = L.pool.scratch();
  parity(L, t);
  // PF = 1 when the parity bit is 0.
  L.branchToStub((cc === CC.P ? tbz : tbnz)(t, u6(0), 0 as PcOff), stub, 14);
}

// ── flag-setting ops ──

/**
 * Before the host instruction of op i writes NZCV: save the live NZCV flags op i does not define.
 * Returns a token for `keepEnd` (0: nothing kept).
 */
export function keepBegin(L: Lowerer, i: number): number {
  const keep = L.an.liveAfter[i]! & NZCV_FLAGS & ~L.b.fm[i]!;
  if (!keep) return 0;
  const s = L.pool.scratch();
  if (keep === FLAG.CF) L.emit(cset(0, s, cfCond(L)));
  else L.emit(mrs(s, SYSREG.NZCV));
  return keep | (s << 8) | (L.cInv ? 1 << 16 : 0) | (i << 17);
}

/** After the host instruction: restore the kept flags; `inv` is the carry sense the op produced. */
export function keepEnd(L: Lowerer, token: number, inv: boolean): void {
  const keep = token & 0xff;
  if (!keep) { L.cInv = inv; return; }
  const s = (token >> 8) & 0xff;
  if (keep === FLAG.CF) { // s = CF as 0/1: put it back canonically
    if (L.opts.features.flagm) L.emit(rmif(s, 63 as Uimm, 2 as Uimm));
    else {
      const t = L.pool.scratch();
      L.emit(mrs(t, SYSREG.NZCV));
      L.emit(bfi(1, t, s, range(29, 1)));
      L.emit(msr(SYSREG.NZCV, t));
      L.pool.release(t);
    }
    L.pool.release(s);
    L.cInv = false;
    return;
  }
  const t = L.pool.scratch();
  L.emit(mrs(t, SYSREG.NZCV));
  // The carry sense once merged; a SetFlag run folded into the msr below may still rewrite C.
  const op = token >>> 17;
  L.cInv = keep & FLAG.CF ? (token & (1 << 16)) !== 0 : inv;
  // Bits 0..27 of NZCV read as zero, so one bfxil of bits [0, p] merges when every NZCV bit at
  // or below p may come from the source: the kept ones (from s) or, the other way round, the
  // defined ones (from t). Flags neither kept nor defined are dead and may come from either.
  const defined = L.b.fm[op]! & NZCV_FLAGS, dc = NZCV_FLAGS & ~keep & ~defined;
  const top = (m: number): number => (m & FLAG.SF ? 31 : m & FLAG.ZF ? 30 : m & FLAG.CF ? 29 : 28);
  const upTo = (m: number, p: number): boolean => [FLAG.OF, FLAG.CF, FLAG.ZF, FLAG.SF].every((f) => NZCV_BIT[f]! > p || (m & f) !== 0);
  if (upTo(keep | dc, top(keep))) {
    L.emit(bfxil(1, t, s, range(0, top(keep) + 1)));
    msrOrRun(L, op, t);
  } else if (defined && upTo(defined | dc, top(defined))) {
    L.emit(bfxil(1, s, t, range(0, top(defined) + 1)));
    msrOrRun(L, op, s);
  } else {
    // s is dead afterwards: shift each kept bit (lowest first) down to bit 0 and insert it.
    let done = 0;
    for (const f of [FLAG.OF, FLAG.CF, FLAG.ZF, FLAG.SF]) {
      if (!(keep & f)) continue;
      const p = NZCV_BIT[f]!;
      L.emit(lsrImm(1, s, s, u6(p - done)));
      L.emit(bfi(1, t, s, range(p, 1)));
      done = p;
    }
    msrOrRun(L, op, t);
  }
  L.pool.release(t);
  L.pool.release(s);
}

/** 8/16-bit add/sub NZCV: `lsl t, wA, #sh; adds|subs wzr, t, wB, lsl #sh`. */
export function subWordAddSubFlags(L: Lowerer, sub: boolean, sz: number, ra: number, rb: number): void {
  const sh = u6(32 - 8 * sz), t = L.pool.scratch();
  L.emit(lslImm(0, t, ra, sh));
  L.emit((sub ? subsShifted : addsShifted)(0, ZR, t, rb, 0, sh));
  L.pool.release(t);
}

/** 8/16-bit N, Z of a result with C = V = 0 (logic ops, TEST): `cmn wzr, wR, lsl #sh`. */
export function subWordTestFlags(L: Lowerer, sz: number, r: number): void {
  L.emit(addsShifted(0, ZR, ZR, r, 0, u6(32 - 8 * sz)));
}

/**
 * 8/16-bit ADC/SBB flags, built explicitly (the carry-in enters at bit 0, so the shifted-operand
 * trick does not apply): rd = zext(a) ± zext(b) ± carry, then each NZCV flag in fm is inserted.
 * Expects the carry sense already set (C = CF for adc, NOT CF for sbb). Returns with C canonical.
 */
export function subWordCarryOp(L: Lowerer, i: number, sub: boolean, ra: number, rb: number, rd: number): void {
  const fm = L.b.fm[i]!, s = 8 * L.b.sz[i]!, mask = s === 8 ? MASK8 : MASK16;
  // rd differs from ra and rb (the caller's dest avoids them): both stay readable to the end.
  const e = L.pool.scratch(), t = L.pool.scratch();
  L.emit(andImm(0, e, rb, mask));
  L.emit(andImm(0, rd, ra, mask));
  L.emit((sub ? sbc : adc)(0, rd, rd, e));
  if (fm & FLAG.OF) { // add: (a^r) & (b^r); sub: (a^b) & (a^r); bit s-1 of ra/rb is that of a/b
    L.emit(eorShifted(0, t, ra, sub ? rb : rd));
    L.emit(eorShifted(0, e, sub ? ra : rb, rd));
    L.emit(andShifted(0, e, e, t));
    L.emit(lsrImm(0, e, e, u6(s - 1)));
  }
  // N and Z of the narrow result in one `cmn wzr, wR, lsl #24|16` when no NZCV flag outside fm is
  // live (it also clears C and V, which are then inserted or dead); else each flag by bfi.
  const cmnNZ = (fm & (FLAG.SF | FLAG.ZF)) !== 0 && (L.an.liveAfter[i]! & NZCV_FLAGS & ~fm) === 0;
  if (cmnNZ) L.emit(addsShifted(0, ZR, ZR, rd, 0, u6(32 - s)));
  if (fm & (cmnNZ ? FLAG.CF | FLAG.OF : NZCV_FLAGS)) {
    L.emit(mrs(t, SYSREG.NZCV));
    if (fm & FLAG.OF) L.emit(bfi(1, t, e, range(28, 1)));
    if (fm & FLAG.CF) { L.emit(lsrImm(0, e, rd, u6(s))); L.emit(bfi(1, t, e, range(29, 1))); }
    if (!cmnNZ && fm & FLAG.SF) { L.emit(lsrImm(0, e, rd, u6(s - 1))); L.emit(bfi(1, t, e, range(31, 1))); }
    if (!cmnNZ && fm & FLAG.ZF) {
      L.emit(andImm(0, e, rd, mask));
      L.emit(clz(0, e, e)); // 32 only for zero
      L.emit(lsrImm(0, e, e, u6(5)));
      L.emit(bfi(1, t, e, range(30, 1)));
    }
    L.emit(msr(SYSREG.NZCV, t));
  }
  L.pool.release(t);
  L.pool.release(e);
  if (fm & FLAG.CF) L.cInv = false;
}

/** PF defined by op i: x10 = its result (only the low byte matters). */
export function writePF(L: Lowerer, i: number, rd: number): void {
  if (L.b.fm[i]! & FLAG.PF && rd !== HOST_PF) L.emit(movReg(1, HOST_PF, rd));
}

/** AF, first half (before the result is written): x11 = a ^ b; `bConst` >= 0: b is a constant with this bit 4. */
export function afBegin(L: Lowerer, i: number, ra: number, rb: number, bConst = -1): void {
  if (!(L.b.fm[i]! & FLAG.AF)) return;
  if (bConst >= 0) {
    if (bConst & 0x10) L.emit(eorImm(1, HOST_AF, ra, BIT4));
    else if (ra !== HOST_AF) L.emit(movReg(1, HOST_AF, ra)); // (afSourceDest put a there already)
  }
  else L.emit(eorShifted(1, HOST_AF, ra, rb));
}
/**
 * AF, second half (after writePF): AF = bit 4 of a ^ b ^ result = of x11 ^ x10 (ABI §4), so with
 * PF defined here (x10 = result) there is nothing left to do. PF dead: x10 = the result anyway.
 * PF live but not defined here (never for an x86 add/sub): x11 ^= result ^ x10.
 */
export function afEnd(L: Lowerer, i: number, rd: number): void {
  const fm = L.b.fm[i]!;
  if (!(fm & FLAG.AF) || fm & FLAG.PF) return;
  if (L.an.liveAfter[i]! & FLAG.PF) {
    L.emit(eorShifted(1, HOST_AF, HOST_AF, rd));
    L.emit(eorShifted(1, HOST_AF, HOST_AF, HOST_PF));
  } else if (rd !== HOST_PF) L.emit(movReg(1, HOST_PF, rd));
}
/** Logic ops and TEST (after writePF): AF = 0, i.e. x11 = x10. */
export function afZero(L: Lowerer, i: number): void {
  if (L.b.fm[i]! & FLAG.AF) L.emit(movReg(1, HOST_AF, HOST_PF));
}

/** Where an op whose result is unused puts it: x10 when PF needs it, a scratch for AF, else ZR. */
export function flagOnlyDest(L: Lowerer, i: number, zrOk: boolean): number {
  const fm = L.b.fm[i]!;
  if (fm & FLAG.PF) return HOST_PF;
  if (fm & FLAG.AF || !zrOk) return L.pool.scratch();
  return ZR;
}

// ── GetFlag / SetFlag / Cond / SelectCC ──

/** The guest flag as 0/1. */
export function lowerGetFlag(L: Lowerer, i: number): void {
  const f = L.b.a[i]!, rd = L.dest(i);
  switch (f) {
    case FLAG.CF: return L.emit(cset(0, rd, cfCond(L)));
    case FLAG.ZF: return L.emit(cset(0, rd, COND.EQ));
    case FLAG.SF: return L.emit(cset(0, rd, COND.MI));
    case FLAG.OF: return L.emit(cset(0, rd, COND.VS));
    case FLAG.PF: return condValue(L, CC.P, rd);
    case FLAG.AF: L.emit(eorShifted(1, rd, HOST_AF, HOST_PF)); return L.emit(ubfx(0, rd, rd, range(4, 1)));
    default: return L.emit(ldstUimm(LDST.LDRX, rd, HOST_STATE, (STATE.DF / 8) as Uimm12s));
  }
}

/** Set one guest flag from bit 0 of a 0/1 value; a run of NZCV SetFlags shares one mrs/msr (setFlagRun). */
export function lowerSetFlag(L: Lowerer, i: number): void {
  const b = L.b, f = b.a[i]!;
  if (f === FLAG.PF) return L.emit(eorImm(1, HOST_PF, L.reg(b.b[i]!), ONE_X));
  if (f === FLAG.AF) return L.emit(eorShifted(1, HOST_AF, HOST_PF, L.reg(b.b[i]!), 0, u6(4))); // x10 ^ v << 4
  if (f === FLAG.DF) return L.emit(ldstUimm(LDST.STRX, L.reg(b.b[i]!), HOST_STATE, (STATE.DF / 8) as Uimm12s));
  if ((f === FLAG.CF || f === FLAG.OF) && carryOverflowCcmn(L, i)) return;
  if ((f === FLAG.CF || f === FLAG.ZF) && countFlagsCcmp(L, i)) return;
  if ((f === FLAG.CF || f === FLAG.ZF) && flagFromBool(L, i)) return;
  const t = L.pool.scratch();
  L.emit(mrs(t, SYSREG.NZCV));
  nzcvRun(L, i, t);
  L.pool.release(t);
}

/** SetFlag i (cf or zf) is alone and the other NZCV flags are dead after it: flagFromBool's case (bits.ts bitToFlag leaves it alone). */
export function flagFromBoolFits(L: Lowerer, i: number): boolean {
  const f = L.b.a[i]!;
  return (f === FLAG.CF || f === FLAG.ZF) && nextNzcvSetFlag(L, i) < 0 && !(L.an.liveAfter[i]! & NZCV_FLAGS & ~f);
}

/**
 * SetFlag cf or zf of a 0/1 value alone, the other NZCV flags dead after it (undefined, or
 * overwritten before any reader): `cmp wv, #1` sets Z = C = v (v >= 1 is v = 1); N and V get
 * whatever 1 - v gives, which nothing reads. BSF/BSR's ZF, and a CF kept across an instruction that leaves the rest
 * undefined.
 */
function flagFromBool(L: Lowerer, i: number): boolean {
  const b = L.b, v = b.b[i]!;
  if (!flagFromBoolFits(L, i)) return false;
  if (L.an.skip[v] === FUSED) return false; // a Cmp fused into the run is compared there
  if (L.loose.has(v)) return false; // cmp reads the whole value; bitToFlag left bits above bit 0
  // Never the zero register: register 31 as the first operand of cmp #imm is SP.
  L.emit(cmpImm(0, L.reg(v, false), 1 as Imm12));
  if (b.a[i] === FLAG.CF) L.cInv = false;
  L.fired[RULE.flagFromBool]!++;
  return true;
}

/**
 * LZCNT/TZCNT: SetFlag cf, (Cmp eq x, 0) and SetFlag zf, (Cmp eq y, 0) (either order, both Cmps
 * fused into the run) with y = Clz/Ctz of x, so y != 0 when x = 0, and SF, OF dead after (the SDM
 * leaves them undefined). `cmp x, #0` (or `tst` of its low bytes), then `ccmn y, #0, #0b0010, ne`:
 * x != 0 gives y + 0, so Z = (y = 0) and C = 0; x = 0 gives the immediate, Z = 0 and C = 1.
 * C = CF either way: canonical, no flip.
 */
function countFlagsCcmp(L: Lowerer, i: number): boolean {
  const b = L.b, { skip } = L.an;
  let nx = i + 1; // the next SetFlag; the second Cmp (fused) and its constant may sit between
  while (nx < b.n && (b.op[nx] === OP.Nop || b.op[nx] === OP.Const || skip[nx] === DEAD || skip[nx] === FUSED)) nx++;
  if (nx >= b.n || b.op[nx] !== OP.SetFlag || skip[nx] !== 0 || (b.a[i]! | b.a[nx]!) !== (FLAG.CF | FLAG.ZF)) return false;
  const [cfOp, zfOp] = b.a[i] === FLAG.CF ? [i, nx] : [nx, i];
  const cx = b.b[cfOp]!, cy = b.b[zfOp]!;
  const zeroTest = (c: number): boolean => L.an.skip[c] === FUSED && b.op[c] === OP.Cmp && b.a[c] === REL.EQ
    && b.isConst(b.c[c]!) && b.lo[b.c[c]!] === 0 && b.hi[b.c[c]!] === 0;
  if (!zeroTest(cx) || !zeroTest(cy) || L.an.liveAfter[nx]! & (FLAG.SF | FLAG.OF)) return false;
  const x = b.b[cx]!, y = b.b[cy]!, sz = b.sz[cx]!;
  if ((b.op[y] !== OP.Ctz && b.op[y] !== OP.Clz) || b.a[y] !== x || b.sz[y] !== sz || b.sz[cy]! < 4) return false;
  const rx = L.reg(x, false), ry = L.reg(y); // rx: cmp #imm reads register 31 as SP
  if (sz >= 4) L.emit(cmpImm(sz === 8 ? 1 : 0, rx, 0 as Imm12));
  else L.emit(tstImm(0, rx, tryLogicalImm(0, sz === 2 ? 0xffff : 0xff)!));
  L.emit(ccmnImm(b.sz[cy] === 8 ? 1 : 0, ry, 0 as Uimm, 0b0010 as Uimm, COND.NE));
  L.cInv = false;
  L.an.skip[nx] = FUSED;
  L.fired[RULE.countFlagsCcmp]!++;
  return true;
}

/**
 * SetFlag cf, v and SetFlag of, v (either order) with v a Cmp fused into them (cmpIntoFlagRun)
 * and N, Z dead after the pair, or one of the two alone with the other flag dead too (`mul; jo`
 * where the jump's target sets CF before reading it): the compare sets NZCV, then
 * `ccmn xzr, #0, #0b0011, !cond` leaves C = V = 1 where cond holds (the immediate) and C = V = 0
 * where it does not (0 + 0). N and Z end up as garbage, which is why they must be dead (MUL and
 * IMUL leave SF and ZF undefined).
 */
function carryOverflowCcmn(L: Lowerer, i: number): boolean {
  const b = L.b, v = b.b[i]!, nx = nextNzcvSetFlag(L, i);
  if (L.an.skip[v] !== FUSED || b.op[v] !== OP.Cmp) return false;
  // Both flags from the one compare, or one of them alone with the other dead after it (MUL's OF
  // when only a JO reads it): C and V are both set to the condition either way.
  const pair = nx >= 0 && b.b[nx] === v && (b.a[i]! | b.a[nx]!) === (FLAG.CF | FLAG.OF);
  if (!pair && otherNzcvSetFlag(L, i)) return false; // the instruction sets more flags: the run's rules take it
  const last = pair ? nx : i, other = pair ? 0 : b.a[i] === FLAG.CF ? FLAG.OF : FLAG.CF;
  if (L.an.liveAfter[last]! & (FLAG.SF | FLAG.ZF | other)) return false;
  const c = emitCompare(L, v);
  L.emit(ccmnImm(0, ZR, 0 as Uimm, 0b0011 as Uimm, (c ^ 1) as Cond));
  L.cInv = false;
  if (pair) L.an.skip[nx] = FUSED;
  L.fired[RULE.carryOverflowCcmn]!++;
  return true;
}

/** Does the guest instruction of op i set another NZCV flag after it (up to its next Guest marker)? */
function otherNzcvSetFlag(L: Lowerer, i: number): boolean {
  const b = L.b;
  for (let k = i + 1; k < b.n && b.op[k] !== OP.Guest; k++) if (b.op[k] === OP.SetFlag && NZCV_BIT[b.a[k]!] && L.an.skip[k] !== DEAD) return true;
  return false;
}

/** The next op after i that emits code, if it is a SetFlag of an NZCV flag not yet lowered; else -1. */
function nextNzcvSetFlag(L: Lowerer, i: number): number {
  const b = L.b;
  let nx = i + 1;
  // Ops that emit nothing (removed or dead) may sit between.
  while (nx < b.n && (b.op[nx] === OP.Nop || L.an.skip[nx] === DEAD)) nx++;
  return nx < b.n && b.op[nx] === OP.SetFlag && NZCV_BIT[b.a[nx]!] && L.an.skip[nx] === 0 ? nx : -1;
}

/**
 * x`t` holds NZCV: insert SetFlag k's flag and those of the SetFlags right after it, then msr. A
 * Cmp fused into the run (rule cmpIntoFlagRun) is compared here, NZCV being saved in t, into an
 * all-ones/zero mask by csetm; OF and CF from the same mask are one two-bit bfi.
 */
function nzcvRun(L: Lowerer, k: number, t: number): void {
  const b = L.b;
  let cmpV = -1, mask = -1;
  for (;;) {
    const g = b.a[k]!, v = b.b[k]!;
    if (g === FLAG.CF) L.cInv = false; // rewriting C: the rest of NZCV's C bit is canonical
    let nx = nextNzcvSetFlag(L, k);
    if (L.an.skip[v] === 2 && b.op[v] === OP.Cmp) {
      if (cmpV !== v) {
        if (mask >= 0) L.pool.release(mask);
        const c = emitCompare(L, v);
        mask = L.pool.scratch();
        L.emit(csetm(0, mask, c as Cond));
        cmpV = v;
      }
      const pair = nx >= 0 && b.b[nx] === v && (g | b.a[nx]!) === (FLAG.CF | FLAG.OF);
      if (pair) { // bits 28 (V) and 29 (C) at once
        L.cInv = false;
        L.emit(bfi(1, t, mask, range(28, 2)));
        L.an.skip[nx] = 2;
        L.fired[RULE.setFlagRun]!++;
        k = nx;
        nx = nextNzcvSetFlag(L, k);
      } else L.emit(bfi(1, t, mask, range(NZCV_BIT[g]!, 1)));
    } else if (b.isConst(v)) L.emit(b.lo[v]! & 1 ? orrImm(1, t, t, SET_BIT[g]!) : andImm(1, t, t, CLEAR_BIT[g]!));
    else L.emit(bfi(1, t, L.reg(v), range(NZCV_BIT[g]!, 1)));
    if (nx < 0) break;
    L.an.skip[nx] = 2; // FUSED: lowered here
    L.fired[RULE.setFlagRun]!++;
    k = nx;
  }
  if (mask >= 0) L.pool.release(mask);
  L.emit(msr(SYSREG.NZCV, t));
}

/**
 * keepEnd's last step: NZCV is merged in x`t`; SetFlags right after the op (shifts by an
 * immediate: Test, then SetFlag cf) go into the same register before the one msr (setFlagRun).
 */
function msrOrRun(L: Lowerer, i: number, t: number): void {
  const nx = nextNzcvSetFlag(L, i);
  if (nx < 0) return L.emit(msr(SYSREG.NZCV, t));
  L.an.skip[nx] = 2;
  L.fired[RULE.setFlagRun]!++;
  nzcvRun(L, nx, t);
}

/** SETcc: 0/1 from the flags. */
export function lowerCond(L: Lowerer, i: number): void {
  condValue(L, L.b.a[i]!, L.dest(i));
}

/** CMOVcc. */
export function lowerSelectCC(L: Lowerer, i: number): void {
  const b = L.b, rb = L.reg(b.b[i]!), rc = L.reg(b.c[i]!);
  selectOnCC(L, i, b.a[i]!, L.dest(i), rb, rc);
}

// ── SaveFlags / RestoreFlagsIfZero (IR pass cond-flags: shifts and rotates by CL) ──

/**
 * skipFlagsIfZero: the flag updates between SaveFlags i and its RestoreFlagsIfZero R are jumped
 * over when the count is 0 (`cbz n, join`) instead of saved and put back (mrs, bfxil … cbnz, msr,
 * mov x10): when every op between is quiet (pure, SetFlag, Test: no fault, no exit, no register
 * write) and no value defined there is used after R, the skipped path leaves nothing behind but
 * the old flags, which is what a count of 0 means. Returns R, or -1 when the region does not
 * qualify.
 */
function skipRegion(L: Lowerer, i: number): number {
  const b = L.b, an = L.an;
  let R = -1;
  for (let k = i + 1; k < b.n && R < 0; k++) if (b.op[k] === OP.RestoreFlagsIfZero && b.b[k] === i) R = k;
  if (R < 0) return -1;
  for (let k = i + 1; k < R; k++) {
    const o = b.op[k]!;
    if (o === OP.Nop || an.skip[k] === DEAD) continue;
    if (!(OPS[o]!.pure || o === OP.SetFlag || o === OP.Test || o === OP.Guest)) return -1;
    // A value with code here and a use after R would be missing on the skipping path (constants
    // and register reads have no code: they are materialised or read where used).
    if (an.uses[k]! > 0 && an.lastUse[k]! > R && o !== OP.Const && o !== OP.GetReg && o !== OP.Addr) return -1;
  }
  return R;
}

/**
 * The flags of mask a in one register: NZCV as `mrs` reads it with C made canonical (C = CF), and
 * when PF is in the mask, the PF source's low byte (all that PF depends on) in bits 0..7. Under
 * skipFlagsIfZero, a `cbz` on the count to the restore's place instead (patched there), with C
 * made canonical first: both paths join with C = CF.
 */
export function lowerSaveFlags(L: Lowerer, i: number): void {
  const R = skipRegion(L, i);
  if (R >= 0) {
    setCarrySense(L, false);
    L.skipFrom = L.n;
    L.emit(cbz(L.b.sz[R] === 8 ? 1 : 0, L.reg(L.b.a[R]!), 0 as PcOff));
    L.fired[RULE.skipFlagsIfZero]!++;
    return;
  }
  const mask = L.b.a[i]!, rd = L.dest(i);
  L.emit(mrs(rd, SYSREG.NZCV));
  if (L.cInv) L.emit(eorImm(1, rd, rd, C_BIT));
  if (mask & FLAG.PF) L.emit(bfxil(1, rd, HOST_PF, range(0, 8)));
}

/**
 * `cbnz a, skip; msr nzcv, s; [mov x10, s]`: the saved flags come back when the count is 0. The
 * saved C is canonical, so C is made canonical before the branch: both paths join with C = CF.
 * Under skipFlagsIfZero: C made canonical, and the save's `cbz` lands here.
 */
export function lowerRestoreFlagsIfZero(L: Lowerer, i: number): void {
  const b = L.b, fm = b.c[i]!;
  if (L.skipFrom >= 0) {
    setCarrySense(L, false);
    const at = L.skipFrom;
    L.code[at] = cbz(b.sz[i] === 8 ? 1 : 0, (L.code[at]! & 31), (L.n - at) as PcOff);
    L.skipFrom = -1;
    return;
  }
  if (!fm) return;
  const ra = L.reg(b.a[i]!), rs = L.reg(b.b[i]!);
  setCarrySense(L, false);
  const pf = (fm & FLAG.PF) !== 0;
  L.emit(cbnz(b.sz[i] === 8 ? 1 : 0, ra, (pf ? 3 : 2) as PcOff));
  L.emit(msr(SYSREG.NZCV, rs));
  if (pf) L.emit(movReg(1, HOST_PF, rs));
}
