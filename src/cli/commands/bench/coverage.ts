/**
 * @file `aot bench coverage [--limit N] [--json]`: translation coverage of every PE file of Wine's
 * x86_64 and i386 corpora (src/bench/suites/coverage.ts): blocks, the share translated without a
 * fallback, the share over blocks with no FP/SIMD instruction (goal: 99.9 %), top fallbacks.
 */
import { defineCommand } from "citty";
import { count } from "../../_args.ts";
import { line } from "../../_out.ts";

export default defineCommand({
  meta: { name: "coverage", description: "Blocks translated without fallback over the Wine DLL corpora (aot translate --stats of every file)" },
  args: {
    limit: { type: "string", description: "Only the first N files of each corpus (default: all)" },
    json: { type: "boolean", description: "One JSON object" },
  },
  async run({ args }) {
    const limit = args.limit === undefined ? undefined : count("limit", args.limit, 1, 1_000_000);
    const { benchCoverage } = await import("../../../bench/suites/coverage.ts");
    const r = benchCoverage({ limit });
    if (args.json) {
      await line(JSON.stringify(r));
      return 0;
    }
    const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
    const top = (fs: { mnemonic: string; blocks: number }[]) => (fs.length ? fs.slice(0, 10).map((f) => `${f.mnemonic} ${f.blocks}`).join(", ") : "none");
    const lines: string[] = [];
    for (const c of r.corpora) {
      lines.push(`${c.name}: ${c.files} images (${c.skipped} other files), ${c.blocks} blocks, ${pct(c.share)} without fallback; ` +
        `blocks with no FP/SIMD instruction: ${c.integerBlocks}, ${pct(c.integerShare)} without fallback (goal 99.90%: ${c.integerShare >= 0.999 ? "ok" : "MISSED"}); ${c.seconds.toFixed(1)} s`);
      lines.push(`  top fallbacks (all blocks): ${top(c.fallbacks)}`);
      lines.push(`  top fallbacks (integer-only blocks): ${top(c.integerFallbacks)}`);
    }
    await line(lines.join("\n"));
    return 0;
  },
});
