/**
 * @file x86 semantics (stage 4 → 5): logical instructions, SDM Vol. 1 §7.3.5 (AND, OR, XOR, NOT)
 * and the bit-and-byte instructions of §7.3.7 in the core set (TEST, SETcc). The IR's And/Or/Xor
 * clear CF and OF and set SF/ZF/PF from the result; AF is undefined for these instructions: left
 * out of the op's mask (which would clear it) and `Undef` after the instruction's last write.
 *
 * Each SETcc mnemonic is its own one-line function over `setcc` with its `CC.*` code.
 *
 *   XOR(b, i, c) // xor eax, eax → GetReg, GetReg, Xor.4 !oszpc, SetReg (the zero idiom is an IR pass's job)
 */
import { CC, FLAG, OP, type IrBlock } from "../../ir/index.ts";
import { K, type Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { aluOp, unaryOp } from "./arith.ts";
import { LOGIC_FLAGS, effAddr, memAttr, writeReg, type SemCtx } from "./_operand.ts";

// ── AND / OR / XOR / NOT / TEST ──

/** AND, OR, XOR, TEST (LOCK forms too): the op with LOGIC_FLAGS, then AF undefined. */
function logicOp(b: IrBlock, i: Insn, op: number, write: boolean): boolean {
  if (!aluOp(b, i, op, LOGIC_FLAGS, write)) return false;
  b.undef(FLAG.AF);
  return true;
}

/** AND—Logical AND, SDM Vol. 2A. AF undefined. */
export function AND(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return logicOp(b, i, OP.And, true);
}

/** OR—Logical Inclusive OR, SDM Vol. 2B. AF undefined. */
export function OR(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return logicOp(b, i, OP.Or, true);
}

/** XOR—Logical Exclusive OR, SDM Vol. 2C. AF undefined. */
export function XOR(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return logicOp(b, i, OP.Xor, true);
}

/** NOT—One's Complement Negation, SDM Vol. 2B: no flags. */
export function NOT(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return unaryOp(b, i, OP.Not, 0, false);
}

/** TEST—Logical Compare, SDM Vol. 2B: AND that keeps only the flags. AF undefined. */
export function TEST(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return logicOp(b, i, OP.And, false);
}

// ── SETcc ──

/** r/m8 = 1 if the condition holds, else 0. */
function setcc(b: IrBlock, i: Insn, cc: number): boolean {
  if (i.kind[0] === K.MEM) {
    const a = effAddr(b, i);
    b.store(1, a, b.cond(cc), memAttr(i));
  } else writeReg(b, i.reg[0]!, b.cond(cc));
  return true;
}

/**
 * SALC—Set AL from Carry (D6, 32-bit mode only; undocumented by Intel, listed by AMD): AL = CF ?
 * 0xFF : 0x00, flags unchanged.
 */
export function SALC(b: IrBlock, _i: Insn, c: SemCtx): boolean {
  if (c.mode !== 32) return false;
  writeReg(b, R.GPR8, b.neg(1, b.cond(CC.B)));
  return true;
}

/** SETcc—Set Byte on Condition (SETO), SDM Vol. 2B. */
export function SETO(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.O); }
/** SETcc—Set Byte on Condition (SETNO), SDM Vol. 2B. */
export function SETNO(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.NO); }
/** SETcc—Set Byte on Condition (SETB), SDM Vol. 2B. */
export function SETB(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.B); }
/** SETcc—Set Byte on Condition (SETAE), SDM Vol. 2B. */
export function SETAE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.AE); }
/** SETcc—Set Byte on Condition (SETE), SDM Vol. 2B. */
export function SETE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.E); }
/** SETcc—Set Byte on Condition (SETNE), SDM Vol. 2B. */
export function SETNE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.NE); }
/** SETcc—Set Byte on Condition (SETBE), SDM Vol. 2B. */
export function SETBE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.BE); }
/** SETcc—Set Byte on Condition (SETA), SDM Vol. 2B. */
export function SETA(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.A); }
/** SETcc—Set Byte on Condition (SETS), SDM Vol. 2B. */
export function SETS(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.S); }
/** SETcc—Set Byte on Condition (SETNS), SDM Vol. 2B. */
export function SETNS(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.NS); }
/** SETcc—Set Byte on Condition (SETP), SDM Vol. 2B. */
export function SETP(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.P); }
/** SETcc—Set Byte on Condition (SETNP), SDM Vol. 2B. */
export function SETNP(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.NP); }
/** SETcc—Set Byte on Condition (SETL), SDM Vol. 2B. */
export function SETL(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.L); }
/** SETcc—Set Byte on Condition (SETGE), SDM Vol. 2B. */
export function SETGE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.GE); }
/** SETcc—Set Byte on Condition (SETLE), SDM Vol. 2B. */
export function SETLE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.LE); }
/** SETcc—Set Byte on Condition (SETG), SDM Vol. 2B. */
export function SETG(b: IrBlock, i: Insn, _c: SemCtx): boolean { return setcc(b, i, CC.G); }
