/**
 * @file Stage 1 (PE loader), public API. Parses PE32/PE32+ images (headers, sections, imports
 * and delay imports, exports with forwarders, base relocations, TLS callbacks, .pdata, debug
 * directory, load config with CHPE hybrid code ranges and volatile metadata), maps them at any
 * base, and computes FEX's Windows FileId. All bad input is an InputError naming the file.
 *
 *   import { loadPeFile, mapImage, fileIdHex } from "../pe/index.ts";
 *   const pe = await loadPeFile("notepad.exe");
 *   const img = mapImage(pe);                  // at pe.imageBase
 *   img.isExecutable(pe.imageBase + BigInt(pe.entryRva));
 *   fileIdHex(pe.fileId);                      // "a1b2c3d4e5f60718"
 */
export { parsePe, loadPeFile, loadPeFileSync, type PeFile } from "./parse.ts";
export { mapImage, MAX_IMAGE, type MappedImage, type ExecRange } from "./image.ts";
export { fileIdOf, fileIdHex, contentHashOf, baseName } from "./file-id.ts";
export { DIR, MACHINE, MACHINE_NAMES, SUBSYSTEM_NAMES, FILE_DLL, type PeHeaders, type DataDirectory } from "./headers.ts";
export { SCN, codeSections, sectionFlagNames, type CodeSection, type Section } from "./sections.ts";
export type { ImportedDll, ImportedFunction } from "./imports.ts";
export type { Export, ExportTable } from "./exports.ts";
export { REL, REL_NAMES, type Relocation, type Relocations } from "./relocs.ts";
export type { TlsDirectory } from "./tls.ts";
export type { RuntimeFunction } from "./pdata.ts";
export { DEBUG_TYPE_NAMES, type DebugEntry } from "./debug.ts";
export type { LoadConfig, CodeRange, CodeRangeKind, VolatileMetadata } from "./load-config.ts";
