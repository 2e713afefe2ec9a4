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
 * Also `zeroTestFlag` (below): a SetFlag zf of a zero test that selects also read becomes a Test
 * read by SelectCCs.
 *
 * On entry: a verified block. On exit: the same effects. Returns how many SetFlags it folded.
 *
 *   Test.4 v8 !p; SetFlag sf, (Ubfx v8, 31, 1) → Test.4 v8 !sp
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS, REL } from "../ops.ts";
import { CC, FLAG } from "../state.ts";
import { flagReads, flagWrites, readsValue, toNop } from "./_util.ts";

const QUIET = Uint8Array.from(OPS, (o, k) => (o.pure || k === OP.SetFlag || k === OP.Test || k === OP.Nop ? 1 : 0));
/** Quiet ops and register writes (which nothing between a zero test and its SetFlag can observe). */
const QUIET_OR_SETREG = Uint8Array.from(OPS, (o, k) => (QUIET[k] || k === OP.SetReg || k === OP.Guest ? 1 : 0));

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
  return changed + zeroTestFlag(b);
}

/**
 * zeroTestFlag: `z = Cmp.sz eq r, 0`, read only by `Select z, p, q`s and one later `SetFlag zf, z`
 * (BSF/BSR: ZF = source is zero, the destination kept then), becomes `Test.sz r !z` in z's place
 * and `SelectCC e, p, q`s: ZF is set first and the selects read it (`tst w27, w27; csel x8, x8,
 * x6, eq`), where the lowering would otherwise materialise z and test it twice (cset, cmp, csel,
 * cmp #1). Only when every op from z to the SetFlag is quiet (no fault, no exit: the early ZF is
 * unobservable) and none reads or writes ZF.
 */
function zeroTestFlag(b: IrBlock): number {
  let changed = 0;
  for (let k = 0; k < b.n; k++) {
    if (b.op[k] !== OP.SetFlag || b.a[k] !== FLAG.ZF) continue;
    const z = b.b[k]!;
    if (b.op[z] !== OP.Cmp || b.a[z] !== REL.EQ) continue;
    const y = b.c[z]!;
    if (b.op[y] !== OP.Const || b.lo[y] !== 0 || b.hi[y] !== 0) continue;
    let ok = true;
    const selects: number[] = [];
    for (let j = z + 1; j < k && ok; j++) {
      const o = b.op[j]!;
      if (!QUIET_OR_SETREG[o] || (flagReads(b, j) | flagWrites(b, j)) & FLAG.ZF) ok = false;
      if (!readsValue(b, j, z)) continue;
      if (o === OP.Select && b.a[j] === z && b.b[j] !== z && b.c[j] !== z) selects.push(j);
      else ok = false;
    }
    for (let j = k + 1; j < b.n && ok; j++) if (readsValue(b, j, z)) ok = false;
    // Without a select, the flag alone is better left to its own rules (LZCNT/TZCNT: countFlagsCcmp).
    if (!ok || selects.length === 0) continue;
    b.op[z] = OP.Test; b.fm[z] = FLAG.ZF; b.a[z] = b.b[z]!; b.b[z] = 0; b.c[z] = 0;
    for (const j of selects) b.op[j] = OP.SelectCC, b.a[j] = CC.E;
    toNop(b, k);
    changed++;
  }
  return changed;
}
