/**
 * @file Stage 3 (code maps): aggregation of `codemap/new/*.bin` into `codemap/ready/<base>-<id16>`,
 * FEX's `process-all` step done safely.
 *
 * On entry: a FEX cache dir. On exit: every importable new map is merged into the ready maps and
 * deleted; each ready map was replaced atomically (temp + fsync + rename + fsync dir).
 *
 * Where we differ from FEX on purpose (fex-codecache.md 2.6 and 8):
 * - an EXE's dependency list is the UNION of its old ready map and every new map, not the latest
 *   batch; and an EXE map is rewritten when it gains a dependency even with no new blocks;
 * - ready maps are never truncated in place (FEX uses O_TRUNC/creat);
 * - one aggregator at a time: `flock` on `codemap/.aot-aggregate.lock` (kernel-released on death,
 *   so a SIGKILLed aggregator leaves no stale lock); a second one waits or reports "busy";
 * - a new map of size 0, or one whose writer holds its flock (FEX's Linux writers do), is skipped
 *   and left in place. NOTE: a Windows-side writer under Wine holds `_SH_DENYRW`, a wineserver
 *   share mode that Linux cannot see; stop the game before importing its maps.
 * - a new map we cannot parse is renamed to `<name>.bad` (FEX dies) and reported;
 * - new maps are deleted only after every ready map they fed is durable, so a kill at any moment
 *   loses nothing: re-importing a map is idempotent (union).
 *
 * Memory: maps are read with the streaming reader (scan.ts: 4 MiB reads, each image's blocks a
 * sorted Uint32Array) and ready maps written in 4 MiB pieces, so a 10 M-block map costs ~40 MB of
 * offsets, never 10 M record objects (issue 11).
 *
 *   const r = aggregateCodeMaps("/home/u/.cache/fex-emu");
 *   for (const c of r.changed) console.log(c.name, c.addedBlocks, c.addedDeps);
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../util/errors.ts";
import { atomicWrite, fsyncDir, isTempName, tryFlock } from "./_fs.ts";
import { codeMapImages, hex16, parseCodeMap, readyMapName, readyMapNameBytes, samePath, type CodeMapFile, type CodeMapImage } from "./format.ts";
import { encodeScannedChunks, scanCodeMap, unionBlocks, type ScannedImage } from "./scan.ts";

export interface ReadyChange {
  /** Ready-map file name, `<basename>-<fileid16>`. */
  name: string;
  fileId: bigint;
  path: string;
  bitness?: 32 | 64;
  created: boolean;
  addedBlocks: number;
  totalBlocks: number;
  /** FileIds newly listed as dependencies of this EXE. */
  addedDeps: bigint[];
}

export interface AggregateResult {
  imported: string[];
  skipped: { file: string; reason: string }[];
  bad: { file: string; reason: string }[];
  changed: ReadyChange[];
  unchanged: string[];
  warnings: string[];
}

/** An image as named (path and raw path bytes), without its blocks. */
type Named = Pick<ScannedImage, "fileId" | "path" | "pathBytes">;

interface Pending {
  image: ScannedImage;
  /** Dependencies (an EXE's): file id -> the image as named. */
  deps: Map<bigint, Named>;
  /** The new maps (raw names) that fed this image: set aside as `.bad` if it cannot be written. */
  sources: Set<Buffer>;
}

/** `dir/name` for a name that may not be UTF-8 (FEX names files after raw path bytes). */
const inDir = (dir: string, name: Uint8Array): Buffer => Buffer.concat([Buffer.from(`${dir}/`), name]);
/** Folder entries as raw bytes, so a non-UTF-8 name can still be opened, renamed and deleted. */
const entries = (dir: string): Buffer[] => readdirSync(dir, { encoding: "buffer" });

/** Read and parse one code map file; an unreadable or malformed file is an InputError naming it. */
export function readCodeMapFile(path: string | Uint8Array): CodeMapFile {
  const shown = typeof path === "string" ? path : Buffer.from(path).toString();
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(typeof path === "string" ? path : Buffer.from(path)));
  } catch (e) {
    throw new InputError(shown, `cannot read: ${(e as Error).message}`, "io");
  }
  return parseCodeMap(bytes, shown);
}

/** Read a ready map; undefined when absent. A corrupt ready map is an InputError. */
export function readReadyMap(path: string | Uint8Array): Map<bigint, CodeMapImage> | undefined {
  if (!existsSync(typeof path === "string" ? path : Buffer.from(path))) return undefined;
  return codeMapImages(readCodeMapFile(path));
}

/** A ready map streamed (scan.ts); undefined when absent. A corrupt ready map is an InputError. */
function scanReadyMap(path: Uint8Array): Map<bigint, ScannedImage> | undefined {
  if (!existsSync(Buffer.from(path))) return undefined;
  return scanCodeMap(path).images;
}

/** Merge `src` into `dst` (paths: a non-empty one wins; bitness: src wins when set). */
function mergeImage(dst: ScannedImage, src: ScannedImage): void {
  if (src.pathBytes.length) {
    dst.path = src.path;
    dst.pathBytes = src.pathBytes;
  }
  if (src.bitness) dst.bitness = src.bitness;
  dst.blocks = unionBlocks(dst.blocks, src.blocks);
}

const named = (im: Named): Named => ({ fileId: im.fileId, path: im.path, pathBytes: im.pathBytes });

/** How long a second aggregator waits for the lock (in 50 ms steps). */
export const WAIT_SECONDS = 30;

/** Lock the aggregator of `cacheDir`; returns the fd to close, or undefined when another holds it. */
function lockCacheDir(cacheDir: string, wait: boolean, onWait?: (lock: string, seconds: number) => void): number | undefined {
  const codemap = join(cacheDir, "codemap");
  mkdirSync(codemap, { recursive: true });
  const fd = openSync(join(codemap, ".aot-aggregate.lock"), "a");
  for (let tries = 0; ; tries++) {
    if (tryFlock(fd)) return fd;
    if (tries === 0 && wait) onWait?.(join(codemap, ".aot-aggregate.lock"), WAIT_SECONDS);
    if (!wait || tries >= WAIT_SECONDS * 20) {
      closeSync(fd);
      return undefined;
    }
    Bun.sleepSync(50);
  }
}

/**
 * Import `cacheDir/codemap/new/*.bin` into `cacheDir/codemap/ready/`. `wait` (default true) blocks
 * up to {@link WAIT_SECONDS} for another aggregator (calling `onWait` once when it starts waiting);
 * a held lock after that, or at once with `wait: false`, throws InputError kind "busy".
 */
export function aggregateCodeMaps(cacheDir: string, opts: { wait?: boolean; onWait?: (lock: string, seconds: number) => void } = {}): AggregateResult {
  const res: AggregateResult = { imported: [], skipped: [], bad: [], changed: [], unchanged: [], warnings: [] };
  const newDir = join(cacheDir, "codemap", "new");
  const readyDir = join(cacheDir, "codemap", "ready");
  if (!existsSync(newDir)) {
    // Nothing FEX wrote here: do not create folders or a lock file in someone else's prefix.
    res.warnings.push(`${newDir} does not exist; nothing to import`);
    return res;
  }
  const lock = lockCacheDir(cacheDir, opts.wait ?? true, opts.onWait);
  if (lock === undefined) throw new InputError(cacheDir, "another aggregator holds codemap/.aot-aggregate.lock", "busy");
  const held: number[] = [];
  try {
    mkdirSync(readyDir, { recursive: true });
    for (const raw of entries(readyDir)) if (isTempName(raw.toString())) unlinkSync(inDir(readyDir, raw));

    const pending = new Map<bigint, Pending>();
    // Raw names: a map named after a non-UTF-8 path is opened, renamed and deleted by its own bytes.
    const raws = entries(newDir).filter((n) => n.toString("latin1").endsWith(".bin")).sort(Buffer.compare);
    const importedRaw: Buffer[] = [];
    for (const raw of raws) {
      const name = raw.toString();
      const file = inDir(newDir, raw);
      const st = statSync(file, { throwIfNoEntry: false });
      if (!st?.isFile()) continue;
      if (st.size === 0) {
        res.skipped.push({ file: name, reason: "empty (writer has not started)" });
        continue;
      }
      let fd: number;
      try {
        fd = openSync(file, "r");
      } catch (e) {
        res.skipped.push({ file: name, reason: `cannot open: ${(e as Error).message}` });
        continue;
      }
      if (!tryFlock(fd)) {
        closeSync(fd);
        res.skipped.push({ file: name, reason: "locked by its writer" });
        continue;
      }
      held.push(fd); // keep the lock until the map is deleted
      let images: Map<bigint, ScannedImage>;
      try {
        const scanned = scanCodeMap(file);
        for (const w of scanned.warnings) res.warnings.push(`${name}: ${w}`);
        images = scanned.images;
        const exes = [...images.values()].filter((i) => i.bitness);
        if (exes.length > 1) throw new InputError(name, `${exes.length} executable markers (FEX expects exactly one)`, "corrupt");
        if (exes.length === 0) res.warnings.push(`${name}: no executable marker; its images are merged as libraries only`);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        renameSync(file, Buffer.concat([file, Buffer.from(".bad")]));
        res.bad.push({ file: name, reason: e.detail });
        continue;
      }
      const exe = [...images.values()].find((i) => i.bitness);
      for (const im of images.values()) {
        let p = pending.get(im.fileId);
        if (!p) pending.set(im.fileId, (p = { image: { fileId: im.fileId, path: "", pathBytes: new Uint8Array(0), blocks: new Uint32Array(0) }, deps: new Map(), sources: new Set() }));
        mergeImage(p.image, im);
        p.sources.add(raw);
        if (exe && im === exe) for (const d of images.values()) if (d !== exe) p.deps.set(d.fileId, named(d));
      }
      res.imported.push(name);
      importedRaw.push(raw);
    }

    // A ready map that cannot be written (a name too long for the file system, a full disk) must
    // not block the others: they are written, and the new maps that fed it are set aside as .bad.
    const failed = new Map<Buffer, string>();
    for (const { image, deps, sources } of pending.values()) {
      const name = readyMapName(image);
      const out = inDir(readyDir, readyMapNameBytes(image));
      let old: Map<bigint, ScannedImage> | undefined;
      try {
        old = scanReadyMap(out);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        res.warnings.push(`ready map ${name} is corrupt (${e.detail}); rewriting it from the new maps`);
      }
      const prev = old?.get(image.fileId);
      const from = image.pathBytes.length ? image : prev;
      const merged: ScannedImage = { fileId: image.fileId, path: from?.path ?? "", pathBytes: from?.pathBytes ?? new Uint8Array(0), blocks: unionBlocks(prev?.blocks ?? new Uint32Array(0), image.blocks), bitness: image.bitness ?? prev?.bitness };
      const allDeps = new Map<bigint, Named>();
      for (const [id, im] of old ?? []) if (id !== image.fileId) allDeps.set(id, named(im));
      const addedDeps: bigint[] = [];
      if (merged.bitness) {
        for (const [id, d] of deps) {
          if (!allDeps.has(id)) addedDeps.push(id);
          if (d.pathBytes.length || !allDeps.get(id)?.pathBytes.length) allDeps.set(id, d);
        }
      }
      const addedBlocks = merged.blocks.length - (prev?.blocks.length ?? 0);
      const changed = !prev || addedBlocks > 0 || addedDeps.length > 0 || !samePath(merged, prev) || merged.bitness !== prev.bitness;
      if (!changed) {
        res.unchanged.push(name);
        continue;
      }
      const images: ScannedImage[] = [merged];
      // Dependencies are listed (library record, no blocks) only in an EXE's map, as FEX does.
      if (merged.bitness) for (const d of allDeps.values()) images.push({ ...d, blocks: new Uint32Array(0) });
      try {
        atomicWrite(out, encodeScannedChunks(images));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        for (const src of sources) if (!failed.has(src)) failed.set(src, `ready map ${name}: ${e.detail}`);
        continue;
      }
      res.changed.push({ name, fileId: image.fileId, path: merged.path, bitness: merged.bitness, created: !prev, addedBlocks, totalBlocks: merged.blocks.length, addedDeps });
    }

    const kept: string[] = [];
    importedRaw.forEach((raw, i) => {
      const name = res.imported[i]!;
      const why = failed.get(raw);
      if (why === undefined) {
        unlinkSync(inDir(newDir, raw));
        kept.push(name);
        return;
      }
      // Its other images were written (importing again is a union, so nothing is counted twice).
      renameSync(inDir(newDir, raw), Buffer.concat([inDir(newDir, raw), Buffer.from(".bad")]));
      res.bad.push({ file: name, reason: why });
    });
    res.imported = kept;
    if (res.imported.length || res.bad.length) fsyncDir(newDir);
  } finally {
    for (const fd of held) closeSync(fd);
    closeSync(lock);
  }
  return res;
}

/** `<basename>-<fileid16>.<n>.bin` for a new map, as FEX's Linux server names them. */
export const newMapName = (exe: Pick<CodeMapImage, "fileId" | "path">, index: number | bigint): string => `${readyMapName(exe)}.${index}.bin`;

export { hex16 };
