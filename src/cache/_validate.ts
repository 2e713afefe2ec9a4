/**
 * @file Stage 9 (code cache), internal: the structural checks every reader runs on a cache's
 * bytes before trusting an offset in it: header fields, the table directory (alignment, order,
 * bounds), the checksum, and every table's sortedness, ranges and cross-references. Shared by
 * `CacheReader.open` (which throws the first finding) and `checkCache` (which lists them all).
 * Never throws on hostile bytes: every index is bounds-checked before it is used.
 *
 *   const v = validate(bytes, { checksum: true });
 *   if (v.findings.length) ...; else v.layout.offsets[T.BLOCKS]
 */
import { RELOC } from "../arm64/lower/output.ts";
import {
  B, BLOCK_WORDS, CODE_ALIGN, DIR_ENTRY, ELEMENT_SIZE, FEATURE_BITS, FIXED_NAMES, FLAG, FORMAT_VERSION,
  GUEST_PAGE, GUEST_PAGE_SHIFT, H, HEADER_SIZE, KIND_MASK, MAGIC_BYTES, NAME, NAME_WORDS, NONE, P, PAGE_WORDS, R, RELOC_WORDS,
  RESOLVED, T, TABLE_ALIGN, TABLE_COUNT, TABLE_NAMES, checksum, hex,
} from "./format.ts";

export interface Layout {
  bytes: Uint8Array;
  offsets: number[];
  counts: number[];
  /** u32 view of the whole file (its length is a multiple of 4 once the header checks pass). */
  u32: Uint32Array;
  dv: DataView;
}

export interface Validation {
  findings: string[];
  /** Set when the header and the table directory are sound (the tables may still hold findings). */
  layout?: Layout;
  /** The kind of the first finding (InputError kind). */
  kind?: string;
}

/** Stop listing after this many; a hostile file could otherwise produce one finding per record. */
const MAX_FINDINGS = 64;

class Findings {
  readonly list: string[] = [];
  kind?: string;
  more = 0;
  add(kind: string, text: string): void {
    if (this.list.length >= MAX_FINDINGS) { this.more++; return; }
    this.kind ??= kind;
    this.list.push(text);
  }
  get full(): boolean { return this.list.length >= MAX_FINDINGS; }
  result(layout?: Layout): Validation {
    const findings = this.more ? [...this.list, `… and ${this.more} more findings`] : this.list;
    return { findings, layout, kind: this.kind };
  }
}

export interface ValidateOptions {
  /** Verify the whole-file checksum (default true; skipping it makes opening O(tables), not O(file)). */
  checksum?: boolean;
  /** Stop at the first finding (the reader only reports one). */
  first?: boolean;
}

/** Check the header and table directory; returns the layout if they are sound. */
function header(bytes: Uint8Array, f: Findings): Layout | undefined {
  if (bytes.byteLength < HEADER_SIZE) {
    f.add("truncated", `file is ${bytes.byteLength} bytes, shorter than the ${HEADER_SIZE}-byte header`);
    return;
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < MAGIC_BYTES.length; i++) {
    if (bytes[i] !== MAGIC_BYTES[i]) { f.add("bad-magic", "not an aot code cache (bad magic)"); return; }
  }
  const version = dv.getUint32(H.VERSION, true);
  if (version !== FORMAT_VERSION) { f.add("version", `format version ${version}, this aot reads version ${FORMAT_VERSION}`); return; }
  const u = (off: number) => dv.getUint32(off, true);
  if (u(H.HEADER_SIZE) !== HEADER_SIZE) f.add("corrupt", `header size ${u(H.HEADER_SIZE)}, expected ${HEADER_SIZE}`);
  const size = dv.getBigUint64(H.FILE_SIZE, true);
  if (size !== BigInt(bytes.byteLength)) {
    f.add(size > BigInt(bytes.byteLength) ? "truncated" : "corrupt", `header records ${size} bytes but the file has ${bytes.byteLength} (truncated or extended)`);
  }
  if (bytes.byteLength % CODE_ALIGN !== 0) f.add("truncated", `file size ${bytes.byteLength} is not a multiple of ${CODE_ALIGN}`);
  if (u(H.TARGET) !== 1 && u(H.TARGET) !== 2) f.add("corrupt", `unknown target code ${u(H.TARGET)}`);
  if (u(H.MEMORY_ORDER) > 1) f.add("corrupt", `unknown memory-order code ${u(H.MEMORY_ORDER)}`);
  if ((u(H.FLAGS) & ~FLAG.VOLATILE_METADATA) !== 0) f.add("corrupt", `unknown flag bits ${hex(u(H.FLAGS))}`);
  if (u(H.FEATURES) >>> FEATURE_BITS.length !== 0) f.add("corrupt", `unknown host feature bits ${hex(u(H.FEATURES))}`);
  if (u(H.CODE_ALIGN) !== CODE_ALIGN) f.add("corrupt", `code alignment ${u(H.CODE_ALIGN)}, expected ${CODE_ALIGN}`);
  if (u(H.GUEST_PAGE) !== GUEST_PAGE) f.add("corrupt", `guest page size ${u(H.GUEST_PAGE)}, expected ${GUEST_PAGE}`);
  for (let o = H.TABLES + TABLE_COUNT * DIR_ENTRY; o < HEADER_SIZE; o++) {
    if (bytes[o] !== 0) { f.add("corrupt", `reserved header byte ${hex(o)} is not zero`); break; }
  }
  const offsets: number[] = [], counts: number[] = [];
  let end = HEADER_SIZE;
  for (let t = 0; t < TABLE_COUNT; t++) {
    const off = u(H.TABLES + t * DIR_ENTRY), n = u(H.TABLES + t * DIR_ENTRY + 4), name = TABLE_NAMES[t]!;
    const align = t === T.CODE ? CODE_ALIGN : TABLE_ALIGN, bytesOf = n * ELEMENT_SIZE[t]!;
    if (off % align !== 0) f.add("corrupt", `${name} table offset ${hex(off)} is not ${align}-byte aligned`);
    else if (off < end) f.add("corrupt", `${name} table at ${hex(off)} overlaps what precedes it (ends at ${hex(end)})`);
    else if (off + bytesOf > bytes.byteLength) f.add("truncated", `${name} table (${n} × ${ELEMENT_SIZE[t]} bytes at ${hex(off)}) runs past the end of the file`);
    else if (t !== T.CODE && off - end >= align) f.add("corrupt", `gap of ${off - end} bytes before the ${name} table`);
    offsets.push(off);
    counts.push(n);
    end = off + bytesOf;
  }
  if (f.list.length) return;
  const codeEnd = offsets[T.CODE]! + counts[T.CODE]! * 4;
  if (Math.ceil(codeEnd / CODE_ALIGN) * CODE_ALIGN !== bytes.byteLength) {
    f.add("corrupt", `the code section ends at ${hex(codeEnd)}, more than one page before the end of the file`);
    return;
  }
  if (counts[T.NAMES]! < FIXED_NAMES) { f.add("corrupt", `names table has ${counts[T.NAMES]} entries, fewer than ${FIXED_NAMES}`); return; }
  if (bytes.byteOffset % 8 !== 0) throw new Error("cache bytes must be 8-byte aligned");
  return { bytes, offsets, counts, dv, u32: new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2) };
}

/** Padding between tables and after the code must be zero (it is covered by the checksum, but a reader without it still notices). */
function padding(bytes: Uint8Array, l: Layout, f: Findings): void {
  let end = HEADER_SIZE;
  for (let t = 0; t <= TABLE_COUNT; t++) {
    const next = t < TABLE_COUNT ? l.offsets[t]! : bytes.byteLength;
    for (let o = end; o < next; o++) {
      if (bytes[o] !== 0) { f.add("corrupt", `padding byte at ${hex(o)} is not zero`); return; }
    }
    if (t < TABLE_COUNT) end = next + l.counts[t]! * ELEMENT_SIZE[t]!;
  }
}

function optionsOk(b: Uint8Array): boolean {
  try {
    const o: unknown = JSON.parse(new TextDecoder().decode(b));
    return typeof o === "object" && o !== null && !Array.isArray(o) && Object.values(o).every((v) => typeof v === "string");
  } catch {
    return false;
  }
}

/** Every table's records: sortedness, ranges, and the runs blocks point into. */
function tables(l: Layout, f: Findings, first: boolean): void {
  const { u32, offsets, counts } = l;
  const stop = () => f.full || (first && f.list.length > 0);
  // Names.
  const nw = offsets[T.NAMES]! / 4, strings = counts[T.STRINGS]!;
  for (let i = 0; i < counts[T.NAMES]! && !stop(); i++) {
    const off = u32[nw + i * NAME_WORDS]!, len = u32[nw + i * NAME_WORDS + 1]!;
    if (off > strings || len > strings - off) f.add("corrupt", `names[${i}] (${len} bytes at ${off}) lies outside the ${strings}-byte strings table`);
    else if (i === NAME.OPTIONS && !optionsOk(l.bytes.subarray(offsets[T.STRINGS]! + off, offsets[T.STRINGS]! + off + len))) {
      f.add("corrupt", "the options name is not a JSON object of strings");
    }
  }
  // Blocks: strictly ascending RVAs; code, relocations and fault bytes in contiguous runs.
  const bw = offsets[T.BLOCKS]! / 4, n = counts[T.BLOCKS]!, before = f.list.length + f.more;
  let code = 0, reloc = 0, fault = 0, pairs = 0, prev = -1;
  for (let i = 0; i < n && !stop(); i++) {
    const r = bw + i * BLOCK_WORDS, rva = u32[r + B.RVA]!, len = u32[r + B.GUEST_LENGTH]!;
    if (rva <= prev) f.add("unsorted", `blocks[${i}] RVA ${hex(rva)} is not above blocks[${i - 1}] (${hex(prev)}): the index must be strictly ascending`);
    prev = rva;
    if (rva + len > 0x1_0000_0000) f.add("corrupt", `blocks[${i}] guest range ${hex(rva)}+${hex(len)} passes 4 GiB`);
    if (u32[r + B.CODE] !== code) f.add("corrupt", `blocks[${i}] code starts at word ${u32[r + B.CODE]}, expected ${code} (blocks are laid out in order)`);
    const words = u32[r + B.WORDS]!;
    if (u32[r + B.BODY_WORDS]! > words) f.add("corrupt", `blocks[${i}] body of ${u32[r + B.BODY_WORDS]} words is longer than its ${words} words`);
    code += words;
    if (u32[r + B.RELOC_FIRST] !== reloc) f.add("corrupt", `blocks[${i}] relocations start at ${u32[r + B.RELOC_FIRST]}, expected ${reloc}`);
    reloc += u32[r + B.RELOC_COUNT]!;
    if (u32[r + B.FAULT_OFFSET] !== fault) f.add("corrupt", `blocks[${i}] fault table starts at ${u32[r + B.FAULT_OFFSET]}, expected ${fault}`);
    fault += u32[r + B.FAULT_LENGTH]!;
    const fb = u32[r + B.FALLBACK]!;
    if (fb !== NONE && (fb < FIXED_NAMES || fb >= counts[T.NAMES]!)) f.add("corrupt", `blocks[${i}] fallback name ${fb} out of range`);
    if (u32[r + B.RESERVED] !== 0) f.add("corrupt", `blocks[${i}] reserved word is not zero`);
    pairs += ((rva + Math.max(len, 1) - 1) >>> GUEST_PAGE_SHIFT) - (rva >>> GUEST_PAGE_SHIFT) + 1;
  }
  if (stop()) return;
  if (code !== counts[T.CODE]) f.add("corrupt", `blocks hold ${code} code words, the code section ${counts[T.CODE]}`);
  if (reloc !== counts[T.RELOCS]) f.add("corrupt", `blocks hold ${reloc} relocations, the table ${counts[T.RELOCS]}`);
  if (fault !== counts[T.FAULTS]) f.add("corrupt", `blocks hold ${fault} fault-table bytes, the table ${counts[T.FAULTS]}`);
  if (pairs !== counts[T.PAGE_BLOCKS]) f.add("corrupt", `blocks touch ${pairs} (page, block) pairs, the code-page table lists ${counts[T.PAGE_BLOCKS]}`);
  // The page and relocation checks index through the blocks' runs: only sound runs may be followed.
  if (stop() || f.list.length + f.more !== before) return;
  pages(l, f, stop);
  if (stop()) return;
  relocs(l, f, stop);
}

/** Code-page table: pages strictly ascending, runs contiguous, each listed block really on its page. */
function pages(l: Layout, f: Findings, stop: () => boolean): void {
  const { u32, offsets, counts } = l;
  const pw = offsets[T.PAGES]! / 4, qw = offsets[T.PAGE_BLOCKS]! / 4, bw = offsets[T.BLOCKS]! / 4, n = counts[T.BLOCKS]!;
  let next = 0, prev = -1;
  for (let i = 0; i < counts[T.PAGES]! && !stop(); i++) {
    const page = u32[pw + i * PAGE_WORDS + P.PAGE]!, first = u32[pw + i * PAGE_WORDS + P.FIRST]!, cnt = u32[pw + i * PAGE_WORDS + P.COUNT]!;
    if (page <= prev) f.add("unsorted", `pages[${i}] page ${hex(page)} is not above pages[${i - 1}] (${hex(prev)})`);
    prev = page;
    if (page > 0xfffff) f.add("corrupt", `pages[${i}] page ${hex(page)} lies beyond 4 GiB`);
    if (first !== next || cnt === 0) { f.add("corrupt", `pages[${i}] lists blocks ${first}..+${cnt}, expected a non-empty run from ${next}`); return; }
    if (cnt > counts[T.PAGE_BLOCKS]! - first) { f.add("corrupt", `pages[${i}] run of ${cnt} passes the end of the page-block list`); return; }
    next += cnt;
    let last = -1;
    for (let k = first; k < first + cnt && !stop(); k++) {
      const b = u32[qw + k]!;
      if (b >= n) { f.add("corrupt", `page-blocks[${k}] names block ${b}, but there are ${n}`); continue; }
      if (b <= last) f.add("unsorted", `page-blocks[${k}] block ${b} is not above ${last} (each page's run must be ascending)`);
      last = b;
      const rva = u32[bw + b * BLOCK_WORDS + B.RVA]!, len = Math.max(u32[bw + b * BLOCK_WORDS + B.GUEST_LENGTH]!, 1);
      if (page < rva >>> GUEST_PAGE_SHIFT || page > (rva + len - 1) >>> GUEST_PAGE_SHIFT) {
        f.add("corrupt", `page-blocks[${k}] block ${b} (${hex(rva)}+${hex(len)}) does not touch page ${hex(page)}`);
      }
    }
  }
  if (!stop() && next !== counts[T.PAGE_BLOCKS]) f.add("corrupt", `code pages cover ${next} page-block entries, the list has ${counts[T.PAGE_BLOCKS]}`);
}

/** Index of the block starting exactly at `rva`, or -1 (the block table must be sorted). */
export function lookupIn(u32: Uint32Array, bw: number, n: number, rva: number): number {
  let lo = 0, hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1, v = u32[bw + mid * BLOCK_WORDS + B.RVA]!;
    if (v === rva) return mid;
    if (v < rva) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Relocations: sites strictly ascending, inside their block, the patched word what the flag says. */
function relocs(l: Layout, f: Findings, stop: () => boolean): void {
  const { u32, offsets, counts } = l;
  const rw = offsets[T.RELOCS]! / 4, bw = offsets[T.BLOCKS]! / 4, cw = offsets[T.CODE]! / 4, n = counts[T.BLOCKS]!;
  let prev = -1;
  for (let b = 0; b < n && !stop(); b++) {
    const r = bw + b * BLOCK_WORDS, start = u32[r + B.CODE]!, end = start + u32[r + B.WORDS]!;
    const first = u32[r + B.RELOC_FIRST]!, cnt = u32[r + B.RELOC_COUNT]!;
    for (let j = first; j < first + cnt && !stop(); j++) {
      const e = rw + j * RELOC_WORDS, site = u32[e + R.SITE]!, kind = u32[e + R.KIND]!;
      if (site <= prev) f.add("unsorted", `relocs[${j}] site ${site} is not above relocs[${j - 1}] (${prev})`);
      prev = site;
      if (site < start || site >= end) { f.add("corrupt", `relocs[${j}] site ${site} lies outside its block ${b} (words ${start}..${end})`); continue; }
      if ((kind & KIND_MASK) !== RELOC.BLOCK || (kind & ~(KIND_MASK | RESOLVED)) !== 0) { f.add("corrupt", `relocs[${j}] unknown kind ${hex(kind)}`); continue; }
      const w = u32[cw + site]!;
      if ((w & 0xfc000000) >>> 0 !== 0x14000000) { f.add("corrupt", `relocs[${j}] site word ${hex(w)} at ${site} is not a B`); continue; }
      const dest = site + ((w << 6) >> 6);
      if (kind & RESOLVED) {
        const hi = u32[e + R.TARGET_HI]!, lo = u32[e + R.TARGET_LO]!;
        const t = hi === 0 ? lookupIn(u32, bw, n, lo) : -1;
        if (t < 0) f.add("corrupt", `relocs[${j}] is marked linked but no block starts at its target ${hex((BigInt(hi) << 32n) | BigInt(lo))}`);
        else if (u32[bw + t * BLOCK_WORDS + B.CODE] !== dest) f.add("corrupt", `relocs[${j}] linked branch at ${site} goes to word ${dest}, not to block ${t}`);
      } else if (dest !== site + 1) {
        f.add("corrupt", `relocs[${j}] unlinked branch at ${site} goes to word ${dest}, not to its stub at ${site + 1}`);
      }
    }
  }
}

/** All structural checks; with `first`, stops at the first finding. */
export function validate(bytes: Uint8Array, opts: ValidateOptions = {}): Validation {
  const f = new Findings();
  const layout = header(bytes, f);
  if (!layout) return f.result();
  if (opts.checksum !== false) {
    const want = layout.dv.getBigUint64(H.CHECKSUM, true), got = checksum(bytes);
    if (want !== got) f.add("checksum", `checksum mismatch (recorded ${hex(want)}, computed ${hex(got)}): the file changed after it was written`);
    if (opts.first && f.list.length) return f.result(layout);
  }
  padding(bytes, layout, f);
  if (opts.first && f.list.length) return f.result(layout);
  tables(layout, f, opts.first ?? false);
  return f.result(layout);
}
