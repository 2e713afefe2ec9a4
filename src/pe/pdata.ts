/**
 * @file Stage 1 (PE loader): the exception directory (.pdata).
 *
 * On entry: an RvaSpace. On exit: RUNTIME_FUNCTION entries. x64 images (and ARM64EC images,
 * whose COFF machine is AMD64) use 12-byte `{ begin, end, unwind }` entries; ARM64 uses 8-byte
 * `{ begin, unwind-or-packed }` entries (end left undefined). In ARM64EC images this table holds
 * the x64 code's functions; the EC code's ARM64 entries are in the CHPE ExtraRFETable
 * (load-config.ts). Other machines (i386) have no
 * table; an empty list is returned. The function starts seed code discovery.
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

export function parsePdata(space: RvaSpace): RuntimeFunction[] {
  const dir = space.h.dirs[DIR.exception];
  if (!dir || dir.rva === 0 || dir.size === 0) return [];
  const m = space.h.machine;
  const width = m === MACHINE.amd64 ? 12 : m === MACHINE.arm64 || m === MACHINE.arm64ec || m === MACHINE.arm64x ? 8 : 0;
  if (width === 0) return [];
  const n = Math.floor(dir.size / width);
  if (n > 0x1000000) fail(space.file, `exception directory declares ${n} entries`, "corrupt");
  const b = space.bytes(dir.rva, n * width, "exception directory");
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: RuntimeFunction[] = [];
  for (let i = 0; i < n; i++) {
    const o = i * width;
    if (width === 12) out.push({ begin: dv.getUint32(o, true), end: dv.getUint32(o + 4, true), unwind: dv.getUint32(o + 8, true) });
    else out.push({ begin: dv.getUint32(o, true), unwind: dv.getUint32(o + 4, true) });
  }
  return out;
}
