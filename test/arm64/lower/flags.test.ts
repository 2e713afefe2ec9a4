/**
 * @file Flag conventions (ABI §4) through Cond, SelectCC, GetFlag, SetFlag and ExitIf: x86
 * conditions mapped through the statically tracked carry sense, parity from x10, AF from x11.
 */
import { expect, test } from "bun:test";
import { RULE } from "../../../src/arm64/lower/index.ts";
import { FLIP17, body, directStub, lower } from "./_lower.ts";

const CMP = "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Sub.8 v1, v2 !oszc\n";
const ADD = "  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Add.8 v1, v2 !oszc\n";
const END = "  v9 = Const.8 0x1003\n  Exit jump, v9 ?-\n";

test("setb after a sub is cset lo; after an add cset hs", () => {
  expect(body(lower(CMP + "  v4 = Cond b\n  SetReg rcx, v4\n" + END))).toEqual(["cmp x8, x27", "cset w0, lo"]);
  expect(body(lower(ADD + "  v4 = Cond b\n  SetReg rcx, v4\n" + END))).toEqual(["cmn x8, x27", "cset w0, hs"]);
});

test("be / a: one condition after a sub (ls / hi), two instructions with C = CF", () => {
  expect(body(lower(CMP + "  v4 = Cond be\n  SetReg rcx, v4\n" + END))).toEqual(["cmp x8, x27", "cset w0, ls"]);
  expect(body(lower(CMP + "  v4 = Cond a\n  SetReg rcx, v4\n" + END))).toEqual(["cmp x8, x27", "cset w0, hi"]);
  // CF | ZF: cset hs, then force 1 on eq; !CF & !ZF: cset lo, then force 0 on eq.
  expect(body(lower(ADD + "  v4 = Cond be\n  SetReg rcx, v4\n" + END))).toEqual(["cmn x8, x27", "cset w0, hs", "csinc w0, w0, wzr, ne"]);
  expect(body(lower(ADD + "  v4 = Cond a\n  SetReg rcx, v4\n" + END))).toEqual(["cmn x8, x27", "cset w0, lo", "csel w0, w0, wzr, ne"]);
});

test("signed and overflow conditions ignore the carry sense", () => {
  for (const [cc, arm] of [["l", "lt"], ["ge", "ge"], ["le", "le"], ["g", "gt"], ["o", "vs"], ["no", "vc"], ["s", "mi"], ["ns", "pl"], ["e", "eq"], ["ne", "ne"]])
    expect(body(lower(CMP + `  v4 = Cond ${cc}\n  SetReg rcx, v4\n` + END))).toEqual(["cmp x8, x27", `cset w0, ${arm}`]);
});

test("parity: fold x10's low byte to bit 0 (odd), PF = NOT it", () => {
  const fold = ["eor w0, w10, w10, lsr #4", "eor w0, w0, w0, lsr #2", "eor w0, w0, w0, lsr #1"];
  expect(body(lower("  v4 = Cond p\n  SetReg rcx, v4\n" + END))).toEqual([...fold, "eor w0, w0, #0x1", "and w0, w0, #0x1"]);
  expect(body(lower("  v4 = Cond np\n  SetReg rcx, v4\n" + END))).toEqual([...fold, "and w0, w0, #0x1"]);
  expect(body(lower("  v4 = GetFlag pf\n  SetReg rcx, v4\n" + END))).toEqual([...fold, "eor w0, w0, #0x1", "and w0, w0, #0x1"]);
});

test("cmov: csel on the mapped condition; be with C = CF uses two csels", () => {
  expect(body(lower(CMP + "  v4 = GetReg rcx\n  v5 = GetReg rdx\n  v6 = SelectCC b, v4, v5\n  SetReg rcx, v6\n" + END)))
    .toEqual(["cmp x8, x27", "csel x0, x0, x1, lo"]);
  expect(body(lower(ADD + "  v4 = GetReg rcx\n  v5 = GetReg rdx\n  v6 = SelectCC be, v4, v5\n  SetReg rcx, v6\n" + END)))
    .toEqual(["cmn x8, x27", "csel x9, x0, x1, hs", "csel x0, x0, x9, eq"]);
});

test("GetFlag: cset per flag; AF from bit 4 of x11; DF from the state block", () => {
  expect(body(lower(CMP + "  v4 = GetFlag cf\n  SetReg rcx, v4\n" + END))).toEqual(["cmp x8, x27", "cset w0, lo"]);
  expect(body(lower("  v4 = GetFlag of\n  SetReg rcx, v4\n" + END))).toEqual(["cset w0, vs"]);
  expect(body(lower("  v4 = GetFlag af\n  SetReg rcx, v4\n" + END))).toEqual(["eor x0, x11, x10", "ubfx w0, w0, #4, #1"]); // bit 4 of x11 ^ x10
  expect(body(lower("  v4 = GetFlag df\n  SetReg rcx, v4\n" + END))).toEqual(["ldr x0, [x12, #0x90]"]);
});

test("SetFlag: pf = v ^ 1 into x10, af = v << 4 into x11, NZCV bits through one mrs/msr per run", () => {
  expect(body(lower("  v1 = GetReg rcx\n  SetFlag pf, v1\n" + END))).toEqual(["eor x10, x0, #0x1"]);
  expect(body(lower("  v1 = GetReg rcx\n  SetFlag af, v1\n" + END))).toEqual(["eor x11, x10, x0, lsl #4"]); // x11 ^ x10 = v << 4
  // SetFlag pf with AF live after (ABI §4: AF is bit 4 of x11 ^ x10): x11 carries AF across.
  expect(body(lower("  v1 = GetReg rcx\n  SetFlag pf, v1\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?a\n"))).toEqual(["eor x11, x11, x10", "eor x10, x0, #0x1", "eor x11, x11, x10"]);
  const run = lower("  v1 = GetReg rcx\n  v2 = Const.8 0x0\n  v3 = Const.8 0x1\n  SetFlag zf, v1\n  SetFlag cf, v2\n  SetFlag of, v3\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?zco\n");
  expect(body(run)).toEqual(["mrs x9, NZCV", "bfi x9, x0, #30, #1", "and x9, x9, #0xffffffffdfffffff", "orr x9, x9, #0x10000000", "msr NZCV, x9"]);
  expect(run.L.fired[RULE.setFlagRun]).toBe(2);
});

test("SetFlag cf after a sub writes C canonically: no fix at the exit", () => {
  expect(body(lower(CMP + "  v4 = GetReg rcx\n  SetFlag cf, v4\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?oszc\n")))
    .toEqual(["cmp x8, x27", "mrs x9, NZCV", "bfi x9, x0, #29, #1", "msr NZCV, x9"]);
});

test("ExitIf: b.cond to a stub after the body that puts C right when CF is live there", () => {
  const r = lower(CMP + "  v4 = Const.8 0x2000\n  ExitIf b, v4 ?zc\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?-\n");
  // body: cmp, b.lo stub; final exit stub at 2..5; ExitIf stub at 6: flip, then the direct stub.
  expect(r.lines).toEqual([
    "cmp x8, x27", "b.lo 0x18",
    ...directStub(2, ["mov w16, #0x1003"]),
    ...FLIP17, ...directStub(9, ["mov w16, #0x2000"]),
  ]);
  expect([...r.out.relocs]).toEqual([1, 2, 0, 1, 9, 1]);
  expect(r.out.targets).toEqual([0x1003n, 0x2000n]);
  // Only CF live at the exit: N, Z, V may be clobbered, one ccmp inverts C (rule carryFlipCcmp).
  const c = lower(CMP + "  v4 = Const.8 0x2000\n  ExitIf b, v4 ?c\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?-\n");
  expect(c.lines.slice(6, 7)).toEqual(["ccmp xzr, #0x0, #0x0, lo"]);
});

test("ExitIf be with C = CF branches twice; a with C = CF skips over one branch", () => {
  const be = lower(ADD + "  v4 = Const.8 0x2000\n  ExitIf be, v4 ?-\n" + END);
  expect(be.lines.slice(0, 3)).toEqual(["cmn x8, x27", "b.hs 0x1c", "b.eq 0x1c"]);
  const a = lower(ADD + "  v4 = Const.8 0x2000\n  ExitIf a, v4 ?-\n" + END);
  expect(a.lines.slice(0, 3)).toEqual(["cmn x8, x27", "b.hs 0xc", "b.ne 0x1c"]);
});

test("ExitIf p: parity bit 0 clear means PF = 1 (tbz)", () => {
  const r = lower("  v4 = Const.8 0x2000\n  ExitIf p, v4 ?-\n" + END);
  expect(r.lines.slice(0, 4)).toEqual(["eor w9, w10, w10, lsr #4", "eor w9, w9, w9, lsr #2", "eor w9, w9, w9, lsr #1", "tbz w9, #0x0, 0x20"]);
});

// shl eax, cl with AF live at the exit: the Test and the flag restore both write x10 without
// defining AF. With skipFlagsIfZero the updates are jumped over on a count of 0, so the AF
// bracket (x11 = AF alone while x10 changes) opens and closes inside the skipped region: the
// skipping path has neither half.
const SHL_CL = "  v2 = GetReg rax\n  v3 = GetReg rcx\n  v4 = Const.4 0x1f\n  v5 = And.4 v3, v4\n  v6 = Shl.4 v2, v5\n"
  + "  v7 = Const.8 0x1\n  v11 = SaveFlags 59\n  Test.4 v6 !szp\n  SetFlag cf, v7\n  RestoreFlagsIfZero.4 v5, v11, 59\n"
  + "  v17 = Zext v6, 4\n  SetReg rax, v17\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?oszapc\n";

test("skipFlagsIfZero: cbz on the count over the flag updates, no save, the AF pair inside the region", () => {
  const lines = body(lower(SHL_CL));
  const at = lines.flatMap((l, k) => (l === "eor x11, x11, x10" ? [k] : []));
  const cbz = lines.findIndex((l) => /^cbz w9, 0x[0-9a-f]+$/.test(l));
  expect(lines[0]).toBe("and w9, w0, #0x1f");
  expect(cbz).toBeGreaterThan(0);
  const join = parseInt(lines[cbz]!.split(", ")[1]!, 16) / 4;
  expect(lines.slice(0, cbz).some((l) => l.startsWith("mrs"))).toBe(false);
  expect(lines.some((l) => l.startsWith("cbnz"))).toBe(false);
  expect(at.length).toBe(2);
  const ands = lines.findIndex((l) => l.startsWith("ands w10"));
  expect(cbz < at[0]! && at[0]! < ands && ands < at[1]! && at[1]! < join).toBe(true);
});

// The same with a value computed among the flag updates and used after them (v12, right after the
// save): the region cannot be skipped, so the flags are saved and put back. One AF bracket covers
// both x10 writes: the way back after the Test is deferred past the NZCV SetFlags and cancelled by
// the restore's way in.
test("save and restore when a value escapes the region; AF kept across two x10 writes in a row: one eor pair, not two", () => {
  const ir = SHL_CL.replace("  Test.4", "  v12 = Not.4 v6\n  Test.4").replace("  v17 = Zext", "  SetReg rbx, v12\n  v17 = Zext");
  const lines = body(lower(ir));
  expect(lines.some((l) => l.startsWith("cbz"))).toBe(false);
  const cbnz = lines.findIndex((l) => l.startsWith("cbnz w9, "));
  expect(lines[cbnz + 1]).toMatch(/^msr NZCV, x\d+$/);
  expect(lines[cbnz + 2]).toBe(`mov x10, ${lines[cbnz + 1]!.split(", ")[1]}`);
  const at = lines.flatMap((l, k) => (l === "eor x11, x11, x10" ? [k] : []));
  expect(at.length).toBe(2);
  expect(at[0]!).toBeLessThan(lines.findIndex((l) => l.startsWith("ands w10")));
  expect(at[1]!).toBeGreaterThan(lines.findIndex((l) => l.startsWith("cbnz")));
});

// The same shift with AF in the masks (63: cond-flags merged the semantics' AF save and restore,
// ops.ts): AF is kept for a count of 0 and undefined otherwise, so no x10 write carries it over,
// skipped or saved; the saved x10 brings AF back on its own (x11 is untouched in between).
test("AF in the save and restore masks: no AF bracket, skipped or saved", () => {
  const shl = SHL_CL.replaceAll("59", "63");
  const skipped = body(lower(shl));
  expect(skipped.some((l) => l.startsWith("cbz w9, "))).toBe(true);
  expect(skipped.filter((l) => l.includes("x11"))).toEqual([]);
  const saved = body(lower(shl.replace("  Test.4", "  v12 = Not.4 v6\n  Test.4").replace("  v17 = Zext", "  SetReg rbx, v12\n  v17 = Zext")));
  expect(saved.some((l) => l.startsWith("cbz"))).toBe(false);
  expect(saved.filter((l) => l.includes("x11"))).toEqual([]);
  const cbnz = saved.findIndex((l) => l.startsWith("cbnz w9, "));
  expect(saved[cbnz + 2]).toBe(`mov x10, ${saved[cbnz + 1]!.split(", ")[1]}`);
});

// clc with N, Z, V dead after (flagFromBool): the constant goes through a register, because
// register 31 as the first operand of cmp #imm is SP, not zero (found by the random blocks).
test("flagFromBool: CF = 0 from a constant never compares register 31", () => {
  const lines = body(lower("  v1 = Const.8 0x0\n  SetFlag cf, v1\n  v9 = Const.8 0x1003\n  Exit jump, v9 ?c\n"));
  expect(lines).toEqual(["mov w9, #0x0", "cmp w9, #0x1"]);
});
