/** @file runPasses: the default pipeline on whole blocks, the re-run after DCE removes a flag reader, and named pass lists. */
import { expect, test } from "bun:test";
import { OP } from "../../../src/ir/ops.ts";
import { PASSES, runPasses } from "../../../src/ir/passes/index.ts";
import { ir, run } from "./_ir.ts";

test("xor eax,eax; cmp ecx,5; jne; add eax,ebx; ret", () => {
  const { b, out } = run(runPasses, `
    block 0x1000 mode 64
    Guest 2, 0x1000          ; xor eax, eax
    v2 = GetReg rax
    v3 = Xor.4 v2, v2 !oszapc
    SetReg rax, v3
    Guest 3, 0x1002          ; cmp ecx, 5
    v6 = GetReg rcx
    v7 = Const.4 0x5
    v8 = Sub.4 v6, v7 !oszapc
    Guest 2, 0x1005          ; jne 0x2000
    v10 = Const.8 0x2000
    ExitIf ne, v10 ?-
    Guest 2, 0x1007          ; add eax, ebx
    v13 = GetReg rbx
    v14 = Add.4 v3, v13 !oszapc
    SetReg rax, v14
    Guest 1, 0x1009          ; ret
    v17 = GetReg rsp
    v18 = Load.8 v17, 1
    v19 = Const.8 0x8
    v20 = Add.8 v17, v19
    SetReg rsp, v20
    Exit ret, v18 ?-`);
  // xor: flags dead, folds to 0, GetReg rax dead. cmp: only ZF for jne, fused with it.
  // add eax, ebx: 0 + ebx is not ebx in 4 bytes (rbx may have upper bits), so it stays, its
  // constant moved second (constRight).
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = Const.4 0x0
    SetReg rax, v2
    Guest 3, 0x1002 ~oszapc
    v5 = GetReg rcx
    v6 = Const.4 0x5
    v7 = Sub.4 v5, v6 !z
    Guest 2, 0x1005 ~oszapc
    v9 = Const.8 0x2000
    ExitIf ne, v9 ?-
    Guest 2, 0x1007 ~oszapc
    v12 = GetReg rbx
    v13 = Add.4 v12, v2
    SetReg rax, v13
    Guest 1, 0x1009 ~oszapc
    v16 = GetReg rsp
    v17 = Load.8 v16, 1
    v18 = Const.8 0x8
    v19 = Add.8 v16, v18
    SetReg rsp, v19
    Exit ret, v17 ?-`));
  const exitIf = [...b.op.subarray(0, b.n)].indexOf(OP.ExitIf);
  expect(b.d[exitIf]).toBe(8); // the Sub is op 7 (op 1, the GetReg rax, is a Nop now)
});

test("an unused Cond is removed, then its flags are dead, then the compare folds and goes", () => {
  const { out } = run(runPasses, `
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = Sub.8 v1, v1 !oszapc
    v3 = Cond l
    v4 = Const.8 0x1003
    Exit jump, v4 ?-`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    v1 = Const.8 0x1003
    Exit jump, v1 ?-`));
});

test("named passes run once each, in order; unknown names throw", () => {
  const src = `
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = Add.8 v1, v1 !oszapc
    v3 = Const.8 0x1003
    Exit jump, v3 ?-`;
  // DCE before dead-flags keeps the Add (its flags still count as a use).
  expect(run((b) => runPasses(b, { passes: ["dce", "dead-flags"] }), src).out).toBe(ir(`
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = Add.8 v1, v1
    v3 = Const.8 0x1003
    Exit jump, v3 ?-`));
  expect(run((b) => runPasses(b, { passes: ["dead-flags", "dce"] }), src).out).toBe(ir(`
    block 0x1000 mode 64
    v1 = Const.8 0x1003
    Exit jump, v1 ?-`));
  expect(() => run((b) => runPasses(b, { passes: ["dead-flags", "nope"] }), src)).toThrow(/unknown IR pass "nope"/);
  expect([...PASSES].sort()).toEqual(["bitfield", "cond-flags", "const-fold", "dce", "dead-flags", "field-forward", "flag-run", "flags-into-test", "fuse-cmp-branch", "late-setreg", "reg-cse", "reg-forward", "value-cse", "zero-idiom"]);
});
