/** @file Generators for isa/atomic.ts. Register choices avoid the forms llvm-mc rejects as unpredictable. */
import * as E from "../../../src/arm64/index.ts";
import { call, type Gen, type Rng } from "./_util.ts";

const SZ = ["b", "h", "", ""] as const;
const ORD = ["", "a", "l", "al"] as const;
const OPS = ["add", "clr", "eor", "set", "smax", "smin", "umax", "umin"] as const;
const r = (sf: number, n: number) => (n === 31 ? (sf ? "xzr" : "wzr") : (sf ? "x" : "w") + n);
const m = (n: number) => `[${n === 31 ? "sp" : "x" + n}]`;
/** n registers from 0..30 that differ from each other. */
function distinct(R: Rng, n: number): number[] {
  const out: number[] = [];
  while (out.length < n) { const x = R.int(31); if (!out.includes(x)) out.push(x); }
  return out;
}

export const GEN: Record<string, Gen> = {
  exclusive: (R) => {
    const size = R.int(4) as E.Size, sf = size === 3 ? 1 : 0, [a, b, c] = distinct(R, 3) as [number, number, number], Rn = R.pick([c, 31]);
    const name = R.pick(["ldxr", "ldaxr", "stxr", "stlxr", "ldar", "stlr", "ldapr"] as const);
    if (name === "stxr" || name === "stlxr") return call(name, E[name], [size, a, b, Rn], `${name}${SZ[size]} ${r(0, a)}, ${r(sf, b)}, ${m(Rn)}`);
    return call(name, E[name], [size, a, Rn], `${name}${SZ[size]} ${r(sf, a)}, ${m(Rn)}`);
  },
  exclusivePair: (R) => {
    const size = R.pick([2, 3] as const), sf = size === 3 ? 1 : 0, [a, b, c, d] = distinct(R, 4) as [number, number, number, number], Rn = R.pick([d, 31]);
    const name = R.pick(["ldxp", "ldaxp", "stxp", "stlxp"] as const);
    if (name === "stxp" || name === "stlxp") return call(name, E[name], [size, a, b, c, Rn], `${name} ${r(0, a)}, ${r(sf, b)}, ${r(sf, c)}, ${m(Rn)}`);
    return call(name, E[name], [size, a, b, Rn], `${name} ${r(sf, a)}, ${r(sf, b)}, ${m(Rn)}`);
  },
  cas: (R) => {
    const size = R.int(4) as E.Size, sf = size === 3 ? 1 : 0, order = R.int(4) as E.Order, Rs = R.reg(), Rt = R.reg(), Rn = R.reg();
    return call("cas", E.cas, [size, order, Rs, Rt, Rn], `cas${ORD[order]}${SZ[size]} ${r(sf, Rs)}, ${r(sf, Rt)}, ${m(Rn)}`);
  },
  casp: (R) => {
    const size = R.pick([2, 3] as const), sf = size === 3 ? 1 : 0, order = R.int(4) as E.Order, Rs = 2 * R.int(15), Rt = 2 * R.int(15), Rn = R.reg();
    return call("casp", E.casp, [size, order, Rs, Rt, Rn], `casp${ORD[order]} ${r(sf, Rs)}, ${r(sf, Rs + 1)}, ${r(sf, Rt)}, ${r(sf, Rt + 1)}, ${m(Rn)}`);
  },
  ldop: (R) => {
    const op = R.int(8) as E.AtomicOp, size = R.int(4) as E.Size, sf = size === 3 ? 1 : 0, order = R.int(4) as E.Order, Rs = R.reg(), Rt = R.reg(), Rn = R.reg();
    return call("ldAtomic", E.ldAtomic, [op, size, order, Rs, Rt, Rn], `ld${OPS[op]}${ORD[order]}${SZ[size]} ${r(sf, Rs)}, ${r(sf, Rt)}, ${m(Rn)}`);
  },
  stop: (R) => {
    const op = R.int(8) as E.AtomicOp, size = R.int(4) as E.Size, sf = size === 3 ? 1 : 0, rel = R.bit(), Rs = R.reg(), Rn = R.reg();
    return call("stAtomic", E.stAtomic, [op, size, rel, Rs, Rn], `st${OPS[op]}${rel ? "l" : ""}${SZ[size]} ${r(sf, Rs)}, ${m(Rn)}`);
  },
  swp: (R) => {
    const size = R.int(4) as E.Size, sf = size === 3 ? 1 : 0, order = R.int(4) as E.Order, Rs = R.reg(), Rt = R.reg(), Rn = R.reg();
    return call("swp", E.swp, [size, order, Rs, Rt, Rn], `swp${ORD[order]}${SZ[size]} ${r(sf, Rs)}, ${r(sf, Rt)}, ${m(Rn)}`);
  },
};
