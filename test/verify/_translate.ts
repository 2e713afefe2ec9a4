/**
 * @file Shared by the differential tests: a `TranslateFn` over real Translators (one per block
 * length, as `maxInsns` is a constructor option), the golden-vector encodings grouped by form,
 * the sweep of every translated form through a Differ, and random blocks on fresh engines.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Translator } from "../../src/compile/translate.ts";
import { BASELINE, type HostFeatures } from "../../src/arm64/index.ts";
import { Differ, type DiffOptions, type TranslateFn } from "../../src/verify/diff.ts";
import { assembleBlocks, randomBlock, toRipRelative, type Rng } from "../../src/verify/gen.ts";
import { SEMANTICS } from "../../src/x86/semantics/index.ts";
import { Decoder, Insn } from "../../src/x86/index.ts";

export function translator(bits: 32 | 64, memoryOrder: "tso" | "relaxed" = "tso", features: HostFeatures = BASELINE, imageBase?: bigint): TranslateFn {
  const byMax = new Map<number, Translator>();
  const pic = imageBase !== undefined ? { pic: true, imageBase } : { pic: false };
  return (code, va, maxInsns) => {
    let t = byMax.get(maxInsns);
    if (!t) byMax.set(maxInsns, (t = new Translator({ mode: bits, lower: { features, memoryOrder, ...pic }, maxInsns })));
    return t.translate(code, 0, code.length, va);
  };
}

/** Golden decoder vectors (iced-generated) of the integer maps: form id → mnemonic and encodings. */
export function vectorForms(bits: 32 | 64): Map<string, { mnemonic: string; encodings: Uint8Array[] }> {
  const out = new Map<string, { mnemonic: string; encodings: Uint8Array[] }>();
  for (const map of ["primary", "0f", "0f38", "0f3a", "misc"]) {
    const text = readFileSync(join(import.meta.dir, "..", "x86", "vectors", `${map}-${bits}.txt`), "utf8");
    for (const line of text.split("\n")) {
      if (!line || line.startsWith("#")) continue;
      const [hex = "", form = "", mnemonic = ""] = line.split(",").map((x) => x.trim());
      if (form === "INVALID") continue;
      let e = out.get(form);
      if (!e) out.set(form, (e = { mnemonic, encodings: [] }));
      e.encodings.push(Uint8Array.from(Buffer.from(hex, "hex")));
    }
  }
  return out;
}

/** Every golden-vector encoding of every form whose mnemonic has semantics, and its `[rbx+disp32]` operand re-encoded RIP-relative (64-bit) or absolute (32-bit), through `d`. */
export function sweepForms(d: Differ, bits: 32 | 64, states: number): void {
  const handled = new Set(Object.keys(SEMANTICS)), dec = new Decoder(bits), insn = new Insn();
  for (const [form, { mnemonic, encodings }] of vectorForms(bits)) {
    if (!handled.has(mnemonic.toUpperCase())) continue;
    for (const e of encodings) {
      d.testEncoding(e, states, form);
      if (!dec.decode(e, 0, e.length, d.layout.code, insn)) continue;
      const rip = toRipRelative(e, insn);
      if (rip) d.testEncoding(rip, states, form);
    }
  }
}

/**
 * `count` random blocks (src/verify/gen.ts) with `states` states each, on a fresh Differ made with
 * `opts` (its seed moved on) every 1000 blocks: Unicorn 2.0.1 crashes the process after some
 * thousands of rewritten code blocks in one engine (blocks.test.ts), a limit of the emulator.
 */
export function randomBlocks(opts: DiffOptions, rng: Rng, count: number, states: number): { blocks: number; states: number; mismatches: number; reports: string[] } {
  const total = { blocks: 0, states: 0, mismatches: 0, reports: [] as string[] };
  for (let done = 0; done < count; done += 1000) {
    const d = new Differ({ ...opts, seed: (opts.seed ?? 1) + done });
    for (let k = done; k < Math.min(done + 1000, count); k += 100) {
      const blocks = Array.from({ length: Math.min(100, count - k) }, () => randomBlock(rng, opts.bits).lines);
      const code = assembleBlocks(opts.bits, blocks);
      blocks.forEach((lines, i) => d.testBlock(code[i]!, lines, states));
    }
    d.close();
    total.blocks += d.stats.blocks; total.states += d.stats.states; total.mismatches += d.stats.mismatches;
    total.reports.push(...d.stats.reports);
  }
  return total;
}
