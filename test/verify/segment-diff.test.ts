/**
 * @file Differential run of the segment-register and far-transfer forms (src/x86/semantics/
 * segment.ts): MOV to and from a segment register, PUSH/POP Sreg, RETF, far CALL/JMP through
 * memory and (32-bit) direct, every operand size, from `count(200, 1000)` random states each,
 * Unicorn x86 with a GDT and random selectors (src/verify/segments.ts) vs our translation on
 * Unicorn ARM64. A selector equal to the current one must take the inline path; any other must
 * leave into `load_segment` / `far_transfer` at the instruction with nothing changed; both kinds
 * of state must occur for every form that can take either.
 */
import { describe, expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { count } from "../_env.ts";
import { translator } from "./_translate.ts";

const STATES = count(200, 1000);
const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/ /g, ""), "hex"));

/** Forms: encoding, whether a state can take the inline path and the runtime exit (a far/load form). */
const FORMS: Record<32 | 64, [string, boolean][]> = {
  64: [
    // MOV r/m, Sreg: 32 (zero-extended), 16 (low half), 64, memory; every segment.
    ["8cd8", false], ["668cd8", false], ["488cd8", false], ["8cc0", false], ["8cc8", false], ["8cd0", false], ["8ce0", false], ["8ce8", false],
    ["8c1b", false], ["668c03", false], ["4c8cc0", false], ["658c4308", false],
    // MOV Sreg, r/m.
    ["8ed8", true], ["668ed8", true], ["488ed8", true], ["8ec0", true], ["8ed0", true], ["8ee0", true], ["8ee8", true], ["8e1b", true], ["418ed8", true],
    // PUSH / POP FS, GS (64 and 16 bits).
    ["0fa0", false], ["0fa8", false], ["660fa0", false], ["660fa8", false],
    ["0fa1", true], ["0fa9", true], ["660fa1", true], ["660fa9", true],
    // RETF (32, 64, 16 bits; imm16), far CALL/JMP m16:32, m16:64, m16:16.
    ["cb", true], ["48cb", true], ["66cb", true], ["ca0800", true], ["48ca1000", true], ["66ca0400", true],
    ["ff1b", true], ["48ff1b", true], ["66ff1b", true], ["ff2b", true], ["48ff2b", true], ["66ff2b", true],
  ],
  32: [
    ["8cd8", false], ["668cd8", false], ["8cc0", false], ["8cc8", false], ["8cd0", false], ["8ce0", false], ["8ce8", false], ["8c1b", false], ["668c03", false],
    ["8ed8", true], ["668ed8", true], ["8ec0", true], ["8ed0", true], ["8ee0", true], ["8ee8", true], ["8e1b", true],
    ["06", false], ["0e", false], ["16", false], ["1e", false], ["0fa0", false], ["0fa8", false], ["6606", false], ["660e", false], ["661e", false], ["660fa0", false],
    ["07", true], ["17", true], ["1f", true], ["0fa1", true], ["0fa9", true], ["6607", true], ["661f", true], ["660fa1", true],
    ["cb", true], ["66cb", true], ["ca0800", true], ["66ca0400", true],
    ["ff1b", true], ["66ff1b", true], ["ff2b", true], ["66ff2b", true],
    // Direct far CALL/JMP ptr16:32 and ptr16:16 to selector 0x20 (CS in about half the states).
    ["9a 00 10 40 00 20 00", true], ["ea 00 10 40 00 20 00", true], ["66 9a 00 10 20 00", true], ["66 ea 00 10 20 00", true],
  ],
};

function run(bits: 32 | 64): Differ {
  const d = new Differ({ bits, translate: translator(bits), seed: 0x5e60 + bits, segments: true });
  for (const [e, both] of FORMS[bits]) {
    const before = { ...(d.stats.segmentExits ?? {}) }, states = d.stats.states;
    d.testEncoding(hex(e), STATES);
    const exits = Object.values(d.stats.segmentExits ?? {}).reduce((a, b) => a + b, 0) - Object.values(before).reduce((a, b) => a + b, 0);
    const ran = d.stats.states - states;
    // Both paths taken: some states leave into the runtime, most do not.
    if (both) expect([e, exits > 0 && exits < ran]).toEqual([e, true]);
    else expect([e, exits]).toEqual([e, 0]);
  }
  d.close();
  const st = d.stats;
  console.log(`segments ${bits}-bit: ${st.forms} forms, ${st.cases} encodings, ${st.states} states, ${st.mismatches} mismatches; ` +
    `runtime exits: ${JSON.stringify(st.segmentExits)}; reference faults: ${JSON.stringify(st.refFaults)}; skipped: ${JSON.stringify(st.skipped)}`);
  if (st.reports.length) console.log(st.reports.join("\n\n"));
  return d;
}

describe("segment registers and far transfers, Unicorn x86 vs translated", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit`, () => {
      const d = run(bits);
      expect(d.stats.mismatches).toBe(0);
      expect(d.stats.skipped).toEqual({});
      expect(d.stats.states).toBe(STATES * FORMS[bits].length);
    }, 600_000);
  }
});
