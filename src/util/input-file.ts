/**
 * @file Opening the files users hand us (PE images, raw code, code maps) so that memory follows
 * the bytes a verb actually reads, not the size of the file.
 *
 * - {@link readInput}: a regular file only (a directory, `/dev/zero`, a FIFO or a socket is one
 *   InputError line, never an endless read). Files up to {@link MMAP_OVER} bytes are read; larger
 *   ones are mapped privately with `Bun.mmap`, so an installer's 2 GB overlay costs nothing until
 *   a page is touched. A mapping covers at most {@link MAX_MAP} bytes (a PE's section offsets are
 *   32-bit, so nothing past 4 GiB is ever addressed); `size` is the file's own size.
 * - {@link sha256OfFile}: SHA-256 streamed through a small buffer, so hashing a mapped file does
 *   not make all of it resident.
 *
 *   const f = readInput("game.exe");          // { path, bytes, size, mapped }
 *   sha256OfFile(f.path);                      // "9f86d0…"
 */
import { closeSync, openSync, readFileSync, readSync, statSync, type Stats } from "node:fs";
import { InputError } from "./errors.ts";

/** Files larger than this are mapped rather than read. */
export const MMAP_OVER = 32 << 20;
/** Largest mapping (Bun's typed arrays stop just below 4 GiB). */
export const MAX_MAP = 0xffff_f000;

export interface InputFile {
  path: string;
  /** The file's bytes (a private mapping when `mapped`), at most {@link MAX_MAP} of them. */
  bytes: Uint8Array;
  /** Size of the file on disk. */
  size: number;
  mapped: boolean;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return "is a directory";
  if (st.isCharacterDevice()) return "is a character device, not a regular file";
  if (st.isBlockDevice()) return "is a block device, not a regular file";
  if (st.isFIFO()) return "is a pipe (FIFO), not a regular file";
  if (st.isSocket()) return "is a socket, not a regular file";
  return "is not a regular file";
}

function ioError(path: string, e: unknown): InputError {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return new InputError(path, "no such file", "missing");
  if (code === "EISDIR") return new InputError(path, "is a directory", "missing");
  return new InputError(path, `cannot read: ${(e as Error).message}`, "missing");
}

/** The stat of a regular file, or the one-line InputError saying what `path` is instead. */
export function statRegular(path: string): Stats {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    throw ioError(path, e);
  }
  if (!st.isFile()) throw new InputError(path, kindOf(st), "not-a-file");
  return st;
}

/** Read or map a regular file (see the file overview). */
export function readInput(path: string): InputFile {
  const st = statRegular(path);
  try {
    if (st.size <= MMAP_OVER) return { path, bytes: new Uint8Array(readFileSync(path)), size: st.size, mapped: false };
    const bytes = Bun.mmap(path, { shared: false, offset: 0, size: Math.min(st.size, MAX_MAP) } as Parameters<typeof Bun.mmap>[1]);
    return { path, bytes, size: st.size, mapped: true };
  } catch (e) {
    throw ioError(path, e);
  }
}

/** SHA-256 of a file's bytes, lowercase hex, read 1 MiB at a time. */
export function sha256OfFile(path: string): string {
  const h = new Bun.CryptoHasher("sha256");
  const buf = new Uint8Array(1 << 20);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    throw ioError(path, e);
  }
  try {
    for (let n; (n = readSync(fd, buf)) > 0; ) h.update(n === buf.length ? buf : buf.subarray(0, n));
  } catch (e) {
    throw ioError(path, e);
  } finally {
    closeSync(fd);
  }
  return h.digest("hex");
}
