/**
 * @file The Assembler buffer: labels, every LabelUse kind and the literal pool against llvm-mc-19
 * assembling the same program with symbolic labels; range checks at each kind's limits; and
 * movImm sequences evaluated instruction by instruction (llvm-mc-19 assembles each word's text).
 */
import { expect, test } from "bun:test";
import * as E from "../../src/arm64/index.ts";
import { llvmAssemble, llvmDisassemble } from "./_llvm.ts";

test("labels and literal pool match llvm-mc-19", () => {
  const a = new E.Assembler();
  const top = a.label(), out = a.label();
  a.bind(top);
  a.emit(E.subsImm(1, 0, 0, E.tryImm12(1)!));
  a.bCond(E.COND.NE, top);
  a.cbz(1, 1, out);
  a.tbnz(2, E.tryUimm6(1, 40)!, top);
  a.adr(3, out);
  a.ldrLit(E.LIT.LDRX, 4, a.literal64(0x1122334455667788n));
  a.bl(top);
  a.bind(out);
  a.b(top);
  a.emit(E.ret());
  const words = a.finish();
  const ref = llvmAssemble([
    "top:", "subs x0, x0, #1", "b.ne top", "cbz x1, out", "tbnz x2, #40, top", "adr x3, out", "ldr x4, lit", "bl top",
    "out:", "b top", "ret", ".p2align 3", "lit:", ".quad 0x1122334455667788",
  ]);
  expect([...words].map((w) => w.toString(16))).toEqual([...ref].map((w) => w.toString(16)));
});

test("LabelUse ranges: last in-range distance patches, first out-of-range throws", () => {
  const cases: [E.LabelUse, number, number][] = [
    ["branch26", E.b(E.tryPcOff(26, 0)!), 2 ** 27], ["branch19", E.cbz(1, 0, E.tryPcOff(19, 0)!), 2 ** 20],
    ["branch14", E.tbz(0, E.tryUimm6(1, 0)!, E.tryPcOff(14, 0)!), 2 ** 15], ["adr21", E.adr(0, E.tryImm21(0)!), 2 ** 20],
  ];
  for (const [use, w, hi] of cases) {
    const step = use === "adr21" ? 1 : 4;
    expect(() => E.patch(w, use, hi - step)).not.toThrow();
    expect(() => E.patch(w, use, -hi)).not.toThrow();
    expect(() => E.patch(w, use, hi)).toThrow();
    expect(() => E.patch(w, use, -hi - step)).toThrow();
  }
  expect(() => E.patch(E.adrp(0, E.tryImm21(0)!), "adrp21", 0, 0, 2 ** 32)).toThrow();
  expect(E.tryPcOff(26, 2 ** 27)).toBeUndefined();
  expect(E.tryImm12(4096)).toBeUndefined();
  expect(E.tryLogicalImm(1, 0)).toBeUndefined();
  expect(E.tryLogicalImm(0, 0x1234)).toBeUndefined();
});

/** Run a movz/movn/movk/orr sequence (as llvm-objdump prints it, assembled back by llvm-mc) on one register. */
function evalSeq(words: number[], sf: 0 | 1): bigint {
  let x = 0n;
  const W = sf ? 64 : 32;
  for (const w of words) {
    const opc = (w >>> 29) & 3;
    if (((w >>> 23) & 0x3f) === 0b100101) {
      const hw = (w >>> 21) & 3, imm = BigInt((w >>> 5) & 0xffff) << BigInt(16 * hw);
      if (opc === 0) x = BigInt.asUintN(W, ~imm);
      else if (opc === 2) x = imm;
      else x = (x & ~(0xffffn << BigInt(16 * hw))) | imm;
    } else {
      x = E.decodeLogicalImm(sf, (w >>> 22) & 1, (w >>> 16) & 63, (w >>> 10) & 63)!;
    }
  }
  return BigInt.asUintN(W, x);
}

test("movImm materialises constants in at most 4 instructions (llvm-mc agrees on every word)", () => {
  const vals = [0n, 1n, 0xffffn, 0x10000n, 0xffffffffffffffffn, 0x1234567890abcdefn, 0xffff0000ffffn, 0xaaaaaaaaaaaaaaaan,
    0x00ff00ff00ff1234n, 0xfffffffffffe1234n, 0x80000000n, 0x7fffffffn, 0x123400000000n];
  const all: number[] = [];
  for (const v of vals) for (const sf of [0, 1] as const) {
    const seq = E.movImm(sf, 0, v);
    expect(evalSeq(seq, sf)).toBe(BigInt.asUintN(sf ? 64 : 32, v));
    expect(seq.length).toBeLessThanOrEqual(sf ? 4 : 2);
    all.push(...seq);
  }
  expect(E.movImm(1, 0, 0xaaaaaaaaaaaaaaaan).length).toBe(1);
  expect(E.movImm(1, 0, 0xffffffffffff1234n).length).toBe(1);
  expect(E.movImm(1, 0, 0xfffffffffffe1234n).length).toBe(2);
  expect(E.movImm(1, 0, 0x00ff00ff00ff1234n).length).toBe(2);
  const text = llvmDisassemble(all);
  expect([...llvmAssemble(text.map((t) => t!))]).toEqual(all);
});
