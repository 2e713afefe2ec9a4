/**
 * @file fuse-cmp-branch: compare + ExitIf pairs the lowering may emit as one compare-and-branch
 * (ExitIf `d` = compare index + 1), the cases that must not fuse, and the stale marks fusion adds.
 */
import { expect, test } from "bun:test";
import { OP } from "../../../src/ir/ops.ts";
import { fuseCmpBranch } from "../../../src/ir/passes/fuse-cmp-branch.ts";
import { ir, run } from "./_ir.ts";

/** `d` of each ExitIf in the block, in order. */
function marks(b: { n: number; op: Uint8Array; d: Int32Array }): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.n; i++) if (b.op[i] === OP.ExitIf) out.push(b.d[i]!);
  return out;
}

/** cmp rax, rbx ; jcc 0x2000 ; mov rcx, [rax], with the compare, condition and masks given. */
const pair = (cmp: string, cc: string, exitLive = "-", fallLive = "-", extra = "") => `
  block 0x1000 mode 64
  Guest 3, 0x1000
  v2 = GetReg rax
  v3 = GetReg rbx
  ${cmp}
  Guest 2, 0x1003
  ${extra}
  v6 = Const.8 0x2000
  ExitIf ${cc}, v6 ?${exitLive}
  Guest 3, 0x1005
  v9 = Load.8 v2, 0
  SetReg rcx, v9
  v11 = Const.8 0x1008
  Exit jump, v11 ?${fallLive}`;

test("cmp + je fuses; later Guest markers see ZF stale (the host may not compute it)", () => {
  const { b, out } = run(fuseCmpBranch, pair("v4 = Sub.8 v2, v3 !z", "e"));
  expect(marks(b)).toEqual([4]); // the Sub is op 3
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = GetReg rbx
    v4 = Sub.8 v2, v3 !z
    Guest 2, 0x1003 ~z
    v6 = Const.8 0x2000
    ExitIf e, v6 ?-
    Guest 3, 0x1005 ~z
    v9 = Load.8 v2, 0
    SetReg rcx, v9
    v11 = Const.8 0x1008
    Exit jump, v11 ?-`));
});

test("fuses: test r,r (And with unused result, or Test) with jne/js, cmp with jl/jbe/jo", () => {
  expect(marks(run(fuseCmpBranch, pair("v4 = And.4 v2, v2 !z", "ne")).b)).toEqual([4]);
  expect(marks(run(fuseCmpBranch, pair("Test.4 v2 !s", "s")).b)).toEqual([4]);
  expect(marks(run(fuseCmpBranch, pair("v4 = Sub.4 v2, v3 !so", "l")).b)).toEqual([4]);
  expect(marks(run(fuseCmpBranch, pair("v4 = Sub.1 v2, v3 !zc", "be")).b)).toEqual([4]);
  expect(marks(run(fuseCmpBranch, pair("v4 = Sub.2 v2, v3 !o", "o")).b)).toEqual([4]);
  // A GetReg and an Addr between the pair do not matter.
  expect(marks(run(fuseCmpBranch, pair("v4 = Sub.8 v2, v3 !z", "e", "-", "-", "v5 = GetReg rdx\nv50 = Addr 0x1003")).b)).toEqual([4]);
  // Nor TEST's Undef of AF (it emits nothing and names no flag je reads).
  expect(marks(run(fuseCmpBranch, pair("v4 = And.4 v2, v2 !z", "e", "-", "-", "Undef !a")).b)).toEqual([4]);
});

test("an Undef of a flag the branch reads stands in the way", () => {
  expect(marks(run(fuseCmpBranch, pair("v4 = And.4 v2, v2 !z", "e", "-", "-", "Undef !z")).b)).toEqual([0]);
});

test("does not fuse: flags live at the exit or after it, parity, a used result, flags the compare does not define", () => {
  expect(marks(run(fuseCmpBranch, pair("v4 = Sub.8 v2, v3 !z", "e", "z")).b)).toEqual([0]);
  expect(marks(run(fuseCmpBranch, pair("v4 = Sub.8 v2, v3 !zc", "e", "c")).b)).toEqual([0]);
  expect(marks(run(fuseCmpBranch, pair("v4 = Sub.8 v2, v3 !z", "e", "-", "z")).b)).toEqual([0]);
  expect(marks(run(fuseCmpBranch, pair("v4 = Sub.8 v2, v3 !p", "p")).b)).toEqual([0]);
  expect(marks(run(fuseCmpBranch, pair("v4 = Sub.8 v2, v3 !p", "np")).b)).toEqual([0]);
  expect(marks(run(fuseCmpBranch, pair("v4 = And.8 v2, v3 !z", "be")).b)).toEqual([0]); // CF from before
  expect(marks(run(fuseCmpBranch, pair("v4 = Add.8 v2, v3 !z", "e")).b)).toEqual([0]); // not a compare
  const used = pair("v4 = Sub.8 v2, v3 !z", "e").replace("SetReg rcx, v9", "SetReg rcx, v4");
  expect(marks(run(fuseCmpBranch, used).b)).toEqual([0]);
  // A load (may fault) or a Select (its lowering compares) between the pair.
  expect(marks(run(fuseCmpBranch, pair("v4 = Sub.8 v2, v3 !z", "e", "-", "-", "v5 = Load.8 v2, 0")).b)).toEqual([0]);
  expect(marks(run(fuseCmpBranch, pair("v4 = Sub.8 v2, v3 !z", "e", "-", "-", "v5 = Select v2, v3, v2")).b)).toEqual([0]);
});

test("cmp; jb; ja: the first branch's flags are read again, the second follows a branch: neither fuses", () => {
  const { b, out } = run(fuseCmpBranch, `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = GetReg rbx
    v4 = Sub.8 v2, v3 !zc
    Guest 2, 0x1003
    v6 = Const.8 0x2000
    ExitIf b, v6 ?-
    Guest 2, 0x1005
    v9 = Const.8 0x3000
    ExitIf a, v9 ?-
    v11 = Const.8 0x1007
    Exit jump, v11 ?-`);
  expect(marks(b)).toEqual([0, 0]);
  expect(out).not.toContain("~");
});

test("a second run recomputes the marks (clears ones that no longer hold)", () => {
  const { b } = run(fuseCmpBranch, pair("v4 = Sub.8 v2, v3 !z", "e"));
  expect(marks(b)).toEqual([4]);
  b.fm[b.n - 1] = 8; // the fall-through exit now needs ZF
  expect(fuseCmpBranch(b)).toBe(0);
  expect(marks(b)).toEqual([0]);
});
