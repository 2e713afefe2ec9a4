/**
 * @file Advanced SIMD three different: widening (SADDL/UADDL, SSUBL/USUBL, SMULL/UMULL, SMLAL,
 * SABDL, SQDMULL, PMULL, ...), wide (SADDW/UADDW, SSUBW/USUBW) and narrowing-high (ADDHN,
 * SUBHN, RADDHN, RSUBHN) forms, with the `2` variants (Q = 1) that read or write the high half.
 * ARM ARM C4.1.96 "Advanced SIMD three different". Stage 6.
 *
 * `size` is the narrow lane (0..2); the wide lane is twice that, always a 128-bit register.
 *
 *   simd3Diff(DIFF3.UMULL, 0, 2, 0, 1, 2)   // umull v0.2d, v1.2s, v2.2s
 *   simd3Diff(DIFF3.SADDW, 1, 0, 0, 1, 2)   // saddw2 v0.8h, v1.8h, v2.16b
 */
import type { Reg } from "../regs.ts";
import { f, row, type Row } from "./_row.ts";

/**
 * Advanced SIMD three different.
 * ```
 *  31 30 29 28     24 23 22 21 20     16 15    12 11 10 9     5 4     0
 * +--+--+--+---------+-----+--+---------+--------+-----+-------+-------+
 * | 0| Q| U|0 1 1 1 0|size | 1|   Rm    | opcode | 0 0 |  Rn   |  Rd   |
 * +--+--+--+---------+-----+--+---------+--------+-----+-------+-------+
 * ```
 */
export const DIFF3 = {
  SADDL: 0x00, SADDW: 0x01, SSUBL: 0x02, SSUBW: 0x03, ADDHN: 0x04, SABAL: 0x05, SUBHN: 0x06, SABDL: 0x07,
  SMLAL: 0x08, SQDMLAL: 0x09, SMLSL: 0x0a, SQDMLSL: 0x0b, SMULL: 0x0c, SQDMULL: 0x0d, PMULL: 0x0e,
  UADDL: 0x10, UADDW: 0x11, USUBL: 0x12, USUBW: 0x13, RADDHN: 0x14, UABAL: 0x15, RSUBHN: 0x16, UABDL: 0x17,
  UMLAL: 0x18, UMLSL: 0x1a, UMULL: 0x1c,
} as const;
export type Diff3 = (typeof DIFF3)[keyof typeof DIFF3];
/** Narrow lane sizes each op allows: SQDML*L/SQDMULL only H and S, PMULL only B (the 1Q form needs FEAT_PMULL). */
export function diff3Sizes(op: number): number {
  if (op === DIFF3.PMULL) return 1;
  if (op === DIFF3.SQDMLAL || op === DIFF3.SQDMLSL || op === DIFF3.SQDMULL) return 6;
  return 7;
}
/** Vd = op(Vn, Vm): long (Ta, Tb, Tb), wide (Ta, Ta, Tb) or narrow-high (Tb, Ta, Ta) by op. */
export const simd3Diff = (op: Diff3, Q: 0 | 1, size: 0 | 1 | 2, Rd: Reg, Rn: Reg, Rm: Reg): number =>
  ((Q << 30) | ((op >> 4) << 29) | 0x0e200000 | (size << 22) | (Rm << 16) | ((op & 15) << 12) | (Rn << 5) | Rd) >>> 0;

// ── Decode ──

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["1d", "2d"]] as const;
const NAMES = new Map<number, string>(Object.entries(DIFF3).map(([k, v]) => [v, k.toLowerCase()]));

export const SIMD_DIFF_ROWS: Row[] = [
  row(0x9f200c00, 0x0e200000, (w) => {
    const Q = f(w, 30, 1), U = f(w, 29, 1), size = f(w, 22, 2), op = f(w, 12, 4), code = (U << 4) | op;
    const m = NAMES.get(code);
    if (!m || size === 3 || !(diff3Sizes(code) & (1 << size))) return undefined;
    const d = `v${f(w, 0, 5)}`, n = `v${f(w, 5, 5)}`, mm = `v${f(w, 16, 5)}`, wide = ARR[size + 1]![1]!, narrow = ARR[size]![Q]!, name = m + (Q ? "2" : "");
    if (op === 1 || op === 3) return `${name} ${d}.${wide}, ${n}.${wide}, ${mm}.${narrow}`;
    if (op === 4 || op === 6) return `${name} ${d}.${narrow}, ${n}.${wide}, ${mm}.${wide}`;
    return `${name} ${d}.${wide}, ${n}.${narrow}, ${mm}.${narrow}`;
  }),
];
