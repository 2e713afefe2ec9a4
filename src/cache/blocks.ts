/**
 * @file Stage 9 (code cache): `FlatBlocks`, translated blocks (ABI §10) in a few flat typed arrays,
 * the form the cache writer serialises with bulk copies and the compile pool transfers between
 * threads (no structured clone of small objects, no BigInt per block).
 *
 * On entry to {@link flattenBlocks}: `TranslatedBlock`s of one image (any order); on exit: one
 * chunk whose per-block fields are `FLAT_META` u32 words each, guest hashes and relocation targets
 * as two u32 halves (lo, hi), targets already relative to the image base (target − base, as a
 * 64-bit two's complement: exactly the RELOCS table's field), and every block's code, relocation
 * ints and fault bytes concatenated in block order.
 *
 *   const chunk = flattenBlocks(blocks, image.imageBase, path);
 *   writeCacheFlat(path, image, config, [chunk]);
 *   chunk.meta[i * FLAT_META + F.RVA];   // block i's guest RVA
 */
import type { TranslatedBlock } from "../arm64/lower/output.ts";
import { InputError } from "../util/errors.ts";
import { hex } from "./format.ts";

/** Per-block fields of `FlatBlocks.meta` (u32 word index within a block's FLAT_META words). */
export const F = {
  RVA: 0,
  GUEST_LENGTH: 1,
  INSNS: 2,
  /** Counts of this block's entries in `code`, `relocs` (ints: 3 per relocation), `targets` (pairs), `faults`. */
  CODE_WORDS: 3,
  BODY_WORDS: 4,
  RELOC_INTS: 5,
  TARGETS: 6,
  FAULT_BYTES: 7,
  /** Index into `names` + 1; 0 = no fallback. */
  FALLBACK: 8,
} as const;
export const FLAT_META = 9;

export interface FlatBlocks {
  /** FLAT_META words per block (F.*). */
  meta: Uint32Array;
  /** Guest bytes hash (FNV-1a 64) of each block: lo, hi. */
  hashes: Uint32Array;
  code: Uint32Array;
  /** Triples (kind, word offset, target index into the block's own targets). */
  relocs: Int32Array;
  /** Per target: (target VA − image base) mod 2^64 as lo, hi. */
  targets: Uint32Array;
  faults: Uint8Array;
  /** Fallback mnemonics `meta` refers to. */
  names: string[];
}

/** Number of blocks in a chunk. */
export const flatCount = (f: FlatBlocks): number => (f.meta.length / FLAT_META) | 0;

/**
 * Flatten `blocks` (translated for an image based at `imageBase`). A block outside the image's
 * 4 GiB RVA space throws InputError naming `path` (the cache could not hold it).
 */
export function flattenBlocks(blocks: readonly TranslatedBlock[], imageBase: bigint, path = "(blocks)"): FlatBlocks {
  let code = 0, relocs = 0, targets = 0, faults = 0;
  for (const b of blocks) {
    code += b.code.length;
    relocs += b.relocs.length;
    targets += b.targets.length;
    faults += b.faults.length;
  }
  const n = blocks.length;
  const f: FlatBlocks = {
    meta: new Uint32Array(n * FLAT_META), hashes: new Uint32Array(n * 2), code: new Uint32Array(code), relocs: new Int32Array(relocs),
    targets: new Uint32Array(targets * 2), faults: new Uint8Array(faults), names: [],
  };
  const nameIx = new Map<string, number>();
  const base = Number(imageBase), baseExact = imageBase < 2n ** 53n;
  code = relocs = targets = faults = 0;
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    // One BigInt conversion, then number arithmetic (exact below 2^53; anything else takes the BigInt path).
    const va = Number(b.guestStart);
    const rva = baseExact && va < 2 ** 53 && va >= 0 ? va - base : Number(b.guestStart - imageBase);
    if (!(rva >= 0 && rva <= 0xffffffff) || !(b.guestLength >= 0) || rva + b.guestLength > 0x1_0000_0000) {
      throw new InputError(path, `block at ${hex(b.guestStart)} lies outside the image based at ${hex(imageBase)}`, "block-range");
    }
    let fb = 0;
    if (b.fallback) {
      fb = nameIx.get(b.fallback) ?? 0;
      if (!fb) nameIx.set(b.fallback, (fb = f.names.push(b.fallback)));
    }
    const m = i * FLAT_META;
    f.meta[m + F.RVA] = rva;
    f.meta[m + F.GUEST_LENGTH] = b.guestLength;
    f.meta[m + F.INSNS] = b.insnCount;
    f.meta[m + F.CODE_WORDS] = b.code.length;
    f.meta[m + F.BODY_WORDS] = b.bodyWords;
    f.meta[m + F.RELOC_INTS] = b.relocs.length;
    f.meta[m + F.TARGETS] = b.targets.length;
    f.meta[m + F.FAULT_BYTES] = b.faults.length;
    f.meta[m + F.FALLBACK] = fb;
    const h = BigInt.asUintN(64, b.guestHash);
    f.hashes[2 * i] = Number(h & 0xffffffffn);
    f.hashes[2 * i + 1] = Number(h >> 32n);
    f.code.set(b.code, code);
    f.relocs.set(b.relocs, relocs);
    for (const t of b.targets) {
      const tn = Number(t);
      const rel = baseExact && tn >= 0 && tn < 2 ** 53 ? tn - base : NaN;
      if (rel >= 0 && rel <= 0xffffffff) {
        f.targets[2 * targets] = rel;
        f.targets[2 * targets + 1] = 0;
      } else {
        const r = BigInt.asUintN(64, t - imageBase);
        f.targets[2 * targets] = Number(r & 0xffffffffn);
        f.targets[2 * targets + 1] = Number(r >> 32n);
      }
      targets++;
    }
    f.faults.set(b.faults, faults);
    code += b.code.length;
    relocs += b.relocs.length;
    faults += b.faults.length;
  }
  return f;
}

/** The blocks of a chunk as TranslatedBlocks (arrays are views into the chunk's buffers, except `targets`). */
export function unflattenBlocks(f: FlatBlocks, imageBase: bigint): TranslatedBlock[] {
  const out: TranslatedBlock[] = [];
  let code = 0, relocs = 0, targets = 0, faults = 0;
  for (let i = 0; i < flatCount(f); i++) {
    const m = i * FLAT_META, meta = f.meta;
    const nCode = meta[m + F.CODE_WORDS]!, nRel = meta[m + F.RELOC_INTS]!, nTgt = meta[m + F.TARGETS]!, nFault = meta[m + F.FAULT_BYTES]!, fb = meta[m + F.FALLBACK]!;
    const tg: bigint[] = [];
    for (let k = targets; k < targets + nTgt; k++) tg.push(BigInt.asUintN(64, imageBase + BigInt.asIntN(64, (BigInt(f.targets[2 * k + 1]!) << 32n) | BigInt(f.targets[2 * k]!))));
    out.push({
      guestStart: imageBase + BigInt(meta[m + F.RVA]!),
      guestLength: meta[m + F.GUEST_LENGTH]!,
      guestHash: (BigInt(f.hashes[2 * i + 1]!) << 32n) | BigInt(f.hashes[2 * i]!),
      insnCount: meta[m + F.INSNS]!,
      code: f.code.subarray(code, code + nCode),
      bodyWords: meta[m + F.BODY_WORDS]!,
      relocs: f.relocs.subarray(relocs, relocs + nRel),
      targets: tg,
      faults: f.faults.subarray(faults, faults + nFault),
      fallback: fb ? f.names[fb - 1]! : "",
    });
    code += nCode;
    relocs += nRel;
    targets += nTgt;
    faults += nFault;
  }
  return out;
}
