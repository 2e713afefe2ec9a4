/**
 * @file Test helper: real translated blocks from the embedded hello64.exe sample (entry, exports,
 * .pdata starts, recursive descent), with the image identity and configuration a cache records.
 *
 *   const { image, config, blocks } = await sampleBlocks();
 */
import { parsePe, mapImage } from "../../src/pe/index.ts";
import { discover } from "../../src/x86/index.ts";
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
  const base = Number(img.base);
  const ranges = img.executableRanges.map((r) => ({ va: Number(r.start), bytes: img.memory.subarray(Number(r.start) - base, Number(r.end) - base) }));
  const entries = new Set<number>();
  if (pe.entryRva) entries.add(base + pe.entryRva);
  for (const e of pe.exports) if (e.rva && !e.forwarder) entries.add(base + e.rva);
  for (const rva of pe.functionStarts) entries.add(base + rva);
  const d = discover(ranges, [...entries], 64);
  const t = new Translator({ mode: 64, lower: { features: BASELINE, memoryOrder: "tso", pic: true, imageBase: img.base } });
  const blocks: TranslatedBlock[] = [];
  for (const b of d.blocks.values()) {
    const r = img.executableRanges.find((x) => BigInt(b.start) >= x.start && BigInt(b.start) < x.end)!;
    blocks.push(t.translate(img.memory, b.start - base, Number(r.end) - base, BigInt(b.start)));
  }
  const sha256 = new Bun.CryptoHasher("sha256").update(bytes).digest("hex");
  const image: CacheImage = {
    name, fileId: fileIdOf(name, pe.headers.sizeOfImage, pe.headers.timeDateStamp), sha256, size: bytes.length,
    timestamp: pe.headers.timeDateStamp, imageBase: img.base, sizeOfImage: pe.headers.sizeOfImage,
  };
  const config: CacheConfig = { target: "arm64ec", memoryOrder: "tso", volatileMetadata: false, features: { ...BASELINE }, options: {} };
  return (cached = { image, config, blocks });
}
