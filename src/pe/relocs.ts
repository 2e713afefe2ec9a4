/**
 * @file Stage 1 (PE loader): base relocations (the .reloc directory).
 *
 * On entry: an RvaSpace. On exit: every entry of every block, ABSOLUTE padding included (as
 * llvm-readobj lists them), as `{ rva, type }`. Only ABSOLUTE (0), HIGHLOW (3) and DIR64 (10)
 * occur in x86/x64 images; any other type is an InputError ("unsupported-reloc"), and a block
 * whose SizeOfBlock is 1..7 or runs past the directory is "corrupt", so the walk always
 * advances. A SizeOfBlock of 0 ends the list, as it ends Windows' and Wine's relocation loops: a
 * directory over zero-filled memory, or valid blocks followed by zero padding, is what installer
 * stubs patched after linking carry. parse.ts turns an error here into a warning (an image at its
 * preferred base is never relocated) and image.ts refuses to relocate such an image. Only the
 * file-backed bytes are read: entries in the zero fill past them are ABSOLUTE
 * padding and are counted, not listed, so a block claiming 64 MB of them costs nothing; more than
 * MAX_RELOC_ENTRIES listed entries is a finding (`space.warnings`) and the rest are counted only.
 *
 *   const relocs = parseRelocations(space);   // { count, entries: [{ rva: 0x8920, type: 10 }] }
 */
import { fail, hex } from "./_bytes.ts";
import { DIR } from "./headers.ts";
import type { RvaSpace } from "./sections.ts";

export const REL = { absolute: 0, highlow: 3, dir64: 10 } as const;
export const REL_NAMES: Record<number, string> = { 0: "ABSOLUTE", 3: "HIGHLOW", 10: "DIR64" };

export interface Relocation {
  rva: number;
  type: number;
}

export interface Relocations {
  /** All entries, ABSOLUTE padding included. */
  count: number;
  /** The entries in the file's bytes, at most MAX_RELOC_ENTRIES (zero-fill padding is only counted). */
  entries: Relocation[];
}

/** Entries kept in `entries`; a real image has a few hundred thousand at most. */
export const MAX_RELOC_ENTRIES = 1 << 21;

const pad4 = (b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(4);
  out.set(b.subarray(0, 4));
  return out;
};

export function parseRelocations(space: RvaSpace): Relocations {
  const dir = space.h.dirs[DIR.basereloc];
  if (!dir || dir.rva === 0 || dir.size === 0) return { count: 0, entries: [] };
  // Only the file-backed bytes are read; past them the loader's zero fill reads as zero.
  const all = space.backed(dir.rva, dir.size, "base relocation directory");
  const dv = new DataView(all.buffer, all.byteOffset, all.byteLength);
  const u32 = (o: number): number => (o + 4 <= all.length ? dv.getUint32(o, true) : o < all.length ? new DataView(pad4(all.subarray(o)).buffer).getUint32(0, true) : 0);
  const entries: Relocation[] = [];
  let count = 0;
  let off = 0;
  while (off + 8 <= dir.size) {
    const page = u32(off);
    const size = u32(off + 4);
    if (size === 0) break;
    if (size < 8) fail(space.file, `base relocation block at ${hex(dir.rva + off)} has SizeOfBlock ${size} (minimum 8)`, "corrupt");
    if (size > dir.size - off) {
      fail(space.file, `base relocation block at ${hex(dir.rva + off)} (SizeOfBlock ${size}) runs past the directory (${dir.size} bytes)`, "corrupt");
    }
    const end = off + size;
    let e = off + 8;
    for (; e + 2 <= end && e < all.length; e += 2) {
      const v = e + 2 <= all.length ? dv.getUint16(e, true) : all[e]!;
      const type = v >>> 12;
      if (type !== REL.absolute && type !== REL.highlow && type !== REL.dir64) {
        fail(space.file, `unsupported base relocation type ${type} at RVA ${hex(page + (v & 0xfff))} (only ABSOLUTE, HIGHLOW and DIR64)`, "unsupported-reloc");
      }
      count++;
      if (entries.length < MAX_RELOC_ENTRIES) entries.push({ rva: page + (v & 0xfff), type });
      else space.warn(`base relocations: more than ${MAX_RELOC_ENTRIES} entries; only the first ${MAX_RELOC_ENTRIES} are kept`);
    }
    // The rest of the block is zero fill: ABSOLUTE padding, which patches nothing. Counted, not listed.
    if (e + 2 <= end) count += Math.floor((end - e) / 2);
    off += size;
  }
  return { count, entries };
}
