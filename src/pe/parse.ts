/**
 * @file Stage 1 (PE loader): {@link parsePe} ties the header and directory parsers into one
 * {@link PeFile}, and {@link loadPeFile} reads one from disk.
 *
 * On entry: the bytes of a file that claims to be a PE image. On exit: a fully parsed PeFile, or
 * an InputError naming the file and what is wrong (kinds: "not-pe", "truncated", "bad-magic",
 * "bad-rva", "bad-va", "corrupt", "unsupported-reloc", "missing"). Nothing is mapped here; see
 * image.ts for that.
 *
 * Leniency follows the Windows loader: a problem in a directory the loader does not process when
 * it maps the image at its preferred base is a warning (`warnings`, exit 1 in the verbs), and that
 * directory reads as empty. Those are the base relocations (applied only when the image moves;
 * `relocationProblem` keeps the reason and mapImage refuses to move such an image), the debug
 * directory, the exception directory (.pdata), delay imports (bound by the program's own helper at
 * the first call), and an EXE's exports. Headers, sections, imports, TLS and the load config stay
 * strict: the loader reads them for every load.
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
import { readInput, sha256OfFile } from "../util/input-file.ts";
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
  /** SHA-256 of the file, lowercase hex (computed on first use; streamed from disk for a loaded file). */
  contentHash: string;
  /**
   * Findings: tables cut at a cap or read only as far as the file's bytes go (hostile counts and
   * sizes), and problems in directories the loader does not process at the preferred base (see
   * the overview). The parse is usable; verbs print these and exit 1.
   */
  warnings: string[];
  /** Why the base relocations could not be read (they read as none); mapImage refuses to relocate. */
  relocationProblem?: string;
}

/**
 * Parse a directory the loader skips for a load at the preferred base: an InputError becomes a
 * warning and `empty` stands in for the directory.
 */
function skippable<T>(space: RvaSpace, what: string, why: string, empty: T, parse: () => T): { value: T; problem?: string } {
  try {
    return { value: parse() };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    space.warn(`${e.detail}; ${what} ignored (${why})`);
    return { value: empty, problem: e.detail };
  }
}

export interface ParseOptions {
  /** How to compute contentHash (default: SHA-256 of `bytes`). */
  hash?: () => string;
}

export function parsePe(bytes: Uint8Array, file: string, opts: ParseOptions = {}): PeFile {
  const r = new FileReader(file, bytes);
  const h = parseHeaders(r);
  const sections = parseSections(r, h);
  const space = new RvaSpace(r, h, sections);
  const isDll = (h.characteristics & FILE_DLL) !== 0;
  // An EXE's exports are not read when it loads; a DLL's are, by every importer that binds to it.
  const exp = isDll ? parseExports(space) : skippable(space, "export directory", "an EXE's exports are not read when it loads", undefined, () => parseExports(space)).value;
  const tls = parseTls(space);
  const loadConfig = parseLoadConfig(space);
  const pdata = skippable(space, "exception directory", "the loader does not read it", [], () => parsePdata(space)).value;
  let hybridMachine: number | undefined;
  if (loadConfig?.hybrid && h.is64) hybridMachine = h.machine === MACHINE.arm64 ? MACHINE.arm64x : MACHINE.arm64ec;
  const imports = parseImports(space);
  const delayImports = skippable(space, "delay-import directory", "bound by the program at the first call, not by the loader", [], () => parseDelayImports(space)).value;
  const relocs = skippable(space, "base relocations", "not applied at the preferred base", { count: 0, entries: [] }, () => parseRelocations(space));
  const relocations = relocs.value;
  const debug = skippable(space, "debug directory", "the loader never reads it", [], () => parseDebug(space)).value;
  let hash: string | undefined;
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
    isDll,
    subsystem: h.subsystem,
    dllCharacteristics: h.dllCharacteristics,
    sections,
    imports,
    delayImports,
    ...(exp ? { exportName: exp.dllName } : {}),
    exports: exp?.exports ?? [],
    relocations,
    ...(tls ? { tls } : {}),
    tlsCallbacks: tls?.callbacks ?? [],
    pdata,
    functionStarts: pdata.map((f) => f.begin),
    debug,
    ...(loadConfig ? { loadConfig } : {}),
    fileId: fileIdOf(file, h.sizeOfImage, h.timeDateStamp),
    get contentHash(): string {
      return (hash ??= opts.hash ? opts.hash() : contentHashOf(bytes));
    },
    warnings: space.warnings,
    ...(relocs.problem !== undefined ? { relocationProblem: relocs.problem } : {}),
  };
}

/**
 * Read and parse a PE file. A missing file, a directory or any non-regular file (`/dev/zero`, a
 * FIFO) is an InputError; a large file is mapped, not read (util/input-file.ts), and its hash is
 * streamed, so memory follows the bytes the parsers touch.
 */
export async function loadPeFile(path: string): Promise<PeFile> {
  return loadPeFileSync(path);
}

/** Synchronous variant of {@link loadPeFile}. */
export function loadPeFileSync(path: string): PeFile {
  const f = readInput(path);
  return parsePe(f.bytes, path, f.mapped ? { hash: () => sha256OfFile(path) } : {});
}
