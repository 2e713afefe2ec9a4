/**
 * @file Advanced SIMD by element: vector and scalar x indexed element (MUL, MLA, MLS, SQDMULH,
 * SQRDMULH, the widening SMULL/UMULL/SMLAL/UMLAL/SMLSL/UMLSL/SQDMULL/SQDMLAL/SQDMLSL, FMUL,
 * FMLA, FMLS, FMULX) and scalar DUP (printed MOV Vd, Vn.T[i]). ARM ARM C4.1.96 "Advanced SIMD
 * vector x indexed element", "scalar x indexed element", "scalar copy". Stage 6.
 *
 * Integer ops take H (size 1: Vm is v0..v15, index 0..7) or S lanes (size 2: index 0..3); FP ops
 * take S (sz 0, index 0..3) or D (sz 1, index 0..1).
 *
 *   simdElem(ELEM.MUL, 1, 2, 0, 1, 2, 3)          // mul v0.4s, v1.4s, v2.s[3]
 *   simdFpElem(FPELEM.FMLA, 1, 1, 0, 1, 2, 1)     // fmla v0.2d, v1.2d, v2.d[1]
 */
import type { Reg } from "../regs.ts";
import { f, row, type Row } from "./_row.ts";

/**
 * Advanced SIMD vector x indexed element (scalar form: bits 31..28 = 0 1 U 1, Q = 1).
 * ```
 *  31 30 29 28     24 23 22 21 20 19  16 15    12 11 10 9     5 4     0
 * +--+--+--+---------+-----+--+--+-----+--------+--+--+-------+-------+
 * | 0| Q| U|0 1 1 1 1|size | L| M| Rm  | opcode | H| 0|  Rn   |  Rd   |
 * +--+--+--+---------+-----+--+--+-----+--------+--+--+-------+-------+
 * ```
 */
function byElem(Q: number, U: number, size: number, opcode: number, Rd: Reg, Rn: Reg, Rm: Reg, index: number, laneBits: number): number {
  // H lanes: index = H:L:M and Rm has 4 bits; S lanes: H:L; D lanes: H.
  const idx = laneBits === 16 ? index : laneBits === 32 ? index << 1 : index << 2;
  const H = (idx >> 2) & 1, L = (idx >> 1) & 1, M = laneBits === 16 ? idx & 1 : (Rm >> 4) & 1;
  return ((Q << 30) | (U << 29) | 0x0f000000 | (size << 22) | (L << 21) | (M << 20) | ((Rm & 15) << 16) | (opcode << 12) | (H << 11) | (Rn << 5) | Rd) >>> 0;
}

/** Integer by-element ops: U << 4 | opcode. The L-suffixed ones widen (Q = 1 reads the high half: `...2`). */
export const ELEM = {
  SMLAL: 0x02, SQDMLAL: 0x03, SMLSL: 0x06, SQDMLSL: 0x07, MUL: 0x08, SMULL: 0x0a, SQDMULL: 0x0b, SQDMULH: 0x0c, SQRDMULH: 0x0d,
  MLA: 0x10, UMLAL: 0x12, MLS: 0x14, UMLSL: 0x16, UMULL: 0x1a,
} as const;
export type Elem = (typeof ELEM)[keyof typeof ELEM];
const LONG = new Set<number>([ELEM.SMLAL, ELEM.SQDMLAL, ELEM.SMLSL, ELEM.SQDMLSL, ELEM.SMULL, ELEM.SQDMULL, ELEM.UMLAL, ELEM.UMLSL, ELEM.UMULL]);
/** Vd = op(Vn, Vm.Ts[index]); size 1 (H, Rm < 16) or 2 (S). */
export const simdElem = (op: Elem, Q: 0 | 1, size: 1 | 2, Rd: Reg, Rn: Reg, Rm: Reg, index: number): number =>
  byElem(Q, op >> 4, size, op & 15, Rd, Rn, Rm, index, 8 << size);
/** Scalar SQDMULH/SQRDMULH/SQDMULL/SQDMLAL/SQDMLSL by element on H/S registers. */
export const simdElemScalar = (op: Elem, size: 1 | 2, Rd: Reg, Rn: Reg, Rm: Reg, index: number): number =>
  (0x50000000 | byElem(1, op >> 4, size, op & 15, Rd, Rn, Rm, index, 8 << size)) >>> 0;

/** FP by-element ops: U << 4 | opcode. */
export const FPELEM = { FMLA: 0x01, FMLS: 0x05, FMUL: 0x09, FMULX: 0x19 } as const;
export type FpElem = (typeof FPELEM)[keyof typeof FPELEM];
/** Vd.T = op(Vn.T, Vm.Ts[index]); sz 1 (2D) needs Q = 1. */
export const simdFpElem = (op: FpElem, Q: 0 | 1, sz: 0 | 1, Rd: Reg, Rn: Reg, Rm: Reg, index: number): number =>
  byElem(Q, op >> 4, 2 | sz, op & 15, Rd, Rn, Rm, index, sz ? 64 : 32);
/** Sd/Dd = op(Sn/Dn, Vm.Ts[index]). */
export const simdFpElemScalar = (op: FpElem, sz: 0 | 1, Rd: Reg, Rn: Reg, Rm: Reg, index: number): number =>
  (0x50000000 | byElem(1, op >> 4, 2 | sz, op & 15, Rd, Rn, Rm, index, sz ? 64 : 32)) >>> 0;

/**
 * DUP (element, scalar), printed MOV Bd/Hd/Sd/Dd, Vn.T[index]: Advanced SIMD scalar copy.
 * ```
 *  31 30 29 28             21 20     16 15 14    11 10 9     5 4     0
 * +--+--+--+-----------------+---------+--+-------+--+-------+-------+
 * | 0| 1| 0| 1 1 1 1 0 0 0 0 |  imm5   | 0|0 0 0 0| 1|  Rn   |  Rd   |
 * +--+--+--+-----------------+---------+--+-------+--+-------+-------+
 * ```
 */
export const dupScalar = (size: 0 | 1 | 2 | 3, Rd: Reg, Rn: Reg, index: number): number =>
  (0x5e000400 | ((((index << (size + 1)) | (1 << size)) & 31) << 16) | (Rn << 5) | Rd) >>> 0;

// ── Decode ──

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["1d", "2d"]] as const;
const LANE = "bhsd";
const ELEM_NAMES = new Map<number, string>(Object.entries(ELEM).map(([k, v]) => [v, k.toLowerCase()]));
const FPELEM_NAMES = new Map<number, string>(Object.entries(FPELEM).map(([k, v]) => [v, k.toLowerCase()]));
const SCALAR_INT = new Set<number>([ELEM.SQDMULH, ELEM.SQRDMULH, ELEM.SQDMULL, ELEM.SQDMLAL, ELEM.SQDMLSL]);

function elemText(w: number, scalar: boolean): string | undefined {
  const Q = f(w, 30, 1), U = f(w, 29, 1), size = f(w, 22, 2), L = f(w, 21, 1), M = f(w, 20, 1), Rm4 = f(w, 16, 4);
  const op = f(w, 12, 4), H = f(w, 11, 1), Rn = f(w, 5, 5), Rd = f(w, 0, 5), code = (U << 4) | op;
  const fm = FPELEM_NAMES.get(code);
  if (fm && size >= 2) {
    const sz = size & 1;
    if (sz && (L || (!Q && !scalar))) return undefined;
    const idx = sz ? H : (H << 1) | L, t = sz ? "d" : "s", m = `v${(M << 4) | Rm4}.${t}[${idx}]`;
    if (scalar) return `${fm} ${t}${Rd}, ${t}${Rn}, ${m}`;
    const a = sz ? "2d" : Q ? "4s" : "2s";
    return `${fm} v${Rd}.${a}, v${Rn}.${a}, ${m}`;
  }
  const im = ELEM_NAMES.get(code);
  if (!im || size === 0 || size === 3 || (scalar && !SCALAR_INT.has(code))) return undefined;
  const idx = size === 1 ? (H << 2) | (L << 1) | M : (H << 1) | L, Rm = size === 1 ? Rm4 : (M << 4) | Rm4;
  const m = `v${Rm}.${LANE[size]}[${idx}]`;
  if (scalar) return `${im} ${LANE[LONG.has(code) ? size + 1 : size]}${Rd}, ${LANE[size]}${Rn}, ${m}`;
  if (LONG.has(code)) return `${im}${Q ? "2" : ""} v${Rd}.${ARR[size + 1]![1]}, v${Rn}.${ARR[size]![Q]}, ${m}`;
  const a = ARR[size]![Q]!;
  return `${im} v${Rd}.${a}, v${Rn}.${a}, ${m}`;
}

export const SIMD_ELEM_ROWS: Row[] = [
  row(0x9f000400, 0x0f000000, (w) => elemText(w, false)),
  row(0xdf000400, 0x5f000000, (w) => elemText(w, true)),
  row(0xffe0fc00, 0x5e000400, (w) => {
    const imm5 = f(w, 16, 5), s = imm5 & 1 ? 0 : imm5 & 2 ? 1 : imm5 & 4 ? 2 : imm5 & 8 ? 3 : -1;
    if (s < 0) return undefined;
    return `mov ${LANE[s]}${f(w, 0, 5)}, v${f(w, 5, 5)}.${LANE[s]}[${imm5 >> (s + 1)}]`;
  }),
];
