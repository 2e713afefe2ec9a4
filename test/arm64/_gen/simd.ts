/** @file Generators for isa/simd.ts. */
import * as E from "../../../src/arm64/index.ts";
import { call, Expr, type Gen } from "./_util.ts";

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["1d", "2d"]] as const;
const gp = (sf: number, n: number) => (n === 31 ? (sf ? "xzr" : "wzr") : (sf ? "x" : "w") + n);

export const GEN: Record<string, Gen> = {
  int3: (R) => {
    const k = R.pick(Object.keys(E.SIMD3) as (keyof typeof E.SIMD3)[]), Q = R.bit();
    const ok = [0, 1, 2, 3].filter((s) => E.simd3Sizes(E.SIMD3[k]) & (1 << s) && (s < 3 || Q));
    const size = R.pick(ok) as 0 | 1 | 2 | 3;
    const a = ARR[size][Q], d = R.int(32), n = R.int(32), m = R.int(32);
    return call("simd3", E.simd3, [new Expr(`SIMD3.${k}`, E.SIMD3[k]), Q, size, d, n, m], `${k.toLowerCase()} v${d}.${a}, v${n}.${a}, v${m}.${a}`);
  },
  int3Scalar: (R) => {
    const k = R.pick((Object.keys(E.SIMD3) as (keyof typeof E.SIMD3)[]).filter((k) => E.simd3ScalarSizes(E.SIMD3[k])));
    const size = R.pick([0, 1, 2, 3].filter((s) => E.simd3ScalarSizes(E.SIMD3[k]) & (1 << s))) as 0 | 1 | 2 | 3, L = "bhsd"[size];
    const d = R.int(32), n = R.int(32), m = R.int(32);
    return call("simd3Scalar", E.simd3Scalar, [new Expr(`SIMD3.${k}`, E.SIMD3[k]), size, d, n, m], `${k.toLowerCase()} ${L}${d}, ${L}${n}, ${L}${m}`);
  },
  fp3Scalar: (R) => {
    const op = R.pick(E.FP3_SCALAR), k = Object.keys(E.FP3).find((x) => E.FP3[x as keyof typeof E.FP3] === op)!, sz = R.bit(), t = sz ? "d" : "s";
    const d = R.int(32), n = R.int(32), m = R.int(32);
    return call("simdFp3Scalar", E.simdFp3Scalar, [new Expr(`FP3.${k}`, op), sz, d, n, m], `${k.toLowerCase()} ${t}${d}, ${t}${n}, ${t}${m}`);
  },
  logic3: (R) => {
    const k = R.pick(Object.keys(E.LOGIC3) as (keyof typeof E.LOGIC3)[]), Q = R.bit(), a = Q ? "16b" : "8b", d = R.int(32), n = R.int(32), m = R.pick([n, R.int(32)]);
    if (R.int(4) === 0) return call("movVec", E.movVec, [Q, d, n], `mov v${d}.${a}, v${n}.${a}`);
    return call("simdLogic", E.simdLogic, [new Expr(`LOGIC3.${k}`, E.LOGIC3[k]), Q, d, n, m], `${k.toLowerCase()} v${d}.${a}, v${n}.${a}, v${m}.${a}`);
  },
  fp3: (R) => {
    const k = R.pick(Object.keys(E.FP3) as (keyof typeof E.FP3)[]), sz = R.bit(), Q = sz ? 1 : R.bit(), a = sz ? "2d" : Q ? "4s" : "2s";
    const d = R.int(32), n = R.int(32), m = R.int(32);
    return call("simdFp3", E.simdFp3, [new Expr(`FP3.${k}`, E.FP3[k]), Q, sz, d, n, m], `${k.toLowerCase()} v${d}.${a}, v${n}.${a}, v${m}.${a}`);
  },
  copy: (R) => {
    const size = R.int(4) as 0 | 1 | 2 | 3, L = "bhsd"[size]!, lanes = 16 >> size, d = R.int(32), n = R.int(32), g = R.reg(), i = R.int(lanes), j = R.int(lanes);
    const k = R.int(6), Q = size === 3 ? 1 : R.bit();
    if (k === 0) return call("dupElem", E.dupElem, [size, Q, d, n, i], `dup v${d}.${ARR[size][Q]}, v${n}.${L}[${i}]`);
    if (k === 1) return call("dupGp", E.dupGp, [size, Q, d, g], `dup v${d}.${ARR[size][Q]}, ${gp(size === 3 ? 1 : 0, g)}`);
    if (k === 2) return call("umov", E.umov, [size, g, n, i], `umov ${gp(size === 3 ? 1 : 0, g)}, v${n}.${L}[${i}]`);
    if (k === 3) return call("movElemGp", E.movElemGp, [size, d, i, g], `ins v${d}.${L}[${i}], ${gp(size === 3 ? 1 : 0, g)}`);
    if (k === 4) return call("movElem", E.movElem, [size, d, i, n, j], `ins v${d}.${L}[${i}], v${n}.${L}[${j}]`);
    const s = R.int(3) as 0 | 1 | 2, sf = s === 2 ? 1 : R.bit(), idx = R.int(16 >> s);
    return call("smov", E.smov, [s, sf, g, n, idx], `smov ${gp(sf, g)}, v${n}.${"bhs"[s]}[${idx}]`);
  },
  permute: (R) => {
    const k = R.pick(Object.keys(E.PERMUTE) as (keyof typeof E.PERMUTE)[]), Q = R.bit(), size = (Q ? R.int(4) : R.int(3)) as 0 | 1 | 2 | 3;
    const a = ARR[size][Q], d = R.int(32), n = R.int(32), m = R.int(32);
    return call("permute", E.permute, [new Expr(`PERMUTE.${k}`, E.PERMUTE[k]), Q, size, d, n, m], `${k.toLowerCase()} v${d}.${a}, v${n}.${a}, v${m}.${a}`);
  },
  tbl: (R) => {
    const Q = R.bit(), a = Q ? "16b" : "8b", d = R.int(32), n = R.int(32), m = R.int(32), k = R.range(1, 4) as 1 | 2 | 3 | 4, x = R.bit();
    const list = Array.from({ length: k }, (_, i) => `v${(n + i) & 31}.16b`).join(", ");
    return call(x ? "tbx" : "tbl", x ? E.tbx : E.tbl, [Q, d, n, k, m], `${x ? "tbx" : "tbl"} v${d}.${a}, { ${list} }, v${m}.${a}`);
  },
  ext: (R) => {
    const Q = R.bit(), a = Q ? "16b" : "8b", d = R.int(32), n = R.int(32), m = R.int(32), i = R.int(Q ? 16 : 8);
    return call("ext", E.ext, [Q, d, n, m, i], `ext v${d}.${a}, v${n}.${a}, v${m}.${a}, #${i}`);
  },
};
