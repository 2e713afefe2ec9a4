/**
 * @file Stage 3 (code maps): the streaming reader for maps too large to hold as records. A
 * 120 MB map of 10 M blocks read by {@link parseCodeMap} is 10 M record objects and a 10 M-entry
 * Set (gigabytes); {@link scanCodeMap} reads the file 4 MiB at a time and keeps each image's
 * blocks as a sorted, de-duplicated Uint32Array (4 bytes a block), and {@link encodeScanned}
 * writes the same layout as `buildCodeMap` straight into one output buffer.
 *
 * On entry: a path (a regular file; util/input-file.ts). On exit: FEX's ParseCodeMap view (the
 * semantics of `codeMapImages(parseCodeMap(...))`: a block counts only after a record introduced
 * its FileId), record counts, the torn-tail length and the same warnings, or the same InputErrors
 * (old or unknown marker).
 *
 *   const m = scanCodeMap("game.exe-0123456789abcdef");
 *   for (const im of m.images.values()) console.log(im.path, im.blocks.length);
 *   atomicWrite(out, encodeScanned(m.images.values()));
 */
import { closeSync, openSync, readSync } from "node:fs";
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
    all.sort();
    let w = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[w - 1]) all[w++] = all[i]!;
    return all.subarray(0, w);
  }
}

interface Building {
  image: ScannedImage;
  list: BlockList;
}

/** Read a code map in chunks (see the file overview); `chunk` is smaller only in tests. */
export function scanCodeMap(file: string, chunk = CHUNK): ScannedMap {
  const size = statRegular(file).size;
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw new InputError(file, `cannot read: ${(e as Error).message}`, "io");
  }
  const records = { block: 0, library: 0, executable: 0 };
  const warnings: string[] = [];
  const images = new Map<bigint, Building>();
  const unknown = new Set<bigint>();
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
      while (pos + ENTRY_SIZE <= len && pos < limit) {
        const q = pos >>> 2;
        const lo = (pos & 3) === 0 ? words[q]! : dv.getUint32(pos, true);
        const hi = (pos & 3) === 0 ? words[q + 1]! : dv.getUint32(pos + 4, true);
        if (lo === 0xffffffff && hi === 0xffffffff) break;
        records.block++;
        if (lo !== lastLo || hi !== lastHi) {
          lastLo = lo;
          lastHi = hi;
          last = images.get((BigInt(hi) << 32n) | BigInt(lo));
        }
        if (last) last.list.push((pos & 3) === 0 ? words[q + 2]! : dv.getUint32(pos + 8, true));
        else {
          const id = (BigInt(hi) << 32n) | BigInt(lo);
          unknownBlocks++;
          if (unknown.size < MAX_UNKNOWN) unknown.add(id);
        }
        pos += ENTRY_SIZE;
      }
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
        if (!e) images.set(id, (e = { image: { fileId: id, path: "", pathBytes: new Uint8Array(0), blocks: new Uint32Array(0) }, list: new BlockList() }));
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
    const ids = [...unknown].slice(0, 3).map(hex16).join(", ");
    const capped = unknown.size >= MAX_UNKNOWN;
    const count = capped ? `${MAX_UNKNOWN}+` : String(unknown.size);
    const more = unknown.size > 3 ? `, ... (${capped ? "many" : unknown.size - 3} more)` : "";
    warnings.push(`${unknownBlocks} block(s) of ${count} unknown file id(s) dropped (no library record before them): ${ids}${more}`);
  }
  const out = new Map<bigint, ScannedImage>();
  for (const [id, b] of images) out.set(id, { ...b.image, blocks: b.list.finish() });
  return { size, records, trailingBytes: trailing, warnings, images: out };
}

/**
 * `buildCodeMap` + `encodeCodeMap` for scanned images, in one buffer: executable markers, then
 * one library record per image (executables first), then each image's blocks in ascending order.
 */
export function encodeScanned(images: Iterable<ScannedImage>): Uint8Array {
  const list = [...images].sort((a, b) => (a.bitness ? 0 : 1) - (b.bitness ? 0 : 1) || (a.fileId < b.fileId ? -1 : a.fileId > b.fileId ? 1 : 0));
  let size = 0;
  for (const im of list) {
    if (im.bitness) size += ENTRY_SIZE + 8;
    size += ENTRY_SIZE + 8 + im.pathBytes.length + 1 + libraryPadding(im.pathBytes.length) + im.blocks.length * ENTRY_SIZE;
  }
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let pos = 0;
  const marker = (mark: number, id: bigint): void => {
    dv.setBigUint64(pos, MARKER_FILE_ID, true);
    dv.setUint32(pos + 8, mark, true);
    dv.setBigUint64(pos + ENTRY_SIZE, id, true);
    pos += ENTRY_SIZE + 8;
  };
  for (const im of list) if (im.bitness) marker(im.bitness === 32 ? MARK_EXE32 : MARK_EXE64, im.fileId);
  for (const im of list) {
    if (im.pathBytes.includes(0)) throw new InputError(im.path, "a code-map library path cannot contain NUL", "invalid");
    marker(MARK_LIBRARY, im.fileId);
    out.set(im.pathBytes, pos);
    pos += im.pathBytes.length + 1 + libraryPadding(im.pathBytes.length);
  }
  // Every record is a multiple of 4 bytes, so the block records are 4-aligned u32 words.
  const words = new Uint32Array(out.buffer);
  for (const im of list) {
    const lo = Number(im.fileId & 0xffffffffn);
    const hi = Number(im.fileId >> 32n);
    const blocks = im.blocks;
    let q = pos >>> 2;
    for (let i = 0; i < blocks.length; i++, q += 3) {
      words[q] = lo;
      words[q + 1] = hi;
      words[q + 2] = blocks[i]!;
    }
    pos = q * 4;
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
const latin1 = new TextDecoder("latin1");

/**
 * `pre + "0x<hex>"` for each of `blocks`, joined with `sep`: the text of a block list, built in
 * bytes (10 M offsets in well under a second, where `toString(16)` and joins take seconds).
 */
export function formatBlocks(blocks: Uint32Array, pre: string, sep: string): string {
  const p = new TextEncoder().encode(pre + "0x");
  const s = new TextEncoder().encode(sep);
  const out = new Uint8Array(blocks.length * (p.length + 8 + s.length));
  let o = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (i) {
      out.set(s, o);
      o += s.length;
    }
    out.set(p, o);
    o += p.length;
    const v = blocks[i]!;
    let shift = 28;
    while (shift > 0 && (v >>> shift) === 0) shift -= 4;
    for (; shift >= 0; shift -= 4) out[o++] = HEX[(v >>> shift) & 15]!;
  }
  return latin1.decode(out.subarray(0, o));
}

