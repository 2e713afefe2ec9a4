/**
 * @file Advanced SIMD shift by immediate, vector and scalar (SHL, SSHR/USHR, SSRA/USRA,
 * SRSHR/URSHR, SRSRA/URSRA, SLI/SRI, SQSHL/UQSHL/SQSHLU, SSHLL/USHLL with SXTL/UXTL, the
 * narrowing SHRN/RSHRN/SQSHRN/UQSHRN/SQRSHRN/UQRSHRN/SQSHRUN/SQRSHRUN, fixed-point
 * SCVTF/UCVTF/FCVTZS/FCVTZU) and modified immediate (MOVI, MVNI, ORR, BIC, FMOV vector).
 * ARM ARM C4.1.96 "Advanced SIMD shift by immediate", "scalar shift by immediate", "modified
 * immediate". Stage 6.
 *
 * The lane size and the shift travel together in a checked `VecShift` (imm.ts), so an encoder
 * cannot be given a shift its lane size cannot hold. Long/narrow forms take the narrow lane size.
 *
 *   shiftImm(SHIFT_IMM.USHR, 1, tryVecShift(2, "right", 3)!, 0, 1)   // ushr v0.4s, v1.4s, #3
 *   movi(1, 0, tryModImm("movi", 32, 0x12, 8)!)                      // movi v0.4s, #0x12, lsl #8
 */
import { fpImm8Value, type FpImm8, type ModImm, type VecShift } from "../imm.ts";
import type { Reg } from "../regs.ts";
import { f, hex, row, type Row } from "./_row.ts";

/**
 * Advanced SIMD shift by immediate (immh != 0). Scalar form: bits 31..28 = 0 1 U 1, Q = 1.
 * ```
 *  31 30 29 28       23 22    19 18  16 15      11 10 9     5 4     0
 * +--+--+--+-----------+--------+------+----------+--+-------+-------+
 * | 0| Q| U|0 1 1 1 1 0|  immh  | immb |  opcode  | 1|  Rn   |  Rd   |
 * +--+--+--+-----------+--------+------+----------+--+-------+-------+
 * ```
 */
const shiftBase = (Q: number, U: number, sh: number, opcode: number, Rn: Reg, Rd: Reg): number =>
  ((Q << 30) | (U << 29) | 0x0f000400 | (sh << 16) | (opcode << 11) | (Rn << 5) | Rd) >>> 0;

/** Same-width shifts: U << 5 | opcode. Right shifts need tryVecShift(size, "right", n), the rest "left". */
export const SHIFT_IMM = {
  SSHR: 0x00, SSRA: 0x02, SRSHR: 0x04, SRSRA: 0x06, SHL: 0x0a, SQSHL: 0x0e,
  USHR: 0x20, USRA: 0x22, URSHR: 0x24, URSRA: 0x26, SRI: 0x28, SLI: 0x2a, SQSHLU: 0x2c, UQSHL: 0x2e,
} as const;
export type ShiftImm = (typeof SHIFT_IMM)[keyof typeof SHIFT_IMM];
/** True for the ops whose VecShift counts right. */
export const isRightShift = (op: number): boolean => (op & 31) < 8 || op === SHIFT_IMM.SRI;
/** Vector shift by immediate: Vd.T = op(Vn.T, #shift); D lanes need Q = 1. */
export const shiftImm = (op: ShiftImm, Q: 0 | 1, sh: VecShift, Rd: Reg, Rn: Reg): number => shiftBase(Q, op >> 5, sh, op & 31, Rn, Rd);
/** Scalar shift by immediate on Dd (SQSHL/UQSHL/SQSHLU also on B/H/S). */
export const shiftImmScalar = (op: ShiftImm, sh: VecShift, Rd: Reg, Rn: Reg): number => (0x50000000 | shiftBase(1, op >> 5, sh, op & 31, Rn, Rd)) >>> 0;

/** Narrowing right shifts: Vd.Tb = narrow(Vn.Ta >> shift); VecShift uses the narrow lane size (0..2). */
export const SHIFT_NARROW = {
  SHRN: 0x10, RSHRN: 0x11, SQSHRN: 0x12, SQRSHRN: 0x13, SQSHRUN: 0x30, SQRSHRUN: 0x31, UQSHRN: 0x32, UQRSHRN: 0x33,
} as const;
export type ShiftNarrow = (typeof SHIFT_NARROW)[keyof typeof SHIFT_NARROW];
/** SHRN{2} and friends (Q = 1 writes the high half). */
export const shiftNarrow = (op: ShiftNarrow, Q: 0 | 1, sh: VecShift, Rd: Reg, Rn: Reg): number => shiftBase(Q, op >> 5, sh, op & 31, Rn, Rd);
/** Scalar saturating narrowing shifts (not SHRN/RSHRN): Bd/Hd/Sd = sat(Hn/Sn/Dn >> shift). */
export const shiftNarrowScalar = (op: ShiftNarrow, sh: VecShift, Rd: Reg, Rn: Reg): number => (0x50000000 | shiftBase(1, op >> 5, sh, op & 31, Rn, Rd)) >>> 0;
/** SSHLL{2}: Vd.Ta = sign-extend(Vn.Tb) << shift; VecShift "left" on the narrow lane (0..2). */
export const sshll = (Q: 0 | 1, sh: VecShift, Rd: Reg, Rn: Reg): number => shiftBase(Q, 0, sh, 0x14, Rn, Rd);
/** USHLL{2}: Vd.Ta = zero-extend(Vn.Tb) << shift. */
export const ushll = (Q: 0 | 1, sh: VecShift, Rd: Reg, Rn: Reg): number => shiftBase(Q, 1, sh, 0x14, Rn, Rd);
/** SXTL{2}: alias of SSHLL #0; size is the narrow lane (0..2). */
export const sxtl = (Q: 0 | 1, size: 0 | 1 | 2, Rd: Reg, Rn: Reg): number => sshll(Q, (8 << size) as VecShift, Rd, Rn);
/** UXTL{2}: alias of USHLL #0. */
export const uxtl = (Q: 0 | 1, size: 0 | 1 | 2, Rd: Reg, Rn: Reg): number => ushll(Q, (8 << size) as VecShift, Rd, Rn);

/** Fixed-point conversions with `fbits` fraction bits: VecShift = tryVecShift(2 or 3, "right", fbits). */
export const FIXED = { SCVTF: 0x1c, FCVTZS: 0x1f, UCVTF: 0x3c, FCVTZU: 0x3f } as const;
export type Fixed = (typeof FIXED)[keyof typeof FIXED];
/** Vector fixed-point conversion: Vd.T = convert(Vn.T, #fbits); 2D needs Q = 1. */
export const fixedVec = (op: Fixed, Q: 0 | 1, sh: VecShift, Rd: Reg, Rn: Reg): number => shiftBase(Q, op >> 5, sh, op & 31, Rn, Rd);
/** Scalar (SIMD register) fixed-point conversion: Sd/Dd = convert(Sn/Dn, #fbits). */
export const fixedScalar = (op: Fixed, sh: VecShift, Rd: Reg, Rn: Reg): number => (0x50000000 | shiftBase(1, op >> 5, sh, op & 31, Rn, Rd)) >>> 0;

/**
 * Advanced SIMD modified immediate (immh = 0): a:b:c in 18..16, d:e:f:g:h in 9..5.
 * ```
 *  31 30 29 28                19 18  16 15    12 11 10 9       5 4     0
 * +--+--+--+--------------------+------+--------+--+--+---------+-------+
 * | 0| Q|op|0 1 1 1 1 0 0 0 0 0 | abc  | cmode  |o2| 1|  defgh  |  Rd   |
 * +--+--+--+--------------------+------+--------+--+--+---------+-------+
 * ```
 */
const modImm = (Q: number, m: number, Rd: Reg): number =>
  ((Q << 30) | (((m >> 12) & 1) << 29) | 0x0f000400 | ((m & 0xe0) << 11) | (((m >> 8) & 15) << 12) | ((m & 31) << 5) | Rd) >>> 0;
/** MOVI/MVNI/ORR/BIC (vector, immediate), the instruction chosen by tryModImm's `kind`; 8-bit lanes take any Q. */
export const movi = (Q: 0 | 1, Rd: Reg, m: ModImm): number => modImm(Q, m, Rd);
/** MOVI Dd, #mask (tryByteMask64). */
export const moviD = (Rd: Reg, m: ModImm): number => modImm(0, m, Rd);
/** MOVI Vd.2D, #mask (tryByteMask64). */
export const moviV2d = (Rd: Reg, m: ModImm): number => modImm(1, m, Rd);
/** FMOV (vector, immediate): every lane = VFPExpandImm(imm8); sz 0 = 2S/4S, 1 = 2D (Q = 1). */
export const fmovVecImm = (Q: 0 | 1, sz: 0 | 1, Rd: Reg, imm8: FpImm8): number => modImm(Q, (sz << 12) | (0xf << 8) | imm8, Rd);

// ── Decode ──

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["1d", "2d"]] as const;
const LANE = "bhsd";
const names = (o: object) => new Map<number, string>(Object.entries(o).map(([k, v]) => [v as number, k.toLowerCase()]));
const SHIFT_NAMES = names(SHIFT_IMM), NARROW_NAMES = names(SHIFT_NARROW), FIXED_NAMES = names(FIXED);

/** Lane size from immh (highest set bit), or -1 for immh = 0. */
const sizeOf = (immh: number): number => 31 - Math.clz32(immh);

function shiftText(w: number, scalar: boolean): string | undefined {
  const Q = f(w, 30, 1), U = f(w, 29, 1), immh = f(w, 19, 4), imm = f(w, 16, 7), op = f(w, 11, 5), Rn = f(w, 5, 5), Rd = f(w, 0, 5);
  const size = sizeOf(immh), esize = 8 << size, code = (U << 5) | op, two = Q && !scalar ? "2" : "";
  const right = 2 * esize - imm, left = imm - esize;
  const m = SHIFT_NAMES.get(code);
  if (m) {
    if (scalar) {
      if (size !== 3 && !(m === "sqshl" || m === "uqshl" || m === "sqshlu")) return undefined;
      const L = LANE[size]!;
      return `${m} ${L}${Rd}, ${L}${Rn}, ${hex(isRightShift(code) ? right : left)}`;
    }
    if (size === 3 && !Q) return undefined;
    const a = ARR[size]![Q]!;
    return `${m} v${Rd}.${a}, v${Rn}.${a}, ${hex(isRightShift(code) ? right : left)}`;
  }
  const nm = NARROW_NAMES.get(code);
  if (nm) {
    if (size === 3 || (scalar && (nm === "shrn" || nm === "rshrn"))) return undefined;
    if (scalar) return `${nm} ${LANE[size]}${Rd}, ${LANE[size + 1]}${Rn}, ${hex(right)}`;
    return `${nm}${two} v${Rd}.${ARR[size]![Q]}, v${Rn}.${ARR[size + 1]![1]}, ${hex(right)}`;
  }
  if (op === 0x14 && !scalar) {
    if (size === 3) return undefined;
    const wide = ARR[size + 1]![1]!, narrow = ARR[size]![Q]!;
    // llvm-objdump prints SXTL/UXTL as the underlying SSHLL/USHLL #0x0.
    return `${U ? "ushll" : "sshll"}${two} v${Rd}.${wide}, v${Rn}.${narrow}, ${hex(left)}`;
  }
  const fm = FIXED_NAMES.get(code);
  if (fm && size >= 2) {
    if (scalar) return `${fm} ${LANE[size]}${Rd}, ${LANE[size]}${Rn}, ${hex(right)}`;
    if (size === 3 && !Q) return undefined;
    const a = ARR[size]![Q]!;
    return `${fm} v${Rd}.${a}, v${Rn}.${a}, ${hex(right)}`;
  }
  return undefined;
}

/** llvm prints these with printf("%#016llx"): 16 wide including the 0x, and no 0x at all for zero. */
const hex64 = (v: bigint): string => (v === 0n ? "#0000000000000000" : "#0x" + v.toString(16).padStart(14, "0"));

function modImmText(w: number): string | undefined {
  const Q = f(w, 30, 1), op = f(w, 29, 1), cmode = f(w, 12, 4), o2 = f(w, 11, 1), Rd = f(w, 0, 5);
  const imm8 = (f(w, 16, 3) << 5) | f(w, 5, 5), h = "0x" + imm8.toString(16);
  if (o2) return undefined;
  if (cmode === 15) {
    if (op && !Q) return undefined;
    return `fmov v${Rd}.${op ? "2d" : Q ? "4s" : "2s"}, #${fpImm8Value(imm8).toFixed(8)}`;
  }
  if (cmode === 14) {
    if (!op) return `movi v${Rd}.${Q ? "16b" : "8b"}, #${h}`;
    let v = 0n;
    for (let i = 0; i < 8; i++) if (imm8 & (1 << i)) v |= 0xffn << BigInt(8 * i);
    return Q ? `movi v${Rd}.2d, ${hex64(v)}` : `movi d${Rd}, ${hex64(v)}`;
  }
  const alu = cmode & 1 && cmode < 12, m = alu ? (op ? "bic" : "orr") : op ? "mvni" : "movi";
  if (cmode >= 12) return `${m} v${Rd}.${Q ? "4s" : "2s"}, #${h}, msl #${cmode & 1 ? 16 : 8}`;
  const half = cmode >= 8, shift = 8 * ((cmode >> 1) & (half ? 1 : 3));
  return `${m} v${Rd}.${half ? (Q ? "8h" : "4h") : Q ? "4s" : "2s"}, #${h}${shift ? `, lsl #${shift}` : ""}`;
}

export const SIMD_SHIFT_ROWS: Row[] = [
  row(0x9ff80400, 0x0f000400, modImmText),
  row(0x9f800400, 0x0f000400, (w) => (f(w, 19, 4) ? shiftText(w, false) : undefined)),
  row(0xdf800400, 0x5f000400, (w) => (f(w, 19, 4) ? shiftText(w, true) : undefined)),
];
