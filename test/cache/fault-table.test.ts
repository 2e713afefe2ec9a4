/**
 * @file `checkCache` on fault side tables written by hand (docs/runtime-abi.md §9, cache format 3):
 * a push or pop pair's two entries for one host word (bit 7 on the first, the second at delta 0
 * and a later guest offset) pass; a repeated host word without bit 7, a pair whose second entry
 * is missing, a second entry at an earlier guest offset or with bit 7 itself are findings.
 * Entries are (ULEB host-word delta, ULEB guest offset, state byte).
 */
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkCache, writeCache } from "../../src/cache/index.ts";
import { sampleBlocks, synthBlock } from "./_blocks.ts";

const dir = mkdtempSync(join(tmpdir(), "aot-cache-faults-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Findings of a one-block cache (2 NOPs, 4 guest bytes) whose fault table is `faults`. */
async function findings(name: string, faults: number[]): Promise<string[]> {
  const { image, config } = await sampleBlocks();
  const b = { ...synthBlock(image.imageBase + 0x1000n, { nops: 2, length: 4 }), faults: Uint8Array.from(faults) };
  const p = join(dir, name);
  writeCache(p, image, config, [b]);
  return checkCache(p).findings;
}

test("a pair's two entries for one host word pass", async () => {
  // word 0: guest 0 (pair, C inverted), guest 2 (its second); word 1: guest 3.
  expect(await findings("pair", [0, 0, 0x81, 0, 2, 0x01, 1, 3, 0])).toEqual([]);
  // The pair at the table's end too.
  expect(await findings("pair-last", [0, 0, 0, 1, 1, 0x80, 0, 3, 0])).toEqual([]);
});

test("a repeated word without bit 7, a missing second entry, a second entry out of order or with bit 7", async () => {
  const one = async (name: string, faults: number[], want: RegExp) => {
    const f = await findings(name, faults);
    expect({ name, n: f.length, ok: want.test(f[0] ?? "") }).toEqual({ name, n: 1, ok: true });
  };
  await one("repeat", [0, 0, 0, 0, 2, 0], /repeats host word 0/);
  await one("missing", [0, 0, 0, 1, 1, 0x80], /ends inside a pair/);
  await one("moved-on", [0, 0, 0x80, 1, 2, 0], /not the second instruction of the pair/);
  await one("earlier", [0, 2, 0x80, 0, 1, 0], /not the second instruction of the pair/);
  await one("double", [0, 0, 0x80, 0, 2, 0x80], /not the second instruction of the pair/);
});
