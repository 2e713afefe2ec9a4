/**
 * @file The reg-cse pass on hand-written blocks: a register read again with nothing between that
 * can change it is the first read's value (the expected text worked out from the pass's rule,
 * not copied from its output), and the near misses it must leave alone: a write of the register
 * between, an op that may touch registers implicitly (a REP string), the second read of a
 * xor/sub of a register with itself (zero-idiom's). The end-to-end proof that the rewritten blocks
 * mean the same is test/verify/quality-diff.test.ts (its reg-cse blocks).
 */
import { expect, test } from "bun:test";
import { dce } from "../../../src/ir/passes/dce.ts";
import { regCse } from "../../../src/ir/passes/reg-cse.ts";
import { ir, run } from "./_ir.ts";

test("mov rdx, rax; mov rcx, rax; add rax, 1: the second read of rax is the first one's value", () => {
  const { b, out } = run((x) => expect(regCse(x)).toBe(2), `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    SetReg rdx, v2
    Guest 3, 0x1003
    v5 = GetReg rax
    SetReg rcx, v5
    Guest 4, 0x1006
    v8 = GetReg rax
    v9 = Const.8 0x1
    v10 = Add.8 v8, v9
    SetReg rax, v10
    v12 = Const.8 0x100a
    Exit jump, v12 ?oszapc`);
  // v5 and v8 are both rax with no write between: both become v2.
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    SetReg rdx, v2
    Guest 3, 0x1003
    v5 = GetReg rax   ; unused now: DCE's
    SetReg rcx, v2
    Guest 4, 0x1006
    v8 = GetReg rax   ; unused now
    v9 = Const.8 0x1
    v10 = Add.8 v2, v9
    SetReg rax, v10
    v12 = Const.8 0x100a
    Exit jump, v12 ?oszapc`));
  dce(b);
  expect(regCse(b)).toBe(0); // once DCE took the unused reads, nothing is left to merge
});

test("loads, stores and a conditional exit between keep the value; a write of the register does not", () => {
  const src = `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rbx
    v3 = Load.8 v2, 0
    Store.8 v2, v3, 0
    v5 = Const.8 0x2000
    ExitIf e, v5 ?z
    v7 = GetReg rbx
    v8 = Const.8 0x8
    v9 = Add.8 v7, v8
    SetReg rbx, v9
    v11 = GetReg rbx
    SetReg rcx, v11
    v13 = Const.8 0x1003
    Exit jump, v13 ?oszapc`;
  const { out } = run((x) => expect(regCse(x)).toBe(1), src);
  expect(out).toBe(ir(src.replace("v9 = Add.8 v7, v8", "v9 = Add.8 v2, v8")));
});

test("left alone: a REP string between (it moves rsi, rdi, rcx itself), and xor r, r keeps its second read", () => {
  const rep = `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rsi
    SetReg rdx, v2
    v4 = Const.8 0x1
    RepMovs.1 v4, 8, 0
    v6 = GetReg rsi
    SetReg rbx, v6
    v8 = Const.8 0x1003
    Exit jump, v8 ?oszapc`;
  expect(run((x) => expect(regCse(x)).toBe(0), rep).out).toBe(ir(rep));
  const xor = `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    v3 = GetReg rax
    v4 = Xor.4 v2, v3 !oszpc
    v5 = GetReg rax
    SetReg rdx, v5
    SetReg rax, v4
    v8 = Const.8 0x1002
    Exit jump, v8 ?oszapc`;
  // v3 stays the xor's own operand (zero-idiom turns a read only the xor uses into Const 0); v5 merges.
  const { out } = run((x) => expect(regCse(x)).toBe(2), xor);
  expect(out).toBe(ir(xor.replace("SetReg rdx, v5", "SetReg rdx, v2")));
});
