/**
 * @file The flag-run pass on hand-written blocks: a flag write moves below the pure ops that
 * separate it from the next NZCV SetFlag (the expected text worked out from the pass's rule, not
 * copied from its output), and the near misses it leaves alone: an op between that reads a flag,
 * a Guest boundary, a following write of PF only. The end-to-end proof is the differential runs
 * of the shifts and rotates by one (test/verify/quality-diff.test.ts).
 */
import { expect, test } from "bun:test";
import { flagRun } from "../../../src/ir/passes/flag-run.ts";
import { ir, run } from "./_ir.ts";

// shr eax, 1 after the other passes: Test (SF ZF PF), CF = bit 0 of eax, OF = bit 31 of eax.
const SHR1 = `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    v3 = Const.1 0x1
    v4 = Shr.4 v2, v3
    v5 = Ubfx v2, 0, 1
    Test.4 v4 !szp
    SetFlag cf, v5
    v8 = Ubfx v2, 31, 1
    SetFlag of, v8
    SetReg rax, v4
    v11 = Const.8 0x1002
    Exit jump, v11 ?oszapc`;

test("shr eax, 1: OF's Ubfx moves above the Test and CF's SetFlag, so the three flag writes are adjacent", () => {
  const { b, out } = run((x) => expect(flagRun(x)).toBe(2), SHR1);
  // First the SetFlag cf moves below v8, then the Test does: v8 is renumbered 6, after v5.
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    v3 = Const.1 0x1
    v4 = Shr.4 v2, v3
    v5 = Ubfx v2, 0, 1
    v6 = Ubfx v2, 31, 1
    Test.4 v4 !szp
    SetFlag cf, v5
    SetFlag of, v6
    SetReg rax, v4
    v11 = Const.8 0x1002
    Exit jump, v11 ?oszapc`));
  expect(flagRun(b)).toBe(0);
});

test("left alone: a flag reader between, a Guest boundary between, or a PF write next", () => {
  for (const src of [
    SHR1.replace("v8 = Ubfx v2, 31, 1", "v8 = GetFlag cf"),
    SHR1.replace("    v8 = Ubfx v2, 31, 1\n", "    Guest 1, 0x1002\n    v8 = Ubfx v2, 31, 1\n"),
    SHR1.replace("SetFlag of, v8", "SetFlag pf, v8").replace("Test.4 v4 !szp", "Test.4 v4 !sz"),
  ]) {
    // Compared with the text as parsed and printed untouched (the printer renumbers densely).
    const want = run(() => {}, src).out;
    const { out } = run((x) => flagRun(x), src);
    // The Test/SetFlag cf pair may not move past a reader or a boundary; only the last case moves nothing at all.
    expect(out).toBe(want);
  }
});
