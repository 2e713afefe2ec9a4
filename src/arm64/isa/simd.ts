/**
 * @file Advanced SIMD three same, vector and scalar: every integer op (ADD, SUB, MUL, MLA/MLS,
 * PMUL, the halving, saturating, shift-by-register, min/max, absolute-difference and pairwise
 * ops, CMxx/CMTST), logical (AND/BIC/ORR/ORN/EOR/BSL/BIT/BIF with MOV) and FP ops (FADD ... FDIV,
 * FMAX/FMIN(NM)(P), FADDP, FABD, FMLA/FMLS, FMULX, FRECPS/FRSQRTS, FCMEQ/FCMGE/FCMGT,
 * FACGE/FACGT); copy (DUP, INS/UMOV with their MOV aliases, SMOV), permutes (ZIP/UZP/TRN), EXT
 * and TBL/TBX. ARM ARM C4.1.96 "Advanced SIMD three same", "scalar three same", "copy",
 * "permute", "extract", "table lookup". Stage 6.
 *
 * `Q` selects 64/128-bit vectors; `size` 0..3 is B, H, S, D lanes.
 *
 *   simd3(SIMD3.ADD, 1, 2, 0, 1, 2)     // add v0.4s, v1.4s, v2.4s
 *   movElemGp(2, 0, 1, 1)               // mov v0.s[1], w1
 */
import type { Reg } from "../regs.ts";
import { f, hex, row, type Row } from "./_row.ts";

/** Integer three-same operations: U << 5 | opcode. SIMD3_SIZES says which lane sizes each allows. */
export const SIMD3 = {
  SHADD: 0x00, UHADD: 0x20, SQADD: 0x01, UQADD: 0x21, SRHADD: 0x02, URHADD: 0x22, SHSUB: 0x04, UHSUB: 0x24,
  SQSUB: 0x05, UQSUB: 0x25, CMGT: 0x06, CMHI: 0x26, CMGE: 0x07, CMHS: 0x27, SSHL: 0x08, USHL: 0x28,
  SQSHL: 0x09, UQSHL: 0x29, SRSHL: 0x0a, URSHL: 0x2a, SQRSHL: 0x0b, UQRSHL: 0x2b, SMAX: 0x0c, UMAX: 0x2c, SMIN: 0x0d, UMIN: 0x2d,
  SABD: 0x0e, UABD: 0x2e, SABA: 0x0f, UABA: 0x2f, ADD: 0x10, SUB: 0x30, CMTST: 0x11, CMEQ: 0x31,
  MLA: 0x12, MLS: 0x32, MUL: 0x13, PMUL: 0x33, SMAXP: 0x14, UMAXP: 0x34, SMINP: 0x15, UMINP: 0x35,
  SQDMULH: 0x16, SQRDMULH: 0x36, ADDP: 0x17,
} as const;
export type Simd3 = (typeof SIMD3)[keyof typeof SIMD3];
/** Lane sizes (bit s set = size s allowed; D lanes also need Q = 1) per three-same op. */
export function simd3Sizes(op: number): number {
  const o = op & 31;
  if (op === SIMD3.PMUL) return 1;
  if (o === 0x16) return 6;
  if (o === 1 || o === 5 || o === 6 || o === 7 || (o >= 8 && o <= 0x0b) || o === 0x10 || o === 0x11 || op === SIMD3.ADDP) return 15;
  return 7;
}

/**
 * Advanced SIMD three same.
 * ```
 *  31 30 29 28     24 23 22 21 20     16 15     11 10 9     5 4     0
 * +--+--+--+---------+-----+--+---------+---------+--+-------+-------+
 * | 0| Q| U|0 1 1 1 0|size | 1|   Rm    | opcode  | 1|  Rn   |  Rd   |
 * +--+--+--+---------+-----+--+---------+---------+--+-------+-------+
 * ```
 */
const three = (Q: number, U: number, size: number, opcode: number, Rm: Reg, Rn: Reg, Rd: Reg): number =>
  ((Q << 30) | (U << 29) | 0x0e200400 | (size << 22) | (Rm << 16) | (opcode << 11) | (Rn << 5) | Rd) >>> 0;
/** Integer three-same: Vd.T = op(Vn.T, Vm.T); lane sizes per simd3Sizes, and no D lanes with Q = 0. */
export const simd3 = (op: Simd3, Q: 0 | 1, size: 0 | 1 | 2 | 3, Rd: Reg, Rn: Reg, Rm: Reg): number => three(Q, op >> 5, size, op & 31, Rm, Rn, Rd);
/** Scalar three-same (Vd = op(Vn, Vm) on B/H/S/D registers): sizes per simd3ScalarSizes. */
export const simd3Scalar = (op: Simd3, size: 0 | 1 | 2 | 3, Rd: Reg, Rn: Reg, Rm: Reg): number => (0x50000000 | three(1, op >> 5, size, op & 31, Rm, Rn, Rd)) >>> 0;
/** Lane sizes of the scalar three-same ops: saturating ops take any, compares/shifts/ADD/SUB only D. */
export function simd3ScalarSizes(op: number): number {
  const o = op & 31;
  if (o === 1 || o === 5 || o === 9 || o === 0x0b) return 15;
  if (o === 0x16) return 6;
  if (o === 6 || o === 7 || o === 8 || o === 0x0a || o === 0x10 || o === 0x11) return 8;
  return 0;
}
/** Logical three-same: AND, BIC, ORR, ORN (U=0, size = op), EOR, BSL, BIT, BIF (U=1, size = op). */
export const LOGIC3 = { AND: 0, BIC: 1, ORR: 2, ORN: 3, EOR: 4, BSL: 5, BIT: 6, BIF: 7 } as const;
export const simdLogic = (op: (typeof LOGIC3)[keyof typeof LOGIC3], Q: 0 | 1, Rd: Reg, Rn: Reg, Rm: Reg): number => three(Q, op >> 2, op & 3, 3, Rm, Rn, Rd);
/** MOV (vector), alias of ORR Vd, Vn, Vn. */
export const movVec = (Q: 0 | 1, Rd: Reg, Rn: Reg): number => simdLogic(LOGIC3.ORR, Q, Rd, Rn, Rn);
/** FP three-same: o1 << 8 | U << 5 | opcode; sz 0 = S lanes, 1 = D lanes (Q must be 1). */
export const FP3 = {
  FMAXNM: 0x18, FMINNM: 0x118, FMLA: 0x19, FMLS: 0x119, FMULX: 0x1b, FADD: 0x1a, FSUB: 0x11a, FCMEQ: 0x1c,
  FMAX: 0x1e, FMIN: 0x11e, FRECPS: 0x1f, FRSQRTS: 0x11f, FMAXNMP: 0x38, FMINNMP: 0x138, FADDP: 0x3a, FABD: 0x13a,
  FMUL: 0x3b, FCMGE: 0x3c, FCMGT: 0x13c, FACGE: 0x3d, FACGT: 0x13d, FMAXP: 0x3e, FMINP: 0x13e, FDIV: 0x3f,
} as const;
export const simdFp3 = (op: (typeof FP3)[keyof typeof FP3], Q: 0 | 1, sz: 0 | 1, Rd: Reg, Rn: Reg, Rm: Reg): number =>
  three(Q, (op >> 5) & 1, ((op >> 8) << 1) | sz, op & 31, Rm, Rn, Rd);

/** FP ops with a scalar (Sd/Dd) three-same form. */
export const FP3_SCALAR = [FP3.FMULX, FP3.FCMEQ, FP3.FRECPS, FP3.FRSQRTS, FP3.FCMGE, FP3.FACGE, FP3.FABD, FP3.FCMGT, FP3.FACGT] as const;
/** Scalar FP three-same: Sd/Dd = op(Sn/Dn, Sm/Dm), for the FP3_SCALAR ops. */
export const simdFp3Scalar = (op: (typeof FP3_SCALAR)[number], sz: 0 | 1, Rd: Reg, Rn: Reg, Rm: Reg): number =>
  (0x50000000 | three(1, (op >> 5) & 1, ((op >> 8) << 1) | sz, op & 31, Rm, Rn, Rd)) >>> 0;

/**
 * Advanced SIMD copy. imm5 holds the lane size (lowest set bit) and index.
 * ```
 *  31 30 29 28             21 20     16 15 14    11 10 9     5 4     0
 * +--+--+--+-----------------+---------+--+-------+--+-------+-------+
 * | 0| Q|op| 0 1 1 1 0 0 0 0 |  imm5   | 0| imm4  | 1|  Rn   |  Rd   |
 * +--+--+--+-----------------+---------+--+-------+--+-------+-------+
 * ```
 */
const copy = (Q: number, op: number, imm5: number, imm4: number, Rn: Reg, Rd: Reg): number =>
  ((Q << 30) | (op << 29) | 0x0e000400 | (imm5 << 16) | (imm4 << 11) | (Rn << 5) | Rd) >>> 0;
const imm5Of = (size: number, index: number): number => ((index << (size + 1)) | (1 << size)) & 31;
/** DUP (element): every lane of Vd.T = Vn.Ts[index]. */
export const dupElem = (size: 0 | 1 | 2 | 3, Q: 0 | 1, Rd: Reg, Rn: Reg, index: number): number => copy(Q, 0, imm5Of(size, index), 0, Rn, Rd);
/** DUP (general): every lane = Wn/Xn. */
export const dupGp = (size: 0 | 1 | 2 | 3, Q: 0 | 1, Rd: Reg, Rn: Reg): number => copy(Q, 0, imm5Of(size, 0), 1, Rn, Rd);
/** SMOV: Wd/Xd = sign-extended Vn.Ts[index] (sf = 1 for X). */
export const smov = (size: 0 | 1 | 2, sf: 0 | 1, Rd: Reg, Rn: Reg, index: number): number => copy(sf, 0, imm5Of(size, index), 5, Rn, Rd);
/** UMOV: Wd/Xd = Vn.Ts[index] (X only for D lanes). MOV (to general) is its alias for S and D. */
export const umov = (size: 0 | 1 | 2 | 3, Rd: Reg, Rn: Reg, index: number): number => copy(size === 3 ? 1 : 0, 0, imm5Of(size, index), 7, Rn, Rd);
/** INS (general), printed MOV Vd.Ts[index], Wn/Xn. */
export const movElemGp = (size: 0 | 1 | 2 | 3, Rd: Reg, index: number, Rn: Reg): number => copy(1, 0, imm5Of(size, index), 3, Rn, Rd);
/** INS (element), printed MOV Vd.Ts[i], Vn.Ts[j]. */
export const movElem = (size: 0 | 1 | 2 | 3, Rd: Reg, i: number, Rn: Reg, j: number): number => copy(1, 1, imm5Of(size, i), (j << size) & 15, Rn, Rd);

/**
 * Advanced SIMD permute: opcode 001 UZP1, 010 TRN1, 011 ZIP1, 101 UZP2, 110 TRN2, 111 ZIP2.
 * ```
 *  31 30 29 28     24 23 22 21 20     16 15 14  12 11 10 9     5 4     0
 * +--+--+--+---------+-----+--+---------+--+------+-----+-------+-------+
 * | 0| Q| 0|0 1 1 1 0|size | 0|   Rm    | 0|opcode| 1 0 |  Rn   |  Rd   |
 * +--+--+--+---------+-----+--+---------+--+------+-----+-------+-------+
 * ```
 */
export const PERMUTE = { UZP1: 1, TRN1: 2, ZIP1: 3, UZP2: 5, TRN2: 6, ZIP2: 7 } as const;
export const permute = (op: (typeof PERMUTE)[keyof typeof PERMUTE], Q: 0 | 1, size: 0 | 1 | 2 | 3, Rd: Reg, Rn: Reg, Rm: Reg): number =>
  ((Q << 30) | 0x0e000800 | (size << 22) | (Rm << 16) | (op << 12) | (Rn << 5) | Rd) >>> 0;

/**
 * EXT: bytes imm4.. of Vn:Vm (imm4 < 8 when Q = 0).
 * ```
 *  31 30 29 28     24 23 22 21 20     16 15 14    11 10 9     5 4     0
 * +--+--+--+---------+-----+--+---------+--+-------+--+-------+-------+
 * | 0| Q| 1|0 1 1 1 0| 0 0 | 0|   Rm    | 0| imm4  | 0|  Rn   |  Rd   |
 * +--+--+--+---------+-----+--+---------+--+-------+--+-------+-------+
 * ```
 */
export const ext = (Q: 0 | 1, Rd: Reg, Rn: Reg, Rm: Reg, imm4: number): number =>
  ((Q << 30) | 0x2e000000 | (Rm << 16) | (imm4 << 11) | (Rn << 5) | Rd) >>> 0;

/**
 * TBL/TBX (table lookup): Vd.T[i] = table[Vm.T[i]] over `n` (1..4) consecutive 16B registers from Vn;
 * out-of-range indices give 0 (TBL) or keep Vd (TBX).
 * ```
 *  31 30 29 28     24 23 22 21 20     16 15 14 13 12 11 10 9     5 4     0
 * +--+--+--+---------+-----+--+---------+--+-----+--+-----+-------+-------+
 * | 0| Q| 0|0 1 1 1 0| 0 0 | 0|   Rm    | 0| len |op| 0 0 |  Rn   |  Rd   |
 * +--+--+--+---------+-----+--+---------+--+-----+--+-----+-------+-------+
 * ```
 */
export const tbl = (Q: 0 | 1, Rd: Reg, Rn: Reg, n: 1 | 2 | 3 | 4, Rm: Reg): number =>
  ((Q << 30) | 0x0e000000 | (Rm << 16) | ((n - 1) << 13) | (Rn << 5) | Rd) >>> 0;
export const tbx = (Q: 0 | 1, Rd: Reg, Rn: Reg, n: 1 | 2 | 3 | 4, Rm: Reg): number => (tbl(Q, Rd, Rn, n, Rm) | (1 << 12)) >>> 0;

// ── Decode ──

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["", "2d"]] as const;
const LANE = "bhsd";
const INT3 = new Map<number, string>(Object.entries(SIMD3).map(([k, v]) => [v, k.toLowerCase()]));
const FP3_NAMES = new Map<number, string>(Object.entries(FP3).map(([k, v]) => [v, k.toLowerCase()]));
const LOG3 = ["and", "bic", "orr", "orn", "eor", "bsl", "bit", "bif"];
const PERM = ["", "uzp1", "trn1", "zip1", "", "uzp2", "trn2", "zip2"];

function laneOf(imm5: number): number {
  for (let s = 0; s < 4; s++) if (imm5 & (1 << s)) return s;
  return -1;
}

const FP3_SCALAR_SET = new Set<number>(FP3_SCALAR);

export const SIMD_ROWS: Row[] = [
  row(0xdf200400, 0x5e200400, (w) => {
    const U = f(w, 29, 1), size = f(w, 22, 2), op = f(w, 11, 5), Rm = f(w, 16, 5), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    if (op >= 0x18) {
      const code = ((size >> 1) << 8) | (U << 5) | op, t = "sd"[size & 1]!;
      return FP3_SCALAR_SET.has(code) ? `${FP3_NAMES.get(code)} ${t}${Rd}, ${t}${Rn}, ${t}${Rm}` : undefined;
    }
    const code = (U << 5) | op, m = INT3.get(code), L = LANE[size]!;
    if (!m || !(simd3ScalarSizes(code) & (1 << size))) return undefined;
    return `${m} ${L}${Rd}, ${L}${Rn}, ${L}${Rm}`;
  }),
  row(0x9f200400, 0x0e200400, (w) => {
    const Q = f(w, 30, 1), U = f(w, 29, 1), size = f(w, 22, 2), op = f(w, 11, 5), Rm = f(w, 16, 5), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    if (op === 3) {
      const m = LOG3[U * 4 + size]!, a = Q ? "16b" : "8b";
      if (m === "orr" && Rn === Rm) return `mov v${Rd}.${a}, v${Rn}.${a}`;
      return `${m} v${Rd}.${a}, v${Rn}.${a}, v${Rm}.${a}`;
    }
    if (op >= 0x18) {
      const sz = size & 1, m = FP3_NAMES.get(((size >> 1) << 8) | (U << 5) | op);
      if (!m || (sz && !Q)) return undefined;
      const a = sz ? "2d" : Q ? "4s" : "2s";
      return `${m} v${Rd}.${a}, v${Rn}.${a}, v${Rm}.${a}`;
    }
    const code = (U << 5) | op, m = INT3.get(code);
    if (!m || !(simd3Sizes(code) & (1 << size)) || (size === 3 && !Q)) return undefined;
    const a = ARR[size]![Q]!;
    return `${m} v${Rd}.${a}, v${Rn}.${a}, v${Rm}.${a}`;
  }),
  row(0x9fe08400, 0x0e000400, (w) => {
    const Q = f(w, 30, 1), op = f(w, 29, 1), imm5 = f(w, 16, 5), imm4 = f(w, 11, 4), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    const s = laneOf(imm5);
    if (s < 0) return undefined;
    const idx = imm5 >> (s + 1), L = LANE[s]!;
    if (op) {
      if (!Q) return undefined;
      return `mov v${Rd}.${L}[${idx}], v${Rn}.${L}[${imm4 >> s}]`;
    }
    const gp = (sf: number, n: number) => (n === 31 ? (sf ? "xzr" : "wzr") : (sf ? "x" : "w") + n);
    switch (imm4) {
      case 0: if (s === 3 && !Q) return undefined; return `dup v${Rd}.${ARR[s]![Q]}, v${Rn}.${L}[${idx}]`;
      case 1: if (s === 3 && !Q) return undefined; return `dup v${Rd}.${ARR[s]![Q]}, ${gp(s === 3 ? 1 : 0, Rn)}`;
      case 3: return Q ? `mov v${Rd}.${L}[${idx}], ${gp(s === 3 ? 1 : 0, Rn)}` : undefined;
      case 5: if (s === 3 || (s === 2 && !Q)) return undefined; return `smov ${gp(Q, Rd)}, v${Rn}.${L}[${idx}]`;
      case 7:
        if ((s === 3) !== !!Q) return undefined;
        return `${s >= 2 ? "mov" : "umov"} ${gp(Q, Rd)}, v${Rn}.${L}[${idx}]`;
    }
    return undefined;
  }),
  row(0xbf208c00, 0x0e000800, (w) => {
    const Q = f(w, 30, 1), size = f(w, 22, 2), m = PERM[f(w, 12, 3)];
    if (!m || (size === 3 && !Q)) return undefined;
    const a = ARR[size]![Q]!;
    return `${m} v${f(w, 0, 5)}.${a}, v${f(w, 5, 5)}.${a}, v${f(w, 16, 5)}.${a}`;
  }),
  row(0xbfe08c00, 0x0e000000, (w) => {
    const a = f(w, 30, 1) ? "16b" : "8b", Rn = f(w, 5, 5), n = f(w, 13, 2) + 1;
    const list = Array.from({ length: n }, (_, i) => `v${(Rn + i) & 31}.16b`).join(", ");
    return `${f(w, 12, 1) ? "tbx" : "tbl"} v${f(w, 0, 5)}.${a}, { ${list} }, v${f(w, 16, 5)}.${a}`;
  }),
  row(0xbfe08400, 0x2e000000, (w) => {
    const Q = f(w, 30, 1), imm4 = f(w, 11, 4), a = Q ? "16b" : "8b";
    if (!Q && imm4 >= 8) return undefined;
    return `ext v${f(w, 0, 5)}.${a}, v${f(w, 5, 5)}.${a}, v${f(w, 16, 5)}.${a}, ${hex(imm4)}`;
  }),
];
