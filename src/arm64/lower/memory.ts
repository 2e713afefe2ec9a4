/**
 * @file Stage 6 (ARM64 lowering): guest memory accesses (ABI §6, §8, §9). Guest addresses are
 * host addresses. Every access is a plain `ldr`/`str` (folding `x ± constant` into the offset,
 * rule foldAddOffset). Under the `tso` policy a non-stack load is followed by `dmb ishld` and a
 * non-stack store preceded by `dmb ishst`: x86 accesses may be unaligned, and LDAR/STLR/LDAPR
 * trap on an unaligned address on ARMv8.0 (and across 16 bytes even with LSE2), while barriers
 * around plain accesses order them whatever their alignment. Every access gets a fault
 * side-table entry (`L.faultEntry`) right before its word (the barrier cannot fault).
 *
 * On entry: the address value (or its fused add) in registers. On exit: a load's result
 * zero-extended in `L.dest(i)` (the zero register when unused: the access, and its fault, stay).
 *
 *   Load.8 (Add.8 rsp, 8) stack  → ldr x9, [x15, #0x8]
 *   pop rax (postIndex)          → ldr x8, [x15], #0x8
 *   Store.4 rcx, eax (tso)       → dmb ishst; str w8, [x0]
 */
import { OP } from "../../ir/ops.ts";
import type { Simm7s, Simm9, Uimm12s } from "../imm.ts";
import { BARRIER, dmb } from "../isa/system.ts";
import { LDST, PAIR, ldstPair, ldstPost, ldstPre, ldstReg, ldstUimm, ldstUnscaled, type LdSt } from "../isa/load-store.ts";
import { EXTEND } from "../regs.ts";
import { DEAD, EMIT, FUSED } from "./alloc.ts";
import { RULE } from "./rules.ts";
import type { Lowerer } from "./context.ts";
import { constIn } from "./consts.ts";
import { casCmpxchg } from "./atomic.ts";
import { HOST_GPR } from "./regmap.ts";

const LOADS: Record<number, LdSt> = { 1: LDST.LDRB, 2: LDST.LDRH, 4: LDST.LDRW, 8: LDST.LDRX };
const STORES: Record<number, LdSt> = { 1: LDST.STRB, 2: LDST.STRH, 4: LDST.STRW, 8: LDST.STRX };

/** Address a is a 64-bit Add fused as base + index (rule indexAddress), not a constant offset. */
export const indexed = (L: Lowerer, a: number): boolean => L.an.skip[a] === FUSED && L.b.op[a] === OP.Add && !L.b.isConst(L.b.b[a]!);

/**
 * Base register and byte offset of address value a (a fused Add/Sub of a constant folds into the
 * offset), or for an indexed address (rule indexAddress) the base, with the index register and
 * its scale bit (LSL #log2(size), or none) left in `index` / `indexS` for `plain`.
 */
let offset = 0;
let index = -1, indexS: 0 | 1 = 0;
export function base(L: Lowerer, a: number): number {
  const b = L.b;
  index = -1;
  if (indexed(L, a)) {
    const y = b.b[a]!, shifted = L.an.skip[y] === FUSED;
    index = L.reg(shifted ? b.a[y]! : y, false);
    indexS = shifted ? 1 : 0;
    offset = 0;
    return L.reg(b.a[a]!, false);
  }
  if (L.an.skip[a] === FUSED) {
    // The constant in the op's size: a 32-bit guest's 0xffffffe0 is -0x20 (rules.ts addr32).
    const k = constIn(b, b.b[a]!, b.sz[a]!);
    offset = b.op[a] === OP.Add ? k : -k;
    return L.reg(b.a[a]!, false);
  }
  offset = 0;
  // Register 31 is SP as a base: a constant 0 address must be materialised.
  return L.reg(a, false);
}

/** ldr/str with a register offset (indexAddress), a scaled unsigned offset when it fits, else the unscaled (ldur/stur) form (what `base` left). */
export function plain(kind: LdSt, size: number, rt: number, rn: number): number {
  if (index >= 0) return ldstReg(kind, rt, rn, index, EXTEND.UXTX, indexS);
  return offset >= 0 && offset % size === 0 && offset / size <= 0xfff
    ? ldstUimm(kind, rt, rn, (offset / size) as Uimm12s)
    : ldstUnscaled(kind, rt, rn, offset as Simm9);
}

/** The Add fused into load i as its post-index write-back (rules.ts postIndex), or -1. */
function postIndexAdd(L: Lowerer, i: number): number {
  const b = L.b;
  let k = i + 1;
  while (k < b.n && (b.op[k] === OP.Const || b.op[k] === OP.Addr || b.op[k] === OP.GetReg || b.op[k] === OP.Nop)) k++;
  // Fused by postIndex, not by foldAddOffset into a later access ([r] then [r + k] in one
  // instruction, as RETF's offset and selector): postIndex's Add has one use, its SetReg.
  return k < b.n && b.op[k] === OP.Add && L.an.skip[k] === FUSED && b.a[k] === b.a[i] && b.op[L.an.lastUse[k]!] === OP.SetReg ? k : -1;
}

/** Load sz bytes, zero-extended. */
export function lowerLoad(L: Lowerer, i: number): void {
  if (casCmpxchg(L, i)) return;
  const b = L.b, sz = b.sz[i]!;
  const post = L.an.skip[b.a[i]!] === FUSED ? -1 : postIndexAdd(L, i);
  if (post >= 0) { // pop/ret: ldr rt, [home], #k; the Add's value now lives in the home
    const home = L.reg(b.a[i]!), rt = L.dest(i, true);
    L.faultEntry();
    L.emit(ldstPost(LOADS[sz]!, rt, home, constIn(b, b.b[post]!, b.sz[post]!) as Simm9));
    if (L.ordered(b.b[i]!)) L.emit(dmb(BARRIER.ISHLD));
    L.loc[post] = home;
    return;
  }
  const pair = loadPairWith(L, i);
  const rn = base(L, b.a[i]!), rt = L.dest(i, true);
  if (pair && rt === pair[2] && rt !== pair[3]) { // loadPair: ldp into both homes
    const [k, lo, ri, rk] = pair, first = baseOf(L, b.a[i]!)[1] === lo;
    L.faultEntry();
    L.emit(ldstPair(sz === 8 ? PAIR.LDPX : PAIR.LDPW, "offset", first ? ri : rk, first ? rk : ri, rn, (lo / sz) as Simm7s));
    L.loc[k] = rk;
    L.an.skip[k] = FUSED;
    L.fired[RULE.loadPair]!++;
    return;
  }
  L.faultEntry();
  L.emit(plain(LOADS[sz]!, sz, rt, rn));
  // Later loads and stores may not pass this load (x86 TSO: load→load, load→store order).
  if (L.ordered(b.b[i]!)) L.emit(dmb(BARRIER.ISHLD));
}

/** The SetReg that is value v's only use, or -1. */
function onlySetReg(L: Lowerer, v: number): number {
  const j = L.an.lastUse[v]!;
  return L.an.uses[v] === 1 && L.b.op[j] === OP.SetReg && L.b.b[j] === v ? j : -1;
}

/**
 * Rule loadPair: load i and the next load k of the same guest instruction (only constants, folded
 * address adds and i's own SetReg between), same size (4/8) and base, adjacent slots, both plain,
 * each read only by a SetReg of a different guest register, and neither can fault: earlier loads of
 * this instruction from the same base touched a byte at or below the pair and one at or above its
 * end, less than 4 KiB apart. Protection is per page, and every byte between two accessible bytes
 * under a page apart lies on one of their two pages. So the ldp goes straight into both homes, and
 * writing k's home before its place is invisible (nothing until its SetReg reads that register).
 * POPAD: its two probes (the highest and the lowest slot) come first; its middle slots pair up.
 * Returns [k, lower offset, i's home, k's home], or null.
 */
function loadPairWith(L: Lowerer, i: number): [number, number, number, number] | null {
  const b = L.b, sz = b.sz[i]!, { skip, lastUse } = L.an;
  if ((sz !== 4 && sz !== 8) || L.ordered(b.b[i]!)) return null;
  const si = onlySetReg(L, i);
  if (si < 0) return null;
  let k = i + 1;
  while (k < b.n && (k === si || quietBetween(L, k))) k++;
  if (k >= b.n || b.op[k] !== OP.Load || b.sz[k] !== sz || skip[k] !== EMIT || L.ordered(b.b[k]!)) return null;
  const sk = onlySetReg(L, k);
  if (sk < 0 || b.a[sk] === b.a[si]) return null;
  const lo = pairSlot(L, i, k, sz), bi = baseOf(L, b.a[i]!)[0];
  // One base value, not merely one register: the probes below are matched by that value.
  if (Number.isNaN(lo) || bi !== baseOf(L, b.a[k]!)[0]) return null;
  // The probes: earlier loads of this instruction (back to its Guest marker) from the same base.
  let min = Infinity, max = -Infinity;
  for (let m = i - 1; m >= 0 && b.op[m] !== OP.Guest; m--) {
    if (b.op[m] !== OP.Load || skip[m] === DEAD) continue;
    const [bm, om] = baseOf(L, b.a[m]!);
    if (bm !== bi) continue;
    min = Math.min(min, om);
    max = Math.max(max, om + b.sz[m]! - 1);
  }
  if (!(min <= lo && max >= lo + 2 * sz - 1 && max - min < 4096)) return null;
  // k's register: nothing from i to its SetReg reads or writes it, and no earlier read of it is still live.
  const r = b.a[sk]!;
  for (let m = 0; m <= sk; m++) {
    if (b.op[m] !== OP.GetReg && b.op[m] !== OP.SetReg || b.a[m] !== r || m === sk) continue;
    if (m > i || (b.op[m] === OP.GetReg && lastUse[m]! > i)) return null;
  }
  return [k, lo, HOST_GPR[b.a[si]!]!, HOST_GPR[r]!];
}

/** Ops that emit nothing between the two accesses of a pair: constants, folded address adds, dead ops. */
const quietBetween = (L: Lowerer, k: number): boolean => {
  const b = L.b, o = b.op[k]!, skip = L.an.skip[k];
  return o === OP.Const || o === OP.Nop || skip === DEAD || (skip === FUSED && (o === OP.Add || o === OP.Sub));
};

/**
 * The lower offset of accesses i and k (sz bytes each, addresses b.a[i], b.a[k]) when they address
 * one base at adjacent slots an ldp/stp reaches and neither is pre-indexed (push), else NaN.
 */
function pairSlot(L: Lowerer, i: number, k: number, sz: number): number {
  const b = L.b, { skip, uses } = L.an, ai = b.a[i]!, ak = b.a[k]!;
  if (skip[ai] === FUSED && uses[ai] === 2 || skip[ak] === FUSED && uses[ak] === 2) return NaN;
  const [bi, oi] = baseOf(L, ai), [bk, ok] = baseOf(L, ak);
  const same = bi === bk || (b.op[bi] === OP.GetReg && b.op[bk] === OP.GetReg && b.a[bi] === b.a[bk]);
  if (!same || Math.abs(oi - ok) !== sz) return NaN;
  const lo = Math.min(oi, ok);
  return lo % sz !== 0 || lo < -64 * sz || lo > 63 * sz ? NaN : lo;
}

/** Base value (a fused Add/Sub's register operand, else the address itself) and offset of address a. */
function baseOf(L: Lowerer, a: number): [number, number] {
  const b = L.b;
  // An indexed address has no constant offset: it is its own base (it pairs with nothing).
  if (L.an.skip[a] !== FUSED || indexed(L, a)) return [a, 0];
  const k = constIn(b, b.b[a]!, b.sz[a]!);
  return [b.a[a]!, b.op[a] === OP.Add ? k : -k];
}

/**
 * Rule storePair: the next store after store i, if it has the same size (4 or 8) and base, the
 * adjacent offset, is plain (not ordered, not pre-indexed), and only ops that emit nothing sit
 * between (so both belong to one guest instruction: no Guest marker, no fault or exit between;
 * PUSHAD's eight stores). Returns its index and the lower offset, or -1. (Loads: rule loadPair.)
 */
function pairWith(L: Lowerer, i: number): [number, number] {
  const b = L.b, sz = b.sz[i]!;
  if (sz !== 4 && sz !== 8) return [-1, 0];
  let k = i + 1;
  while (k < b.n && (b.op[k] === OP.GetReg || quietBetween(L, k))) k++;
  if (k >= b.n || b.op[k] !== OP.Store || b.sz[k] !== sz || L.an.skip[k] !== EMIT) return [-1, 0];
  if (L.ordered(b.c[i]!) || L.ordered(b.c[k]!)) return [-1, 0];
  const lo = pairSlot(L, i, k, sz);
  return Number.isNaN(lo) ? [-1, 0] : [k, lo];
}

/** Store the low sz bytes of the value. */
export function lowerStore(L: Lowerer, i: number): void {
  const b = L.b, sz = b.sz[i]!, a = b.a[i]!;
  if (L.an.skip[a] === FUSED && L.an.uses[a] === 2) return preIndexStore(L, i, a);
  const [k, lo] = pairWith(L, i);
  if (k >= 0) { // storePair: stp
    const [, oi] = baseOf(L, a), first = oi === lo ? i : k, second = first === i ? k : i;
    // The second store's value may be a GetReg between the two (nothing between writes a guest
    // register): give it its home now, as its own lowering would.
    const vk = b.b[k]!;
    if (vk > i && b.op[vk] === OP.GetReg && L.an.skip[vk] === EMIT) { L.aliasHome(vk, b.a[vk]!); L.an.skip[vk] = FUSED; }
    const rn = base(L, a), r1 = L.reg(b.b[first]!), r2 = L.reg(b.b[second]!);
    L.faultEntry();
    L.emit(ldstPair(sz === 8 ? PAIR.STPX : PAIR.STPW, "offset", r1, r2, rn, (lo / sz) as Simm7s));
    L.an.skip[k] = FUSED;
    L.fired[RULE.storePair]!++;
    return;
  }
  const rn = base(L, a), off = offset, idx = index, s = indexS, rt = L.reg(b.b[i]!);
  (offset = off), (index = idx), (indexS = s);
  // Earlier stores may not pass this store; earlier ordered loads are already fenced by their ishld.
  if (L.ordered(b.c[i]!)) L.emit(dmb(BARRIER.ISHST));
  L.faultEntry();
  L.emit(plain(STORES[sz]!, sz, rt, rn));
}

/** push: `str val, [home, #±k]!`; the address value now lives in the guest home (its SetReg is a no-op). */
function preIndexStore(L: Lowerer, i: number, a: number): void {
  const b = L.b, sz = b.sz[i]!, k = constIn(b, b.b[a]!, b.sz[a]!), home = L.reg(b.a[a]!), rt = L.reg(b.b[i]!);
  L.faultEntry();
  L.emit(ldstPre(STORES[sz]!, rt, home, (b.op[a] === OP.Add ? k : -k) as Simm9));
  L.loc[a] = home;
}
