/** @file Generators for isa/system.ts. */
import * as E from "../../../src/arm64/index.ts";
import { call, tried, xr, type Gen } from "./_util.ts";

export const GEN: Record<string, Gen> = {
  hint: (R) => {
    const n = R.int(128);
    return call("hint", E.hint, [tried("tryUimm", E.tryUimm, 7, n)], `hint #${n}`);
  },
  named: (R) => {
    const k = R.int(8);
    if (k === 0) return call("nop", E.nop, [], "nop");
    if (k === 1) return call("yield_", E.yield_, [], "yield");
    if (k === 2) return call("wfe", E.wfe, [], "wfe");
    if (k === 3) { const t = R.int(4) as 0 | 1 | 2 | 3; return call("bti", E.bti, [t], `bti ${["", "c", "j", "jc"][t]}`); }
    if (k === 4) return call("cfinv", E.cfinv, [], "cfinv");
    if (k === 5) return call("axflag", E.axflag, [], "axflag");
    if (k === 6) return call("xaflag", E.xaflag, [], "xaflag");
    const n = R.pick([0, 0xffff, R.int(65536)]), name = R.pick(["brk", "svc", "hvc", "smc", "hlt", "udf"] as const);
    return call(name, E[name], [tried("tryUimm", E.tryUimm, 16, n)], `${name} #${n}`);
  },
  cache: (R) => {
    const Rt = R.reg();
    if (R.int(4) === 0) {
      const k = R.pick(Object.keys(E.IC) as (keyof typeof E.IC)[]);
      if (k === "IVAU") return call("ic", E.ic, [new Expr("IC.IVAU", E.IC.IVAU), Rt], `ic ivau, ${xr(1, Rt)}`);
      return call("ic", E.ic, [new Expr(`IC.${k}`, E.IC[k])], `ic ${k.toLowerCase()}`);
    }
    const k = R.pick(Object.keys(E.DC) as (keyof typeof E.DC)[]);
    return call("dc", E.dc, [new Expr(`DC.${k}`, E.DC[k]), Rt], `dc ${k.toLowerCase()}, ${xr(1, Rt)}`);
  },
  barrier: (R) => {
    const name = R.pick(["dmb", "dsb", "isb", "clrex"] as const), CRm = R.int(16);
    return call(name, E[name], [CRm], `${name} #${CRm}`);
  },
  sysreg: (R) => {
    const name = R.pick(Object.keys(E.SYSREG) as (keyof typeof E.SYSREG)[]), Rt = R.reg();
    const sr = `SYSREG.${name}`;
    const v = { text: sr, v: E.SYSREG[name] };
    if (R.bit() || E.SYSREG_READ_ONLY.has(E.SYSREG[name])) return call("mrs", E.mrs, [Rt, Object.assign(Object.create(Expr.prototype), v)], `mrs ${xr(1, Rt)}, ${name}`);
    return call("msr", E.msr, [Object.assign(Object.create(Expr.prototype), v), Rt], `msr ${name}, ${xr(1, Rt)}`);
  },
};
import { Expr } from "./_util.ts";
