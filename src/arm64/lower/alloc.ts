/**
 * @file Stage 6 (ARM64 lowering): the block analysis and the temporary allocator. One backward
 * pass over the IR block (typed arrays only) computes, per value, its last use and its number of
 * uses, per op the guest flags live after it, and marks dead pure ops; the `TempPool` hands out
 * the temporaries of regmap.ts (x9, x6, x7, x30, x16, x17; ABI §3.1) to values when they are
 * defined and to per-op scratch, and takes them back after the value's last use.
 *
 * On entry: a verified block. On exit: `Analysis` arrays valid for ops [0, b.n); after every op
 * the lowering calls `pool.assertUnlocked(i, lastUse)`: no scratch is held and every
 * value-owned temp belongs to a value still live after op i (no leak).
 *
 *   const an = new Analysis();
 *   an.run(block);                 // an.lastUse[v], an.uses[v], an.liveAfter[i], an.skip[i]
 *   const pool = new TempPool();
 *   const t = pool.scratch();      // x9
 *   pool.releaseScratch();
 *   pool.assertUnlocked(i, an.lastUse);
 */
import type { IrBlock } from "../../ir/block.ts";
import { OP, OPS } from "../../ir/ops.ts";
import { CC_READS, FLAG, STATUS_FLAGS } from "../../ir/state.ts";
import { flagReads, operand } from "../../ir/passes/index.ts";
import { HOST_FORBIDDEN, HOST_TEMPS } from "./regmap.ts";

/** Per op kind: bit k set when operand k (a, b, c, d) is a value (`v` in the op's `args`). */
export const VALUE_ARGS: Uint8Array = Uint8Array.from(OPS, (o) => {
  let m = 0;
  for (let k = 0; k < o.args.length; k++) if (o.args[k] === "v") m |= 1 << k;
  return m;
});

/** `skip[i]` values: emitted normally, dead (no effect, result unused), folded into its user. */
export const EMIT = 0, DEAD = 1, FUSED = 2;

const PURE_RESULT: Uint8Array = Uint8Array.from(OPS, (o) => (o.pure && o.result ? 1 : 0));

/** The operand `k` (0..3) of op `i` (the IR passes' helper). */
export { operand };

export class Analysis {
  lastUse = new Int32Array(64);
  uses = new Int32Array(64);
  /** Guest flags (FLAG.* mask) whose value is read after op i (by a later op, an exit, or a fault). */
  liveAfter = new Uint8Array(64);
  /** Guest flags live before op i (read by it or later). */
  liveBefore = new Uint8Array(64);
  skip = new Uint8Array(64);

  run(b: IrBlock): void {
    const n = b.n;
    if (this.lastUse.length < n) {
      const cap = Math.max(n, this.lastUse.length * 2);
      this.lastUse = new Int32Array(cap);
      this.uses = new Int32Array(cap);
      this.liveAfter = new Uint8Array(cap);
      this.liveBefore = new Uint8Array(cap);
      this.skip = new Uint8Array(cap);
    }
    const { lastUse, uses, liveAfter, liveBefore, skip } = this;
    lastUse.fill(-1, 0, n);
    uses.fill(0, 0, n);
    skip.fill(EMIT, 0, n);
    const op = b.op, fm = b.fm;
    let live = 0;
    for (let i = n - 1; i >= 0; i--) {
      const o = op[i]!;
      liveAfter[i] = live;
      if (o === OP.Nop || (PURE_RESULT[o] && uses[i] === 0 && !(OPS[o]!.flags && fm[i]))) {
        // Backward order makes this cascade: the operands of a dead op are not counted as used.
        skip[i] = DEAD;
        liveBefore[i] = live;
        continue;
      }
      switch (o) {
        case OP.Exit: case OP.ExitSym: live = fm[i]!; break;
        case OP.ExitIf: live |= fm[i]! | CC_READS[b.a[i]!]!; break;
        case OP.Cond: case OP.SelectCC: live |= CC_READS[b.a[i]!]!; break;
        case OP.GetFlag: live |= b.a[i]!; break;
        case OP.SetFlag: live &= ~b.a[i]!; break;
        // A fault makes every flag observable except those stale at this guest instruction (ABI §9).
        case OP.Load: case OP.Store: live |= STATUS_FLAGS & ~staleAt(b, i); break;
        // Atomics access memory too (and AtomicRmw adc/sbb read CF).
        case OP.AtomicRmw: case OP.AtomicCas: case OP.AtomicCasPair: live |= (STATUS_FLAGS & ~staleAt(b, i)) | OPS[o]!.reads; break;
        // AF in the masks (ops.ts): here the restore decides AF (saved, or undefined), so nothing
        // in its run need keep it, and the save reads it for the count-0 path.
        case OP.SaveFlags: live |= flagReads(b, i) | (b.a[i]! & FLAG.AF); break;
        case OP.RestoreFlagsIfZero: live = (live & ~(b.c[i]! & FLAG.AF)) | flagReads(b, i); break;
        default: {
          const info = OPS[o]!;
          if (info.flags) live &= ~fm[i]!;
          live |= info.reads;
        }
      }
      liveBefore[i] = live;
      const vm = VALUE_ARGS[o]!;
      for (let k = 0; k < 4; k++) {
        if (!(vm & (1 << k))) continue;
        const v = operand(b, i, k);
        if (uses[v]!++ === 0) lastUse[v] = i;
      }
    }
  }
}

/** The stale-flags mask of the guest instruction op i belongs to (its `Guest` op's fm). */
export function staleAt(b: IrBlock, i: number): number {
  for (let k = i; k >= 0; k--) if (b.op[k] === OP.Guest) return b.fm[k]!;
  return 0;
}

/** Flags ARM keeps in NZCV (ABI §4): CF, ZF, SF, OF. */
export const NZCV_FLAGS = FLAG.CF | FLAG.ZF | FLAG.SF | FLAG.OF;

const FREE = -1, SCRATCH = -2;
const IS_TEMP = new Uint8Array(32);
for (const r of HOST_TEMPS) IS_TEMP[r] = 1;
const FORBIDDEN = new Uint8Array(32);
for (const r of HOST_FORBIDDEN) FORBIDDEN[r] = 1;

/** Temporaries of ABI §3.1, handed to values (until their last use) and to per-op scratch. */
export class TempPool {
  /** Per host register: FREE, SCRATCH, or the value owning it. */
  readonly owner = new Int32Array(32).fill(FREE);
  private scratchRegs = new Int8Array(8);
  private nScratch = 0;
  /** Every register ever handed out (tests check it against HOST_FORBIDDEN). */
  everUsed = 0;
  /**
   * Registers usable as scratch for the current op only, besides the temporaries: x10 (x11) when
   * PF (AF) is dead before, during and after it, so its lazy flag source holds nothing (ABI §4).
   */
  extra = 0;

  reset(): void {
    this.extra = 0;
    this.owner.fill(FREE);
    this.nScratch = 0;
    this.everUsed = 0;
  }

  isTemp(r: number): boolean {
    return IS_TEMP[r] === 1;
  }

  isFree(r: number): boolean {
    return IS_TEMP[r] === 1 && this.owner[r] === FREE;
  }

  /** Nothing holds r, temporary or not (x10/x11, which are scratch only while their flag is dead). */
  idle(r: number): boolean {
    return this.owner[r] === FREE;
  }

  /** A free temporary for value v (or a specific one when `want` is free). Throws when none is left. */
  take(v: number, want = -1): number {
    const r = want >= 0 && this.isFree(want) ? want : this.firstFree();
    this.owner[r] = v;
    return r;
  }

  /** Hand an owned temp to another value (a dying operand's register becomes the result's). */
  transfer(r: number, v: number): void {
    this.owner[r] = v;
  }

  /** A temporary locked for the current op only; `releaseScratch` frees them all. */
  scratch(): number {
    const r = this.firstFree(true);
    this.owner[r] = SCRATCH;
    this.scratchRegs[this.nScratch++] = r;
    return r;
  }

  /** Give back one scratch before the op ends (keeps long lowerings within six temporaries). */
  release(r: number): void {
    for (let k = 0; k < this.nScratch; k++) {
      if (this.scratchRegs[k] !== r) continue;
      this.scratchRegs[k] = this.scratchRegs[--this.nScratch]!;
      this.owner[r] = FREE;
      return;
    }
  }

  /** Lock the specific temporary r as scratch for the current op (CASP needs even register pairs); OutOfTemporaries when it is taken. */
  scratchReg(r: number): number {
    if (!this.isFree(r)) throw new OutOfTemporaries();
    this.owner[r] = SCRATCH;
    this.scratchRegs[this.nScratch++] = r;
    this.everUsed |= 1 << r;
    return r;
  }

  releaseScratch(): void {
    for (let k = 0; k < this.nScratch; k++) this.owner[this.scratchRegs[k]!] = FREE;
    this.nScratch = 0;
  }

  free(r: number): void {
    if (IS_TEMP[r]) this.owner[r] = FREE;
  }

  private firstFree(extra = false): number {
    for (let k = 0; k < HOST_TEMPS.length; k++) {
      const r = HOST_TEMPS[k]!;
      if (this.owner[r] === FREE) {
        if (FORBIDDEN[r]) throw new Error(`temporary x${r} is a forbidden register`);
        this.everUsed |= 1 << r;
        return r;
      }
    }
    if (extra) for (const r of [10, 11]) if (this.extra & (1 << r) && this.owner[r] === FREE) return r;
    throw new OutOfTemporaries();
  }

  /** After op i: nothing locked, and every owned temp belongs to a value used after i. */
  assertUnlocked(i: number, lastUse: Int32Array): void {
    if (this.nScratch) throw new Error(`op ${i}: ${this.nScratch} scratch temporaries left locked`);
    if (this.owner[10] !== FREE || this.owner[11] !== FREE) throw new Error(`op ${i}: x10/x11 left locked`);
    for (let k = 0; k < HOST_TEMPS.length; k++) {
      const r = HOST_TEMPS[k]!, v = this.owner[r]!;
      if (v === SCRATCH) throw new Error(`op ${i}: x${r} still locked as scratch`);
      if (v >= 0 && lastUse[v]! <= i) throw new Error(`op ${i}: x${r} leaked by v${v} (last use ${lastUse[v]})`);
    }
  }
}

/**
 * More values are live at once than there are temporaries (the ABI has no spill area, §3.1):
 * the block cannot be lowered as it is. The translator catches exactly this and retries shorter.
 */
export class OutOfTemporaries extends Error {
  constructor() {
    super("arm64 lowering: out of temporaries (more values live at once than the six temporaries)");
  }
}

/**
 * A 14-bit test-and-branch (`tbz`/`tbnz`, ±32 KiB) cannot reach its stub or cold path: the block
 * is too long for it. Like OutOfTemporaries, the translator retries the block shorter (a single
 * instruction always fits), so the short form costs nothing in the blocks where it reaches.
 */
export class BranchOutOfRange extends Error {
  constructor(bytes: number) {
    super(`arm64 lowering: a test-and-branch target is ${bytes} bytes away (beyond ±32 KiB)`);
  }
}
