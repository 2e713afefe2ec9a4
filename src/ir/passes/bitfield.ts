/**
 * @file Stage 5 (IR passes): `bitfield`, 8/16-bit register field writes that are plain logic on
 * the whole register: NOT AH is `eor x8, x8, #0xff00`, MOV AL, 0xFF `orr x8, x8, #0xff`. Writes
 * to AL, AH, AX are a `Bfi` of the new field into the old register; two kinds need no extract and
 * insert, one host instruction with a bitmask immediate does it:
 *
 * - `notInPlace`: `Bfi x, (Not y), lsb, w` where y is x's own field (x itself at lsb 0, or
 *   `Ubfx x, lsb, w`) is `Xor.8 x, mask` (NOT AH → `eor x8, x8, #0xff00`);
 * - `constField`: `Bfi x, (Const k), lsb, w` with the field all ones is `Or.8 x, mask` (MOV AL,
 *   0xFF → `orr x8, x8, #0xff`), with the field all zeros `And.8 x, ~mask`.
 *
 * "x itself": the same value, or two `GetReg` of one register with no `SetReg` of it between.
 * The `Not`/`Const` operand, when the Bfi is its only use, becomes the mask constant in place
 * (the block keeps its length and order). x is a whole 64-bit register value, so the result is
 * exact in all 64 bits, as Bfi's is (a 32-bit guest's registers stay zero-extended: the masks
 * touch only bits below 16, or clear them).
 *
 * On entry: a verified block. On exit: the same effects. Returns how many Bfis it rewrote.
 *
 *   v3 = Ubfx v2, 8, 8; v4 = Not.1 v3; v6 = Bfi v5, v4, 8, 8 → v4 = Const.8 0xff00; v6 = Xor.8 v5, v4
 */
import type { IrBlock } from "../block.ts";
import { OP } from "../ops.ts";
import { Scratch, countUses } from "./_util.ts";

const USES = new Scratch((n) => new Uint32Array(n));

/** Values u and v hold the same 64 bits: one value, or GetReg of one register with no SetReg of it between. */
function same(b: IrBlock, u: number, v: number): boolean {
  if (u === v) return true;
  if (b.op[u] !== OP.GetReg || b.op[v] !== OP.GetReg || b.a[u] !== b.a[v]) return false;
  const lo = Math.min(u, v), hi = Math.max(u, v);
  for (let k = lo + 1; k < hi; k++) if (b.op[k] === OP.SetReg && b.a[k] === b.a[u]) return false;
  return true;
}

/** Turn op k into `Const.8 value` (value < 2^64 as two 32-bit halves). */
function setConst(b: IrBlock, k: number, lo: number, hi: number): void {
  b.op[k] = OP.Const; b.sz[k] = 8; b.fm[k] = 0; b.a[k] = 0; b.b[k] = 0; b.c[k] = 0; b.d[k] = 0;
  b.lo[k] = lo >>> 0; b.hi[k] = hi >>> 0;
}

export function bitfield(b: IrBlock): number {
  const n = b.n;
  const uses = USES.get(n).fill(0, 0, n);
  for (let i = 0; i < n; i++) countUses(b, i, uses);
  let changed = 0;
  for (let i = 0; i < n; i++) {
    if (b.op[i] !== OP.Bfi) continue;
    const x = b.a[i]!, f = b.b[i]!, lsb = b.c[i]!, w = b.d[i]!;
    if (w > 16 || lsb + w > 16 || uses[f] !== 1) continue;
    const mask = ((1 << w) - 1) * 2 ** lsb; // below 2^16
    const o = b.op[f]!;
    if (o === OP.Not && b.sz[f]! * 8 >= w) {
      const y = b.a[f]!;
      const own = (lsb === 0 && same(b, y, x)) || (b.op[y] === OP.Ubfx && b.b[y] === lsb && b.c[y] === w && same(b, b.a[y]!, x));
      if (!own) continue;
      setConst(b, f, mask, 0);
      b.op[i] = OP.Xor; b.sz[i] = 8; b.fm[i] = 0; b.b[i] = f; b.c[i] = 0; b.d[i] = 0;
      changed++;
    } else if (o === OP.Const) {
      const field = Number((b.imm(f) >> 0n) & BigInt((1 << w) - 1));
      if (field !== (1 << w) - 1 && field !== 0) continue;
      const ones = field !== 0;
      setConst(b, f, ones ? mask : ~mask, ones ? 0 : 0xffffffff);
      b.op[i] = ones ? OP.Or : OP.And; b.sz[i] = 8; b.fm[i] = 0; b.b[i] = f; b.c[i] = 0; b.d[i] = 0;
      changed++;
    }
  }
  return changed;
}
