/**
 * @file Stage 8 (compiler): `compileExe`, the library behind `aot compile`: an executable and
 * every DLL of its closure compiled into one code cache per image, on a pool of workers.
 *
 * Steps: resolve each EXE's prefix, closure and configuration context (its bitness picks the
 * target: 32-bit = wow64, 64-bit = arm64ec; every DLL of the closure is compiled for that target);
 * lock each cache folder (lock.ts; waits or refuses); import FEX's pending code maps (as `aot
 * codemap import`); remove the temporary files a killed writer left; skip images whose cache is
 * current (identity, translator build id, configuration fingerprint, checksum); for the others,
 * find the blocks (images.ts: code-map blocks exactly, plus static discovery with `discover` or
 * when no map covers the image), translate them on the pool (pool.ts: this thread and jobs - 1
 * workers; the images it identified are reused by its own jobs) in chunks of block RVAs, write the
 * cache (src/cache writer: temp file + rename, so a kill leaves the old or the new cache) and
 * delete the image's stale caches. The writer sorts blocks, so the bytes do not depend on `jobs`.
 *
 * Volatile metadata is applied (config.ts): under tso, an image that carries it is translated with
 * its listed accesses ordered and the others in its ranges plain, and its configuration records
 * `volatileMetadata: true`; such images are listed in the result.
 *
 * Bad input (a missing or non-PE executable, a malformed code map, a full disk) throws InputError;
 * everything else that deserves attention is a finding in `result.findings` (exit 1).
 *
 *   const r = await compileExe({ exes: ["/p/drive_c/windows/notepad.exe"], discover: true, jobs: 2 });
 *   r.totals.blocks; r.insnsPerSecond; r.findings;
 */
import { existsSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join, resolve } from "node:path";
import { cacheFileName, type CacheConfig, type CacheImage } from "../cache/format.ts";
import { parseTempName } from "../cache/writer.ts";
import { VERSION } from "../cli/_version.ts";
import { aggregateCodeMaps, codeCacheDir, fexCacheDir } from "../codemap/index.ts";
import { loadPeFileSync } from "../pe/index.ts";
import { dependencyClosure, findPrefix } from "../prefix/index.ts";
import { InputError, UsageError } from "../util/errors.ts";
import { F, FLAT_META, flatCount } from "../cache/blocks.ts";
import type { ImageRef, PackedBlocks } from "./_jobs.ts";
import { cacheState, staleSiblings } from "./_existing.ts";
import { isHybrid, readCodeMaps } from "./images.ts";
import { lockCacheDir, type DirLock } from "./lock.ts";
import { cacheConfigFor } from "./config.ts";
import { BASELINE, type HostFeatures } from "../arm64/features.ts";
import { CompilePool, JobError } from "./pool.ts";
import { adoptImage, dropAdopted } from "./_work.ts";

export type Target = "wow64" | "arm64ec";

export interface CompileOptions {
  exes: string[];
  prefix?: string;
  /** A FEX code map file or folder instead of the cache folder's ready maps. */
  codemap?: string;
  /** Static discovery for every image (images no code map covers always get it). */
  discover?: boolean;
  /** Translator threads: the main thread and jobs - 1 workers (default: the number of cores). */
  jobs?: number;
  target?: "auto" | Target;
  /** FEX cache folder (caches go to its `cache/`); default as `aot codemap import` finds it. */
  cacheDir?: string;
  /** Wait for another compile holding a cache folder (default: refuse). */
  wait?: boolean;
  memoryOrder?: "tso" | "relaxed";
  /** Host features the code may assume (config.ts `featuresFrom`; default: the baseline). */
  features?: HostFeatures;
  /** Blocks per translate job (default 1500). */
  chunkBlocks?: number;
  /** Translator build id recorded in caches (default: aot's version). */
  buildId?: string;
  env?: Record<string, string | undefined>;
  onProgress?: (p: CompileProgress) => void;
  /** Called once when waiting for a lock another process holds. */
  onWait?: (message: string) => void;
}

export interface CompileProgress { imagesDone: number; images: number; blocksDone: number; blocksKnown: number; current: string }

export interface ImageReport {
  name: string;
  path: string;
  target: Target;
  status: "compiled" | "current" | "failed";
  cache?: string;
  cacheBytes: number;
  blocks: number;
  /** Blocks translated without a fallback. */
  translated: number;
  insns: number;
  fallbacks: Record<string, number>;
  /** Code-map blocks given for this image, and those rejected with their reason. */
  codeMapBlocks: number;
  rejected: { rva: number; reason: string }[];
  discovered: boolean;
  hybrid: boolean;
  volatileMetadata: boolean;
  /** Stale caches of this image deleted (file names). */
  replaced: string[];
  error?: string;
}

export interface CompileResult {
  exes: { path: string; target: Target; prefix?: string; cacheDir: string; images: number; unresolved: { name: string; importer: string; reason: string }[] }[];
  images: ImageReport[];
  totals: { images: number; compiled: number; current: number; failed: number; blocks: number; translated: number; insns: number; rejected: number; cacheBytes: number };
  /** Top 10 fallback mnemonics (blocks ending in one) over the compiled images. */
  fallbacks: [string, number][];
  seconds: number;
  insnsPerSecond: number;
  peakRssBytes: number;
  jobs: number;
  /** Seconds before the pool starts (closures, identities, code maps: the serial part). */
  setupSeconds: number;
  codeMaps: { imported: number; files: string[] };
  /** Temporary files of killed writers removed. */
  tempRemoved: string[];
  /** Images whose volatile metadata was applied (config.ts). */
  volatileMetadata: { images: string[] };
  /** Host features beyond the baseline the code assumes (`--features`), by name. */
  features: string[];
  /** One line each; non-empty means exit 1. */
  findings: string[];
}

interface Unit {
  report: ImageReport;
  ref: ImageRef;
  image: CacheImage;
  config: CacheConfig;
  cacheFolder: string;
  cachePath: string;
  mapped?: Uint32Array;
  weight: number;
}

/** Kinds of write failure that stop the whole compile: the next image would fail the same way. */
const FATAL_WRITE = new Set(["no-space", "too-large", "permission", "missing-dir"]);

function cacheDirFor(opts: CompileOptions, prefixRoot: string | undefined): string {
  const env = opts.env ?? process.env;
  if (opts.cacheDir !== undefined || opts.prefix !== undefined) return fexCacheDir({ cacheDir: opts.cacheDir, prefix: opts.prefix, env }).dir;
  if (env.FEX_APP_CACHE_LOCATION) return env.FEX_APP_CACHE_LOCATION;
  return fexCacheDir({ prefix: prefixRoot, env }).dir;
}

/** Remove `.<name>.tmp-<pid>-<n>` files whose writer is gone (we hold the folder's lock). */
function removeTemps(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(folder)) {
    const t = parseTempName(name);
    if (!t || t.pid === process.pid) continue;
    try {
      process.kill(t.pid, 0);
      continue; // alive: not ours to remove
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EPERM") continue;
    }
    try {
      unlinkSync(join(folder, name));
      removed.push(name);
    } catch {}
  }
  return removed;
}

export async function compileExe(opts: CompileOptions): Promise<CompileResult> {
  if (!opts.exes.length) throw new UsageError("compile: name at least one executable");
  const jobs = opts.jobs ?? availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`compile: --jobs must be a whole number from 1 to 256 (got ${opts.jobs})`);
  const t0 = performance.now();
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const env = opts.env ?? process.env;
  const findings: string[] = [];
  const res: CompileResult = {
    exes: [], images: [], totals: { images: 0, compiled: 0, current: 0, failed: 0, blocks: 0, translated: 0, insns: 0, rejected: 0, cacheBytes: 0 },
    fallbacks: [], seconds: 0, insnsPerSecond: 0, peakRssBytes: 0, jobs, setupSeconds: 0, codeMaps: { imported: 0, files: [] }, tempRemoved: [],
    volatileMetadata: { images: [] }, features: Object.entries(opts.features ?? {}).filter(([k, v]) => v && k !== "lse").map(([k]) => k), findings,
  };
  const locks: DirLock[] = [];
  // Workers start now: loading their modules overlaps resolving closures and hashing images.
  let pool: CompilePool | undefined = new CompilePool(jobs);
  try {
    // 1. Each EXE's context: prefix, closure, target, cache folder.
    const contexts: { exe: string; target: Target; cacheDir: string; images: { name: string; path: string }[] }[] = [];
    for (const given of opts.exes) {
      const exe = resolve(given);
      if (!existsSync(exe)) throw new InputError(given, "no such file", "missing");
      const root = loadPeFileSync(exe);
      const own: Target = root.is64 ? "arm64ec" : "wow64";
      if (opts.target && opts.target !== "auto" && opts.target !== own) {
        throw new UsageError(`compile: ${given} is a ${root.is64 ? "64" : "32"}-bit executable, so its context is ${own}, not --target ${opts.target}`);
      }
      const prefix = findPrefix({ prefix: opts.prefix, exe, env });
      const closure = dependencyClosure(exe, { prefix, env });
      const cacheDir = cacheDirFor(opts, prefix?.root);
      for (const u of closure.unresolved) findings.push(`${basename(exe)}: ${u.name} (imported by ${u.importer}) is not resolved: ${u.reason}`);
      for (const w of closure.warnings) findings.push(`${w.path}: ${w.warning}`);
      res.exes.push({ path: exe, target: own, prefix: prefix?.root, cacheDir, images: closure.images.length, unresolved: closure.unresolved });
      contexts.push({ exe, target: own, cacheDir, images: closure.images.map((i) => ({ name: basename(i.path), path: i.path })) });
    }

    // 2. Lock every cache folder (sorted: two compiles naming the same folders cannot deadlock).
    const dirs = [...new Set(contexts.map((c) => c.cacheDir))].sort();
    for (const d of dirs) {
      locks.push(await lockCacheDir(codeCacheDir(d), {
        wait: opts.wait,
        onWait: (path, holder) => opts.onWait?.(`waiting for another aot compile${holder ? ` (pid ${holder})` : ""} holding ${path}`),
      }));
      // 3. FEX's pending code maps, then leftovers of killed writers.
      const agg = aggregateCodeMaps(d, { wait: opts.wait ?? false, onWait: (lock) => opts.onWait?.(`waiting for another code-map aggregator holding ${lock}`) });
      res.codeMaps.imported += agg.imported.length;
      for (const b of agg.bad) findings.push(`${b.file}: set aside as ${b.file}.bad: ${b.reason}`);
      res.tempRemoved.push(...removeTemps(codeCacheDir(d)));
    }

    // 4. One unit per image and configuration; images shared by several EXEs are compiled once.
    const units: Unit[] = [];
    const seen = new Set<string>();
    const memoryOrder = opts.memoryOrder ?? "tso";
    const features = opts.features ?? BASELINE;
    for (const c of contexts) {
      const mine: Unit[] = [];
      for (const im of c.images) {
        const key = `${c.cacheDir}\0${im.path}\0${c.target}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const report: ImageReport = {
          name: im.name, path: im.path, target: c.target, status: "failed", cacheBytes: 0, blocks: 0, translated: 0, insns: 0, fallbacks: {},
          codeMapBlocks: 0, rejected: [], discovered: false, hybrid: false, volatileMetadata: false, replaced: [],
        };
        res.images.push(report);
        try {
          const pe = loadPeFileSync(im.path);
          const image: CacheImage = {
            name: im.name, fileId: pe.fileId, sha256: pe.contentHash, size: statSync(im.path).size, timestamp: pe.timeDateStamp,
            imageBase: pe.imageBase, sizeOfImage: pe.sizeOfImage,
          };
          report.hybrid = isHybrid(pe);
          const config = cacheConfigFor(c.target, pe, memoryOrder, features);
          report.volatileMetadata = config.volatileMetadata;
          if (report.volatileMetadata) res.volatileMetadata.images.push(im.path);
          const folder = codeCacheDir(c.cacheDir);
          const cachePath = join(folder, cacheFileName(image, config));
          report.cache = cachePath;
          const weight = pe.sections.filter((s) => s.executable).reduce((n, s) => n + s.rawSize, 0);
          adoptImage(im.path, pe);
          mine.push({ report, ref: { path: im.path, fileId: pe.fileId, mode: pe.is64 ? 64 : 32, memoryOrder, volatileMetadata: config.volatileMetadata, features: config.features }, image, config, cacheFolder: folder, cachePath, weight });
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          report.error = e.message;
          findings.push(e.message);
        }
      }
      // 5. Code-map blocks; a cache is current unless a map gave its image blocks since it was written.
      const maps = readCodeMaps(mine.map((u) => ({ path: u.report.path, fileId: u.image.fileId })), { source: opts.codemap, cacheDir: c.cacheDir });
      res.codeMaps.files.push(...maps.files);
      for (const u of mine) {
        u.mapped = maps.byFileId.get(u.image.fileId);
        const existing = cacheState(u.cachePath, u.image, u.config, opts.buildId ?? VERSION);
        const mapTime = maps.mtimeMs.get(u.image.fileId) ?? 0;
        if (existing.state === "current" && mapTime <= statSync(u.cachePath).mtimeMs) {
          u.report.status = "current";
          u.report.blocks = existing.blocks;
          u.report.cacheBytes = statSync(u.cachePath).size;
          u.report.replaced = deleteStale(u);
        } else units.push(u);
      }
    }

    res.setupSeconds = (performance.now() - t0) / 1000;
    // 6. Compile: largest images first so the last ones to finish are small.
    units.sort((a, b) => b.weight - a.weight || (a.report.path < b.report.path ? -1 : 1));
    const progress = { imagesDone: 0, images: units.length, blocksDone: 0, blocksKnown: 0, current: "" };
    let fatal: InputError | undefined;
    if (!units.length) {
      pool.close();
      pool = undefined;
    } else {
      const chunk = opts.chunkBlocks ?? 1500;
      const p = pool;
      const one = async (u: Unit) => {
        const r = u.report;
        try {
          const doDiscover = (opts.discover ?? false) || !u.mapped;
          r.discovered = doDiscover;
          r.codeMapBlocks = u.mapped?.length ?? 0;
          const d = await p.discover({ image: u.ref, mapped: u.mapped, discover: doDiscover });
          r.rejected = d.rejected;
          progress.blocksKnown += d.rvas.length;
          const parts: Promise<PackedBlocks>[] = [];
          for (let i = 0; i < d.rvas.length; i += chunk) {
            parts.push(p.translate({ image: u.ref, rvas: d.rvas.slice(i, i + chunk) }).then((packed) => {
              countBlocks(r, packed);
              progress.blocksDone += flatCount(packed);
              progress.current = r.name;
              opts.onProgress?.(progress);
              return packed;
            }));
          }
          const chunks = await Promise.all(parts);
          if (fatal) return;
          const w = await p.write({ path: u.cachePath, image: u.image, config: u.config, buildId: opts.buildId, chunks });
          r.blocks = w.blocks;
          r.cacheBytes = w.bytes;
          r.status = "compiled";
          r.replaced = deleteStale(u);
        } catch (e) {
          if (e instanceof InputError && FATAL_WRITE.has(e.kind)) {
            fatal ??= e;
            p.close();
            return;
          }
          if (fatal) return;
          if (!(e instanceof InputError || e instanceof JobError)) throw e;
          r.error = e.message;
          findings.push(e.message);
        } finally {
          progress.imagesDone++;
          opts.onProgress?.(progress);
        }
      };
      await Promise.all(units.map(one));
    }
    if (fatal) throw fatal;

    // 7. Totals.
    const fb = new Map<string, number>();
    for (const r of res.images) {
      const t = res.totals;
      t.images++;
      if (r.status === "compiled") t.compiled++;
      else if (r.status === "current") t.current++;
      else t.failed++;
      t.blocks += r.blocks;
      t.translated += r.translated;
      t.insns += r.insns;
      t.rejected += r.rejected.length;
      t.cacheBytes += r.cacheBytes;
      for (const [m, n] of Object.entries(r.fallbacks)) fb.set(m, (fb.get(m) ?? 0) + n);
      if (r.rejected.length) {
        const why = new Map<string, number>();
        for (const x of r.rejected) why.set(x.reason, (why.get(x.reason) ?? 0) + 1);
        findings.push(`${r.path}: ${r.rejected.length} code-map block(s) rejected (${[...why].map(([k, n]) => `${n} ${k}`).join(", ")}; first at RVA 0x${r.rejected[0]!.rva.toString(16)})`);
      }
    }
    res.fallbacks = [...fb].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
    return res;
  } finally {
    clearInterval(sample);
    pool?.close();
    dropAdopted();
    for (const l of locks) l.release();
    peak = Math.max(peak, process.memoryUsage().rss, pool?.peakRss ?? 0);
    res.seconds = (performance.now() - t0) / 1000;
    res.insnsPerSecond = res.seconds > 0 ? Math.round(res.totals.insns / res.seconds) : 0;
    res.peakRssBytes = peak;
  }
}

/** Add a translated chunk's instructions, translated blocks and fallbacks to the image's report. */
function countBlocks(r: ImageReport, p: PackedBlocks): void {
  for (let i = 0; i < flatCount(p); i++) {
    r.insns += p.meta[i * FLAT_META + F.INSNS]!;
    const fb = p.meta[i * FLAT_META + F.FALLBACK]!;
    if (fb) {
      const m = p.names[fb - 1]!;
      r.fallbacks[m] = (r.fallbacks[m] ?? 0) + 1;
    } else r.translated++;
  }
}

/** Delete the unit's stale caches (same basename and target, another identity or fingerprint). */
function deleteStale(u: Unit): string[] {
  const gone: string[] = [];
  for (const name of staleSiblings(u.cacheFolder, basename(u.cachePath), u.config.target)) {
    try {
      unlinkSync(join(u.cacheFolder, name));
      gone.push(name);
    } catch {}
  }
  return gone;
}
