/**
 * @file `aot codemap merge <out> <in...>`: union of several code maps (same FileId: blocks
 * unioned, a non-empty path kept, bitness kept) written atomically to `<out>`. Two inputs that
 * disagree on an image's bitness are an input error (exit 2), and so is an `<out>` that cannot be
 * written (named in the message; no temp file is left behind).
 *
 *   aot codemap merge ready/game.exe-0123456789abcdef new/*.bin
 */
import { defineCommand } from "citty";
import { InputError } from "../../../util/errors.ts";
import { variadic } from "../../_args.ts";
import { line, warn } from "../../_out.ts";
import { systemReason } from "../../_run.ts";

export default defineCommand({
  meta: { name: "merge", description: "Union FEX code maps into one (atomic write)" },
  args: {
    out: { type: "positional", description: "Output code map (written atomically; an existing map is replaced)", required: true },
    inputs: variadic({ type: "positional" as const, description: "One or more input code maps (INPUTS...)", required: true as const }),
    json: { type: "boolean", description: "Machine-readable summary" },
  },
  async run({ args }) {
    // citty fills one positional per name; every word after OUT is an input.
    const out = String(args.out);
    const inputs = args._.slice(1).map(String);
    const { atomicWrite, hex16 } = await import("../../../codemap/index.ts");
    // Streamed: inputs are read in chunks and blocks kept as sorted Uint32Arrays (codemap/scan.ts).
    const { encodeScannedChunks, scanCodeMap, unionBlocks } = await import("../../../codemap/scan.ts");
    const { dirname } = await import("node:path");
    const { mkdirSync, statSync } = await import("node:fs");
    const merged = new Map<bigint, { fileId: bigint; path: string; pathBytes: Uint8Array; blocks: Uint32Array; bitness?: 32 | 64 }>();
    const warnings: string[] = [];
    for (const file of inputs) {
      const map = scanCodeMap(file);
      for (const w of map.warnings) warnings.push(`${file}: ${w}`);
      for (const im of map.images.values()) {
        let m = merged.get(im.fileId);
        if (!m) merged.set(im.fileId, (m = { fileId: im.fileId, path: "", pathBytes: new Uint8Array(0), blocks: new Uint32Array(0) }));
        if (im.pathBytes.length) {
          if (m.pathBytes.length && Buffer.compare(m.pathBytes, im.pathBytes) !== 0) warnings.push(`${hex16(im.fileId)}: path ${m.path} replaced by ${im.path} (from ${file})`);
          // The raw bytes travel with the text: a non-UTF-8 path is written back unchanged.
          m.path = im.path;
          m.pathBytes = im.pathBytes;
        }
        if (im.bitness) {
          if (m.bitness && m.bitness !== im.bitness) throw new InputError(file, `image ${hex16(im.fileId)} is ${im.bitness}-bit here but ${m.bitness}-bit in an earlier input`, "conflict");
          m.bitness = im.bitness;
        }
        m.blocks = unionBlocks(m.blocks, im.blocks);
      }
    }
    const exes = [...merged.values()].filter((m) => m.bitness).length;
    if (exes > 1) warnings.push(`${exes} executables in one map; FEX's process-all uses only the first`);
    // Name the user's file in every failure, never the temp file atomicWrite writes first.
    if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(out, "is a directory (give the output map's file name)", "unwritable");
    try {
      mkdirSync(dirname(out) || ".", { recursive: true });
      // Written in 4 MiB pieces: the 120 MB of a 10 M-block map never exists as one buffer.
      atomicWrite(out, encodeScannedChunks(merged.values()));
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(out, `cannot write: ${systemReason(e)}`, "unwritable");
    }
    const blocks = [...merged.values()].reduce((n, m) => n + m.blocks.length, 0);
    if (args.json) await line(JSON.stringify({ out, inputs: inputs.length, images: merged.size, blocks, warnings }));
    else {
      await line(`${out}: ${merged.size} images, ${blocks} blocks from ${inputs.length} maps`);
      for (const w of warnings) warn(w);
    }
    return 0;
  },
});
