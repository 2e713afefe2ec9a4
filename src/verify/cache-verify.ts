/**
 * @file Stage 9 (verifier): `aot verify`, how a user or a launcher knows code caches can be
 * trusted. Per cache: the structural checks of src/cache (`checkCache`: header, bounds, sorted
 * tables, relocation sites, every code word decoded, branch targets, checksum); its identity
 * against the image on disk (found by the name in its header inside the prefix, or in the closure
 * of an EXE): `stale` when the image changed (FileId, SHA-256, size, timestamp, base), a block's
 * guest bytes no longer hash as recorded, `mismatched` when the translator build id, target or
 * configuration fingerprint differ from what this aot writes, `foreign` when it is not an aot
 * cache; then, with `exec`, N sampled blocks run differentially (cache-exec.ts).
 *
 * Inputs: cache files, folders (every cache in them; a FEX cache folder's `cache/`), or
 * executables (the caches `aot compile` writes for their closure, and stale siblings). A path that
 * does not exist or an executable that does not parse is an InputError (exit 2); everything about
 * the caches is a finding (exit 1).
 *
 *   const r = verifyCaches(["notepad.exe"], { prefix, exec: 1000, seed: 1 });
 *   r.caches.filter((c) => c.findings.length);
 */
import { existsSync, readdirSync, readSync, openSync, closeSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fnv1a64 } from "../arm64/lower/output.ts";
import { CacheReader, cacheFileName, checkCache, configFingerprint, type CacheConfig, type CacheImage } from "../cache/index.ts";
import { VERSION } from "../cli/_version.ts";
import { codeCacheDir, fexCacheDir } from "../codemap/index.ts";
import { loadPeFileSync, mapImage, type PeFile } from "../pe/index.ts";
import { DllResolver, dependencyClosure, findPrefix, resolveCaseInsensitive, type WinePrefix } from "../prefix/index.ts";
import { InputError } from "../util/errors.ts";
import { execCache, type ExecCache, type ExecResult } from "./cache-exec.ts";
import { cacheConfigFor, writableFeatures } from "../compile/config.ts";
import type { HostFeatures } from "../arm64/features.ts";
import { exitFlagsFor } from "../compile/live-flags.ts";
import { x86Ranges } from "../compile/images.ts";

export type Verdict = "ok" | "corrupt" | "foreign" | "stale" | "mismatched" | "missing" | "exec-mismatch";

export interface CacheReport {
  /** The cache file (for `missing`: where it should be). */
  path: string;
  verdict: Verdict;
  /** One line each; empty when the cache is clean. */
  findings: string[];
  /** Not findings: what could not be checked and why (no image found, exec skipped). */
  notes: string[];
  image?: { name: string; path?: string; target?: string };
  blocks: number;
  exec?: Omit<ExecResult, "codeBase"> & { codeBase: string };
}

export interface VerifyOptions {
  /** Blocks to run differentially per cache (0: none). */
  exec?: number;
  states?: number;
  seed?: number;
  prefix?: string;
  cacheDir?: string;
  env?: Record<string, string | undefined>;
  /** Called after each cache (progress). */
  onCache?: (r: CacheReport) => void;
}

export interface VerifyResult {
  caches: CacheReport[];
  seed: number;
  counts: Record<Verdict, number>;
  /** Caches with findings. */
  failing: number;
}

/**
 * The configuration `aot compile` writes for an image of `target` (`cacheConfigFor`, the one
 * definition in src/compile/config.ts: tso, the given host features (default: the baseline), no
 * per-application options, the image's volatile metadata applied when it has some).
 */
export const expectedConfig = (target: CacheConfig["target"], pe?: PeFile, features?: HostFeatures): CacheConfig => cacheConfigFor(target, pe, "tso", features);

/** The identity a cache of `path` records (as compile.ts computes it). */
export function imageIdentity(path: string, pe: PeFile = loadPeFileSync(path)): CacheImage {
  return { name: basename(path), fileId: pe.fileId, sha256: pe.contentHash, size: statSync(path).size, timestamp: pe.timeDateStamp, imageBase: pe.imageBase, sizeOfImage: pe.sizeOfImage };
}

/** What `aot verify --exec` runs of an open cache: its code section and block tables as plain arrays. */
export function execView(c: CacheReader): ExecCache {
  const h = c.header;
  return {
    bits: h.config.target === "wow64" ? 32 : 64,
    imageBase: h.image.imageBase,
    code: c.code(),
    blocks: Array.from({ length: c.blockCount }, (_, i) => {
      const b = c.block(i);
      return {
        rva: b.rva, guestLength: b.guestLength, insns: b.insnCount, code: b.codeOffset, words: b.codeWords, faults: c.faults(i), fallback: b.fallback,
        linkedSites: c.relocs(i).filter((x) => x.resolved).map((x) => x.site),
      };
    }),
  };
}

const hex = (v: bigint | number): string => `0x${v.toString(16)}`;
const CACHE_NAME = /^(.+)-([0-9a-f]{16})-([0-9a-f]{16})$/;

function isPe(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const b = new Uint8Array(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x4d && b[1] === 0x5a;
  } finally {
    closeSync(fd);
  }
}

/** Cache files of a folder (a FEX cache folder: its `cache/`): every visible regular file. */
function cachesIn(dir: string): string[] {
  const sub = join(dir, "cache");
  const d = existsSync(sub) && statSync(sub).isDirectory() ? sub : dir;
  return readdirSync(d).filter((n) => !n.startsWith(".") && statSync(join(d, n)).isFile()).sort().map((n) => join(d, n));
}

function cacheDirFor(opts: VerifyOptions, prefix: WinePrefix | undefined): string {
  const env = opts.env ?? process.env;
  if (opts.cacheDir !== undefined || opts.prefix !== undefined) return fexCacheDir({ cacheDir: opts.cacheDir, prefix: opts.prefix, env }).dir;
  if (env.FEX_APP_CACHE_LOCATION) return env.FEX_APP_CACHE_LOCATION;
  return fexCacheDir({ prefix: prefix?.root, env }).dir;
}

/** What to verify: cache paths, each with the image path it belongs to when an EXE named it. */
interface Job { path: string; imagePath?: string; target?: string; missing?: { image: string } }

function jobsFor(inputs: string[], opts: VerifyOptions): Job[] {
  const jobs: Job[] = [];
  const env = opts.env ?? process.env;
  for (const given of inputs) {
    const p = resolve(given);
    if (!existsSync(p)) throw new InputError(given, "no such file or folder", "missing");
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const c of cachesIn(p)) jobs.push({ path: c });
      continue;
    }
    if (!st.isFile()) throw new InputError(given, "not a regular file or folder", "unreadable");
    if (!isPe(p)) {
      jobs.push({ path: p });
      continue;
    }
    // An executable: the caches `aot compile` writes for its closure, plus other caches of those images.
    const root = loadPeFileSync(p);
    const target = root.is64 ? "arm64ec" : "wow64";
    const prefix = findPrefix({ prefix: opts.prefix, exe: p, env });
    const closure = dependencyClosure(p, { prefix, env });
    const folder = codeCacheDir(cacheDirFor(opts, prefix));
    const listing = existsSync(folder) ? readdirSync(folder) : [];
    const seen = new Set<string>();
    for (const im of closure.images) {
      if (seen.has(im.path)) continue;
      seen.add(im.path);
      const pe = im.path === p ? root : loadPeFileSync(im.path);
      const want = cacheFileName(imageIdentity(im.path, pe), expectedConfig(target, pe));
      const base = want.slice(0, want.length - 34);
      // Missing only when no cache of the image is there at all: another configuration (host
      // features a compile was given) is verified below, and reported if aot would not write it.
      if (!listing.includes(want) && !listing.some((n) => CACHE_NAME.exec(n)?.[1] === base)) jobs.push({ path: join(folder, want), imagePath: im.path, target, missing: { image: im.path } });
      for (const n of listing) {
        const m = CACHE_NAME.exec(n);
        if (m && m[1] === base) jobs.push({ path: join(folder, n), imagePath: im.path, target });
      }
    }
  }
  return jobs;
}

/** Find the image a cache names: in the prefix's system folders for its target, then Wine's builtins. */
function findImage(name: string, target: string, prefix: WinePrefix | undefined, env: Record<string, string | undefined>): string | undefined {
  const is64 = target !== "wow64";
  const appDir = prefix ? resolveCaseInsensitive(join(prefix.root, "drive_c"), ["windows", is64 || prefix.arch === "win32" ? "system32" : "syswow64"]).path : "/nonexistent";
  return new DllResolver({ prefix, appDir, is64, env }).resolve(name).path;
}

/** Verify every cache `inputs` name (see the file overview). */
export function verifyCaches(inputs: string[], opts: VerifyOptions = {}): VerifyResult {
  const env = opts.env ?? process.env;
  const seed = opts.seed ?? 1;
  if (!inputs.length) {
    // Nothing named: every cache of the cache folder this prefix uses.
    const dir = codeCacheDir(cacheDirFor(opts, findPrefix({ prefix: opts.prefix, env })));
    if (!existsSync(dir)) throw new InputError(dir, "no cache folder here (name caches, a folder or an executable, or run aot compile first)", "missing");
    inputs = [dir];
  }
  const jobs = jobsFor(inputs, opts);
  let prefix: WinePrefix | undefined;
  let prefixLooked = false;
  const result: VerifyResult = { caches: [], seed, counts: { ok: 0, corrupt: 0, foreign: 0, stale: 0, mismatched: 0, missing: 0, "exec-mismatch": 0 }, failing: 0 };
  const done = new Set<string>();
  for (const job of jobs) {
    if (done.has(job.path)) continue;
    done.add(job.path);
    let r: CacheReport;
    if (job.missing) {
      r = { path: job.path, verdict: "missing", findings: [`missing: no cache for ${job.missing.image} (run aot compile)`], notes: [], blocks: 0, image: { name: basename(job.missing.image), path: job.missing.image } };
    } else {
      r = verifyOne(job, opts, seed, () => {
        if (!prefixLooked) {
          prefixLooked = true;
          try {
            prefix = findPrefix({ prefix: opts.prefix, exe: job.path, env });
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
          }
        }
        return prefix;
      });
    }
    result.caches.push(r);
    result.counts[r.verdict]++;
    if (r.findings.length) result.failing++;
    opts.onCache?.(r);
  }
  return result;
}

function verifyOne(job: Job, opts: VerifyOptions, seed: number, prefixOf: () => WinePrefix | undefined): CacheReport {
  const r: CacheReport = { path: job.path, verdict: "ok", findings: [], notes: [], blocks: 0 };
  const set = (v: Verdict, line: string) => {
    if (r.verdict === "ok") r.verdict = v;
    r.findings.push(line);
  };
  // 1. Structure.
  let check;
  try {
    check = checkCache(job.path);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    set(e.kind === "truncated" ? "corrupt" : "foreign", e.detail);
    return r;
  }
  r.blocks = check.blocks;
  if (check.findings.length) {
    const foreign = check.findings.some((f) => /bad magic/.test(f));
    const version = check.findings.some((f) => /^format version/.test(f));
    for (const f of check.findings) set(foreign ? "foreign" : version ? "mismatched" : "corrupt", f);
    return r;
  }
  const c = CacheReader.open(job.path, { checksum: false });
  const h = c.header;
  r.image = { name: h.image.name, target: h.config.target };
  // 2. The image on disk (the configuration this aot writes for it depends on its volatile metadata).
  // A sibling for the other target (a 32-bit and a 64-bit kernel32.dll share a name) is another image's.
  const mine = job.imagePath !== undefined && job.target === h.config.target;
  const imagePath = (mine ? job.imagePath : undefined) ?? findImage(h.image.name, h.config.target, prefixOf(), opts.env ?? process.env);
  let pe: PeFile | undefined, peError: string | undefined;
  if (imagePath) {
    try {
      pe = loadPeFileSync(imagePath);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      peError = e.detail;
    }
  }
  // 3. Configuration: what this aot would write for the image (without it, its use of volatile
  // metadata cannot be known: the recorded one is taken).
  // Host features are the compiler's choice (`aot compile --features`): any set this aot writes is expected as recorded.
  const features = writableFeatures(h.config.features) ? h.config.features : undefined;
  const want = pe ? expectedConfig(h.config.target, pe, features) : { ...expectedConfig(h.config.target, undefined, features), volatileMetadata: h.config.volatileMetadata };
  if (h.buildId !== VERSION) set("mismatched", `mismatched: translator build id ${JSON.stringify(h.buildId)}, this aot is ${JSON.stringify(VERSION)}`);
  if (h.configFingerprint !== configFingerprint(h.config)) set("mismatched", `mismatched: recorded fingerprint ${hex(h.configFingerprint)} does not match the recorded configuration (${hex(configFingerprint(h.config))})`);
  else if (h.configFingerprint !== configFingerprint(want)) {
    const diffs = (["memoryOrder", "volatileMetadata"] as const).filter((k) => h.config[k] !== want[k]).map((k) => `${k} ${h.config[k]} (aot writes ${want[k]})`);
    for (const k of Object.keys(want.features) as (keyof typeof want.features)[]) if (h.config.features[k] !== want.features[k]) diffs.push(`host feature ${k} ${h.config.features[k]}`);
    if (JSON.stringify(h.config.options) !== "{}") diffs.push(`options ${JSON.stringify(h.config.options)}`);
    set("mismatched", `mismatched: configuration fingerprint ${hex(h.configFingerprint)}, this aot writes ${hex(configFingerprint(want))}${diffs.length ? ` (${diffs.join(", ")})` : ""}`);
  }
  // 4. Identity against the image on disk.
  if (!imagePath) {
    r.notes.push(`image ${h.image.name} not found in the prefix: identity not checked${opts.exec ? ", blocks not run" : ""}`);
    return r;
  }
  r.image.path = imagePath;
  if (!pe) {
    set("stale", `stale: the image ${imagePath} no longer parses (${peError})`);
    return r;
  }
  const now = imageIdentity(imagePath, pe);
  const changed: string[] = [];
  if (now.sha256.toLowerCase() !== h.image.sha256) changed.push("SHA-256");
  if (now.size !== h.image.size) changed.push(`size ${h.image.size} -> ${now.size}`);
  if (now.timestamp >>> 0 !== h.image.timestamp >>> 0) changed.push(`timestamp ${hex(h.image.timestamp)} -> ${hex(now.timestamp)}`);
  if (BigInt.asUintN(64, now.fileId) !== BigInt.asUintN(64, h.image.fileId)) changed.push("FileId");
  if (now.imageBase !== h.image.imageBase) changed.push(`image base ${hex(h.image.imageBase)} -> ${hex(now.imageBase)}`);
  if (now.sizeOfImage !== h.image.sizeOfImage) changed.push(`SizeOfImage ${hex(h.image.sizeOfImage)} -> ${hex(now.sizeOfImage)}`);
  if (changed.length) {
    set("stale", `stale: ${imagePath} changed since the cache was written (${changed.join(", ")})`);
    return r;
  }
  if ((pe.is64 ? "arm64ec" : "wow64") !== h.config.target) set("mismatched", `mismatched: ${h.config.target} cache for a ${pe.is64 ? 64 : 32}-bit image`);
  const img = mapImage(pe);
  let badHash = 0, first = -1;
  for (let i = 0; i < c.blockCount; i++) {
    const b = c.block(i);
    if (b.rva + b.guestLength > img.memory.length || fnv1a64(img.memory, b.rva, b.rva + b.guestLength) !== b.guestHash) {
      if (badHash++ === 0) first = b.rva;
    }
  }
  if (badHash) set("stale", `stale: ${badHash} block(s) were translated from other guest bytes than the image holds (first at RVA ${hex(first)})`);
  // 5. Run sampled blocks.
  if (opts.exec && r.findings.length === 0) {
    const liveIn = exitFlagsFor(img, x86Ranges(pe, img), pe.is64 ? 64 : 32);
    const e = execCache(execView(c), img.memory, { blocks: opts.exec, states: opts.states, seed, liveIn });
    r.exec = { ...e, codeBase: hex(e.codeBase) };
    if (e.mismatchBlocks) {
      set("exec-mismatch", `exec: ${e.mismatchBlocks} of ${e.blocks} block(s) disagree with x86 (${e.mismatches} of ${e.states} states)`);
      for (const rep of e.reports) r.findings.push(rep);
    }
  }
  return r;
}
