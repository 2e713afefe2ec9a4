/**
 * @file Stage 5 (IR passes): `cond-flags`, the flag updates of shifts and rotates by CL (none when
 * the count is 0) as one flag save and one conditional restore. x86 shifts and rotates by CL change
 * nothing when the masked count is 0, so their semantics select every effect on `n == 0`:
 * `r' = Select z, v, r` for the result and `SetFlag f, Select z, (GetFlag f), x` per flag. Done
 * one flag at a time that costs a read of the old flag, a select and a write each (≈ 50 host
 * instructions for `shl eax, cl`). Four rewrites, each named:
 *
 * - `shiftByZero`: `Select (Cmp eq n, 0), v, Shift(v, n)` is the shift itself, which is the
 *   identity for n = 0 (Shl/Shr/Sar/Ror by n, Ror by Neg n, the Or of two shifts an 8/16-bit
 *   rotate is). With an 8/16-bit op on the extended v, the select's users must read only the
 *   low bytes (a Bfi at bit 0 no wider, a Store no wider).
 * - `keepFlagsIfZero`: a run of `SetFlag f, Select z, (GetFlag f), x` on one `z = Cmp eq n, 0`
 *   becomes `s = SaveFlags F` where the first old flag was read, unconditional `SetFlag f, x`, and
 *   one `RestoreFlagsIfZero n, s` after the last of them (lowered as mrs … cbnz; msr). Only when
 *   nothing in between reads a flag (other than the GetFlags feeding the selects), writes a flag
 *   outside F, or can fault or leave (pure ops, SetFlag and Test only): then no observer can tell.
 * - `afIfNonZero`: a shift's AF, as its semantics emit it (a save and restore of AF alone: kept
 *   for a count of 0, undefined otherwise), joins its run's masks when AF is read after it; then
 *   nothing in the run carries AF over x10 writes (ABI §4: 2 words per write). Otherwise the pair
 *   goes and AF is kept for every count; a constant count decides it outright.
 * - `selfWrite`: `SetFlag f, GetFlag f` with no write of f between is dropped, in a run (PF
 *   after the Test that set it) or where const-fold already chose the new value of every select
 *   (`mov ecx, 3; shl eax, cl`: reg-forward gives the count, the selects fold to
 *   `Test r !p; SetFlag pf, (GetFlag pf)`).
 *
 * Runs after dead-flags (pipeline in index.ts): F is then only the flags still written, since
 * the restore reads every flag for liveness and would keep them all. On entry: a verified block.
 * On exit: the same effects; unused selects and GetFlags are left to DCE. Returns how many
 * rewrites it made.
 *
 *   condFlags(b); // shl eax, cl: 5 Select+SetFlag pairs → SaveFlags … RestoreFlagsIfZero.4 n, s, F
 */
import type { IrBlock } from "../block.ts";
import { OP, OPS, REL } from "../ops.ts";
import { FLAG } from "../state.ts";
import { Scratch, VALUE_ARGS, countUses, flagReads, flagWrites, replaceUses, toNop } from "./_util.ts";

const USES = new Scratch((n) => new Uint32Array(n));
const IN_RUN = new Scratch((n) => new Uint8Array(n));

/** The count n when v is `Cmp.4|8 eq n, 0`, else -1. */
function zeroTest(b: IrBlock, v: number): number {
  if (b.op[v] !== OP.Cmp || b.a[v] !== REL.EQ || (b.sz[v] !== 4 && b.sz[v] !== 8)) return -1;
  const y = b.c[v]!;
  return b.op[y] === OP.Const && b.lo[y] === 0 && b.hi[y] === 0 ? b.b[v]! : -1;
}

/** Every use of value s after it reads at most its low `bytes` bytes. */
function lowBytesOnly(b: IrBlock, s: number, bytes: number): boolean {
  for (let k = s + 1; k < b.n; k++) {
    const o = b.op[k]!;
    if (o === OP.Nop) continue;
    const m = VALUE_ARGS[o]!;
    const usesS = (m & 1 && b.a[k] === s) || (m & 2 && b.b[k] === s) || (m & 4 && b.c[k] === s) || (m & 8 && b.d[k] === s);
    if (!usesS) continue;
    if (o === OP.Bfi && b.b[k] === s && b.a[k] !== s && b.c[k] === 0 && b.d[k]! <= 8 * bytes) continue;
    if (o === OP.Store && b.b[k] === s && b.a[k] !== s && b.sz[k]! <= bytes) continue;
    return false;
  }
  return true;
}

/** Is `r` the shift of `v` by `n` (identity for n = 0), exactly or in the bytes the select's users read? */
function shiftOf(b: IrBlock, r: number, v: number, n: number, sel: number): boolean {
  const o = b.op[r]!;
  if (o === OP.Or) return rotateOf(b, r, v, n, sel);
  if (o !== OP.Shl && o !== OP.Shr && o !== OP.Sar && o !== OP.Ror) return false;
  let by = b.b[r]!;
  if (o === OP.Ror && b.op[by] === OP.Neg && b.fm[by] === 0) by = b.a[by]!;
  if (by !== n) return false;
  const x = b.a[r]!;
  if (x === v) return true;
  // 8/16-bit Shr/Sar shift the zero/sign-extended value: equal to v in its low sz bytes.
  const ext = o === OP.Shr ? OP.Zext : o === OP.Sar ? OP.Sext : -1;
  return b.sz[r]! < 4 && b.op[x] === ext && b.a[x] === v && b.b[x] === b.sz[r] && lowBytesOnly(b, sel, b.sz[r]!);
}

/**
 * An 8/16-bit rotate of v by n as the semantics build it (shift.ts): `Or.sz (x >> e), (x << f)`
 * or the mirror, x = v or Zext v, e = And.4 n, 8sz-1, f = Sub.4 8sz, e. For n = 0, e = 0 and
 * f = 8sz: one half is x, the other has no bit in the low sz bytes, so the select's users must
 * read only those.
 */
function rotateOf(b: IrBlock, r: number, v: number, n: number, sel: number): boolean {
  const sz = b.sz[r]!, w = 8 * sz;
  if (sz >= 4 || !lowBytesOnly(b, sel, sz)) return false;
  const p = b.a[r]!, q = b.b[r]!;
  const isX = (x: number): boolean => x === v || (b.op[x] === OP.Zext && b.a[x] === v && b.b[x] === sz);
  const isE = (e: number): boolean => b.op[e] === OP.And && b.sz[e] === 4 && b.a[e] === n && isConst(b, b.b[e]!, w - 1);
  const isF = (f: number, e: number): boolean => b.op[f] === OP.Sub && b.sz[f] === 4 && isConst(b, b.a[f]!, w) && b.b[f] === e;
  const sh = (x: number): boolean => (b.op[x] === OP.Shl || b.op[x] === OP.Shr) && b.sz[x] === sz && isX(b.a[x]!);
  if (!sh(p) || !sh(q) || b.op[p] === b.op[q] || b.a[p] !== b.a[q]) return false;
  const e = isE(b.b[p]!) ? b.b[p]! : b.b[q]!, f = e === b.b[p] ? b.b[q]! : b.b[p]!;
  return isE(e) && isF(f, e);
}

const isConst = (b: IrBlock, v: number, k: number): boolean => b.op[v] === OP.Const && b.lo[v] === k && b.hi[v] === 0;

/** Ops that may sit inside a rewritten run: no fault, no exit, no guest-instruction boundary. */
const QUIET = Uint8Array.from(OPS, (o, k) => (o.pure || k === OP.SetFlag || k === OP.Test || k === OP.Nop ? 1 : 0));

export function condFlags(b: IrBlock): number {
  const n = b.n;
  let changed = 0;
  // ── shiftByZero ──
  for (let i = 0; i < n; i++) {
    if (b.op[i] !== OP.Select) continue;
    const cnt = zeroTest(b, b.a[i]!);
    if (cnt >= 0 && shiftOf(b, b.c[i]!, b.b[i]!, cnt, i)) {
      replaceUses(b, i, b.c[i]!);
      toNop(b, i);
      changed++;
    }
  }
  // ── keepFlagsIfZero ──
  const uses = USES.get(n).fill(0, 0, n);
  for (let i = 0; i < n; i++) countUses(b, i, uses);
  const inRun = IN_RUN.get(n).fill(0, 0, n);
  for (let k0 = 0; k0 < n; k0++) {
    const z = patternZ(b, k0, uses);
    if (z < 0 || inRun[k0]) continue;
    // The run: every pattern SetFlag on z from k0 to the last one, with nothing else in the way.
    const run: number[] = [];
    let F = 0, g0 = n, ok = true;
    for (let k = k0; k < n && ok; k++) {
      if (b.op[k] === OP.SetFlag && patternZ(b, k, uses) === z) {
        const f = b.a[k]!;
        if (F & f) { ok = false; break; }
        run.push(k);
        F |= f;
        g0 = Math.min(g0, b.b[b.b[k]!]!);
      } else if (!QUIET[b.op[k]!]) break;
    }
    if (!ok || run.length === 0) continue;
    const R = run[run.length - 1]!, sR = b.b[R]!;
    if (sR !== R - 1 || g0 >= run[0]!) continue;
    // Between the first old read and the last write: writes only of F (each before that flag's
    // pattern write), reads only by GetFlags that feed the pattern selects, quiet ops only.
    const pattern = new Set<number>();
    for (const k of run) pattern.add(k).add(b.b[k]!).add(b.b[b.b[k]!]!);
    const lastWrite: Record<number, number> = {};
    for (const k of run) lastWrite[b.a[k]!] = k;
    for (let j = g0; j <= R && ok; j++) {
      if (pattern.has(j)) continue;
      const o = b.op[j]!;
      if (!QUIET[o]) { ok = false; break; }
      const w = flagWrites(b, j);
      if (w & ~F) ok = false;
      for (const f of [FLAG.CF, FLAG.PF, FLAG.ZF, FLAG.SF, FLAG.OF]) if (w & f && j > lastWrite[f]!) ok = false;
      if (flagReads(b, j) && !(o === OP.GetFlag && uses[j]! <= 1 && feedsPattern(b, j, run))) ok = false;
    }
    // Each old value read is the value at g0: nothing wrote that flag between.
    for (const k of run) if (!noWriteBetween(b, g0, b.b[b.b[k]!]!, b.a[k]!)) ok = false;
    if (!ok) continue;
    const cnt = zeroTest(b, z), csz = b.sz[z]!;
    // Rewrite: g0 reads the flags as SaveFlags; the writes become unconditional.
    b.op[g0] = OP.SaveFlags; b.a[g0] = F; b.sz[g0] = 0; b.fm[g0] = 0;
    for (const k of run) {
      const x = b.c[b.b[k]!]!;
      b.b[k] = x;
      inRun[k] = 1;
      if (b.op[x] === OP.GetFlag && b.a[x] === b.a[k] && noWriteBetween(b, x, k, b.a[k]!)) toNop(b, k);
    }
    // The last write moves into its select's slot, the restore takes its own.
    if (b.op[R] === OP.SetFlag) { b.op[R - 1] = OP.SetFlag; b.a[R - 1] = b.a[R]!; b.b[R - 1] = b.b[R]!; b.c[R - 1] = 0; b.sz[R - 1] = 0; b.fm[R - 1] = 0; }
    else toNop(b, R - 1);
    b.op[R] = OP.RestoreFlagsIfZero; b.sz[R] = csz; b.fm[R] = 0; b.a[R] = cnt; b.b[R] = g0; b.c[R] = F; b.d[R] = 0;
    changed++;
  }
  // ── afIfNonZero ──
  for (let r = 0; r < n; r++) if (afPair(b, r)) changed++;
  // ── selfWrite ──
  for (let k = 0; k < n; k++) {
    if (b.op[k] !== OP.SetFlag) continue;
    const x = b.b[k]!, f = b.a[k]!;
    if (b.op[x] === OP.GetFlag && b.a[x] === f && noWriteBetween(b, x, k, f)) {
      toNop(b, k);
      changed++;
    }
  }
  return changed;
}

/**
 * afIfNonZero at r: a restore of AF alone on count n, `s = SaveFlags af` … `RestoreFlagsIfZero n, s,
 * af` (a shift by CL's AF: kept for a count of 0, undefined otherwise). Its AF joins the run
 * keepFlagsIfZero made of the same shift's other flags, when that run's restore is on the same
 * count with only quiet ops up to the save and AF is read after r: the run's x10 writes then need
 * not carry AF over (2 words each). A constant count decides it: 0 keeps AF, another count is an
 * `Undef af`. Otherwise the pair goes: AF kept for every count, which x86 allows too.
 */
function afPair(b: IrBlock, r: number): boolean {
  if (b.op[r] !== OP.RestoreFlagsIfZero || b.c[r] !== FLAG.AF) return false;
  const s = b.b[r]!, cnt = b.a[r]!;
  if (b.op[s] !== OP.SaveFlags || b.a[s] !== FLAG.AF) return false;
  let run = -1;
  for (let k = s - 1; k >= 0; k--) {
    const o = b.op[k]!;
    if (o === OP.RestoreFlagsIfZero) {
      if (b.a[k] === cnt && !(b.c[k]! & FLAG.AF)) run = k;
      break;
    }
    if (!QUIET[o] || flagWrites(b, k) & FLAG.AF) break;
  }
  for (let k = s + 1; k < r && run >= 0; k++) if (!QUIET[b.op[k]!] || (flagReads(b, k) | flagWrites(b, k)) & FLAG.AF) run = -1;
  toNop(b, s);
  if (b.op[cnt] === OP.Const) {
    if (b.lo[cnt] !== 0 || b.hi[cnt] !== 0) {
      b.op[r] = OP.Undef; b.sz[r] = 0; b.fm[r] = FLAG.AF; b.a[r] = 0; b.b[r] = 0; b.c[r] = 0; b.d[r] = 0;
    } else toNop(b, r);
    return true;
  }
  if (run >= 0 && afReadAfter(b, r)) {
    const save = b.b[run]!;
    b.a[save] = b.a[save]! | FLAG.AF;
    b.c[run] = b.c[run]! | FLAG.AF;
  }
  toNop(b, r);
  return true;
}

/** AF may be read after op r before anything writes it (an access that can fault counts as a read). */
function afReadAfter(b: IrBlock, r: number): boolean {
  for (let k = r + 1; k < b.n; k++) {
    const o = b.op[k]!;
    if (flagReads(b, k) & FLAG.AF) return true;
    if (o === OP.Exit || o === OP.ExitSym || flagWrites(b, k) & FLAG.AF) return false;
    if (!(QUIET[o] || o === OP.SetReg || o === OP.Guest || o === OP.ExitIf)) return true;
  }
  return false;
}

/** z when op k is `SetFlag f, s` with s = `Select z, (GetFlag f), x` (z a zero test), s and the GetFlag used once. */
function patternZ(b: IrBlock, k: number, uses: Uint32Array): number {
  if (b.op[k] !== OP.SetFlag) return -1;
  const f = b.a[k]!, s = b.b[k]!;
  if (!(f & (FLAG.CF | FLAG.PF | FLAG.ZF | FLAG.SF | FLAG.OF)) || b.op[s] !== OP.Select || uses[s] !== 1) return -1;
  const g = b.b[s]!;
  if (b.op[g] !== OP.GetFlag || b.a[g] !== f || uses[g] !== 1) return -1;
  return zeroTest(b, b.a[s]!) >= 0 ? b.a[s]! : -1;
}

/** GetFlag j is used (once) as the new value of a pattern select. */
function feedsPattern(b: IrBlock, j: number, run: number[]): boolean {
  return run.some((k) => b.c[b.b[k]!] === j);
}

/** No op in (x, k) writes flag f. */
function noWriteBetween(b: IrBlock, x: number, k: number, f: number): boolean {
  for (let j = x + 1; j < k; j++) if (flagWrites(b, j) & f) return false;
  return true;
}
