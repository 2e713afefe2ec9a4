/**
 * @file Stage 5 (IR passes): `flags-into-test`, SetFlags whose values a preceding Test defines join
 * its mask. A `Test.sz r` defines SF and ZF from r and clears
 * CF and OF; semantics that define only some flags with the Test (shifts and rotates define PF
 * with it, then SF/ZF with generic ops) write the rest with `SetFlag`s whose values are exactly
 * what the Test would have given: `SetFlag sf, Ubfx r, 8sz-1, 1`, `SetFlag zf, Cmp.sz eq r, 0`,
 * `SetFlag cf|of, 0`. Each such SetFlag is dropped and its flag added to the Test's mask, so
 * the lowering sets it with the Test's one host instruction instead of mrs/bfi/msr.
 *
 * Only when nothing between the Test and the SetFlag reads or writes that flag or can fault or
 * leave (the value any observer sees is unchanged: before, the old flag until the SetFlag; after,
 * nothing observes it in between).
 *
 * On entry: a verified block. On exit: the same effects. Returns how many SetFlags it folded.
 *
 *   Test.4 v8 !p; SetFlag sf, (Ubfx v8, 31, 1) → Test.4 v8 !sp
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS, REL } from "../ops.ts";
import { FLAG } from "../state.ts";
import { flagReads, flagWrites, toNop } from "./_util.ts";

const QUIET = Uint8Array.from(OPS, (o, k) => (o.pure || k === OP.SetFlag || k === OP.Test || k === OP.Nop ? 1 : 0));

/** Does value x equal what a Test.sz of r defines for flag f? */
function testValue(b: IrBlock, f: number, x: number, r: number, sz: number): boolean {
  const o = b.op[x]!;
  if (f === FLAG.CF || f === FLAG.OF) return o === OP.Const && b.lo[x] === 0 && b.hi[x] === 0;
  if (f === FLAG.SF) return o === OP.Ubfx && b.a[x] === r && b.b[x] === 8 * sz - 1 && b.c[x] === 1;
  if (f === FLAG.ZF && o === OP.Cmp && b.a[x] === REL.EQ && b.b[x] === r && b.sz[x] === sz) {
    const y = b.c[x]!;
    return b.op[y] === OP.Const && b.lo[y] === 0 && b.hi[y] === 0;
  }
  return false;
}

export function flagsIntoTest(b: IrBlock): number {
  let changed = 0;
  for (let t = 0; t < b.n; t++) {
    if (b.op[t] !== OP.Test) continue;
    const r = b.a[t]!, sz = b.sz[t]!;
    let seen = 0; // flags read or written since the Test
    for (let k = t + 1; k < b.n && QUIET[b.op[k]!]; k++) {
      const o = b.op[k]!;
      if (o === OP.SetFlag) {
        const f = b.a[k]!;
        if ((f === FLAG.SF || f === FLAG.ZF || f === FLAG.CF || f === FLAG.OF) && !(seen & f) && testValue(b, f, b.b[k]!, r, sz)) {
          b.fm[t] = b.fm[t]! | f;
          toNop(b, k);
          changed++;
          continue;
        }
      }
      seen |= flagReads(b, k) | flagWrites(b, k);
    }
  }
  return changed;
}
