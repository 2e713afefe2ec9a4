/**
 * @file Stage 1 (PE loader): the in-memory image model. {@link mapImage} lays a PeFile out the
 * way the Windows loader does (headers, then each section's raw data at its RVA, zero-filled to
 * its virtual size, in a SizeOfImage buffer) and applies base relocations for the chosen base
 * (an image whose relocation table could not be read, `pe.relocationProblem`, maps only at its
 * preferred base, as the loader would refuse to move it).
 *
 * On entry: a parsed PeFile and an optional base (default: the preferred ImageBase). On exit: a
 * {@link MappedImage} whose reads are by VA and bounds-checked. Relocation arithmetic is done in
 * bigint and wraps modulo 2^64 (DIR64) or 2^32 (HIGHLOW), so any 64-bit base works; a PE32 base
 * must fit in 32 bits. Executable ranges are sections with IMAGE_SCN_MEM_EXECUTE, rounded up to
 * SectionAlignment as the loader maps whole pages, clipped to SizeOfImage.
 *
 *   const img = mapImage(pe, 0x7ff600000000n);
 *   img.read(img.base + BigInt(pe.entryRva), 16);
 *   img.isExecutable(img.base + 0x1000n);   // true for .text
 */
import { fail, hex } from "./_bytes.ts";
import type { PeFile } from "./parse.ts";
import { REL } from "./relocs.ts";
import { memSize } from "./sections.ts";

/** Largest image we will allocate (the Windows loader's own limit is below 4 GiB). */
export const MAX_IMAGE = 0x4000_0000;

export interface ExecRange {
  start: bigint;
  end: bigint;
}

export interface MappedImage {
  pe: PeFile;
  base: bigint;
  /** SizeOfImage bytes, relocated for `base`. */
  memory: Uint8Array;
  /** Copy of `n` bytes at `va`; InputError if any byte is outside the image. */
  read(va: bigint | number, n: number): Uint8Array;
  u32(va: bigint | number): number;
  u64(va: bigint | number): bigint;
  /** Is `va` in a section mapped executable? */
  isExecutable(va: bigint | number): boolean;
  /** Executable ranges [start, end), sorted by start. */
  executableRanges: ExecRange[];
  /** RVA for a VA in this mapping, or undefined when outside. */
  rvaOf(va: bigint | number): number | undefined;
}

const alignUp = (v: number, a: number): number => (a > 1 ? Math.ceil(v / a) * a : v);

export function mapImage(pe: PeFile, base: bigint | number = pe.imageBase): MappedImage {
  const b = BigInt(base);
  const file = pe.file;
  if (b < 0n || b >= 1n << 64n) fail(file, `base ${hex(b)} is not a 64-bit address`, "bad-base");
  if (!pe.is64 && b + BigInt(pe.sizeOfImage) > 0x1_0000_0000n) fail(file, `base ${hex(b)} puts a PE32 image above 4 GiB`, "bad-base");
  if (pe.sizeOfImage === 0 || pe.sizeOfImage > MAX_IMAGE) fail(file, `SizeOfImage ${hex(pe.sizeOfImage)} is out of range (1..${hex(MAX_IMAGE)})`, "corrupt");
  const size = pe.sizeOfImage;
  const mem = new Uint8Array(size);
  const src = pe.bytes;
  mem.set(src.subarray(0, Math.min(pe.sizeOfHeaders, src.length, size)));
  for (const s of pe.sections) {
    if (s.rva >= size) continue;
    const n = Math.min(s.rawSize, memSize(s), size - s.rva, Math.max(0, src.length - s.rawOffset));
    if (n > 0) mem.set(src.subarray(s.rawOffset, s.rawOffset + n), s.rva);
  }
  const dv = new DataView(mem.buffer);
  const delta = b - pe.imageBase;
  // The loader applies relocations only when the image moves; only then is a bad table fatal.
  if (delta !== 0n && pe.relocationProblem !== undefined) fail(file, `cannot relocate to ${hex(b)}: ${pe.relocationProblem}`, "corrupt");
  if (delta !== 0n) {
    const d32 = Number(BigInt.asUintN(32, delta));
    for (const r of pe.relocations.entries) {
      if (r.type === REL.absolute) continue;
      const w = r.type === REL.dir64 ? 8 : 4;
      if (r.rva + w > size) fail(file, `base relocation at RVA ${hex(r.rva)} patches past SizeOfImage ${hex(size)}`, "corrupt");
      if (w === 8) dv.setBigUint64(r.rva, BigInt.asUintN(64, dv.getBigUint64(r.rva, true) + delta), true);
      else dv.setUint32(r.rva, (dv.getUint32(r.rva, true) + d32) >>> 0, true);
    }
  }
  const executableRanges: ExecRange[] = pe.sections
    .filter((s) => s.executable && s.rva < size && memSize(s) > 0)
    .map((s) => ({ start: b + BigInt(s.rva), end: b + BigInt(Math.min(size, s.rva + alignUp(memSize(s), pe.sectionAlignment))) }))
    .sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));

  const rvaOf = (va: bigint | number): number | undefined => {
    const off = BigInt(va) - b;
    return off >= 0n && off < BigInt(size) ? Number(off) : undefined;
  };
  const at = (va: bigint | number, n: number): number => {
    const rva = rvaOf(va);
    if (rva === undefined || n < 0 || rva + n > size) fail(file, `read of ${n} bytes at VA ${hex(BigInt(va))} is outside the image (${hex(b)}..${hex(b + BigInt(size))})`, "out-of-image");
    return rva;
  };
  return {
    pe,
    base: b,
    memory: mem,
    read: (va, n) => mem.slice(at(va, n), at(va, n) + n),
    u32: (va) => dv.getUint32(at(va, 4), true),
    u64: (va) => dv.getBigUint64(at(va, 8), true),
    isExecutable(va) {
      const v = BigInt(va);
      for (const r of executableRanges) if (v >= r.start && v < r.end) return true;
      return false;
    },
    executableRanges,
    rvaOf,
  };
}
