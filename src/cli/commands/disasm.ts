/**
 * @file `aot disasm --arch arm64|x86 <raw file> [--base 0x...] [--json]`: disassemble a raw code
 * file. JSON output is one object per instruction:
 * `{"va": "0x…", "len": 4, "bytes": "hex", "mnemonic": "add", "text": "add x0, x1, x2"}`, with
 * `"unknown": true` on words printed as `.inst 0x…`.
 *
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
    if (args.arch === "x86") throw new UsageError("x86 disassembly not available yet");
    throw new UsageError(`--arch: expected arm64 or x86, got ${args.arch}`);
  },
});
