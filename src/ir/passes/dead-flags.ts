/**
 * @file Stage 5 (IR passes): dead flag elimination. Most x86 instructions define all six status
 * flags and most of those values are overwritten before anything reads them; narrowing each
 * op's flag mask `fm` to the flags something later reads lets the lowering skip the flag-setting
 * host form, the PF write to x10 and the AF write to x11 (ABI §4).
 *
 * Backward over the block with a live-flags mask that starts empty after the terminator: an
 * exit adds its `fm` (the flags live there); a reader adds what it reads (`Cond`, `SelectCC`,
 * `ExitIf` by condition, `GetFlag`, CF for `Adc`/`Sbb`); a flag-defining op keeps `fm & live`
 * and then kills what it defined; a `SetFlag` of a dead flag becomes `Nop`. An op that both
 * reads and defines (Adc) kills first, then reads, since it reads its inputs before writing.
 * `Undef` (flags an instruction leaves undefined) is a writer like any other: it ends the liveness
 * of the flags before it, so their earlier writers may be narrowed (stale until then: harmless, a
 * program cannot rely on an undefined flag).
 * DF is never narrowed: it lives in the state block, outside the exits' live masks, and the
 * runtime reads it after every exit.
 *
 * Then forward, the fault side table's input (ABI §9): each `Guest` marker's `fm` becomes the
 * flags whose latest writer before it lost that flag here ("stale": the program would see the
 * narrowed-away value, the host still holds an older one). A writer that keeps a flag makes it
 * fresh again. Stale marks already on a `Guest` (from an earlier run, or from the
 * compare-branch fusion) are kept, so running the pass twice changes nothing.
 *
 * On entry: a verified block. On exit: the same ops, `fm` narrowed, dead `SetFlag`s are `Nop`,
 * `Guest` markers carry their stale masks. Returns how many ops it narrowed or removed.
 *
 *   deadFlags(b); // "Add.8 v1, v2 !oszapc" followed by "Sub.8 … !oszapc" → "Add.8 v1, v2" ~ its flags stale
 */
import type { IrBlock } from "../block.ts";
import { OP } from "../ops.ts";
import { STATUS_FLAGS } from "../state.ts";
import { DEFINES, Scratch, flagReads, flagWrites, toNop } from "./_util.ts";

/** Per op: the flags this pass took away from it (its narrowed bits, or a removed SetFlag's flag). */
const LOST = new Scratch((n) => new Uint8Array(n));

export function deadFlags(b: IrBlock): number {
  const n = b.n;
  const lost = LOST.get(n);
  let live = 0;
  let changed = 0;
  for (let i = n - 1; i >= 0; i--) {
    lost[i] = 0;
    const op = b.op[i]!;
    if (op === OP.Nop || op === OP.Guest) continue;
    if (DEFINES[op] !== 0) {
      const had = b.fm[i]!;
      const keep = had & live;
      if (keep !== had) {
        b.fm[i] = keep;
        lost[i] = had & ~keep;
        changed++;
      }
      live &= ~had;
    } else if (op === OP.SetFlag) {
      const f = b.a[i]! & STATUS_FLAGS;
      if (f !== 0) {
        if ((live & f) === 0) {
          toNop(b, i);
          lost[i] = f;
          changed++;
          continue; // a removed SetFlag reads nothing
        }
        live &= ~f;
      }
    }
    live |= flagReads(b, i);
  }
  let stale = 0;
  for (let i = 0; i < n; i++) {
    if (b.op[i] === OP.Guest) {
      stale |= b.fm[i]!;
      b.fm[i] = stale;
    } else {
      stale = (stale | lost[i]!) & ~flagWrites(b, i);
    }
  }
  return changed;
}
