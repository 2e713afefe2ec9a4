/**
 * @file Stage 1 (PE loader): the DOS stub header, the COFF file header and the PE32/PE32+
 * optional header with its data directories.
 *
 * On entry: the raw file bytes. On exit: a {@link PeHeaders} with every field the later parsers
 * need, or an InputError: "not-pe" for files that are not PE images (a 16-bit NE/LE executable,
 * a text file), "truncated" when a header runs past the end, "bad-magic" for an unknown optional
 * header magic.
 *
 *   const h = parseHeaders(new FileReader("a.dll", bytes));
 *   h.format; // "PE32+"
 *   h.dirs[DIR.import]; // { rva, size }
 */
import { fail, hex, type FileReader } from "./_bytes.ts";

export interface DataDirectory {
  rva: number;
  size: number;
}

/** Data directory indices (PE/COFF spec, "Optional Header Data Directories"). */
export const DIR = {
  export: 0,
  import: 1,
  resource: 2,
  exception: 3,
  security: 4,
  basereloc: 5,
  debug: 6,
  tls: 9,
  loadConfig: 10,
  boundImport: 11,
  iat: 12,
  delayImport: 13,
  clr: 14,
} as const;

export const MACHINE = { i386: 0x14c, amd64: 0x8664, arm64: 0xaa64, arm64ec: 0xa641, arm64x: 0xa64e } as const;
export const FILE_DLL = 0x2000;

export interface PeHeaders {
  peOffset: number;
  machine: number;
  numberOfSections: number;
  timeDateStamp: number;
  pointerToSymbolTable: number;
  numberOfSymbols: number;
  sizeOfOptionalHeader: number;
  characteristics: number;
  format: "PE32" | "PE32+";
  is64: boolean;
  entryRva: number;
  imageBase: bigint;
  sectionAlignment: number;
  fileAlignment: number;
  sizeOfImage: number;
  sizeOfHeaders: number;
  checksum: number;
  subsystem: number;
  dllCharacteristics: number;
  dirs: DataDirectory[];
  /** File offset of the first section header. */
  sectionTableOffset: number;
}

export function parseHeaders(r: FileReader): PeHeaders {
  if (r.length < 2 || r.bytes[0] !== 0x4d || r.bytes[1] !== 0x5a) {
    fail(r.file, "not a PE image (no MZ signature)", "not-pe");
  }
  if (r.length < 0x40) fail(r.file, `not a PE image (file of ${r.length} bytes is shorter than a DOS header)`, "not-pe");
  const peOffset = r.u32(0x3c, "e_lfanew");
  if (peOffset + 4 > r.length) fail(r.file, `not a PE image (e_lfanew ${hex(peOffset)} points past the end of the file)`, "not-pe");
  const sig = r.bytes.subarray(peOffset, peOffset + 4);
  if (!(sig[0] === 0x50 && sig[1] === 0x45 && sig[2] === 0 && sig[3] === 0)) {
    const two = String.fromCharCode(sig[0] ?? 0, sig[1] ?? 0);
    const what = two === "NE" ? "a 16-bit NE executable" : two === "LE" || two === "LX" ? `a ${two} (VxD/OS2) executable` : "an MZ-only (DOS) executable";
    fail(r.file, `not a PE image: ${what}, no PE signature at ${hex(peOffset)}`, "not-pe");
  }
  const c = peOffset + 4;
  const machine = r.u16(c, "COFF file header");
  const numberOfSections = r.u16(c + 2, "COFF file header");
  const timeDateStamp = r.u32(c + 4, "COFF file header");
  const pointerToSymbolTable = r.u32(c + 8, "COFF file header");
  const numberOfSymbols = r.u32(c + 12, "COFF file header");
  const sizeOfOptionalHeader = r.u16(c + 16, "COFF file header");
  const characteristics = r.u16(c + 18, "COFF file header");
  const o = c + 20;
  if (sizeOfOptionalHeader < 2) fail(r.file, `SizeOfOptionalHeader is ${sizeOfOptionalHeader}: an object file, not an image`, "not-pe");
  const magic = r.u16(o, "optional header");
  if (magic !== 0x10b && magic !== 0x20b) fail(r.file, `unknown optional header magic ${hex(magic)} (want 0x10b or 0x20b)`, "bad-magic");
  const is64 = magic === 0x20b;
  const fixed = is64 ? 112 : 96;
  if (sizeOfOptionalHeader < fixed) {
    fail(r.file, `SizeOfOptionalHeader ${sizeOfOptionalHeader} is smaller than the ${is64 ? "PE32+" : "PE32"} optional header (${fixed})`, "corrupt");
  }
  r.need(o, fixed, "optional header");
  const imageBase = is64 ? r.u64(o + 24, "ImageBase") : BigInt(r.u32(o + 28, "ImageBase"));
  const declared = r.u32(o + fixed - 4, "NumberOfRvaAndSizes");
  // The loader reads at most 16 directories and never past the declared optional header.
  const nDirs = Math.min(declared, 16, Math.floor((sizeOfOptionalHeader - fixed) / 8));
  const dirs: DataDirectory[] = [];
  for (let i = 0; i < 16; i++) {
    if (i < nDirs) dirs.push({ rva: r.u32(o + fixed + i * 8, "data directory"), size: r.u32(o + fixed + i * 8 + 4, "data directory") });
    else dirs.push({ rva: 0, size: 0 });
  }
  return {
    peOffset,
    machine,
    numberOfSections,
    timeDateStamp,
    pointerToSymbolTable,
    numberOfSymbols,
    sizeOfOptionalHeader,
    characteristics,
    format: is64 ? "PE32+" : "PE32",
    is64,
    entryRva: r.u32(o + 16, "AddressOfEntryPoint"),
    imageBase,
    sectionAlignment: r.u32(o + 32, "SectionAlignment"),
    fileAlignment: r.u32(o + 36, "FileAlignment"),
    sizeOfImage: r.u32(o + 56, "SizeOfImage"),
    sizeOfHeaders: r.u32(o + 60, "SizeOfHeaders"),
    checksum: r.u32(o + 64, "CheckSum"),
    subsystem: r.u16(o + 68, "Subsystem"),
    dllCharacteristics: r.u16(o + 70, "DllCharacteristics"),
    dirs,
    sectionTableOffset: o + sizeOfOptionalHeader,
  };
}

export const MACHINE_NAMES: Record<number, string> = {
  0x14c: "i386",
  0x8664: "amd64",
  0xaa64: "arm64",
  0xa641: "arm64ec",
  0xa64e: "arm64x",
  0x1c4: "armnt",
};

export const SUBSYSTEM_NAMES: Record<number, string> = {
  0: "unknown",
  1: "native",
  2: "windows-gui",
  3: "windows-cui",
  9: "windows-ce-gui",
  10: "efi-application",
  16: "windows-boot-application",
};
