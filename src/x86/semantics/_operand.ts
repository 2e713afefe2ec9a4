/**
 * @file x86 semantics (stage 4 → 5): the operand plumbing every semantic function shares. Reads
 * and writes of general registers with the partial-register rules (AL/AH/AX merge into the
 * 64-bit register with `Bfi`; a 32-bit write zero-extends, in 64-bit mode as the SDM says and in
 * 32-bit mode because the ABI keeps 32-bit guest registers zero-extended), immediates as
 * `Const`s, effective addresses (base + index*scale + disp in the address size; RIP-relative as
 * `Addr`), and memory operands with `MEM.STACK` when the base is RSP/ESP.
 *
 * On entry: a decoded `Insn` whose form the caller accepted (no 16-bit address size:
 * `translateInsn` falls back on it before any semantic runs; an FS/GS override adds the base from
 * the state block to every memory access, `effAddr`, but not to LEA's `effOffset`). On exit: IR
 * appended to the block. Nothing here allocates: constants and addresses are emitted through
 * `IrBlock.emit` with their two 32-bit halves (the builder's `const`/`addr` go through `split`,
 * which builds a tuple per call).
 *
 *   const sz = opSize(i, 0);
 *   const v = readOp(b, i, 1, sz);        // register, memory (Load) or immediate
 *   writeReg(b, i.reg[0]!, b.add(sz, readReg(b, i.reg[0]!), v, FLAG.CF));
 */
import { OP, MEM, type IrBlock, type Value } from "../../ir/index.ts";
import { K, type Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { FF, tables } from "../tables/_load.ts";

/**
 * Per-instruction context. `translateInsn` reuses one object; `next` is computed on demand
 * because bigint arithmetic allocates and only control transfers ask for it.
 */
export class SemCtx {
  /** This instruction's guest address. */
  va = 0n;
  /** Its length in bytes. */
  len = 0;
  mode: 32 | 64 = 64;
  /** The address after this instruction. */
  get next(): bigint {
    return this.va + BigInt(this.len);
  }
}

/** One semantic function: emits the IR of `i`, or returns false (before or after emitting) to fall back. */
export type Semantic = (b: IrBlock, i: Insn, c: SemCtx) => boolean;

// ── flag masks (FLAG.* bits), as the table rows declare them written/cleared/set ──
/** ADD ADC SUB SBB CMP NEG: fw=oszacp. */
export const ARITH_FLAGS = 63;
/** AND OR XOR TEST: fw=szp f0=oc (AF undefined, not defined here). */
export const LOGIC_FLAGS = 1 | 2 | 8 | 16 | 32;
/** INC DEC: fw=oszap (CF unchanged). */
export const INCDEC_FLAGS = 2 | 4 | 8 | 16 | 32;

const FF_MOFFS = FF.MOFFS;
const FORM_FLAGS = tables().formFlags;
const GPR8 = R.GPR8, GPR16 = R.GPR16, GPR32 = R.GPR32, GPR64 = R.GPR64, EIP = R.EIP, RIP = R.RIP;
const RSP64 = R.GPR64 + 4, ESP = R.GPR32 + 4;
const TWO32 = 4294967296;

// ── constants and guest addresses ──

/** `Const.sz` of a non-negative value below 2^53 (or given as two halves). */
export function konst(b: IrBlock, sz: number, lo: number, hi = 0): Value {
  return b.emit(OP.Const, sz, 0, 0, 0, 0, 0, lo >>> 0, hi >>> 0);
}

/** `Addr` of a guest address held as a JS number (guest addresses are below 2^53). */
export function guestAddr(b: IrBlock, a: number): Value {
  const lo = a >>> 0;
  return b.emit(OP.Addr, 8, 0, 0, 0, 0, 0, lo, ((a - lo) / TWO32) >>> 0);
}

/**
 * End the block in runtime symbol `sym` at instruction `i` itself (x16 = its RIP, nothing of it
 * done; ABI §5): the runtime performs it and resumes after it, or raises what it raises.
 */
export function runtimeExit(b: IrBlock, i: Insn, c: SemCtx, sym: number): boolean {
  b.exitSym(sym, guestAddr(b, Number(c.va)), i.length);
  return true;
}

/** The address after `i`, as an `Addr` (return addresses, fall-through exits). */
export function nextAddr(b: IrBlock, i: Insn, c: SemCtx): Value {
  return guestAddr(b, Number(c.va) + i.length);
}

/**
 * The instruction's immediate as a `Const` of `sz` bytes. The decoder gives it sign-extended
 * (a signed JS number) when the form sign-extends it, else unsigned; a 64-bit immediate is
 * `immHi:imm`.
 */
export function immConst(b: IrBlock, i: Insn, sz: number): Value {
  const v = i.imm;
  if (sz === 8) return konst(b, 8, v, i.immHi !== 0 ? i.immHi : v < 0 ? 0xffffffff : 0);
  return konst(b, sz, sz === 4 ? v : v & (sz === 2 ? 0xffff : 0xff));
}

// ── registers ──

/** True for AL..R15 (every general register class). */
export const isGpr = (r: number): boolean => r >= GPR8 && r < EIP;

/** Size in bytes of a general register. */
export const regSize = (r: number): number => (r >= GPR64 ? 8 : r >= GPR32 ? 4 : r >= GPR16 ? 2 : 1);

/** Size in bytes of operand k: its register, its memory operand, or the operand size. */
export function opSize(i: Insn, k: number): number {
  const kd = i.kind[k];
  if (kd === K.REG) return regSize(i.reg[k]!);
  if (kd === K.MEM) return i.memSize;
  return i.osz >> 3;
}

/** The IR register (GPR.*) of a 16/32/64-bit x86 register, or of an 8-bit one other than AH..BH. */
export function gprNum(r: number): number {
  if (r >= GPR16) return (r - GPR16) & 15;
  const k = r - GPR8;
  // AL..BL are 0..3; 8..11 are SPL..DIL (registers 4..7), 12.. R8L.. (registers 8..).
  return k < 4 ? k : k - 4;
}

/** AH, CH, DH, BH (index 4..7 of the 8-bit class, encodable only without REX). */
const isHigh8 = (r: number): boolean => r >= GPR8 + 4 && r < GPR8 + 8;

/**
 * The value of a general register: the 64-bit register, whose low bytes are the 8/16/32-bit
 * register (consumers are sized ops that read only those), except AH..BH which are bits 8..15.
 */
export function readReg(b: IrBlock, r: number): Value {
  if (isHigh8(r)) return b.ubfx(b.getReg(r - GPR8 - 4), 8, 8);
  return b.getReg(gprNum(r));
}

/**
 * True when v is known to be the zero extension of its low 32 bits: sized results of 4 bytes
 * ("size 4 zero-extended", ops.ts), loads of at most 4 bytes, constants below 2^32, 0/1 results,
 * narrow extractions. Saves the `Zext` a 32-bit register write would otherwise need.
 */
function isZext32(b: IrBlock, v: Value): boolean {
  const op = b.op[v]!;
  switch (op) {
    case OP.Const: return b.hi[v] === 0;
    case OP.Load: case OP.AtomicRmw: case OP.AtomicCas: return b.sz[v]! <= 4;
    case OP.Cmp: case OP.Cond: return true;
    case OP.Zext: return true;
    // The ABI keeps every 32-bit guest's registers zero-extended.
    case OP.GetReg: return b.mode === 32;
    case OP.Ubfx: return b.c[v]! <= 32; // the field, zero-extended: below 2^width
    case OP.Add: case OP.Sub: case OP.Adc: case OP.Sbb: case OP.And: case OP.Or: case OP.Xor: case OP.Neg:
    case OP.Not: case OP.Shl: case OP.Shr: case OP.Sar: case OP.Ror: case OP.Mul: case OP.MulHU: case OP.MulHS:
      return b.sz[v] === 4;
    default: return false;
  }
}

/**
 * Write a general register with x86's width rules: 64-bit as is; 32-bit zero-extended (SDM Vol. 1
 * 3.4.1.1); 16/8-bit merged into the old 64-bit value (AH..BH at bit 8). The merge re-reads the
 * register, so a second write in the same instruction (XCHG AL, AH) merges into the first.
 */
export function writeReg(b: IrBlock, r: number, v: Value): void {
  if (r >= GPR64) return b.setReg(r - GPR64, v);
  if (r >= GPR32) return b.setReg(r - GPR32, isZext32(b, v) ? v : b.zext(v, 4));
  if (isHigh8(r)) {
    const n = r - GPR8 - 4;
    return b.setReg(n, b.bfi(b.getReg(n), v, 8, 8));
  }
  const n = gprNum(r);
  b.setReg(n, b.bfi(b.getReg(n), v, 0, r >= GPR16 ? 16 : 8));
}

// ── memory ──

/** `MEM.STACK` when the memory operand's base is RSP/ESP (ABI §8) and no FS/GS base moves it off the stack, else 0. */
export function memAttr(i: Insn): number {
  return (i.memBase === RSP64 || i.memBase === ESP) && segOf(i) < 0 ? MEM.STACK : 0;
}

const SEG_FS = R.SEG + 4, SEG_GS = R.SEG + 5;
/** 0 for an FS override, 1 for GS (the `SegBase` operand), -1 otherwise (ES/CS/SS/DS have base 0 under Windows). */
export function segOf(i: Insn): number {
  return i.segPrefix === SEG_FS ? 0 : i.segPrefix === SEG_GS ? 1 : -1;
}

/**
 * The linear address of offset `a`: `a` plus the FS/GS base from the state block when the
 * instruction has that override (ABI §6). 64-bit mode adds in 64 bits (the offset is already
 * zero-extended for 32-bit addressing); 32-bit mode wraps at 4 GiB, as the segment limit check
 * of a flat 4 GiB segment does.
 */
export function withSeg(b: IrBlock, i: Insn, a: Value): Value {
  const s = segOf(i);
  if (s < 0) return a;
  const base = b.emit(OP.SegBase, 0, 0, s);
  return b.mode === 64 ? b.add(8, a, base) : b.add(4, a, base);
}

/**
 * The linear address of the memory operand: its effective address (`effOffset`) plus the FS/GS
 * base when the instruction has that segment override. `sp` as in `effOffset`.
 */
export function effAddr(b: IrBlock, i: Insn, sp = -1): Value {
  return withSeg(b, i, effOffset(b, i, sp));
}

/**
 * The effective address (the offset within the segment; LEA's result) of the memory operand,
 * computed in the address size: 64-bit, or 32-bit with size-4 ops (which wrap and zero-extend, as
 * x86 does). `sp` replaces RSP/ESP as the base (POP r/m computes its address after incrementing
 * RSP, SDM "POP").
 */
export function effOffset(b: IrBlock, i: Insn, sp = -1): Value {
  const base = i.memBase, index = i.memIndex, disp = i.memDisp;
  if (base === RIP || base === EIP) return guestAddr(b, disp);
  const as = i.asz === 64 ? 8 : 4;
  let a = -1;
  if (base !== 0) a = sp >= 0 && (base === RSP64 || base === ESP) ? sp : b.getReg(gprNum(base));
  if (index !== 0) {
    let x = b.getReg(gprNum(index));
    if (i.memScale > 1) x = b.shl(as, x, konst(b, 1, 31 - Math.clz32(i.memScale)));
    a = a < 0 ? x : b.add(as, a, x);
  }
  if (a < 0) {
    // No register: an absolute address. moffs64 holds it in immHi:imm (memDisp may be rounded).
    if (as === 8 && (FORM_FLAGS[i.form]! & FF_MOFFS) !== 0) return konst(b, 8, i.imm, i.immHi);
    return as === 8 ? konst(b, 8, disp, disp < 0 ? 0xffffffff : 0) : konst(b, 4, disp);
  }
  if (disp !== 0) a = b.add(as, a, as === 8 ? konst(b, 8, disp, disp < 0 ? 0xffffffff : 0) : konst(b, 4, disp));
  // A lone base or index register read in 32-bit addressing still has to wrap (zero-extend).
  else if (as === 4 && !isZext32(b, a)) a = b.zext(a, 4);
  return a;
}

/** Load `sz` bytes of the memory operand. */
export function loadMem(b: IrBlock, i: Insn, sz: number): Value {
  return b.load(sz, effAddr(b, i), memAttr(i));
}

/** Operand k as a value of `sz` meaningful bytes: a register, a memory load or the immediate. */
export function readOp(b: IrBlock, i: Insn, k: number, sz: number): Value {
  const kd = i.kind[k];
  if (kd === K.REG) return readReg(b, i.reg[k]!);
  if (kd === K.MEM) return loadMem(b, i, sz);
  return immConst(b, i, sz);
}
