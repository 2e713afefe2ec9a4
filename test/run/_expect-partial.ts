/**
 * @file Expected result slots of test/fixtures-src/run/partial.asm, one per `OUT`, derived from
 * the x86 rules each step exercises (partial writes keep the untouched bits, 32-bit writes zero
 * bits 63:32 in 64-bit mode, counts mask to 5 or 6 bits, count 0 changes nothing, inc/dec keep
 * CF...). Never copied from a run.
 *
 *   const slots = expectPartial(64, hereAddr);   // bigint[], 78 common slots + 27 for 64-bit
 */
import { addFlags, ccVector, low, mask, rol, ror, s, sar, shl, shr, subFlags, u, type Bits } from "./_expect.ts";

const TIN = [0x80, 0xf3, 0x7f, 0x01, 0x39, 0x30, 0xfe, 0xff];
const tinWord = (off: number, bytes: number): bigint => {
  let v = 0n;
  for (let i = bytes - 1; i >= 0; i--) v = (v << 8n) | BigInt(TIN[off + i]!);
  return v;
};
const sx = (v: bigint, from: number, to: number): bigint => u(s(v, from), to);
const M32 = (v: bigint): bigint => u(v, 32);

/** Multi-word add (or subtract) of little-endian `bits`-wide words with carry (borrow) chaining. */
function chain(a: bigint[], b: bigint[], bits: number, sub: boolean): bigint[] {
  let c = 0n;
  return a.map((x, i) => {
    const y = b[i]!;
    const r = sub ? x - y - c : x + y + c;
    c = sub ? (x < y + c ? 1n : 0n) : (r > mask(bits) ? 1n : 0n);
    return u(r, bits);
  });
}

/** `hereAddr`: address of the `here` label in the 64-bit variant (ignored for 32-bit). */
export function expectPartial(bits: Bits, hereAddr: bigint): bigint[] {
  const o: bigint[] = [];
  // byte/word writes
  let eax = 0x12345678n;
  eax = low(eax, 0xabn, 8); o.push(eax);
  eax = (eax & ~0xff00n) | (0xcdn << 8n); o.push(eax);
  eax = low(eax, 0xbeefn, 16); o.push(eax);
  let ebx = 0xa0b0c0d0n;
  ebx = (ebx & ~0xffffn) | ((eax & 0xffn) << 8n) | ((eax >> 8n) & 0xffn); o.push(ebx);
  const al = (eax & 0xffn) + (ebx & 0xffn);
  const ah = ((eax >> 8n) & 0xffn) + (al >> 8n);
  eax = (eax & ~0xffffn) | ((ah & 0xffn) << 8n) | (al & 0xffn); o.push(eax);
  eax = (eax & ~0xffffn) | ((eax & 0xffn) << 8n) | ((eax >> 8n) & 0xffn); o.push(eax);
  // movzx/movsx
  const ecx = 0xffff8081n;
  o.push(ecx & 0xffn, sx(ecx & 0xffn, 8, 32), ecx & 0xffffn, sx(ecx & 0xffffn, 16, 32));
  eax = low(0x55555555n, sx(ecx & 0xffn, 8, 16), 16); o.push(eax);
  eax = low(eax, (ecx >> 8n) & 0xffn, 16); o.push(eax);
  o.push(sx(tinWord(1, 1), 8, 32), tinWord(0, 2));
  // cbw/cwde/cwd/cdq
  eax = low(0x12345680n, sx(0x80n, 8, 16), 16); o.push(eax);
  eax = sx(eax & 0xffffn, 16, 32); o.push(eax);
  o.push(low(0x11111111n, 0n, 16), low(0x11111111n, 0xffffn, 16), 0xffffffffn, 0n);
  // xchg eax, edx then xchg dx, ax
  o.push(low(0x33334444n, 0x2222n, 16), low(0x11112222n, 0x4444n, 16));
  // setcc vectors
  o.push(ccVector(subFlags(5n, 7n, 32)), ccVector(subFlags(0x80000000n, 1n, 32)));
  o.push(ccVector(subFlags(0x1234n, 0x1234n, 32)), ccVector(addFlags(0x7fn, 0x81n, 8)));
  // cmovcc: 100 < 200 so cmovl takes 200, cmovg does not; edx = -3 is negative
  o.push(200n, M32(-3n));
  // shifts and rotates
  let x = shl(0x81234567n, 4, 32); o.push(x);
  x = shr(x, 1, 32); o.push(x);
  x = sar(0x81234567n, 8, 32); o.push(x);
  x = rol(x, 12, 32); o.push(x);
  x = ror(x, 1, 32); o.push(x);
  o.push(x); // shl by cl = 0: unchanged
  o.push(1n); // ...and flags unchanged: CF = 1 (setc dl), ZF = 0 (setz dh) from cmp 1, 2
  x = shl(x, 33 & 31, 32); o.push(x);
  x = ror(x, 36 & 31, 32); o.push(x);
  x = sar(x, 0x27 & 31, 32); o.push(x);
  x = low(x, rol(0x8001n, 1, 16), 16); o.push(x);
  o.push(rol(shr(0x96n, 3, 8), 3, 8));
  const e40 = sar(0x40000000n, 1, 32);
  const cf40 = (e40 >> 29n) & 1n; // shl by 3: the last bit out is bit 29
  o.push(M32(cf40 + shl(e40, 3, 32)));
  // imul/mul
  let p = u(-7n * 6n, 64); o.push(p & 0xffffffffn, p >> 32n);
  p = 0x80000000n * 6n; o.push(p & 0xffffffffn, p >> 32n);
  const ebx2 = M32(1234567n * 6n); o.push(ebx2);
  o.push(M32(s(ebx2, 32) * -3n));
  o.push(M32(s(tinWord(4, 4), 32) * 1000n));
  eax = low(0x1234ff00n, u(-3n * 50n, 16), 16); o.push(eax);
  eax = low(eax, 200n * 3n, 16); o.push(eax);
  p = 0x1234n * 0x100n;
  o.push(low(0xabcd1234n, p & 0xffffn, 16), low(0x5555aaaan, p >> 16n, 16));
  o.push(low(0xabcd1234n, 0x100n * 3n, 16));
  // neg/not/inc/dec
  o.push(M32(-5n), M32(~M32(-5n)), 0n);
  o.push((u(~0x12n, 8) << 8n) | u(-0n, 8));
  o.push(0x0101n); // inc keeps CF = 1 (setc al), dec to zero sets ZF (setz ah)
  o.push(low(0x7777ffffn, 0x10000n, 16));
  // adc/sbb chains over three words
  const A = [mask(bits), 0x12345678n, 7n], B = [1n, 0xf0000000n, 9n];
  o.push(...chain(A, B, bits, false), ...chain(A, B, bits, true));
  o.push(0xffffffffn); // 3 < 4 borrows: sbb edx, edx = -1
  const sb = u(10n + 1n, 32), cfSb = 10n < 0xffffffffn ? 1n : 0n; // sbb eax, -1 (CF in = 0)
  o.push(sb + cfSb);
  // logic
  eax = ((0xf0f0f0f0n & 0x0ff00ff0n) | 1n) ^ 0xffff0000n; o.push(eax);
  o.push(((eax & 0x80000000n) ? 1n : 0n) | ((eax & 0x0en) === 0n ? 0x100n : 0n));
  x = low(0x12345678n, 0x5678n & 0x0f0fn, 16);
  x = x | 0x8000n;
  o.push(x ^ 0xffn);
  o.push(u(~1n, 8));
  o.push(((0xcafebaben & tinWord(4, 4)) | tinWord(0, 4)) ^ 0x5an);
  // lea
  const lea = 0x1000n + 0x20n * 4n + 7n;
  o.push(lea, 0x20n * 8n, 0x3000n, lea - 0x100n, low(0xffff0000n, 0x1000n + 0x20n + 0xffffn, 16), 0x100n * 9n - 1n);
  if (bits === 32) return o;

  const M = mask(64), M64 = (v: bigint) => u(v, 64);
  o.push(0x99aabbccn, 0xffffffffn, low(M, 0n, 16), low(M, 5n, 8));
  o.push(sx(0x87654321n, 32, 64), M, 0n, sx(0x80000001n, 32, 64), sx(tinWord(4, 4), 32, 64));
  o.push(0xffffffffn, 0xffffffffn, 0xffffffffn); // xchg, untaken cmov and shift by 0 all zero-extend
  o.push(shl(0x8000000000000001n, 65 & 63, 64));
  const r8 = low(M, 0n, 8), r9 = low(0x0123456789abcdefn, r8 & 0xffffn, 16);
  o.push(r8, r9, r9 & 0xffffffffn, low(0x1111111111111111n, 0x7fn, 8));
  p = 0x123456789n * 0x987654321n; o.push(p & M, p >> 64n);
  p = u(-3n * 0x4000000000000000n, 128); o.push(p & M, p >> 64n);
  o.push(M64(0x4000000000000000n * 0x12345677n));
  o.push((0xffffffff00001000n + 0x20n * 8n) & 0xffffffffn, hereAddr);
  o.push(1n); // neg of INT64_MIN overflows
  o.push(0n, sx(0x80n, 8, 64));
  return o;
}
