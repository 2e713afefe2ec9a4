/**
 * @file Stage 5 (IR passes): `late-setreg`, a register write whose old value is still read
 * moves after that read. Semantics write a destination register as soon as the result exists
 * and compute the flags afterwards (precise faults: a memory destination is stored first), and
 * the flags of shifts, rotates, multiplies and the like read the register's old value
 * (`v = GetReg r; …; SetReg r, x; … Ubfx v …`); so do the next instructions when x86 copied the
 * register before changing it (`mov rdx, rax; add rax, 1; shr rdx, 6`). Lowered in that order,
 * the old value must first be copied out of r's home into a temporary (`mov x30, x8; mov x8, x9`).
 * Moved to the end of the quiet run, the write comes after the last read of the old value: one
 * `mov`, or none when the result is computed straight into the home.
 *
 * A `SetReg r, x` moves when an op after it in its quiet run reads a `GetReg r` value defined
 * before it; it moves to just before the first op that is not quiet (pure ops, Test, SetFlag,
 * SaveFlags/RestoreFlagsIfZero, instruction markers and Undef, GetReg and SetReg of other
 * registers: none can fault, leave, or touch r), or to the end of the guest instruction of the
 * last such read if that comes first. Register writes are unobservable until a fault,
 * an exit or a read of r, so the block means the same. x's definition goes along when it is right
 * before the write and read by it alone (see `movable`).
 *
 * On entry: a verified block. On exit: the same ops, reordered (values renumbered). Returns how
 * many writes it moved.
 *
 *   v2 = GetReg rax; v6 = Shl.4 v2, 2; SetReg rax, v6; v8 = Ubfx v2, 30, 1 → … v8 …; SetReg rax, v6
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS } from "../ops.ts";
import { VALUE_ARGS, flagReads, moveDown, readsValue } from "./_util.ts";

const QUIET = Uint8Array.from(OPS, (o, k) => (
  (o.pure && k !== OP.GetReg) || k === OP.Test || k === OP.SetFlag || k === OP.RestoreFlagsIfZero || k === OP.Nop
  || k === OP.Guest || k === OP.Undef ? 1 : 0));

/**
 * May definition x (right before the write at i) move down to q - 1? A Zext or Bfi always; another
 * pure op that neither defines nor reads flags (their order against the run's flag writes
 * stays) and whose operands stay where they are over the run: constants, and registers the run
 * does not write (a moved read of an overwritten register would cost a copy of its old value).
 */
function movable(b: IrBlock, x: number, i: number, q: number): boolean {
  const o = b.op[x]!;
  if (o === OP.Zext || o === OP.Bfi) return true;
  if (!OPS[o]!.pure || o === OP.GetReg || b.fm[x] !== 0 || flagReads(b, x) !== 0) return false;
  const m = VALUE_ARGS[o]!;
  for (let k = 0; k < 4; k++) {
    if (!(m & (1 << k))) continue;
    const v = k === 0 ? b.a[x]! : k === 1 ? b.b[x]! : k === 2 ? b.c[x]! : b.d[x]!;
    if (b.isConst(v) || b.op[v] === OP.Addr) continue;
    if (b.op[v] !== OP.GetReg) return false;
    for (let j = i + 1; j <= q; j++) if (b.op[j] === OP.SetReg && b.a[j] === b.a[v]) return false;
  }
  return true;
}

export function lateSetReg(b: IrBlock): number {
  let moved = 0;
  for (let i = 0; i < b.n; i++) {
    if (b.op[i] !== OP.SetReg) continue;
    const r = b.a[i]!;
    // The quiet run after i, and whether it reads an old value of r.
    // It stops at the instruction marker after the last such read: no further than needed.
    let end = i + 1, lastRead = -1;
    for (; end < b.n; end++) {
      const o = b.op[end]!;
      if (!(QUIET[o] || ((o === OP.SetReg || o === OP.GetReg) && b.a[end] !== r))) break;
      const m = VALUE_ARGS[o]!;
      for (let k = 0; k < 4; k++) {
        if (!(m & (1 << k))) continue;
        const v = k === 0 ? b.a[end]! : k === 1 ? b.b[end]! : k === 2 ? b.c[end]! : b.d[end]!;
        if (v < i && b.op[v] === OP.GetReg && b.a[v] === r) lastRead = end;
      }
    }
    if (lastRead < 0) continue;
    let q = lastRead;
    while (q + 1 < end && b.op[q + 1] !== OP.Guest) q++;
    // The value's definition right before, read by this SetReg alone, goes along: a Zext may then
    // be a no-op, a field inserted in place once the old value is dead (bfiInPlace), anything
    // else computed straight into the home (writeHome) rather than into a temporary moved there.
    const x = b.b[i]!;
    let onlyUse = x === i - 1 && movable(b, x, i, q);
    for (let k = i + 1; k < b.n && onlyUse; k++) if (readsValue(b, k, x)) onlyUse = false;
    moveDown(b, i, q);
    if (onlyUse) moveDown(b, x, q - 1);
    moved++;
    i = q; // the moved write is now at q (or q with its Zext at q - 1): continue after it
  }
  return moved;
}
