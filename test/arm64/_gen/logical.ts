/** @file Generators for isa/logical.ts, isa/move-wide.ts and isa/bitfield.ts. */
import * as E from "../../../src/arm64/index.ts";
import { call, tried, xr, xs, type Gen, type Rng } from "./_util.ts";

const SH = ["lsl", "lsr", "asr", "ror"] as const;

/** A value that is a valid bitmask immediate for sf (tries random structured values). */
function bitmask(R: Rng, sf: 0 | 1): bigint {
  for (;;) {
    const size = R.pick(sf ? [2, 4, 8, 16, 32, 64] : [2, 4, 8, 16, 32]);
    const ones = R.range(1, size - 1), rot = R.int(size);
    let e = (1n << BigInt(ones)) - 1n;
    const m = (1n << BigInt(size)) - 1n;
    e = ((e >> BigInt(rot)) | (e << BigInt(size - rot))) & m;
    let v = 0n;
    for (let i = 0; i < (sf ? 64 : 32); i += size) v |= e << BigInt(i);
    if (E.tryLogicalImm(sf, v) !== undefined) return v;
  }
}

const LOGI = { andImm: "and", orrImm: "orr", eorImm: "eor", andsImm: "ands" } as const;
const LOGS = {
  andShifted: "and", bicShifted: "bic", orrShifted: "orr", ornShifted: "orn",
  eorShifted: "eor", eonShifted: "eon", andsShifted: "ands", bicsShifted: "bics",
} as const;

const lim = (sf: number) => (sf ? 64 : 32);
const u6 = (sf: 0 | 1, x: number) => tried("tryUimm6", E.tryUimm6, sf, x);
const range = (sf: 0 | 1, lsb: number, w: number) => tried("tryBitRange", E.tryBitRange, sf, lsb, w);
function lw(R: Rng, sf: 0 | 1): [number, number] {
  const lsb = R.int(lim(sf));
  return [lsb, R.range(1, lim(sf) - lsb)];
}

export const GEN: Record<string, Gen> = {
  logicalImm: (R) => {
    const name = R.pick(Object.keys(LOGI)) as keyof typeof LOGI;
    const sf = R.bit(), Rd = R.reg(), Rn = R.reg(), v = bitmask(R, sf);
    const asm = `${LOGI[name]} ${name === "andsImm" ? xr(sf, Rd) : xs(sf, Rd)}, ${xr(sf, Rn)}, #0x${v.toString(16)}`;
    return call(name, E[name], [sf, Rd, Rn, tried("tryLogicalImm", E.tryLogicalImm, sf, v)], asm);
  },
  logicalImmAlias: (R) => {
    const sf = R.bit(), Rd = R.reg(), v = bitmask(R, sf), tst = R.bit();
    const imm = tried("tryLogicalImm", E.tryLogicalImm, sf, v);
    if (tst) return call("tstImm", E.tstImm, [sf, Rd, imm], `tst ${xr(sf, Rd)}, #0x${v.toString(16)}`);
    return call("movBitmask", E.movBitmask, [sf, Rd, imm], `orr ${xs(sf, Rd)}, ${xr(sf, 31)}, #0x${v.toString(16)}`);
  },
  logicalShifted: (R) => {
    const name = R.pick(Object.keys(LOGS)) as keyof typeof LOGS;
    const sf = R.bit(), Rd = R.reg(), Rn = R.reg(), Rm = R.reg(), shift = R.int(4) as E.Shift;
    const amt = R.pick([0, R.int(lim(sf))]);
    const asm = `${LOGS[name]} ${xr(sf, Rd)}, ${xr(sf, Rn)}, ${xr(sf, Rm)}, ${SH[shift]} #${amt}`;
    return call(name, E[name], [sf, Rd, Rn, Rm, shift, u6(sf, amt)], asm);
  },
  logicalAlias: (R) => {
    const sf = R.bit(), a = R.reg(), b = R.reg(), k = R.int(3), shift = R.int(4) as E.Shift, amt = R.int(lim(sf));
    if (k === 0) return call("movReg", E.movReg, [sf, a, b], `mov ${xr(sf, a)}, ${xr(sf, b)}`);
    if (k === 1) return call("mvn", E.mvn, [sf, a, b, shift, u6(sf, amt)], `mvn ${xr(sf, a)}, ${xr(sf, b)}, ${SH[shift]} #${amt}`);
    return call("tstShifted", E.tstShifted, [sf, a, b, shift, u6(sf, amt)], `tst ${xr(sf, a)}, ${xr(sf, b)}, ${SH[shift]} #${amt}`);
  },
  moveWide: (R) => {
    const name = R.pick(["movz", "movn", "movk"] as const);
    const sf = R.bit(), Rd = R.reg(), imm = R.pick([0, 0xffff, R.int(65536)]), shift = 16 * R.int(sf ? 4 : 2);
    const asm = `${name} ${xr(sf, Rd)}, #${imm}, lsl #${shift}`;
    return call(name, E[name], [sf, Rd, tried("tryImm16", E.tryImm16, imm), tried("tryHw", E.tryHw, sf, shift)], asm);
  },
  bitfield: (R) => {
    const name = R.pick(["sbfm", "bfm", "ubfm"] as const);
    const sf = R.bit(), Rd = R.reg(), Rn = R.reg(), immr = R.int(lim(sf)), imms = R.pick([0, 7, 15, 31, lim(sf) - 1, R.int(lim(sf))]);
    return call(name, E[name], [sf, Rd, Rn, u6(sf, immr), u6(sf, imms)], `${name} ${xr(sf, Rd)}, ${xr(sf, Rn)}, #${immr}, #${imms}`);
  },
  bitfieldAlias: (R) => {
    const sf = R.bit(), Rd = R.reg(), Rn = R.reg();
    const name = R.pick(["asrImm", "lsrImm", "lslImm", "sbfx", "ubfx", "sbfiz", "ubfiz", "bfi", "bfxil", "bfc", "sxtb", "sxth", "sxtw", "uxtb", "uxth"] as const);
    const m = name.replace("Imm", "");
    if (name === "asrImm" || name === "lsrImm" || name === "lslImm") {
      const s = R.int(lim(sf));
      return call(name, E[name], [sf, Rd, Rn, u6(sf, s)], `${m} ${xr(sf, Rd)}, ${xr(sf, Rn)}, #${s}`);
    }
    if (name === "sxtb" || name === "sxth") return call(name, E[name], [sf, Rd, Rn], `${m} ${xr(sf, Rd)}, ${xr(0, Rn)}`);
    if (name === "sxtw") return call(name, E[name], [Rd, Rn], `sxtw ${xr(1, Rd)}, ${xr(0, Rn)}`);
    if (name === "uxtb" || name === "uxth") return call(name, E[name], [Rd, Rn], `${m} ${xr(0, Rd)}, ${xr(0, Rn)}`);
    const [lsb, w] = lw(R, sf);
    if (name === "bfc") return call(name, E.bfc, [sf, Rd, range(sf, lsb, w)], `bfc ${xr(sf, Rd)}, #${lsb}, #${w}`);
    return call(name, E[name], [sf, Rd, Rn, range(sf, lsb, w)], `${m} ${xr(sf, Rd)}, ${xr(sf, Rn)}, #${lsb}, #${w}`);
  },
  extr: (R) => {
    const sf = R.bit(), Rd = R.reg(), Rn = R.reg(), Rm = R.pick([Rn, R.reg()]), s = R.int(lim(sf));
    if (R.bit()) return call("rorImm", E.rorImm, [sf, Rd, Rn, u6(sf, s)], `ror ${xr(sf, Rd)}, ${xr(sf, Rn)}, #${s}`);
    return call("extr", E.extr, [sf, Rd, Rn, Rm, u6(sf, s)], `extr ${xr(sf, Rd)}, ${xr(sf, Rn)}, ${xr(sf, Rm)}, #${s}`);
  },
};
