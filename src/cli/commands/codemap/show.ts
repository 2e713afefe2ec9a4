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
import { line, out, outBytes, warn } from "../../_out.ts";

export default defineCommand({
  meta: { name: "show", description: "Show the records, images and blocks of a FEX code map" },
  args: {
    file: { type: "positional", description: "Code map file (codemap/new/*.bin or codemap/ready/*)", required: true },
    json: { type: "boolean", description: "Machine-readable output (one JSON object)" },
    blocks: { type: "boolean", description: "List every block offset (RVA)" },
  },
  async run({ args }) {
    const { formatBlocksBytes, scanCodeMap } = await import("../../../codemap/scan.ts");
    const { hex16 } = await import("../../../codemap/index.ts");
    const file = String(args.file);
    // Streamed: a 10 M-block map is 40 MB of sorted offsets, never 10 M records (codemap/scan.ts).
    const map = scanCodeMap(file);
    const size = map.size;
    // FEX tolerates a torn tail and blocks of unknown images (it drops them); we read the map the
    // same way but report them as findings (exit 1), so a script notices a damaged or foreign file.
    const findings = map.warnings.length > 0 ? 1 : 0;
    const kinds = map.records;
    const images = [...map.images.values()];
    const head = (im: (typeof images)[number]) => ({ fileId: hex16(im.fileId), path: im.path, bitness: im.bitness ?? null, blockCount: im.blocks.length });
    // Block lists are written as pre-formatted bytes, ~4 MB at a time through two reused buffers
    // (one is formatted while the other is written): never one big string, no per-block strings,
    // no fresh memory per slice (a 10 M-block map is 180 MB of JSON).
    const bufs: [Uint8Array, Uint8Array] = [new Uint8Array(0), new Uint8Array(0)];
    const busy: [Promise<void>, Promise<void>] = [Promise.resolve(), Promise.resolve()];
    const writeBlocks = async (blocks: Uint32Array, pre: string, sep: string): Promise<void> => {
      const SLICE = 1 << 18;
      for (let i = 0, k = 0; i < blocks.length; i += SLICE, k ^= 1) {
        await busy[k];
        const text = formatBlocksBytes(blocks.subarray(i, i + SLICE), pre, sep, { continued: i > 0, into: bufs[k] });
        bufs[k] = new Uint8Array(text.buffer);
        busy[k] = outBytes(text);
      }
      await Promise.all(busy);
    };
    if (args.json) {
      // JSON.stringify(…, null, 1) layout, with each blocks array spliced in as it is written.
      const hole = (k: number): string => `\u0000blocks${k}\u0000`;
      const text = JSON.stringify({ file, size, records: kinds, trailingBytes: map.trailingBytes, warnings: map.warnings, images: images.map((im, k) => ({ ...head(im), ...(args.blocks ? { blocks: hole(k) } : {}) })) }, null, 1);
      const parts = text.split(/"\\u0000blocks\d+\\u0000"/);
      for (let k = 0; k < parts.length; k++) {
        await out(parts[k]!);
        const blocks = images[k]?.blocks;
        if (k + 1 < parts.length && blocks) {
          if (!blocks.length) await out("[]");
          else {
            await out("[\n");
            await writeBlocks(blocks, '    "', '",\n');
            await out('"\n   ]');
          }
        }
      }
      await out("\n");
      return findings;
    }
    const records = kinds.block + kinds.library + kinds.executable;
    await line(`${file}: ${size} bytes, ${records} records (${kinds.block} blocks, ${kinds.library} library, ${kinds.executable} executable)`);
    for (const im of images) {
      const h = head(im);
      const what = h.bitness ? `executable, ${h.bitness}-bit` : "library";
      await line(`  ${h.fileId}  ${String(h.blockCount).padStart(7)} blocks  ${what}  ${h.path || "(no path)"}`);
      if (args.blocks) {
        await out("    ");
        await writeBlocks(im.blocks, "", " ");
        await out("\n");
      }
    }
    for (const w of map.warnings) warn(w);
    return findings;
  },
});
