/**
 * @file Public API of the code cache (stage 9): the format definition, the atomic writer, the
 * validating reader and the structural checker `aot verify` builds on (docs/cache-format.md).
 *
 *   import { writeCache, CacheReader, checkCache, cacheFileName } from "../cache/index.ts";
 *   writeCache(join(dir, cacheFileName(image, config)), image, config, blocks);
 *   const c = CacheReader.open(path); c.lookup(rva);
 */
export {
  FORMAT_VERSION, MAGIC, CODE_ALIGN, GUEST_PAGE, canonicalConfig, canonicalOptions, configFingerprint, cacheFileName,
  featureBits, featuresFromBits, type CacheImage, type CacheConfig,
} from "./format.ts";
export { writeCache, writeCacheFlat, tempPath, parseTempName, type WriteOptions, type WriteResult } from "./writer.ts";
export { CacheReader, loadBytes, type CacheHeader, type CacheBlock, type CacheReloc, type OpenOptions } from "./reader.ts";
export { flattenBlocks, unflattenBlocks, flatCount, F as FLAT, FLAT_META, type FlatBlocks } from "./blocks.ts";
export { checkCache, checkBytes, type CheckResult } from "./check.ts";
