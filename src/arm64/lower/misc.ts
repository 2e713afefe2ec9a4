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
 *
 *   SegBase 1      → ldr x9, [x12, #0xb0]
 *   ExitIfNZ v3, a → cbnz x9, <stub>
 */
import { STATE } from "../../ir/state.ts";
import type { PcOff, Uimm12s } from "../imm.ts";
import { cbnz } from "../isa/branch.ts";
import { LDST, ldstUimm } from "../isa/load-store.ts";
import { yield_ } from "../isa/system.ts";
import type { Lowerer } from "./context.ts";
import { HOST_STATE } from "./regmap.ts";

/** The FS (a = 0) or GS (a = 1) base. */
export function lowerSegBase(L: Lowerer, i: number): void {
  const off = L.b.a[i] === 0 ? STATE.FS_BASE : STATE.GS_BASE;
  L.emit(ldstUimm(LDST.LDRX, L.dest(i), HOST_STATE, (off / 8) as Uimm12s));
}

/** Conditional direct exit on a value: cbnz to a stub emitted after the body. */
export function lowerExitIfNZ(L: Lowerer, i: number): void {
  const stub = L.stubs.length / 2;
  L.stubs.push(i, L.cInv ? 1 : 0);
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
