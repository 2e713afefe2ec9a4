/**
 * @file Stage 8 (compiler): a pool of Bun workers (translate.worker.ts) running compile jobs.
 *
 * Two queues: `write` and `translate` jobs go before `discover` jobs, so images already being
 * translated finish (and their caches are written and their blocks freed) before new images are
 * opened; the discover jobs keep every worker busy meanwhile. Each job resolves with its result,
 * or rejects with the worker's InputError (bad input, a full disk) or a {@link JobError} (a bug). A worker that dies is
 * replaced and its job rejected. `peakRss` is the largest RSS any worker reported (workers are
 * threads of this process, so it is the process's RSS as seen from them).
 *
 *   const pool = new CompilePool(2);
 *   const r = await pool.discover({ image, discover: true });
 *   const chunk = await pool.translate({ image, rvas: r.rvas });
 *   pool.close();
 */
import { InputError } from "../util/errors.ts";
import { transferList, type DiscoverJob, type DiscoverResult, type Job, type PackedBlocks, type Result, type TranslateJob, type WriteJob, type WrittenResult } from "./_jobs.ts";

/** A job failed on a bug in a worker (bad input is rethrown as the worker's InputError). */
export class JobError extends Error {}

interface Pending { job: Job; resolve: (r: Result) => void; reject: (e: Error) => void }

type WithoutId<T> = T extends unknown ? Omit<T, "id" | "kind"> : never;

export class CompilePool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly high: Pending[] = [];
  private readonly low: Pending[] = [];
  private nextId = 1;
  private closed = false;
  peakRss = 0;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const w = new Worker(WORKER_URL);
    w.onmessage = (ev: MessageEvent<Result>) => this.done(w, ev.data);
    w.onerror = (ev: ErrorEvent) => {
      const p = this.busy.get(w);
      this.busy.delete(w);
      w.terminate();
      if (this.closed) return;
      this.idle.push(this.spawn());
      p?.reject(new JobError(`compile worker failed: ${ev.message}`));
      this.pump();
    };
    return w;
  }

  private done(w: Worker, r: Result): void {
    const p = this.busy.get(w);
    this.busy.delete(w);
    this.idle.push(w);
    if (r.kind !== "error" && r.rss > this.peakRss) this.peakRss = r.rss;
    if (p) {
      if (r.kind === "error") p.reject(r.input ? new InputError(r.input.file, r.input.detail, r.input.kind) : new JobError(r.message));
      else p.resolve(r);
    }
    this.pump();
  }

  private pump(): void {
    while (this.idle.length && (this.high.length || this.low.length)) {
      const p = (this.high.length ? this.high : this.low).shift()!;
      const w = this.idle.pop()!;
      this.busy.set(w, p);
      if (p.job.kind === "write") w.postMessage(p.job, p.job.chunks.flatMap(transferList));
      else w.postMessage(p.job);
    }
  }

  private submit(job: Job, queue: Pending[]): Promise<Result> {
    if (this.closed) return Promise.reject(new Error("compile pool is closed"));
    return new Promise((resolve, reject) => {
      queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  discover(job: WithoutId<DiscoverJob>): Promise<DiscoverResult> {
    return this.submit({ ...job, kind: "discover", id: this.nextId++ }, this.low) as Promise<DiscoverResult>;
  }

  translate(job: WithoutId<TranslateJob>): Promise<PackedBlocks> {
    return this.submit({ ...job, kind: "translate", id: this.nextId++ }, this.high) as Promise<PackedBlocks>;
  }

  /** Write a cache from translated chunks (their buffers are transferred: do not use them afterwards). */
  write(job: WithoutId<WriteJob>): Promise<WrittenResult> {
    return this.submit({ ...job, kind: "write", id: this.nextId++ }, this.high) as Promise<WrittenResult>;
  }

  /** Stop every worker; queued jobs are rejected. */
  close(): void {
    this.closed = true;
    for (const p of [...this.high, ...this.low]) p.reject(new Error("compile pool closed"));
    this.high.length = this.low.length = 0;
    for (const w of [...this.idle, ...this.busy.keys()]) w.terminate();
    this.idle.length = 0;
    this.busy.clear();
  }
}

/**
 * Where the worker's code is. Under `bun run` it sits next to this file. In the single binary
 * every entry point lives under /$bunfs/root/ at its path relative to src/ (build.ts passes the
 * workers as entry points) while `import.meta.url` names the executable itself at the root, so the
 * worker is `./compile/translate.worker.ts` from there (checked by test/cli/binary.test.ts via
 * `aot demo`, which compiles through the pool).
 */
const WORKER_URL = /\/\$bunfs\/|~BUN/.test(import.meta.url)
  ? new URL("./compile/translate.worker.ts", import.meta.url)
  : new URL("./translate.worker.ts", import.meta.url);
