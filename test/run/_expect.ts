/**
 * @file Expected results of the `aot run` test programs (test/fixtures-src/run), computed here
 * from the algorithms and the x86 rules they exercise, never from a run. Each model takes the
 * mode and returns the words its data area must hold and the registers it must leave.
 *
 *   const e = expectLoops(64);      // e.words: bigint[] (the dump as 64-bit words), e.regs
 *   expect(wordsOf(dump, 64)).toEqual(e.words);
 *
 * Words are unsigned BigInts of the mode's width (32 or 64 bits).
 */

export type Bits = 32 | 64;
export interface Expected {
  /** The first dump, read as words of the mode's width. */
  words: bigint[];
  /** Registers by lower-case 64-bit name (rax...), value truncated to the mode's width. */
  regs: Record<string, bigint>;
}

export const mask = (bits: number): bigint => (1n << BigInt(bits)) - 1n;
export const u = (v: bigint, bits: number): bigint => BigInt.asUintN(bits, v);
export const s = (v: bigint, bits: number): bigint => BigInt.asIntN(bits, v);

/** A little-endian dump as unsigned words of `bits`. */
export function wordsOf(bytes: Uint8Array, bits: Bits): bigint[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: bigint[] = [];
  for (let o = 0; o + bits / 8 <= bytes.length; o += bits / 8)
    out.push(bits === 32 ? BigInt(dv.getUint32(o, true)) : dv.getBigUint64(o, true));
  return out;
}

// ---- x86 flags, as the SDM defines them for add/sub of `bits`-wide operands
export interface Flags { cf: boolean; zf: boolean; sf: boolean; of: boolean; pf: boolean }
function parity(r: bigint): boolean {
  let n = 0;
  for (let b = Number(r & 0xffn); b; b >>= 1) n += b & 1;
  return n % 2 === 0;
}
function resultFlags(r: bigint, bits: number): Omit<Flags, "cf" | "of"> {
  return { zf: r === 0n, sf: (r >> BigInt(bits - 1)) === 1n, pf: parity(r) };
}
export function subFlags(a: bigint, b: bigint, bits: number): Flags {
  const r = u(a - b, bits);
  return { ...resultFlags(r, bits), cf: u(a, bits) < u(b, bits), of: s(a, bits) - s(b, bits) !== s(r, bits) };
}
export function addFlags(a: bigint, b: bigint, bits: number): Flags {
  const r = u(a + b, bits);
  return { ...resultFlags(r, bits), cf: u(a, bits) + u(b, bits) > mask(bits), of: s(a, bits) + s(b, bits) !== s(r, bits) };
}
/** The sixteen conditions o,no,b,ae,e,ne,be,a,s,ns,p,np,l,ge,le,g as a 16-bit vector, o highest. */
export function ccVector(f: Flags): bigint {
  const l = f.sf !== f.of;
  const cc = [f.of, !f.of, f.cf, !f.cf, f.zf, !f.zf, f.cf || f.zf, !(f.cf || f.zf), f.sf, !f.sf, f.pf, !f.pf, l, !l, l || f.zf, !(l || f.zf)];
  return cc.reduce((v, c) => (v << 1n) | (c ? 1n : 0n), 0n);
}

// ---- shifts and rotates on `bits`-wide values (count already masked, > 0)
export const shl = (x: bigint, n: number, bits: number): bigint => u(x << BigInt(n), bits);
export const shr = (x: bigint, n: number, bits: number): bigint => u(x, bits) >> BigInt(n);
export const sar = (x: bigint, n: number, bits: number): bigint => u(s(x, bits) >> BigInt(n), bits);
export const rol = (x: bigint, n: number, bits: number): bigint => u((x << BigInt(n)) | (u(x, bits) >> BigInt(bits - n)), bits);
export const ror = (x: bigint, n: number, bits: number): bigint => rol(x, bits - n, bits);
/** Replace the low `bits` of `full` (a partial-register write). */
export const low = (full: bigint, v: bigint, bits: number): bigint => (full & ~mask(bits)) | u(v, bits);

// ---- loops.asm
export function expectLoops(bits: Bits): Expected {
  const M = (v: bigint) => u(v, bits);
  let acc = 0n, acc2 = 1n;
  const out1: bigint[] = [];
  for (let i = 12n; i >= 1n; i--) {
    for (let j = 9n; j >= 1n; j--) {
      acc = M(acc + i + 2n * j);
      acc2 = M((acc2 ^ acc) + j);
    }
    acc = M(acc - i);
    out1.push(acc);
  }
  out1.push(acc2);
  let odd = 0n, evx = 0n;
  for (let i = 0n; i < 20n; i++) if (i & 1n) odd += i; else evx ^= 3n * i;
  const cnt = [0n, 0n, 0n, 0n, 0n, 0n];
  for (let k = -6n; k <= 6n; k++) {
    if (k < 0n) cnt[0]!++;
    if (k > 2n) cnt[1]!++;
    if (M(k) > 4n) cnt[2]!++; // unsigned: the negatives are above 4 too
    if (k === 0n) cnt[3]!++;
    if (k >= -3n && k <= 3n) cnt[4]! += k * k;
    if (M(k + 3n) <= 6n) cnt[5]!++;
  }
  const mix = [0n, 0n];
  const regs: Record<string, bigint> = {};
  if (bits === 64) {
    const r8 = 0x9e3779b97f4a7c15n;
    let r9 = 0n, r10 = 0x0123456789abcdefn;
    for (let r11 = 16n; r11 >= 1n; r11--) {
      r9 = rol(M(r9 + r8), 13, 64);
      r10 = M((r10 ^ r9) - r11);
    }
    mix[0] = r9; mix[1] = r10;
    Object.assign(regs, { r8, r9, r10, r11: 0n });
  }
  const sum = M(out1[11]! + out1[12]! + odd - evx + cnt[4]!);
  Object.assign(regs, { rax: sum, rbx: 7n, rcx: cnt[5]!, rdx: acc2, rsi: evx, rbp: odd });
  return { words: [...out1, odd, evx, ...cnt, ...mix], regs };
}

// ---- calls.asm (res[14], ftab[4], fptr, pushsrc, popdst); `here` is located by the caller
export function expectCalls(bits: Bits, hereAddr: bigint): { res: bigint[]; tail: bigint[]; regs: Record<string, bigint> } {
  const M = (v: bigint) => u(v, bits);
  const sum3 = M(7n + 2n * 40n - 100n);
  let x = 5n;
  x = (((x * 2n + 3n) ^ 0x55n) - 1n);
  const res = [sum3, 42n, x, x * 2n, (30n + 1n + 10n) * 3n, hereAddr, 1n, 0x1234n, M(-2n), 0x5a5an, 22n - 11n, 0n, 0n, 0n];
  return { res, tail: [0x5a5an, 0x5a5an], regs: { rax: M(sum3 + 42n), rbx: 0n, rbp: 0n } };
}

// ---- recursion.asm
export function expectRecursion(bits: Bits): Expected {
  const M = (v: bigint) => u(v, bits);
  let calls = 0n, depth = 0n, maxd = 0n;
  const fib = (n: bigint): bigint => {
    calls++; depth++;
    if (depth > maxd) maxd = depth;
    const r = n < 2n ? n : fib(n - 1n) + fib(n - 2n);
    depth--;
    return r;
  };
  const f = fib(20n);
  let fact = 1n;
  for (let i = 2n; i <= (bits === 64 ? 20n : 12n); i++) fact = M(fact * i);
  const arr = [3n, -1n, 4n, 1n, -5n, 9n, 2n, -6n, 5n, 3n, -5n, 8n, 9n, 7n, -9n, 3n].map(M);
  const sum = M(arr.reduce((a, b) => a + b, 0n));
  return {
    words: [f, fact, sum, calls, 0n, maxd, ...arr],
    regs: { rax: f, rbx: f, rcx: calls, rdx: maxd, rsi: fact, rdi: sum },
  };
}

// ---- smc.asm (res[12] words, then the counter dword and the generated routine)
export function expectSmc(): { res: bigint[]; counter: number; gen: number[] } {
  let add = 0n;
  for (let k = 0n, imm = 1n; k < 5n; k++, imm *= 3n) add += imm;
  return {
    res: [0x11111111n, 0x22222222n, add, 130n, 70n, 0xf1n, 0xf2n, 0x4241n, 0x600d0001n, 0x600d0002n, 0xabcd0010n, 5n],
    counter: 5,
    gen: [0xb8, 0x02, 0x00, 0x0d, 0x60, 0xc3, ...Array<number>(10).fill(0xcc)],
  };
}
