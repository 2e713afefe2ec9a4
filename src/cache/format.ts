/**
 * @file Stage 9 (code cache): the one definition of the cache file format that the writer
 * (`writer.ts`) and the reader (`reader.ts`, `check.ts`) share: magic, format version, header
 * field offsets, the table directory and each table's record layout, plus the identity helpers
 * (configuration fingerprint, cache file name). docs/cache-format.md is the prose
 * version of this file; a change here that changes bytes bumps FORMAT_VERSION.
 *
 *   const fp = configFingerprint({ target: "arm64ec", memoryOrder: "tso", volatileMetadata: true,
 *     features: BASELINE, options: {} });
 *   cacheFileName(image, config);   // "notepad.exe-0123456789abcdef-fedcba9876543210"
 *   u32[tableOff / 4 + i * BLOCK_WORDS + B.RVA]   // guest RVA of block i
 */
import type { HostFeatures } from "../arm64/features.ts";
import { fnv1a64 } from "../arm64/lower/output.ts";
import { crc32 } from "./_crc.ts";

// Version history:
//   1  first format: 256-byte header (identity, configuration, table directory), xxHash64 of
//      everything after the checksum field, 16 KiB-aligned code section at the end of the file.
//   2  the same layout; the code's atomics carry no alignment test on LSE hosts and rely on the
//      runtime's alignment handler (docs/runtime-abi.md §8), and a 32-bit guest's folded [x + k]
//      on [4 GiB, 4 GiB + 64 KiB) staying unmapped (§6): demands a version-1 runtime does not meet.
//   3  the same layout; a fault side table may give a push or pop pair's host word two entries.
//   4  the same layout; the checksum is CRC-32 (joinable from pieces) instead of xxHash64.
export const FORMAT_VERSION = 4;

/** The first 8 bytes of every cache. */
export const MAGIC = "AOTCACHE";
export const MAGIC_BYTES = new TextEncoder().encode(MAGIC);

/**
 * Alignment of the code section's start and of the file's end. 16 KiB covers hosts with 4 KiB
 * pages (Linux, Windows) and those with 16 KiB pages (Apple silicon, some Linux kernels): the
 * code maps directly on either, for at most 16 KiB - 4 bytes of padding per cache.
 */
export const CODE_ALIGN = 16384;
/** Guest page size the code-page table is keyed by (x86 pages are 4 KiB). */
export const GUEST_PAGE = 4096;
export const GUEST_PAGE_SHIFT = 12;
/** Every table starts at a multiple of this (so u32 and u64 views need no copying). */
export const TABLE_ALIGN = 8;

export const HEADER_SIZE = 256;

/** Header field byte offsets (all little-endian). */
export const H = {
  /** u8[8] MAGIC. */
  MAGIC: 0,
  /** u64: CRC-32 (zlib's) of bytes [CHECKSUM_FROM, fileSize), zero-extended. */
  CHECKSUM: 8,
  /** u32 FORMAT_VERSION. */
  VERSION: 16,
  /** u32 HEADER_SIZE. */
  HEADER_SIZE: 20,
  /** u64 total file size in bytes (a multiple of CODE_ALIGN). */
  FILE_SIZE: 24,
  /** u32 TARGET code. */
  TARGET: 32,
  /** u32 ORDER code. */
  MEMORY_ORDER: 36,
  /** u32 FLAG bits. */
  FLAGS: 40,
  /** u32 host feature bits (FEATURE_BITS order). */
  FEATURES: 44,
  /** u64 configFingerprint of the configuration (target, order, volatile metadata, features, options). */
  CONFIG: 48,
  /** u64 FEX FileId of the image (`fileIdOf`, src/pe/file-id.ts). */
  FILE_ID: 56,
  /** u8[32] SHA-256 of the image file. */
  SHA256: 64,
  /** u64 size of the image file in bytes. */
  IMAGE_SIZE: 96,
  /** u32 PE TimeDateStamp. */
  TIMESTAMP: 104,
  /** u32 PE SizeOfImage. */
  SIZE_OF_IMAGE: 108,
  /** u64 preferred image base (PE ImageBase); RVAs in the tables are relative to the load address. */
  IMAGE_BASE: 112,
  /** u32 CODE_ALIGN the file was written with. */
  CODE_ALIGN: 120,
  /** u32 GUEST_PAGE the page table was keyed with. */
  GUEST_PAGE: 124,
  /** TABLE_COUNT directory entries of DIR_ENTRY bytes: u32 byte offset, u32 element count. */
  TABLES: 128,
  // 192..255: reserved, zero.
} as const;

export const CHECKSUM_FROM = 16;

export const TARGET = { wow64: 1, arm64ec: 2 } as const;
export const ORDER = { tso: 0, relaxed: 1 } as const;
export const FLAG = { VOLATILE_METADATA: 1 } as const;
/** Host feature bit i is `FEATURE_BITS[i]`; append only (a new name is a new bit). */
export const FEATURE_BITS: readonly (keyof HostFeatures)[] = ["lse", "rcpc", "flagm", "flagm2"];

/** Table directory indices. Tables lie in this order in the file; CODE is last. */
export const T = {
  /** NAME_WORDS-word records {u32 byte offset into STRINGS, u32 byte length}. */
  NAMES: 0,
  /** UTF-8 bytes of every name, no terminators. */
  STRINGS: 1,
  /** BLOCK_WORDS-word records, strictly ascending by RVA. */
  BLOCKS: 2,
  /** PAGE_WORDS-word records, strictly ascending by guest page. */
  PAGES: 3,
  /** u32 block indices; each page's run ascending. */
  PAGE_BLOCKS: 4,
  /** RELOC_WORDS-word records, strictly ascending by site. */
  RELOCS: 5,
  /** Fault side tables (ABI §9) of every block, concatenated in block order. */
  FAULTS: 6,
  /** u32 host code words of every block, concatenated in block order; starts at CODE_ALIGN. */
  CODE: 7,
} as const;
export const TABLE_COUNT = 8;
export const DIR_ENTRY = 8;
export const TABLE_NAMES = ["names", "strings", "blocks", "pages", "page-blocks", "relocs", "faults", "code"] as const;
/** Bytes per element of each table (count × this = its size). */
export const ELEMENT_SIZE = [8, 1, 56, 12, 4, 16, 1, 4] as const;

/** Fixed entries of the NAMES table; block fallback mnemonics follow, sorted. */
export const NAME = { IMAGE: 0, BUILD_ID: 1, OPTIONS: 2 } as const;
export const FIXED_NAMES = 3;
export const NAME_WORDS = 2;

/** Block record fields (u32 word index within the record). */
export const B = {
  RVA: 0,
  GUEST_LENGTH: 1,
  HASH_LO: 2,
  HASH_HI: 3,
  INSNS: 4,
  /** First code word, counted from the start of the code section. */
  CODE: 5,
  WORDS: 6,
  BODY_WORDS: 7,
  RELOC_FIRST: 8,
  RELOC_COUNT: 9,
  /** Byte offset into FAULTS. */
  FAULT_OFFSET: 10,
  FAULT_LENGTH: 11,
  /** Index into NAMES of the fallback mnemonic that ended the block, or NONE. */
  FALLBACK: 12,
  /** Zero. */
  RESERVED: 13,
} as const;
export const BLOCK_WORDS = 14;
export const NONE = 0xffffffff;

/** Code-page record fields: blocks whose guest bytes touch page `PAGE` (RVA >> 12). */
export const P = { PAGE: 0, FIRST: 1, COUNT: 2 } as const;
export const PAGE_WORDS = 3;

/** Relocation record fields. */
export const R = {
  /** Code word the relocation patches, counted from the start of the code section. */
  SITE: 0,
  /** Bits 0-7: kind (RELOC in src/arm64/lower/output.ts); bit 8: RESOLVED. */
  KIND: 1,
  /** Target as a signed 64-bit offset from the image base (target VA - image base). */
  TARGET_LO: 2,
  TARGET_HI: 3,
} as const;
export const RELOC_WORDS = 4;
/** The writer linked the site: the `b` already branches to the target block in this cache. */
export const RESOLVED = 0x100;
export const KIND_MASK = 0xff;

/** Largest file the 32-bit table offsets can describe. */
export const MAX_FILE = 0xffff_0000;

export const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

// ── Identity ──

export interface CacheImage {
  /** File name of the image (`notepad.exe`); the cache name starts with its lowercased basename. */
  name: string;
  /** FEX FileId (`fileIdOf` in src/pe/file-id.ts). */
  fileId: bigint;
  /** SHA-256 of the image file, hex. */
  sha256: string;
  /** Image file size in bytes. */
  size: number;
  /** PE TimeDateStamp. */
  timestamp: number;
  /** Preferred image base (PE ImageBase). */
  imageBase: bigint;
  sizeOfImage: number;
}

export interface CacheConfig {
  target: "wow64" | "arm64ec";
  memoryOrder: "tso" | "relaxed";
  volatileMetadata: boolean;
  features: HostFeatures;
  /** Per-application options that change generated code. */
  options: Record<string, string>;
}

const sorted = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));

/** Canonical JSON of per-application options (sorted keys): what the OPTIONS name holds. */
export const canonicalOptions = (o: Record<string, string>): string => JSON.stringify(sorted(o));

/** Canonical text of a configuration: sorted keys at every level, so key order never matters. */
export function canonicalConfig(c: CacheConfig): string {
  return JSON.stringify({
    features: sorted(c.features as unknown as Record<string, unknown>),
    memoryOrder: c.memoryOrder,
    options: sorted(c.options),
    target: c.target,
    volatileMetadata: c.volatileMetadata,
  });
}

/** 64-bit fingerprint of everything in a configuration that changes generated code (FNV-1a 64 of `canonicalConfig`). */
export const configFingerprint = (c: CacheConfig): bigint => fnv1a64(new TextEncoder().encode(canonicalConfig(c)));

const basename = (p: string): string => p.slice(Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\")) + 1);
const hex16 = (v: bigint): string => BigInt.asUintN(64, v).toString(16).padStart(16, "0");

/** `<basename>-<fileid16>-<config16>`, as FEX names caches (basename lowercased: Windows names are case-insensitive). */
export const cacheFileName = (image: CacheImage, c: CacheConfig): string =>
  `${basename(image.name).toLowerCase()}-${hex16(image.fileId)}-${hex16(configFingerprint(c))}`;

/** Feature bits as stored in H.FEATURES. */
export function featureBits(f: HostFeatures): number {
  let bits = 0;
  FEATURE_BITS.forEach((k, i) => { if (f[k]) bits |= 1 << i; });
  return bits >>> 0;
}

export function featuresFromBits(bits: number): HostFeatures {
  const f = {} as HostFeatures;
  FEATURE_BITS.forEach((k, i) => { f[k] = ((bits >>> i) & 1) === 1; });
  return f;
}

/**
 * The whole-file checksum: CRC-32 (ISO-HDLC, zlib's `crc32`: a standard a C runtime recomputes
 * with one library call, and hardware-assisted on x86-64 and ARM64) of bytes [16, end), in the low
 * half of the u64 field. The writer computes the same value in pieces (_crc.ts).
 */
export const checksum = (file: Uint8Array): bigint => BigInt(crc32(file.subarray(CHECKSUM_FROM)));

export const hex = (v: bigint | number): string => `0x${v.toString(16)}`;
