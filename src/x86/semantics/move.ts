/**
 * @file x86 semantics (stage 4 → 5): data transfer, SDM Vol. 1 §7.3.1 — MOV (general-register
 * forms, moffs, imm64), MOVZX, MOVSX, MOVSXD, CMOVcc, XCHG (memory forms: atomic.ts), and the sign
 * extensions CBW/CWDE/CDQE and CWD/CDQ/CQO. PUSH and POP are in `stack.ts`.
 *
 * No flags. Register writes go through `writeReg` (partial-register merge, 32-bit zero
 * extension); each CMOVcc mnemonic is a one-line function over `cmov` with its `CC.*` code.
 *
 *   MOV(b, i, c) // mov eax, ecx → v1 = GetReg rcx; v2 = Zext v1, 4; SetReg rax, v2
 */
import { CC, GPR, type IrBlock } from "../../ir/index.ts";
import { K, type Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { xchgMem } from "./atomic.ts";
import { effAddr, isGpr, konst, memAttr, opSize, readOp, readReg, writeReg, type SemCtx } from "./_operand.ts";

/** Operand k is a general register, memory or an immediate (not Sreg/CR/DR). */
const plain = (i: Insn, k: number): boolean => i.kind[k] !== K.REG || isGpr(i.reg[k]!);

// ── MOV / MOVZX / MOVSX / MOVSXD ──

/** MOV—Move, SDM Vol. 2B (segment, control and debug register forms fall back). */
export function MOV(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  if (!plain(i, 0) || !plain(i, 1)) return false;
  const sz = opSize(i, 0);
  if (i.kind[0] === K.MEM) {
    const a = effAddr(b, i);
    b.store(sz, a, readOp(b, i, 1, sz), memAttr(i));
  } else writeReg(b, i.reg[0]!, readOp(b, i, 1, sz));
  return true;
}

/**
 * MOVNTI—Store Doubleword Using Non-Temporal Hint, SDM Vol. 2B: a plain store; the hint is dropped
 * and the store ordered like any other (x86 orders it weakly; ours is at least as strong).
 */
export function MOVNTI(b: IrBlock, i: Insn, c: SemCtx): boolean {
  return i.kind[0] === K.MEM && MOV(b, i, c);
}

/** Destination register = operand 1 extended from its size (`signed`: Sext, else Zext). */
function extend(b: IrBlock, i: Insn, signed: boolean): boolean {
  const ssz = opSize(i, 1), dsz = opSize(i, 0);
  const v = readOp(b, i, 1, ssz);
  // Same width (MOVSXD r32, r/m32; MOVSX r16, r/m16): a plain move.
  writeReg(b, i.reg[0]!, dsz <= ssz ? v : signed ? b.sext(v, ssz) : b.zext(v, ssz));
  return true;
}

/** MOVZX—Move With Zero-Extend, SDM Vol. 2B. */
export function MOVZX(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return extend(b, i, false);
}

/** MOVSX/MOVSXD—Move With Sign-Extension (MOVSX), SDM Vol. 2B. */
export function MOVSX(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return extend(b, i, true);
}

/** MOVSX/MOVSXD—Move With Sign-Extension (MOVSXD), SDM Vol. 2B: without REX.W a plain 16/32-bit move. */
export function MOVSXD(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return extend(b, i, true);
}

// ── CMOVcc ──

/**
 * dst = cc ? src : dst. The source is read (a memory source loaded, and able to fault) whatever
 * the condition, and a 32-bit destination is zero-extended even when the condition is false.
 */
function cmov(b: IrBlock, i: Insn, cc: number): boolean {
  const sz = opSize(i, 0), d = i.reg[0]!;
  const s = readOp(b, i, 1, sz);
  writeReg(b, d, b.selectCC(cc, s, readReg(b, d)));
  return true;
}

/** CMOVcc—Conditional Move (CMOVO), SDM Vol. 2A. */
export function CMOVO(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.O); }
/** CMOVcc—Conditional Move (CMOVNO), SDM Vol. 2A. */
export function CMOVNO(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.NO); }
/** CMOVcc—Conditional Move (CMOVB), SDM Vol. 2A. */
export function CMOVB(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.B); }
/** CMOVcc—Conditional Move (CMOVAE), SDM Vol. 2A. */
export function CMOVAE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.AE); }
/** CMOVcc—Conditional Move (CMOVE), SDM Vol. 2A. */
export function CMOVE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.E); }
/** CMOVcc—Conditional Move (CMOVNE), SDM Vol. 2A. */
export function CMOVNE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.NE); }
/** CMOVcc—Conditional Move (CMOVBE), SDM Vol. 2A. */
export function CMOVBE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.BE); }
/** CMOVcc—Conditional Move (CMOVA), SDM Vol. 2A. */
export function CMOVA(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.A); }
/** CMOVcc—Conditional Move (CMOVS), SDM Vol. 2A. */
export function CMOVS(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.S); }
/** CMOVcc—Conditional Move (CMOVNS), SDM Vol. 2A. */
export function CMOVNS(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.NS); }
/** CMOVcc—Conditional Move (CMOVP), SDM Vol. 2A. */
export function CMOVP(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.P); }
/** CMOVcc—Conditional Move (CMOVNP), SDM Vol. 2A. */
export function CMOVNP(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.NP); }
/** CMOVcc—Conditional Move (CMOVL), SDM Vol. 2A. */
export function CMOVL(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.L); }
/** CMOVcc—Conditional Move (CMOVGE), SDM Vol. 2A. */
export function CMOVGE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.GE); }
/** CMOVcc—Conditional Move (CMOVLE), SDM Vol. 2A. */
export function CMOVLE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.LE); }
/** CMOVcc—Conditional Move (CMOVG), SDM Vol. 2A. */
export function CMOVG(b: IrBlock, i: Insn, _c: SemCtx): boolean { return cmov(b, i, CC.G); }

// ── XCHG ──

/**
 * XCHG—Exchange Register/Memory With Register, SDM Vol. 2C. With a memory operand XCHG is
 * implicitly locked: an atomic swap (atomic.ts `xchgMem`). Both writes follow the width rules
 * (xchg eax, ecx zero-extends both; opcode 90 without REX.B is NOP, a different mnemonic).
 */
export function XCHG(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  if (i.kind[0] === K.MEM || i.kind[1] === K.MEM) return xchgMem(b, i);
  const r0 = i.reg[0]!, r1 = i.reg[1]!;
  const v0 = readReg(b, r0), v1 = readReg(b, r1);
  writeReg(b, r0, v1);
  writeReg(b, r1, v0);
  return true;
}

// ── CBW / CWDE / CDQE, CWD / CDQ / CQO ──

/** CBW/CWDE/CDQE—Convert Byte to Word/… (CBW), SDM Vol. 2A: AX = sign-extended AL. */
export function CBW(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  writeReg(b, R.GPR16, b.sext(b.getReg(GPR.RAX), 1));
  return true;
}

/** CBW/CWDE/CDQE—Convert Byte to Word/… (CWDE), SDM Vol. 2A: EAX = sign-extended AX. */
export function CWDE(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  writeReg(b, R.GPR32, b.sext(b.getReg(GPR.RAX), 2));
  return true;
}

/** CBW/CWDE/CDQE—Convert Byte to Word/… (CDQE), SDM Vol. 2A: RAX = sign-extended EAX. */
export function CDQE(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  b.setReg(GPR.RAX, b.sext(b.getReg(GPR.RAX), 4));
  return true;
}

/** CWD/CDQ/CQO—Convert Word to Doubleword/… (CWD), SDM Vol. 2A: DX = the sign of AX, repeated. */
export function CWD(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  writeReg(b, R.GPR16 + GPR.RDX, b.sar(8, b.sext(b.getReg(GPR.RAX), 2), konst(b, 1, 63)));
  return true;
}

/** CWD/CDQ/CQO—Convert Word to Doubleword/… (CDQ), SDM Vol. 2A: EDX = the sign of EAX, repeated. */
export function CDQ(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  writeReg(b, R.GPR32 + GPR.RDX, b.sar(4, b.getReg(GPR.RAX), konst(b, 1, 31)));
  return true;
}

/** CWD/CDQ/CQO—Convert Word to Doubleword/… (CQO), SDM Vol. 2A: RDX = the sign of RAX, repeated. */
export function CQO(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  b.setReg(GPR.RDX, b.sar(8, b.getReg(GPR.RAX), konst(b, 1, 63)));
  return true;
}
