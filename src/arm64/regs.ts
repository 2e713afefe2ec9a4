/**
 * @file ARM64 register numbers, condition codes, shift and extend kinds (stage 6).
 *
 * A register is its 5-bit number. Number 31 means SP or the zero register depending on the
 * operand slot, exactly as in the ARM ARM: the encoder functions' doc lines say which (`Rn|SP`).
 * Widths are the `sf` field (0 = W, 1 = X), not part of the register.
 *
 *   addImm(1, X0, SP, tryImm12(16)!, 0)    // add x0, sp, #16
 *   cset(0, X3, COND.EQ)                    // cset w3, eq
 */

/** A general-purpose or SIMD&FP register number 0..31. */
export type Reg = number;
/** Register width: 0 = 32-bit (W), 1 = 64-bit (X). */
export type Sf = 0 | 1;

export const X0 = 0, X1 = 1, X2 = 2, X3 = 3, X4 = 4, X5 = 5, X8 = 8, X16 = 16, X17 = 17;
export const FP = 29, LR = 30, SP = 31, ZR = 31;

/** Condition codes (ARM ARM C1.2.4), in encoding order. */
export const COND = {
  EQ: 0, NE: 1, HS: 2, LO: 3, MI: 4, PL: 5, VS: 6, VC: 7,
  HI: 8, LS: 9, GE: 10, LT: 11, GT: 12, LE: 13, AL: 14, NV: 15,
} as const;
export type Cond = number;
export const COND_NAMES = ["eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"] as const;

/** Shift kinds of the shifted-register forms (field `shift`). ROR is logical-only. */
export const SHIFT = { LSL: 0, LSR: 1, ASR: 2, ROR: 3 } as const;
export type Shift = 0 | 1 | 2 | 3;
export const SHIFT_NAMES = ["lsl", "lsr", "asr", "ror"] as const;

/** Extend kinds of the extended-register and register-offset forms (field `option`). */
export const EXTEND = { UXTB: 0, UXTH: 1, UXTW: 2, UXTX: 3, SXTB: 4, SXTH: 5, SXTW: 6, SXTX: 7 } as const;
export type Extend = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const EXTEND_NAMES = ["uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"] as const;
