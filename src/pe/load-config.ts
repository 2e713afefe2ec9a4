/**
 * @file Stage 1 (PE loader): the load config directory, with the hybrid (CHPE) code-range map of
 * ARM64EC/ARM64X images and the volatile metadata MSVC emits for x64 emulators.
 *
 * On entry: an RvaSpace. On exit: a {@link LoadConfig} or undefined. A field exists only if the
 * structure's own `Size` covers it (older linkers write shorter structures). The CHPE and
 * volatile-metadata pointers are VAs at the preferred base; their tables are RVA+size pairs that
 * must lie inside the image, every count is checked against its declared size, and a code-range
 * type of 3 is an InputError.
 *
 * Layouts: IMAGE_LOAD_CONFIG_DIRECTORY32/64 (winnt.h), IMAGE_ARM64EC_METADATA (CodeMap at +4,
 * CodeMapCount at +8; entry `{ StartOffset | type, Length }`, type 0 ARM64, 1 ARM64EC, 2 AMD64),
 * IMAGE_CHPE_METADATA_X86 for PE32 (ranges at +4/+8, bit 0 = native ARM64), and
 * IMAGE_VOLATILE_METADATA (FEX reference §4.8: access table of u32 RVAs, info-range table of
 * `{ Rva, Size }`).
 *
 *   const lc = parseLoadConfig(space);
 *   lc?.hybrid;            // [{ start: 0x1004, end: 0x1060, kind: "arm64ec" }]
 *   lc?.volatileMetadata;  // { accessRvas: [...], infoRanges: [{ rva, size }] }
 */
import { fail, hex } from "./_bytes.ts";
import { DIR } from "./headers.ts";
import type { RvaSpace } from "./sections.ts";

export type CodeRangeKind = "arm64" | "arm64ec" | "x64" | "x86";

export interface CodeRange {
  /** RVA of the first byte. */
  start: number;
  /** RVA one past the last byte. */
  end: number;
  kind: CodeRangeKind;
}

export interface VolatileMetadata {
  version: number;
  /** RVAs of instructions that perform volatile (ordered) accesses. */
  accessRvas: number[];
  /** Ranges in which `accessRvas` is authoritative. */
  infoRanges: { rva: number; size: number }[];
}

export interface LoadConfig {
  /** The structure's own Size field. */
  size: number;
  timeDateStamp: number;
  securityCookie?: bigint;
  seHandlerTable?: bigint;
  seHandlerCount?: bigint;
  guardFlags?: number;
  chpeMetadataPointer?: bigint;
  dynamicValueRelocTable?: bigint;
  volatileMetadataPointer?: bigint;
  /** CHPE version and code-range map, when the image is hybrid. */
  chpeVersion?: number;
  hybrid?: CodeRange[];
  /** ARM64EC: ARM64 RUNTIME_FUNCTIONs of the EC code (the exception directory holds the x64 ones). */
  extraRfeTable?: { rva: number; size: number };
  volatileMetadata?: VolatileMetadata;
}

/** Field offsets in IMAGE_LOAD_CONFIG_DIRECTORY32 / 64. */
const OFF = {
  securityCookie: [60, 88],
  seHandlerTable: [64, 96],
  seHandlerCount: [68, 104],
  guardFlags: [88, 144],
  dynamicValueRelocTable: [120, 192],
  chpeMetadataPointer: [124, 200],
  volatileMetadataPointer: [160, 256],
} as const;

const MAX_LOAD_CONFIG = 0x1000;
const MAX_TABLE = 0x100000;

export function parseLoadConfig(space: RvaSpace): LoadConfig | undefined {
  const dir = space.h.dirs[DIR.loadConfig];
  if (!dir || dir.rva === 0 || dir.size === 0) return undefined;
  const size = space.u32(dir.rva, "load config Size");
  if (size < 8 || size > MAX_LOAD_CONFIG) fail(space.file, `load config Size is ${size} (expected 8..${MAX_LOAD_CONFIG})`, "corrupt");
  const b = space.bytes(dir.rva, size, "load config directory");
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const w = space.h.is64 ? 8 : 4;
  const k = space.h.is64 ? 1 : 0;
  const ptr = (field: keyof typeof OFF): bigint | undefined => {
    const o = OFF[field][k];
    if (o + w > size) return undefined;
    return w === 8 ? dv.getBigUint64(o, true) : BigInt(dv.getUint32(o, true));
  };
  const lc: LoadConfig = { size, timeDateStamp: dv.getUint32(4, true) };
  for (const f of ["securityCookie", "seHandlerTable", "seHandlerCount", "dynamicValueRelocTable", "chpeMetadataPointer", "volatileMetadataPointer"] as const) {
    const v = ptr(f);
    if (v !== undefined) lc[f] = v;
  }
  const gf = OFF.guardFlags[k];
  if (gf + 4 <= size) lc.guardFlags = dv.getUint32(gf, true);
  if (lc.chpeMetadataPointer) Object.assign(lc, parseChpe(space, lc.chpeMetadataPointer));
  if (lc.volatileMetadataPointer) lc.volatileMetadata = parseVolatile(space, lc.volatileMetadataPointer);
  return lc;
}

function parseChpe(space: RvaSpace, va: bigint): Pick<LoadConfig, "chpeVersion" | "hybrid" | "extraRfeTable"> {
  const at = space.rvaOfVa(va, "CHPEMetadataPointer");
  const version = space.u32(at, "CHPE metadata");
  const mapRva = space.u32(at + 4, "CHPE metadata");
  const count = space.u32(at + 8, "CHPE metadata");
  if (count > MAX_TABLE) fail(space.file, `CHPE code map declares ${count} ranges`, "corrupt");
  const b = space.bytes(mapRva, count * 8, "CHPE code map");
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const hybrid: CodeRange[] = [];
  for (let i = 0; i < count; i++) {
    const raw = dv.getUint32(i * 8, true);
    const length = dv.getUint32(i * 8 + 4, true);
    let kind: CodeRangeKind;
    let start: number;
    if (space.h.is64) {
      const t = raw & 3;
      if (t === 3) fail(space.file, `CHPE code range #${i} at ${hex(raw & ~3)} has reserved type 3`, "corrupt");
      kind = t === 0 ? "arm64" : t === 1 ? "arm64ec" : "x64";
      start = (raw & ~3) >>> 0;
    } else {
      kind = raw & 1 ? "arm64" : "x86";
      start = (raw & ~1) >>> 0;
    }
    const end = start + length;
    if (end > space.h.sizeOfImage) fail(space.file, `CHPE code range #${i} ${hex(start)}-${hex(end)} runs past SizeOfImage ${hex(space.h.sizeOfImage)}`, "corrupt");
    hybrid.push({ start, end, kind });
  }
  if (!space.h.is64) return { chpeVersion: version, hybrid };
  // IMAGE_ARM64EC_METADATA +64/+68 (checked against llvm-readobj-19's ExtraRFETable on the fixtures).
  const extra = { rva: space.u32(at + 64, "CHPE metadata"), size: space.u32(at + 68, "CHPE metadata") };
  if (extra.rva && !space.has(extra.rva, extra.size)) fail(space.file, `CHPE ExtraRFETable ${hex(extra.rva)}+${hex(extra.size)} lies outside the image`, "corrupt");
  return { chpeVersion: version, hybrid, ...(extra.rva ? { extraRfeTable: extra } : {}) };
}

function parseVolatile(space: RvaSpace, va: bigint): VolatileMetadata {
  const at = space.rvaOfVa(va, "VolatileMetadataPointer");
  const hdr = space.bytes(at, 24, "volatile metadata");
  const dv = new DataView(hdr.buffer, hdr.byteOffset, 24);
  const size = dv.getUint32(0, true);
  if (size < 24) fail(space.file, `volatile metadata Size is ${size} (minimum 24)`, "corrupt");
  const version = dv.getUint32(4, true);
  const accRva = dv.getUint32(8, true);
  const accSize = dv.getUint32(12, true);
  const rngRva = dv.getUint32(16, true);
  const rngSize = dv.getUint32(20, true);
  if (accSize % 4 || accSize > MAX_TABLE * 4) fail(space.file, `volatile access table size ${accSize} is not a multiple of 4 (or too large)`, "corrupt");
  if (rngSize % 8 || rngSize > MAX_TABLE * 8) fail(space.file, `volatile info-range table size ${rngSize} is not a multiple of 8 (or too large)`, "corrupt");
  const img = space.h.sizeOfImage;
  const accessRvas: number[] = [];
  if (accSize) {
    const a = space.bytes(accRva, accSize, "volatile access table");
    const av = new DataView(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < accSize; i += 4) {
      const rva = av.getUint32(i, true);
      if (rva >= img) fail(space.file, `volatile access table entry ${hex(rva)} is outside the image`, "corrupt");
      accessRvas.push(rva);
    }
  }
  const infoRanges: VolatileMetadata["infoRanges"] = [];
  if (rngSize) {
    const r = space.bytes(rngRva, rngSize, "volatile info-range table");
    const rv = new DataView(r.buffer, r.byteOffset, r.byteLength);
    for (let i = 0; i < rngSize; i += 8) {
      const rva = rv.getUint32(i, true);
      const n = rv.getUint32(i + 4, true);
      if (rva + n > img) fail(space.file, `volatile info range ${hex(rva)}+${hex(n)} runs past the image`, "corrupt");
      infoRanges.push({ rva, size: n });
    }
  }
  return { version, accessRvas, infoRanges };
}
