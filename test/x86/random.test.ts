/**
 * @file Oracle test: random byte strings decode to the same length and validity as iced-x86 in
 * 16-, 32- and 64-bit mode (quick tier 100k per mode, full 1M, soak 10M), plain and opening with
 * an escape (VEX/EVEX/XOP/0F maps). The fixed seeds run in every tier; the soak tier also runs a
 * fresh seed each time (a 1-in-10 M form needs more strings than any fixed set), printed before it
 * starts so a disagreement can be replayed with `AOT_SEED=n`. Prints the figures and every
 * disagreement.
 *
 *   AOT_TIER=soak bun test test/x86/random.test.ts    # fixed seeds + "fresh seed 0x…"
 *   AOT_SEED=0x1234 bun test test/x86/random.test.ts  # replay one seed
 */
import { expect, test } from "bun:test";
import { TIER, count } from "../_env.ts";
import { ESCAPE_HEADS, newFigures, randomVsIced, report } from "./_oracle.ts";

const FIXED = Number(process.env.AOT_SEED ?? 0x5eed0000);
const seeds: { label: string; base: number }[] = [{ label: "", base: FIXED }];
if (TIER === "soak" && process.env.AOT_SEED === undefined) {
  const fresh = crypto.getRandomValues(new Uint32Array(1))[0]! & 0x7fffff00;
  console.log(`random.test.ts: fresh seed 0x${fresh.toString(16)} (replay with AOT_SEED=0x${fresh.toString(16)})`);
  seeds.push({ label: "fresh seed, ", base: fresh });
}

for (const { label, base } of seeds) for (const bits of [16, 32, 64] as const) for (const escaped of [false, true]) {
  const seed = base + bits + (escaped ? 1 : 0);
  test(`random ${escaped ? "escape-headed " : ""}strings vs iced-x86, ${label}${bits}-bit (seed ${seed})`, () => {
    const fig = newFigures();
    randomVsIced(bits, count(100_000, 1_000_000), seed, fig, 100, escaped ? ESCAPE_HEADS : [[]]);
    console.log(report(`random ${escaped ? "escape-headed " : ""}${bits}-bit (seed ${seed}) vs iced`, fig));
    expect(fig.lengthAgree).toBe(fig.compared);
    expect(fig.mnemonicAgree).toBe(fig.compared);
  }, 600_000);
}
