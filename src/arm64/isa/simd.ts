/**
 * @file Advanced SIMD (vector): three-same integer, logical and FP arithmetic/compare (ADD, SUB,
 * MUL, CMEQ/CMGT/CMGE/CMHI/CMHS, AND/BIC/ORR/ORN/EOR/BSL/BIT/BIF with MOV, FADD/FSUB/FMUL/FDIV),
 * copy (DUP, INS/UMOV with their MOV aliases, SMOV), permutes (ZIP/UZP/TRN) and EXT. ARM ARM
 * C4.1.96 "Advanced SIMD three same", "copy", "permute", "extract". Stage 6.
 *
 * `Q` selects 64/128-bit vectors; `size` 0..3 is B, H, S, D lanes.
 *
 *   simd3(SIMD3.ADD, 1, 2, 0, 1, 2)     // add v0.4s, v1.4s, v2.4s
 *   movElemGp(2, 0, 1, 1)               // mov v0.s[1], w1
 */
import type { Reg } from "../regs.ts";
import { f, hex, row, type Row } from "./_row.ts";

/** Three-same operations: U << 5 | opcode, with a fixed size for the logical ops (-1 = any). */
export const SIMD3 = {
  ADD: 0x10, SUB: 0x30, MUL: 0x13, CMEQ: 0x31, CMGT: 0x06, CMGE: 0x07, CMHI: 0x26, CMHS: 0x27,
} as const;
export type Simd3 = (typeof SIMD3)[keyof typeof SIMD3];

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
/** Integer three-same (ADD, SUB, MUL, CMxx): Vd.T = op(Vn.T, Vm.T). MUL has no D lanes; Q=0 has none either. */
export const simd3 = (op: Simd3, Q: 0 | 1, size: 0 | 1 | 2 | 3, Rd: Reg, Rn: Reg, Rm: Reg): number => three(Q, op >> 5, size, op & 31, Rm, Rn, Rd);
/** Logical three-same: AND, BIC, ORR, ORN (U=0, size = op), EOR, BSL, BIT, BIF (U=1, size = op). */
export const LOGIC3 = { AND: 0, BIC: 1, ORR: 2, ORN: 3, EOR: 4, BSL: 5, BIT: 6, BIF: 7 } as const;
export const simdLogic = (op: (typeof LOGIC3)[keyof typeof LOGIC3], Q: 0 | 1, Rd: Reg, Rn: Reg, Rm: Reg): number => three(Q, op >> 2, op & 3, 3, Rm, Rn, Rd);
/** MOV (vector), alias of ORR Vd, Vn, Vn. */
export const movVec = (Q: 0 | 1, Rd: Reg, Rn: Reg): number => simdLogic(LOGIC3.ORR, Q, Rd, Rn, Rn);
/** FP three-same: FADD, FSUB, FMUL, FDIV; sz 0 = S lanes, 1 = D lanes (Q must be 1). */
export const FP3 = { FADD: 0x1a, FSUB: 0x11a, FMUL: 0x3b, FDIV: 0x3f } as const;
export const simdFp3 = (op: (typeof FP3)[keyof typeof FP3], Q: 0 | 1, sz: 0 | 1, Rd: Reg, Rn: Reg, Rm: Reg): number =>
  three(Q, (op >> 5) & 1, ((op >> 8) << 1) | sz, op & 31, Rm, Rn, Rd);

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

// ── Decode ──

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["", "2d"]] as const;
const LANE = "bhsd";
const INT3: Record<number, string> = { 0x10: "add", 0x30: "sub", 0x13: "mul", 0x31: "cmeq", 0x06: "cmgt", 0x07: "cmge", 0x26: "cmhi", 0x27: "cmhs" };
const LOG3 = ["and", "bic", "orr", "orn", "eor", "bsl", "bit", "bif"];
const PERM = ["", "uzp1", "trn1", "zip1", "", "uzp2", "trn2", "zip2"];

function laneOf(imm5: number): number {
  for (let s = 0; s < 4; s++) if (imm5 & (1 << s)) return s;
  return -1;
}

export const SIMD_ROWS: Row[] = [
  row(0x9f200400, 0x0e200400, (w) => {
    const Q = f(w, 30, 1), U = f(w, 29, 1), size = f(w, 22, 2), op = f(w, 11, 5), Rm = f(w, 16, 5), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    if (op === 3) {
      const m = LOG3[U * 4 + size]!, a = Q ? "16b" : "8b";
      if (m === "orr" && Rn === Rm) return `mov v${Rd}.${a}, v${Rn}.${a}`;
      return `${m} v${Rd}.${a}, v${Rn}.${a}, v${Rm}.${a}`;
    }
    const fp = { 0x1a: "fadd", 0x3b: "fmul", 0x3f: "fdiv" }[(U << 5) | op];
    if (fp || (op === 0x1a && !U)) {
      const sz = size & 1, hi = size >> 1;
      if (sz && !Q) return undefined;
      const m = op === 0x1a && !U ? (hi ? "fsub" : "fadd") : hi ? undefined : fp;
      const a = sz ? "2d" : Q ? "4s" : "2s";
      return m && `${m} v${Rd}.${a}, v${Rn}.${a}, v${Rm}.${a}`;
    }
    const m = INT3[(U << 5) | op];
    if (!m || (size === 3 && (!Q || m === "mul"))) return undefined;
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
  row(0xbfe08400, 0x2e000000, (w) => {
    const Q = f(w, 30, 1), imm4 = f(w, 11, 4), a = Q ? "16b" : "8b";
    if (!Q && imm4 >= 8) return undefined;
    return `ext v${f(w, 0, 5)}.${a}, v${f(w, 5, 5)}.${a}, v${f(w, 16, 5)}.${a}, ${hex(imm4)}`;
  }),
];
