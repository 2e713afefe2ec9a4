/**
 * @file The x86 half of `aot disasm`: picks the byte ranges (a PE's executable sections, or a
 * raw file) and prints one line per instruction, text or JSON. Kept apart from `disasm.ts` so the
 * decoder tables load only for x86.
 *
 *   await disasmX86("hello64.exe", bytes, { rva: "0x1000", count: "10", json: false });
 */
import { InputError, UsageError } from "../../util/errors.ts";
import { Decoder, Insn, formatInsn, mnemonicOf } from "../../x86/index.ts";

export interface X86Opts {
  base?: bigint;
  rva?: string;
  va?: string;
  count?: string;
  mode?: string;
  json: boolean;
}

interface Range { start: number; end: number; va: number }

function num(flag: string, s: string): number {
  let v: bigint;
  try {
    v = BigInt(s);
  } catch {
    throw new UsageError(`--${flag}: not a number: ${s}`);
  }
  if (v < 0n || v > BigInt(Number.MAX_SAFE_INTEGER)) throw new UsageError(`--${flag}: out of range: ${s}`);
  return Number(v);
}

export async function disasmX86(file: string, bytes: Uint8Array, o: X86Opts): Promise<number> {
  if (o.rva !== undefined && o.va !== undefined) throw new UsageError("give --rva or --va, not both");
  const limit = o.count !== undefined ? num("count", o.count) : Infinity;
  let bits: 16 | 32 | 64;
  let ranges: Range[];
  const isPe = bytes.length >= 2 && bytes[0] === 0x4d && bytes[1] === 0x5a;
  if (isPe) {
    const { codeSections, parsePe } = await import("../../pe/index.ts");
    const pe = parsePe(bytes, file);
    bits = pe.is64 ? 64 : 32;
    if (o.mode !== undefined && Number(o.mode) !== bits) throw new UsageError(`--mode ${o.mode} does not match this ${pe.format} image`);
    const base = Number(pe.imageBase);
    // codeSections' bytes are views into `bytes`, so their byteOffset is the file offset.
    ranges = codeSections(pe).map((c) => ({ start: c.bytes.byteOffset - bytes.byteOffset, end: c.bytes.byteOffset - bytes.byteOffset + c.bytes.length, va: base + c.rva }));
    const at = o.rva !== undefined ? base + num("rva", o.rva) : o.va !== undefined ? num("va", o.va) : undefined;
    if (at !== undefined) {
      const r = ranges.find((x) => at >= x.va && at < x.va + (x.end - x.start));
      if (!r) throw new InputError(file, `address 0x${at.toString(16)} is not in an executable section`, "bad-address");
      ranges = [{ start: r.start + (at - r.va), end: r.end, va: at }];
    }
  } else {
    const m = o.mode === undefined ? 64 : Number(o.mode);
    if (m !== 16 && m !== 32 && m !== 64) throw new UsageError(`--mode: expected 16, 32 or 64, got ${o.mode}`);
    bits = m;
    const base = o.base !== undefined ? Number(o.base) : 0;
    let start = 0;
    let va = base;
    if (o.rva !== undefined) { start = num("rva", o.rva); va = base + start; }
    // Without --base, --va names the address of the raw file's first byte.
    if (o.va !== undefined) { va = num("va", o.va); start = o.base !== undefined ? va - base : 0; }
    if (start < 0 || start > bytes.length) throw new InputError(file, `start 0x${va.toString(16)} is outside the file`, "bad-address");
    ranges = [{ start, end: bytes.length, va }];
  }
  const dec = new Decoder(bits);
  const insn = new Insn();
  const out: string[] = [];
  let n = 0;
  const flush = () => {
    if (out.length) process.stdout.write(out.join("\n") + "\n");
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
      if (out.length >= 4096) flush();
      p += size;
    }
  }
  flush();
  return 0;
}
