/**
 * @file Encoding speed of the ARM64 encoder (stage 11 bench): a fixed mix of encoder calls with
 * pre-checked immediates, emitted through the Assembler buffer, against the physical ceiling of
 * writing the same words into a plain Uint32Array. Reports instructions per second for both.
 *
 *   const r = benchEncode(1_000_000);   // { instructions, ours_ips, fill_ips, ratio }
 */
import {
  Assembler, addImm, addShifted, andImm, bCond, cset, csel, ldAtomic, ldstPair, ldstUimm, LDST, movz, movk, PAIR,
  subsImm, tryHw, tryImm12, tryImm16, tryLogicalImm, tryPcOff, trySimm7s, tryUimm12s, ubfx, tryBitRange, madd, eorShifted,
  type Reg,
} from "../../arm64/index.ts";

export interface EncodeResult { instructions: number; ours_ips: number; fill_ips: number; ratio: number }

const I8 = tryImm12(8)!, I1 = tryImm12(1)!, M = tryLogicalImm(1, 0xffn)!, H16 = tryHw(1, 16)!, K = tryImm16(0x1234)!;
const U16 = tryUimm12s(8, 16)!, P = trySimm7s(8, -16)!, OFF = tryPcOff(19, -32)!, BR = tryBitRange(1, 3, 8)!;

/** One round of 16 typical instructions with registers varying by `i`. */
function round(a: Assembler, i: number): void {
  const d = (i & 15) as Reg, n = ((i + 1) & 15) as Reg, m = ((i + 2) & 15) as Reg;
  a.emit(addImm(1, d, n, I8));
  a.emit(subsImm(0, d, n, I1));
  a.emit(addShifted(1, d, n, m, 0));
  a.emit(andImm(1, d, n, M));
  a.emit(movz(1, d, K));
  a.emit(movk(1, d, K, H16));
  a.emit(ldstUimm(LDST.LDRX, d, n, U16));
  a.emit(ldstUimm(LDST.STRW, d, n, U16));
  a.emit(ldstPair(PAIR.STPX, "pre", d, m, 31, P));
  a.emit(cset(0, d, 1));
  a.emit(csel(1, d, n, m, 11));
  a.emit(ubfx(1, d, n, BR));
  a.emit(madd(1, d, n, m, 31));
  a.emit(eorShifted(0, d, n, m, 2));
  a.emit(ldAtomic(0, 3, 3, d, n, m));
  a.emit(bCond(1, OFF));
}

const now = () => Bun.nanoseconds() / 1e9;

export function benchEncode(instructions = 1_600_000, repeats = 5): EncodeResult {
  const rounds = Math.ceil(instructions / 16);
  let words: Uint32Array = new Uint32Array(0);
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = now();
    const a = new Assembler();
    for (let i = 0; i < rounds; i++) round(a, i);
    words = a.finish();
    best = Math.min(best, now() - t0);
  }
  let bestFill = Infinity;
  let sink = 0;
  const out = new Uint32Array(words.length);
  for (let r = 0; r < repeats * 3; r++) {
    const t0 = now();
    for (let i = 0; i < words.length; i++) out[i] = words[i]!;
    sink ^= out[out.length - 1]!;
    bestFill = Math.min(bestFill, now() - t0);
  }
  if (sink === 0.5) console.log(sink); // keep the fill loop observable
  const n = words.length;
  const ours = n / best, fill = n / bestFill;
  return { instructions: n, ours_ips: Math.round(ours), fill_ips: Math.round(fill), ratio: Number((ours / fill).toFixed(4)) };
}
