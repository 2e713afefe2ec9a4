/**
 * @file Stage 5 (IR passes): `value-cse`, one value per computation. Each x86 instruction's
 * semantics compute what they need afresh, and flag formulas repeat themselves: ROR r/m8, 1 takes
 * bit 7 of the result for CF and again for OF (`MSB ^ bit 6`); a later instruction may extract
 * the same field or zero-extend the same value again. An op that computes nothing but a function
 * of its operands (no flags, no state, no memory: the CSE table below) and matches an earlier one
 * exactly (op, size, operands, immediates) takes that one's value; the later op is left unused,
 * for DCE. Except where either goes to a guest register or is an access's address: the lowering
 * computes the first straight into the register's home and folds the second into the access
 * (`ldrb w0, [x25, x1]`) when it has no other use, so two such copies (`mov r8d, eax` twice, a
 * load and a store at `[rbx + rcx]`) cost less than one value kept in a temporary.
 *
 * Not merged: ops that define flags (their `fm`), read flags or guest state (GetFlag, Cond,
 * SelectCC, Adc, Sbb, GetReg: reg-cse's, GetState, SegBase, SaveFlags), constants and addresses
 * (the lowering materialises them at each use or folds them into an immediate, so one value
 * would only add a register), compares (each is lowered into the NZCV its one user reads: one
 * value for two users would be a 0/1 in a register), extensions (folded into each user's
 * operand, `smull`, `add x, x, w, sxtw`, when it has no other), and anything that may fault.
 *
 * Runs after the first dead-flags/const-fold/DCE round (pipeline in index.ts), when flag masks are
 * narrowed (a flag-free Add can match) and operands folded. On entry: a verified block. On exit:
 * the same effects. Returns how many ops it merged.
 *
 *   v5 = Ubfx v4, 7, 1; SetFlag cf, v5; v7 = Ubfx v4, 7, 1; v8 = Ubfx v4, 6, 1; v9 = Xor.4 v7, v8
 *     → … v9 = Xor.4 v5, v8 (v7 unused)
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS } from "../ops.ts";
import { Scratch, forwardKeepingZeroIdiom } from "./_util.ts";

/** Ops whose value is a function of their operands and immediates alone. */
const CSE = Uint8Array.from(OPS, (_, k) => ([
  OP.Add, OP.Sub, OP.And, OP.Or, OP.Xor, OP.Neg, OP.Not, OP.Shl, OP.Shr, OP.Sar, OP.Ror, OP.Mul, OP.MulHU, OP.MulHS,
  OP.Bfi, OP.Ubfx, OP.Select, OP.Clz, OP.Ctz, OP.Rev, OP.Popcnt, OP.Pdep, OP.Pext,
] as number[]).includes(k) ? 1 : 0);

const FWD = new Scratch((n) => new Int32Array(n));
/** Values a SetReg writes to a guest home, or a plain access's address. */
const HOME = new Scratch((n) => new Uint8Array(n));
/** Open-addressing table of op indices (-1: empty), sized to a power of two over twice the block. */
const TABLE = new Scratch((n) => new Int32Array(n));

function same(b: IrBlock, i: number, j: number): boolean {
  return b.op[i] === b.op[j] && b.sz[i] === b.sz[j] && b.a[i] === b.a[j] && b.b[i] === b.b[j] && b.c[i] === b.c[j]
    && b.d[i] === b.d[j] && b.lo[i] === b.lo[j] && b.hi[i] === b.hi[j];
}

function hash(b: IrBlock, i: number): number {
  let h = Math.imul(b.op[i]! + 1, 0x9e3779b1) ^ b.sz[i]!;
  h = Math.imul(h ^ b.a[i]!, 0x85ebca6b);
  h = Math.imul(h ^ b.b[i]!, 0xc2b2ae35);
  h = Math.imul(h ^ b.c[i]! ^ (b.d[i]! << 16), 0x27d4eb2f);
  return (h ^ b.lo[i]! ^ (h >>> 15)) >>> 0;
}

export function valueCse(b: IrBlock): number {
  const n = b.n, fwd = FWD.get(n), home = HOME.get(n).fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    const o = b.op[i]!;
    if (o === OP.SetReg) home[b.b[i]!] = 1;
    else if (o === OP.Load || o === OP.Store) home[b.a[i]!] = 1;
  }
  let size = 16;
  while (size < 2 * n) size *= 2;
  const table = TABLE.get(size).fill(-1, 0, size), mask = size - 1;
  let merged = 0;
  for (let i = 0; i < n; i++) {
    fwd[i] = i;
    const o = b.op[i]!;
    forwardKeepingZeroIdiom(b, i, fwd);
    if (!CSE[o] || b.fm[i] || home[i]) continue;
    for (let s = hash(b, i) & mask; ; s = (s + 1) & mask) {
      const j = table[s]!;
      if (j < 0) {
        table[s] = i;
        break;
      }
      if (!home[j] && same(b, i, j)) {
        fwd[i] = j;
        merged++;
        break;
      }
    }
  }
  return merged;
}
