/**
 * @file Stage 5 (IR passes): `flag-run`, a flag write moved below the pure ops that separate it
 * from the next SetFlag, so the flag writes of one instruction are adjacent. Semantics compute
 * each flag's value right before its SetFlag (`Test r !szp; SetFlag cf, x; v = Ubfx …; SetFlag
 * of, v` for a shift by one), and the lowering merges only adjacent NZCV writes into one
 * `mrs … bfi … msr` (rule setFlagRun): apart, each SetFlag costs its own mrs/msr pair.
 *
 * A `Test` or `SetFlag` followed (past removed ops) by pure ops that read no flag and then a
 * SetFlag of CF, ZF, SF or OF moves below those pure ops: they neither read a flag nor fault, so
 * the values and the flags every later op sees are unchanged. Repeated, a whole instruction's
 * flag writes end up together after its computations. A `Guest` marker is not pure: nothing
 * moves across an instruction boundary.
 *
 * On entry: a verified block. On exit: the same ops, reordered (values renumbered). Returns how
 * many flag writes it moved.
 *
 *   Test.4 v4 !szp; SetFlag cf, v5; v8 = Ubfx v2, 31, 1; SetFlag of, v8
 *     → v8 = Ubfx v2, 31, 1; Test.4 v4 !szp; SetFlag cf, v5; SetFlag of, v8   (v8 renumbered)
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS } from "../ops.ts";
import { FLAG } from "../state.ts";
import { flagReads, moveDown } from "./_util.ts";

const NZCV = FLAG.CF | FLAG.ZF | FLAG.SF | FLAG.OF;

export function flagRun(b: IrBlock): number {
  let moved = 0;
  for (let k = 0; k < b.n; k++) {
    const o = b.op[k]!;
    if (o !== OP.Test && o !== OP.SetFlag) continue;
    // The pure ops after k, up to the next op that is not one.
    let j = k + 1, last = -1;
    for (; j < b.n; j++) {
      const p = b.op[j]!;
      if (p === OP.Nop) continue;
      if (!OPS[p]!.pure || flagReads(b, j) !== 0) break;
      last = j;
    }
    if (last < 0 || j >= b.n || b.op[j] !== OP.SetFlag || !(b.a[j]! & NZCV)) continue;
    moveDown(b, k, last);
    moved++;
    // The flag write before k (a Test before its SetFlag cf) now has pure ops after it too: look
    // again from there.
    k = Math.max(k - 2, -1);
  }
  return moved;
}
