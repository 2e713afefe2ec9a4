/**
 * @file `aot disasm <pe|raw file> [--rva R | --va A] [--count N] [--mode 16|32|64] [--json]`
 * (x86, the default) and `aot disasm --arch arm64 <raw file> [--base 0x...] [--json]`.
 *
 * x86: for a PE the mode comes from the image; with no `--rva`/`--va` every executable section is
 * swept linearly, restarting one byte after an invalid one. A raw file starts at `--base`
 * (default 0; `--va` alone names its first byte's address, `--rva` is a file offset) in `--mode`
 * (default 64). JSON output is one object per instruction:
 * `{"va": "0x…", "len": N, "bytes": "hex", "mnemonic": "add", "text": "add eax, ebx"}`, with
 * `"invalid": true` for bytes that do not decode (arm64: `"unknown": true` on `.inst` words).
 *
 *   aot disasm samples/hello64.exe --rva 0x1000 --count 20
 *   aot disasm --arch arm64 code.bin --base 0x400000 --json
 */
import { defineCommand } from "citty";
import { readFileSync } from "node:fs";
import { InputError, UsageError } from "../../util/errors.ts";

function parseBase(s: string): bigint {
  try {
    const v = BigInt(s);
    if (v >= 0n) return v;
  } catch {}
  throw new UsageError(`--base: not a non-negative number: ${s}`);
}

export default defineCommand({
  meta: { name: "disasm", description: "Disassemble a raw code file (--arch arm64|x86)" },
  args: {
    file: { type: "positional", required: true, description: "Raw code bytes" },
    arch: { type: "string", default: "x86", description: "arm64 or x86" },
    base: { type: "string", default: "0", description: "Virtual address of the first byte" },
    json: { type: "boolean", description: "One JSON object per instruction" },
    rva: { type: "string", description: "x86: start at this RVA (PE) or file offset (raw)" },
    va: { type: "string", description: "x86: start at this virtual address" },
    count: { type: "string", description: "x86: stop after N instructions" },
    mode: { type: "string", description: "x86: 16, 32 or 64 for a raw file (default 64)" },
  },
  async run({ args }) {
    const base = parseBase(args.base);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(args.file);
    } catch (e) {
      throw new InputError(args.file, `cannot read: ${(e as Error).message}`, "unreadable");
    }
    if (args.arch === "arm64") {
      const { disassembleArm64, formatArm64Line } = await import("../../arm64/index.ts");
      const out: string[] = [];
      for (const l of disassembleArm64(bytes, base)) {
        out.push(formatArm64Line(l, !!args.json));
        if (out.length >= 4096) { console.log(out.join("\n")); out.length = 0; }
      }
      if (out.length) console.log(out.join("\n"));
      return 0;
    }
    if (args.arch === "x86") {
      const { disasmX86 } = await import("./_disasm-x86.ts");
      return disasmX86(args.file, bytes, {
        base: args.base === "0" ? undefined : base, rva: args.rva, va: args.va, count: args.count, mode: args.mode, json: !!args.json,
      });
    }
    throw new UsageError(`--arch: expected arm64 or x86, got ${args.arch}`);
  },
});
