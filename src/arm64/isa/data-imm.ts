/**
 * @file Data processing (immediate): ADD/SUB (immediate) with their flag-setting forms and the
 * MOV-to/from-SP, CMP and CMN aliases, and PC-relative addressing (ADR, ADRP). ARM ARM C4.1.92
 * "Data Processing -- Immediate". Stage 6, encoder and decode rows.
 *
 * Encoders take checked immediates and return the instruction word; they never truncate.
 *
 *   addImm(1, X0, SP, tryImm12(16)!, 0)   // add x0, sp, #0x10
 *   cmpImm(0, X1, tryImm12(3)!, 0)        // cmp w1, #0x3
 *   adrp(X0, tryImm21(1)!)                // adrp x0, <pc page + 0x1000>
 */
import type { Imm12, Imm21 } from "../imm.ts";
import { ZR, type Reg, type Sf } from "../regs.ts";
import { f, hex, r, row, rsp, sf_, target, type Row } from "./_row.ts";

// ── ADD / ADDS / SUB / SUBS (immediate) ──

/**
 * Add/subtract (immediate), the family base.
 * ```
 *  31 30 29 28        23 22 21         10 9     5 4     0
 * +--+--+--+------------+--+-------------+-------+-------+
 * |sf|op| S| 1 0 0 0 1 0|sh|    imm12    |  Rn   |  Rd   |
 * +--+--+--+------------+--+-------------+-------+-------+
 * ```
 */
function addSubImm(sf: Sf, op: 0 | 1, S: 0 | 1, sh: 0 | 1, imm12: Imm12, Rn: Reg, Rd: Reg): number {
  return ((sf << 31) | (op << 30) | (S << 29) | 0x11000000 | (sh << 22) | (imm12 << 10) | (Rn << 5) | Rd) >>> 0;
}

/** ADD (immediate): Rd|SP = Rn|SP + (imm12 << 12*sh). */
export const addImm = (sf: Sf, Rd: Reg, Rn: Reg, imm12: Imm12, sh: 0 | 1 = 0): number => addSubImm(sf, 0, 0, sh, imm12, Rn, Rd);
/** ADDS (immediate): Rd = Rn|SP + imm, setting NZCV. */
export const addsImm = (sf: Sf, Rd: Reg, Rn: Reg, imm12: Imm12, sh: 0 | 1 = 0): number => addSubImm(sf, 0, 1, sh, imm12, Rn, Rd);
/** SUB (immediate): Rd|SP = Rn|SP - imm. */
export const subImm = (sf: Sf, Rd: Reg, Rn: Reg, imm12: Imm12, sh: 0 | 1 = 0): number => addSubImm(sf, 1, 0, sh, imm12, Rn, Rd);
/** SUBS (immediate): Rd = Rn|SP - imm, setting NZCV. */
export const subsImm = (sf: Sf, Rd: Reg, Rn: Reg, imm12: Imm12, sh: 0 | 1 = 0): number => addSubImm(sf, 1, 1, sh, imm12, Rn, Rd);
/** CMP (immediate), alias of SUBS with Rd = ZR. */
export const cmpImm = (sf: Sf, Rn: Reg, imm12: Imm12, sh: 0 | 1 = 0): number => subsImm(sf, ZR, Rn, imm12, sh);
/** CMN (immediate), alias of ADDS with Rd = ZR. */
export const cmnImm = (sf: Sf, Rn: Reg, imm12: Imm12, sh: 0 | 1 = 0): number => addsImm(sf, ZR, Rn, imm12, sh);
/** MOV (to/from SP), alias of ADD (immediate) #0. */
export const movSp = (sf: Sf, Rd: Reg, Rn: Reg): number => addImm(sf, Rd, Rn, 0 as Imm12, 0);

// ── ADR / ADRP ──

/**
 * PC-rel. addressing.
 * ```
 *  31 30 29 28     24 23                      5 4     0
 * +--+-----+---------+-------------------------+-------+
 * |op|immlo|1 0 0 0 0|          immhi          |  Rd   |
 * +--+-----+---------+-------------------------+-------+
 * ```
 */
function pcRel(op: 0 | 1, imm: Imm21, Rd: Reg): number {
  return ((op << 31) | ((imm & 3) << 29) | 0x10000000 | (((imm >> 2) & 0x7ffff) << 5) | Rd) >>> 0;
}

/** ADR: Rd = PC + imm (bytes, ±1 MiB). */
export const adr = (Rd: Reg, imm: Imm21): number => pcRel(0, imm, Rd);
/** ADRP: Rd = (PC & ~0xfff) + imm * 4096 (imm in pages, ±4 GiB). */
export const adrp = (Rd: Reg, imm: Imm21): number => pcRel(1, imm, Rd);

// ── Decode ──

const pcRelImm = (w: number): number => (sf_(w, 5, 19) * 4) | f(w, 29, 2);

export const DATA_IMM_ROWS: Row[] = [
  row(0x9f000000, 0x10000000, (w, pc) => `adr ${r(1, f(w, 0, 5))}, ${target(pc, pcRelImm(w))}`),
  row(0x9f000000, 0x90000000, (w, pc) => `adrp ${r(1, f(w, 0, 5))}, ${target(pc - (pc % 4096), pcRelImm(w) * 4096)}`),
  row(0x1f800000, 0x11000000, (w) => {
    const sf = w >>> 31, op = f(w, 30, 1), S = f(w, 29, 1), sh = f(w, 22, 1), imm = f(w, 10, 12);
    const Rn = f(w, 5, 5), Rd = f(w, 0, 5);
    const tail = `${hex(imm)}${sh ? ", lsl #12" : ""}`;
    if (!op && !S && !sh && !imm && (Rd === 31 || Rn === 31)) return `mov ${rsp(sf, Rd)}, ${rsp(sf, Rn)}`;
    if (S && Rd === 31) return `${op ? "cmp" : "cmn"} ${rsp(sf, Rn)}, ${tail}`;
    const m = (op ? "sub" : "add") + (S ? "s" : "");
    return `${m} ${S ? r(sf, Rd) : rsp(sf, Rd)}, ${rsp(sf, Rn)}, ${tail}`;
  }),
];
