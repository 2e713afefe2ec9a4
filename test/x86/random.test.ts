/**
 * @file Oracle test: random byte strings decode to the same length and validity as iced-x86 in
 * 16-, 32- and 64-bit mode (default tier 100k per mode, AOT_SLOW=1 1M), plain and opening with
 * an escape (VEX/EVEX/XOP/0F maps). `AOT_SEED=n` picks other seeds. Prints the figures and every
 * disagreement.
 */
import { expect, test } from "bun:test";
import { count } from "../_env.ts";
import { ESCAPE_HEADS, newFigures, randomVsIced, report } from "./_oracle.ts";

const SEED = Number(process.env.AOT_SEED ?? 0x5eed0000);

for (const bits of [16, 32, 64] as const) for (const escaped of [false, true]) {
  test(`random ${escaped ? "escape-headed " : ""}strings vs iced-x86, ${bits}-bit`, () => {
    const fig = newFigures();
    randomVsIced(bits, count(100_000, 1_000_000), SEED + bits + (escaped ? 1 : 0), fig, 100, escaped ? ESCAPE_HEADS : [[]]);
    console.log(report(`random ${escaped ? "escape-headed " : ""}${bits}-bit (seed ${SEED + bits + (escaped ? 1 : 0)}) vs iced`, fig));
    expect(fig.lengthAgree).toBe(fig.compared);
    expect(fig.mnemonicAgree).toBe(fig.compared);
  }, 600_000);
}
