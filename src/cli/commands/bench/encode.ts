/**
 * @file `aot bench encode [--json] [--count N]`: ARM64 encoder speed against a plain Uint32Array
 * fill of the same words (src/bench/suites/encode.ts).
 */
import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "encode", description: "ARM64 encoder instructions/s vs a Uint32Array fill" },
  args: {
    json: { type: "boolean", description: "One JSON object" },
    count: { type: "string", default: "1600000", description: "Instructions per run" },
  },
  async run({ args }) {
    const { benchEncode } = await import("../../../bench/suites/encode.ts");
    const r = benchEncode(Number(args.count));
    if (args.json) console.log(JSON.stringify(r));
    else
      console.log(`encode: ${r.instructions} instructions, ours ${(r.ours_ips / 1e6).toFixed(1)} M/s, ` +
        `Uint32Array fill ${(r.fill_ips / 1e6).toFixed(1)} M/s, ratio ${r.ratio}`);
    return 0;
  },
});
