/**
 * @file x86 stage: compiles the table rows into flat lookup tables (about 250 ms), for
 * `scripts/gen-x86-tables.ts`, which serialises them into the checked-in `_generated.ts` that
 * `_load.ts` reads at run time; the decoder never imports the rows. test/x86/tables-generated.test.ts
 * fails when the rows and `_generated.ts` disagree.
 *
 * Entry: the row texts of every opcode map. Exit: `Tables`, all typed arrays: per form its
 * mnemonic, operand descriptors and immediate layout; per opcode space a 256-entry root into a
 * decision tree (`nodes`) that switches on mode, mandatory prefix, W, L, ModRM.mod/reg/rm,
 * address size and REX.B until a leaf holds the 16/32/64-bit operand-size forms. Where several
 * rows match, the most specific row wins (a `/0` row beats a `/r` row, an F3 row beats a row with
 * no prefix); two equally specific rows are a table bug and throw here.
 *
 *   const t = buildTables(); t.nodes[t.root[SP.PRIMARY * 256 + 0x01]] // → N.LEAF
 */
import { parseRows, SP, S, type Form } from "./_schema.ts";
import { regByName, RC } from "../regs.ts";
import { PRIMARY } from "./primary.ts";
import { X87 } from "./x87.ts";
import { M0F } from "./map-0f.ts";
import { SSE_0F } from "./sse-0f.ts";
import { M0F38, M0F3A } from "./map-0f38-0f3a.ts";
import { VEX_0F } from "./vex-0f.ts";
import { VEX_0F38, VEX_0F3A } from "./vex-0f38-0f3a.ts";
import { EVEX_0F } from "./evex-0f.ts";
import { EVEX_0F38_A } from "./evex-0f38.ts";
import { EVEX_0F38_B, EVEX_0F3A } from "./evex-0f38b-0f3a.ts";
import { EVEX_FP16 } from "./evex-fp16.ts";
import { XOP_ROWS, D3NOW_ROWS } from "./xop-3dnow.ts";
import { N, LF, FF, TABLE_ARRAYS, type Tables } from "./_load.ts";
import { fastFormInfo } from "./_fast.ts";

export { TABLE_ARRAYS };

const DIMS = ["mode", "pfx", "w", "l", "mod", "reg", "rm", "asz", "nob"] as const;
type Dim = (typeof DIMS)[number];
const VALUES: Record<Dim, number[]> = {
  mode: [1, 2], pfx: [0, 1, 2, 3], w: [0, 1], l: [0, 1, 2, 3], mod: [0, 1], reg: [0, 1, 2, 3, 4, 5, 6, 7],
  rm: [0, 1, 2, 3, 4, 5, 6, 7], asz: [16, 32, 64], nob: [0, 1],
};
const NODE_TYPE: Record<Dim, number> = { mode: N.MODE, pfx: N.PFX, w: N.W, l: N.L, mod: N.MOD, reg: N.REG, rm: N.RM, asz: N.ASZ, nob: N.NOB };

/** All table texts, in map order. Exported for tests and the vector script. */
export const TABLE_TEXTS: Array<[string, string]> = [
  ["primary", PRIMARY], ["x87", X87], ["0f", M0F], ["sse-0f", SSE_0F], ["0f38", M0F38], ["0f3a", M0F3A],
  ["vex-0f", VEX_0F], ["vex-0f38", VEX_0F38], ["vex-0f3a", VEX_0F3A], ["evex-0f", EVEX_0F], ["evex-0f38", EVEX_0F38_A], ["evex-0f38b", EVEX_0F38_B], ["evex-0f3a", EVEX_0F3A], ["evex-fp16", EVEX_FP16], ["xop", XOP_ROWS], ["3dnow", D3NOW_ROWS],
];

function specificity(f: Form): number {
  let s = 0;
  // A mandatory prefix outranks any ModRM condition; operand size only breaks ties.
  for (const d of DIMS) if (f[d] !== -1 && !(d === "mode" && f.mode === 0)) s += d === "pfx" ? 4 : 2;
  return s + (f.osz !== -1 ? 1 : 0);
}

/** Compile every row (slow: for the generator script and its test). */
export function buildTables(): Tables & { forms: Form[] } {
  const forms: Form[] = [];
  for (const [name, text] of TABLE_TEXTS) forms.push(...parseRows(name, text, regByName));
  const all: Form[] = [{ ...forms[0]!, id: "INVALID", mnemonic: "(bad)", ops: [] }, ...forms];
  const mnemonics = ["(bad)"];
  const mIndex = new Map<string, number>([["(bad)", 0]]);
  const n = all.length;
  const t: Tables & { forms: Form[] } = {
    forms: all, formIds: all.map((f) => f.id), mnemonics,
    formMnem: new Uint16Array(n), formOpCount: new Uint8Array(n), formFlags: new Uint32Array(n), formFlow: new Uint8Array(n),
    formImm1: new Uint8Array(n), formImm2: new Uint8Array(n), formImmExt: new Uint8Array(n), formDispN: new Uint8Array(n),
    opSrc: new Uint8Array(n * 5), opCls: new Int16Array(n * 5), opSize: new Uint16Array(n * 5), opExt: new Uint8Array(n * 5),
    root: new Int32Array(SP.COUNT * 256), hasModrm: new Uint8Array(SP.COUNT * 256), nodes: new Int32Array(0),
    formFast: new Int32Array(0), formFastOps: new Int32Array(0),
  };
  for (let f = 1; f < n; f++) {
    const form = all[f]!;
    let m = mIndex.get(form.mnemonic);
    if (m === undefined) {
      m = mnemonics.length;
      mnemonics.push(form.mnemonic);
      mIndex.set(form.mnemonic, m);
    }
    t.formMnem[f] = m;
    t.formOpCount[f] = form.ops.length;
    t.formFlow[f] = form.flow;
    t.formDispN[f] = form.dispN;
    const e = form.evex;
    let flags = (e.k ? FF.EK : 0) | (e.z ? FF.EZ : 0) | (e.er || e.sae ? FF.ERSAE : 0) | (e.bcst ? FF.EBCST : 0) | (form.nocs ? FF.NOCS : 0) | (form.distinct ? FF.DISTINCT : 0) | (form.distinct3 ? FF.DISTINCT3 : 0) | (form.norep ? FF.NOREP : 0) | (form.no66 ? FF.NO66 : 0) | (form.kreq ? FF.KREQ : 0) | (form.lock ? FF.LOCK : 0) | (form.rep ? FF.REP : 0) | (form.repe ? FF.REPE : 0);
    let imms = 0;
    for (const [k, o] of form.ops.entries()) {
      t.opSrc[f * 5 + k] = o.src;
      t.opCls[f * 5 + k] = o.cls;
      t.opSize[f * 5 + k] = o.size;
      t.opExt[f * 5 + k] = o.ext;
      if (o.src === S.VVVV) flags |= FF.VVVV;
      if (o.src === S.IS4) flags |= FF.IS4;
      if (o.src === S.MOFFS) flags |= FF.MOFFS;
      if (o.src === S.REL) flags |= FF.REL;
      if (o.src === S.CONST1) flags |= FF.CONST1;
      if (o.src === S.FAR) flags |= FF.FAR;
      if (o.spelling === "imm4") flags |= FF.IMM4;
      // Gathers: the destination register must differ from the VSIB index (and, with VEX, from the mask).
      if (o.src === S.VSIB) flags |= FF.VSIB;
      if (o.src === S.VSIB && k === 1 && form.ops[0]!.src === S.REG) flags |= FF.VSIBREG;
      if (o.src === S.IMM && imms === 0) t.formImmExt[f] = o.ext;
      if (o.src === S.IMM || o.src === S.REL || o.src === S.FAR) {
        if (imms++ === 0) t.formImm1[f] = o.size;
        else t.formImm2[f] = o.size;
      } else if (o.src === S.IMM2) t.formImm2[f] = o.size;
    }
    if (form.ops.some((o) => opCanReject(o.src, o.cls, form.space)) || flags & (FF.DISTINCT | FF.VSIBREG)) flags |= FF.OPCHECK;
    // is4 and 3DNow!'s opcode live in an imm8 that no operand names.
    if (flags & FF.IS4 && imms === 0) t.formImm1[f] = 1;
    if (/(^|\s)ib(\s|$)/.test(form.opcode) && form.space >= SP.VEX1 && imms === 0 && !(flags & FF.IS4)) t.formImm1[f] = 1;
    t.formFlags[f] = flags;
  }
  // Group forms by opcode space and byte, then build each tree.
  const groups = new Map<number, number[]>();
  for (let f = 1; f < n; f++) {
    for (let i = 0; i < (all[f]!.opreg ? 8 : 1); i++) {
      const key = all[f]!.space * 256 + all[f]!.op + i;
      const g = groups.get(key);
      if (g) g.push(f);
      else groups.set(key, [f]);
    }
  }
  const nodes: number[] = [N.INVALID];
  const memo = new Map<string, number>();
  const leaf = (ids: number[]): number => {
    const slots = [16, 32, 64].map((osz) => pick(all, ids.filter((f) => all[f]!.osz === osz || all[f]!.osz === -1)));
    if (!slots[2] && slots[1] && all[slots[1]]!.osz === 32) slots[2] = slots[1];
    if (!slots.some(Boolean)) return 0;
    const f0 = all[slots.find(Boolean)!]!;
    const key = `L${slots.join(",")}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const at = nodes.length;
    const m66 = slots.some((s) => s && all[s]!.pfx === 1 && all[s]!.space < SP.VEX1);
    nodes.push(N.LEAF, slots[0] ?? 0, slots[1] ?? 0, slots[2] ?? 0, (f0.d64 ? LF.D64 : 0) | (f0.f64 ? LF.F64 : 0) | (m66 ? LF.M66 : 0));
    memo.set(key, at);
    return at;
  };
  const tree = (ids: number[], d: number): number => {
    if (ids.length === 0) return 0;
    if (d === DIMS.length) return leaf(ids);
    const dim = DIMS[d]!;
    const constrained = ids.some((f) => (dim === "mode" ? all[f]!.mode !== 0 : all[f]![dim] !== -1));
    if (!constrained) return tree(ids, d + 1);
    const children = VALUES[dim].map((v) =>
      tree(ids.filter((f) => {
        const x = all[f]![dim];
        return dim === "mode" ? x === 0 || x === v : x === -1 || x === v;
      }), d + 1));
    const key = `${dim}:${children.join(",")}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const at = nodes.length;
    nodes.push(NODE_TYPE[dim], ...children);
    memo.set(key, at);
    return at;
  };
  for (const [key, ids] of groups) {
    const modrm = ids.map((f) => all[f]!.modrm);
    if (modrm.some((x) => x !== modrm[0])) throw new Error(`x86 tables: opcode ${key.toString(16)} mixes ModRM and no ModRM`);
    t.hasModrm[key] = modrm[0] ? (all[ids[0]!]!.modx ? 2 : 1) : 0;
    t.root[key] = tree(ids, 0);
  }
  // 3DNow!'s opcode is its last byte: every entry of that space has a ModRM.
  t.hasModrm.fill(1, SP.D3NOW * 256, SP.D3NOW * 256 + 256);
  t.nodes = Int32Array.from(nodes);
  ({ formFast: t.formFast, formFastOps: t.formFastOps } = fastFormInfo(t));
  return t;
}

/**
 * Whether decoding this operand can reject the encoding: register classes with unencodable
 * numbers (segment 6/7, CR/DR/K/BND/TMM), GPRs under EVEX (R'/V' reach 16-31), SIB-only and
 * VSIB memory. Mirrors the `-1` entries of the decoder's REGS table and its S_SIBMEM/S_VSIB cases.
 */
function opCanReject(src: number, cls: number, space: number): boolean {
  if (src === S.SIBMEM || src === S.VSIB) return true;
  if (src !== S.REG && src !== S.RM && src !== S.RMREG && src !== S.VVVV) return false;
  if (cls >= RC.GPR8 && cls <= RC.GPR64) return space >= SP.EVEX1 && space <= SP.EVEX6;
  return cls === RC.SEG || cls === RC.CR || cls === RC.DR || cls === RC.K || cls === RC.BND || cls === RC.TMM;
}

/** Most specific of the candidate forms; a tie between different forms is a table bug. */
function pick(all: Form[], ids: number[]): number | undefined {
  let best: number | undefined;
  let bestS = -1;
  let tie = false;
  for (const f of ids) {
    const s = specificity(all[f]!);
    if (s > bestS) [best, bestS, tie] = [f, s, false];
    else if (s === bestS) tie = true;
  }
  if (tie) {
    const names = ids.filter((f) => specificity(all[f]!) === bestS).map((f) => `${all[f]!.id} (${all[f]!.opcode})`);
    throw new Error(`x86 tables: ambiguous rows ${names.join(" / ")}`);
  }
  return best;
}
