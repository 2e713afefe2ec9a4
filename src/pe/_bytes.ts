/**
 * @file Stage 1 (PE loader), internal: bounds-checked little-endian reads over the raw file.
 *
 * Every read names what it is reading, so a truncated or hostile file fails with one
 * `InputError` line ("optional header runs past the end of the file (offset 0x1f8, need 4)")
 * instead of a RangeError. Offsets are plain numbers (files are < 2^53 bytes).
 *
 *   const r = new FileReader("a.dll", bytes);
 *   const lfanew = r.u32(0x3c, "e_lfanew");
 */
import { InputError } from "../util/errors.ts";

/** Throw the one-line error every stage uses for bad input. */
export function fail(file: string, detail: string, kind = "corrupt"): never {
  throw new InputError(file, detail, kind);
}

export const hex = (n: number | bigint): string => `0x${n.toString(16)}`;

/** Reads over the file bytes; all offsets are checked against the file length. */
export class FileReader {
  readonly dv: DataView;
  constructor(
    readonly file: string,
    readonly bytes: Uint8Array,
  ) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  /** Throw "truncated" unless [off, off+n) lies inside the file. */
  need(off: number, n: number, what: string): void {
    if (!(off >= 0 && n >= 0 && off + n <= this.bytes.length)) {
      fail(this.file, `${what} runs past the end of the file (offset ${hex(off)}, need ${n} bytes, file has ${this.bytes.length})`, "truncated");
    }
  }

  u8(off: number, what: string): number {
    this.need(off, 1, what);
    return this.dv.getUint8(off);
  }
  u16(off: number, what: string): number {
    this.need(off, 2, what);
    return this.dv.getUint16(off, true);
  }
  u32(off: number, what: string): number {
    this.need(off, 4, what);
    return this.dv.getUint32(off, true);
  }
  u64(off: number, what: string): bigint {
    this.need(off, 8, what);
    return this.dv.getBigUint64(off, true);
  }
  /** Fixed-size field, trailing NULs dropped, bytes taken as Latin-1. */
  fixedString(off: number, n: number, what: string): string {
    this.need(off, n, what);
    let end = off;
    while (end < off + n && this.bytes[end] !== 0) end++;
    return latin1(this.bytes.subarray(off, end));
  }
  /** NUL-terminated string starting at `off`, at most `max` bytes before the NUL. */
  cString(off: number, max: number, what: string): string {
    this.need(off, 0, what);
    const limit = Math.min(this.bytes.length, off + max);
    const nul = this.bytes.subarray(off, limit).indexOf(0);
    if (nul < 0) fail(this.file, `${what} at offset ${hex(off)} has no terminating NUL`, "corrupt");
    return latin1(this.bytes.subarray(off, off + nul));
  }
}

/** Byte-per-char decoding: PE names are ASCII in practice; anything else stays lossless. */
export function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, i + 4096));
  return s;
}
