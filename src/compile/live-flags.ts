/**
 * @file Stage 8 (compiler): the guest flags live on entry to a block, from its own guest code, for
 * the translator's `exitFlags` (docs/runtime-abi.md §4, "Flags across blocks"). A direct exit
 * (jump, call, either side of a jcc) to a block that writes a flag before it can read it or leave
 * need not hand that flag over: its computation, and the carry flip a subtract's CF would need at
 * the block end, go. Ahead of time we know the target's bytes; a JIT compiling one block at a
 * time does not.
 *
 * `liveIn` runs the semantics of the target's instructions one at a time (no passes, no
 * lowering) and stops as soon as every status flag has been read or written first; an exit, an
 * instruction it cannot translate or the end of the range passes on every flag not yet written.
 * `exitFlagsFor` answers for targets inside the image's x86 ranges only (anything else: all
 * flags), memoised per image; compile (_work.ts) and `aot verify --exec` use the same one.
 *
 *   const live = exitFlagsFor(img, ranges, 64);
 *   live(img.base + 0x1234n);   // e.g. 0 (the block starts with cmp), FLAG.CF (it starts with adc), or undefined
 */
import { Decoder, Insn } from "../x86/index.ts";
import { translateInsn } from "../x86/semantics/index.ts";
import { IrBlock, STATUS_FLAGS } from "../ir/index.ts";
import { flagReads, flagWrites } from "../ir/passes/index.ts";
import type { MappedImage } from "../pe/index.ts";
import { rangeOf, type RvaRange } from "./images.ts";

/** Instructions looked at from a target before giving up (every flag not yet written is then live). */
const MAX_INSNS = 64;

export class LiveFlags {
  private readonly decoder: Decoder;
  private readonly insn = new Insn();
  private readonly ir = new IrBlock();
  constructor(private readonly mode: 32 | 64) {
    this.decoder = new Decoder(mode);
  }

  /** The status flags (FLAG.* bits) the code at `mem[off]` (guest address `va`) may read before writing them. */
  liveIn(mem: Uint8Array, off: number, end: number, va: bigint): number {
    const b = this.ir;
    b.reset(va, this.mode);
    let p = off, written = 0, live = 0;
    for (let count = 0; count < MAX_INSNS && p < end; count++) {
      const here = va + BigInt(p - off);
      const len = this.decoder.decode(mem, p, end, Number(here), this.insn);
      if (len === 0) break;
      const from = b.n;
      b.guest(here, len);
      if (translateInsn(b, this.insn, here, this.mode) === "unhandled") break;
      for (let k = from; k < b.n; k++) {
        // An exit reads its live mask (every flag, here): what is not written yet leaves with it.
        live |= flagReads(b, k) & ~written;
        written |= flagWrites(b, k);
      }
      if (((live | written) & STATUS_FLAGS) === STATUS_FLAGS) return live & STATUS_FLAGS;
      p += len;
    }
    return (live | ~written) & STATUS_FLAGS;
  }
}

/**
 * The translator's `exitFlags` for one image (its bytes at `base`): live-in flags of targets in
 * its x86 ranges, memoised unless the bytes may change under it (`aot run`'s self-modifying code).
 */
export function exitFlagsFor(img: Pick<MappedImage, "memory" | "base">, ranges: readonly RvaRange[], mode: 32 | 64, memoise = true): (va: bigint) => number | undefined {
  const probe = new LiveFlags(mode), memo = new Map<number, number>();
  return (va) => {
    const rva = Number(va - img.base);
    const r = rangeOf(ranges, rva);
    if (!r) return undefined;
    let m = memo.get(rva);
    if (m === undefined) {
      m = probe.liveIn(img.memory, rva, r.end, va);
      if (memoise) memo.set(rva, m);
    }
    return m;
  };
}
