/**
 * @file Scalar floating point: 1-source (FMOV, FABS, FNEG, FSQRT, FCVT, FRINT*), 2-source (FMUL,
 * FDIV, FADD, FSUB, FMAX, FMIN, FMAXNM, FMINNM, FNMUL), 3-source (FMADD, FMSUB, FNMADD, FNMSUB),
 * FCMP/FCMPE, FCCMP/FCCMPE, FCSEL, FMOV (immediate) and conversions to and from general registers
 * (SCVTF, UCVTF, FCVT{N,P,M,Z,A}{S,U}, FMOV, and the fixed-point SCVTF/UCVTF/FCVTZS/FCVTZU). ARM ARM
 * C4.1.96 "Data Processing -- Scalar Floating-Point and Advanced SIMD". Stage 6.
 *
 * `ftype` is FTYPE.S, FTYPE.D or FTYPE.H (FEAT_FP16).
 *
 *   fadd(FTYPE.D, 0, 1, 2)                  // fadd d0, d1, d2
 *   fcvtzs(1, FTYPE.S, X0, 3)               // fcvtzs x0, s3
 *   fmovImm(FTYPE.D, 0, tryFpImm8(1.0)!)    // fmov d0, #1.00000000
 */
import { fpImm8Value, type FpImm8, type Uimm } from "../imm.ts";
import type { Cond, Reg, Sf } from "../regs.ts";
import { cond, f, hex, r, row, type Row } from "./_row.ts";

export const FTYPE = { S: 0, D: 1, H: 3 } as const;
export type Ftype = 0 | 1 | 3;
const FT = ["s", "d", "", "h"] as const;

/**
 * Floating-point data-processing (2 source).
 * ```
 *  31 30 29 28     24 23 22 21 20     16 15    12 11 10 9     5 4     0
 * +--+--+--+---------+-----+--+---------+--------+-----+-------+-------+
 * | M| 0| S|1 1 1 1 0|ftype| 1|   Rm    | opcode | 1 0 |  Rn   |  Rd   |
 * +--+--+--+---------+-----+--+---------+--------+-----+-------+-------+
 * ```
 */
const fp2 = (ftype: Ftype, opcode: number, Rd: Reg, Rn: Reg, Rm: Reg): number =>
  (0x1e200800 | (ftype << 22) | (Rm << 16) | (opcode << 12) | (Rn << 5) | Rd) >>> 0;
type Fp2 = (ftype: Ftype, Rd: Reg, Rn: Reg, Rm: Reg) => number;
/** FMUL (scalar). */
export const fmul: Fp2 = (t, d, n, m) => fp2(t, 0, d, n, m);
/** FDIV (scalar). */
export const fdiv: Fp2 = (t, d, n, m) => fp2(t, 1, d, n, m);
/** FADD (scalar). */
export const fadd: Fp2 = (t, d, n, m) => fp2(t, 2, d, n, m);
/** FSUB (scalar). */
export const fsub: Fp2 = (t, d, n, m) => fp2(t, 3, d, n, m);
/** FMAX (scalar). */
export const fmax: Fp2 = (t, d, n, m) => fp2(t, 4, d, n, m);
/** FMIN (scalar). */
export const fmin: Fp2 = (t, d, n, m) => fp2(t, 5, d, n, m);
/** FMAXNM (scalar). */
export const fmaxnm: Fp2 = (t, d, n, m) => fp2(t, 6, d, n, m);
/** FMINNM (scalar). */
export const fminnm: Fp2 = (t, d, n, m) => fp2(t, 7, d, n, m);
/** FNMUL (scalar). */
export const fnmul: Fp2 = (t, d, n, m) => fp2(t, 8, d, n, m);

/**
 * Floating-point data-processing (1 source).
 * ```
 *  31 30 29 28     24 23 22 21 20         15 14      10 9     5 4     0
 * +--+--+--+---------+-----+--+------------+----------+-------+-------+
 * | M| 0| S|1 1 1 1 0|ftype| 1|   opcode   |1 0 0 0 0 |  Rn   |  Rd   |
 * +--+--+--+---------+-----+--+------------+----------+-------+-------+
 * ```
 */
const fp1 = (ftype: Ftype, opcode: number, Rd: Reg, Rn: Reg): number => (0x1e204000 | (ftype << 22) | (opcode << 15) | (Rn << 5) | Rd) >>> 0;
type Fp1 = (ftype: Ftype, Rd: Reg, Rn: Reg) => number;
/** FMOV (register). */
export const fmovReg: Fp1 = (t, d, n) => fp1(t, 0, d, n);
/** FABS (scalar). */
export const fabs: Fp1 = (t, d, n) => fp1(t, 1, d, n);
/** FNEG (scalar). */
export const fneg: Fp1 = (t, d, n) => fp1(t, 2, d, n);
/** FSQRT (scalar). */
export const fsqrt: Fp1 = (t, d, n) => fp1(t, 3, d, n);
/** FCVT: convert precision from `ftype` to `to` (different types). */
export const fcvt = (ftype: Ftype, to: Ftype, Rd: Reg, Rn: Reg): number => fp1(ftype, 4 | to, Rd, Rn);
/** FRINT{N,P,M,Z,A,X,I}: round to integral; mode 0 N, 1 P, 2 M, 3 Z, 4 A, 6 X, 7 I. */
export const frint = (ftype: Ftype, mode: 0 | 1 | 2 | 3 | 4 | 6 | 7, Rd: Reg, Rn: Reg): number => fp1(ftype, 8 | mode, Rd, Rn);

/**
 * Floating-point compare. opcode2: 00000 FCMP, 01000 FCMP #0.0, 10000 FCMPE, 11000 FCMPE #0.0.
 * ```
 *  31 30 29 28     24 23 22 21 20     16 15 14 13     10 9     5 4       0
 * +--+--+--+---------+-----+--+---------+-----+--------+-------+---------+
 * | M| 0| S|1 1 1 1 0|ftype| 1|   Rm    | op  |1 0 0 0 |  Rn   | opcode2 |
 * +--+--+--+---------+-----+--+---------+-----+--------+-------+---------+
 * ```
 */
const fcmpBase = (ftype: Ftype, Rm: Reg, Rn: Reg, opcode2: number): number => (0x1e202000 | (ftype << 22) | (Rm << 16) | (Rn << 5) | opcode2) >>> 0;
/** FCMP (registers). */
export const fcmp = (ftype: Ftype, Rn: Reg, Rm: Reg): number => fcmpBase(ftype, Rm, Rn, 0);
/** FCMP with #0.0. */
export const fcmpZero = (ftype: Ftype, Rn: Reg): number => fcmpBase(ftype, 0, Rn, 8);
/** FCMPE (signalling). */
export const fcmpe = (ftype: Ftype, Rn: Reg, Rm: Reg): number => fcmpBase(ftype, Rm, Rn, 16);
/** FCMPE with #0.0. */
export const fcmpeZero = (ftype: Ftype, Rn: Reg): number => fcmpBase(ftype, 0, Rn, 24);

/** FCSEL: Rd = cond ? Rn : Rm. Layout as 2-source with cond in 15..12 and 11..10 = 11. */
export const fcsel = (ftype: Ftype, Rd: Reg, Rn: Reg, Rm: Reg, c: Cond): number =>
  (0x1e200c00 | (ftype << 22) | (Rm << 16) | (c << 12) | (Rn << 5) | Rd) >>> 0;

/** FMOV (scalar, immediate): Rd = VFPExpandImm(imm8). Layout: ftype, 1, imm8 at 20..13, 100 00000. */
export const fmovImm = (ftype: Ftype, Rd: Reg, imm8: FpImm8): number => (0x1e201000 | (ftype << 22) | (imm8 << 13) | Rd) >>> 0;

/**
 * Conversion between floating-point and integer.
 * ```
 *  31 30 29 28     24 23 22 21 20 19 18  16 15         10 9     5 4     0
 * +--+--+--+---------+-----+--+-----+------+-------------+-------+-------+
 * |sf| 0| S|1 1 1 1 0|ftype| 1|rmode|opcode|0 0 0 0 0 0  |  Rn   |  Rd   |
 * +--+--+--+---------+-----+--+-----+------+-------------+-------+-------+
 * ```
 */
const fpInt = (sf: Sf, ftype: number, rmode: number, opcode: number, Rd: Reg, Rn: Reg): number =>
  ((sf << 31) | 0x1e200000 | (ftype << 22) | (rmode << 19) | (opcode << 16) | (Rn << 5) | Rd) >>> 0;
/** SCVTF (scalar, integer): Vd = signed Rn. */
export const scvtf = (sf: Sf, ftype: Ftype, Rd: Reg, Rn: Reg): number => fpInt(sf, ftype, 0, 2, Rd, Rn);
/** UCVTF (scalar, integer). */
export const ucvtf = (sf: Sf, ftype: Ftype, Rd: Reg, Rn: Reg): number => fpInt(sf, ftype, 0, 3, Rd, Rn);
/** FCVT<mode>{S,U} (scalar, to integer): rmode N=0 (with opcode 0/1), P=1, M=2, Z=3; A uses opcode 4/5. */
export const fcvtToInt = (mode: "n" | "p" | "m" | "z" | "a", unsigned: 0 | 1, sf: Sf, ftype: Ftype, Rd: Reg, Rn: Reg): number =>
  mode === "a" ? fpInt(sf, ftype, 0, 4 | unsigned, Rd, Rn) : fpInt(sf, ftype, "npmz".indexOf(mode), unsigned, Rd, Rn);
/** FCVTZS (scalar, integer): truncating convert. */
export const fcvtzs = (sf: Sf, ftype: Ftype, Rd: Reg, Rn: Reg): number => fcvtToInt("z", 0, sf, ftype, Rd, Rn);
/** FCVTZU (scalar, integer). */
export const fcvtzu = (sf: Sf, ftype: Ftype, Rd: Reg, Rn: Reg): number => fcvtToInt("z", 1, sf, ftype, Rd, Rn);
/** FMOV (general): Rd = bits of Vn (W<-S, X<-D, W/X<-H). */
export const fmovToGp = (sf: Sf, ftype: Ftype, Rd: Reg, Rn: Reg): number => fpInt(sf, ftype, 0, 6, Rd, Rn);
/** FMOV (general): Vd = bits of Rn. */
export const fmovFromGp = (sf: Sf, ftype: Ftype, Rd: Reg, Rn: Reg): number => fpInt(sf, ftype, 0, 7, Rd, Rn);
/** FMOV Xd, Vn.D[1]. */
export const fmovToGpHigh = (Rd: Reg, Rn: Reg): number => fpInt(1, 2, 1, 6, Rd, Rn);
/** FMOV Vd.D[1], Xn. */
export const fmovFromGpHigh = (Rd: Reg, Rn: Reg): number => fpInt(1, 2, 1, 7, Rd, Rn);

/**
 * FCCMP/FCCMPE: flags = cond ? fcmp(Rn, Rm) : nzcv.
 * ```
 *  31 30 29 28     24 23 22 21 20     16 15    12 11 10 9     5 4  3     0
 * +--+--+--+---------+-----+--+---------+--------+-----+-------+--+-------+
 * | M| 0| S|1 1 1 1 0|ftype| 1|   Rm    |  cond  | 0 1 |  Rn   |op| nzcv  |
 * +--+--+--+---------+-----+--+---------+--------+-----+-------+--+-------+
 * ```
 */
export const fccmp = (ftype: Ftype, Rn: Reg, Rm: Reg, nzcv: Uimm, c: Cond): number =>
  (0x1e200400 | (ftype << 22) | (Rm << 16) | (c << 12) | (Rn << 5) | nzcv) >>> 0;
/** FCCMPE: as FCCMP, signalling on quiet NaNs too. */
export const fccmpe = (ftype: Ftype, Rn: Reg, Rm: Reg, nzcv: Uimm, c: Cond): number => (fccmp(ftype, Rn, Rm, nzcv, c) | 0x10) >>> 0;

/**
 * Floating-point data-processing (3 source): FMADD Rd = Ra + Rn*Rm, FMSUB Ra - Rn*Rm,
 * FNMADD -Ra - Rn*Rm, FNMSUB -Ra + Rn*Rm (fused, one rounding).
 * ```
 *  31 30 29 28     24 23 22 21 20     16 15 14     10 9     5 4     0
 * +--+--+--+---------+-----+--+---------+--+---------+-------+-------+
 * | M| 0| S|1 1 1 1 1|ftype|o1|   Rm    |o0|   Ra    |  Rn   |  Rd   |
 * +--+--+--+---------+-----+--+---------+--+---------+-------+-------+
 * ```
 */
const fp3 = (ftype: Ftype, o1: number, o0: number, Rd: Reg, Rn: Reg, Rm: Reg, Ra: Reg): number =>
  (0x1f000000 | (ftype << 22) | (o1 << 21) | (Rm << 16) | (o0 << 15) | (Ra << 10) | (Rn << 5) | Rd) >>> 0;
type Fp3 = (ftype: Ftype, Rd: Reg, Rn: Reg, Rm: Reg, Ra: Reg) => number;
/** FMADD. */
export const fmadd: Fp3 = (t, d, n, m, a) => fp3(t, 0, 0, d, n, m, a);
/** FMSUB. */
export const fmsub: Fp3 = (t, d, n, m, a) => fp3(t, 0, 1, d, n, m, a);
/** FNMADD. */
export const fnmadd: Fp3 = (t, d, n, m, a) => fp3(t, 1, 0, d, n, m, a);
/** FNMSUB. */
export const fnmsub: Fp3 = (t, d, n, m, a) => fp3(t, 1, 1, d, n, m, a);

/**
 * Conversion between floating-point and fixed-point: `fbits` fraction bits (1..32 for W, 1..64
 * for X), encoded as scale = 64 - fbits. Layout as the integer conversions with bit 21 = 0.
 */
export const FIXED_GP = { SCVTF: 0x02, UCVTF: 0x03, FCVTZS: 0x18, FCVTZU: 0x19 } as const;
export const fixedGp = (op: (typeof FIXED_GP)[keyof typeof FIXED_GP], sf: Sf, ftype: Ftype, Rd: Reg, Rn: Reg, fbits: Uimm): number =>
  ((sf << 31) | 0x1e000000 | (ftype << 22) | (op << 16) | ((64 - fbits) << 10) | (Rn << 5) | Rd) >>> 0;

// ── Decode ──

const FP2 = ["fmul", "fdiv", "fadd", "fsub", "fmax", "fmin", "fmaxnm", "fminnm", "fnmul"];
const FP1: Record<number, string> = { 0: "fmov", 1: "fabs", 2: "fneg", 3: "fsqrt", 8: "frintn", 9: "frintp", 10: "frintm", 11: "frintz", 12: "frinta", 14: "frintx", 15: "frinti" };
const v = (t: number, n: number): string => FT[t as Ftype] + n;

export const FP_ROWS: Row[] = [
  row(0xff200c00, 0x1e200400, (w) => {
    const t = f(w, 22, 2);
    if (t === 2) return undefined;
    return `${f(w, 4, 1) ? "fccmpe" : "fccmp"} ${v(t, f(w, 5, 5))}, ${v(t, f(w, 16, 5))}, ${hex(f(w, 0, 4))}, ${cond(f(w, 12, 4))}`;
  }),
  row(0xff000000, 0x1f000000, (w) => {
    const t = f(w, 22, 2);
    if (t === 2) return undefined;
    const m = ["fmadd", "fmsub", "fnmadd", "fnmsub"][(f(w, 21, 1) << 1) | f(w, 15, 1)];
    return `${m} ${v(t, f(w, 0, 5))}, ${v(t, f(w, 5, 5))}, ${v(t, f(w, 16, 5))}, ${v(t, f(w, 10, 5))}`;
  }),
  row(0x7f200000, 0x1e000000, (w) => {
    const sf = w >>> 31, t = f(w, 22, 2), op = f(w, 16, 5), scale = f(w, 10, 6), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    if (t === 2 || (!sf && scale < 32)) return undefined;
    const fbits = hex(64 - scale);
    if (op === 2 || op === 3) return `${op === 2 ? "scvtf" : "ucvtf"} ${v(t, Rd)}, ${r(sf, Rn)}, ${fbits}`;
    if (op === 0x18 || op === 0x19) return `${op === 0x18 ? "fcvtzs" : "fcvtzu"} ${r(sf, Rd)}, ${v(t, Rn)}, ${fbits}`;
    return undefined;
  }),
  row(0xff200c00, 0x1e200800, (w) => {
    const t = f(w, 22, 2), op = f(w, 12, 4);
    if (t === 2 || op > 8) return undefined;
    return `${FP2[op]} ${v(t, f(w, 0, 5))}, ${v(t, f(w, 5, 5))}, ${v(t, f(w, 16, 5))}`;
  }),
  row(0xff207c00, 0x1e204000, (w) => {
    const t = f(w, 22, 2), op = f(w, 15, 6);
    if (t === 2) return undefined;
    if ((op & 0x3c) === 4) {
      const to = op & 3;
      if (to === 2 || to === t) return undefined;
      return `fcvt ${v(to, f(w, 0, 5))}, ${v(t, f(w, 5, 5))}`;
    }
    const m = FP1[op];
    return m && `${m} ${v(t, f(w, 0, 5))}, ${v(t, f(w, 5, 5))}`;
  }),
  row(0xff20fc07, 0x1e202000, (w) => {
    const t = f(w, 22, 2), op2 = f(w, 3, 2), Rm = f(w, 16, 5);
    if (t === 2 || (op2 & 1 && Rm !== 0)) return undefined;
    return `${op2 & 2 ? "fcmpe" : "fcmp"} ${v(t, f(w, 5, 5))}, ${op2 & 1 ? "#0.0" : v(t, Rm)}`;
  }),
  row(0xff200c00, 0x1e200c00, (w) => {
    const t = f(w, 22, 2);
    if (t === 2) return undefined;
    return `fcsel ${v(t, f(w, 0, 5))}, ${v(t, f(w, 5, 5))}, ${v(t, f(w, 16, 5))}, ${cond(f(w, 12, 4))}`;
  }),
  row(0xff201fe0, 0x1e201000, (w) => {
    const t = f(w, 22, 2);
    if (t === 2) return undefined;
    return `fmov ${v(t, f(w, 0, 5))}, #${fpImm8Value(f(w, 13, 8)).toFixed(8)}`;
  }),
  row(0x7f20fc00, 0x1e200000, (w) => {
    const sf = w >>> 31, t = f(w, 22, 2), rmode = f(w, 19, 2), op = f(w, 16, 3), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    if (t === 2) {
      if (!sf || rmode !== 1 || op < 6) return undefined;
      return op === 6 ? `fmov ${r(1, Rd)}, v${Rn}.d[1]` : `fmov v${Rd}.d[1], ${r(1, Rn)}`;
    }
    if (op >= 6) {
      if (rmode || (t === 0 && sf) || (t === 1 && !sf)) return undefined;
      return op === 6 ? `fmov ${r(sf, Rd)}, ${v(t, Rn)}` : `fmov ${v(t, Rd)}, ${r(sf, Rn)}`;
    }
    if (op === 2 || op === 3) return rmode ? undefined : `${op === 2 ? "scvtf" : "ucvtf"} ${v(t, Rd)}, ${r(sf, Rn)}`;
    const m = op >= 4 ? (rmode ? undefined : "a") : "npmz"[rmode];
    return m && `fcvt${m}${op & 1 ? "u" : "s"} ${r(sf, Rd)}, ${v(t, Rn)}`;
  }),
];

