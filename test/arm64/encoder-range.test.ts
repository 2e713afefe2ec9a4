/**
 * @file Reach of every LabelUse at its exact boundaries, both sides: patch() accepts the last
 * in-range distance (llvm-objdump-19 must print the same target as our disassembler for the
 * patched word) and throws one step beyond; the Assembler at real distances (backward short
 * branches one step out of reach become an inverted branch over a `b`); veneer islands for
 * forward B.cond/CBZ/TBZ; the literal pool flushed behind a branch before it goes out of reach.
 * Programs are checked by walking them: the fall-through path meets every marker in order and
 * never runs into an island, and every taken branch ends (through veneers) on its label.
 */
import { expect, test } from "bun:test";
import * as E from "../../src/arm64/index.ts";
import { llvmDisassemble } from "./_llvm.ts";

const Z = E.tryPcOff;
const KINDS: [string, E.LabelUse, number, number][] = [
  ["b", "branch26", E.b(Z(26, 0)!), 4], ["bl", "branch26", E.bl(Z(26, 0)!), 4],
  ["b.cond", "branch19", E.bCond(E.COND.NE, Z(19, 0)!), 4], ["cbz", "branch19", E.cbz(1, 3, Z(19, 0)!), 4],
  ["cbnz", "branch19", E.cbnz(0, 3, Z(19, 0)!), 4], ["ldr literal", "branch19", E.ldrLiteral(E.LIT.LDRX, 2, Z(19, 0)!), 4],
  ["tbz", "branch14", E.tbz(4, E.tryUimm6(1, 33)!, Z(14, 0)!), 4], ["tbnz", "branch14", E.tbnz(4, E.tryUimm6(1, 3)!, Z(14, 0)!), 4],
  ["adr", "adr21", E.adr(5, E.tryImm21(0)!), 1],
];

test("patch: last in-range distance on both sides encodes (llvm agrees), one step further throws", () => {
  const words: number[] = [];
  for (const [name, use, w, step] of KINDS) {
    const { lo, hi } = E.LABEL_RANGE[use];
    words.push(E.patch(w, use, lo), E.patch(w, use, hi - step));
    expect(() => E.patch(w, use, lo - step), `${name} ${lo - step}`).toThrow(/out of range/);
    expect(() => E.patch(w, use, hi), `${name} ${hi}`).toThrow(/out of range/);
  }
  // ADRP counts pages between the instruction's page and the target's: ±4 GiB, from any offset in the page.
  const adrp = E.adrp(6, E.tryImm21(0)!), from = 0x1ffc;
  words.push(E.patch(adrp, "adrp21", 0, from, from - 2 ** 32), E.patch(adrp, "adrp21", 0, from, 0x1000 + 2 ** 32 - 1));
  expect(() => E.patch(adrp, "adrp21", 0, from, 0x1000 - 2 ** 32 - 1)).toThrow(/out of range/);
  expect(() => E.patch(adrp, "adrp21", 0, from, 0x1000 + 2 ** 32)).toThrow(/out of range/);
  // Word i sits at address 4*i for both; targets print as absolute (64-bit wrapped) addresses.
  const ours = words.map((w, i) => E.disasmWord(w, 4 * i));
  expect(ours.every((t) => t !== undefined)).toBe(true);
  expect(ours).toEqual(llvmDisassemble(words));
});

const NOP = E.nop();
const marker = (i: number) => E.movz(1, 0, E.tryImm16(i & 0xffff)!);
const isMarker = (w: number) => (w & 0xffe0001f) >>> 0 === 0xd2800000;
const sx = (v: number, bits: number) => (v << (32 - bits)) >> (32 - bits);

/** Branch target (word index) of a b/b.cond/cbz/cbnz/tbz/tbnz at word i, or undefined. */
function branchTarget(w: number, i: number): { to: number; always: boolean } | undefined {
  if ((w & 0xfc000000) >>> 0 === 0x14000000) return { to: i + sx(w & 0x3ffffff, 26), always: true };
  if ((w & 0xff000010) >>> 0 === 0x54000000) return { to: i + sx((w >>> 5) & 0x7ffff, 19), always: (w & 15) >= 14 };
  if ((w & 0x7e000000) >>> 0 === 0x34000000) return { to: i + sx((w >>> 5) & 0x7ffff, 19), always: false };
  if ((w & 0x7e000000) >>> 0 === 0x36000000) return { to: i + sx((w >>> 5) & 0x3fff, 14), always: false };
  return undefined;
}

/** Markers met on the fall-through path (conditional branches not taken, `b` followed). */
function fallThrough(words: Uint32Array, stop: number): number[] {
  const seen: number[] = [];
  for (let i = 0, guard = 0; i < stop && guard < 4 * words.length; guard++) {
    const w = words[i]!;
    if (isMarker(w)) seen.push((w >>> 5) & 0xffff);
    const t = branchTarget(w, i);
    i = t?.always ? t.to : i + 1;
  }
  return seen;
}

/** Where a taken branch at word i ends up after following unconditional veneers. */
function landing(words: Uint32Array, i: number): number {
  let at = branchTarget(words[i]!, i)!.to;
  for (let hops = 0; hops < 4; hops++) {
    const t = branchTarget(words[at]!, at);
    if (!t?.always) break;
    at = t.to;
  }
  return at;
}

test("Assembler: backward short branches at the exact limit are direct, one word further are inverted over a b", () => {
  for (const [use, emit] of [
    ["branch19", (a: E.Assembler, l: E.Label) => a.bCond(E.COND.EQ, l)],
    ["branch19", (a: E.Assembler, l: E.Label) => a.cbnz(1, 7, l)],
    ["branch14", (a: E.Assembler, l: E.Label) => a.tbz(7, E.tryUimm6(1, 63)!, l)],
  ] as const) {
    for (const extra of [0, 1]) {
      const a = new E.Assembler(), top = a.label();
      a.bind(top);
      const words0 = -E.LABEL_RANGE[use].lo / 4 + extra;
      for (let i = 0; i < words0; i++) a.emit(NOP);
      emit(a, top);
      a.emit(marker(1));
      const w = a.finish();
      const at = words0;
      if (!extra) {
        expect(w.length).toBe(words0 + 2);
        expect(branchTarget(w[at]!, at)!.to).toBe(0);
      } else {
        expect(w.length).toBe(words0 + 3); // inverted short branch, b top, marker
        expect(branchTarget(w[at]!, at)!.to).toBe(at + 2);
        expect(branchTarget(w[at + 1]!, at + 1)).toEqual({ to: 0, always: true });
      }
    }
  }
  for (const [use, emit] of [
    ["adr21", (a: E.Assembler, l: E.Label) => a.adr(1, l)],
    ["branch19", (a: E.Assembler, l: E.Label) => a.ldrLit(E.LIT.LDRW, 1, l)],
  ] as const) {
    for (const extra of [0, 1]) {
      const a = new E.Assembler(), top = a.label();
      a.bind(top);
      for (let i = 0; i < -E.LABEL_RANGE[use].lo / 4 + extra; i++) a.emit(NOP);
      emit(a, top);
      if (extra) expect(() => a.finish()).toThrow(/out of range/);
      else expect(() => a.finish()).not.toThrow();
    }
  }
});

test("Assembler: forward B.cond/CBZ/TBZ past their reach get veneers; fall-through never enters an island", () => {
  const a = new E.Assembler(), far = a.label(), near = a.label();
  const sites: { i: number; label: E.Label }[] = [];
  let m = 0;
  a.emit(marker(m++));
  sites.push({ i: a.length, label: far }); a.tbz(1, E.tryUimm6(1, 5)!, far);
  sites.push({ i: a.length, label: far }); a.bCond(E.COND.LT, far);
  sites.push({ i: a.length, label: near }); a.cbz(0, 2, near);
  for (let i = 0; i < 20_000; i++) a.emit(i % 1000 ? NOP : marker(m++));
  a.bind(near);
  a.emit(marker(m++));
  for (let i = 0; i < 300_000; i++) a.emit(i % 5000 ? NOP : marker(m++));
  a.bind(far);
  a.emit(marker(m++));
  const w = a.finish();
  expect(fallThrough(w, w.length)).toEqual(Array.from({ length: m }, (_, i) => i));
  const pos = (l: E.Label) => (l === far ? w.length - 1 : w.findIndex((x, i) => isMarker(x) && i > 20_000 && i < 21_000));
  for (const s of sites) expect(landing(w, s.i)).toBe(pos(s.label));
  // One island, at the TBZ's deadline: a b over it and a veneer for each of the three pending branches.
  expect(w.length).toBe(1 + 3 + 20_000 + 1 + 300_000 + 1 + 4);
});

test("Assembler: the literal pool is flushed behind a branch before its first load loses reach", () => {
  const a = new E.Assembler();
  let m = 0;
  a.emit(marker(m++));
  const loads: { i: number; v: bigint }[] = [];
  for (let k = 0; k < 3; k++) {
    const v = 0x1122334455667700n + BigInt(k);
    loads.push({ i: a.length, v });
    a.ldrLit(E.LIT.LDRX, k, a.literal64(v));
    for (let i = 0; i < 200_000; i++) a.emit(i % 10_000 ? NOP : marker(m++));
  }
  a.emit(marker(m++));
  const w = a.finish();
  expect(fallThrough(w, w.length)).toEqual(Array.from({ length: m }, (_, i) => i));
  for (const { i, v } of loads) {
    const to = i + sx((w[i]! >>> 5) & 0x7ffff, 19);
    expect((BigInt(w[to + 1]!) << 32n) | BigInt(w[to]!)).toBe(v);
    expect(to % 2).toBe(0); // 8-byte entries are 8-byte aligned
  }
});
