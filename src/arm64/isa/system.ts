/**
 * @file System instructions: HINT and its named forms (NOP, YIELD, WFE, WFI, SEV, SEVL, BTI,
 * PAC hints), BRK, barriers (DMB, DSB, ISB, CLREX), MRS/MSR of NZCV, FPCR, FPSR and TPIDR_EL0,
 * and the FlagM/FlagM2 PSTATE forms (CFINV, AXFLAG, XAFLAG). ARM ARM C4.1.90 "Branches,
 * Exception Generating and System instructions". Stage 6, encoders and decode rows.
 *
 * CFINV needs FEAT_FlagM and AXFLAG/XAFLAG FEAT_FlagM2: check `HostFeatures` (../features.ts).
 *
 *   dmb(BARRIER.ISH)       // dmb ish
 *   mrs(X0, SYSREG.NZCV)   // mrs x0, NZCV
 */
import type { Uimm } from "../imm.ts";
import type { Reg } from "../regs.ts";
import { f, hex, r, row, type Row } from "./_row.ts";

/**
 * Hints (imm7 = CRm:op2).
 * ```
 *  31                                      12 11  8 7   5 4       0
 * +------------------------------------------+-----+-----+---------+
 * | 1 1 0 1 0 1 0 1 0 0 0 0 0 0 1 1 0 0 1 0  | CRm | op2 |1 1 1 1 1|
 * +------------------------------------------+-----+-----+---------+
 * ```
 */
export const hint = (imm7: Uimm): number => (0xd503201f | (imm7 << 5)) >>> 0;
/** NOP, alias of HINT #0. */
export const nop = (): number => hint(0 as Uimm);
/** YIELD, alias of HINT #1. */
export const yield_ = (): number => hint(1 as Uimm);
/** WFE, alias of HINT #2. */
export const wfe = (): number => hint(2 as Uimm);
/** BTI {c|j|jc}: HINT #32 | targets << 1 (0 none, 1 c, 2 j, 3 jc). */
export const bti = (targets: 0 | 1 | 2 | 3): number => hint((32 | (targets << 1)) as Uimm);

/**
 * Exception generation: BRK.
 * ```
 *  31             24 23 21 20                        5 4  2 1 0
 * +-----------------+-----+---------------------------+----+---+
 * | 1 1 0 1 0 1 0 0 |0 0 1|          imm16            |0 0 0|0 0|
 * +-----------------+-----+---------------------------+----+---+
 * ```
 */
export const brk = (imm16: Uimm): number => (0xd4200000 | (imm16 << 5)) >>> 0;

/** Barrier option (CRm) names. */
export const BARRIER = { OSHLD: 1, OSHST: 2, OSH: 3, NSHLD: 5, NSHST: 6, NSH: 7, ISHLD: 9, ISHST: 10, ISH: 11, LD: 13, ST: 14, SY: 15 } as const;

/**
 * Barriers.
 * ```
 *  31                                      12 11  8 7 6 5 4     0
 * +------------------------------------------+-----+-----+-------+
 * | 1 1 0 1 0 1 0 1 0 0 0 0 0 0 1 1 0 0 1 1  | CRm | op2 |1 1 1 1 1|
 * +------------------------------------------+-----+-----+-------+
 * ```
 * op2: 010 CLREX, 100 DSB, 101 DMB, 110 ISB.
 */
const barrier = (op2: number, CRm: number): number => (0xd503301f | (CRm << 8) | (op2 << 5)) >>> 0;
/** DMB. */
export const dmb = (CRm: Uimm | number): number => barrier(5, CRm);
/** DSB. */
export const dsb = (CRm: Uimm | number): number => barrier(4, CRm);
/** ISB (CRm = 15 is the plain form). */
export const isb = (CRm: Uimm | number = 15): number => barrier(6, CRm);
/** CLREX. */
export const clrex = (CRm: Uimm | number = 15): number => barrier(2, CRm);

/** System registers we read and write: op0:op1:CRn:CRm:op2 packed as the 15-bit o0..op2 field. */
export const SYSREG = {
  NZCV: (3 << 14) | (3 << 11) | (4 << 7) | (2 << 3) | 0,
  FPCR: (3 << 14) | (3 << 11) | (4 << 7) | (4 << 3) | 0,
  FPSR: (3 << 14) | (3 << 11) | (4 << 7) | (4 << 3) | 1,
  TPIDR_EL0: (3 << 14) | (3 << 11) | (13 << 7) | (0 << 3) | 2,
} as const;
const SYSREG_NAMES = new Map<number, string>(Object.entries(SYSREG).map(([k, v]) => [v, k]));
export type SysReg = (typeof SYSREG)[keyof typeof SYSREG];

/**
 * System register move (op0 = 2/3 in bits 20..19, packed with op1:CRn:CRm:op2 in `sysreg`).
 * ```
 *  31                   22 21 20 19 18                     5 4     0
 * +-----------------------+--+--+--------------------------+-------+
 * | 1 1 0 1 0 1 0 1 0 0   | L| 1|o0 op1 CRn CRm op2 (15)   |  Rt   |
 * +-----------------------+--+--+--------------------------+-------+
 * ```
 */
const sysMove = (L: number, sysreg: SysReg, Rt: Reg): number => (0xd5100000 | (L << 21) | ((sysreg & 0x7fff) << 5) | Rt) >>> 0;
/** MRS: Xt = sysreg. */
export const mrs = (Rt: Reg, sysreg: SysReg): number => sysMove(1, sysreg, Rt);
/** MSR (register): sysreg = Xt. */
export const msr = (sysreg: SysReg, Rt: Reg): number => sysMove(0, sysreg, Rt);

/** CFINV (FEAT_FlagM): invert the carry flag. */
export const cfinv = (): number => 0xd500401f;
/** XAFLAG (FEAT_FlagM2): convert floating-point condition flags from an external to Arm format. */
export const xaflag = (): number => 0xd500403f;
/** AXFLAG (FEAT_FlagM2): convert floating-point condition flags from Arm to an external format. */
export const axflag = (): number => 0xd500405f;

// ── Decode ──

const HINT_NAMES: Record<number, string> = {
  0: "nop", 1: "yield", 2: "wfe", 3: "wfi", 4: "sev", 5: "sevl", 6: "dgh", 7: "xpaclri", 8: "pacia1716", 10: "pacib1716",
  12: "autia1716", 14: "autib1716", 16: "esb", 18: "tsb csync", 20: "csdb", 22: "clrbhb", 24: "paciaz", 25: "paciasp",
  26: "pacibz", 27: "pacibsp", 28: "autiaz", 29: "autiasp", 30: "autibz", 31: "autibsp", 32: "bti", 34: "bti c", 36: "bti j",
  38: "bti jc", 40: "chkfeat x16",
};
const BARRIER_NAMES: Record<number, string> = {
  1: "oshld", 2: "oshst", 3: "osh", 5: "nshld", 6: "nshst", 7: "nsh", 9: "ishld", 10: "ishst", 11: "ish", 13: "ld", 14: "st", 15: "sy",
};

export const SYSTEM_ROWS: Row[] = [
  row(0xfffff01f, 0xd503201f, (w) => {
    const n = f(w, 5, 7);
    // llvm-objdump prints #39 (a reserved BTI target) in decimal and every other number in hex.
    return HINT_NAMES[n] ?? (n === 39 ? "hint #39" : `hint ${hex(n)}`);
  }),
  row(0xffe0001f, 0xd4200000, (w) => `brk ${hex(f(w, 5, 16))}`),
  row(0xfffff01f, 0xd503301f, (w) => {
    const op2 = f(w, 5, 3), CRm = f(w, 8, 4);
    if (op2 === 2) return CRm === 15 ? "clrex" : `clrex ${hex(CRm)}`;
    if (op2 === 4) return CRm === 0 ? "ssbb" : CRm === 4 ? "pssbb" : `dsb ${BARRIER_NAMES[CRm] ?? `#${CRm}`}`;
    if (op2 === 5) return `dmb ${BARRIER_NAMES[CRm] ?? `#${CRm}`}`;
    if (op2 === 6) return CRm === 15 ? "isb" : `isb #${CRm}`;
    return undefined;
  }),
  row(0xffd00000, 0xd5100000, (w) => {
    const name = SYSREG_NAMES.get(f(w, 5, 15) | 0x8000);
    if (!name) return undefined;
    const Rt = f(w, 0, 5);
    return f(w, 21, 1) ? `mrs ${r(1, Rt)}, ${name}` : `msr ${name}, ${r(1, Rt)}`;
  }),
  row(0xffffffff, 0xd500401f, () => "cfinv"),
  row(0xffffffff, 0xd500403f, () => "xaflag"),
  row(0xffffffff, 0xd500405f, () => "axflag"),
];
