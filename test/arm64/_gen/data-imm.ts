/** @file Generators for isa/data-imm.ts: add/sub (immediate), adr/adrp. */
import * as E from "../../../src/arm64/index.ts";
import { call, tried, xr, xs, type Gen } from "./_util.ts";

const ADDS = { addImm: "add", addsImm: "adds", subImm: "sub", subsImm: "subs" } as const;

export const GEN: Record<string, Gen> = {
  addSubImm: (R) => {
    const name = R.pick(Object.keys(ADDS)) as keyof typeof ADDS;
    const sf = R.bit(), Rd = R.reg(), Rn = R.reg(), sh = R.bit();
    const imm = R.pick([0, 1, 4095, R.int(4096)]);
    const S = name.endsWith("sImm");
    const asm = `${ADDS[name]} ${S ? xr(sf, Rd) : xs(sf, Rd)}, ${xs(sf, Rn)}, #${imm}, lsl #${sh * 12}`;
    return call(name, E[name], [sf, Rd, Rn, tried("tryImm12", E.tryImm12, imm), sh], asm);
  },
  cmpImm: (R) => {
    const sf = R.bit(), Rn = R.reg(), imm = R.int(4096), cmn = R.bit();
    const name = cmn ? "cmnImm" : "cmpImm";
    return call(name, E[name], [sf, Rn, tried("tryImm12", E.tryImm12, imm), 0], `${cmn ? "cmn" : "cmp"} ${xs(sf, Rn)}, #${imm}`);
  },
  movSp: (R) => {
    const sf = R.bit(), a = R.reg(), toSp = R.bit();
    const [Rd, Rn] = toSp ? [31, a] : [a, 31];
    return call("movSp", E.movSp, [sf, Rd, Rn], `mov ${xs(sf, Rd)}, ${xs(sf, Rn)}`);
  },
  adr: (R) => {
    const Rd = R.reg(), page = R.bit();
    const imm = R.pick([0, -1, 1, R.range(-(1 << 20), (1 << 20) - 1)]);
    const name = page ? "adrp" : "adr";
    return call(name, E[name], [Rd, tried("tryImm21", E.tryImm21, imm)], `${name} ${xr(1, Rd)}, #${page ? imm * 4096 : imm}`);
  },
};
