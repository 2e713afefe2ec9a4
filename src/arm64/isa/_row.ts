/**
 * @file Shared pieces of the ARM64 encoding families: the decode-row shape every family exports
 * for the disassembler, and the operand spellings llvm-objdump uses.
 *
 * A row is `{ mask, value, fmt }`: a word `w` belongs to the row when `(w & mask) === value`;
 * `fmt(w, pc)` returns the text (`"add x0, x1, #0x5"`) or undefined when the word is
 * unallocated, reserved, or a form we do not claim to print exactly. Rows are tried in order.
 *
 *   export const ROWS: Row[] = [row(0x7f800000, 0x11000000, (w) => ...)];
 */
import { COND_NAMES } from "../regs.ts";

export interface Row {
  readonly mask: number;
  readonly value: number;
  readonly fmt: (w: number, pc: number) => string | undefined;
}

export const row = (mask: number, value: number, fmt: Row["fmt"]): Row => ({ mask: mask >>> 0, value: value >>> 0, fmt });

/** Field extraction: `f(w, lo, width)`. */
export const f = (w: number, lo: number, width: number): number => (w >>> lo) & ((1 << width) - 1) >>> 0;
/** Sign-extended field. */
export const sf_ = (w: number, lo: number, width: number): number => ((w << (32 - lo - width)) >> (32 - width));

/** Wn/Xn with 31 = zero register. */
export const r = (sf: number, n: number): string => (n === 31 ? (sf ? "xzr" : "wzr") : (sf ? "x" : "w") + n);
/** Wn/Xn with 31 = stack pointer. */
export const rsp = (sf: number, n: number): string => (n === 31 ? (sf ? "sp" : "wsp") : (sf ? "x" : "w") + n);
/** Immediate as llvm prints most of them: `#0x1f`, `#-0x8`. */
export const hex = (n: number | bigint): string => (n < 0 ? `#-0x${(-BigInt(n)).toString(16)}` : `#0x${n.toString(16)}`);
/** Immediate printed in decimal (`#3`). */
export const dec = (n: number): string => `#${n}`;
export const cond = (c: number): string => COND_NAMES[c & 15]!;

/** An absolute branch target, wrapped to 64 bits. */
export function target(pc: number, off: number): string {
  const t = pc + off;
  if (t >= 0 && Number.isSafeInteger(t)) return "0x" + t.toString(16);
  return "0x" + BigInt.asUintN(64, BigInt(t)).toString(16);
}

/** Put `v` into a field; used by the encoders so every field has one spelling. */
export const put = (v: number, lo: number, width: number): number => ((v & ((1 << width) - 1)) << lo) >>> 0;
