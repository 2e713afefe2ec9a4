/**
 * @file Test helper: real translated blocks from the embedded hello64.exe sample (entry, exports,
 * .pdata starts, recursive descent), with the image identity and configuration a cache records.
 *
 *   const { image, config, blocks } = await sampleBlocks();
 */
import { parsePe, mapImage } from "../../src/pe/index.ts";
import { discoveredBlocks } from "../../src/compile/images.ts";
import { Translator } from "../../src/compile/translate.ts";
import { BASELINE } from "../../src/arm64/features.ts";
import type { TranslatedBlock } from "../../src/arm64/lower/output.ts";
import { type CacheConfig, type CacheImage } from "../../src/cache/index.ts";
import { fileIdOf } from "../../src/pe/file-id.ts";

export interface Sample { image: CacheImage; config: CacheConfig; blocks: TranslatedBlock[] }

let cached: Sample | undefined;

export async function sampleBlocks(): Promise<Sample> {
  if (cached) return cached;
  const { sampleBytes, sampleName } = await import("../../src/cli/_samples.ts");
  const bytes = await sampleBytes(64), name = sampleName(64);
  const pe = parsePe(bytes, name);
  const img = mapImage(pe);
  const t = new Translator({ mode: 64, lower: { features: BASELINE, memoryOrder: "tso", pic: true, imageBase: img.base } });
  const blocks: TranslatedBlock[] = discoveredBlocks(pe, img).map((b) => t.translate(img.memory, b.rva, b.end, img.base + BigInt(b.rva)));
  const sha256 = new Bun.CryptoHasher("sha256").update(bytes).digest("hex");
  const image: CacheImage = {
    name, fileId: fileIdOf(name, pe.headers.sizeOfImage, pe.headers.timeDateStamp), sha256, size: bytes.length,
    timestamp: pe.headers.timeDateStamp, imageBase: img.base, sizeOfImage: pe.headers.sizeOfImage,
  };
  const config: CacheConfig = { target: "arm64ec", memoryOrder: "tso", volatileMetadata: false, features: { ...BASELINE }, options: {} };
  return (cached = { image, config, blocks });
}

const NOP = 0xd503201f, B_NEXT = 0x14000001, LDR_DISPATCH = 0xf9408191, BR_X17 = 0xd61f0220;

/**
 * A hand-made block at `va`: `nops` NOPs (each a fault-table entry), then one exit stub per
 * target (`b next` with a BLOCK relocation; ldr x17, [x12, #0x100]; br x17). Every word decodes.
 */
export function synthBlock(va: bigint, opts: { length?: number; nops?: number; targets?: bigint[]; fallback?: string; hash?: bigint } = {}): TranslatedBlock {
  const nops = opts.nops ?? 2, targets = opts.targets ?? [];
  const code: number[] = [];
  for (let i = 0; i < nops; i++) code.push(NOP);
  const relocs: number[] = [], faults: number[] = [];
  for (let i = 0; i < nops; i++) faults.push(i === 0 ? 0 : 1, Math.min(i, (opts.length ?? 4) - 1), i & 1);
  targets.forEach((_, i) => {
    relocs.push(1, code.length, i);
    code.push(B_NEXT, LDR_DISPATCH, BR_X17);
  });
  if (!targets.length) code.push(LDR_DISPATCH, BR_X17);
  return {
    guestStart: va, guestLength: opts.length ?? 4, guestHash: opts.hash ?? BigInt.asUintN(64, va * 0x9e3779b97f4a7c15n),
    insnCount: Math.max(1, (opts.length ?? 4) >> 1), code: Uint32Array.from(code), bodyWords: nops,
    relocs: Int32Array.from(relocs), targets, faults: Uint8Array.from(faults), fallback: opts.fallback ?? "",
  };
}

/** `copies` copies of `blocks`, copy k shifted by k * stride bytes (targets too): a large realistic cache. */
export function inflate(blocks: TranslatedBlock[], copies: number, stride: bigint): TranslatedBlock[] {
  const out: TranslatedBlock[] = [];
  for (let k = 0n; k < BigInt(copies); k++) {
    for (const b of blocks) out.push({ ...b, guestStart: b.guestStart + k * stride, targets: b.targets.map((t) => t + k * stride) });
  }
  return out;
}
