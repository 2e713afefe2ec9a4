/**
 * @file IR text expectations for the tricky cases of the x86 semantics, each written by hand
 * from the SDM's Operation box and the ABI (docs/runtime-abi.md), not from our output: partial
 * registers (AH/AL), the 32-bit zero extension, 32-bit addressing in 64-bit mode, PUSH/POP/CALL/
 * RET ordering, the read-modify-write rule (store before flags), shifts by 0 and by CL. Every
 * block is verified with `assertIr` (in `one`).
 */
import { describe, expect, test } from "bun:test";
import { tables } from "../../../src/x86/index.ts";
import { SEMANTICS } from "../../../src/x86/semantics/index.ts";
import { expectIr, one } from "./_translate.ts";


test("every SEMANTICS key is a mnemonic of the tables", () => {
  const known = new Set(tables().mnemonics);
  expect(Object.keys(SEMANTICS).filter((m) => !known.has(m))).toEqual([]);
});

describe("partial registers", () => {
  test("mov ah, al: AH is bits 8..15 of RAX, merged with Bfi", () => {
    expectIr("88c4", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = GetReg rax
        v3 = GetReg rax
        v4 = Bfi v3, v2, 8, 8
        SetReg rax, v4
        v6 = Addr 0x401002
        Exit jump, v6 ?oszapc
    `);
  });

  test("mov al, ah: reads AH with Ubfx, writes the low byte", () => {
    expectIr("8ac4", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = GetReg rax
        v3 = Ubfx v2, 8, 8
        v4 = GetReg rax
        v5 = Bfi v4, v3, 0, 8
        SetReg rax, v5
        v7 = Addr 0x401002
        Exit jump, v7 ?oszapc
    `);
  });

  test("xchg al, ah: the second write merges into the first", () => {
    expectIr("86e0", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = GetReg rax
        v3 = GetReg rax
        v4 = Ubfx v3, 8, 8
        v5 = GetReg rax
        v6 = Bfi v5, v4, 0, 8
        SetReg rax, v6
        v8 = GetReg rax
        v9 = Bfi v8, v2, 8, 8
        SetReg rax, v9
        v11 = Addr 0x401002
        Exit jump, v11 ?oszapc
    `);
  });

  test("mov sil, 1 (REX): SPL..DIL are low bytes of RSP..RDI, not AH..BH", () => {
    expectIr("40b601", 64, `
      block 0x401000 mode 64
        Guest 3, 0x401000
        v2 = Const.1 0x1
        v3 = GetReg rsi
        v4 = Bfi v3, v2, 0, 8
        SetReg rsi, v4
        v6 = Addr 0x401003
        Exit jump, v6 ?oszapc
    `);
  });

  test("add ax, cx: a 16-bit result merges into the low 16 bits", () => {
    expectIr("6601c8", 64, `
      block 0x401000 mode 64
        Guest 3, 0x401000
        v2 = GetReg rax
        v3 = GetReg rcx
        v4 = Add.2 v2, v3 !oszapc
        v5 = GetReg rax
        v6 = Bfi v5, v4, 0, 16
        SetReg rax, v6
        v8 = Addr 0x401003
        Exit jump, v8 ?oszapc
    `);
  });
});

describe("32-bit writes zero-extend", () => {
  test("mov eax, ecx: Zext of the 64-bit register value", () => {
    expectIr("89c8", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = GetReg rcx
        v3 = Zext v2, 4
        SetReg rax, v3
        v5 = Addr 0x401002
        Exit jump, v5 ?oszapc
    `);
  });

  test("add eax, ecx: a size-4 result is already zero-extended", () => {
    expectIr("01c8", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = GetReg rax
        v3 = GetReg rcx
        v4 = Add.4 v2, v3 !oszapc
        SetReg rax, v4
        v6 = Addr 0x401002
        Exit jump, v6 ?oszapc
    `);
  });

  test("cmove eax, ecx: the destination is zero-extended even when the condition is false", () => {
    expectIr("0f44c1", 64, `
      block 0x401000 mode 64
        Guest 3, 0x401000
        v2 = GetReg rcx
        v3 = GetReg rax
        v4 = SelectCC e, v2, v3
        v5 = Zext v4, 4
        SetReg rax, v5
        v7 = Addr 0x401003
        Exit jump, v7 ?oszapc
    `);
  });

  test("mov eax, [ebx] (67): the address wraps to 32 bits", () => {
    expectIr("678b03", 64, `
      block 0x401000 mode 64
        Guest 3, 0x401000
        v2 = GetReg rbx
        v3 = Zext v2, 4
        v4 = Load.4 v3, 0
        SetReg rax, v4
        v6 = Addr 0x401003
        Exit jump, v6 ?oszapc
    `);
  });

  test("32-bit mode: lea eax, [ebx+ecx*4-8] is computed with size-4 ops", () => {
    expectIr("8d448bf8", 32, `
      block 0x401000 mode 32
        Guest 4, 0x401000
        v2 = GetReg rbx
        v3 = GetReg rcx
        v4 = Const.1 0x2
        v5 = Shl.4 v3, v4
        v6 = Add.4 v2, v5
        v7 = Const.4 0xfffffff8
        v8 = Add.4 v6, v7
        SetReg rax, v8
        v10 = Addr 0x401004
        Exit jump, v10 ?oszapc
    `);
  });
});

describe("memory: loads and stores before any register or flag write", () => {
  test("add [rax], rbx: Add without flags, Store, then Add with the flags", () => {
    expectIr("480118", 64, `
      block 0x401000 mode 64
        Guest 3, 0x401000
        v2 = GetReg rax
        v3 = Load.8 v2, 0
        v4 = GetReg rbx
        v5 = Add.8 v3, v4
        Store.8 v2, v5, 0
        v7 = Add.8 v3, v4 !oszapc
        v8 = Addr 0x401003
        Exit jump, v8 ?oszapc
    `);
  });

  test("inc dword [rsp+8]: stack attribute, CF not defined", () => {
    expectIr("ff442408", 64, `
      block 0x401000 mode 64
        Guest 4, 0x401000
        v2 = GetReg rsp
        v3 = Const.8 0x8
        v4 = Add.8 v2, v3
        v5 = Load.4 v4, 1
        v6 = Const.4 0x1
        v7 = Add.4 v5, v6
        Store.4 v4, v7, 1
        v9 = Add.4 v5, v6 !oszap
        v10 = Addr 0x401004
        Exit jump, v10 ?oszapc
    `);
  });

  test("mov rax, [rip+0x10]: RIP-relative is an Addr of the absolute address", () => {
    expectIr("488b0510000000", 64, `
      block 0x401000 mode 64
        Guest 7, 0x401000
        v2 = Addr 0x401017
        v3 = Load.8 v2, 0
        SetReg rax, v3
        v5 = Addr 0x401007
        Exit jump, v5 ?oszapc
    `);
  });
});

describe("stack", () => {
  test("push rbx: new RSP computed, stored to, then set", () => {
    expectIr("53", 64, `
      block 0x401000 mode 64
        Guest 1, 0x401000
        v2 = GetReg rbx
        v3 = GetReg rsp
        v4 = Const.8 0x8
        v5 = Sub.8 v3, v4
        Store.8 v5, v2, 1
        SetReg rsp, v5
        v8 = Addr 0x401001
        Exit jump, v8 ?oszapc
    `);
  });

  test("32-bit mode push eax: 4-byte slot, 32-bit RSP arithmetic", () => {
    expectIr("50", 32, `
      block 0x401000 mode 32
        Guest 1, 0x401000
        v2 = GetReg rax
        v3 = GetReg rsp
        v4 = Const.4 0x4
        v5 = Sub.4 v3, v4
        Store.4 v5, v2, 1
        SetReg rsp, v5
        v8 = Addr 0x401001
        Exit jump, v8 ?oszapc
    `);
  });

  test("pop rsp: the popped value wins over the increment", () => {
    expectIr("5c", 64, `
      block 0x401000 mode 64
        Guest 1, 0x401000
        v2 = GetReg rsp
        v3 = Load.8 v2, 1
        v4 = Const.8 0x8
        v5 = Add.8 v2, v4
        SetReg rsp, v5
        SetReg rsp, v3
        v8 = Addr 0x401001
        Exit jump, v8 ?oszapc
    `);
  });

  test("pop qword [rsp+8]: addressed with the incremented RSP, stored before RSP is set", () => {
    expectIr("8f442408", 64, `
      block 0x401000 mode 64
        Guest 4, 0x401000
        v2 = GetReg rsp
        v3 = Load.8 v2, 1
        v4 = Const.8 0x8
        v5 = Add.8 v2, v4
        v6 = Const.8 0x8
        v7 = Add.8 v5, v6
        Store.8 v7, v3, 1
        SetReg rsp, v5
        v10 = Addr 0x401004
        Exit jump, v10 ?oszapc
    `);
  });

  test("call rel32: return address stored at RSP-8, RSP set, direct call exit", () => {
    expectIr("e810000000", 64, `
      block 0x401000 mode 64
        Guest 5, 0x401000
        v2 = Addr 0x401005
        v3 = GetReg rsp
        v4 = Const.8 0x8
        v5 = Sub.8 v3, v4
        Store.8 v5, v2, 1
        SetReg rsp, v5
        v8 = Addr 0x401015
        Exit call, v8 ?oszapc
    `);
  });

  test("call [rax]: the target is loaded before the push", () => {
    expectIr("ff10", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = GetReg rax
        v3 = Load.8 v2, 0
        v4 = Addr 0x401002
        v5 = GetReg rsp
        v6 = Const.8 0x8
        v7 = Sub.8 v5, v6
        Store.8 v7, v4, 1
        SetReg rsp, v7
        Exit call_indirect, v3 ?oszapc
    `);
  });

  test("32-bit mode ret 8: pops 4 bytes and releases 8 more", () => {
    expectIr("c20800", 32, `
      block 0x401000 mode 32
        Guest 3, 0x401000
        v2 = GetReg rsp
        v3 = Load.4 v2, 1
        v4 = Const.4 0xc
        v5 = Add.4 v2, v4
        SetReg rsp, v5
        Exit ret, v3 ?oszapc
    `);
  });
});

describe("branches", () => {
  test("jne rel8: conditional exit to the target, then the fall-through", () => {
    expectIr("7510", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = Addr 0x401012
        ExitIf ne, v2 ?oszapc
        v4 = Addr 0x401002
        Exit jump, v4 ?oszapc
    `);
  });

  test("ud2 exits to its runtime symbol with RIP = the instruction", () => {
    expectIr("0f0b", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = Addr 0x401000
        ExitSym ud2, v2, 2 ?oszapc
    `);
  });
});

describe("shifts", () => {
  test("shl eax, 0: no flags, but the register is still zero-extended", () => {
    expectIr("c1e000", 64, `
      block 0x401000 mode 64
        Guest 3, 0x401000
        v2 = GetReg rax
        v3 = Zext v2, 4
        SetReg rax, v3
        v5 = Addr 0x401003
        Exit jump, v5 ?oszapc
    `);
  });

  // A nonzero count leaves AF undefined (SDM "Flags Affected"): Undef after the flags it defines.
  test("shr al, 1: CF = bit 0, OF = the original MSB, SZP from the result, AF undefined", () => {
    expectIr("d0e8", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = GetReg rax
        v3 = Zext v2, 1
        v4 = Const.1 0x1
        v5 = Shr.1 v3, v4
        v6 = GetReg rax
        v7 = Bfi v6, v5, 0, 8
        SetReg rax, v7
        v9 = Ubfx v3, 0, 1
        Test.1 v5 !szp
        SetFlag cf, v9
        v12 = Ubfx v2, 7, 1
        SetFlag of, v12
        Undef !a
        v15 = Addr 0x401002
        Exit jump, v15 ?oszapc
    `);
  });

  test("shl eax, cl: result and every flag selected on (CL & 31) == 0; AF saved and restored alone (kept for 0, else undefined)", () => {
    expectIr("d3e0", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = GetReg rax
        v3 = GetReg rcx
        v4 = Const.4 0x1f
        v5 = And.4 v3, v4
        v6 = Const.4 0x0
        v7 = Cmp.4 eq, v5, v6
        v8 = Shl.4 v2, v5
        v9 = Select v7, v2, v8
        v10 = Zext v9, 4
        SetReg rax, v10
        v12 = Shl.8 v2, v5
        v13 = Ubfx v12, 32, 1
        v14 = Ubfx v8, 31, 1
        v15 = Xor.4 v14, v13
        v16 = GetFlag pf
        Test.4 v8 !p
        v18 = GetFlag pf
        v19 = Select v7, v16, v18
        SetFlag pf, v19
        v21 = GetFlag sf
        v22 = Ubfx v8, 31, 1
        v23 = Select v7, v21, v22
        SetFlag sf, v23
        v25 = GetFlag zf
        v26 = Const.4 0x0
        v27 = Cmp.4 eq, v8, v26
        v28 = Select v7, v25, v27
        SetFlag zf, v28
        v30 = GetFlag cf
        v31 = Select v7, v30, v13
        SetFlag cf, v31
        v33 = GetFlag of
        v34 = Select v7, v33, v15
        SetFlag of, v34
        v36 = SaveFlags 4
        RestoreFlagsIfZero.4 v5, v36, 4
        v38 = Addr 0x401002
        Exit jump, v38 ?oszapc
    `);
  });

  test("rol byte [rax], 1: 8-bit rotate by two shifts, stored before CF/OF", () => {
    expectIr("d000", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = GetReg rax
        v3 = Load.1 v2, 0
        v4 = Zext v3, 1
        v5 = Const.1 0x1
        v6 = Const.1 0x1
        v7 = Const.1 0x7
        v8 = Shl.1 v4, v6
        v9 = Shr.1 v4, v7
        v10 = Or.1 v8, v9
        Store.1 v2, v10, 0
        v12 = Ubfx v10, 0, 1
        SetFlag cf, v12
        v14 = Ubfx v10, 7, 1
        v15 = Xor.4 v14, v12
        SetFlag of, v15
        v17 = Addr 0x401002
        Exit jump, v17 ?oszapc
    `);
  });
});

describe("multiply", () => {
  // SDM: AX ← AL ∗ SRC (one 16-bit product of the zero-extended bytes); CF = OF = (AH != 0),
  // i.e. the product exceeds 0xff; SF, ZF, AF, PF undefined.
  test("mul cl: AX = AL * CL, CF = OF = (AH != 0)", () => {
    expectIr("f6e1", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = GetReg rcx
        v3 = GetReg rax
        v4 = Zext v3, 1
        v5 = Zext v2, 1
        v6 = Mul.4 v4, v5
        v7 = GetReg rax
        v8 = Bfi v7, v6, 0, 16
        SetReg rax, v8
        v10 = Const.4 0xff
        v11 = Cmp.4 ugt, v6, v10
        SetFlag cf, v11
        SetFlag of, v11
        Undef !szap
        v15 = Addr 0x401002
        Exit jump, v15 ?oszapc
    `);
  });

  // The register gets the 32-bit product; CF = OF = the full 64-bit product of the sign-extended
  // operands is not the sign extension of its low half.
  test("imul eax, ecx: CF = OF = (high half != sign of the low half)", () => {
    expectIr("0fafc1", 64, `
      block 0x401000 mode 64
        Guest 3, 0x401000
        v2 = GetReg rcx
        v3 = GetReg rax
        v4 = Mul.4 v3, v2
        SetReg rax, v4
        v6 = Sext v3, 4
        v7 = Sext v2, 4
        v8 = Mul.8 v6, v7
        v9 = Sext v8, 4
        v10 = Cmp.8 ne, v8, v9
        SetFlag cf, v10
        SetFlag of, v10
        Undef !szap
        v14 = Addr 0x401003
        Exit jump, v14 ?oszapc
    `);
  });
});

// Flags the SDM leaves undefined ("Flags Affected") end with `Undef` after the instruction's last
// write (so a fault before it still sees the old flags); flags it leaves unaffected stay as they were.
describe("undefined flags", () => {
  // AND: CF = OF = 0, SF ZF PF from the result, AF undefined (the op's mask leaves AF out).
  test("and eax, ecx: AF undefined", () => {
    expectIr("21c8", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = GetReg rax
        v3 = GetReg rcx
        v4 = And.4 v2, v3 !oszpc
        SetReg rax, v4
        Undef !a
        v7 = Addr 0x401002
        Exit jump, v7 ?oszapc
    `);
  });

  // BT: CF = bit (ECX mod 32) of EAX; ZF unaffected; OF SF AF PF undefined.
  test("bt eax, ecx: CF = the bit, ZF kept, OF SF AF PF undefined", () => {
    expectIr("0fa3c8", 64, `
      block 0x401000 mode 64
        Guest 3, 0x401000
        v2 = GetReg rcx
        v3 = Const.4 0x1f
        v4 = And.4 v2, v3
        v5 = GetReg rax
        v6 = Shr.8 v5, v4
        v7 = Ubfx v6, 0, 1
        SetFlag cf, v7
        Undef !osap
        v10 = Addr 0x401003
        Exit jump, v10 ?oszapc
    `);
  });

  // BSF: ZF = (source == 0), the destination kept then; CF OF SF AF PF undefined.
  test("bsf eax, ecx: ZF = source is zero, CF OF SF AF PF undefined", () => {
    expectIr("0fbcc1", 64, `
      block 0x401000 mode 64
        Guest 3, 0x401000
        v2 = GetReg rcx
        v3 = Const.4 0x0
        v4 = Cmp.4 eq, v2, v3
        v5 = Ctz.4 v2
        v6 = GetReg rax
        v7 = Select v4, v6, v5
        SetReg rax, v7
        SetFlag zf, v4
        Undef !osapc
        v11 = Addr 0x401003
        Exit jump, v11 ?oszapc
    `);
  });
});

test("push ax / pop ax (66): a 2-byte store or load, RSP moved by 2 in its full width, AX merged", () => {
  const push = one("6650", 64).text;
  expect(push).toContain("Sub.8");
  expect(push).toContain("Store.2");
  expect(push).toMatch(/Const\.8 0x2\b/);
  const pop = one("6658", 32).text;
  expect(pop).toContain("Load.2");
  expect(pop).toMatch(/Add\.4 .*\n(.*\n)*.*Bfi/);
});

describe("fallbacks", () => {
  test.each([
    ["f30118", 64, "rep add [rax], ebx (REP on a non-string mnemonic; rep ret runs as ret: string.test.ts)"],
    ["64a4", 64, "movsb with an FS source (string instructions take no segment base; mov rax, fs:[0x28] translates: misc-diff.test.ts)"],
    ["67668b07", 32, "mov ax, [bx] (16-bit addressing)"],
    // Segment-register MOV/PUSH/POP and far CALL/JMP/RETF translate (segment-diff.test.ts); the far-pointer loads do not.
    ["0fb218", 64, "lss ebx, [rax]"],
    ["c418", 32, "les ebx, [eax]"],
    ["cf", 32, "iretd"],
  ] as const)("%s in %d-bit mode falls back: %s", (hex, mode) => {
    const r = one(hex, mode);
    expect(r.result).toBe("unhandled");
    expect(r.b.n).toBe(1); // only the caller's Guest marker is left
  });
});
