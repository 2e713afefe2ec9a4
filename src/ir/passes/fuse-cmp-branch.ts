/**
 * @file Stage 5 (IR passes): compare-and-branch fusion. `cmp`/`test` followed by `jcc` is the
 * commonest x86 pair; when the compare's flags feed only that branch, the lowering can emit one
 * host compare-and-branch and compute no flag state (no PF in x10, no AF in x11, or no NZCV at
 * all). The IR has no fused op; this pass marks the pair instead, which the lowering reads in
 * O(1) when it reaches the `ExitIf`.
 *
 * The mark: an `ExitIf`'s `d` operand (unused by the op itself) is the index + 1 of the fused
 * compare op, 0 when not fused. The pass writes `d` on every `ExitIf` (clearing stale marks).
 * Not printed by print.ts and not read back by parse.ts: it is lowering input, recomputed here.
 *
 * A compare c is fused with the `ExitIf` e when:
 * - c is `Sub` (cmp) or `And` (test) with no use of its result, or `Test`; its `fm` is not 0;
 * - between c and e there are only `Nop`, `Guest`, `Const`, `Addr`, `GetReg` and `Undef` of
 *   flags e does not read (ops whose lowering emits nothing: NZCV alone, no fault);
 * - c defines every flag e's condition reads, and e's condition is not `p`/`np` (parity has
 *   no host condition);
 * - none of c's flags is live at e's exit (`fm` of e) or after e (backward liveness here).
 * Run it after dead-flags, so that `fm` of c holds only flags read later.
 *
 * What the lowering may then emit for c + e (C is not put right: no flag is live after the pair):
 * - `cmp`/`tst` (or `cmn`) + `b.cond`, with the condition mapped as after a subtract (ABI §4);
 * - `cbz`/`cbnz` for `test r, r` (`And v, v` or `Test v`) or `cmp r, 0` (`Sub v, Const 0`) with
 *   `e`/`ne`;
 * - `tbz`/`tbnz` for `test r, imm` with a single-bit constant and `e`/`ne`, and for
 *   `test r, r` / `cmp r, 0` with `s`/`ns` (the sign bit).
 * Since such code may leave c's flags uncomputed in the host, each `Guest` marker after c gains
 * them in its stale mask (ABI §9) until the next op that writes them; a pessimistic mark when
 * the lowering does emit the compare.
 *
 * On entry: a verified block, dead-flags already run. On exit: `d` of each `ExitIf` set, `Guest`
 * stale masks widened. Returns how many pairs it fused.
 *
 *   fuseCmpBranch(b); // Sub.4 v1, v2 !z … ExitIf e, v5 ?- → ExitIf's d = index of the Sub + 1
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS } from "../ops.ts";
import { CC, CC_READS } from "../state.ts";
import { DEFINES, Scratch, countUses, flagReads, flagWrites } from "./_util.ts";

/** Ops that may stand between a fused compare and its ExitIf: they emit nothing (no NZCV write, no fault). */
export const BETWEEN = Uint8Array.from(OPS, (_o, k) => (
  k === OP.Nop || k === OP.Guest || k === OP.Const || k === OP.Addr || k === OP.GetReg || k === OP.Undef ? 1 : 0));

const USES = new Scratch((n) => new Uint32Array(n));
/** Per op: the flags of a fused compare (0 for every other op), for the forward stale sweep. */
const FUSED = new Scratch((n) => new Uint8Array(n));

export function fuseCmpBranch(b: IrBlock): number {
  const n = b.n;
  const uses = USES.get(n).fill(0, 0, n);
  const fused = FUSED.get(n).fill(0, 0, n);
  let live = 0;
  let count = 0;
  for (let i = n - 1; i >= 0; i--) {
    const op = b.op[i]!;
    if (op === OP.Nop || op === OP.Guest) continue;
    if (op === OP.ExitIf) {
      b.d[i] = 0;
      const c = compareFor(b, i, live, uses);
      if (c >= 0) {
        b.d[i] = c + 1;
        fused[c] = b.fm[c]!;
        count++;
      }
    }
    // Liveness as dead-flags computes it (defs killed, then reads added), without narrowing.
    if (DEFINES[op] !== 0) live &= ~b.fm[i]!;
    else if (op === OP.SetFlag) live &= ~flagWrites(b, i);
    live |= flagReads(b, i);
    countUses(b, i, uses);
  }
  if (count === 0) return 0;
  let pending = 0;
  for (let i = 0; i < n; i++) {
    if (b.op[i] === OP.Guest) b.fm[i]! |= pending;
    else pending = (pending & ~flagWrites(b, i)) | fused[i]!;
  }
  return count;
}

/**
 * The compare the ExitIf at e can fuse with, or -1. `liveAfter`: flags live after e. Uses of
 * every op after the skippable run before e are already counted (the sweep is backward, and the
 * skippable ops have no value operands), so `uses[c]` is complete.
 */
function compareFor(b: IrBlock, e: number, liveAfter: number, uses: Uint32Array): number {
  const cc = b.a[e]!;
  if (cc === CC.P || cc === CC.NP) return -1;
  let c = e - 1;
  // Undef (TEST's AF) may stand between unless it names a flag e reads.
  while (c >= 0 && BETWEEN[b.op[c]!] && !(b.op[c] === OP.Undef && b.fm[c]! & CC_READS[cc]!)) c--;
  if (c < 0) return -1;
  const op = b.op[c]!;
  if (op === OP.Test) {
    // no result to check
  } else if (op !== OP.Sub && op !== OP.And) return -1;
  else if (uses[c] !== 0) return -1;
  const fm = b.fm[c]!;
  const need = CC_READS[cc]!;
  if (fm === 0 || (fm & need) !== need) return -1;
  if ((fm & (liveAfter | b.fm[e]!)) !== 0) return -1;
  return c;
}
