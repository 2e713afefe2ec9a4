/**
 * @file Stage 5 (IR passes): `zero-idiom`, xor/sub of a register with itself is a constant 0 with
 * the flags of a Test of 0. `xor r, r` and `sub r, r` (the x86 way to clear a
 * register) are 0 whatever r holds, with flags SF=0 ZF=1 PF=1 CF=OF=0 AF=0 (XOR leaves AF
 * undefined): the flags of a TEST of 0. The semantics read r twice and compute it; here the
 * result becomes a constant 0 and the op a `Test.4` of it (the same flags at any width for 0):
 * `xor al, al` lowers to `ands w10, wzr, wzr` and `bfi x8, xzr, #0, #8` instead of
 * eor + cmn + mov + bfxil.
 *
 * Equal operands: one value, two `GetReg` of one register with no `SetReg` of it between, or the
 * same `Ubfx` field of such. The operand read only by this op turns into the `Const 0` in place
 * (the block keeps its length and order); without one the op is left alone.
 *
 * On entry: a verified block (after dead-flags: the op's mask is final). On exit: the same
 * effects. Returns how many ops it rewrote.
 *
 *   v2 = GetReg rax; v3 = GetReg rax; v4 = Xor.1 v2, v3 !szp → v3 = Const.8 0x0; Test.4 v3 !szp; (uses of v4 → v3)
 */
import type { IrBlock } from "../block.ts";
import { OP } from "../ops.ts";
import { Scratch, countUses, replaceUses } from "./_util.ts";

const USES = new Scratch((n) => new Uint32Array(n));

/** u and v are one 64-bit value (see the file overview). */
function sameReg(b: IrBlock, u: number, v: number): boolean {
  if (u === v) return true;
  if (b.op[u] !== OP.GetReg || b.op[v] !== OP.GetReg || b.a[u] !== b.a[v]) return false;
  for (let k = Math.min(u, v) + 1; k < Math.max(u, v); k++) if (b.op[k] === OP.SetReg && b.a[k] === b.a[u]) return false;
  return true;
}
function same(b: IrBlock, u: number, v: number): boolean {
  if (sameReg(b, u, v)) return true;
  return b.op[u] === OP.Ubfx && b.op[v] === OP.Ubfx && b.b[u] === b.b[v] && b.c[u] === b.c[v] && sameReg(b, b.a[u]!, b.a[v]!);
}

export function zeroIdiom(b: IrBlock): number {
  const n = b.n;
  const uses = USES.get(n).fill(0, 0, n);
  for (let i = 0; i < n; i++) countUses(b, i, uses);
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const o = b.op[i]!;
    if (o !== OP.Xor && o !== OP.Sub) continue;
    const x = b.a[i]!, y = b.b[i]!;
    if (!same(b, x, y)) continue;
    // The operand that only this op reads becomes the constant (both slots when x is y).
    const z = uses[y] === (x === y ? 2 : 1) && (b.op[y] === OP.GetReg || b.op[y] === OP.Ubfx) ? y
      : uses[x] === 1 && (b.op[x] === OP.GetReg || b.op[x] === OP.Ubfx) ? x : -1;
    if (z < 0) continue;
    b.op[z] = OP.Const; b.sz[z] = 8; b.fm[z] = 0; b.a[z] = 0; b.b[z] = 0; b.c[z] = 0; b.d[z] = 0; b.lo[z] = 0; b.hi[z] = 0;
    replaceUses(b, i, z);
    b.op[i] = OP.Test; b.sz[i] = 4; b.a[i] = z; b.b[i] = 0; b.c[i] = 0; b.d[i] = 0;
    changed++;
  }
  return changed;
}
