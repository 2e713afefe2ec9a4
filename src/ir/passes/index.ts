/**
 * @file Stage 5 (IR passes), public API: `runPasses` runs the block-local passes between the
 * semantics and the lowering, in the order below, on every translated block.
 *
 * Default order, and why:
 * 0. `reg-cse`, then `reg-forward`: before everything. reg-cse first, so each register read
 *    between two writes is one value for reg-forward and the folds; reg-forward so a register
 *    value forwarded to its reader (a constant moved into ECX before a shift by CL) is there for
 *    const-fold. The GetRegs both leave unused go with the first DCE. Then `field-forward`: a
 *    byte or word field read back right after its write reads the written value (`sete al;
 *    movzx eax, al`), so const-fold sees the value and DCE drops the insert it made dead.
 * 1. `dead-flags`: first, because const-fold and DCE only touch ops whose flag mask is 0, and
 *    most ops that compute anything also define flags until this pass narrows them.
 * 2. `const-fold`: folds and simplifies the now flag-free ops, leaving dead operands behind.
 * 3. `dce`: removes them. When it removed a flag reader (an unused `Cond`, `GetFlag`, `Adc`…),
 *    more flags may be dead: dead-flags, const-fold and DCE run again, until DCE removes no
 *    reader or dead-flags narrows nothing. Each extra round removes at least one op; real blocks
 *    almost never need one. On return the three passes are at a fixed point (running any of
 *    them again changes nothing): removing ops that neither read nor define flags cannot make
 *    flags dead, and neither removal nor narrowing creates constants for const-fold.
 *    Then `value-cse` (and DCE after it): equal flag-free computations become one value, once
 *    the masks are narrowed (more ops are flag-free) and the operands folded. Merging creates no
 *    constant and removes no flag reader, so the three stay at their fixed point.
 * 4. `cond-flags`, then `flags-into-test`: on the semantics' own shapes (a conditional flag
 *    update as per-flag selects; SetFlags a preceding Test could define), after dead-flags removed
 *    the dead SetFlags (a RestoreFlagsIfZero reads every flag for liveness, so before it would
 *    keep them all); DCE after each drops what they left unused (the old-flag reads would
 *    otherwise hide SetFlags from flags-into-test). Neither creates work for dead-flags: they
 *    remove no flag reader whose flags were live. cond-flags can for const-fold (the result
 *    select it drops leaves `Zext` of an exact 4-byte rotate), which runs once more after it.
 *    `zero-idiom` makes `xor r, r` / `sub r, r` a constant 0 with the flags of a Test of it (then
 *    const-fold and DCE again: that constant can fold its users), and
 *    `bitfield` then turns 8/16-bit field writes that are plain logic (NOT AH, MOV AL, 0xFF)
 *    into one flag-free op on the whole register (it leaves the field extract to DCE).
 * 5. `flag-run`, then `late-setreg`: on the final ops (both only reorder), so the runs they
 *    work on are as short as the passes above made them; flag-run first, so an instruction's
 *    flag writes are together before late-setreg moves its register writes after them.
 * 6. `fuse-cmp-branch`: last, on the final flag masks and use counts (DCE never removes a fused
 *    compare, which defines flags, and removed ops between a compare and its branch help it).
 *
 * `opts.passes` runs exactly the named passes, once each, in the given order (tests, `--passes`).
 * On entry: a verified block. On exit: a verified block with the same guest-visible effects.
 *
 *   runPasses(b);                                   // the default pipeline
 *   runPasses(b, { passes: ["dead-flags", "dce"] }); // just these
 */
import type { IrBlock } from "../block.ts";
import { bitfield } from "./bitfield.ts";
import { fieldForward } from "./field-forward.ts";
import { condFlags } from "./cond-flags.ts";
import { constFold } from "./const-fold.ts";
import { dce } from "./dce.ts";
import { flagsIntoTest } from "./flags-into-test.ts";
import { flagRun } from "./flag-run.ts";
import { lateSetReg } from "./late-setreg.ts";
import { regCse } from "./reg-cse.ts";
import { valueCse } from "./value-cse.ts";
import { regForward } from "./reg-forward.ts";
import { zeroIdiom } from "./zero-idiom.ts";
import { deadFlags } from "./dead-flags.ts";
import { fuseCmpBranch } from "./fuse-cmp-branch.ts";

export { bitfield } from "./bitfield.ts";
export { fieldForward } from "./field-forward.ts";
export { condFlags } from "./cond-flags.ts";
export { flagsIntoTest } from "./flags-into-test.ts";
export { flagRun } from "./flag-run.ts";
export { lateSetReg } from "./late-setreg.ts";
export { regCse } from "./reg-cse.ts";
export { valueCse } from "./value-cse.ts";
export { regForward } from "./reg-forward.ts";
export { zeroIdiom } from "./zero-idiom.ts";
export { constFold } from "./const-fold.ts";
export { dce } from "./dce.ts";
export { deadFlags } from "./dead-flags.ts";
export { fuseCmpBranch } from "./fuse-cmp-branch.ts";
export { flagReads, flagWrites, operand, readsValue, replaceUses } from "./_util.ts";

const STATS = { flagReads: 0 };

/** Every pass by name; each returns how many ops it changed. */
export const PASS_FNS: Readonly<Record<string, (b: IrBlock) => number>> = {
  "cond-flags": condFlags,
  "flags-into-test": flagsIntoTest,
  "flag-run": flagRun,
  "late-setreg": lateSetReg,
  "reg-cse": regCse,
  "value-cse": valueCse,
  "reg-forward": regForward,
  "field-forward": fieldForward,
  "zero-idiom": zeroIdiom,
  bitfield,
  "dead-flags": deadFlags,
  "const-fold": constFold,
  dce,
  "fuse-cmp-branch": fuseCmpBranch,
};

/** The pass names in default order (see the file comment). */
export const PASSES: readonly string[] = ["reg-cse", "reg-forward", "field-forward", "dead-flags", "const-fold", "dce", "value-cse", "cond-flags", "flags-into-test", "zero-idiom", "bitfield", "flag-run", "late-setreg", "fuse-cmp-branch"];

export function runPasses(b: IrBlock, opts?: { passes?: readonly string[] }): void {
  if (opts?.passes) {
    for (const name of opts.passes) {
      const fn = PASS_FNS[name];
      if (!fn) throw new Error(`unknown IR pass "${name}" (known: ${PASSES.join(", ")})`);
      fn(b);
    }
    return;
  }
  regCse(b);
  regForward(b);
  fieldForward(b);
  deadFlags(b);
  constFold(b);
  dce(b, STATS);
  while (STATS.flagReads !== 0 && deadFlags(b) !== 0) {
    constFold(b);
    dce(b, STATS);
  }
  if (valueCse(b)) dce(b);
  if (condFlags(b)) {
    constFold(b);
    dce(b);
  }
  if (flagsIntoTest(b)) dce(b);
  // The constant 0 a zero idiom leaves can fold its users (add r, r after xor r, r): const-fold
  // runs again, so the passes stay at their fixed point.
  if (zeroIdiom(b)) {
    constFold(b);
    dce(b);
  }
  if (bitfield(b)) dce(b);
  flagRun(b);
  lateSetReg(b);
  fuseCmpBranch(b);
}
