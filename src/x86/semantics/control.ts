/**
 * @file x86 semantics (stage 4 → 5): loops and stack frames — LOOP/LOOPE/LOOPNE, JECXZ/JRCXZ
 * (SDM Vol. 1 §7.3.8.2), ENTER (any nesting level)/LEAVE (§7.3.15), PUSHF/POPF (§7.3.13.4), PUSHA/POPA (§7.3.1.4).
 *
 * LOOP and JrCXZ count in the *address* size (RCX; ECX with 0x67 or in 32-bit mode; CX with a
 * 16-bit address size falls back in `translateInsn`). They read no flag besides ZF (LOOPE/NE) and
 * write none, so their conditional exit is `ExitIfNZ` on a computed 0/1 value, never on NZCV.
 * A 16-bit operand size (66 prefix: IP truncated to 16 bits) falls back as for Jcc.
 *
 * PUSHF/POPF: the guest can observe and change CF PF AF ZF SF OF and DF; those are kept (ABI §4).
 * AC and ID are kept as POPF wrote them (STATE.AC_ID: code checks CPUID support by toggling ID;
 * AC has no effect, Windows does not enable alignment checks). IF is pushed as 1 (Windows user
 * code always runs with interrupts enabled), TF, NT and IOPL as 0; POPF ignores them (TF would
 * single-step, which is not emulated; a user-mode POPF cannot change IF or IOPL). The
 * differential harness compares the six status flags and DF in EFLAGS and every pushed word, and
 * gives the reference IF = 1 so those agree.
 *
 * Precise faults (ABI §9): every memory access of an instruction comes before its first guest
 * register or flag write. POPA needs 8 loads but only 6 temporaries exist: it loads its highest
 * and lowest slots first (the two that can fault: the 32 bytes span at most two pages, and both
 * ends being readable makes every byte between readable), then the rest, which cannot fault.
 *
 *   LOOP(b, i, c) // loop rel8 → n = Sub.8 rcx, 1; SetReg rcx, n; ExitIfNZ n, Addr target; Exit jump, Addr next
 */
import { CC, EXIT, FLAG, GPR, OP, STATE, STATUS_FLAGS, type IrBlock, type Value } from "../../ir/index.ts";
import { FLOW, type Insn } from "../insn.ts";
import { tables } from "../tables/_load.ts";
import { guestAddr, konst, nextAddr, writeReg, type SemCtx } from "./_operand.ts";
import { R } from "../regs.ts";
import { flagsValue, setFlagsFrom } from "./flags.ts";
import { pushValue, pushWidth, slotSize } from "./stack.ts";

const FORM_FLOW = tables().formFlow;
/** The flags PUSHF/POPF move (ABI §4 keeps exactly these). */
const PUSHF_FLAGS = STATUS_FLAGS | FLAG.DF;
/** EFLAGS bit 1 (always 1) and IF (bit 9, always 1 in user mode). */
const PUSHF_FIXED = 0x202;
/** EFLAGS.AC | EFLAGS.ID, kept in the state block. */
const AC_ID = 0x240000;

/** `ExitIfNZ cond, target` (flags all live at the exit, as at any block exit). */
function exitIfNZ(b: IrBlock, cond: Value, target: Value): void {
  b.emit(OP.ExitIfNZ, 0, STATUS_FLAGS, cond, target);
}

/** The count register of LOOP/JrCXZ, by address size: its size in bytes (8 or 4). */
const countSize = (i: Insn): number => (i.asz === 64 ? 8 : 4);

/** A near relative branch in the mode's operand size (not 66-prefixed). */
const nearRel = (i: Insn, c: SemCtx): boolean => i.osz === c.mode && FORM_FLOW[i.form] !== FLOW.FAR;

/**
 * LOOP/LOOPE/LOOPNE: decrement the count (no flags), exit to the target when it is not zero and
 * the ZF condition `zf` (if given) holds. The count itself is the `ExitIfNZ` operand (a size-4
 * result is zero-extended, ops.ts), so the exit is one `cbnz` on it; LOOPE/LOOPNE first leave for
 * the next instruction when their ZF condition fails (an `ExitIf` on the guest ZF, which reads it
 * without changing NZCV).
 */
function loop(b: IrBlock, i: Insn, c: SemCtx, zf: number): boolean {
  if (!nearRel(i, c)) return false;
  const sz = countSize(i);
  const n = b.sub(sz, b.getReg(GPR.RCX), konst(b, sz, 1));
  // A 32-bit count write zero-extends RCX (as any 32-bit register write; Unicorn/QEMU agree).
  b.setReg(GPR.RCX, n);
  if (zf >= 0) b.exitIf(zf === CC.E ? CC.NE : CC.E, nextAddr(b, i, c));
  exitIfNZ(b, n, guestAddr(b, i.target));
  b.exit(EXIT.JUMP, nextAddr(b, i, c));
  return true;
}

/** LOOP/LOOPcc—Loop According to ECX Counter (LOOP), SDM Vol. 2A. */
export function LOOP(b: IrBlock, i: Insn, c: SemCtx): boolean { return loop(b, i, c, -1); }
/** LOOP/LOOPcc—Loop According to ECX Counter (LOOPE: count ≠ 0 and ZF = 1), SDM Vol. 2A. */
export function LOOPE(b: IrBlock, i: Insn, c: SemCtx): boolean { return loop(b, i, c, CC.E); }
/** LOOP/LOOPcc—Loop According to ECX Counter (LOOPNE: count ≠ 0 and ZF = 0), SDM Vol. 2A. */
export function LOOPNE(b: IrBlock, i: Insn, c: SemCtx): boolean { return loop(b, i, c, CC.NE); }

/**
 * JrCXZ: to the target when the count register (by address size) is zero: a nonzero count leaves
 * for the next instruction (`cbnz`), the rest jumps. ECX in 64-bit mode is RCX zero-extended from
 * 4 bytes; a 32-bit guest's registers already are (ABI §3).
 */
function jcxz(b: IrBlock, i: Insn, c: SemCtx): boolean {
  if (!nearRel(i, c)) return false;
  const rcx = b.getReg(GPR.RCX);
  exitIfNZ(b, countSize(i) === 4 && c.mode === 64 ? b.zext(rcx, 4) : rcx, nextAddr(b, i, c));
  b.exit(EXIT.JUMP, guestAddr(b, i.target));
  return true;
}

/** Jcc—Jump if Condition Is Met (JECXZ: ECX = 0; 0x67 in 64-bit mode), SDM Vol. 2A. */
export function JECXZ(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcxz(b, i, c); }
/** Jcc—Jump if Condition Is Met (JRCXZ: RCX = 0), SDM Vol. 2A. */
export function JRCXZ(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcxz(b, i, c); }

/**
 * ENTER—Make Stack Frame for Procedure Parameters, SDM Vol. 2A: push RBP; with nesting level L =
 * imm8 mod 32 > 0, push the L - 1 frame pointers at RBP - slot, RBP - 2*slot, … of the old frame,
 * then the new frame pointer; RBP = the new frame; RSP = the last push - imm16. Every load and
 * store comes first; RBP and RSP are set after them (precise faults: a fault restarts ENTER).
 */
export function ENTER(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const ssz = slotSize(c);
  if (i.osz >> 3 !== ssz) return false;
  const level = i.imm2 & 0x1f;
  const bp = b.getReg(GPR.RBP);
  const frame = b.sub(ssz, b.getReg(GPR.RSP), konst(b, ssz, ssz));
  b.storeStack(ssz, frame, bp);
  let top = frame;
  for (let k = 1; k < level; k++) {
    // The display entries are read from the caller's frame: RBP-relative, on the stack.
    const v = b.loadStack(ssz, b.sub(ssz, bp, konst(b, ssz, k * ssz)));
    top = b.sub(ssz, top, konst(b, ssz, ssz));
    b.storeStack(ssz, top, v);
  }
  if (level > 0) {
    top = b.sub(ssz, top, konst(b, ssz, ssz));
    b.storeStack(ssz, top, frame);
  }
  b.setReg(GPR.RBP, frame);
  b.setReg(GPR.RSP, b.sub(ssz, top, konst(b, ssz, i.imm & 0xffff)));
  return true;
}

/**
 * LEAVE—High Level Procedure Exit, SDM Vol. 2A: RSP = RBP; pop RBP. The load is a pop from the new
 * stack top, so it is a stack access (`MEM.STACK`, ABI §8) although it is addressed through RBP.
 */
export function LEAVE(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const ssz = slotSize(c), w = pushWidth(i, c);
  if (!w) return false;
  const fp = b.getReg(GPR.RBP);
  const v = b.loadStack(w, fp);
  b.setReg(GPR.RSP, b.add(ssz, fp, konst(b, ssz, w)));
  // 66 C9: RSP = RBP in the stack width, then a 16-bit pop into BP (the rest of RBP kept).
  if (w === 2) writeReg(b, R.GPR16 + GPR.RBP, v);
  else b.setReg(GPR.RBP, v);
  return true;
}

/** PUSHF/PUSHFD/PUSHFQ—Push EFLAGS Register Onto the Stack, SDM Vol. 2B (see the file comment for IF/TF/AC/ID). */
function pushf(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const ssz = slotSize(c), w = pushWidth(i, c);
  if (!w) return false;
  // PUSHF (66 9C) pushes FLAGS, the low 16 bits: AC and ID are not in them.
  const flags = flagsValue(b, PUSHF_FLAGS, PUSHF_FIXED);
  pushValue(b, ssz, w === 2 ? flags : b.or(4, flags, b.emit(OP.GetState, 0, 0, STATE.AC_ID / 8)), w);
  return true;
}

/** POPF/POPFD/POPFQ—Pop Stack Into EFLAGS Register, SDM Vol. 2B: the status flags and DF; the rest ignored (file comment). */
function popf(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const ssz = slotSize(c), w = pushWidth(i, c);
  if (!w) return false;
  const sp = b.getReg(GPR.RSP);
  const v = b.loadStack(w, sp);
  b.setReg(GPR.RSP, b.add(ssz, sp, konst(b, ssz, w)));
  // POPF (66 9D) writes FLAGS only: AC and ID (bits 18, 21) keep their values.
  if (w !== 2) b.emit(OP.SetState, 0, 0, STATE.AC_ID / 8, b.and(4, v, konst(b, 4, AC_ID)));
  setFlagsFrom(b, v, PUSHF_FLAGS);
  return true;
}

/** PUSHF—Push FLAGS (66 9C, the 16-bit form in either mode). */
export function PUSHF(b: IrBlock, i: Insn, c: SemCtx): boolean { return pushf(b, i, c); }
/** POPF—Pop FLAGS (66 9D). */
export function POPF(b: IrBlock, i: Insn, c: SemCtx): boolean { return popf(b, i, c); }

/** PUSHF—Push EFLAGS (PUSHFD: 32-bit mode). */
export function PUSHFD(b: IrBlock, i: Insn, c: SemCtx): boolean { return c.mode === 32 && pushf(b, i, c); }
/** PUSHF—Push RFLAGS (PUSHFQ: 64-bit mode). */
export function PUSHFQ(b: IrBlock, i: Insn, c: SemCtx): boolean { return c.mode === 64 && pushf(b, i, c); }
/** POPF—Pop EFLAGS (POPFD: 32-bit mode). */
export function POPFD(b: IrBlock, i: Insn, c: SemCtx): boolean { return c.mode === 32 && popf(b, i, c); }
/** POPF—Pop RFLAGS (POPFQ: 64-bit mode). */
export function POPFQ(b: IrBlock, i: Insn, c: SemCtx): boolean { return c.mode === 64 && popf(b, i, c); }

/**
 * PUSHA/PUSHAD—Push All General-Purpose Registers, SDM Vol. 2B (PUSHAD, 32-bit mode only): EAX,
 * ECX, EDX, EBX, the original ESP, EBP, ESI, EDI at ESP-4 … ESP-32; ESP is set after the stores.
 */
export function PUSHAD(b: IrBlock, i: Insn, c: SemCtx): boolean {
  if (c.mode !== 32 || (i.osz !== 32 && i.osz !== 16)) return false;
  const w = i.osz >> 3, sp = b.getReg(GPR.RSP);
  for (let r = 0; r < 8; r++) b.storeStack(w, b.sub(4, sp, konst(b, 4, w * (r + 1))), b.getReg(r));
  b.setReg(GPR.RSP, b.sub(4, sp, konst(b, 4, 8 * w)));
  return true;
}

/** PUSHA—Push All (66 60, 32-bit mode): AX … DI as words; ESP -= 16. */
export const PUSHA = PUSHAD;

/**
 * POPA/POPAD—Pop All General-Purpose Registers, SDM Vol. 2B (POPAD, 32-bit mode only): EDI, ESI,
 * EBP, (ESP's slot skipped), EBX, EDX, ECX, EAX from ESP … ESP+28; ESP += 32. Load order: see the
 * file comment.
 */
export function POPAD(b: IrBlock, i: Insn, c: SemCtx): boolean {
  if (c.mode !== 32 || (i.osz !== 32 && i.osz !== 16)) return false;
  const w = i.osz >> 3, sp = b.getReg(GPR.RSP);
  const slot = (r: number): Value => b.loadStack(w, b.add(4, sp, konst(b, 4, w * (7 - r))));
  // 32-bit: the loads are the whole registers; 16-bit (POPA): merged into AX … DI.
  const set = (r: number, v: Value): void => (w === 4 ? b.setReg(r, v) : writeReg(b, R.GPR16 + r, v));
  const eax = slot(GPR.RAX), edi = slot(GPR.RDI);
  for (const r of [GPR.RSI, GPR.RBP, GPR.RBX, GPR.RDX, GPR.RCX]) set(r, slot(r));
  set(GPR.RDI, edi);
  set(GPR.RAX, eax);
  b.setReg(GPR.RSP, b.add(4, sp, konst(b, 4, 8 * w)));
  return true;
}

/** POPA—Pop All (66 61, 32-bit mode): DI … AX as words; ESP += 16. */
export const POPA = POPAD;
