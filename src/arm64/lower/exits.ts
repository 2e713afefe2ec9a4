/**
 * @file Stage 6 (ARM64 lowering): block exits (docs/runtime-abi.md §5). Every exit leaves the
 * guest RIP to continue at in x16 and C equal to CF when CF is live there (§4).
 * - Direct (`Exit` jump/call, and each `ExitIf` stub placed after the body):
 *   `b next` (relocation RELOC.BLOCK to the target, retargeted by a linker) ; next: x16 = target ;
 *   `ldr x17, [x12, #0x100]` (dispatch) ; `br x17`.
 * - Indirect (`Exit` indirect/call_indirect/ret): x16 = the value, then dispatch.
 * - `ExitSym`: x16 = the guest RIP of the instruction, then the symbol's slot.
 *
 *   ExitIf e, 0x401000   → b.eq <stub>            ... stub: b +4; mov x16, #0x401000 (...); ldr x17, [x12, #0x100]; br x17
 */
import { EXIT, OP } from "../../ir/ops.ts";
import { STATE, SYM } from "../../ir/state.ts";
import type { PcOff, Uimm12s } from "../imm.ts";
import { b as branch, br } from "../isa/branch.ts";
import { LDST, ldstUimm } from "../isa/load-store.ts";
import { movReg } from "../isa/logical.ts";
import { SYSREG, msr } from "../isa/system.ts";
import type { Lowerer } from "./context.ts";
import { materialise } from "./consts.ts";
import { branchOnCC, fixCarryForExit } from "./flags.ts";
import { RELOC } from "./output.ts";
import { HOST_EXIT_RIP, HOST_EXIT_SYM, HOST_STATE } from "./regmap.ts";

/** `ldr x17, [x12, #0x100 + 8*sym]; br x17`. */
function toSymbol(L: Lowerer, sym: number): void {
  L.emit(ldstUimm(LDST.LDRX, HOST_EXIT_SYM, HOST_STATE, (STATE.SYMBOLS / 8 + sym) as Uimm12s));
  L.emit(br(HOST_EXIT_SYM));
}

/** The linkable exit stub to the Const/Addr target v. */
function directExit(L: Lowerer, v: number): void {
  L.relocs.push(RELOC.BLOCK, L.n, L.targetIndex(L.b.imm(v)));
  L.emit(branch(1 as PcOff)); // to the next word until a linker retargets it
  materialise(L, v, HOST_EXIT_RIP);
  toSymbol(L, SYM.dispatch);
}

/** x16 = value v (moved, or materialised when it is a constant). */
function ripTo16(L: Lowerer, v: number): void {
  const r = L.loc[v]!;
  if (r === HOST_EXIT_RIP) return;
  if (r >= 0) return L.emit(movReg(1, HOST_EXIT_RIP, r));
  materialise(L, v, HOST_EXIT_RIP);
}

/** Conditional exit: branch to a stub emitted after the body (`emitStubs`). */
export function lowerExitIf(L: Lowerer, i: number): void {
  const stub = L.newStub(i);
  branchOnCC(L, L.b.a[i]!, stub);
}

/** Leave the block: direct kinds through a linkable stub, the others through dispatch with x16 = target. */
export function lowerExit(L: Lowerer, i: number): void {
  const b = L.b, kind = b.a[i]!, v = b.b[i]!;
  // The carry fix-up may clobber whichever of x16/x17 does not hold the target.
  fixCarryForExit(L, b.fm[i]!, L.cInv, L.loc[v] === HOST_EXIT_SYM ? HOST_EXIT_RIP : HOST_EXIT_SYM);
  L.bodyWords = L.n;
  if (kind === EXIT.JUMP || kind === EXIT.CALL) return directExit(L, v);
  ripTo16(L, v);
  toSymbol(L, SYM.dispatch);
}

/** Into a runtime symbol for the guest instruction at b (RIP in x16). */
export function lowerExitSym(L: Lowerer, i: number): void {
  const b = L.b, v = b.b[i]!;
  fixCarryForExit(L, b.fm[i]!, L.cInv, L.loc[v] === HOST_EXIT_SYM ? HOST_EXIT_RIP : HOST_EXIT_SYM);
  L.bodyWords = L.n;
  ripTo16(L, v);
  toSymbol(L, b.a[i]!);
}

/** After the body: one stub per ExitIf, in order; returns their first words for the branch fixups. */
export function emitStubs(L: Lowerer): number[] {
  const starts: number[] = [];
  for (let s = 0; s < L.stubs.length; s += 2) {
    const i = L.stubs[s]!;
    starts.push(L.n);
    // Bit 0: C inverted there; bits 1..: 1 + the register holding NZCV saved before the branch's
    // own compare clobbered it (divide.ts exitOnFlags), or 0.
    const info = L.stubs[s + 1]!, saved = (info >> 1) - 1;
    if (saved >= 0) L.emit(msr(SYSREG.NZCV, saved));
    fixCarryForExit(L, L.b.fm[i]!, (info & 1) === 1, HOST_EXIT_SYM);
    if (L.b.op[i] === OP.ExitSymIf) {
      // x16 = the faulting instruction's RIP, then its symbol (divide.ts: #DE).
      materialise(L, L.b.c[i]!, HOST_EXIT_RIP);
      toSymbol(L, L.b.b[i]!);
    } else directExit(L, L.b.b[i]!);
  }
  return starts;
}
