/**
 * @file Conditional select (CSEL, CSINC, CSINV, CSNEG with CSET, CSETM, CINC, CINV, CNEG),
 * conditional compare (CCMP, CCMN, register and immediate) and the FlagM data-processing
 * forms (RMIF, SETF8, SETF16). ARM ARM C4.1.94 "Conditional select", "Conditional compare",
 * "Rotate right into flags", "Evaluate into flags". Stage 6, encoders and decode rows.
 *
 * RMIF/SETF* need FEAT_FlagM: callers check `HostFeatures.flagm` (see ../features.ts).
 *
 *   cset(0, X0, COND.EQ)                         // cset w0, eq
 *   ccmpImm(1, X1, tryUimm(5, 3)!, 0, COND.NE)   // ccmp x1, #0x3, #0x0, ne
 */
import type { Uimm } from "../imm.ts";
import { ZR, type Cond, type Reg, type Sf } from "../regs.ts";
import { cond, f, hex, r, row, type Row } from "./_row.ts";

/**
 * Conditional select.
 * ```
 *  31 30 29 28             21 20     16 15    12 11 10 9     5 4     0
 * +--+--+--+-----------------+---------+--------+-----+-------+-------+
 * |sf|op| S| 1 1 0 1 0 1 0 0 |   Rm    |  cond  | op2 |  Rn   |  Rd   |
 * +--+--+--+-----------------+---------+--------+-----+-------+-------+
 * ```
 */
function condSelect(sf: Sf, op: number, Rm: Reg, c: Cond, op2: number, Rn: Reg, Rd: Reg): number {
  return ((sf << 31) | (op << 30) | 0x1a800000 | (Rm << 16) | (c << 12) | (op2 << 10) | (Rn << 5) | Rd) >>> 0;
}
/** CSEL: Rd = cond ? Rn : Rm. */
export const csel = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg, c: Cond): number => condSelect(sf, 0, Rm, c, 0, Rn, Rd);
/** CSINC: Rd = cond ? Rn : Rm + 1. */
export const csinc = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg, c: Cond): number => condSelect(sf, 0, Rm, c, 1, Rn, Rd);
/** CSINV: Rd = cond ? Rn : ~Rm. */
export const csinv = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg, c: Cond): number => condSelect(sf, 1, Rm, c, 0, Rn, Rd);
/** CSNEG: Rd = cond ? Rn : -Rm. */
export const csneg = (sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg, c: Cond): number => condSelect(sf, 1, Rm, c, 1, Rn, Rd);
/** CSET: Rd = cond ? 1 : 0 (alias of CSINC ZR, ZR, invert(cond); cond must not be AL/NV). */
export const cset = (sf: Sf, Rd: Reg, c: Cond): number => csinc(sf, Rd, ZR, ZR, c ^ 1);
/** CSETM: Rd = cond ? -1 : 0 (alias of CSINV). */
export const csetm = (sf: Sf, Rd: Reg, c: Cond): number => csinv(sf, Rd, ZR, ZR, c ^ 1);
/** CINC: Rd = cond ? Rn + 1 : Rn (alias of CSINC). */
export const cinc = (sf: Sf, Rd: Reg, Rn: Reg, c: Cond): number => csinc(sf, Rd, Rn, Rn, c ^ 1);
/** CINV (alias of CSINV). */
export const cinv = (sf: Sf, Rd: Reg, Rn: Reg, c: Cond): number => csinv(sf, Rd, Rn, Rn, c ^ 1);
/** CNEG (alias of CSNEG). */
export const cneg = (sf: Sf, Rd: Reg, Rn: Reg, c: Cond): number => csneg(sf, Rd, Rn, Rn, c ^ 1);

/**
 * Conditional compare (register / immediate). o2 = o3 = 0.
 * ```
 *  31 30 29 28             21 20     16 15    12 11 10 9     5 4  3     0
 * +--+--+--+-----------------+---------+--------+--+--+-------+--+-------+
 * |sf|op| 1| 1 1 0 1 0 0 1 0 | Rm|imm5 |  cond  |i |o2|  Rn   |o3| nzcv  |
 * +--+--+--+-----------------+---------+--------+--+--+-------+--+-------+
 * ```
 */
function condCompare(sf: Sf, op: number, imm: number, Rm: number, c: Cond, Rn: Reg, nzcv: number): number {
  return ((sf << 31) | (op << 30) | 0x3a400000 | (Rm << 16) | (c << 12) | (imm << 11) | (Rn << 5) | nzcv) >>> 0;
}
/** CCMP (register): flags = cond ? cmp(Rn, Rm) : nzcv. */
export const ccmpReg = (sf: Sf, Rn: Reg, Rm: Reg, nzcv: Uimm, c: Cond): number => condCompare(sf, 1, 0, Rm, c, Rn, nzcv);
/** CCMN (register). */
export const ccmnReg = (sf: Sf, Rn: Reg, Rm: Reg, nzcv: Uimm, c: Cond): number => condCompare(sf, 0, 0, Rm, c, Rn, nzcv);
/** CCMP (immediate), imm5 = tryUimm(5, x). */
export const ccmpImm = (sf: Sf, Rn: Reg, imm5: Uimm, nzcv: Uimm, c: Cond): number => condCompare(sf, 1, 1, imm5, c, Rn, nzcv);
/** CCMN (immediate). */
export const ccmnImm = (sf: Sf, Rn: Reg, imm5: Uimm, nzcv: Uimm, c: Cond): number => condCompare(sf, 0, 1, imm5, c, Rn, nzcv);

// ── FlagM ──

/**
 * RMIF (FEAT_FlagM): rotate Xn right by imm6 and insert its low bits into NZCV under mask.
 * ```
 *  31 30 29 28             21 20       15 14     10 9     5 4  3     0
 * +--+--+--+-----------------+-----------+---------+-------+--+-------+
 * | 1| 0| 1| 1 1 0 1 0 0 0 0 |   imm6    |0 0 0 0 1|  Rn   | 0| mask  |
 * +--+--+--+-----------------+-----------+---------+-------+--+-------+
 * ```
 */
export function rmif(Rn: Reg, imm6: Uimm, mask: Uimm): number {
  return (0xba000400 | (imm6 << 15) | (Rn << 5) | mask) >>> 0;
}

/**
 * SETF8 / SETF16 (FEAT_FlagM): set N, Z, V from the low 8/16 bits of Wn.
 * ```
 *  31 30 29 28             21 20       15 14 13    10 9     5 4  3     0
 * +--+--+--+-----------------+-----------+--+--------+-------+--+-------+
 * | 0| 0| 1| 1 1 0 1 0 0 0 0 |0 0 0 0 0 0|sz| 0 0 1 0|  Rn   | 0| 1 1 0 1|
 * +--+--+--+-----------------+-----------+--+--------+-------+--+-------+
 * ```
 */
function setf(sz: number, Rn: Reg): number {
  return (0x3a00080d | (sz << 14) | (Rn << 5)) >>> 0;
}
/** SETF8. */
export const setf8 = (Rn: Reg): number => setf(0, Rn);
/** SETF16. */
export const setf16 = (Rn: Reg): number => setf(1, Rn);

// ── Decode ──

export const COND_ROWS: Row[] = [
  row(0x1fe00800, 0x1a800000, (w) => {
    const sf = w >>> 31, op = f(w, 30, 1), S = f(w, 29, 1), Rm = f(w, 16, 5), c = f(w, 12, 4), op2 = f(w, 10, 2);
    const Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    if (S || op2 > 1) return undefined;
    const base = ["csel", "csinc", "csinv", "csneg"][op * 2 + op2]!;
    if (op2 === 1 || op === 1) {
      if (Rn === Rm && c < 14) {
        if (Rn === 31 && base !== "csneg") return `${base === "csinc" ? "cset" : "csetm"} ${r(sf, Rd)}, ${cond(c ^ 1)}`;
        if (base !== "csel") return `${{ csinc: "cinc", csinv: "cinv", csneg: "cneg" }[base]} ${r(sf, Rd)}, ${r(sf, Rn)}, ${cond(c ^ 1)}`;
      }
    }
    return `${base} ${r(sf, Rd)}, ${r(sf, Rn)}, ${r(sf, Rm)}, ${cond(c)}`;
  }),
  row(0x1fe00410, 0x1a400000, (w) => {
    const sf = w >>> 31, op = f(w, 30, 1), S = f(w, 29, 1), imm = f(w, 11, 1);
    if (!S) return undefined;
    const Rm = f(w, 16, 5), c = f(w, 12, 4), Rn = f(w, 5, 5), nzcv = f(w, 0, 4);
    return `${op ? "ccmp" : "ccmn"} ${r(sf, Rn)}, ${imm ? hex(Rm) : r(sf, Rm)}, ${hex(nzcv)}, ${cond(c)}`;
  }),
  row(0xffe07c10, 0xba000400, (w) => `rmif ${r(1, f(w, 5, 5))}, ${hex(f(w, 15, 6))}, ${hex(f(w, 0, 4))}`),
  row(0xffffbc1f, 0x3a00080d, (w) => `setf${f(w, 14, 1) ? 16 : 8} ${r(0, f(w, 5, 5))}`),
];
