/**
 * @file The flat-chunk writer path (`writeCacheFlat`, what the compile pool uses) against the
 * object form (`writeCache`): the same blocks split into chunks of any size, in order or
 * shuffled, with repeats, give byte-identical caches; `flattenBlocks`/`unflattenBlocks` round-trip.
 *
 *   bun test test/cache/flat.test.ts
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CacheReader, flattenBlocks, unflattenBlocks, writeCache, writeCacheFlat } from "../../src/cache/index.ts";
import type { TranslatedBlock } from "../../src/arm64/lower/output.ts";
import { count } from "../_env.ts";
import { inflate, sampleBlocks, synthBlock } from "./_blocks.ts";

const dir = mkdtempSync(join(tmpdir(), "aot-flat-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s * 1103515245 + 12345) >>> 0;
    return (s >>> 8) % n;
  };
}

function chunked(blocks: TranslatedBlock[], base: bigint, rnd: (n: number) => number) {
  const out = [];
  for (let i = 0; i < blocks.length;) {
    const n = 1 + rnd(200);
    out.push(flattenBlocks(blocks.slice(i, i + n), base));
    i += n;
  }
  return out;
}

describe("writeCacheFlat", () => {
  test("sorted chunks, shuffled chunks and repeats give writeCache's bytes", async () => {
    const { image, config, blocks } = await sampleBlocks();
    const sorted = inflate([...blocks].sort((a, b) => (a.guestStart < b.guestStart ? -1 : 1)), 3, 0x20000n);
    for (let seed = 1; seed <= count(3, 20); seed++) {
      const rnd = rng(seed);
      const input = seed % 2 ? sorted : [...sorted, ...sorted.slice(0, 200)].sort(() => rnd(3) - 1);
      const a = join(dir, `a${seed}`), b = join(dir, `b${seed}`);
      const wa = writeCache(a, image, config, input);
      const wb = writeCacheFlat(b, image, config, chunked(input, image.imageBase, rnd));
      expect(wb).toEqual(wa);
      expect(Buffer.compare(readFileSync(a), readFileSync(b))).toBe(0);
      expect(CacheReader.open(b).blockCount).toBe(wa.blocks);
    }
  }, 600_000);

  test("targets outside the 4 GiB RVA space and unsorted relocations survive flattening", async () => {
    const { image, config } = await sampleBlocks();
    const base = image.imageBase;
    const b = synthBlock(base + 0x1000n, { targets: [base + 0x2000n, base - 8n, base + 0x1_0000_0010n] });
    b.relocs = Int32Array.from([1, 8, 2, 1, 5, 1, 1, 2, 0]);
    const blocks = [b, synthBlock(base + 0x2000n, { fallback: "cpuid" })];
    const back = unflattenBlocks(flattenBlocks(blocks, base), base);
    expect(back.map((x) => ({ ...x, code: [...x.code], relocs: [...x.relocs], faults: [...x.faults] })))
      .toEqual(blocks.map((x) => ({ ...x, code: [...x.code], relocs: [...x.relocs], faults: [...x.faults] })));
    const p = join(dir, "far"), q = join(dir, "far2");
    writeCache(p, image, config, blocks);
    writeCacheFlat(q, image, config, [flattenBlocks(blocks.slice(1), base), flattenBlocks(blocks.slice(0, 1), base)]);
    expect(Buffer.compare(readFileSync(p), readFileSync(q))).toBe(0);
    // Sorted by site: the `b` words sit at 2, 5, 8 (synthBlock's layout), targets indexed 0, 1, 2.
    expect(CacheReader.open(p).relocs(0).map((x) => [x.site, x.target])).toEqual([[2, 0x2000n], [5, -8n], [8, 0x1_0000_0010n]]);
  });
});
