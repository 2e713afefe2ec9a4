/**
 * @file Stage 3 (code maps): public API. FEX code maps read and written byte for byte, the FEX
 * cache-dir layout, and atomic, locked aggregation of new maps into ready maps.
 *
 *   import { parseCodeMap, codeMapImages, aggregateCodeMaps, fexCacheDir } from "../codemap/index.ts";
 *   const images = codeMapImages(parseCodeMap(bytes, file));
 */
export {
  ENTRY_SIZE,
  MARKER_FILE_ID,
  MARK_EXE32,
  MARK_EXE64,
  MARK_LIBRARY,
  MARK_OLD_EXE,
  buildCodeMap,
  codeMapImages,
  encodeCodeMap,
  hex16,
  libraryPadding,
  libraryRecord,
  parseCodeMap,
  pathBytesOf,
  readyMapName,
  readyMapNameBytes,
  sameImages,
  samePath,
  type CodeMapFile,
  type CodeMapImage,
  type CodeMapRecord,
} from "./format.ts";
export { aggregateCodeMaps, newMapName, readCodeMapFile, readReadyMap, type AggregateResult, type ReadyChange } from "./aggregate.ts";
export { codeCacheDir, fexCacheDir, newMapDir, prefixLocalAppData, readyMapDir, type CacheDir } from "./cachedir.ts";
export { atomicWrite } from "./_fs.ts";
