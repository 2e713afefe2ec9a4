/**
 * @file Whole-closure compile speed (stage 11 bench, `aot bench compile`): `aot compile
 * --discover` of the 64-bit notepad.exe and its DLL closure in the corpus prefix
 * (`AOT_CORPUS_DIR` or ~/.cache/aot-corpus, scripts/corpus.sh), into fresh cache folders, with
 * `--jobs 1` (the main thread alone) and `--jobs 2` (it and one worker), alternated (1, 2, 1, 2,
 * ...). Each run is a fresh `aot compile` process, as a user runs it: in one long-lived process the
 * main thread's JIT would stay warm from the earlier rounds while every --jobs 2 worker starts
 * cold, which is not what either run costs a user. The peer of the 2-translator run is the
 * 1-translator run: ratio = best jobs-1 seconds / best jobs-2 seconds (best, not median: other
 * load on the machine only ever slows a run down). Seconds are the compile's own (`seconds` of
 * its --json), without the process start. Also: guest instructions per second, peak memory (RSS,
 * workers included), cache bytes, whether both runs wrote byte-identical caches, the load
 * average when the bench started and the CPU time per wall-clock second of each run (how many
 * cores it really used: JIT compiler threads and the garbage collector run beside the translators).
 *
 *   const r = await benchCompile({ runs: 2 });   // { best: {one: .., two: ..}, ratio, ... }
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { homedir, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { CompileResult } from "../../compile/compile.ts";
import { InputError } from "../../util/errors.ts";

export interface CompileBenchRun { jobs: number; seconds: number; insnsPerSecond: number; peakRssBytes: number; cpuPerSecond: number }

export interface CompileBenchResult {
  exe: string;
  images: number;
  blocks: number;
  /** Share of blocks translated without a fallback. */
  translatedShare: number;
  insns: number;
  cacheBytes: number;
  runs: CompileBenchRun[];
  /** Best seconds per worker count. */
  best: { one: number; two: number };
  /** best.one / best.two (goal >= 1.8). */
  ratio: number;
  /** Guest instructions per second on 2 workers (best run). */
  insnsPerSecond: number;
  peakRssBytes: number;
  /** The 1-worker and 2-worker caches are byte-identical. */
  identical: boolean;
  loadAverage: number;
  goals: { under60s: boolean; ratio18: boolean; under1GiB: boolean };
}

function notepad(): string {
  const corpus = process.env.AOT_CORPUS_DIR ?? join(homedir(), ".cache", "aot-corpus");
  const exe = join(corpus, "prefix64", "drive_c", "windows", "notepad.exe");
  if (!existsSync(exe)) throw new InputError(exe, "missing: run `bash scripts/corpus.sh` first (the bench compiles the test prefix's notepad closure)", "missing");
  return exe;
}

function cacheBytesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const n of readdirSync(join(dir, "cache")).sort()) if (!n.startsWith(".")) out.set(n, readFileSync(join(dir, "cache", n)));
  return out;
}

/** In the single binary every module lives under /$bunfs; under `bun run` the CLI is src/cli/main.ts. */
const inBinary = import.meta.dir.startsWith("/$bunfs") || import.meta.dir.startsWith("B:/~BUN");
const aot = (): string[] => (inBinary ? [process.execPath] : [process.execPath, join(import.meta.dir, "..", "..", "cli", "main.ts")]);

/** One `aot compile --json` in a fresh process. */
function compileOnce(exe: string, prefix: string, dir: string, jobs: number): { r: CompileResult; cpuSeconds: number } {
  const p = Bun.spawnSync([...aot(), "compile", exe, "--prefix", prefix, "--cache-dir", dir, "--discover", "--jobs", String(jobs), "--json"], {
    stdout: "pipe", stderr: "pipe", env: { ...process.env, NO_COLOR: "1" },
  });
  const text = p.stdout.toString();
  if (p.exitCode !== 0 && !text.startsWith("{")) throw new Error(`bench compile: aot compile exited ${p.exitCode}: ${p.stderr.toString().trim().split("\n")[0]}`);
  const r = JSON.parse(text) as CompileResult;
  const cpu = p.resourceUsage?.cpuTime;
  return { r, cpuSeconds: cpu ? Number(cpu.user + cpu.system) / 1e6 : NaN };
}

export async function benchCompile(opts: { runs?: number } = {}): Promise<CompileBenchResult> {
  const exe = notepad();
  const prefix = join(exe, "..", "..", "..");
  const rounds = opts.runs ?? 2;
  const loadAverage = loadavg()[0] ?? 0;
  const runs: CompileBenchRun[] = [];
  let last: CompileResult | undefined;
  let identical = true;
  for (let round = 0; round < rounds; round++) {
    const outputs: Map<string, Buffer>[] = [];
    for (const jobs of [1, 2]) {
      const dir = mkdtempSync(join(tmpdir(), "aot-bench-compile-"));
      try {
        const { r, cpuSeconds } = compileOnce(exe, prefix, dir, jobs);
        if (r.totals.compiled !== r.totals.images) throw new Error(`bench compile: ${r.totals.failed} image(s) failed: ${r.findings.join("; ")}`);
        runs.push({ jobs, seconds: r.seconds, insnsPerSecond: r.insnsPerSecond, peakRssBytes: r.peakRssBytes, cpuPerSecond: cpuSeconds / r.seconds });
        if (round === 0) outputs.push(cacheBytesOf(dir));
        last = r;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    if (round === 0) {
      const [a, b] = outputs as [Map<string, Buffer>, Map<string, Buffer>];
      identical = a.size === b.size && [...a].every(([n, x]) => b.has(n) && Buffer.compare(x, b.get(n)!) === 0);
    }
  }
  const best = (j: number) => Math.min(...runs.filter((r) => r.jobs === j).map((r) => r.seconds));
  const one = best(1), two = best(2);
  const t = last!.totals;
  const peak = Math.max(...runs.map((r) => r.peakRssBytes));
  const ratio = Math.round((one / two) * 100) / 100;
  return {
    exe,
    images: t.images,
    blocks: t.blocks,
    translatedShare: t.blocks ? t.translated / t.blocks : 1,
    insns: t.insns,
    cacheBytes: t.cacheBytes,
    runs,
    best: { one, two },
    ratio,
    insnsPerSecond: Math.round(t.insns / two),
    peakRssBytes: peak,
    identical,
    loadAverage,
    goals: { under60s: two < 60, ratio18: ratio >= 1.8, under1GiB: peak < 1 << 30 },
  };
}
