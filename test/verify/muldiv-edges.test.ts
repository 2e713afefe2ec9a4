/**
 * @file The 128/64-bit division paths at their boundaries, which random states rarely reach:
 * DIV/IDIV r64 translated and run on Unicorn ARM64 (src/verify/a64-run.ts) from chosen RDX:RAX
 * and divisors, against a BigInt model of the SDM's Operation box (exact quotient, truncated
 * toward 0; #DE when the divisor is 0 or the quotient does not fit). Cases: the fast paths (RDX
 * = 0, RDX = sign of RAX), the shift-subtract loop with either sign of dividend and divisor, a
 * quotient of exactly 2^63 (fits when negative, #DE when positive), quotients just above the range
 * with the high half below the divisor (the loop's own range check), INT64_MIN / -1 in both
 * forms, the largest unsigned quotients. A #DE must leave through divide_error at the DIV with
 * every register unchanged. Then DIV/IDIV of 8, 16 and 32 bits over dividends and divisors at
 * every sign and range boundary of their width (the cross product, through the same model).
 */
import { describe, expect, test } from "bun:test";
import { A64Harness, GuestState } from "../../src/verify/a64-run.ts";
import { SYM } from "../../src/ir/index.ts";
import { translator } from "./_translate.ts";

const M64 = (1n << 64n) - 1n;
const CODE = 0x140001000n;
const s64 = (x: bigint): bigint => BigInt.asIntN(64, x);

/** The SDM's DIV/IDIV r64: [quotient, remainder] (as unsigned 64-bit) or "DE". */
function model(signed: boolean, rdx: bigint, rax: bigint, d: bigint): [bigint, bigint] | "DE" {
  if (d === 0n) return "DE";
  if (!signed) {
    const n = (rdx << 64n) | rax, q = n / d;
    return q > M64 ? "DE" : [q, n % d];
  }
  const n = BigInt.asIntN(128, (rdx << 64n) | rax), dv = s64(d);
  const q = n / dv; // BigInt division truncates toward 0, as IDIV does
  if (q > (1n << 63n) - 1n || q < -(1n << 63n)) return "DE";
  return [BigInt.asUintN(64, q), BigInt.asUintN(64, n - q * dv)];
}

const MIN = 1n << 63n, NEG1 = M64;
/** [rdx, rax, divisor] */
const CASES: [bigint, bigint, bigint][] = [
  [0n, 1000n, 7n], [0n, M64, 1n], [0n, 5n, 0n], [6n, 0n, 7n], [7n, 0n, 7n], [M64 - 1n, M64, M64],
  [NEG1, s64(-1000n) & M64, 7n], [NEG1, s64(-1000n) & M64, s64(-7n) & M64], [0n, 1000n, s64(-7n) & M64],
  [NEG1, 0n, MIN], [NEG1, MIN, NEG1], [0n, MIN, NEG1], [NEG1, MIN, 1n],
  // quotient exactly ±2^63: -2^64 / 2 fits, 2^64 / 2 and -2^64 / -2 do not
  [NEG1, 0n, 2n], [1n, 0n, 2n], [NEG1, 0n, s64(-2n) & M64], [1n, 0n, s64(-2n) & M64],
  // high half below |d| but the quotient above 2^63: 2^65 / 3, -2^65 / 3
  [2n, 0n, 3n], [s64(-2n) & M64, 0n, 3n], [2n, 0n, s64(-3n) & M64],
  // the loop with both signs and large magnitudes
  [0x1234n, 0x9e3779b97f4a7c15n, 0x7fedcba987654321n], [NEG1 - 0x1234n, 0x9e3779b97f4a7c15n, 0x7fedcba987654321n],
  [0x1234n, 0x9e3779b97f4a7c15n, s64(-0x7fedcba987654321n) & M64], [0x3fffffffffffffffn, M64, MIN],
  [0x4000000000000000n, 0n, MIN], [s64(-0x4000000000000000n) & M64, 0n, MIN], [0x7fffffffffffffffn, M64, M64],
  [1n, 1n, 0x8000000000000001n], [0x7ffffffffffffffen, 0x123n, 0x7fffffffffffffffn],
];

describe("DIV/IDIV r64 at the boundaries of the 128/64 paths (BigInt model of the SDM)", () => {
  for (const signed of [false, true]) {
    test(`${signed ? "idiv" : "div"} rcx`, () => {
      const tb = translator(64)(Uint8Array.of(0x48, 0xf7, signed ? 0xf9 : 0xf1), CODE, 1);
      expect(tb.fallback).toBeFalsy();
      const h = new A64Harness(64, { seed: 7 });
      h.load(tb);
      const s = new GuestState();
      let faults = 0;
      for (const [rdx, rax, d] of CASES) {
        s.setGprBig(0, rax);
        s.setGprBig(1, d);
        s.setGprBig(2, rdx);
        s.setGprBig(3, 0x5555n);
        s.eflags = 0x8d7;
        h.run(s);
        const want = model(signed, rdx, rax, d);
        const got = [h.out.gprBig(0), h.out.gprBig(2), h.sym, h.exitRip];
        if (want === "DE") {
          faults++;
          expect([rdx, rax, d, ...got]).toEqual([rdx, rax, d, rax, rdx, SYM.divide_error, Number(CODE)]);
          expect(h.out.eflags & 0x8d5).toBe(0x8d5);
        } else expect([rdx, rax, d, ...got]).toEqual([rdx, rax, d, want[0], want[1], SYM.dispatch, Number(CODE) + 3]);
        expect(h.out.gprBig(1)).toBe(d);
      }
      expect(faults).toBeGreaterThan(3);
      h.close();
    });
  }
});

/** DIV/IDIV of w bits (8/16/32): the 2w-bit dividend and the divisor as unsigned bit patterns. */
function narrowModel(signed: boolean, w: number, n: bigint, d: bigint): [bigint, bigint] | "DE" {
  if (d === 0n) return "DE";
  const N = signed ? BigInt.asIntN(2 * w, n) : n, D = signed ? BigInt.asIntN(w, d) : d;
  const q = N / D, lim = signed ? [-(1n << BigInt(w - 1)), (1n << BigInt(w - 1)) - 1n] : [0n, (1n << BigInt(w)) - 1n];
  if (q < lim[0]! || q > lim[1]!) return "DE";
  return [BigInt.asUintN(w, q), BigInt.asUintN(w, N - q * D)];
}

describe("DIV/IDIV of 8, 16 and 32 bits at their boundaries (BigInt model of the SDM)", () => {
  const RAX0 = 0x1111222233334444n, RDX0 = 0x5555666677778888n, RCX0 = 0x9999aaaabbbbcccn;
  for (const w of [8, 16, 32]) {
    for (const signed of [false, true]) {
      const op = signed ? 0xf9 : 0xf1; // /7 or /6 with rcx
      const code = w === 8 ? [0xf6, op] : w === 16 ? [0x66, 0xf7, op] : [0xf7, op];
      test(`${signed ? "idiv" : "div"} ${w === 8 ? "cl" : w === 16 ? "cx" : "ecx"}`, () => {
        const tb = translator(64)(Uint8Array.from(code), CODE, 1);
        expect(tb.fallback).toBeFalsy();
        const h = new A64Harness(64, { seed: 9 });
        h.load(tb);
        const s = new GuestState();
        const W = BigInt(w), m = (1n << W) - 1n, h1 = 1n << (W - 1n);
        const dividends = [0n, 1n, -1n, h1 - 1n, h1, -h1, -h1 - 1n, m, -(m + 1n), (h1 << W) - 1n, -(h1 << W), (m << W) | m, 12345n * (h1 + 3n), -7n * h1 - 5n];
        const divisors = [0n, 1n, -1n, 2n, -2n, 3n, 7n, h1 - 1n, -h1, m, 0x5an];
        let faults = 0, cases = 0;
        for (const nn of dividends) {
          for (const dd of divisors) {
            const n = BigInt.asUintN(2 * w, nn), d = BigInt.asUintN(w, dd);
            let rax = RAX0, rdx = RDX0;
            if (w === 8) rax = (rax & ~0xffffn) | n;
            else { rax = (rax & ~m) | (n & m); rdx = (rdx & ~m) | (n >> W); }
            const rcx = (RCX0 & ~m) | d;
            s.setGprBig(0, rax); s.setGprBig(1, rcx); s.setGprBig(2, rdx);
            s.eflags = 0x2;
            h.run(s);
            const want = narrowModel(signed, w, n, d);
            let wantRax = rax, wantRdx = rdx;
            if (want !== "DE") {
              const [q, r] = want;
              if (w === 8) wantRax = (rax & ~0xffffn) | (r << 8n) | q;
              else if (w === 16) { wantRax = (rax & ~m) | q; wantRdx = (rdx & ~m) | r; }
              else { wantRax = q; wantRdx = r; } // a 32-bit write zero-extends
            } else faults++;
            cases++;
            expect([nn, dd, h.out.gprBig(0), h.out.gprBig(2), h.out.gprBig(1), h.sym]).toEqual(
              [nn, dd, wantRax, wantRdx, rcx, want === "DE" ? SYM.divide_error : SYM.dispatch]);
          }
        }
        expect(faults).toBeGreaterThan(10);
        expect(cases - faults).toBeGreaterThan(30);
        h.close();
      });
    }
  }
});
