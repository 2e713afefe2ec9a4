/**
 * @file Cache fuzzing: mutated caches (a flipped byte anywhere, a truncation anywhere, an
 * extension, and mutations with the checksum recomputed so only the structural checks stand
 * between the bytes and the reader) give findings from `checkCache` and at most an InputError
 * from `CacheReader`, never a crash; a cache the reader accepts answers every accessor.
 * Full tier: 10,000 mutated caches (`count(300, 10000)`), a twentieth of them through files.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CacheReader, checkBytes, checkCache, writeCache } from "../../src/cache/index.ts";
import { H, checksum } from "../../src/cache/format.ts";
import { InputError } from "../../src/util/errors.ts";
import { count } from "../_env.ts";
import { sampleBlocks, synthBlock } from "./_blocks.ts";

const dir = mkdtempSync(join(tmpdir(), "aot-cache-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let seed = 0x2545f491;
const rnd = (n: number): number => {
  seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
  return seed % n;
};

/** Exercise every accessor of an accepted cache: hostile-but-consistent bytes must not throw. */
function touch(c: CacheReader): void {
  for (let i = 0; i < c.blockCount; i++) {
    const b = c.block(i);
    c.blockCode(i); c.faults(i); c.relocs(i);
    c.lookup(b.rva); c.floor(b.rva);
  }
  for (const p of c.pages()) c.blocksOnPage(p);
  c.code();
}

/** Open `bytes` as the reader would; returns "ok", or the InputError kind. Anything else fails the test. */
function open(bytes: Uint8Array, opts: { checksum: boolean }): string {
  try {
    touch(CacheReader.fromBytes(bytes, "fuzz", opts));
    return "ok";
  } catch (e) {
    if (!(e instanceof InputError)) throw new Error(`reader threw ${(e as Error).name}: ${(e as Error).message}`);
    expect(e.message).not.toContain("\n");
    return e.kind;
  }
}

async function bases(): Promise<Uint8Array[]> {
  const { image, config, blocks } = await sampleBlocks();
  const small = Array.from({ length: 40 }, (_, i) =>
    synthBlock(image.imageBase + 0x1000n + BigInt(i) * 0x180n, { length: 1 + (i % 9) * 50, nops: i % 4, targets: i % 3 ? [image.imageBase + 0x1000n + BigInt((i * 7) % 40) * 0x180n, 0x1234n] : [], fallback: i % 5 ? "" : `m${i % 3}` }));
  const a = join(dir, "small"), b = join(dir, "real");
  writeCache(a, image, config, small);
  writeCache(b, image, config, blocks.slice(0, 300));
  return [new Uint8Array(readFileSync(a)), new Uint8Array(readFileSync(b))];
}

describe("cache fuzz", () => {
  const N = count(300, 10000);
  test(`${N} mutated caches: findings, InputError only`, async () => {
    const [small, real] = await bases();
    for (const b of [small!, real!]) {
      expect(checkBytes(b).findings).toEqual([]);
      expect(open(b, { checksum: true })).toBe("ok");
    }
    const stats = { flip: 0, truncate: 0, extend: 0, resealed: 0, resealedAccepted: 0, viaFile: 0 };
    for (let n = 0; n < N; n++) {
      const base = n % 4 === 3 ? real! : small!;
      const kind = n % 10 < 5 ? "flip" : n % 10 < 8 ? "truncate" : n % 10 < 9 ? "extend" : "resealed";
      let m: Uint8Array;
      if (kind === "truncate") {
        m = base.slice(0, rnd(base.length));
      } else if (kind === "extend") {
        m = new Uint8Array(base.length + 1 + rnd(20000));
        m.set(base);
      } else {
        m = base.slice();
        // Flip one byte anywhere; resealed cases flip 1–4 bytes in the header and tables, then recompute the checksum.
        const flips = kind === "flip" ? 1 : 1 + rnd(4);
        const span = kind === "flip" ? m.length : Math.min(m.length, base === small ? 6000 : 60000);
        for (let k = 0; k < flips; k++) m[rnd(span)]! ^= 1 + rnd(255);
        if (kind === "resealed") new DataView(m.buffer).setBigUint64(H.CHECKSUM, checksum(m), true);
      }
      stats[kind]++;
      const aligned = m.byteOffset % 8 === 0 ? m : m.slice();
      const found = checkBytes(aligned).findings;
      const r = open(aligned, { checksum: true });
      const rNoSum = open(aligned, { checksum: false });
      if (kind !== "resealed") {
        if (found.length === 0) throw new Error(`${kind} case ${n}: no finding`);
        expect(r).not.toBe("ok");
      } else {
        // Structural checks alone: a resealed mutation may be harmless (a hash, a guest length), but
        // what the reader accepts, checkCache must accept too, modulo code-level findings.
        if (r === "ok") stats.resealedAccepted++;
        if (r !== "ok") expect(found.length).toBeGreaterThan(0);
      }
      expect(["ok", r].includes(rNoSum) || rNoSum !== "ok").toBe(true);
      if (n % 20 === 0) {
        const p = join(dir, `m${n % 7}`);
        writeFileSync(p, m);
        const viaFile = checkCache(p).findings;
        expect(viaFile.length > 0).toBe(found.length > 0);
        if (m.length > 0) expect(["ok", r]).toContain(openPath(p));
        stats.viaFile++;
      }
    }
    console.log(`cache fuzz: ${N} mutated caches`, stats);
  }, 600_000);
});

function openPath(p: string): string {
  try {
    touch(CacheReader.open(p));
    return "ok";
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.kind;
  }
}
