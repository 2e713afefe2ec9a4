/**
 * @file Stage 6 (ARM64 lowering), public API: `lowerBlock` turns one IR block into position
 * independent ARM64 words plus relocations, targets and the fault side table, following
 * docs/runtime-abi.md (register map §3, flags §4, exits §5, PIC §7, ordering §8, faults §9).
 * `LOWER` is the one-function-per-op table; `listing` prints code for goldens and `aot translate`.
 *
 * On entry: a verified IR block (ir/verify.ts). On exit: a `LoweredBlock`; the driver adds the
 * guest fields of `TranslatedBlock` (output.ts).
 *
 *   const out = lowerBlock(block, { features: BASELINE, memoryOrder: "tso", pic: false });
 *   console.log(listing(out.code));   // "add x8, x8, x27\n..."
 */
import type { IrBlock } from "../../ir/block.ts";
import { OP, OPS, type OpName } from "../../ir/ops.ts";
import { FLAG } from "../../ir/state.ts";
import { HOST_AF, HOST_PF } from "./regmap.ts";
import { disasmWord } from "../disasm.ts";
import { eorShifted } from "../isa/logical.ts";
import { DEAD, EMIT, OutOfTemporaries } from "./alloc.ts";
import {
  lowerAdc, lowerAdd, lowerAnd, lowerNeg, lowerNot, lowerOr, lowerSbb, lowerSub, lowerTest, lowerXor,
} from "./alu.ts";
import {
  lowerBfi, lowerCmp, lowerMul, lowerMulHS, lowerMulHU, lowerRor, lowerSar, lowerSelect, lowerSext, lowerShl, lowerShr,
  lowerUbfx, lowerZext,
} from "./bits.ts";
import { Lowerer, type LoweredBlock, type LowerOptions } from "./context.ts";
import { lowerConst, lowerGetReg, lowerGuest, lowerNop, lowerSetReg } from "./consts.ts";
import { emitStubs, lowerExit, lowerExitIf, lowerExitSym } from "./exits.ts";
import { lowerDivS, lowerDivSFault, lowerDivU, lowerExitSymIf } from "./divide.ts";
import { lowerCond, lowerGetFlag, lowerRestoreFlagsIfZero, lowerSaveFlags, lowerSelectCC, lowerSetFlag } from "./flags.ts";
import { lowerLoad, lowerStore } from "./memory.ts";
import { lowerClz, lowerCtz, lowerPdep, lowerPext, lowerPopcnt, lowerRev } from "./bitops.ts";
import { lowerExitIfNZ, lowerFence, lowerGetState, lowerPause, lowerPrefetch, lowerSegBase, lowerSetState, lowerUndef } from "./misc.ts";
import { lowerAtomicCas, lowerAtomicCasPair, lowerAtomicRmw, lowerCasPairHi, lowerPair } from "./atomic.ts";
import { lowerRepCmps, lowerRepLods, lowerRepMovs, lowerRepScas, lowerRepStos } from "./string.ts";
import { RULE, RULES, markFusions } from "./rules.ts";
import {
  lowerVBin, lowerVFromGpr, lowerVLoad, lowerVLoadLane, lowerVMov, lowerVMovLow, lowerVMoveMask, lowerVShuf32, lowerVStore,
  lowerVToGpr, lowerVZero, lowerVZextLow,
} from "./vector.ts";
import { lowerVInsBits, lowerVInsGpr, lowerVInsLane, lowerVLaneToGpr, lowerVShuf16, lowerVShufPair } from "./vector-shuffle.ts";

export type { LoweredBlock, LowerOptions } from "./context.ts";
export { Lowerer } from "./context.ts";
export { BranchOutOfRange, OutOfTemporaries } from "./alloc.ts";
export { RULE, RULES, FUSIONS, IMM_FORMS, DEST_RULES, OTHER_RULES } from "./rules.ts";

/** Lower op i of `L.b` (operands ready; the result, if any, left in `L.loc[i]`). */
export type Lower = (L: Lowerer, i: number) => void;

export const LOWER = {
  Nop: lowerNop, Guest: lowerGuest, Const: lowerConst, Addr: lowerConst, GetReg: lowerGetReg, SetReg: lowerSetReg,
  GetFlag: lowerGetFlag, SetFlag: lowerSetFlag,
  Add: lowerAdd, Sub: lowerSub, Adc: lowerAdc, Sbb: lowerSbb, And: lowerAnd, Or: lowerOr, Xor: lowerXor, Neg: lowerNeg,
  Not: lowerNot, Test: lowerTest,
  Shl: lowerShl, Shr: lowerShr, Sar: lowerSar, Ror: lowerRor, Mul: lowerMul, MulHU: lowerMulHU, MulHS: lowerMulHS,
  Zext: lowerZext, Sext: lowerSext, Bfi: lowerBfi, Ubfx: lowerUbfx,
  Cmp: lowerCmp, Select: lowerSelect, Cond: lowerCond, SelectCC: lowerSelectCC,
  Load: lowerLoad, Store: lowerStore,
  AtomicRmw: lowerAtomicRmw, AtomicCas: lowerAtomicCas, Pair: lowerPair, AtomicCasPair: lowerAtomicCasPair, CasPairHi: lowerCasPairHi,
  ExitIf: lowerExitIf, Exit: lowerExit, ExitSym: lowerExitSym,
  Clz: lowerClz, Ctz: lowerCtz, Rev: lowerRev, Popcnt: lowerPopcnt, Pdep: lowerPdep, Pext: lowerPext,
  DivU: lowerDivU, DivS: lowerDivS, DivSFault: lowerDivSFault, ExitSymIf: lowerExitSymIf,
  SegBase: lowerSegBase, ExitIfNZ: lowerExitIfNZ, Pause: lowerPause, Undef: lowerUndef, GetState: lowerGetState, SetState: lowerSetState,
  SaveFlags: lowerSaveFlags, RestoreFlagsIfZero: lowerRestoreFlagsIfZero,
  RepMovs: lowerRepMovs, RepStos: lowerRepStos, RepLods: lowerRepLods, RepScas: lowerRepScas, RepCmps: lowerRepCmps,
  VZero: lowerVZero, VMov: lowerVMov, VMovLow: lowerVMovLow, VZextLow: lowerVZextLow, VLoad: lowerVLoad, VLoadLane: lowerVLoadLane,
  VStore: lowerVStore, VFromGpr: lowerVFromGpr, VToGpr: lowerVToGpr, VBin: lowerVBin, VShuf32: lowerVShuf32, VMoveMask: lowerVMoveMask,
  VShuf16: lowerVShuf16, VShufPair: lowerVShufPair, VInsLane: lowerVInsLane, VInsBits: lowerVInsBits, VInsGpr: lowerVInsGpr, VLaneToGpr: lowerVLaneToGpr,
  Fence: lowerFence, Prefetch: lowerPrefetch,
} satisfies Record<OpName, Lower>;

const BY_OP: readonly Lower[] = OPS.map((o) => LOWER[o.name as OpName]);

let shared: Lowerer | undefined;

/** The lowering state `lowerBlock` reuses (tests read its rule counters and allocator record). */
export function sharedLowerer(): Lowerer {
  return (shared ??= new Lowerer());
}

/**
 * Op i may write x10 (PF) without defining AF: then a live AF, read through x10, must be carried
 * over (x86 ops that define PF define AF too; SetFlag pf and the shifts' flag restore do not).
 */
function pfWithoutAF(L: Lowerer, i: number): boolean {
  const b = L.b, o = b.op[i]!;
  if (o === OP.SetFlag) return b.a[i] === FLAG.PF;
  // Under skipFlagsIfZero the restore is a join: the AF bracket must close before it (each path
  // then has its own pair or none), so it is not a PF write that continues one.
  // With AF in its mask the restore puts back PF and AF together: x11 is untouched in the run (AF is
  // dead there, ops.ts), so the saved x10 brings the saved AF back with it.
  if (o === OP.RestoreFlagsIfZero) return L.skipFrom < 0 && (b.c[i]! & (FLAG.PF | FLAG.AF)) === FLAG.PF;
  return OPS[o]!.flags !== 0 && o !== OP.Undef && (b.fm[i]! & (FLAG.PF | FLAG.AF)) === FLAG.PF;
}

/** `eor x11, x11, x10`: between AF = bit 4 of x11 ^ x10 (ABI §4) and AF = bit 4 of x11. */
const AF_SWAP = eorShifted(1, HOST_AF, HOST_AF, HOST_PF);

/** Op i neither reads nor writes x10/x11, cannot fault and does not leave (an NZCV SetFlag, a value with no code). */
function afQuiet(b: IrBlock, i: number): boolean {
  const o = b.op[i]!;
  if (o === OP.SetFlag) return (b.a[i]! & (FLAG.PF | FLAG.AF | FLAG.DF)) === 0;
  return o === OP.Nop || o === OP.Guest || o === OP.Const || o === OP.GetReg;
}

/** Lower one block (once more without rule picBase if the temporary it holds was one too many). */
export function lowerBlock(b: IrBlock, opts: LowerOptions, L: Lowerer = sharedLowerer()): LoweredBlock {
  try {
    return lowerOnce(b, opts, L);
  } catch (e) {
    if (!(e instanceof OutOfTemporaries) || L.picBase < 0) throw e;
    return lowerOnce(b, { ...opts, picBase: false }, L);
  }
}

function lowerOnce(b: IrBlock, opts: LowerOptions, L: Lowerer): LoweredBlock {
  L.begin(b, opts);
  markFusions(L);
  const { skip, liveAfter, liveBefore } = L.an;
  let afOpen = false;
  for (let i = 0; i < b.n; i++) {
    L.cur = i;
    const busy = liveAfter[i]! | liveBefore[i]! | (OPS[b.op[i]!]!.flags ? b.fm[i]! : 0);
    // x10 is an input of AF too (ABI §4: AF = bit 4 of x11 ^ x10): free only when both are dead.
    L.pool.extra = (busy & (FLAG.PF | FLAG.AF) ? 0 : 1 << HOST_PF) | (busy & FLAG.AF ? 0 : 1 << HOST_AF);
    const keepAF = skip[i] === EMIT && pfWithoutAF(L, i) && (liveAfter[i]! & FLAG.AF) !== 0;
    // x11 = AF in bit 4 alone while x10 changes; the way back is deferred past ops that touch
    // neither (NZCV SetFlags, ops that emit nothing), so two brackets in a row cost one pair.
    if (keepAF) { if (afOpen) afOpen = false; else L.emit(AF_SWAP); }
    else if (afOpen && skip[i] === EMIT && !afQuiet(b, i)) { L.emit(AF_SWAP); afOpen = false; }
    if (skip[i] === EMIT) BY_OP[b.op[i]!]!(L, i);
    if (keepAF) afOpen = true;
    else if (skip[i] === DEAD && b.op[i] !== OP.Nop) L.fired[RULE.deadCode]!++;
    L.endOp(i);
  }
  L.pool.extra = 0;
  const starts = emitStubs(L);
  L.pool.releaseScratch();
  return L.finish(starts);
}

/** One instruction per line, as the disassembler prints it (branch targets as absolute word addresses). */
export function listing(code: Uint32Array): string {
  const lines: string[] = [];
  for (let k = 0; k < code.length; k++) {
    const w = code[k]!;
    lines.push(disasmWord(w, 4 * k) ?? `.inst 0x${w.toString(16).padStart(8, "0")}`);
  }
  return lines.join("\n");
}

export { RULES as PEEPHOLES };
