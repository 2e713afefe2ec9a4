/**
 * @file x86 semantics (stage 4 → 5): binary arithmetic, SDM Vol. 1 §7.3.2: ADD, ADC, SUB, SBB,
 * CMP, INC, DEC, NEG. Each reads its operands, computes with the IR op of the same name (which
 * owns the x86 flag rules, ops.ts) and writes the destination.
 *
 * Precise faults (ABI §9): a memory destination is loaded, the result computed flag-free and
 * stored, and only then is the same op emitted again with the flag mask (its result unused), so
 * a faulting store leaves the flags as they were before the instruction.
 *
 *   ADD(b, i, c) // add [rax], rbx → Load.8, Add.8, Store.8, Add.8 !oszacp
 */
import { OP, type IrBlock } from "../../ir/index.ts";
import { K, type Insn } from "../insn.ts";
import { locked, lockedAlu, lockedUnary } from "./atomic.ts";
import { ARITH_FLAGS, INCDEC_FLAGS, effAddr, konst, memAttr, opSize, readOp, readReg, writeReg, type SemCtx } from "./_operand.ts";

/**
 * `dst = dst OP src` (or only the flags, when `write` is false: CMP, TEST). Operand 0 is a
 * register or memory, operand 1 a register, memory (only with a register destination) or an
 * immediate.
 */
export function aluOp(b: IrBlock, i: Insn, op: number, fm: number, write: boolean): boolean {
  const sz = opSize(i, 0);
  if (i.kind[0] === K.MEM) {
    if (write && locked(i)) return lockedAlu(b, i, op, fm);
    const a = effAddr(b, i), attr = memAttr(i);
    const v = b.load(sz, a, attr);
    const s = readOp(b, i, 1, sz);
    if (write) b.store(sz, a, b.emit(op, sz, 0, v, s), attr);
    b.emit(op, sz, fm, v, s);
    return true;
  }
  const d = i.reg[0]!;
  const v = readReg(b, d);
  const s = readOp(b, i, 1, sz);
  const r = b.emit(op, sz, fm, v, s);
  if (write) writeReg(b, d, r);
  return true;
}

/** `dst = OP(dst)` or `dst = dst OP 1` for the one-operand forms (INC, DEC, NEG, NOT). */
export function unaryOp(b: IrBlock, i: Insn, op: number, fm: number, one: boolean): boolean {
  const sz = opSize(i, 0);
  if (i.kind[0] === K.MEM) {
    if (locked(i)) return lockedUnary(b, i, op, fm, one);
    const a = effAddr(b, i), attr = memAttr(i);
    const v = b.load(sz, a, attr);
    const k = one ? konst(b, sz, 1) : 0;
    b.store(sz, a, b.emit(op, sz, 0, v, k), attr);
    if (fm) b.emit(op, sz, fm, v, k);
    return true;
  }
  const d = i.reg[0]!;
  const v = readReg(b, d);
  const k = one ? konst(b, sz, 1) : 0;
  writeReg(b, d, b.emit(op, sz, fm, v, k));
  return true;
}

// ── ADD / ADC / SUB / SBB / CMP ──

/** ADD—Add, SDM Vol. 2A. */
export function ADD(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return aluOp(b, i, OP.Add, ARITH_FLAGS, true);
}

/** ADC—Add With Carry, SDM Vol. 2A. */
export function ADC(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return aluOp(b, i, OP.Adc, ARITH_FLAGS, true);
}

/** SUB—Subtract, SDM Vol. 2B. */
export function SUB(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return aluOp(b, i, OP.Sub, ARITH_FLAGS, true);
}

/** SBB—Integer Subtraction With Borrow, SDM Vol. 2B. */
export function SBB(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return aluOp(b, i, OP.Sbb, ARITH_FLAGS, true);
}

/** CMP—Compare Two Operands, SDM Vol. 2A: SUB that keeps only the flags. */
export function CMP(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return aluOp(b, i, OP.Sub, ARITH_FLAGS, false);
}

// ── INC / DEC / NEG ──

/** INC—Increment by 1, SDM Vol. 2A: CF is not affected. */
export function INC(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return unaryOp(b, i, OP.Add, INCDEC_FLAGS, true);
}

/** DEC—Decrement by 1, SDM Vol. 2A: CF is not affected. */
export function DEC(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return unaryOp(b, i, OP.Sub, INCDEC_FLAGS, true);
}

/** NEG—Two's Complement Negation, SDM Vol. 2B. */
export function NEG(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return unaryOp(b, i, OP.Neg, ARITH_FLAGS, false);
}
