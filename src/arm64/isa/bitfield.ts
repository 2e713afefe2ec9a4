/**
 * @file Bitfield (SBFM, BFM, UBFM) with their aliases (ASR/LSL/LSR immediate, SBFX, UBFX, SBFIZ,
 * UBFIZ, BFI, BFXIL, BFC, SXTB/SXTH/SXTW, UXTB/UXTH) and Extract (EXTR, ROR immediate). ARM ARM
 * C4.1.92.6 "Bitfield" and C4.1.92.7 "Extract". Stage 6, encoders and decode rows.
 *
 *   ubfx(1, X0, X1, tryBitRange(1, 3, 4)!)     // ubfx x0, x1, #3, #4
 *   lslImm(0, X0, X1, tryUimm6(0, 3)!)         // lsl w0, w1, #3
 */
import type { BitRange, Uimm6 } from "../imm.ts";
import { ZR, type Reg, type Sf } from "../regs.ts";
import { f, hex, r, row, type Row } from "./_row.ts";

/**
 * Bitfield. N must equal sf.
 * ```
 *  31 30 29 28       23 22 21       16 15       10 9     5 4     0
 * +--+-----+-----------+--+-----------+-----------+-------+-------+
 * |sf| opc |1 0 0 1 1 0| N|   immr    |   imms    |  Rn   |  Rd   |
 * +--+-----+-----------+--+-----------+-----------+-------+-------+
 * ```
 */
function bitfield(sf: Sf, opc: number, immr: number, imms: number, Rn: Reg, Rd: Reg): number {
  return ((sf << 31) | (opc << 29) | 0x13000000 | (sf << 22) | (immr << 16) | (imms << 10) | (Rn << 5) | Rd) >>> 0;
}

/** SBFM: signed bitfield move. */
export const sbfm = (sf: Sf, Rd: Reg, Rn: Reg, immr: Uimm6, imms: Uimm6): number => bitfield(sf, 0, immr, imms, Rn, Rd);
/** BFM: bitfield move (inserts into Rd). */
export const bfm = (sf: Sf, Rd: Reg, Rn: Reg, immr: Uimm6, imms: Uimm6): number => bitfield(sf, 1, immr, imms, Rn, Rd);
/** UBFM: unsigned bitfield move. */
export const ubfm = (sf: Sf, Rd: Reg, Rn: Reg, immr: Uimm6, imms: Uimm6): number => bitfield(sf, 2, immr, imms, Rn, Rd);

const W = (sf: Sf): number => (sf ? 64 : 32);
const lsbOf = (b: BitRange): number => b & 0xff;
const widthOf = (b: BitRange): number => b >> 8;
const u6 = (x: number) => x as Uimm6;

/** ASR (immediate), alias of SBFM. */
export const asrImm = (sf: Sf, Rd: Reg, Rn: Reg, shift: Uimm6): number => sbfm(sf, Rd, Rn, shift, u6(W(sf) - 1));
/** LSR (immediate), alias of UBFM. */
export const lsrImm = (sf: Sf, Rd: Reg, Rn: Reg, shift: Uimm6): number => ubfm(sf, Rd, Rn, shift, u6(W(sf) - 1));
/** LSL (immediate), alias of UBFM. */
export const lslImm = (sf: Sf, Rd: Reg, Rn: Reg, shift: Uimm6): number => ubfm(sf, Rd, Rn, u6((W(sf) - shift) % W(sf)), u6(W(sf) - 1 - shift));
/** SBFX, alias of SBFM. */
export const sbfx = (sf: Sf, Rd: Reg, Rn: Reg, b: BitRange): number => sbfm(sf, Rd, Rn, u6(lsbOf(b)), u6(lsbOf(b) + widthOf(b) - 1));
/** UBFX, alias of UBFM. */
export const ubfx = (sf: Sf, Rd: Reg, Rn: Reg, b: BitRange): number => ubfm(sf, Rd, Rn, u6(lsbOf(b)), u6(lsbOf(b) + widthOf(b) - 1));
/** SBFIZ, alias of SBFM. */
export const sbfiz = (sf: Sf, Rd: Reg, Rn: Reg, b: BitRange): number => sbfm(sf, Rd, Rn, u6((W(sf) - lsbOf(b)) % W(sf)), u6(widthOf(b) - 1));
/** UBFIZ, alias of UBFM. */
export const ubfiz = (sf: Sf, Rd: Reg, Rn: Reg, b: BitRange): number => ubfm(sf, Rd, Rn, u6((W(sf) - lsbOf(b)) % W(sf)), u6(widthOf(b) - 1));
/** BFI, alias of BFM. */
export const bfi = (sf: Sf, Rd: Reg, Rn: Reg, b: BitRange): number => bfm(sf, Rd, Rn, u6((W(sf) - lsbOf(b)) % W(sf)), u6(widthOf(b) - 1));
/** BFXIL, alias of BFM. */
export const bfxil = (sf: Sf, Rd: Reg, Rn: Reg, b: BitRange): number => bfm(sf, Rd, Rn, u6(lsbOf(b)), u6(lsbOf(b) + widthOf(b) - 1));
/** BFC, alias of BFM with Rn = ZR (FEAT_ARMv8.2). */
export const bfc = (sf: Sf, Rd: Reg, b: BitRange): number => bfi(sf, Rd, ZR, b);
/** SXTB, alias of SBFM #0, #7 (Rn is a W register). */
export const sxtb = (sf: Sf, Rd: Reg, Rn: Reg): number => sbfm(sf, Rd, Rn, u6(0), u6(7));
/** SXTH, alias of SBFM #0, #15. */
export const sxth = (sf: Sf, Rd: Reg, Rn: Reg): number => sbfm(sf, Rd, Rn, u6(0), u6(15));
/** SXTW, alias of SBFM #0, #31 (64-bit only). */
export const sxtw = (Rd: Reg, Rn: Reg): number => sbfm(1, Rd, Rn, u6(0), u6(31));
/** UXTB, alias of UBFM #0, #7 (32-bit; a W write zero-extends). */
export const uxtb = (Rd: Reg, Rn: Reg): number => ubfm(0, Rd, Rn, u6(0), u6(7));
/** UXTH, alias of UBFM #0, #15. */
export const uxth = (Rd: Reg, Rn: Reg): number => ubfm(0, Rd, Rn, u6(0), u6(15));

// ── EXTR ──

/**
 * Extract: Rd = (Rn:Rm) >> imms. N must equal sf.
 * ```
 *  31 30 29 28       23 22 21 20     16 15       10 9     5 4     0
 * +--+-----+-----------+--+--+---------+-----------+-------+-------+
 * |sf| 0 0 |1 0 0 1 1 1| N| 0|   Rm    |   imms    |  Rn   |  Rd   |
 * +--+-----+-----------+--+--+---------+-----------+-------+-------+
 * ```
 */
export function extr(sf: Sf, Rd: Reg, Rn: Reg, Rm: Reg, imms: Uimm6): number {
  return ((sf << 31) | 0x13800000 | (sf << 22) | (Rm << 16) | (imms << 10) | (Rn << 5) | Rd) >>> 0;
}
/** ROR (immediate), alias of EXTR with Rn = Rm. */
export const rorImm = (sf: Sf, Rd: Reg, Rs: Reg, shift: Uimm6): number => extr(sf, Rd, Rs, Rs, shift);

// ── Decode ──

function fmtBitfield(w: number): string | undefined {
  const sf = w >>> 31, opc = f(w, 29, 2), N = f(w, 22, 1), immr = f(w, 16, 6), imms = f(w, 10, 6);
  if (opc === 3 || N !== sf || (!sf && (immr >= 32 || imms >= 32))) return undefined;
  const Rn = f(w, 5, 5), Rd = f(w, 0, 5), Wd = sf ? 64 : 32;
  const d = r(sf, Rd), n = r(sf, Rn);
  if (opc === 1) {
    if (Rn === 31 && (immr === 0 || imms < immr)) return `bfc ${d}, #${(Wd - immr) % Wd}, #${imms + 1}`;
    if (imms < immr) return `bfi ${d}, ${n}, #${(Wd - immr) % Wd}, #${imms + 1}`;
    return `bfxil ${d}, ${n}, #${immr}, #${imms - immr + 1}`;
  }
  const signed = opc === 0;
  if (immr === 0) {
    let m: string | undefined;
    if (imms === 7) m = signed ? "sxtb" : sf ? undefined : "uxtb";
    else if (imms === 15) m = signed ? "sxth" : sf ? undefined : "uxth";
    else if (imms === 31 && sf && signed) m = "sxtw";
    if (m) return `${m} ${d}, ${r(0, Rn)}`;
  }
  if (!signed && imms !== Wd - 1 && imms + 1 === immr) return `lsl ${d}, ${n}, #${Wd - 1 - imms}`;
  if (imms === Wd - 1) return `${signed ? "asr" : "lsr"} ${d}, ${n}, #${immr}`;
  if (immr > imms) return `${signed ? "sbfiz" : "ubfiz"} ${d}, ${n}, #${Wd - immr}, #${imms + 1}`;
  return `${signed ? "sbfx" : "ubfx"} ${d}, ${n}, #${immr}, #${imms - immr + 1}`;
}

export const BITFIELD_ROWS: Row[] = [
  row(0x1f800000, 0x13000000, fmtBitfield),
  row(0x7fa00000, 0x13800000, (w) => {
    const sf = w >>> 31, N = f(w, 22, 1), Rm = f(w, 16, 5), imms = f(w, 10, 6), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    if (N !== sf || (!sf && imms >= 32)) return undefined;
    if (Rn === Rm) return `ror ${r(sf, Rd)}, ${r(sf, Rn)}, ${hex(imms)}`;
    return `extr ${r(sf, Rd)}, ${r(sf, Rn)}, ${r(sf, Rm)}, ${hex(imms)}`;
  }),
];
