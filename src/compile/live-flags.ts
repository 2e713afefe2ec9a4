/**
 * @file Stage 8 (compiler): the guest flags live on entry to a block, from its own guest code, for
 * the translator's `exitFlags` (docs/runtime-abi.md §4, "Flags across blocks"). A direct exit
 * (jump, call, either side of a jcc) to a block that writes a flag before it can read it or leave
 * need not hand that flag over: its computation, and the carry flip a subtract's CF would need at
 * the block end, go. Ahead of time we know the target's bytes; a JIT compiling one block at a
 * time does not.
 *
 * `liveIn` runs the semantics of the target's instructions one at a time (no passes, no
 * lowering) and stops as soon as every status flag has been read or written first; an indirect
 * exit or runtime helper, an instruction it cannot translate or the end of the range passes on
 * every flag not yet written, and a direct exit (jump, call, jcc, LOOP/JRCXZ) the flags its own
 * target needs among those (a call's callee that sets the flags before reading them takes none:
 * `xor edx, edx; call f` need not keep the xor's flags). `exitFlagsFor` answers for targets
 * inside the image's x86 ranges only (anything else: all flags), following direct exits up to 4
 * deep, memoised per image (per question when the bytes may change); compile (_work.ts), `aot verify
 * --exec` and `aot run` use the same one.
 *
 *   const live = exitFlagsFor(img, ranges, 64);
 *   live(img.base + 0x1234n);   // e.g. 0 (the block starts with cmp), FLAG.CF (it starts with adc), or undefined
 */
import { Decoder, Insn } from "../x86/index.ts";
import { translateInsn } from "../x86/semantics/index.ts";
import { CC_READS, EXIT, IrBlock, OP, STATUS_FLAGS } from "../ir/index.ts";
import { flagReads, flagWrites } from "../ir/passes/index.ts";
import type { MappedImage } from "../pe/index.ts";
import { rangeOf, type RvaRange } from "./images.ts";

/** Instructions looked at from a target before giving up (every flag not yet written is then live). */
const MAX_INSNS = 64;

/** The direct target of exit op k (a jump, a call, a jcc, LOOP/JRCXZ), or undefined. */
function directTarget(b: IrBlock, k: number): bigint | undefined {
  const o = b.op[k]!;
  const v = o === OP.ExitIf || o === OP.ExitIfNZ ? b.b[k]! : o === OP.Exit && (b.a[k] === EXIT.JUMP || b.a[k] === EXIT.CALL) ? b.b[k]! : -1;
  return v >= 0 && b.isImm(v) ? b.imm(v) : undefined;
}

/** `live` plus, for each direct exit met, the flags its target needs among those not written before it. */
function finish(live: number, exits: [bigint, number][], target?: (va: bigint) => number | undefined): number {
  for (const [to, open] of exits) live |= (target?.(to) ?? STATUS_FLAGS) & open;
  return live & STATUS_FLAGS;
}

export class LiveFlags {
  private readonly decoder: Decoder;
  private readonly insn = new Insn();
  private readonly ir = new IrBlock();
  constructor(private readonly mode: 32 | 64) {
    this.decoder = new Decoder(mode);
  }

  /**
   * The status flags (FLAG.* bits) the code at `mem[off]` (guest address `va`) may read before
   * writing them. `target` answers for the target of a direct exit (a jump, a call, either side of
   * a jcc or LOOP/JRCXZ): the flags live there, or undefined for every flag. Without it, or for any
   * other exit (indirect, a runtime helper), what is not written yet leaves with every flag live.
   */
  liveIn(mem: Uint8Array, off: number, end: number, va: bigint, target?: (va: bigint) => number | undefined): number {
    const b = this.ir;
    b.reset(va, this.mode);
    let p = off, written = 0, live = 0;
    // Direct exits met: [target, flags not written before it], asked after the scan (the IR block is shared).
    const pending: [bigint, number][] = [];
    for (let count = 0; count < MAX_INSNS && p < end; count++) {
      const here = va + BigInt(p - off);
      const len = this.decoder.decode(mem, p, end, Number(here), this.insn);
      if (len === 0) break;
      const from = b.n;
      b.guest(here, len);
      if (translateInsn(b, this.insn, here, this.mode) === "unhandled") break;
      for (let k = from; k < b.n; k++) {
        const o = b.op[k]!, to = directTarget(b, k);
        if (to !== undefined && target) {
          const reads = o === OP.ExitIf ? CC_READS[b.a[k]!]! : 0;
          live |= reads & ~written;
          pending.push([to, ~written & STATUS_FLAGS]);
        } else live |= flagReads(b, k) & ~written;
        written |= flagWrites(b, k);
        if (o === OP.Exit) return finish(live, pending, target);
      }
      if (((live | written) & STATUS_FLAGS) === STATUS_FLAGS) return finish(live, pending, target);
      p += len;
    }
    return finish(live | (~written & STATUS_FLAGS), pending, target);
  }
}

/**
 * The translator's `exitFlags` for one image (its bytes at `base`): live-in flags of targets in
 * its x86 ranges, memoised unless the bytes may change under it (`aot run`'s self-modifying code).
 */
export function exitFlagsFor(img: Pick<MappedImage, "memory" | "base">, ranges: readonly RvaRange[], mode: 32 | 64, memoise = true): (va: bigint) => number | undefined {
  const probe = new LiveFlags(mode), memo = new Map<number, number>();
  // The flags live at va, following direct exits `depth` more targets deep (at 0, none). A pure
  // function of (va, depth) whatever was asked before, so every worker, in any order, gives every
  // block the same exit masks (caches are byte-identical whatever --jobs); loops end at depth 0.
  const live = (va: bigint, depth: number): number | undefined => {
    const rva = Number(va - img.base);
    const r = rangeOf(ranges, rva);
    if (!r) return undefined;
    const key = rva * 16 + depth;
    let m = memo.get(key);
    if (m === undefined) {
      m = probe.liveIn(img.memory, rva, r.end, va, depth > 0 ? (t) => live(t, depth - 1) : undefined);
      memo.set(key, m);
    }
    return m;
  };
  return (va) => {
    // Bytes that may change (self-modifying code): remembered within one question only.
    if (!memoise) memo.clear();
    return live(va, MAX_DEPTH);
  };
}

/** How many direct exits deep `exitFlagsFor` follows before taking every flag as live. */
const MAX_DEPTH = 4;
