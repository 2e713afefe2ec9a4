/**
 * @file Logical (immediate) and logical (shifted register): AND, ORR, EOR, ANDS and the negated
 * BIC, ORN, EON, BICS, with the MOV, MVN and TST aliases. ARM ARM C4.1.92.4 "Logical
 * (immediate)" and C4.1.94.2 "Logical (shifted register)". Stage 6, encoders and decode rows.
 *
 *   andImm(1, X0, X1, tryLogicalImm(1, 0xffn)!)    // and x0, x1, #0xff
 *   orrShifted(0, X0, X1, X2, SHIFT.LSL, 3)         // orr w0, w1, w2, lsl #3
 *   movReg(1, X0, X1)                               // mov x0, x1
 */
import { decodeLogicalImm, type LogicalImm, type Uimm6 } from "../imm.ts";
import { SHIFT_NAMES, ZR, type Reg, type Sf, type Shift } from "../regs.ts";
import { f, hex, r, row, rsp, type Row } from "./_row.ts";
import { movWidePreferred } from "./move-wide.ts";

// ── Logical (immediate) ──

/**
 * Logical (immediate). `imm` is the 13-bit N:immr:imms field from tryLogicalImm.
 * ```
 *  31 30 29 28       23 22 21       16 15       10 9     5 4     0
 * +--+-----+-----------+--+-----------+-----------+-------+-------+
 * |sf| opc |1 0 0 1 0 0| N|   immr    |   imms    |  Rn   |  Rd   |
 * +--+-----+-----------+--+-----------+-----------+-------+-------+
 * ```
 */
function logicalImm(sf: Sf, opc: number, imm: LogicalImm, Rn: Reg, Rd: Reg): number {
  return ((sf << 31) | (opc << 29) | 0x12000000 | (imm << 10) | (Rn << 5) | Rd) >>> 0;
}

/** AND (immediate): Rd|SP = Rn & imm. */
export const andImm = (sf: Sf, Rd: Reg, Rn: Reg, imm: LogicalImm): number => logicalImm(sf, 0, imm, Rn, Rd);
/** ORR (immediate): Rd|SP = Rn | imm. */
export const orrImm = (sf: Sf, Rd: Reg, Rn: Reg, imm: LogicalImm): number => logicalImm(sf, 1, imm, Rn, Rd);
/** EOR (immediate): Rd|SP = Rn ^ imm. */
export const eorImm = (sf: Sf, Rd: Reg, Rn: Reg, imm: LogicalImm): number => logicalImm(sf, 2, imm, Rn, Rd);
/** ANDS (immediate): Rd = Rn & imm, setting NZ (C = V = 0). */
export const andsImm = (sf: Sf, Rd: Reg, Rn: Reg, imm: LogicalImm): number => logicalImm(sf, 3, imm, Rn, Rd);
/** TST (immediate), alias of ANDS with Rd = ZR. */
export const tstImm = (sf: Sf, Rn: Reg, imm: LogicalImm): number => andsImm(sf, ZR, Rn, imm);
/** MOV (bitmask immediate), alias of ORR (immediate) with Rn = ZR. */
export const movBitmask = (sf: Sf, Rd: Reg, imm: LogicalImm): number => orrImm(sf, Rd, ZR, imm);

// ── Logical (shifted register) ──

/**
 * Logical (shifted register). N inverts Rm (BIC, ORN, EON, BICS).
 * ```
 *  31 30 29 28     24 23 22 21 20     16 15       10 9     5 4     0
 * +--+-----+---------+-----+--+---------+-----------+-------+-------+
 * |sf| opc |0 1 0 1 0|shift| N|   Rm    |   imm6    |  Rn   |  Rd   |
 * +--+-----+---------+-----+--+---------+-----------+-------+-------+
 * ```
 */
function logicalShifted(sf: Sf, opc: number, N: 0 | 1, shift: Shift, Rm: Reg, imm6: Uimm6, Rn: Reg, Rd: Reg): number {
  return ((sf << 31) | (opc << 29) | 0x0a000000 | (shift << 22) | (N << 21) | (Rm << 16) | (imm6 << 10) | (Rn << 5) | Rd) >>> 0;
}

type LogicalShifted = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg, shift?: Shift, imm6?: Uimm6) => number;
const S0 = 0 as Uimm6;

/** AND (shifted register). */
export const andShifted: LogicalShifted = (sf, Rd, Rn, Rm, shift = 0, imm6 = S0) => logicalShifted(sf, 0, 0, shift, Rm, imm6, Rn, Rd);
/** BIC (shifted register): Rn & ~shift(Rm). */
export const bicShifted: LogicalShifted = (sf, Rd, Rn, Rm, shift = 0, imm6 = S0) => logicalShifted(sf, 0, 1, shift, Rm, imm6, Rn, Rd);
/** ORR (shifted register). */
export const orrShifted: LogicalShifted = (sf, Rd, Rn, Rm, shift = 0, imm6 = S0) => logicalShifted(sf, 1, 0, shift, Rm, imm6, Rn, Rd);
/** ORN (shifted register): Rn | ~shift(Rm). */
export const ornShifted: LogicalShifted = (sf, Rd, Rn, Rm, shift = 0, imm6 = S0) => logicalShifted(sf, 1, 1, shift, Rm, imm6, Rn, Rd);
/** EOR (shifted register). */
export const eorShifted: LogicalShifted = (sf, Rd, Rn, Rm, shift = 0, imm6 = S0) => logicalShifted(sf, 2, 0, shift, Rm, imm6, Rn, Rd);
/** EON (shifted register): Rn ^ ~shift(Rm). */
export const eonShifted: LogicalShifted = (sf, Rd, Rn, Rm, shift = 0, imm6 = S0) => logicalShifted(sf, 2, 1, shift, Rm, imm6, Rn, Rd);
/** ANDS (shifted register). */
export const andsShifted: LogicalShifted = (sf, Rd, Rn, Rm, shift = 0, imm6 = S0) => logicalShifted(sf, 3, 0, shift, Rm, imm6, Rn, Rd);
/** BICS (shifted register). */
export const bicsShifted: LogicalShifted = (sf, Rd, Rn, Rm, shift = 0, imm6 = S0) => logicalShifted(sf, 3, 1, shift, Rm, imm6, Rn, Rd);
/** MOV (register), alias of ORR (shifted register) with Rn = ZR. */
export const movReg = (sf: Sf, Rd: Reg, Rm: Reg): number => orrShifted(sf, Rd, ZR, Rm);
/** MVN, alias of ORN (shifted register) with Rn = ZR. */
export const mvn = (sf: Sf, Rd: Reg, Rm: Reg, shift: Shift = 0, imm6 = S0): number => ornShifted(sf, Rd, ZR, Rm, shift, imm6);
/** TST (shifted register), alias of ANDS with Rd = ZR. */
export const tstShifted = (sf: Sf, Rn: Reg, Rm: Reg, shift: Shift = 0, imm6 = S0): number => andsShifted(sf, ZR, Rn, Rm, shift, imm6);

// ── Decode ──

const LOG_NAMES = ["and", "bic", "orr", "orn", "eor", "eon", "ands", "bics"] as const;

/** `, lsl #3` as llvm prints a shifted-register operand; nothing for LSL #0. */
export const shiftSuffix = (shift: number, amt: number): string => (shift === 0 && amt === 0 ? "" : `, ${SHIFT_NAMES[shift]} #${amt}`);

export const LOGICAL_ROWS: Row[] = [
  row(0x1f800000, 0x12000000, (w) => {
    const sf = (w >>> 31) as Sf, opc = f(w, 29, 2), N = f(w, 22, 1), immr = f(w, 16, 6), imms = f(w, 10, 6);
    const v = decodeLogicalImm(sf, N, immr, imms);
    if (v === undefined) return undefined;
    const Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    if (opc === 1 && Rn === 31 && !movWidePreferred(sf, v)) return `mov ${rsp(sf, Rd)}, ${hex(BigInt.asIntN(sf ? 64 : 32, v))}`;
    if (opc === 3 && Rd === 31) return `tst ${r(sf, Rn)}, ${hex(v)}`;
    return `${LOG_NAMES[opc * 2]} ${opc === 3 ? r(sf, Rd) : rsp(sf, Rd)}, ${r(sf, Rn)}, ${hex(v)}`;
  }),
  row(0x1f000000, 0x0a000000, (w) => {
    const sf = w >>> 31, opc = f(w, 29, 2), shift = f(w, 22, 2), N = f(w, 21, 1), imm6 = f(w, 10, 6);
    if (!sf && imm6 >= 32) return undefined;
    const Rm = f(w, 16, 5), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    const sh = shiftSuffix(shift, imm6);
    if (opc === 1 && !N && Rn === 31 && !shift && !imm6) return `mov ${r(sf, Rd)}, ${r(sf, Rm)}`;
    if (opc === 1 && N && Rn === 31) return `mvn ${r(sf, Rd)}, ${r(sf, Rm)}${sh}`;
    if (opc === 3 && !N && Rd === 31) return `tst ${r(sf, Rn)}, ${r(sf, Rm)}${sh}`;
    return `${LOG_NAMES[opc * 2 + N]} ${r(sf, Rd)}, ${r(sf, Rn)}, ${r(sf, Rm)}${sh}`;
  }),
];
