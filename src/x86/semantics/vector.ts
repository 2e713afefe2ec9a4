/**
 * @file x86 semantics (stage 4 → 5): the first vector slice, SSE/SSE2 forms with no arithmetic —
 * moves between XMM registers, memory and general registers, bitwise logic, compare-equal,
 * unpacks, PSHUFD and the move-mask instructions (SDM Vol. 2; the 128-bit legacy-SSE encodings
 * only: MMX `mm` forms and VEX/EVEX forms fall back). One function per mnemonic; mnemonics that
 * are the same operation on different element types share a helper.
 *
 * A memory source of a two-operand form is loaded into the vector scratch `XT` first (ops.ts,
 * ABI §3.2). Legacy SSE raises #GP on a misaligned 16-byte operand of the aligned forms (MOVAPS,
 * MOVDQA, PXOR m128…); like FEX we do not check: the access simply works, as it does for the
 * unaligned forms.
 *
 *   PXOR(b, i, c)   // pxor xmm1, [rbx+16] → VLoad.16 xt, (rbx+16); VBin xmm1, xt, xor
 */
import { VOP, XT, type IrBlock } from "../../ir/index.ts";
import { K, type Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { effAddr, gprNum, isGpr, memAttr, readReg, regSize, type SemCtx } from "./_operand.ts";

/** XMM number of operand k (0..15), or -1 when it is not an XMM register (MMX, GPR, memory). */
export function xmm(i: Insn, k: number): number {
  if (i.kind[k] !== K.REG) return -1;
  const x = i.reg[k]! - R.XMM;
  return x >= 0 && x < 16 ? x : -1;
}
export const isMem = (i: Insn, k: number): boolean => i.kind[k] === K.MEM;

/** A full 128-bit move: xmm ← xmm/m128, or m128 ← xmm. */
function move128(b: IrBlock, i: Insn): boolean {
  const d = xmm(i, 0), s = xmm(i, 1);
  if (d >= 0 && s >= 0) b.vmov(d, s);
  else if (d >= 0 && isMem(i, 1)) b.vload(16, d, effAddr(b, i), memAttr(i));
  else if (isMem(i, 0) && s >= 0) b.vstore(16, effAddr(b, i), s, 0, memAttr(i));
  else return false;
  return true;
}

/** MOVAPS—Move Aligned Packed Single-Precision Floating-Point Values. */
export const MOVAPS = (b: IrBlock, i: Insn, _c: SemCtx): boolean => move128(b, i);
/** MOVUPS—Move Unaligned Packed Single-Precision Floating-Point Values. */
export const MOVUPS = (b: IrBlock, i: Insn, _c: SemCtx): boolean => move128(b, i);
/** MOVAPD—Move Aligned Packed Double-Precision Floating-Point Values. */
export const MOVAPD = (b: IrBlock, i: Insn, _c: SemCtx): boolean => move128(b, i);
/** MOVUPD—Move Unaligned Packed Double-Precision Floating-Point Values. */
export const MOVUPD = (b: IrBlock, i: Insn, _c: SemCtx): boolean => move128(b, i);
/** MOVDQA—Move Aligned Packed Integer Values. */
export const MOVDQA = (b: IrBlock, i: Insn, _c: SemCtx): boolean => move128(b, i);
/** MOVDQU—Move Unaligned Packed Integer Values. */
export const MOVDQU = (b: IrBlock, i: Insn, _c: SemCtx): boolean => move128(b, i);
/** MOVNTPS/MOVNTPD/MOVNTDQ—Store Using Non-Temporal Hint: the hint is dropped, the store ordered as any other. */
const storeNT = (b: IrBlock, i: Insn): boolean => isMem(i, 0) && move128(b, i);
export const MOVNTPS = (b: IrBlock, i: Insn, _c: SemCtx): boolean => storeNT(b, i);
export const MOVNTPD = (b: IrBlock, i: Insn, _c: SemCtx): boolean => storeNT(b, i);
export const MOVNTDQ = (b: IrBlock, i: Insn, _c: SemCtx): boolean => storeNT(b, i);

/**
 * MOVD/MOVQ—Move Doubleword/Move Quadword between XMM and general registers or memory (66 0F 6E,
 * 66 0F 7E; with REX.W the 64-bit MOVQ). To XMM the value is zero-extended to 128 bits.
 */
function movGpr(b: IrBlock, i: Insn, sz: 4 | 8): boolean {
  const d = xmm(i, 0), s = xmm(i, 1);
  if (d >= 0 && i.kind[1] === K.REG && s < 0) {
    if (!isGpr(i.reg[1]!) || regSize(i.reg[1]!) !== sz) return false;
    b.vfromGpr(sz, d, readReg(b, i.reg[1]!));
  } else if (d >= 0 && isMem(i, 1)) b.vload(sz, d, effAddr(b, i), memAttr(i));
  else if (s >= 0 && i.kind[0] === K.REG && d < 0) {
    if (!isGpr(i.reg[0]!) || regSize(i.reg[0]!) !== sz) return false;
    // The value is zero-extended from sz bytes already: the 32-bit write needs no Zext.
    b.setReg(gprNum(i.reg[0]!), b.vtoGpr(sz, s));
  } else if (s >= 0 && isMem(i, 0)) b.vstore(sz, effAddr(b, i), s, 0, memAttr(i));
  else return false;
  return true;
}

/** MOVD—Move Doubleword (XMM forms). */
export function MOVD(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return movGpr(b, i, 4);
}

/**
 * MOVQ—Move Quadword: the GPR forms (66 REX.W 0F 6E/7E) as MOVD; `movq xmm1, xmm2/m64` (F3 0F 7E)
 * zero-extends the low quadword; `movq xmm2/m64, xmm1` (66 0F D6) the same in the other direction.
 */
export function MOVQ(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const d = xmm(i, 0), s = xmm(i, 1);
  if (d >= 0 && s >= 0) return b.vzextLow(8, d, s), true;
  return movGpr(b, i, 8);
}

/** MOVSS/MOVSD (SSE): register to register merges the low element; a load zero-extends; a store writes the element. */
function moveScalar(b: IrBlock, i: Insn, sz: 4 | 8): boolean {
  const d = xmm(i, 0), s = xmm(i, 1);
  if (d >= 0 && s >= 0) b.vmovLow(sz, d, s);
  else if (d >= 0 && isMem(i, 1)) b.vload(sz, d, effAddr(b, i), memAttr(i));
  else if (isMem(i, 0) && s >= 0) b.vstore(sz, effAddr(b, i), s, 0, memAttr(i));
  else return false;
  return true;
}

/** MOVSS—Move or Merge Scalar Single-Precision Floating-Point Value. */
export function MOVSS(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return moveScalar(b, i, 4);
}

/** MOVSD—Move or Merge Scalar Double-Precision Floating-Point Value (the SSE form; index.ts routes the string MOVSD away). */
export function MOVSD_SSE(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return moveScalar(b, i, 8);
}

/** MOVLPS/MOVLPD (lane 0) and MOVHPS/MOVHPD (lane 1): one quadword lane from or to memory, the other lane kept. */
function moveLane(b: IrBlock, i: Insn, lane: 0 | 1): boolean {
  const d = xmm(i, 0), s = xmm(i, 1);
  if (d >= 0 && isMem(i, 1)) b.vloadLane(8, d, effAddr(b, i), lane, memAttr(i));
  else if (isMem(i, 0) && s >= 0) b.vstore(8, effAddr(b, i), s, lane, memAttr(i));
  else return false;
  return true;
}

/** MOVLPS—Move Low Packed Single-Precision Floating-Point Values. */
export const MOVLPS = (b: IrBlock, i: Insn, _c: SemCtx): boolean => moveLane(b, i, 0);
/** MOVLPD—Move Low Packed Double-Precision Floating-Point Value. */
export const MOVLPD = (b: IrBlock, i: Insn, _c: SemCtx): boolean => moveLane(b, i, 0);
/** MOVHPS—Move High Packed Single-Precision Floating-Point Values. */
export const MOVHPS = (b: IrBlock, i: Insn, _c: SemCtx): boolean => moveLane(b, i, 1);
/** MOVHPD—Move High Packed Double-Precision Floating-Point Value. */
export const MOVHPD = (b: IrBlock, i: Insn, _c: SemCtx): boolean => moveLane(b, i, 1);

/**
 * The source operand (operand 1) as an XMM number: the register, or XT after a 16-byte load.
 * -1 when the destination is not an XMM register or the source is neither (an MMX form).
 */
export function source(b: IrBlock, i: Insn): number {
  if (xmm(i, 0) < 0) return -1;
  const s = xmm(i, 1);
  if (s >= 0) return s;
  if (!isMem(i, 1)) return -1;
  b.vload(16, XT, effAddr(b, i), memAttr(i));
  return XT;
}

/** dst = op(dst, src) lane by lane; `zeroSame`: the same register on both sides gives 0 (XOR, ANDN). */
function binary(b: IrBlock, i: Insn, op: number, zeroSame = false): boolean {
  const d = xmm(i, 0);
  if (d < 0 || (xmm(i, 1) < 0 && !isMem(i, 1))) return false;
  if (zeroSame && xmm(i, 1) === d) return b.vzero(d), true;
  b.vbin(op, d, source(b, i));
  return true;
}

/** PXOR—Logical Exclusive OR. */
export const PXOR = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.XOR, true);
/** POR—Bitwise Logical OR. */
export const POR = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.OR);
/** PAND—Logical AND. */
export const PAND = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.AND);
/** PANDN—Logical AND NOT: dst = ~dst & src. */
export const PANDN = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.ANDN, true);
/** XORPS/XORPD—Bitwise Logical XOR of Packed Single/Double-Precision Values. */
export const XORPS = PXOR;
export const XORPD = PXOR;
/** ORPS/ORPD—Bitwise Logical OR of Packed Single/Double-Precision Values. */
export const ORPS = POR;
export const ORPD = POR;
/** ANDPS/ANDPD—Bitwise Logical AND of Packed Single/Double-Precision Values. */
export const ANDPS = PAND;
export const ANDPD = PAND;
/** ANDNPS/ANDNPD—Bitwise Logical AND NOT of Packed Single/Double-Precision Values. */
export const ANDNPS = PANDN;
export const ANDNPD = PANDN;

/** PCMPEQB/PCMPEQW/PCMPEQD—Compare Packed Data for Equal: all ones where equal. */
export const PCMPEQB = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.CMPEQ8);
export const PCMPEQW = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.CMPEQ16);
export const PCMPEQD = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.CMPEQ32);

/** PUNPCKLBW/WD/DQ/QDQ—Unpack Low Data: the low halves of dst and src interleaved, dst's element first. */
export const PUNPCKLBW = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.UNPCKL8);
export const PUNPCKLWD = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.UNPCKL16);
export const PUNPCKLDQ = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.UNPCKL32);
export const PUNPCKLQDQ = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.UNPCKL64);
/** PUNPCKHBW/WD/DQ/QDQ—Unpack High Data. */
export const PUNPCKHBW = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.UNPCKH8);
export const PUNPCKHWD = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.UNPCKH16);
export const PUNPCKHDQ = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.UNPCKH32);
export const PUNPCKHQDQ = (b: IrBlock, i: Insn, _c: SemCtx): boolean => binary(b, i, VOP.UNPCKH64);
/** UNPCKLPS/UNPCKLPD, UNPCKHPS/UNPCKHPD—Unpack and Interleave Packed Single/Double-Precision Values (bit moves only). */
export const UNPCKLPS = PUNPCKLDQ;
export const UNPCKLPD = PUNPCKLQDQ;
export const UNPCKHPS = PUNPCKHDQ;
export const UNPCKHPD = PUNPCKHQDQ;

/** PSHUFD—Shuffle Packed Doublewords: dst lane k = src lane (imm8 >> 2k) & 3. */
export function PSHUFD(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const d = xmm(i, 0);
  if (d < 0 || (xmm(i, 1) < 0 && !isMem(i, 1))) return false;
  b.vshuf32(d, source(b, i), i.imm & 0xff);
  return true;
}

/** The move-mask forms: r32/r64 ← the sign bit of each element, zero-extended. */
function moveMask(b: IrBlock, i: Insn, esz: 1 | 4 | 8): boolean {
  const s = xmm(i, 1);
  if (s < 0 || i.kind[0] !== K.REG || !isGpr(i.reg[0]!) || regSize(i.reg[0]!) < 4) return false;
  // At most 16 bits, zero-extended: as a 32- or 64-bit register write it needs no Zext.
  b.setReg(gprNum(i.reg[0]!), b.vmoveMask(esz, s));
  return true;
}

/** PMOVMSKB—Move Byte Mask. */
export const PMOVMSKB = (b: IrBlock, i: Insn, _c: SemCtx): boolean => moveMask(b, i, 1);
/** MOVMSKPS—Extract Packed Single-Precision Floating-Point Sign Mask. */
export const MOVMSKPS = (b: IrBlock, i: Insn, _c: SemCtx): boolean => moveMask(b, i, 4);
/** MOVMSKPD—Extract Packed Double-Precision Floating-Point Sign Mask. */
export const MOVMSKPD = (b: IrBlock, i: Insn, _c: SemCtx): boolean => moveMask(b, i, 8);

/** Every mnemonic of the slice, by its key in the tables (MOVSD is merged with the string MOVSD in index.ts). */
export const VECTOR_SEMANTICS = {
  MOVAPS, MOVUPS, MOVAPD, MOVUPD, MOVDQA, MOVDQU, MOVNTPS, MOVNTPD, MOVNTDQ, MOVD, MOVQ, MOVSS,
  MOVLPS, MOVLPD, MOVHPS, MOVHPD,
  PXOR, POR, PAND, PANDN, XORPS, XORPD, ORPS, ORPD, ANDPS, ANDPD, ANDNPS, ANDNPD,
  PCMPEQB, PCMPEQW, PCMPEQD,
  PUNPCKLBW, PUNPCKLWD, PUNPCKLDQ, PUNPCKLQDQ, PUNPCKHBW, PUNPCKHWD, PUNPCKHDQ, PUNPCKHQDQ,
  UNPCKLPS, UNPCKLPD, UNPCKHPS, UNPCKHPD,
  PSHUFD, PMOVMSKB, MOVMSKPS, MOVMSKPD,
};

/** Mnemonics whose F3/F2 prefix is part of the opcode (MOVSS, MOVDQU, MOVQ xmm, xmm/m64; MOVSD is a string mnemonic already). */
export const VECTOR_MANDATORY_REP: readonly string[] = ["MOVSS", "MOVDQU", "MOVQ"];
