/**
 * @file Shared by the cache-verifier tests: writes a real cache for a PE (static discovery from its
 * declared entry points, every block translated position independent, written by src/cache's
 * writer), so the tests do not depend on `aot compile`.
 */
import { join } from "node:path";
import { loadPeFileSync, mapImage } from "../../src/pe/index.ts";
import { Decoder, Insn, R, discover } from "../../src/x86/index.ts";
import { Translator } from "../../src/compile/translate.ts";
import { BASELINE } from "../../src/arm64/index.ts";
import { writeCache } from "../../src/cache/writer.ts";
import { cacheFileName } from "../../src/cache/format.ts";
import { expectedConfig, imageIdentity } from "../../src/verify/cache-verify.ts";
import type { TranslatedBlock } from "../../src/arm64/lower/output.ts";

/** Keeps a translated block in the cache, given the mapped image and the block's RVA. */
export type BlockFilter = (mem: Uint8Array, rva: number, tb: TranslatedBlock) => boolean;

/** A filter keeping the blocks (without a fallback) whose translated instructions name an XMM register. */
export function xmmBlocks(mode: 32 | 64): BlockFilter {
  const dec = new Decoder(mode), insn = new Insn();
  return (mem, rva, tb) => {
    if (tb.fallback) return false;
    for (let i = 0, off = rva; i < tb.insnCount; i++) {
      const len = dec.decode(mem, off, mem.length, off, insn);
      if (!len) return false;
      for (let k = 0; k < insn.opCount; k++) if (insn.reg[k]! >= R.XMM && insn.reg[k]! < R.XMM + 16) return true;
      off += len;
    }
    return false;
  };
}

/**
 * Translate up to `maxBlocks` discovered blocks of `pePath` (or exactly the blocks at `rvas`), of
 * those the ones `keep` accepts, and write their cache into `dir`; returns its path.
 */
export function buildCache(pePath: string, dir: string, maxBlocks = 2000, rvas?: number[], keep?: BlockFilter): string {
  const pe = loadPeFileSync(pePath);
  const img = mapImage(pe);
  const mode = pe.is64 ? 64 : 32;
  const ranges = img.executableRanges.map((r) => ({ va: Number(r.start), bytes: img.read(r.start, Number(r.end - r.start)) }));
  const entries = new Set<number>([Number(img.base) + pe.entryRva]);
  for (const e of pe.exports) if (!e.forwarder && e.rva !== undefined && img.isExecutable(img.base + BigInt(e.rva))) entries.add(Number(img.base) + e.rva);
  for (const rva of pe.functionStarts) entries.add(Number(img.base) + rva);
  const found = discover(ranges, [...entries], mode);
  const t = new Translator({ mode, lower: { features: BASELINE, memoryOrder: "tso", pic: true, imageBase: img.base } });
  const tbs: TranslatedBlock[] = [];
  const vas = rvas ? rvas.map((r) => Number(img.base) + r) : [...found.blocks.keys()].sort((a, b) => a - b);
  for (const va of vas) {
    if (!rvas && tbs.length >= maxBlocks) break;
    const r = img.executableRanges.find((x) => BigInt(va) >= x.start && BigInt(va) < x.end);
    if (!r) continue;
    const off = va - Number(img.base);
    const tb = t.translate(img.memory, off, Number(r.end - img.base), BigInt(va));
    if (!keep || keep(img.memory, off, tb)) tbs.push(tb);
  }
  const image = imageIdentity(pePath, pe);
  const config = expectedConfig(pe.is64 ? "arm64ec" : "wow64");
  const path = join(dir, cacheFileName(image, config));
  writeCache(path, image, config, tbs);
  return path;
}
