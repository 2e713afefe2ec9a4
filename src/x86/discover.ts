/**
 * @file x86 stage: block and function discovery by recursive descent over the decoder.
 *
 * Entry: the executable ranges of an image (bytes + VA), the entry points (image entry, exports,
 * .pdata starts...) and the mode. From each entry we decode to the block's terminator and follow
 * direct branches and calls, never leaving the executable ranges; indirect branches, returns and
 * invalid bytes end a path. Exit: basic blocks keyed by start VA (a block ends at a terminator or
 * where another block starts), function entries (the entries plus every direct call target), and
 * the branch/call targets that fell outside the ranges. Used by `aot compile --discover`.
 *
 *   const d = discover([{ va: 0x140001000, bytes: text }], [0x140001500], 64);
 *   for (const b of d.blocks.values()) console.log(b.start.toString(16), b.insns, b.flow);
 */
import { Decoder } from "./decoder.ts";
import { FLOW, Insn, K } from "./insn.ts";
import { tables } from "./tables/_load.ts";

export interface CodeRange { va: number; bytes: Uint8Array }

export interface Block {
  start: number;
  /** VA just past the last instruction. */
  end: number;
  insns: number;
  /** Control-flow kind of the last instruction (`FLOW.*`); NEXT when the block runs into another block. */
  flow: number;
  /** Direct successors inside the ranges (branch target, then fall-through). */
  succ: number[];
  /** Direct call target, when the block ends in a call. */
  call?: number;
  /** True when the path hit bytes that do not decode (or ran off the end of a range). */
  invalid: boolean;
}

export interface Discovery {
  blocks: Map<number, Block>;
  functions: Set<number>;
  /** Direct branch/call targets outside every executable range. */
  external: Set<number>;
  /** Instruction starts reached (VA → length). */
  insns: Map<number, number>;
}

const FALLS_THROUGH = new Set<number>([FLOW.JCC, FLOW.CALL, FLOW.CALL_IND, FLOW.INT, FLOW.XBEGIN]);

export function discover(ranges: CodeRange[], entries: number[], bits: 16 | 32 | 64): Discovery {
  const dec = new Decoder(bits);
  const insn = new Insn();
  const { formFlow } = tables();
  const find = (va: number) => ranges.find((r) => va >= r.va && va < r.va + r.bytes.length);
  const insns = new Map<number, number>();
  const flowAt = new Map<number, number>();
  const targetAt = new Map<number, number>();
  const leaders = new Set<number>();
  const functions = new Set<number>();
  const external = new Set<number>();
  const invalidAt = new Set<number>();
  const work: number[] = [];
  const push = (va: number, isCall: boolean) => {
    if (!find(va)) { external.add(va); return; }
    if (isCall) functions.add(va);
    leaders.add(va);
    work.push(va);
  };
  for (const e of entries) push(e, true);
  // Phase 1: reach every instruction; record terminators and their direct targets.
  while (work.length) {
    let va = work.pop()!;
    for (;;) {
      if (insns.has(va)) break;
      const r = find(va);
      if (!r) break;
      const off = va - r.va;
      const len = dec.decode(r.bytes, off, r.bytes.length, va, insn);
      if (len === 0) { invalidAt.add(va); break; }
      insns.set(va, len);
      const flow = formFlow[insn.form]!;
      const next = va + len;
      if (flow === FLOW.NEXT) { va = next; continue; }
      flowAt.set(va, flow);
      if (insn.kind[0] === K.BRANCH && (flow === FLOW.JMP || flow === FLOW.JCC || flow === FLOW.CALL || flow === FLOW.XBEGIN)) {
        targetAt.set(va, insn.target);
        push(insn.target, flow === FLOW.CALL);
      }
      if (FALLS_THROUGH.has(flow)) { leaders.add(next); va = next; continue; }
      break;
    }
  }
  // Phase 2: cut the reached instructions into blocks at leaders and terminators.
  const blocks = new Map<number, Block>();
  for (const start of leaders) {
    if (!insns.has(start)) {
      if (invalidAt.has(start)) blocks.set(start, { start, end: start, insns: 0, flow: FLOW.STOP, succ: [], invalid: true });
      continue;
    }
    let va = start;
    let n = 0;
    const b: Block = { start, end: start, insns: 0, flow: FLOW.NEXT, succ: [], invalid: false };
    for (;;) {
      const len = insns.get(va);
      if (len === undefined) { b.invalid = true; b.flow = FLOW.STOP; break; }
      n++;
      const next = va + len;
      const flow = flowAt.get(va);
      if (flow !== undefined) {
        b.flow = flow;
        const t = targetAt.get(va);
        if (flow === FLOW.CALL && t !== undefined) b.call = t;
        else if (t !== undefined && find(t)) b.succ.push(t);
        if (FALLS_THROUGH.has(flow) && insns.has(next)) b.succ.push(next);
        va = next;
        break;
      }
      va = next;
      if (leaders.has(va)) { b.succ.push(va); break; }
    }
    b.end = va;
    b.insns = n;
    blocks.set(start, b);
  }
  return { blocks, functions, external, insns };
}
