/**
 * @file Stage 6 (ARM64 lowering): constants, guest addresses and guest registers. `Const` and
 * `Addr` emit nothing where they are defined: each use materialises them (or folds them into an
 * immediate form, rules.ts). `Addr` is position independent when `opts.pic` (ABI §7):
 * `ldr xT, [x12, #0xb8]` (the image's actual base) plus the rva in one or two `add`s. `GetReg`
 * aliases the guest home register; `SetReg` copies into it unless the value was computed there.
 *
 *   materialise(L, v, 16);      // x16 = the Const/Addr v
 *   constIn(b, v, 4)            // Const v as a signed 32-bit number (NaN beyond ±2^31)
 */
import type { IrBlock } from "../../ir/block.ts";
import { OP } from "../../ir/ops.ts";
import { FUSED } from "./alloc.ts";
import { STATE } from "../../ir/state.ts";
import type { Hw, Imm12, Imm16, Uimm12s } from "../imm.ts";
import { addImm, subImm } from "../isa/data-imm.ts";
import { addShifted } from "../isa/data-reg.ts";
import { LDST, ldstUimm } from "../isa/load-store.ts";
import { movReg } from "../isa/logical.ts";
import { movImm, movn, movz } from "../isa/move-wide.ts";
import type { Lowerer } from "./context.ts";
import { HOST_GPR, HOST_STATE } from "./regmap.ts";
import { RULE } from "./rules.ts";

/**
 * Const v read as a signed number of `sz` bytes (sz 8: NaN unless it fits in ±2^31; rules only
 * need small constants).
 */
/** An add/sub immediate for |k|: imm12 | (sh << 12), or -1. */
export function imm12Of(k: number): number {
  const m = Math.abs(k);
  if (m <= 0xfff) return m;
  if ((m & 0xfff) === 0 && m <= 0xfff000) return (m >>> 12) | 0x1000;
  return -1;
}

/**
 * Does ADD/SUB op j take an immediate form in alu.ts (imm12 for 32/64 bits or without NZCV,
 * subWordImm's 1..255 for 16 bits)? Those read the first operand only after `afBegin`, which then
 * writes nothing for a constant with bit 4 clear.
 */
export function addSubImmediate(b: IrBlock, j: number, nzcvDefined: boolean): boolean {
  const y = b.b[j]!, sz = b.sz[j]!;
  if (!b.isConst(y)) return false;
  const k = constIn(b, y, sz);
  if ((sz >= 4 || !nzcvDefined) && !Number.isNaN(k) && imm12Of(k) >= 0) return true;
  return sz === 2 && k >= 1 && k <= 255;
}

export function constIn(b: IrBlock, v: number, sz: number): number {
  const lo = b.lo[v]!, hi = b.hi[v]!;
  switch (sz) {
    case 1: return (lo << 24) >> 24;
    case 2: return (lo << 16) >> 16;
    case 4: return lo | 0;
    default:
      if (hi === 0 && lo < 0x80000000) return lo;
      if (hi === 0xffffffff && lo >= 0x80000000) return lo - 0x1_0000_0000;
      return NaN;
  }
}

/** Write the 64-bit value hi:lo into r with the fewest move-wide/bitmask instructions. */
export function movConst(L: Lowerer, r: number, lo: number, hi: number): void {
  if (hi === 0 && lo <= 0xffff) return L.emit(movz(0, r, lo as Imm16));
  if (hi === 0 && (lo & 0xffff) === 0) return L.emit(movz(0, r, (lo >>> 16) as Imm16, 1 as Hw));
  if (hi === 0xffffffff && lo >= 0xffff0000) return L.emit(movn(1, r, (~lo & 0xffff) as Imm16));
  // movImm searches bitmask immediates with BigInt arithmetic (most of the lowering's time on real
  // code); its answer for a value is the same whatever the register, which is bits 0-4 of every
  // word it emits (MOVZ/MOVN/MOVK Rd, ORR Rd, xzr, #imm), so remember it with Rd = 0.
  // Keys are exact doubles only below 2^53: larger values (rare: hi >= 2^21) are not cached.
  const exact = hi < 0x200000;
  const key = hi * 0x1_0000_0000 + lo;
  let words = exact ? MOV_CACHE.get(key) : undefined;
  if (!words) {
    words = Uint32Array.from(movImm(hi ? 1 : 0, 0, (BigInt(hi) << 32n) | BigInt(lo)));
    if (exact) {
      if (MOV_CACHE.size > 65536) MOV_CACHE.clear();
      MOV_CACHE.set(key, words);
    }
  }
  for (let k = 0; k < words.length; k++) L.emit((words[k]! | r) >>> 0);
}

/** movImm's words per value below 2^53 (Rd = 0), keyed by hi * 2^32 + lo. */
const MOV_CACHE = new Map<number, Uint32Array>();

/** x[r] = x[src] + delta for |delta| < 2^24 (one or two add/sub immediates; `add r, src, #0` is a move). */
function addDelta(L: Lowerer, r: number, src: number, delta: number): void {
  const f = delta < 0 ? subImm : addImm, d = Math.abs(delta);
  if (d & 0xfff || d === 0) {
    L.emit(f(1, r, src, (d & 0xfff) as Imm12));
    src = r;
  }
  if (d >>> 12) L.emit(f(1, r, src, (d >>> 12) as Imm12, 1));
}

/** Rule picBase: the register holding the block's base, while guest address v (not the base itself) may use it; else -1. */
export function heldBase(L: Lowerer, v: number): number {
  const pb = L.picBase;
  return pb >= 0 && pb !== v && L.cur <= L.an.lastUse[pb]! ? L.loc[pb]! : -1;
}

/** Guest address v less what heldBase's register holds (the base's Addr less its low bits, rules.ts baseDelta). */
export const fromBase = (L: Lowerer, v: number): number => Number(L.b.imm(v) - L.b.imm(L.picBase)) + L.picDelta;

/** r = STATE.IMAGE_BASE + delta for |delta| < 2^24 (ABI §7). */
export function imageBasePlus(L: Lowerer, r: number, delta: number): void {
  L.emit(ldstUimm(LDST.LDRX, r, HOST_STATE, (STATE.IMAGE_BASE / 8) as Uimm12s));
  if (delta !== 0) addDelta(L, r, r, delta);
}

/** Materialise the Const/Addr v into register r. */
export function materialise(L: Lowerer, v: number, r: number): void {
  const b = L.b;
  if (b.op[v] === OP.Addr && L.opts.pic) {
    const base = L.opts.imageBase;
    if (base === undefined) throw new Error("arm64 lowering: pic needs opts.imageBase (the image's preferred base)");
    // Rule picBase: from the block's base address while its register is held (rules.ts).
    const held = heldBase(L, v);
    if (held >= 0) {
      const d = fromBase(L, v);
      if (Math.abs(d) < 0x1000000) {
        L.fired[RULE.picBase]!++;
        return addDelta(L, r, held, d);
      }
    }
    // The base of rule picBase less its low bits when its accesses take them (rules.ts baseDelta).
    const rva = Number(b.imm(v) - base) - (v === L.picBase ? L.picDelta : 0);
    if (Math.abs(rva) < 0x1000000) {
      imageBasePlus(L, r, rva);
    } else {
      L.emit(ldstUimm(LDST.LDRX, r, HOST_STATE, (STATE.IMAGE_BASE / 8) as Uimm12s));
      const t = L.pool.scratch();
      const u = BigInt.asUintN(64, BigInt(rva));
      movConst(L, t, Number(u & 0xffffffffn), Number(u >> 32n));
      L.emit(addShifted(1, r, r, t));
    }
    return;
  }
  movConst(L, r, b.lo[v]!, b.hi[v]!);
}

// ── Nop / Guest / Const / Addr ──

/** Nothing. */
export function lowerNop(): void {}

/** A guest instruction starts: later faults report it (ABI §9). */
export function lowerGuest(L: Lowerer, i: number): void {
  // Blocks are far shorter than 4 GiB: the low halves' difference is the offset.
  L.guestOff = (L.b.lo[i]! - L.startLo) >>> 0;
  L.stale = L.b.fm[i]!;
}

/** Lazy: materialised at each use (or folded into an immediate form); rule picBase's Addr now, into its register. */
export function lowerConst(L: Lowerer, i: number): void {
  if (i === L.picBase && L.picHome < 0) materialise(L, i, L.dest(i));
}

// ── GetReg / SetReg ──

/** The value is the guest register's home (ABI §3), no instruction. */
export function lowerGetReg(L: Lowerer, i: number): void {
  // A store pair may have aliased it already (memory.ts storePair, pushPair).
  if (L.aliasOf[i]! >= 0) return;
  L.aliasHome(i, L.b.a[i]!);
}

/** Write the guest home: nothing when the value is already there (writeHome), else one move. */
export function lowerSetReg(L: Lowerer, i: number): void {
  const b = L.b, r = b.a[i]!, v = b.b[i]!, home = HOST_GPR[r]!;
  if (L.loc[v] === home && (L.aliasOf[v]! < 0 || L.aliasOf[v] === r)) return;
  L.evictAliases(r, i);
  if (L.loc[v]! < 0 && (b.op[v] === OP.Const || b.op[v] === OP.Addr) && !(b.op[v] === OP.Const && b.lo[v] === 0 && b.hi[v] === 0)) {
    L.fired[RULE.constToHome]!++;
    materialise(L, v, home);
    // Rule picBase with the base in this home: later addresses are computed from it (rules.ts).
    if (v === L.picBase && r === L.picHome) L.loc[v] = home;
    return;
  }
  L.emit(movReg(1, home, L.reg(v)));
}

/** True when value v is already zero-extended from n bytes (a load of <= n bytes, a field of <= n bytes, a 32-bit op result). */
export function zeroExtended(L: Lowerer, v: number, n: number): boolean {
  const b = L.b, o = b.op[v]!;
  if (o === OP.Load) return b.sz[v]! <= n;
  // A 32-bit guest's registers are kept zero-extended in their homes (ABI §3).
  if (o === OP.GetReg) return b.mode === 32 && n >= 4;
  if (o === OP.Zext && L.an.skip[v] !== FUSED) return b.b[v]! <= n;
  // A field of at most n bytes (ubfx/lsr write zeros above it): cmpxchg8b's EDX = bits 32..63 of the old value.
  if (o === OP.Ubfx && L.an.skip[v] !== FUSED) return b.c[v]! <= 8 * n;
  if (n !== 4 || b.sz[v] !== 4) return false;
  return o === OP.Add || o === OP.Sub || o === OP.And || o === OP.Or || o === OP.Xor || o === OP.Mul || o === OP.Shl
    || o === OP.Shr || o === OP.Sar || o === OP.Ror || o === OP.Not || o === OP.Neg || o === OP.Adc || o === OP.Sbb;
}
