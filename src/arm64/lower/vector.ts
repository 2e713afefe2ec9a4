/**
 * @file Stage 6 (ARM64 lowering): the vector slice (ABI §3.2). Guest XMMn lives in vn for the whole
 * block, so moves, bitwise ops, compares, unpacks and shuffles are one or two host SIMD words on
 * the homes. Memory accesses follow memory.ts (offset folding, a fault side-table entry right
 * before the access) but are plain unless the volatile metadata orders them (ABI §8).
 *
 * The vector scratch `XT` and the scratch of the multi-word lowerings (VMoveMask, a PSHUFD onto
 * its own source) borrow a guest vector register the instruction does not name: v15 first. A
 * 32-bit guest has no XMM8-15, so v15 is free; an ARM64EC guest uses all of v0-v15 and may not
 * touch v16-v31, so the borrowed register is parked at STATE.VSCRATCH first and reloaded after
 * its last use in the same instruction. A fault in between can only come from the access that
 * fills XT, which does not write its register: the parked value is still in place.
 *
 *   VLoad.16 xt, v3; VBin xmm1, xt, xor → str q15, [x12, #0xd0]; ldr q15, [x9]; eor v1, v1, v15; ldr q15, [x12, #0xd0]
 */
import { MEM, OP, OPS, VOP, XT } from "../../ir/ops.ts";
import { STATE } from "../../ir/state.ts";
import { tryByteMask64, tryVecShift, type ModImm, type Uimm12s, type Uimm6, type VecShift } from "../imm.ts";
import { lsrImm } from "../isa/bitfield.ts";
import { FTYPE, fmovFromGp, fmovReg, fmovToGp } from "../isa/fp.ts";
import { LDST, ldstUimm, type LdSt } from "../isa/load-store.ts";
import { orrShifted } from "../isa/logical.ts";
import { LOGIC3, PERMUTE, SIMD3, dupElem, ext, movElem, movVec, permute, simd3, simdLogic, umov } from "../isa/simd.ts";
import { MISC, simdMisc } from "../isa/simd-misc.ts";
import { ldstLane } from "../isa/simd-mem.ts";
import { SHIFT_IMM, moviV2d, shiftImm } from "../isa/simd-shift.ts";
import { BARRIER, dmb } from "../isa/system.ts";
import type { Reg } from "../regs.ts";
import type { Lowerer } from "./context.ts";
import { base, plain } from "./memory.ts";
import { HOST_STATE, HOST_VSCRATCH_ORDER } from "./regmap.ts";

const u6 = (x: number): Uimm6 => x as Uimm6;
const ZERO = tryByteMask64(0n) as ModImm;
const right = (size: number, n: number): VecShift => tryVecShift(size, "right", n)!;
const VLOAD: Record<number, LdSt> = { 4: LDST.LDR_S, 8: LDST.LDR_D, 16: LDST.LDR_Q };
const VSTORE: Record<number, LdSt> = { 2: LDST.STR_H, 4: LDST.STR_S, 8: LDST.STR_D, 16: LDST.STR_Q };
const SPILL = (STATE.VSCRATCH / 16) as Uimm12s;
/** Element size field (B, H, S, D) of lane accesses and moves, by bytes. */
export const LANE_SIZE: Record<number, 0 | 1 | 2 | 3> = { 1: 0, 2: 1, 4: 2, 8: 3 };

/**
 * Vector accesses are plain unless marked ordered (volatile metadata, MEM.ORDERED), under every
 * policy: ABI §8 explains why x86's orders still hold for the synchronisation real code does.
 */
const vectorOrdered = (attrs: number): boolean => (attrs & MEM.ORDERED) !== 0;

/** The guest XMM numbers the ops of the current guest instruction name (from op i to the next Guest). */
function namedHere(L: Lowerer, i: number): number {
  const b = L.b;
  let mask = 0;
  for (let k = i; k < b.n && b.op[k] !== OP.Guest; k++) {
    const o = b.op[k]!;
    if (o === OP.VStore) mask |= 1 << b.b[k]!;
    else if (o >= OP.VZero && o <= OP.VMoveMask) mask |= (1 << b.a[k]!) | (OPS[o]!.args[1] === "x" ? 1 << b.b[k]! : 0);
  }
  return mask;
}

/** Borrow a vector register the current instruction does not name (parked for ARM64EC guests). */
export function borrow(L: Lowerer, i: number, avoid: number): Reg {
  const named = namedHere(L, i) | avoid;
  const r = HOST_VSCRATCH_ORDER.find((v) => !(named & (1 << v)))!;
  if (L.b.mode === 64) L.emit(ldstUimm(LDST.STR_Q, r, HOST_STATE, SPILL));
  return r;
}

/** Give a borrowed register back. */
export function giveBack(L: Lowerer, r: Reg): void {
  if (L.b.mode === 64) L.emit(ldstUimm(LDST.LDR_Q, r, HOST_STATE, SPILL));
}

/** Host register of x operand x at op i: vn, or the register XT borrowed. */
export function vreg(L: Lowerer, x: number): Reg {
  if (x !== XT) return x;
  if (L.xt < 0) throw new Error(`arm64 lowering: xt read at op ${L.cur} before a VLoad filled it`);
  return L.xt;
}

/** After an op that read XT: its one use is over, give the register back. */
export function doneWithXt(L: Lowerer, ...xs: number[]): void {
  if (!xs.includes(XT) || L.xt < 0) return;
  giveBack(L, L.xt);
  L.xt = -1;
}

export function lowerVZero(L: Lowerer, i: number): void {
  L.emit(moviV2d(vreg(L, L.b.a[i]!), ZERO));
}

export function lowerVMov(L: Lowerer, i: number): void {
  const b = L.b, d = vreg(L, b.a[i]!), n = vreg(L, b.b[i]!);
  if (d !== n) L.emit(movVec(1, d, n));
  doneWithXt(L, b.b[i]!);
}

/** MOVSS/MOVSD xmm, xmm: insert the low element. */
export function lowerVMovLow(L: Lowerer, i: number): void {
  const b = L.b, d = vreg(L, b.a[i]!), n = vreg(L, b.b[i]!);
  if (d !== n) L.emit(movElem(b.sz[i] === 8 ? 3 : 2, d, 0, n, 0));
  doneWithXt(L, b.b[i]!);
}

/** MOVQ xmm, xmm: a scalar fmov writes the low element and zeroes the rest of the register. */
export function lowerVZextLow(L: Lowerer, i: number): void {
  const b = L.b, d = vreg(L, b.a[i]!), n = vreg(L, b.b[i]!);
  L.emit(fmovReg(b.sz[i] === 8 ? FTYPE.D : FTYPE.S, d, n));
  doneWithXt(L, b.b[i]!);
}

/** ldr s/d/q (the scalar forms zero the rest of the register, as MOVD/MOVQ/MOVSS loads do). */
export function lowerVLoad(L: Lowerer, i: number): void {
  const b = L.b, x = b.a[i]!, sz = b.sz[i]!;
  const rn = base(L, b.b[i]!, sz);
  if (x === XT) {
    if (L.xt >= 0) throw new Error(`arm64 lowering: xt filled twice at op ${i}`);
    L.xt = borrow(L, i, 0);
  }
  L.faultEntry();
  L.emit(plain(VLOAD[sz]!, sz, vreg(L, x), rn));
  if (vectorOrdered(b.c[i]!)) L.emit(dmb(BARRIER.ISHLD));
}

/** MOVLPS/MOVHPS loads: ld1 {vN.d}[lane]; PINSRW from memory: ld1 {vN.h}[lane]. */
export function lowerVLoadLane(L: Lowerer, i: number): void {
  const b = L.b, rn = L.reg(b.b[i]!, false);
  L.faultEntry();
  L.emit(ldstLane(1, LANE_SIZE[b.sz[i]!]!, b.c[i]!, vreg(L, b.a[i]!), rn));
  if (vectorOrdered(b.d[i]!)) L.emit(dmb(BARRIER.ISHLD));
}

/** str s/d/q of lane 0; st1 {vN.d}[1] of the high half (MOVHPS store), st1 {vN.h}[k] of a word (PEXTRW m16). */
export function lowerVStore(L: Lowerer, i: number): void {
  const b = L.b, sz = b.sz[i]!, lane = b.c[i]!, x = vreg(L, b.b[i]!);
  if (lane === 0 && VSTORE[sz] !== undefined) {
    const rn = base(L, b.a[i]!, sz);
    if (vectorOrdered(b.d[i]!)) L.emit(dmb(BARRIER.ISHST));
    L.faultEntry();
    L.emit(plain(VSTORE[sz]!, sz, x, rn));
  } else {
    const rn = L.reg(b.a[i]!, false);
    if (vectorOrdered(b.d[i]!)) L.emit(dmb(BARRIER.ISHST));
    L.faultEntry();
    L.emit(ldstLane(0, LANE_SIZE[sz]!, lane, x, rn));
  }
}

/** MOVD/MOVQ xmm, r: fmov from a general register zeroes the rest of the vector register. */
export function lowerVFromGpr(L: Lowerer, i: number): void {
  const b = L.b, sf = b.sz[i] === 8 ? 1 : 0;
  L.emit(fmovFromGp(sf, sf ? FTYPE.D : FTYPE.S, vreg(L, b.a[i]!), L.reg(b.b[i]!)));
}

/** MOVD/MOVQ r, xmm. */
export function lowerVToGpr(L: Lowerer, i: number): void {
  const b = L.b, sf = b.sz[i] === 8 ? 1 : 0, rd = L.dest(i);
  L.emit(fmovToGp(sf, sf ? FTYPE.D : FTYPE.S, rd, vreg(L, b.a[i]!)));
}

/** One three-register word per operation: and/orr/eor/bic, cmeq, zip1/zip2. */
export function lowerVBin(L: Lowerer, i: number): void {
  const b = L.b, d = vreg(L, b.a[i]!), m = vreg(L, b.b[i]!), op = b.c[i]!;
  switch (op) {
    case VOP.AND: L.emit(simdLogic(LOGIC3.AND, 1, d, d, m)); break;
    case VOP.OR: L.emit(simdLogic(LOGIC3.ORR, 1, d, d, m)); break;
    case VOP.XOR: L.emit(simdLogic(LOGIC3.EOR, 1, d, d, m)); break;
    // x86 ANDN is ~a & b; ARM BIC is n & ~m.
    case VOP.ANDN: L.emit(simdLogic(LOGIC3.BIC, 1, d, m, d)); break;
    case VOP.CMPEQ8: case VOP.CMPEQ16: case VOP.CMPEQ32:
      L.emit(simd3(SIMD3.CMEQ, 1, (op - VOP.CMPEQ8) as 0 | 1 | 2, d, d, m));
      break;
    default: {
      const high = op >= VOP.UNPCKH8, size = (op - (high ? VOP.UNPCKH8 : VOP.UNPCKL8)) as 0 | 1 | 2 | 3;
      L.emit(permute(high ? PERMUTE.ZIP2 : PERMUTE.ZIP1, 1, size, d, d, m));
    }
  }
  doneWithXt(L, b.b[i]!);
}

/** PSHUFD patterns that are one or two words, by imm8 (the rest: element moves). */
function shufIdiom(L: Lowerer, imm: number, d: Reg, n: Reg): boolean {
  const s0 = imm & 3, s1 = (imm >> 2) & 3, s2 = (imm >> 4) & 3, s3 = imm >> 6;
  if (imm === 0xe4) { if (d !== n) L.emit(movVec(1, d, n)); return true; }
  if (s0 === s1 && s1 === s2 && s2 === s3) { L.emit(dupElem(2, 1, d, n, s0)); return true; }
  if (imm === 0x44 || imm === 0xee) { L.emit(dupElem(3, 1, d, n, imm === 0x44 ? 0 : 1)); return true; }
  // Rotations by one, two or three lanes.
  const rot: Record<number, number> = { 0x39: 4, 0x4e: 8, 0x93: 12 };
  if (rot[imm] !== undefined) { L.emit(ext(1, d, n, n, rot[imm]!)); return true; }
  if (imm === 0xb1) { L.emit(simdMisc(MISC.REV64, 1, 2, d, n)); return true; }
  if (imm === 0x1b) { L.emit(simdMisc(MISC.REV64, 1, 2, d, n)); L.emit(ext(1, d, d, d, 8)); return true; }
  const perm: Record<number, number> = { 0x50: PERMUTE.ZIP1, 0xfa: PERMUTE.ZIP2, 0xa0: PERMUTE.TRN1, 0xf5: PERMUTE.TRN2, 0x88: PERMUTE.UZP1, 0xdd: PERMUTE.UZP2 };
  const p = perm[imm];
  if (p !== undefined) { L.emit(permute(p as (typeof PERMUTE)[keyof typeof PERMUTE], 1, 2, d, n, n)); return true; }
  return false;
}

/** PSHUFD: an idiom when imm8 is one, else one element move per lane (from a borrowed copy when d = n). */
export function lowerVShuf32(L: Lowerer, i: number): void {
  const b = L.b;
  shuffle32(L, i, vreg(L, b.a[i]!), vreg(L, b.b[i]!), b.c[i]! & 0xff);
  doneWithXt(L, b.b[i]!);
}

/** d = the 32-bit lanes of n0 chosen by imm (PSHUFD; SHUFPS of a register with itself). */
export function shuffle32(L: Lowerer, i: number, d: Reg, n0: Reg, imm: number): void {
  if (!shufIdiom(L, imm, d, n0)) {
    let n = n0, t = -1;
    if (d === n0) {
      t = borrow(L, i, (1 << d) | (L.xt >= 0 ? 1 << L.xt : 0));
      L.emit(movVec(1, t, n0));
      n = t;
    }
    for (let lane = 0; lane < 4; lane++) {
      const s = (imm >> (2 * lane)) & 3;
      if (d === n0 && s === lane) continue; // the lane is already in place
      L.emit(movElem(2, d, lane, n, s));
    }
    if (t >= 0) giveBack(L, t);
  }
}

/**
 * PMOVMSKB/MOVMSKPS/MOVMSKPD. Bytes: ushr #7 leaves each byte's top bit, three usra steps fold the
 * bits of each half into its byte 0 (lanes 16, 32, 64 bits: shift 7, 14, 28); singles: ushr #31,
 * one usra #31 at 64 bits; doubles: the two sign bits straight from general registers.
 */
export function lowerVMoveMask(L: Lowerer, i: number): void {
  const b = L.b, x = vreg(L, b.a[i]!), esz = b.sz[i]!, rd = L.dest(i), t = L.pool.scratch();
  if (esz === 8) {
    L.emit(umov(3, t, x, 1));
    L.emit(fmovToGp(1, FTYPE.D, rd, x));
    L.emit(lsrImm(1, rd, rd, u6(63)));
    L.emit(lsrImm(1, t, t, u6(63)));
    L.emit(orrShifted(0, rd, rd, t, 0, u6(1)));
    return;
  }
  const v = borrow(L, i, (1 << x) | (L.xt >= 0 ? 1 << L.xt : 0));
  if (esz === 1) {
    L.emit(shiftImm(SHIFT_IMM.USHR, 1, right(0, 7), v, x));
    L.emit(shiftImm(SHIFT_IMM.USRA, 1, right(1, 7), v, v));
    L.emit(shiftImm(SHIFT_IMM.USRA, 1, right(2, 14), v, v));
    L.emit(shiftImm(SHIFT_IMM.USRA, 1, right(3, 28), v, v));
  } else {
    L.emit(shiftImm(SHIFT_IMM.USHR, 1, right(2, 31), v, x));
    L.emit(shiftImm(SHIFT_IMM.USRA, 1, right(3, 31), v, v));
  }
  L.emit(umov(0, rd, v, 0));
  L.emit(umov(0, t, v, 8));
  giveBack(L, v);
  L.emit(orrShifted(0, rd, rd, t, 0, u6(esz === 1 ? 8 : 2)));
  doneWithXt(L, b.a[i]!);
}

