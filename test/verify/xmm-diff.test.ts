/**
 * @file The XMM half of the differential harness (src/verify/diff.ts, xmm.ts): every state gives
 * XMM0..15 (XMM0..7 for 32-bit guests) random 128-bit values on both engines and compares all of
 * them afterwards. Checked here with translations whose vector behaviour is known by construction:
 * - real translations of integer instructions and blocks (which must leave V0..V15 alone) agree
 *   on every state;
 * - the same translations with one vector instruction put in front (`mvn`/`movi #0`/`eor` of a
 *   V register) are reported on that register, `* xmmN` with both values; on v16-v31 (and
 *   v8-v14 for 32-bit guests, whose scratch is v15) as a clobbered host register;
 * - hand-written ARM64 for pxor, pcmpeqb and movdqu/movaps loads and stores (the semantics the
 *   vector slice will produce) agree with Unicorn's x86, and a wrong source register is caught;
 * - memory operands of 4, 8 and 16 bytes are placed, aligned where the CPU demands it (movaps)
 *   and both aligned and unaligned otherwise (movdqu);
 * - the random values include equal and unequal lanes and both sign-mask extremes.
 * The ARM64 words come from the project's encoders (src/arm64/isa, themselves tested against
 * llvm-mc); the oracle is Unicorn's x86 CPU.
 */
import { describe, expect, test } from "bun:test";
import { Differ, type TranslateFn } from "../../src/verify/diff.ts";
import { assembleBlocks, LAYOUT, placeState, planMemory, prng, randomBlock, type MemPlan } from "../../src/verify/gen.ts";
import { randomXmm } from "../../src/verify/xmm.ts";
import { GuestState } from "../../src/verify/a64-run.ts";
import { decodeFaults } from "../../src/runtime/faults.ts";
import { Decoder, Insn } from "../../src/x86/index.ts";
import {
  LDST, LOGIC3, SIMD3, br, ldstUimm, movImm, moviV2d, mvnVec, simd3, simdLogic, tryByteMask64, tryUimm12s,
} from "../../src/arm64/index.ts";
import type { TranslatedBlock } from "../../src/arm64/lower/output.ts";
import { count } from "../_env.ts";
import { translator } from "./_translate.ts";

const STATES = count(60, 400);

/** The fault side table (ABI §9) of `t` with every host word moved `by` words later. */
function shiftFaults(t: Uint8Array, by: number): Uint8Array {
  const out: number[] = [];
  const uleb = (v: number): void => {
    do {
      out.push((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
      v = Math.floor(v / 128);
    } while (v > 0);
  };
  let last = 0;
  for (const e of decodeFaults(t)) {
    uleb(e.hostWord + by - last);
    last = e.hostWord + by;
    uleb(e.guestOffset);
    out.push(e.state);
  }
  return new Uint8Array(out);
}

/** A real translator whose blocks start with `words` (run before the block's own code). */
function withPrefix(bits: 32 | 64, words: number[]): TranslateFn {
  const real = translator(bits);
  return (code, va, n) => {
    const tb = real(code, va, n);
    return { ...tb, code: Uint32Array.from([...words, ...tb.code]), bodyWords: tb.bodyWords + words.length, faults: shiftFaults(tb.faults, words.length) };
  };
}

/** Integer instructions, with and without memory operands (64-bit and 32-bit encodings). */
const INTEGER: Record<32 | 64, number[][]> = {
  64: [[0x48, 0x01, 0xd8], [0x48, 0x8b, 0x43, 0x08], [0x48, 0x89, 0x0b], [0x48, 0x0f, 0xaf, 0xc1], [0x48, 0xd3, 0xe0], [0x50], [0x59], [0x48, 0xf7, 0xf1], [0xc3]],
  32: [[0x01, 0xd8], [0x8b, 0x43, 0x08], [0x89, 0x0b], [0x0f, 0xaf, 0xc1], [0xd3, 0xe0], [0x50], [0x59], [0xf7, 0xf1], [0xc3]],
};

function sweepInteger(d: Differ, bits: 32 | 64, states: number): void {
  for (const e of INTEGER[bits]) d.testEncoding(Uint8Array.from(e), states);
}

describe("integer code leaves the XMM registers alone", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit: real translations agree on random XMM state`, () => {
      const d = new Differ({ bits, translate: translator(bits), seed: 0x3d + bits, alignment: "none" });
      sweepInteger(d, bits, STATES);
      const rng = prng(0x77 + bits);
      const blocks = Array.from({ length: count(10, 100) }, () => randomBlock(rng, bits).lines);
      const code = assembleBlocks(bits, blocks);
      blocks.forEach((lines, i) => d.testBlock(code[i]!, lines, 10));
      d.close();
      if (d.stats.reports.length) console.log(d.stats.reports.join("\n\n"));
      console.log(`xmm ${bits}-bit integer: ${d.stats.cases} cases, ${d.stats.states} states, ${d.stats.mismatches} mismatches`);
      expect(d.stats.states).toBeGreaterThan(INTEGER[bits].length * STATES * 0.8);
      expect(d.stats.mismatches).toBe(0);
    }, 600_000);
  }
});

describe("a translation that touches a V register is reported on that XMM register", () => {
  const clobbers: [string, number, number, "every" | "most"][] = [
    // NOT changes every bit, so every state must be reported; the zeroing ones miss only the
    // states where the register already was zero (randomXmm makes 6% of registers zero).
    ["mvn v3.16b, v3.16b", 3, mvnVec(1, 3, 3), "every"],
    ["movi v3.2d, #0", 3, moviV2d(3, tryByteMask64(0n)!), "most"],
    ["eor v5.16b, v5.16b, v5.16b", 5, simdLogic(LOGIC3.EOR, 1, 5, 5, 5), "most"],
  ];
  for (const bits of [64, 32] as const) {
    for (const [name, reg, word, how] of clobbers) {
      test(`${bits}-bit: ${name} in front of each block`, () => {
        const d = new Differ({ bits, translate: withPrefix(bits, [word]), seed: 0x51 + reg, alignment: "none", maxReports: 1e9, reportsPerCase: 1e9 });
        sweepInteger(d, bits, STATES);
        d.close();
        const { states, mismatches, reports } = d.stats;
        expect(states).toBeGreaterThan(INTEGER[bits].length * STATES * 0.8);
        if (how === "every") expect(mismatches).toBe(states);
        else expect(mismatches).toBeGreaterThan(states * 0.85);
        expect(reports.length).toBe(mismatches);
        for (const r of reports) {
          // The clobbered register and nothing else: both values, 32 hex digits each.
          expect(r).toMatch(new RegExp(`^ {2}\\* xmm${reg} +0x[0-9a-f]{32} 0x[0-9a-f]{32}$`, "m"));
          expect(r.match(/^ {2}\* /gm)?.length).toBe(1);
          expect(r).toContain(`xmm${reg}=0x`);
        }
        if (how === "every") console.log(reports[0]);
      }, 600_000);
    }
  }
});

describe("vector registers outside the guest's are preserved", () => {
  // v16-v31 have no ARM64EC context slot (ABI §3); a 32-bit block has no XMM8..15 in v8-v15.
  for (const [bits, reg] of [[64, 20], [32, 9], [32, 31]] as const) {
    test(`${bits}-bit: a block that writes v${reg} is reported as clobbering it`, () => {
      const d = new Differ({ bits, translate: withPrefix(bits, [mvnVec(1, reg, reg)]), seed: 7, alignment: "none" });
      sweepInteger(d, bits, 10);
      d.close();
      expect(d.stats.mismatches).toBe(d.stats.states);
      expect(d.stats.reports[0]).toMatch(new RegExp(`^ {2}\\* host +clobbered v${reg}$`, "m"));
    });
  }
  test("32-bit: v15 is the WOW64 vector scratch (ABI §3.2), free to write", () => {
    const d = new Differ({ bits: 32, translate: withPrefix(32, [mvnVec(1, 15, 15)]), seed: 7, alignment: "none" });
    sweepInteger(d, 32, 10);
    d.close();
    expect(d.stats.states).toBeGreaterThan(0);
    expect(d.stats.mismatches).toBe(0);
  });
});

// ── Hand-written vector translations (what the vector slice will emit), against Unicorn x86 ──
const CODE: Record<32 | 64, number> = { 64: LAYOUT[64].code, 32: LAYOUT[32].code };
const exitTo = (rip: number): number[] => [...movImm(1, 16, rip), ldstUimm(LDST.LDRX, 17, 12, tryUimm12s(8, 0x100)!), br(17)];
/** RBX/EBX lives in x27 (ABI §3); a load or store through it is the block's only fault site. */
const X27 = 27;
function handBlock(bits: 32 | 64, len: number, body: number[], memWord = -1): TranslateFn {
  const words = [...body, ...exitTo(CODE[bits] + len)];
  // One side-table entry (host word, guest offset 0, state 0) for the memory access, if any.
  const faults = memWord >= 0 ? new Uint8Array([memWord, 0, 0]) : new Uint8Array(0);
  return (): TranslatedBlock => ({
    guestStart: BigInt(CODE[bits]), guestLength: len, guestHash: 0n, insnCount: 1, code: new Uint32Array(words), bodyWords: words.length,
    relocs: new Int32Array(0), targets: [], faults, fallback: "",
  });
}

function runHand(bits: 32 | 64, bytes: number[], body: number[], memWord = -1): Differ {
  const d = new Differ({ bits, translate: handBlock(bits, bytes.length, body, memWord), seed: 0xa11 + bits, alignment: "none" });
  d.testEncoding(Uint8Array.from(bytes), STATES);
  d.close();
  return d;
}

describe("hand-written vector translations agree with Unicorn x86", () => {
  const q = tryUimm12s(16, 0)!;
  const cases: [string, number[], number[], number, number[]][] = [
    // name, x86 bytes, right ARM64, memory word, wrong ARM64 (a wrong source register)
    ["pxor xmm1, xmm2", [0x66, 0x0f, 0xef, 0xca], [simdLogic(LOGIC3.EOR, 1, 1, 1, 2)], -1, [simdLogic(LOGIC3.EOR, 1, 1, 1, 3)]],
    ["pcmpeqb xmm1, xmm2", [0x66, 0x0f, 0x74, 0xca], [simd3(SIMD3.CMEQ, 1, 0, 1, 1, 2)], -1, [simd3(SIMD3.CMEQ, 1, 0, 1, 1, 3)]],
    ["movdqu xmm0, [rbx]", [0xf3, 0x0f, 0x6f, 0x03], [ldstUimm(LDST.LDR_Q, 0, X27, q)], 0, [ldstUimm(LDST.LDR_Q, 1, X27, q)]],
    ["movdqu [rbx], xmm1", [0xf3, 0x0f, 0x7f, 0x0b], [ldstUimm(LDST.STR_Q, 1, X27, q)], 0, [ldstUimm(LDST.STR_Q, 2, X27, q)]],
    ["movaps xmm6, [rbx]", [0x0f, 0x28, 0x33], [ldstUimm(LDST.LDR_Q, 6, X27, q)], 0, [ldstUimm(LDST.LDR_Q, 7, X27, q)]],
    ["movd xmm2, [rbx] (zero-extends)", [0x66, 0x0f, 0x6e, 0x13], [ldstUimm(LDST.LDR_S, 2, X27, tryUimm12s(4, 0)!)], 0, [ldstUimm(LDST.LDR_S, 3, X27, tryUimm12s(4, 0)!)]],
    ["movq [rbx], xmm4", [0x66, 0x0f, 0xd6, 0x23], [ldstUimm(LDST.STR_D, 4, X27, tryUimm12s(8, 0)!)], 0, [ldstUimm(LDST.STR_D, 5, X27, tryUimm12s(8, 0)!)]],
  ];
  for (const bits of [64, 32] as const) {
    for (const [name, bytes, right, mem, wrong] of cases) {
      test(`${bits}-bit: ${name}`, () => {
        const good = runHand(bits, bytes, right, mem);
        if (good.stats.reports.length) console.log(good.stats.reports[0]);
        expect(good.stats.states).toBe(STATES);
        expect(good.stats.mismatches).toBe(0);
        const bad = runHand(bits, bytes, wrong, mem);
        // A compare with the wrong register often gives the same all-zero mask: fewer states tell them apart.
        expect(bad.stats.mismatches).toBeGreaterThan(STATES * (name.startsWith("pcmpeq") ? 0.25 : 0.5));
        expect(bad.stats.reports[0]).toMatch(mem >= 0 && name.includes("[rbx],") ? /^ {2}\* mem /m : /^ {2}\* xmm\d /m);
      });
    }
  }
});

describe("memory operands of vector instructions are placed", () => {
  const targetsOf = (bits: 32 | 64, bytes: number[], n: number): { plan: MemPlan; targets: number[] } => {
    const insn = new Insn();
    expect(new Decoder(bits).decode(Uint8Array.from(bytes), 0, bytes.length, LAYOUT[bits].code, insn)).toBe(bytes.length);
    const plan = planMemory(insn, bits, LAYOUT[bits]);
    if (typeof plan === "string") throw new Error(plan);
    const rng = prng(9), s = new GuestState(), t: number[] = [], out: number[] = [];
    for (let i = 0; i < n; i++) if (placeState(plan, rng, s, LAYOUT[bits], bits, t)) out.push(t[1]!);
    return { plan, targets: out };
  };
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit: sizes 4, 8, 16; movaps always 16-aligned, movdqu both ways`, () => {
      // movd xmm0, [rbx+rcx*4+8]; movq xmm0, [rbx]; movdqu xmm0, [rbx+rsi]; movaps xmm0, [rbx+rcx*8+0x10]
      const sized: [number[], number, number][] = [
        [[0x66, 0x0f, 0x6e, 0x44, 0x8b, 0x08], 4, 0], [[0xf3, 0x0f, 0x7e, 0x03], 8, 0], [[0xf3, 0x0f, 0x6f, 0x04, 0x33], 16, 0], [[0x0f, 0x28, 0x44, 0xcb, 0x10], 16, 16],
      ];
      for (const [bytes, size, align] of sized) {
        const { plan, targets } = targetsOf(bits, bytes, 400);
        expect(plan.refs[0]!.size).toBe(size);
        expect(plan.refs[0]!.align ?? 0).toBe(align);
        expect(targets.length).toBeGreaterThan(300);
        const misaligned = targets.filter((t) => t % 16 !== 0).length;
        if (align) expect(misaligned).toBe(0);
        else if (size === 16) expect(misaligned).toBeGreaterThan(20);
      }
    });
  }
});

test("random XMM values: equal and unequal lanes, both sign-mask extremes", () => {
  const rng = prng(5), s = new GuestState();
  let allEqual = 0, someEqual = 0, noneEqual = 0, mask0 = 0, maskFull = 0;
  const N = 4000;
  for (let k = 0; k < N; k++) {
    randomXmm(rng, 16, s);
    for (let a = 0; a < 16; a++) {
      const b = (a + 1 + (k % 15)) % 16;
      let eq = 0, sign = 0;
      for (let i = 0; i < 16; i++) {
        const x = (s.xmm[4 * a + (i >> 2)]! >>> (8 * (i & 3))) & 0xff, y = (s.xmm[4 * b + (i >> 2)]! >>> (8 * (i & 3))) & 0xff;
        if (x === y) eq++;
        sign |= (x >> 7) << i;
      }
      if (eq === 16) allEqual++;
      else if (eq > 0) someEqual++;
      else noneEqual++;
      if (sign === 0) mask0++;
      if (sign === 0xffff) maskFull++;
    }
  }
  // pcmpeqb sees all three outcomes and pmovmskb both extremes, each in a few percent of pairs.
  for (const n of [allEqual, someEqual, noneEqual, mask0, maskFull]) expect(n).toBeGreaterThan(N * 16 * 0.02);
  // 32-bit guests: XMM8..15 do not exist and stay zero.
  randomXmm(rng, 8, s);
  expect(s.xmm.subarray(32).every((w) => w === 0)).toBe(true);
});
