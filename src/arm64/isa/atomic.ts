/**
 * @file Exclusive and ordered loads/stores (LDXR/STXR/LDAXR/STLXR and pairs, LDAR/STLR), RCpc
 * loads (LDAPR, FEAT_LRCPC), and the LSE atomics (CAS/CASP, LDADD/LDCLR/LDEOR/LDSET/LDSMAX/
 * LDSMIN/LDUMAX/LDUMIN with their ST* aliases, SWP) in every ordering and size. ARM ARM C4.1.93
 * "Load/store exclusive", "Load/store ordered", "Compare and swap", "Atomic memory operations".
 *
 * `size` is 0..3 for B, H, W, X; `order` is ORDER.* (A = acquire, L = release).
 *
 *   ldaxr(3, X0, X1)                                  // ldaxr x0, [x1]
 *   cas(3, ORDER.AL, X0, X1, X2)                      // casal x0, x1, [x2]
 *   ldAtomic(ATOMIC.ADD, 2, ORDER.A, X0, X1, X2)      // ldadda w0, w1, [x2]
 */
import type { Reg } from "../regs.ts";
import { f, r, row, rsp, type Row } from "./_row.ts";

export type Size = 0 | 1 | 2 | 3;
/** Memory ordering: bit 0 acquire, bit 1 release. */
export const ORDER = { NONE: 0, A: 1, L: 2, AL: 3 } as const;
export type Order = 0 | 1 | 2 | 3;

/**
 * Load/store exclusive, ordered, and compare-and-swap share one layout.
 * ```
 *  31 30 29        24 23 22 21 20     16 15 14     10 9     5 4     0
 * +-----+------------+--+--+--+---------+--+---------+-------+-------+
 * |size |0 0 1 0 0 0 |o2| L|o1|   Rs    |o0|   Rt2   |  Rn   |  Rt   |
 * +-----+------------+--+--+--+---------+--+---------+-------+-------+
 * ```
 */
function ldstEx(size: number, o2: number, L: number, o1: number, Rs: Reg, o0: number, Rt2: Reg, Rn: Reg, Rt: Reg): number {
  return ((size << 30) | 0x08000000 | (o2 << 23) | (L << 22) | (o1 << 21) | (Rs << 16) | (o0 << 15) | (Rt2 << 10) | (Rn << 5) | Rt) >>> 0;
}
/** STXR: Ws = status of storing Rt to [Xn|SP]. */
export const stxr = (size: Size, Rs: Reg, Rt: Reg, Rn: Reg): number => ldstEx(size, 0, 0, 0, Rs, 0, 31, Rn, Rt);
/** STLXR (release). */
export const stlxr = (size: Size, Rs: Reg, Rt: Reg, Rn: Reg): number => ldstEx(size, 0, 0, 0, Rs, 1, 31, Rn, Rt);
/** LDXR. */
export const ldxr = (size: Size, Rt: Reg, Rn: Reg): number => ldstEx(size, 0, 1, 0, 31, 0, 31, Rn, Rt);
/** LDAXR (acquire). */
export const ldaxr = (size: Size, Rt: Reg, Rn: Reg): number => ldstEx(size, 0, 1, 0, 31, 1, 31, Rn, Rt);
/** STXP (size 2 = W pair, 3 = X pair). */
export const stxp = (size: 2 | 3, Rs: Reg, Rt: Reg, Rt2: Reg, Rn: Reg): number => ldstEx(size, 0, 0, 1, Rs, 0, Rt2, Rn, Rt);
/** STLXP. */
export const stlxp = (size: 2 | 3, Rs: Reg, Rt: Reg, Rt2: Reg, Rn: Reg): number => ldstEx(size, 0, 0, 1, Rs, 1, Rt2, Rn, Rt);
/** LDXP. */
export const ldxp = (size: 2 | 3, Rt: Reg, Rt2: Reg, Rn: Reg): number => ldstEx(size, 0, 1, 1, 31, 0, Rt2, Rn, Rt);
/** LDAXP. */
export const ldaxp = (size: 2 | 3, Rt: Reg, Rt2: Reg, Rn: Reg): number => ldstEx(size, 0, 1, 1, 31, 1, Rt2, Rn, Rt);
/** STLR: store-release. */
export const stlr = (size: Size, Rt: Reg, Rn: Reg): number => ldstEx(size, 1, 0, 0, 31, 1, 31, Rn, Rt);
/** LDAR: load-acquire. */
export const ldar = (size: Size, Rt: Reg, Rn: Reg): number => ldstEx(size, 1, 1, 0, 31, 1, 31, Rn, Rt);
/** CAS{A}{L}{B,H}: compare Rs with [Xn|SP], store Rt if equal; Rs receives the old value. */
export const cas = (size: Size, order: Order, Rs: Reg, Rt: Reg, Rn: Reg): number => ldstEx(size, 1, order & 1, 1, Rs, order >> 1, 31, Rn, Rt);
/** CASP{A}{L}: pair compare-and-swap; Rs and Rt even; size 2 = W pairs, 3 = X pairs. */
export const casp = (size: 2 | 3, order: Order, Rs: Reg, Rt: Reg, Rn: Reg): number => ldstEx(size - 2, 0, order & 1, 1, Rs, order >> 1, 31, Rn, Rt);

/**
 * LDAPR (FEAT_LRCPC): load-acquire RCpc.
 * ```
 *  31 30 29                         16 15         10 9     5 4     0
 * +-----+-----------------------------+------------+-------+-------+
 * |size |1 1 1 0 0 0 1 0 1 1 1 1 1 1 1 |1 1 0 0 0 0 |  Rn   |  Rt   |
 * +-----+-----------------------------+------------+-------+-------+
 * ```
 */
export const ldapr = (size: Size, Rt: Reg, Rn: Reg): number => ((size << 30) | 0x38bfc000 | (Rn << 5) | Rt) >>> 0;

/** Atomic memory operation (opc field). */
export const ATOMIC = { ADD: 0, CLR: 1, EOR: 2, SET: 3, SMAX: 4, SMIN: 5, UMAX: 6, UMIN: 7 } as const;
export type AtomicOp = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * Atomic memory operations (FEAT_LSE).
 * ```
 *  31 30 29  27 26 25 24 23 22 21 20     16 15 14  12 11 10 9     5 4     0
 * +-----+-----+--+-----+--+--+--+---------+--+------+-----+-------+-------+
 * |size |1 1 1| 0| 0 0| A| R| 1|   Rs    |o3| opc  | 0 0 |  Rn   |  Rt   |
 * +-----+-----+--+-----+--+--+--+---------+--+------+-----+-------+-------+
 * ```
 */
function atomicOp(size: Size, order: Order, Rs: Reg, o3: number, opc: number, Rn: Reg, Rt: Reg): number {
  return ((size << 30) | 0x38200000 | ((order & 1) << 23) | ((order >> 1) << 22) | (Rs << 16) | (o3 << 15) | (opc << 12) | (Rn << 5) | Rt) >>> 0;
}
/** LD<op>{A}{L}{B,H}: Rt = [Xn|SP]; [Xn|SP] = op([Xn|SP], Rs). */
export const ldAtomic = (op: AtomicOp, size: Size, order: Order, Rs: Reg, Rt: Reg, Rn: Reg): number => atomicOp(size, order, Rs, 0, op, Rn, Rt);
/** ST<op>{L}{B,H}, alias of LD<op> with Rt = ZR (no acquire form). */
export const stAtomic = (op: AtomicOp, size: Size, release: 0 | 1, Rs: Reg, Rn: Reg): number => ldAtomic(op, size, (release << 1) as Order, Rs, 31, Rn);
/** SWP{A}{L}{B,H}: Rt = [Xn|SP]; [Xn|SP] = Rs. */
export const swp = (size: Size, order: Order, Rs: Reg, Rt: Reg, Rn: Reg): number => atomicOp(size, order, Rs, 1, 0, Rn, Rt);

// ── Decode ──

const SZ = ["b", "h", "", ""] as const;
const ORD = ["", "a", "l", "al"] as const;
const OPS = ["add", "clr", "eor", "set", "smax", "smin", "umax", "umin"] as const;

function fmtEx(w: number): string | undefined {
  const size = f(w, 30, 2), o2 = f(w, 23, 1), L = f(w, 22, 1), o1 = f(w, 21, 1), Rs = f(w, 16, 5), o0 = f(w, 15, 1);
  const Rt2 = f(w, 10, 5), Rn = f(w, 5, 5), Rt = f(w, 0, 5), sf = size === 3 ? 1 : 0, mem = `[${rsp(1, Rn)}]`;
  if (o1 && o2) {
    if (Rt2 !== 31) return undefined;
    return `cas${ORD[L | (o0 << 1)]}${SZ[size]} ${r(sf, Rs)}, ${r(sf, Rt)}, ${mem}`;
  }
  if (o1 && size < 2) {
    if (Rt2 !== 31 || Rs & 1 || Rt & 1) return undefined;
    const s = size;
    return `casp${ORD[L | (o0 << 1)]} ${r(s, Rs)}, ${r(s, Rs + 1)}, ${r(s, Rt)}, ${r(s, Rt + 1)}, ${mem}`;
  }
  if (o2) {
    if (Rs !== 31 || Rt2 !== 31 || !o0) return undefined;
    return `${L ? "ldar" : "stlr"}${SZ[size]} ${r(sf, Rt)}, ${mem}`;
  }
  if (o1) {
    if (L) return Rs === 31 ? `ld${o0 ? "a" : ""}xp ${r(sf, Rt)}, ${r(sf, Rt2)}, ${mem}` : undefined;
    return `st${o0 ? "l" : ""}xp ${r(0, Rs)}, ${r(sf, Rt)}, ${r(sf, Rt2)}, ${mem}`;
  }
  if (Rt2 !== 31) return undefined;
  if (L) return Rs === 31 ? `ld${o0 ? "a" : ""}xr${SZ[size]} ${r(sf, Rt)}, ${mem}` : undefined;
  return `st${o0 ? "l" : ""}xr${SZ[size]} ${r(0, Rs)}, ${r(sf, Rt)}, ${mem}`;
}

export const ATOMIC_ROWS: Row[] = [
  row(0x3f000000, 0x08000000, fmtEx),
  row(0x3ffffc00, 0x38bfc000, (w) => `ldapr${SZ[f(w, 30, 2)]} ${r(f(w, 30, 2) === 3 ? 1 : 0, f(w, 0, 5))}, [${rsp(1, f(w, 5, 5))}]`),
  row(0x3f200c00, 0x38200000, (w) => {
    const size = f(w, 30, 2), A = f(w, 23, 1), R = f(w, 22, 1), Rs = f(w, 16, 5), o3 = f(w, 15, 1), opc = f(w, 12, 3);
    const Rn = f(w, 5, 5), Rt = f(w, 0, 5), sf = size === 3 ? 1 : 0, mem = `[${rsp(1, Rn)}]`;
    if (o3) return opc === 0 ? `swp${ORD[A | (R << 1)]}${SZ[size]} ${r(sf, Rs)}, ${r(sf, Rt)}, ${mem}` : undefined;
    if (Rt === 31 && !A) return `st${OPS[opc]}${R ? "l" : ""}${SZ[size]} ${r(sf, Rs)}, ${mem}`;
    return `ld${OPS[opc]}${ORD[A | (R << 1)]}${SZ[size]} ${r(sf, Rs)}, ${r(sf, Rt)}, ${mem}`;
  }),
];
