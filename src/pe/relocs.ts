/**
 * @file Stage 1 (PE loader): base relocations (the .reloc directory).
 *
 * On entry: an RvaSpace. On exit: every entry of every block, ABSOLUTE padding included (as
 * llvm-readobj lists them), as `{ rva, type }`. Only ABSOLUTE (0), HIGHLOW (3) and DIR64 (10)
 * occur in x86/x64 images; any other type is an InputError ("unsupported-reloc"), and a block
 * whose SizeOfBlock is below 8 or runs past the directory is "corrupt", so the walk always
 * advances.
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
  entries: Relocation[];
}

export function parseRelocations(space: RvaSpace): Relocations {
  const dir = space.h.dirs[DIR.basereloc];
  if (!dir || dir.rva === 0 || dir.size === 0) return { count: 0, entries: [] };
  const all = space.bytes(dir.rva, dir.size, "base relocation directory");
  const dv = new DataView(all.buffer, all.byteOffset, all.byteLength);
  const entries: Relocation[] = [];
  let off = 0;
  while (off + 8 <= dir.size) {
    const page = dv.getUint32(off, true);
    const size = dv.getUint32(off + 4, true);
    if (size < 8) fail(space.file, `base relocation block at ${hex(dir.rva + off)} has SizeOfBlock ${size} (minimum 8)`, "corrupt");
    if (size > dir.size - off) {
      fail(space.file, `base relocation block at ${hex(dir.rva + off)} (SizeOfBlock ${size}) runs past the directory (${dir.size} bytes)`, "corrupt");
    }
    for (let e = off + 8; e + 2 <= off + size; e += 2) {
      const v = dv.getUint16(e, true);
      const type = v >>> 12;
      if (type !== REL.absolute && type !== REL.highlow && type !== REL.dir64) {
        fail(space.file, `unsupported base relocation type ${type} at RVA ${hex(page + (v & 0xfff))} (only ABSOLUTE, HIGHLOW and DIR64)`, "unsupported-reloc");
      }
      entries.push({ rva: page + (v & 0xfff), type });
    }
    off += size;
  }
  return { count: entries.length, entries };
}
