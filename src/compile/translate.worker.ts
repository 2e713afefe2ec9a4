/**
 * @file Stage 8 (compiler): one compile-pool worker (a Bun worker thread; build.ts bundles every
 * `*.worker.ts` into the binary). It answers `discover` jobs (the blocks of an image, images.ts),
 * `translate` jobs (a chunk of blocks, translated and packed into transferable arrays, _jobs.ts)
 * and `write` jobs (an image's chunks written as its cache by src/cache's writer). Images are loaded from their path and mapped at their preferred base here, never
 * sent as bytes; the last few stay mapped, since one image's chunks usually come in a row.
 *
 * On entry: a Job message. On exit: one Result message per job, an `error` result for bad input
 * or a bug (the pool reports it against the image; the worker keeps serving).
 *
 *   const w = new Worker(new URL("./translate.worker.ts", import.meta.url));
 *   w.postMessage({ kind: "translate", id: 1, image, rvas });
 */
import { BASELINE } from "../arm64/features.ts";
import type { TranslatedBlock } from "../arm64/lower/output.ts";
import { loadPeFileSync, mapImage, type MappedImage, type PeFile } from "../pe/index.ts";
import { InputError } from "../util/errors.ts";
import { writeCacheFlat } from "../cache/writer.ts";
import { packBlocks, transferList, type ImageRef, type Job, type Result } from "./_jobs.ts";
import { findBlocks, rangeOf, x86Ranges, type RvaRange } from "./images.ts";
import { Translator } from "./translate.ts";
import { volatileOrdering } from "./config.ts";

declare const self: Worker;

interface Open { pe: PeFile; img: MappedImage; ranges: RvaRange[]; translator?: Translator; key: string }

const KEEP = 3;
const open: Open[] = [];

function openImage(ref: ImageRef): Open {
  const key = `${ref.path}\0${ref.mode}\0${ref.memoryOrder}\0${ref.volatileMetadata}`;
  const hit = open.findIndex((o) => o.key === key);
  if (hit >= 0) {
    const o = open.splice(hit, 1)[0]!;
    open.unshift(o);
    return o;
  }
  const pe = loadPeFileSync(ref.path);
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
      mode: job.image.mode, lower: { features: BASELINE, memoryOrder: job.image.memoryOrder, pic: true, imageBase: o.img.base },
      ...(vm ? { ordering: volatileOrdering(vm, o.img.base) } : {}),
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

self.onmessage = (ev: MessageEvent<Job>) => {
  const job = ev.data;
  let res: Result;
  try {
    res = handle(job);
  } catch (e) {
    res = e instanceof InputError
      ? { kind: "error", id: job.id, message: e.message, input: { file: e.file, detail: e.detail, kind: e.kind } }
      : { kind: "error", id: job.id, message: `${(e as Error).stack ?? e}` };
  }
  if (res.kind === "translate") self.postMessage(res, transferList(res));
  else self.postMessage(res);
};
