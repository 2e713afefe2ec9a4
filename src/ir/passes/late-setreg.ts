/**
 * @file Stage 5 (IR passes): `late-setreg`, a register write whose old value the instruction still
 * reads moves after that read. Semantics write a destination register as soon as
 * the result exists and compute the flags afterwards (precise faults: a memory destination is
 * stored first), and the flags of shifts, rotates, multiplies and the like read the register's
 * old value (`v = GetReg r; …; SetReg r, x; … Ubfx v …`). Lowered in that order, the old value
 * must first be copied out of r's home into a temporary (`mov x30, x8; mov x8, x9`). Moved to
 * the end of the instruction's quiet run, the write comes after the last read of the old value:
 * one `mov` (or the result computed straight into the home) instead.
 *
 * A `SetReg r, x` moves, together with a `Zext` or `Bfi` feeding only it, when an op after it in the
 * same guest instruction reads a `GetReg r` value defined before it; it moves to just before the
 * first op that is not quiet (pure ops, Test, SetFlag, SaveFlags/RestoreFlagsIfZero, GetReg and
 * SetReg of other registers: none can fault, leave, or touch r). Register
 * writes are unobservable until a fault, an exit or a read of r, so the block means the same.
 *
 * On entry: a verified block. On exit: the same ops, reordered (values renumbered). Returns how
 * many writes it moved.
 *
 *   v2 = GetReg rax; v6 = Shl.4 v2, 2; SetReg rax, v6; v8 = Ubfx v2, 30, 1 → … v8 …; SetReg rax, v6
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS } from "../ops.ts";
import { VALUE_ARGS, moveDown, readsValue } from "./_util.ts";

const QUIET = Uint8Array.from(OPS, (o, k) => (
  (o.pure && k !== OP.GetReg) || k === OP.Test || k === OP.SetFlag || k === OP.RestoreFlagsIfZero || k === OP.Nop ? 1 : 0));

export function lateSetReg(b: IrBlock): number {
  let moved = 0;
  for (let i = 0; i < b.n; i++) {
    if (b.op[i] !== OP.SetReg) continue;
    const r = b.a[i]!;
    // The quiet run after i, and whether it reads an old value of r.
    let end = i + 1, readsOld = false;
    for (; end < b.n; end++) {
      const o = b.op[end]!;
      if (!(QUIET[o] || ((o === OP.SetReg || o === OP.GetReg) && b.a[end] !== r))) break;
      if (!readsOld) {
        const m = VALUE_ARGS[o]!;
        for (let k = 0; k < 4 && !readsOld; k++) {
          if (!(m & (1 << k))) continue;
          const v = k === 0 ? b.a[end]! : k === 1 ? b.b[end]! : k === 2 ? b.c[end]! : b.d[end]!;
          if (v < i && b.op[v] === OP.GetReg && b.a[v] === r) readsOld = true;
        }
      }
    }
    if (!readsOld) continue;
    const q = end - 1;
    // A Zext or Bfi right before that only this SetReg reads goes along: then the lowering may find
    // the Zext a no-op, or insert the field in place once the old value is dead (bfiInPlace).
    const x = b.b[i]!;
    let onlyUse = (b.op[x] === OP.Zext || b.op[x] === OP.Bfi) && x === i - 1;
    for (let k = i + 1; k < b.n && onlyUse; k++) if (readsValue(b, k, x)) onlyUse = false;
    moveDown(b, i, q);
    if (onlyUse) moveDown(b, x, q - 1);
    moved++;
    i = q; // the moved write is now at q (or q with its Zext at q - 1): continue after it
  }
  return moved;
}
