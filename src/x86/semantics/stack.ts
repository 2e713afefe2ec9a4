/**
 * @file x86 semantics (stage 4 → 5): PUSH and POP, SDM Vol. 1 §7.3.1.4. Stack slots are the
 * mode's width (8 bytes in 64-bit mode, 4 in 32-bit mode, where RSP arithmetic is 32-bit); a
 * 66-prefixed push or pop moves 2 bytes (RSP still changes in the mode's width, as the stack
 * address size says); the segment-register forms fall back. CALL and RET, which push and pop
 * too, are in `branch.ts`.
 *
 * Precise faults (ABI §9): the new RSP is computed into a value, the store (or load) uses it,
 * and RSP is set only after the last memory access, so a fault (a guard page) leaves RSP as it
 * was. Every RSP-relative access carries `MEM.STACK`.
 *
 *   PUSH(b, i, c) // push rbx → v = GetReg rbx; sp = GetReg rsp; n = Sub.8 sp, 8; Store.8 n, v, 1; SetReg rsp, n
 */
import { GPR, type IrBlock, type Value } from "../../ir/index.ts";
import { K, type Insn } from "../insn.ts";
import { effAddr, isGpr, konst, memAttr, readOp, writeReg, type SemCtx } from "./_operand.ts";

/** Bytes per stack slot: 8 in 64-bit mode, 4 in 32-bit mode. */
export const slotSize = (c: SemCtx): number => (c.mode === 64 ? 8 : 4);

/** Push the low `w` bytes of `v` (w defaults to the slot): new RSP = RSP - w in the slot width, store there, then set RSP. */
export function pushValue(b: IrBlock, ssz: number, v: Value, w = ssz): void {
  const nsp = b.sub(ssz, b.getReg(GPR.RSP), konst(b, ssz, w));
  b.storeStack(w, nsp, v);
  b.setReg(GPR.RSP, nsp);
}

/** Bytes an instruction pushes or pops: the slot, or 2 with a 66 prefix; 0 for any other size (falls back). */
export function pushWidth(i: Insn, c: SemCtx): number {
  const w = i.osz >> 3, ssz = slotSize(c);
  return w === ssz || w === 2 ? w : 0;
}

/** PUSH—Push Word, Doubleword, or Quadword Onto the Stack, SDM Vol. 2B. */
export function PUSH(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const ssz = slotSize(c), w = pushWidth(i, c);
  if (!w || (i.kind[0] === K.REG && !isGpr(i.reg[0]!))) return false;
  // The operand is read first: `push rsp` pushes the old RSP, `push [rsp+8]` addresses with it.
  pushValue(b, ssz, readOp(b, i, 0, w), w);
  return true;
}

/**
 * POP—Pop a Value From the Stack, SDM Vol. 2B. `pop rsp` leaves the popped value in RSP (the
 * increment is overwritten); a memory destination based on RSP is addressed with the
 * incremented RSP, and is stored before RSP is set.
 */
export function POP(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const ssz = slotSize(c), w = pushWidth(i, c);
  if (!w || (i.kind[0] === K.REG && !isGpr(i.reg[0]!))) return false;
  const sp = b.getReg(GPR.RSP);
  const v = b.loadStack(w, sp);
  const nsp = b.add(ssz, sp, konst(b, ssz, w));
  if (i.kind[0] === K.MEM) {
    b.store(w, effAddr(b, i, nsp), v, memAttr(i));
    b.setReg(GPR.RSP, nsp);
  } else {
    b.setReg(GPR.RSP, nsp);
    writeReg(b, i.reg[0]!, v);
  }
  return true;
}
