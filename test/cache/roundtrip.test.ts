/**
 * @file Cache round trip: every field the writer is given comes back from the reader (real blocks
 * of the embedded hello64.exe and hand-made ones), output is byte-identical whatever the block
 * order, duplicate RVAs are dropped deterministically, block relocations inside the cache are
 * linked, the code-page table matches an independent recomputation, and the checksum is the
 * standard CRC-32 (reference values).
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CacheReader, checkCache, configFingerprint, cacheFileName, writeCache, CODE_ALIGN } from "../../src/cache/index.ts";
import { checksum, canonicalConfig } from "../../src/cache/format.ts";
import { RELOC, type TranslatedBlock } from "../../src/arm64/lower/output.ts";
import { sampleBlocks, synthBlock } from "./_blocks.ts";

const dir = mkdtempSync(join(tmpdir(), "aot-cache-rt-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Deterministic shuffle (xorshift). */
function shuffle<T>(xs: T[], seed: number): T[] {
  const a = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const b16 = (v: bigint) => v.toString(16);

describe("cache round trip", () => {
  test("real blocks: header, every block field, relocations, faults, pages", async () => {
    const { image, config, blocks } = await sampleBlocks();
    const path = join(dir, cacheFileName(image, config));
    const w = writeCache(path, image, config, blocks, { buildId: "test-build-1" });
    const c = CacheReader.open(path);
    expect(w.bytes).toBe(readFileSync(path).length);
    expect(w.bytes % CODE_ALIGN).toBe(0);
    expect(c.header.codeOffset % CODE_ALIGN).toBe(0);
    expect(c.header.buildId).toBe("test-build-1");
    expect(c.header.image).toEqual(image);
    expect(c.header.config).toEqual(config);
    expect(c.header.configFingerprint).toBe(configFingerprint(config));
    expect(checkCache(path).findings).toEqual([]);

    const byRva = new Map<number, TranslatedBlock>();
    for (const b of blocks) byRva.set(Number(b.guestStart - image.imageBase), b);
    expect(c.blockCount).toBe(byRva.size);
    const rvas = [...byRva.keys()].sort((a, b) => a - b);
    const code = c.code();
    for (let i = 0; i < c.blockCount; i++) {
      const tb = byRva.get(rvas[i]!)!, cb = c.block(i);
      expect(c.lookup(rvas[i]!)).toBe(i);
      expect({ rva: cb.rva, len: cb.guestLength, hash: cb.guestHash, insns: cb.insnCount, words: cb.codeWords, body: cb.bodyWords, fb: cb.fallback })
        .toEqual({ rva: rvas[i]!, len: tb.guestLength, hash: tb.guestHash, insns: tb.insnCount, words: tb.code.length, body: tb.bodyWords, fb: tb.fallback });
      expect(Array.from(c.faults(i))).toEqual(Array.from(tb.faults));
      // Relocations: same (offset, kind, target); linked sites branch to the target block's first word.
      const want: string[] = [];
      for (let k = 0; k < tb.relocs.length; k += 3) want.push(`${tb.relocs[k + 1]}:${tb.relocs[k]}:${b16(tb.targets[tb.relocs[k + 2]!]! - image.imageBase)}`);
      const got = c.relocs(i).map((r) => `${r.site - cb.codeOffset}:${r.kind}:${b16(r.target)}`);
      expect(got).toEqual(want.sort((a, b) => parseInt(a) - parseInt(b)));
      const linkedSites = new Set<number>();
      for (const r of c.relocs(i)) {
        const t = c.lookup(Number(r.target));
        expect(r.resolved).toBe(t >= 0);
        const w = code[r.site]!, dest = r.site + ((w << 6) >> 6);
        expect(dest).toBe(r.resolved ? c.block(t).codeOffset : r.site + 1);
        linkedSites.add(r.site - cb.codeOffset);
      }
      const words = c.blockCode(i);
      for (let k = 0; k < words.length; k++) if (!linkedSites.has(k)) expect(words[k]).toBe(tb.code[k]!);
    }
    expect(c.lookup(rvas[0]! + 1 === rvas[1] ? 0xfffffff0 : rvas[0]! + 1)).toBe(-1);
    // Code-page table, recomputed: page -> blocks touching it.
    const pages = new Map<number, number[]>();
    rvas.forEach((rva, i) => {
      const len = Math.max(byRva.get(rva)!.guestLength, 1);
      for (let p = rva >>> 12; p <= (rva + len - 1) >>> 12; p++) pages.set(p, [...(pages.get(p) ?? []), i]);
    });
    expect(c.pages()).toEqual([...pages.keys()].sort((a, b) => a - b));
    for (const [p, bs] of pages) expect(c.blocksOnPage(p)).toEqual(bs);
    expect(c.blocksOnPage(0xfffff)).toEqual([]);
  });

  test("byte-identical whatever the block order, duplicates dropped the same way", async () => {
    const { image, config, blocks } = await sampleBlocks();
    // Duplicates of one RVA that differ: the longer guest range wins wherever it arrives.
    const dupA = { ...blocks[5]!, guestLength: blocks[5]!.guestLength + 1, guestHash: 1n };
    const input = [...blocks, dupA, blocks[7]!, blocks[7]!];
    const files: string[] = [];
    for (const seed of [1, 2, 3, 99]) {
      const p = join(dir, `det-${seed}`);
      writeCache(p, image, config, shuffle(input, seed));
      files.push(p);
    }
    const ref = readFileSync(files[0]!);
    for (const f of files.slice(1)) expect(Bun.hash.xxHash64(readFileSync(f))).toBe(Bun.hash.xxHash64(ref));
    const c = CacheReader.open(files[0]!);
    expect(c.block(c.lookup(Number(dupA.guestStart - image.imageBase))).guestHash).toBe(1n);
  });

  test("hand-made blocks: fallbacks, unresolved targets, page-spanning blocks, options", async () => {
    const base = 0x10000000n;
    const image = { name: "Some Long Name.DLL", fileId: 0xfedcba9876543210n, sha256: "ab".repeat(32), size: 123456789, timestamp: 0xdeadbeef, imageBase: base, sizeOfImage: 0x200000 };
    const config = { target: "wow64" as const, memoryOrder: "relaxed" as const, volatileMetadata: true, features: { lse: true, rcpc: true, flagm: false, flagm2: true }, options: { z: "1", a: "x y" } };
    const blocks = [
      synthBlock(base + 0x1ffen, { length: 7, targets: [base + 0x3000n, base - 4n, base + 0x1_0000_0000n], fallback: "cpuid" }),
      synthBlock(base + 0x3000n, { nops: 0, targets: [base + 0x1ffen], fallback: "aaa" }),
      synthBlock(base + 0x5000n, { length: 0x3000, nops: 5 }),
      synthBlock(base + 0x1000n, { nops: 1, fallback: "cpuid" }),
    ];
    const path = join(dir, cacheFileName(image, config));
    expect(cacheFileName(image, config)).toBe(`some long name.dll-fedcba9876543210-${configFingerprint(config).toString(16).padStart(16, "0")}`);
    const w = writeCache(path, image, config, blocks);
    expect(w).toMatchObject({ blocks: 4, resolved: 2, unresolved: 2 });
    const c = CacheReader.open(path);
    expect(checkCache(path).findings).toEqual([]);
    expect(c.header.image).toEqual(image);
    expect(c.header.config).toEqual({ ...config, options: { a: "x y", z: "1" } });
    expect(c.header.buildId).toBe((await import("../../src/cli/_version.ts")).VERSION);
    expect([0, 1, 2, 3].map((i) => c.block(i).fallback)).toEqual(["cpuid", "cpuid", "aaa", ""]);
    expect(c.relocs(1).map((r) => [r.resolved, r.target, r.kind])).toEqual([[true, 0x3000n, RELOC.BLOCK], [false, -4n, RELOC.BLOCK], [false, 0x1_0000_0000n, RELOC.BLOCK]]);
    expect(c.pages()).toEqual([1, 2, 3, 5, 6, 7]);
    expect(c.blocksOnPage(2)).toEqual([1]);
    expect(c.blocksOnPage(1)).toEqual([0, 1]);
    expect(c.floor(0x5100)).toBe(3);
    expect(c.floor(0x10)).toBe(-1);
  });

  test("empty cache, fingerprint canonical, checksum is CRC-32", async () => {
    const { image, config } = await sampleBlocks();
    const p = join(dir, "empty");
    writeCache(p, image, config, []);
    const c = CacheReader.open(p);
    expect(c.blockCount).toBe(0);
    expect(c.lookup(0x1000)).toBe(-1);
    expect(checkCache(p).findings).toEqual([]);
    const a = { ...config, options: { b: "2", a: "1" }, features: { flagm2: false, flagm: false, rcpc: false, lse: true } };
    const b = { ...config, options: { a: "1", b: "2" } };
    expect(canonicalConfig(a)).toBe(canonicalConfig(b));
    expect(configFingerprint(a)).toBe(configFingerprint(b));
    expect(configFingerprint({ ...b, memoryOrder: "relaxed" })).not.toBe(configFingerprint(b));
    expect(configFingerprint({ ...b, features: { ...b.features, flagm: true } })).not.toBe(configFingerprint(b));
    // CRC-32/ISO-HDLC reference values (the CRC catalogue's check value; zlib): "" → 0, "123456789" → cbf43926.
    const pad = new Uint8Array(16);
    expect(checksum(pad)).toBe(0n);
    expect(checksum(new Uint8Array([...pad, ...new TextEncoder().encode("123456789")])).toString(16)).toBe("cbf43926");
  });
});
