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
 * - REP MOVS/STOS with DF = 0 first run a 16-bytes-per-trip loop where that is exact (rule
 *   repChunks, `chunkLoop`), then the element loop above for what is left.
 *
 * On entry: the step value (±sz) in a register; nothing else held. On exit: guest homes updated.
 */
import { GPR } from "../../ir/state.ts";
import { patch } from "../encoder.ts";
import { tryLogicalImm, type BitRange, type Imm12, type PcOff, type Simm7s, type Uimm12s, type Uimm6 } from "../imm.ts";
import { bfi, lslImm, lsrImm } from "../isa/bitfield.ts";
import { b as branch, bCond, cbnz, cbz, tbnz } from "../isa/branch.ts";
import { addImm, subImm } from "../isa/data-imm.ts";
import { addShifted, subShifted, subsShifted } from "../isa/data-reg.ts";
import { LDST, PAIR, ldstPair, ldstUimm, type LdSt } from "../isa/load-store.ts";
import { andImm, eorShifted, movReg, orrShifted } from "../isa/logical.ts";
import { BARRIER, dmb } from "../isa/system.ts";
import { COND } from "../regs.ts";
import { ZR, type Lowerer } from "./context.ts";
import { setCarrySense } from "./flags.ts";
import { HOST_AF, HOST_GPR, HOST_PF } from "./regmap.ts";
import { RULE } from "./rules.ts";

const LOADS: Record<number, LdSt> = { 1: LDST.LDRB, 2: LDST.LDRH, 4: LDST.LDRW, 8: LDST.LDRX };
const STORES: Record<number, LdSt> = { 1: LDST.STRB, 2: LDST.STRH, 4: LDST.STRW, 8: LDST.STRX };
const RCX = HOST_GPR[GPR.RCX]!, RSI = HOST_GPR[GPR.RSI]!, RDI = HOST_GPR[GPR.RDI]!, RAX = HOST_GPR[GPR.RAX]!;
const Z = 0 as Uimm12s;
const PAGE_OFFSET = tryLogicalImm(1, 0xfff)!, LOW_BYTE = tryLogicalImm(1, 0xff)!, LOW_HALF = tryLogicalImm(1, 0xffff)!;

/** What one trip of the loop does. */
type RepKind = "movs" | "stos" | "lods" | "scas" | "cmps";

/** One lowering for the five ops: the loop skeleton; `kind` decides the body. */
function lowerRep(L: Lowerer, i: number, kind: RepKind): void {
  const b = L.b, sz = b.sz[i]!, asz = b.b[i]!, sf = asz === 8 ? 1 : 0;
  // Homes this op rewrites: values still aliasing them must move out first (none do in practice:
  // the semantics read no register for a REP op).
  for (const r of [GPR.RCX, GPR.RSI, GPR.RDI, GPR.RAX]) L.evictAliases(r, i);
  const step = L.reg(b.a[i]!);
  const flags = kind === "scas" || kind === "cmps";
  if (flags) setCarrySense(L, true);
  const t = new Trip(L, i, kind, step);
  const skip = L.n;
  L.emit(cbz(sf, RCX, 0 as PcOff)); // patched below
  const chunks = (kind === "movs" || kind === "stos") && !t.widen;
  const toSlow = chunks ? chunkLoop(L, t) : [];
  const top = L.n;
  for (const w of toSlow) patchTo(L, w, top);
  t.emit();
  L.emit(subImm(sf, RCX, RCX, 1 as Imm12));
  if (flags) {
    // Stop at rCX = 0, else go on while ZF = 1 (REPE) / ZF = 0 (REPNE).
    L.emit(cbz(sf, RCX, 2 as PcOff));
    L.emit(bCond(b.d[i] ? COND.NE : COND.EQ, (top - L.n) as PcOff));
  } else L.emit(cbnz(sf, RCX, (top - L.n) as PcOff));
  for (const w of [skip, ...t.toDone]) patchTo(L, w, L.n);
  if (flags) L.cInv = true;
}

/** Point the forward branch at word `at` (b: imm26, tbnz: imm14, cbz/cbnz/b.cond: imm19) to word `to`. */
function patchTo(L: Lowerer, at: number, to: number): void {
  const w = L.code[at]!;
  const use = (w & 0x7c000000) === 0x14000000 ? "branch26" : (w & 0x7e000000) === 0x36000000 ? "branch14" : "branch19";
  L.code[at] = patch(w, use, (to - at) * 4);
}

/** One x86 iteration's body (no count update): loads, stores, compare, pointer steps. */
class Trip {
  readonly sz: number;
  readonly sf: 0 | 1;
  readonly ordered: boolean;
  /** 32-bit addressing in 64-bit mode: addresses go through `zx` (the zero extension of the home). */
  readonly widen: boolean;
  private zx = -1;
  private t1 = -1;
  private t2 = -1;
  /** Words of forward branches to the end of the op (patched by the caller). */
  readonly toDone: number[] = [];

  constructor(readonly L: Lowerer, i: number, readonly kind: RepKind, readonly step: number) {
    const b = L.b;
    this.sz = b.sz[i]!;
    this.sf = b.b[i]! === 8 ? 1 : 0;
    this.ordered = L.ordered(b.c[i]!);
    this.widen = b.b[i]! === 4 && b.mode === 64;
    if (this.widen) this.zx = L.pool.scratch();
    if (kind !== "stos") this.t1 = L.pool.scratch();
    if (kind === "cmps") this.t2 = L.pool.scratch();
  }

  private addr(home: number): number {
    if (this.zx < 0) return home;
    this.L.emit(movReg(0, this.zx, home));
    return this.zx;
  }

  load(rt: number, home: number): void {
    const rn = this.addr(home), L = this.L;
    L.faultEntry();
    L.emit(ldstUimm(LOADS[this.sz]!, rt, rn, Z));
    if (this.ordered) L.emit(dmb(BARRIER.ISHLD));
  }

  store(rt: number, home: number): void {
    const rn = this.addr(home), L = this.L;
    if (this.ordered) L.emit(dmb(BARRIER.ISHST));
    L.faultEntry();
    L.emit(ldstUimm(STORES[this.sz]!, rt, rn, Z));
  }

  emit(): void {
    const { L, kind, sz, sf, step, t1, t2 } = this;
    switch (kind) {
      case "movs":
        this.load(t1, RSI);
        this.store(t1, RDI);
        break;
      case "stos":
        this.store(RAX, RDI);
        break;
      case "lods":
        // 4/8 bytes load straight into RAX (a faulting load writes nothing); 1/2 bytes merge.
        if (sz >= 4) this.load(RAX, RSI);
        else {
          this.load(t1, RSI);
          L.emit(bfi(1, RAX, t1, ((8 * sz) << 8) as BitRange));
        }
        break;
      case "scas":
        this.load(t1, RDI);
        compare(L, sz, RAX, t1);
        break;
      case "cmps":
        this.load(t1, RSI);
        this.load(t2, RDI);
        compare(L, sz, t1, t2);
        break;
    }
    if (kind === "movs" || kind === "lods" || kind === "cmps") L.emit(addShifted(sf, RSI, RSI, step));
    if (kind !== "lods") L.emit(addShifted(sf, RDI, RDI, step));
  }
}

/**
 * Rule repChunks: REP MOVS / REP STOS (any element size) with DF = 0 move 16 bytes per trip
 * (`ldp`/`stp` of two X registers; the vector registers hold guest XMM state), one element per
 * trip otherwise. Kept exact:
 * - a chunk is taken only when neither its source nor its destination crosses a 4 KiB page, so
 *   a fault in it is a fault of its first byte too: x86 would fault at that byte with the same
 *   rCX/rSI/rDI (the side table names the instruction; the state is the chunk's start). A chunk
 *   that would cross goes one element at a time until it does not;
 * - MOVS takes chunks only when rDI - rSI >= 16 (unsigned, in the address size): then no byte of
 *   a chunk's source is written by an earlier element of the same chunk, so copying 16 bytes at
 *   once is the element-wise x86 result, overlap or not (rDI < rSI wraps to a large difference:
 *   a memmove downwards is fine; rDI just above rSI replicates data and stays element-wise);
 * - fewer than 16 bytes left, or DF = 1: the element loop.
 * Returns the words of the branches to the bytewise loop (patched by the caller).
 */
function chunkLoop(L: Lowerer, t: Trip): number[] {
  const sf = t.sf, movs = t.kind === "movs", slow: number[] = [];
  L.fired[RULE.repChunks]!++;
  const u = L.pool.scratch();
  const sz = t.sz, lg = 31 - Math.clz32(sz);
  const pat = movs ? -1 : sz === 8 ? RAX : L.pool.scratch();
  slow.push(L.n);
  L.emit(tbnz(t.step, 63 as Uimm6, 0 as PcOff)); // DF = 1 (step -1)
  if (movs) {
    L.emit(subShifted(sf, u, RDI, RSI));
    L.emit(lsrImm(sf, u, u, 4 as Uimm6));
    slow.push(L.n);
    L.emit(cbz(sf, u, 0 as PcOff));
  } else {
    // AL/AX/EAX repeated over eight bytes (RAX is its own pattern).
    if (sz === 4) L.emit(movReg(0, pat, RAX));
    else if (sz < 4) L.emit(andImm(1, pat, RAX, sz === 1 ? LOW_BYTE : LOW_HALF));
    for (let k = 8 * sz; k < 64; k *= 2) L.emit(orrShifted(1, pat, pat, pat, 0, k as Uimm6));
  }
  const fast = L.n;
  L.emit(lsrImm(sf, u, RCX, (4 - lg) as Uimm6)); // fewer than 16 bytes of elements left
  slow.push(L.n);
  L.emit(cbz(sf, u, 0 as PcOff));
  const one: number[] = [];
  for (const home of movs ? [RSI, RDI] : [RDI]) {
    L.emit(andImm(1, u, home, PAGE_OFFSET));
    L.emit(addImm(1, u, u, 15 as Imm12));
    one.push(L.n);
    L.emit(tbnz(u, 12 as Uimm6, 0 as PcOff));
  }
  const a = movs ? L.pool.scratch() : pat, c = movs ? L.pool.scratch() : pat;
  if (movs) {
    L.faultEntry();
    L.emit(ldstPair(PAIR.LDPX, "offset", a, c, RSI, 0 as Simm7s));
    if (t.ordered) L.emit(dmb(BARRIER.ISHLD));
  }
  if (t.ordered) L.emit(dmb(BARRIER.ISHST));
  L.faultEntry();
  L.emit(ldstPair(PAIR.STPX, "offset", a, c, RDI, 0 as Simm7s));
  if (movs) L.emit(addImm(sf, RSI, RSI, 16 as Imm12));
  L.emit(addImm(sf, RDI, RDI, 16 as Imm12));
  L.emit(subImm(sf, RCX, RCX, (16 >> lg) as Imm12));
  L.emit(cbnz(sf, RCX, (fast - L.n) as PcOff));
  t.toDone.push(L.n);
  L.emit(branch(0 as PcOff));
  // One element, then back to the chunks (a chunk would have crossed a page).
  for (const w of one) patchTo(L, w, L.n);
  t.emit();
  L.emit(subImm(sf, RCX, RCX, 1 as Imm12));
  L.emit(cbnz(sf, RCX, (fast - L.n) as PcOff));
  t.toDone.push(L.n);
  L.emit(branch(0 as PcOff));
  return slow;
}

/** x86 CMP a, m in sz bytes: NZCV (C inverted), x10 = a - m (PF), x11 = a ^ m (AF: bit 4 of x11 ^ x10). */
function compare(L: Lowerer, sz: number, a: number, m: number): void {
  if (sz >= 4) L.emit(subsShifted(sz === 8 ? 1 : 0, ZR, a, m));
  else {
    // x11 is free as scratch here: AF is rewritten below, before anything can observe it.
    const sh = (32 - 8 * sz) as Uimm6;
    L.emit(lslImm(0, HOST_AF, a, sh));
    L.emit(subsShifted(0, ZR, HOST_AF, m, 0, sh));
  }
  L.emit(eorShifted(1, HOST_AF, a, m)); // AF = bit 4 of x11 ^ x10 (ABI §4)
  L.emit(subShifted(1, HOST_PF, a, m));
}

export const lowerRepMovs = (L: Lowerer, i: number): void => lowerRep(L, i, "movs");
export const lowerRepStos = (L: Lowerer, i: number): void => lowerRep(L, i, "stos");
export const lowerRepLods = (L: Lowerer, i: number): void => lowerRep(L, i, "lods");
export const lowerRepScas = (L: Lowerer, i: number): void => lowerRep(L, i, "scas");
export const lowerRepCmps = (L: Lowerer, i: number): void => lowerRep(L, i, "cmps");
