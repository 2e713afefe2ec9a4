/**
 * @file Advanced SIMD one-source operations: two-register misc, vector and scalar (ABS, NEG, MVN,
 * CNT, REV16/32/64, CLS/CLZ, SQABS/SQNEG, compares against zero, XTN/SQXTN/UQXTN/SQXTUN, SHLL,
 * FP conversions SCVTF/UCVTF/FCVT*S/U, FCVTN/FCVTL/FCVTXN, FRINT*, FABS/FNEG/FSQRT, FCMxx #0.0),
 * across lanes (ADDV, S/UADDLV, S/UMAXV, S/UMINV, FMAXV/FMINV/FMAXNMV/FMINNMV) and scalar
 * pairwise (ADDP, FADDP, FMAXP, ...). ARM ARM C4.1.96 "Advanced SIMD two-register misc",
 * "across lanes", "scalar two-register misc", "scalar pairwise". Stage 6.
 *
 * Integer ops take `size` 0..3 (B, H, S, D lanes); FP ops take `sz` 0 = S, 1 = D. `Q` picks the
 * 64- or 128-bit vector; narrowing ops write the low half (Q = 0) or the high half (`...2`, Q = 1).
 *
 *   simdMisc(MISC.ABS, 1, 2, 0, 1)          // abs v0.4s, v1.4s
 *   simdFpMisc(FPMISC.SCVTF, 1, 0, 0, 1)    // scvtf v0.4s, v1.4s
 *   across(ACROSS.UMAXV, 1, 0, 0, 1)        // umaxv b0, v1.16b
 */
import type { Reg } from "../regs.ts";
import { f, row, type Row } from "./_row.ts";

/**
 * Advanced SIMD two-register misc (scalar form: bits 31..28 = 0 1 U 1 and Q = 1).
 * ```
 *  31 30 29 28     24 23 22 21       17 16      12 11 10 9     5 4     0
 * +--+--+--+---------+-----+-----------+----------+-----+-------+-------+
 * | 0| Q| U|0 1 1 1 0|size |1 0 0 0 0  |  opcode  | 1 0 |  Rn   |  Rd   |
 * +--+--+--+---------+-----+-----------+----------+-----+-------+-------+
 * ```
 */
const misc = (Q: number, U: number, size: number, opcode: number, Rn: Reg, Rd: Reg): number =>
  ((Q << 30) | (U << 29) | 0x0e200800 | (size << 22) | (opcode << 12) | (Rn << 5) | Rd) >>> 0;
const SCALAR = 0x50000000;

/** Integer two-register misc ops: U << 5 | opcode. */
export const MISC = {
  REV64: 0x00, REV16: 0x01, SADDLP: 0x02, SUQADD: 0x03, CLS: 0x04, CNT: 0x05, SADALP: 0x06, SQABS: 0x07,
  CMGT0: 0x08, CMEQ0: 0x09, CMLT0: 0x0a, ABS: 0x0b, REV32: 0x20, UADDLP: 0x22, USQADD: 0x23, CLZ: 0x24,
  UADALP: 0x26, SQNEG: 0x27, CMGE0: 0x28, CMLE0: 0x29, NEG: 0x2b,
} as const;
export type Misc = (typeof MISC)[keyof typeof MISC];
/** Lane sizes each misc op allows (bit s = size s; D lanes need Q = 1). */
export function miscSizes(op: number): number {
  switch (op) {
    case MISC.REV16: case MISC.CNT: return 1;
    case MISC.REV32: return 3;
    case MISC.REV64: case MISC.CLS: case MISC.CLZ: case MISC.SADDLP: case MISC.UADDLP: case MISC.SADALP: case MISC.UADALP: return 7;
  }
  return 15;
}
const PAIRWISE_LONG = new Set<number>([MISC.SADDLP, MISC.UADDLP, MISC.SADALP, MISC.UADALP]);
const ZERO_CMP = new Set<number>([MISC.CMGT0, MISC.CMEQ0, MISC.CMLT0, MISC.CMGE0, MISC.CMLE0]);

/** Integer two-register misc: Vd.T = op(Vn.T) (SADDLP and friends widen: Vd has half as many lanes). */
export const simdMisc = (op: Misc, Q: 0 | 1, size: 0 | 1 | 2 | 3, Rd: Reg, Rn: Reg): number => misc(Q, op >> 5, size, op & 31, Rn, Rd);
/** Scalar integer two-register misc (SQABS, SQNEG, SUQADD, USQADD on any size; ABS, NEG, CMxx #0 on D). */
export const simdMiscScalar = (op: Misc, size: 0 | 1 | 2 | 3, Rd: Reg, Rn: Reg): number => (SCALAR | misc(1, op >> 5, size, op & 31, Rn, Rd)) >>> 0;
/** MVN (vector), alias of NOT: bitwise inverse of every byte. */
export const mvnVec = (Q: 0 | 1, Rd: Reg, Rn: Reg): number => misc(Q, 1, 0, 5, Rn, Rd);
/** RBIT (vector): reverse the bits of every byte. */
export const rbitVec = (Q: 0 | 1, Rd: Reg, Rn: Reg): number => misc(Q, 1, 1, 5, Rn, Rd);

/** Narrowing ops (XTN, SQXTN, UQXTN, SQXTUN): Vd.Tb = narrow(Vn.Ta); size is the narrow lane (0..2). */
export const NARROW = { XTN: 0x12, SQXTN: 0x14, SQXTUN: 0x32, UQXTN: 0x34 } as const;
export const simdNarrow = (op: (typeof NARROW)[keyof typeof NARROW], Q: 0 | 1, size: 0 | 1 | 2, Rd: Reg, Rn: Reg): number => misc(Q, op >> 5, size, op & 31, Rn, Rd);
/** Scalar SQXTN/UQXTN/SQXTUN (XTN has no scalar form): Bd/Hd/Sd = saturate(Hn/Sn/Dn). */
export const simdNarrowScalar = (op: Exclude<(typeof NARROW)[keyof typeof NARROW], 0x12>, size: 0 | 1 | 2, Rd: Reg, Rn: Reg): number =>
  (SCALAR | misc(1, op >> 5, size, op & 31, Rn, Rd)) >>> 0;
/** SHLL{2}: Vd.Ta = Vn.Tb << esize (size is the narrow lane). */
export const shll = (Q: 0 | 1, size: 0 | 1 | 2, Rd: Reg, Rn: Reg): number => misc(Q, 1, size, 0x13, Rn, Rd);

/** FP two-register misc ops: size<1> << 8 | U << 5 | opcode (size<0> is sz). */
export const FPMISC = {
  FRINTN: 0x18, FRINTM: 0x19, FCVTNS: 0x1a, FCVTMS: 0x1b, FCVTAS: 0x1c, SCVTF: 0x1d,
  FCMGT0: 0x10c, FCMEQ0: 0x10d, FCMLT0: 0x10e, FABS: 0x10f, FRINTP: 0x118, FRINTZ: 0x119, FCVTPS: 0x11a, FCVTZS: 0x11b, FRECPE: 0x11d,
  FRINTA: 0x38, FRINTX: 0x39, FCVTNU: 0x3a, FCVTMU: 0x3b, FCVTAU: 0x3c, UCVTF: 0x3d,
  FCMGE0: 0x12c, FCMLE0: 0x12d, FNEG: 0x12f, FRINTI: 0x139, FCVTPU: 0x13a, FCVTZU: 0x13b, FRSQRTE: 0x13d, FSQRT: 0x13f,
} as const;
export type FpMisc = (typeof FPMISC)[keyof typeof FPMISC];
const fpm = (op: number, sz: number): [number, number, number] => [(op >> 5) & 1, ((op >> 8) << 1) | sz, op & 31];
/** FP two-register misc (vector): Vd.T = op(Vn.T); sz 1 (2D) needs Q = 1. */
export const simdFpMisc = (op: FpMisc, Q: 0 | 1, sz: 0 | 1, Rd: Reg, Rn: Reg): number => {
  const [U, size, o] = fpm(op, sz);
  return misc(Q, U, size, o, Rn, Rd);
};
/** Ops with a scalar (Sd/Dd) form in the SIMD unit: conversions, FCMxx #0.0, FRECPE/FRSQRTE. */
export const fpScalarOk = (op: number): boolean => ((op & 31) >= 0x1a && op !== FPMISC.FSQRT) || (op & 0xff) === 0x0c || (op & 0xff) === 0x0d || op === FPMISC.FCMLT0;
/** Scalar FP two-register misc: Sd/Dd = op(Sn/Dn) (fpScalarOk ops only); also FRECPX. */
export const simdFpMiscScalar = (op: FpMisc | 0x11f, sz: 0 | 1, Rd: Reg, Rn: Reg): number => {
  const [U, size, o] = fpm(op, sz);
  return (SCALAR | misc(1, U, size, o, Rn, Rd)) >>> 0;
};
/** FRECPX (scalar): reciprocal exponent. */
export const frecpx = (sz: 0 | 1, Rd: Reg, Rn: Reg): number => simdFpMiscScalar(0x11f, sz, Rd, Rn);
/** FCVTN{2}: Vd.2S/4S (sz 1) or 4H/8H (sz 0) = narrow(Vn.2D / Vn.4S). */
export const fcvtn = (Q: 0 | 1, sz: 0 | 1, Rd: Reg, Rn: Reg): number => misc(Q, 0, sz, 0x16, Rn, Rd);
/** FCVTL{2}: Vd.2D (sz 1) or 4S (sz 0) = widen(the low or high half of Vn). */
export const fcvtl = (Q: 0 | 1, sz: 0 | 1, Rd: Reg, Rn: Reg): number => misc(Q, 0, sz, 0x17, Rn, Rd);
/** FCVTXN{2}: Vd.2S/4S = Vn.2D narrowed with round-to-odd. */
export const fcvtxn = (Q: 0 | 1, Rd: Reg, Rn: Reg): number => misc(Q, 1, 1, 0x16, Rn, Rd);
/** FCVTXN (scalar): Sd = Dn narrowed with round-to-odd. */
export const fcvtxnScalar = (Rd: Reg, Rn: Reg): number => (SCALAR | misc(1, 1, 1, 0x16, Rn, Rd)) >>> 0;

/**
 * Advanced SIMD across lanes.
 * ```
 *  31 30 29 28     24 23 22 21       17 16      12 11 10 9     5 4     0
 * +--+--+--+---------+-----+-----------+----------+-----+-------+-------+
 * | 0| Q| U|0 1 1 1 0|size |1 1 0 0 0  |  opcode  | 1 0 |  Rn   |  Rd   |
 * +--+--+--+---------+-----+-----------+----------+-----+-------+-------+
 * ```
 */
export const ACROSS = { SADDLV: 0x03, SMAXV: 0x0a, SMINV: 0x1a, ADDV: 0x1b, UADDLV: 0x23, UMAXV: 0x2a, UMINV: 0x3a } as const;
/** Integer across lanes: B/H lanes with either Q, S lanes only with Q = 1. */
export const across = (op: (typeof ACROSS)[keyof typeof ACROSS], Q: 0 | 1, size: 0 | 1 | 2, Rd: Reg, Rn: Reg): number =>
  ((Q << 30) | ((op >> 5) << 29) | 0x0e300800 | (size << 22) | ((op & 31) << 12) | (Rn << 5) | Rd) >>> 0;
/** FP across lanes on Vn.4S: FMAXNMV, FMAXV, FMINNMV, FMINV (o1 << 8 | opcode, U = 1). */
export const FPACROSS = { FMAXNMV: 0x0c, FMAXV: 0x0f, FMINNMV: 0x10c, FMINV: 0x10f } as const;
export const fpAcross = (op: (typeof FPACROSS)[keyof typeof FPACROSS], Rd: Reg, Rn: Reg): number =>
  (0x6e300800 | ((op >> 8) << 23) | ((op & 31) << 12) | (Rn << 5) | Rd) >>> 0;

/**
 * Advanced SIMD scalar pairwise: ADDP Dd, Vn.2D; FP ops on Vn.2S (sz 0) or Vn.2D (sz 1).
 * ```
 *  31 30 29 28     24 23 22 21       17 16      12 11 10 9     5 4     0
 * +--+--+--+---------+-----+-----------+----------+-----+-------+-------+
 * | 0| 1| U|1 1 1 1 0|size |1 1 0 0 0  |  opcode  | 1 0 |  Rn   |  Rd   |
 * +--+--+--+---------+-----+-----------+----------+-----+-------+-------+
 * ```
 */
export const addpScalar = (Rd: Reg, Rn: Reg): number => (0x5ef1b800 | (Rn << 5) | Rd) >>> 0;
/** FP scalar pairwise ops: o1 << 8 | opcode (U = 1). */
export const FPPAIR = { FMAXNMP: 0x0c, FADDP: 0x0d, FMAXP: 0x0f, FMINNMP: 0x10c, FMINP: 0x10f } as const;
export const fpPairScalar = (op: (typeof FPPAIR)[keyof typeof FPPAIR], sz: 0 | 1, Rd: Reg, Rn: Reg): number =>
  (0x7e300800 | ((op >> 8) << 23) | (sz << 22) | ((op & 31) << 12) | (Rn << 5) | Rd) >>> 0;

// ── Decode ──

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["1d", "2d"]] as const;
const LANE = "bhsd";
const MISC_NAMES = new Map<number, string>(Object.entries(MISC).map(([k, v]) => [v, k.toLowerCase().replace(/0$/, "")]));
const FPMISC_NAMES = new Map<number, string>(Object.entries(FPMISC).map(([k, v]) => [v, k.toLowerCase().replace(/0$/, "")]));
const NARROW_NAMES = new Map<number, string>(Object.entries(NARROW).map(([k, v]) => [v, k.toLowerCase()]));
const ACROSS_NAMES = new Map<number, string>(Object.entries(ACROSS).map(([k, v]) => [v, k.toLowerCase()]));
const FPACROSS_NAMES = new Map<number, string>(Object.entries(FPACROSS).map(([k, v]) => [v, k.toLowerCase()]));
const FPPAIR_NAMES = new Map<number, string>(Object.entries(FPPAIR).map(([k, v]) => [v, k.toLowerCase()]));

function vectorMisc(w: number): string | undefined {
  const Q = f(w, 30, 1), U = f(w, 29, 1), size = f(w, 22, 2), op = f(w, 12, 5), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
  const code = (U << 5) | op, two = Q ? "2" : "";
  if (op === 5 && U) {
    const a = Q ? "16b" : "8b";
    return size < 2 ? `${size ? "rbit" : "mvn"} v${Rd}.${a}, v${Rn}.${a}` : undefined;
  }
  if (op === 0x16 || op === 0x17) {
    if (U && (op === 0x17 || !(size & 1))) return undefined;
    if (size & 2) return undefined;
    const wide = size ? "2d" : "4s", narrow = size ? (Q ? "4s" : "2s") : Q ? "8h" : "4h";
    if (op === 0x17) return `fcvtl${two} v${Rd}.${wide}, v${Rn}.${narrow}`;
    return `${U ? "fcvtxn" : "fcvtn"}${two} v${Rd}.${narrow}, v${Rn}.${wide}`;
  }
  const nm = NARROW_NAMES.get(code);
  if (nm || code === 0x33) {
    if (size === 3) return undefined;
    const narrow = ARR[size]![Q]!, wide = ARR[size + 1]![1]!;
    if (code === 0x33) return `shll${two} v${Rd}.${wide}, v${Rn}.${narrow}, #${8 << size}`;
    return `${nm}${two} v${Rd}.${narrow}, v${Rn}.${wide}`;
  }
  if (op >= 0x0c && (op >= 0x18 || size >= 2)) {
    const m = FPMISC_NAMES.get(((size >> 1) << 8) | code), sz = size & 1;
    if (!m || (sz && !Q)) return undefined;
    const a = sz ? "2d" : Q ? "4s" : "2s";
    return `${m} v${Rd}.${a}, v${Rn}.${a}, ${m.startsWith("fcm") ? "#0.0" : ""}`.replace(/, $/, "");
  }
  const m = MISC_NAMES.get(code);
  if (!m || !(miscSizes(code) & (1 << size)) || (size === 3 && !Q)) return undefined;
  if (PAIRWISE_LONG.has(code)) return `${m} v${Rd}.${ARR[size + 1]![Q]}, v${Rn}.${ARR[size]![Q]}`;
  const a = ARR[size]![Q]!;
  return `${m} v${Rd}.${a}, v${Rn}.${a}${ZERO_CMP.has(code) ? ", #0" : ""}`;
}

function scalarMisc(w: number): string | undefined {
  const U = f(w, 29, 1), size = f(w, 22, 2), op = f(w, 12, 5), Rn = f(w, 5, 5), Rd = f(w, 0, 5), code = (U << 5) | op;
  if (op === 0x16) return U && size === 1 ? `fcvtxn s${Rd}, d${Rn}` : undefined;
  const nm = NARROW_NAMES.get(code);
  if (nm) return nm === "xtn" || size === 3 ? undefined : `${nm} ${LANE[size]}${Rd}, ${LANE[size + 1]}${Rn}`;
  if (op >= 0x0c && (op >= 0x18 || size >= 2)) {
    const k = ((size >> 1) << 8) | code, t = "sd"[size & 1]!;
    if (k === 0x11f) return `frecpx ${t}${Rd}, ${t}${Rn}`;
    const m = FPMISC_NAMES.get(k);
    if (!m || !fpScalarOk(k)) return undefined;
    return `${m} ${t}${Rd}, ${t}${Rn}${m.startsWith("fcm") ? ", #0.0" : ""}`;
  }
  const m = MISC_NAMES.get(code);
  if (!m) return undefined;
  const sat = code === MISC.SQABS || code === MISC.SQNEG || code === MISC.SUQADD || code === MISC.USQADD;
  if (!sat && !(size === 3 && (ZERO_CMP.has(code) || code === MISC.ABS || code === MISC.NEG))) return undefined;
  const L = LANE[size]!;
  return `${m} ${L}${Rd}, ${L}${Rn}${ZERO_CMP.has(code) ? ", #0" : ""}`;
}

export const SIMD_MISC_ROWS: Row[] = [
  row(0x9f3e0c00, 0x0e200800, vectorMisc),
  row(0xdf3e0c00, 0x5e200800, scalarMisc),
  row(0x9f3e0c00, 0x0e300800, (w) => {
    const Q = f(w, 30, 1), U = f(w, 29, 1), size = f(w, 22, 2), op = f(w, 12, 5), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    if (op === 0x0c || op === 0x0f) {
      const m = U && Q && !(size & 1) ? FPACROSS_NAMES.get(((size >> 1) << 8) | op) : undefined;
      return m && `${m} s${Rd}, v${Rn}.4s`;
    }
    const m = ACROSS_NAMES.get((U << 5) | op);
    if (!m || size === 3 || (size === 2 && !Q)) return undefined;
    return `${m} ${LANE[m.endsWith("lv") ? size + 1 : size]}${Rd}, v${Rn}.${ARR[size]![Q]}`;
  }),
  row(0xdf3e0c00, 0x5e300800, (w) => {
    const U = f(w, 29, 1), size = f(w, 22, 2), op = f(w, 12, 5), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    if (!U) return size === 3 && op === 0x1b ? `addp d${Rd}, v${Rn}.2d` : undefined;
    const m = FPPAIR_NAMES.get(((size >> 1) << 8) | op), sz = size & 1;
    return m && `${m} ${"sd"[sz]}${Rd}, v${Rn}.${sz ? "2d" : "2s"}`;
  }),
];
