/** @file Generators for isa/load-store.ts. Writeback forms avoid Rn == Rt (llvm-mc rejects them as unpredictable). */
import * as E from "../../../src/arm64/index.ts";
import { call, Expr, tried, type Gen, type Rng } from "./_util.ts";

const KINDS = Object.keys(E.LDST) as (keyof typeof E.LDST)[];
function mnem(k: string): string {
  if (k.includes("_")) return k.startsWith("STR") ? "str" : "ldr";
  return { STRB: "strb", LDRB: "ldrb", LDRSBX: "ldrsb", LDRSBW: "ldrsb", STRH: "strh", LDRH: "ldrh", LDRSHX: "ldrsh", LDRSHW: "ldrsh", STRW: "str", LDRW: "ldr", LDRSW: "ldrsw", STRX: "str", LDRX: "ldr" }[k]!;
}
function treg(k: string, n: number): string {
  if (k.includes("_")) return k.slice(-1).toLowerCase() + n;
  const x = /X$/.test(k) || k === "LDRSW";
  return n === 31 ? (x ? "xzr" : "wzr") : (x ? "x" : "w") + n;
}
const xsp = (n: number) => (n === 31 ? "sp" : "x" + n);
const kindExpr = (k: string) => new Expr(`LDST.${k}`, E.LDST[k as keyof typeof E.LDST]);
const regs = (R: Rng, wb: boolean, fp: boolean): [number, number] => {
  const Rt = R.reg();
  let Rn = R.reg();
  if (wb && !fp && Rn === Rt && Rn !== 31) Rn = (Rn + 1) % 31;
  return [Rt, Rn];
};

export const GEN: Record<string, Gen> = {
  uimm: (R) => {
    const k = R.pick(KINDS), size = E.accessSize(E.LDST[k]), [Rt, Rn] = regs(R, false, false);
    const off = size * R.pick([0, 1, 4095, R.int(4096)]);
    return call("ldstUimm", E.ldstUimm, [kindExpr(k), Rt, Rn, tried("tryUimm12s", E.tryUimm12s, size, off)], `${mnem(k)} ${treg(k, Rt)}, [${xsp(Rn)}, #${off}]`);
  },
  imm9: (R) => {
    const k = R.pick(KINDS), mode = R.pick(["ldstUnscaled", "ldstPre", "ldstPost"] as const), [Rt, Rn] = regs(R, mode !== "ldstUnscaled", k.includes("_"));
    const off = R.pick([0, -256, 255, R.range(-256, 255)]), m = mnem(k);
    const asm = mode === "ldstUnscaled" ? `${m.replace(/^ldr/, "ldur").replace(/^str/, "stur")} ${treg(k, Rt)}, [${xsp(Rn)}, #${off}]`
      : mode === "ldstPre" ? `${m} ${treg(k, Rt)}, [${xsp(Rn)}, #${off}]!` : `${m} ${treg(k, Rt)}, [${xsp(Rn)}], #${off}`;
    return call(mode, E[mode], [kindExpr(k), Rt, Rn, tried("trySimm9", E.trySimm9, off)], asm);
  },
  reg: (R) => {
    const k = R.pick(KINDS), [Rt, Rn] = regs(R, false, false), Rm = R.reg(), option = R.pick([2, 3, 6, 7]) as E.Extend, S = R.bit();
    const amt = S ? Math.log2(E.accessSize(E.LDST[k])) : 0;
    const ext = ["", "", "uxtw", "lsl", "", "", "sxtw", "sxtx"][option]!;
    const rm = (option & 1 ? "x" : "w") + (Rm === 31 ? "zr" : Rm);
    const tail = option === 3 ? (S ? `, lsl #${amt}` : "") : `, ${ext}${S ? ` #${amt}` : ""}`;
    const asm = `${mnem(k)} ${treg(k, Rt)}, [${xsp(Rn)}, ${rm}${tail}]`;
    return call("ldstReg", E.ldstReg, [kindExpr(k), Rt, Rn, Rm, option, S], asm);
  },
  pair: (R) => {
    const pk = R.pick(Object.keys(E.PAIR) as (keyof typeof E.PAIR)[]), kind = E.PAIR[pk], size = E.pairSize(kind);
    const mode = R.pick(pk === "LDPSW" ? (["offset", "pre", "post"] as const) : (["offset", "pre", "post", "nt"] as const));
    const fp = pk.includes("_"), load = pk.startsWith("LD");
    const c = fp ? pk.slice(-1).toLowerCase() : pk === "LDPSW" || pk.endsWith("X") ? "x" : "w";
    const Rt = R.reg();
    let Rt2 = R.reg();
    if (load && Rt2 === Rt) Rt2 = (Rt + 1) % 32;
    let Rn = R.reg();
    if (!fp && mode !== "offset" && mode !== "nt") while (Rn !== 31 && (Rn === Rt || Rn === Rt2)) Rn = (Rn + 1) % 32;
    const off = size * R.pick([0, -64, 63, R.range(-64, 63)]);
    const rr = (n: number) => (!fp && n === 31 ? c + "zr" : c + n);
    let m = pk.startsWith("LDPSW") ? "ldpsw" : load ? "ldp" : "stp";
    if (mode === "nt") m = m.replace("p", "np");
    const a = `${m} ${rr(Rt)}, ${rr(Rt2)}, `;
    const asm = mode === "pre" ? `${a}[${xsp(Rn)}, #${off}]!` : mode === "post" ? `${a}[${xsp(Rn)}], #${off}` : `${a}[${xsp(Rn)}, #${off}]`;
    return call("ldstPair", E.ldstPair, [new Expr(`PAIR.${pk}`, kind), mode, Rt, Rt2, Rn, tried("trySimm7s", E.trySimm7s, size, off)], asm);
  },
  literal: (R) => {
    const lk = R.pick(Object.keys(E.LIT) as (keyof typeof E.LIT)[]), Rt = R.reg();
    const off = 4 * R.pick([0, -1, R.range(-(2 ** 18), 2 ** 18 - 1)]);
    const reg = lk.includes("_") ? lk.slice(-1).toLowerCase() + Rt : (lk === "LDRW" ? "w" : "x") + (Rt === 31 ? "zr" : Rt);
    return call("ldrLiteral", E.ldrLiteral, [new Expr(`LIT.${lk}`, E.LIT[lk]), Rt, tried("tryPcOff", E.tryPcOff, 19, off)], `${lk === "LDRSW" ? "ldrsw" : "ldr"} ${reg}, #${off}`);
  },
};

const PRF = Object.keys(E.PRFOP) as (keyof typeof E.PRFOP)[];
/** A prfop: a named one mostly, sometimes a raw number (printed #n, or by name when it has one). */
function prfop(R: Rng, max = 32): [unknown, string] {
  if (R.int(4)) { const k = R.pick(PRF); return [new Expr(`PRFOP.${k}`, E.PRFOP[k]), k.toLowerCase()]; }
  const n = R.int(max);
  return [n, `#${n}`];
}

GEN.prfm = (R) => {
  const k = R.int(4), [op, name] = prfop(R, k === 2 ? 24 : 32), Rn = R.reg();
  if (k === 0) {
    const off = 8 * R.pick([0, 4095, R.int(4096)]);
    return call("prfmImm", E.prfmImm, [op, Rn, tried("tryUimm12s", E.tryUimm12s, 8, off)], `prfm ${name}, [${xsp(Rn)}, #${off}]`);
  }
  if (k === 1) {
    const off = R.pick([0, -256, 255, R.range(-256, 255)]);
    return call("prfum", E.prfum, [op, Rn, tried("trySimm9", E.trySimm9, off)], `prfum ${name}, [${xsp(Rn)}, #${off}]`);
  }
  if (k === 2) {
    const Rm = R.reg(), option = R.pick([2, 3, 6, 7]) as E.Extend, S = R.bit();
    const ext = ["", "", "uxtw", "lsl", "", "", "sxtw", "sxtx"][option]!, rm = (option & 1 ? "x" : "w") + (Rm === 31 ? "zr" : Rm);
    const tail = option === 3 ? (S ? ", lsl #3" : "") : `, ${ext}${S ? " #3" : ""}`;
    return call("prfmReg", E.prfmReg, [op, Rn, Rm, option, S], `prfm ${name}, [${xsp(Rn)}, ${rm}${tail}]`);
  }
  const off = 4 * R.pick([0, -1, R.range(-(2 ** 18), 2 ** 18 - 1)]);
  return call("prfmLiteral", E.prfmLiteral, [op, tried("tryPcOff", E.tryPcOff, 19, off)], `prfm ${name}, #${off}`);
};
