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
import type { Imm12, Simm7s, Simm9, Uimm12s } from "../imm.ts";
import { BARRIER, dmb } from "../isa/system.ts";
import { LDST, PAIR, ldstPair, ldstPost, ldstPre, ldstReg, ldstUimm, ldstUnscaled, type LdSt } from "../isa/load-store.ts";
import { EXTEND } from "../regs.ts";
import { DEAD, EMIT, FUSED } from "./alloc.ts";
import { RULE, fitsOffset } from "./rules.ts";
import type { Lowerer } from "./context.ts";
import { constIn, fromBase, heldBase, imageBasePlus } from "./consts.ts";
import { casCmpxchg } from "./atomic.ts";
import { HOST_GPR } from "./regmap.ts";
import { addImm } from "../isa/data-imm.ts";

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
export function base(L: Lowerer, a: number, size = 0): number {
  const b = L.b;
  index = -1;
  if (a === L.picBase && L.picDelta && L.loc[a]! >= 0) {
    // The base register holds the Addr less its low bits (rules.ts baseDelta): they are the offset.
    offset = L.picDelta;
    L.fired[RULE.addrOffset]!++;
    if (size) return L.loc[a]!;
    const t = L.pool.scratch();
    L.emit(addImm(1, t, L.loc[a]!, L.picDelta as Imm12));
    offset = 0;
    return t;
  }
  if (size && b.op[a] === OP.Addr && L.opts.pic && L.loc[a]! < 0) {
    const r = addrOffset(L, a, size);
    if (r >= 0) return r;
  }
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


/**
 * Rule addrOffset: the base register of guest address a (an Addr, not in a register) for an
 * access of `size` bytes, its offset left in `offset`: the held base of rule picBase when the
 * distance fits the access, else the image base plus a's RVA above its low 12 bits, which go into
 * the offset (`ldr x9, [x12, #0xb8]; add x9, x9, #0x56, lsl #12; ldr w8, [x9, #0x788]`). -1 when
 * neither fits (materialised as usual).
 */
function addrOffset(L: Lowerer, a: number, size: number): number {
  const held = heldBase(L, a);
  if (held >= 0) {
    const d = fromBase(L, a);
    if (!fitsOffset(d, size)) return -1;
    offset = d;
    L.fired[RULE.addrOffset]!++;
    return held;
  }
  if (a === L.picBase || L.opts.imageBase === undefined) return -1;
  const rva = Number(L.b.imm(a) - L.opts.imageBase), lo = rva & 0xfff;
  if (rva < 0 || rva >= 0x1000000 || !fitsOffset(lo, size)) return -1;
  const t = L.pool.scratch();
  imageBasePlus(L, t, rva - lo);
  offset = lo;
  L.fired[RULE.addrOffset]!++;
  return t;
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
    const home = L.reg(b.a[i]!);
    const j2 = popPartner(L, i, post);
    if (j2 >= 0) { // popPair: ldp first, second, [home], #2sz, straight into both homes
      const p2 = postIndexAdd(L, j2), r1 = HOST_GPR[b.a[onlySetReg(L, i)]!]!, r2 = HOST_GPR[b.a[onlySetReg(L, j2)]!]!;
      L.pairFaultEntry(j2);
      L.emit(ldstPair(sz === 8 ? PAIR.LDPX : PAIR.LDPW, "post", r1, r2, home, 2 as Simm7s));
      L.loc[post] = home;
      L.loc[p2] = home;
      L.loc[i] = r1;
      L.loc[j2] = r2;
      L.an.skip[j2] = FUSED;
      L.fired[RULE.popPair]!++;
      return;
    }
    const rt = L.dest(i, true);
    L.faultEntry();
    L.emit(ldstPost(LOADS[sz]!, rt, home, constIn(b, b.b[post]!, b.sz[post]!) as Simm9));
    if (L.ordered(b.b[i]!)) L.emit(dmb(BARRIER.ISHLD));
    L.loc[post] = home;
    return;
  }
  const pair = loadPairWith(L, i);
  const rn = base(L, b.a[i]!, pair ? 0 : b.sz[i]!), rt = L.dest(i, true);
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
    // register): give it its home now, as its own lowering would (and later finds done; other
    // ops may read that value too, reg-cse).
    const vk = b.b[k]!;
    if (vk > i && b.op[vk] === OP.GetReg && L.an.skip[vk] === EMIT) L.aliasHome(vk, b.a[vk]!);
    const rn = base(L, a), r1 = L.reg(b.b[first]!), r2 = L.reg(b.b[second]!);
    L.faultEntry();
    L.emit(ldstPair(sz === 8 ? PAIR.STPX : PAIR.STPW, "offset", r1, r2, rn, (lo / sz) as Simm7s));
    L.an.skip[k] = FUSED;
    L.fired[RULE.storePair]!++;
    return;
  }
  const rn = base(L, a, sz), off = offset, idx = index, s = indexS, rt = L.reg(b.b[i]!);
  (offset = off), (index = idx), (indexS = s);
  // Earlier stores may not pass this store; earlier ordered loads are already fenced by their ishld.
  if (L.ordered(b.c[i]!)) L.emit(dmb(BARRIER.ISHST));
  L.faultEntry();
  L.emit(plain(STORES[sz]!, sz, rt, rn));
}

/** push: `str val, [home, #±k]!`; the address value now lives in the guest home (its SetReg is a no-op). */
function preIndexStore(L: Lowerer, i: number, a: number): void {
  const b = L.b, sz = b.sz[i]!, k = constIn(b, b.b[a]!, b.sz[a]!), home = L.reg(b.a[a]!), rt = L.reg(b.b[i]!);
  const k2 = pushPartner(L, i, a);
  if (k2 >= 0) { // pushPair: stp second, first, [home, #-2sz]!
    const v2 = b.b[k2]!, a2 = b.a[k2]!;
    // The second value may be a register read between the two pushes: give it its home now (its
    // own lowering later finds it aliased already; other ops may read it too, reg-cse).
    if (v2 > i && b.op[v2] === OP.GetReg && L.an.skip[v2] === EMIT) L.aliasHome(v2, b.a[v2]!);
    L.pairFaultEntry(k2);
    L.emit(ldstPair(sz === 8 ? PAIR.STPX : PAIR.STPW, "pre", L.reg(v2), rt, home, -2 as Simm7s));
    L.loc[a] = home;
    L.loc[a2] = home;
    L.an.skip[k2] = FUSED;
    L.fired[RULE.pushPair]!++;
    return;
  }
  L.faultEntry();
  L.emit(ldstPre(STORES[sz]!, rt, home, (b.op[a] === OP.Add ? k : -k) as Simm9));
  L.loc[a] = home;
}

/**
 * Rule pushPair: push i (store i pre-indexed by -sz from r's home, its write of r right after) is
 * followed, with only its marker and ops that emit nothing between, by another push of the same
 * size from r's new value (the next guest instruction, as markFusions' preIndex fused it): both
 * are one `stp second, first, [r, #-2sz]!`, with a pair entry in the fault side table (both
 * instructions: the runtime reports the one x86 faults on, ABI §9). The second value is read
 * early, which is the same when nothing between writes a register (only r's write, by i).
 * Returns the second store's index, or -1.
 */
function pushPartner(L: Lowerer, i: number, a: number): number {
  const b = L.b, sz = b.sz[i]!, r = b.a[b.a[a]!]!;
  if ((sz !== 4 && sz !== 8) || b.op[a] !== OP.Sub || constIn(b, b.b[a]!, b.sz[a]!) !== sz || L.ordered(b.c[i]!)) return -1;
  let j = i + 1;
  while (j < b.n && b.op[j] === OP.Nop) j++;
  if (b.op[j] !== OP.SetReg || b.a[j] !== r || b.b[j] !== a) return -1;
  let k = j + 1, base2 = -1, markers = 0;
  for (; k < b.n; k++) {
    const o = b.op[k]!;
    if (o === OP.GetReg && b.a[k] === r) {
      if (base2 >= 0) return -1;
      base2 = k;
    } else if (o === OP.Guest) markers++;
    else if (!(o === OP.Nop || o === OP.Const || o === OP.GetReg || (o === OP.Sub && L.an.skip[k] === FUSED))) break;
  }
  if (markers !== 1) return -1;
  if (k >= b.n || b.op[k] !== OP.Store || b.sz[k] !== sz || L.an.skip[k] !== EMIT || L.ordered(b.c[k]!)) return -1;
  const a2 = b.a[k]!, v2 = b.b[k]!;
  if (b.op[a2] !== OP.Sub || L.an.skip[a2] !== FUSED || L.an.uses[a2] !== 2 || b.a[a2] !== base2 || L.an.lastUse[base2]! > k) return -1;
  if (constIn(b, b.b[a2]!, b.sz[a2]!) !== sz || (b.op[v2] === OP.GetReg && b.a[v2] === r)) return -1;
  return v2 < i || b.op[v2] === OP.GetReg || b.op[v2] === OP.Const || b.op[v2] === OP.Addr ? k : -1;
}

/**
 * Rule popPair: pop i (load i post-indexed by +sz from r's home, its Add `post`) is followed, with
 * only markers, ops that emit nothing and the two writes of that pop between, by another pop of
 * the same size from r's new value (the next guest instruction): one
 * `ldp first, second, [r], #2sz` into both destinations' homes. Each load's value is read only by
 * the SetReg of its own register (neither r, nor each other's: ldp needs distinct registers, and
 * r as one is `pop rsp`), and no read of either destination's old value lives past i (their homes
 * are written at once). Its fault side-table entry is a pair, as pushPair's. Returns the second
 * load's index, or -1.
 */
function popPartner(L: Lowerer, i: number, post: number): number {
  const b = L.b, sz = b.sz[i]!, x = b.a[i]!, r = b.a[x]!, { lastUse } = L.an;
  if ((sz !== 4 && sz !== 8) || constIn(b, b.b[post]!, b.sz[post]!) !== sz || L.ordered(b.b[i]!)) return -1;
  const s1 = onlySetReg(L, i);
  if (s1 < 0 || b.a[s1] === r) return -1;
  let k = i + 1, base2 = -1, markers = 0;
  for (; k < b.n; k++) {
    const o = b.op[k]!;
    if (o === OP.GetReg) {
      if (b.a[k] !== r || base2 >= 0) return -1;
      base2 = k;
    } else if (o === OP.SetReg) {
      if (!(k === s1 || (b.a[k] === r && b.b[k] === post))) return -1;
    } else if (o === OP.Guest) markers++;
    else if (!(o === OP.Nop || o === OP.Const || k === post)) break;
  }
  if (markers !== 1) return -1;
  if (k >= b.n || b.op[k] !== OP.Load || b.a[k] !== base2 || b.sz[k] !== sz || L.an.skip[k] !== EMIT || L.ordered(b.b[k]!)) return -1;
  const p2 = postIndexAdd(L, k), s2 = onlySetReg(L, k);
  if (p2 < 0 || constIn(b, b.b[p2]!, b.sz[p2]!) !== sz || s2 < 0 || b.a[s2] === r || b.a[s2] === b.a[s1]) return -1;
  for (let v = 0; v < i; v++) if (b.op[v] === OP.GetReg && (b.a[v] === b.a[s1] || b.a[v] === b.a[s2]) && lastUse[v]! > i) return -1;
  for (let v = k + 1; v < s2; v++) if (b.op[v] === OP.GetReg && b.a[v] === b.a[s2]) return -1;
  return k;
}
