/**
 * @file Stage 5 (IR passes): constant folding and always-right algebraic identities. Address
 * arithmetic, immediates the semantics split into pieces and `xor eax, eax` leave constants and
 * trivial ops behind; folding them saves host instructions and registers.
 *
 * Only ops whose flag mask `fm` is 0 are touched (their flags are their other result; run
 * dead-flags first so that dead masks are 0). `Addr` is never folded: its value depends on where
 * the image is loaded (PIC, ABI §7). Folding follows the sized semantics of ops.ts exactly:
 * inputs are read in their low `sz` bytes; a `Const.s` is known in at most `s` bytes (a
 * `Const.1`/`Const.2` has garbage above, a `Const.4` is zero-extended), so an op that needs more
 * bytes of it than that is left alone. Results of sized ops fold to `Const.sz` masked to the size
 * (size 1/2: zero upper bits are one valid garbage; size 4: the exact zero extension); results of
 * unsized ops fold to `Const.8`.
 *
 * Identities (fm = 0, `S` the op size): `x+0 x-0 x|0 x^0 x&-1 x<<0 x>>0 x*1 x&x x|x` → x, and
 * `Select c, x, x` → x, when S is 1, 2 or 8, or S = 4 and x is known to be zero-extended (else
 * the 4-byte result's zero upper half would differ from x's); `x^x x-x x&0 x*0` → `Const.S 0`
 * at every size; `Cmp rel, x, x` → its constant; `Select k, x, y` with a known k → x or y;
 * `Zext x, n` → x when x is already zero-extended from n bytes (a load of at most n bytes, a
 * narrower Zext or bit field, a 0/1 value; for n = 4 the 32-bit ALU ops, shifts and Mul);
 * `And (And x, k1), k2` → the inner And when k1 ⊆ k2 (andOfAnd); `Sub k, (And x, k1)` → `Xor k, (And x, k1)`
 * when k1 ⊆ k (subOfSubmask: no borrow); `Zext (op.8 p, q), 4` → `op.4 p, q`
 * when the Zext is the op's only reader (narrowZext); and, whatever the flag mask, a 4-byte op
 * reads x for an operand `Zext x, 4` (zextOperand: it reads the low 4 bytes only). A flag-free
 * commutative op (Add, And, Or, Xor, Mul) with a constant or guest address first and a value
 * second swaps them (constRight): the lowering looks for the immediate second (`gs:[0x30]` is
 * `Add (Const 0x30), (SegBase)`, whose 0x30 then folds into the load's offset).
 *
 * A folded op is rewritten in place into a `Const` (indices stay valid); an op replaced by an
 * existing value becomes `Nop` and its later uses are redirected through a forwarding array in
 * the same forward sweep (linear; `replaceUses` in _util.ts is the one-off form).
 *
 * On entry: a verified block. On exit: a verified block computing the same values. Returns how
 * many ops it folded or removed.
 *
 *   constFold(b); // "v3 = Add.4 v1, v2" with v1 = Const.4 0xffffffff, v2 = Const.4 0x2 → "v3 = Const.4 0x1"
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS, REL } from "../ops.ts";
import { Scratch, countUses, forwardOperands, toConst, toNop } from "./_util.ts";

const FWD = new Scratch((n) => new Int32Array(n));
const COMMUTES = Uint8Array.from(OPS, (_, k) => (k === OP.Add || k === OP.And || k === OP.Or || k === OP.Xor || k === OP.Mul ? 1 : 0));
const USES = new Scratch((n) => new Uint32Array(n));
/** Use counts of the block being folded, counted once when narrowZext first needs them (undefined: not yet). */
let uses: Uint32Array | undefined;

const maskBytes = (bytes: number): bigint => (1n << BigInt(8 * bytes)) - 1n;
const maskBits = (bits: number): bigint => (1n << BigInt(bits)) - 1n;

/** The value of v in its low `bytes` bytes, zero-extended, when v is a Const known that far. */
function known(b: IrBlock, v: number, bytes: number): bigint | undefined {
  if (b.op[v] !== OP.Const) return undefined;
  const s = b.sz[v]!;
  if (s >= bytes) return b.imm(v) & maskBytes(bytes);
  if (s === 4) return b.imm(v) & 0xffffffffn;
  return undefined;
}

/** True when the upper 32 bits of value x are known to be 0 (so a 4-byte result may be x itself). */
function upperZero(b: IrBlock, x: number): boolean {
  const op = b.op[x]!;
  switch (op) {
    case OP.Const: return b.sz[x]! >= 4 && b.hi[x] === 0;
    case OP.Load: return b.sz[x]! <= 4; // loads zero-extend
    case OP.Zext: return true; // from 1, 2 or 4 bytes
    case OP.Cmp: case OP.Cond: case OP.GetFlag: return true; // 0 or 1
    case OP.Ubfx: return b.b[x]! + b.c[x]! <= 32;
    default: return OPS[op]!.sized && b.sz[x] === 4;
  }
}

/** 4-byte ops whose lowering is known to leave the 32-bit result zero-extended (W-register forms). */
const EXACT4 = new Set<number>([OP.Add, OP.Sub, OP.Adc, OP.Sbb, OP.And, OP.Or, OP.Xor, OP.Neg, OP.Not, OP.Shl, OP.Shr, OP.Sar, OP.Ror, OP.Mul]);

/**
 * True when value x is already zero-extended from its low n bytes (then `Zext x, n` is x). A list,
 * not "any 4-byte op": a Zext is the one place a value's upper half is put right, so it goes only
 * where that is certain.
 */
function zeroFrom(b: IrBlock, x: number, n: number): boolean {
  if (n === 4 && EXACT4.has(b.op[x]!) && b.sz[x] === 4) return true;
  switch (b.op[x]!) {
    case OP.Const: return n >= 4 && b.sz[x]! >= 4 && b.hi[x] === 0;
    case OP.Load: return b.sz[x]! <= n;
    case OP.Zext: return b.b[x]! <= n;
    case OP.Ubfx: return b.b[x]! + b.c[x]! <= 8 * n;
    case OP.Cmp: case OP.Cond: case OP.GetFlag: return true;
    default: return false;
  }
}

/** Can a size-S op's result be replaced by the value x itself? (see the file comment) */
const sameAs = (b: IrBlock, S: number, x: number): boolean => S !== 4 || upperZero(b, x);

/** The 64-bit result of a folded two-operand sized op, before masking, or undefined. */
function binary(op: number, S: number, x: bigint, y: bigint): bigint | undefined {
  const bits = 8 * S;
  switch (op) {
    case OP.Add: return x + y;
    case OP.Sub: return x - y;
    case OP.And: return x & y;
    case OP.Or: return x | y;
    case OP.Xor: return x ^ y;
    case OP.Mul: return x * y;
    case OP.MulHU: return (x * y) >> BigInt(bits);
    case OP.MulHS: return (BigInt.asIntN(bits, x) * BigInt.asIntN(bits, y)) >> BigInt(bits);
    case OP.Ror: {
      const r = y % BigInt(bits);
      return r === 0n ? x : (x >> r) | (x << (BigInt(bits) - r));
    }
  }
  // Shifts: the count must be within what the lowering computes the same way (a W-register
  // shift takes the count mod 32, so sizes below 8 fold only counts under 32).
  if (y >= (S === 8 ? 64n : 32n)) return undefined;
  switch (op) {
    case OP.Shl: return x << y;
    case OP.Shr: return x >> y; // x is zero-extended (the op's contract)
    case OP.Sar: return BigInt.asIntN(bits, x) >> y; // x is sign-extended (the op's contract)
  }
  return undefined;
}

function relation(rel: number, S: number, x: bigint, y: bigint): boolean {
  const bits = 8 * S;
  const sx = BigInt.asIntN(bits, x), sy = BigInt.asIntN(bits, y);
  switch (rel) {
    case REL.EQ: return x === y;
    case REL.NE: return x !== y;
    case REL.ULT: return x < y;
    case REL.ULE: return x <= y;
    case REL.UGT: return x > y;
    case REL.UGE: return x >= y;
    case REL.SLT: return sx < sy;
    case REL.SLE: return sx <= sy;
    case REL.SGT: return sx > sy;
    default: return sx >= sy;
  }
}

/** The relations that hold between a value and itself. */
const REFLEXIVE = new Set<number>([REL.EQ, REL.ULE, REL.UGE, REL.SLE, REL.SGE]);

export function constFold(b: IrBlock): number {
  const n = b.n;
  const fwd = FWD.get(n);
  uses = undefined;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    fwd[i] = i;
    const op = b.op[i]!;
    if (op === OP.Nop) continue;
    forwardOperands(b, i, fwd);
    if (LOW32_OPS[op]) changed += low32(b, i, op);
    if (b.fm[i] !== 0) continue; // flags are a result too (Guest/exit masks mean other things, and never fold)
    const r = fold(b, i, op);
    if (r === -1) {
      // constRight: a commutative op takes its constant (or guest address) second, where the
      // lowering's immediate forms and access offsets look for it (`Add (Const 0x30), (SegBase)`).
      if (COMMUTES[op] && b.isImm(b.a[i]!) && !b.isImm(b.b[i]!)) {
        const t = b.a[i]!;
        b.a[i] = b.b[i]!;
        b.b[i] = t;
        changed++;
      }
      continue;
    }
    changed++;
    if (r >= 0) {
      fwd[i] = r;
      toNop(b, i);
    }
  }
  return changed;
}

/** Fold op i: -1 nothing done, -2 rewritten in place (a Const, or subOfSubmask's Xor), v ≥ 0 replace by value v. */
function fold(b: IrBlock, i: number, op: number): number {
  const S = b.sz[i]!;
  const x = b.a[i]!, y = b.b[i]!;
  switch (op) {
    case OP.Add: case OP.Sub: case OP.And: case OP.Or: case OP.Xor: case OP.Mul: case OP.MulHU: case OP.MulHS:
    case OP.Shl: case OP.Shr: case OP.Sar: case OP.Ror: {
      const kx = known(b, x, S);
      const isShift = op === OP.Shl || op === OP.Shr || op === OP.Sar || op === OP.Ror;
      // A shift count is a whole value (0 <= count < 64), read at its own Const size.
      const ky = isShift ? (b.op[y] === OP.Const ? known(b, y, b.sz[y]!) : undefined) : known(b, y, S);
      if (kx !== undefined && ky !== undefined) {
        const v = binary(op, S, kx, ky);
        if (v === undefined) return -1;
        toConst(b, i, S, v & maskBytes(S));
        return -2;
      }
      return identity(b, i, op, S, x, y, kx, ky);
    }
    case OP.Not: case OP.Neg: {
      const kx = known(b, x, S);
      if (kx === undefined) return -1;
      toConst(b, i, S, (op === OP.Not ? ~kx : -kx) & maskBytes(S));
      return -2;
    }
    case OP.Zext: case OP.Sext: {
      const from = y;
      const kx = known(b, x, from);
      if (kx === undefined && op === OP.Zext && from === 4 && narrow(b, i, x)) return -2;
      if (kx === undefined) return op === OP.Zext && zeroFrom(b, x, from) ? x : -1;
      toConst(b, i, 8, op === OP.Zext ? kx : BigInt.asUintN(64, BigInt.asIntN(8 * from, kx)));
      return -2;
    }
    case OP.Bfi: {
      const lsb = b.c[i]!, width = b.d[i]!;
      const kx = known(b, x, 8), ky = known(b, y, Math.ceil(width / 8));
      if (kx === undefined || ky === undefined) return -1;
      const m = maskBits(width) << BigInt(lsb);
      toConst(b, i, 8, (kx & ~m) | ((ky << BigInt(lsb)) & m));
      return -2;
    }
    case OP.Ubfx: {
      const lsb = y, width = b.c[i]!;
      const kx = known(b, x, Math.ceil((lsb + width) / 8));
      if (kx === undefined) return -1;
      toConst(b, i, 8, (kx >> BigInt(lsb)) & maskBits(width));
      return -2;
    }
    case OP.Cmp: {
      const rel = x, p = y, q = b.c[i]!;
      if (p === q) {
        toConst(b, i, 8, REFLEXIVE.has(rel) ? 1n : 0n);
        return -2;
      }
      const kp = known(b, p, S), kq = known(b, q, S);
      if (kp === undefined || kq === undefined) return -1;
      toConst(b, i, 8, relation(rel, S, kp, kq) ? 1n : 0n);
      return -2;
    }
    case OP.Select: {
      const t = y, f = b.c[i]!;
      const k = known(b, x, 8);
      if (k !== undefined) return k !== 0n ? t : f;
      return t === f ? t : -1;
    }
  }
  return -1;
}

/** Identities of a two-operand sized op with at most one known operand (see the file comment). */
function identity(b: IrBlock, i: number, op: number, S: number, x: number, y: number, kx?: bigint, ky?: bigint): number {
  if (x === y) {
    if (op === OP.Xor || op === OP.Sub) {
      toConst(b, i, S, 0n);
      return -2;
    }
    if ((op === OP.And || op === OP.Or) && sameAs(b, S, x)) return x;
    return -1;
  }
  // subOfSubmask: k - v is k ^ v when every bit v can leave set is in k (nothing borrows): the
  // `63 - (n & 63)` of a rotate through carry is one eor with an immediate, not mov + sub.
  if (op === OP.Sub && kx !== undefined && ky === undefined && b.op[y] === OP.And && subMask(b, y, S, kx)) {
    b.op[i] = OP.Xor;
    return -2;
  }
  // Commutative ops: look at the known operand whichever side it is on.
  const commutes = op === OP.Add || op === OP.And || op === OP.Or || op === OP.Xor || op === OP.Mul;
  let k = ky, other = x;
  if (k === undefined && commutes) { k = kx; other = y; }
  if (k === undefined) return -1;
  // (x & k1) & k2 with every bit the inner And can leave inside k2: the inner And itself.
  if (op === OP.And && b.op[other] === OP.And && subMask(b, other, S, k)) return other;
  if ((op === OP.And || op === OP.Mul) && k === 0n) {
    toConst(b, i, S, 0n);
    return -2;
  }
  const neutral =
    op === OP.And ? k === maskBytes(S)
    : op === OP.Mul ? k === 1n
    : op !== OP.MulHU && op !== OP.MulHS && k === 0n; // x+0 x-0 x|0 x^0, shifts and rotates by 0
  return neutral && sameAs(b, S, other) ? other : -1;
}

/** Per op (4-byte forms): the operand slots read in their low 4 bytes only (bit k: operand k). */
const LOW32_SLOTS = new Uint8Array(OPS.length);
for (const o of [OP.Add, OP.Sub, OP.Adc, OP.Sbb, OP.And, OP.Or, OP.Xor, OP.Mul]) LOW32_SLOTS[o] = 3;
for (const o of [OP.Shl, OP.Shr, OP.Sar, OP.Ror, OP.Neg, OP.Not, OP.Test]) LOW32_SLOTS[o] = 1;
LOW32_SLOTS[OP.Cmp] = 6;
/** Ops zextOperand looks at (the 4-byte forms above, stores and Bfi). */
const LOW32_OPS = LOW32_SLOTS.map((m, o) => (m || o === OP.Store || o === OP.Bfi ? 1 : 0));

/**
 * zextOperand: a 4-byte op reads its operands in their low 4 bytes, where `Zext x, 4` is x: read x
 * (`mov r10d, esi; shr r10d, 3` forwarded by reg-forward is `lsr w4, w25, #3`, no `mov w`). Also
 * a store of at most 4 bytes (its value) and a Bfi of at most 32 bits (its field). The op computes
 * exactly what it did, flags included, so this holds whatever its flag mask. Returns 1 if it
 * rewrote an operand.
 */
function low32(b: IrBlock, i: number, op: number): number {
  let slots = b.sz[i] === 4 ? LOW32_SLOTS[op]! : 0;
  if (op === OP.Store && b.sz[i]! <= 4) slots = 2;
  else if (op === OP.Bfi && b.d[i]! <= 32) slots = 2;
  if (!slots) return 0;
  let done = 0;
  for (let k = 0; k < 3; k++) {
    if (!(slots & (1 << k))) continue;
    const v = k === 0 ? b.a[i]! : k === 1 ? b.b[i]! : b.c[i]!;
    if (b.op[v] !== OP.Zext || b.b[v] !== 4) continue;
    if (k === 0) b.a[i] = b.a[v]!;
    else if (k === 1) b.b[i] = b.a[v]!;
    else b.c[i] = b.a[v]!;
    done = 1;
  }
  return done;
}

/**
 * narrowZext: `Zext (op.8 p, q), 4` is `op.4 p, q` (a 4-byte result is zero-extended): op i becomes
 * that op, in one instruction (`lea ecx, [r10+r10*4]` is `add w0, w4, w4, lsl #2`, no `mov w`).
 * For ops whose low 4 bytes depend only on their operands' low 4 bytes, without flags, read by
 * this Zext alone (DCE then removes the 8-byte op; with other users both would be computed). A shift only by a constant
 * below 32 (a W-register shift takes its count mod 32). Returns whether it rewrote op i.
 */
function narrow(b: IrBlock, i: number, x: number): boolean {
  const o = b.op[x]!;
  if (b.sz[x] !== 8 || b.fm[x] !== 0) return false;
  if (o === OP.Shl) {
    const c = b.b[x]!;
    if (b.op[c] !== OP.Const || b.hi[c] !== 0 || b.lo[c]! >= 32) return false;
  } else if (o !== OP.Add && o !== OP.Sub && o !== OP.And && o !== OP.Or && o !== OP.Xor && o !== OP.Mul && o !== OP.Neg && o !== OP.Not) return false;
  // The Zext must be x's only reader (else both would be computed). The counts are taken once per
  // block, on the first candidate, and kept up to date by the rewrites below; a use the forwarding
  // sweep adds later is missed (both ops are then computed).
  if (!uses) {
    uses = USES.get(b.n).fill(0, 0, b.n);
    for (let k = 0; k < b.n; k++) countUses(b, k, uses);
  }
  if (uses[x] !== 1) return false;
  b.op[i] = o; b.sz[i] = 4; b.fm[i] = 0;
  b.a[i] = b.a[x]!; b.b[i] = b.b[x]!; b.c[i] = 0; b.d[i] = 0;
  // Keep the counts true: i no longer reads x, and reads x's operands.
  uses[x]!--;
  countUses(b, i, uses);
  return true;
}

/**
 * andOfAnd: And.S (And.s x, k1), k2 is the inner And when every bit it can leave set lies in k2
 * (as read at size S): `and ecx, 0x3f; shl r14, cl` masks the count with 0x3f twice.
 */
function subMask(b: IrBlock, inner: number, S: number, k2: bigint): boolean {
  const s = b.sz[inner]!;
  if ((s !== 4 && s !== 8) || (S !== 4 && S !== 8)) return false;
  const p = b.a[inner]!, q = b.b[inner]!;
  const k1 = known(b, q, s) ?? known(b, p, s);
  if (k1 === undefined) return false;
  // The inner result: k1's bits (a 4-byte And is zero-extended); read at size S.
  const leaves = k1 & maskBytes(s), keeps = k2 & maskBytes(S);
  return (leaves & ~keeps) === 0n;
}
