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
import type { Simm9, Uimm12s } from "../imm.ts";
import { BARRIER, dmb } from "../isa/system.ts";
import { LDST, ldstPost, ldstPre, ldstUimm, ldstUnscaled, type LdSt } from "../isa/load-store.ts";
import { FUSED } from "./alloc.ts";
import type { Lowerer } from "./context.ts";
import { constIn } from "./consts.ts";

const LOADS: Record<number, LdSt> = { 1: LDST.LDRB, 2: LDST.LDRH, 4: LDST.LDRW, 8: LDST.LDRX };
const STORES: Record<number, LdSt> = { 1: LDST.STRB, 2: LDST.STRH, 4: LDST.STRW, 8: LDST.STRX };

/** Base register and byte offset of address value a (a fused Add/Sub of a constant folds into the offset). */
let offset = 0;
export function base(L: Lowerer, a: number): number {
  const b = L.b;
  if (L.an.skip[a] === FUSED) {
    const k = constIn(b, b.b[a]!, 8);
    offset = b.op[a] === OP.Add ? k : -k;
    return L.reg(b.a[a]!, false);
  }
  offset = 0;
  // Register 31 is SP as a base: a constant 0 address must be materialised.
  return L.reg(a, false);
}

/** ldr/str with a scaled unsigned offset when it fits, else the unscaled (ldur/stur) form (the offset `base` left). */
export function plain(kind: LdSt, size: number, rt: number, rn: number): number {
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
  const b = L.b, sz = b.sz[i]!;
  const post = L.an.skip[b.a[i]!] === FUSED ? -1 : postIndexAdd(L, i);
  if (post >= 0) { // pop/ret: ldr rt, [home], #k; the Add's value now lives in the home
    const home = L.reg(b.a[i]!), rt = L.dest(i, true);
    L.faultEntry();
    L.emit(ldstPost(LOADS[sz]!, rt, home, constIn(b, b.b[post]!, 8) as Simm9));
    if (L.ordered(b.b[i]!)) L.emit(dmb(BARRIER.ISHLD));
    L.loc[post] = home;
    return;
  }
  const rn = base(L, b.a[i]!), rt = L.dest(i, true);
  L.faultEntry();
  L.emit(plain(LOADS[sz]!, sz, rt, rn));
  // Later loads and stores may not pass this load (x86 TSO: load→load, load→store order).
  if (L.ordered(b.b[i]!)) L.emit(dmb(BARRIER.ISHLD));
}

/** Store the low sz bytes of the value. */
export function lowerStore(L: Lowerer, i: number): void {
  const b = L.b, sz = b.sz[i]!, a = b.a[i]!;
  if (L.an.skip[a] === FUSED && L.an.uses[a] === 2) return preIndexStore(L, i, a);
  const rn = base(L, a), off = offset, rt = L.reg(b.b[i]!);
  offset = off;
  // Earlier stores may not pass this store; earlier ordered loads are already fenced by their ishld.
  if (L.ordered(b.c[i]!)) L.emit(dmb(BARRIER.ISHST));
  L.faultEntry();
  L.emit(plain(STORES[sz]!, sz, rt, rn));
}

/** push: `str val, [home, #±k]!`; the address value now lives in the guest home (its SetReg is a no-op). */
function preIndexStore(L: Lowerer, i: number, a: number): void {
  const b = L.b, sz = b.sz[i]!, k = constIn(b, b.b[a]!, 8), home = L.reg(b.a[a]!), rt = L.reg(b.b[i]!);
  L.faultEntry();
  L.emit(ldstPre(STORES[sz]!, rt, home, (b.op[a] === OP.Add ? k : -k) as Simm9));
  L.loc[a] = home;
}
