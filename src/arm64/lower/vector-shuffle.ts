/**
 * @file Stage 6 (ARM64 lowering): the shuffles and lane moves of the vector slice (PSHUFLW/HW,
 * SHUFPS/PD, lane inserts and extracts, INSERTQ's field). Like PSHUFD (vector.ts), each picks
 * by immediate the shortest of a few shapes: one permute word (zip/uzp/trn/rev/ext/dup), that
 * plus a word putting back the half the x86 instruction keeps, or one element move (`ins`) per
 * lane that changes. A shuffle in place moves lanes in an order that reads each before it is
 * overwritten; a cycle of lanes goes through a general register, so nothing is borrowed.
 *
 *   VShuf16 xmm0, xmm1, 0, 0x50 → zip1 v0.4h, v1.4h, v1.4h; mov v0.d[1], v1.d[1]
 */
import type { Reg } from "../regs.ts";
import { bfi } from "../isa/bitfield.ts";
import { FTYPE, fmovToGp } from "../isa/fp.ts";
import { PERMUTE, dupElem, ext, movElem, movElemGp, movVec, permute, umov } from "../isa/simd.ts";
import { MISC, simdMisc } from "../isa/simd-misc.ts";
import { tryBitRange } from "../imm.ts";
import type { Lowerer } from "./context.ts";
import { LANE_SIZE, doneWithXt, shuffle32, vreg } from "./vector.ts";

type Size = 0 | 1 | 2 | 3;

/**
 * Lanes of `d` (element size `size`) set from lanes of `n`: want[k] = the source lane of lane k,
 * or -1 to keep lane k. d and n may be the same register: moves are then ordered so that no lane
 * is overwritten before its last read, and each cycle goes through a scratch general register.
 */
function laneMoves(L: Lowerer, size: Size, d: Reg, n: Reg, want: readonly number[]): void {
  const FROM_GPR = -2;
  const moves = want.map((s, k) => [k, s] as [number, number]).filter(([k, s]) => s >= 0 && (d !== n || s !== k));
  if (d !== n) {
    for (const [k, s] of moves) L.emit(movElem(size, d, k, n, s));
    return;
  }
  let saved = -1;
  while (moves.length) {
    const j = moves.findIndex(([k]) => !moves.some(([k2, s2]) => k2 !== k && s2 === k));
    if (j >= 0) {
      const [k, s] = moves.splice(j, 1)[0]!;
      L.emit(s === FROM_GPR ? movElemGp(size, d, k, saved) : movElem(size, d, k, n, s));
      continue;
    }
    // Only cycles are left: keep one lane's old value in a general register, and its readers read
    // it from there. That cycle then unwinds completely before another one can block, so one
    // register serves them all.
    if (moves.some(([, s]) => s === FROM_GPR)) throw new Error("arm64 lowering: lane cycle left unresolved");
    if (saved < 0) saved = L.pool.scratch();
    const lane = moves[0]![0];
    L.emit(umov(size, saved, n, lane));
    for (const m of moves) if (m[1] === lane) m[1] = FROM_GPR;
  }
}

/**
 * Word patterns (lane k of a 64-bit half from lane pattern[k] of the same half) that one permute
 * of n with itself gives. `perHalf`: the 128-bit form acts within each 64-bit half, so it serves
 * the high half too; the others are used in their 64-bit form, on the low half only.
 */
const HALF_PERMUTES: Record<string, { perHalf: boolean; word: (Q: 0 | 1, d: Reg, n: Reg) => number }> = {
  "0011": { perHalf: false, word: (Q, d, n) => permute(PERMUTE.ZIP1, Q, 1, d, n, n) },
  "2233": { perHalf: false, word: (Q, d, n) => permute(PERMUTE.ZIP2, Q, 1, d, n, n) },
  "0202": { perHalf: false, word: (Q, d, n) => permute(PERMUTE.UZP1, Q, 1, d, n, n) },
  "1313": { perHalf: false, word: (Q, d, n) => permute(PERMUTE.UZP2, Q, 1, d, n, n) },
  "0022": { perHalf: true, word: (Q, d, n) => permute(PERMUTE.TRN1, Q, 1, d, n, n) },
  "1133": { perHalf: true, word: (Q, d, n) => permute(PERMUTE.TRN2, Q, 1, d, n, n) },
  "3210": { perHalf: true, word: (Q, d, n) => simdMisc(MISC.REV64, Q, 1, d, n) },
  "1032": { perHalf: true, word: (Q, d, n) => simdMisc(MISC.REV32, Q, 1, d, n) },
  // ext of the low 64 bits with themselves: rotations by 1, 2 or 3 words.
  "1230": { perHalf: false, word: (_Q, d, n) => ext(0, d, n, n, 2) },
  "2301": { perHalf: false, word: (_Q, d, n) => ext(0, d, n, n, 4) },
  "3012": { perHalf: false, word: (_Q, d, n) => ext(0, d, n, n, 6) },
};

/**
 * PSHUFLW/PSHUFHW. The candidates, shortest chosen: copy n and move each changed word; one
 * half-local permute (for the high half only those acting within each 64-bit half: trn, rev)
 * or a dup, then the kept half put back and the remaining words moved; in place, word moves only.
 */
export function lowerVShuf16(L: Lowerer, i: number): void {
  const b = L.b, d = vreg(L, b.a[i]!), n = vreg(L, b.b[i]!), half = b.c[i]!, imm = b.d[i]! & 0xff;
  const idx = [0, 1, 2, 3].map((k) => (imm >> (2 * k)) & 3);
  const base = 4 * half, want = Array.from({ length: 8 }, (_, k) => (k >= base && k < base + 4 ? base + idx[k - base]! : k));
  if (d === n) {
    laneMoves(L, 1, d, n, want);
    doneWithXt(L, b.b[i]!);
    return;
  }
  const keep = half === 0 ? 1 : 0;
  type Plan = { words: number; emit: () => void };
  const plans: Plan[] = [];
  const changed = want.filter((s, k) => s !== k).length;
  plans.push({ words: 1 + changed, emit: () => { L.emit(movVec(1, d, n)); laneMoves(L, 1, d, n, want.map((s, k) => (s !== k ? s : -1))); } });
  const pattern = idx.join(""), hp = HALF_PERMUTES[pattern];
  if (hp && (half === 0 || hp.perHalf)) {
    // Low half: the 64-bit form (the high half of d becomes 0). High half: the 128-bit form,
    // which permutes the low half too. Either way the kept half is put back after.
    plans.push({ words: 2, emit: () => { L.emit(hp.word(half as 0 | 1, d, n)); L.emit(movElem(3, d, keep, n, keep)); } });
  }
  // High half: zip2 of n with itself is (4, 4, 5, 5, 6, 6, 7, 7). Its high half is the pattern
  // 2233 as is; its low half is 0011, moved up.
  if (half === 1 && (pattern === "2233" || pattern === "0011")) {
    const up = pattern === "0011";
    plans.push({
      words: up ? 3 : 2,
      emit: () => {
        L.emit(permute(PERMUTE.ZIP2, 1, 1, d, n, n));
        if (up) L.emit(movElem(3, d, 1, d, 0));
        L.emit(movElem(3, d, 0, n, 0));
      },
    });
  }
  // A dup of the most common word, the kept half put back, the other words moved.
  const counts = [0, 1, 2, 3].map((j) => idx.filter((x) => x === j).length);
  const j = counts.indexOf(Math.max(...counts));
  plans.push({
    words: 2 + 4 - counts[j]!,
    emit: () => {
      L.emit(dupElem(1, half as 0 | 1, d, n, base + j));
      L.emit(movElem(3, d, keep, n, keep));
      laneMoves(L, 1, d, n, want.map((s, k) => (k >= base && k < base + 4 && s !== base + j ? s : -1)));
    },
  });
  if (imm === 0xe4) plans.unshift({ words: 1, emit: () => L.emit(movVec(1, d, n)) });
  plans.reduce((a, p) => (p.words < a.words ? p : a)).emit();
  doneWithXt(L, b.b[i]!);
}

/**
 * SHUFPS/SHUFPD: lanes of the low half from d, of the high half from m. One word for the
 * interleaves and concatenations (zip, uzp, ext, one 64-bit move); else the low half is arranged
 * in place first (its high lanes are free, m overwrites them next), then m's lanes are moved in.
 * The same register on both sides is a PSHUFD (a dup, an ext, or nothing for SHUFPD).
 */
export function lowerVShufPair(L: Lowerer, i: number): void {
  const b = L.b, d = vreg(L, b.a[i]!), m = vreg(L, b.b[i]!), imm = b.c[i]!, sz = b.sz[i]!;
  if (sz === 8) {
    const lo = imm & 1, hi = (imm >> 1) & 1;
    if (d === m) {
      if (lo !== hi) { if (lo === 1) L.emit(ext(1, d, d, d, 8)); }
      else L.emit(dupElem(3, 1, d, d, lo));
    } else if (lo === hi) L.emit(permute(lo ? PERMUTE.ZIP2 : PERMUTE.ZIP1, 1, 3, d, d, m));
    else if (lo === 1) L.emit(ext(1, d, d, m, 8));
    else L.emit(movElem(3, d, 1, m, 1));
    doneWithXt(L, b.b[i]!);
    return;
  }
  if (d === m) {
    shuffle32(L, i, d, m, imm);
    return;
  }
  const i0 = imm & 3, i1 = (imm >> 2) & 3, i2 = (imm >> 4) & 3, i3 = imm >> 6;
  const one: Record<number, () => number> = {
    0x44: () => permute(PERMUTE.ZIP1, 1, 3, d, d, m), 0xee: () => permute(PERMUTE.ZIP2, 1, 3, d, d, m),
    0x88: () => permute(PERMUTE.UZP1, 1, 2, d, d, m), 0xdd: () => permute(PERMUTE.UZP2, 1, 2, d, d, m),
    0x4e: () => ext(1, d, d, m, 8), 0xe4: () => movElem(3, d, 1, m, 1),
  };
  if (one[imm]) {
    L.emit(one[imm]!());
    doneWithXt(L, b.b[i]!);
    return;
  }
  // The low half from d's own lanes; its lanes 2 and 3 may be clobbered.
  if (i0 === i1) L.emit(dupElem(2, 1, d, d, i0));
  else if (i0 === 1 && i1 === 0) L.emit(simdMisc(MISC.REV64, 1, 2, d, d));
  else if (i0 === 2 && i1 === 3) L.emit(movElem(3, d, 0, d, 1));
  else if (i0 === 3 && i1 === 2) { L.emit(simdMisc(MISC.REV64, 1, 2, d, d)); L.emit(movElem(3, d, 0, d, 1)); }
  else laneMoves(L, 2, d, d, [i0, i1, -1, -1]);
  // The high half from m.
  if (i2 === 2 && i3 === 3) L.emit(movElem(3, d, 1, m, 1));
  else if (i2 === 0 && i3 === 1) L.emit(movElem(3, d, 1, m, 0));
  else laneMoves(L, 2, d, m, [-1, -1, i2, i3]);
  doneWithXt(L, b.b[i]!);
}

/** One element move: `mov vd.T[c], vn.T[d]`. */
export function lowerVInsLane(L: Lowerer, i: number): void {
  const b = L.b, d = vreg(L, b.a[i]!), n = vreg(L, b.b[i]!), to = b.c[i]!, from = b.d[i]!;
  if (d !== n || to !== from) L.emit(movElem(LANE_SIZE[b.sz[i]!]!, d, to, n, from));
  doneWithXt(L, b.b[i]!);
}

/**
 * INSERTQ's field: a whole aligned element (8, 16, 32 or 64 bits at a multiple of its width) is
 * one element move; any other field goes through general registers (fmov both quadwords, bfi, ins).
 */
export function lowerVInsBits(L: Lowerer, i: number): void {
  const b = L.b, d = vreg(L, b.a[i]!), n = vreg(L, b.b[i]!), lsb = b.c[i]!, width = b.d[i]!;
  const size = ({ 8: 0, 16: 1, 32: 2, 64: 3 } as Record<number, Size>)[width];
  if (size !== undefined && lsb % width === 0) {
    if (d !== n || lsb !== 0) L.emit(movElem(size, d, lsb / width, n, 0));
  } else {
    const t = L.pool.scratch(), u = L.pool.scratch();
    L.emit(fmovToGp(1, FTYPE.D, t, n));
    L.emit(fmovToGp(1, FTYPE.D, u, d));
    L.emit(bfi(1, u, t, tryBitRange(1, lsb, width)!));
    L.emit(movElemGp(3, d, 0, u));
  }
  doneWithXt(L, b.b[i]!);
}

/** PINSRW from a register: `mov vd.h[k], w`. */
export function lowerVInsGpr(L: Lowerer, i: number): void {
  const b = L.b;
  L.emit(movElemGp(LANE_SIZE[b.sz[i]!]!, vreg(L, b.a[i]!), b.c[i]!, L.reg(b.b[i]!)));
}

/** PEXTRW to a register: `umov w, vn.h[k]` (zero-extends). */
export function lowerVLaneToGpr(L: Lowerer, i: number): void {
  const b = L.b;
  L.emit(umov(LANE_SIZE[b.sz[i]!]!, L.dest(i), vreg(L, b.a[i]!), b.b[i]!));
}
