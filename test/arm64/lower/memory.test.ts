/**
 * @file Memory lowering (ABI §6, §8, §9): ordered accesses under TSO, plain ones for the stack and
 * the relaxed policy with folded offsets, and the fault side table's bytes.
 */
import { expect, test } from "bun:test";
import { body, lower } from "./_lower.ts";
import { parseIr } from "../../../src/ir/index.ts";
import { BASELINE } from "../../../src/arm64/features.ts";
import { Lowerer, listing, lowerBlock } from "../../../src/arm64/lower/index.ts";

const END = "  v9 = Const.8 0x1003\n  Exit jump, v9 ?-\n";

test("tso: a non-stack load is followed by dmb ishld, a non-stack store preceded by dmb ishst (alignment-free, ABI §8)", () => {
  const ir = "  Guest 3, 0x1000\n  v1 = GetReg rbx\n  v2 = Load.4 v1, 0\n  SetReg rax, v2\n  v4 = GetReg rcx\n  Store.8 v4, v1, 0\n" + END;
  expect(body(lower(ir, { memoryOrder: "tso" }))).toEqual(["ldr w8, [x27]", "dmb ishld", "dmb ishst", "str x27, [x0]"]);
  expect(body(lower(ir, { memoryOrder: "tso", rcpc: true }))).toEqual(["ldr w8, [x27]", "dmb ishld", "dmb ishst", "str x27, [x0]"]);
  expect(body(lower(ir, { memoryOrder: "relaxed" }))).toEqual(["ldr w8, [x27]", "str x27, [x0]"]);
});

test("tso: an address x + 8 folds into the ordered load's offset; the barrier follows", () => {
  const ir = "  v1 = GetReg rbx\n  v2 = Const.8 0x8\n  v3 = Add.8 v1, v2\n  v4 = Load.2 v3, 0\n  SetReg rax, v4\n" + END;
  expect(body(lower(ir, { memoryOrder: "tso" }))).toEqual(["ldrh w8, [x27, #0x8]", "dmb ishld"]);
});

test("foldAddOffset: stack accesses and relaxed ones fold ±constant (scaled ldr or ldur)", () => {
  const st = "  v1 = GetReg rsp\n  v2 = Const.8 0x10\n  v3 = Add.8 v1, v2\n  v4 = Load.8 v3, 1\n  SetReg rax, v4\n" + END;
  expect(body(lower(st, { memoryOrder: "tso" }))).toEqual(["ldr x8, [x15, #0x10]"]);
  const neg = "  v1 = GetReg rsp\n  v2 = Const.8 0x8\n  v3 = Sub.8 v1, v2\n  v4 = GetReg rbp\n  Store.8 v3, v4, 1\n" + END;
  expect(body(lower(neg, { memoryOrder: "tso" }))).toEqual(["stur x29, [x15, #-0x8]"]);
  const odd = "  v1 = GetReg rbx\n  v2 = Const.8 0x3\n  v3 = Add.8 v1, v2\n  v4 = Load.4 v3, 0\n  SetReg rax, v4\n" + END;
  expect(body(lower(odd))).toEqual(["ldur w8, [x27, #0x3]"]);
});

test("byte and halfword stores; a zero store uses wzr", () => {
  const ir = "  v1 = GetReg rbx\n  v2 = GetReg rax\n  Store.1 v1, v2, 0\n  v3 = Const.2 0x0\n  Store.2 v1, v3, 0\n" + END;
  expect(body(lower(ir))).toEqual(["strb w8, [x27]", "strh wzr, [x27]"]);
});

test("an unused load still happens (it may fault), into the zero register", () => {
  expect(body(lower("  v1 = GetReg rbx\n  v2 = Load.8 v1, 0\n" + END))).toEqual(["ldr xzr, [x27]"]);
});

test("fault side table: ULEB word delta, ULEB guest offset, state byte (C inverted | stale << 1)", () => {
  const ir = [
    "  Guest 3, 0x1000",
    "  v1 = GetReg rbx",
    "  v2 = Load.8 v1, 0",          // word 0: delta 0, guest 0, state 0
    "  Guest 4, 0x1003 ~zc",
    "  v4 = GetReg rax",
    "  v5 = Sub.8 v4, v2 !oszapc",  // C inverted from here
    "  Store.8 v1, v4, 0",          // guest 3, state 1 | (0b1001 << 1)
    "  Guest 2, 0x1090",
    "  Store.8 v1, v2, 0",          // guest 0x90 (ULEB 0x90 0x01)
    "  v9 = Const.8 0x1003",
    "  Exit jump, v9 ?-",
  ].join("\n") + "\n";
  const r = lower(ir);
  const words = r.lines.indexOf("str x8, [x27]");
  expect(r.lines[0]).toBe("ldr x9, [x27]");
  expect([...r.out.faults]).toEqual([0, 0, 0, words, 3, 1 | (9 << 1), 1, 0x90, 0x01, 1]);
});

test("MEM.ORDERED (2) and MEM.PLAIN (4) override the policy and MEM.STACK (volatile metadata, ABI §8)", () => {
  // Attribute values are the MEM bits as documented in src/ir/ops.ts: STACK 1, ORDERED 2, PLAIN 4.
  const ir = (la: number, sa: number) => `  v1 = GetReg rbx\n  v2 = Load.4 v1, ${la}\n  SetReg rax, v2\n  v4 = GetReg rcx\n  Store.8 v4, v1, ${sa}\n` + END;
  expect(body(lower(ir(4, 4), { memoryOrder: "tso" }))).toEqual(["ldr w8, [x27]", "str x27, [x0]"]);
  expect(body(lower(ir(2, 2), { memoryOrder: "relaxed" }))).toEqual(["ldr w8, [x27]", "dmb ishld", "dmb ishst", "str x27, [x0]"]);
  expect(body(lower(ir(2 | 1, 2 | 1), { memoryOrder: "tso" }))).toEqual(["ldr w8, [x27]", "dmb ishld", "dmb ishst", "str x27, [x0]"]);
  expect(body(lower(ir(4, 0), { memoryOrder: "tso" }))).toEqual(["ldr w8, [x27]", "dmb ishst", "str x27, [x0]"]);
});

test("32-bit guests: push/pop of ESP ± 4 pre-/post-index too (wrapping addresses fault either way), other registers do not", () => {
  const at32 = (body: string): string[] => {
    const b = parseIr(`block 0x1000 mode 32\n${body}${END}`);
    const out = lowerBlock(b, { features: BASELINE, memoryOrder: "tso", pic: false }, new Lowerer());
    return listing(out.code).split("\n").slice(0, out.bodyWords);
  };
  const push = "  v1 = GetReg rsp\n  v2 = Const.4 0x4\n  v3 = Sub.4 v1, v2\n  v4 = GetReg rax\n  Store.4 v3, v4, 1\n  SetReg rsp, v3\n";
  expect(at32(push)).toEqual(["str w8, [x15, #-0x4]!"]);
  const pop = "  v1 = GetReg rsp\n  v2 = Load.4 v1, 1\n  v3 = Const.4 0x4\n  v4 = Add.4 v1, v3\n  SetReg rsp, v4\n  SetReg rbx, v2\n";
  expect(at32(pop)).toEqual(["ldr w27, [x15], #0x4"]);
  // Through another register the 32-bit wrap is kept: a separate sub.
  const other = "  v1 = GetReg rsi\n  v2 = Const.4 0x4\n  v3 = Sub.4 v1, v2\n  v4 = GetReg rax\n  Store.4 v3, v4, 1\n  SetReg rsi, v3\n";
  expect(at32(other)[0]).toMatch(/^sub w\d+, w25, #0x4$/);
});

// RETF's shape: [rsp] then [rsp + 8] in one instruction, rsp unchanged. The Add folded into the
// second load's offset is not a pop's write-back: no post-index (which would move rsp and read
// the selector from rsp + 16).
test("postIndex: not for an Add that foldAddOffset gave to the next access", () => {
  const ir = "  v1 = GetReg rsp\n  v2 = Load.8 v1, 1\n  v3 = Const.8 0x8\n  v4 = Add.8 v1, v3\n  v5 = Load.2 v4, 1\n  SetReg rax, v2\n  SetReg rbx, v5\n" + END;
  expect(body(lower(ir, { memoryOrder: "relaxed" }))).toEqual(["ldr x9, [x15]", "ldrh w27, [x15, #0x8]", "mov x8, x9"]);
});

// call [rip+0x1ffa] at 0x1000 (image base 0x1000 here: RVAs = addresses - 0x1000), relaxed: the
// slot 0x3000 and the return address 0x1006 are both guest addresses. Rule picBase: the slot is
// STATE.IMAGE_BASE + 0x2000 once (ldr, add #0x2, lsl #12), the return address 0x1ffa below it
// (sub #0xffa, sub #0x1, lsl #12), not a second load of the image base (ABI §7).
test("picBase: a block's second guest address is computed from the first, not from STATE.IMAGE_BASE again", () => {
  const ir = "  Guest 6, 0x1000\n  v1 = Addr 0x3000\n  v2 = Load.8 v1, 0\n  v3 = GetReg rsp\n  v4 = Const.8 0x8\n  v5 = Sub.8 v3, v4\n"
    + "  v6 = Addr 0x1006\n  Store.8 v5, v6, 1\n  SetReg rsp, v5\n  Exit call, v2 ?-\n";
  const pic = body(lower(ir, { pic: true, imageBase: 0x1000n }));
  expect(pic).toEqual(["ldr x9, [x12, #0xb8]", "add x9, x9, #0x2, lsl #12", "ldr x16, [x9]", "sub x6, x9, #0xffa", "sub x6, x6, #0x1, lsl #12", "str x6, [x15, #-0x8]!"]);
  // Without the rule (lowerBlock's retry after running out of temporaries): two loads of the base.
  const off = body(lower(ir, { pic: true, imageBase: 0x1000n, picBase: false }));
  expect(off.filter((l) => l === "ldr x9, [x12, #0xb8]" || l === "ldr x6, [x12, #0xb8]").length).toBe(2);
});

// The same rule with the first address going to rax: its home holds the base only while nothing
// writes rax again before the last address computed from it. Here `mov eax, 5` does, so the base
// stays in a temporary (x9) and is moved to rax; the load's address comes from x9, not from x8.
test("picBase: the base in a guest home only while that home is not written again", () => {
  const ir = (between: string) => "  v1 = Addr 0x2010\n  SetReg rax, v1\n" + between + "  v5 = Addr 0x3000\n  v6 = Load.8 v5, 0\n  SetReg rcx, v6\n" + END;
  const home = body(lower(ir(""), { pic: true, imageBase: 0x1000n }));
  // 0x3000 is 0xff0 above the base: the 8-byte load takes it as its offset (rule addrOffset).
  expect(home).toEqual(["ldr x8, [x12, #0xb8]", "add x8, x8, #0x10", "add x8, x8, #0x1, lsl #12", "ldr x0, [x8, #0xff0]"]);
  const moved = body(lower(ir("  v3 = Const.8 0x5\n  SetReg rax, v3\n"), { pic: true, imageBase: 0x1000n }));
  expect(moved).toEqual(["ldr x9, [x12, #0xb8]", "add x9, x9, #0x10", "add x9, x9, #0x1, lsl #12", "mov x8, x9", "mov w8, #0x5", "ldr x0, [x9, #0xff0]"]);
});
