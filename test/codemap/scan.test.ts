/**
 * @file The streaming code-map reader (src/codemap/scan.ts) against the whole-file one: for maps
 * written by the independent spec writer (test/codemap/_spec.ts), cut at random lengths and read
 * through tiny chunks so records straddle every boundary, `scanCodeMap` gives the same images,
 * record counts, warnings and errors as `codeMapImages(parseCodeMap(...))`, and `encodeScanned`
 * the same bytes as `encodeCodeMap(buildCodeMap(...))`.
 */
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCodeMap, codeMapImages, encodeCodeMap, parseCodeMap } from "../../src/codemap/index.ts";
import { encodeScanned, scanCodeMap, unionBlocks } from "../../src/codemap/scan.ts";
import { count } from "../_env.ts";
import { prng, randomRecs, specEncode } from "./_spec.ts";

const dir = mkdtempSync(join(tmpdir(), "aot-scan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("scanCodeMap = codeMapImages(parseCodeMap) for random, cut maps read in small chunks", () => {
  const rnd = prng(0x5ca9);
  const n = count(60, 600);
  for (let i = 0; i < n; i++) {
    const recs = randomRecs(rnd, 1 + Math.floor(rnd() * 4), Math.floor(rnd() * 300));
    // Shuffled: blocks before their library record (unknown ids), markers between blocks.
    if (rnd() < 0.5) for (let k = recs.length - 1; k > 0; k--) { const j = Math.floor(rnd() * (k + 1)); [recs[k], recs[j]] = [recs[j]!, recs[k]!]; }
    const full = specEncode(recs);
    const bytes = rnd() < 0.5 ? full : full.subarray(0, Math.floor(rnd() * full.length));
    const file = join(dir, `m${i}.bin`);
    writeFileSync(file, bytes);
    let want: ReturnType<typeof parseCodeMap> | Error;
    try {
      want = parseCodeMap(bytes, file);
    } catch (e) {
      want = e as Error;
    }
    const chunk = [16, 40, 100, 4096][i % 4]!;
    if (want instanceof Error) {
      expect(() => scanCodeMap(file, chunk)).toThrow(want.message);
      continue;
    }
    const got = scanCodeMap(file, chunk);
    const images = codeMapImages(want);
    expect([...got.images.keys()].sort()).toEqual([...images.keys()].sort());
    for (const [id, im] of images) {
      const g = got.images.get(id)!;
      expect(g.path).toBe(im.path);
      expect(g.bitness).toBe(im.bitness);
      expect([...g.blocks]).toEqual([...im.blocks].sort((a, b) => a - b));
    }
    const kinds = { block: 0, library: 0, executable: 0 };
    for (const r of want.records) kinds[r.kind]++;
    expect(got.records).toEqual(kinds);
    expect(got.trailingBytes).toBe(want.trailing.length);
    expect(got.warnings).toEqual(want.warnings);
    expect(encodeScanned(got.images.values())).toEqual(encodeCodeMap(buildCodeMap(images.values())));
  }
});

test("unionBlocks merges sorted sets", () => {
  expect([...unionBlocks(new Uint32Array([1, 3, 5]), new Uint32Array([2, 3, 6]))]).toEqual([1, 2, 3, 5, 6]);
  expect([...unionBlocks(new Uint32Array([]), new Uint32Array([7]))]).toEqual([7]);
});
