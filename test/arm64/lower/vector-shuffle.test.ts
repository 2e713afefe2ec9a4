/**
 * @file Lowering of the slice's shuffles and lane moves (src/arm64/lower/vector-shuffle.ts). The
 * expected listings are derived by hand from the ARM manual's element semantics (zip1 of a
 * register with itself on .4h is lanes 0,0,1,1; a Q=0 permute zeroes the high half; `ins` moves
 * one element) and the x86 definitions (PSHUFLW/HW keep the other half, SHUFPS takes its low
 * lanes from the destination); the values are checked against Unicorn's x86 by
 * test/verify/diff.test.ts, and EXTRQ/INSERTQ against QEMU 7.2 by test/verify/sse4a.test.ts.
 */
import { describe, expect, test } from "bun:test";
import { parseIr } from "../../../src/ir/index.ts";
import { BASELINE } from "../../../src/arm64/features.ts";
import { Lowerer, listing, lowerBlock } from "../../../src/arm64/lower/index.ts";

const END = "  v9 = Const.8 0x1003\n  Exit jump, v9 ?-\n";

function lines(body: string, mode: 32 | 64 = 64): string[] {
  const b = parseIr(`block 0x1000 mode ${mode}\n  Guest 4, 0x1000\n${body}${END}`);
  const out = lowerBlock(b, { features: BASELINE, memoryOrder: "relaxed", pic: false }, new Lowerer());
  return listing(out.code).split("\n").slice(0, out.bodyWords);
}

describe("PSHUFLW/PSHUFHW (VShuf16)", () => {
  test("low half, a permute pattern: the 64-bit permute, then the high half put back", () => {
    // imm 0x50 = words (0, 0, 1, 1): zip1 .4h of the source with itself.
    expect(lines("  VShuf16 xmm0, xmm1, 0, 80\n")).toEqual(["zip1 v0.4h, v1.4h, v1.4h", "mov v0.d[1], v1.d[1]"]);
    // imm 0x1b = (3, 2, 1, 0): rev64 .4h.
    expect(lines("  VShuf16 xmm0, xmm1, 0, 27\n")).toEqual(["rev64 v0.4h, v1.4h", "mov v0.d[1], v1.d[1]"]);
  });
  test("high half: zip2 .8h gives (6, 6, 7, 7) on top and (4, 4, 5, 5) below", () => {
    expect(lines("  VShuf16 xmm0, xmm1, 1, 250\n")).toEqual(["zip2 v0.8h, v1.8h, v1.8h", "mov v0.d[0], v1.d[0]"]);
    expect(lines("  VShuf16 xmm0, xmm1, 1, 80\n")).toEqual(["zip2 v0.8h, v1.8h, v1.8h", "mov v0.d[1], v0.d[0]", "mov v0.d[0], v1.d[0]"]);
    // trn1 .8h works within each 64-bit half: (0, 0, 2, 2) of the high half as well.
    expect(lines("  VShuf16 xmm0, xmm1, 1, 160\n")).toEqual(["trn1 v0.8h, v1.8h, v1.8h", "mov v0.d[0], v1.d[0]"]);
  });
  test("a broadcast is a dup; identity a move; imm 1 = (1, 0, 0, 0) a dup and one word", () => {
    expect(lines("  VShuf16 xmm2, xmm3, 0, 255\n")).toEqual(["dup v2.4h, v3.h[3]", "mov v2.d[1], v3.d[1]"]);
    expect(lines("  VShuf16 xmm2, xmm3, 1, 0\n")).toEqual(["dup v2.8h, v3.h[4]", "mov v2.d[0], v3.d[0]"]);
    expect(lines("  VShuf16 xmm2, xmm3, 0, 228\n")).toEqual(["mov v2.16b, v3.16b"]);
    expect(lines("  VShuf16 xmm2, xmm3, 0, 1\n")).toEqual(["dup v2.4h, v3.h[0]", "mov v2.d[1], v3.d[1]", "mov v2.h[0], v3.h[1]"]);
  });
  test("in place: word moves ordered so each is read before it is overwritten; a cycle goes through a general register", () => {
    // (3, 2, 1, 0) in place: two 2-cycles, each saved, moved, restored.
    expect(lines("  VShuf16 xmm3, xmm3, 0, 27\n")).toEqual([
      "umov w9, v3.h[0]", "mov v3.h[0], v3.h[3]", "mov v3.h[3], w9", "umov w9, v3.h[1]", "mov v3.h[1], v3.h[2]", "mov v3.h[2], w9",
    ]);
    // A broadcast in place has no cycle: three moves from word 0 (high half: words 5, 6, 7 from 4).
    expect(lines("  VShuf16 xmm3, xmm3, 1, 0\n")).toEqual(["mov v3.h[5], v3.h[4]", "mov v3.h[6], v3.h[4]", "mov v3.h[7], v3.h[4]"]);
    // (1, 2, 3, 0): one 4-cycle.
    expect(lines("  VShuf16 xmm3, xmm3, 0, 57\n")).toEqual([
      "umov w9, v3.h[0]", "mov v3.h[0], v3.h[1]", "mov v3.h[1], v3.h[2]", "mov v3.h[2], v3.h[3]", "mov v3.h[3], w9",
    ]);
  });
});

describe("SHUFPS/SHUFPD (VShufPair)", () => {
  test("SHUFPD: every immediate is one word, or none", () => {
    expect(lines("  VShufPair.8 xmm0, xmm1, 0\n")).toEqual(["zip1 v0.2d, v0.2d, v1.2d"]);
    expect(lines("  VShufPair.8 xmm0, xmm1, 3\n")).toEqual(["zip2 v0.2d, v0.2d, v1.2d"]);
    expect(lines("  VShufPair.8 xmm0, xmm1, 1\n")).toEqual(["ext v0.16b, v0.16b, v1.16b, #0x8"]);
    expect(lines("  VShufPair.8 xmm0, xmm1, 2\n")).toEqual(["mov v0.d[1], v1.d[1]"]);
    expect(lines("  VShufPair.8 xmm0, xmm0, 1\n")).toEqual(["ext v0.16b, v0.16b, v0.16b, #0x8"]);
    expect(lines("  VShufPair.8 xmm0, xmm0, 3\n")).toEqual(["dup v0.2d, v0.d[1]"]);
    expect(lines("  VShufPair.8 xmm0, xmm0, 2\n")).toEqual([]);
  });
  test("SHUFPS: one-word concatenations, else the low half in place then the source's lanes", () => {
    expect(lines("  VShufPair.4 xmm0, xmm1, 68\n")).toEqual(["zip1 v0.2d, v0.2d, v1.2d"]);
    expect(lines("  VShufPair.4 xmm0, xmm1, 136\n")).toEqual(["uzp1 v0.4s, v0.4s, v1.4s"]);
    // (a0, a0, b0, b0): dup of a0 (its lanes 2, 3 are overwritten next), two lane moves.
    expect(lines("  VShufPair.4 xmm0, xmm1, 0\n")).toEqual(["dup v0.4s, v0.s[0]", "mov v0.s[2], v1.s[0]", "mov v0.s[3], v1.s[0]"]);
    // (a1, a0, b2, b3): rev64 swaps the low pair, the high quadword comes from b whole.
    expect(lines("  VShufPair.4 xmm0, xmm1, 225\n")).toEqual(["rev64 v0.4s, v0.4s", "mov v0.d[1], v1.d[1]"]);
    // (a3, a0, b1, b0): lane 1 first (it reads a0, which lane 0 overwrites), then lane 0.
    expect(lines("  VShufPair.4 xmm0, xmm1, 19\n")).toEqual(["mov v0.s[1], v0.s[0]", "mov v0.s[0], v0.s[3]", "mov v0.s[2], v1.s[1]", "mov v0.s[3], v1.s[0]"]);
  });
  test("SHUFPS of a register with itself is PSHUFD", () => {
    expect(lines("  VShufPair.4 xmm11, xmm11, 0\n")).toEqual(["dup v11.4s, v11.s[0]"]);
  });
});

describe("lane moves, inserts and extracts", () => {
  test("MOVHLPS/MOVLHPS are one element move; INSERTQ of a whole aligned element too", () => {
    expect(lines("  VInsLane.8 xmm0, xmm1, 0, 1\n  VInsLane.8 xmm2, xmm3, 1, 0\n")).toEqual(["mov v0.d[0], v1.d[1]", "mov v2.d[1], v3.d[0]"]);
    expect(lines("  VInsBits xmm0, xmm1, 32, 32\n")).toEqual(["mov v0.s[1], v1.s[0]"]);
    expect(lines("  VInsBits xmm0, xmm1, 0, 64\n")).toEqual(["mov v0.d[0], v1.d[0]"]);
    expect(lines("  VInsBits xmm0, xmm1, 16, 16\n")).toEqual(["mov v0.h[1], v1.h[0]"]);
  });
  test("INSERTQ of any other field: both quadwords to general registers, bfi, back", () => {
    expect(lines("  VInsBits xmm2, xmm5, 3, 7\n")).toEqual(["fmov x9, d5", "fmov x6, d2", "bfi x6, x9, #3, #7", "mov v2.d[0], x6"]);
  });
  test("PINSRW/PEXTRW: ins from and umov to a general register; memory forms ld1/st1 of one word", () => {
    expect(lines("  v1 = GetReg rcx\n  VInsGpr.2 xmm4, v1, 7\n  v2 = VLaneToGpr.2 xmm4, 6\n  SetReg rdx, v2\n")).toEqual(["mov v4.h[7], w0", "umov w1, v4.h[6]"]);
    expect(lines("  v1 = GetReg rbx\n  VLoadLane.2 xmm1, v1, 5, 0\n  VStore.2 v1, xmm2, 3, 0\n  VStore.2 v1, xmm2, 0, 0\n")).toEqual([
      "ld1 { v1.h }[5], [x27]", "st1 { v2.h }[3], [x27]", "str h2, [x27]",
    ]);
  });
});

test("ARM64EC: no word names v16-v31 and every park is undone, for every immediate of every shuffle", () => {
  const bodies: string[] = [];
  for (let imm = 0; imm < 256; imm++) {
    for (const half of [0, 1]) bodies.push(`  VShuf16 xmm3, xmm3, ${half}, ${imm}\n`, `  VShuf16 xmm15, xmm2, ${half}, ${imm}\n`, `  v1 = GetReg rbx\n  VLoad.16 xt, v1, 0\n  VShuf16 xmm15, xt, ${half}, ${imm}\n`);
    bodies.push(`  VShufPair.4 xmm3, xmm3, ${imm}\n`, `  VShufPair.4 xmm15, xmm2, ${imm}\n`, `  v1 = GetReg rbx\n  VLoad.16 xt, v1, 0\n  VShufPair.4 xmm15, xt, ${imm}\n`);
  }
  for (let imm = 0; imm < 4; imm++) bodies.push(`  v1 = GetReg rbx\n  VLoad.16 xt, v1, 0\n  VShufPair.8 xmm14, xt, ${imm}\n`);
  for (const [lsb, w] of [[0, 64], [3, 7], [60, 4], [8, 8], [48, 16]]) bodies.push(`  VInsBits xmm15, xmm0, ${lsb}, ${w}\n`);
  for (const ir of bodies) {
    const l = lines(ir, 64);
    expect(l.filter((s) => /\b[vqdsh](1[6-9]|2\d|3[01])\b/.test(s))).toEqual([]);
    const park = l.filter((s) => /^str q\d+, \[x12, #0xd0\]$/.test(s)).map((s) => s.split(",")[0]!.slice(4));
    const unpark = l.filter((s) => /^ldr q\d+, \[x12, #0xd0\]$/.test(s)).map((s) => s.split(",")[0]!.slice(4));
    expect(unpark).toEqual(park);
  }
});
