/** @file Generators for isa/cond.ts. */
import * as E from "../../../src/arm64/index.ts";
import { call, tried, xr, type Gen } from "./_util.ts";

const C = E.COND_NAMES;

export const GEN: Record<string, Gen> = {
  condSelect: (R) => {
    const name = R.pick(["csel", "csinc", "csinv", "csneg"] as const);
    const sf = R.bit(), Rd = R.reg(), Rn = R.reg(), Rm = R.pick([Rn, R.reg()]), c = R.int(16);
    return call(name, E[name], [sf, Rd, Rn, Rm, c], `${name} ${xr(sf, Rd)}, ${xr(sf, Rn)}, ${xr(sf, Rm)}, ${C[c]}`);
  },
  condSelectAlias: (R) => {
    const name = R.pick(["cset", "csetm", "cinc", "cinv", "cneg"] as const);
    const sf = R.bit(), Rd = R.reg(), Rn = R.reg(), c = R.int(14);
    if (name === "cset" || name === "csetm") return call(name, E[name], [sf, Rd, c], `${name} ${xr(sf, Rd)}, ${C[c]}`);
    return call(name, E[name], [sf, Rd, Rn, c], `${name} ${xr(sf, Rd)}, ${xr(sf, Rn)}, ${C[c]}`);
  },
  condCompare: (R) => {
    const name = R.pick(["ccmpReg", "ccmnReg", "ccmpImm", "ccmnImm"] as const);
    const sf = R.bit(), Rn = R.reg(), m = name.endsWith("Imm") ? R.int(32) : R.reg(), nzcv = R.int(16), c = R.int(16);
    const op = name.endsWith("Imm") ? tried("tryUimm", E.tryUimm, 5, m) : m;
    const asm = `${name.slice(0, 4)} ${xr(sf, Rn)}, ${name.endsWith("Imm") ? `#${m}` : xr(sf, m)}, #${nzcv}, ${C[c]}`;
    return call(name, E[name] as (...a: any[]) => number, [sf, Rn, op, tried("tryUimm", E.tryUimm, 4, nzcv), c], asm);
  },
  flagm: (R) => {
    const k = R.int(3), Rn = R.reg();
    if (k === 0) {
      const imm6 = R.int(64), mask = R.int(16);
      return call("rmif", E.rmif, [Rn, tried("tryUimm", E.tryUimm, 6, imm6), tried("tryUimm", E.tryUimm, 4, mask)], `rmif ${xr(1, Rn)}, #${imm6}, #${mask}`);
    }
    return call(k === 1 ? "setf8" : "setf16", k === 1 ? E.setf8 : E.setf16, [Rn], `setf${k === 1 ? 8 : 16} ${xr(0, Rn)}`);
  },
};
