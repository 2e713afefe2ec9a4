/** @file Generators for isa/fp.ts. */
import * as E from "../../../src/arm64/index.ts";
import { call, Expr, tried, xr, type Gen, type Rng } from "./_util.ts";

const T = ["s", "d", "", "h"] as const;
const ft = (R: Rng) => R.pick([0, 1, 3] as const);
const vr = (t: number, n: number) => T[t as 0] + n;

export const GEN: Record<string, Gen> = {
  fp2: (R) => {
    const name = R.pick(["fmul", "fdiv", "fadd", "fsub", "fmax", "fmin", "fmaxnm", "fminnm", "fnmul"] as const);
    const t = ft(R), d = R.int(32), n = R.int(32), m = R.int(32);
    return call(name, E[name], [t, d, n, m], `${name} ${vr(t, d)}, ${vr(t, n)}, ${vr(t, m)}`);
  },
  fp1: (R) => {
    const name = R.pick(["fmovReg", "fabs", "fneg", "fsqrt"] as const), t = ft(R), d = R.int(32), n = R.int(32);
    return call(name, E[name], [t, d, n], `${name.replace("Reg", "")} ${vr(t, d)}, ${vr(t, n)}`);
  },
  fcvt: (R) => {
    const t = ft(R), to = R.pick([0, 1, 3].filter((x) => x !== t)) as E.Ftype, d = R.int(32), n = R.int(32);
    return call("fcvt", E.fcvt, [t, to, d, n], `fcvt ${vr(to, d)}, ${vr(t, n)}`);
  },
  frint: (R) => {
    const mode = R.pick([0, 1, 2, 3, 4, 6, 7] as const), t = ft(R), d = R.int(32), n = R.int(32);
    return call("frint", E.frint, [t, mode, d, n], `frint${"npmza?xi"[mode]} ${vr(t, d)}, ${vr(t, n)}`);
  },
  fcmp: (R) => {
    const name = R.pick(["fcmp", "fcmpe", "fcmpZero", "fcmpeZero"] as const), t = ft(R), n = R.int(32), m = R.int(32);
    if (name.endsWith("Zero")) return call(name, E[name], [t, n], `${name.replace("Zero", "")} ${vr(t, n)}, #0.0`);
    return call(name, E[name as "fcmp"], [t, n, m], `${name} ${vr(t, n)}, ${vr(t, m)}`);
  },
  fcsel: (R) => {
    const t = ft(R), d = R.int(32), n = R.int(32), m = R.int(32), c = R.int(16);
    return call("fcsel", E.fcsel, [t, d, n, m, c], `fcsel ${vr(t, d)}, ${vr(t, n)}, ${vr(t, m)}, ${E.COND_NAMES[c]}`);
  },
  fccmp: (R) => {
    const name = R.pick(["fccmp", "fccmpe"] as const), t = ft(R), n = R.int(32), m = R.int(32), nzcv = R.int(16), c = R.int(16);
    return call(name, E[name], [t, n, m, tried("tryUimm", E.tryUimm, 4, nzcv), c], `${name} ${vr(t, n)}, ${vr(t, m)}, #${nzcv}, ${E.COND_NAMES[c]}`);
  },
  fp3: (R) => {
    const name = R.pick(["fmadd", "fmsub", "fnmadd", "fnmsub"] as const), t = ft(R), d = R.int(32), n = R.int(32), m = R.int(32), a = R.int(32);
    return call(name, E[name], [t, d, n, m, a], `${name} ${vr(t, d)}, ${vr(t, n)}, ${vr(t, m)}, ${vr(t, a)}`);
  },
  fixedGp: (R) => {
    const k = R.pick(Object.keys(E.FIXED_GP) as (keyof typeof E.FIXED_GP)[]), sf = R.bit(), t = ft(R), g = R.reg(), v = R.int(32);
    const fb = R.pick([1, sf ? 64 : 32, R.range(1, sf ? 64 : 32)]), fbits = tried("tryUimm", E.tryUimm, 7, fb), kx = new Expr(`FIXED_GP.${k}`, E.FIXED_GP[k]);
    if (k.endsWith("CVTF")) return call("fixedGp", E.fixedGp, [kx, sf, t, v, g, fbits], `${k.toLowerCase()} ${vr(t, v)}, ${xr(sf, g)}, #${fb}`);
    return call("fixedGp", E.fixedGp, [kx, sf, t, g, v, fbits], `${k.toLowerCase()} ${xr(sf, g)}, ${vr(t, v)}, #${fb}`);
  },
  fmovImm: (R) => {
    const t = ft(R), d = R.int(32), x = E.fpImm8Value(R.int(256));
    return call("fmovImm", E.fmovImm, [t, d, tried("tryFpImm8", E.tryFpImm8, x)], `fmov ${vr(t, d)}, #${x}`);
  },
  conv: (R) => {
    const sf = R.bit(), t = ft(R), d = R.reg(), n = R.int(32);
    const k = R.int(4);
    if (k === 0) { const name = R.pick(["scvtf", "ucvtf"] as const); return call(name, E[name], [sf, t, n, d], `${name} ${vr(t, n)}, ${xr(sf, d)}`); }
    const mode = R.pick(["n", "p", "m", "z", "a"] as const), u = R.bit();
    return call("fcvtToInt", E.fcvtToInt, [mode, u, sf, t, d, n], `fcvt${mode}${u ? "u" : "s"} ${xr(sf, d)}, ${vr(t, n)}`);
  },
  fmovGp: (R) => {
    const d = R.reg(), n = R.int(32), k = R.int(6);
    if (k === 4) return call("fmovToGpHigh", E.fmovToGpHigh, [d, n], `fmov ${xr(1, d)}, v${n}.d[1]`);
    if (k === 5) return call("fmovFromGpHigh", E.fmovFromGpHigh, [n, d], `fmov v${n}.d[1], ${xr(1, d)}`);
    const [sf, t] = R.pick([[0, 0], [1, 1], [0, 3], [1, 3]] as const);
    if (k & 1) return call("fmovToGp", E.fmovToGp, [sf, t, d, n], `fmov ${xr(sf, d)}, ${vr(t, n)}`);
    return call("fmovFromGp", E.fmovFromGp, [sf, t, n, d], `fmov ${vr(t, n)}, ${xr(sf, d)}`);
  },
};
