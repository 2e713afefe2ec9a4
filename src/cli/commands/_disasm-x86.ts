/**
 * @file The x86 half of `aot disasm`: picks the byte ranges (a PE's executable sections, or a
 * raw file) and prints one line per instruction, text or JSON, through the shared writer
 * (awaiting it, so a slow pipe holds the sweep back instead of the output piling up in memory).
 * Kept apart from `disasm.ts` so the decoder tables load only for x86. Raw-file addresses stay
 * below 2^32 in modes 16/32 and below 2^53 in mode 64 (the decoder's numbers), else a usage error.
 *
 *   await disasmX86("hello64.exe", bytes, { pe: true, rva: "0x1000", count: "10", json: false });
 */
import { InputError, UsageError } from "../../util/errors.ts";
import { Decoder, Insn, formatInsn, mnemonicOf } from "../../x86/index.ts";
import { count, uint } from "../_args.ts";
import { line, warn } from "../_out.ts";

export interface X86Opts {
  /** The caller saw "MZ" and no --raw. */
  pe: boolean;
  base?: string;
  rva?: string;
  va?: string;
  count?: string;
  mode?: string;
  json: boolean;
}

interface Range { start: number; end: number; va: number }

// The decoder takes addresses as JS numbers: 64-bit code is addressable up to 2^53.
const MAX_VA = BigInt(Number.MAX_SAFE_INTEGER);

export async function disasmX86(file: string, bytes: Uint8Array, o: X86Opts): Promise<number> {
  if (o.rva !== undefined && o.va !== undefined) throw new UsageError("give --rva or --va, not both");
  const limit = o.count !== undefined ? count("count", o.count) : Infinity;
  let bits: 16 | 32 | 64;
  let ranges: Range[];
  let findings = 0;
  if (o.pe) {
    const { codeSections, parsePe } = await import("../../pe/index.ts");
    const pe = parsePe(bytes, file);
    // Tables cut at a cap (hostile counts and sizes) are findings: warned, exit 1.
    if (pe.warnings.length) {
      for (const w of pe.warnings) warn(`${file}: ${w}`);
      findings = 1;
    }
    bits = pe.is64 ? 64 : 32;
    if (o.mode !== undefined && o.mode !== String(bits)) throw new UsageError(`--mode ${o.mode} does not match this ${pe.format} image (--raw reads it as raw code)`);
    const base = Number(pe.imageBase);
    // codeSections' bytes are views into `bytes`, so their byteOffset is the file offset.
    ranges = codeSections(pe).map((c) => ({ start: c.bytes.byteOffset - bytes.byteOffset, end: c.bytes.byteOffset - bytes.byteOffset + c.bytes.length, va: base + c.rva }));
    const at = o.rva !== undefined ? base + Number(uint("rva", o.rva, 0xffffffffn)) : o.va !== undefined ? Number(uint("va", o.va, MAX_VA)) : undefined;
    if (at !== undefined) {
      const r = ranges.find((x) => at >= x.va && at < x.va + (x.end - x.start));
      if (!r) throw new InputError(file, `address 0x${at.toString(16)} is not in an executable section`, "bad-address");
      ranges = [{ start: r.start + (at - r.va), end: r.end, va: at }];
    }
  } else {
    if (o.mode !== undefined && o.mode !== "16" && o.mode !== "32" && o.mode !== "64") throw new UsageError(`--mode: expected 16, 32 or 64, got ${o.mode}`);
    bits = o.mode === undefined ? 64 : (Number(o.mode) as 16 | 32 | 64);
    const top = bits === 64 ? MAX_VA + 1n : 1n << 32n;
    const base = o.base !== undefined ? uint("base", o.base, top - 1n) : 0n;
    let start = 0n;
    let va = base;
    if (o.rva !== undefined) { start = uint("rva", o.rva, top - 1n); va = base + start; }
    // Without --base, --va names the address of the raw file's first byte.
    if (o.va !== undefined) { va = uint("va", o.va, top - 1n); start = o.base !== undefined ? va - base : 0n; }
    if (start < 0n || start > BigInt(bytes.length)) throw new InputError(file, `start 0x${va.toString(16)} is outside the file`, "bad-address");
    const last = va + BigInt(bytes.length) - start;
    if (last > top) {
      const space = bits === 64 ? "2^53 (the largest address the x86 disassembler handles)" : "the 32-bit address space";
      throw new UsageError(`address 0x${va.toString(16)} plus the ${BigInt(bytes.length) - start} bytes from there runs past ${space}`);
    }
    ranges = [{ start: Number(start), end: bytes.length, va: Number(va) }];
  }
  const dec = new Decoder(bits);
  const insn = new Insn();
  const out: string[] = [];
  let n = 0;
  const flush = async () => {
    if (out.length) await line(out.join("\n"));
    out.length = 0;
  };
  for (const r of ranges) {
    for (let p = r.start; p < r.end && n < limit; n++) {
      const va = r.va + (p - r.start);
      const len = dec.decode(bytes, p, r.end, va, insn);
      const size = len || 1;
      const hex = Buffer.from(bytes.subarray(p, p + size)).toString("hex");
      const vaHex = `0x${va.toString(16)}`;
      if (o.json) {
        out.push(len
          ? JSON.stringify({ va: vaHex, len, bytes: hex, mnemonic: mnemonicOf(insn), text: formatInsn(insn) })
          : JSON.stringify({ va: vaHex, len: 1, bytes: hex, invalid: true }));
      } else {
        out.push(`${va.toString(16).padStart(bits === 64 ? 16 : 8, "0")}  ${hex.padEnd(30)} ${len ? formatInsn(insn) : "(bad)"}`);
      }
      if (out.length >= 4096) await flush();
      p += size;
    }
  }
  await flush();
  return findings;
}
