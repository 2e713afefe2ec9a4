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
 *   const r = aggregateCodeMaps("/home/u/.cache/fex-emu");
 *   for (const c of r.changed) console.log(c.name, c.addedBlocks, c.addedDeps);
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../util/errors.ts";
import { atomicWrite, fsyncDir, isTempName, tryFlock } from "./_fs.ts";
import { buildCodeMap, codeMapImages, encodeCodeMap, hex16, parseCodeMap, readyMapName, type CodeMapFile, type CodeMapImage } from "./format.ts";

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

interface Pending {
  image: CodeMapImage;
  deps: Map<bigint, string>;
}

/** Read and parse one code map file; an unreadable or malformed file is an InputError naming it. */
export function readCodeMapFile(path: string): CodeMapFile {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new InputError(path, `cannot read: ${(e as Error).message}`, "io");
  }
  return parseCodeMap(bytes, path);
}

/** Read a ready map; undefined when absent. A corrupt ready map is an InputError. */
export function readReadyMap(path: string): Map<bigint, CodeMapImage> | undefined {
  if (!existsSync(path)) return undefined;
  return codeMapImages(readCodeMapFile(path));
}

/** Merge `src` into `dst` (paths: a non-empty one wins; bitness: src wins when set). */
function mergeImage(dst: CodeMapImage, src: CodeMapImage): void {
  if (src.path) dst.path = src.path;
  if (src.bitness) dst.bitness = src.bitness;
  for (const b of src.blocks) dst.blocks.add(b);
}

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
    for (const name of readdirSync(readyDir)) if (isTempName(name)) unlinkSync(join(readyDir, name));

    const pending = new Map<bigint, Pending>();
    const names = readdirSync(newDir).filter((n) => n.endsWith(".bin")).sort();
    for (const name of names) {
      const file = join(newDir, name);
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
      let images: Map<bigint, CodeMapImage>;
      try {
        const parsed = readCodeMapFile(file);
        for (const w of parsed.warnings) res.warnings.push(`${name}: ${w}`);
        images = codeMapImages(parsed);
        const exes = [...images.values()].filter((i) => i.bitness);
        if (exes.length > 1) throw new InputError(name, `${exes.length} executable markers (FEX expects exactly one)`, "corrupt");
        if (exes.length === 0) res.warnings.push(`${name}: no executable marker; its images are merged as libraries only`);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        renameSync(file, `${file}.bad`);
        res.bad.push({ file: name, reason: e.detail });
        continue;
      }
      const exe = [...images.values()].find((i) => i.bitness);
      for (const im of images.values()) {
        let p = pending.get(im.fileId);
        if (!p) pending.set(im.fileId, (p = { image: { fileId: im.fileId, path: "", blocks: new Set() }, deps: new Map() }));
        mergeImage(p.image, im);
        if (exe && im === exe) for (const d of images.values()) if (d !== exe) p.deps.set(d.fileId, d.path);
      }
      res.imported.push(name);
    }

    for (const { image, deps } of pending.values()) {
      const name = readyMapName(image);
      const out = join(readyDir, name);
      let old: Map<bigint, CodeMapImage> | undefined;
      try {
        old = readReadyMap(out);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        res.warnings.push(`ready map ${name} is corrupt (${e.detail}); rewriting it from the new maps`);
      }
      const prev = old?.get(image.fileId);
      const merged: CodeMapImage = { fileId: image.fileId, path: image.path || prev?.path || "", blocks: new Set(prev?.blocks), bitness: image.bitness ?? prev?.bitness };
      for (const b of image.blocks) merged.blocks.add(b);
      const allDeps = new Map<bigint, string>();
      for (const [id, im] of old ?? []) if (id !== image.fileId) allDeps.set(id, im.path);
      const addedDeps: bigint[] = [];
      if (merged.bitness) {
        for (const [id, path] of deps) {
          if (!allDeps.has(id)) addedDeps.push(id);
          if (path || !allDeps.get(id)) allDeps.set(id, path);
        }
      }
      const addedBlocks = merged.blocks.size - (prev?.blocks.size ?? 0);
      const changed = !prev || addedBlocks > 0 || addedDeps.length > 0 || merged.path !== prev.path || merged.bitness !== prev.bitness;
      if (!changed) {
        res.unchanged.push(name);
        continue;
      }
      const images: CodeMapImage[] = [merged];
      // Dependencies are listed (library record, no blocks) only in an EXE's map, as FEX does.
      if (merged.bitness) for (const [fileId, path] of allDeps) images.push({ fileId, path, blocks: new Set() });
      atomicWrite(out, encodeCodeMap(buildCodeMap(images)));
      res.changed.push({ name, fileId: image.fileId, path: merged.path, bitness: merged.bitness, created: !prev, addedBlocks, totalBlocks: merged.blocks.size, addedDeps });
    }

    for (const name of res.imported) unlinkSync(join(newDir, name));
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
