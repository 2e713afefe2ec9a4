/** @file Generators for isa/simd-diff.ts. */
import * as E from "../../../src/arm64/index.ts";
import { call, Expr, type Gen } from "./_util.ts";

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["1d", "2d"]] as const;

export const GEN: Record<string, Gen> = {
  diff3: (R) => {
    const k = R.pick(Object.keys(E.DIFF3) as (keyof typeof E.DIFF3)[]), op = E.DIFF3[k], Q = R.bit();
    const size = R.pick([0, 1, 2].filter((s) => E.diff3Sizes(op) & (1 << s))) as 0 | 1 | 2;
    const d = R.int(32), n = R.int(32), m = R.int(32), wide = ARR[size + 1]![1], narrow = ARR[size]![Q];
    const [td, tn, tm] = /W$/.test(k) ? [wide, wide, narrow] : /HN$/.test(k) ? [narrow, wide, wide] : [wide, narrow, narrow];
    return call("simd3Diff", E.simd3Diff, [new Expr(`DIFF3.${k}`, op), Q, size, d, n, m], `${k.toLowerCase()}${Q ? "2" : ""} v${d}.${td}, v${n}.${tn}, v${m}.${tm}`);
  },
};
