/**
 * @file Stage 5 (IR passes): `field-forward`, a byte or word register read back right after it
 * was written. Compilers write AL/CL/AX and use them at once: `sete al; movzx eax, al`,
 * `sete cl; xor cl, 0x31`, `mov al, [x]; cmp al, 5`. The semantics write the field as a `Bfi` of
 * the new value into the whole register and read the whole register back, so lowered as is the
 * field is inserted into the home (`bfxil`) and then taken out of it again (`uxtb`), and the
 * insert is paid even when the next instruction overwrites the whole field.
 *
 A `SetReg r, (Bfi x, y, 0, w)` goes when r is written again before anything can observe it
 * (only pure ops, flag writes, markers and other register writes between, as reg-forward's
 * BLIND) and every use of every `GetReg r` between can do without it:
 * - a reader that uses only the low w bits reads y instead: a sized ALU op (Add, Sub, Adc, Sbb,
 *   And, Or, Xor, Neg, Not, Test, Cmp, Mul) of at most w bits, which already take any upper bits
 *   (they are given whole registers for AL and AX); a Store, Zext or Sext of at most w bits; a
 *   Bfi inserting at most w of its bits;
 * - a Bfi at bit 0 of at least w bits *into* it inserts into x: the earlier field is overwritten.
 * Not shifts: a narrow right shift wants its operand zero-extended (ops.ts Shr), which y need
 * not be. Only then: where the write must stay (a possible fault or exit before the next write),
 * the home holds the field anyway and reading it there costs nothing, while y and x kept alive
 * beside it would cost registers and moves.
 *
 * Runs after reg-forward and before dead-flags (index.ts): const-fold then takes `Zext (Cond), 1`
 * to the 0/1 value itself, so `sete al; movzx eax, al` is one `cset w8, eq`. On entry: a
 * verified block. On exit: the same effects. Returns how many operands it rewrote plus writes
 * it dropped.
 *
 *   v7 = Bfi v2, v6, 0, 8; SetReg rax, v7; v10 = GetReg rax; v11 = Zext v10, 1; SetReg rax, v11
 *     → v11 = Zext v6, 1; SetReg rax, v11
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS } from "../ops.ts";
import { REG_BLIND as BLIND, Scratch, VALUE_ARGS, operand, setOperand, toNop } from "./_util.ts";

/** Sized ops whose value operands count only in their low 8·sz bits, whatever is above. */
const LOW_BITS = Uint8Array.from(OPS, (_, k) => (
  [OP.Add, OP.Sub, OP.Adc, OP.Sbb, OP.And, OP.Or, OP.Xor, OP.Neg, OP.Not, OP.Test, OP.Cmp, OP.Mul].includes(k) ? 1 : 0));

/** The reads of the register between a field write and the next write of it. */
const READS = new Scratch((n) => new Int32Array(n));

/** How many low bits of operand k (0..3) op u reads; 64 when it may read them all. */
function bitsRead(b: IrBlock, u: number, k: number): number {
  const o = b.op[u]!;
  if (LOW_BITS[o]) return 8 * b.sz[u]!;
  switch (o) {
    case OP.Store: return k === 1 ? 8 * b.sz[u]! : 64;
    case OP.Zext: case OP.Sext: return k === 0 ? 8 * b.b[u]! : 64;
    case OP.Bfi: return k === 1 ? b.d[u]! : 64;
    default: return 64;
  }
}

/** How op u can read field f (a `Bfi x, y, 0, w`) through operand k: 1 = y, 2 = x (a wider insert at bit 0), 0 = neither. */
function rewritable(b: IrBlock, u: number, k: number, f: number): number {
  const w = b.d[f]!;
  if (bitsRead(b, u, k) <= w) return 1;
  return b.op[u] === OP.Bfi && k === 0 && b.c[u] === 0 && b.d[u]! >= w ? 2 : 0;
}

export function fieldForward(b: IrBlock): number {
  const n = b.n, reads = READS.get(n);
  let changed = 0;
  for (let s = 0; s < n; s++) {
    if (b.op[s] !== OP.SetReg) continue;
    const r = b.a[s]!, f = b.b[s]!;
    if (b.op[f] !== OP.Bfi || b.c[f] !== 0) continue;
    // The next write of r, through blind ops only; the reads of r on the way.
    let j = s + 1, nr = 0;
    for (; j < n; j++) {
      const o = b.op[j]!;
      if (o === OP.SetReg && b.a[j] === r) break;
      if (!BLIND[o]) { j = n; break; }
      if (o === OP.GetReg && b.a[j] === r) reads[nr++] = j;
    }
    if (j >= n) continue;
    // Every use of those reads, anywhere after them, must be able to take the field instead.
    let ok = true;
    for (let u = reads[0] ?? n; u < n && ok && nr > 0; u++) {
      const vm = VALUE_ARGS[b.op[u]!]!;
      for (let k = 0; k < 4 && ok; k++) if (vm & (1 << k) && isRead(reads, nr, operand(b, u, k)) && !rewritable(b, u, k, f)) ok = false;
    }
    if (!ok) continue;
    for (let u = s + 1; u < n && nr > 0; u++) {
      const vm = VALUE_ARGS[b.op[u]!]!;
      for (let k = 0; k < 4; k++) {
        if (!(vm & (1 << k)) || !isRead(reads, nr, operand(b, u, k))) continue;
        setOperand(b, u, k, rewritable(b, u, k, f) === 1 ? b.b[f]! : b.a[f]!);
        changed++;
      }
    }
    // Nothing reads the inserted register any more before r is written again: the write goes.
    toNop(b, s);
    changed++;
  }
  return changed;
}

function isRead(reads: Int32Array, nr: number, v: number): boolean {
  for (let k = 0; k < nr; k++) if (reads[k] === v) return true;
  return false;
}
