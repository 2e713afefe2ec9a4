/**
 * @file Stage 8 (compiler), internal: the messages between the compile pool (pool.ts) and its
 * workers (translate.worker.ts), and the packing of translated blocks into a few transferable
 * typed arrays (no structured clone of thousands of small objects).
 *
 * A worker gets a file path and block RVAs, never image bytes: it loads and maps the image itself
 * (and checks it is the one the main thread identified: FileId, size, timestamp) and keeps the
 * last few mapped images. `discover` answers the blocks to compile (code-map blocks checked, or
 * static discovery); `translate` answers a chunk of translated blocks; `write` gets an image's
 * chunks back and writes its cache.
 *
 *   const packed = packBlocks(blocks);               // in the worker
 *   postMessage(packed, transferList(packed));
 *   const blocks = unpackBlocks(packed, imageBase);  // in the main thread: views, no copies
 */
import type { TranslatedBlock } from "../arm64/lower/output.ts";
import type { CacheConfig, CacheImage } from "../cache/format.ts";
import type { WriteResult } from "../cache/writer.ts";

/** What a worker needs to open an image and translate it the way the main thread configured. */
export interface ImageRef {
  path: string;
  /** Identity the worker checks after loading (the file may have changed since). */
  fileId: bigint;
  mode: 32 | 64;
  memoryOrder: "tso" | "relaxed";
}

export interface DiscoverJob {
  kind: "discover";
  id: number;
  image: ImageRef;
  /** RVAs a code map recorded (each compiled or rejected with its reason). */
  mapped?: Uint32Array;
  /** Add the blocks found by static discovery (entry, exports, TLS callbacks, .pdata, descent). */
  discover: boolean;
}

export interface TranslateJob {
  kind: "translate";
  id: number;
  image: ImageRef;
  /** Block RVAs, ascending. */
  rvas: Uint32Array;
}

/** Write one image's cache from its translated chunks (the writer runs in a worker so the main thread stays idle). */
export interface WriteJob {
  kind: "write";
  id: number;
  path: string;
  image: CacheImage;
  config: CacheConfig;
  buildId?: string;
  chunks: PackedBlocks[];
}

export type Job = DiscoverJob | TranslateJob | WriteJob;


export interface DiscoverResult {
  kind: "discover";
  id: number;
  /** Block RVAs to translate, ascending and unique. */
  rvas: Uint32Array;
  rejected: { rva: number; reason: string }[];
  entries: number;
  rss: number;
}

/** Per-block fields in `PackedBlocks.meta` (u32 each). */
export const META = 9;

/** A chunk of translated blocks in flat arrays (ABI §10 fields, concatenated). */
export interface PackedBlocks {
  kind: "translate";
  id: number;
  /** Per block: rva, guestLength, insnCount, codeWords, bodyWords, relocInts, targets, faultBytes, fallback index + 1 (0 = none). */
  meta: Uint32Array;
  hashes: BigUint64Array;
  code: Uint32Array;
  relocs: Int32Array;
  targets: BigUint64Array;
  faults: Uint8Array;
  /** Fallback mnemonics referred to by `meta`. */
  names: string[];
  rss: number;
}

export interface WrittenResult extends WriteResult {
  kind: "written";
  id: number;
  rss: number;
}

export interface ErrorResult {
  kind: "error";
  id: number;
  /** One line (an InputError's message, or a bug's). */
  message: string;
  /** An InputError's file, detail and kind (absent for a bug). */
  input?: { file: string; detail: string; kind: string };
}

export type Result = DiscoverResult | PackedBlocks | WrittenResult | ErrorResult;

export function packBlocks(id: number, blocks: TranslatedBlock[], imageBase: bigint): PackedBlocks {
  let code = 0, relocs = 0, targets = 0, faults = 0;
  for (const b of blocks) {
    code += b.code.length;
    relocs += b.relocs.length;
    targets += b.targets.length;
    faults += b.faults.length;
  }
  const p: PackedBlocks = {
    kind: "translate",
    id,
    meta: new Uint32Array(blocks.length * META),
    hashes: new BigUint64Array(blocks.length),
    code: new Uint32Array(code),
    relocs: new Int32Array(relocs),
    targets: new BigUint64Array(targets),
    faults: new Uint8Array(faults),
    names: [],
    rss: process.memoryUsage().rss,
  };
  const nameIx = new Map<string, number>();
  code = relocs = targets = faults = 0;
  blocks.forEach((b, i) => {
    let fb = 0;
    if (b.fallback) {
      if (!nameIx.has(b.fallback)) nameIx.set(b.fallback, p.names.push(b.fallback));
      fb = nameIx.get(b.fallback)!;
    }
    p.meta.set([Number(b.guestStart - imageBase), b.guestLength, b.insnCount, b.code.length, b.bodyWords, b.relocs.length, b.targets.length, b.faults.length, fb], i * META);
    p.hashes[i] = b.guestHash;
    p.code.set(b.code, code);
    p.relocs.set(b.relocs, relocs);
    p.targets.set(b.targets, targets);
    p.faults.set(b.faults, faults);
    code += b.code.length;
    relocs += b.relocs.length;
    targets += b.targets.length;
    faults += b.faults.length;
  });
  return p;
}

export const transferList = (p: PackedBlocks): ArrayBuffer[] =>
  [p.meta, p.hashes, p.code, p.relocs, p.targets, p.faults].map((a) => a.buffer as ArrayBuffer);

/** The blocks of a packed chunk as TranslatedBlocks whose arrays are views into the chunk's buffers. */
export function unpackBlocks(p: PackedBlocks, imageBase: bigint): TranslatedBlock[] {
  const out: TranslatedBlock[] = [];
  let code = 0, relocs = 0, targets = 0, faults = 0;
  for (let i = 0; i < p.hashes.length; i++) {
    const m = p.meta.subarray(i * META, i * META + META);
    const [rva, guestLength, insnCount, nCode, bodyWords, nRel, nTgt, nFault, fb] = m as unknown as number[];
    out.push({
      guestStart: imageBase + BigInt(rva!),
      guestLength: guestLength!,
      guestHash: p.hashes[i]!,
      insnCount: insnCount!,
      code: p.code.subarray(code, code + nCode!),
      bodyWords: bodyWords!,
      relocs: p.relocs.subarray(relocs, relocs + nRel!),
      targets: [...p.targets.subarray(targets, targets + nTgt!)],
      faults: p.faults.subarray(faults, faults + nFault!),
      fallback: fb ? p.names[fb - 1]! : "",
    });
    code += nCode!;
    relocs += nRel!;
    targets += nTgt!;
    faults += nFault!;
  }
  return out;
}
