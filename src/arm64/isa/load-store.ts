/**
 * @file Loads and stores of every size to general and SIMD&FP registers: unsigned offset,
 * unscaled (LDUR/STUR), pre- and post-index, register offset with extend, pairs (LDP/STP/LDPSW,
 * LDNP/STNP), PC-relative literals, and the PRFM/PRFUM prefetch hints in every addressing mode.
 * ARM ARM C4.1.93 "Loads and Stores". Stage 6.
 *
 * The access kind (`LDST.*`, `PAIR.*`, `LIT.*`) is the size:V:opc template bits, so one encoder per
 * addressing mode covers every size: the kind names follow the ARM ARM mnemonics.
 *
 *   ldstUimm(LDST.LDRX, X0, SP, tryUimm12s(8, 16)!)            // ldr x0, [sp, #0x10]
 *   ldstPre(LDST.STRX, X0, SP, trySimm9(-16)!)                 // str x0, [sp, #-0x10]!
 *   ldstReg(LDST.LDRW, X0, X1, X2, EXTEND.UXTX, 1)             // ldr w0, [x1, x2, lsl #2]
 *   ldstPair(PAIR.STPX, "pre", FP, LR, SP, trySimm7s(8, -16)!) // stp x29, x30, [sp, #-0x10]!
 */
import type { PcOff, Simm7s, Simm9, Uimm12s } from "../imm.ts";
import type { Extend, Reg } from "../regs.ts";
import { f, hex, row, rsp, sf_, target, type Row } from "./_row.ts";

const k = (size: number, V: number, opc: number): number => ((size << 30) | (V << 26) | (opc << 22)) >>> 0;

/** Single-register access kinds: size:V:opc. */
export const LDST = {
  STRB: k(0, 0, 0), LDRB: k(0, 0, 1), LDRSBX: k(0, 0, 2), LDRSBW: k(0, 0, 3),
  STRH: k(1, 0, 0), LDRH: k(1, 0, 1), LDRSHX: k(1, 0, 2), LDRSHW: k(1, 0, 3),
  STRW: k(2, 0, 0), LDRW: k(2, 0, 1), LDRSW: k(2, 0, 2), STRX: k(3, 0, 0), LDRX: k(3, 0, 1),
  STR_B: k(0, 1, 0), LDR_B: k(0, 1, 1), STR_H: k(1, 1, 0), LDR_H: k(1, 1, 1), STR_S: k(2, 1, 0), LDR_S: k(2, 1, 1),
  STR_D: k(3, 1, 0), LDR_D: k(3, 1, 1), STR_Q: k(0, 1, 2), LDR_Q: k(0, 1, 3),
} as const;
export type LdSt = (typeof LDST)[keyof typeof LDST];

/** Bytes moved by an access kind (the scale of its unsigned offset). */
export function accessSize(kind: LdSt): number {
  const size = kind >>> 30, V = (kind >>> 26) & 1, opc = (kind >>> 22) & 3;
  return V && opc >= 2 ? 16 : 1 << size;
}

/**
 * Load/store register (unsigned immediate).
 * ```
 *  31 30 29  27 26 25 24 23 22 21                    10 9     5 4     0
 * +-----+-----+--+-----+-----+-------------------------+-------+-------+
 * |size |1 1 1| V| 0 1 | opc |         imm12           |  Rn   |  Rt   |
 * +-----+-----+--+-----+-----+-------------------------+-------+-------+
 * ```
 */
export const ldstUimm = (kind: LdSt, Rt: Reg, Rn: Reg, imm12: Uimm12s): number => (kind | 0x39000000 | (imm12 << 10) | (Rn << 5) | Rt) >>> 0;

/**
 * Load/store register (unscaled immediate, immediate post-indexed, immediate pre-indexed).
 * ```
 *  31 30 29  27 26 25 24 23 22 21 20               12 11 10 9     5 4     0
 * +-----+-----+--+-----+-----+--+-------------------+-----+-------+-------+
 * |size |1 1 1| V| 0 0 | opc | 0|       imm9        | idx |  Rn   |  Rt   |
 * +-----+-----+--+-----+-----+--+-------------------+-----+-------+-------+
 * ```
 * idx: 00 unscaled (LDUR/STUR), 01 post-index, 11 pre-index.
 */
const ldstImm9 = (kind: LdSt, idx: number, imm9: Simm9, Rn: Reg, Rt: Reg): number =>
  (kind | 0x38000000 | ((imm9 & 0x1ff) << 12) | (idx << 10) | (Rn << 5) | Rt) >>> 0;
/** LDUR/STUR (and LDURB, LDURSW, ...): unscaled signed byte offset. */
export const ldstUnscaled = (kind: LdSt, Rt: Reg, Rn: Reg, imm9: Simm9): number => ldstImm9(kind, 0, imm9, Rn, Rt);
/** Post-index: access [Rn], then Rn += imm9. */
export const ldstPost = (kind: LdSt, Rt: Reg, Rn: Reg, imm9: Simm9): number => ldstImm9(kind, 1, imm9, Rn, Rt);
/** Pre-index: Rn += imm9, then access [Rn]. */
export const ldstPre = (kind: LdSt, Rt: Reg, Rn: Reg, imm9: Simm9): number => ldstImm9(kind, 3, imm9, Rn, Rt);

/**
 * Load/store register (register offset). option: UXTW, LSL (UXTX), SXTW, SXTX; S scales Rm by the
 * access size.
 * ```
 *  31 30 29  27 26 25 24 23 22 21 20     16 15  13 12 11 10 9     5 4     0
 * +-----+-----+--+-----+-----+--+---------+------+--+-----+-------+-------+
 * |size |1 1 1| V| 0 0 | opc | 1|   Rm    |option| S| 1 0 |  Rn   |  Rt   |
 * +-----+-----+--+-----+-----+--+---------+------+--+-----+-------+-------+
 * ```
 */
export const ldstReg = (kind: LdSt, Rt: Reg, Rn: Reg, Rm: Reg, option: Extend, S: 0 | 1): number =>
  (kind | 0x38200800 | (Rm << 16) | (option << 13) | (S << 12) | (Rn << 5) | Rt) >>> 0;

// ── Pairs ──

const p = (opc: number, V: number, L: number): number => ((opc << 30) | (V << 26) | (L << 22)) >>> 0;
/** Pair access kinds: opc:V:L. */
export const PAIR = {
  STPW: p(0, 0, 0), LDPW: p(0, 0, 1), LDPSW: p(1, 0, 1), STPX: p(2, 0, 0), LDPX: p(2, 0, 1),
  STP_S: p(0, 1, 0), LDP_S: p(0, 1, 1), STP_D: p(1, 1, 0), LDP_D: p(1, 1, 1), STP_Q: p(2, 1, 0), LDP_Q: p(2, 1, 1),
} as const;
export type Pair = (typeof PAIR)[keyof typeof PAIR];
const PAIR_MODE = { nt: 0, post: 1, offset: 2, pre: 3 } as const;
export type PairMode = keyof typeof PAIR_MODE;

/** Bytes per register of a pair kind (the scale of imm7). */
export function pairSize(kind: Pair): number {
  const opc = kind >>> 30, V = (kind >>> 26) & 1;
  return V ? 4 << opc : opc === 2 ? 8 : 4;
}

/**
 * Load/store register pair (offset, pre-index, post-index, no-allocate). LDPSW has no "nt" form.
 * ```
 *  31 30 29  27 26 25 24 23 22 21          15 14     10 9     5 4     0
 * +-----+-----+--+--+--------+--+-------------+---------+-------+-------+
 * | opc |1 0 1| V| 0|  idx   | L|    imm7     |   Rt2   |  Rn   |  Rt   |
 * +-----+-----+--+--+--------+--+-------------+---------+-------+-------+
 * ```
 */
export const ldstPair = (kind: Pair, mode: PairMode, Rt: Reg, Rt2: Reg, Rn: Reg, imm7: Simm7s): number =>
  (kind | 0x28000000 | (PAIR_MODE[mode] << 23) | ((imm7 & 0x7f) << 15) | (Rt2 << 10) | (Rn << 5) | Rt) >>> 0;

// ── Literal ──

/** Literal kinds: opc:V. */
export const LIT = { LDRW: 0, LDRX: 1 << 30, LDRSW: 2 << 30, LDR_S: 1 << 26, LDR_D: (1 << 30) | (1 << 26), LDR_Q: ((2 << 30) | (1 << 26)) >>> 0 } as const;
export type Lit = (typeof LIT)[keyof typeof LIT];

/**
 * Load register (literal): Rt = [PC + imm19 * 4].
 * ```
 *  31 30 29  27 26 25 24 23                                      5 4     0
 * +-----+-----+--+-----+----------------------------------------+-------+
 * | opc |0 1 1| V| 0 0 |                 imm19                  |  Rt   |
 * +-----+-----+--+-----+----------------------------------------+-------+
 * ```
 */
export const ldrLiteral = (kind: Lit, Rt: Reg, imm19: PcOff): number => (kind | 0x18000000 | ((imm19 & 0x7ffff) << 5) | Rt) >>> 0;

/**
 * PRFM/PRFUM: prefetch hints in the LDR X slots (size 11, opc 10), with `prfop` in the Rt field:
 * type (PLD 0, PLI 1, PST 2) << 3 | target (L1 0, L2 1, L3 2, SLC 3) << 1 | policy (KEEP 0, STRM 1).
 */
export const PRFOP = {
  PLDL1KEEP: 0, PLDL1STRM: 1, PLDL2KEEP: 2, PLDL2STRM: 3, PLDL3KEEP: 4, PLDL3STRM: 5,
  PLIL1KEEP: 8, PLIL1STRM: 9, PLIL2KEEP: 10, PLIL2STRM: 11, PLIL3KEEP: 12, PLIL3STRM: 13,
  PSTL1KEEP: 16, PSTL1STRM: 17, PSTL2KEEP: 18, PSTL2STRM: 19, PSTL3KEEP: 20, PSTL3STRM: 21,
} as const;
const PRFM = 0xf8800000;
/** PRFM (immediate): [Xn|SP + imm12 * 8]. */
export const prfmImm = (prfop: number, Rn: Reg, imm12: Uimm12s): number => ((PRFM | 0x01000000 | (imm12 << 10) | (Rn << 5) | (prfop & 31)) >>> 0);
/** PRFUM: [Xn|SP + simm9]. */
export const prfum = (prfop: number, Rn: Reg, imm9: Simm9): number => ((PRFM | ((imm9 & 0x1ff) << 12) | (Rn << 5) | (prfop & 31)) >>> 0);
/** PRFM (register): [Xn|SP + extend(Rm) << (S ? 3 : 0)]; prfop 0..23 (24 and up encode RPRFM). */
export const prfmReg = (prfop: number, Rn: Reg, Rm: Reg, option: Extend, S: 0 | 1): number =>
  ((PRFM | 0x00200800 | (Rm << 16) | (option << 13) | (S << 12) | (Rn << 5) | (prfop & 31)) >>> 0);
/** PRFM (literal): [PC + imm19 * 4]. */
export const prfmLiteral = (prfop: number, imm19: PcOff): number => ((0xd8000000 | ((imm19 & 0x7ffff) << 5) | (prfop & 31)) >>> 0);

// ── Decode ──

/** Mnemonic and register spelling of a size:V:opc kind, or undefined (PRFM and unallocated). */
function kindOf(size: number, V: number, opc: number): { m: string; reg: (n: number) => string; bytes: number } | undefined {
  if (V) {
    if (opc >= 2 && size) return undefined;
    const c = opc >= 2 ? "q" : "bhsd"[size]!;
    return { m: opc & 1 ? "ldr" : "str", reg: (n) => c + n, bytes: opc >= 2 ? 16 : 1 << size };
  }
  const x = (n: number) => (n === 31 ? "xzr" : "x" + n), w = (n: number) => (n === 31 ? "wzr" : "w" + n);
  const sfx = ["b", "h", "", ""][size]!;
  if (opc === 0) return { m: "str" + sfx, reg: size === 3 ? x : w, bytes: 1 << size };
  if (opc === 1) return { m: "ldr" + sfx, reg: size === 3 ? x : w, bytes: 1 << size };
  if (size === 3 || (size === 2 && opc === 3)) return undefined;
  return { m: "ldrs" + (size === 2 ? "w" : sfx), reg: opc === 2 ? x : w, bytes: 1 << size };
}

const unscaledName = (m: string): string => m.replace(/^ldr/, "ldur").replace(/^str/, "stur");
const mem = (Rn: number, off: number): string => (off ? `[${rsp(1, Rn)}, ${hex(off)}]` : `[${rsp(1, Rn)}]`);

const PAIR_DECODE: Record<number, { m: string; c: string; bytes: number }> = {
  [PAIR.STPW]: { m: "stp", c: "w", bytes: 4 }, [PAIR.LDPW]: { m: "ldp", c: "w", bytes: 4 }, [PAIR.LDPSW]: { m: "ldpsw", c: "x", bytes: 4 },
  [PAIR.STPX]: { m: "stp", c: "x", bytes: 8 }, [PAIR.LDPX]: { m: "ldp", c: "x", bytes: 8 },
  [PAIR.STP_S]: { m: "stp", c: "s", bytes: 4 }, [PAIR.LDP_S]: { m: "ldp", c: "s", bytes: 4 }, [PAIR.STP_D]: { m: "stp", c: "d", bytes: 8 },
  [PAIR.LDP_D]: { m: "ldp", c: "d", bytes: 8 }, [PAIR.STP_Q]: { m: "stp", c: "q", bytes: 16 }, [PAIR.LDP_Q]: { m: "ldp", c: "q", bytes: 16 },
};
const pairReg = (c: string, n: number): string => (n === 31 && (c === "w" || c === "x") ? c + "zr" : c + n);

const PRF_NAMES = ["pld", "pli", "pst"];
/** llvm's name of a prfop: `pldl1keep` ... `pstslcstrm`, or `#0x18` and up in hex. */
const prfName = (op: number): string => (op >= 24 ? hex(op) : `${PRF_NAMES[op >> 3]}${["l1", "l2", "l3", "slc"][(op >> 1) & 3]}${op & 1 ? "strm" : "keep"}`);

export const LOAD_STORE_ROWS: Row[] = [
  row(0xffc00000, 0xf9800000, (w) => `prfm ${prfName(f(w, 0, 5))}, ${mem(f(w, 5, 5), f(w, 10, 12) * 8)}`),
  row(0xffe00c00, 0xf8800000, (w) => `prfum ${prfName(f(w, 0, 5))}, ${mem(f(w, 5, 5), sf_(w, 12, 9))}`),
  row(0xffe00c00, 0xf8a00800, (w) => {
    const option = f(w, 13, 3), S = f(w, 12, 1);
    if (!(option & 2) || f(w, 0, 5) >= 24) return undefined; // prfop 11xxx here is RPRFM
    const rm = (option & 1 ? "x" : "w") + (f(w, 16, 5) === 31 ? "zr" : f(w, 16, 5));
    const ext = option === 3 ? (S ? ", lsl #3" : "") : `, ${["", "", "uxtw", "", "", "", "sxtw", "sxtx"][option]}${S ? " #3" : ""}`;
    return `prfm ${prfName(f(w, 0, 5))}, [${rsp(1, f(w, 5, 5))}, ${rm}${ext}]`;
  }),
  row(0xff000000, 0xd8000000, (w, pc) => `prfm ${prfName(f(w, 0, 5))}, ${target(pc, sf_(w, 5, 19) * 4)}`),
  row(0x3b000000, 0x39000000, (w) => {
    const kd = kindOf(f(w, 30, 2), f(w, 26, 1), f(w, 22, 2));
    return kd && `${kd.m} ${kd.reg(f(w, 0, 5))}, ${mem(f(w, 5, 5), f(w, 10, 12) * kd.bytes)}`;
  }),
  row(0x3b200000, 0x38000000, (w) => {
    const kd = kindOf(f(w, 30, 2), f(w, 26, 1), f(w, 22, 2)), idx = f(w, 10, 2), imm = sf_(w, 12, 9);
    if (!kd || idx === 2) return undefined;
    const t = kd.reg(f(w, 0, 5)), n = rsp(1, f(w, 5, 5));
    if (idx === 0) return `${unscaledName(kd.m)} ${t}, ${mem(f(w, 5, 5), imm)}`;
    return idx === 1 ? `${kd.m} ${t}, [${n}], ${hex(imm)}` : `${kd.m} ${t}, [${n}, ${hex(imm)}]!`;
  }),
  row(0x3b200c00, 0x38200800, (w) => {
    const kd = kindOf(f(w, 30, 2), f(w, 26, 1), f(w, 22, 2)), option = f(w, 13, 3), S = f(w, 12, 1);
    if (!kd || !(option & 2)) return undefined;
    const amt = S ? Math.log2(kd.bytes) : 0;
    const rm = (option & 1 ? "x" : "w") + (f(w, 16, 5) === 31 ? "zr" : f(w, 16, 5));
    const ext = option === 3 ? (S ? `, lsl #${amt}` : "") : `, ${["", "", "uxtw", "", "", "", "sxtw", "sxtx"][option]}${S ? ` #${amt}` : ""}`;
    return `${kd.m} ${kd.reg(f(w, 0, 5))}, [${rsp(1, f(w, 5, 5))}, ${rm}${ext}]`;
  }),
  row(0x3a000000, 0x28000000, (w) => {
    const pd = PAIR_DECODE[(w & 0xc4400000) >>> 0], idx = f(w, 23, 2);
    if (!pd || (idx === 0 && pd.m === "ldpsw")) return undefined;
    const m = idx === 0 ? pd.m.replace("p", "np") : pd.m;
    const regs = `${pairReg(pd.c, f(w, 0, 5))}, ${pairReg(pd.c, f(w, 10, 5))}`, n = rsp(1, f(w, 5, 5)), off = sf_(w, 15, 7) * pd.bytes;
    if (idx === 1) return `${m} ${regs}, [${n}], ${hex(off)}`;
    if (idx === 3) return `${m} ${regs}, [${n}, ${hex(off)}]!`;
    return `${m} ${regs}, ${mem(f(w, 5, 5), off)}`;
  }),
  row(0x3b000000, 0x18000000, (w, pc) => {
    const opc = f(w, 30, 2), V = f(w, 26, 1), Rt = f(w, 0, 5);
    if (opc === 3) return undefined;
    const reg = V ? "sdq"[opc]! + Rt : (opc === 0 ? "w" : "x") + (Rt === 31 ? "zr" : Rt);
    return `${!V && opc === 2 ? "ldrsw" : "ldr"} ${reg}, ${target(pc, sf_(w, 5, 19) * 4)}`;
  }),
];
