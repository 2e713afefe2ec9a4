/**
 * @file System instructions: HINT and its named forms (NOP, YIELD, WFE, WFI, SEV, SEVL, BTI,
 * PAC hints), exception generation (SVC, HVC, SMC, BRK, HLT) and UDF, barriers (DMB, DSB, ISB,
 * CLREX), DC/IC cache maintenance, MRS/MSR of NZCV, FPCR, FPSR, TPIDR_EL0 and the read-only ID and
 * counter registers, and the FlagM/FlagM2 PSTATE forms (CFINV, AXFLAG, XAFLAG). ARM ARM C4.1.90 "Branches,
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
/** The other exception-generating forms share BRK's layout: opc in 23..21, LL in 1..0. */
const exc = (opc: number, LL: number, imm16: Uimm): number => (0xd4000000 | (opc << 21) | (imm16 << 5) | LL) >>> 0;
/** SVC: supervisor call (Linux and Wine syscalls: `svc #0`). */
export const svc = (imm16: Uimm): number => exc(0, 1, imm16);
/** HVC: hypervisor call. */
export const hvc = (imm16: Uimm): number => exc(0, 2, imm16);
/** SMC: secure monitor call. */
export const smc = (imm16: Uimm): number => exc(0, 3, imm16);
/** HLT: halting debug breakpoint. */
export const hlt = (imm16: Uimm): number => exc(2, 0, imm16);
/** UDF: permanently undefined (bits 31..16 zero); traps wherever it is executed. */
export const udf = (imm16: Uimm): number => imm16 >>> 0;

/**
 * SYS aliases for cache maintenance: DC <op>, Xt and IC <op>{, Xt} (op1:CRm:op2 packed in the
 * word; CRn = 7).
 * ```
 *  31                   22 21 20 19 18  16 15  12 11   8 7   5 4     0
 * +-----------------------+--+--+--+------+------+------+-----+-------+
 * | 1 1 0 1 0 1 0 1 0 0   | 0| 0 1|  op1 | CRn  | CRm  | op2 |  Rt   |
 * +-----------------------+--+-----+------+------+------+-----+-------+
 * ```
 */
const sysOp = (op1: number, CRm: number, op2: number): number => ((op1 << 16) | (7 << 12) | (CRm << 8) | (op2 << 5)) >>> 0;
export const DC = {
  ZVA: sysOp(3, 4, 1), CVAC: sysOp(3, 10, 1), CVAU: sysOp(3, 11, 1), CVAP: sysOp(3, 12, 1), CVADP: sysOp(3, 13, 1),
  CIVAC: sysOp(3, 14, 1), IVAC: sysOp(0, 6, 1),
} as const;
export const IC = { IVAU: sysOp(3, 5, 1), IALLU: sysOp(0, 5, 0), IALLUIS: sysOp(0, 1, 0) } as const;
/** DC <op>, Xt: data cache maintenance by address. */
export const dc = (op: (typeof DC)[keyof typeof DC], Rt: Reg): number => (0xd5080000 | op | Rt) >>> 0;
/** IC <op>{, Xt}: instruction cache maintenance (IALLU/IALLUIS take no register: Rt = 31). */
export const ic = (op: (typeof IC)[keyof typeof IC], Rt: Reg = 31): number => (0xd5080000 | op | Rt) >>> 0;

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
  TPIDRRO_EL0: (3 << 14) | (3 << 11) | (13 << 7) | (0 << 3) | 3,
  MIDR_EL1: (3 << 14) | (0 << 11) | (0 << 7) | (0 << 3) | 0,
  CTR_EL0: (3 << 14) | (3 << 11) | (0 << 7) | (0 << 3) | 1,
  DCZID_EL0: (3 << 14) | (3 << 11) | (0 << 7) | (0 << 3) | 7,
  CNTFRQ_EL0: (3 << 14) | (3 << 11) | (14 << 7) | (0 << 3) | 0,
  CNTVCT_EL0: (3 << 14) | (3 << 11) | (14 << 7) | (0 << 3) | 2,
} as const;
/** Registers MSR cannot write (llvm-mc rejects the MSR form). */
export const SYSREG_READ_ONLY: ReadonlySet<number> = new Set([SYSREG.MIDR_EL1, SYSREG.CTR_EL0, SYSREG.DCZID_EL0, SYSREG.CNTVCT_EL0]);
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

const EXC_NAMES: Record<number, string> = { 1: "svc", 2: "hvc", 3: "smc", 4: "brk", 8: "hlt" };
/** llvm prints exception-generation immediates in hex, except zero as plain `#0`. */
const imm16 = (n: number): string => (n ? hex(n) : "#0");
const DC_NAMES = new Map<number, string>(Object.entries(DC).map(([k, v]) => [v, k.toLowerCase()]));
const IC_NAMES = new Map<number, string>(Object.entries(IC).map(([k, v]) => [v, k.toLowerCase()]));

export const SYSTEM_ROWS: Row[] = [
  row(0xfffff01f, 0xd503201f, (w) => {
    const n = f(w, 5, 7);
    // llvm-objdump prints #39 (a reserved BTI target) in decimal and every other number in hex.
    return HINT_NAMES[n] ?? (n === 39 ? "hint #39" : `hint ${hex(n)}`);
  }),
  row(0xff000000, 0xd4000000, (w) => {
    const m = EXC_NAMES[(f(w, 21, 3) << 2) | f(w, 0, 2)];
    return m && f(w, 2, 3) === 0 ? `${m} ${imm16(f(w, 5, 16))}` : undefined;
  }),
  row(0xffff0000, 0x00000000, (w) => `udf ${hex(f(w, 0, 16))}`),
  row(0xfff80000, 0xd5080000, (w) => {
    const op = (w & 0x7ffe0) >>> 0, Rt = f(w, 0, 5);
    const dcName = DC_NAMES.get(op);
    if (dcName) return `dc ${dcName}, ${r(1, Rt)}`;
    const icName = IC_NAMES.get(op);
    if (!icName) return undefined;
    if (op === IC.IVAU) return `ic ivau, ${r(1, Rt)}`;
    return Rt === 31 ? `ic ${icName}` : undefined;
  }),
  row(0xfffff01f, 0xd503301f, (w) => {
    const op2 = f(w, 5, 3), CRm = f(w, 8, 4);
    if (op2 === 2) return CRm === 15 ? "clrex" : `clrex ${hex(CRm)}`;
    if (op2 === 4) return CRm === 0 ? "ssbb" : CRm === 4 ? "pssbb" : `dsb ${BARRIER_NAMES[CRm] ?? `#${CRm}`}`;
    if (op2 === 5) return `dmb ${BARRIER_NAMES[CRm] ?? `#${CRm}`}`;
    if (op2 === 6) return CRm === 15 ? "isb" : `isb #${CRm}`;
    return undefined;
  }),
  row(0xffd00000, 0xd5100000, (w) => {
    const reg = f(w, 5, 15) | 0x8000, name = SYSREG_NAMES.get(reg);
    if (!name) return undefined;
    const Rt = f(w, 0, 5);
    if (f(w, 21, 1)) return `mrs ${r(1, Rt)}, ${name}`;
    // An MSR to a read-only register is not something we emit; llvm prints it by its generic
    // S3_… name, which we do not model, so the word is left unclaimed (found by the soak tier).
    return SYSREG_READ_ONLY.has(reg) ? undefined : `msr ${name}, ${r(1, Rt)}`;
  }),
  row(0xffffffff, 0xd500401f, () => "cfinv"),
  row(0xffffffff, 0xd500403f, () => "xaflag"),
  row(0xffffffff, 0xd500405f, () => "axflag"),
];
