/**
 * @file Properties of the passes on random valid blocks: every output verifies; dead-flags keeps
 * exactly the flags some later reader or exit reaches (checked per flag against the original
 * block's reaching writers) and marks exactly the flags whose latest writer lost them as stale;
 * const-fold never touches flag masks; the default pipeline is stable when run twice.
 */
import { expect, test } from "bun:test";
import { IrBlock } from "../../../src/ir/block.ts";
import { OP, OPS } from "../../../src/ir/ops.ts";
import { constFold } from "../../../src/ir/passes/const-fold.ts";
import { dce } from "../../../src/ir/passes/dce.ts";
import { deadFlags } from "../../../src/ir/passes/dead-flags.ts";
import { fuseCmpBranch } from "../../../src/ir/passes/fuse-cmp-branch.ts";
import { runPasses } from "../../../src/ir/passes/index.ts";
import { CC_READS, FLAG } from "../../../src/ir/state.ts";
import { verifyIr } from "../../../src/ir/verify.ts";
import { count } from "../../_env.ts";
import { prng } from "../../_prng.ts";
import { randomBlock } from "../_random.ts";

const STATUS = [FLAG.CF, FLAG.PF, FLAG.AF, FLAG.ZF, FLAG.SF, FLAG.OF];

function copy(b: IrBlock): IrBlock {
  const c = new IrBlock();
  c.reset(b.start, b.mode);
  for (let i = 0; i < b.n; i++) c.emit(b.op[i]!, b.sz[i]!, b.fm[i]!, b.a[i], b.b[i], b.c[i], b.d[i], b.lo[i], b.hi[i]);
  return c;
}

/** Does op i of `b` write flag f (as the block stands)? */
const writes = (b: IrBlock, i: number, f: number): boolean =>
  OPS[b.op[i]!]!.flags ? (b.fm[i]! & f) !== 0 : b.op[i] === OP.SetFlag && b.a[i] === f;

/** Does op i of `b` read flag f? Written from the op table's descriptions, apart from the passes. */
function reads(b: IrBlock, i: number, f: number): boolean {
  const op = b.op[i]!;
  if (op === OP.Exit || op === OP.ExitSym) return (b.fm[i]! & f) !== 0;
  if (op === OP.ExitIf) return ((b.fm[i]! | CC_READS[b.a[i]!]!) & f) !== 0;
  if (op === OP.Cond || op === OP.SelectCC) return (CC_READS[b.a[i]!]! & f) !== 0;
  if (op === OP.GetFlag) return b.a[i] === f;
  // A save and restore of AF alone read nothing (ops.ts: AF passes through them).
  if ((op === OP.SaveFlags && b.a[i] === FLAG.AF) || (op === OP.RestoreFlagsIfZero && b.c[i] === FLAG.AF)) return false;
  // Adc/Sbb read CF; the REP string ops every status flag (a fault in their loop exposes them).
  return (OPS[op]!.reads & f) !== 0;
}

test("dead-flags keeps exactly the flags that reach a reader, and marks exactly the lost ones stale", () => {
  const r = prng(0xdf);
  for (let t = 0; t < count(300, 3000); t++) {
    const o = randomBlock(r);
    for (let i = 0; i < o.n; i++) if (o.op[i] === OP.Guest) o.fm[i] = 0;
    const b = copy(o);
    deadFlags(b);
    expect(verifyIr(b)).toEqual([]);
    for (const f of STATUS) {
      let last = -1; // latest writer of f in the original block
      let reached = false; // has a reader seen `last` yet
      const check = (): void => {
        if (last >= 0) expect([t, f, last, writes(b, last, f)]).toEqual([t, f, last, reached]);
      };
      for (let i = 0; i < o.n; i++) {
        if (o.op[i] === OP.Guest) {
          const stale = last >= 0 && !writes(b, last, f) ? f : 0;
          expect([t, f, i, b.fm[i]! & f]).toEqual([t, f, i, stale]);
        }
        if (reads(o, i, f)) reached = true;
        if (writes(o, i, f)) { check(); last = i; reached = false; }
      }
      check();
    }
    expect(deadFlags(b)).toBe(0);
  }
}, 600_000);

test("every pass alone and the pipeline give verified blocks; const-fold keeps every flag mask", () => {
  const r = prng(0xc0f);
  for (let t = 0; t < count(300, 3000); t++) {
    const o = randomBlock(r);
    for (const pass of [deadFlags, constFold, dce, fuseCmpBranch, runPasses]) {
      const b = copy(o);
      pass(b);
      expect(verifyIr(b)).toEqual([]);
      if (pass === constFold) {
        for (let i = 0; i < o.n; i++) if (b.op[i] !== OP.Nop) expect(b.fm[i]).toBe(o.fm[i]!);
      }
    }
    const b = copy(o);
    runPasses(b);
    const fused: number[] = [];
    for (let i = 0; i < b.n; i++) if (b.op[i] === OP.ExitIf) fused.push(b.d[i]!);
    expect(deadFlags(b)).toBe(0);
    expect(constFold(b)).toBe(0);
    expect(dce(b)).toBe(0);
    runPasses(b);
    for (let i = 0, k = 0; i < b.n; i++) if (b.op[i] === OP.ExitIf) expect(b.d[i]).toBe(fused[k++]!);
  }
}, 600_000);
