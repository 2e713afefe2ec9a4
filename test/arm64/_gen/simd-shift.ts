/** @file Generators for isa/simd-shift.ts. */
import * as E from "../../../src/arm64/index.ts";
import { call, Expr, tried, type Gen, type Rng } from "./_util.ts";

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["1d", "2d"]] as const;
const L = "bhsd";
const key = <T extends object>(R: Rng, o: T): keyof T & string => R.pick(Object.keys(o) as (keyof T & string)[]);
/** A shift amount for lanes of `size`: the edges often, otherwise anything valid. */
const amount = (R: Rng, size: number, right: boolean): number => {
  const esize = 8 << size;
  return right ? R.pick([1, esize, R.range(1, esize)]) : R.pick([0, esize - 1, R.range(0, esize - 1)]);
};
const vs = (size: number, right: boolean, n: number) => tried("tryVecShift", E.tryVecShift, size, right ? "right" : "left", n);

export const GEN: Record<string, Gen> = {
  shift: (R) => {
    const k = key(R, E.SHIFT_IMM), op = E.SHIFT_IMM[k], right = E.isRightShift(op), Q = R.bit(), size = R.int(Q ? 4 : 3);
    const n = amount(R, size, right), a = ARR[size]![Q]!, d = R.int(32), s = R.int(32);
    return call("shiftImm", E.shiftImm, [new Expr(`SHIFT_IMM.${k}`, op), Q, vs(size, right, n), d, s], `${k.toLowerCase()} v${d}.${a}, v${s}.${a}, #${n}`);
  },
  shiftScalar: (R) => {
    const k = key(R, E.SHIFT_IMM), op = E.SHIFT_IMM[k], right = E.isRightShift(op), size = /^(SQ|UQ)SHL/.test(k) ? R.int(4) : 3;
    const n = amount(R, size, right), d = R.int(32), s = R.int(32);
    return call("shiftImmScalar", E.shiftImmScalar, [new Expr(`SHIFT_IMM.${k}`, op), vs(size, right, n), d, s], `${k.toLowerCase()} ${L[size]}${d}, ${L[size]}${s}, #${n}`);
  },
  narrow: (R) => {
    const k = key(R, E.SHIFT_NARROW), size = R.int(3), n = amount(R, size, true), d = R.int(32), s = R.int(32), Q = R.bit();
    if (!/^(SHRN|RSHRN)$/.test(k) && R.int(3) === 0) {
      return call("shiftNarrowScalar", E.shiftNarrowScalar, [new Expr(`SHIFT_NARROW.${k}`, E.SHIFT_NARROW[k]), vs(size, true, n), d, s], `${k.toLowerCase()} ${L[size]}${d}, ${L[size + 1]}${s}, #${n}`);
    }
    return call("shiftNarrow", E.shiftNarrow, [new Expr(`SHIFT_NARROW.${k}`, E.SHIFT_NARROW[k]), Q, vs(size, true, n), d, s],
      `${k.toLowerCase()}${Q ? "2" : ""} v${d}.${ARR[size]![Q]}, v${s}.${ARR[size + 1]![1]}, #${n}`);
  },
  long: (R) => {
    const Q = R.bit(), size = R.int(3) as 0 | 1 | 2, d = R.int(32), s = R.int(32), u = R.bit(), two = Q ? "2" : "";
    const tail = `v${d}.${ARR[size + 1]![1]}, v${s}.${ARR[size]![Q]}`;
    if (R.int(3) === 0) return call(u ? "uxtl" : "sxtl", u ? E.uxtl : E.sxtl, [Q, size, d, s], `${u ? "uxtl" : "sxtl"}${two} ${tail}`);
    const n = amount(R, size, false), name = u ? "ushll" : "sshll";
    return call(name, E[name], [Q, vs(size, false, n), d, s], `${name}${two} ${tail}, #${n}`);
  },
  fixed: (R) => {
    const k = key(R, E.FIXED), size = R.range(2, 3), n = amount(R, size, true), d = R.int(32), s = R.int(32);
    if (R.int(3) === 0) return call("fixedScalar", E.fixedScalar, [new Expr(`FIXED.${k}`, E.FIXED[k]), vs(size, true, n), d, s], `${k.toLowerCase()} ${L[size]}${d}, ${L[size]}${s}, #${n}`);
    const Q = size === 3 ? 1 : R.bit(), a = ARR[size]![Q]!;
    return call("fixedVec", E.fixedVec, [new Expr(`FIXED.${k}`, E.FIXED[k]), Q, vs(size, true, n), d, s], `${k.toLowerCase()} v${d}.${a}, v${s}.${a}, #${n}`);
  },
  modImm: (R) => {
    const kind = R.pick(["movi", "mvni", "orr", "bic"] as const), Q = R.bit(), d = R.int(32), imm8 = R.pick([0, 255, R.int(256)]);
    const lane = kind === "movi" ? R.pick([8, 16, 32] as const) : R.pick([16, 32] as const);
    const msl = lane === 32 && (kind === "movi" || kind === "mvni") && R.int(3) === 0;
    const shift = lane === 8 ? 0 : msl ? R.pick([8, 16]) : lane === 16 ? R.pick([0, 8]) : R.pick([0, 8, 16, 24]);
    const a = lane === 8 ? ARR[0][Q] : lane === 16 ? ARR[1][Q] : ARR[2][Q];
    const m = tried("tryModImm", E.tryModImm, kind, lane, imm8, shift, msl);
    return call("movi", E.movi, [Q, d, m], `${kind} v${d}.${a}, #${imm8}${msl ? `, msl #${shift}` : shift || R.bit() ? `, lsl #${shift}` : ""}`.replace(/^(movi v\d+\.(8b|16b), #\d+), lsl #0$/, "$1"));
  },
  moviMask: (R) => {
    let v = 0n;
    for (let i = 0; i < 8; i++) if (R.bit()) v |= 0xffn << BigInt(8 * i);
    if (R.int(5) === 0) v = 0n;
    const d = R.int(32), m = tried("tryByteMask64", E.tryByteMask64, v), hex = "0x" + v.toString(16);
    if (R.bit()) return call("moviD", E.moviD, [d, m], `movi d${d}, #${hex}`);
    return call("moviV2d", E.moviV2d, [d, m], `movi v${d}.2d, #${hex}`);
  },
  fmovVec: (R) => {
    const sz = R.bit(), Q = sz ? 1 : R.bit(), d = R.int(32), x = E.fpImm8Value(R.int(256));
    return call("fmovVecImm", E.fmovVecImm, [Q, sz, d, tried("tryFpImm8", E.tryFpImm8, x)], `fmov v${d}.${sz ? "2d" : Q ? "4s" : "2s"}, #${x}`);
  },
};
