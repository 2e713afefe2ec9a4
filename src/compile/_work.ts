/**
 * @file Stage 8 (compiler), internal: what one compile-pool thread does with a job, shared by the
 * workers (translate.worker.ts) and the main thread, which the pool uses as one of its `--jobs`
 * translators (pool.ts). `discover` answers the blocks of an image (images.ts), `translate` a
 * chunk of blocks translated and packed into flat arrays (_jobs.ts), `write` an image's chunks
 * written as its cache (src/cache writer). Images are loaded from their path and mapped at their
 * preferred base here, never sent as bytes; the last few stay mapped per thread, since one
 * image's chunks usually come in a row. Bad input and bugs become an `error` result.
 *
 *   const r = runJob({ kind: "translate", id: 1, image, rvas });
 */
import type { TranslatedBlock } from "../arm64/lower/output.ts";
import { loadPeFileSync, mapImage, type MappedImage, type PeFile } from "../pe/index.ts";
import { InputError } from "../util/errors.ts";
import { writeCacheFlat } from "../cache/writer.ts";
import { packBlocks, type ImageRef, type Job, type Result } from "./_jobs.ts";
import { findBlocks, rangeOf, x86Ranges, type RvaRange } from "./images.ts";
import { Translator } from "./translate.ts";
import { volatileOrdering } from "./config.ts";
import { exitFlagsFor } from "./live-flags.ts";

interface Open { pe: PeFile; img: MappedImage; ranges: RvaRange[]; translator?: Translator; key: string }

const KEEP = 3;
const open: Open[] = [];
/** Images the main thread already loaded while identifying them (compile.ts), for its own jobs. */
const loaded = new Map<string, PeFile>();

/** Let this thread's jobs use `pe` (loaded from `path`) instead of reading and parsing the file again. */
export function adoptImage(path: string, pe: PeFile): void {
  loaded.set(path, pe);
}

/** Forget adopted images (the compile is over). */
export function dropAdopted(): void {
  loaded.clear();
}

function openImage(ref: ImageRef): Open {
  const key = `${ref.path}\0${ref.mode}\0${ref.memoryOrder}\0${ref.volatileMetadata}\0${JSON.stringify(ref.features)}`;
  const hit = open.findIndex((o) => o.key === key);
  if (hit >= 0) {
    const o = open.splice(hit, 1)[0]!;
    open.unshift(o);
    return o;
  }
  const pe = loaded.get(ref.path) ?? loadPeFileSync(ref.path);
  loaded.delete(ref.path);
  // The main thread identified this file; a file replaced since must not be compiled under that identity.
  if (pe.fileId !== ref.fileId) throw new InputError(ref.path, "changed while being compiled (its FileId differs); run aot compile again", "changed");
  const img = mapImage(pe);
  const o: Open = { pe, img, ranges: x86Ranges(pe, img), key };
  open.unshift(o);
  if (open.length > KEEP) open.pop();
  return o;
}

function handle(job: Job): Result {
  if (job.kind === "write") {
    return { kind: "written", id: job.id, ...writeCacheFlat(job.path, job.image, job.config, job.chunks, job.buildId === undefined ? {} : { buildId: job.buildId }), rss: process.memoryUsage().rss };
  }
  const o = openImage(job.image);
  if (job.kind === "discover") {
    const f = findBlocks(o.pe, o.img, o.ranges, job.mapped, job.discover);
    return { kind: "discover", id: job.id, rvas: f.rvas, rejected: f.rejected, entries: f.entries, rss: process.memoryUsage().rss };
  }
  if (!o.translator) {
    const vm = job.image.volatileMetadata ? o.pe.loadConfig?.volatileMetadata : undefined;
    o.translator = new Translator({
      mode: job.image.mode, lower: { features: job.image.features, memoryOrder: job.image.memoryOrder, pic: true, imageBase: o.img.base },
      ...(vm ? { ordering: volatileOrdering(vm, o.img.base) } : {}),
      exitFlags: exitFlagsFor(o.img, o.ranges, job.image.mode),
    });
  }
  const blocks: TranslatedBlock[] = [];
  for (const rva of job.rvas) {
    const r = rangeOf(o.ranges, rva);
    if (!r) throw new Error(`block RVA 0x${rva.toString(16)} is outside the x86 ranges of ${job.image.path} (discover should have rejected it)`);
    blocks.push(o.translator.translate(o.img.memory, rva, r.end, o.img.base + BigInt(rva)));
  }
  return packBlocks(job.id, blocks, o.img.base);
}

/** Run one job in this thread; never throws (bad input and bugs become an `error` result). */
export function runJob(job: Job): Result {
  try {
    return handle(job);
  } catch (e) {
    return e instanceof InputError
      ? { kind: "error", id: job.id, message: e.message, input: { file: e.file, detail: e.detail, kind: e.kind } }
      : { kind: "error", id: job.id, message: `${(e as Error).stack ?? e}` };
  }
}
