/** @file Generators for isa/data-reg.ts. */
import * as E from "../../../src/arm64/index.ts";
import { call, tried, xr, xs, type Gen } from "./_util.ts";

const SH = ["lsl", "lsr", "asr"] as const;
const EXT = ["uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"] as const;
const lim = (sf: number) => (sf ? 64 : 32);
const u6 = (sf: 0 | 1, x: number) => tried("tryUimm6", E.tryUimm6, sf, x);

export const GEN: Record<string, Gen> = {
  addSubShifted: (R) => {
    const name = R.pick(["addShifted", "addsShifted", "subShifted", "subsShifted"] as const);
    const sf = R.bit(), Rd = R.reg(), Rn = R.reg(), Rm = R.reg(), shift = R.int(3) as 0 | 1 | 2, amt = R.pick([0, R.int(lim(sf))]);
    const asm = `${name.replace("Shifted", "")} ${xr(sf, Rd)}, ${xr(sf, Rn)}, ${xr(sf, Rm)}, ${SH[shift]} #${amt}`;
    return call(name, E[name], [sf, Rd, Rn, Rm, shift, u6(sf, amt)], asm);
  },
  addSubShiftedAlias: (R) => {
    const name = R.pick(["cmpShifted", "cmnShifted", "neg", "negs"] as const);
    const sf = R.bit(), a = R.reg(), b = R.reg(), shift = R.int(3) as 0 | 1 | 2, amt = R.pick([0, R.int(lim(sf))]);
    const asm = `${name.replace("Shifted", "")} ${xr(sf, a)}, ${xr(sf, b)}, ${SH[shift]} #${amt}`;
    return call(name, E[name], [sf, a, b, shift, u6(sf, amt)], asm);
  },
  addSubExtended: (R) => {
    const name = R.pick(["addExtended", "addsExtended", "subExtended", "subsExtended"] as const);
    const sf = R.bit(), Rd = R.reg(), Rn = R.reg(), Rm = R.reg(), imm3 = R.int(5) as 0 | 1 | 2 | 3 | 4;
    const option = (sf ? R.int(8) : R.pick([0, 1, 2, 4, 5, 6])) as E.Extend;
    const S = name.startsWith("adds") || name.startsWith("subs");
    const asm = `${name.replace("Extended", "")} ${S ? xr(sf, Rd) : xs(sf, Rd)}, ${xs(sf, Rn)}, ${xr(sf && (option & 3) === 3 ? 1 : 0, Rm)}, ${EXT[option]} #${imm3}`;
    return call(name, E[name], [sf, Rd, Rn, Rm, option, imm3], asm);
  },
  carry: (R) => {
    const name = R.pick(["adc", "adcs", "sbc", "sbcs", "ngc", "ngcs"] as const);
    const sf = R.bit(), Rd = R.reg(), Rn = R.reg(), Rm = R.reg();
    if (name === "ngc" || name === "ngcs") return call(name, E[name], [sf, Rd, Rm], `${name} ${xr(sf, Rd)}, ${xr(sf, Rm)}`);
    return call(name, E[name], [sf, Rd, Rn, Rm], `${name} ${xr(sf, Rd)}, ${xr(sf, Rn)}, ${xr(sf, Rm)}`);
  },
  dp2: (R) => {
    const name = R.pick(["udiv", "sdiv", "lslv", "lsrv", "asrv", "rorv", "lslReg", "lsrReg", "asrReg", "rorReg"] as const);
    const sf = R.bit(), Rd = R.reg(), Rn = R.reg(), Rm = R.reg();
    return call(name, E[name], [sf, Rd, Rn, Rm], `${name.replace("Reg", "")} ${xr(sf, Rd)}, ${xr(sf, Rn)}, ${xr(sf, Rm)}`);
  },
  dp1: (R) => {
    const name = R.pick(["rbit", "rev16", "rev32", "rev", "clz", "cls"] as const);
    const sf = name === "rev32" ? 1 : R.bit(), Rd = R.reg(), Rn = R.reg();
    if (name === "rev32") return call(name, E.rev32, [Rd, Rn], `rev32 ${xr(1, Rd)}, ${xr(1, Rn)}`);
    return call(name, E[name], [sf, Rd, Rn], `${name} ${xr(sf, Rd)}, ${xr(sf, Rn)}`);
  },
  dp3: (R) => {
    const Rd = R.reg(), Rn = R.reg(), Rm = R.reg(), Ra = R.reg(), sf = R.bit();
    const name = R.pick(["madd", "msub", "mul", "mneg", "smaddl", "smsubl", "umaddl", "umsubl", "smulh", "umulh", "smull", "umull", "smnegl", "umnegl"] as const);
    switch (name) {
      case "madd": case "msub":
        return call(name, E[name], [sf, Rd, Rn, Rm, Ra], `${name} ${xr(sf, Rd)}, ${xr(sf, Rn)}, ${xr(sf, Rm)}, ${xr(sf, Ra)}`);
      case "mul": case "mneg":
        return call(name, E[name], [sf, Rd, Rn, Rm], `${name} ${xr(sf, Rd)}, ${xr(sf, Rn)}, ${xr(sf, Rm)}`);
      case "smaddl": case "smsubl": case "umaddl": case "umsubl":
        return call(name, E[name], [Rd, Rn, Rm, Ra], `${name} ${xr(1, Rd)}, ${xr(0, Rn)}, ${xr(0, Rm)}, ${xr(1, Ra)}`);
      case "smulh": case "umulh":
        return call(name, E[name], [Rd, Rn, Rm], `${name} ${xr(1, Rd)}, ${xr(1, Rn)}, ${xr(1, Rm)}`);
      default:
        return call(name, E[name], [Rd, Rn, Rm], `${name} ${xr(1, Rd)}, ${xr(0, Rn)}, ${xr(0, Rm)}`);
    }
  },
};
