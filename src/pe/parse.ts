/**
 * @file Stage 1 (PE loader): {@link parsePe} ties the header and directory parsers into one
 * {@link PeFile}, and {@link loadPeFile} reads one from disk.
 *
 * On entry: the bytes of a file that claims to be a PE image. On exit: a fully parsed PeFile, or
 * an InputError naming the file and what is wrong (kinds: "not-pe", "truncated", "bad-magic",
 * "bad-rva", "bad-va", "corrupt", "unsupported-reloc", "missing"). Nothing is mapped here; see
 * image.ts for that.
 *
 *   const pe = await loadPeFile("/usr/lib/wine/x86_64-windows/kernel32.dll");
 *   pe.format;                        // "PE32+"
 *   pe.imports.map((d) => d.dll);      // ["kernelbase.dll", "ntdll.dll"]
 *   fileIdHex(pe.fileId);
 */
import { FileReader } from "./_bytes.ts";
import { parseDebug, type DebugEntry } from "./debug.ts";
import { parseExports, type Export } from "./exports.ts";
import { contentHashOf, fileIdOf } from "./file-id.ts";
import { FILE_DLL, MACHINE, parseHeaders, type PeHeaders } from "./headers.ts";
import { parseDelayImports, parseImports, type ImportedDll } from "./imports.ts";
import { parseLoadConfig, type LoadConfig } from "./load-config.ts";
import { parsePdata, type RuntimeFunction } from "./pdata.ts";
import { parseRelocations, type Relocations } from "./relocs.ts";
import { parseSections, RvaSpace, type Section } from "./sections.ts";
import { parseTls, type TlsDirectory } from "./tls.ts";
import { readFileSync } from "node:fs";
import { InputError } from "../util/errors.ts";

export interface PeFile {
  /** The path or name given to parsePe (used in error messages and for the FileId). */
  file: string;
  /** The raw file; image.ts maps from it. */
  bytes: Uint8Array;
  headers: PeHeaders;
  /** COFF Machine as stored (ARM64EC images store AMD64 0x8664; see `hybridMachine`). */
  machine: number;
  /** 0xa641 for ARM64EC, 0xa64e for ARM64X (inferred from CHPE metadata as llvm-readobj does). */
  hybridMachine?: number;
  is64: boolean;
  format: "PE32" | "PE32+";
  imageBase: bigint;
  sizeOfImage: number;
  sizeOfHeaders: number;
  sectionAlignment: number;
  timeDateStamp: number;
  entryRva: number;
  characteristics: number;
  isDll: boolean;
  subsystem: number;
  dllCharacteristics: number;
  sections: Section[];
  imports: ImportedDll[];
  delayImports: ImportedDll[];
  /** Name in the export directory ("KERNEL32.dll"), if there is one. */
  exportName?: string;
  exports: Export[];
  relocations: Relocations;
  tls?: TlsDirectory;
  /** TLS callback VAs at the preferred base. */
  tlsCallbacks: bigint[];
  pdata: RuntimeFunction[];
  /** Function start RVAs from .pdata, in table order. */
  functionStarts: number[];
  debug: DebugEntry[];
  loadConfig?: LoadConfig;
  /** FEX Windows FileId (file-id.ts). */
  fileId: bigint;
  /** SHA-256 of the file, lowercase hex. */
  contentHash: string;
}

export function parsePe(bytes: Uint8Array, file: string): PeFile {
  const r = new FileReader(file, bytes);
  const h = parseHeaders(r);
  const sections = parseSections(r, h);
  const space = new RvaSpace(r, h, sections);
  const exp = parseExports(space);
  const tls = parseTls(space);
  const loadConfig = parseLoadConfig(space);
  const pdata = parsePdata(space);
  let hybridMachine: number | undefined;
  if (loadConfig?.hybrid && h.is64) hybridMachine = h.machine === MACHINE.arm64 ? MACHINE.arm64x : MACHINE.arm64ec;
  return {
    file,
    bytes,
    headers: h,
    machine: h.machine,
    ...(hybridMachine !== undefined ? { hybridMachine } : {}),
    is64: h.is64,
    format: h.format,
    imageBase: h.imageBase,
    sizeOfImage: h.sizeOfImage,
    sizeOfHeaders: h.sizeOfHeaders,
    sectionAlignment: h.sectionAlignment,
    timeDateStamp: h.timeDateStamp,
    entryRva: h.entryRva,
    characteristics: h.characteristics,
    isDll: (h.characteristics & FILE_DLL) !== 0,
    subsystem: h.subsystem,
    dllCharacteristics: h.dllCharacteristics,
    sections,
    imports: parseImports(space),
    delayImports: parseDelayImports(space),
    ...(exp ? { exportName: exp.dllName } : {}),
    exports: exp?.exports ?? [],
    relocations: parseRelocations(space),
    ...(tls ? { tls } : {}),
    tlsCallbacks: tls?.callbacks ?? [],
    pdata,
    functionStarts: pdata.map((f) => f.begin),
    debug: parseDebug(space),
    ...(loadConfig ? { loadConfig } : {}),
    fileId: fileIdOf(file, h.sizeOfImage, h.timeDateStamp),
    contentHash: contentHashOf(bytes),
  };
}

/** Read and parse a PE file; a missing or unreadable file is an InputError ("missing"). */
export async function loadPeFile(path: string): Promise<PeFile> {
  let bytes: Uint8Array;
  try {
    bytes = await Bun.file(path).bytes();
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(path, code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : `cannot read: ${(e as Error).message}`, "missing");
  }
  return parsePe(bytes, path);
}

/** Synchronous variant of {@link loadPeFile}. */
export function loadPeFileSync(path: string): PeFile {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(path, code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : `cannot read: ${(e as Error).message}`, "missing");
  }
  return parsePe(bytes, path);
}
