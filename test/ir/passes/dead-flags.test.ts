/** @file dead-flags: masks narrowed to what later readers and exits need, dead SetFlags removed, stale masks on Guest markers. */
import { expect, test } from "bun:test";
import { deadFlags } from "../../../src/ir/passes/dead-flags.ts";
import { ir, run } from "./_ir.ts";

test("an add whose flags the next sub overwrites defines none; the sub's Guest sees them stale", () => {
  const { out } = run(deadFlags, `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = GetReg rbx
    v4 = Add.8 v2, v3 !oszapc
    SetReg rax, v4
    Guest 3, 0x1003
    v7 = Sub.8 v4, v3 !oszapc
    SetReg rcx, v7
    v9 = Const.8 0x1006
    Exit jump, v9 ?oszapc`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = GetReg rbx
    v4 = Add.8 v2, v3
    SetReg rax, v4
    Guest 3, 0x1003 ~oszapc
    v7 = Sub.8 v4, v3 !oszapc
    SetReg rcx, v7
    v9 = Const.8 0x1006
    Exit jump, v9 ?oszapc`));
});

test("cmp; inc; jb: only CF of the cmp survives (inc does not define CF), stale until the end", () => {
  const { out } = run(deadFlags, `
    block 0x1000 mode 64
    Guest 3, 0x1000        ; cmp rax, rbx
    v2 = GetReg rax
    v3 = GetReg rbx
    v4 = Sub.8 v2, v3 !oszapc
    Guest 3, 0x1003        ; inc rcx
    v6 = GetReg rcx
    v7 = Const.8 0x1
    v8 = Add.8 v6, v7 !oszap
    SetReg rcx, v8
    Guest 2, 0x1006        ; jb 0x2000
    v11 = Const.8 0x2000
    ExitIf b, v11 ?-
    Guest 2, 0x1008        ; jmp 0x100a
    v14 = Const.8 0x100a
    Exit jump, v14 ?-`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = GetReg rbx
    v4 = Sub.8 v2, v3 !c
    Guest 3, 0x1003 ~oszap
    v6 = GetReg rcx
    v7 = Const.8 0x1
    v8 = Add.8 v6, v7
    SetReg rcx, v8
    Guest 2, 0x1006 ~oszap
    v11 = Const.8 0x2000
    ExitIf b, v11 ?-
    Guest 2, 0x1008 ~oszap
    v14 = Const.8 0x100a
    Exit jump, v14 ?-`));
});

test("flags live at a conditional exit are kept even when the fall-through overwrites them", () => {
  const { out } = run(deadFlags, `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = Xor.4 v2, v2 !oszapc
    v4 = Const.8 0x2000
    ExitIf ne, v4 ?szp
    v6 = And.4 v3, v2 !oszapc
    v7 = Const.8 0x1010
    Exit jump, v7 ?z`);
  // ExitIf: live = szp (exit) | z (condition); the And keeps only z.
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = Xor.4 v2, v2 !szp
    v4 = Const.8 0x2000
    ExitIf ne, v4 ?szp
    v6 = And.4 v3, v2 !z
    v7 = Const.8 0x1010
    Exit jump, v7 ?z`));
});

test("SetFlag: dead ones become Nop, read ones stay, DF always stays; GetFlag reads", () => {
  const { out } = run(deadFlags, `
    block 0x1000 mode 32
    Guest 1, 0x1000        ; stc (overwritten by clc)
    v2 = Const.8 0x1
    SetFlag cf, v2
    Guest 1, 0x1001        ; cld
    v5 = Const.8 0x0
    SetFlag df, v5
    Guest 1, 0x1002        ; clc
    SetFlag cf, v5
    v9 = GetFlag cf
    SetReg rax, v9
    Guest 1, 0x1003        ; stc (dead: nothing live at the exit)
    SetFlag cf, v2
    v13 = Const.8 0x1004
    Exit jump, v13 ?-`);
  expect(out).toBe(ir(`
    block 0x1000 mode 32
    Guest 1, 0x1000
    v2 = Const.8 0x1
    Guest 1, 0x1001 ~c
    v4 = Const.8 0x0
    SetFlag df, v4
    Guest 1, 0x1002 ~c
    SetFlag cf, v4
    v8 = GetFlag cf
    SetReg rax, v8
    Guest 1, 0x1003
    v11 = Const.8 0x1004
    Exit jump, v11 ?-`));
});

test("readers: Adc reads CF before it writes; Cond and SelectCC read their condition's flags", () => {
  const { out } = run(deadFlags, `
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = GetReg rbx
    v3 = Add.8 v1, v2 !oszapc       ; add rax, rbx
    v4 = Adc.8 v1, v2 !oszapc       ; adc rdx, rcx: reads CF of the add
    SetReg rdx, v4
    v6 = Sub.4 v1, v2 !oszapc       ; cmp eax, ebx
    v7 = Cond l                     ; setl: SF, OF
    SetReg rcx, v7
    v9 = Test.1 v2 !oszapc           ; test bl, bl
    v10 = SelectCC e, v1, v2         ; cmove: ZF of the test
    SetReg rsi, v10
    v12 = Const.8 0x1000
    Exit jump, v12 ?c`.replace("v9 = Test", "Test"));
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = GetReg rbx
    v3 = Add.8 v1, v2 !c
    v4 = Adc.8 v1, v2
    SetReg rdx, v4
    v6 = Sub.4 v1, v2 !os
    v7 = Cond l
    SetReg rcx, v7
    Test.1 v2 !zc
    v10 = SelectCC e, v1, v2
    SetReg rsi, v10
    v12 = Const.8 0x1000
    Exit jump, v12 ?c`));
});

test("a flag written twice with no reader in between: the first write is stale only until the second", () => {
  const { out } = run(deadFlags, `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    v3 = Neg.8 v2 !oszapc
    Guest 2, 0x1002
    v5 = Or.8 v3, v2 !oszapc
    Guest 2, 0x1004
    v7 = Load.8 v5, 0
    v8 = Const.8 0x1006
    Exit indirect, v7 ?oszapc`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    v3 = Neg.8 v2
    Guest 2, 0x1002 ~oszapc
    v5 = Or.8 v3, v2 !oszapc
    Guest 2, 0x1004
    v7 = Load.8 v5, 0
    v8 = Const.8 0x1006
    Exit indirect, v7 ?oszapc`));
});

test("running twice changes nothing and keeps the stale masks (idempotent)", () => {
  const src = `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = Add.8 v2, v2 !oszapc
    Guest 3, 0x1003
    v5 = Sub.8 v3, v2 !szc
    v6 = Const.8 0x1006
    Exit jump, v6 ?c`;
  const once = run(deadFlags, src);
  expect(once.out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = Add.8 v2, v2
    Guest 3, 0x1003 ~oszapc
    v5 = Sub.8 v3, v2 !c
    v6 = Const.8 0x1006
    Exit jump, v6 ?c`));
  expect(deadFlags(once.b)).toBe(0);
  expect(run(deadFlags, once.out).out).toBe(once.out);
});

test("returns the number of ops narrowed or removed", () => {
  const { b } = run(() => 0, `
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = Add.8 v1, v1 !oszapc
    v3 = Add.8 v2, v1 !oszapc
    SetFlag zf, v1
    v5 = Const.8 0x1
    Exit jump, v5 ?z`);
  expect(deadFlags(b)).toBe(2); // two narrowed adds (both lose everything), no SetFlag removed
  expect(b.fm[1]).toBe(0);
  expect(b.fm[2]).toBe(0);
});
