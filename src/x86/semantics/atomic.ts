/**
 * @file x86 semantics (stage 4 → 5): the atomics XADD, CMPXCHG, CMPXCHG8B and CMPXCHG16B, and the
 * LOCK-prefixed read-modify-write forms of ADD, ADC, SUB, SBB, AND, OR, XOR, INC, DEC, NEG, NOT
 * and XCHG with memory (implicitly locked); SDM Vol. 3A §9.1.2 "Bus Locking". Those mnemonics
 * keep their one function in arith.ts/logic.ts/move.ts, which call the `locked*` helpers here
 * for a LOCK prefix; `LOCKABLE` lists every mnemonic whose semantics honour LOCK (translateInsn
 * falls back on LOCK for any other; the decoder already rejects LOCK on register forms).
 *
 * A locked instruction becomes one `AtomicRmw` (or `AtomicCas`) op returning the old memory
 * value, followed by the ordinary flag op applied to that old value (so the flags are exactly the
 * unlocked instruction's, and the dead-flag pass narrows them as usual) and the register writes:
 * the atomic is the instruction's only access that can fault, and nothing guest-visible changes
 * before it (ABI §9). Atomicity and the full-barrier ordering of LOCK are the lowering's
 * (src/arm64/lower/atomic.ts). Without LOCK, XADD/CMPXCHG/CMPXCHG8B are plain load, compute,
 * store, as on x86 (not atomic against other processors).
 *
 *   lock xadd [rbx], eax → v = AtomicRmw.4 rbx, eax, add; Add.4 v, eax !oszapc; SetReg rax, v
 */
import { ATOM, CC, FLAG, GPR, OP, REL, type IrBlock, type Value } from "../../ir/index.ts";
import { K, PF, type Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { ARITH_FLAGS, effAddr, guestAddr, konst, memAttr, opSize, readOp, readReg, writeReg, type SemCtx } from "./_operand.ts";

/** Mnemonics whose semantics implement the LOCK prefix (their memory forms). */
export const LOCKABLE: ReadonlySet<string> = new Set([
  "ADD", "ADC", "SUB", "SBB", "AND", "OR", "XOR", "INC", "DEC", "NEG", "NOT", "XCHG", "XADD", "CMPXCHG", "CMPXCHG8B", "CMPXCHG16B",
]);

/** The instruction has a LOCK prefix. */
export const locked = (i: Insn): boolean => (i.prefixes & PF.LOCK) !== 0;

/** The ATOM.* operation of each flag-op (the IR op the unlocked form computes with). */
const ATOM_OF: Record<number, number> = {
  [OP.Add]: ATOM.ADD, [OP.Sub]: ATOM.SUB, [OP.Adc]: ATOM.ADC, [OP.Sbb]: ATOM.SBB,
  [OP.And]: ATOM.AND, [OP.Or]: ATOM.OR, [OP.Xor]: ATOM.XOR, [OP.Neg]: ATOM.NEG, [OP.Not]: ATOM.NOT,
};

/** `lock OP [mem], src` (aluOp's locked form): atomic OP, then the flags of OP on the old value. */
export function lockedAlu(b: IrBlock, i: Insn, op: number, fm: number): boolean {
  const sz = opSize(i, 0);
  const a = effAddr(b, i);
  const s = readOp(b, i, 1, sz);
  const old = b.emit(OP.AtomicRmw, sz, 0, a, s, ATOM_OF[op]!);
  b.emit(op, sz, fm, old, s);
  return true;
}

/** `lock INC/DEC/NEG/NOT [mem]` (unaryOp's locked form; `one`: the op is old ± 1). */
export function lockedUnary(b: IrBlock, i: Insn, op: number, fm: number, one: boolean): boolean {
  const sz = opSize(i, 0);
  const a = effAddr(b, i);
  // NEG and NOT ignore the operand; a zero constant is never materialised.
  const k = konst(b, sz, one ? 1 : 0);
  const old = b.emit(OP.AtomicRmw, sz, 0, a, k, ATOM_OF[op]!);
  if (fm) b.emit(op, sz, fm, old, one ? k : 0);
  return true;
}

/** XCHG with a memory operand (either order): always locked (SDM "XCHG"), no flags. */
export function xchgMem(b: IrBlock, i: Insn): boolean {
  const m = i.kind[0] === K.MEM ? 0 : 1, r = i.reg[1 - m]!;
  const sz = opSize(i, m);
  const a = effAddr(b, i);
  writeReg(b, r, b.emit(OP.AtomicRmw, sz, 0, a, readReg(b, r), ATOM.XCHG));
  return true;
}

// ── XADD ──

/**
 * XADD—Exchange and Add, SDM Vol. 2C: TEMP := SRC + DEST; SRC := DEST; DEST := TEMP; flags as
 * ADD. The source register is written first, so `xadd eax, eax` leaves the sum.
 */
export function XADD(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0), r = i.reg[1]!;
  const s = readReg(b, r);
  if (i.kind[0] === K.MEM) {
    const a = effAddr(b, i), attr = memAttr(i);
    let old: Value;
    if (locked(i)) old = b.emit(OP.AtomicRmw, sz, 0, a, s, ATOM.ADD);
    else {
      old = b.load(sz, a, attr);
      b.store(sz, a, b.add(sz, old, s), attr);
    }
    b.add(sz, old, s, ARITH_FLAGS);
    writeReg(b, r, old);
    return true;
  }
  const d = i.reg[0]!;
  const v = readReg(b, d);
  const sum = b.add(sz, v, s, ARITH_FLAGS);
  writeReg(b, r, v);
  writeReg(b, d, sum);
  return true;
}

// ── CMPXCHG / CMPXCHG8B ──

/** The accumulator of an operand size (AL, AX, EAX, RAX). */
const accumulator = (sz: number): number => (sz === 8 ? R.GPR64 : sz === 4 ? R.GPR32 : sz === 2 ? R.GPR16 : R.GPR8);

/**
 * Register r = v if x86 condition `cc` holds (on the ZF the instruction just set), else r is not
 * written at all: a 32-bit register keeps its upper half (an unconditional 32-bit write would
 * zero it).
 */
function writeRegIf(b: IrBlock, r: number, cc: number, v: Value): void {
  if (r >= R.GPR64) return b.setReg(r - R.GPR64, b.selectCC(cc, v, b.getReg(r - R.GPR64)));
  if (r >= R.GPR32) return b.setReg(r - R.GPR32, b.selectCC(cc, b.zext(v, 4), b.getReg(r - R.GPR32)));
  writeReg(b, r, b.selectCC(cc, v, readReg(b, r)));
}

/**
 * CMPXCHG—Compare and Exchange, SDM Vol. 2A: TEMP := DEST; if accumulator = TEMP then ZF := 1,
 * DEST := SRC, else ZF := 0, accumulator := TEMP, DEST := TEMP; flags as CMP accumulator, TEMP.
 * A memory destination is always written (the old value back on failure). A register
 * destination is written only on success and the accumulator only on failure, so in 64-bit mode
 * a 32-bit form leaves the upper half of the register not written alone (hardware behaviour; the
 * SDM pseudo-code's unconditional writes would zero it; QEMU fixed the same in 2023).
 */
export function CMPXCHG(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0), acc = accumulator(sz);
  const s = readReg(b, i.reg[1]!), av = readReg(b, acc);
  let old: Value;
  if (i.kind[0] === K.MEM) {
    const a = effAddr(b, i), attr = memAttr(i);
    if (locked(i)) old = b.emit(OP.AtomicCas, sz, 0, a, av, s);
    else {
      old = b.load(sz, a, attr);
      b.store(sz, a, b.select(b.cmp(sz, REL.EQ, av, old), s, old), attr);
    }
    b.sub(sz, av, old, ARITH_FLAGS);
  } else {
    old = readReg(b, i.reg[0]!);
    b.sub(sz, av, old, ARITH_FLAGS);
    writeRegIf(b, i.reg[0]!, CC.E, s);
  }
  // Failure only (after a register destination's write: `cmpxchg eax, ecx` reads the new EAX).
  writeRegIf(b, acc, CC.NE, old);
  return true;
}

/**
 * CMPXCHG8B/CMPXCHG16B—Compare and Exchange Bytes (CMPXCHG8B), SDM Vol. 2A: if EDX:EAX = m64 then
 * ZF := 1, m64 := ECX:EBX, else ZF := 0, EDX:EAX := m64 (m64 written back). Only ZF changes.
 * No alignment requirement (unlike CMPXCHG16B).
 */
export function CMPXCHG8B(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const a = effAddr(b, i), attr = memAttr(i);
  const exp = b.bfi(b.getReg(GPR.RAX), b.getReg(GPR.RDX), 32, 32);
  const nw = b.bfi(b.getReg(GPR.RBX), b.getReg(GPR.RCX), 32, 32);
  let old: Value;
  if (locked(i)) old = b.emit(OP.AtomicCas, 8, 0, a, exp, nw);
  else {
    old = b.load(8, a, attr);
    b.store(8, a, b.select(b.cmp(8, REL.EQ, exp, old), nw, old), attr);
  }
  b.setFlag(FLAG.ZF, b.cmp(8, REL.EQ, exp, old));
  writeRegIf(b, R.GPR32 + GPR.RAX, CC.NE, old);
  writeRegIf(b, R.GPR32 + GPR.RDX, CC.NE, b.ubfx(old, 32, 32));
  return true;
}

/**
 * CMPXCHG8B/CMPXCHG16B—Compare and Exchange Bytes (CMPXCHG16B), SDM Vol. 2A: if RDX:RAX = m128
 * then ZF := 1, m128 := RCX:RBX, else ZF := 0, RDX:RAX := m128. A destination that is not 16-byte
 * aligned raises #GP: the atomic op then leaves into `fallback` for this instruction (the ABI has
 * no #GP symbol; the runtime's other way of running it raises the #GP). With or without LOCK it
 * is one atomic 16-byte compare-and-swap (stronger than the unlocked form needs; the same result).
 */
export function CMPXCHG16B(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const a = effAddr(b, i);
  const rax = b.getReg(GPR.RAX), rdx = b.getReg(GPR.RDX);
  const exp = b.emit(OP.Pair, 0, 0, rax, rdx);
  const nw = b.emit(OP.Pair, 0, 0, b.getReg(GPR.RBX), b.getReg(GPR.RCX));
  const lo = b.emit(OP.AtomicCasPair, 0, 0, a, exp, nw, guestAddr(b, Number(c.va)));
  const hi = b.emit(OP.CasPairHi, 0, 0, lo);
  b.setFlag(FLAG.ZF, b.cmp(8, REL.EQ, b.or(8, b.xor(8, lo, rax), b.xor(8, hi, rdx)), konst(b, 8, 0)));
  writeRegIf(b, R.GPR64 + GPR.RAX, CC.NE, lo);
  writeRegIf(b, R.GPR64 + GPR.RDX, CC.NE, hi);
  return true;
}
