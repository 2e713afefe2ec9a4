/**
 * @file Stage 1 (PE loader): the import directory and the delay-load import directory.
 *
 * On entry: an RvaSpace. On exit: one {@link ImportedDll} per descriptor, each function either
 * `{ name, hint }` or `{ ordinal }`. The name table (ILT / INT) is read when present, else the
 * IAT, as the loader does. Old (VC6) delay descriptors, Attributes bit 0 clear, hold VAs
 * throughout, name-table entries included. Lists end at their NUL entry; hostile lists without one end at the
 * section boundary (InputError) or at the caps below, so a loop never runs away. Each distinct
 * table is parsed once (descriptors sharing one share the list), and a directory lists at most
 * MAX_TOTAL_IMPORTS functions in all: past that, and past the image's name budget, the lists are
 * cut and the cut is a finding in `space.warnings`.
 *
 *   const imps = parseImports(space);          // [{ dll: "KERNEL32.dll", functions: [...] }]
 *   const delayed = parseDelayImports(space);
 */
import { fail, hex } from "./_bytes.ts";
import { DIR } from "./headers.ts";
import type { RvaSpace } from "./sections.ts";

export type ImportedFunction = { name: string; hint: number } | { ordinal: number };

export interface ImportedDll {
  dll: string;
  functions: ImportedFunction[];
  /** RVA of the IAT the loader fills (delay imports: the delay IAT). */
  iatRva: number;
}

const MAX_DLLS = 4096;
const MAX_FUNCTIONS = 65536;
/** Functions listed over all descriptors of one directory; past it later descriptors list none. */
export const MAX_TOTAL_IMPORTS = 1 << 18;

/**
 * Tables already read, by RVA: descriptors that share one lookup table (hostile files do, to
 * multiply the work) share one parsed list. `listed` counts what the descriptors list in total.
 */
interface ThunkCache {
  tables: Map<number, ImportedFunction[]>;
  listed: number;
  what: string;
}

/** The functions one descriptor lists: its table parsed once, cut at the directory's total cap. */
function listThunks(space: RvaSpace, cache: ThunkCache, rva: number, dll: string, what: string, vaEntries = false): ImportedFunction[] {
  // Old (VA) and new (RVA) delay layouts read the same table differently.
  const key = rva * 2 + (vaEntries ? 1 : 0);
  let fns = cache.tables.get(key);
  if (!fns) cache.tables.set(key, (fns = readThunks(space, rva, dll, what, vaEntries)));
  const room = MAX_TOTAL_IMPORTS - cache.listed;
  if (fns.length > room) {
    space.warn(`${cache.what} lists more than ${MAX_TOTAL_IMPORTS} functions in total; the rest are not listed (from ${dll} on)`);
    fns = fns.slice(0, Math.max(0, room));
  }
  cache.listed += fns.length;
  return fns;
}

/** Walk an ILT/INT: pointer-sized entries up to the NUL one. */
function readThunks(space: RvaSpace, rva: number, dll: string, what: string, vaEntries = false): ImportedFunction[] {
  const out: ImportedFunction[] = [];
  const named = (hn: number): boolean => {
    const hint = space.u16(hn, `hint of an import from ${dll}`);
    const name = space.name(hn + 2, `name of an import from ${dll}`);
    if (name === undefined) {
      space.warn(`import names exceed the image's name budget; ${what} of ${dll} is cut at ${out.length} entries`);
      return false;
    }
    out.push({ name, hint });
    return true;
  };
  const width = space.h.is64 ? 8 : 4;
  const ordFlag = space.h.is64 ? 1n << 63n : 1n << 31n;
  for (let i = 0; ; i++) {
    if (i >= MAX_FUNCTIONS) fail(space.file, `${what} of ${dll} has more than ${MAX_FUNCTIONS} entries (no terminating NUL?)`, "corrupt");
    const v = space.ptr(rva + i * width, `${what} entry of ${dll}`);
    if (v === 0n) return out;
    if (v & ordFlag) {
      out.push({ ordinal: Number(v & 0xffffn) });
    } else if (vaEntries) {
      if (!named(space.rvaOfVa(v, `delay import name entry of ${dll}`))) return out;
    } else {
      // Bits 30..0 hold the hint/name RVA; the PE32+ bits 62..31 must be zero.
      if (v > 0x7fffffffn) fail(space.file, `${what} entry of ${dll} is ${hex(v)}: neither an ordinal nor a hint/name RVA`, "corrupt");
      if (!named(Number(v))) return out;
    }
  }
}

export function parseImports(space: RvaSpace): ImportedDll[] {
  const dir = space.h.dirs[DIR.import];
  if (!dir || dir.rva === 0) return [];
  const out: ImportedDll[] = [];
  const cache: ThunkCache = { tables: new Map(), listed: 0, what: "import directory" };
  for (let i = 0; ; i++) {
    if (i >= MAX_DLLS) fail(space.file, `import directory has more than ${MAX_DLLS} descriptors (no terminating NUL?)`, "corrupt");
    const d = space.bytes(dir.rva + i * 20, 20, "import descriptor");
    const dv = new DataView(d.buffer, d.byteOffset, 20);
    const ilt = dv.getUint32(0, true);
    const nameRva = dv.getUint32(12, true);
    const iat = dv.getUint32(16, true);
    if (d.every((b) => b === 0)) break;
    // The loader stops at the first descriptor without a name or IAT as well.
    if (nameRva === 0 || iat === 0) break;
    const dll = space.cString(nameRva, "imported DLL name");
    out.push({ dll, functions: listThunks(space, cache, ilt || iat, dll, ilt ? "import lookup table" : "import address table"), iatRva: iat });
  }
  return out;
}

export function parseDelayImports(space: RvaSpace): ImportedDll[] {
  const dir = space.h.dirs[DIR.delayImport];
  if (!dir || dir.rva === 0) return [];
  const out: ImportedDll[] = [];
  const cache: ThunkCache = { tables: new Map(), listed: 0, what: "delay import directory" };
  for (let i = 0; ; i++) {
    if (i >= MAX_DLLS) fail(space.file, `delay import directory has more than ${MAX_DLLS} descriptors (no terminating NUL?)`, "corrupt");
    const d = space.bytes(dir.rva + i * 32, 32, "delay import descriptor");
    const dv = new DataView(d.buffer, d.byteOffset, 32);
    const attributes = dv.getUint32(0, true);
    if (d.every((b) => b === 0)) break;
    const nameField = dv.getUint32(4, true);
    if (nameField === 0) break;
    // Attributes bit 0 clear: the old (VC6) layout, whose fields are VAs rather than RVAs.
    const rvaOf = (v: number, what: string): number => (attributes & 1 ? v : v === 0 ? 0 : space.rvaOfVa(BigInt(v), what));
    const dll = space.cString(rvaOf(nameField, "delay import DLL name"), "delay import DLL name");
    const iat = rvaOf(dv.getUint32(12, true), "delay import address table");
    const int = rvaOf(dv.getUint32(16, true), "delay import name table");
    if (int === 0) fail(space.file, `delay import descriptor for ${dll} has no import name table`, "corrupt");
    out.push({ dll, functions: listThunks(space, cache, int, dll, "delay import name table", !(attributes & 1)), iatRva: iat });
  }
  return out;
}
