/**
 * @file `aot bench translate [--json]`: guest instructions translated per second on one worker
 * over the discovered blocks of kernel32/ntdll/msvcrt/user32, with the stage split, against the
 * decoder alone in the same process (src/bench/suites/translate.ts).
 */
import { defineCommand } from "citty";
import { line } from "../../_out.ts";

export default defineCommand({
  meta: { name: "translate", description: "Guest instructions translated per second (one worker) vs decoding alone" },
  args: { json: { type: "boolean", description: "One JSON object" } },
  async run({ args }) {
    const { benchTranslate } = await import("../../../bench/suites/translate.ts");
    const r = await benchTranslate();
    if (args.json) await line(JSON.stringify(r));
    else {
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      await line(`translate: ${r.insns} instructions in ${r.blocks} blocks (${r.images.join(", ")}), ` +
        `${(r.ips / 1e3).toFixed(0)} k insns/s per worker; decoding alone ${(r.decodeOnlyIps / 1e6).toFixed(1)} M/s (ratio ${r.ratio})\n` +
        `  split: decode ${pct(r.split.decode)}, semantics ${pct(r.split.semantics)}, passes ${pct(r.split.passes)}, lowering+encoding ${pct(r.split.lower)}; ` +
        `${r.fallbackBlocks} blocks end in a fallback; heap growth ${r.heapGrowthMB} MB\n` +
        `  position independence: ${r.pic.words} host words PIC vs ${r.pic.absoluteWords} absolute (+${r.pic.extraPerBlock} words per block)\n` +
        `  flags across blocks: ${r.across.perInsn} body words per guest instruction with every flag live at exits, ` +
        `${r.across.compiledPerInsn} as aot compile translates (${(r.across.change * 100).toFixed(1)}%)`);
    }
    return 0;
  },
});
