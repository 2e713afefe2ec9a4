/**
 * @file Checked immediates for the ARM64 encoder (stage 6).
 *
 * Every immediate field an encoder takes has a branded type that only a `tryX(value)` function
 * makes. `tryX` answers "does it fit?": it returns the field value, or `undefined` when the value
 * cannot be encoded. An encoder therefore never silently truncates. Brands cost nothing at run
 * time: they are plain numbers.
 *
 *   const imm = tryImm12(4095);              // Imm12 | undefined
 *   if (imm !== undefined) words.push(addImm(1, X0, X1, imm, 0));
 *   const mask = tryLogicalImm(1, 0xff00ff00ff00ff00n);   // N:immr:imms, or undefined
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** 12-bit unsigned add/sub immediate (0..4095), before the optional `lsl #12`. */
export type Imm12 = Brand<number, "Imm12">;
/** 16-bit move-wide chunk. */
export type Imm16 = Brand<number, "Imm16">;
/** 13-bit N:immr:imms bitmask-immediate field. */
export type LogicalImm = Brand<number, "LogicalImm">;
/** Bit position or width 0..31 (sf=0) or 0..63 (sf=1): shift amounts, immr/imms, lsb. */
export type Uimm6 = Brand<number, "Uimm6">;
/** Small unsigned field of a declared width (imm5 of ccmp, nzcv, hint numbers, ...). */
export type Uimm = Brand<number, "Uimm">;
/** Signed 9-bit unscaled byte offset (ldur/stur, pre/post-index). */
export type Simm9 = Brand<number, "Simm9">;
/** Scaled unsigned 12-bit load/store offset field (offset / access size). */
export type Uimm12s = Brand<number, "Uimm12s">;
/** Scaled signed 7-bit pair offset field (offset / access size). */
export type Simm7s = Brand<number, "Simm7s">;
/** PC-relative word offset field of a declared width (imm26, imm19, imm14), in instructions. */
export type PcOff = Brand<number, "PcOff">;
/** 21-bit adr byte offset or adrp page offset. */
export type Imm21 = Brand<number, "Imm21">;
/** 8-bit FP immediate (fmov), abcdefgh. */
export type FpImm8 = Brand<number, "FpImm8">;

const isInt = (x: number): boolean => Number.isInteger(x);

/** ADD/SUB (immediate) imm12. */
export function tryImm12(x: number): Imm12 | undefined {
  return isInt(x) && x >= 0 && x <= 0xfff ? (x as Imm12) : undefined;
}

/** MOVZ/MOVN/MOVK imm16. */
export function tryImm16(x: number): Imm16 | undefined {
  return isInt(x) && x >= 0 && x <= 0xffff ? (x as Imm16) : undefined;
}

/** A bit position valid for the register width: 0..31 when sf=0, 0..63 when sf=1. */
export function tryUimm6(sf: 0 | 1, x: number): Uimm6 | undefined {
  return isInt(x) && x >= 0 && x < (sf ? 64 : 32) ? (x as Uimm6) : undefined;
}

/** An unsigned value of `bits` bits. */
export function tryUimm(bits: number, x: number): Uimm | undefined {
  return isInt(x) && x >= 0 && x < 2 ** bits ? (x as Uimm) : undefined;
}

/** Signed 9-bit byte offset, -256..255. */
export function trySimm9(x: number): Simm9 | undefined {
  return isInt(x) && x >= -256 && x <= 255 ? (x as Simm9) : undefined;
}

/** Unsigned offset of an access of `size` bytes: a multiple of size, 0..4095*size. Returns offset/size. */
export function tryUimm12s(size: number, offset: number): Uimm12s | undefined {
  if (!isInt(offset) || offset < 0 || offset % size !== 0) return undefined;
  const f = offset / size;
  return f <= 0xfff ? (f as Uimm12s) : undefined;
}

/** Pair offset of `size`-byte registers: a multiple of size, -64..63 times size. Returns offset/size. */
export function trySimm7s(size: number, offset: number): Simm7s | undefined {
  if (!isInt(offset) || offset % size !== 0) return undefined;
  const f = offset / size;
  return f >= -64 && f <= 63 ? (f as Simm7s) : undefined;
}

/** PC-relative byte offset of a branch/literal with a `bits`-bit word-offset field. Returns offset/4. */
export function tryPcOff(bits: number, byteOffset: number): PcOff | undefined {
  if (!isInt(byteOffset) || byteOffset % 4 !== 0) return undefined;
  const f = byteOffset / 4;
  const lim = 2 ** (bits - 1);
  return f >= -lim && f < lim ? (f as PcOff) : undefined;
}

/** ADR byte offset (±1 MiB) or ADRP page delta in pages (±4 GiB / 4096). */
export function tryImm21(x: number): Imm21 | undefined {
  return isInt(x) && x >= -(1 << 20) && x < 1 << 20 ? (x as Imm21) : undefined;
}

// ── Bitmask immediates ──

const M64 = (1n << 64n) - 1n;

function ctz(x: bigint): number {
  let n = 0;
  while (n < 64 && ((x >> BigInt(n)) & 1n) === 0n) n++;
  return n;
}
function cto(x: bigint): number {
  let n = 0;
  while (n < 64 && ((x >> BigInt(n)) & 1n) === 1n) n++;
  return n;
}
const isMask = (x: bigint): boolean => x !== 0n && ((x + 1n) & x) === 0n;
const isShiftedMask = (x: bigint): boolean => x !== 0n && isMask((x - 1n) | x);

/**
 * Bitmask immediate encoder (ARM ARM "DecodeBitMasks" run backwards, as LLVM's
 * processLogicalImmediate does): the value must be a rotated run of ones replicated across
 * 2/4/8/16/32/64-bit elements, and neither all zeros nor all ones.
 */
export function tryLogicalImm(sf: 0 | 1, value: bigint | number): LogicalImm | undefined {
  const regSize = sf ? 64 : 32;
  let imm = BigInt.asUintN(64, BigInt(value));
  if (!sf) {
    if (imm >> 32n !== 0n && imm >> 32n !== 0xffffffffn) return undefined;
    imm &= 0xffffffffn;
  }
  const regMask = sf ? M64 : 0xffffffffn;
  if (imm === 0n || imm === regMask) return undefined;
  let size = regSize;
  do {
    size >>= 1;
    const m = (1n << BigInt(size)) - 1n;
    if ((imm & m) !== ((imm >> BigInt(size)) & m)) {
      size <<= 1;
      break;
    }
  } while (size > 2);
  const mask = (1n << BigInt(size)) - 1n;
  imm &= mask;
  let I: number;
  let CTO: number;
  if (isShiftedMask(imm)) {
    I = ctz(imm);
    CTO = cto(imm >> BigInt(I));
  } else {
    imm |= ~mask & M64;
    if (!isShiftedMask(~imm & M64)) return undefined;
    let clo = 0;
    while (clo < 64 && ((imm >> BigInt(63 - clo)) & 1n) === 1n) clo++;
    I = 64 - clo;
    CTO = clo + cto(imm) - (64 - size);
  }
  const immr = (size - I) & (size - 1);
  let nimms = (~(size - 1) << 1) & 0x7f;
  nimms |= CTO - 1;
  const N = ((nimms >> 6) & 1) ^ 1;
  return ((N << 12) | (immr << 6) | (nimms & 0x3f)) as LogicalImm;
}

/** DecodeBitMasks for a logical immediate: the register value, or undefined if reserved. */
export function decodeLogicalImm(sf: 0 | 1, N: number, immr: number, imms: number): bigint | undefined {
  if (!sf && N) return undefined;
  const combined = (N << 6) | (~imms & 0x3f);
  if (combined === 0) return undefined;
  const len = 31 - Math.clz32(combined);
  const size = 1 << len;
  const levels = size - 1;
  const S = imms & levels;
  const R = immr & levels;
  if (S === levels) return undefined;
  const sz = BigInt(size);
  const emask = (1n << sz) - 1n;
  let elem = (1n << BigInt(S + 1)) - 1n;
  if (R) elem = ((elem >> BigInt(R)) | (elem << (sz - BigInt(R)))) & emask;
  let out = 0n;
  const reg = sf ? 64 : 32;
  for (let i = 0; i < reg; i += size) out |= elem << BigInt(i);
  return out;
}

// ── FP immediates ──

/** VFPExpandImm in reverse: a double that fmov can encode as abcdefgh, or undefined. */
export function tryFpImm8(x: number): FpImm8 | undefined {
  for (let i = 0; i < 256; i++) if (fpImm8Value(i) === x && !Object.is(x, -0)) return i as FpImm8;
  return undefined;
}

/** The value of an 8-bit FP immediate: (-1)^a * (1 + efgh/16) * 2^(bcd as signed exp). */
export function fpImm8Value(imm8: number): number {
  const sign = imm8 & 0x80 ? -1 : 1;
  const b = (imm8 >> 6) & 1;
  const cd = (imm8 >> 4) & 3;
  // exponent bits NOT(b):b:...:b:c:d, so the unbiased exponent is -3..4
  const e = b ? cd - 3 : cd + 1;
  return sign * (1 + (imm8 & 15) / 16) * 2 ** e;
}

/** MOVZ/MOVN/MOVK hw field: the left shift 0/16 (sf=0) or 0/16/32/48 (sf=1), divided by 16. */
export type Hw = Brand<number, "Hw">;
export function tryHw(sf: 0 | 1, shift: number): Hw | undefined {
  return shift % 16 === 0 && shift >= 0 && shift < (sf ? 64 : 32) ? ((shift / 16) as Hw) : undefined;
}

/** A bitfield range for the UBFX/SBFX/BFI/BFXIL/UBFIZ/SBFIZ/BFC aliases, packed lsb | width << 8. */
export type BitRange = Brand<number, "BitRange">;
export function tryBitRange(sf: 0 | 1, lsb: number, width: number): BitRange | undefined {
  const W = sf ? 64 : 32;
  return isInt(lsb) && isInt(width) && lsb >= 0 && width >= 1 && lsb + width <= W ? ((lsb | (width << 8)) as BitRange) : undefined;
}

// ── Advanced SIMD immediates ──

/** immh:immb of the SIMD shift-by-immediate forms: lane size and shift amount packed together. */
export type VecShift = Brand<number, "VecShift">;
/**
 * The immh:immb field for a shift of `shift` on lanes of `size` (0..3 = 8..64 bits): right
 * shifts take 1..esize (encoded 2*esize - shift), left shifts 0..esize-1 (encoded esize + shift).
 */
export function tryVecShift(size: number, dir: "left" | "right", shift: number): VecShift | undefined {
  const esize = 8 << size;
  if (!isInt(shift) || size < 0 || size > 3) return undefined;
  if (dir === "right") return shift >= 1 && shift <= esize ? ((2 * esize - shift) as VecShift) : undefined;
  return shift >= 0 && shift < esize ? ((esize + shift) as VecShift) : undefined;
}

/** op:cmode:abcdefgh of an Advanced SIMD modified immediate (MOVI/MVNI/ORR/BIC/FMOV vector). */
export type ModImm = Brand<number, "ModImm">;
/**
 * MOVI/MVNI/ORR/BIC lane immediate: `imm8` shifted left by `shift` in lanes of `lane` bits.
 * `kind` picks the instruction; `msl` (MOVI/MVNI on 32-bit lanes, shift 8 or 16) shifts ones in.
 */
export function tryModImm(kind: "movi" | "mvni" | "orr" | "bic", lane: 8 | 16 | 32, imm8: number, shift = 0, msl = false): ModImm | undefined {
  if (!isInt(imm8) || imm8 < 0 || imm8 > 255) return undefined;
  const op = kind === "mvni" || kind === "bic" ? 1 : 0, alu = kind === "orr" || kind === "bic" ? 1 : 0;
  let cmode: number;
  if (lane === 8) {
    if (kind !== "movi" || shift || msl) return undefined;
    cmode = 0xe;
  } else if (lane === 16) {
    if (msl || (shift !== 0 && shift !== 8)) return undefined;
    cmode = 0x8 | (shift >> 2) | alu;
  } else if (msl) {
    if (alu || (shift !== 8 && shift !== 16)) return undefined;
    cmode = 0xc | (shift >> 4);
  } else {
    if (shift !== 0 && shift !== 8 && shift !== 16 && shift !== 24) return undefined;
    cmode = (shift >> 2) | alu;
  }
  return ((op << 12) | (cmode << 8) | imm8) as ModImm;
}
/** MOVI Dd / Vd.2D: a 64-bit value whose every byte is 0x00 or 0xff (one bit of imm8 per byte). */
export function tryByteMask64(value: bigint): ModImm | undefined {
  let imm8 = 0;
  for (let i = 0; i < 8; i++) {
    const b = (value >> BigInt(8 * i)) & 0xffn;
    if (b === 0xffn) imm8 |= 1 << i;
    else if (b !== 0n) return undefined;
  }
  return value >> 64n || value < 0n ? undefined : (((1 << 12) | (0xe << 8) | imm8) as ModImm);
}
