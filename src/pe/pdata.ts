/**
 * @file Stage 1 (PE loader): the exception directory (.pdata).
 *
 * On entry: an RvaSpace. On exit: RUNTIME_FUNCTION entries. x64 images (and ARM64EC images,
 * whose COFF machine is AMD64) use 12-byte `{ begin, end, unwind }` entries; ARM64 uses 8-byte
 * `{ begin, unwind-or-packed }` entries (end left undefined). In ARM64EC images this table holds
 * the x64 code's functions; the EC code's ARM64 entries are in the CHPE ExtraRFETable
 * (load-config.ts). Other machines (i386) have no
 * table; an empty list is returned. The function starts seed code discovery. Only entries in the
 * file's bytes are read (zero fill past them describes nothing), at most MAX_PDATA of them; what is
 * left out is a finding in `space.warnings`.
 *
 *   parsePdata(space).map((f) => f.begin);   // function start RVAs
 */
import { fail } from "./_bytes.ts";
import { DIR, MACHINE } from "./headers.ts";
import type { RvaSpace } from "./sections.ts";

export interface RuntimeFunction {
  begin: number;
  end?: number;
  unwind: number;
}

/** Entries read; the largest real images have a few hundred thousand functions. */
export const MAX_PDATA = 1 << 20;

export function parsePdata(space: RvaSpace): RuntimeFunction[] {
  const dir = space.h.dirs[DIR.exception];
  if (!dir || dir.rva === 0 || dir.size === 0) return [];
  const m = space.h.machine;
  const width = m === MACHINE.amd64 ? 12 : m === MACHINE.arm64 || m === MACHINE.arm64ec || m === MACHINE.arm64x ? 8 : 0;
  if (width === 0) return [];
  const n = Math.floor(dir.size / width);
  if (n > 0x1000000) fail(space.file, `exception directory declares ${n} entries`, "corrupt");
  // Entries past the file's bytes are the loader's zero fill: all-zero, describing nothing.
  const b = space.backed(dir.rva, n * width, "exception directory");
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const inFile = Math.min(n, Math.floor(b.length / width));
  if (inFile < n) space.warn(`exception directory: ${n - inFile} of ${n} entries lie in zero fill past the file's bytes (ignored)`);
  if (inFile > MAX_PDATA) space.warn(`exception directory: ${inFile} entries; only the first ${MAX_PDATA} are read`);
  const out: RuntimeFunction[] = [];
  for (let i = 0; i < Math.min(inFile, MAX_PDATA); i++) {
    const o = i * width;
    if (width === 12) out.push({ begin: dv.getUint32(o, true), end: dv.getUint32(o + 4, true), unwind: dv.getUint32(o + 8, true) });
    else out.push({ begin: dv.getUint32(o, true), unwind: dv.getUint32(o + 4, true) });
  }
  return out;
}
