/**
 * @file The alignment handler's word classes (src/runtime/align.ts, docs/runtime-abi.md §8),
 * checked on encodings made by llvm-mc: every LSE atomic it performs and every CAS, at every size
 * and order, is recognised; the pairs, the exclusives, the ordered loads and stores, the other LSE
 * operations (min/max) and ordinary accesses are not. Its semantics are checked where it runs: the
 * atomic differential sweeps (test/verify/atomic-diff.test.ts) compare misaligned LOCK'd forms
 * against Unicorn x86 through it.
 */
import { expect, test } from "bun:test";
import { alignTrapKind } from "../../src/runtime/align.ts";
import { llvmAssemble } from "../arm64/_llvm.ts";

const ORDERS = ["", "a", "l", "al"];
const SIZES: [string, string][] = [["b", "w"], ["h", "w"], ["", "w"], ["", "x"]];

function forms(ops: string[]): string[] {
  const out: string[] = [];
  for (const op of ops) for (const o of ORDERS) for (const [suf, r] of SIZES) out.push(`${op}${o}${suf} ${r}1, ${r}2, [x3]`);
  return out;
}

test("LSE atomics the handler performs: ldadd, ldclr, ldeor, ldset, swp, every size and order", () => {
  const lines = forms(["ldadd", "ldclr", "ldeor", "ldset", "swp"]);
  const words = llvmAssemble(lines);
  expect(words.length).toBe(lines.length);
  lines.forEach((l, i) => expect([l, alignTrapKind(words[i]!)]).toEqual([l, "atomic"]));
});

test("CAS, every size and order, with SP as the base", () => {
  const lines = [...forms(["cas"]), "casal x5, x6, [sp]"];
  const words = llvmAssemble(lines);
  lines.forEach((l, i) => expect([l, alignTrapKind(words[i]!)]).toEqual([l, "cas"]));
});

test("not the handler's: pairs, exclusives, ordered, other LSE operations, plain accesses", () => {
  const lines = [
    "caspal x6, x7, x16, x17, [x9]", "casp w0, w1, w2, w3, [x4]", "ldaxp x1, x2, [x3]", "stlxp w4, x1, x2, [x3]",
    "ldaxr w1, [x2]", "ldxrb w1, [x2]", "stlxr w3, x1, [x2]", "stxrh w3, w1, [x2]", "ldar x1, [x2]", "stlr w1, [x2]",
    "ldapr x1, [x2]", "ldsmaxal w1, w2, [x3]", "lduminb w1, w2, [x3]", "ldr x1, [x2]", "str w1, [x2, #4]", "ldrb w1, [x2]",
    "add x1, x2, x3", "ldp x1, x2, [x3]",
  ];
  const words = llvmAssemble(lines);
  expect(words.length).toBe(lines.length);
  lines.forEach((l, i) => expect([l, alignTrapKind(words[i]!)]).toEqual([l, undefined]));
});
