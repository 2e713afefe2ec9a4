/**
 * @file Stage 9 (code cache): opens a cache file written by `writer.ts` (docs/cache-format.md).
 * On entry: any path; on exit: a `CacheReader` whose every table has been bounds-checked, sorted
 * and cross-checked (and the checksum verified unless skipped), or an InputError naming the file
 * and the first thing wrong with it. Lookups then run in place on the mapped bytes.
 *
 *   const c = CacheReader.open("notepad.exe-…-…");       // { checksum: false } skips the hash
 *   const i = c.lookup(0x1000);                           // block index or -1
 *   if (i >= 0) c.blockCode(i);                           // Uint32Array view into the code section
 *   c.header.image.sha256; c.header.config.memoryOrder; c.header.buildId
 */
import { closeSync, fstatSync, openSync, readSync, constants } from "node:fs";
import { InputError } from "../util/errors.ts";
import {
  B, BLOCK_WORDS, FLAG, H, KIND_MASK, NAME, NAME_WORDS, NONE, ORDER, P, PAGE_WORDS, R, RELOC_WORDS, RESOLVED, T, TARGET,
  featuresFromBits, type CacheConfig, type CacheImage,
} from "./format.ts";
import { lookupIn, validate, type Layout } from "./_validate.ts";

export interface CacheHeader {
  formatVersion: number;
  fileSize: number;
  checksum: bigint;
  buildId: string;
  image: CacheImage;
  config: CacheConfig;
  /** configFingerprint as recorded (equals configFingerprint(config) for caches this aot wrote). */
  configFingerprint: bigint;
  /** Byte offset of the code section in the file (a multiple of CODE_ALIGN). */
  codeOffset: number;
  codeWords: number;
  relocCount: number;
  pageCount: number;
}

export interface CacheBlock {
  rva: number;
  guestLength: number;
  guestHash: bigint;
  insnCount: number;
  /** First word of the block in the code section. */
  codeOffset: number;
  codeWords: number;
  bodyWords: number;
  relocFirst: number;
  relocCount: number;
  /** Byte offset of the block's fault side table in the faults blob. */
  faultOffset: number;
  faultLength: number;
  /** Mnemonic of the counted fallback that ended the block, or "". */
  fallback: string;
}

export interface CacheReloc {
  /** Code word (from the start of the code section) holding the `b`. */
  site: number;
  kind: number;
  /** The writer linked it to a block of this cache; else it still reaches the dispatcher stub. */
  resolved: boolean;
  /** Target guest address minus the image base (signed). */
  target: bigint;
}

export interface OpenOptions {
  /** Verify the whole-file checksum (default true). */
  checksum?: boolean;
  /** Map the file with Bun.mmap (default) or read it into memory. */
  map?: boolean;
}

const utf8 = new TextDecoder();

/** The bytes of `path`, 8-byte aligned; InputError for anything that is not a readable regular file. */
export function loadBytes(path: string, map = true): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY);
  } catch (e) {
    throw new InputError(path, `cannot open: ${(e as { code?: string }).code ?? (e as Error).message}`, "unreadable");
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(path, "not a regular file", "unreadable");
    if (st.size === 0) throw new InputError(path, "empty file (not a code cache)", "truncated");
    // Bun.mmap throws on an empty file and cannot be unmapped; a mapped file is replaced by
    // rename (never truncated) by our writer, so the mapping stays valid.
    if (map) return Bun.mmap(path, { shared: false });
    const buf = new Uint8Array(st.size);
    for (let at = 0; at < st.size;) {
      const n = readSync(fd, buf, at, st.size - at, at);
      if (n <= 0) break;
      at += n;
    }
    return buf;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, `cannot read: ${(e as { code?: string }).code ?? (e as Error).message}`, "unreadable");
  } finally {
    closeSync(fd);
  }
}

export class CacheReader {
  readonly header: CacheHeader;
  readonly blockCount: number;
  private readonly u32: Uint32Array;
  private readonly bw: number;
  private readonly offsets: number[];
  private readonly names: string[] = [];

  private constructor(readonly path: string, readonly bytes: Uint8Array, l: Layout) {
    this.u32 = l.u32;
    this.offsets = l.offsets;
    this.bw = l.offsets[T.BLOCKS]! / 4;
    this.blockCount = l.counts[T.BLOCKS]!;
    const nw = l.offsets[T.NAMES]! / 4, so = l.offsets[T.STRINGS]!;
    for (let i = 0; i < l.counts[T.NAMES]!; i++) {
      const off = this.u32[nw + i * NAME_WORDS]!, len = this.u32[nw + i * NAME_WORDS + 1]!;
      this.names.push(utf8.decode(bytes.subarray(so + off, so + off + len)));
    }
    const dv = l.dv, u = (o: number) => dv.getUint32(o, true), q = (o: number) => dv.getBigUint64(o, true);
    // _validate checked that it parses as a JSON object of strings.
    const options = JSON.parse(this.names[NAME.OPTIONS]!) as Record<string, string>;
    const sha = Array.from(bytes.subarray(H.SHA256, H.SHA256 + 32), (b) => b.toString(16).padStart(2, "0")).join("");
    this.header = {
      formatVersion: u(H.VERSION),
      fileSize: bytes.byteLength,
      checksum: q(H.CHECKSUM),
      buildId: this.names[NAME.BUILD_ID]!,
      image: {
        name: this.names[NAME.IMAGE]!, fileId: q(H.FILE_ID), sha256: sha, size: Number(q(H.IMAGE_SIZE)),
        timestamp: u(H.TIMESTAMP), imageBase: q(H.IMAGE_BASE), sizeOfImage: u(H.SIZE_OF_IMAGE),
      },
      config: {
        target: u(H.TARGET) === TARGET.wow64 ? "wow64" : "arm64ec",
        memoryOrder: u(H.MEMORY_ORDER) === ORDER.tso ? "tso" : "relaxed",
        volatileMetadata: (u(H.FLAGS) & FLAG.VOLATILE_METADATA) !== 0,
        features: featuresFromBits(u(H.FEATURES)),
        options,
      },
      configFingerprint: q(H.CONFIG),
      codeOffset: l.offsets[T.CODE]!,
      codeWords: l.counts[T.CODE]!,
      relocCount: l.counts[T.RELOCS]!,
      pageCount: l.counts[T.PAGES]!,
    };
  }

  /** Open and validate `path`; InputError (one line naming the file) on anything malformed. */
  static open(path: string, opts: OpenOptions = {}): CacheReader {
    return CacheReader.fromBytes(loadBytes(path, opts.map ?? true), path, opts);
  }

  /** Validate bytes already in memory (8-byte aligned); `path` names them in errors. */
  static fromBytes(bytes: Uint8Array, path: string, opts: OpenOptions = {}): CacheReader {
    if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
    const v = validate(bytes, { checksum: opts.checksum ?? true, first: true });
    if (v.findings.length || !v.layout) throw new InputError(path, v.findings[0] ?? "invalid cache", v.kind ?? "corrupt");
    return new CacheReader(path, bytes, v.layout);
  }

  /** Index of the block whose guest code starts at `rva`, or -1 (binary search in the mapped index). */
  lookup(rva: number): number {
    return lookupIn(this.u32, this.bw, this.blockCount, rva >>> 0);
  }

  /** Index of the last block starting at or below `rva`, or -1 (for "which block holds this address"). */
  floor(rva: number): number {
    let lo = 0, hi = this.blockCount - 1, best = -1;
    rva >>>= 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.u32[this.bw + mid * BLOCK_WORDS + B.RVA]! <= rva) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return best;
  }

  private field(i: number, f: number): number {
    if (!(i >= 0 && i < this.blockCount)) throw new RangeError(`block ${i} out of range (${this.blockCount} blocks)`);
    return this.u32[this.bw + i * BLOCK_WORDS + f]!;
  }

  rva(i: number): number {
    return this.field(i, B.RVA);
  }

  block(i: number): CacheBlock {
    const f = (k: number) => this.field(i, k), fb = f(B.FALLBACK);
    return {
      rva: f(B.RVA), guestLength: f(B.GUEST_LENGTH), guestHash: (BigInt(f(B.HASH_HI)) << 32n) | BigInt(f(B.HASH_LO)),
      insnCount: f(B.INSNS), codeOffset: f(B.CODE), codeWords: f(B.WORDS), bodyWords: f(B.BODY_WORDS),
      relocFirst: f(B.RELOC_FIRST), relocCount: f(B.RELOC_COUNT), faultOffset: f(B.FAULT_OFFSET), faultLength: f(B.FAULT_LENGTH),
      fallback: fb === NONE ? "" : this.names[fb]!,
    };
  }

  /** The code section (every block's words in order), a view into the file. */
  code(): Uint32Array {
    return this.u32.subarray(this.offsets[T.CODE]! / 4, this.offsets[T.CODE]! / 4 + this.header.codeWords);
  }

  /** Block i's code words, a view. */
  blockCode(i: number): Uint32Array {
    const at = this.offsets[T.CODE]! / 4 + this.field(i, B.CODE);
    return this.u32.subarray(at, at + this.field(i, B.WORDS));
  }

  /** Block i's fault side table (ABI §9), a view. */
  faults(i: number): Uint8Array {
    const at = this.offsets[T.FAULTS]! + this.field(i, B.FAULT_OFFSET);
    return this.bytes.subarray(at, at + this.field(i, B.FAULT_LENGTH));
  }

  reloc(j: number): CacheReloc {
    if (!(j >= 0 && j < this.header.relocCount)) throw new RangeError(`relocation ${j} out of range (${this.header.relocCount})`);
    const e = this.offsets[T.RELOCS]! / 4 + j * RELOC_WORDS, kind = this.u32[e + R.KIND]!;
    const target = BigInt.asIntN(64, (BigInt(this.u32[e + R.TARGET_HI]!) << 32n) | BigInt(this.u32[e + R.TARGET_LO]!));
    return { site: this.u32[e + R.SITE]!, kind: kind & KIND_MASK, resolved: (kind & RESOLVED) !== 0, target };
  }

  /** Block i's relocations (sites ascending). */
  relocs(i: number): CacheReloc[] {
    const first = this.field(i, B.RELOC_FIRST), n = this.field(i, B.RELOC_COUNT);
    return Array.from({ length: n }, (_, k) => this.reloc(first + k));
  }

  /** Guest pages (RVA >> 12) that have blocks, ascending. */
  pages(): number[] {
    const pw = this.offsets[T.PAGES]! / 4;
    return Array.from({ length: this.header.pageCount }, (_, i) => this.u32[pw + i * PAGE_WORDS + P.PAGE]!);
  }

  /** Indices of the blocks whose guest bytes touch guest page `page` (RVA >> 12): what to invalidate when it changes. */
  blocksOnPage(page: number): number[] {
    const pw = this.offsets[T.PAGES]! / 4, qw = this.offsets[T.PAGE_BLOCKS]! / 4;
    let lo = 0, hi = this.header.pageCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1, p = this.u32[pw + mid * PAGE_WORDS + P.PAGE]!;
      if (p === page) {
        const first = this.u32[pw + mid * PAGE_WORDS + P.FIRST]!, n = this.u32[pw + mid * PAGE_WORDS + P.COUNT]!;
        return Array.from(this.u32.subarray(qw + first, qw + first + n));
      }
      if (p < page) lo = mid + 1;
      else hi = mid - 1;
    }
    return [];
  }
}
