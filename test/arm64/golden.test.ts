/**
 * @file ARM64 encoder goldens: each (call, hex, text) triple was produced by our encoder and
 * checked against llvm-19 by scripts/gen-arm64-goldens.ts. Here the call must still encode to the
 * hex, and our disassembler must print llvm's text. BLESS=1 regenerates (with the llvm check);
 * AOT_SLOW=1 re-checks the files against llvm-objdump-19 as well.
 */
import { describe, expect, test } from "bun:test";
import { disasmWord } from "../../src/arm64/index.ts";
import { goldenFamilies, readGolden, replay, writeGoldens } from "./_golden.ts";
import { llvmDisassemble } from "./_llvm.ts";
import { SLOW } from "../_env.ts";

if (process.env.BLESS) writeGoldens();

describe("arm64 goldens", () => {
  for (const fam of goldenFamilies()) {
    test(fam, () => {
      const gs = readGolden(fam);
      expect(gs.length).toBeGreaterThan(10);
      const bad: string[] = [];
      gs.forEach((g, i) => {
        const w = replay(g.call);
        const hex = w.toString(16).padStart(8, "0");
        if (hex !== g.hex) bad.push(`${g.call}: encoded ${hex}, golden ${g.hex}`);
        const t = disasmWord(parseInt(g.hex, 16), i * 4);
        if (t !== g.text) bad.push(`${g.hex}: disassembled "${t}", golden "${g.text}"`);
      });
      if (SLOW) {
        const llvm = llvmDisassemble(gs.map((g) => parseInt(g.hex, 16)));
        gs.forEach((g, i) => { if (llvm[i] !== g.text) bad.push(`${g.hex}: llvm now prints "${llvm[i]}", golden "${g.text}"`); });
      }
      expect(bad).toEqual([]);
    });
  }
});
