/**
 * @file Data processing (register): ADD/SUB (shifted register, extended register) and their
 * flag-setting forms with CMP/CMN/NEG/NEGS, ADC/SBC(S) with NGC(S), 2-source (UDIV, SDIV,
 * LSLV/LSRV/ASRV/RORV printed as LSL/LSR/ASR/ROR), 1-source (RBIT, REV16, REV32, REV, CLZ, CLS)
 * and 3-source (MADD, MSUB, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULH, UMULH with MUL, MNEG, SMULL,
 * UMULL, SMNEGL, UMNEGL). ARM ARM C4.1.94 "Data Processing -- Register". Stage 6.
 *
 *   addShifted(1, X0, X1, X2, SHIFT.LSL, tryUimm6(1, 3)!)    // add x0, x1, x2, lsl #3
 *   addExtended(1, SP, SP, X1, EXTEND.UXTW, 2)              // add sp, sp, w1, uxtw #2
 *   mul(0, X0, X1, X2)                                       // mul w0, w1, w2
 */
import type { Uimm6 } from "../imm.ts";
import { EXTEND_NAMES, ZR, type Extend, type Reg, type Sf, type Shift } from "../regs.ts";
import { f, r, row, rsp, type Row } from "./_row.ts";
import { shiftSuffix } from "./logical.ts";

// ── ADD / SUB (shifted register) ──

/**
 * Add/subtract (shifted register). shift = ROR is reserved.
 * ```
 *  31 30 29 28     24 23 22 21 20     16 15       10 9     5 4     0
 * +--+--+--+---------+-----+--+---------+-----------+-------+-------+
 * |sf|op| S|0 1 0 1 1|shift| 0|   Rm    |   imm6    |  Rn   |  Rd   |
 * +--+--+--+---------+-----+--+---------+-----------+-------+-------+
 * ```
 */
function addSubShifted(sf: Sf, op: number, S: number, shift: Shift, Rm: Reg, imm6: Uimm6, Rn: Reg, Rd: Reg): number {
  return ((sf << 31) | (op << 30) | (S << 29) | 0x0b000000 | (shift << 22) | (Rm << 16) | (imm6 << 10) | (Rn << 5) | Rd) >>> 0;
}
type ArithShift = 0 | 1 | 2;
type AddSubShifted = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg, shift?: ArithShift, imm6?: Uimm6) => number;
const S0 = 0 as Uimm6;

/** ADD (shifted register). */
export const addShifted: AddSubShifted = (sf, Rd, Rn, Rm, shift = 0, imm6 = S0) => addSubShifted(sf, 0, 0, shift, Rm, imm6, Rn, Rd);
/** ADDS (shifted register). */
export const addsShifted: AddSubShifted = (sf, Rd, Rn, Rm, shift = 0, imm6 = S0) => addSubShifted(sf, 0, 1, shift, Rm, imm6, Rn, Rd);
/** SUB (shifted register). */
export const subShifted: AddSubShifted = (sf, Rd, Rn, Rm, shift = 0, imm6 = S0) => addSubShifted(sf, 1, 0, shift, Rm, imm6, Rn, Rd);
/** SUBS (shifted register). */
export const subsShifted: AddSubShifted = (sf, Rd, Rn, Rm, shift = 0, imm6 = S0) => addSubShifted(sf, 1, 1, shift, Rm, imm6, Rn, Rd);
/** CMP (shifted register), alias of SUBS with Rd = ZR. */
export const cmpShifted = (sf: Sf, Rn: Reg, Rm: Reg, shift: ArithShift = 0, imm6 = S0): number => subsShifted(sf, ZR, Rn, Rm, shift, imm6);
/** CMN (shifted register), alias of ADDS with Rd = ZR. */
export const cmnShifted = (sf: Sf, Rn: Reg, Rm: Reg, shift: ArithShift = 0, imm6 = S0): number => addsShifted(sf, ZR, Rn, Rm, shift, imm6);
/** NEG (shifted register), alias of SUB with Rn = ZR. */
export const neg = (sf: Sf, Rd: Reg, Rm: Reg, shift: ArithShift = 0, imm6 = S0): number => subShifted(sf, Rd, ZR, Rm, shift, imm6);
/** NEGS, alias of SUBS with Rn = ZR. */
export const negs = (sf: Sf, Rd: Reg, Rm: Reg, shift: ArithShift = 0, imm6 = S0): number => subsShifted(sf, Rd, ZR, Rm, shift, imm6);

// ── ADD / SUB (extended register) ──

/**
 * Add/subtract (extended register). Rd (non-flag-setting) and Rn may be SP; imm3 is 0..4.
 * ```
 *  31 30 29 28     24 23 22 21 20     16 15    13 12   10 9     5 4     0
 * +--+--+--+---------+-----+--+---------+--------+------+-------+-------+
 * |sf|op| S|0 1 0 1 1| 0 0| 1|   Rm    | option | imm3 |  Rn   |  Rd   |
 * +--+--+--+---------+-----+--+---------+--------+------+-------+-------+
 * ```
 */
function addSubExtended(sf: Sf, op: number, S: number, Rm: Reg, option: Extend, imm3: number, Rn: Reg, Rd: Reg): number {
  return ((sf << 31) | (op << 30) | (S << 29) | 0x0b200000 | (Rm << 16) | (option << 13) | (imm3 << 10) | (Rn << 5) | Rd) >>> 0;
}
type Imm3 = 0 | 1 | 2 | 3 | 4;
type AddSubExt = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg, option: Extend, imm3?: Imm3) => number;

/** ADD (extended register): Rd|SP = Rn|SP + extend(Rm) << imm3. */
export const addExtended: AddSubExt = (sf, Rd, Rn, Rm, option, imm3 = 0) => addSubExtended(sf, 0, 0, Rm, option, imm3, Rn, Rd);
/** ADDS (extended register). */
export const addsExtended: AddSubExt = (sf, Rd, Rn, Rm, option, imm3 = 0) => addSubExtended(sf, 0, 1, Rm, option, imm3, Rn, Rd);
/** SUB (extended register). */
export const subExtended: AddSubExt = (sf, Rd, Rn, Rm, option, imm3 = 0) => addSubExtended(sf, 1, 0, Rm, option, imm3, Rn, Rd);
/** SUBS (extended register). */
export const subsExtended: AddSubExt = (sf, Rd, Rn, Rm, option, imm3 = 0) => addSubExtended(sf, 1, 1, Rm, option, imm3, Rn, Rd);

// ── ADC / SBC ──

/**
 * Add/subtract (with carry).
 * ```
 *  31 30 29 28             21 20     16 15       10 9     5 4     0
 * +--+--+--+-----------------+---------+-----------+-------+-------+
 * |sf|op| S| 1 1 0 1 0 0 0 0 |   Rm    |0 0 0 0 0 0|  Rn   |  Rd   |
 * +--+--+--+-----------------+---------+-----------+-------+-------+
 * ```
 */
function addSubCarry(sf: Sf, op: number, S: number, Rm: Reg, Rn: Reg, Rd: Reg): number {
  return ((sf << 31) | (op << 30) | (S << 29) | 0x1a000000 | (Rm << 16) | (Rn << 5) | Rd) >>> 0;
}
/** ADC: Rd = Rn + Rm + C. */
export const adc = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg): number => addSubCarry(sf, 0, 0, Rm, Rn, Rd);
/** ADCS. */
export const adcs = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg): number => addSubCarry(sf, 0, 1, Rm, Rn, Rd);
/** SBC: Rd = Rn - Rm - !C. */
export const sbc = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg): number => addSubCarry(sf, 1, 0, Rm, Rn, Rd);
/** SBCS. */
export const sbcs = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg): number => addSubCarry(sf, 1, 1, Rm, Rn, Rd);
/** NGC, alias of SBC with Rn = ZR. */
export const ngc = (sf: Sf, Rd: Reg, Rm: Reg): number => sbc(sf, Rd, ZR, Rm);
/** NGCS, alias of SBCS with Rn = ZR. */
export const ngcs = (sf: Sf, Rd: Reg, Rm: Reg): number => sbcs(sf, Rd, ZR, Rm);

// ── 2-source: UDIV, SDIV, LSLV, LSRV, ASRV, RORV ──

/**
 * Data-processing (2 source).
 * ```
 *  31 30 29 28             21 20     16 15       10 9     5 4     0
 * +--+--+--+-----------------+---------+-----------+-------+-------+
 * |sf| 0| S| 1 1 0 1 0 1 1 0 |   Rm    |  opcode   |  Rn   |  Rd   |
 * +--+--+--+-----------------+---------+-----------+-------+-------+
 * ```
 */
function dp2(sf: Sf, opcode: number, Rm: Reg, Rn: Reg, Rd: Reg): number {
  return ((sf << 31) | 0x1ac00000 | (Rm << 16) | (opcode << 10) | (Rn << 5) | Rd) >>> 0;
}
/** UDIV. */
export const udiv = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg): number => dp2(sf, 0b000010, Rm, Rn, Rd);
/** SDIV. */
export const sdiv = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg): number => dp2(sf, 0b000011, Rm, Rn, Rd);
/** LSLV (LSL (register) is its preferred spelling). */
export const lslv = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg): number => dp2(sf, 0b001000, Rm, Rn, Rd);
/** LSRV. */
export const lsrv = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg): number => dp2(sf, 0b001001, Rm, Rn, Rd);
/** ASRV. */
export const asrv = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg): number => dp2(sf, 0b001010, Rm, Rn, Rd);
/** RORV. */
export const rorv = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg): number => dp2(sf, 0b001011, Rm, Rn, Rd);
/** LSL (register), alias of LSLV. */
export const lslReg = lslv;
/** LSR (register), alias of LSRV. */
export const lsrReg = lsrv;
/** ASR (register), alias of ASRV. */
export const asrReg = asrv;
/** ROR (register), alias of RORV. */
export const rorReg = rorv;

// ── 1-source: RBIT, REV16, REV32, REV, CLZ, CLS ──

/**
 * Data-processing (1 source).
 * ```
 *  31 30 29 28             21 20     16 15       10 9     5 4     0
 * +--+--+--+-----------------+---------+-----------+-------+-------+
 * |sf| 1| S| 1 1 0 1 0 1 1 0 |0 0 0 0 0|  opcode   |  Rn   |  Rd   |
 * +--+--+--+-----------------+---------+-----------+-------+-------+
 * ```
 */
function dp1(sf: Sf, opcode: number, Rn: Reg, Rd: Reg): number {
  return ((sf << 31) | 0x5ac00000 | (opcode << 10) | (Rn << 5) | Rd) >>> 0;
}
/** RBIT: reverse bits. */
export const rbit = (sf: Sf, Rd: Reg, Rn: Reg): number => dp1(sf, 0, Rn, Rd);
/** REV16: reverse bytes in each halfword. */
export const rev16 = (sf: Sf, Rd: Reg, Rn: Reg): number => dp1(sf, 1, Rn, Rd);
/** REV32: reverse bytes in each word (64-bit only). */
export const rev32 = (Rd: Reg, Rn: Reg): number => dp1(1, 2, Rn, Rd);
/** REV: reverse bytes of the whole register. */
export const rev = (sf: Sf, Rd: Reg, Rn: Reg): number => dp1(sf, sf ? 3 : 2, Rn, Rd);
/** CLZ: count leading zeros. */
export const clz = (sf: Sf, Rd: Reg, Rn: Reg): number => dp1(sf, 4, Rn, Rd);
/** CLS: count leading sign bits. */
export const cls = (sf: Sf, Rd: Reg, Rn: Reg): number => dp1(sf, 5, Rn, Rd);

// ── 3-source: MADD, MSUB, SMADDL, SMSUBL, SMULH, UMADDL, UMSUBL, UMULH ──

/**
 * Data-processing (3 source).
 * ```
 *  31 30 29 28     24 23  21 20     16 15 14     10 9     5 4     0
 * +--+-----+---------+------+---------+--+---------+-------+-------+
 * |sf| 0 0 |1 1 0 1 1| op31 |   Rm    |o0|   Ra    |  Rn   |  Rd   |
 * +--+-----+---------+------+---------+--+---------+-------+-------+
 * ```
 */
function dp3(sf: Sf, op31: number, o0: number, Rm: Reg, Ra: Reg, Rn: Reg, Rd: Reg): number {
  return ((sf << 31) | 0x1b000000 | (op31 << 21) | (Rm << 16) | (o0 << 15) | (Ra << 10) | (Rn << 5) | Rd) >>> 0;
}
/** MADD: Rd = Ra + Rn * Rm. */
export const madd = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg, Ra: Reg): number => dp3(sf, 0, 0, Rm, Ra, Rn, Rd);
/** MSUB: Rd = Ra - Rn * Rm. */
export const msub = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg, Ra: Reg): number => dp3(sf, 0, 1, Rm, Ra, Rn, Rd);
/** SMADDL: Xd = Xa + Wn * Wm (signed). */
export const smaddl = (Rd: Reg, Rn: Reg, Rm: Reg, Ra: Reg): number => dp3(1, 1, 0, Rm, Ra, Rn, Rd);
/** SMSUBL. */
export const smsubl = (Rd: Reg, Rn: Reg, Rm: Reg, Ra: Reg): number => dp3(1, 1, 1, Rm, Ra, Rn, Rd);
/** SMULH: high 64 bits of the signed 128-bit product. */
export const smulh = (Rd: Reg, Rn: Reg, Rm: Reg): number => dp3(1, 2, 0, Rm, ZR, Rn, Rd);
/** UMADDL. */
export const umaddl = (Rd: Reg, Rn: Reg, Rm: Reg, Ra: Reg): number => dp3(1, 5, 0, Rm, Ra, Rn, Rd);
/** UMSUBL. */
export const umsubl = (Rd: Reg, Rn: Reg, Rm: Reg, Ra: Reg): number => dp3(1, 5, 1, Rm, Ra, Rn, Rd);
/** UMULH. */
export const umulh = (Rd: Reg, Rn: Reg, Rm: Reg): number => dp3(1, 6, 0, Rm, ZR, Rn, Rd);
/** MUL, alias of MADD with Ra = ZR. */
export const mul = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg): number => madd(sf, Rd, Rn, Rm, ZR);
/** MNEG, alias of MSUB with Ra = ZR. */
export const mneg = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg): number => msub(sf, Rd, Rn, Rm, ZR);
/** SMULL, alias of SMADDL with Ra = ZR. */
export const smull = (Rd: Reg, Rn: Reg, Rm: Reg): number => smaddl(Rd, Rn, Rm, ZR);
/** UMULL, alias of UMADDL with Ra = ZR. */
export const umull = (Rd: Reg, Rn: Reg, Rm: Reg): number => umaddl(Rd, Rn, Rm, ZR);
/** SMNEGL, alias of SMSUBL with Ra = ZR. */
export const smnegl = (Rd: Reg, Rn: Reg, Rm: Reg): number => smsubl(Rd, Rn, Rm, ZR);
/** UMNEGL, alias of UMSUBL with Ra = ZR. */
export const umnegl = (Rd: Reg, Rn: Reg, Rm: Reg): number => umsubl(Rd, Rn, Rm, ZR);

// ── Decode ──

const DP2: Record<number, string> = { 2: "udiv", 3: "sdiv", 8: "lsl", 9: "lsr", 10: "asr", 11: "ror" };

function fmtExtended(w: number): string | undefined {
  const sf = w >>> 31, op = f(w, 30, 1), S = f(w, 29, 1), Rm = f(w, 16, 5), option = f(w, 13, 3), imm3 = f(w, 10, 3);
  const Rn = f(w, 5, 5), Rd = f(w, 0, 5);
  if (imm3 > 4 || f(w, 22, 2)) return undefined;
  const m = (op ? "sub" : "add") + (S ? "s" : "");
  const mReg = r(sf && (option & 3) === 3 ? 1 : 0, Rm);
  // LSL is printed for UXTW/UXTX when Rd or Rn is SP (the ARM ARM's preferred disassembly).
  const isLsl = option === (sf ? 3 : 2) && ((!S && Rd === 31) || Rn === 31);
  const ext = isLsl ? (imm3 ? `, lsl #${imm3}` : "") : `, ${EXTEND_NAMES[option]}${imm3 ? ` #${imm3}` : ""}`;
  if (S && Rd === 31) return `${op ? "cmp" : "cmn"} ${rsp(sf, Rn)}, ${mReg}${ext}`;
  return `${m} ${S ? r(sf, Rd) : rsp(sf, Rd)}, ${rsp(sf, Rn)}, ${mReg}${ext}`;
}

export const DATA_REG_ROWS: Row[] = [
  row(0x1f200000, 0x0b000000, (w) => {
    const sf = w >>> 31, op = f(w, 30, 1), S = f(w, 29, 1), shift = f(w, 22, 2), imm6 = f(w, 10, 6);
    if (shift === 3 || (!sf && imm6 >= 32)) return undefined;
    const Rm = f(w, 16, 5), Rn = f(w, 5, 5), Rd = f(w, 0, 5), sh = shiftSuffix(shift, imm6);
    if (S && Rd === 31) return `${op ? "cmp" : "cmn"} ${r(sf, Rn)}, ${r(sf, Rm)}${sh}`;
    if (op && Rn === 31) return `${S ? "negs" : "neg"} ${r(sf, Rd)}, ${r(sf, Rm)}${sh}`;
    return `${op ? "sub" : "add"}${S ? "s" : ""} ${r(sf, Rd)}, ${r(sf, Rn)}, ${r(sf, Rm)}${sh}`;
  }),
  row(0x1f200000, 0x0b200000, fmtExtended),
  row(0x1fe0fc00, 0x1a000000, (w) => {
    const sf = w >>> 31, op = f(w, 30, 1), S = f(w, 29, 1), Rm = f(w, 16, 5), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    if (op && Rn === 31) return `${S ? "ngcs" : "ngc"} ${r(sf, Rd)}, ${r(sf, Rm)}`;
    return `${op ? "sbc" : "adc"}${S ? "s" : ""} ${r(sf, Rd)}, ${r(sf, Rn)}, ${r(sf, Rm)}`;
  }),
  row(0x7fe00000, 0x1ac00000, (w) => {
    const sf = w >>> 31, m = DP2[f(w, 10, 6)];
    if (!m) return undefined;
    return `${m} ${r(sf, f(w, 0, 5))}, ${r(sf, f(w, 5, 5))}, ${r(sf, f(w, 16, 5))}`;
  }),
  row(0x7fff0000, 0x5ac00000, (w) => {
    const sf = w >>> 31, op = f(w, 10, 6);
    const m = op === 0 ? "rbit" : op === 1 ? "rev16" : op === 2 ? (sf ? "rev32" : "rev") : op === 3 ? (sf ? "rev" : undefined)
      : op === 4 ? "clz" : op === 5 ? "cls" : undefined;
    return m && `${m} ${r(sf, f(w, 0, 5))}, ${r(sf, f(w, 5, 5))}`;
  }),
  row(0x7f000000, 0x1b000000, (w) => {
    const sf = w >>> 31, op31 = f(w, 21, 3), o0 = f(w, 15, 1), Rm = f(w, 16, 5), Ra = f(w, 10, 5), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    if (op31 === 0) {
      if (Ra === 31) return `${o0 ? "mneg" : "mul"} ${r(sf, Rd)}, ${r(sf, Rn)}, ${r(sf, Rm)}`;
      return `${o0 ? "msub" : "madd"} ${r(sf, Rd)}, ${r(sf, Rn)}, ${r(sf, Rm)}, ${r(sf, Ra)}`;
    }
    if (!sf) return undefined;
    if ((op31 === 2 || op31 === 6) && !o0) {
      if (Ra !== 31) return undefined;
      return `${op31 === 2 ? "smulh" : "umulh"} ${r(1, Rd)}, ${r(1, Rn)}, ${r(1, Rm)}`;
    }
    if (op31 !== 1 && op31 !== 5) return undefined;
    const u = op31 === 5 ? "u" : "s";
    if (Ra === 31) return `${u}${o0 ? "mnegl" : "mull"} ${r(1, Rd)}, ${r(0, Rn)}, ${r(0, Rm)}`;
    return `${u}${o0 ? "msubl" : "maddl"} ${r(1, Rd)}, ${r(0, Rn)}, ${r(0, Rm)}, ${r(1, Ra)}`;
  }),
];
