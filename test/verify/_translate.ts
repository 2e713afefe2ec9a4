/**
 * @file Shared by the differential tests: a `TranslateFn` over real Translators (one per block
 * length, as `maxInsns` is a constructor option), and the golden-vector encodings grouped by form.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Translator } from "../../src/compile/translate.ts";
import { BASELINE, type HostFeatures } from "../../src/arm64/index.ts";
import type { TranslateFn } from "../../src/verify/diff.ts";

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
