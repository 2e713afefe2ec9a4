/**
 * @file Stage 3 (code maps): FEX's code-map file format, read and written byte for byte.
 *
 * A code map has no header and no version: it is a stream of little-endian packed records.
 *
 *   entry            {u64 FileId, u32 BlockOffset}                        12 bytes
 *   library marker   {~0, 0xFFFFFFFF} u64 ExternalFileId, path NUL, zero padding so that
 *                    12 + 8 + strlen + 1 is a multiple of 4
 *   executable mark  {~0, 0xFFFFFFEE (32-bit) | 0xFFFFFFEF (64-bit)} u64 ExecutableFileId
 *   old exe marker   {~0, 0xFFFFFFFE}: FEX before 54236df6e; FEX now dies with "Malformed code map"
 *
 * On entry: any bytes. On exit: a {@link CodeMapFile} whose record stream (plus `trailing`)
 * re-encodes to exactly the input bytes, or an InputError.
 *
 * Truncation: FEX stops reading at the first short read and keeps what it parsed. A map whose
 * writer was killed mid-flush ends in a partial record; we do the same (the partial bytes are
 * kept in `trailing` for byte-exact re-emission and reported in `warnings`), so a truncated
 * trailing record is tolerated, never an error. Everything before it must be well formed.
 *
 * Paths: FEX writes a library path's bytes as they are, UTF-8 or not; records keep `pathBytes`
 * and images carry them ({@link CodeMapImage.pathBytes}), so merging and importing write the
 * same bytes back ({@link pathBytesOf}, {@link readyMapNameBytes}); `path` is only for display.
 *
 * Deviation from FEX: FEX treats {~0, X} with an unknown X as a block of FileId ~0 when some
 * marker introduced FileId ~0, else dies. We always reject unknown markers (InputError kind
 * "unknown-marker"; the old 0xFFFFFFFE marker is kind "old-marker").
 *
 *   const map = parseCodeMap(bytes, "game.exe-0123456789abcdef.0.bin");
 *   const images = codeMapImages(map);     // FEX's ParseCodeMap view
 *   encodeCodeMap(map);                     // === bytes
 */
import { InputError } from "../util/errors.ts";

export const MARKER_FILE_ID = 0xffff_ffff_ffff_ffffn;
export const MARK_LIBRARY = 0xffff_ffff;
export const MARK_EXE32 = 0xffff_ffee;
export const MARK_EXE64 = 0xffff_ffef;
export const MARK_OLD_EXE = 0xffff_fffe;
export const ENTRY_SIZE = 12;

/** One record of the stream, in file order. */
export type CodeMapRecord =
  | { kind: "block"; fileId: bigint; offset: number }
  /** `pathBytes` and `padding` are kept raw so re-encoding is exact even for odd padding bytes. */
  | { kind: "library"; fileId: bigint; path: string; pathBytes: Uint8Array; padding: Uint8Array }
  | { kind: "executable"; fileId: bigint; bitness: 32 | 64 };

export interface CodeMapFile {
  records: CodeMapRecord[];
  /** Bytes of a truncated final record (empty for a well-formed file). */
  trailing: Uint8Array;
  /** Tolerated oddities: truncated tail, blocks of unknown FileIds, non-zero padding. */
  warnings: string[];
}

/** FEX's semantic view of one file named in a code map (`CodeMap::ParsedContents`). */
export interface CodeMapImage {
  fileId: bigint;
  /** The path for people: `pathBytes` decoded as UTF-8 (a byte that is not UTF-8 shows as U+FFFD). */
  path: string;
  /** The path as the map stores it (FEX writes raw bytes); written back unchanged. Absent: UTF-8 of `path`. */
  pathBytes?: Uint8Array;
  blocks: Set<number>;
  /** 32/64 for the main executable, undefined for libraries. */
  bitness?: 32 | 64;
}

const utf8 = new TextDecoder("utf-8");
const hex16 = (id: bigint): string => id.toString(16).padStart(16, "0");
export { hex16 };

/** Padding after a library path of `len` bytes (the NUL not counted). */
export const libraryPadding = (len: number): number => (4 - ((len + 1) % 4)) % 4;

/** Parse a code map. Throws InputError only for malformed (not merely truncated) content. */
export function parseCodeMap(bytes: Uint8Array, file: string): CodeMapFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: CodeMapRecord[] = [];
  const warnings: string[] = [];
  const known = new Set<bigint>();
  const unknown = new Map<bigint, number>();
  const n = bytes.length;
  let pos = 0;
  const truncated = (what: string): CodeMapFile => {
    warnings.push(`truncated ${what} at offset 0x${pos.toString(16)} (${n - pos} trailing bytes ignored, as FEX does)`);
    return finish(bytes.subarray(pos));
  };
  const finish = (trailing: Uint8Array): CodeMapFile => {
    // One line however many ids: a map of 200 k foreign blocks must not print 200 k warnings.
    if (unknown.size) {
      let blocks = 0;
      for (const c of unknown.values()) blocks += c;
      const ids = [...unknown.keys()].slice(0, 3).map(hex16).join(", ");
      const more = unknown.size > 3 ? `, ... (${unknown.size - 3} more)` : "";
      warnings.push(`${blocks} block(s) of ${unknown.size} unknown file id(s) dropped (no library record before them): ${ids}${more}`);
    }
    return { records, trailing, warnings };
  };
  while (pos < n) {
    if (n - pos < ENTRY_SIZE) return truncated("record");
    const fileId = view.getBigUint64(pos, true);
    const offset = view.getUint32(pos + 8, true);
    if (fileId !== MARKER_FILE_ID) {
      records.push({ kind: "block", fileId, offset });
      if (!known.has(fileId)) unknown.set(fileId, (unknown.get(fileId) ?? 0) + 1);
      pos += ENTRY_SIZE;
      continue;
    }
    if (offset === MARK_LIBRARY) {
      if (n - pos < ENTRY_SIZE + 8) return truncated("library record");
      const id = view.getBigUint64(pos + ENTRY_SIZE, true);
      const start = pos + ENTRY_SIZE + 8;
      const nul = bytes.indexOf(0, start);
      if (nul < 0) return truncated("library path (no NUL)");
      const len = nul - start;
      const end = nul + 1 + libraryPadding(len);
      if (end > n) return truncated("library padding");
      const pathBytes = bytes.slice(start, nul);
      const padding = bytes.slice(nul + 1, end);
      if (padding.some((b) => b !== 0)) warnings.push(`non-zero padding after library path at offset 0x${nul.toString(16)}`);
      records.push({ kind: "library", fileId: id, path: utf8.decode(pathBytes), pathBytes, padding });
      known.add(id);
      pos = end;
    } else if (offset === MARK_EXE32 || offset === MARK_EXE64) {
      if (n - pos < ENTRY_SIZE + 8) return truncated("executable marker");
      const id = view.getBigUint64(pos + ENTRY_SIZE, true);
      records.push({ kind: "executable", fileId: id, bitness: offset === MARK_EXE32 ? 32 : 64 });
      known.add(id);
      pos += ENTRY_SIZE + 8;
    } else if (offset === MARK_OLD_EXE) {
      throw new InputError(file, `old-style executable marker 0xfffffffe at offset 0x${pos.toString(16)} (pre-bitness FEX map; FEX rejects it as malformed)`, "old-marker");
    } else {
      throw new InputError(file, `unknown marker 0x${offset.toString(16)} with file id ~0 at offset 0x${pos.toString(16)}`, "unknown-marker");
    }
  }
  return finish(new Uint8Array(0));
}

/** Re-encode a parsed (or built) code map. For a parsed map this gives back the input bytes. */
export function encodeCodeMap(map: Pick<CodeMapFile, "records"> & { trailing?: Uint8Array }): Uint8Array {
  let size = map.trailing?.length ?? 0;
  for (const r of map.records) {
    size += r.kind === "block" ? ENTRY_SIZE : r.kind === "executable" ? ENTRY_SIZE + 8 : ENTRY_SIZE + 8 + r.pathBytes.length + 1 + r.padding.length;
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let pos = 0;
  for (const r of map.records) {
    if (r.kind === "block") {
      view.setBigUint64(pos, r.fileId, true);
      view.setUint32(pos + 8, r.offset, true);
      pos += ENTRY_SIZE;
      continue;
    }
    view.setBigUint64(pos, MARKER_FILE_ID, true);
    view.setUint32(pos + 8, r.kind === "library" ? MARK_LIBRARY : r.bitness === 32 ? MARK_EXE32 : MARK_EXE64, true);
    view.setBigUint64(pos + ENTRY_SIZE, r.fileId, true);
    pos += ENTRY_SIZE + 8;
    if (r.kind === "library") {
      out.set(r.pathBytes, pos);
      pos += r.pathBytes.length + 1; // the NUL is already zero
      out.set(r.padding, pos);
      pos += r.padding.length;
    }
  }
  if (map.trailing) out.set(map.trailing, pos);
  return out;
}

/**
 * A library record with FEX's zero padding. `path` as text (written as UTF-8) or as the raw bytes
 * a map held (kept byte for byte). A NUL inside the path could not be read back.
 */
export function libraryRecord(fileId: bigint, path: string | Uint8Array): CodeMapRecord {
  const pathBytes = typeof path === "string" ? new TextEncoder().encode(path) : path;
  const text = typeof path === "string" ? path : utf8.decode(path);
  if (pathBytes.includes(0)) throw new InputError(text, "a code-map library path cannot contain NUL", "invalid");
  return { kind: "library", fileId, path: text, pathBytes, padding: new Uint8Array(libraryPadding(pathBytes.length)) };
}

/** The bytes a map stores for `image`'s path. */
export const pathBytesOf = (image: Pick<CodeMapImage, "path" | "pathBytes">): Uint8Array => image.pathBytes ?? new TextEncoder().encode(image.path);

/** Same path, byte for byte (two non-UTF-8 paths can decode to the same text). */
export function samePath(a: Pick<CodeMapImage, "path" | "pathBytes">, b: Pick<CodeMapImage, "path" | "pathBytes">): boolean {
  if (!a.pathBytes && !b.pathBytes) return a.path === b.path;
  const x = pathBytesOf(a), y = pathBytesOf(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * FEX's `ParseCodeMap` view: FileId -> {path, blocks, bitness}. A library record (re)names its
 * FileId; an executable marker sets the bitness (creating the entry); a block counts only when its
 * FileId was introduced by an earlier record, otherwise it is dropped (FEX logs and drops it too).
 */
export function codeMapImages(map: Pick<CodeMapFile, "records">): Map<bigint, CodeMapImage> {
  const out = new Map<bigint, CodeMapImage>();
  const entry = (fileId: bigint): CodeMapImage => {
    let e = out.get(fileId);
    if (!e) out.set(fileId, (e = { fileId, path: "", blocks: new Set() }));
    return e;
  };
  for (const r of map.records) {
    if (r.kind === "library") {
      const e = entry(r.fileId);
      e.path = r.path;
      e.pathBytes = r.pathBytes;
    }
    else if (r.kind === "executable") entry(r.fileId).bitness = r.bitness;
    else out.get(r.fileId)?.blocks.add(r.offset);
  }
  return out;
}

/**
 * Lay out a code map for `images`: executable markers, then one library record per image (the
 * executables first), then each image's blocks in ascending order. `codeMapImages` of the result
 * equals `images` (an image with an empty path still gets its library record so its blocks count).
 */
export function buildCodeMap(images: Iterable<CodeMapImage>): CodeMapFile {
  const list = [...images].sort((a, b) => (a.bitness ? 0 : 1) - (b.bitness ? 0 : 1) || (a.fileId < b.fileId ? -1 : a.fileId > b.fileId ? 1 : 0));
  const records: CodeMapRecord[] = [];
  for (const im of list) if (im.bitness) records.push({ kind: "executable", fileId: im.fileId, bitness: im.bitness });
  for (const im of list) records.push(libraryRecord(im.fileId, pathBytesOf(im)));
  for (const im of list) {
    for (const offset of [...im.blocks].sort((a, b) => a - b)) {
      if (!Number.isInteger(offset) || offset < 0 || offset > 0xffff_ffff) throw new InputError(im.path, `block offset ${offset} does not fit in u32`, "invalid");
      records.push({ kind: "block", fileId: im.fileId, offset });
    }
  }
  return { records, trailing: new Uint8Array(0), warnings: [] };
}

/** FEX's `GetBaseFilename`: `<basename>-<fileid16>`, basename split at `/` or `\` (Windows paths). */
export function readyMapName(image: Pick<CodeMapImage, "fileId" | "path">): string {
  const base = image.path.slice(Math.max(image.path.lastIndexOf("/"), image.path.lastIndexOf("\\")) + 1);
  return `${base}-${hex16(image.fileId)}`;
}

/**
 * {@link readyMapName} as the bytes FEX names the file with: the path's raw bytes after the last
 * `/` or `\` byte (a non-UTF-8 path gives a non-UTF-8 file name, as FEX's does).
 */
export function readyMapNameBytes(image: Pick<CodeMapImage, "fileId" | "path" | "pathBytes">): Uint8Array {
  const p = pathBytesOf(image);
  const base = p.subarray(Math.max(p.lastIndexOf(0x2f), p.lastIndexOf(0x5c)) + 1);
  const id = new TextEncoder().encode(`-${hex16(image.fileId)}`);
  const out = new Uint8Array(base.length + id.length);
  out.set(base);
  out.set(id, base.length);
  return out;
}

/** Structural equality of two semantic views (paths, bitness, block sets). */
export function sameImages(a: Map<bigint, CodeMapImage>, b: Map<bigint, CodeMapImage>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y || !samePath(x, y) || x.bitness !== y.bitness || x.blocks.size !== y.blocks.size) return false;
    for (const o of x.blocks) if (!y.blocks.has(o)) return false;
  }
  return true;
}
