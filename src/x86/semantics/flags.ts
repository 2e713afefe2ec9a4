/**
 * @file x86 semantics (stage 4 → 5): flag instructions, SDM Vol. 1 §7.3.13 — CLC, STC, CMC, CLD,
 * STD, LAHF, SAHF. Each is `SetFlag`/`GetFlag` on the guest flags (ABI §4: CF..OF in NZCV and the
 * lazy PF/AF sources, DF in the state block). None leaves a flag undefined.
 *
 * `flagsValue` builds an EFLAGS-layout value from the flags (LAHF here, PUSHF in control.ts).
 *
 *   CMC(b, i, c) // cmc → v = GetFlag cf; n = Xor.4 v, 1; SetFlag cf, n
 */
import { FLAG, EFLAGS_BIT, type IrBlock, type Value } from "../../ir/index.ts";
import type { Insn } from "../insn.ts";
import { konst, readReg, writeReg, type SemCtx } from "./_operand.ts";
import { R } from "../regs.ts";

const AH = R.GPR8 + 4;
/** The flags LAHF/SAHF move (SF:ZF:0:AF:0:PF:1:CF). */
const AH_FLAGS = FLAG.SF | FLAG.ZF | FLAG.AF | FLAG.PF | FLAG.CF;
const ORDER = [FLAG.CF, FLAG.PF, FLAG.AF, FLAG.ZF, FLAG.SF, FLAG.DF, FLAG.OF];

/**
 * The flags in `mask` at their EFLAGS positions, or'ed with the constant bits `fixed` (bit 1 is
 * always 1 in EFLAGS), as a 4-byte value.
 */
export function flagsValue(b: IrBlock, mask: number, fixed: number): Value {
  let acc = konst(b, 4, fixed);
  for (const f of ORDER) {
    if (!(mask & f)) continue;
    let v = b.getFlag(f);
    if (EFLAGS_BIT[f]) v = b.shl(4, v, konst(b, 1, EFLAGS_BIT[f]!));
    acc = b.or(4, acc, v);
  }
  return acc;
}

const OUTSIDE_NZCV = [FLAG.PF, FLAG.AF, FLAG.DF];
const IN_NZCV = [FLAG.CF, FLAG.ZF, FLAG.SF, FLAG.OF];

/**
 * Set the flags in `mask` from a value in EFLAGS layout (bit k of `v` → the flag at EFLAGS bit k).
 * PF, AF and DF first, one at a time; then the NZCV bits are all extracted before their SetFlags,
 * so those form one run that lowering merges into a single mrs/msr pair (rule setFlagRun) while
 * at most five values are live (the temporaries are six, ABI §3.1).
 */
export function setFlagsFrom(b: IrBlock, v: Value, mask: number): void {
  for (const f of OUTSIDE_NZCV) if (mask & f) b.setFlag(f, b.ubfx(v, EFLAGS_BIT[f]!, 1));
  const bits: Value[] = [];
  for (const f of IN_NZCV) if (mask & f) bits.push(b.ubfx(v, EFLAGS_BIT[f]!, 1));
  let k = 0;
  for (const f of IN_NZCV) if (mask & f) b.setFlag(f, bits[k++]!);
}

/** CLC—Clear Carry Flag, SDM Vol. 2A. */
export function CLC(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  b.setFlag(FLAG.CF, konst(b, 1, 0));
  return true;
}

/** STC—Set Carry Flag, SDM Vol. 2B. */
export function STC(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  b.setFlag(FLAG.CF, konst(b, 1, 1));
  return true;
}

/** CMC—Complement Carry Flag, SDM Vol. 2A. */
export function CMC(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  b.setFlag(FLAG.CF, b.xor(4, b.getFlag(FLAG.CF), konst(b, 4, 1)));
  return true;
}

/** CLD—Clear Direction Flag, SDM Vol. 2A (DF is a 0/1 word in the state block). */
export function CLD(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  b.setFlag(FLAG.DF, konst(b, 8, 0));
  return true;
}

/** STD—Set Direction Flag, SDM Vol. 2B. */
export function STD(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  b.setFlag(FLAG.DF, konst(b, 8, 1));
  return true;
}

/** LAHF—Load Status Flags Into AH Register, SDM Vol. 2A: AH = SF:ZF:0:AF:0:PF:1:CF. */
export function LAHF(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  writeReg(b, AH, flagsValue(b, AH_FLAGS, 2));
  return true;
}

/** SAHF—Store AH Into Flags, SDM Vol. 2B: SF, ZF, AF, PF, CF from AH bits 7, 6, 4, 2, 0 (OF unchanged). */
export function SAHF(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  setFlagsFrom(b, readReg(b, AH), AH_FLAGS);
  return true;
}
