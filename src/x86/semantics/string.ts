/**
 * @file x86 semantics (stage 4 → 5): the string instructions MOVS, STOS, LODS, SCAS, CMPS in every
 * size (b/w/d/q), without a prefix and with REP (MOVS/STOS/LODS) or REPE/REPNE (SCAS/CMPS).
 *
 * Rules shared by all of them (SDM Vol. 1 7.3.9, Vol. 2 "MOVS", "REP"):
 * - The source is `[rSI]`, the destination `ES:[rDI]`; under Windows every segment but FS/GS has
 *   base 0, so an ES/CS/SS/DS override changes nothing. An FS/GS override (it can only move the
 *   source) falls back: string code never uses it.
 * - The address size picks SI/ESI/RSI etc.: with 32-bit addressing in 64-bit mode (a 67 prefix)
 *   ESI/EDI/ECX are used, the address is their zero extension and each update is a 32-bit write
 *   (zero-extends the 64-bit register). 16-bit addressing never gets here (`translateInsn`).
 * - After each element rSI/rDI move by the element size, down when DF = 1. DF lives in the state
 *   block (ABI §2, §4); the step `sz - (DF << log2(2 sz))` is computed without touching the flags
 *   (a REP op takes it as one value; a single element adds sz, then subtracts DF << log2(2 sz)).
 * - REP repeats while rCX != 0, decrementing it; REPE/REPNE (SCAS/CMPS) also stop when ZF = 0 /
 *   ZF = 1 after an element. rCX = 0 does nothing at all (flags unchanged). An F2 (REPNE) prefix
 *   on MOVS/STOS/LODS has no documented meaning: it falls back.
 * - A REP form is one IR op (`RepMovs` … `RepCmps`, ops.ts) that the lowering turns into a host
 *   loop over the registers' homes (src/arm64/lower/string.ts), so a fault in the middle leaves
 *   rCX/rSI/rDI (and the flags) as after the completed iterations: x86 restarts the instruction
 *   from there. The IR stays straight-line.
 *
 * Flags: SCAS and CMPS set OF SF ZF AF PF CF as CMP does (SCAS: rAX - [rDI]; CMPS: [rSI] - [rDI]);
 * none of them leaves a flag undefined. MOVS, STOS and LODS change no flag.
 *
 *   rep movsb  → v = Sub.8 1, (Shl.8 (GetFlag df), 1); RepMovs.1 v, 8, 0
 *   lodsd      → EAX = Load.4 rsi; rsi = Sub.8 (Add.8 rsi, 4), (Shl.8 (GetFlag df), 3)
 */
import { OP, type IrBlock, type Value } from "../../ir/index.ts";
import { FLAG, GPR } from "../../ir/state.ts";
import { K, PF, type Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { ARITH_FLAGS, konst, readReg, writeReg, type SemCtx } from "./_operand.ts";

const SEG_FS = R.SEG + 4, SEG_GS = R.SEG + 5;

/** True for the string forms (the SSE MOVSD/CMPSD share these mnemonics and must fall back). */
function stringForm(i: Insn): boolean {
  for (let k = 0; k < i.opCount; k++) if (i.kind[k] === K.MEM_SI || i.kind[k] === K.MEM_DI) return true;
  return false;
}

/** Whether this encoding is translated: a string form, no FS/GS override, REPNE only where it means something. */
function accepted(i: Insn, repne: boolean): boolean {
  if (!stringForm(i) || i.segPrefix === SEG_FS || i.segPrefix === SEG_GS || i.asz === 16) return false;
  return repne || (i.prefixes & PF.REPNE) === 0;
}

const isRep = (i: Insn): boolean => (i.prefixes & (PF.REP | PF.REPNE)) !== 0;
/** Address size in bytes. */
const aszOf = (i: Insn): number => (i.asz === 64 ? 8 : 4);

/** The signed step of rSI/rDI per element: +sz when DF = 0, -sz when DF = 1 (no flags written). */
function step(b: IrBlock, sz: number): Value {
  const df = b.getFlag(FLAG.DF);
  return b.sub(8, konst(b, 8, sz), b.shl(8, df, konst(b, 1, 31 - Math.clz32(2 * sz))));
}

/** The address rSI/rDI names: the register, zero-extended from 32 bits with 32-bit addressing in 64-bit mode. */
function pointer(b: IrBlock, r: number, asz: number): Value {
  const v = b.getReg(r);
  return asz === 4 && b.mode === 64 ? b.zext(v, 4) : v;
}

/** 2·sz when DF = 1, else 0: what one element's move takes off `r + sz` (no flags written). */
function down(b: IrBlock, sz: number): Value {
  return b.shl(8, b.getFlag(FLAG.DF), konst(b, 1, 31 - Math.clz32(2 * sz)));
}

/**
 * rSI/rDI ← rSI/rDI + sz − `dn` (= ± sz), in the address size (a 4-byte op zero-extends: the
 * 32-bit register write). Written as (r + sz) − dn rather than r + (sz − dn) so that no constant
 * is ever the first operand of a subtraction: the constant is an add immediate and the shift of
 * DF can be the subtraction's shifted operand.
 */
function advance(b: IrBlock, r: number, asz: number, sz: number, dn: Value): void {
  b.setReg(r, b.sub(asz, b.add(asz, b.getReg(r), konst(b, 8, sz)), dn));
}

/** Emit the REP op of kind `op` (scas/cmps: `cond` 0 = REPE, 1 = REPNE). */
function rep(b: IrBlock, i: Insn, op: number, fm: number): boolean {
  const sz = i.memSize, d = step(b, sz);
  b.emit(op, sz, fm, d, aszOf(i), 0, i.prefixes & PF.REPNE ? 1 : 0);
  return true;
}

/** MOVS/MOVSB/MOVSW/MOVSD/MOVSQ—Move Data From String to String (SDM Vol. 2B): [rDI] = [rSI]; rSI, rDI move by ±sz. No flags. */
export function MOVS(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  if (!accepted(i, false)) return false;
  if (isRep(i)) return rep(b, i, OP.RepMovs, 0);
  const sz = i.memSize, as = aszOf(i), d = down(b, sz);
  const v = b.load(sz, pointer(b, GPR.RSI, as));
  b.store(sz, pointer(b, GPR.RDI, as), v);
  advance(b, GPR.RSI, as, sz, d);
  advance(b, GPR.RDI, as, sz, d);
  return true;
}

/** STOS/STOSB/STOSW/STOSD/STOSQ—Store String (SDM Vol. 2B): [rDI] = AL/AX/EAX/RAX; rDI moves by ±sz. No flags. */
export function STOS(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  if (!accepted(i, false)) return false;
  if (isRep(i)) return rep(b, i, OP.RepStos, 0);
  const sz = i.memSize, as = aszOf(i), d = down(b, sz);
  b.store(sz, pointer(b, GPR.RDI, as), b.getReg(GPR.RAX));
  advance(b, GPR.RDI, as, sz, d);
  return true;
}

/** LODS/LODSB/LODSW/LODSD/LODSQ—Load String (SDM Vol. 2A): AL/AX/EAX/RAX = [rSI] (AL/AX merge, EAX zero-extends); rSI moves by ±sz. No flags. */
export function LODS(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  if (!accepted(i, false)) return false;
  if (isRep(i)) return rep(b, i, OP.RepLods, 0);
  const sz = i.memSize, as = aszOf(i), d = down(b, sz);
  const v = b.load(sz, pointer(b, GPR.RSI, as));
  writeReg(b, i.reg[0]!, v);
  advance(b, GPR.RSI, as, sz, d);
  return true;
}

/** SCAS/SCASB/SCASW/SCASD—Scan String (SDM Vol. 2B): flags of AL/AX/EAX/RAX - [rDI] (as CMP); rDI moves by ±sz. */
export function SCAS(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  if (!accepted(i, true)) return false;
  if (isRep(i)) return rep(b, i, OP.RepScas, ARITH_FLAGS);
  const sz = i.memSize, as = aszOf(i), d = down(b, sz);
  const m = b.load(sz, pointer(b, GPR.RDI, as));
  b.sub(sz, readReg(b, i.reg[0]!), m, ARITH_FLAGS);
  advance(b, GPR.RDI, as, sz, d);
  return true;
}

/** CMPS/CMPSB/CMPSW/CMPSD/CMPSQ—Compare String Operands (SDM Vol. 2A): flags of [rSI] - [rDI] (as CMP); rSI, rDI move by ±sz. */
export function CMPS(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  if (!accepted(i, true)) return false;
  if (isRep(i)) return rep(b, i, OP.RepCmps, ARITH_FLAGS);
  const sz = i.memSize, as = aszOf(i), d = down(b, sz);
  const s = b.load(sz, pointer(b, GPR.RSI, as));
  const m = b.load(sz, pointer(b, GPR.RDI, as));
  b.sub(sz, s, m, ARITH_FLAGS);
  advance(b, GPR.RSI, as, sz, d);
  advance(b, GPR.RDI, as, sz, d);
  return true;
}

/**
 * The table keys: the SDM describes each instruction once for all its sizes (one entry, one
 * function here); the B/W/D/Q keys only name the element size, which the form's memory operand
 * gives.
 */
export const STRING_SEMANTICS = {
  MOVSB: MOVS, MOVSW: MOVS, MOVSD: MOVS, MOVSQ: MOVS,
  STOSB: STOS, STOSW: STOS, STOSD: STOS, STOSQ: STOS,
  LODSB: LODS, LODSW: LODS, LODSD: LODS, LODSQ: LODS,
  SCASB: SCAS, SCASW: SCAS, SCASD: SCAS, SCASQ: SCAS,
  CMPSB: CMPS, CMPSW: CMPS, CMPSD: CMPS, CMPSQ: CMPS,
} as const;

/** Mnemonics that accept a REP/REPNE prefix (`translateInsn` rejects it on every other one). */
export const REP_MNEMONICS: readonly string[] = Object.keys(STRING_SEMANTICS);
