/**
 * @file The reg-forward pass on hand-written blocks: a register copy or constant written and
 * overwritten with only blind ops between is dropped and its reads take the value (the expected
 * text worked out from the pass's rule, not copied from its output), and the near misses it must
 * leave alone: a load, store or exit between (they observe the register), a value an access
 * uses as its address, a field insert. The end-to-end proof that the rewritten blocks mean the
 * same is test/verify/quality-diff.test.ts (its reg-forward blocks).
 */
import { expect, test } from "bun:test";
import { regForward } from "../../../src/ir/passes/reg-forward.ts";
import { runPasses } from "../../../src/ir/passes/index.ts";
import { ir, run } from "./_ir.ts";

test("mov r11, r9; or r11, 1: the copy's write goes, the read of r11 is r9's value", () => {
  const { b, out } = run((x) => expect(regForward(x)).toBe(2), `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg r9
    SetReg r11, v2
    Guest 4, 0x1003
    v5 = GetReg r11
    v6 = Const.8 0x1
    v7 = Or.8 v5, v6
    SetReg r11, v7
    v9 = Const.8 0x1007
    Exit jump, v9 ?oszapc`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg r9
    Guest 4, 0x1003   ; the printer numbers densely: the dropped write takes no number
    v4 = GetReg r11   ; unused now: DCE's
    v5 = Const.8 0x1
    v6 = Or.8 v2, v5
    SetReg r11, v6
    v8 = Const.8 0x1007
    Exit jump, v8 ?oszapc`));
  expect(regForward(b)).toBe(0);
});

test("a constant moved into ECX reaches the shift by CL, and the default pipeline folds it to a shift by 3", () => {
  // mov ecx, 3; shl eax, cl (CF and ZF only), then ECX is overwritten: the count is the constant.
  const src = `
    block 0x1000 mode 64
    Guest 5, 0x1000
    v2 = Const.8 0x3
    SetReg rcx, v2
    Guest 2, 0x1005
    v5 = GetReg rax
    v6 = GetReg rcx
    v7 = Const.4 0x1f
    v8 = And.4 v6, v7
    v9 = Const.4 0x0
    v10 = Cmp.4 eq, v8, v9
    v11 = Shl.4 v5, v8
    v12 = Select v10, v5, v11
    SetReg rax, v12
    Guest 2, 0x1007
    v15 = Const.8 0x0
    SetReg rcx, v15
    v17 = Const.8 0x1009
    Exit jump, v17 ?-`;
  expect(run((x) => expect(regForward(x)).toBe(2), src).out).toBe(ir(`
    block 0x1000 mode 64
    Guest 5, 0x1000
    v2 = Const.8 0x3
    Guest 2, 0x1005
    v4 = GetReg rax
    v5 = GetReg rcx
    v6 = Const.4 0x1f
    v7 = And.4 v2, v6
    v8 = Const.4 0x0
    v9 = Cmp.4 eq, v7, v8
    v10 = Shl.4 v4, v7
    v11 = Select v9, v4, v10
    SetReg rax, v11
    Guest 2, 0x1007
    v14 = Const.8 0x0
    SetReg rcx, v14
    v16 = Const.8 0x1009
    Exit jump, v16 ?-`));
  // 3 & 31 = 3 is not 0: the select is the shift, by the constant 3.
  const { out } = run((x) => runPasses(x), src);
  expect(out).toMatch(/Shl\.4 v\d+, v\d+\n/);
  expect(out).not.toMatch(/Select|Cmp|And/);
  expect(out).toMatch(/Const\.\d 0x3\n/);
});

test("two copies in a row, and a source overwritten before the forwarded read: the read is the old value", () => {
  // mov r11, r9; mov r9, 7; mov r11, r11-as-copied + 1 (the read of r11 is r9's value before the mov r9, 7).
  const { out } = run((x) => expect(regForward(x)).toBe(2), `
    block 0x1000 mode 64
    v1 = GetReg r9
    SetReg r11, v1
    v3 = Const.8 0x7
    SetReg r9, v3
    v5 = GetReg r11
    v6 = Const.8 0x1
    v7 = Add.8 v5, v6
    SetReg r11, v7
    v9 = Const.8 0x1007
    Exit jump, v9 ?-`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    v1 = GetReg r9
    v2 = Const.8 0x7
    SetReg r9, v2
    v4 = GetReg r11
    v5 = Const.8 0x1
    v6 = Add.8 v1, v5
    SetReg r11, v6
    v8 = Const.8 0x1007
    Exit jump, v8 ?-`));
});

test("left alone: a load, a store or a conditional exit between the writes (each observes the register)", () => {
  for (const between of ["v4 = Load.8 v1, 0", "Store.8 v1, v1, 0", "v4 = Const.8 0x2000\n    ExitIf e, v4 ?-"]) {
    const src = `
      block 0x1000 mode 64
      v1 = GetReg r9
      SetReg r11, v1
      ${between}
      v5 = GetReg r11
      v6 = Const.8 0x1
      v7 = Or.8 v5, v6
      SetReg r11, v7
      v9 = Const.8 0x1007
      Exit jump, v9 ?-`;
    // Compared with the text as parsed and printed untouched (the printer renumbers densely).
    expect(run((x) => expect(regForward(x)).toBe(0), src).out).toBe(run(() => {}, src).out);
  }
});

test("left alone: a computed value (its write goes to the home for free), an address an access uses, a field insert and what one inserts into", () => {
  const computed = `
    block 0x1000 mode 64
    v1 = GetReg r9
    v2 = Const.8 0x8
    v3 = Sub.8 v1, v2
    Store.8 v3, v1, 1
    SetReg r9, v3
    v6 = GetReg r9
    v7 = Sub.8 v6, v2
    SetReg r9, v7
    v9 = Const.8 0x1007
    Exit jump, v9 ?-`;
  // rsp - 8 style: the address of the store, so its write stays (the store's pre-index writeback).
  expect(run((x) => expect(regForward(x)).toBe(0), computed).out).toBe(ir(computed));
  const field = `
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = Const.1 0x7
    v3 = Bfi v1, v2, 0, 8
    SetReg rcx, v3
    v5 = GetReg rcx
    v6 = Const.8 0x1
    v7 = Add.8 v5, v6
    SetReg rcx, v7
    v9 = Const.8 0x1007
    Exit jump, v9 ?-`;
  expect(run((x) => expect(regForward(x)).toBe(0), field).out).toBe(ir(field));
  // mov ecx, eax; and cl, 7: the read of rcx is the base of a Bfi, done in place in rcx's home.
  const base = `
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = Zext v1, 4
    SetReg rcx, v2
    v4 = GetReg rcx
    v5 = Const.1 0x7
    v6 = And.1 v4, v5
    v7 = Bfi v4, v6, 0, 8
    SetReg rcx, v7
    v9 = Const.8 0x1007
    Exit jump, v9 ?-`;
  expect(run((x) => expect(regForward(x)).toBe(0), base).out).toBe(ir(base));
});
