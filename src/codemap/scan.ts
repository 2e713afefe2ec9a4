/**
 * @file Stage 3 (code maps): the streaming reader for maps too large to hold as records. A
 * 120 MB map of 10 M blocks read by {@link parseCodeMap} is 10 M record objects and a 10 M-entry
 * Set (gigabytes); {@link scanCodeMap} reads the file 4 MiB at a time and keeps each image's
 * blocks as a sorted, de-duplicated Uint32Array (4 bytes a block), and {@link encodeScanned}
 * writes the same layout as `buildCodeMap` straight into one output buffer.
 *
 * On entry: a path (a regular file; util/input-file.ts), as text or as raw bytes (FEX names new maps
 * after non-UTF-8 paths). On exit: FEX's ParseCodeMap view (the
 * semantics of `codeMapImages(parseCodeMap(...))`: a block counts only after a record introduced
 * its FileId), record counts, the torn-tail length and the same warnings, or the same InputErrors
 * (old or unknown marker).
 *
 *   const m = scanCodeMap("game.exe-0123456789abcdef");
 *   for (const im of m.images.values()) console.log(im.path, im.blocks.length);
 *   atomicWrite(out, encodeScannedChunks(m.images.values())); // 4 MiB pieces, never one buffer
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { InputError } from "../util/errors.ts";
import { statRegular } from "../util/input-file.ts";
import { ENTRY_SIZE, hex16, libraryPadding, MARK_EXE32, MARK_EXE64, MARK_LIBRARY, MARK_OLD_EXE, MARKER_FILE_ID } from "./format.ts";

export interface ScannedImage {
  fileId: bigint;
  path: string;
  /** The path as the map stores it (raw bytes, written back unchanged). */
  pathBytes: Uint8Array;
  bitness?: 32 | 64;
  /** Block offsets, ascending, each once. */
  blocks: Uint32Array;
}

export interface ScannedMap {
  size: number;
  records: { block: number; library: number; executable: number };
  trailingBytes: number;
  warnings: string[];
  images: Map<bigint, ScannedImage>;
}

const CHUNK = 4 << 20;
/** Distinct unknown FileIds counted exactly; past this the warning says "N+". */
const MAX_UNKNOWN = 1 << 18;
const PIECE = 1 << 20;
const utf8 = new TextDecoder("utf-8");

/** Blocks gathered in 4 MiB pieces, then joined once, sorted and de-duplicated. */
class BlockList {
  private pieces: Uint32Array[] = [];
  private cur = new Uint32Array(1024);
  private n = 0;
  push(v: number): void {
    if (this.n === this.cur.length) {
      if (this.cur.length < PIECE) {
        const next = new Uint32Array(this.cur.length * 4);
        next.set(this.cur);
        this.cur = next;
      } else {
        this.pieces.push(this.cur);
        this.cur = new Uint32Array(PIECE);
        this.n = 0;
      }
    }
    this.cur[this.n++] = v;
  }
  /** Push `words[i]` for i = from, from + 3, ... below `end` (the offsets of a run of records). */
  pushRun(words: Uint32Array, from: number, end: number): void {
    let cur = this.cur;
    let n = this.n;
    for (let i = from; i < end; i += 3) {
      if (n === cur.length) {
        this.n = n;
        this.push(words[i]!);
        cur = this.cur;
        n = this.n;
        continue;
      }
      cur[n++] = words[i]!;
    }
    this.n = n;
  }
  finish(): Uint32Array {
    const total = this.pieces.length * PIECE + this.n;
    const all = new Uint32Array(total);
    let at = 0;
    for (const p of this.pieces) {
      all.set(p, at);
      at += p.length;
    }
    all.set(this.cur.subarray(0, this.n), at);
    this.pieces = [];
    // Ready maps (and maps we wrote) are already sorted: checking is far cheaper than sorting.
    let sorted = true;
    for (let i = 1; i < all.length; i++) if (all[i - 1]! > all[i]!) { sorted = false; break; }
    if (!sorted) all.sort();
    let w = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[w - 1]) all[w++] = all[i]!;
    return all.subarray(0, w);
  }
}

interface Building {
  image: ScannedImage;
  list: BlockList;
}

/**
 * A set of 64-bit FileIds keyed by their two u32 halves: a lookup is a Map get on a small
 * integer, where building a BigInt per record run cost ~0.5 s per million records.
 */
class IdTable<T> {
  private byLo = new Map<number, { hi: number; value: T }[]>();
  size = 0;
  get(lo: number, hi: number): T | undefined {
    const list = this.byLo.get(lo);
    if (!list) return undefined;
    for (const e of list) if (e.hi === hi) return e.value;
    return undefined;
  }
  /** Add (lo, hi) unless present; true when it was new. */
  add(lo: number, hi: number, value: T): boolean {
    const list = this.byLo.get(lo);
    if (!list) this.byLo.set(lo, [{ hi, value }]);
    else if (list.some((e) => e.hi === hi)) return false;
    else list.push({ hi, value });
    this.size++;
    return true;
  }
}

/** Distinct FileIds as two u32 halves: lo -> hi for the first seen, a BigInt set for the rare rest. */
class IdSet {
  private byLo = new Map<number, number>();
  private more = new Set<bigint>();
  get size(): number {
    return this.byLo.size + this.more.size;
  }
  /** Add (lo, hi) unless present; true when it was new. */
  add(lo: number, hi: number): boolean {
    const h = this.byLo.get(lo);
    if (h === undefined) {
      this.byLo.set(lo, hi);
      return true;
    }
    if (h === hi) return false;
    const id = (BigInt(hi) << 32n) | BigInt(lo);
    if (this.more.has(id)) return false;
    this.more.add(id);
    return true;
  }
}

const halves = (id: bigint): [number, number] => [Number(id & 0xffffffffn), Number(id >> 32n)];

/** Read a code map in chunks (see the file overview); `chunk` is smaller only in tests. */
export function scanCodeMap(path: string | Uint8Array, chunk = CHUNK): ScannedMap {
  // Messages name the file as text; the file itself is opened by its own bytes.
  const file = typeof path === "string" ? path : Buffer.from(path).toString();
  const raw = typeof path === "string" ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength);
  let size: number;
  if (typeof raw === "string") size = statRegular(raw).size;
  else {
    const st = statSync(raw, { throwIfNoEntry: false });
    if (!st?.isFile()) throw new InputError(file, st ? "not a regular file" : "cannot read: no such file", "not-a-file");
    size = st.size;
  }
  let fd: number;
  try {
    fd = openSync(raw, "r");
  } catch (e) {
    throw new InputError(file, `cannot read: ${(e as Error).message}`, "io");
  }
  const records = { block: 0, library: 0, executable: 0 };
  const warnings: string[] = [];
  const images = new Map<bigint, Building>();
  const known = new IdTable<Building>();
  const unknown = new IdSet();
  const firstUnknown: bigint[] = [];
  let unknownBlocks = 0;
  let buf = new Uint8Array(chunk + 64);
  let len = 0; // bytes in buf
  let base = 0; // file offset of buf[0]
  let eof = false;
  const fill = (): void => {
    if (eof) return;
    if (buf.length - len < chunk) {
      const bigger = new Uint8Array(len + chunk + 64);
      bigger.set(buf.subarray(0, len));
      buf = bigger;
    }
    const n = readSync(fd, buf, len, chunk, null);
    if (n === 0) eof = true;
    len += n;
  };
  // Same-FileId runs are the norm: remember the last one as two u32 halves to skip BigInt work.
  let lastLo = -1;
  let lastHi = -1;
  let last: Building | undefined;
  let trailing = 0;
  const truncated = (what: string, pos: number): void => {
    trailing = len - pos;
    warnings.push(`truncated ${what} at offset 0x${(base + pos).toString(16)} (${trailing} trailing bytes ignored, as FEX does)`);
  };
  try {
    let pos = 0;
    fill();
    for (;;) {
      if (len - pos <= 64 && !eof) {
        buf.copyWithin(0, pos, len);
        base += pos;
        len -= pos;
        pos = 0;
        fill();
      }
      if (pos >= len) break;
      if (len - pos < ENTRY_SIZE) {
        truncated("record", pos);
        break;
      }
      const dv = new DataView(buf.buffer, buf.byteOffset, len);
      // Blocks: the hot loop, up to the last whole record in the buffer (64 bytes short of it
      // until the file ends, so a marker record is always whole). Every record is a multiple of
      // 4 bytes, so records start 4-aligned and read as u32 words (code maps are little-endian,
      // as are the hosts we run on).
      const words = new Uint32Array(buf.buffer, buf.byteOffset, len >>> 2);
      const limit = eof ? len : len - 64;
      // Records of one FileId come in runs: find a run's end, then copy its offsets in one go.
      // (pos is always 4-aligned: the buffer starts at a record and every record is 4k bytes.)
      const qEnd = Math.ceil(Math.min(len - ENTRY_SIZE + 1, limit) / 4); // last run start + 1
      let q = pos >>> 2;
      while (q < qEnd) {
        const lo = words[q]!;
        const hi = words[q + 1]!;
        if (lo === 0xffffffff && hi === 0xffffffff) break;
        let e = q + 3;
        while (e < qEnd && words[e] === lo && words[e + 1] === hi) e += 3;
        const n = (e - q) / 3;
        records.block += n;
        if (lo !== lastLo || hi !== lastHi) {
          lastLo = lo;
          lastHi = hi;
          last = known.get(lo, hi);
        }
        if (last) last.list.pushRun(words, q + 2, e);
        else {
          unknownBlocks += n;
          if (unknown.size < MAX_UNKNOWN && unknown.add(lo, hi) && firstUnknown.length < 3) firstUnknown.push((BigInt(hi) << 32n) | BigInt(lo));
        }
        q = e;
      }
      pos = q << 2;
      if (pos + ENTRY_SIZE > len || (len - pos <= 64 && !eof)) continue;
      // A marker record (FileId ~0).
      const mark = dv.getUint32(pos + 8, true);
      const at = base + pos;
      if (mark === MARK_OLD_EXE) throw new InputError(file, `old-style executable marker 0xfffffffe at offset 0x${at.toString(16)} (pre-bitness FEX map; FEX rejects it as malformed)`, "old-marker");
      if (mark !== MARK_LIBRARY && mark !== MARK_EXE32 && mark !== MARK_EXE64) throw new InputError(file, `unknown marker 0x${mark.toString(16)} with file id ~0 at offset 0x${at.toString(16)}`, "unknown-marker");
      const what = mark === MARK_LIBRARY ? "library record" : "executable marker";
      if (len - pos < ENTRY_SIZE + 8) {
        truncated(what, pos);
        break;
      }
      const id = dv.getBigUint64(pos + ENTRY_SIZE, true);
      const entryOf = (): Building => {
        let e = images.get(id);
        if (!e) {
          images.set(id, (e = { image: { fileId: id, path: "", pathBytes: new Uint8Array(0), blocks: new Uint32Array(0) }, list: new BlockList() }));
          known.add(...halves(id), e);
        }
        lastLo = lastHi = -1;
        return e;
      };
      if (mark !== MARK_LIBRARY) {
        records.executable++;
        entryOf().image.bitness = mark === MARK_EXE32 ? 32 : 64;
        pos += ENTRY_SIZE + 8;
        continue;
      }
      // A library path: read on until its NUL (and padding) are in the buffer, or the file ends.
      const start = pos + ENTRY_SIZE + 8;
      let nul = buf.subarray(start, len).indexOf(0);
      while (nul < 0 && !eof) {
        fill();
        nul = buf.subarray(start, len).indexOf(0);
      }
      if (nul < 0) {
        truncated("library path (no NUL)", pos);
        break;
      }
      nul += start;
      const end = nul + 1 + libraryPadding(nul - start);
      while (end > len && !eof) fill();
      if (end > len) {
        truncated("library padding", pos);
        break;
      }
      if (buf.subarray(nul + 1, end).some((b) => b !== 0)) warnings.push(`non-zero padding after library path at offset 0x${(base + nul).toString(16)}`);
      records.library++;
      const entry = entryOf();
      entry.image.pathBytes = buf.slice(start, nul);
      entry.image.path = utf8.decode(entry.image.pathBytes);
      pos = end;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, `cannot read: ${(e as Error).message}`, "io");
  } finally {
    closeSync(fd);
  }
  if (unknownBlocks) {
    const ids = firstUnknown.map(hex16).join(", ");
    const capped = unknown.size >= MAX_UNKNOWN;
    const count = capped ? `${MAX_UNKNOWN}+` : String(unknown.size);
    const more = unknown.size > 3 ? `, ... (${capped ? "many" : unknown.size - 3} more)` : "";
    warnings.push(`${unknownBlocks} block(s) of ${count} unknown file id(s) dropped (no library record before them): ${ids}${more}`);
  }
  const out = new Map<bigint, ScannedImage>();
  for (const [id, b] of images) out.set(id, { ...b.image, blocks: b.list.finish() });
  return { size, records, trailingBytes: trailing, warnings, images: out };
}

/** Bytes per piece of {@link encodeScannedChunks} (a multiple of 12, so block records never straddle). */
const OUT_PIECE = ENTRY_SIZE * 349_525;

/** Block records `{lo, hi, blocks[from + k]}` for k < n into `words` (a plain function: JSC optimises generator bodies far less). */
function fillRecords(words: Uint32Array, lo: number, hi: number, blocks: Uint32Array, from: number, n: number): void {
  for (let k = 0, q = 0; k < n; k++, q += 3) {
    words[q] = lo;
    words[q + 1] = hi;
    words[q + 2] = blocks[from + k]!;
  }
}

/**
 * `buildCodeMap` + `encodeCodeMap` for scanned images, as pieces of at most ~4 MiB (a 10 M-block
 * map is 120 MB of output; written piece by piece it never exists whole): executable markers, then
 * one library record per image (executables first), then each image's blocks in ascending order.
 */
export function* encodeScannedChunks(images: Iterable<ScannedImage>): Generator<Uint8Array> {
  const list = [...images].sort((a, b) => (a.bitness ? 0 : 1) - (b.bitness ? 0 : 1) || (a.fileId < b.fileId ? -1 : a.fileId > b.fileId ? 1 : 0));
  let size = 0;
  for (const im of list) {
    if (im.pathBytes.includes(0)) throw new InputError(im.path, "a code-map library path cannot contain NUL", "invalid");
    if (im.bitness) size += ENTRY_SIZE + 8;
    size += ENTRY_SIZE + 8 + im.pathBytes.length + 1 + libraryPadding(im.pathBytes.length);
  }
  const head = new Uint8Array(size);
  const dv = new DataView(head.buffer);
  let pos = 0;
  const marker = (mark: number, id: bigint): void => {
    dv.setBigUint64(pos, MARKER_FILE_ID, true);
    dv.setUint32(pos + 8, mark, true);
    dv.setBigUint64(pos + ENTRY_SIZE, id, true);
    pos += ENTRY_SIZE + 8;
  };
  for (const im of list) if (im.bitness) marker(im.bitness === 32 ? MARK_EXE32 : MARK_EXE64, im.fileId);
  for (const im of list) {
    marker(MARK_LIBRARY, im.fileId);
    head.set(im.pathBytes, pos);
    pos += im.pathBytes.length + 1 + libraryPadding(im.pathBytes.length);
  }
  if (head.length) yield head;
  // Block records are 12 bytes, so a piece holds whole records as u32 words.
  const piece = new Uint32Array(OUT_PIECE >>> 2);
  for (const im of list) {
    const lo = Number(im.fileId & 0xffffffffn);
    const hi = Number(im.fileId >> 32n);
    const blocks = im.blocks;
    for (let i = 0; i < blocks.length; ) {
      const n = Math.min(blocks.length - i, OUT_PIECE / ENTRY_SIZE);
      fillRecords(piece, lo, hi, blocks, i, n);
      i += n;
      // The consumer writes a piece before asking for the next, so one buffer is reused.
      yield new Uint8Array(piece.buffer, 0, n * ENTRY_SIZE);
    }
  }
}

/** {@link encodeScannedChunks} joined into one buffer (small maps and tests). */
export function encodeScanned(images: Iterable<ScannedImage>): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const p of encodeScannedChunks(images)) parts.push(p.slice()); // the pieces share one buffer
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Union of sorted, de-duplicated block arrays. */
export function unionBlocks(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (!a.length) return b;
  if (!b.length) return a;
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (n === 0 || out[n - 1] !== x) out[n++] = x;
  }
  return out.subarray(0, n);
}

const HEX = new TextEncoder().encode("0123456789abcdef");

/**
 * `pre + "0x<hex>"` for each of `blocks`, joined with `sep`, as ASCII bytes: the text of a block
 * list built without strings (10 M offsets in a fraction of a second, where `toString(16)` and
 * joins take seconds). `continued`: the list goes on from an earlier slice (starts with `sep`).
 * `into`: a buffer to reuse when large enough (fresh 4 MB buffers cost page faults per slice);
 * the result is a view of it. Written to stdout a slice at a time (cli/_out.ts `outBytes`).
 */
export function formatBlocksBytes(blocks: Uint32Array, pre: string, sep: string, opts: { continued?: boolean; into?: Uint8Array } = {}): Uint8Array {
  const first = new TextEncoder().encode((opts.continued ? sep : "") + pre + "0x");
  const mid = new TextEncoder().encode(sep + pre + "0x");
  const need = first.length + blocks.length * (mid.length + 8);
  const out = opts.into && opts.into.length >= need ? opts.into : new Uint8Array(need);
  let o = 0;
  for (let i = 0; i < blocks.length; i++) {
    const lead = i ? mid : first;
    for (let k = 0; k < lead.length; k++) out[o + k] = lead[k]!;
    o += lead.length;
    let v = blocks[i]!;
    const digits = v ? (35 - Math.clz32(v)) >>> 2 : 1;
    for (let j = o + digits - 1; j >= o; j--) {
      out[j] = HEX[v & 15]!;
      v >>>= 4;
    }
    o += digits;
  }
  return out.subarray(0, o);
}
