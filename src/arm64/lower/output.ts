/**
 * @file Stage 6 (ARM64 lowering): the value one translated block produces, exactly what the
 * code cache stores (docs/runtime-abi.md §10) and what `aot run` loads.
 *
 *   const tb: TranslatedBlock = translateBlock(...);
 *   tb.code            // host words, position independent
 *   tb.relocs          // [kind, wordOffset, targetIndex] triples
 */

/** Relocation kinds (`relocs[3*i]`). */
export const RELOC = {
  /** A `b` (imm26) at the word offset to retarget at the first word of the block for `targets[index]`. */
  BLOCK: 1,
} as const;

export interface TranslatedBlock {
  /** Guest VA of the first instruction. */
  guestStart: bigint;
  /** Bytes of guest code translated (up to the end of the last instruction). */
  guestLength: number;
  /** FNV-1a 64 over the guest bytes translated (patched or unpacked code is detected by it). */
  guestHash: bigint;
  /** Guest instructions translated (a trailing fallback instruction is not counted). */
  insnCount: number;
  /** Host code, position independent. */
  code: Uint32Array;
  /**
   * Words of the block body: everything before the final exit's stub (flag fix-ups before the
   * exit included), what `aot bench quality` counts as FEX does.
   */
  bodyWords: number;
  /** Relocation triples: kind, word offset in `code`, index into `targets`. */
  relocs: Int32Array;
  /** Guest addresses the relocations refer to. */
  targets: bigint[];
  /** Fault side table (ABI §9). */
  faults: Uint8Array;
  /** Mnemonic of the unhandled instruction that ended the block (a counted fallback), or "". */
  fallback: string;
}

/**
 * FNV-1a 64 of bytes[from, to), in two 32-bit halves (no BigInt per byte: it runs over every
 * translated byte). The prime is 2^40 + 0x1b3, so h * prime = h * 0x1b3 + (h << 40).
 */
export function fnv1a64(bytes: Uint8Array, from = 0, to = bytes.length): bigint {
  let lo = 0x84222325, hi = 0xcbf29ce4;
  for (let i = from; i < to; i++) {
    lo = (lo ^ bytes[i]!) >>> 0;
    const m = lo * 0x1b3;
    const carry = Math.floor(m / 0x1_0000_0000);
    hi = (Math.imul(hi, 0x1b3) + ((lo << 8) >>> 0) + carry) >>> 0;
    lo = m >>> 0;
  }
  return (BigInt(hi) << 32n) | BigInt(lo);
}
