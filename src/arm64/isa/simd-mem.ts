/**
 * @file Advanced SIMD structure loads and stores: LD1/ST1 of 1..4 registers and LD2/ST2..LD4/ST4
 * (multiple structures), LD1/ST1 of a single lane, and LD1R (load and replicate), each with no
 * offset or post-index by the transfer size (Rm = 31) or by a register. ARM ARM C4.1.93
 * "Advanced SIMD load/store multiple structures", "single structure" (and their post-indexed
 * forms). Stage 6. Plain LDR/STR of B/H/S/D/Q registers live in load-store.ts.
 *
 *   ldstMulti(1, STRUCT.ONE2, 1, 0, 0, X1)            // ld1 { v0.16b, v1.16b }, [x1]
 *   ldstMultiPost(0, STRUCT.ONE1, 1, 2, 3, SP, 31)    // st1 { v3.4s }, [sp], #16
 *   ldstLane(1, 2, 3, 0, X1)                          // ld1 { v0.s }[3], [x1]
 */
import type { Reg } from "../regs.ts";
import { f, rsp, row, type Row } from "./_row.ts";

/** Multiple-structure opcodes: ONEn = LD1/ST1 of n registers; TWO..FOUR = LD2/ST2..LD4/ST4 (interleaved). */
export const STRUCT = { ONE1: 0x7, ONE2: 0xa, ONE3: 0x6, ONE4: 0x2, TWO: 0x8, THREE: 0x4, FOUR: 0x0 } as const;
export type Struct = (typeof STRUCT)[keyof typeof STRUCT];
/** Registers transferred by a multiple-structure opcode. */
export const structRegs = (op: Struct): number => ({ 7: 1, 10: 2, 6: 3, 2: 4, 8: 2, 4: 3, 0: 4 })[op];

/**
 * Advanced SIMD load/store multiple structures (post-index: bit 23 = 1, Rm in 20..16).
 * ```
 *  31 30 29       23 22 21 20     16 15    12 11 10 9     5 4     0
 * +--+--+-----------+--+--+---------+--------+-----+-------+-------+
 * | 0| Q|0 0 1 1 0 0 0| L| 0|0 0 0 0 0| opcode |size |  Rn   |  Rt   |
 * +--+--+-----------+--+--+---------+--------+-----+-------+-------+
 * ```
 */
const multi = (post: number, L: number, op: number, Q: number, size: number, Rt: Reg, Rn: Reg, Rm: Reg): number =>
  ((Q << 30) | 0x0c000000 | (post << 23) | (L << 22) | (Rm << 16) | (op << 12) | (size << 10) | (Rn << 5) | Rt) >>> 0;
/** LD1..LD4 (L = 1) / ST1..ST4 (L = 0), multiple structures, address [Xn|SP]; 1D lanes only for ONEn. */
export const ldstMulti = (L: 0 | 1, op: Struct, Q: 0 | 1, size: 0 | 1 | 2 | 3, Rt: Reg, Rn: Reg): number => multi(0, L, op, Q, size, Rt, Rn, 0);
/** Post-indexed: Xn += Xm, or the bytes transferred when Rm = 31. */
export const ldstMultiPost = (L: 0 | 1, op: Struct, Q: 0 | 1, size: 0 | 1 | 2 | 3, Rt: Reg, Rn: Reg, Rm: Reg): number => multi(1, L, op, Q, size, Rt, Rn, Rm);

/**
 * Advanced SIMD load/store single structure (post-index: bit 23 = 1, Rm in 20..16).
 * ```
 *  31 30 29       23 22 21 20     16 15  13 12 11 10 9     5 4     0
 * +--+--+-------------+--+--+---------+------+--+-----+-------+-------+
 * | 0| Q|0 0 1 1 0 1 0| L| R|0 0 0 0 0|opcode| S|size |  Rn   |  Rt   |
 * +--+--+-------------+--+--+---------+------+--+-----+-------+-------+
 * ```
 * LD1/ST1 (R = 0): opcode 000 B, 010 H, 100 S/D; the lane index is spread over Q:S:size.
 */
function lane(post: number, L: number, size: number, index: number, Rt: Reg, Rn: Reg, Rm: Reg): number {
  const x = index << size; // the index in byte units is Q:S:size<1:0>
  const op = size === 3 ? 4 : size << 1, sz = size === 3 ? 1 : x & 3;
  return (((x >> 3) << 30) | 0x0d000000 | (post << 23) | (L << 22) | (Rm << 16) | (op << 13) | (((x >> 2) & 1) << 12) | (sz << 10) | (Rn << 5) | Rt) >>> 0;
}
/** LD1/ST1 (single structure): lane `index` of Vt (lane size 0..3) from/to [Xn|SP]. */
export const ldstLane = (L: 0 | 1, size: 0 | 1 | 2 | 3, index: number, Rt: Reg, Rn: Reg): number => lane(0, L, size, index, Rt, Rn, 0);
/** Post-indexed single lane: Xn += Xm, or the lane size when Rm = 31. */
export const ldstLanePost = (L: 0 | 1, size: 0 | 1 | 2 | 3, index: number, Rt: Reg, Rn: Reg, Rm: Reg): number => lane(1, L, size, index, Rt, Rn, Rm);
/** LD1R: load one element and replicate it to every lane of Vt.T. */
export const ld1r = (Q: 0 | 1, size: 0 | 1 | 2 | 3, Rt: Reg, Rn: Reg): number =>
  ((Q << 30) | 0x0d40c000 | (size << 10) | (Rn << 5) | Rt) >>> 0;
/** LD1R post-indexed: Xn += Xm, or the element size when Rm = 31. */
export const ld1rPost = (Q: 0 | 1, size: 0 | 1 | 2 | 3, Rt: Reg, Rn: Reg, Rm: Reg): number => (ld1r(Q, size, Rt, Rn) | 0x00800000 | (Rm << 16)) >>> 0;

// ── Decode ──

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["1d", "2d"]] as const;
const list = (Rt: number, n: number, t: string): string => `{ ${Array.from({ length: n }, (_, i) => `v${(Rt + i) & 31}.${t}`).join(", ")} }`;
const postText = (w: number, bytes: number): string => {
  const Rm = f(w, 16, 5);
  return Rm === 31 ? `, #${bytes}` : `, x${Rm}`;
};
const MULTI_NAMES: Record<number, [string, number]> = { 7: ["1", 1], 10: ["1", 2], 6: ["1", 3], 2: ["1", 4], 8: ["2", 2], 4: ["3", 3], 0: ["4", 4] };

function multiText(w: number): string | undefined {
  const Q = f(w, 30, 1), L = f(w, 22, 1), op = f(w, 12, 4), size = f(w, 10, 2), post = f(w, 23, 1);
  const k = MULTI_NAMES[op];
  if (!k || (size === 3 && !Q && k[0] !== "1")) return undefined;
  const t = ARR[size]![Q]!, mem = `[${rsp(1, f(w, 5, 5))}]`;
  return `${L ? "ld" : "st"}${k[0]} ${list(f(w, 0, 5), k[1], t)}, ${mem}${post ? postText(w, k[1] * (Q ? 16 : 8)) : ""}`;
}

function singleText(w: number): string | undefined {
  const Q = f(w, 30, 1), L = f(w, 22, 1), R = f(w, 21, 1), op = f(w, 13, 3), S = f(w, 12, 1), size = f(w, 10, 2), post = f(w, 23, 1);
  const Rt = f(w, 0, 5), mem = `[${rsp(1, f(w, 5, 5))}]`;
  if (R) return undefined;
  if (op === 6) {
    if (!L || S) return undefined;
    return `ld1r ${list(Rt, 1, ARR[size]![Q]!)}, ${mem}${post ? postText(w, 1 << size) : ""}`;
  }
  let es: number, index: number;
  if (op === 0) { es = 0; index = (Q << 3) | (S << 2) | size; }
  else if (op === 2) { if (size & 1) return undefined; es = 1; index = (Q << 2) | (S << 1) | (size >> 1); }
  else if (op === 4 && size === 0) { es = 2; index = (Q << 1) | S; }
  else if (op === 4 && size === 1 && !S) { es = 3; index = Q; }
  else return undefined;
  return `${L ? "ld1" : "st1"} { v${Rt}.${"bhsd"[es]} }[${index}], ${mem}${post ? postText(w, 1 << es) : ""}`;
}

export const SIMD_MEM_ROWS: Row[] = [
  row(0xbfbf0000, 0x0c000000, multiText),
  row(0xbfa00000, 0x0c800000, multiText),
  row(0xbf9f0000, 0x0d000000, singleText),
  row(0xbf800000, 0x0d800000, singleText),
];
