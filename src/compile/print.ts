/**
 * @file Stage 8 (compiler): the text form of one translation, shared by `aot translate` and the
 * golden tests (test/compile/golden.test.ts): the x86 instructions, optionally the IR before and
 * after the passes, and the ARM64 listing with its relocations.
 *
 *   const t = translateForPrint(bytes, 0, bytes.length, 0x1000n, { mode: 64, order: "relaxed", ir: true });
 *   console.log(t.text);
 */
import { Decoder, Insn, formatInsn } from "../x86/index.ts";
import { BASELINE, disasmWord, type HostFeatures } from "../arm64/index.ts";
import { Translator, type TranslateTrace } from "./translate.ts";
import { RELOC } from "../arm64/lower/output.ts";

export interface PrintOptions {
  mode: 32 | 64;
  order: "tso" | "relaxed";
  /** Translate position-independent relative to this image base (a PE). */
  imageBase?: bigint;
  ir: boolean;
  /** Host features the code may assume (default: the baseline; `aot compile --features`). */
  features?: HostFeatures;
}

export interface Printed {
  text: string;
  json: unknown;
  /** The block ended because the bytes ran out mid-instruction. */
  truncated: boolean;
  truncatedAt: bigint;
}

const hex = (v: bigint | number): string => `0x${v.toString(16)}`;

export function translateForPrint(mem: Uint8Array, off: number, end: number, va: bigint, o: PrintOptions): Printed {
  const lower = { features: o.features ?? BASELINE, memoryOrder: o.order, pic: o.imageBase !== undefined, imageBase: o.imageBase };
  const tr = new Translator({ mode: o.mode, lower });
  const trace: TranslateTrace = {};
  const tb = tr.translate(mem, off, end, va, o.ir ? trace : undefined);
  // The x86 side: the translated instructions, then the one that ended the block as a fallback
  // (a mnemonic; "(invalid)"/"(truncated)" name bytes that do not decode).
  const dec = new Decoder(o.mode), insn = new Insn();
  const x86: { va: string; bytes: string; text: string }[] = [];
  const shown = tb.insnCount + (tb.fallback && !tb.fallback.startsWith("(") ? 1 : 0);
  for (let p = off, k = 0; k < shown; k++) {
    const at = va + BigInt(p - off);
    const len = dec.decode(mem, p, end, Number(at), insn);
    if (!len) break;
    x86.push({ va: hex(at), bytes: Buffer.from(mem.subarray(p, p + len)).toString("hex"), text: formatInsn(insn) });
    p += len;
  }
  const relocAt = new Map<number, string>();
  for (let i = 0; i < tb.relocs.length; i += 3) {
    if (tb.relocs[i] === RELOC.BLOCK) relocAt.set(tb.relocs[i + 1]!, `block ${hex(tb.targets[tb.relocs[i + 2]!]!)}`);
  }
  const arm = Array.from(tb.code, (w, i) => ({ offset: i * 4, word: w.toString(16).padStart(8, "0"), text: disasmWord(w, i * 4) ?? `.inst 0x${w.toString(16).padStart(8, "0")}`, reloc: relocAt.get(i) }));
  const lines: string[] = [];
  lines.push(`x86 ${o.mode}-bit block ${hex(va)}: ${tb.insnCount} instruction${tb.insnCount === 1 ? "" : "s"}, ${tb.guestLength} bytes${tb.fallback ? `, ends in a fallback (${tb.fallback})` : ""}`);
  for (const x of x86) lines.push(`  ${x.va.padEnd(12)} ${x.bytes.padEnd(24)} ${x.text}`);
  if (o.ir) {
    lines.push("ir:", indent(trace.irBefore ?? ""), "ir after passes:", indent(trace.irAfter ?? ""));
  }
  lines.push(`arm64: ${tb.code.length} instructions`);
  for (const a of arm) lines.push(`  ${a.offset.toString(16).padStart(4, "0")}  ${a.word}  ${a.text}${a.reloc ? `    ; reloc ${a.reloc}` : ""}`);
  const truncated = tb.fallback === "(truncated)";
  return {
    text: lines.join("\n"),
    truncated,
    truncatedAt: va + BigInt(tb.guestLength),
    json: {
      va: hex(va), mode: o.mode, insns: tb.insnCount, bytes: tb.guestLength, fallback: tb.fallback || undefined,
      hash: hex(tb.guestHash), x86,
      ir: o.ir ? { before: trace.irBefore, after: trace.irAfter } : undefined,
      arm64: arm.map((a) => ({ offset: a.offset, word: a.word, text: a.text })),
      relocs: [...relocAt.entries()].map(([w, r]) => ({ offset: w * 4, target: r.slice(6) })),
      faults: Buffer.from(tb.faults).toString("hex"),
    },
  };
}

const indent = (s: string): string => s.replace(/\n$/, "").split("\n").map((l) => "  " + l).join("\n");
