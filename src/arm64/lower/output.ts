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
  /** Relocation triples: kind, word offset in `code`, index into `targets`. */
  relocs: Int32Array;
  /** Guest addresses the relocations refer to. */
  targets: bigint[];
  /** Fault side table (ABI §9). */
  faults: Uint8Array;
  /** Mnemonic of the unhandled instruction that ended the block (a counted fallback), or "". */
  fallback: string;
}

/** FNV-1a 64 of bytes[from, to). */
export function fnv1a64(bytes: Uint8Array, from = 0, to = bytes.length): bigint {
  let h = 0xcbf29ce484222325n;
  for (let i = from; i < to; i++) h = BigInt.asUintN(64, (h ^ BigInt(bytes[i]!)) * 0x100000001b3n);
  return h;
}
