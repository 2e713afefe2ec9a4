/** @file dce: unused pure flag-free ops go (whole chains in one sweep); flag definers, side effects and markers stay. */
import { expect, test } from "bun:test";
import { dce } from "../../../src/ir/passes/dce.ts";
import { ir, run } from "./_ir.ts";

test("unused pure ops go, chains included; used ones, flag definers and side effects stay", () => {
  const { b, out } = run(dce, `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax            ; used by the store
    v3 = GetReg rbx            ; only used by dead v5, v6
    v4 = Const.8 0x8
    v5 = Add.8 v3, v4          ; only used by dead v6
    v6 = Zext v5, 4            ; unused
    v7 = Sub.8 v2, v4 !z       ; unused result, but its flags are live
    v8 = Load.8 v2, 0          ; unused, but a load can fault
    v9 = Cond e                ; unused reader
    Test.4 v2                  ; empty mask: nothing
    Test.4 v3 !s               ; keeps v3
    Store.8 v2, v4, 1
    v13 = GetFlag cf           ; unused
    v14 = Const.8 0x1003
    Exit jump, v14 ?sz`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = GetReg rbx
    v4 = Const.8 0x8
    v5 = Sub.8 v2, v4 !z
    v6 = Load.8 v2, 0
    Test.4 v3 !s
    Store.8 v2, v4, 1
    v9 = Const.8 0x1003
    Exit jump, v9 ?sz`));
  expect(dce(b)).toBe(0);
});

test("the count of removed ops; an all-dead block keeps its markers and exit", () => {
  const { out } = run((b) => expect(dce(b)).toBe(4), `
    block 0x1000 mode 32
    Guest 2, 0x1000
    v2 = GetReg rax
    v3 = Not.4 v2
    v4 = Select v2, v3, v2
    v5 = SelectCC ne, v4, v3
    v6 = Const.8 0x1002
    Exit jump, v6 ?-`);
  expect(out).toBe(ir(`
    block 0x1000 mode 32
    Guest 2, 0x1000
    v2 = Const.8 0x1002
    Exit jump, v2 ?-`));
});
