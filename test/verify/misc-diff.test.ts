/**
 * @file Focused differential run of the flags/stack/system group (src/x86/semantics/flags.ts,
 * control.ts, system.ts): every golden-vector encoding of those mnemonics, from `count(200, 1000)`
 * random states each, Unicorn x86 vs our translation on Unicorn ARM64 (src/verify/diff.ts), plus
 * hand-picked encodings the vectors lack (AAM/AAD with several bases, LOOP with 0x67, ENTER
 * sizes, FS/GS-overridden memory operands of core instructions). diff.test.ts runs the same forms at 30 states; this raises the count for this group.
 */
import { describe, expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { count } from "../_env.ts";
import { translator, vectorForms } from "./_translate.ts";

export const MISC_MNEMONICS = new Set([
  "clc", "stc", "cmc", "cld", "std", "lahf", "sahf", "loop", "loope", "loopne", "jecxz", "jrcxz", "enter", "leave",
  "pushf", "pushfd", "pushfq", "popf", "popfd", "popfq", "pusha", "pushad", "popa", "popad", "cpuid", "rdtsc", "rdtscp", "syscall", "int", "int1", "into",
  "pause", "xlatb", "daa", "das", "aaa", "aas", "aam", "aad",
]);

const STATES = count(200, 1000);
const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "hex"));

/** Encodings beyond the vectors' one per form. */
const EXTRA: Record<32 | 64, string[]> = {
  64: [
    "67e2fe", "67e1fe", "67e0fe", "67e3fe", "e210", "c8080000", "c8000000", "c8ffff00", "c8100001", "c8080002", "c8000005", "c8100021", "c8ffff1f", "64d7", "65d7", "67d7", "6567d7",
    // FS/GS overrides: the TEB load (gs:[0x30]), moffs, base+index, RIP-relative, 32-bit addressing, stores, RMW, push/pop, LEA (no base).
    "65488b042530000000", "6448a13000000000000000", "65488b4c9808", "65488b0510000000", "65678b03", "6589430c", "640103",
    "65ff33", "658f03", "65488d4308", "64c6430701", "65480fb64b02",
    // 16-bit pushes and pops (66): registers, memory, immediates, and LEAVE.
    "6650", "6658", "6641ff33", "668f03", "666a80", "6668ff7f", "66c9",
  ],
  32: [
    "d40a", "d410", "d401", "d407", "d4ff", "d400", "d50a", "d510", "d500", "d5ff", "e210", "c8080000", "c8ffff00", "c8100001", "c8080003", "c8000007", "c8ffff1f", "64d7", "65d7",
    // FS/GS overrides (the 32-bit TEB is fs:[0x18]): moffs, disp32, base+index, stores, RMW, push/pop, LEA (no base).
    "64a118000000", "648b0d30000000", "658b448b08", "6489430c", "640103", "65ff33", "648f03", "648d4308", "64c6430701",
    // 16-bit pushes and pops (66): registers, memory, immediates, and LEAVE.
    "6650", "665c", "6658", "66ff33", "668f03", "666a80", "6668ff7f", "66c9",
  ],
};

function run(bits: 32 | 64): Differ {
  const d = new Differ({ bits, translate: translator(bits), seed: 0x3150 + bits });
  for (const [form, { mnemonic, encodings }] of vectorForms(bits)) {
    if (!MISC_MNEMONICS.has(mnemonic.toLowerCase())) continue;
    for (const e of encodings) d.testEncoding(e, STATES, form);
  }
  for (const e of EXTRA[bits]) d.testEncoding(hex(e), STATES);
  d.close();
  const st = d.stats;
  console.log(`misc ${bits}-bit: ${st.forms} forms, ${st.cases} encodings, ${st.states} states, ${st.mismatches} mismatches; ` +
    `reference faults: ${JSON.stringify(st.refFaults)}; skipped: ${JSON.stringify(st.skipped)}`);
  if (st.reports.length) console.log(st.reports.join("\n\n"));
  return d;
}

describe("flags/stack/system group, Unicorn x86 vs translated", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit`, () => {
      const d = run(bits);
      expect(d.stats.mismatches).toBe(0);
      // Every form of the group runs (none falls back; only the runtime helpers are skipped after their check).
      expect(Object.keys(d.stats.skipped).filter((k) => !k.startsWith("runtime helper"))).toEqual([]);
      expect(d.stats.forms).toBeGreaterThanOrEqual(bits === 64 ? 38 : 42);
      expect(d.stats.states).toBeGreaterThan(STATES * 40);
    }, 600_000);
  }
});

describe("the harness places FS/GS operands by their base", () => {
  // The same instruction translated with a DS prefix in place of FS/GS (same length, base 0) must be
  // caught: the reference reads at base + offset, the wrong translation at the offset alone.
  for (const [bits, enc] of [[64, "658b03"], [32, "648b03"], [64, "6448a13000000000000000"], [32, "64a118000000"]] as const) {
    test(`${bits}-bit ${enc}: a dropped base is reported`, () => {
      const t = translator(bits);
      const d = new Differ({ bits, seed: 7, translate: (code, va, n) => {
        const c = code.slice();
        c[0] = 0x3e;
        return t(c, va, n);
      } });
      d.testEncoding(hex(enc), 20);
      d.close();
      expect(d.stats.states).toBe(20);
      expect(d.stats.mismatches).toBeGreaterThan(0);
      expect(d.stats.reports[0] ?? "").toMatch(/^ {10}[fg]s_base=/m);
    });
  }
});
