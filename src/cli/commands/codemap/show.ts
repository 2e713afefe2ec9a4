/**
 * @file `aot codemap show <file> [--json] [--blocks]`: the records of one FEX code map, the
 * libraries it names with their paths, block counts and the executable's bitness. A truncated
 * trailing record (a writer killed mid-flush) is tolerated and shown as a warning (exit 1, findings); a
 * malformed map is one error line and exit 2.
 *
 *   aot codemap show ~/.cache/fex-emu/codemap/ready/game.exe-0123456789abcdef
 *   aot codemap show new.bin --json --blocks | jq '.images[0].blocks | length'
 */
import { defineCommand } from "citty";
import { statSync } from "node:fs";
import { line, warn } from "../../_out.ts";

export default defineCommand({
  meta: { name: "show", description: "Show the records, images and blocks of a FEX code map" },
  args: {
    file: { type: "positional", description: "Code map file (codemap/new/*.bin or codemap/ready/*)", required: true },
    json: { type: "boolean", description: "Machine-readable output (one JSON object)" },
    blocks: { type: "boolean", description: "List every block offset (RVA)" },
  },
  async run({ args }) {
    const { readCodeMapFile, codeMapImages, hex16 } = await import("../../../codemap/index.ts");
    const file = String(args.file);
    const map = readCodeMapFile(file);
    const size = statSync(file).size;
    // FEX tolerates a torn tail and blocks of unknown images (it drops them); we read the map the
    // same way but report them as findings (exit 1), so a script notices a damaged or foreign file.
    const findings = map.warnings.length > 0 ? 1 : 0;
    const kinds = { block: 0, library: 0, executable: 0 };
    for (const r of map.records) kinds[r.kind]++;
    const images = [...codeMapImages(map).values()].map((im) => ({
      fileId: hex16(im.fileId),
      path: im.path,
      bitness: im.bitness ?? null,
      blockCount: im.blocks.size,
      ...(args.blocks ? { blocks: [...im.blocks].sort((a, b) => a - b).map((b) => `0x${b.toString(16)}`) } : {}),
    }));
    if (args.json) {
      await line(JSON.stringify({ file, size, records: kinds, trailingBytes: map.trailing.length, warnings: map.warnings, images }, null, 1));
      return findings;
    }
    await line(`${file}: ${size} bytes, ${map.records.length} records (${kinds.block} blocks, ${kinds.library} library, ${kinds.executable} executable)`);
    for (const im of images) {
      const what = im.bitness ? `executable, ${im.bitness}-bit` : "library";
      await line(`  ${im.fileId}  ${String(im.blockCount).padStart(7)} blocks  ${what}  ${im.path || "(no path)"}`);
      if (im.blocks) await line(`    ${im.blocks.join(" ")}`);
    }
    for (const w of map.warnings) warn(w);
    return findings;
  },
});
