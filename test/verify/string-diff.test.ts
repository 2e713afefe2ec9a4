/**
 * @file Differential test of the string instructions (src/x86/semantics/string.ts, lowering
 * src/arm64/lower/string.ts), Unicorn x86 vs our translation on Unicorn ARM64. The golden
 * vectors (diff.test.ts) hold only prefix-free MOVS/STOS/… encodings and no REP forms, so this
 * test builds every opcode (A4..A7, AA..AF) under every prefix combination that matters: none,
 * 66 (16-bit elements), REX.W (64-bit), 67 (32-bit addressing in 64-bit mode: ESI/EDI/ECX), F3
 * (REP / REPE) and F2 (REPNE on SCAS/CMPS; on MOVS/STOS/LODS it must fall back), and mixes.
 * The Differ gives string instructions DF = 0 or 1 at random, so both directions run.
 *
 * Two sweeps per mode:
 * - small counts: RCX in 0..8 (`planMemory`'s smallCount), the run stays inside its window;
 * - any counts (`repCounts: "any"`): RCX keeps its random value, usually huge, so the loop runs
 *   until it leaves the 8 KiB window and faults; the translation must fault in the same iteration
 *   with RCX/RSI/RDI, the flags and memory exactly as the reference leaves them (x86 REP is
 *   restartable). Nothing runs long: every window ends within 0x2000 iterations.
 */
import { describe, expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { count } from "../_env.ts";
import { translator } from "./_translate.ts";

const STATES = count(40, 1000);

/** Opcodes: MOVS CMPS STOS LODS SCAS, byte and word/dword/qword forms. */
const OPCODES = [0xa4, 0xa5, 0xa6, 0xa7, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf];
const hasRepne = (op: number): boolean => op === 0xa6 || op === 0xa7 || op === 0xae || op === 0xaf;

/** Every encoding: [legacy prefixes..., REX?, opcode]. */
function encodings(bits: 32 | 64): Uint8Array[] {
  const out: Uint8Array[] = [];
  const reps = [[], [0xf3], [0xf2]];
  const sizes = bits === 64 ? [[], [0x66], [0x48]] : [[], [0x66]];
  const addrs = bits === 64 ? [[], [0x67]] : [[]];
  for (const op of OPCODES) {
    for (const r of reps) for (const s of sizes) for (const a of addrs) {
      // REX must come last, right before the opcode.
      const rex = s[0] === 0x48 ? [0x48] : [];
      const legacy = [...(s[0] === 0x66 ? [0x66] : []), ...a, ...r];
      out.push(Uint8Array.from([...legacy, ...rex, op]));
    }
  }
  // A DS/ES override changes nothing (flat segments). (An FS/GS one falls back: string.test.ts.)
  out.push(Uint8Array.of(0x3e, 0xf3, 0xa4), Uint8Array.of(0x26, 0xa6));
  return out;
}

function sweep(bits: 32 | 64, repCounts: "small" | "any", states: number): Differ {
  const d = new Differ({ bits, translate: translator(bits), seed: 0x57 + bits + (repCounts === "any" ? 1 : 0), repCounts, alignment: "none" });
  for (const e of encodings(bits)) d.testEncoding(e, states);
  d.close();
  const st = d.stats;
  console.log(`strings ${bits}-bit, ${repCounts} counts: ${st.forms} forms, ${st.cases} encodings, ${st.states} states, ${st.mismatches} mismatches; ` +
    `reference faults: ${JSON.stringify(st.refFaults)}; skipped: ${JSON.stringify(st.skipped)}`);
  if (st.reports.length) console.log(st.reports.slice(0, 6).join("\n\n"));
  if (Object.keys(st.failing).length) console.log(`failing:\n  ${Object.entries(st.failing).map(([k, v]) => `${v}× ${k}`).join("\n  ")}`);
  return d;
}

/** REP/REPNE (BND) on near branches: ignored by the CPU, run as the plain branch (no fallback). */
const BRANCHES = ["c3", "c20800", "e900010000", "e800010000", "7410", "0f8400010000", "ffe0", "ffd0", "ff20"];

describe("string instructions, Unicorn x86 vs translated on Unicorn ARM64", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit: every size and prefix, counts 0..8, both directions`, () => {
      const d = sweep(bits, "small", STATES);
      expect(d.stats.mismatches).toBe(0);
      // 5 mnemonics × 4 sizes (no QWORD forms in 32-bit mode); every accepted encoding ran.
      expect(d.stats.forms).toBe(bits === 64 ? 20 : 15);
      const fallbacks = Object.entries(d.stats.skipped).filter(([k]) => k.startsWith("fallback")).reduce((n, [, v]) => n + v, 0);
      // Only F2 on MOVS/STOS/LODS falls back: 6 opcodes × the size and address-size prefixes.
      expect(fallbacks).toBe(6 * (bits === 64 ? 6 : 2));
      // Every state of every translated encoding ran (none unplaceable, no Unicorn error).
      expect(d.stats.states).toBe(d.stats.cases * STATES);
    }, 600_000);

    test(`${bits}-bit: rep ret, bnd jmp/call/jcc/ret run as the plain branch`, () => {
      const d = new Differ({ bits, translate: translator(bits), seed: 0xb7 + bits, alignment: "none" });
      for (const h of BRANCHES) for (const p of ["f3", "f2"]) d.testEncoding(Uint8Array.from(Buffer.from(p + h, "hex")), STATES);
      d.close();
      const st = d.stats;
      console.log(`branches ${bits}-bit: ${st.cases} encodings, ${st.states} states, ${st.mismatches} mismatches; skipped: ${JSON.stringify(st.skipped)}`);
      if (st.reports.length) console.log(st.reports.slice(0, 4).join("\n\n"));
      expect(st.mismatches).toBe(0);
      expect(st.cases).toBe(2 * BRANCHES.length);
      expect(st.skipped).toEqual({});
    }, 600_000);

    test(`${bits}-bit: random counts run into the end of the window and fault at the same iteration`, () => {
      const d = sweep(bits, "any", Math.max(10, STATES >> 2));
      expect(d.stats.mismatches).toBe(0);
      // The fault path is exercised: the reference faulted inside a REP loop in many states.
      const faults = Object.entries(d.stats.refFaults).filter(([k]) => /unmapped/.test(k)).reduce((n, [, v]) => n + v, 0);
      expect(faults).toBeGreaterThan(50);
    }, 600_000);
  }
});
