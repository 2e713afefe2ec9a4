/**
 * @file x86 semantics (stage 4 → 5): miscellaneous instructions of the core set — LEA and NOP
 * (SDM Vol. 1 §7.3.16) and the three that end the block into a runtime symbol (INT3, UD2, HLT;
 * docs/runtime-abi.md §5: the runtime performs them with RIP = this instruction).
 *
 *   LEA(b, i, c) // lea eax, [rbx+rcx*4+8] → Shl.8, Add.8, Add.8, Zext 4, SetReg rax
 */
import { SYM, type IrBlock } from "../../ir/index.ts";
import { K, type Insn } from "../insn.ts";
import { effOffset, runtimeExit, writeReg, type SemCtx } from "./_operand.ts";

/**
 * LEA—Load Effective Address, SDM Vol. 2A: the address computed in the address size, then
 * truncated or zero-extended to the operand size by the register write. No memory access.
 */
export function LEA(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  if (i.kind[1] !== K.MEM) return false;
  // The offset only: a segment override (FS/GS) does not add its base to LEA's result.
  writeReg(b, i.reg[0]!, effOffset(b, i));
  return true;
}

/** NOP—No Operation, SDM Vol. 2B (90 and the multi-byte 0F 1F /0, whose operand is not accessed). */
export function NOP(_b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  return true;
}

/** INT n/INTO/INT3/INT1—Call to Interrupt Procedure (INT3), SDM Vol. 2A: the runtime raises the breakpoint. */
export function INT3(b: IrBlock, i: Insn, c: SemCtx): boolean {
  return runtimeExit(b, i, c, SYM.int3);
}

/** UD—Undefined Instruction (UD2), SDM Vol. 2B: the runtime raises #UD. */
export function UD2(b: IrBlock, i: Insn, c: SemCtx): boolean {
  return runtimeExit(b, i, c, SYM.ud2);
}

/** HLT—Halt, SDM Vol. 2A: privileged; the runtime decides (#GP in user mode). */
export function HLT(b: IrBlock, i: Insn, c: SemCtx): boolean {
  return runtimeExit(b, i, c, SYM.hlt);
}
