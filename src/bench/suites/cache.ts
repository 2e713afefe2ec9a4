/**
 * @file Cache writing and reading speed (stage 11 bench, `aot bench cache`): a realistic cache of
 * about 50 MB of code (the embedded hello64.exe's translated blocks, repeated at shifted RVAs so
 * every copy links within itself) written by `writeCacheFlat` from flat chunks of 1500 blocks in
 * RVA order (what the compile pool hands the writer), against the peer in the same process:
 * ONE plain `fs.writeSync` of the same bytes into a fresh file (plus the fsync our writer also
 * does), the two alternated run by run. The ratio is best against best, as `aot bench compile`
 * takes it: other load on the machine only ever slows a run down, and on a shared machine one
 * 100 ms write varies by ±30 % from run to run; the ratio of the medians is reported beside it. Also reports where the writer's time goes (its phase split), the object-form adapter
 * `writeCache`, the whole-file checksum's share, opening with and without the checksum, and
 * `checkCache` (disassembles every word), in MB/s.
 *
 *   const r = await benchCache();   // { bytes, writeMBps, plainMBps, ratio, open..., check... }
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePe, mapImage } from "../../pe/index.ts";
import { fileIdOf } from "../../pe/file-id.ts";
import { discoveredBlocks } from "../../compile/images.ts";
import { Translator } from "../../compile/translate.ts";
import { BASELINE } from "../../arm64/features.ts";
import type { TranslatedBlock } from "../../arm64/lower/output.ts";
import { CacheReader, checkCache, flattenBlocks, writeCache, writeCacheFlat, type CacheConfig, type CacheImage, type FlatBlocks } from "../../cache/index.ts";
import { checksum } from "../../cache/format.ts";
import type { WritePhases } from "../../cache/writer.ts";

export interface CacheBenchResult {
  dir: string;
  blocks: number;
  bytes: number;
  codeBytes: number;
  /** writeCacheFlat, whole (fastest run): plan, reserve, fill through the mapping, checksum, fsync, rename, directory fsync. */
  writeMBps: number;
  /** Where writeCacheFlat's time goes, ms per step (median of each over the measured runs; they sum to about the median write). */
  writePhasesMs: WritePhases;
  /** Plain write's total, ms (median), for reading the split against. */
  plainMs: number;
  /** writeCache (TranslatedBlock objects, flattened first) / plain write. */
  objectRatio: number;
  /** One CRC-32 pass over the whole file (what a reader checking the checksum pays; the writer hashes in pieces as it fills), ms, and its ratio to the writer's time. */
  checksumMs: number;
  checksumShare: number;
  /** One writeSync of the same bytes (prebuilt buffer) + fsync (fastest run). */
  plainMBps: number;
  /** Fastest plain write / fastest writeCacheFlat (goal >= 0.8). */
  ratio: number;
  /** The same with the median of each. */
  medianRatio: number;
  /** CacheReader.open with the checksum / without it (header and table checks only). */
  openMBps: number;
  openNoChecksumMs: number;
  /** checkCache (every word disassembled, every branch followed). */
  checkMBps: number;
  /** Heap growth while writing (the cache is written through the mapping, not a JS buffer). */
  writeHeapMB: number;
}

/** The sample's blocks, translated position independent, and its identity. */
async function sample(): Promise<{ image: CacheImage; blocks: TranslatedBlock[] }> {
  const { sampleBytes, sampleName } = await import("../../cli/_samples.ts");
  const bytes = await sampleBytes(64), name = sampleName(64);
  const pe = parsePe(bytes, name), img = mapImage(pe);
  const t = new Translator({ mode: 64, lower: { features: BASELINE, memoryOrder: "tso", pic: true, imageBase: img.base } });
  const blocks = discoveredBlocks(pe, img).map((b) => t.translate(img.memory, b.rva, b.end, img.base + BigInt(b.rva)));
  const h = pe.headers;
  return {
    image: { name, fileId: fileIdOf(name, h.sizeOfImage, h.timeDateStamp), sha256: new Bun.CryptoHasher("sha256").update(bytes).digest("hex"), size: bytes.length, timestamp: h.timeDateStamp, imageBase: img.base, sizeOfImage: h.sizeOfImage },
    blocks,
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const best = (xs: number[]): number => Math.min(...xs);

export async function benchCache(opts: { codeMB?: number; runs?: number; dir?: string } = {}): Promise<CacheBenchResult> {
  const { image, blocks: one } = await sample();
  const perCopy = one.reduce((s, b) => s + b.code.length * 4, 0);
  const copies = Math.max(1, Math.round(((opts.codeMB ?? 50) * 2 ** 20) / perCopy));
  const blocks: TranslatedBlock[] = [];
  one.sort((a, b) => (a.guestStart < b.guestStart ? -1 : 1));
  for (let k = 0n; k < BigInt(copies); k++) {
    for (const b of one) blocks.push({ ...b, guestStart: b.guestStart + k * 0x20000n, targets: b.targets.map((t) => t + k * 0x20000n) });
  }
  const chunks: FlatBlocks[] = [];
  for (let i = 0; i < blocks.length; i += 1500) chunks.push(flattenBlocks(blocks.slice(i, i + 1500), image.imageBase));
  const config: CacheConfig = { target: "arm64ec", memoryOrder: "tso", volatileMetadata: false, features: { ...BASELINE }, options: {} };
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), "aot-bench-cache-"));
  const path = join(dir, "bench.cache"), plain = join(dir, "plain.bin");
  const runs = opts.runs ?? 7;
  try {
    const w: number[] = [], p: number[] = [], o: number[] = [], on: number[] = [], obj: number[] = [], ck: number[] = [];
    const phases: Partial<WritePhases>[] = [];
    let bytes = 0, heap = 0;
    for (let r = 0; r <= runs; r++) {
      // Alternate which goes first so page-cache and writeback effects fall on both.
      const order = r % 2 ? ["plain", "ours"] : ["ours", "plain"];
      for (const which of order) {
        if (which === "ours") {
          Bun.gc(true);
          // As for the plain write: no old file to free inside the timed part (renaming over a
          // 100 MB cache frees its pages and blocks synchronously, ~30 ms that are not writing).
          rmSync(path, { force: true });
          const split: Partial<WritePhases> = {};
          const h0 = process.memoryUsage().heapUsed, t0 = performance.now();
          bytes = writeCacheFlat(path, image, config, chunks, { phases: split }).bytes;
          const dt = performance.now() - t0;
          heap = Math.max(heap, (process.memoryUsage().heapUsed - h0) / 2 ** 20);
          if (r > 0) {
            w.push(dt);
            phases.push(split);
          }
        } else {
          const buf = readFileSync(path);
          rmSync(plain, { force: true });
          const t0 = performance.now();
          const fd = openSync(plain, "w");
          writeSync(fd, buf);
          fsyncSync(fd);
          closeSync(fd);
          if (r > 0) p.push(performance.now() - t0);
        }
      }
      if (r > 0) {
        let t0 = performance.now();
        const mapped = Bun.mmap(path, { shared: false });
        t0 = performance.now();
        checksum(mapped);
        ck.push(performance.now() - t0);
        t0 = performance.now();
        CacheReader.open(path);
        o.push(performance.now() - t0);
        t0 = performance.now();
        CacheReader.open(path, { checksum: false });
        on.push(performance.now() - t0);
      }
    }
    // The object-form adapter last, so its one big chunk does not change how the flat path was compiled.
    for (let r = 0; r < runs; r++) {
      const t1 = performance.now();
      writeCache(path, image, config, blocks);
      obj.push(performance.now() - t1);
    }
    const t0 = performance.now();
    const check = checkCache(path);
    const checkMs = performance.now() - t0;
    if (check.findings.length) throw new Error(`bench cache has findings: ${check.findings[0]}`);
    const mbps = (ms: number) => Math.round(bytes / 2 ** 20 / (ms / 1000));
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const keys: (keyof WritePhases)[] = ["plan", "reserve", "fill", "checksum", "fsync", "rename"];
    const writePhasesMs = Object.fromEntries(keys.map((k) => [k, r2(median(phases.map((s) => s[k] ?? 0)))])) as unknown as WritePhases;
    return {
      dir, blocks: CacheReader.open(path, { checksum: false }).blockCount, bytes, codeBytes: perCopy * copies,
      writeMBps: mbps(best(w)), writePhasesMs, plainMs: r2(median(p)), objectRatio: r2(median(p) / median(obj)), checksumMs: r2(median(ck)), checksumShare: r2(median(ck) / median(w)), plainMBps: mbps(best(p)),
      ratio: r2(best(p) / best(w)), medianRatio: r2(median(p) / median(w)),
      openMBps: mbps(median(o)), openNoChecksumMs: r2(median(on)), checkMBps: mbps(checkMs), writeHeapMB: r2(heap),
    };
  } finally {
    if (!opts.dir) rmSync(dir, { recursive: true, force: true });
  }
}
