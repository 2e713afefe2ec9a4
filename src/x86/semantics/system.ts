/**
 * @file x86 semantics (stage 4 → 5): system instructions through runtime helpers (CPUID, RDTSC,
 * RDTSCP, SYSCALL, INT n, INT1, INTO with OF = 1), PAUSE, XLAT and the BCD adjustments (DAA, DAS, AAA, AAS,
 * AAM, AAD; invalid in 64-bit mode, the decoder rejects them there).
 *
 * Runtime helpers end the block into their symbol with x16 = the RIP of the instruction itself
 * (docs/runtime-abi.md §5); the runtime performs it and resumes after it. RDTSCP shares `rdtsc`,
 * INT1 and INTO share `int`: the runtime decodes the instruction at RIP.
 *
 * BCD flags the SDM leaves undefined (and the rows' `fu=`): DAA/DAS OF; AAA/AAS OF SF ZF PF;
 * AAM/AAD OF AF CF. Not computed: `Undef` after the instruction's last write (AAM's #DE exit
 * for imm8 = 0 leaves them as they were).
 *
 *   CPUID(b, i, c) // cpuid → ExitSym cpuid, Addr <this instruction>, 2
 */
import { CC, FLAG, OP, REL, SYM, type IrBlock, type Value } from "../../ir/index.ts";
import type { Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { konst, nextAddr, readReg, runtimeExit, withSeg, writeReg, type SemCtx } from "./_operand.ts";

const AL = R.GPR8, AH = R.GPR8 + 4, AX = R.GPR16;
/** SF, ZF, PF: what BCD results define from AL. */
const SZP = FLAG.SF | FLAG.ZF | FLAG.PF;
/** OF, AF, CF: what AAM and AAD leave undefined. */
const OAC = FLAG.OF | FLAG.AF | FLAG.CF;

/** CPUID—CPU Identification, SDM Vol. 2A: the runtime answers. */
export function CPUID(b: IrBlock, i: Insn, c: SemCtx): boolean { return runtimeExit(b, i, c, SYM.cpuid); }
/** RDTSC—Read Time-Stamp Counter, SDM Vol. 2B. */
export function RDTSC(b: IrBlock, i: Insn, c: SemCtx): boolean { return runtimeExit(b, i, c, SYM.rdtsc); }
/** RDTSCP—Read Time-Stamp Counter and Processor ID, SDM Vol. 2B (the `rdtsc` symbol; the runtime decodes which). */
export function RDTSCP(b: IrBlock, i: Insn, c: SemCtx): boolean { return runtimeExit(b, i, c, SYM.rdtsc); }
/** SYSCALL—Fast System Call, SDM Vol. 2B. */
export function SYSCALL(b: IrBlock, i: Insn, c: SemCtx): boolean { return runtimeExit(b, i, c, SYM.syscall); }
/** INT n/INTO/INT3/INT1—Call to Interrupt Procedure (INT n), SDM Vol. 2A. */
export function INT(b: IrBlock, i: Insn, c: SemCtx): boolean { return runtimeExit(b, i, c, SYM.int); }
/** INT n/INTO/INT3/INT1—Call to Interrupt Procedure (INT1, the ICEBP single-step trap), SDM Vol. 2A. */
export function INT1(b: IrBlock, i: Insn, c: SemCtx): boolean { return runtimeExit(b, i, c, SYM.int); }
/**
 * INT n/INTO/INT3/INT1—Call to Interrupt Procedure (INTO: #OF when OF = 1), SDM Vol. 2A. With
 * OF = 0 it does nothing: the block goes on to the next instruction without the runtime.
 */
export function INTO(b: IrBlock, i: Insn, c: SemCtx): boolean {
  b.exitIf(CC.NO, nextAddr(b, i, c));
  return runtimeExit(b, i, c, SYM.int);
}

/** PAUSE—Spin Loop Hint, SDM Vol. 2B: the host's `yield`. */
export function PAUSE(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  b.emit(OP.Pause, 0, 0);
  return true;
}

/**
 * XLAT/XLATB—Table Look-up Translation, SDM Vol. 2B: AL = [rBX + zero-extended AL], in the address
 * size (32-bit wraps), DS or an FS/GS override.
 */
export function XLATB(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const as = i.asz === 64 ? 8 : 4;
  const a = b.add(as, b.getReg(3), b.zext(b.getReg(0), 1));
  writeReg(b, AL, b.load(1, withSeg(b, i, a)));
  return true;
}

// ── BCD (32-bit mode only; arithmetic on AL zero-extended, in 4 bytes) ──

/** AL zero-extended. */
const al = (b: IrBlock): Value => b.zext(b.getReg(0), 1);

/** Set SF, ZF, PF from the low byte of v (as TEST would; CF, OF, AF are not in the mask). */
const szpFrom = (b: IrBlock, v: Value): void => b.test(1, v, SZP);

/** (AL & 0xF) > 9 or AF: the low-digit adjustment condition of DAA/DAS/AAA/AAS, as 0/1 (`af`: AF, read by the caller). */
function lowAdjust(b: IrBlock, a: Value, af: Value): Value {
  const big = b.cmp(4, REL.UGT, b.and(4, a, konst(b, 4, 0xf)), konst(b, 4, 9));
  return b.or(4, big, af);
}

/** DAA—Decimal Adjust AL After Addition, SDM Vol. 2A. OF undefined. */
export function DAA(b: IrBlock, _i: Insn, c: SemCtx): boolean {
  if (c.mode !== 32) return false;
  // As the SDM's pseudo-code, old_CF and AF first: nothing after needs the old flags any more.
  const a = al(b), oldCF = b.getFlag(FLAG.CF);
  const c1 = lowAdjust(b, a, b.getFlag(FLAG.AF));
  // CF of the first step is overwritten by the second (a carry out of AL + 6 needs AL > 0x99).
  const c2 = b.or(4, b.cmp(4, REL.UGT, a, konst(b, 4, 0x99)), oldCF);
  const a1 = b.select(c1, b.add(4, a, konst(b, 4, 6)), a);
  const a2 = b.select(c2, b.add(4, a1, konst(b, 4, 0x60)), a1);
  writeReg(b, AL, a2);
  szpFrom(b, a2);
  b.setFlag(FLAG.AF, c1);
  b.setFlag(FLAG.CF, c2);
  b.undef(FLAG.OF);
  return true;
}

/** DAS—Decimal Adjust AL After Subtraction, SDM Vol. 2A. OF undefined. */
export function DAS(b: IrBlock, _i: Insn, c: SemCtx): boolean {
  if (c.mode !== 32) return false;
  const a = al(b), oldCF = b.getFlag(FLAG.CF);
  const c1 = lowAdjust(b, a, b.getFlag(FLAG.AF));
  const c2 = b.or(4, b.cmp(4, REL.UGT, a, konst(b, 4, 0x99)), oldCF);
  // CF = the second step's condition, or the first step's borrow out of AL - 6 (AL < 6).
  const cf = b.or(4, c2, b.and(4, c1, b.cmp(4, REL.ULT, a, konst(b, 4, 6))));
  const a1 = b.select(c1, b.sub(4, a, konst(b, 4, 6)), a);
  const a2 = b.select(c2, b.sub(4, a1, konst(b, 4, 0x60)), a1);
  writeReg(b, AL, a2);
  szpFrom(b, a2);
  b.setFlag(FLAG.AF, c1);
  b.setFlag(FLAG.CF, cf);
  b.undef(FLAG.OF);
  return true;
}

/** AAA/AAS: AX ± 0x106 when the low digit needs adjusting, then AL &= 0xF; AF = CF = that condition; OF SF ZF PF undefined. */
function asciiAdjust(b: IrBlock, c: SemCtx, sub: boolean): boolean {
  if (c.mode !== 32) return false;
  const c1 = lowAdjust(b, al(b), b.getFlag(FLAG.AF));
  const ax = b.getReg(0);
  const k = konst(b, 4, 0x106);
  const adj = b.select(c1, sub ? b.sub(4, ax, k) : b.add(4, ax, k), ax);
  writeReg(b, AX, b.and(4, adj, konst(b, 4, 0xff0f)));
  b.setFlag(FLAG.AF, c1);
  b.setFlag(FLAG.CF, c1);
  b.undef(FLAG.OF | SZP);
  return true;
}

/** AAA—ASCII Adjust After Addition, SDM Vol. 2A (AX + 106H, as the current SDM and QEMU). OF SF ZF PF undefined. */
export function AAA(b: IrBlock, _i: Insn, c: SemCtx): boolean { return asciiAdjust(b, c, false); }
/** AAS—ASCII Adjust AL After Subtraction, SDM Vol. 2A (AX - 106H). OF SF ZF PF undefined. */
export function AAS(b: IrBlock, _i: Insn, c: SemCtx): boolean { return asciiAdjust(b, c, true); }

/**
 * AAM—ASCII Adjust AX After Multiply, SDM Vol. 2A: AH = AL / imm8, AL = AL mod imm8; SF ZF PF from
 * AL, OF AF CF undefined. imm8 = 0 raises #DE: exit to `divide_error` at the instruction (ABI §5).
 * The divisor is a translation-time constant, so the quotient is a multiply by the rounded-up
 * reciprocal m = ceil(2^16 / d): (AL * m) >> 16 = floor(AL/d + AL*e/2^16) with e < 1, and
 * AL*e/2^16 < 1/256 < 1/d stays below the gap to the next integer, so it is exact for AL < 256.
 */
export function AAM(b: IrBlock, i: Insn, c: SemCtx): boolean {
  if (c.mode !== 32) return false;
  const d = i.imm & 0xff;
  if (d === 0) return runtimeExit(b, i, c, SYM.divide_error);
  const a = al(b);
  const q = b.shr(4, b.mul(4, a, konst(b, 4, Math.ceil(65536 / d))), konst(b, 1, 16));
  const r = b.sub(4, a, b.mul(4, q, konst(b, 4, d)));
  writeReg(b, AX, b.or(4, b.shl(4, q, konst(b, 1, 8)), r));
  szpFrom(b, r);
  b.undef(OAC);
  return true;
}

/** AAD—ASCII Adjust AX Before Division, SDM Vol. 2A: AL = (AL + AH * imm8) & 0xFF, AH = 0; SF ZF PF from AL, OF AF CF undefined. */
export function AAD(b: IrBlock, i: Insn, c: SemCtx): boolean {
  if (c.mode !== 32) return false;
  const v = b.add(4, al(b), b.mul(4, readReg(b, AH), konst(b, 4, i.imm & 0xff)));
  const r = b.zext(v, 1);
  writeReg(b, AX, r);
  szpFrom(b, r);
  b.undef(OAC);
  return true;
}
