/** @file Generators for isa/simd-elem.ts. */
import * as E from "../../../src/arm64/index.ts";
import { call, Expr, type Gen } from "./_util.ts";

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["1d", "2d"]] as const;
const L = "bhsd";
const LONG = /(MULL|MLAL|MLSL)$/;
const SCALAR = ["SQDMULH", "SQRDMULH", "SQDMULL", "SQDMLAL", "SQDMLSL"] as const;

export const GEN: Record<string, Gen> = {
  elem: (R) => {
    const size = R.pick([1, 2] as const), Q = R.bit(), d = R.int(32), n = R.int(32), m = size === 1 ? R.int(16) : R.int(32), i = R.int(size === 1 ? 8 : 4);
    const mm = `v${m}.${L[size]}[${i}]`;
    if (R.int(4) === 0) {
      const k = R.pick(SCALAR);
      return call("simdElemScalar", E.simdElemScalar, [new Expr(`ELEM.${k}`, E.ELEM[k]), size, d, n, m, i], `${k.toLowerCase()} ${L[LONG.test(k) ? size + 1 : size]}${d}, ${L[size]}${n}, ${mm}`);
    }
    const k = R.pick(Object.keys(E.ELEM) as (keyof typeof E.ELEM)[]);
    const asm = LONG.test(k) ? `${k.toLowerCase()}${Q ? "2" : ""} v${d}.${ARR[size + 1]![1]}, v${n}.${ARR[size][Q]}, ${mm}` : `${k.toLowerCase()} v${d}.${ARR[size][Q]}, v${n}.${ARR[size][Q]}, ${mm}`;
    return call("simdElem", E.simdElem, [new Expr(`ELEM.${k}`, E.ELEM[k]), Q, size, d, n, m, i], asm);
  },
  fpElem: (R) => {
    const k = R.pick(Object.keys(E.FPELEM) as (keyof typeof E.FPELEM)[]), sz = R.bit(), d = R.int(32), n = R.int(32), m = R.int(32), i = R.int(sz ? 2 : 4);
    const t = sz ? "d" : "s", mm = `v${m}.${t}[${i}]`, kx = new Expr(`FPELEM.${k}`, E.FPELEM[k]);
    if (R.int(3) === 0) return call("simdFpElemScalar", E.simdFpElemScalar, [kx, sz, d, n, m, i], `${k.toLowerCase()} ${t}${d}, ${t}${n}, ${mm}`);
    const Q = sz ? 1 : R.bit(), a = sz ? "2d" : Q ? "4s" : "2s";
    return call("simdFpElem", E.simdFpElem, [kx, Q, sz, d, n, m, i], `${k.toLowerCase()} v${d}.${a}, v${n}.${a}, ${mm}`);
  },
  dupScalar: (R) => {
    const size = R.int(4) as 0 | 1 | 2 | 3, d = R.int(32), n = R.int(32), i = R.int(16 >> size);
    return call("dupScalar", E.dupScalar, [size, d, n, i], `${R.bit() ? "mov" : "dup"} ${L[size]}${d}, v${n}.${L[size]}[${i}]`);
  },
};
