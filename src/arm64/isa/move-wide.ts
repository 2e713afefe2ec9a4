/**
 * @file Move wide (immediate): MOVN, MOVZ, MOVK and their MOV aliases, plus `movImm`, the
 * shortest sequence that materialises a 32/64-bit constant (MOVZ/MOVN/ORR-bitmask, then MOVK
 * for the remaining 16-bit chunks). ARM ARM C4.1.92.5 "Move wide (immediate)". Stage 6.
 *
 *   movz(1, X0, tryImm16(0x1234)!, tryHw(1, 16)!)   // mov x0, #0x12340000
 *   movImm(1, X0, 0x1234_0000_5678n)                // [movz x0,#0x5678; movk x0,#0x1234,lsl #32]
 */
import { tryLogicalImm, type Hw, type Imm16 } from "../imm.ts";
import type { Reg, Sf } from "../regs.ts";
import { f, hex, r, row, type Row } from "./_row.ts";
import { orrImm } from "./logical.ts";

/**
 * Move wide (immediate).
 * ```
 *  31 30 29 28       23 22 21 20                        5 4     0
 * +--+-----+-----------+-----+---------------------------+-------+
 * |sf| opc |1 0 0 1 0 1| hw  |          imm16            |  Rd   |
 * +--+-----+-----------+-----+---------------------------+-------+
 * ```
 */
function moveWide(sf: Sf, opc: number, hw: Hw, imm16: Imm16, Rd: Reg): number {
  return ((sf << 31) | (opc << 29) | 0x12800000 | (hw << 21) | (imm16 << 5) | Rd) >>> 0;
}

/** MOVN: Rd = ~(imm16 << 16*hw). */
export const movn = (sf: Sf, Rd: Reg, imm16: Imm16, hw = 0 as Hw): number => moveWide(sf, 0, hw, imm16, Rd);
/** MOVZ: Rd = imm16 << 16*hw. */
export const movz = (sf: Sf, Rd: Reg, imm16: Imm16, hw = 0 as Hw): number => moveWide(sf, 2, hw, imm16, Rd);
/** MOVK: insert imm16 at bit 16*hw of Rd, keeping the other bits. */
export const movk = (sf: Sf, Rd: Reg, imm16: Imm16, hw = 0 as Hw): number => moveWide(sf, 3, hw, imm16, Rd);

// ── Constant materialisation ──

const chunk = (v: bigint, i: number): number => Number((v >> BigInt(16 * i)) & 0xffffn);

/**
 * The shortest MOVZ/MOVN/ORR + MOVK sequence that leaves `value` in Rd (truncated to 32 bits
 * when sf=0). One instruction when MOVZ, MOVN or a bitmask immediate can do it; otherwise the
 * best of MOVZ+MOVKs, MOVN+MOVKs and ORR-bitmask+MOVKs (a chunk-substituted bitmask).
 */
export function movImm(sf: Sf, Rd: Reg, value: bigint | number): number[] {
  const n = sf ? 4 : 2;
  const v = BigInt.asUintN(sf ? 64 : 32, BigInt(value));
  const chunks = Array.from({ length: n }, (_, i) => chunk(v, i));
  const movks = (skip: (c: number, i: number) => boolean): number[] => {
    const out: number[] = [];
    chunks.forEach((c, i) => { if (!skip(c, i)) out.push(movk(sf, Rd, c as Imm16, i as Hw)); });
    return out;
  };
  let best: number[] | undefined;
  const consider = (seq: number[]) => { if (!best || seq.length < best.length) best = seq; };
  // MOVZ base: the first non-zero chunk (or chunk 0 for zero).
  const z = Math.max(0, chunks.findIndex((c) => c !== 0));
  consider([movz(sf, Rd, chunks[z]! as Imm16, z as Hw), ...movks((c, i) => i === z || c === 0)]);
  // MOVN base: the first chunk that is not all ones.
  const o = Math.max(0, chunks.findIndex((c) => c !== 0xffff));
  consider([movn(sf, Rd, (~chunks[o]! & 0xffff) as Imm16, o as Hw), ...movks((c, i) => i === o || c === 0xffff)]);
  if (best!.length === 1) return best!;
  const bm = tryLogicalImm(sf, v);
  if (bm !== undefined) return [orrImm(sf, Rd, 31, bm)];
  // ORR of a value that differs from `v` in one chunk, then one MOVK fixes that chunk.
  for (let i = 0; i < n && best!.length > 2; i++)
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const alt = (v & ~(0xffffn << BigInt(16 * i))) | (BigInt(chunks[j]!) << BigInt(16 * i));
      const m = tryLogicalImm(sf, alt);
      if (m !== undefined) { consider([orrImm(sf, Rd, 31, m), movk(sf, Rd, chunks[i]! as Imm16, i as Hw)]); break; }
    }
  return best!;
}

// ── Decode ──

/** LLVM's isAnyMOVWMovAlias: true when MOVZ or MOVN can produce `v`, so ORR is not printed as MOV. */
export function movWidePreferred(sf: Sf, v: bigint): boolean {
  return anyMovz(sf, v) || anyMovz(sf, BigInt.asUintN(sf ? 64 : 32, ~v));
}

/** LLVM's isAnyMOVZMovAlias: `v` is one 16-bit chunk at some shift. */
function anyMovz(sf: number, v: bigint): boolean {
  for (let s = 0; s <= (sf ? 48 : 16); s += 16) if ((v & ~(0xffffn << BigInt(s))) === 0n) return true;
  return false;
}

const signed = (sf: number, v: bigint): bigint => BigInt.asIntN(sf ? 64 : 32, v);

export const MOVE_WIDE_ROWS: Row[] = [
  row(0x1f800000, 0x12800000, (w) => {
    const sf = w >>> 31, opc = f(w, 29, 2), hw = f(w, 21, 2), imm16 = f(w, 5, 16), Rd = f(w, 0, 5);
    if (opc === 1 || (!sf && hw >= 2)) return undefined;
    const W = sf ? 64 : 32, shift = hw * 16;
    const tail = `${hex(imm16)}${shift ? `, lsl #${shift}` : ""}`;
    if (opc === 3) return `movk ${r(sf, Rd)}, ${tail}`;
    const z = BigInt(imm16) << BigInt(shift);
    if (opc === 2) {
      if (!(z === 0n && shift !== 0)) return `mov ${r(sf, Rd)}, ${hex(signed(sf, z))}`;
      return `movz ${r(sf, Rd)}, ${tail}`;
    }
    const v = BigInt.asUintN(W, ~z);
    // LLVM's isMOVNMovAlias: MOVZ takes precedence, and "#0, lsl #0" wins over other shifts.
    const nz = BigInt.asUintN(W, ~v);
    if (!anyMovz(sf, v) && !(nz === 0n && shift !== 0) && (nz & ~(0xffffn << BigInt(shift))) === 0n) return `mov ${r(sf, Rd)}, ${hex(signed(sf, v))}`;
    return `movn ${r(sf, Rd)}, ${tail}`;
  }),
];
