/**
 * @file Stage 1 (PE loader): the export directory, forwarders included.
 *
 * On entry: an RvaSpace. On exit: one {@link Export} per (ordinal, name) pair in name-table order
 * (an ordinal with two names gives two entries), then one nameless entry per ordinal exported
 * without a name. Address-table slots holding 0 are unused ordinals and are left out. An RVA
 * inside the export directory is a forwarder string ("NTDLL.RtlAllocateHeap" or "DLL.#12").
 * Names and forwarders draw on the image's name budget (sections.ts MAX_NAME_CHARS); when it
 * runs out the list stops there and `space.warnings` says so.
 *
 *   const { dllName, exports } = parseExports(space);
 *   exports.find((e) => e.name === "CreateFileW")?.rva;
 */
import { fail, hex } from "./_bytes.ts";
import { DIR } from "./headers.ts";
import type { RvaSpace } from "./sections.ts";

export interface Export {
  name?: string;
  ordinal: number;
  /** Set for code/data exports. */
  rva?: number;
  /** Set for forwarders: "DLL.Function" or "DLL.#ordinal". */
  forwarder?: string;
}

export interface ExportTable {
  dllName: string;
  ordinalBase: number;
  exports: Export[];
}

const MAX_EXPORTS = 0x10000;

export function parseExports(space: RvaSpace): ExportTable | undefined {
  const dir = space.h.dirs[DIR.export];
  if (!dir || dir.rva === 0) return undefined;
  const d = space.bytes(dir.rva, 40, "export directory");
  const dv = new DataView(d.buffer, d.byteOffset, 40);
  const nameRva = dv.getUint32(12, true);
  const base = dv.getUint32(16, true);
  const nFuncs = dv.getUint32(20, true);
  const nNames = dv.getUint32(24, true);
  const funcsRva = dv.getUint32(28, true);
  const namesRva = dv.getUint32(32, true);
  const ordsRva = dv.getUint32(36, true);
  if (nFuncs > MAX_EXPORTS) fail(space.file, `export directory declares ${nFuncs} functions (at most ${MAX_EXPORTS})`, "corrupt");
  if (nNames > nFuncs && nNames > MAX_EXPORTS) fail(space.file, `export directory declares ${nNames} names for ${nFuncs} functions`, "corrupt");
  const dllName = nameRva ? space.cString(nameRva, "export DLL name") : "";
  const funcs = table(space, funcsRva, nFuncs * 4, "export address table");
  const names = table(space, namesRva, nNames * 4, "export name pointer table");
  const ords = table(space, ordsRva, nNames * 2, "export ordinal table");

  const inDir = (rva: number): boolean => rva >= dir.rva && rva - dir.rva < dir.size;
  const out: Export[] = [];
  // Names and forwarders are charged to the image's name budget; once it is spent the listing
  // stops there (a finding), so 65,536 pointers at one 4 KB string cannot make gigabytes.
  const cut = (): ExportTable => {
    space.warn(`export names exceed the image's name budget; ${out.length} of ${Math.max(nFuncs, nNames)} exports listed`);
    return { dllName, ordinalBase: base, exports: out };
  };
  const target = (idx: number, ordinal: number): Pick<Export, "rva" | "forwarder"> | undefined | null => {
    const rva = funcs.getUint32(idx * 4, true);
    if (rva === 0) return undefined;
    if (!inDir(rva)) return { rva };
    const forwarder = space.name(rva, `forwarder string of ordinal ${ordinal}`, 1024);
    return forwarder === undefined ? null : { forwarder };
  };

  const named = new Uint8Array(nFuncs);
  for (let i = 0; i < nNames; i++) {
    const idx = ords.getUint16(i * 2, true);
    if (idx >= nFuncs) fail(space.file, `export name #${i} maps to ordinal index ${idx}, past the ${nFuncs} functions`, "corrupt");
    const ordinal = base + idx;
    const name = space.name(names.getUint32(i * 4, true), `export name #${i}`);
    const t = target(idx, ordinal);
    if (name === undefined || t === null) return cut();
    named[idx] = 1;
    if (t) out.push({ name, ordinal, ...t });
  }
  for (let idx = 0; idx < nFuncs; idx++) {
    if (named[idx]) continue;
    const t = target(idx, base + idx);
    if (t === null) return cut();
    if (t) out.push({ ordinal: base + idx, ...t });
  }
  return { dllName, ordinalBase: base, exports: out };
}

function table(space: RvaSpace, rva: number, n: number, what: string): DataView {
  if (n === 0) return new DataView(new ArrayBuffer(0));
  if (rva === 0) fail(space.file, `${what} is missing (RVA 0) but ${n} bytes are declared`, "corrupt");
  const b = space.bytes(rva, n, what);
  if (b.length !== n) fail(space.file, `${what} at ${hex(rva)} is short`, "corrupt");
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}
