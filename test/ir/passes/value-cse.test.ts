/**
 * @file The value-cse pass on hand-written blocks: a pure, flag-free computation equal to an
 * earlier one (op, size, operands, immediates) takes that one's value (the expected text worked
 * out from the pass's rule, not copied from its output), and the near misses it must leave alone:
 * a flag-defining op, a value going to a guest register or used as an access's address, a
 * compare, an extension, the second operand of a xor of a value with itself (zero-idiom's). The
 * end-to-end proof that the rewritten blocks mean the same is the differential suite
 * (test/verify/diff.test.ts, blocks.test.ts: every block runs the whole pipeline).
 */
import { expect, test } from "bun:test";
import { dce } from "../../../src/ir/passes/dce.ts";
import { valueCse } from "../../../src/ir/passes/value-cse.ts";
import { ir, run } from "./_ir.ts";

test("ror eax, 1's CF and OF both take bit 31 of the result: the second extract is the first", () => {
  const { b, out } = run((x) => { expect(valueCse(x)).toBe(1); dce(x); }, `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    v3 = Const.1 0x1
    v4 = Ror.4 v2, v3
    v5 = Ubfx v4, 31, 1
    SetFlag cf, v5
    v7 = Ubfx v4, 31, 1
    v8 = Ubfx v4, 30, 1
    v9 = Xor.4 v7, v8
    SetFlag of, v9
    v11 = Const.8 0x1002
    Exit jump, v11 ?oc`);
  // v7 = v5 (same op, operand and field); v8 differs in its field; DCE drops v7.
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    v3 = Const.1 0x1
    v4 = Ror.4 v2, v3
    v5 = Ubfx v4, 31, 1
    SetFlag cf, v5
    v7 = Ubfx v4, 30, 1
    v8 = Xor.4 v5, v7
    SetFlag of, v8
    v10 = Const.8 0x1002
    Exit jump, v10 ?oc`));
  expect(valueCse(b)).toBe(0);
});

test("near misses: flags, a guest register's value, an address, a compare, an extension, xor of a value with itself", () => {
  const src = `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = GetReg rbx
    v4 = Add.8 v2, v3 !z
    v5 = Add.8 v2, v3 !z
    v6 = And.8 v2, v3
    SetReg rcx, v6
    v8 = And.8 v2, v3
    SetReg rdx, v8
    v10 = Or.8 v2, v3
    v11 = Load.8 v10, 0
    v12 = Or.8 v2, v3
    Store.8 v12, v11, 0
    v14 = Cmp.8 eq, v2, v3
    v15 = Cmp.8 eq, v2, v3
    v16 = Select v14, v2, v3
    v17 = Select v15, v3, v2
    v18 = Zext v2, 4
    v19 = Zext v2, 4
    v20 = Mul.8 v18, v19
    v21 = Ubfx v2, 8, 8
    v22 = Ubfx v2, 8, 8
    v23 = Xor.1 v21, v22
    v24 = Xor.8 v16, v17
    v25 = Xor.8 v20, v23
    v26 = Xor.8 v24, v25
    SetReg rsi, v26
    v28 = Const.8 0x1003
    Exit jump, v28 ?z`;
  // (The second field extract counts as merged, but the xor keeps reading it: nothing changes.)
  const { out } = run((x) => valueCse(x), src);
  expect(out).toBe(ir(src));
});
