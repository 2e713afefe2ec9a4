/**
 * @file Stage 5 (IR passes): dead code elimination. The semantics read every register an
 * instruction names and compute every result x86 defines; after dead-flags and const-fold many
 * of those values have no use left.
 *
 * One backward sweep with a use count per value: an op becomes `Nop` when it has a result, is
 * pure, defines no flags (`fm` = 0: a flag-defining op's flags are a use of their own) and
 * nothing counted so far uses it; otherwise its operands are counted. Since uses come after
 * definitions, the count of an op is complete when the sweep reaches it, and removing an op
 * before counting its operands lets whole dead chains go in the same sweep. Also removed: `Test`
 * with an empty mask (it computes nothing but flags). `Nop`, `Guest` and side-effecting ops
 * (stores, register and flag writes, loads, exits) stay. An `ExitIf` fused by
 * fuse-cmp-branch.ts counts as a use of its compare.
 *
 * On entry: a verified block. On exit: the same block with dead ops turned into `Nop` (indices
 * unchanged). Returns how many ops it removed; `stats.flagReads` gets the flags the removed ops
 * read (`Cond`, `GetFlag`, `Adc`…), so that a pipeline re-runs dead-flags only when that can help.
 *
 *   dce(b); // "v1 = GetReg rax" with no use → gone
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS } from "../ops.ts";
import { Scratch, countUses, flagReads, toNop } from "./_util.ts";

const USES = new Scratch((n) => new Uint32Array(n));

/** Per op number: removable when unused and `fm` = 0 (has a result and is pure). */
const REMOVABLE = Uint8Array.from(OPS, (o) => (o.result && o.pure ? 1 : 0));

export function dce(b: IrBlock, stats?: { flagReads: number }): number {
  const n = b.n;
  const uses = USES.get(n).fill(0, 0, n);
  let removed = 0;
  let reads = 0;
  for (let i = n - 1; i >= 0; i--) {
    const op = b.op[i]!;
    if (op === OP.Nop) continue;
    if (b.fm[i] === 0 && ((REMOVABLE[op] === 1 && uses[i] === 0) || op === OP.Test)) {
      reads |= flagReads(b, i);
      toNop(b, i);
      removed++;
      continue;
    }
    countUses(b, i, uses);
    if (op === OP.ExitIf && b.d[i]! > 0 && b.d[i]! <= i) uses[b.d[i]! - 1]!++;
  }
  if (stats) stats.flagReads = reads;
  return removed;
}
