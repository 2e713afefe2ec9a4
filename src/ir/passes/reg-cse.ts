/**
 * @file Stage 5 (IR passes): `reg-cse`, one value per register read. Each x86 instruction's
 * semantics read its source registers afresh (`mov rdx, rax; mov rcx, rax` is two
 * `GetReg rax`), and the lowering keeps every GetReg value as an alias of the register's home.
 * That costs nothing until the register is written while those values are still needed: then
 * each one is copied out of the home separately (`mov x6, x8; mov x7, x8; mov x8, x9`), once per
 * read instead of once per register. The passes after this one also see equal values as equal
 * (`and` of an `and` of one value, an address and its base).
 *
 * A `GetReg r` takes the value of an earlier `GetReg r` when nothing between can change r: no
 * `SetReg r`, and only ops that touch no register implicitly (pure ops, flag writes, markers,
 * plain loads and stores, which fault out of the block or not at all, a conditional exit,
 * which leaves the block or changes nothing, and a conditional flag restore: a shift's AF). REP strings, atomics, runtime calls and the like
 * end the stretch. The later GetReg is left unused, for DCE, except as the second operand of a
 * xor or sub of the register with itself (zero-idiom's).
 *
 * Runs first (pipeline in index.ts), so reg-forward and the folds see one value per register.
 * On entry: a verified block. On exit: the same effects. Returns how many reads it merged.
 *
 *   v2 = GetReg rax; SetReg rdx, v2; v5 = GetReg rax; SetReg rcx, v5
 *     → v2 = GetReg rax; SetReg rdx, v2; v5 = GetReg rax (unused); SetReg rcx, v2
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS } from "../ops.ts";
import { Scratch, forwardKeepingZeroIdiom } from "./_util.ts";

/** Ops that leave every guest register as it was (SetReg and GetReg are handled apart). */
const KEEPS = Uint8Array.from(OPS, (o, k) => (
  o.pure || k === OP.Nop || k === OP.Guest || k === OP.Undef || k === OP.SetFlag || k === OP.Test
  || k === OP.Load || k === OP.Store || k === OP.ExitIf || k === OP.RestoreFlagsIfZero ? 1 : 0));

/** The GetReg value standing for each of the 16 GPRs, or -1. */
const SEEN = new Int32Array(16);
const FWD = new Scratch((n) => new Int32Array(n));

export function regCse(b: IrBlock): number {
  const n = b.n, fwd = FWD.get(n);
  let merged = 0;
  SEEN.fill(-1);
  for (let i = 0; i < n; i++) {
    fwd[i] = i;
    const o = b.op[i]!;
    forwardKeepingZeroIdiom(b, i, fwd);
    if (o === OP.GetReg) {
      const r = b.a[i]!, k = SEEN[r]!;
      if (k >= 0) {
        fwd[i] = k;
        merged++;
      } else SEEN[r] = i;
    } else if (o === OP.SetReg) SEEN[b.a[i]!] = -1;
    else if (!KEEPS[o]) SEEN.fill(-1);
  }
  return merged;
}
