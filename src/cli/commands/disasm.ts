/**
 * @file `aot disasm <pe|raw file> [--rva R | --va A] [--count N] [--mode 16|32|64] [--raw] [--json]`
 * (x86, the default) and `aot disasm --arch arm64 <raw file> [--base 0x...] [--json]`.
 *
 * x86: for a PE the mode comes from the image; with no `--rva`/`--va` every executable section is
 * swept linearly, restarting one byte after an invalid one. A raw file (anything not starting with
 * "MZ", or any file with `--raw`) starts at `--base` (default 0; `--va` alone names its first byte's
 * address, `--rva` is a file offset) in `--mode` (default 64); addresses must stay inside the mode's
 * address space. Flags that do not apply to the input (`--base` on a PE, `--rva`/`--va`/`--count`/
 * `--mode` with `--arch arm64`) are usage errors. JSON output is one object per instruction:
 * `{"va": "0x…", "len": N, "bytes": "hex", "mnemonic": "add", "text": "add eax, ebx"}`, with
 * `"invalid": true` for bytes that do not decode (arm64: `"unknown": true` on `.inst` words).
 *
 *   aot disasm samples/hello64.exe --rva 0x1000 --count 20
 *   aot disasm --arch arm64 code.bin --base 0x400000 --json
 */
import { defineCommand } from "citty";
import { readInput } from "../../util/input-file.ts";
import { InputError, UsageError } from "../../util/errors.ts";
import { uint } from "../_args.ts";
import { line } from "../_out.ts";
import { systemReason } from "../_run.ts";

export default defineCommand({
  meta: { name: "disasm", description: "Disassemble the code of a PE image or a raw code file (x86, or ARM64 with --arch arm64)" },
  args: {
    file: { type: "positional", required: true, description: "PE image (.exe/.dll: its executable sections) or raw code file" },
    arch: { type: "string", default: "x86", description: "x86 or arm64 (arm64: raw files only; see aot inspect --disasm for ARM64 PEs)" },
    raw: { type: "boolean", description: "Treat the file as raw code even if it starts with \"MZ\"" },
    base: { type: "string", description: "Raw file: virtual address of its first byte (default 0)" },
    json: { type: "boolean", description: "One JSON object per instruction" },
    rva: { type: "string", description: "x86: start at this RVA (PE) or file offset (raw)" },
    va: { type: "string", description: "x86: start at this virtual address" },
    count: { type: "string", description: "x86: stop after N instructions" },
    mode: { type: "string", description: "x86: 16, 32 or 64 for a raw file (default 64; a PE says its own)" },
  },
  async run({ args }) {
    if (args.arch !== "x86" && args.arch !== "arm64") throw new UsageError(`--arch: expected arm64 or x86, got ${args.arch}`);
    let bytes: Uint8Array;
    try {
      // A regular file only (not /dev/zero or a FIFO); a large one is mapped, not read.
      bytes = readInput(args.file).bytes;
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(args.file, `cannot read: ${systemReason(e)}`, "unreadable");
    }
    const isPe = !args.raw && bytes.length >= 2 && bytes[0] === 0x4d && bytes[1] === 0x5a;
    if (args.arch === "arm64") {
      for (const f of ["rva", "va", "count", "mode"] as const)
        if (args[f] !== undefined) throw new UsageError(`--${f} applies to x86 only (with --arch arm64 give --base)`);
      if (isPe) throw new UsageError(`${args.file} is a PE image: aot inspect --disasm shows its ARM64 code (--raw disassembles the file's bytes as they are)`);
      const base = args.base === undefined ? 0n : uint("base", args.base);
      if (base + BigInt(bytes.length) > 1n << 64n) throw new UsageError(`--base: ${args.base} plus the file's ${bytes.length} bytes is beyond the 64-bit address space`);
      const { disassembleArm64, formatArm64Line } = await import("../../arm64/index.ts");
      const out: string[] = [];
      for (const l of disassembleArm64(bytes, base)) {
        out.push(formatArm64Line(l, !!args.json));
        if (out.length >= 4096) { await line(out.join("\n")); out.length = 0; }
      }
      if (out.length) await line(out.join("\n"));
      return 0;
    }
    if (isPe && args.base !== undefined) throw new UsageError("--base applies to raw files only (a PE is disassembled at its image base; --raw reads this one as raw code)");
    const { disasmX86 } = await import("./_disasm-x86.ts");
    return disasmX86(args.file, bytes, {
      pe: isPe, base: args.base, rva: args.rva, va: args.va, count: args.count, mode: args.mode, json: !!args.json,
    });
  },
});
