/**
 * @file Stage 10 (runtime): the register-writing runtime helpers `rdrand`, `rdseed` and `rdpid`
 * (docs/runtime-abi.md §5): what value each writes, how it lands in an x86 register of the
 * instruction's width, and the flags RDRAND/RDSEED leave. `aot run` (run.ts) decodes the
 * instruction at x16, calls these and continues after it; any other runtime does the same.
 *
 * - RDRAND and RDSEED write a value from the host's cryptographic generator
 *   (`crypto.getRandomValues`, which the OS seeds from its entropy pool; good enough for RDSEED's
 *   "full entropy" too) and always succeed: CF = 1, OF SF ZF AF PF = 0 (SDM Vol. 2B).
 * - RDPID writes IA32_TSC_AUX, which the OS sets to the processor number: `aot run` has one
 *   virtual processor and writes 0.
 *
 *   writeGpr(0xffff_ffff_ffff_ffffn, 0x1234n, 16)  // 0xffff_ffff_ffff_1234n (AX merges)
 *   randomFlags(0x8d5)                             // 0x1 (CF alone of the six)
 */
import { SYM } from "../ir/state.ts";

/** EFLAGS bits RDRAND/RDSEED clear: OF SF ZF AF PF. */
const CLEARED = 0x800 | 0x80 | 0x40 | 0x10 | 0x4;
/** CF. */
const CF = 0x1;

/** The value helper `sym` (SYM.rdrand, rdseed or rdpid) writes, `bits` wide. */
export function helperValue(sym: number, bits: 16 | 32 | 64): bigint {
  if (sym === SYM.rdpid) return 0n;
  const w = new BigUint64Array(1);
  crypto.getRandomValues(w);
  return BigInt.asUintN(bits, w[0]!);
}

/** EFLAGS after RDRAND/RDSEED succeed (CF = 1, OF SF ZF AF PF = 0, the rest kept). */
export function randomFlags(eflags: number): number {
  return ((eflags & ~CLEARED) | CF) >>> 0;
}

/** A 64-bit register after an x86 write of `v` in `bits`: 16 merges into the low word, 32 zero-extends. */
export function writeGpr(old: bigint, v: bigint, bits: 16 | 32 | 64): bigint {
  if (bits === 16) return (old & ~0xffffn) | (v & 0xffffn);
  return BigInt.asUintN(bits, v);
}
