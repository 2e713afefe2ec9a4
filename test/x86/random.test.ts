/**
 * @file Oracle test: random byte strings decode to the same length and validity as iced-x86 in
 * 16-, 32- and 64-bit mode (default tier 100k per mode, AOT_SLOW=1 1M). Prints the figures and
 * every disagreement.
 */
import { expect, test } from "bun:test";
import { count } from "../_env.ts";
import { newFigures, randomVsIced, report } from "./_oracle.ts";

for (const bits of [16, 32, 64] as const) {
  test(`random strings vs iced-x86, ${bits}-bit`, () => {
    const fig = newFigures();
    randomVsIced(bits, count(100_000, 1_000_000), 0x5eed0000 + bits, fig);
    console.log(report(`random ${bits}-bit vs iced`, fig));
    expect(fig.lengthAgree + fig.knownGaps).toBe(fig.compared);
    expect(fig.mnemonicAgree + fig.knownGaps).toBe(fig.compared);
  }, 600_000);
}
