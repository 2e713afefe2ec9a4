/**
 * @file `aot bench quality [--json] [--file F] [--worst N]`: ARM64 instructions per FEX
 * InstructionCountCI row, ours against FEX's (src/bench/suites/quality.ts). `--json`:
 * `{"files": [{"file", "rows", "total", "zeroRows", "geomean"}], "geomean", "rows"}`.
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
  },
  async run({ args }) {
    const n = Number(args.worst);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--worst: not a count: ${args.worst}`);
    const { benchQuality } = await import("../../../bench/suites/quality.ts");
    const r = benchQuality(args.file ? (f) => f.includes(args.file!) : undefined);
    const files = r.files.filter((f) => f.rows > 0);
    if (args.json) {
      await line(JSON.stringify({ files, geomean: r.geomean, rows: r.rows }));
      return 0;
    }
    const lines = [`quality: ours/FEX geometric mean ${r.geomean} over ${r.rows} rows (ARM64 instructions per block body)`];
    for (const f of files) lines.push(`  ${f.file.padEnd(36)} ${String(f.rows).padStart(4)}/${String(f.total).padEnd(4)} rows  geomean ${f.geomean}`);
    if (n) {
      lines.push(`rows furthest above FEX:`);
      for (const w of r.worst.slice(0, n)) lines.push(`  ${w.file.padEnd(24)} ${w.text.padEnd(40)} ours ${w.ours}  FEX ${w.fex}`);
    }
    await line(lines.join("\n"));
    return 0;
  },
});
