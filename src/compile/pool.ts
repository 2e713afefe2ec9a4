/**
 * @file Stage 8 (compiler): `--jobs N` compile translators: the main thread and N-1 Bun workers
 * (translate.worker.ts), all running the same `runJob` (_work.ts). `--jobs 1` starts no worker,
 * and every worker pays its own JIT warm-up, so the main thread is the first translator rather
 * than an idle dispatcher.
 *
 * Three queues: `write` jobs run on the main thread only (the writer's hot loops then get
 * JIT-compiled once, not again in every worker: the translators share two cores with the JIT
 * compiler threads); `translate` jobs go before `discover` jobs, so images already being
 * translated finish (and their caches are written and their blocks freed) before new images are
 * opened; the discover jobs keep every translator busy meanwhile. A worker is given a second job
 * while it runs one when more than one is waiting, so it never waits for the main thread (which
 * sees the worker's answers only between its own jobs) to hand it the next. The main thread runs
 * a job from `setImmediate`, after the workers' messages.
 *
 * Each job resolves with its result, or rejects with the InputError it met (bad input, a full
 * disk) or a {@link JobError} (a bug). A worker that dies is replaced and its jobs rejected.
 * `peakRss` is the largest RSS any translator reported (workers are threads of this process).
 *
 *   const pool = new CompilePool(2);     // the main thread and one worker
 *   const r = await pool.discover({ image, discover: true });
 *   const chunk = await pool.translate({ image, rvas: r.rvas });
 *   pool.close();
 */
import { InputError } from "../util/errors.ts";
import { type DiscoverJob, type DiscoverResult, type Job, type PackedBlocks, type Result, type TranslateJob, type WriteJob, type WrittenResult } from "./_jobs.ts";
import { runJob } from "./_work.ts";

/** A job failed on a bug in a worker (bad input is rethrown as the worker's InputError). */
export class JobError extends Error {}

interface Pending { job: Job; resolve: (r: Result) => void; reject: (e: Error) => void }

type WithoutId<T> = T extends unknown ? Omit<T, "id" | "kind"> : never;

/** Jobs a worker may hold at once (one running, one waiting in its message queue). */
const DEPTH = 2;

export class CompilePool {
  /** Each worker's jobs, in the order it answers them. */
  private readonly workers = new Map<Worker, Pending[]>();
  private local: Pending | undefined;
  private readonly writes: Pending[] = [];
  private readonly high: Pending[] = [];
  private readonly low: Pending[] = [];
  private nextId = 1;
  private closed = false;
  peakRss = 0;

  /** `size` translators: this thread and size - 1 workers. */
  constructor(readonly size: number) {
    for (let i = 1; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const w = new Worker(WORKER_URL);
    this.workers.set(w, []);
    w.onmessage = (ev: MessageEvent<Result>) => {
      const p = this.workers.get(w)?.shift();
      this.settle(p, ev.data);
    };
    w.onerror = (ev: ErrorEvent) => {
      const lost = this.workers.get(w) ?? [];
      this.workers.delete(w);
      w.terminate();
      if (this.closed) return;
      this.spawn();
      for (const p of lost) p.reject(new JobError(`compile worker failed: ${ev.message}`));
      this.pump();
    };
  }

  private settle(p: Pending | undefined, r: Result): void {
    if (r.kind !== "error" && r.rss > this.peakRss) this.peakRss = r.rss;
    if (p) {
      if (r.kind === "error") p.reject(r.input ? new InputError(r.input.file, r.input.detail, r.input.kind) : new JobError(r.message));
      else p.resolve(r);
    }
    this.pump();
  }

  /** Jobs a worker may take. */
  private waiting(): number {
    return this.high.length + this.low.length;
  }

  private next(): Pending {
    return (this.high.length ? this.high : this.low).shift()!;
  }

  private post(w: Worker, p: Pending): void {
    this.workers.get(w)!.push(p);
    w.postMessage(p.job);
  }

  private pump(): void {
    if (this.closed) return;
    // Idle workers first, then this thread, then a second job for busy workers while more than
    // one job waits (the last one is left for whichever translator frees up first).
    for (const [w, q] of this.workers) if (q.length === 0 && this.waiting()) this.post(w, this.next());
    if (!this.local && (this.writes.length || this.waiting())) {
      const p = (this.local = this.writes.shift() ?? this.next());
      setImmediate(() => {
        const r = runJob(p.job);
        this.local = undefined;
        if (!this.closed) this.settle(p, r);
      });
    }
    for (const [w, q] of this.workers) if (q.length < DEPTH && this.waiting() > 1) this.post(w, this.next());
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

  /** Write a cache from translated chunks, on the main thread. */
  write(job: WithoutId<WriteJob>): Promise<WrittenResult> {
    return this.submit({ ...job, kind: "write", id: this.nextId++ }, this.writes) as Promise<WrittenResult>;
  }

  /** Stop every worker; queued and running jobs are rejected. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const gone = new Error("compile pool closed");
    for (const p of [...this.writes, ...this.high, ...this.low]) p.reject(gone);
    this.writes.length = this.high.length = this.low.length = 0;
    for (const [w, q] of this.workers) {
      w.terminate();
      for (const p of q) p.reject(gone);
    }
    this.workers.clear();
    this.local?.reject(gone);
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
