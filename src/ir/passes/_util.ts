/**
 * @file Stage 5 (IR passes), internal helpers shared by the passes: which operands of an op are
 * values (a bit per operand slot, built once from the op table), the flags an op reads and
 * defines, in-place rewrites (`toConst`, `replaceUses`) and reusable scratch arrays.
 *
 * On entry: a block that `verifyIr` accepts. On exit: helpers never change the block's length
 * or (but `moveDown`, which renumbers) the meaning of an index, so passes can keep rewriting ops
 * in place.
 *
 *   const m = VALUE_ARGS[b.op[i]!]!;        // bit k set: operand k (a, b, c, d) is a value
 *   if (m & 1) uses[b.a[i]!]++;
 *   replaceUses(b, i, j);                   // every later use of v_i now uses v_j
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS } from "../ops.ts";
import { CC_READS, FLAG, STATUS_FLAGS } from "../state.ts";

/** Per op number: bit k set when operand k (a, b, c, d) is a value index (kind `v`). */
export const VALUE_ARGS: Uint8Array = Uint8Array.from(OPS, (o) => {
  let m = 0;
  for (let k = 0; k < o.args.length; k++) if (o.args[k] === "v") m |= 1 << k;
  return m;
});

/** Per op number: the flags the op can define (`OPS[op].flags`), as a typed array for hot loops. */
/**
 * Ops between two writes of a guest register that cannot observe it: no fault, no exit, no
 * implicit register access (the REP string ops step RCX, RSI, RDI themselves). reg-forward and
 * field-forward drop a write that only such ops separate from the next one.
 */
export const REG_BLIND: Uint8Array = Uint8Array.from(OPS, (o, k) => (
  o.pure || k === OP.Nop || k === OP.Guest || k === OP.Undef || k === OP.SetFlag || k === OP.Test || k === OP.SetReg
  || k === OP.RestoreFlagsIfZero ? 1 : 0));

/** Operand k (0..3) of op i. */
export const operand = (b: IrBlock, i: number, k: number): number => (k === 0 ? b.a[i]! : k === 1 ? b.b[i]! : k === 2 ? b.c[i]! : b.d[i]!);

/** Set operand k (0..3) of op i to v. */
export function setOperand(b: IrBlock, i: number, k: number, v: number): void {
  if (k === 0) b.a[i] = v;
  else if (k === 1) b.b[i] = v;
  else if (k === 2) b.c[i] = v;
  else b.d[i] = v;
}

export const DEFINES: Uint8Array = Uint8Array.from(OPS, (o) => o.flags);

/**
 * The status flags op i reads: conditions read `CC_READS[cc]`, `GetFlag` its flag, exits their
 * live mask `fm` (an exit hands the flags to whatever runs next), `Adc`/`Sbb` CF, `SaveFlags`
 * and `RestoreFlagsIfZero` every status flag but AF, a pair on AF alone nothing (ops.ts: AF passes
 * through the pair, kept or made undefined, so to liveness it is transparent). DF is left out:
 * it lives in the state block and is never subject to liveness (see dead-flags.ts).
 */
export function flagReads(b: IrBlock, i: number): number {
  const op = b.op[i]!;
  switch (op) {
    case OP.ExitIf: return (b.fm[i]! | CC_READS[b.a[i]!]!) & STATUS_FLAGS;
    case OP.Exit:
    case OP.ExitSym: return b.fm[i]! & STATUS_FLAGS;
    case OP.Cond:
    case OP.SelectCC: return CC_READS[b.a[i]!]!;
    case OP.GetFlag: return b.a[i]! & STATUS_FLAGS;
    case OP.SaveFlags: return b.a[i] === FLAG.AF ? 0 : OPS[op]!.reads;
    case OP.RestoreFlagsIfZero: return b.c[i] === FLAG.AF ? 0 : OPS[op]!.reads;
    default: return OPS[op]!.reads;
  }
}

/**
 * The status flags op i writes as it stands now: its `fm` for flag-defining ops, the flag of a
 * `SetFlag` (DF excluded), else 0. A removed op (`Nop`) writes nothing.
 */
export function flagWrites(b: IrBlock, i: number): number {
  const op = b.op[i]!;
  if (DEFINES[op] !== 0) return b.fm[i]!;
  if (op === OP.SetFlag) return b.a[i]! & STATUS_FLAGS;
  return 0;
}

/** Rewrite op i in place into `Const.sz value` (the value is stored as given, callers mask it). */
export function toConst(b: IrBlock, i: number, sz: number, value: bigint): void {
  const u = BigInt.asUintN(64, value);
  b.op[i] = OP.Const; b.sz[i] = sz; b.fm[i] = 0;
  b.a[i] = 0; b.b[i] = 0; b.c[i] = 0; b.d[i] = 0;
  b.lo[i] = Number(u & 0xffffffffn); b.hi[i] = Number(u >> 32n);
}

/** Turn op i into a `Nop` (the printer skips it, indices of the other ops are unchanged). */
export function toNop(b: IrBlock, i: number): void {
  b.op[i] = OP.Nop; b.fm[i] = 0; b.d[i] = 0;
}

/**
 * Redirect every use of value `from` by the ops after it to value `to` (to < from, or any value
 * defined before the first use). O(ops after `from`): for one-off rewrites and tests; a pass that
 * replaces many values keeps a forwarding array and rewrites operands in its own forward sweep
 * (`forwardOperands`), which stays linear.
 */
export function replaceUses(b: IrBlock, from: number, to: number): void {
  for (let k = from + 1; k < b.n; k++) {
    const m = VALUE_ARGS[b.op[k]!]!;
    if (m === 0) continue;
    if (m & 1 && b.a[k] === from) b.a[k] = to;
    if (m & 2 && b.b[k] === from) b.b[k] = to;
    if (m & 4 && b.c[k] === from) b.c[k] = to;
    if (m & 8 && b.d[k] === from) b.d[k] = to;
  }
}

/** Rewrite the value operands of op i through `fwd` (fwd[v] = the value standing for v). */
export function forwardOperands(b: IrBlock, i: number, fwd: Int32Array): void {
  const m = VALUE_ARGS[b.op[i]!]!;
  if (m === 0) return;
  if (m & 1) b.a[i] = fwd[b.a[i]!]!;
  if (m & 2) b.b[i] = fwd[b.b[i]!]!;
  if (m & 4) b.c[i] = fwd[b.c[i]!]!;
  if (m & 8) b.d[i] = fwd[b.d[i]!]!;
}

/**
 * forwardOperands for a pass that merges equal values (reg-cse, value-cse), except that `xor r, r`
 * / `sub r, r` keep their second operand: zero-idiom turns an operand only they read into the
 * constant 0 in place, and one value read elsewhere too would leave it none.
 */
export function forwardKeepingZeroIdiom(b: IrBlock, i: number, fwd: Int32Array): void {
  const o = b.op[i]!;
  if ((o === OP.Xor || o === OP.Sub) && b.a[i] !== b.b[i] && fwd[b.a[i]!] === fwd[b.b[i]!]) b.a[i] = fwd[b.a[i]!]!;
  else forwardOperands(b, i, fwd);
}

/** Move op p to position q (p < q): ops p+1..q shift down one; every value reference follows. */
export function moveDown(b: IrBlock, p: number, q: number): void {
  const arrs = [b.op, b.sz, b.fm, b.a, b.b, b.c, b.d, b.lo, b.hi];
  for (const x of arrs) {
    const t = x[p]!;
    x.copyWithin(p, p + 1, q + 1);
    x[q] = t;
  }
  const map = (v: number): number => (v === p ? q : v > p && v <= q ? v - 1 : v);
  for (let k = 0; k < b.n; k++) {
    const m = VALUE_ARGS[b.op[k]!]!;
    if (m & 1) b.a[k] = map(b.a[k]!);
    if (m & 2) b.b[k] = map(b.b[k]!);
    if (m & 4) b.c[k] = map(b.c[k]!);
    if (m & 8) b.d[k] = map(b.d[k]!);
    if (b.op[k] === OP.ExitIf && b.d[k]! > 0) b.d[k] = map(b.d[k]! - 1) + 1;
  }
}

/** Does op k read value v (in any of its value operands)? */
export function readsValue(b: IrBlock, k: number, v: number): boolean {
  const m = VALUE_ARGS[b.op[k]!]!;
  return !!((m & 1 && b.a[k] === v) || (m & 2 && b.b[k] === v) || (m & 4 && b.c[k] === v) || (m & 8 && b.d[k] === v));
}

/** Add one to `uses[v]` for every value operand v of op i. */
export function countUses(b: IrBlock, i: number, uses: Uint32Array): void {
  const m = VALUE_ARGS[b.op[i]!]!;
  if (m === 0) return;
  if (m & 1) uses[b.a[i]!]!++;
  if (m & 2) uses[b.b[i]!]!++;
  if (m & 4) uses[b.c[i]!]!++;
  if (m & 8) uses[b.d[i]!]!++;
}

/**
 * Scratch arrays a pass reuses from block to block: whole images run the passes on every block,
 * so each pass keeps one array per purpose and grows it (never shrinks) instead of allocating.
 * Contents are garbage on return: callers clear what they read.
 */
export class Scratch<T extends Uint8Array | Uint32Array | Int32Array> {
  private arr: T;
  constructor(private readonly make: (n: number) => T) {
    this.arr = make(256);
  }
  get(n: number): T {
    if (this.arr.length < n) this.arr = this.make(Math.max(n, this.arr.length * 2));
    return this.arr;
  }
}
