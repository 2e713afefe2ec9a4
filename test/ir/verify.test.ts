/** @file verifyIr: a well-formed block passes; each kind of malformed block is caught with a message naming the op. */
import { expect, test } from "bun:test";
import type { IrBlock } from "../../src/ir/block.ts";
import { OP } from "../../src/ir/ops.ts";
import { parseIr } from "../../src/ir/parse.ts";
import { assertIr, verifyIr } from "../../src/ir/verify.ts";

const GOOD = `block 0x1000 mode 64
  Guest 3, 0x1000
  v2 = GetReg rax
  v3 = Const.8 0x10
  v4 = Add.8 v2, v3 !oszapc
  v5 = Zext v4, 4
  v6 = Bfi v5, v2, 8, 8
  v7 = Ubfx v6, 4, 8
  v8 = Ror.8 v7, v3
  v9 = Cmp.8 ult, v8, v3
  v10 = GetFlag zf
  v11 = Cond e
  v12 = Const.8 0x2000
  ExitIf e, v12 ?z
  SetReg rbx, v9
  Exit jump, v12 ?-
`;
// Op indices in GOOD: 0 Guest, 1 GetReg, 2 Const, 3 Add, 4 Zext, 5 Bfi, 6 Ubfx, 7 Ror, 8 Cmp,
// 9 GetFlag, 10 Cond, 11 Const, 12 ExitIf, 13 SetReg, 14 Exit.

function broken(change: (b: IrBlock) => void, text = GOOD): string[] {
  const b = parseIr(text);
  change(b);
  return verifyIr(b);
}

test("well-formed blocks verify; Nops anywhere, even after the terminator, are fine", () => {
  expect(verifyIr(parseIr(GOOD))).toEqual([]);
  expect(broken((b) => b.emit(OP.Nop, 0, 0))).toEqual([]);
  expect(broken((b) => void (b.op[10] = OP.Nop))).toEqual([]);
  expect(verifyIr(parseIr("block 0x0 mode 32\n  v1 = GetReg rdi\n  ExitSym int3, v1, 1 ?oszapc\n"))).toEqual([]);
  expect(() => assertIr(parseIr(GOOD))).not.toThrow();
});

test("each kind of malformed block is caught", () => {
  const cases: [string, (b: IrBlock) => void, RegExp][] = [
    ["unknown op", (b) => void (b.op[10] = 200), /^op 10: unknown op 200$/],
    ["op after the terminator", (b) => void b.emit(OP.SetReg, 0, 0, 0, 1), /^op 15 \(SetReg\): after the terminator at op 14$/],
    ["bad size", (b) => void (b.sz[3] = 3), /^op 3 \(Add\): size 3 is not 1, 2, 4 or 8$/],
    ["size 0 on a sized op", (b) => void (b.sz[2] = 0), /^op 2 \(Const\): size 0/],
    ["flags an op cannot define", (b) => void (b.fm[8] = 8), /^op 8 \(Cmp\): flag mask 8 beyond what it defines$/],
    ["DF in an exit's live mask", (b) => void (b.fm[14] = 64), /^op 14 \(Exit\): flag mask 64 beyond/],
    ["use before definition", (b) => void (b.a[3] = 5), /^op 3 \(Add\): operand 0 uses v5, not defined before it$/],
    ["use of itself", (b) => void (b.b[3] = 3), /^op 3 \(Add\): operand 1 uses v3, not defined before it$/],
    ["negative value index", (b) => void (b.a[4] = -1), /^op 4 \(Zext\): operand 0 uses v-1/],
    ["use of an op without result", (b) => void (b.b[3] = 0), /^op 3 \(Add\): operand 1 uses op 0 \(Guest\), which has no result$/],
    ["register beyond r15", (b) => void (b.a[1] = 16), /^op 1 \(GetReg\): register 16 out of range for mode 64$/],
    ["flag that is not one bit", (b) => void (b.a[9] = 3), /^op 9 \(GetFlag\): flag 3 is not one flag bit$/],
    ["condition out of range", (b) => void (b.a[10] = 16), /^op 10 \(Cond\): condition 16 out of range$/],
    ["relation out of range", (b) => void (b.a[8] = 10), /^op 8 \(Cmp\): relation 10 out of range$/],
    ["exit kind out of range", (b) => void (b.a[14] = 5), /^op 14 \(Exit\): exit kind 5 out of range$/],
    ["extension from 3 bytes", (b) => void (b.b[4] = 3), /^op 4 \(Zext\): extends from 3 bytes$/],
    ["Bfi field past bit 63", (b) => void (b.c[5] = 60), /^op 5 \(Bfi\): field \[60, \+8\) out of 64 bits$/],
    ["Bfi of width 0", (b) => void (b.d[5] = 0), /^op 5 \(Bfi\): field \[8, \+0\)/],
    ["Ubfx field past bit 63", (b) => void (b.c[6] = 61), /^op 6 \(Ubfx\): field \[4, \+61\) out of 64 bits$/],
    ["Ror of 2 bytes", (b) => void (b.sz[7] = 2), /^op 7 \(Ror\): rotates only 4 or 8 bytes$/],
    ["ExitIf to a computed target", (b) => void (b.b[12] = 1), /^op 12 \(ExitIf\): direct target is not a Const or Addr$/],
    ["direct Exit to a computed target", (b) => void (b.b[14] = 1), /^op 14 \(Exit\): direct target is not a Const or Addr$/],
    ["no terminator", (b) => void (b.n = 14), /^block has no terminator$/],
    ["terminator made a Nop", (b) => void (b.op[14] = OP.Nop), /^block has no terminator$/],
  ];
  for (const [what, change, re] of cases) {
    const errs = broken(change);
    expect([what, errs.length]).toEqual([what, 1]);
    expect(errs[0]!).toMatch(re);
  }
});

// verify.ts reads OPS[b.op[x]]!.result for an operand x whose op number is unknown and throws a
// TypeError instead of reporting "unknown op" (fix: `OPS[b.op[x]!]?.result` and `?.name ?? "?"`).
test("an operand naming an op with an unknown number is reported, not a crash", () => {
  expect(broken((b) => void (b.op[1] = 200))[0]).toBe("op 1: unknown op 200");
});

test("mode 32 allows eight registers; symbols past the table are caught; indirect exits take any value", () => {
  const m32 = "block 0x1000 mode 32\n  v1 = GetReg rdi\n  ExitSym int3, v1, 1 ?-\n";
  expect(broken((b) => void (b.a[0] = 8), m32)).toEqual(["op 0 (GetReg): register 8 out of range for mode 32"]);
  expect(broken((b) => void (b.a[1] = 32), m32)).toEqual(["op 1 (ExitSym): symbol 32 out of range"]);
  expect(broken((b) => void (b.a[1] = -1), m32)).toEqual(["op 1 (ExitSym): symbol -1 out of range"]);
  expect(broken((b) => void (b.a[14] = 1))).toEqual([]); // Exit indirect, v12: fine
  expect(broken((b) => { b.a[14] = 1; b.b[14] = 1; })).toEqual([]); // Exit indirect, v2 (GetReg)
});

test("several problems are all listed, and assertIr throws with them", () => {
  const b = parseIr(GOOD);
  b.sz[3] = 5;
  b.a[10] = 99;
  b.n = 14;
  expect(verifyIr(b)).toEqual([
    "op 3 (Add): size 5 is not 1, 2, 4 or 8",
    "op 10 (Cond): condition 99 out of range",
    "block has no terminator",
  ]);
  expect(() => assertIr(b)).toThrow(/malformed IR block 0x1000:\n {2}op 3 \(Add\): size 5/);
});
