/**
 * @file The field-forward pass on hand-written blocks: a byte or word field written into a
 * register (`SetReg r, Bfi x, y, 0, w`) and overwritten before anything observes the register
 * goes, and its readers take the field (y) or insert into the old register (x). The expected text
 * is worked out from the pass's rule, not copied from its output. The near misses: a store in
 * between (a fault there must see the field in the home), a reader of all 64 bits, a narrow right
 * shift (it wants its operand zero-extended). The end-to-end proof is the differential suite
 * (test/verify/diff.test.ts, blocks.test.ts: every block runs the whole pipeline).
 */
import { expect, test } from "bun:test";
import { dce } from "../../../src/ir/passes/dce.ts";
import { constFold } from "../../../src/ir/passes/const-fold.ts";
import { fieldForward } from "../../../src/ir/passes/field-forward.ts";
import { ir, run } from "./_ir.ts";

test("sete al; movzx eax, al: the Zext reads the 0/1 value, the insert goes; const-fold leaves the value itself", () => {
  const { b, out } = run((x) => { expect(fieldForward(x)).toBe(2); constFold(x); dce(x); }, `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = Cond e
    v4 = Bfi v2, v3, 0, 8
    SetReg rax, v4
    Guest 3, 0x1003
    v7 = GetReg rax
    v8 = Zext v7, 1
    SetReg rax, v8
    v10 = Const.8 0x1006
    Exit jump, v10 ?-`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = Cond e
    Guest 3, 0x1003
    SetReg rax, v2
    v5 = Const.8 0x1006
    Exit jump, v5 ?-`));
  expect(fieldForward(b)).toBe(0);
});

test("sete cl; xor cl, 0x31: the xor reads the value, its own insert goes into the old rcx", () => {
  const { out } = run((x) => { expect(fieldForward(x)).toBe(3); dce(x); }, `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rcx
    v3 = Cond e
    v4 = Bfi v2, v3, 0, 8
    SetReg rcx, v4
    Guest 3, 0x1003
    v7 = GetReg rcx
    v8 = Const.1 0x31
    v9 = Xor.1 v7, v8
    v10 = Bfi v7, v9, 0, 8
    SetReg rcx, v10
    v12 = Const.8 0x1006
    Exit jump, v12 ?-`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rcx
    v3 = Cond e
    Guest 3, 0x1003
    v5 = Const.1 0x31
    v6 = Xor.1 v3, v5
    v7 = Bfi v2, v6, 0, 8
    SetReg rcx, v7
    v9 = Const.8 0x1006
    Exit jump, v9 ?-`));
});

test("near misses: a store between the writes, a reader of the whole register, a narrow right shift", () => {
  const block = (between: string, reader: string) => `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = GetReg rbx
    v4 = Load.1 v3, 0
    v5 = Bfi v2, v4, 0, 8
    SetReg rax, v5
    Guest 3, 0x1003
    ${between}
    v8 = GetReg rax
    ${reader}
    SetReg rax, v9
    v11 = Const.8 0x1006
    Exit jump, v11 ?-`;
  for (const [between, reader] of [
    ["Store.1 v3, v3, 0", "v9 = Zext v8, 1"], // a fault at the store must find the field in rax's home
    ["Nop", "v9 = Add.8 v8, v8"], // reads all 64 bits
    ["Nop", "v9 = Shr.1 v8, v4"], // a narrow shift wants a zero-extended operand
  ]) {
    const src = block(between!, reader!);
    const { out } = run((x) => expect(fieldForward(x)).toBe(0), src);
    expect(out).toBe(run(() => {}, src).out);
  }
});

test("a 16-bit field serves a byte reader; a byte field does not serve a word reader", () => {
  const block = (w: number, reader: string) => `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = GetReg rbx
    v4 = Load.2 v3, 0
    v5 = Bfi v2, v4, 0, ${w}
    SetReg rax, v5
    Guest 3, 0x1003
    v8 = GetReg rax
    ${reader}
    SetReg rax, v9
    v11 = Const.8 0x1006
    Exit jump, v11 ?-`;
  run((x) => expect(fieldForward(x)).toBe(2), block(16, "v9 = Zext v8, 1"));
  run((x) => expect(fieldForward(x)).toBe(0), block(8, "v9 = Zext v8, 2"));
});
