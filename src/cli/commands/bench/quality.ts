/**
 * @file `aot bench quality [--json] [--file F] [--worst N] [--by words|ratio] [--listing]`: ARM64 instructions per FEX
 * InstructionCountCI row, ours against FEX's (src/bench/suites/quality.ts). `--json`:
 * `{"files": [{"file", "rows", "total", "zeroRows", "helperRows", "geomean"}], "geomean", "rows"}` (helperRows: translated rows done by a runtime symbol, kept out of the mean).
 */
import { defineCommand } from "citty";
import { line } from "../../_out.ts";
import { UsageError } from "../../../util/errors.ts";

export default defineCommand({
  meta: { name: "quality", description: "ARM64 instructions per x86 row, ours vs FEX-Emu's InstructionCountCI" },
  args: {
    json: { type: "boolean", description: "One JSON object" },
    file: { type: "string", description: "Only FEX files whose name contains this (e.g. Primary.json)" },
    worst: { type: "string", default: "20", description: "Text output: list the N rows furthest above FEX" },
    by: { type: "string", default: "words", description: "Order of --worst: words (our words minus FEX's) or ratio" },
    listing: { type: "boolean", description: "With --worst: our ARM64 body under each row" },
  },
  async run({ args }) {
    const n = Number(args.worst);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--worst: not a count: ${args.worst}`);
    const { benchQuality } = await import("../../../bench/suites/quality.ts");
    if (args.by !== "words" && args.by !== "ratio") throw new UsageError(`--by: expected words or ratio, got ${args.by}`);
    const r = benchQuality(args.file ? (f) => f.includes(args.file!) : undefined, { worst: n, by: args.by, listing: !!args.listing });
    const files = r.files.filter((f) => f.rows > 0);
    if (args.json) {
      await line(JSON.stringify({ files, geomean: r.geomean, rows: r.rows }));
      return 0;
    }
    const lines = [`quality: ours/FEX geometric mean ${r.geomean} over ${r.rows} rows (ARM64 instructions per block body)`];
    for (const f of files) lines.push(`  ${f.file.padEnd(36)} ${String(f.rows).padStart(4)}/${String(f.total).padEnd(4)} rows  geomean ${f.geomean}`);
    if (n) {
      lines.push(`rows furthest above FEX (by ${args.by}):`);
      for (const w of r.worst.slice(0, n)) {
        lines.push(`  ${w.file.padEnd(24)} ${w.text.padEnd(40)} ours ${w.ours}  FEX ${w.fex}  ratio ${round2(w.ratio)}`);
        if (w.listing) for (const l of w.listing) lines.push(`      ${l}`);
      }
    }
    await line(lines.join("\n"));
    return 0;
  },
});

const round2 = (x: number): string => x.toFixed(2);
