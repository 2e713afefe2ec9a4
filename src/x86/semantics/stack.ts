/**
 * @file x86 semantics (stage 4 → 5): PUSH and POP, SDM Vol. 1 §7.3.1.4. Stack slots are the
 * mode's width (8 bytes in 64-bit mode, 4 in 32-bit mode, where RSP arithmetic is 32-bit); a
 * 66-prefixed 16-bit push or pop and the segment-register forms fall back. CALL and RET, which
 * push and pop too, are in `branch.ts`.
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

/** Push `v` (its low `ssz` bytes): new RSP = RSP - ssz, store there, then set RSP. */
export function pushValue(b: IrBlock, ssz: number, v: Value): void {
  const nsp = b.sub(ssz, b.getReg(GPR.RSP), konst(b, ssz, ssz));
  b.storeStack(ssz, nsp, v);
  b.setReg(GPR.RSP, nsp);
}

/** PUSH—Push Word, Doubleword, or Quadword Onto the Stack, SDM Vol. 2B. */
export function PUSH(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const ssz = slotSize(c);
  if (i.osz >> 3 !== ssz || (i.kind[0] === K.REG && !isGpr(i.reg[0]!))) return false;
  // The operand is read first: `push rsp` pushes the old RSP, `push [rsp+8]` addresses with it.
  pushValue(b, ssz, readOp(b, i, 0, ssz));
  return true;
}

/**
 * POP—Pop a Value From the Stack, SDM Vol. 2B. `pop rsp` leaves the popped value in RSP (the
 * increment is overwritten); a memory destination based on RSP is addressed with the
 * incremented RSP, and is stored before RSP is set.
 */
export function POP(b: IrBlock, i: Insn, c: SemCtx): boolean {
  const ssz = slotSize(c);
  if (i.osz >> 3 !== ssz || (i.kind[0] === K.REG && !isGpr(i.reg[0]!))) return false;
  const sp = b.getReg(GPR.RSP);
  const v = b.loadStack(ssz, sp);
  const nsp = b.add(ssz, sp, konst(b, ssz, ssz));
  if (i.kind[0] === K.MEM) {
    b.store(ssz, effAddr(b, i, nsp), v, memAttr(i));
    b.setReg(GPR.RSP, nsp);
  } else {
    b.setReg(GPR.RSP, nsp);
    writeReg(b, i.reg[0]!, v);
  }
  return true;
}
