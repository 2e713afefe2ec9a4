/**
 * @file Stage 8 (compiler): one compile-pool worker (a Bun worker thread; build.ts bundles every
 * `*.worker.ts` into the binary). Each Job message is run by `runJob` (_work.ts, the same code the
 * main thread runs as the pool's local translator) and answered with one Result message;
 * translated chunks travel as transferred buffers.
 *
 *   const w = new Worker(new URL("./translate.worker.ts", import.meta.url));
 *   w.postMessage({ kind: "translate", id: 1, image, rvas });
 */
import { transferList, type Job } from "./_jobs.ts";
import { runJob } from "./_work.ts";

declare const self: Worker;

self.onmessage = (ev: MessageEvent<Job>) => {
  const res = runJob(ev.data);
  if (res.kind === "translate") self.postMessage(res, transferList(res));
  else self.postMessage(res);
};
