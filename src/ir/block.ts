/**
 * @file Stage 5 (IR): one translated block's IR, stored as parallel typed arrays (no object per
 * op), and the typed builder the semantics emit through.
 *
 * Op `i` is also value `i` (SSA: every op with a result defines the value of its own index).
 * Fields per op: `op` (OP.*), `sz` (bytes, for sized ops), `fm` (flag mask: the flags a
 * flag-defining op sets, or the flags live at an exit), `a b c d` (operands: value indices or
 * small integers, in the order of the op's `args`), `lo hi` (the 64-bit immediate as two
 * unsigned 32-bit halves). `reset()` reuses the arrays for the next block, so translating a
 * whole image allocates only when a block is larger than every block before it.
 *
 *   const b = new IrBlock();
 *   b.reset(0x401000n, 64);
 *   b.guest(0x401000, 3);
 *   const s = b.add(8, b.getReg(GPR.RAX), b.getReg(GPR.RBX), STATUS_FLAGS);
 *   b.setReg(GPR.RAX, s);
 *   b.exit(EXIT.JUMP, b.const(8, 0x401003));
 */
import { OP, OPS, EXIT, MEM } from "./ops.ts";
import { STATUS_FLAGS } from "./state.ts";

export type Value = number;

export class IrBlock {
  /** Number of ops. */
  n = 0;
  /** Guest address of the block's first instruction. */
  start = 0n;
  /** Guest mode: 32 or 64. */
  mode: 32 | 64 = 64;
  /** Guest instructions translated into this block (set by the translator). */
  insns = 0;
  op = new Uint8Array(64);
  sz = new Uint8Array(64);
  fm = new Uint8Array(64);
  a = new Int32Array(64);
  b = new Int32Array(64);
  c = new Int32Array(64);
  d = new Int32Array(64);
  lo = new Uint32Array(64);
  hi = new Uint32Array(64);

  reset(start: bigint | number, mode: 32 | 64): void {
    this.n = 0;
    this.insns = 0;
    this.start = BigInt(start);
    this.mode = mode;
  }

  private grow(): void {
    const cap = this.op.length * 2;
    const g = <T extends Uint8Array | Int32Array | Uint32Array>(x: T): T => {
      const y = new (x.constructor as new (n: number) => T)(cap);
      y.set(x);
      return y;
    };
    this.op = g(this.op); this.sz = g(this.sz); this.fm = g(this.fm);
    this.a = g(this.a); this.b = g(this.b); this.c = g(this.c); this.d = g(this.d);
    this.lo = g(this.lo); this.hi = g(this.hi);
  }

  /** Append one op; returns its index (its value, when it has a result). */
  emit(op: number, sz: number, fm: number, a = 0, b = 0, c = 0, d = 0, lo = 0, hi = 0): Value {
    if (this.n === this.op.length) this.grow();
    const i = this.n++;
    this.op[i] = op; this.sz[i] = sz; this.fm[i] = fm;
    this.a[i] = a; this.b[i] = b; this.c[i] = c; this.d[i] = d;
    this.lo[i] = lo; this.hi[i] = hi;
    return i;
  }

  /** The 64-bit immediate of op i. */
  imm(i: number): bigint {
    return (BigInt(this.hi[i]!) << 32n) | BigInt(this.lo[i]!);
  }

  /** The immediate of op i as a JS number when it fits in 53 bits (guest addresses do), else NaN. */
  immNum(i: number): number {
    const hi = this.hi[i]!;
    return hi < 0x200000 ? hi * 0x1_0000_0000 + this.lo[i]! : NaN;
  }

  isConst(v: Value): boolean {
    return this.op[v] === OP.Const;
  }

  /** A constant or guest-address op: its value is `imm(v)`. */
  isImm(v: Value): boolean {
    return this.op[v] === OP.Const || this.op[v] === OP.Addr;
  }

  // ── builder: one method per op (OPS is the reference for operands) ──

  guest(addr: number | bigint, len: number): void {
    this.emit(OP.Guest, 0, 0, len, 0, 0, 0, lo32(addr), hi32(addr));
  }
  const(sz: number, value: number | bigint): Value {
    return this.emit(OP.Const, sz, 0, 0, 0, 0, 0, lo32(value), hi32(value));
  }
  /** A guest address derived from RIP (see `Addr` in ops.ts). */
  addr(value: number | bigint): Value {
    return this.emit(OP.Addr, 0, 0, 0, 0, 0, 0, lo32(value), hi32(value));
  }
  getReg(r: number): Value { return this.emit(OP.GetReg, 0, 0, r); }
  setReg(r: number, v: Value): void { this.emit(OP.SetReg, 0, 0, r, v); }
  getFlag(f: number): Value { return this.emit(OP.GetFlag, 0, 0, f); }
  setFlag(f: number, v: Value): void { this.emit(OP.SetFlag, 0, 0, f, v); }
  /** The flags in mask fm are undefined from here on (put it after the instruction's last access or exit). */
  undef(fm: number): void { if (fm) this.emit(OP.Undef, 0, fm); }
  /** The flags in mask f now, for a `restoreFlagsIfZero` (ops.ts). */
  saveFlags(f: number): Value { return this.emit(OP.SaveFlags, 0, 0, f); }
  /** If the low sz bytes of n are 0, the flags in mask f go back to those saved in s; else AF (in f) is undefined. */
  restoreFlagsIfZero(sz: number, n: Value, s: Value, f: number): void { this.emit(OP.RestoreFlagsIfZero, sz, 0, n, s, f); }

  add(sz: number, x: Value, y: Value, fm = 0): Value { return this.emit(OP.Add, sz, fm, x, y); }
  sub(sz: number, x: Value, y: Value, fm = 0): Value { return this.emit(OP.Sub, sz, fm, x, y); }
  adc(sz: number, x: Value, y: Value, fm = 0): Value { return this.emit(OP.Adc, sz, fm, x, y); }
  sbb(sz: number, x: Value, y: Value, fm = 0): Value { return this.emit(OP.Sbb, sz, fm, x, y); }
  and(sz: number, x: Value, y: Value, fm = 0): Value { return this.emit(OP.And, sz, fm, x, y); }
  or(sz: number, x: Value, y: Value, fm = 0): Value { return this.emit(OP.Or, sz, fm, x, y); }
  xor(sz: number, x: Value, y: Value, fm = 0): Value { return this.emit(OP.Xor, sz, fm, x, y); }
  neg(sz: number, x: Value, fm = 0): Value { return this.emit(OP.Neg, sz, fm, x); }
  not(sz: number, x: Value): Value { return this.emit(OP.Not, sz, 0, x); }
  test(sz: number, x: Value, fm = STATUS_FLAGS): void { this.emit(OP.Test, sz, fm, x); }
  shl(sz: number, x: Value, n: Value): Value { return this.emit(OP.Shl, sz, 0, x, n); }
  shr(sz: number, x: Value, n: Value): Value { return this.emit(OP.Shr, sz, 0, x, n); }
  sar(sz: number, x: Value, n: Value): Value { return this.emit(OP.Sar, sz, 0, x, n); }
  ror(sz: number, x: Value, n: Value): Value { return this.emit(OP.Ror, sz, 0, x, n); }
  mul(sz: number, x: Value, y: Value): Value { return this.emit(OP.Mul, sz, 0, x, y); }
  mulHU(sz: number, x: Value, y: Value): Value { return this.emit(OP.MulHU, sz, 0, x, y); }
  mulHS(sz: number, x: Value, y: Value): Value { return this.emit(OP.MulHS, sz, 0, x, y); }
  zext(x: Value, from: number): Value { return this.emit(OP.Zext, 0, 0, x, from); }
  sext(x: Value, from: number): Value { return this.emit(OP.Sext, 0, 0, x, from); }
  bfi(dst: Value, src: Value, lsb: number, width: number): Value { return this.emit(OP.Bfi, 0, 0, dst, src, lsb, width); }
  ubfx(x: Value, lsb: number, width: number): Value { return this.emit(OP.Ubfx, 0, 0, x, lsb, width); }
  cmp(sz: number, rel: number, x: Value, y: Value): Value { return this.emit(OP.Cmp, sz, 0, rel, x, y); }
  select(c: Value, x: Value, y: Value): Value { return this.emit(OP.Select, 0, 0, c, x, y); }
  cond(cc: number): Value { return this.emit(OP.Cond, 0, 0, cc); }
  selectCC(cc: number, x: Value, y: Value): Value { return this.emit(OP.SelectCC, 0, 0, cc, x, y); }
  load(sz: number, addr: Value, attrs = 0): Value { return this.emit(OP.Load, sz, 0, addr, attrs); }
  store(sz: number, addr: Value, v: Value, attrs = 0): void { this.emit(OP.Store, sz, 0, addr, v, attrs); }
  loadStack(sz: number, addr: Value): Value { return this.load(sz, addr, MEM.STACK); }
  storeStack(sz: number, addr: Value, v: Value): void { this.store(sz, addr, v, MEM.STACK); }
  exitIf(cc: number, target: Value, live = STATUS_FLAGS): void { this.emit(OP.ExitIf, 0, live, cc, target); }
  exit(kind: number, target: Value, live = STATUS_FLAGS): void { this.emit(OP.Exit, 0, live, kind, target); }
  exitSym(sym: number, rip: Value, len: number, live = STATUS_FLAGS): void { this.emit(OP.ExitSym, 0, live, sym, rip, len); }
  exitSymIf(v: Value, sym: number, rip: Value, len: number, live = STATUS_FLAGS): void { this.emit(OP.ExitSymIf, 0, live, v, sym, rip, len); }
  divU(sz: number, hi: Value, lo: Value, d: Value): Value { return this.emit(OP.DivU, sz, 0, hi, lo, d); }
  divS(sz: number, hi: Value, lo: Value, d: Value): Value { return this.emit(OP.DivS, sz, 0, hi, lo, d); }
  divSFault(sz: number, hi: Value, lo: Value, d: Value): Value { return this.emit(OP.DivSFault, sz, 0, hi, lo, d); }
  // vector slice: x operands are XMM numbers (or XT), see ops.ts
  vzero(x: number): void { this.emit(OP.VZero, 0, 0, x); }
  vmov(x: number, y: number): void { this.emit(OP.VMov, 0, 0, x, y); }
  vmovLow(sz: 4 | 8, x: number, y: number): void { this.emit(OP.VMovLow, sz, 0, x, y); }
  vzextLow(sz: 4 | 8, x: number, y: number): void { this.emit(OP.VZextLow, sz, 0, x, y); }
  vload(sz: 4 | 8 | 16, x: number, addr: Value, attrs = 0): void { this.emit(OP.VLoad, sz, 0, x, addr, attrs); }
  vloadLane(sz: 2 | 4 | 8, x: number, addr: Value, lane: number, attrs = 0): void { this.emit(OP.VLoadLane, sz, 0, x, addr, lane, attrs); }
  vstore(sz: 2 | 4 | 8 | 16, addr: Value, x: number, lane = 0, attrs = 0): void { this.emit(OP.VStore, sz, 0, addr, x, lane, attrs); }
  vfromGpr(sz: 4 | 8, x: number, v: Value): void { this.emit(OP.VFromGpr, sz, 0, x, v); }
  vtoGpr(sz: 4 | 8, x: number): Value { return this.emit(OP.VToGpr, sz, 0, x); }
  vbin(vop: number, x: number, y: number): void { this.emit(OP.VBin, 0, 0, x, y, vop); }
  vshuf32(x: number, y: number, imm8: number): void { this.emit(OP.VShuf32, 0, 0, x, y, imm8); }
  vshuf16(x: number, y: number, half: 0 | 1, imm8: number): void { this.emit(OP.VShuf16, 0, 0, x, y, half, imm8); }
  vshufPair(sz: 4 | 8, x: number, y: number, imm8: number): void { this.emit(OP.VShufPair, sz, 0, x, y, imm8); }
  vinsLane(sz: 1 | 2 | 4 | 8, x: number, lane: number, y: number, from: number): void { this.emit(OP.VInsLane, sz, 0, x, y, lane, from); }
  vinsBits(x: number, y: number, lsb: number, width: number): void { this.emit(OP.VInsBits, 0, 0, x, y, lsb, width); }
  vinsGpr(sz: 2 | 4 | 8, x: number, lane: number, v: Value): void { this.emit(OP.VInsGpr, sz, 0, x, v, lane); }
  vlaneToGpr(sz: 2 | 4 | 8, x: number, lane: number): Value { return this.emit(OP.VLaneToGpr, sz, 0, x, lane); }
  vmoveMask(esz: 1 | 4 | 8, x: number): Value { return this.emit(OP.VMoveMask, esz, 0, x); }
  // hints group: barriers and prefetches
  fence(kind: number): void { this.emit(OP.Fence, 0, 0, kind); }
  prefetch(addr: Value, use: number): void { this.emit(OP.Prefetch, 0, 0, addr, use); }

  /** True when the block ends with a terminator. */
  terminated(): boolean {
    return this.n > 0 && OPS[this.op[this.n - 1]!]!.term;
  }
}

/** Low 32 bits (unsigned) of a 64-bit value given as a number or bigint (negatives as two's complement). */
export function lo32(v: number | bigint): number {
  if (typeof v === "number" && Number.isSafeInteger(v)) return v >>> 0;
  return Number(BigInt.asUintN(32, BigInt(v)));
}

/** High 32 bits (unsigned) of a 64-bit value, as `lo32`. */
export function hi32(v: number | bigint): number {
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return Math.floor(v / 0x1_0000_0000) >>> 0;
  return Number(BigInt.asUintN(64, BigInt(v)) >> 32n);
}


export { EXIT };
