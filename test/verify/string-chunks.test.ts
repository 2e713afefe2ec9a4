/**
 * @file REP loops in blocks. The repChunks lowering rule (src/arm64/lower/string.ts): REP MOVS /
 * REP STOS with DF = 0 copy 16 bytes per trip where that is exact. Differential blocks (Unicorn
 * x86 vs translated on Unicorn ARM64, src/verify/diff.ts `testBlock`, RBX in the middle of the
 * two-page data window) aimed at what could break it:
 * - overlapping moves: rDI - rSI from -100 to +40 bytes (1..15 replicate bytes: must stay
 *   element-wise; 0, 16, 17, negative: chunks), counts 0..600, byte and wider elements, so copies
 *   cross the page boundary in the middle of the window (a chunk there goes one element at a
 *   time until it no longer crosses);
 * - huge counts running off the end of the window, source first or destination first: the
 *   fault must come at the same byte, with rCX/rSI/rDI, flags and memory exactly as x86 leaves
 *   them (the chunk before the page end must not copy part of its bytes and then fault);
 * - flags survive (nothing in the loop may touch NZCV; the block compares every flag).
 * A second test puts flag writers before and flag readers after every REP form (counts 0, 1, 3,
 * 40), for the carry-sense and PF/AF handling of the loops.
 */
import { describe, expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { nasm } from "../../src/verify/gen.ts";
import { count } from "../_env.ts";
import { translator } from "./_translate.ts";

const STATES = count(8, 100);

function blocks(bits: 32 | 64): string[][] {
  const r = (n: string): string => (bits === 64 ? `r${n}` : `e${n}`);
  const out: string[][] = [];
  for (const delta of [0, 1, 3, 8, 15, 16, 17, 40, -1, -5, -16, -100]) {
    for (const n of [0, 5, 16, 17, 31, 100, 600]) {
      out.push([`lea ${r("si")}, [${r("bx")}-0x180]`, `lea ${r("di")}, [${r("bx")}-0x180+${delta}]`, `mov ecx, ${n}`, "rep movsb"]);
    }
  }
  for (const off of [-0x180, -7, 0, 9]) {
    for (const n of [0, 3, 16, 47, 600]) out.push([`mov eax, 0x12345678`, `lea ${r("di")}, [${r("bx")}${off < 0 ? "-" : "+"}${Math.abs(off)}]`, `mov ecx, ${n}`, "rep stosb"]);
  }
  // Wider elements: counts in elements, chunks of 16 bytes; overlaps of less than one element too.
  for (const [op, sz] of [["movsw", 2], ["movsd", 4], ...(bits === 64 ? [["movsq", 8]] : [])] as [string, number][]) {
    for (const delta of [0, 1, 6, 15, 16, 24, -3, -40]) {
      for (const n of [1, 7, 8, 9, 33, 300 / sz]) {
        out.push([`lea ${r("si")}, [${r("bx")}-0x1a1]`, `lea ${r("di")}, [${r("bx")}-0x1a1+${delta}]`, `mov ecx, ${Math.floor(n)}`, `rep ${op}`]);
      }
    }
  }
  for (const op of ["stosw", "stosd", ...(bits === 64 ? ["stosq"] : [])]) {
    for (const n of [1, 5, 17, 200]) out.push([`mov ${r("ax")}, ${bits === 64 ? "0x1122334455667788" : "0x55667788"}`, `lea ${r("di")}, [${r("bx")}-0x13]`, `mov ecx, ${n}`, `rep ${op}`]);
  }
  // Off the end of the window: the destination first, the source first, a store run.
  out.push([`lea ${r("si")}, [${r("bx")}-0x400]`, `lea ${r("di")}, [${r("bx")}+0x23]`, `mov ${r("cx")}, -1`, "rep movsb"]);
  out.push([`lea ${r("si")}, [${r("bx")}+0x45]`, `lea ${r("di")}, [${r("bx")}-0x800]`, `mov ${r("cx")}, -1`, "rep movsb"]);
  out.push([`lea ${r("di")}, [${r("bx")}+0x11]`, `mov ecx, 0x3000`, "rep stosb"]);
  out.push([`lea ${r("si")}, [${r("bx")}-0x400]`, `lea ${r("di")}, [${r("bx")}+0x22]`, `mov ${r("cx")}, -1`, "rep movsd"]);
  out.push([`lea ${r("di")}, [${r("bx")}+0x13]`, `mov ecx, 0x3000`, "rep stosw"]);
  return out;
}

/**
 * Flags around REP loops: live flags must cross MOVS/STOS/LODS loops untouched (nothing in them
 * writes NZCV or x10/x11), SCAS/CMPS loops must leave the last element's flags (C inverted
 * internally, canonical at the exit), and a count of 0 must leave the earlier flags exactly,
 * the carry sense included (the loop is skipped on a path that meets the loop's exit).
 */
function flagBlocks(bits: 32 | 64): string[][] {
  const r = (n: string): string => (bits === 64 ? `r${n}` : `e${n}`);
  const ptrs = [`lea ${r("si")}, [${r("bx")}-0x40]`, `lea ${r("di")}, [${r("bx")}+0x10]`];
  const read = ["setb al", "setp dl", "seto ah", "adc edx, eax"];
  const out: string[][] = [];
  for (const before of ["cmp eax, edx", "add eax, edx", "sub al, dl", "test edx, edx"]) {
    for (const n of [0, 1, 3, 40]) {
      for (const op of ["rep movsb", "rep stosd", "rep lodsw", "repe cmpsb", "repne scasb", "repe cmpsd", "repne scasw", "movsb", "cmpsw"]) {
        out.push([before, ...ptrs, `mov ecx, ${n}`, op, ...read]);
      }
    }
  }
  // Several string instructions in one block: each recomputes its step, the homes carry the pointers.
  out.push([...ptrs, "lodsb", "xor al, 0x5a", "stosb", "lodsw", "stosw", "movsd", "cmpsb", "setb dl", "scasb", "seta dh"]);
  out.push([...ptrs, "mov ecx, 5", "rep movsb", "mov ecx, 7", "rep stosb", "mov ecx, 3", "repe cmpsw", ...read]);
  out.push([...ptrs, "mov ecx, 9", "repne scasb", "lodsd", "mov ecx, 2", "rep lodsb", "cmpsd", ...read]);
  // DF set inside the block (std writes the state block, the REP op reads it back), then cleared.
  for (const op of ["rep movsb", "rep movsd", "rep stosw", "repe cmpsb", "repne scasd", "lodsb"]) {
    out.push(["cmp eax, edx", "std", ...ptrs, "mov ecx, 21", op, "cld", ...read]);
  }
  return out;
}

describe("flags around REP loops, Unicorn x86 vs translated", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit: flags survive MOVS/STOS/LODS, come from the last SCAS/CMPS element, survive a count of 0`, () => {
      const d = new Differ({ bits, translate: translator(bits), seed: 0xf1 + bits, alignment: "none" });
      const bs = flagBlocks(bits);
      for (const lines of bs) d.testBlock(nasm(`bits ${bits}\n${lines.join("\n")}\n`), lines, STATES);
      d.close();
      const st = d.stats;
      console.log(`flags ${bits}-bit: ${st.blocks} blocks, ${st.states} states, ${st.mismatches} mismatches; skipped: ${JSON.stringify(st.skipped)}`);
      if (st.reports.length) console.log(st.reports.slice(0, 4).join("\n\n"));
      expect(st.mismatches).toBe(0);
      expect(st.blocks).toBe(bs.length);
    }, 600_000);
  }
});

describe("repChunks: rep movsb / rep stosb 16 bytes at a time, Unicorn x86 vs translated", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit: overlaps, page crossings, counts, faults at the window's end`, () => {
      const d = new Differ({ bits, translate: translator(bits), seed: 0xc4 + bits, alignment: "none" });
      const bs = blocks(bits);
      for (const lines of bs) {
        const code = nasm(`bits ${bits}\n${lines.join("\n")}\n`);
        d.testBlock(code, lines, STATES);
      }
      d.close();
      const st = d.stats;
      console.log(`chunks ${bits}-bit: ${st.blocks} blocks, ${st.states} states, ${st.mismatches} mismatches; reference faults: ${JSON.stringify(st.refFaults)}; skipped: ${JSON.stringify(st.skipped)}`);
      if (st.reports.length) console.log(st.reports.slice(0, 4).join("\n\n"));
      expect(st.mismatches).toBe(0);
      expect(st.blocks).toBe(bs.length);
      expect(st.states).toBe(bs.length * STATES);
      // The five runs off the end fault in every state.
      const faults = Object.values(st.refFaults).reduce((n, v) => n + v, 0);
      expect(faults).toBe(5 * STATES);
    }, 600_000);
  }
});
