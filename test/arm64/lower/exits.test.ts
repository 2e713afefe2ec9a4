/**
 * @file Exits (ABI §5, §7): direct stubs with their relocation, indirect exits through dispatch,
 * runtime symbols, PIC guest addresses from STATE.IMAGE_BASE.
 */
import { expect, test } from "bun:test";
import { FLIP17, body, directStub, lower } from "./_lower.ts";

test("indirect exit: x16 = target, dispatch; a value used only by the exit is computed into x16", () => {
  const r = lower("  v1 = GetReg rsp\n  v2 = Load.8 v1, 1\n  v3 = Const.8 0x8\n  v4 = Add.8 v1, v3\n  SetReg rsp, v4\n  Exit ret, v2 ?-\n");
  // The return address loads straight into x16, rsp's update folded in (rule postIndex).
  expect(r.lines).toEqual(["ldr x16, [x15], #0x8", "ldr x17, [x12, #0x100]", "br x17"]);
  expect(r.out.bodyWords).toBe(1);
  expect(r.out.relocs.length).toBe(0);
});

test("ExitSym: x16 = the instruction's RIP, then the symbol's slot (0x100 + 8 * sym); C fixed first", () => {
  const r = lower("  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Sub.8 v1, v2 !zc\n  v4 = Const.8 0x1003\n  ExitSym cpuid, v4, 2 ?zc\n");
  expect(r.lines).toEqual(["cmp x8, x27", ...FLIP17, "mov w16, #0x1003", "ldr x17, [x12, #0x128]", "br x17"]);
  // CF alone live: one ccmp inverts C (rule carryFlipCcmp; N, Z, V are dead there).
  const c = lower("  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Sub.8 v1, v2 !c\n  v4 = Const.8 0x1003\n  ExitSym cpuid, v4, 2 ?c\n");
  expect(c.lines).toEqual(["cmp x8, x27", "ccmp xzr, #0x0, #0x0, lo", "mov w16, #0x1003", "ldr x17, [x12, #0x128]", "br x17"]);
});

test("direct exit to a 64-bit address: movz/movk into x16", () => {
  const r = lower("  v9 = Const.8 0x140001003\n  Exit call, v9 ?-\n");
  expect(r.lines).toEqual(directStub(0, ["mov x16, #0x1003", "movk x16, #0x4000, lsl #16", "movk x16, #0x1, lsl #32"]));
  expect(r.out.targets).toEqual([0x140001003n]);
});

test("PIC: Addr = ldr [x12, #0xb8] + rva in one or two adds; targets stay guest addresses", () => {
  const r = lower("  v1 = Addr 0x140123456\n  SetReg rax, v1\n  v9 = Addr 0x140001003\n  Exit jump, v9 ?-\n", { pic: true, imageBase: 0x140000000n });
  expect(r.lines).toEqual([
    "ldr x8, [x12, #0xb8]", "add x8, x8, #0x456", "add x8, x8, #0x123, lsl #12",
    ...directStub(3, ["ldr x16, [x12, #0xb8]", "add x16, x16, #0x3", "add x16, x16, #0x1, lsl #12"]),
  ]);
  expect(r.out.targets).toEqual([0x140001003n]);
  expect(() => lower("  v9 = Addr 0x140001003\n  Exit jump, v9 ?-\n", { pic: true })).toThrow(/imageBase/);
});

test("the same target twice is one entry in targets", () => {
  const r = lower("  v4 = Const.8 0x2000\n  ExitIf e, v4 ?-\n  v9 = Const.8 0x2000\n  Exit jump, v9 ?-\n");
  expect(r.out.targets).toEqual([0x2000n]);
  expect(body(r)).toEqual(["b.eq 0x14"]);
});

// divide.ts exitOnFlags: the #DE compare clobbers NZCV, so the stub puts the saved flags back
// before x16 = the instruction's RIP and the divide_error slot (0x100 + 8 * 9).
test("ExitSymIf on flags: the stub restores the NZCV saved before the compare", () => {
  const r = lower("  v1 = GetReg rdx\n  v2 = GetReg rbx\n  v3 = Cmp.4 uge, v1, v2\n  v4 = Const.8 0x1000\n  ExitSymIf v3, divide_error, v4, 2 ?oszapc\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?-\n");
  expect(r.lines.slice(0, 3)).toEqual(["mrs x9, NZCV", "cmp w1, w27", "b.hs 0x1c"]);
  expect(r.lines.slice(7)).toEqual(["msr NZCV, x9", "mov w16, #0x1000", "ldr x17, [x12, #0x148]", "br x17"]);
});
