/**
 * @file Stage 5 (IR passes), public API: `runPasses` runs the block-local passes between the
 * semantics and the lowering, in the order below, on every translated block.
 *
 * Default order, and why:
 * 1. `dead-flags`: first, because const-fold and DCE only touch ops whose flag mask is 0, and
 *    most ops that compute anything also define flags until this pass narrows them.
 * 2. `const-fold`: folds and simplifies the now flag-free ops, leaving dead operands behind.
 * 3. `dce`: removes them. When it removed anything, dead-flags runs again (a removed `Cond`,
 *    `GetFlag` or `Adc` was a flag reader, so more flags may be dead), and if that narrowed
 *    something, const-fold and DCE once more; at most three such rounds (chains are short and
 *    each round is two linear sweeps).
 * 4. `fuse-cmp-branch`: last, on the final flag masks and use counts (DCE never removes a fused
 *    compare, which defines flags, and removed ops between a compare and its branch help it).
 *
 * `opts.passes` runs exactly the named passes, once each, in the given order (tests, `--passes`).
 * On entry: a verified block. On exit: a verified block with the same guest-visible effects.
 *
 *   runPasses(b);                                   // the default pipeline
 *   runPasses(b, { passes: ["dead-flags", "dce"] }); // just these
 */
import type { IrBlock } from "../block.ts";
import { constFold } from "./const-fold.ts";
import { dce } from "./dce.ts";
import { deadFlags } from "./dead-flags.ts";
import { fuseCmpBranch } from "./fuse-cmp-branch.ts";

export { constFold } from "./const-fold.ts";
export { dce } from "./dce.ts";
export { deadFlags } from "./dead-flags.ts";
export { fuseCmpBranch } from "./fuse-cmp-branch.ts";
export { replaceUses } from "./_util.ts";

/** Every pass by name; each returns how many ops it changed. */
export const PASS_FNS: Readonly<Record<string, (b: IrBlock) => number>> = {
  "dead-flags": deadFlags,
  "const-fold": constFold,
  dce,
  "fuse-cmp-branch": fuseCmpBranch,
};

/** The pass names in default order (see the file comment). */
export const PASSES: readonly string[] = ["dead-flags", "const-fold", "dce", "fuse-cmp-branch"];

export function runPasses(b: IrBlock, opts?: { passes?: readonly string[] }): void {
  if (opts?.passes) {
    for (const name of opts.passes) {
      const fn = PASS_FNS[name];
      if (!fn) throw new Error(`unknown IR pass "${name}" (known: ${PASSES.join(", ")})`);
      fn(b);
    }
    return;
  }
  deadFlags(b);
  constFold(b);
  let removed = dce(b);
  for (let round = 0; round < 3 && removed > 0; round++) {
    if (deadFlags(b) === 0) break;
    constFold(b);
    removed = dce(b);
  }
  fuseCmpBranch(b);
}
