/**
 * @file Stage 8 (compiler): one guest block, end to end: decode (stage 4) → semantics (x86 →
 * IR) → IR passes (stage 5) → lowering and encoding (stage 6) → the `TranslatedBlock` value the
 * cache stores (docs/runtime-abi.md §10).
 *
 * A `Translator` owns one decoder, one `Insn` and one `IrBlock`, all reused: translating a whole
 * image allocates little more than each block's output arrays. Its `split` timings feed
 * `aot bench translate`. An `ordering` option applies volatile metadata: per guest instruction,
 * its accesses keep the memory-ordering policy, or are forced ordered or plain (ABI §8).
 *
 *   const t = new Translator({ mode: 64, lower: { features: BASELINE, memoryOrder: "tso", pic: false } });
 *   const tb = t.translate(bytes, 0, bytes.length, 0x140001000n);
 *   tb.code; tb.insnCount; tb.fallback
 */
import { Decoder, Insn } from "../x86/index.ts";
import { tables } from "../x86/tables/_load.ts";
import { translateInsn } from "../x86/semantics/index.ts";
import { IrBlock, SYM, EXIT, MEM, OP, printIr } from "../ir/index.ts";
import { runPasses } from "../ir/passes/index.ts";
import { BranchOutOfRange, OutOfTemporaries, lowerBlock, type LowerOptions } from "../arm64/lower/index.ts";
import { fnv1a64, type TranslatedBlock } from "../arm64/lower/output.ts";

export interface TranslateOptions {
  mode: 32 | 64;
  lower: LowerOptions;
  /** Longest block, in guest instructions (a longer run ends with a jump to the next one). */
  maxInsns?: number;
  /** Run the IR passes (default true). */
  passes?: boolean;
  /**
   * Per-instruction memory-ordering override by guest address (volatile metadata, ABI §8): 0 = the
   * policy, 1 = ordered, 2 = plain. Applied to the instruction's Load/Store ops (MEM.ORDERED /
   * MEM.PLAIN) right after its semantics run.
   */
  ordering?: (va: number) => Ordering;
  /**
   * Guest flags live on entry to the block at a direct exit's target, or undefined (all: the
   * target is unknown, outside the image, or reached some other way). A direct exit then passes
   * only those flags on (docs/runtime-abi.md §4, "Flags across blocks"); `exitFlagsFor`
   * (live-flags.ts) computes the mask from the target's own guest code.
   */
  exitFlags?: (va: bigint) => number | undefined;
}

/** `TranslateOptions.ordering` answers: the policy, forced ordered, forced plain. */
export const ORDERING = { POLICY: 0, ORDERED: 1, PLAIN: 2 } as const;
export type Ordering = 0 | 1 | 2;

/** What `translate` can also keep for printing (`aot translate --ir`, golden tests). */
export interface TranslateTrace {
  irBefore?: string;
  irAfter?: string;
}

/** Time spent per stage (ms), summed over every `translate` call while `timing` is on. */
export interface StageSplit { decode: number; semantics: number; passes: number; lower: number }

export class Translator {
  readonly decoder: Decoder;
  readonly insn = new Insn();
  readonly ir = new IrBlock();
  timing = false;
  readonly split: StageSplit = { decode: 0, semantics: 0, passes: 0, lower: 0 };
  private readonly mnemonics = tables().mnemonics;

  constructor(readonly opts: TranslateOptions) {
    this.decoder = new Decoder(opts.mode);
  }

  private readonly pad = new Uint8Array(16);

  /** Would the bytes at p decode if `end` did not cut them off? (Then the code is truncated, not invalid.) */
  private cutOff(mem: Uint8Array, p: number, end: number, va: number): boolean {
    if (end - p >= 15) return false;
    this.pad.fill(0);
    this.pad.set(mem.subarray(p, end));
    const len = this.decoder.decode(this.pad, 0, 15, va, this.insn);
    return len > end - p;
  }

  /**
   * Translate the block starting at `mem[off]` (guest address `va`); `end` bounds the bytes that
   * may be read (the end of the mapped or file-backed range). Never throws on guest bytes: an
   * invalid or truncated instruction ends the block with a fallback exit at it.
   */
  translate(mem: Uint8Array, off: number, end: number, va: bigint, trace?: TranslateTrace): TranslatedBlock {
    let max = this.opts.maxInsns ?? 200;
    for (;;) {
      try {
        return this.translateUpTo(mem, off, end, va, max, max === 0, trace);
      } catch (e) {
        // The lowering has no spill slots (ABI §3.1): a block whose values outgrow the six
        // temporaries is retried shorter; a single instruction that still does not fit becomes a
        // counted fallback, like any instruction the translator does not handle. A block too long
        // for a tbz/tbnz to reach its stub or cold path is retried shorter the same way.
        if (!(e instanceof OutOfTemporaries) && !(e instanceof BranchOutOfRange)) throw e;
        max = max > 1 ? Math.min(max >> 1, this.ir.insns - 1 || 1) : 0;
      }
    }
  }

  private translateUpTo(mem: Uint8Array, off: number, end: number, va: bigint, max: number, fallbackFirst: boolean, trace?: TranslateTrace): TranslatedBlock {
    const { mode } = this.opts;
    const b = this.ir, insn = this.insn, dec = this.decoder;
    const timing = this.timing, ordering = this.opts.ordering;
    b.reset(va, mode);
    const vaNum = Number(va);
    let p = off, count = 0, fallback = "";
    let t0 = timing ? performance.now() : 0, tDecode = 0;
    for (;;) {
      const here = va + BigInt(p - off);
      if (count >= max && !fallbackFirst) {
        b.exit(EXIT.JUMP, b.addr(here));
        break;
      }
      if (p >= end) {
        // The bytes we may read end here: continue at the next address through the dispatcher.
        b.exit(EXIT.JUMP, b.addr(here));
        break;
      }
      const td = timing ? performance.now() : 0;
      const len = dec.decode(mem, p, end, vaNum + (p - off), insn);
      if (timing) tDecode += performance.now() - td;
      if (len === 0) {
        // Invalid, or cut off by `end`: the runtime decides (it raises #UD or reports the fault).
        b.exitSym(SYM.fallback, b.addr(here), 0);
        fallback = this.cutOff(mem, p, end, vaNum + (p - off)) ? "(truncated)" : "(invalid)";
        break;
      }
      if (fallbackFirst) {
        b.exitSym(SYM.fallback, b.addr(here), len);
        fallback = this.mnemonics[insn.mnemonic] ?? "?";
        break;
      }
      const mark = b.n;
      b.guest(here, len);
      const r = translateInsn(b, insn, here, mode);
      if (r === "unhandled") {
        b.n = mark;
        b.exitSym(SYM.fallback, b.addr(here), len);
        fallback = this.mnemonics[insn.mnemonic] ?? "?";
        break;
      }
      if (ordering) {
        const o = ordering(vaNum + (p - off));
        if (o) markAccesses(b, mark, o === ORDERING.ORDERED ? MEM.ORDERED : MEM.PLAIN);
      }
      count++;
      p += len;
      if (r === "end") break;
    }
    if (this.opts.exitFlags) narrowExits(b, this.opts.exitFlags);
    if (trace) trace.irBefore = printIr(b);
    let t1 = 0;
    if (timing) {
      t1 = performance.now();
      this.split.decode += tDecode;
      this.split.semantics += t1 - t0 - tDecode;
    }
    if (this.opts.passes !== false) runPasses(b);
    if (trace) trace.irAfter = printIr(b);
    let t2 = 0;
    if (timing) {
      t2 = performance.now();
      this.split.passes += t2 - t1;
    }
    b.insns = count;
    const low = lowerBlock(b, this.opts.lower);
    if (timing) this.split.lower += performance.now() - t2;
    return {
      guestStart: va,
      // (fields below: docs/runtime-abi.md §10)
      guestLength: p - off,
      guestHash: fnv1a64(mem, off, p),
      insnCount: count,
      code: low.code,
      bodyWords: low.bodyWords,
      relocs: low.relocs,
      targets: low.targets,
      faults: low.faults,
      fallback,
    };
  }
}

/**
 * Direct exits (`Exit` jump or call, `ExitIf`) to a target whose live-in flags are known pass
 * only those on: their live mask `fm` narrows, and the passes drop what only they read.
 */
function narrowExits(b: IrBlock, live: (va: bigint) => number | undefined): void {
  for (let k = 0; k < b.n; k++) {
    const o = b.op[k]!;
    const direct = o === OP.ExitIf || (o === OP.Exit && (b.a[k] === EXIT.JUMP || b.a[k] === EXIT.CALL));
    if (!direct) continue;
    const t = b.b[k]!;
    if (b.op[t] !== OP.Addr && b.op[t] !== OP.Const) continue;
    const m = live(b.imm(t));
    if (m !== undefined) b.fm[k] = b.fm[k]! & m;
  }
}

/** Give every Load/Store (and REP string) op from `from` on the attribute `bit` (and drop the other override). */
function markAccesses(b: IrBlock, from: number, bit: number): void {
  const other = bit === MEM.ORDERED ? MEM.PLAIN : MEM.ORDERED;
  for (let k = from; k < b.n; k++) {
    const o = b.op[k]!;
    if (o === OP.Load) b.b[k] = (b.b[k]! & ~other) | bit;
    else if (o === OP.Store || REP_STRING.has(o) || o === OP.VLoad) b.c[k] = (b.c[k]! & ~other) | bit;
    else if (o === OP.VLoadLane || o === OP.VStore) b.d[k] = (b.d[k]! & ~other) | bit;
  }
}

/** The REP string ops: their MEM attributes are operand c (ops.ts). */
const REP_STRING = new Set<number>([OP.RepMovs, OP.RepStos, OP.RepLods, OP.RepScas, OP.RepCmps]);
