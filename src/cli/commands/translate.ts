/**
 * @file `aot translate <pe|raw> [--rva R | --va A] [--mode 32|64] [--base B] [--ir] [--json]`:
 * translate one guest block and print the x86 instructions, with `--ir` its IR before and after
 * the passes, and the ARM64 listing (our disassembler). These texts are what the golden tests
 * compare (test/compile/golden/).
 *
 * A PE starts at its entry point unless `--rva`/`--va` says otherwise and is translated
 * position-independent (guest addresses from the image base, ABI §7); a raw file starts at
 * `--base` (default 0) plus `--rva` (a file offset), or at `--va`.
 *
 * `--stats` (a PE only) translates every block static discovery finds instead and prints the
 * coverage (src/compile/stats.ts): blocks, the share translated without a fallback, fallbacks by
 * mnemonic (top 20; `--json` lists all), and the share over blocks with no FP/SIMD instruction.
 *
 *   aot translate samples/hello64.exe --ir
 *   aot translate code.bin --mode 32 --base 0x401000 --json
 *   aot translate --stats kernelbase.dll --json
 */
import { defineCommand } from "citty";
import { line } from "../_out.ts";
import { readInput } from "../../util/input-file.ts";
import { InputError, UsageError } from "../../util/errors.ts";
import { featuresArg, uint } from "../_args.ts";

/** A whole number from 0 to 2^64 - 1 (the shared flag check). */
const num = (flag: string, s: string): bigint => uint(flag, s);

export default defineCommand({
  meta: { name: "translate", description: "Translate one x86 block to ARM64 and print x86, IR and ARM64" },
  args: {
    file: { type: "positional", required: true, description: "A PE image, or a raw x86 code file" },
    rva: { type: "string", description: "Start at this RVA (PE) or file offset (raw)" },
    va: { type: "string", description: "Start at this virtual address" },
    mode: { type: "string", description: "32 or 64 for a raw file (default 64)" },
    base: { type: "string", description: "Raw file: address of its first byte (default 0)" },
    ir: { type: "boolean", description: "Also print the IR before and after the passes" },
    order: { type: "string", description: "Memory ordering policy: tso (default) or relaxed" },
    features: { type: "string", description: "Host CPU features the code may assume, as aot compile --features (default: baseline)" },
    json: { type: "boolean", description: "One JSON object: x86, ir, arm64, relocations, fallback" },
    stats: { type: "boolean", description: "PE: translate every discovered block and print coverage (blocks, fallbacks by mnemonic, integer-only share)" },
  },
  async run({ args }) {
    if (args.rva !== undefined && args.va !== undefined) throw new UsageError("give --rva or --va, not both");
    if (args.order && args.order !== "tso" && args.order !== "relaxed") throw new UsageError(`--order: expected tso or relaxed, got ${args.order}`);
    const features = await featuresArg("translate", args.features);
    // A regular file only (not /dev/zero or a FIFO); a large one is mapped, not read.
    const bytes = readInput(args.file).bytes;
    if (args.stats) return stats(args.file, bytes, !!args.json, args);
    let mem: Uint8Array, off: number, end: number, va: bigint, bits: 32 | 64;
    let imageBase: bigint | undefined;
    if (bytes.length >= 2 && bytes[0] === 0x4d && bytes[1] === 0x5a) {
      if (args.base !== undefined) throw new UsageError("--base applies to raw files only");
      const { parsePe, mapImage } = await import("../../pe/index.ts");
      const pe = parsePe(bytes, args.file);
      bits = pe.is64 ? 64 : 32;
      if (args.mode !== undefined && Number(args.mode) !== bits) throw new UsageError(`--mode ${args.mode} does not match this ${pe.format} image`);
      const img = mapImage(pe);
      imageBase = img.base;
      va = args.rva !== undefined ? img.base + num("rva", args.rva) : args.va !== undefined ? num("va", args.va) : img.base + BigInt(pe.entryRva);
      const r = img.executableRanges.find((x) => va >= x.start && va < x.end);
      if (!r) throw new InputError(args.file, `address 0x${va.toString(16)} is not in an executable section`, "bad-address");
      mem = img.memory;
      off = Number(va - img.base);
      end = Number(r.end - img.base);
    } else {
      if (args.mode !== undefined && args.mode !== "32" && args.mode !== "64") throw new UsageError(`--mode: expected 32 or 64, got ${args.mode}`);
      bits = args.mode === "32" ? 32 : 64;
      const base = args.base !== undefined ? num("base", args.base) : 0n;
      va = args.va !== undefined ? num("va", args.va) : base + (args.rva !== undefined ? num("rva", args.rva) : 0n);
      const o = va - base;
      if (o < 0n || o >= BigInt(bytes.length)) throw new InputError(args.file, `address 0x${va.toString(16)} is outside the file`, "bad-address");
      if (bits === 32 && va + BigInt(bytes.length) > 1n << 32n) throw new UsageError(`--base/--va: 0x${va.toString(16)} is beyond the 32-bit address space`);
      mem = bytes;
      off = Number(o);
      end = bytes.length;
    }
    const { translateForPrint } = await import("../../compile/print.ts");
    const t = translateForPrint(mem, off, end, va, {
      mode: bits, order: (args.order as "tso" | "relaxed" | undefined) ?? "tso", imageBase, ir: !!args.ir, features,
    });
    if (args.json) await line(JSON.stringify(t.json));
    else await line(t.text);
    if (t.truncated) throw new InputError(args.file, `code at 0x${t.truncatedAt.toString(16)} is cut off by the end of the ${imageBase === undefined ? "file" : "executable section"}`, "truncated");
    return 0;
  },
});

const pct = (n: number, d: number): string => (d ? ((100 * n) / d).toFixed(1) : "0.0") + "%";

/** `--stats`: coverage of a whole image (src/compile/stats.ts). */
async function stats(file: string, bytes: Uint8Array, json: boolean, args: Record<string, unknown>): Promise<number> {
  for (const f of ["rva", "va", "mode", "base", "ir", "order"]) if (args[f] !== undefined && args[f] !== false) throw new UsageError(`--${f} does not apply with --stats`);
  if (!(bytes.length >= 2 && bytes[0] === 0x4d && bytes[1] === 0x5a)) throw new InputError(file, "--stats needs a PE image", "not-pe");
  const { parsePe, mapImage } = await import("../../pe/index.ts");
  const { imageStats } = await import("../../compile/stats.ts");
  const pe = parsePe(bytes, file);
  const s = imageStats(pe, mapImage(pe));
  if (json) {
    await line(JSON.stringify({ file, mode: pe.is64 ? 64 : 32, ...s }));
    return 0;
  }
  const lines = [
    `${file}: ${s.blocks} blocks (static discovery), ${s.insns} instructions of which ${s.fpInsns} FP/SIMD`,
    `  translated without fallback: ${s.translated}/${s.blocks} (${pct(s.translated, s.blocks)})`,
    `  blocks with no FP/SIMD instruction: ${s.integer.translated}/${s.integer.blocks} (${pct(s.integer.translated, s.integer.blocks)}) translated without fallback`,
    `  fallbacks by mnemonic (top 20 of ${s.fallbacks.length}):`,
    ...s.fallbacks.slice(0, 20).map((f) => `    ${f.mnemonic.padEnd(16)} ${String(f.blocks).padStart(7)}  ${pct(f.blocks, s.blocks)}`),
  ];
  await line(lines.join("\n"));
  return 0;
}
