/**
 * @file x86 semantics (stage 4 → 5): control transfer, SDM Vol. 1 §7.3.8 — JMP (rel, r/m), Jcc,
 * CALL (rel, r/m), RET (near, with and without imm16). Each ends the block with an `Exit`
 * (docs/runtime-abi.md §5): direct targets are `Addr`s, indirect ones the loaded or read value.
 * 16-bit operand sizes (which truncate EIP to 16 bits) and far forms fall back.
 *
 * CALL stores the return address at RSP - slot before setting RSP (precise faults, ABI §9); RET
 * loads it, sets RSP, then exits with it. Each Jcc mnemonic is a one-line function over `jcc`.
 *
 *   JE(b, i, c) // je 0x401020 → ExitIf e, Addr 0x401020; Exit jump, Addr <next>
 */
import { CC, EXIT, GPR, type IrBlock } from "../../ir/index.ts";
import { FLOW, K, type Insn } from "../insn.ts";
import { tables } from "../tables/_load.ts";
import { guestAddr, konst, nextAddr, readOp, type SemCtx } from "./_operand.ts";
import { pushValue, slotSize } from "./stack.ts";

const FORM_FLOW = tables().formFlow;

/**
 * A near branch in the mode's operand size (64-bit in 64-bit mode, 32 in 32-bit mode): not a
 * far form (`jmp m16:64` shares the mnemonic and operand size), not a 16-bit one.
 */
const nearSize = (i: Insn, c: SemCtx): boolean => i.osz === c.mode && FORM_FLOW[i.form] !== FLOW.FAR;

// ── JMP / CALL / RET ──

/** JMP—Jump, SDM Vol. 2A (near relative and near absolute indirect forms; far forms fall back). */
export function JMP(b: IrBlock, i: Insn, c: SemCtx): boolean {
  if (!nearSize(i, c)) return false;
  if (i.kind[0] === K.BRANCH) b.exit(EXIT.JUMP, guestAddr(b, i.target));
  else if (i.kind[0] === K.REG || i.kind[0] === K.MEM) b.exit(EXIT.INDIRECT, readOp(b, i, 0, slotSize(c)));
  else return false;
  return true;
}

/** CALL—Call Procedure, SDM Vol. 2A (near forms): push the return address, then transfer. */
export function CALL(b: IrBlock, i: Insn, c: SemCtx): boolean {
  if (!nearSize(i, c)) return false;
  const ssz = slotSize(c);
  if (i.kind[0] === K.BRANCH) {
    pushValue(b, ssz, nextAddr(b, i, c));
    b.exit(EXIT.CALL, guestAddr(b, i.target));
  } else if (i.kind[0] === K.REG || i.kind[0] === K.MEM) {
    // The target is read before the push: `call [rsp]` and `call rsp` use the old RSP.
    const t = readOp(b, i, 0, ssz);
    pushValue(b, ssz, nextAddr(b, i, c));
    b.exit(EXIT.CALL_INDIRECT, t);
  } else return false;
  return true;
}

/** RET—Return From Procedure, SDM Vol. 2B (near; `ret imm16` also releases imm16 bytes). */
export function RET(b: IrBlock, i: Insn, c: SemCtx): boolean {
  if (!nearSize(i, c)) return false;
  const ssz = slotSize(c);
  const sp = b.getReg(GPR.RSP);
  const t = b.loadStack(ssz, sp);
  const n = ssz + (i.opCount > 0 && i.kind[0] === K.IMM ? i.imm & 0xffff : 0);
  b.setReg(GPR.RSP, b.add(ssz, sp, konst(b, ssz, n)));
  b.exit(EXIT.RET, t);
  return true;
}

// ── Jcc ──

/** Leave for the target if the condition holds, else for the next instruction. */
function jcc(b: IrBlock, i: Insn, c: SemCtx, cc: number): boolean {
  if (!nearSize(i, c)) return false;
  b.exitIf(cc, guestAddr(b, i.target));
  b.exit(EXIT.JUMP, nextAddr(b, i, c));
  return true;
}

/** Jcc—Jump if Condition Is Met (JO), SDM Vol. 2A. */
export function JO(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.O); }
/** Jcc—Jump if Condition Is Met (JNO), SDM Vol. 2A. */
export function JNO(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.NO); }
/** Jcc—Jump if Condition Is Met (JB), SDM Vol. 2A. */
export function JB(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.B); }
/** Jcc—Jump if Condition Is Met (JAE), SDM Vol. 2A. */
export function JAE(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.AE); }
/** Jcc—Jump if Condition Is Met (JE), SDM Vol. 2A. */
export function JE(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.E); }
/** Jcc—Jump if Condition Is Met (JNE), SDM Vol. 2A. */
export function JNE(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.NE); }
/** Jcc—Jump if Condition Is Met (JBE), SDM Vol. 2A. */
export function JBE(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.BE); }
/** Jcc—Jump if Condition Is Met (JA), SDM Vol. 2A. */
export function JA(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.A); }
/** Jcc—Jump if Condition Is Met (JS), SDM Vol. 2A. */
export function JS(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.S); }
/** Jcc—Jump if Condition Is Met (JNS), SDM Vol. 2A. */
export function JNS(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.NS); }
/** Jcc—Jump if Condition Is Met (JP), SDM Vol. 2A. */
export function JP(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.P); }
/** Jcc—Jump if Condition Is Met (JNP), SDM Vol. 2A. */
export function JNP(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.NP); }
/** Jcc—Jump if Condition Is Met (JL), SDM Vol. 2A. */
export function JL(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.L); }
/** Jcc—Jump if Condition Is Met (JGE), SDM Vol. 2A. */
export function JGE(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.GE); }
/** Jcc—Jump if Condition Is Met (JLE), SDM Vol. 2A. */
export function JLE(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.LE); }
/** Jcc—Jump if Condition Is Met (JG), SDM Vol. 2A. */
export function JG(b: IrBlock, i: Insn, c: SemCtx): boolean { return jcc(b, i, c, CC.G); }
