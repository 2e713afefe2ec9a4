/**
 * @file The cache checksum in pieces (src/cache/_crc.ts): CRC-32 joined from ranges hashed in any
 * order equals zlib's CRC-32 of the whole range (Bun.hash.crc32, zlib's code: the oracle), and
 * the catalogue's reference values hold. (That the writer's pieces join to the one-pass checksum
 * of the file it wrote is checked by every test that opens a cache: the reader recomputes it.)
 *
 *   bun test test/cache/crc.test.ts
 */
import { describe, expect, test } from "bun:test";
import { PieceCrc, crc32, crc32Combine } from "../../src/cache/_crc.ts";

/** Deterministic pseudo-random bytes and numbers (xorshift32). */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe("CRC-32 in pieces", () => {
  test("reference values (CRC catalogue, CRC-32/ISO-HDLC)", () => {
    const enc = new TextEncoder();
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(enc.encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(enc.encode("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
  });

  test("crc32Combine joins any split, lengths up to 2^33", () => {
    const r = rng(7);
    const data = new Uint8Array(1 << 16).map(() => (r() * 256) | 0);
    for (let k = 0; k < 300; k++) {
      const cut = (r() * data.length) | 0;
      const a = data.subarray(0, cut), b = data.subarray(cut);
      expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(Bun.hash.crc32(data) >>> 0);
    }
    // Zero runs joined from smaller ones: 1000 joins of 64 bytes equal zlib's CRC of 64,000 zeros;
    // 2^33 zeros reached by doubling from 64 bytes (27 joins, lengths past 2^32) equal 2^33 zeros
    // reached by doubling zlib's CRC of 2^20 zeros (13 joins).
    const z = crc32(new Uint8Array(64));
    let bySteps = z;
    for (let k = 1; k < 1000; k++) bySteps = crc32Combine(bySteps, z, 64);
    expect(bySteps).toBe(crc32(new Uint8Array(64 * 1000)));
    const doubled = (crc: number, len: number, times: number) => {
      for (let k = 0; k < times; k++, len *= 2) crc = crc32Combine(crc, crc, len);
      return crc;
    };
    expect(doubled(z, 64, 27)).toBe(doubled(crc32(new Uint8Array(1 << 20)), 1 << 20, 13));
    expect(doubled(z, 64, 14)).toBe(crc32(new Uint8Array(1 << 20)));
  });

  test("ranges hashed in any order, gaps left to total, equal one pass", () => {
    const r = rng(11);
    for (let round = 0; round < 50; round++) {
      const file = new Uint8Array(4096 + ((r() * 200_000) | 0)).map(() => (r() * 256) | 0);
      const from = 16, to = file.length;
      // Cut [from, to) at random points; hash a random subset of the pieces, in shuffled order,
      // some of them as two adjacent calls (the extension path).
      const cuts = [from, to, ...Array.from({ length: 1 + ((r() * 12) | 0) }, () => from + ((r() * (to - from)) | 0))].sort((a, b) => a - b);
      const pieces = cuts.slice(1).map((e, i) => [cuts[i]!, e] as const).filter(([s, e]) => e > s && r() < 0.7);
      for (let i = pieces.length - 1; i > 0; i--) {
        const j = (r() * (i + 1)) | 0;
        [pieces[i], pieces[j]] = [pieces[j]!, pieces[i]!];
      }
      const crc = new PieceCrc(file);
      for (const [s, e] of pieces) {
        const mid = s + ((r() * (e - s)) | 0);
        crc.hash(s, mid);
        crc.hash(mid, e);
      }
      expect(crc.total(from, to)).toBe(Bun.hash.crc32(file.subarray(from, to)) >>> 0);
    }
  });

  test("overlapping ranges are refused", () => {
    const crc = new PieceCrc(new Uint8Array(100));
    crc.hash(10, 50);
    crc.hash(40, 60);
    expect(() => crc.total(0, 100)).toThrow(/overlaps/);
  });
});
