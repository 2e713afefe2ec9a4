/**
 * @file The string group's semantics (src/x86/semantics/string.ts): IR written by hand from the SDM
 * (MOVS/STOS/LODS/SCAS/CMPS "Operation", REP) and the ABI (DF in the state block), and which
 * prefixes are accepted where: REP/REPNE only on the string mnemonics (a per-mnemonic decision in
 * `translateInsn`), REPNE not on MOVS/STOS/LODS, no FS/GS source override, not the SSE MOVSD/CMPSD
 * that share the mnemonics.
 */
import { describe, expect, test } from "bun:test";
import { expectIr, one } from "./_translate.ts";


describe("plain string instructions", () => {
  test("movsb: load [rsi], store [rdi], then both move by +1, then -2*DF (no flags touched)", () => {
    expectIr("a4", 64, `
      block 0x401000 mode 64
        Guest 1, 0x401000
        v2 = GetFlag df
        v3 = Const.1 0x1
        v4 = Shl.8 v2, v3
        v5 = GetReg rsi
        v6 = Load.1 v5, 0
        v7 = GetReg rdi
        Store.1 v7, v6, 0
        v9 = GetReg rsi
        v10 = Const.8 0x1
        v11 = Add.8 v9, v10
        v12 = Sub.8 v11, v4
        SetReg rsi, v12
        v14 = GetReg rdi
        v15 = Const.8 0x1
        v16 = Add.8 v14, v15
        v17 = Sub.8 v16, v4
        SetReg rdi, v17
        v19 = Addr 0x401001
        Exit jump, v19 ?oszapc
    `, "next");
  });

  test("a32 lodsd in 64-bit mode: the address is ESI zero-extended, ESI steps as a 32-bit write, EAX zero-extends", () => {
    expectIr("67ad", 64, `
      block 0x401000 mode 64
        Guest 2, 0x401000
        v2 = GetFlag df
        v3 = Const.1 0x3
        v4 = Shl.8 v2, v3
        v5 = GetReg rsi
        v6 = Zext v5, 4
        v7 = Load.4 v6, 0
        SetReg rax, v7
        v9 = GetReg rsi
        v10 = Const.8 0x4
        v11 = Add.4 v9, v10
        v12 = Sub.4 v11, v4
        SetReg rsi, v12
        v14 = Addr 0x401002
        Exit jump, v14 ?oszapc
    `, "next");
  });

  test("scasw: flags of AX - [rdi] as CMP, then rdi moves by +2, then -4*DF", () => {
    expectIr("66af", 32, `
      block 0x401000 mode 32
        Guest 2, 0x401000
        v2 = GetFlag df
        v3 = Const.1 0x2
        v4 = Shl.8 v2, v3
        v5 = GetReg rdi
        v6 = Load.2 v5, 0
        v7 = GetReg rax
        v8 = Sub.2 v7, v6 !oszapc
        v9 = GetReg rdi
        v10 = Const.8 0x2
        v11 = Add.4 v9, v10
        v12 = Sub.4 v11, v4
        SetReg rdi, v12
        v14 = Addr 0x401002
        Exit jump, v14 ?oszapc
    `, "next");
  });
});

describe("REP forms are one op each", () => {
  test("rep stosq: RepStos.8 step, 8-byte addressing, plain attributes", () => {
    expectIr("f348ab", 64, `
      block 0x401000 mode 64
        Guest 3, 0x401000
        v2 = GetFlag df
        v3 = Const.8 0x8
        v4 = Const.1 0x4
        v5 = Shl.8 v2, v4
        v6 = Sub.8 v3, v5
        RepStos.8 v6, 8, 0
        v8 = Addr 0x401003
        Exit jump, v8 ?oszapc
    `, "next");
  });

  test("repne scasb (d = 1) and repe cmpsd with 32-bit addressing (b = 4, d = 0) define the flags", () => {
    expect(one("f2ae", 64).text).toContain("RepScas.1 v6, 8, 0, 1 !oszapc");
    expect(one("67f3a7", 64).text).toContain("RepCmps.4 v6, 4, 0, 0 !oszapc");
    expect(one("f3a6", 32).text).toContain("RepCmps.1 v6, 4, 0, 0 !oszapc");
  });
});

describe("what falls back", () => {
  const unhandled = (hex: string, mode: 32 | 64): void => expect([hex, one(hex, mode).result]).toEqual([hex, "unhandled"]);
  test("REPNE on MOVS/STOS/LODS (no documented meaning)", () => {
    for (const h of ["f2a4", "f248a5", "f2aa", "f2ac"]) unhandled(h, 64);
  });
  test("an FS/GS override of the source", () => {
    for (const h of ["64a4", "65f3a6", "65ac"]) unhandled(h, 64);
  });
  test("REP/REPNE on other mnemonics (rep add, rep mov, repne inc)", () => {
    unhandled("f30118", 32);
    unhandled("f3488b03", 64);
    unhandled("f2ffc0", 64);
  });
  test("but rep ret and bnd (F2) near branches are the plain branch: the CPU ignores the prefix", () => {
    for (const [pre, plain, mode] of [["f3c3", "c3", 64], ["f2c3", "c3", 32], ["f2e910000000", "e910000000", 64], ["f27410", "7410", 64], ["f2ffd0", "ffd0", 64]] as const) {
      const a = one(pre, mode), b = one(plain, mode);
      expect([pre, a.result]).toEqual([pre, b.result]);
      // Same IR but for the instruction length (Guest marker, return address, targets).
      expect(a.text.replace(/0x4010[0-9a-f]{2}/g, "A").replace(/Guest \d+/, "Guest")).toBe(b.text.replace(/0x4010[0-9a-f]{2}/g, "A").replace(/Guest \d+/, "Guest"));
    }
  });
  test("the SSE MOVSD/CMPSD sharing the mnemonic keys: MOVSD is the vector slice's scalar move, CMPSD (a compare) falls back", () => {
    expect(one("f20f1008", 64).text).toContain("VLoad.8 xmm1");
    expect(one("f20f10c1", 64).text).toContain("VMovLow.8 xmm0, xmm1");
    expect(one("a5", 64).text).not.toContain("VLoad");
    unhandled("f20fc2c100", 64);
  });
  test("DS/ES overrides change nothing (flat segments)", () => {
    expect(one("3ef3a4", 64).text).toContain("RepMovs.1 v6, 8, 0");
    expect(one("26a6", 32).result).toBe("next");
  });
});

describe("volatile metadata reaches the REP ops (MEM attributes, operand c)", () => {
  test("rep movsb under tso: barriers by policy, none when the instruction is marked plain, kept when ordered", async () => {
    const { Translator, ORDERING } = await import("../../../src/compile/translate.ts");
    const { BASELINE } = await import("../../../src/arm64/index.ts");
    const { listing } = await import("../../../src/arm64/lower/index.ts");
    const code = Uint8Array.of(0xf3, 0xa4);
    const dmbs = (ordering?: () => 0 | 1 | 2): number => {
      const t = new Translator({ mode: 64, lower: { features: BASELINE, memoryOrder: "tso", pic: false }, maxInsns: 1, ...(ordering ? { ordering } : {}) });
      return listing(t.translate(code, 0, code.length, 0x140001000n).code).split("\n").filter((l) => l.startsWith("dmb")).length;
    };
    // Policy: the chunk loop and both element loops order each load (ishld) and store (ishst).
    expect(dmbs()).toBe(6);
    expect(dmbs(() => ORDERING.PLAIN)).toBe(0);
    expect(dmbs(() => ORDERING.ORDERED)).toBe(6);
  });
});
