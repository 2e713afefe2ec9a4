/**
 * @file Shifts and rotates by CL whose masked count is 0 change nothing (SDM Vol. 2B, SAL/SAR/SHL/
 * SHR and RCL/RCR/ROL/ROR: "If the count is 0, the flags are not affected"), AF included: the
 * differential tests cannot show it, because the rows declare AF undefined (fu=oa, right for
 * every nonzero count) and mask it whatever the count. Each form, 8 to 64 bits, translated and
 * run on Unicorn ARM64 (src/verify/a64-run.ts) with CL = 0 and CL at multiples of the count mask
 * + 1, from flags states where CF, PF, AF, ZF, SF, OF each are set and clear: every status flag
 * and every register must come out as they went in (a 32-bit destination zero-extended, as the
 * SDM's 64-bit mode writes it). The oracle is that sentence of the manual. Then the same after an
 * `add eax, edx` in the same block, whose flags (the SDM's ADD, modelled below) the shift must
 * pass on: a translation that took AF for undefined whatever the count would drop the add's AF.
 *
 *   bun test test/verify/shift-count-zero.test.ts
 */
import { describe, expect, test } from "bun:test";
import { A64Harness, GuestState } from "../../src/verify/a64-run.ts";
import { translator } from "./_translate.ts";

const CODE = 0x140001000n;
const STATUS = 0x8d5; // CF PF AF ZF SF OF
const FLAGS = [0x000, 0x8d5, 0x010, 0x004, 0x001, 0x800, 0x0c0, 0x014, 0x8c1];
const OPS: [string, number][] = [["rol", 0], ["ror", 1], ["rcl", 2], ["rcr", 3], ["shl", 4], ["shr", 5], ["sar", 7]];
const SIZES: [number, number[]][] = [[8, [0xd2]], [16, [0x66, 0xd3]], [32, [0xd3]], [64, [0x48, 0xd3]]];
const RBX = 0x8badf00d_12345687n;

describe("shift or rotate by CL with a masked count of 0: every flag and register unchanged", () => {
  const t = translator(64);
  for (const [bits, prefix] of SIZES) {
    test(`${bits}-bit`, () => {
      const h = new A64Harness(64, { seed: 3 });
      const counts = bits === 64 ? [0n, 0x40n, 0x80n, 0xc0n] : [0n, 0x20n, 0x40n, 0x80n, 0xe0n];
      let runs = 0;
      for (const [name, ext] of OPS) {
        const tb = t(Uint8Array.of(...prefix, 0xc3 | (ext << 3)), CODE, 1); // op rbx/ebx/bx/bl, cl
        expect([name, tb.fallback]).toEqual([name, ""]);
        h.load(tb);
        for (const cl of counts) {
          for (const fl of FLAGS) {
            const s = new GuestState();
            s.setGprBig(1, 0x7700n | cl);
            s.setGprBig(3, RBX);
            s.eflags = 0x202 | fl;
            h.run(s);
            const rbx = bits === 32 ? RBX & 0xffffffffn : RBX;
            expect([name, bits, cl, fl, h.out.eflags & STATUS, h.out.gprBig(3), h.out.gprBig(1)])
              .toEqual([name, bits, cl, fl, fl, rbx, 0x7700n | cl]);
            runs++;
          }
        }
      }
      expect(runs).toBe(OPS.length * counts.length * FLAGS.length);
      h.close();
    });
  }
});

/** The status flags of `add eax, edx` (SDM: CF carry out, PF parity of the low byte, AF carry out of bit 3, ZF, SF, OF signed overflow). */
function addFlags(a: number, d: number): number {
  const r = (a + d) >>> 0, lo = r & 0xff;
  let parity = 1;
  for (let k = 0; k < 8; k++) parity ^= (lo >> k) & 1;
  const cf = a + d > 0xffffffff ? 1 : 0, af = ((a ^ d ^ r) >> 4) & 1, zf = r === 0 ? 1 : 0, sf = r >>> 31;
  const of = (~(a ^ d) & (a ^ r)) >>> 31;
  return cf | (parity << 2) | (af << 4) | (zf << 6) | (sf << 7) | (of << 11);
}

describe("the same after add eax, edx in the block: the add's flags, AF included, come out", () => {
  const t = translator(64);
  const PAIRS: [number, number][] = [[0x0f, 0x01], [0x10, 0x10], [0xffffffff, 1], [0x7fffffff, 1], [0x12345678, 0x0], [0x88, 0x88], [0x80000008, 0x80000008]];
  for (const [bits, prefix] of SIZES) {
    test(`${bits}-bit`, () => {
      const h = new A64Harness(64, { seed: 5 });
      const counts = bits === 64 ? [0n, 0x40n] : [0n, 0x20n, 0xe0n];
      const seen = new Set<number>();
      for (const [name, ext] of OPS) {
        const tb = t(Uint8Array.of(0x01, 0xd0, ...prefix, 0xc3 | (ext << 3)), CODE, 2); // add eax, edx; op rbx, cl
        expect([name, tb.fallback]).toEqual([name, ""]);
        h.load(tb);
        for (const cl of counts) {
          for (const [a, d] of PAIRS) {
            const s = new GuestState();
            s.setGprBig(0, BigInt(a));
            s.setGprBig(2, BigInt(d));
            s.setGprBig(1, cl);
            s.setGprBig(3, RBX);
            s.eflags = 0x202 | (addFlags(a, d) ^ STATUS);
            h.run(s);
            const want = addFlags(a, d);
            seen.add(want & 0x10);
            expect([name, bits, cl, a, d, h.out.eflags & STATUS, h.out.gprBig(0)]).toEqual([name, bits, cl, a, d, want, BigInt((a + d) >>> 0)]);
          }
        }
      }
      expect([...seen].sort()).toEqual([0, 0x10]);
      h.close();
    });
  }
});
