/**
 * @file Stage 5 (IR passes): `reg-forward`, register copies and constants forwarded through a
 * write that dies. x86's two-operand forms make `mov r, x; op r, y` the usual way to compute
 * into a new register, and the semantics write r and read it back (`SetReg r11, v10; …
 * v13 = GetReg r11; v15 = Or v13, 1; SetReg r11, v15`), so lowered as is the value is first
 * copied into r's home and then read from there (`mov x5, x3; orr x5, x5, #1`).
 *
 * A `SetReg r, v` with v a copy of another register (`GetReg`) or a constant dies when the next
 * write of r comes before anything that can observe r other than a `GetReg r`: only pure ops,
 * flag writes, markers and writes of other registers in between (no fault or exit: those see
 * every register in its home, runtime ABI §9; no op touching registers implicitly, like REP
 * strings or runtime calls). Register state is unobservable elsewhere, so the write is dropped
 * and every `GetReg r` before the next write is v: `mov r11, r9; or r11, 1` is one
 * `orr x5, x3, #1`, `mov eax, 5; add eax, ebx` one `add w8, w3, #5`. Other values are not
 * forwarded: their write stays, the lowering computes them into the home (writeHome) and reads
 * them there at no cost, and a push's or pop's stack-pointer write is what its fused access
 * writes back (preIndex, postIndex).
 *
 * Runs first (pipeline in index.ts): a forwarded constant folds (`mov ecx, 3; shl eax, cl` is a
 * shift by 3 for const-fold), and the GetRegs it leaves unused go to DCE. On entry: a verified
 * block. On exit: the same effects. Returns how many reads it forwarded plus writes it dropped.
 *
 *   SetReg r11, v10; v13 = GetReg r11; v15 = Or.8 v13, v14; SetReg r11, v15   (v10 = GetReg r9)
 *     → v15 = Or.8 v10, v14; SetReg r11, v15
 */
import type { IrBlock } from "../block.ts";
import { OP } from "../ops.ts";
import { REG_BLIND as BLIND, Scratch, forwardOperands, toNop } from "./_util.ts";

/** What is known of each of the 16 GPRs: the value it holds, or -1. */
const KNOWN = new Int32Array(16);
const NEXT = new Int32Array(16);
const FWD = new Scratch((n) => new Int32Array(n));
const DEAD = new Scratch((n) => new Uint8Array(n));
/** Values used in place: an access's address or the register value a Bfi inserts into. */
const PINNED = new Scratch((n) => new Uint8Array(n));

/**
 * A value worth forwarding through a dead write: not an address an access uses (a push's
 * `rsp - 8`, written as rsp, is the store's pre-index writeback: preIndex), not a field insert
 * and not what one inserts into (`mov al, x`, `and cl, 7` after `mov ecx, eax` are `Bfi`s the
 * lowering does in place in the home: bfiInPlace); a copy elsewhere would cost a move.
 */
function forwardable(b: IrBlock, v: number, pinned: Uint8Array): boolean {
  return !pinned[v] && b.op[v] !== OP.Bfi;
}

export function regForward(b: IrBlock): number {
  const n = b.n;
  let changed = 0;
  // ── deadWrite: which writes die (every read of r up to the next write is forwarded below) ──
  const dead = DEAD.get(n).fill(0, 0, n), pinned = PINNED.get(n).fill(0, 0, n);
  // The values an access uses as its address or a Bfi inserts into (VLoad's address is operand b).
  for (let i = 0; i < n; i++) {
    const o = b.op[i]!;
    if (o === OP.Load || o === OP.Store || o === OP.VStore || o === OP.Bfi) pinned[b.a[i]!] = 1;
    else if (o === OP.VLoad || o === OP.VLoadLane) pinned[b.b[i]!] = 1;
  }
  // Backwards: NEXT[r] is a later write of r reached through blind ops only, with no read of r
  // between that would be a worse use of the value (one sweep, whatever the distances).
  NEXT.fill(-1);
  let dying = 0;
  for (let i = n - 1; i >= 0; i--) {
    const o = b.op[i]!;
    if (o === OP.SetReg) {
      const r = b.a[i]!;
      if (NEXT[r]! >= 0 && forwardable(b, b.b[i]!, pinned)) dead[i] = 1, dying++;
      NEXT[r] = i;
    } else if (!BLIND[o]) NEXT.fill(-1);
    else if (o === OP.GetReg && pinned[i]) NEXT[b.a[i]!] = -1;
  }
  if (!dying) return 0;
  // ── forward: reads of r after a dead write of r take its value ──
  const fwd = FWD.get(n);
  KNOWN.fill(-1);
  for (let i = 0; i < n; i++) {
    fwd[i] = i;
    forwardOperands(b, i, fwd);
    const o = b.op[i]!;
    if (o === OP.GetReg) {
      const k = KNOWN[b.a[i]!]!;
      if (k >= 0) {
        fwd[i] = k;
        changed++;
      }
    } else if (o === OP.SetReg) {
      KNOWN[b.a[i]!] = dead[i] ? b.b[i]! : -1;
      if (dead[i]) {
        toNop(b, i);
        changed++;
      }
    }
  }
  return changed;
}
