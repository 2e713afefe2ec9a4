/**
 * @file x86 semantics (stage 4 → 5): the vector slice's second half, SSE2/SSE3/SSE4.1/SSE4a forms
 * that only move bits: lane duplicates (MOVDDUP, MOVSLDUP, MOVSHDUP), half moves (MOVHLPS,
 * MOVLHPS), shuffles (PSHUFLW, PSHUFHW, SHUFPS, SHUFPD), word inserts and extracts (PINSRW,
 * PEXTRW), the unaligned load LDDQU, the scalar non-temporal stores (MOVNTSS, MOVNTSD) and the
 * bit-field forms (EXTRQ, INSERTQ). No element is computed on: SHUFPS/SHUFPD are named after
 * floats but only choose lanes, so MXCSR is never involved. MMX `mm` forms fall back (vector.ts).
 *
 * A duplicating load of memory is loaded into the destination first and duplicated there: the
 * destination is written anyway, and a faulting load leaves it untouched (ABI §9).
 *
 *   MOVDDUP(b, i, c)   // movddup xmm1, [rbx] → VLoad.8 xmm1, v1; VShuf32 xmm1, xmm1, 0x44
 */
import type { IrBlock, Value } from "../../ir/index.ts";
import { K, type Insn } from "../insn.ts";
import { effAddr, gprNum, isGpr, memAttr, readReg, type SemCtx } from "./_operand.ts";
import { isMem, source, xmm } from "./vector.ts";

/** xmm ← the 32-bit lanes of xmm/m (`bytes` of it loaded) chosen by imm8, as PSHUFD does. */
function duplicate(b: IrBlock, i: Insn, bytes: 8 | 16, imm8: number): boolean {
  const d = xmm(i, 0), s = xmm(i, 1);
  if (d < 0) return false;
  if (s >= 0) b.vshuf32(d, s, imm8);
  else if (isMem(i, 1)) {
    b.vload(bytes, d, effAddr(b, i), memAttr(i));
    b.vshuf32(d, d, imm8);
  } else return false;
  return true;
}

/** MOVDDUP—Replicate Double Precision Floating-Point Values: both quadwords = the low one of xmm/m64. */
export const MOVDDUP = (b: IrBlock, i: Insn, _c: SemCtx): boolean => duplicate(b, i, 8, 0x44);
/** MOVSLDUP—Replicate Single Precision Floating-Point Values: lanes (0, 0, 2, 2). */
export const MOVSLDUP = (b: IrBlock, i: Insn, _c: SemCtx): boolean => duplicate(b, i, 16, 0xa0);
/** MOVSHDUP—Replicate Single Precision Floating-Point Values: lanes (1, 1, 3, 3). */
export const MOVSHDUP = (b: IrBlock, i: Insn, _c: SemCtx): boolean => duplicate(b, i, 16, 0xf5);

/** LDDQU—Load Unaligned Integer 128 Bits (memory source only). */
export function LDDQU(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const d = xmm(i, 0);
  if (d < 0 || !isMem(i, 1)) return false;
  b.vload(16, d, effAddr(b, i), memAttr(i));
  return true;
}

/** MOVNTSS/MOVNTSD (SSE4a)—Move Non-Temporal Scalar: store the low element; the hint is dropped. */
function storeScalarNT(b: IrBlock, i: Insn, sz: 4 | 8): boolean {
  const s = xmm(i, 1);
  if (!isMem(i, 0) || s < 0) return false;
  b.vstore(sz, effAddr(b, i), s, 0, memAttr(i));
  return true;
}
export const MOVNTSS = (b: IrBlock, i: Insn, _c: SemCtx): boolean => storeScalarNT(b, i, 4);
export const MOVNTSD = (b: IrBlock, i: Insn, _c: SemCtx): boolean => storeScalarNT(b, i, 8);

/** MOVHLPS—Move Packed Single-Precision Values High to Low: dst's low quadword = src's high one. */
export function MOVHLPS(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const d = xmm(i, 0), s = xmm(i, 1);
  if (d < 0 || s < 0) return false;
  b.vinsLane(8, d, 0, s, 1);
  return true;
}

/** MOVLHPS—Move Packed Single-Precision Values Low to High: dst's high quadword = src's low one. */
export function MOVLHPS(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const d = xmm(i, 0), s = xmm(i, 1);
  if (d < 0 || s < 0) return false;
  b.vinsLane(8, d, 1, s, 0);
  return true;
}

/** PSHUFLW/PSHUFHW: one half's four words shuffled by imm8, the other half copied. */
function shuffleWords(b: IrBlock, i: Insn, half: 0 | 1): boolean {
  const d = xmm(i, 0);
  if (d < 0 || (xmm(i, 1) < 0 && !isMem(i, 1))) return false;
  b.vshuf16(d, source(b, i), half, i.imm & 0xff);
  return true;
}
/** PSHUFLW—Shuffle Packed Low Words. */
export const PSHUFLW = (b: IrBlock, i: Insn, _c: SemCtx): boolean => shuffleWords(b, i, 0);
/** PSHUFHW—Shuffle Packed High Words. */
export const PSHUFHW = (b: IrBlock, i: Insn, _c: SemCtx): boolean => shuffleWords(b, i, 1);

/** SHUFPS/SHUFPD: the low result lanes chosen from dst, the high ones from src. */
function shufflePair(b: IrBlock, i: Insn, sz: 4 | 8): boolean {
  const d = xmm(i, 0);
  if (d < 0 || (xmm(i, 1) < 0 && !isMem(i, 1))) return false;
  b.vshufPair(sz, d, source(b, i), i.imm & (sz === 4 ? 0xff : 3));
  return true;
}
/** SHUFPS—Packed Interleave Shuffle of Quadruplets of Single-Precision Floating-Point Values. */
export const SHUFPS = (b: IrBlock, i: Insn, _c: SemCtx): boolean => shufflePair(b, i, 4);
/** SHUFPD—Packed Interleave Shuffle of Pairs of Double-Precision Floating-Point Values. */
export const SHUFPD = (b: IrBlock, i: Insn, _c: SemCtx): boolean => shufflePair(b, i, 8);

/** PINSRW—Insert Word: word (imm8 & 7) of xmm = the low word of r32 or m16. */
export function PINSRW(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const d = xmm(i, 0), lane = i.imm & 7;
  if (d < 0) return false;
  if (i.kind[1] === K.REG && isGpr(i.reg[1]!)) b.vinsGpr(2, d, lane, readReg(b, i.reg[1]!));
  else if (isMem(i, 1)) b.vloadLane(2, d, effAddr(b, i), lane, memAttr(i));
  else return false;
  return true;
}

/** PEXTRW—Extract Word: r32/r64 = word (imm8 & 7) of xmm, zero-extended; or m16 = it (the SSE4.1 form). */
export function PEXTRW(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const s = xmm(i, 1), lane = i.imm & 7;
  if (s < 0) return false;
  if (i.kind[0] === K.REG && isGpr(i.reg[0]!)) {
    // Zero-extended from 16 bits: a 32- or 64-bit register write needs no Zext.
    b.setReg(gprNum(i.reg[0]!), b.vlaneToGpr(2, s, lane));
  } else if (isMem(i, 0)) b.vstore(2, effAddr(b, i), s, lane, memAttr(i));
  else return false;
  return true;
}

/**
 * The field of EXTRQ/INSERTQ with immediates (AMD APM Vol. 4): length imm8[5:0] (0 means 64), index
 * imm2[5:0]. AMD leaves index + length > 64 (and length 0 with a nonzero index) undefined; the
 * field is then cut at bit 64, as the shift-and-mask definition of the instruction gives.
 */
function field(i: Insn): [lsb: number, width: number] {
  const len = i.imm & 63 || 64, lsb = i.imm2 & 63;
  return [lsb, Math.min(len, 64 - lsb)];
}

/** ~0 >>> (64 - len) for a length in 1..64 given as len & 63: the mask of a variable-length field. */
function lengthMask(b: IrBlock, len: Value): Value {
  return b.shr(8, b.const(8, -1n), b.and(8, b.neg(8, len), b.const(8, 63)));
}

/**
 * EXTRQ (SSE4a)—Extract Field From Register: the low quadword of xmm1 = its field, zero-extended.
 * The upper quadword is undefined per AMD; it is left as it was. Register form: length xmm2[5:0],
 * index xmm2[13:8].
 */
export function EXTRQ(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const d = xmm(i, 0);
  if (d < 0) return false;
  if (i.opCount > 1 && i.kind[1] === K.IMM) {
    const [lsb, width] = field(i);
    b.vinsGpr(8, d, 0, b.ubfx(b.vlaneToGpr(8, d, 0), lsb, width));
    return true;
  }
  const s = xmm(i, 1);
  if (s < 0) return false;
  const ctl = b.vlaneToGpr(2, s, 0);
  const len = b.and(8, ctl, b.const(8, 63)), lsb = b.ubfx(ctl, 8, 6);
  const x = b.shr(8, b.vlaneToGpr(8, d, 0), lsb);
  b.vinsGpr(8, d, 0, b.and(8, x, lengthMask(b, len)));
  return true;
}

/**
 * INSERTQ (SSE4a)—Insert Field: the field of xmm1's low quadword = the low bits of xmm2. The upper
 * quadword is undefined per AMD; it is left as it was. Register form: length xmm2[69:64], index
 * xmm2[77:72] (the same order as EXTRQ's, one quadword up).
 */
export function INSERTQ(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const d = xmm(i, 0), s = xmm(i, 1);
  if (d < 0 || s < 0) return false;
  if (i.opCount > 2 && i.kind[2] === K.IMM) {
    const [lsb, width] = field(i);
    b.vinsBits(d, s, lsb, width);
    return true;
  }
  const ctl = b.vlaneToGpr(2, s, 4);
  const len = b.and(8, ctl, b.const(8, 63)), lsb = b.ubfx(ctl, 8, 6);
  const mask = lengthMask(b, len);
  const src = b.and(8, b.vlaneToGpr(8, s, 0), mask), dst = b.vlaneToGpr(8, d, 0);
  const kept = b.and(8, dst, b.not(8, b.shl(8, mask, lsb)));
  b.vinsGpr(8, d, 0, b.or(8, kept, b.shl(8, src, lsb)));
  return true;
}

/** Every mnemonic of this half of the slice, by its key in the tables. */
export const SHUFFLE_SEMANTICS = {
  MOVDDUP, MOVSLDUP, MOVSHDUP, LDDQU, MOVNTSS, MOVNTSD, MOVHLPS, MOVLHPS,
  PSHUFLW, PSHUFHW, SHUFPS, SHUFPD, PINSRW, PEXTRW, EXTRQ, INSERTQ,
};

/** Their mnemonics whose F3/F2 prefix is part of the opcode. */
export const SHUFFLE_MANDATORY_REP: readonly string[] = ["MOVDDUP", "MOVSLDUP", "MOVSHDUP", "LDDQU", "MOVNTSS", "MOVNTSD", "PSHUFLW", "PSHUFHW", "INSERTQ"];
