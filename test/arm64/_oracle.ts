/**
 * @file Checks generated Cases against llvm-19: llvm-mc must assemble each Case's text to the
 * word our encoder produced, and llvm-objdump's text of that word (normalised) must equal our
 * disassembler's. Batched: one llvm-mc and one llvm-objdump run per chunk of cases.
 *
 *   const bad = checkCases(cases);   // [] when everything agrees
 */
import { disasmWord } from "../../src/arm64/index.ts";
import { llvmAssemble, llvmDisassemble } from "./_llvm.ts";
import type { Case } from "./_gen/_util.ts";

export interface Mismatch {
  c: Case;
  what: "bytes" | "text";
  llvm: string;
  ours: string;
}

const hex8 = (w: number) => (w >>> 0).toString(16).padStart(8, "0");

export function checkCases(cases: Case[], chunk = 20000): Mismatch[] {
  const out: Mismatch[] = [];
  for (let s = 0; s < cases.length; s += chunk) {
    const part = cases.slice(s, s + chunk);
    const words = llvmAssemble(part.map((c) => c.asm));
    if (words.length !== part.length) throw new Error(`llvm-mc gave ${words.length} words for ${part.length} lines`);
    const ours = Uint32Array.from(part, (c) => c.word);
    const text = llvmDisassemble(ours);
    part.forEach((c, i) => {
      if (words[i] !== c.word) out.push({ c, what: "bytes", llvm: hex8(words[i]!), ours: hex8(c.word) });
      const t = disasmWord(c.word, i * 4);
      if (t !== text[i]) out.push({ c, what: "text", llvm: String(text[i]), ours: String(t) });
    });
  }
  return out;
}

export const showMismatch = (m: Mismatch): string =>
  `${m.what}: ${m.c.call} asm="${m.c.asm}" word=${hex8(m.c.word)} llvm=${m.llvm} ours=${m.ours}`;
