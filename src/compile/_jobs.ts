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
 *   const packed = packBlocks(id, blocks, imageBase);   // in the worker
 *   postMessage(packed, transferList(packed));
 *   writeCacheFlat(path, image, config, chunks);         // the write job: the chunks as they came
 */
import type { HostFeatures } from "../arm64/features.ts";
import type { TranslatedBlock } from "../arm64/lower/output.ts";
import { flattenBlocks, type FlatBlocks } from "../cache/blocks.ts";
import type { CacheConfig, CacheImage } from "../cache/format.ts";
import type { WriteResult } from "../cache/writer.ts";

/** What a worker needs to open an image and translate it the way the main thread configured. */
export interface ImageRef {
  path: string;
  /** Identity the worker checks after loading (the file may have changed since). */
  fileId: bigint;
  mode: 32 | 64;
  memoryOrder: "tso" | "relaxed";
  /** Apply the image's volatile metadata (config.ts; the cache's configuration records it). */
  volatileMetadata: boolean;
  /** Host features the code may assume (the cache's configuration records them). */
  features: HostFeatures;
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

/** Write one image's cache from its translated chunks (on the main thread: pool.ts). */
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

/** A chunk of translated blocks in flat, transferable arrays (src/cache/blocks.ts), as the writer takes them. */
export interface PackedBlocks extends FlatBlocks {
  kind: "translate";
  id: number;
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
  return { kind: "translate", id, ...flattenBlocks(blocks, imageBase), rss: process.memoryUsage().rss };
}

export const transferList = (p: PackedBlocks): ArrayBuffer[] =>
  [p.meta, p.hashes, p.code, p.relocs, p.targets, p.faults].map((a) => a.buffer as ArrayBuffer);
