/**
 * @file Vector-slice lowering (ABI §3.2): ops on the XMM homes v0-v15, the borrowed scratch parked
 * at STATE+0xd0 for ARM64EC guests and used directly for WOW64 ones, and the ARM64EC rule that no
 * word names v16-v31. Expected listings are derived by hand from the ABI and the ARM manual
 * (x86 PANDN is ~dst & src, ARM BIC is n & ~m); the values themselves are checked by the
 * differential tests (test/verify/xmm-diff.test.ts).
 */
import { expect, test } from "bun:test";
import { parseIr } from "../../../src/ir/index.ts";
import { BASELINE } from "../../../src/arm64/features.ts";
import { Lowerer, listing, lowerBlock } from "../../../src/arm64/lower/index.ts";
import { VOP_NAMES } from "../../../src/ir/ops.ts";

const END = "  v9 = Const.8 0x1003\n  Exit jump, v9 ?-\n";

function lines(body: string, mode: 32 | 64 = 64, memoryOrder: "tso" | "relaxed" = "relaxed"): string[] {
  const b = parseIr(`block 0x1000 mode ${mode}\n  Guest 4, 0x1000\n${body}${END}`);
  const out = lowerBlock(b, { features: BASELINE, memoryOrder, pic: false }, new Lowerer());
  return listing(out.code).split("\n").slice(0, out.bodyWords);
}

test("a memory source (pxor xmm1, [rbx+16]): ARM64EC parks v15 around its use, WOW64 uses v15 as is", () => {
  const ir = "  v1 = GetReg rbx\n  v2 = Const.8 0x10\n  v3 = Add.8 v1, v2\n  VLoad.16 xt, v3, 0\n  VBin xmm1, xt, xor\n";
  expect(lines(ir, 64)).toEqual(["str q15, [x12, #0xd0]", "ldr q15, [x27, #0x10]", "eor v1.16b, v1.16b, v15.16b", "ldr q15, [x12, #0xd0]"]);
  expect(lines(ir, 32)).toEqual(["ldr q15, [x27, #0x10]", "eor v1.16b, v1.16b, v15.16b"]);
});

test("the borrowed register is one the instruction does not name", () => {
  const ir = "  v1 = GetReg rbx\n  VLoad.16 xt, v1, 0\n  VBin xmm15, xt, and\n";
  expect(lines(ir, 64)).toEqual(["str q14, [x12, #0xd0]", "ldr q14, [x27]", "and v15.16b, v15.16b, v14.16b", "ldr q14, [x12, #0xd0]"]);
});

test("operand order: PANDN is ~dst & src (bic src, dst); unpacks are zip1/zip2 with the destination first", () => {
  expect(lines("  VBin xmm1, xmm2, andn\n")).toEqual(["bic v1.16b, v2.16b, v1.16b"]);
  expect(lines("  VBin xmm3, xmm4, unpckl8\n  VBin xmm5, xmm6, unpckh64\n")).toEqual(["zip1 v3.16b, v3.16b, v4.16b", "zip2 v5.2d, v5.2d, v6.2d"]);
  expect(lines("  VBin xmm0, xmm7, cmpeq16\n")).toEqual(["cmeq v0.8h, v0.8h, v7.8h"]);
});

test("scalar moves: MOVSS/MOVSD merge one element (ins), MOVQ and GPR moves zero the rest (fmov)", () => {
  expect(lines("  VMovLow.4 xmm1, xmm2\n  VMovLow.8 xmm3, xmm4\n")).toEqual(["mov v1.s[0], v2.s[0]", "mov v3.d[0], v4.d[0]"]);
  expect(lines("  VZextLow.8 xmm1, xmm2\n")).toEqual(["fmov d1, d2"]);
  expect(lines("  v1 = GetReg rcx\n  VFromGpr.4 xmm7, v1\n  v3 = VToGpr.8 xmm7\n  SetReg rdx, v3\n")).toEqual(["fmov s7, w0", "fmov x1, d7"]);
});

test("ARM64EC: no word names v16-v31, and every park is undone in the same instruction, for every op and every PSHUFD immediate", () => {
  const bodies: string[] = [];
  for (let imm = 0; imm < 256; imm++) bodies.push(`  VShuf32 xmm3, xmm3, ${imm}\n`, `  VShuf32 xmm15, xmm2, ${imm}\n`, `  v1 = GetReg rbx\n  VLoad.16 xt, v1, 0\n  VShuf32 xmm15, xt, ${imm}\n`);
  for (let k = 0; k < VOP_NAMES.length; k++) bodies.push(`  v1 = GetReg rbx\n  VLoad.16 xt, v1, 0\n  VBin xmm${k}, xt, ${VOP_NAMES[k]}\n`);
  for (const e of [1, 4, 8]) for (const x of [0, 14, 15]) bodies.push(`  v1 = VMoveMask.${e} xmm${x}\n  SetReg rax, v1\n`);
  let parked = 0;
  for (const ir of bodies) {
    const l = lines(ir, 64);
    expect(l.filter((s) => /\b[vqds](1[6-9]|2\d|3[01])\b/.test(s))).toEqual([]);
    const park = l.filter((s) => /^str q\d+, \[x12, #0xd0\]$/.test(s)).map((s) => s.split(",")[0]!.slice(4));
    const unpark = l.filter((s) => /^ldr q\d+, \[x12, #0xd0\]$/.test(s)).map((s) => s.split(",")[0]!.slice(4));
    expect(unpark).toEqual(park);
    parked += park.length;
    // WOW64: nothing parked at all.
    expect(lines(ir.replace(/xmm(8|9|1\d)/g, "xmm7"), 32).filter((s) => s.includes("#0xd0"))).toEqual([]);
  }
  expect(parked).toBeGreaterThan(256);
});

test("vector accesses are plain under tso unless the volatile metadata orders them (MEM.ORDERED = 2, ABI §8)", () => {
  const ir = (attrs: number) => `  v1 = GetReg rbx\n  VLoad.16 xmm1, v1, ${attrs}\n  VStore.8 v1, xmm2, 1, ${attrs}\n  VLoadLane.8 xmm3, v1, 0, ${attrs}\n`;
  expect(lines(ir(0), 64, "tso")).toEqual(["ldr q1, [x27]", "st1 { v2.d }[1], [x27]", "ld1 { v3.d }[0], [x27]"]);
  expect(lines(ir(2), 64, "tso")).toEqual(["ldr q1, [x27]", "dmb ishld", "dmb ishst", "st1 { v2.d }[1], [x27]", "ld1 { v3.d }[0], [x27]", "dmb ishld"]);
});
