/**
 * @file The lowering with FEAT_FlagM and FEAT_FlagM2 (CFINV and RMIF in place of MRS/MSR NZCV
 * sequences, src/arm64/lower/flags.ts; FlagM2 changes nothing yet), differentially: every golden-vector
 * encoding of every translated form, and random blocks mixing the whole set (src/verify/gen.ts),
 * translated with those features and run on Unicorn's ARM64 "max" CPU (which has both) against
 * Unicorn's x86, as test/verify/diff.test.ts and blocks.test.ts do for the baseline. The words
 * that differ are checked to be there: a sweep whose code used none of them would prove nothing.
 *
 *   bun test test/verify/flagm-diff.test.ts
 */
import { expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { prng } from "../../src/verify/gen.ts";
import { BASELINE, type HostFeatures } from "../../src/arm64/index.ts";
import { disasmWord } from "../../src/arm64/disasm.ts";
import { count } from "../_env.ts";
import { randomBlocks, sweepForms, translator } from "./_translate.ts";

const FLAGM: HostFeatures = { ...BASELINE, flagm: true, flagm2: true };
const STATES = count(20, 300);
const BLOCKS = count(30, 400);
const FLAGM_WORDS = /^(cfinv|rmif|setf8|setf16|axflag|xaflag)\b/;

for (const bits of [64, 32] as const) {
  test(`${bits}-bit: every handled form of the golden vectors, with FlagM and FlagM2`, () => {
    const inner = translator(bits, "tso", FLAGM);
    const used = new Map<string, number>();
    const translate: typeof inner = (code, va, n) => {
      const tb = inner(code, va, n);
      for (let k = 0; k < tb.bodyWords; k++) {
        const m = (disasmWord(tb.code[k]!, 4 * k) ?? "").match(FLAGM_WORDS);
        if (m) used.set(m[1]!, (used.get(m[1]!) ?? 0) + 1);
      }
      return tb;
    };
    const d = new Differ({ bits, translate, seed: 0xf1a9 + bits, alignment: "none" });
    sweepForms(d, bits, STATES);
    d.close();
    const st = d.stats;
    console.log(`flagm ${bits}-bit: ${st.forms} forms, ${st.cases} encodings, ${st.states} states, ${st.mismatches} mismatches; FlagM words: ${JSON.stringify(Object.fromEntries(used))}`);
    if (st.reports.length) console.log(st.reports.slice(0, 5).join("\n\n"));
    expect(st.forms).toBeGreaterThan(bits === 64 ? 100 : 80);
    expect(st.mismatches).toBe(0);
    for (const w of ["cfinv", "rmif"]) expect([w, (used.get(w) ?? 0) > 0]).toEqual([w, true]);
  }, 1_800_000);

  test(`${bits}-bit: random blocks agree with FlagM and FlagM2`, () => {
    const st = randomBlocks({ bits, translate: translator(bits, "tso", FLAGM), seed: 0xf1b0 + bits, alignment: "none" }, prng(0xf1c0 + bits), BLOCKS, 10);
    console.log(`flagm blocks ${bits}-bit: ${st.blocks} blocks, ${st.states} states, ${st.mismatches} mismatches`);
    if (st.reports.length) console.log(st.reports.slice(0, 3).join("\n\n"));
    expect(st.blocks).toBeGreaterThan(BLOCKS * 0.5);
    expect(st.mismatches).toBe(0);
  }, 1_800_000);
}
