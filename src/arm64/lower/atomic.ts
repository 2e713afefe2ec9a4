/**
 * @file Stage 6 (ARM64 lowering): the atomic ops `AtomicRmw` (x86 LOCK read-modify-write, XCHG
 * with memory), `AtomicCas` (LOCK CMPXCHG, CMPXCHG8B) and `AtomicCasPair` with `Pair` and
 * `CasPairHi` (CMPXCHG16B). The result is the old memory value;
 * the x86 flags are computed afterwards by ordinary flag ops on it (ops.ts), so nothing here
 * writes NZCV: loops test with `cbz`/`cbnz`, never `cmp` (guest flags stay live across them,
 * and the ADC/SBB forms read C inside the loop).
 *
 * Sequences, by host feature:
 * - LSE (BASELINE): one `ldaddal`/`ldclral`/`ldsetal`/`ldeoral`/`swpal` where the operation maps
 *   (SUB adds the negation, AND clears the complement, ADC adds b + CF, SBB adds -(b + CF), NOT
 *   eors all ones); otherwise (NEG) a loop
 *   `ldr old; new = f(old); casal old', new; cbnz old' ^ old` (sub-word loads and CASALB/H both
 *   zero-extend, so the difference is exact). CMPXCHG: `dmb ish; casal`. No alignment test: x86
 *   allows LOCK on any address, and these raise an alignment fault when it is not naturally
 *   aligned (with FEAT_LSE2, when the access crosses 16 bytes); the runtime's alignment handler
 *   then performs that one host instruction and resumes after it (docs/runtime-abi.md §8,
 *   src/runtime/align.ts), so aligned accesses, nearly all of them, pay nothing.
 * - No LSE: `ldaxr old; new = f(old); stlxr; cbnz; dmb ish` (the Linux LL/SC full-barrier
 *   sequence: the dmb after the release store keeps later accesses behind it). Exclusives cannot
 *   be left to that handler (whether a misaligned STXR faults or just fails when its monitor is
 *   clear is IMPLEMENTATION DEFINED, and qemu fails it: the loop would spin forever), so the
 *   address is tested first (`and` + `cbnz`, never `tst`: the flags are the guest's). Misaligned
 *   inside one aligned 8-byte word: the same LL/SC loop on that whole word, the field rotated to
 *   bit 0 and back (`wordLoop`), so still atomic. Crossing a word (or when the three extra
 *   temporaries it needs are taken): `dmb ish; ldr; new = f(old); str; dmb ish`, ordered like a
 *   LOCK but NOT atomic against another thread writing the same bytes in between. NOTE: such
 *   split locks are rare and slow on x86 too (Linux and Windows can trap them).
 *
 * Why these are as strong as x86 LOCK (a full barrier): the Arm memory model orders an atomic
 * with both acquire and release (`*AL`) against every earlier and later access, as Linux relies
 * on (arch/arm64/include/asm/atomic_lse.h implements its fully ordered atomics with the AL forms
 * and no dmb). A CASAL that fails writes nothing and so has no release half: CMPXCHG issues a
 * `dmb ish` first, since a failed x86 LOCK CMPXCHG still orders earlier stores before later
 * loads. Every load, store, atomic and exclusive gets a fault side-table entry (ABI §9); guest
 * registers and flags are written only by later ops, so a fault leaves the guest state as it was
 * before the instruction (the old value goes to a temporary, never to a guest home).
 *
 * CMPXCHG16B (`AtomicCasPair`, operands as `Pair`s, the old high half read by `CasPairHi`): a
 * misaligned address leaves into `fallback` at the instruction (x86 raises #GP; the runtime runs
 * it another way, which raises it), else `dmb ish; caspal x6, x7, x16, x17` (CASP wants even
 * register pairs: those two are the only even pairs among the temporaries), or, without LSE or
 * when one of those four holds a live value, an `ldaxp`/`stlxp` loop that stores the old value
 * back on a mismatch (only a successful exclusive pair store makes the 16-byte read atomic).
 *
 * The misaligned paths (no LSE) are cold code (`Lowerer.cold`): placed after the block's stubs,
 * entered by the alignment test's `cbnz` and leaving by a `b` back, so the aligned case runs
 * straight through.
 *
 *   AtomicRmw.4 v1, v2, add (LSE)    → ldaddal w27, w6, [x0]
 *   AtomicRmw.4 v1, v2, add (no LSE) → and x9, x0, #3; cbnz x9, slow; top: ldaxr w6, [x0]; add …; stlxr …; cbnz …; dmb ish
 *                                      (after the stubs) slow: the same loop on the enclosing word, or dmb; ldr; add; str; dmb; b done
 */
import { ATOM, OP, OPS, REL } from "../../ir/ops.ts";
import { STATE, STATUS_FLAGS, SYM } from "../../ir/state.ts";
import { tryBitRange, tryLogicalImm, type BitRange, type Imm12, type LogicalImm, type PcOff, type Uimm12s, type Uimm6 } from "../imm.ts";
import { ATOMIC, ORDER, cas, casp, ldAtomic, ldaxp, ldaxr, stlxp, stlxr, swp, type AtomicOp, type Size } from "../isa/atomic.ts";
import { bfi, lslImm, ubfiz } from "../isa/bitfield.ts";
import { b as branch, br, cbnz, cbz, tbnz } from "../isa/branch.ts";
import { adc, addShifted, neg, rorv, sbc, subShifted } from "../isa/data-reg.ts";
import { addImm } from "../isa/data-imm.ts";
import { LDST, ldstUimm, type LdSt } from "../isa/load-store.ts";
import { andImm, andShifted, eorShifted, movReg, mvn, orrShifted } from "../isa/logical.ts";
import { BARRIER, dmb } from "../isa/system.ts";
import { FUSED } from "./alloc.ts";
import { ZR, type Lowerer } from "./context.ts";
import { materialise, movConst } from "./consts.ts";
import { RULE } from "./rules.ts";
import { fixCarryForExit, setCarrySense } from "./flags.ts";
import { HOST_EXIT_RIP, HOST_EXIT_SYM, HOST_STATE, HOST_TEMPS } from "./regmap.ts";

const LOADS: Record<number, LdSt> = { 1: LDST.LDRB, 2: LDST.LDRH, 4: LDST.LDRW, 8: LDST.LDRX };
const STORES: Record<number, LdSt> = { 1: LDST.STRB, 2: LDST.STRH, 4: LDST.STRW, 8: LDST.STRX };
const SIZE: Record<number, Size> = { 1: 0, 2: 1, 4: 2, 8: 3 };
/**
 * The LSE operation of each ATOM kind that has one: SUB adds -b, AND clears ~b, ADC adds b + CF,
 * SBB adds -(b + CF), NOT eors all ones (rules lseCarryAdd, lseNot). NEG has none (a CAS loop).
 */
const LSE_OP: Record<number, AtomicOp> = {
  [ATOM.ADD]: ATOMIC.ADD, [ATOM.SUB]: ATOMIC.ADD, [ATOM.AND]: ATOMIC.CLR, [ATOM.OR]: ATOMIC.SET, [ATOM.XOR]: ATOMIC.EOR,
  [ATOM.ADC]: ATOMIC.ADD, [ATOM.SBB]: ATOMIC.ADD, [ATOM.NOT]: ATOMIC.EOR,
};
const ALIGN_MASK: Record<number, LogicalImm> = { 2: tryLogicalImm(1, 1)!, 4: tryLogicalImm(1, 3)!, 8: tryLogicalImm(1, 7)! };

/** The old value's register: always a temporary (a guest home must not change before the access that may fault). */
function oldReg(L: Lowerer, i: number): number {
  return L.an.uses[i] ? (L.loc[i] = L.pool.take(i)) : L.pool.scratch();
}

/** Emit a placeholder branch word; `land` patches it. */
function placeholder(L: Lowerer): number {
  L.emit(0);
  return L.n - 1;
}

/**
 * The alignment test of a host without LSE, for sz > 1: `and t, ra, #sz-1; cbnz t, <slow>`.
 * Returns the branch word, or -1 (nothing to test: one byte, or LSE, whose misaligned atomics the
 * runtime's alignment handler performs); `Lowerer.cold` patches it (the slow path resumes after the fast one).
 */
function misaligned(L: Lowerer, sz: number, ra: number, t: number): number {
  if (sz === 1 || L.opts.features.lse) return -1;
  L.emit(andImm(1, t, ra, ALIGN_MASK[sz]!));
  return placeholder(L);
}

/** Point the placeholder at `at` to the current word: `cbnz reg` (the misalignment test), or `b` when `reg` < 0. */
function land(L: Lowerer, at: number, reg: number): void {
  const off = (L.n - at) as PcOff;
  L.code[at] = reg < 0 ? branch(off) : cbnz(1, reg, off);
}

/** Plain load / store of sz bytes at [ra] (any alignment), with its fault entry. */
function plainLoad(L: Lowerer, sz: number, rt: number, ra: number): void {
  L.faultEntry();
  L.emit(ldstUimm(LOADS[sz]!, rt, ra, 0 as Uimm12s));
}
function plainStore(L: Lowerer, sz: number, rt: number, ra: number): void {
  L.faultEntry();
  L.emit(ldstUimm(STORES[sz]!, rt, ra, 0 as Uimm12s));
}

/** The value to store for kind applied to (old, rs), computed into t; XCHG stores rs itself. */
function newValue(L: Lowerer, kind: number, sf: 0 | 1, t: number, old: number, rs: number): number {
  switch (kind) {
    case ATOM.ADD: L.emit(addShifted(sf, t, old, rs)); break;
    case ATOM.SUB: L.emit(subShifted(sf, t, old, rs)); break;
    case ATOM.AND: L.emit(andShifted(sf, t, old, rs)); break;
    case ATOM.OR: L.emit(orrShifted(sf, t, old, rs)); break;
    case ATOM.XOR: L.emit(eorShifted(sf, t, old, rs)); break;
    case ATOM.XCHG: return rs;
    // C already holds CF (adc) or NOT CF (sbc), set before the loop; nothing in it writes NZCV.
    case ATOM.ADC: L.emit(adc(sf, t, old, rs)); break;
    case ATOM.SBB: L.emit(sbc(sf, t, old, rs)); break;
    case ATOM.NEG: L.emit(neg(sf, t, old)); break;
    case ATOM.NOT: L.emit(mvn(sf, t, old)); break;
    default: throw new Error(`AtomicRmw: operation ${kind}`);
  }
  return t;
}

/** AtomicRmw.sz a, b, kind: old value of [a]; [a] = kind(old, b), atomically and fully ordered. */
export function lowerAtomicRmw(L: Lowerer, i: number): void {
  const b = L.b, sz = b.sz[i]!, kind = b.c[i]!, sf = sz === 8 ? 1 : 0, size = SIZE[sz]!, v = b.b[i]!;
  if (kind === ATOM.ADC || kind === ATOM.SBB) setCarrySense(L, kind === ATOM.SBB);
  const ra = L.reg(b.a[i]!, false);
  const lse = L.opts.features.lse, single = lse && (LSE_OP[kind] !== undefined || kind === ATOM.XCHG);
  // One LSE instruction writes the old value only when it succeeds, so it may go to the value's
  // home or x11 as a load's does (writeHome, afSourceDest); a loop loads it before its CAS may fault.
  const rd = single && L.an.uses[i] ? L.dest(i, false, ra) : oldReg(L, i), t = L.pool.scratch();
  const slow = misaligned(L, sz, ra, t);
  const unary = kind === ATOM.NEG || kind === ATOM.NOT;
  // atomicOperandImm: ldadd of -k / ldclr of ~k with a constant k materialises that value directly.
  const flipped = lse && (kind === ATOM.SUB || kind === ATOM.AND) && b.op[v] === OP.Const && L.loc[v]! < 0;
  const rs = unary ? ZR : flipped ? -1 : L.reg(v);
  if (single) {
    let src = rs;
    if (flipped) {
      L.fired[RULE.atomicOperandImm]!++;
      const f = BigInt.asUintN(64, kind === ATOM.SUB ? -b.imm(v) : ~b.imm(v));
      movConst(L, (src = t), Number(f & 0xffffffffn), sf ? Number(f >> 32n) : 0);
    } else if (kind === ATOM.SUB) L.emit(neg(sf, (src = t), rs));
    else if (kind === ATOM.AND) L.emit(mvn(sf, (src = t), rs));
    else if (kind === ATOM.ADC || kind === ATOM.SBB) {
      // lseCarryAdd: C holds CF for ADC (b + C = b + CF) and NOT CF for SBB (0 + ~b + C = -(b + CF));
      // the sum is modular, so adding it is the whole operation at any width.
      L.fired[RULE.lseCarryAdd]!++;
      L.emit(kind === ATOM.ADC ? adc(sf, (src = t), rs, ZR) : sbc(sf, (src = t), ZR, rs));
    } else if (kind === ATOM.NOT) {
      L.fired[RULE.lseNot]!++;
      movConst(L, (src = t), 0xffffffff, sf ? 0xffffffff : 0);
    }
    L.faultEntry();
    L.emit(kind === ATOM.XCHG ? swp(size, ORDER.AL, src, rd, ra) : ldAtomic(LSE_OP[kind]!, size, ORDER.AL, src, rd, ra));
  } else {
    const e = L.pool.scratch(), top = L.n;
    if (lse) {
      plainLoad(L, sz, rd, ra);
      const nv = newValue(L, kind, sf, t, rd, rs);
      L.emit(movReg(1, e, rd));
      L.faultEntry();
      L.emit(cas(size, ORDER.AL, e, nv, ra));
      L.emit(eorShifted(1, e, e, rd));
      L.emit(cbnz(1, e, (top - L.n) as PcOff));
    } else {
      L.faultEntry();
      L.emit(ldaxr(size, rd, ra));
      const nv = newValue(L, kind, sf, t, rd, rs);
      L.faultEntry();
      L.emit(stlxr(size, e, nv, ra));
      L.emit(cbnz(0, e, (top - L.n) as PcOff));
      L.emit(dmb(BARRIER.ISH));
    }
    L.pool.release(e);
  }
  if (slow < 0) return;
  // A constant operand was materialised after the alignment branch: the slow path makes its own
  // copy (in t), and its register is free for the word loop.
  const lazy = !unary && rs !== ZR && L.loc[v]! < 0;
  if (lazy && rs >= 0) L.pool.release(rs); // (atomicOperandImm put the operand in t: nothing to release)
  const operand = (): number => (unary ? ZR : lazy ? (materialise(L, v, t), t) : rs);
  L.cold(slow, t, L.n, () => wordLoop(L, sz, ra, rd, t, (rot) => L.emit(bfi(1, rot, newValue(L, kind, 0, t, rd, operand()), range(0, 8 * sz))), () => {
    plainLoad(L, sz, rd, ra);
    plainStore(L, sz, newValue(L, kind, sf, t, rd, operand()), ra);
  }));
}

const WORD_MASK = tryLogicalImm(1, 0xfffffffffffffff8n)!;
const FIELD_MASK: Record<number, LogicalImm> = { 2: tryLogicalImm(1, 0xffff)!, 4: tryLogicalImm(1, 0xffffffff)! };
const range = (lsb: number, width: number): BitRange => tryBitRange(1, lsb, width)!;

/** Temporaries free at this point of the op. */
function freeTemps(L: Lowerer): number {
  let n = 0;
  for (const r of HOST_TEMPS) if (L.pool.isFree(r)) n++;
  return n;
}

/**
 * The misaligned path of a host without LSE (entered with nothing assumed but ra, rd, t). When the
 * access lies inside one aligned 8-byte word ((a & 7) + sz <= 8) and three more temporaries are
 * free: an LL/SC loop on that whole word, the field rotated down to bit 0 (`old` into rd),
 * replaced by `field(rot)`, rotated back, so the access is atomic after all. Otherwise, or when
 * it crosses the word: `fenced()` between two `dmb ish` (ordered, not atomic: a split lock).
 */
function wordLoop(L: Lowerer, sz: number, ra: number, rd: number, t: number, field: (rot: number) => void, fenced: () => void): void {
  let split = -1, after = -1;
  if (sz < 8 && freeTemps(L) >= 3) {
    const a8 = L.pool.scratch(), w = L.pool.scratch(), rot = L.pool.scratch();
    // (a & 7) + sz - 1 has bit 3 set exactly when the field crosses into the next word.
    L.emit(andImm(1, t, ra, ALIGN_MASK[8]!));
    L.emit(addImm(1, t, t, (sz - 1) as Imm12));
    split = placeholder(L);
    L.emit(andImm(1, a8, ra, WORD_MASK));
    const top = L.n;
    L.faultEntry();
    L.emit(ldaxr(3, w, a8));
    L.emit(ubfiz(1, t, ra, range(3, 3)));
    L.emit(rorv(1, rot, w, t));
    L.emit(andImm(1, rd, rot, FIELD_MASK[sz]!));
    field(rot);
    L.emit(ubfiz(1, t, ra, range(3, 3)));
    L.emit(neg(1, t, t));
    L.emit(rorv(1, rot, rot, t));
    L.faultEntry();
    L.emit(stlxr(3, t, rot, a8));
    L.emit(cbnz(0, t, (top - L.n) as PcOff));
    L.emit(dmb(BARRIER.ISH));
    after = placeholder(L);
    L.code[split] = tbnz(t, 3 as Uimm6, (L.n - split) as PcOff);
    for (const r of [a8, w, rot]) L.pool.release(r);
  }
  L.emit(dmb(BARRIER.ISH));
  fenced();
  L.emit(dmb(BARRIER.ISH));
  if (after >= 0) land(L, after, -1);
}

/** w/x `t` = 0 iff the low sz bytes of `old` and `exp` agree (old is zero-extended, exp need not be). */
function differs(L: Lowerer, sz: number, t: number, old: number, exp: number): void {
  L.emit(eorShifted(sz === 8 ? 1 : 0, t, old, exp));
  if (sz < 4) L.emit(lslImm(0, t, t, (32 - 8 * sz) as Uimm6));
}

/** `e` = t == 0 ? new : old (x86 writes the old value back when the comparison fails). */
function pick(L: Lowerer, e: number, t: number, rnew: number, old: number): void {
  L.emit(movReg(1, e, rnew));
  L.emit(cbz(1, t, 2 as PcOff));
  L.emit(movReg(1, e, old));
}

/** AtomicCas.sz a, exp, new: old value of [a]; [a] = new if old == exp; atomic and fully ordered. */
export function lowerAtomicCas(L: Lowerer, i: number): void {
  const b = L.b, sz = b.sz[i]!, size = SIZE[sz]!;
  const ra = L.reg(b.a[i]!, false), rexp = L.reg(b.b[i]!), rnew = L.reg(b.c[i]!);
  const rd = oldReg(L, i), t = L.pool.scratch();
  const slow = misaligned(L, sz, ra, t);
  if (L.opts.features.lse) {
    // A failing CASAL has no release half; x86 LOCK CMPXCHG is a full barrier either way.
    L.emit(dmb(BARRIER.ISH));
    L.emit(movReg(1, rd, rexp));
    L.faultEntry();
    L.emit(cas(size, ORDER.AL, rd, rnew, ra));
  } else {
    const e = L.pool.scratch(), top = L.n;
    L.faultEntry();
    L.emit(ldaxr(size, rd, ra));
    differs(L, sz, t, rd, rexp);
    pick(L, e, t, rnew, rd);
    L.faultEntry();
    L.emit(stlxr(size, t, e, ra));
    L.emit(cbnz(0, t, (top - L.n) as PcOff));
    L.emit(dmb(BARRIER.ISH));
    L.pool.release(e);
  }
  if (slow < 0) return;
  L.cold(slow, t, L.n, () => wordLoop(L, sz, ra, rd, t, (rot) => {
    // A mismatch stores the word back unchanged (x86 writes the old value back).
    differs(L, sz, t, rd, rexp);
    L.emit(cbnz(1, t, 2 as PcOff));
    L.emit(bfi(1, rot, rnew, range(0, 8 * sz)));
  }, () => {
    const e = L.pool.scratch();
    plainLoad(L, sz, rd, ra);
    differs(L, sz, t, rd, rexp);
    pick(L, e, t, rnew, rd);
    plainStore(L, sz, e, ra);
  }));
}

/**
 * Rule casCmpxchg: an unlocked CMPXCHG with memory as the semantics build it, `old = Load a; c =
 * Cmp eq exp, old; s = Select c, new, old; Store a, s` with only pure ops between, is one CAS on an
 * LSE host: `mov old, exp; cas old, new, [a]` (casal where the access is ordered, TSO). Atomic
 * where x86 is not (never wrong), and x86 writes the old value back on a mismatch where CAS writes
 * nothing: the same memory either way; a write-protected page faults on either (the runtime's
 * alignment handler checks write permission first, ABI §8). Called by lowerLoad for op i; marks
 * the Cmp, Select and Store lowered here. Returns whether it applied.
 */
export function casCmpxchg(L: Lowerer, i: number): boolean {
  const b = L.b, an = L.an;
  if (!L.opts.features.lse || an.uses[i] === 0) return false;
  const sz = b.sz[i]!, a = b.a[i]!;
  // The semantics put the Cmp, the Select and the Store right after the Load (a Nop or a Const between at most).
  let j = i + 1;
  for (; j < b.n && j <= i + 6 && b.op[j] !== OP.Store; j++) if (b.op[j] !== OP.Nop && !OPS[b.op[j]!]!.pure) return false;
  if (j >= b.n || b.op[j] !== OP.Store || b.a[j] !== a || b.sz[j] !== sz || b.c[j] !== b.b[i]) return false;
  const s = b.b[j]!;
  if (b.op[s] !== OP.Select || s < i || an.uses[s] !== 1 || b.c[s] !== i || b.b[s] === i) return false;
  const c = b.a[s]!;
  if (b.op[c] !== OP.Cmp || c < i || b.a[c] !== REL.EQ || b.sz[c] !== sz || an.uses[c] !== 1) return false;
  const exp = b.b[c] === i ? b.c[c]! : b.b[c]!, nw = b.b[s]!;
  if ((b.b[c] !== i && b.c[c] !== i) || exp === i || exp > i || nw > i) return false;
  const ra = L.reg(a, false), rexp = L.reg(exp), rnew = L.reg(nw), rd = oldReg(L, i);
  L.emit(movReg(1, rd, rexp));
  L.faultEntry();
  L.emit(cas(SIZE[sz]!, L.ordered(b.b[i]!) ? ORDER.AL : ORDER.NONE, rd, rnew, ra));
  an.skip[c] = FUSED;
  an.skip[s] = FUSED;
  an.skip[j] = FUSED;
  L.fired[RULE.casCmpxchg]!++;
  return true;
}

// ── CMPXCHG16B ──

/** Pair: nothing to emit; its user reads both operands, so their last use moves there (as a fused op's). */
export function lowerPair(L: Lowerer, i: number): void {
  const an = L.an, user = an.lastUse[i]!, b = L.b;
  for (const v of [b.a[i]!, b.b[i]!]) if (an.lastUse[v]! < user) an.lastUse[v] = user;
  an.skip[i] = FUSED;
}

/** CasPairHi: its register was assigned by the AtomicCasPair before it. */
export function lowerCasPairHi(L: Lowerer, i: number): void {
  if (L.loc[i]! < 0) throw new Error(`CasPairHi v${i}: no AtomicCasPair gave it a register`);
}

/** The CasPairHi reading AtomicCasPair i with a use, or -1. */
function highOf(L: Lowerer, i: number): number {
  const b = L.b;
  for (let j = i + 1; j < b.n; j++) if (b.op[j] === OP.CasPairHi && b.a[j] === i) return L.an.uses[j] ? j : -1;
  return -1;
}

/** `and t, ra, #15; cbnz t, <cold: x16 = rip; exit to fallback>` (x86 #GP on a misaligned CMPXCHG16B). */
function gpUnlessAligned(L: Lowerer, ra: number, rip: number): void {
  const t = L.pool.scratch();
  L.emit(andImm(1, t, ra, tryLogicalImm(1, 15)!));
  const at = placeholder(L);
  L.pool.release(t);
  // Out of line (it leaves the block): temporaries may be clobbered; C must hold CF (ABI §4).
  L.cold(at, t, -1, () => {
    fixCarryForExit(L, STATUS_FLAGS, L.cInv, HOST_EXIT_SYM);
    materialise(L, rip, HOST_EXIT_RIP);
    L.emit(ldstUimm(LDST.LDRX, HOST_EXIT_SYM, HOST_STATE, (STATE.SYMBOLS / 8 + SYM.fallback) as Uimm12s));
    L.emit(br(HOST_EXIT_SYM));
  });
}

/** AtomicCasPair a, Pair(expLo, expHi), Pair(newLo, newHi), rip: old low half; CasPairHi the high half. */
export function lowerAtomicCasPair(L: Lowerer, i: number): void {
  const b = L.b, p = b.b[i]!, q = b.c[i]!, hiOp = highOf(L, i);
  const ra = L.reg(b.a[i]!, false);
  gpUnlessAligned(L, ra, b.d[i]!);
  const pool = L.pool;
  if (L.opts.features.lse && pool.isFree(6) && pool.isFree(7) && pool.isFree(16) && pool.isFree(17)) {
    // CASP compares and returns in Xs, Xs+1 and stores Xt, Xt+1 (s, t even).
    const lo = L.pool.scratchReg(6), hi = L.pool.scratchReg(7), nlo = L.pool.scratchReg(16), nhi = L.pool.scratchReg(17);
    L.emit(movReg(1, lo, L.reg(b.a[p]!)));
    L.emit(movReg(1, hi, L.reg(b.b[p]!)));
    L.emit(movReg(1, nlo, L.reg(b.a[q]!)));
    L.emit(movReg(1, nhi, L.reg(b.b[q]!)));
    // A failing CASPAL has no release half; x86 CMPXCHG16B (LOCK or not: we give it LOCK's order) fences either way.
    L.emit(dmb(BARRIER.ISH));
    L.faultEntry();
    L.emit(casp(3, ORDER.AL, lo, nlo, ra));
    if (L.an.uses[i]) own(L, i, lo);
    if (hiOp >= 0) own(L, hiOp, hi);
    return;
  }
  const lo = oldReg(L, i), hi = hiOp >= 0 ? (L.loc[hiOp] = L.pool.take(hiOp)) : L.pool.scratch();
  const t = L.pool.scratch(), u = L.pool.scratch(), top = L.n;
  L.faultEntry();
  L.emit(ldaxp(3, lo, hi, ra));
  L.emit(eorShifted(1, t, lo, L.reg(b.a[p]!)));
  L.emit(eorShifted(1, u, hi, L.reg(b.b[p]!)));
  L.emit(orrShifted(1, t, t, u));
  const fail = placeholder(L);
  L.faultEntry();
  L.emit(stlxp(3, t, L.reg(b.a[q]!), L.reg(b.b[q]!), ra));
  L.emit(cbnz(0, t, (top - L.n) as PcOff));
  const done = placeholder(L);
  land(L, fail, t);
  L.faultEntry();
  L.emit(stlxp(3, t, lo, hi, ra));
  L.emit(cbnz(0, t, (top - L.n) as PcOff));
  land(L, done, -1);
  L.emit(dmb(BARRIER.ISH));
}

/** Hand scratch register r (taken with scratchReg) to value v for the rest of its life. */
function own(L: Lowerer, v: number, r: number): void {
  L.pool.release(r);
  L.loc[v] = L.pool.take(v, r);
}
