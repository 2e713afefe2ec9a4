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
import { CC, STATE, SYM } from "../../ir/state.ts";
import { tryLogicalImm, type LogicalImm, type PcOff, type Uimm12s, type Uimm6 } from "../imm.ts";
import { b as branch, bCond, br, cbnz, cbz, tbnz, tbz } from "../isa/branch.ts";
import { COND } from "../regs.ts";
import { LDST, ldstUimm } from "../isa/load-store.ts";
import { movReg, tstImm } from "../isa/logical.ts";
import { SYSREG, msr } from "../isa/system.ts";
import type { Lowerer } from "./context.ts";
import { FUSED } from "./alloc.ts";
import { materialise } from "./consts.ts";
import { branchOnCC, fixCarryForExit } from "./flags.ts";
import { RELOC } from "./output.ts";
import { RULE } from "./rules.ts";
import { BETWEEN } from "../../ir/passes/fuse-cmp-branch.ts";
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
  const f = zeroBranch(L, i);
  if (f) {
    L.fired[RULE.zeroBranch]!++;
    const r = L.reg(f.v, false);
    if (f.mask !== undefined) {
      L.emit(tstImm(0, r, f.mask));
      return L.branchToStub(bCond(f.nonzero ? COND.NE : COND.EQ, 0 as PcOff), stub, 19);
    }
    if (f.bit < 0) return L.branchToStub((f.nonzero ? cbnz : cbz)(f.sf, r, 0 as PcOff), stub, 19);
    return L.branchToStub((f.nonzero ? tbnz : tbz)(r, f.bit as Uimm6, 0 as PcOff), stub, 14);
  }
  branchOnCC(L, L.b.a[i]!, stub);
}

/**
 * zeroBranch: ExitIf e fused with its compare c (fuse-cmp-branch: c's flags are read by e
 * alone) needs no flags when c only asks whether a value is zero, or one bit of it is set:
 * `test r, r` / `cmp r, 0` with e/ne at 32/64 bits is cbz/cbnz r, at 8/16 bits
 * `tst w, #0xff|0xffff` + b.eq/b.ne; with s/ns at any size tbnz/tbz on the sign bit;
 * `test r, 2^k` with e/ne is tbz/tbnz #k, `test r8/r16, k` `tst w, #k` + b.cond. c then emits nothing
 * (`fusedAway`), and nothing between c and e writes a register (the pass allows only markers,
 * constants, register reads and Undef there), so r still holds the value at e. Undefined otherwise.
 */
export function zeroBranch(L: Lowerer, e: number): { v: number; bit: number; nonzero: boolean; sf: 0 | 1; mask?: LogicalImm } | undefined {
  const b = L.b, d = b.d[e]!;
  if (b.op[e] !== OP.ExitIf || d <= 0) return undefined;
  const c = d - 1, op = b.op[c]!, sz = b.sz[c]!, cc = b.a[e]!, sf = sz === 8 ? 1 : 0, x = b.a[c]!, y = b.b[c]!;
  const zeroTest = op === OP.Test || (op === OP.And && x === y) || (op === OP.Sub && b.isConst(y) && b.lo[y] === 0 && b.hi[y] === 0);
  const k = zeroTest || op !== OP.And ? -1 : b.isConst(y) ? y : b.isConst(x) ? x : -1;
  // The value tested: in a register of its own (not an immediate, not folded into another op).
  const v = zeroTest ? x : k < 0 ? -1 : k === y ? x : y;
  if (v < 0 || b.isImm(v) || L.an.skip[v] === FUSED) return undefined;
  const nonzero = cc === CC.NE || cc === CC.S;
  if (cc === CC.S || cc === CC.NS) return zeroTest ? { v, bit: 8 * sz - 1, nonzero, sf } : undefined;
  if (cc !== CC.E && cc !== CC.NE) return undefined;
  if (zeroTest) return sz >= 4 ? { v, bit: -1, nonzero, sf } : { v, bit: -1, nonzero, sf, mask: tryLogicalImm(0, sz === 1 ? 0xff : 0xffff)! };
  // test r, k: one set bit is tbz/tbnz; at 8/16 bits a bitmask immediate `tst w, #k`.
  const lo = b.lo[k]!, hi = sz === 8 ? b.hi[k]! : 0, m = sz < 4 ? lo & ((1 << (8 * sz)) - 1) : lo;
  if (hi === 0 && m !== 0 && (m & (m - 1)) === 0) return { v, bit: 31 - Math.clz32(m), nonzero, sf };
  if (m === 0 && hi !== 0 && (hi & (hi - 1)) === 0) return { v, bit: 63 - Math.clz32(hi), nonzero, sf };
  const mask = sz < 4 && m !== 0 ? tryLogicalImm(0, m) : undefined;
  return mask === undefined ? undefined : { v, bit: -1, nonzero, sf, mask };
}

/** Compare c is fused with a later ExitIf that branches on zero (zeroBranch): emit nothing for it. */
export function fusedAway(L: Lowerer, c: number): boolean {
  const b = L.b;
  let e = c + 1;
  while (e < b.n && BETWEEN[b.op[e]!]) e++;
  return e < b.n && b.op[e] === OP.ExitIf && b.d[e] === c + 1 && zeroBranch(L, e) !== undefined;
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
