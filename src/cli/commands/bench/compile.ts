/**
 * @file `aot bench compile [--runs N] [--json]`: the 64-bit notepad closure compiled with static
 * discovery with --jobs 1 (the main thread) and --jobs 2 (it and one worker), alternated, each a fresh `aot compile` process (src/bench/suites/compile.ts): best
 * seconds of each, their ratio, guest instructions per second, peak memory, cache bytes, and
 * whether both wrote byte-identical caches.
 */
import { defineCommand } from "citty";
import { count } from "../../_args.ts";
import { line } from "../../_out.ts";

export default defineCommand({
  meta: { name: "compile", description: "Whole-closure compile (notepad.exe, --discover): --jobs 2 vs --jobs 1" },
  args: {
    runs: { type: "string", description: "Rounds of (--jobs 1, --jobs 2) (default 2)" },
    json: { type: "boolean", description: "One JSON object" },
  },
  async run({ args }) {
    const runs = args.runs === undefined ? undefined : count("runs", args.runs, 1, 100);
    const { benchCompile } = await import("../../../bench/suites/compile.ts");
    const r = await benchCompile({ runs });
    if (args.json) await line(JSON.stringify(r));
    else {
      const mib = (n: number) => `${(n / (1 << 20)).toFixed(0)} MiB`;
      const ok = (b: boolean) => (b ? "ok" : "MISSED");
      await line(`compile: ${r.images} images, ${r.blocks} blocks (${(r.translatedShare * 100).toFixed(1)}% without fallback), ${r.insns} guest instructions, ${mib(r.cacheBytes)} of caches\n` +
        `  --jobs 1 ${r.best.one.toFixed(2)} s, --jobs 2 ${r.best.two.toFixed(2)} s (${ok(r.goals.under60s)}: < 60 s): ratio ${r.ratio} (${ok(r.goals.ratio18)}: >= 1.8); ` +
        `${Math.round(r.insnsPerSecond / 1000)} k insns/s; peak ${mib(r.peakRssBytes)} (${ok(r.goals.under1GiB)}: < 1 GiB)\n` +
        `  caches byte-identical with --jobs 1 and 2: ${r.identical ? "yes" : "NO"}; load average at start ${r.loadAverage.toFixed(2)}; ` +
        `CPU per wall second: ${r.runs.map((x) => `jobs ${x.jobs} ${x.cpuPerSecond.toFixed(2)}`).join(", ")}`);
    }
    return 0;
  },
});
