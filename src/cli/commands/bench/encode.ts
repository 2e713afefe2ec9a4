/**
 * @file `aot bench encode [--json] [--count N]`: ARM64 encoder speed against a plain Uint32Array
 * fill of the same words (src/bench/suites/encode.ts).
 */
import { defineCommand } from "citty";
import { count } from "../../_args.ts";
import { line } from "../../_out.ts";

export default defineCommand({
  meta: { name: "encode", description: "ARM64 encoder instructions/s vs a Uint32Array fill" },
  args: {
    json: { type: "boolean", description: "One JSON object" },
    count: { type: "string", default: "1600000", description: "Instructions per run" },
  },
  async run({ args }) {
    const n = count("count", args.count);
    const { benchEncode } = await import("../../../bench/suites/encode.ts");
    const r = benchEncode(n);
    if (args.json) await line(JSON.stringify(r));
    else
      await line(`encode: ${r.instructions} instructions, ours ${(r.ours_ips / 1e6).toFixed(1)} M/s, ` +
        `Uint32Array fill ${(r.fill_ips / 1e6).toFixed(1)} M/s, ratio ${r.ratio}`);
    return 0;
  },
});
