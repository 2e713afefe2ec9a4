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
import { encodeScanned, formatBlocksBytes, scanCodeMap, unionBlocks } from "../../src/codemap/scan.ts";
import { count } from "../_env.ts";
import { prng, randomRecs, specEncode, type SpecRec } from "./_spec.ts";

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
}, 600_000);

test("unionBlocks merges sorted sets", () => {
  expect([...unionBlocks(new Uint32Array([1, 3, 5]), new Uint32Array([2, 3, 6]))]).toEqual([1, 2, 3, 5, 6]);
  expect([...unionBlocks(new Uint32Array([]), new Uint32Array([7]))]).toEqual([7]);
});

test("FileIds that share a low or high half stay distinct (known and unknown alike)", () => {
  const A = 0x0000000100000005n;
  const B = 0x0000000200000005n; // same low half as A
  const C = 0x0000000100000006n; // same high half as A
  const recs: SpecRec[] = [
    { t: "blk", id: B, off: 1 }, { t: "blk", id: C, off: 2 }, { t: "blk", id: B, off: 3 }, { t: "blk", id: 0x0000000300000005n, off: 4 },
    { t: "lib", id: A, path: "/a" }, { t: "lib", id: C, path: "/c" },
    { t: "blk", id: A, off: 10 }, { t: "blk", id: B, off: 11 }, { t: "blk", id: C, off: 12 }, { t: "blk", id: A, off: 9 },
  ];
  const bytes = specEncode(recs);
  const file = join(dir, "halves.bin");
  writeFileSync(file, bytes);
  const want = parseCodeMap(bytes, file);
  const got = scanCodeMap(file, 16);
  expect(got.warnings).toEqual(want.warnings);
  expect(got.warnings[0]).toContain("5 block(s) of 3 unknown file id(s)");
  expect([...got.images.get(A)!.blocks]).toEqual([9, 10]);
  expect([...got.images.get(C)!.blocks]).toEqual([12]);
  expect(got.images.has(B)).toBe(false);
});

test("formatBlocksBytes writes what toString(16) does, across slices and into a reused buffer", () => {
  const blocks = new Uint32Array([0, 1, 0xf, 0x10, 0xffff, 0x10000, 0x1ffff, 0xabcdef, 0x7fffffff, 0xffffffff]);
  const want = (xs: Uint32Array, pre: string, sep: string): string => Array.from(xs, (v) => `${pre}0x${v.toString(16)}`).join(sep);
  const into = new Uint8Array(4096);
  const a = new TextDecoder().decode(formatBlocksBytes(blocks.subarray(0, 4), '    "', '",\n', { into }).slice());
  const b = new TextDecoder().decode(formatBlocksBytes(blocks.subarray(4), '    "', '",\n', { continued: true, into }));
  expect(a + b).toBe(want(blocks, '    "', '",\n'));
  expect(new TextDecoder().decode(formatBlocksBytes(blocks, "", " "))).toBe(want(blocks, "", " "));
});
