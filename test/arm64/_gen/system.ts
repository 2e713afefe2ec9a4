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
    const n = R.int(65536);
    return call("brk", E.brk, [tried("tryUimm", E.tryUimm, 16, n)], `brk #${n}`);
  },
  barrier: (R) => {
    const name = R.pick(["dmb", "dsb", "isb", "clrex"] as const), CRm = R.int(16);
    return call(name, E[name], [CRm], `${name} #${CRm}`);
  },
  sysreg: (R) => {
    const name = R.pick(["NZCV", "FPCR", "FPSR", "TPIDR_EL0"] as const), Rt = R.reg();
    const sr = `SYSREG.${name}`;
    const v = { text: sr, v: E.SYSREG[name] };
    if (R.bit()) return call("mrs", E.mrs, [Rt, Object.assign(Object.create(Expr.prototype), v)], `mrs ${xr(1, Rt)}, ${name}`);
    return call("msr", E.msr, [Object.assign(Object.create(Expr.prototype), v), Rt], `msr ${name}, ${xr(1, Rt)}`);
  },
};
import { Expr } from "./_util.ts";
