/**
 * @file `aot bench cache [--code-mb N] [--runs N] [--dir D] [--json]`: cache writing against one
 * plain `write` of the same bytes (goal: at least 0.8x, fastest run of each), opening with and without the checksum,
 * and `checkCache`, in MB/s (src/bench/suites/cache.ts).
 */
import { defineCommand } from "citty";
import { count } from "../../_args.ts";
import { line } from "../../_out.ts";

export default defineCommand({
  meta: { name: "cache", description: "Cache writing vs one plain write of the same bytes; open and check speed" },
  args: {
    "code-mb": { type: "string", description: "MB of code in the cache (default 50)" },
    runs: { type: "string", description: "Measured runs of each (default 7; the ratio is fastest against fastest)" },
    dir: { type: "string", description: "Folder to write in (default: a temporary folder)" },
    json: { type: "boolean", description: "One JSON object" },
  },
  async run({ args }) {
    const codeMB = args["code-mb"] === undefined ? undefined : count("code-mb", args["code-mb"], 1, 4000);
    const runs = args.runs === undefined ? undefined : count("runs", args.runs, 1, 100);
    const { benchCache } = await import("../../../bench/suites/cache.ts");
    const r = await benchCache({ codeMB, runs, dir: args.dir });
    if (args.json) await line(JSON.stringify(r));
    else {
      const mb = (n: number) => `${n.toFixed(0)} MB/s`;
      await line(`cache: ${r.blocks} blocks, ${(r.bytes / 1e6).toFixed(1)} MB (${(r.codeBytes / 1e6).toFixed(1)} MB code) in ${r.dir}\n` +
        `  write ${mb(r.writeMBps)} vs one plain write ${mb(r.plainMBps)} (fastest of each): ratio ${r.ratio} (${r.ratio >= 0.8 ? "ok" : "MISSED"}: >= 0.8; medians ${r.medianRatio}); heap growth ${r.writeHeapMB} MB\n` +
        `  open ${mb(r.openMBps)} (without checksum ${r.openNoChecksumMs.toFixed(2)} ms), check ${mb(r.checkMBps)}`);
    }
    return 0;
  },
});
