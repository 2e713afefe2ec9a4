/**
 * @file Test helpers for the x86 semantics: translate one instruction (hex bytes) into a fresh
 * block the way the block translator does (a `Guest` marker, then `translateInsn`), close a
 * block that did not end with a fall-through `Exit jump` so it verifies, compare its IR text with
 * the expected one (`expectIr`), and walk the golden vector files.
 *
 *   const { text } = one("4801d8", 64); // "block 0x401000 mode 64\n  Guest 3, 0x401000\n  ..."
 */
import { expect } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Decoder, Insn } from "../../../src/x86/index.ts";
import { EXIT, IrBlock, assertIr, printIr } from "../../../src/ir/index.ts";
import { translateInsn } from "../../../src/x86/semantics/index.ts";

export const VA = 0x401000;
const decoders = { 32: new Decoder(32), 64: new Decoder(64) };

export interface One { b: IrBlock; insn: Insn; result: "next" | "end" | "unhandled"; text: string }

/** Translate the instruction in `hex` at VA; the block is verified with `assertIr`. */
export function one(hex: string, mode: 32 | 64, b = new IrBlock(), insn = new Insn()): One {
  const bytes = Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ""), "hex"));
  const len = decoders[mode].decode(bytes, 0, bytes.length, VA, insn);
  if (!len) throw new Error(`${hex} does not decode in ${mode}-bit mode`);
  b.reset(VA, mode);
  b.guest(VA, len);
  const result = translateInsn(b, insn, BigInt(VA), mode);
  if (result === "next") b.exit(EXIT.JUMP, b.addr(VA + len));
  if (result !== "unhandled") assertIr(b);
  return { b, insn, result, text: result === "unhandled" ? "" : printIr(b) };
}

/** IR text as written in a test: a template literal with its common indentation removed. */
export function ir(s: string): string {
  const lines = s.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n");
  const pad = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(pad)).join("\n") + "\n";
}

/**
 * Expect the IR of the instruction in `hex` to print as `want` (an `ir` template): translated,
 * and, when `result` is given, ending exactly that way ("next": it falls through).
 */
export function expectIr(hex: string, mode: 32 | 64, want: string, result?: One["result"]): void {
  const r = one(hex, mode);
  if (result) expect(r.result).toBe(result);
  else expect(r.result).not.toBe("unhandled");
  expect(r.text).toBe(ir(want));
}

/** Every valid golden vector of the primary and 0F maps in 32- and 64-bit mode: [file, hex, mode]. */
export function vectors(): Array<[string, string, 32 | 64]> {
  const out: Array<[string, string, 32 | 64]> = [];
  for (const f of ["primary-32", "primary-64", "0f-32", "0f-64"]) {
    const mode = f.endsWith("64") ? 64 : 32;
    for (const line of readFileSync(join(import.meta.dir, "..", "vectors", `${f}.txt`), "utf8").split("\n")) {
      const [hex = "", form = ""] = line.split(", ");
      if (line && !line.startsWith("#") && form !== "INVALID") out.push([f, hex, mode]);
    }
  }
  return out;
}
