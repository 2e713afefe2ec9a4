/**
 * @file Stage 8 (compiler), internal: what `aot compile` needs to know about caches already in
 * the folder, read with src/cache's validating reader: is a cache current (identity, translator
 * build id and configuration all match, and the reader's checks and checksum hold), and which
 * files are stale caches of the same image.
 *
 *   cacheState(path, image, config, buildId);  // { state: "current" | "missing" | "stale" | "corrupt", blocks }
 *   staleSiblings(dir, name, "arm64ec");       // other caches of notepad.exe for this target
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CacheReader, canonicalConfig, type CacheConfig, type CacheImage } from "../cache/index.ts";

export type CacheState = "current" | "missing" | "stale" | "corrupt";

/** A reader of a whole, checksummed cache, or undefined for anything else. */
function reader(path: string): CacheReader | undefined {
  try {
    return CacheReader.open(path, { map: false });
  } catch {
    return undefined;
  }
}

/** Is the cache at `path` the one this compile would write (see the file overview)? */
export function cacheState(path: string, image: CacheImage, config: CacheConfig, buildId: string): { state: CacheState; blocks: number } {
  if (!existsSync(path)) return { state: "missing", blocks: 0 };
  const r = reader(path);
  const h = r?.header;
  if (!h) return { state: "corrupt", blocks: 0 };
  const i = h.image;
  const same = h.buildId === buildId && canonicalConfig(h.config) === canonicalConfig(config) && i.fileId === BigInt.asUintN(64, image.fileId) &&
    i.sha256 === image.sha256.toLowerCase() && i.size === image.size && i.timestamp === image.timestamp >>> 0 &&
    i.imageBase === image.imageBase && i.sizeOfImage === image.sizeOfImage;
  return { state: same ? "current" : "stale", blocks: r.blockCount };
}

const CACHE_NAME = /^(.+)-([0-9a-f]{16})-([0-9a-f]{16})$/;

/**
 * Other caches of the image called `name` (`<basename>-<fileid16>-<config16>`) in `dir` that a
 * compile for `target` replaces: same basename, another name, and either built for the same target
 * (a 32-bit and a 64-bit kernel32.dll share a basename and both stay) or not a readable cache.
 */
export function staleSiblings(dir: string, name: string, target: CacheConfig["target"]): string[] {
  const m = CACHE_NAME.exec(name);
  if (!m || !existsSync(dir)) return [];
  const out: string[] = [];
  for (const other of readdirSync(dir)) {
    const o = CACHE_NAME.exec(other);
    if (!o || other === name || o[1] !== m[1]) continue;
    const h = reader(join(dir, other))?.header;
    if (!h || h.config.target === target) out.push(other);
  }
  return out.sort();
}
