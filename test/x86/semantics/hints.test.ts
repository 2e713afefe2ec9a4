/**
 * @file IR of the hints group (src/x86/semantics/hints.ts): fences and cache-line flushes as
 * `Fence` (0 = LOAD, 1 = STORE, 2 = FULL), prefetches as `Prefetch` of the operand's linear
 * address (use 0 = READ_L1, 1 = READ_L2, 2 = READ_L3, 3 = READ_STREAM, 4 = WRITE_L1, 5 = WRITE_L2),
 * reserved NOPs as nothing, the FS/GS base instructions as `SegBase`/`SetState` of STATE.FS_BASE
 * (word 21) and GS_BASE (word 22), RDRAND/RDSEED/RDPID as exits into their runtime symbols.
 */
import { describe, expect, test } from "bun:test";
import { FENCE, PREFETCH, STATE, SYM } from "../../../src/ir/index.ts";
import { expectIr, one } from "./_translate.ts";

/** A block of one instruction of `len` bytes whose IR is `body`, then the fall-through exit. */
const fallThrough = (len: number, body: string[], mode: 32 | 64 = 64): string =>
  [`block 0x401000 mode ${mode}`, `  Guest ${len}, 0x401000`, ...body.map((l) => `  ${l}`)].join("\n");

test("the IR numbering the tests spell out", () => {
  expect([FENCE.LOAD, FENCE.STORE, FENCE.FULL]).toEqual([0, 1, 2]);
  expect([PREFETCH.READ_L1, PREFETCH.READ_L2, PREFETCH.READ_L3, PREFETCH.READ_STREAM, PREFETCH.WRITE_L1, PREFETCH.WRITE_L2]).toEqual([0, 1, 2, 3, 4, 5]);
  expect([STATE.FS_BASE / 8, STATE.GS_BASE / 8]).toEqual([21, 22]);
  expect([SYM.rdrand, SYM.rdseed, SYM.rdpid]).toEqual([12, 13, 14]);
});

describe("fences and flushes", () => {
  for (const [hex, kind, what] of [
    ["0faee8", 0, "lfence"], ["0faef8", 1, "sfence"], ["0faef0", 2, "mfence"],
    ["0fae38", 2, "clflush [rax]"], ["660fae38", 2, "clflushopt [rax]"], ["660fae30", 2, "clwb [rax]"],
  ] as const) {
    test(`${what}: Fence ${kind}, the operand neither computed nor accessed`, () => {
      const len = hex.length / 2;
      for (const mode of [64, 32] as const) {
        expectIr(hex, mode, `${fallThrough(len, [`Fence ${kind}`, `v3 = Addr 0x40100${len}`, "Exit jump, v3 ?oszapc"], mode)}\n`);
      }
    });
  }
});

describe("prefetches", () => {
  for (const [hex, use, what] of [
    ["0f1808", 0, "prefetcht0"], ["0f1810", 1, "prefetcht1"], ["0f1818", 2, "prefetcht2"], ["0f1800", 3, "prefetchnta"],
    ["0f0d08", 4, "prefetchw"], ["0f0d18", 4, "prefetchw (0F 0D /3)"], ["0f0d10", 5, "prefetchwt1"],
    ["0f0d00", 0, "prefetch (AMD)"], ["0f0d38", 0, "prefetch (0F 0D /7, AMD's alias)"],
  ] as const) {
    test(`${what} [rax]: Prefetch of rax, use ${use}`, () => {
      expectIr(hex, 64, `${fallThrough(3, ["v2 = GetReg rax", `Prefetch v2, ${use}`, "v4 = Addr 0x401003", "Exit jump, v4 ?oszapc"])}\n`);
    });
  }

  test("the linear address: GS base added (64-bit), 32-bit wrap in 32-bit mode", () => {
    expectIr("650f18448b10", 64, `
      block 0x401000 mode 64
        Guest 6, 0x401000
        v2 = GetReg rbx
        v3 = GetReg rcx
        v4 = Const.1 0x2
        v5 = Shl.8 v3, v4
        v6 = Add.8 v2, v5
        v7 = Const.8 0x10
        v8 = Add.8 v6, v7
        v9 = SegBase 1
        v10 = Add.8 v8, v9
        Prefetch v10, 3
        v12 = Addr 0x401006
        Exit jump, v12 ?oszapc
    `);
    expectIr("0f18448b10", 32, `
      block 0x401000 mode 32
        Guest 5, 0x401000
        v2 = GetReg rbx
        v3 = GetReg rcx
        v4 = Const.1 0x2
        v5 = Shl.4 v3, v4
        v6 = Add.4 v2, v5
        v7 = Const.4 0x10
        v8 = Add.4 v6, v7
        Prefetch v8, 3
        v10 = Addr 0x401005
        Exit jump, v10 ?oszapc
    `);
  });
});

describe("reserved NOPs", () => {
  test("0F 18 /4 [rax] and the register forms of 0F 18, 0F 19, 0F 1F: nothing", () => {
    for (const hex of ["0f1820", "0f18c1", "0f19c1", "0f1fc9"]) expectIr(hex, 64, `${fallThrough(3, ["v2 = Addr 0x401003", "Exit jump, v2 ?oszapc"])}\n`);
  });

  test("the register form of 0F 0D falls back (vendor-dependent: #UD on AMD), as does an F3 prefix", () => {
    expect(one("0f0dc1", 64).result).toBe("unhandled");
    expect(one("660f0dc1", 32).result).toBe("unhandled");
    expect(one("f30f1820", 64).result).toBe("unhandled");
  });
});

describe("FS/GS base", () => {
  test("rdfsbase eax zero-extends, rdgsbase rax is the base", () => {
    expectIr("f30faec0", 64, `${fallThrough(4, ["v2 = SegBase 0", "v3 = Zext v2, 4", "SetReg rax, v3", "v5 = Addr 0x401004", "Exit jump, v5 ?oszapc"])}\n`);
    expectIr("f3480faec8", 64, `${fallThrough(5, ["v2 = SegBase 1", "SetReg rax, v2", "v4 = Addr 0x401005", "Exit jump, v4 ?oszapc"])}\n`);
  });

  test("wrfsbase eax stores the zero-extended register, wrgsbase rax the register", () => {
    expectIr("f30faed0", 64, `${fallThrough(4, ["v2 = GetReg rax", "v3 = Zext v2, 4", "SetState 21, v3", "v5 = Addr 0x401004", "Exit jump, v5 ?oszapc"])}\n`);
    expectIr("f3480faed8", 64, `${fallThrough(5, ["v2 = GetReg rax", "SetState 22, v2", "v4 = Addr 0x401005", "Exit jump, v4 ?oszapc"])}\n`);
  });

  test("a 66 prefix changes nothing (r32 form); in 32-bit mode the encodings are not these instructions", () => {
    expect(one("66f30faec0", 64).text).toContain("v2 = SegBase 0\n  v3 = Zext v2, 4\n  SetReg rax, v3");
    expect(() => one("f30faec0", 32)).toThrow(/does not decode/);
  });
});

describe("runtime helpers: the block ends into the symbol at the instruction, nothing of it done", () => {
  for (const [hex, sym, mode] of [
    ["660fc7f0", "rdrand", 64], ["0fc7f0", "rdrand", 64], ["480fc7f0", "rdrand", 64], ["0fc7f0", "rdrand", 32],
    ["660fc7f8", "rdseed", 64], ["0fc7f8", "rdseed", 32], ["480fc7f8", "rdseed", 64],
    ["f30fc7f8", "rdpid", 64], ["f30fc7f8", "rdpid", 32],
  ] as const) {
    test(`${hex} (${mode}-bit): ExitSym ${sym}`, () => {
      const r = one(hex, mode);
      expect(r.result).toBe("end");
      expect(r.text).toBe(`${[`block 0x401000 mode ${mode}`, `  Guest ${hex.length / 2}, 0x401000`, "  v2 = Addr 0x401000", `  ExitSym ${sym}, v2, ${hex.length / 2} ?oszapc`].join("\n")}\n`);
    });
  }
});
