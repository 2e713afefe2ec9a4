/**
 * @file Stage 9 (code cache), internal: the cache checksum, CRC-32 (ISO-HDLC: zlib's `crc32`,
 * check value 0xcbf43926 for "123456789"), computed in pieces. The writer fills several tables of
 * the file at once, each front to back, so no single pass sees the file in order while it is
 * being written; hashing each table's finished part right after it is written (while it is still
 * in the CPU's caches) and joining the pieces at the end costs a fraction of one pass over 100 MB
 * from memory. Joining uses the standard identity CRC(A ‖ B) = CRC(A)·x^(8·|B|) ⊕ CRC(B) (mod the
 * CRC polynomial, in its bit-reflected form), which holds for zlib's pre- and post-inverted CRC.
 *
 *   const crc = new PieceCrc(file);
 *   crc.hash(start, end);               // as [start, end) becomes final, in any order of ranges
 *   crc.total(16, file.byteLength);     // hashes the gaps, joins the pieces: the CRC of [16, end)
 */

/** The CRC-32 polynomial, bit-reflected (bit 31 is x^0). */
const POLY = 0xedb88320;
/** x^0 in the reflected form. */
const ONE = 0x80000000;

/** a·b mod POLY, both reflected. */
function mulMod(a: number, b: number): number {
  let p = 0;
  for (let m = ONE; m !== 0 && a !== 0; m >>>= 1) {
    if (a & m) {
      p ^= b;
      a ^= m;
    }
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** X2N[k] = x^(2^k) mod POLY. */
const X2N: number[] = [ONE >>> 1];
for (let k = 1; k < 64; k++) X2N.push(mulMod(X2N[k - 1]!, X2N[k - 1]!));

/** x^(8·n) mod POLY: the factor that shifts a CRC over n more bytes. */
function shiftFactor(n: number): number {
  let p = ONE;
  for (let k = 3; n > 0; n = Math.floor(n / 2), k++) if (n % 2) p = mulMod(p, X2N[k]!);
  return p;
}

/** CRC-32 of A ‖ B from CRC(A), CRC(B) and B's length in bytes. */
export function crc32Combine(a: number, b: number, lengthB: number): number {
  return (mulMod(shiftFactor(lengthB), a) ^ b) >>> 0;
}

/** CRC-32 of `bytes` (zlib's crc32), continuing from `crc` (the CRC of what came before). */
export const crc32 = (bytes: Uint8Array, crc = 0): number => Bun.hash.crc32(bytes, crc) >>> 0;

/** CRC-32 of one file assembled from ranges hashed as they become final (see the file comment). */
export class PieceCrc {
  /** Disjoint hashed ranges: start, end, CRC. A range continuing the last one extends it. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly crcs: number[] = [];

  constructor(private readonly file: Uint8Array) {}

  /** Hash [start, end), whose bytes are final from now on. */
  hash(start: number, end: number): void {
    if (end <= start) return;
    const k = this.ends.lastIndexOf(start);
    const crc = crc32(this.file.subarray(start, end), k >= 0 ? this.crcs[k]! : 0);
    if (k >= 0) {
      this.ends[k] = end;
      this.crcs[k] = crc;
    } else {
      this.starts.push(start);
      this.ends.push(end);
      this.crcs.push(crc);
    }
  }

  /** The CRC of [from, to): the hashed ranges inside it joined in order, the bytes between hashed now. */
  total(from: number, to: number): number {
    const order = this.starts.map((_, i) => i).sort((x, y) => this.starts[x]! - this.starts[y]!);
    let crc = 0, at = from;
    for (const i of order) {
      const s = this.starts[i]!, e = this.ends[i]!;
      if (s < at || e > to) throw new Error(`checksum range [${s}, ${e}) overlaps another or lies outside [${from}, ${to})`);
      crc = crc32(this.file.subarray(at, s), crc);
      crc = crc32Combine(crc, this.crcs[i]!, e - s);
      at = e;
    }
    return crc32(this.file.subarray(at, to), crc);
  }
}
