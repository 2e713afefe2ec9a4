/** @file Generators for isa/simd-mem.ts. */
import * as E from "../../../src/arm64/index.ts";
import { call, Expr, type Gen, type Rng } from "./_util.ts";

const ARR = [["8b", "16b"], ["4h", "8h"], ["2s", "4s"], ["1d", "2d"]] as const;
const xsp = (n: number) => (n === 31 ? "sp" : "x" + n);
const list = (Rt: number, n: number, t: string) => `{ ${Array.from({ length: n }, (_, i) => `v${(Rt + i) & 31}.${t}`).join(", ")} }`;
/** Post-index register: 31 (immediate) half the time; llvm-mc rejects xzr there. */
const postReg = (R: Rng) => (R.bit() ? 31 : R.int(31));

export const GEN: Record<string, Gen> = {
  multi: (R) => {
    const k = R.pick(Object.keys(E.STRUCT) as (keyof typeof E.STRUCT)[]), op = E.STRUCT[k], regs = E.structRegs(op), L = R.bit(), Q = R.bit();
    const size = (k.startsWith("ONE") || Q ? R.int(4) : R.int(3)) as 0 | 1 | 2 | 3, t = ARR[size][Q], Rt = R.int(32), Rn = R.reg();
    const m = `${L ? "ld" : "st"}${k.startsWith("ONE") ? 1 : regs} ${list(Rt, regs, t)}, [${xsp(Rn)}]`;
    if (R.bit()) return call("ldstMulti", E.ldstMulti, [L, new Expr(`STRUCT.${k}`, op), Q, size, Rt, Rn], m);
    const Rm = postReg(R);
    return call("ldstMultiPost", E.ldstMultiPost, [L, new Expr(`STRUCT.${k}`, op), Q, size, Rt, Rn, Rm], `${m}, ${Rm === 31 ? `#${regs * (Q ? 16 : 8)}` : `x${Rm}`}`);
  },
  lane: (R) => {
    const L = R.bit(), size = R.int(4) as 0 | 1 | 2 | 3, i = R.int(16 >> size), Rt = R.int(32), Rn = R.reg();
    const m = `${L ? "ld1" : "st1"} { v${Rt}.${"bhsd"[size]} }[${i}], [${xsp(Rn)}]`;
    if (R.bit()) return call("ldstLane", E.ldstLane, [L, size, i, Rt, Rn], m);
    const Rm = postReg(R);
    return call("ldstLanePost", E.ldstLanePost, [L, size, i, Rt, Rn, Rm], `${m}, ${Rm === 31 ? `#${1 << size}` : `x${Rm}`}`);
  },
  ld1r: (R) => {
    const Q = R.bit(), size = R.int(4) as 0 | 1 | 2 | 3, Rt = R.int(32), Rn = R.reg(), m = `ld1r { v${Rt}.${ARR[size][Q]} }, [${xsp(Rn)}]`;
    if (R.bit()) return call("ld1r", E.ld1r, [Q, size, Rt, Rn], m);
    const Rm = postReg(R);
    return call("ld1rPost", E.ld1rPost, [Q, size, Rt, Rn, Rm], `${m}, ${Rm === 31 ? `#${1 << size}` : `x${Rm}`}`);
  },
};
