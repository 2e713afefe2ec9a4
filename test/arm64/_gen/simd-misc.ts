/** @file Generators for isa/simd-misc.ts. */
import * as E from "../../../src/arm64/index.ts";
import { call, Expr, type Gen, type Rng } from "./_util.ts";

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["1d", "2d"]] as const;
const L = "bhsd";
const key = <T extends object>(R: Rng, o: T): keyof T & string => R.pick(Object.keys(o) as (keyof T & string)[]);
const asmName = (k: string) => k.toLowerCase().replace(/0$/, "");
const FP_VEC = Object.keys(E.FPMISC) as (keyof typeof E.FPMISC)[];
const FP_SCALAR = FP_VEC.filter((k) => E.fpScalarOk(E.FPMISC[k]));

export const GEN: Record<string, Gen> = {
  misc: (R) => {
    const k = key(R, E.MISC), op = E.MISC[k], Q = R.bit(), d = R.int(32), n = R.int(32);
    const size = R.pick([0, 1, 2, 3].filter((s) => E.miscSizes(op) & (1 << s) && (s < 3 || Q))) as 0 | 1 | 2 | 3;
    const a = ARR[size][Q], src = /ADDLP|ADALP/.test(k) ? ARR[size][Q] : a, dst = /ADDLP|ADALP/.test(k) ? ARR[size + 1]![Q] : a;
    return call("simdMisc", E.simdMisc, [new Expr(`MISC.${k}`, op), Q, size, d, n], `${asmName(k)} v${d}.${dst}, v${n}.${src}${k.endsWith("0") ? ", #0" : ""}`);
  },
  miscScalar: (R) => {
    const k = R.pick(["SQABS", "SQNEG", "SUQADD", "USQADD", "ABS", "NEG", "CMGT0", "CMEQ0", "CMLT0", "CMGE0", "CMLE0"] as const), d = R.int(32), n = R.int(32);
    const size = (/^(SQ|SU|US)/.test(k) ? R.int(4) : 3) as 0 | 1 | 2 | 3;
    return call("simdMiscScalar", E.simdMiscScalar, [new Expr(`MISC.${k}`, E.MISC[k]), size, d, n], `${asmName(k)} ${L[size]}${d}, ${L[size]}${n}${k.endsWith("0") ? ", #0" : ""}`);
  },
  bitwise: (R) => {
    const Q = R.bit(), a = ARR[0][Q], d = R.int(32), n = R.int(32), k = R.int(3);
    if (k === 0) return call("rbitVec", E.rbitVec, [Q, d, n], `rbit v${d}.${a}, v${n}.${a}`);
    if (k === 1) return shllCase(R, Q, d, n);
    return call("mvnVec", E.mvnVec, [Q, d, n], `${R.bit() ? "not" : "mvn"} v${d}.${a}, v${n}.${a}`);
  },
  narrow: (R) => {
    const k = key(R, E.NARROW), Q = R.bit(), size = R.int(3) as 0 | 1 | 2, d = R.int(32), n = R.int(32);
    if (k !== "XTN" && R.int(3) === 0) {
      return call("simdNarrowScalar", E.simdNarrowScalar, [new Expr(`NARROW.${k}`, E.NARROW[k]), size, d, n], `${k.toLowerCase()} ${L[size]}${d}, ${L[size + 1]}${n}`);
    }
    return call("simdNarrow", E.simdNarrow, [new Expr(`NARROW.${k}`, E.NARROW[k]), Q, size, d, n], `${k.toLowerCase()}${Q ? "2" : ""} v${d}.${ARR[size][Q]}, v${n}.${ARR[size + 1]![1]}`);
  },
  fpMisc: (R) => {
    const k = R.pick(FP_VEC), sz = R.bit(), Q = sz ? 1 : R.bit(), a = sz ? "2d" : Q ? "4s" : "2s", d = R.int(32), n = R.int(32);
    return call("simdFpMisc", E.simdFpMisc, [new Expr(`FPMISC.${k}`, E.FPMISC[k]), Q, sz, d, n], `${asmName(k)} v${d}.${a}, v${n}.${a}${k.endsWith("0") ? ", #0.0" : ""}`);
  },
  fpMiscScalar: (R) => {
    const sz = R.bit(), t = sz ? "d" : "s", d = R.int(32), n = R.int(32);
    if (R.int(8) === 0) return call("frecpx", E.frecpx, [sz, d, n], `frecpx ${t}${d}, ${t}${n}`);
    const k = R.pick(FP_SCALAR);
    return call("simdFpMiscScalar", E.simdFpMiscScalar, [new Expr(`FPMISC.${k}`, E.FPMISC[k]), sz, d, n], `${asmName(k)} ${t}${d}, ${t}${n}${k.endsWith("0") ? ", #0.0" : ""}`);
  },
  fcvtNarrowWiden: (R) => {
    const Q = R.bit(), sz = R.bit(), d = R.int(32), n = R.int(32), two = Q ? "2" : "", k = R.int(4);
    const wide = sz ? "2d" : "4s", narrow = sz ? (Q ? "4s" : "2s") : Q ? "8h" : "4h";
    if (k === 0) return call("fcvtn", E.fcvtn, [Q, sz, d, n], `fcvtn${two} v${d}.${narrow}, v${n}.${wide}`);
    if (k === 1) return call("fcvtl", E.fcvtl, [Q, sz, d, n], `fcvtl${two} v${d}.${wide}, v${n}.${narrow}`);
    if (k === 2) return call("fcvtxn", E.fcvtxn, [Q, d, n], `fcvtxn${two} v${d}.${Q ? "4s" : "2s"}, v${n}.2d`);
    return call("fcvtxnScalar", E.fcvtxnScalar, [d, n], `fcvtxn s${d}, d${n}`);
  },
  across: (R) => {
    const d = R.int(32), n = R.int(32);
    if (R.int(3) === 0) {
      const k = key(R, E.FPACROSS);
      return call("fpAcross", E.fpAcross, [new Expr(`FPACROSS.${k}`, E.FPACROSS[k]), d, n], `${k.toLowerCase()} s${d}, v${n}.4s`);
    }
    const k = key(R, E.ACROSS), size = R.int(3) as 0 | 1 | 2, Q = size === 2 ? 1 : R.bit();
    const r = L[k.endsWith("LV") ? size + 1 : size];
    return call("across", E.across, [new Expr(`ACROSS.${k}`, E.ACROSS[k]), Q, size, d, n], `${k.toLowerCase()} ${r}${d}, v${n}.${ARR[size][Q]}`);
  },
  pairScalar: (R) => {
    const d = R.int(32), n = R.int(32);
    if (R.int(4) === 0) return call("addpScalar", E.addpScalar, [d, n], `addp d${d}, v${n}.2d`);
    const k = key(R, E.FPPAIR), sz = R.bit();
    return call("fpPairScalar", E.fpPairScalar, [new Expr(`FPPAIR.${k}`, E.FPPAIR[k]), sz, d, n], `${k.toLowerCase()} ${sz ? "d" : "s"}${d}, v${n}.${sz ? "2d" : "2s"}`);
  },
};

function shllCase(R: Rng, Q: 0 | 1, d: number, n: number) {
  const size = R.int(3) as 0 | 1 | 2;
  return call("shll", E.shll, [Q, size, d, n], `shll${Q ? "2" : ""} v${d}.${ARR[size + 1]![1]}, v${n}.${ARR[size][Q]}, #${8 << size}`);
}
