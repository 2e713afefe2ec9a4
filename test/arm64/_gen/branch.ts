/** @file Generators for isa/branch.ts. Offsets in the asm are relative (`b #16`), as llvm-mc takes them. */
import * as E from "../../../src/arm64/index.ts";
import { call, tried, xr, type Gen, type Rng } from "./_util.ts";

const off = (R: Rng, bits: number) => 4 * R.pick([0, 1, -1, R.range(-(2 ** (bits - 1)), 2 ** (bits - 1) - 1)]);
const pc = (bits: number, o: number) => tried("tryPcOff", E.tryPcOff, bits, o);

export const GEN: Record<string, Gen> = {
  b: (R) => {
    const o = off(R, 26), name = R.pick(["b", "bl"] as const);
    return call(name, E[name], [pc(26, o)], `${name} #${o}`);
  },
  bCond: (R) => {
    const o = off(R, 19), c = R.int(16);
    return call("bCond", E.bCond, [c, pc(19, o)], `b.${E.COND_NAMES[c]} #${o}`);
  },
  cbz: (R) => {
    const o = off(R, 19), name = R.pick(["cbz", "cbnz"] as const), sf = R.bit(), Rt = R.reg();
    return call(name, E[name], [sf, Rt, pc(19, o)], `${name} ${xr(sf, Rt)}, #${o}`);
  },
  tbz: (R) => {
    const o = off(R, 14), name = R.pick(["tbz", "tbnz"] as const), bit = R.int(64), Rt = R.reg();
    return call(name, E[name], [Rt, tried("tryUimm6", E.tryUimm6, 1, bit), pc(14, o)], `${name} ${xr(bit >= 32 ? 1 : 0, Rt)}, #${bit}, #${o}`);
  },
  branchReg: (R) => {
    const name = R.pick(["br", "blr", "ret"] as const), Rn = R.reg();
    return call(name, E[name], [Rn], `${name} ${xr(1, Rn)}`);
  },
};
