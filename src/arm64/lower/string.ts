/**
 * @file Stage 6 (ARM64 lowering): the REP string ops (`RepMovs`, `RepStos`, `RepLods`, `RepScas`,
 * `RepCmps`, ops.ts). Each is one self-contained host loop over the guest registers' homes
 * (ABI §3: RCX = x0, RSI = x25, RDI = x26, RAX = x8), one x86 iteration per trip:
 *
 *       cbz   x0, done            ; rCX = 0: nothing happens, not even to the flags
 *   top: ldr  t, [x25]            ; fault entry (the guest instruction), then dmb ishld under tso
 *       dmb   ishst ; str t, [x26] ; fault entry
 *       add   x25, x25, step ; add x26, x26, step
 *       sub   x0, x0, #1
 *       cbnz  x0, top             ; SCAS/CMPS: cbz x0, done; b.eq|b.ne top (REPE|REPNE)
 *   done:
 *
 * Why registers are updated in the homes every trip: x86 REP instructions are restartable. A
 * fault in trip k must leave rCX/rSI/rDI (and for SCAS/CMPS the flags of trip k-1) exactly as
 * after k completed iterations; the fault side table then names the REP instruction itself
 * (ABI §9), and the runtime resumes it with the remaining count. Every load and store gets its
 * entry as `Load`/`Store` do; the barriers follow the policy per access (ABI §8).
 *
 * Details:
 * - 32-bit addressing (b = 4): the count is ECX and updates are W-register writes (zero-extending,
 *   as x86's 32-bit writes). In 64-bit mode the homes may hold garbage above bit 31 (a 67 prefix
 *   on a 64-bit value), so each access goes through a temporary holding the zero extension; a
 *   32-bit guest's homes are always zero-extended (ABI §3) and are used directly.
 * - SCAS/CMPS compute all six flags every trip (cmp as CMP does, 8/16-bit operands shifted to the
 *   top; x10 = the difference for PF; x11 = a ^ b ^ difference for AF), whatever the dead-flag
 *   pass left in `fm`: a fault in a later trip exposes them. C is made "inverted" before the
 *   `cbz` over the loop, so both the rCX = 0 path and the loop leave the same carry sense (ABI §4).
 *
 * On entry: the step value (±sz) in a register; nothing else held. On exit: guest homes updated.
 */
import { GPR } from "../../ir/state.ts";
import type { BitRange, Imm12, PcOff, Uimm12s, Uimm6 } from "../imm.ts";
import { bfi, lslImm } from "../isa/bitfield.ts";
import { bCond, cbnz, cbz } from "../isa/branch.ts";
import { subImm } from "../isa/data-imm.ts";
import { addShifted, subShifted, subsShifted } from "../isa/data-reg.ts";
import { LDST, ldstUimm, type LdSt } from "../isa/load-store.ts";
import { eorShifted, movReg } from "../isa/logical.ts";
import { BARRIER, dmb } from "../isa/system.ts";
import { COND } from "../regs.ts";
import { ZR, type Lowerer } from "./context.ts";
import { setCarrySense } from "./flags.ts";
import { HOST_AF, HOST_GPR, HOST_PF } from "./regmap.ts";

const LOADS: Record<number, LdSt> = { 1: LDST.LDRB, 2: LDST.LDRH, 4: LDST.LDRW, 8: LDST.LDRX };
const STORES: Record<number, LdSt> = { 1: LDST.STRB, 2: LDST.STRH, 4: LDST.STRW, 8: LDST.STRX };
const RCX = HOST_GPR[GPR.RCX]!, RSI = HOST_GPR[GPR.RSI]!, RDI = HOST_GPR[GPR.RDI]!, RAX = HOST_GPR[GPR.RAX]!;
const Z = 0 as Uimm12s;

/** What one trip of the loop does. */
type RepKind = "movs" | "stos" | "lods" | "scas" | "cmps";

/** One lowering for the five ops: the loop skeleton; `kind` decides the body. */
function lowerRep(L: Lowerer, i: number, kind: RepKind): void {
  const b = L.b, sz = b.sz[i]!, asz = b.b[i]!, sf = asz === 8 ? 1 : 0;
  const ordered = L.ordered(b.c[i]!);
  // Homes this op rewrites: values still aliasing them must move out first (none do in practice:
  // the semantics read no register for a REP op).
  for (const r of [GPR.RCX, GPR.RSI, GPR.RDI, GPR.RAX]) L.evictAliases(r, i);
  const step = L.reg(b.a[i]!);
  const flags = kind === "scas" || kind === "cmps";
  if (flags) setCarrySense(L, true);
  // 32-bit addressing in 64-bit mode: the address is the zero extension of the home's low half.
  const zx = asz === 4 && b.mode === 64 ? L.pool.scratch() : -1;
  const addr = (home: number): number => {
    if (zx < 0) return home;
    L.emit(movReg(0, zx, home));
    return zx;
  };
  const load = (rt: number, home: number): void => {
    const rn = addr(home);
    L.faultEntry();
    L.emit(ldstUimm(LOADS[sz]!, rt, rn, Z));
    if (ordered) L.emit(dmb(BARRIER.ISHLD));
  };
  const store = (rt: number, home: number): void => {
    const rn = addr(home);
    if (ordered) L.emit(dmb(BARRIER.ISHST));
    L.faultEntry();
    L.emit(ldstUimm(STORES[sz]!, rt, rn, Z));
  };
  const skip = L.n;
  L.emit(cbz(sf, RCX, 0 as PcOff)); // patched below
  const top = L.n;
  switch (kind) {
    case "movs": {
      const t = L.pool.scratch();
      load(t, RSI);
      store(t, RDI);
      break;
    }
    case "stos":
      store(RAX, RDI);
      break;
    case "lods":
      // 4/8 bytes load straight into RAX (a faulting load writes nothing); 1/2 bytes merge.
      if (sz >= 4) load(RAX, RSI);
      else {
        const t = L.pool.scratch();
        load(t, RSI);
        L.emit(bfi(1, RAX, t, (8 * sz) << 8 as BitRange));
      }
      break;
    case "scas": {
      const m = L.pool.scratch();
      load(m, RDI);
      compare(L, sz, RAX, m);
      break;
    }
    case "cmps": {
      const s = L.pool.scratch(), m = L.pool.scratch();
      load(s, RSI);
      load(m, RDI);
      compare(L, sz, s, m);
      break;
    }
  }
  if (kind === "movs" || kind === "lods" || kind === "cmps") L.emit(addShifted(sf, RSI, RSI, step));
  if (kind !== "lods") L.emit(addShifted(sf, RDI, RDI, step));
  L.emit(subImm(sf, RCX, RCX, 1 as Imm12));
  if (flags) {
    // Stop at rCX = 0, else go on while ZF = 1 (REPE) / ZF = 0 (REPNE).
    L.emit(cbz(sf, RCX, 2 as PcOff));
    L.emit(bCond(b.d[i] ? COND.NE : COND.EQ, (top - L.n) as PcOff));
  } else L.emit(cbnz(sf, RCX, (top - L.n) as PcOff));
  L.code[skip] = cbz(sf, RCX, (L.n - skip) as PcOff);
  if (flags) L.cInv = true;
}

/** x86 CMP a, m in sz bytes: NZCV (C inverted), x10 = a - m (PF), x11 = a ^ m ^ (a - m) (AF). */
function compare(L: Lowerer, sz: number, a: number, m: number): void {
  if (sz >= 4) L.emit(subsShifted(sz === 8 ? 1 : 0, ZR, a, m));
  else {
    // x11 is free as scratch here: AF is rewritten below, before anything can observe it.
    const sh = (32 - 8 * sz) as Uimm6;
    L.emit(lslImm(0, HOST_AF, a, sh));
    L.emit(subsShifted(0, ZR, HOST_AF, m, 0, sh));
  }
  L.emit(eorShifted(1, HOST_AF, a, m));
  L.emit(subShifted(1, HOST_PF, a, m));
  L.emit(eorShifted(1, HOST_AF, HOST_AF, HOST_PF));
}

export const lowerRepMovs = (L: Lowerer, i: number): void => lowerRep(L, i, "movs");
export const lowerRepStos = (L: Lowerer, i: number): void => lowerRep(L, i, "stos");
export const lowerRepLods = (L: Lowerer, i: number): void => lowerRep(L, i, "lods");
export const lowerRepScas = (L: Lowerer, i: number): void => lowerRep(L, i, "scas");
export const lowerRepCmps = (L: Lowerer, i: number): void => lowerRep(L, i, "cmps");
