/**
 * @file Branches: B, BL (imm26), B.cond (imm19), CBZ/CBNZ (imm19), TBZ/TBNZ (imm14), and BR,
 * BLR, RET. ARM ARM C4.1.90 "Branches, Exception Generating and System instructions". Stage 6.
 * Offsets are checked word offsets (tryPcOff(bits, byteOffset)); labels and their range checks
 * live in ../encoder.ts (LabelUse).
 *
 *   b(tryPcOff(26, 16)!)                        // b .+16
 *   cbz(1, X0, tryPcOff(19, -8)!)               // cbz x0, .-8
 *   tbnz(X3, tryUimm6(0, 5)!, tryPcOff(14, 12)!) // tbnz w3, #0x5, .+12
 */
import type { PcOff, Uimm6 } from "../imm.ts";
import { LR, type Cond, type Reg, type Sf } from "../regs.ts";
import { cond, f, hex, r, row, sf_, target, type Row } from "./_row.ts";

/**
 * Unconditional branch (immediate).
 * ```
 *  31 30      26 25                                            0
 * +--+----------+-----------------------------------------------+
 * |op|0 0 1 0 1 |                    imm26                      |
 * +--+----------+-----------------------------------------------+
 * ```
 */
const branchImm = (op: number, imm26: PcOff): number => ((op << 31) | 0x14000000 | (imm26 & 0x3ffffff)) >>> 0;
/** B: PC += imm26 * 4. */
export const b = (imm26: PcOff): number => branchImm(0, imm26);
/** BL: X30 = PC + 4; PC += imm26 * 4. */
export const bl = (imm26: PcOff): number => branchImm(1, imm26);

/**
 * Conditional branch (immediate).
 * ```
 *  31           24 23                                     5 4  3     0
 * +---------------+----------------------------------------+--+-------+
 * |0 1 0 1 0 1 0 0|                 imm19                  | 0| cond  |
 * +---------------+----------------------------------------+--+-------+
 * ```
 */
export const bCond = (c: Cond, imm19: PcOff): number => (0x54000000 | ((imm19 & 0x7ffff) << 5) | c) >>> 0;

/**
 * Compare and branch (immediate).
 * ```
 *  31 30        25 24 23                                     5 4     0
 * +--+------------+--+----------------------------------------+-------+
 * |sf|0 1 1 0 1 0 |op|                 imm19                  |  Rt   |
 * +--+------------+--+----------------------------------------+-------+
 * ```
 */
const cmpBranch = (sf: Sf, op: number, imm19: PcOff, Rt: Reg): number => ((sf << 31) | 0x34000000 | (op << 24) | ((imm19 & 0x7ffff) << 5) | Rt) >>> 0;
/** CBZ. */
export const cbz = (sf: Sf, Rt: Reg, imm19: PcOff): number => cmpBranch(sf, 0, imm19, Rt);
/** CBNZ. */
export const cbnz = (sf: Sf, Rt: Reg, imm19: PcOff): number => cmpBranch(sf, 1, imm19, Rt);

/**
 * Test and branch (immediate). The bit number is b5:b40; b5 also selects the X form.
 * ```
 *  31 30        25 24 23    19 18                            5 4     0
 * +--+------------+--+--------+-------------------------------+-------+
 * |b5|0 1 1 0 1 1 |op|  b40   |            imm14              |  Rt   |
 * +--+------------+--+--------+-------------------------------+-------+
 * ```
 */
const testBranch = (op: number, bit: Uimm6, imm14: PcOff, Rt: Reg): number =>
  ((((bit >> 5) & 1) << 31) | 0x36000000 | (op << 24) | ((bit & 31) << 19) | ((imm14 & 0x3fff) << 5) | Rt) >>> 0;
/** TBZ: branch if bit `bit` of Rt is zero (tryUimm6(1, bit)). */
export const tbz = (Rt: Reg, bit: Uimm6, imm14: PcOff): number => testBranch(0, bit, imm14, Rt);
/** TBNZ. */
export const tbnz = (Rt: Reg, bit: Uimm6, imm14: PcOff): number => testBranch(1, bit, imm14, Rt);

/**
 * Unconditional branch (register).
 * ```
 *  31           25 24  21 20     16 15       10 9     5 4     0
 * +---------------+------+---------+-----------+-------+-------+
 * |1 1 0 1 0 1 1  | opc  |1 1 1 1 1|0 0 0 0 0 0|  Rn   |0 0 0 0 0|
 * +---------------+------+---------+-----------+-------+-------+
 * ```
 */
const branchReg = (opc: number, Rn: Reg): number => (0xd61f0000 | (opc << 21) | (Rn << 5)) >>> 0;
/** BR. */
export const br = (Rn: Reg): number => branchReg(0, Rn);
/** BLR. */
export const blr = (Rn: Reg): number => branchReg(1, Rn);
/** RET (Rn defaults to X30). */
export const ret = (Rn: Reg = LR): number => branchReg(2, Rn);

// ── Decode ──

export const BRANCH_ROWS: Row[] = [
  row(0x7c000000, 0x14000000, (w, pc) => `${w >>> 31 ? "bl" : "b"} ${target(pc, sf_(w, 0, 26) * 4)}`),
  row(0xff000010, 0x54000000, (w, pc) => `b.${cond(f(w, 0, 4))} ${target(pc, sf_(w, 5, 19) * 4)}`),
  row(0x7e000000, 0x34000000, (w, pc) => `${f(w, 24, 1) ? "cbnz" : "cbz"} ${r(w >>> 31, f(w, 0, 5))}, ${target(pc, sf_(w, 5, 19) * 4)}`),
  row(0x7e000000, 0x36000000, (w, pc) => {
    const b5 = w >>> 31;
    return `${f(w, 24, 1) ? "tbnz" : "tbz"} ${r(b5, f(w, 0, 5))}, ${hex((b5 << 5) | f(w, 19, 5))}, ${target(pc, sf_(w, 5, 14) * 4)}`;
  }),
  row(0xffdffc1f, 0xd61f0000, (w) => `${f(w, 21, 1) ? "blr" : "br"} ${r(1, f(w, 5, 5))}`),
  row(0xfffffc1f, 0xd65f0000, (w) => (f(w, 5, 5) === 30 ? "ret" : `ret ${r(1, f(w, 5, 5))}`)),
];
