/**
 * @file x86 semantics (stage 4 → 5): memory-ordering and cache hints, the FS/GS base registers
 * and the random-number and processor-id reads — LFENCE, SFENCE, MFENCE (`Fence`), CLFLUSH,
 * CLFLUSHOPT, CLWB (a full `Fence`), PREFETCHT0/T1/T2/NTA, PREFETCHW, PREFETCHWT1 and AMD's
 * PREFETCH (`Prefetch`), the reserved-NOP hint space (nothing), RDFSBASE/RDGSBASE (`SegBase`),
 * WRFSBASE/WRGSBASE (`SetState` of STATE.FS_BASE/GS_BASE), and RDRAND, RDSEED, RDPID, which end
 * the block into their runtime symbols as CPUID does (docs/runtime-abi.md §5).
 *
 * None of these touches the flags except RDRAND/RDSEED, whose flags the runtime writes. None of
 * the translated ones can fault: fences and prefetches have no access that traps (x86 prefetches
 * never fault; neither does the ARM `prfm` they become), and the base reads and writes go to the
 * state block.
 *
 *   MFENCE(b, i, c)      // mfence             → Fence 2                → dmb ish
 *   PREFETCHW(b, i, c)   // prefetchw [rax]    → Prefetch v1, 4         → prfm pstl1keep, [x8]
 *   RDFSBASE(b, i, c)    // rdfsbase rax       → v1 = SegBase 0; SetReg rax, v1
 *   RDRAND(b, i, c)      // rdrand eax         → ExitSym rdrand, Addr <this instruction>, 3
 */
import { FENCE, OP, PREFETCH as USE, STATE, SYM, type IrBlock } from "../../ir/index.ts";
import type { Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { tables } from "../tables/_load.ts";
import { effAddr, readReg, runtimeExit, writeReg, type SemCtx } from "./_operand.ts";

/** Mnemonics whose F3 prefix is part of the opcode (F3 0F AE /0../3, F3 0F C7 /7): REP on them is not a REP. */
export const HINTS_MANDATORY_F3: readonly string[] = ["RDFSBASE", "RDGSBASE", "WRFSBASE", "WRGSBASE", "RDPID"];

// ── fences (SDM Vol. 3A §9.2.5; ABI §8) ──

/**
 * LFENCE—Load Fence, SDM Vol. 2A: every earlier load is globally visible before any later load
 * or store: `dmb ishld` orders exactly that.
 * NOTE: LFENCE also waits for earlier instructions to complete before later ones start (the
 * RDTSC and speculation-barrier uses); a `dmb` orders memory accesses only. Timing reads leave
 * into the runtime (RDTSC ends the block), so only the speculation side is not modelled.
 */
export function LFENCE(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  b.fence(FENCE.LOAD);
  return true;
}

/** SFENCE—Store Fence, SDM Vol. 2B: every earlier store is globally visible before any later store: `dmb ishst`. */
export function SFENCE(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  b.fence(FENCE.STORE);
  return true;
}

/** MFENCE—Memory Fence, SDM Vol. 2B: every earlier load and store before every later one: `dmb ish`. */
export function MFENCE(b: IrBlock, _i: Insn, _c: SemCtx): boolean {
  b.fence(FENCE.FULL);
  return true;
}

// ── cache-line write-back and flush ──

/**
 * The cache-line flushes as a full barrier. For user code the only effects a program can observe
 * are ordering and persistence: the caches of ARM hosts running user code are coherent (normal
 * cacheable memory, inner shareable), so no data is lost or stale without a flush, and the
 * instruction-cache side of self-modifying code is the runtime's (ABI §9, `aot run`). CLFLUSH is
 * ordered against writes and fences (SDM), hence `dmb ish`.
 * NOTE: `dc civac` would also write the line back (persistent memory), but EL0 may issue it only
 * where the OS sets SCTLR_EL1.UCI (Linux does; Windows and Unicorn's default state give no such
 * promise), and it faults on an unmapped address, which would need a side-table entry. x86 raises
 * #PF for a flush of an unmapped address; this translation does not (nothing is accessed).
 */
function flushLine(b: IrBlock): boolean {
  b.fence(FENCE.FULL);
  return true;
}

/** CLFLUSH—Flush Cache Line, SDM Vol. 2A: a full barrier (see `flushLine`). */
export function CLFLUSH(b: IrBlock, _i: Insn, _c: SemCtx): boolean { return flushLine(b); }
/** CLFLUSHOPT—Flush Cache Line Optimized, SDM Vol. 2A: a full barrier (see `flushLine`). */
export function CLFLUSHOPT(b: IrBlock, _i: Insn, _c: SemCtx): boolean { return flushLine(b); }
/** CLWB—Cache Line Write Back, SDM Vol. 2A: a full barrier (see `flushLine`). */
export function CLWB(b: IrBlock, _i: Insn, _c: SemCtx): boolean { return flushLine(b); }

// ── prefetches (never fault; the operand is an address, not an access) ──

/** `Prefetch` of the memory operand's linear address (FS/GS base included) for `use`. */
function prefetch(b: IrBlock, i: Insn, use: number): boolean {
  b.prefetch(effAddr(b, i), use);
  return true;
}

/** PREFETCHh—Prefetch Data Into Caches (T0: every level), SDM Vol. 2B → `prfm pldl1keep`. */
export function PREFETCHT0(b: IrBlock, i: Insn, _c: SemCtx): boolean { return prefetch(b, i, USE.READ_L1); }
/** PREFETCHh—Prefetch Data Into Caches (T1: level 2 and out), SDM Vol. 2B → `prfm pldl2keep`. */
export function PREFETCHT1(b: IrBlock, i: Insn, _c: SemCtx): boolean { return prefetch(b, i, USE.READ_L2); }
/** PREFETCHh—Prefetch Data Into Caches (T2: level 3 and out), SDM Vol. 2B → `prfm pldl3keep`. */
export function PREFETCHT2(b: IrBlock, i: Insn, _c: SemCtx): boolean { return prefetch(b, i, USE.READ_L3); }
/** PREFETCHh—Prefetch Data Into Caches (NTA: non-temporal, least pollution), SDM Vol. 2B → `prfm pldl1strm`. */
export function PREFETCHNTA(b: IrBlock, i: Insn, _c: SemCtx): boolean { return prefetch(b, i, USE.READ_STREAM); }
/** PREFETCHW—Prefetch Data Into Caches in Anticipation of a Write, SDM Vol. 2B → `prfm pstl1keep`. */
export function PREFETCHW(b: IrBlock, i: Insn, _c: SemCtx): boolean { return prefetch(b, i, USE.WRITE_L1); }
/** PREFETCHWT1—Prefetch Vector Data Into Caches With Intent to Write and T1 Hint, SDM Vol. 2B → `prfm pstl2keep`. */
export function PREFETCHWT1(b: IrBlock, i: Insn, _c: SemCtx): boolean { return prefetch(b, i, USE.WRITE_L2); }
/**
 * PREFETCH (0F 0D /0, and the reserved /4../7 that AMD aliases to it)—Prefetch L1 Data-Cache
 * Line, AMD64 APM Vol. 3: the line into the L1 data cache → `prfm pldl1keep`.
 */
export function PREFETCH(b: IrBlock, i: Insn, _c: SemCtx): boolean { return prefetch(b, i, USE.READ_L1); }

/** Forms of the 0F 0D reserved-NOP rows (only their register forms reach them: every memory form is a PREFETCH row). */
const NOP_0F0D = new Set(tables().formIds.flatMap((id, f) => (id.endsWith("_0F0D") ? [f] : [])));

/**
 * NOP—No Operation, SDM Vol. 2B, the reserved-NOP hint space (0F 18..0F 1F /r where no other row
 * applies, e.g. 0F 18 /4../7 and the register forms of 0F 18 /0../3; MPX's 0F 1A/1B, which are
 * NOPs while MPX is off): no operand is accessed, nothing is emitted.
 * NOTE: the register form of 0F 0D falls back: it is vendor-dependent (iced, after Intel, decodes
 * a NOP; this machine's AMD CPU raises #UD, checked natively in test/verify/hints-diff.test.ts),
 * so the runtime's CPU decides. Unicorn 2.0.1 raises #UD for the register forms of 0F 18 /0../3
 * too, where the CPU runs a NOP (same test).
 */
export function RESERVEDNOP(_b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return !NOP_0F0D.has(i.form);
}

// ── FS/GS base (64-bit mode only: the rows are o64; SDM Vol. 2B RDFSBASE/WRFSBASE) ──

const FS = 0, GS = 1;

/** RDFSBASE/RDGSBASE: the base from the state block (`SegBase`), the 32-bit form zero-extended by the register write. */
function readBase(b: IrBlock, i: Insn, seg: number): boolean {
  writeReg(b, i.reg[0]!, b.emit(OP.SegBase, 0, 0, seg));
  return true;
}

/**
 * WRFSBASE/WRGSBASE: the register (r32 zero-extended) into the state block. Later FS/GS accesses
 * of the same block read the base after this store (`SegBase` is emitted per access, in order).
 * NOTE: x86 raises #GP for a non-canonical r64; not checked (the base is stored as given).
 */
function writeBase(b: IrBlock, i: Insn, seg: number): boolean {
  const r = i.reg[0]!;
  const v = r >= R.GPR64 ? readReg(b, r) : b.zext(readReg(b, r), 4);
  b.emit(OP.SetState, 0, 0, (seg === FS ? STATE.FS_BASE : STATE.GS_BASE) / 8, v);
  return true;
}

/** RDFSBASE/RDGSBASE—Read FS/GS Segment Base, SDM Vol. 2B (RDFSBASE). */
export function RDFSBASE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return readBase(b, i, FS); }
/** RDFSBASE/RDGSBASE—Read FS/GS Segment Base, SDM Vol. 2B (RDGSBASE). */
export function RDGSBASE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return readBase(b, i, GS); }
/** WRFSBASE/WRGSBASE—Write FS/GS Segment Base, SDM Vol. 2B (WRFSBASE). */
export function WRFSBASE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return writeBase(b, i, FS); }
/** WRFSBASE/WRGSBASE—Write FS/GS Segment Base, SDM Vol. 2B (WRGSBASE). */
export function WRGSBASE(b: IrBlock, i: Insn, _c: SemCtx): boolean { return writeBase(b, i, GS); }

// ── runtime helpers: leave into the symbol at this instruction; the runtime performs it ──

/** RDRAND—Read Random Number, SDM Vol. 2B: the runtime writes a random value, CF = 1, OF SF ZF AF PF = 0. */
export function RDRAND(b: IrBlock, i: Insn, c: SemCtx): boolean { return runtimeExit(b, i, c, SYM.rdrand); }
/** RDSEED—Read Random SEED, SDM Vol. 2B: as RDRAND, through its own symbol. */
export function RDSEED(b: IrBlock, i: Insn, c: SemCtx): boolean { return runtimeExit(b, i, c, SYM.rdseed); }
/** RDPID—Read Processor ID, SDM Vol. 2B: the runtime writes IA32_TSC_AUX (the OS's processor number). */
export function RDPID(b: IrBlock, i: Insn, c: SemCtx): boolean { return runtimeExit(b, i, c, SYM.rdpid); }
