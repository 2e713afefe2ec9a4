/**
 * @file The pair handler's word shapes (src/runtime/pairs.ts, docs/runtime-abi.md §9), checked on
 * encodings made by llvm-mc: the push pair (stp pre-indexed by -2n on x15) and the pop pair (ldp
 * post-indexed by +2n on x15), W and X, with which register is the first instruction's; other
 * pairs, other bases, other offsets and plain accesses are not pairs. Its semantics are checked
 * where it runs: test/verify/quality-diff.test.ts puts pairs across the end of the stack window,
 * and `aot verify --exec` meets them in real code.
 */
import { expect, test } from "bun:test";
import { stackPair } from "../../src/runtime/pairs.ts";
import { llvmAssemble } from "../arm64/_llvm.ts";

test("push and pop pairs on x15: W and X, the first instruction's register", () => {
  const lines = ["stp x22, x29, [x15, #-16]!", "stp w9, w29, [x15, #-8]!", "ldp x27, x25, [x15], #16", "ldp w26, w25, [x15], #8"];
  const words = llvmAssemble(lines);
  expect(Array.from(words, (w) => stackPair(w))).toEqual([
    // stp second, first: the first push (rbp, x29) is the upper slot's register, Rt2.
    { load: false, size: 8, first: 29, second: 22 },
    { load: false, size: 4, first: 29, second: 9 },
    // ldp first, second: the first pop's register is Rt, the lower slot.
    { load: true, size: 8, first: 27, second: 25 },
    { load: true, size: 4, first: 26, second: 25 },
  ]);
});

test("not pairs of pushes or pops: other bases, offsets, modes, and single accesses", () => {
  const lines = [
    "stp x1, x2, [x14, #-16]!", "stp x1, x2, [x15, #-32]!", "stp x1, x2, [x15, #16]!", "stp x1, x2, [x15], #-16", "stp x1, x2, [x15, #-16]",
    "ldp x1, x2, [x15, #16]!", "ldp x1, x2, [x15], #32", "ldp x1, x2, [x15]", "ldp x1, x2, [x3], #16", "ldpsw x1, x2, [x15], #8",
    "stp q1, q2, [x15, #-32]!", "ldp d1, d2, [x15], #16", "str x1, [x15, #-8]!", "ldr x1, [x15], #8",
  ];
  const words = llvmAssemble(lines);
  expect(words.length).toBe(lines.length);
  lines.forEach((l, i) => expect([l, stackPair(words[i]!)]).toEqual([l, undefined]));
});
