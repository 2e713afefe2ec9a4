/**
 * @file Stage 1 (PE loader): the section table, and {@link RvaSpace}, the bounds-checked view of
 * the image by RVA that every directory parser reads through.
 *
 * On entry: the parsed headers. On exit: sections with their names (long `/123` names resolved
 * through the COFF string table, as mingw writes them for `.debug_*`), flags and an
 * `executable` bit; RvaSpace reads return the bytes the Windows loader would place at that RVA
 * (raw data, then zeros up to the section's virtual size) and throw InputError for anything
 * outside the headers or a section.
 *
 *   const secs = parseSections(r, h);
 *   const space = new RvaSpace(r, h, secs);
 *   space.u32(h.dirs[DIR.import]!.rva, "import descriptor");
 */
import { fail, hex, latin1, type FileReader } from "./_bytes.ts";
import type { PeHeaders } from "./headers.ts";

export interface Section {
  name: string;
  rva: number;
  virtualSize: number;
  rawOffset: number;
  rawSize: number;
  flags: number;
  executable: boolean;
}

export const SCN = {
  cntCode: 0x20,
  cntInitializedData: 0x40,
  cntUninitializedData: 0x80,
  memDiscardable: 0x02000000,
  memShared: 0x10000000,
  memExecute: 0x20000000,
  memRead: 0x40000000,
  memWrite: 0x80000000,
} as const;

/** Short flag names for human output, in bit order. */
export function sectionFlagNames(flags: number): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(SCN)) if ((flags & v) >>> 0 === v) out.push(k);
  return out;
}

const MAX_SECTIONS = 96;
const MAX_READ = 64 << 20; // the Windows loader's own limit
/**
 * Characters of names (imports, exports, forwarders) one image may yield in total. Names are
 * capped at 4 KB each, but thousands of pointers can share one long string; past this budget the
 * directory parsers stop listing and record a finding, so output stays proportional to the file.
 */
export const MAX_NAME_CHARS = 16 << 20;

export function parseSections(r: FileReader, h: PeHeaders): Section[] {
  if (h.numberOfSections > MAX_SECTIONS) fail(r.file, `NumberOfSections is ${h.numberOfSections} (the loader allows at most ${MAX_SECTIONS})`, "corrupt");
  r.need(h.sectionTableOffset, h.numberOfSections * 40, "section table");
  const out: Section[] = [];
  for (let i = 0; i < h.numberOfSections; i++) {
    const o = h.sectionTableOffset + i * 40;
    let name = r.fixedString(o, 8, "section name");
    if (/^\/\d+$/.test(name)) name = longName(r, h, Number(name.slice(1))) ?? name;
    const flags = r.u32(o + 36, "section flags");
    out.push({
      name,
      virtualSize: r.u32(o + 8, "section header"),
      rva: r.u32(o + 12, "section header"),
      rawSize: r.u32(o + 16, "section header"),
      rawOffset: r.u32(o + 20, "section header"),
      flags,
      executable: (flags & SCN.memExecute) !== 0,
    });
  }
  return out;
}

/** `/N` names point N bytes into the COFF string table that follows the symbol table. */
function longName(r: FileReader, h: PeHeaders, off: number): string | undefined {
  if (h.pointerToSymbolTable === 0) return undefined;
  const table = h.pointerToSymbolTable + h.numberOfSymbols * 18;
  if (table + 4 > r.length) return undefined;
  const size = r.u32(table, "COFF string table");
  if (off < 4 || off >= size || table + off >= r.length) return undefined;
  const end = Math.min(r.length, table + size);
  const nul = r.bytes.subarray(table + off, end).indexOf(0);
  return latin1(r.bytes.subarray(table + off, nul < 0 ? end : table + off + nul));
}

/** How many bytes a section occupies in memory (the loader uses the raw size when VirtualSize is 0). */
export const memSize = (s: Section): number => s.virtualSize || s.rawSize;

/** An executable section's file-backed code: the bytes a linear disassembly sweep reads. */
export interface CodeSection {
  name: string;
  rva: number;
  bytes: Uint8Array;
}

/**
 * The code of every executable section as it is in the file: the raw data, cut at the section's
 * memory size (the rest of the raw data is alignment padding, and the zero fill past it is not
 * code anyone wrote). A section whose raw data runs past the end of the file keeps what is there
 * when `truncated` is "clip" and is an InputError when it is "error".
 */
export function codeSections(pe: { file: string; bytes: Uint8Array; sections: Section[] }, truncated: "clip" | "error" = "error"): CodeSection[] {
  const out: CodeSection[] = [];
  for (const s of pe.sections) {
    if (!s.executable) continue;
    let size = Math.min(s.rawSize, memSize(s));
    if (s.rawOffset + size > pe.bytes.length) {
      if (truncated === "error") fail(pe.file, `section ${s.name} runs past the end of the file`, "truncated");
      size = Math.max(0, pe.bytes.length - s.rawOffset);
    }
    if (size > 0) out.push({ name: s.name, rva: s.rva, bytes: pe.bytes.subarray(s.rawOffset, s.rawOffset + size) });
  }
  return out;
}

/**
 * Reads by RVA with loader semantics. A read must lie inside one section's memory extent or the
 * headers; bytes past the section's raw data (or past the end of a truncated file) read as zero,
 * as the loader zero-fills them.
 */
export class RvaSpace {
  readonly file: string;
  /** Findings: caps reached and tables cut short; the parse went on (see PeFile.warnings). */
  readonly warnings: string[] = [];
  /** Name characters handed out so far (see {@link MAX_NAME_CHARS}). */
  nameChars = 0;
  private readonly strings = new Map<number, string>();
  private readonly headerSize: number;
  constructor(
    readonly r: FileReader,
    readonly h: PeHeaders,
    readonly sections: Section[],
  ) {
    this.file = r.file;
    this.headerSize = Math.min(h.sizeOfHeaders, r.length);
  }

  /** The section containing `rva`, if any. */
  sectionAt(rva: number): Section | undefined {
    for (const s of this.sections) if (rva >= s.rva && rva - s.rva < memSize(s)) return s;
    return undefined;
  }

  /** True if [rva, rva+n) is mapped (headers or one section). */
  has(rva: number, n: number): boolean {
    return this.locate(rva, n) !== undefined;
  }

  /** Where [rva, rva+n) comes from: file offset and how many of those bytes are backed by the file. */
  private locate(rva: number, n: number): { off: number; backed: number } | undefined {
    if (!(rva >= 0 && n >= 0) || rva + n > 0x1_0000_0000) return undefined;
    if (rva + n <= this.headerSize) return { off: rva, backed: n };
    const s = this.sectionAt(rva);
    if (!s || rva + n > s.rva + memSize(s)) return undefined;
    const inRaw = Math.min(s.rawSize, memSize(s));
    const off = s.rawOffset + (rva - s.rva);
    // Raw bytes end at the section's raw size or the end of the file, whichever is first.
    const rawEnd = Math.min(s.rawOffset + inRaw, this.r.length);
    return { off, backed: Math.max(0, Math.min(n, rawEnd - off)) };
  }

  /** Record a finding once. */
  warn(msg: string): void {
    if (!this.warnings.includes(msg)) this.warnings.push(msg);
  }

  /**
   * The file-backed start of [rva, rva+n): a view of at most `n` bytes, shorter when the rest is
   * the loader's zero fill. Nothing is allocated, so a hostile VirtualSize costs nothing; the
   * caller treats bytes past the view as zero. The whole range must be mapped.
   */
  backed(rva: number, n: number, what: string): Uint8Array {
    const loc = this.locate(rva, n);
    if (!loc) fail(this.file, `${what} at RVA ${hex(rva)} (${n} bytes) lies outside the headers and every section`, "bad-rva");
    return this.r.bytes.subarray(loc.off, loc.off + loc.backed);
  }

  /** Copy of [rva, rva+n) as the loader maps it. */
  bytes(rva: number, n: number, what: string): Uint8Array {
    // No real directory comes near this; a hostile VirtualSize must not make us zero-fill GiBs.
    if (n > MAX_READ) fail(this.file, `${what} at RVA ${hex(rva)} claims ${n} bytes (more than ${MAX_READ})`, "corrupt");
    const loc = this.locate(rva, n);
    if (!loc) fail(this.file, `${what} at RVA ${hex(rva)} (${n} bytes) lies outside the headers and every section`, "bad-rva");
    if (loc.backed === n) return this.r.bytes.subarray(loc.off, loc.off + n);
    const out = new Uint8Array(n);
    if (loc.backed > 0) out.set(this.r.bytes.subarray(loc.off, loc.off + loc.backed));
    return out;
  }

  private view(rva: number, n: number, what: string): DataView {
    const b = this.bytes(rva, n, what);
    return new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  u16(rva: number, what: string): number {
    return this.view(rva, 2, what).getUint16(0, true);
  }
  u32(rva: number, what: string): number {
    return this.view(rva, 4, what).getUint32(0, true);
  }
  u64(rva: number, what: string): bigint {
    return this.view(rva, 8, what).getBigUint64(0, true);
  }
  /** Pointer-sized value (u32 for PE32, u64 for PE32+). */
  ptr(rva: number, what: string): bigint {
    return this.h.is64 ? this.u64(rva, what) : BigInt(this.u32(rva, what));
  }

  /** NUL-terminated string at `rva`; must end inside the same section, within `max` bytes. */
  cString(rva: number, what: string, max = 4096): string {
    const cached = this.strings.get(rva);
    if (cached !== undefined && cached.length < max) return cached;
    const loc = this.locate(rva, 1);
    if (!loc) fail(this.file, `${what} at RVA ${hex(rva)} lies outside the headers and every section`, "bad-rva");
    const s = rva + 1 <= this.headerSize ? undefined : this.sectionAt(rva);
    const avail = s ? s.rva + memSize(s) - rva : this.headerSize - rva;
    const n = Math.min(avail, max);
    // Past the file-backed bytes everything is zero fill, so the NUL is at the view's end at the latest.
    const b = this.backed(rva, n, what);
    let nul = b.indexOf(0);
    if (nul < 0 && b.length < n) nul = b.length;
    if (nul < 0) fail(this.file, `${what} at RVA ${hex(rva)} has no terminating NUL within ${n} bytes`, "corrupt");
    const str = latin1(b.subarray(0, nul));
    // Same RVA, same string: shared name tables cost one string, not one per pointer.
    if (this.strings.size < 1 << 20) this.strings.set(rva, str);
    return str;
  }

  /**
   * Like {@link cString}, charged to the image's name budget ({@link MAX_NAME_CHARS}); undefined
   * once the budget is spent (the caller stops listing and records a finding).
   */
  name(rva: number, what: string, max = 4096): string | undefined {
    if (this.nameChars > MAX_NAME_CHARS) return undefined;
    const s = this.cString(rva, what, max);
    this.nameChars += s.length + 1;
    return this.nameChars > MAX_NAME_CHARS ? undefined : s;
  }

  /** RVA of an absolute VA in this image (VAs in TLS/load-config fields use the preferred base). */
  rvaOfVa(va: bigint, what: string): number {
    const rva = va - this.h.imageBase;
    if (rva < 0n || rva >= BigInt(Math.max(this.h.sizeOfImage, 1)) || rva >= 0x1_0000_0000n) {
      fail(this.file, `${what} ${hex(va)} is outside the image (base ${hex(this.h.imageBase)}, size ${hex(this.h.sizeOfImage)})`, "bad-va");
    }
    return Number(rva);
  }
}
