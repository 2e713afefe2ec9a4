/**
 * @file x86 semantics (stage 4 → 5): segment registers and far transfers, SDM Vol. 1 §3.4.2 and
 * §6.3.2 — MOV to and from a segment register, PUSH/POP of a segment register, RETF, and far
 * CALL/JMP (through memory, and the direct `ptr16:32` forms of 32-bit mode). The six selectors
 * live in the state block (`STATE.SEL`: ES CS SS DS, `STATE.SEL_FSGS`: FS GS, 16 bits each in
 * x86 order; docs/runtime-abi.md §2); these instructions read and write them with
 * `GetState`/`SetState` and `Ubfx`/`Bfi`. The bases stay where ABI §6 keeps them.
 *
 * Loading a segment register loads a descriptor, which only the runtime can do. The fast path is
 * inline: a new selector equal to the current one changes nothing (the descriptor was loaded when
 * the selector was, and user code cannot change the descriptor tables), so MOV Sreg costs a
 * compare and POP Sreg a compare and the stack adjust. Any other selector leaves the block into
 * `load_segment` at the instruction itself with nothing of it done (x16 = its RIP, ABI §5, like
 * a runtime helper): the runtime decodes it, loads the descriptor or raises #GP, and continues
 * after it. Far transfers do the same with `far_transfer` when the target selector differs from
 * CS (a mode switch such as WOW64's "heaven's gate" `jmp far 0x33:...`); with the current CS
 * they are the near transfer plus the selector pushes and pops, and leave through the
 * dispatcher like an indirect jump, call or return.
 *
 * NOTE: the exit into `far_transfer` happens before the pushes and pops, with x16 = the far
 * instruction's RIP, not after them with x16 = the target offset: `ExitSymIf` puts only a
 * constant in x16 (its stub runs after the body, where no computed value is live), and a
 * precise pre-instruction state lets the runtime perform any kind of far transfer itself.
 *
 *   MOV_SREG(b, i, c)  // mov ds, ax → s = GetState 28; d = Ubfx s, 48, 16; n = Cmp.2 ne rax, d; ExitSymIf n, load_segment, Addr <this>, 2
 *   RETF(b, i, c)      // retf → o = Load.4 rsp; s = Load.4 rsp+4; ExitSymIf (s != CS), far_transfer, …; SetReg rsp, rsp+8; Exit ret, o
 */
import { EXIT, GPR, OP, STATE, SYM, type IrBlock, type Value } from "../../ir/index.ts";
import { FLOW, K, type Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { tables } from "../tables/_load.ts";
import { effAddr, guestAddr, konst, loadMem, memAttr, nextAddr, readReg, writeReg, type SemCtx } from "./_operand.ts";
import { pushValue, pushWidth, slotSize } from "./stack.ts";

const FORM_FLOW = tables().formFlow;
const SEG = R.SEG;
/** Segment numbers in x86 order (the Sreg field of ModRM). */
const ES = 0, CS = 1, SS = 2, GS = 5;

/** True when `i` names a segment register or is a far CALL/JMP: the forms this file translates for MOV, PUSH, POP, CALL and JMP. */
export function isSegmentForm(i: Insn): boolean {
  if (FORM_FLOW[i.form] === FLOW.FAR) return true;
  for (let k = 0; k < i.opCount; k++) if (i.kind[k] === K.REG && isSeg(i.reg[k]!)) return true;
  return false;
}

const isSeg = (r: number): boolean => r >= SEG + ES && r <= SEG + GS;

/** The state word (`GetState` index) holding segment s, and the bit where its selector starts. */
const selWord = (s: number): number => (s < 4 ? STATE.SEL : STATE.SEL_FSGS) / 8;
const selBit = (s: number): number => 16 * (s & 3);

/** The selector of segment s, zero-extended. */
function readSel(b: IrBlock, s: number): Value {
  return b.ubfx(b.emit(OP.GetState, 0, 0, selWord(s)), selBit(s), 16);
}

/**
 * Nonzero exactly when the low 16 bits of x and y differ: (x ^ y) << 16 in 32 bits. Only tested
 * against zero (`ExitSymIf`), so it needs no 0/1 result: eor, lsl, cbnz rather than a compare.
 */
function differ16(b: IrBlock, x: Value, y: Value): Value {
  return b.shl(4, b.xor(4, x, y), konst(b, 1, 16));
}

/**
 * The descriptor-load check of MOV Sreg and POP Sreg: a selector `v` (its low 16 bits) other than
 * segment s's current one leaves into `load_segment` at this instruction, before anything of it
 * is written. An equal one needs nothing stored: the state already holds it.
 */
function checkLoad(b: IrBlock, i: Insn, c: SemCtx, s: number, v: Value): void {
  const differs = differ16(b, v, readSel(b, s));
  b.exitSymIf(differs, SYM.load_segment, guestAddr(b, Number(c.va)), i.length);
}

/** The far-transfer check: a target selector other than CS leaves into `far_transfer` at this instruction. */
function checkFar(b: IrBlock, i: Insn, c: SemCtx, sel: Value): void {
  const differs = differ16(b, sel, readSel(b, CS));
  b.exitSymIf(differs, SYM.far_transfer, guestAddr(b, Number(c.va)), i.length);
}

// ── MOV / PUSH / POP with a segment register ──

/**
 * MOV—Move (8C /r, 8E /r), SDM Vol. 2B. From a segment register: a register destination of 32 or
 * 64 bits gets the selector zero-extended, a 16-bit one only its low 16 bits, memory 16 bits
 * whatever the operand size. To a segment register (CS is not allowed; the decoder rejects it):
 * the descriptor-load check. MOV SS also inhibits interrupts until after the next instruction;
 * user mode has no interrupt to hold off, so there is nothing to emulate.
 */
export function MOV_SREG(b: IrBlock, i: Insn, c: SemCtx): boolean {
  if (i.kind[0] === K.REG && isSeg(i.reg[0]!)) {
    const s = i.reg[0]! - SEG;
    if (s === CS) return false;
    checkLoad(b, i, c, s, i.kind[1] === K.MEM ? loadMem(b, i, 2) : readReg(b, i.reg[1]!));
    return true;
  }
  const v = readSel(b, i.reg[1]! - SEG);
  if (i.kind[0] === K.MEM) b.store(2, effAddr(b, i), v, memAttr(i));
  else writeReg(b, i.reg[0]!, v);
  return true;
}

/**
 * PUSH—Push Word, Doubleword, or Quadword Onto the Stack (segment register forms), SDM Vol. 2B.
 * With a 32/64-bit operand size the SDM allows either the zero-extended selector or a 16-bit
 * write that leaves the rest of the slot alone; we store the zero-extended selector in the whole
 * slot, as Unicorn (our reference) and older processors do, so no byte of the slot keeps stale data.
 */
export function PUSH_SREG(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const w = pushWidth(i, c);
  if (!w) return false;
  pushValue(b, slotSize(c), readSel(b, i.reg[0]! - SEG), w);
  return true;
}

/**
 * POP—Pop a Value From the Stack (segment register forms), SDM Vol. 2B: the slot is read (the
 * selector is its low 16 bits), checked like MOV Sreg, then RSP moves past it. POP SS inhibits
 * interrupts for one instruction, which, as for MOV SS, user mode cannot observe.
 */
export function POP_SREG(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const ssz = slotSize(c), w = pushWidth(i, c);
  if (!w) return false;
  const sp = b.getReg(GPR.RSP);
  checkLoad(b, i, c, i.reg[0]! - SEG, b.loadStack(w, sp));
  b.setReg(GPR.RSP, b.add(ssz, sp, konst(b, ssz, w)));
  return true;
}

// ── far CALL / JMP / RETF ──

/**
 * The target of a far CALL/JMP as [offset, selector]: the `ptr16:16/32` immediate, or the m16:16,
 * m16:32 or m16:64 memory operand (offset first, the selector after it). The offset has the
 * operand size, zero-extended (a 16-bit one truncates EIP, as the SDM says).
 */
function farTarget(b: IrBlock, i: Insn, w: number): [Value, Value] | undefined {
  if (i.kind[0] === K.FAR) return [konst(b, 4, farOffset(i, w)), konst(b, 2, i.immHi & 0xffff)];
  if (i.kind[0] !== K.MEM) return undefined;
  const a = effAddr(b, i), attr = memAttr(i), as = b.mode === 64 ? 8 : 4;
  // Selector first: see RETF (the lowering's post-index fusion mistakes `Load [r]; Add r, k`
  // for a pop when the Add is an address folded into the next load).
  const sel = b.load(2, b.add(as, a, konst(b, as, w)), attr);
  return [b.load(w, a, attr), sel];
}

/** The offset of a direct `ptr16:16`/`ptr16:32` operand. */
const farOffset = (i: Insn, w: number): number => (w === 2 ? i.imm & 0xffff : i.imm >>> 0);

/**
 * CALL—Call Procedure (far, same privilege), SDM Vol. 2A: push CS then the return offset, each in
 * the operand size (CS zero-extended, as Unicorn writes it), then continue at the target. The
 * target is read before the pushes (`call far [rsp]` addresses with the old RSP).
 */
export function CALL_FAR(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const w = i.osz >> 3, ssz = slotSize(c);
  const t = farTarget(b, i, w);
  if (!t) return false;
  checkFar(b, i, c, t[1]);
  const sp = b.getReg(GPR.RSP);
  b.storeStack(w, b.sub(ssz, sp, konst(b, ssz, w)), readSel(b, CS));
  const nsp = b.sub(ssz, sp, konst(b, ssz, 2 * w));
  b.storeStack(w, nsp, nextAddr(b, i, c));
  b.setReg(GPR.RSP, nsp);
  if (i.kind[0] === K.FAR) b.exit(EXIT.CALL, guestAddr(b, farOffset(i, w)));
  else b.exit(EXIT.CALL_INDIRECT, t[0]);
  return true;
}

/** JMP—Jump (far, same privilege), SDM Vol. 2A. */
export function JMP_FAR(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const w = i.osz >> 3, t = farTarget(b, i, w);
  if (!t) return false;
  checkFar(b, i, c, t[1]);
  if (i.kind[0] === K.FAR) b.exit(EXIT.JUMP, guestAddr(b, farOffset(i, w)));
  else b.exit(EXIT.INDIRECT, t[0]);
  return true;
}

/**
 * RET—Return From Procedure (far, RETF and RETF imm16), SDM Vol. 2B: pop the offset, then the
 * selector (the low 16 bits of its slot), each in the operand size (in 64-bit mode 32 bits unless
 * REX.W), then release imm16 bytes. A return to an outer privilege level would pop RSP and SS
 * too; its selector differs from CS, so the runtime performs it.
 */
export function RETF(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const w = i.osz >> 3, ssz = slotSize(c);
  const sp = b.getReg(GPR.RSP);
  // The selector is loaded before the offset: a load from RSP directly followed by an RSP + k
  // folded into the next load's address is taken for a pop's post-index write-back by the
  // lowering (memory.ts postIndexAdd), which then moves RSP early (reported; this order avoids it).
  const sel = b.loadStack(w, b.add(ssz, sp, konst(b, ssz, w)));
  const off = b.loadStack(w, sp);
  checkFar(b, i, c, sel);
  const n = 2 * w + (i.opCount > 0 && i.kind[0] === K.IMM ? i.imm & 0xffff : 0);
  b.setReg(GPR.RSP, b.add(ssz, sp, konst(b, ssz, n)));
  b.exit(EXIT.RET, off);
  return true;
}
