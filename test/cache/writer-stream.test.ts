/**
 * @file The writer's streaming machinery (src/cache/_fs.ts Region, src/cache/_tables.ts): a
 * cache big enough that its tables are populated and handed to early writeback in several units
 * comes out byte-identical whatever the chunking (fine chunks, the compile pool's, one sorted
 * chunk, shuffled with repeats) and equal to the object form's; code-page runs of blocks spanning
 * many pages, with gaps and overlapping spans, match a naive recomputation; early writeback and
 * populating are best effort (a file descriptor sync_file_range refuses, or none at all, throws
 * nothing).
 *
 *   bun test test/cache/writer-stream.test.ts
 */
import { afterAll, describe, expect, test } from "bun:test";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CacheReader, checkCache, flattenBlocks, writeCache, writeCacheFlat } from "../../src/cache/index.ts";
import { Region, prefault, startWriteback } from "../../src/cache/_fs.ts";
import { PieceCrc } from "../../src/cache/_crc.ts";
import { inflate, sampleBlocks, synthBlock } from "./_blocks.ts";

const dir = mkdtempSync(join(tmpdir(), "aot-cache-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("cache writer streaming", () => {
  test("a cache of many writeback units: same bytes for any chunking and order", async () => {
    const { image, config, blocks } = await sampleBlocks();
    const sorted = inflate([...blocks].sort((a, b) => (a.guestStart < b.guestStart ? -1 : 1)), 100, 0x20000n);
    const chunked = (list: typeof sorted, n: number) => {
      const out = [];
      for (let i = 0; i < list.length; i += n) out.push(flattenBlocks(list.slice(i, i + n), image.imageBase));
      return out;
    };
    const ref = join(dir, "ref");
    const w = writeCache(ref, image, config, sorted);
    // More than a few 8 MiB writeback steps in its biggest tables, so Region's early writeback runs.
    expect(w.bytes).toBeGreaterThan(24 << 20);
    const refBytes = readFileSync(ref);
    const shuffled = [...sorted, ...sorted.slice(0, 500)].reverse();
    const inputs = { fine: chunked(sorted, 7), pool: chunked(sorted, 1500), whole: chunked(sorted, sorted.length), shuffled: chunked(shuffled, 999) };
    for (const [name, chunks] of Object.entries(inputs)) {
      const p = join(dir, name);
      expect(writeCacheFlat(p, image, config, chunks)).toEqual(w);
      expect({ name, same: Buffer.compare(readFileSync(p), refBytes) === 0 }).toEqual({ name, same: true });
    }
    expect(CacheReader.open(ref).blockCount).toBe(w.blocks);
  }, 300_000);

  test("code-page runs: long blocks, gaps and overlapping spans, against a naive recomputation", async () => {
    const { image, config } = await sampleBlocks();
    const base = image.imageBase;
    // [rva, length]: one-page blocks, a block over 5 pages, spans that overlap and outlive later
    // blocks, pages only spanning blocks reach, gaps with no blocks, a block ending on a page edge.
    const shape: [number, number][] = [
      [0x1000, 4], [0x1ff0, 0x20], [0x2010, 0x4f00], [0x2100, 8], [0x3000, 0x1800], [0x3ffc, 4], [0x9000, 0x1000],
      [0xa000, 0x3001], [0xb100, 2], [0xd000, 1], [0x20000, 0], [0x20ffe, 0x2004],
    ];
    const blocks = shape.map(([rva, length], k) => synthBlock(base + BigInt(rva), { length, nops: length ? 2 : 0, hash: BigInt(k + 1) }));
    const p = join(dir, "pages");
    writeCacheFlat(p, image, config, [flattenBlocks(blocks.slice(0, 5), base), flattenBlocks(blocks.slice(5), base)]);
    const c = CacheReader.open(p);
    const pages = new Map<number, number[]>();
    shape.forEach(([rva, len], i) => {
      for (let pg = rva >>> 12; pg <= (rva + Math.max(len, 1) - 1) >>> 12; pg++) pages.set(pg, [...(pages.get(pg) ?? []), i]);
    });
    expect(c.pages()).toEqual([...pages.keys()].sort((a, b) => a - b));
    for (const [pg, bs] of pages) expect({ pg, bs: c.blocksOnPage(pg) }).toEqual({ pg, bs });
    expect(checkCache(p).findings).toEqual([]);
  });

  test("early writeback and populating are best effort", () => {
    const file = join(dir, "plain.bin");
    const fd = openSync(file, "w+");
    try {
      // A bad descriptor (EBADF), a negative offset (EINVAL), a range past the end: no throw.
      expect(() => startWriteback(-1, 0, 4096)).not.toThrow();
      expect(() => startWriteback(fd, -4096, 4096)).not.toThrow();
      expect(() => startWriteback(fd, 0, 1 << 30)).not.toThrow();
      // A Region over a buffer that is no file mapping, with a descriptor writeback refuses: still fills.
      const buf = new Uint8Array(24 << 20);
      const crc = new PieceCrc(buf);
      const r = new Region(-1, buf, 4096, buf.length - 100, crc);
      for (let at = 4096; at < buf.length; at += 1 << 20) {
        r.ahead(Math.min(at + (1 << 20), buf.length));
        buf.fill(1, at, Math.min(at + (1 << 20), buf.length));
        r.done(Math.min(at + (1 << 20), buf.length));
      }
      expect(buf[4096]).toBe(1);
      // Its finished bytes were checksummed as they were done: joined with the rest, one pass's value.
      expect(crc.total(0, buf.length)).toBe(Bun.hash.crc32(buf) >>> 0);
      expect(() => prefault(buf, 0, buf.length)).not.toThrow();
    } finally {
      closeSync(fd);
    }
  });
});
