/**
 * @file Stage 6 (ARM64 lowering): the ops of the flags/stack/system group.
 * - `SegBase`: `ldr xD, [x12, #FS_BASE|GS_BASE]` (ABI §2, §6). The state block cannot fault, so
 *   no side-table entry.
 * - `ExitIfNZ`: `cbnz xA, <stub>` to a direct exit stub placed after the body, as `ExitIf`'s
 *   stubs are (exits.ts `emitStubs` lowers both: the stub list holds the op index, and both ops
 *   keep the direct target in operand b and the live flags in fm). CBNZ reads no flags, so
 *   LOOP/JrCXZ leave NZCV and the carry sense untouched.
 * - `Pause`: `yield`, the ARM spin-wait hint, as x86 PAUSE is for x86 spin loops.
 * - `GetState`/`SetState`: `ldr`/`str` of a state block word (AC/ID of EFLAGS).
 * - `Fence`: one `dmb` in the inner shareable domain (ABI §8): LOAD `dmb ishld`, STORE
 *   `dmb ishst`, FULL `dmb ish`.
 * - `Prefetch`: one `prfm` at the address (`PREFETCH_OPS` gives the hint per use). PRFM is a
 *   hint that raises no synchronous exception whatever the address (ARM ARM, PRFM: an access that
 *   would fault simply does nothing), as x86 prefetches never fault: no side-table entry.
 *
 *   SegBase 1      → ldr x9, [x12, #0xb0]
 *   ExitIfNZ v3, a → cbnz x9, <stub>
 *   Fence 0        → dmb ishld
 *   Prefetch v2, 4 → prfm pstl1keep, [x8]
 */
import { FENCE, OP, PREFETCH } from "../../ir/ops.ts";
import { STATE } from "../../ir/state.ts";
import type { PcOff, Uimm12s } from "../imm.ts";
import { cbnz } from "../isa/branch.ts";
import { LDST, PRFOP, ldstUimm, prfmImm } from "../isa/load-store.ts";
import { BARRIER, dmb, yield_ } from "../isa/system.ts";
import type { Lowerer } from "./context.ts";
import { HOST_STATE } from "./regmap.ts";

/** Byte offset in the state block of the word a GetState or SegBase op v reads (stateField loads a part of it). */
export function stateWordOffset(L: Lowerer, v: number): number {
  const b = L.b;
  if (b.op[v] === OP.GetState) return 8 * b.a[v]!;
  return b.a[v] === 0 ? STATE.FS_BASE : STATE.GS_BASE;
}

/** The FS (a = 0) or GS (a = 1) base. */
export function lowerSegBase(L: Lowerer, i: number): void {
  L.emit(ldstUimm(LDST.LDRX, L.dest(i), HOST_STATE, (stateWordOffset(L, i) / 8) as Uimm12s));
}

/** Conditional direct exit on a value: cbnz to a stub emitted after the body. */
export function lowerExitIfNZ(L: Lowerer, i: number): void {
  const stub = L.newStub(i);
  L.branchToStub(cbnz(1, L.reg(L.b.a[i]!), 0 as PcOff), stub, 19);
}

/** A state block word (`STATE + 8*a`; cannot fault, no side-table entry). */
export function lowerGetState(L: Lowerer, i: number): void {
  L.emit(ldstUimm(LDST.LDRX, L.dest(i), HOST_STATE, L.b.a[i]! as Uimm12s));
}

/** Store into a state block word. */
export function lowerSetState(L: Lowerer, i: number): void {
  L.emit(ldstUimm(LDST.STRX, L.reg(L.b.b[i]!), HOST_STATE, L.b.a[i]! as Uimm12s));
}

/** PAUSE: the host's spin-wait hint. */
export function lowerPause(L: Lowerer, _i: number): void {
  L.emit(yield_());
}

/** Undef: nothing to emit; liveness (alloc.ts) already let earlier ops clobber those flags. */
export function lowerUndef(_L: Lowerer, _i: number): void {}

// ── hints group: barriers and prefetches ──

/** The barrier option of each `Fence` kind (FENCE.*): loads, stores, everything, in the inner shareable domain. */
const FENCE_OPTION: Record<number, number> = { [FENCE.LOAD]: BARRIER.ISHLD, [FENCE.STORE]: BARRIER.ISHST, [FENCE.FULL]: BARRIER.ISH };

/** Fence: `dmb ishld|ishst|ish` (an unknown kind gets the full barrier: never weaker than asked). */
export function lowerFence(L: Lowerer, i: number): void {
  L.emit(dmb(FENCE_OPTION[L.b.a[i]!] ?? BARRIER.ISH));
}

/**
 * The PRFM hint of each `Prefetch` use (PREFETCH.*): x86 T0/T1/T2 name the innermost level the
 * line should reach (all levels, L2 and out, L3 and out) → PLDL1KEEP/PLDL2KEEP/PLDL3KEEP; NTA is
 * non-temporal → the streaming PLDL1STRM; PREFETCHW (write intent, exclusive into L1) →
 * PSTL1KEEP; PREFETCHWT1 (write intent into L2) → PSTL2KEEP.
 */
const PREFETCH_OPS: Record<number, number> = {
  [PREFETCH.READ_L1]: PRFOP.PLDL1KEEP, [PREFETCH.READ_L2]: PRFOP.PLDL2KEEP, [PREFETCH.READ_L3]: PRFOP.PLDL3KEEP,
  [PREFETCH.READ_STREAM]: PRFOP.PLDL1STRM, [PREFETCH.WRITE_L1]: PRFOP.PSTL1KEEP, [PREFETCH.WRITE_L2]: PRFOP.PSTL2KEEP,
};

/** Prefetch: `prfm <hint>, [xA]` (register 31 would be SP as a base, so a constant 0 address is materialised). */
export function lowerPrefetch(L: Lowerer, i: number): void {
  const rn = L.reg(L.b.a[i]!, false);
  L.emit(prfmImm(PREFETCH_OPS[L.b.b[i]!] ?? PRFOP.PLDL1KEEP, rn, 0 as Uimm12s));
}
