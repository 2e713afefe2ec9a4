/**
 * @file x86 stage: the row schema. Each table file is data: lines of
 * `opcode column | instruction column | extras`, transcribed from the Intel SDM (Vol. 2), one row
 * per form. `parseRows` turns them into `Form`s (conditions + operand descriptors) that
 * `_build.ts` compiles into lookup tables once.
 *
 * Rows use the SDM spelling. Two Appendix-A conveniences keep families on one line: a `v` size
 * (`r/mv`, `rv`, `rAX`, `moffsv`, `m16:v`) expands to the 16/32/64-bit forms and `z` (`immz`,
 * `relz`) to 16/32/32 bits; each expansion is its own form.
 *
 * Extras (space separated): `lock` `rep` `repe` (prefix legality), `i64` (invalid in 64-bit
 * mode), `o64` (64-bit only), `d64` (default 64-bit operand size), `f64` (64-bit operand size
 * forced), `os16|os32|os64` (form needs that operand size), `sx` (imm8 sign-extends), `a=rw,r`
 * (operand access: r, w, rw, or - for one not accessed, as LEA's m), `am=w,r` (the access when the
 * r/m operand is memory, where it differs: MOVSS xmm, m32 zero-extends, the register form merges), `fr= fw= fu= f0= f1=` (rflags read/written/undefined/cleared/set, iced's
 * letters o s z a c p d i, `A` AC, `t` TF), `cf=jmp|jcc|call|ret|jmpi|calli|int|stop|xbegin|far`,
 * `imp=r:eax,w:edx` (implied operands), `osx` (expand to 16/32/64 forms with no `v` operand),
 * `as16|as32|as64` (form needs that address size), `sem=KEY`, `id=Form_id`, `en=RVMI` (operand encoding when
 * the default order is wrong), `n=N` (EVEX disp8 scale), `distinct` (destination differs from the sources), `distinct3` (all three registers differ: AMX), `norep` (F2/F3 make it invalid), `no66` (66 makes it invalid), `kreq` (EVEX mask register required), `nob` (NOP: only without REX.B), `modx` (ModRM.mod ignored), `l0`/`w0`/`w1` (VEX.L / W).
 *
 *   parseRows("primary", "01 /r | ADD r/mv, rv | lock a=rw,r fw=oszacp")
 *   // → forms Add_rm16_r16, Add_rm32_r32, Add_rm64_r64
 */
import { RC } from "../regs.ts";
import { FLOW } from "../insn.ts";

/** Opcode spaces: one 256-entry root per space. */
export const SP = {
  PRIMARY: 0, M0F: 1, M0F38: 2, M0F3A: 3, VEX1: 4, VEX2: 5, VEX3: 6, EVEX1: 7, EVEX2: 8, EVEX3: 9,
  EVEX5: 10, EVEX6: 11, XOP8: 12, XOP9: 13, XOPA: 14, D3NOW: 15, COUNT: 16,
} as const;

/** Where an operand comes from. */
export const S = {
  REG: 1, RM: 2, MEM: 3, RMREG: 4, VVVV: 5, OPREG: 6, IS4: 7, FIXED: 8, IMM: 9, IMM2: 10, REL: 11,
  FAR: 12, MOFFS: 13, STR_SI: 14, STR_DI: 15, XLAT: 16, STI: 17, CONST1: 18, VSIB: 19, MIB: 20, SEG_DI: 21, SIBMEM: 22,
} as const;

export interface OpDesc {
  src: number;
  /** Register class (REG/RM/VVVV/...), or for FIXED the register id. */
  cls: number;
  /** Memory size in bytes (0 = unsized). For IMM/REL/FAR: bytes in the instruction stream. */
  size: number;
  /** IMM: width the immediate is sign-extended to (0 = none). VSIB: index register class. */
  ext: number;
  spelling: string;
}

export interface Form {
  id: string;
  mnemonic: string;
  sem: string;
  opcode: string;
  instr: string;
  space: number;
  op: number;
  /** Conditions; -1 = any. pfx: 0 none, 1 66, 2 F3, 3 F2. mod: 0 memory, 1 register. mode: 1 not 64-bit, 2 64-bit only. */
  pfx: number; w: number; l: number; mod: number; reg: number; rm: number; osz: number; mode: number; nob: number; asz: number;
  modrm: boolean;
  /** MOV to/from CR/DR: ModRM.mod is ignored and the r/m field always names a register. */
  modx: boolean;
  /** `+rb/+rw/+rd/+ro/+i`: the row covers the 8 opcodes op..op+7. */
  opreg: boolean;
  /** MOV Sreg, r/m: CS is not a valid destination. */
  nocs: boolean;
  ops: OpDesc[];
  lock: boolean; rep: boolean; repe: boolean; d64: boolean; f64: boolean;
  /** EVEX decorations the SDM spells on the operands: `{k1}` masking, `{z}` zeroing, `{er}` / `{sae}`, `/mNNbcst` broadcast. */
  evex: { k: boolean; z: boolean; er: boolean; sae: boolean; bcst: boolean };
  /** EVEX disp8 scale N when it is not the memory operand's size (`n=4`: element-wise tuples such as VEXPANDPS). */
  dispN: number;
  /** `distinct`: the destination register must differ from every source register (complex FP16 multiplies). */
  distinct: boolean;
  /** `distinct3`: all three register operands differ (AMX tile ops). */
  distinct3: boolean;
  /** `norep`: an F2/F3 prefix makes the form invalid rather than being ignored (RDRAND, MOVBE). */
  norep: boolean;
  /** `no66`: a 66 prefix makes the form invalid (PTWRITE). */
  no66: boolean;
  /** `kreq`: EVEX masking with k0 is invalid (gathers, scatters). */
  kreq: boolean;
  flow: number;
  access: string[];
  /** `am=`: the access when the r/m operand is memory, if it differs from `access` (else empty). */
  accessMem: string[];
  rflags: { r: string; w: string; u: string; c: string; s: string };
  implied: string[];
}

const FLOWS: Record<string, number> = {
  jmp: FLOW.JMP, jcc: FLOW.JCC, call: FLOW.CALL, ret: FLOW.RET, jmpi: FLOW.JMP_IND, calli: FLOW.CALL_IND,
  int: FLOW.INT, stop: FLOW.STOP, xbegin: FLOW.XBEGIN, far: FLOW.FAR,
};
const GPR_BY_BITS: Record<string, number> = { "8": RC.GPR8, "16": RC.GPR16, "32": RC.GPR32, "64": RC.GPR64 };
const VEC: Record<string, number> = { mm: RC.MM, xmm: RC.XMM, ymm: RC.YMM, zmm: RC.ZMM, k: RC.K, bnd: RC.BND, tmm: RC.TMM };
const MEMSIZE: Record<string, number> = {
  m: 0, mem: 0, m8: 1, m16: 2, m32: 4, m64: 8, m80: 10, m128: 16, m256: 32, m512: 64, m384: 48,
  "m16&16": 4, "m32&32": 8, "m16&32": 6, "m16&64": 10, "m16:16": 4, "m16:32": 6, "m16:64": 10,
  m32fp: 4, m64fp: 8, m80fp: 10, m16int: 2, m32int: 4, m64int: 8, m80bcd: 10, m2byte: 2,
  m14byte: 14, m28byte: 28, m94byte: 94, m108byte: 108, m512byte: 512, m32bcst: 4, m64bcst: 8, m16bcst: 2,
};

/** The fixed register operands the SDM spells out (AL, DX, ST(0), ...), by name. */
const FIXED = new Set([
  "AL", "CL", "DL", "BL", "AX", "CX", "DX", "BX", "EAX", "ECX", "EDX", "EBX", "RAX", "RCX", "RDX", "RBX",
  "ES", "CS", "SS", "DS", "FS", "GS", "ST(0)", "XMM0",
]);

function op(src: number, cls: number, size: number, ext: number, spelling: string): OpDesc {
  return { src, cls, size, ext, spelling };
}

/** Parse one operand spelling into a descriptor (position not yet assigned: REG or RM/MEM). */
export function parseOperand(s: string, fixedId: (name: string) => number): OpDesc {
  let m: RegExpMatchArray | null;
  const t = s.replace(/\s*\{[^}]*\}/g, "");
  if (FIXED.has(t)) return op(S.FIXED, fixedId(t === "ST(0)" ? "ST0" : t), 0, 0, s);
  if (t === "1") return op(S.CONST1, 0, 0, 0, s);
  if (t === "ST(i)") return op(S.STI, RC.ST, 0, 0, s);
  if ((m = t.match(/^imm(8|16|32|64)$/))) return op(S.IMM, 0, Number(m[1]) / 8, 0, s);
  // VPERMIL2PS/PD's selector: the low four bits of the is4 byte (`_build.ts` flags it FF.IMM4).
  if (t === "imm4") return op(S.IMM, 0, 1, 0, s);
  if ((m = t.match(/^rel(8|16|32)$/))) return op(S.REL, 0, Number(m[1]) / 8, 0, s);
  if ((m = t.match(/^ptr16:(16|32)$/))) return op(S.FAR, 0, 2 + Number(m[1]) / 8, 0, s);
  if ((m = t.match(/^moffs(8|16|32|64)$/))) return op(S.MOFFS, 0, Number(m[1]) / 8, 0, s);
  if ((m = t.match(/^m(8|16|32|64|128)\((es:)?(rdi|rsi|rbx\+al)\)$/)))
    return op(m[3] === "rdi" ? (m[2] ? S.STR_DI : S.SEG_DI) : m[3] === "rsi" ? S.STR_SI : S.XLAT, 0, Number(m[1]) / 8, 0, s);
  if ((m = t.match(/^r\/m(8|16|32|64)$/))) return op(S.RM, GPR_BY_BITS[m[1]!]!, Number(m[1]) / 8, 0, s);
  if ((m = t.match(/^r(8|16|32|64)\/m(8|16|32|64)$/))) return op(S.RM, GPR_BY_BITS[m[1]!]!, Number(m[2]) / 8, 0, s);
  if ((m = t.match(/^r(8|16|32|64)[ab]?$/))) return op(S.REG, GPR_BY_BITS[m[1]!]!, 0, 0, s);
  if (t === "Sreg") return op(S.REG, RC.SEG, 0, 0, s);
  if (/^CR\d/.test(t)) return op(S.REG, RC.CR, 0, 0, s);
  if (/^DR\d/.test(t)) return op(S.REG, RC.DR, 0, 0, s);
  if (/^TR\d/.test(t)) return op(S.REG, RC.TR, 0, 0, s);
  if (t === "mib") return op(S.MIB, 0, 0, 0, s);
  if (t === "sibmem") return op(S.SIBMEM, 0, 0, 0, s);
  if ((m = t.match(/^vm(32|64)([xyz])$/)))
    return op(S.VSIB, 0, Number(m[1]) / 8, m[2] === "x" ? RC.XMM : m[2] === "y" ? RC.YMM : RC.ZMM, s);
  if ((m = t.match(/^(mm|xmm|ymm|zmm|k|bnd|tmm)\d?$/))) return op(S.REG, VEC[m[1]!]!, 0, 0, s);
  if ((m = t.match(/^(mm|xmm|ymm|zmm|k|bnd)\d?\/(m\d+)(\/m(16|32|64)bcst)?$/)))
    return op(S.RM, VEC[m[1]!]!, MEMSIZE[m[2]!] ?? 0, m[4] ? Number(m[4]) / 8 : 0, s);
  if ((m = t.match(/^r(32|64)\/(m\d+)$/))) return op(S.RM, GPR_BY_BITS[m[1]!]!, MEMSIZE[m[2]!] ?? 0, 0, s);
  if (t in MEMSIZE) return op(S.MEM, 0, MEMSIZE[t]!, 0, s);
  throw new Error(`unknown operand spelling "${s}"`);
}

/** iced-style form-id part for an operand spelling. */
function idPart(s: string, osz: number, isRel: boolean): string {
  const t = s.replace(/\s*\{[^}]*\}/g, "");
  // EVEX decorations as iced spells them: zmm1 {k1}{z} → zmm_k1z, k1 {k2} → kr_k1, m128 {k1} → m128_k1.
  const deco = s.includes("{k1}{z}") ? "_k1z" : s.includes("{k1}") || s.includes("{k2}") ? "_k1" : "";
  if (deco && /^k\d$/.test(t)) return "kr" + deco;
  if (deco) return idPart(t, osz, isRel) + deco;
  if (FIXED.has(t) && t !== "ST(0)") return t;
  if (t === "ST(0)") return "st0";
  if (t === "ST(i)") return "sti";
  if (/^CR/.test(t)) return "cr";
  if (/^DR/.test(t)) return "dr";
  if (/^TR/.test(t)) return "tr";
  if (isRel && /^rel(8|32)$/.test(t)) return `${t}_${osz}`;
  return t.replace(/\((es:)?(rdi|rsi|rbx\+al)\)/, "").replace(/\/m(16|32|64)bcst$/, "b$1").replace(/[/:&()]/g, "")
    .replace(/^(mm|xmm|ymm|zmm|k|bnd|tmm|r(8|16|32|64))\d?([ab])?(?=$|m)/, "$1");
}

/** Expand Appendix-A size letters: `v` → 16/32/64, `z` → 16/32/32. */
function expandSizes(instr: string, always: boolean): Array<{ instr: string; osz: number }> {
  if (!always && !/\b(r\/mv|rv|rAX|immz|relz|moffsv|m16:v|rv\/m16)\b/.test(instr)) return [{ instr, osz: -1 }];
  return [16, 32, 64].map((osz) => ({
    osz,
    instr: instr
      .replace(/\bm16:v\b/g, `m16:${osz}`)
      .replace(/\br\/mv\b/g, `r/m${osz}`)
      .replace(/\brv\b/g, `r${osz}`)
      .replace(/\brAX\b/g, osz === 16 ? "AX" : osz === 32 ? "EAX" : "RAX")
      .replace(/\bimmz\b/g, `imm${osz === 16 ? 16 : 32}`)
      .replace(/\brelz\b/g, `rel${osz === 16 ? 16 : 32}`)
      .replace(/\bmoffsv\b/g, `moffs${osz}`),
  }));
}

const MAPS: Record<string, number> = { "0F": 1, "0F38": 2, "0F3A": 3, MAP5: 5, MAP6: 6, M8: 8, M9: 9, MA: 10 };

/** Parse a table text block into forms. `fixedId` maps a fixed register name to its id. */
export function parseRows(file: string, text: string, fixedId: (name: string) => number): Form[] {
  const out: Form[] = [];
  for (const [lineNo, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("//")) continue;
    const [opcode = "", instr = "", extras = ""] = line.split("|").map((c) => c.trim());
    try {
      const i64 = /(^|\s)i64(\s|$)/.test(extras);
      for (const e of expandSizes(instr, /(^|\s)osx(\s|$)/.test(extras))) {
        // A form invalid in 64-bit mode has no 64-bit operand size.
        if (!(i64 && e.osz === 64)) out.push(parseRow(opcode, e.instr, extras, e.osz, fixedId));
      }
    } catch (err) {
      throw new Error(`${file}:${lineNo + 1}: ${(err as Error).message} in "${line}"`);
    }
  }
  return out;
}

function parseRow(opcode: string, instr: string, extras: string, osz: number, fixedId: (n: string) => number): Form {
  const ex = new Map<string, string>();
  for (const tok of extras.split(/\s+/).filter(Boolean)) {
    const eq = tok.indexOf("=");
    ex.set(eq < 0 ? tok : tok.slice(0, eq), eq < 0 ? "" : tok.slice(eq + 1));
  }
  const sp = instr.indexOf(" ");
  const mnemonic = sp < 0 ? instr : instr.slice(0, sp);
  const opStrs = sp < 0 ? [] : instr.slice(sp + 1).split(",").map((s) => s.trim()).filter((s) => !s.startsWith("<"));
  const f: Form = {
    id: "", mnemonic, sem: ex.get("sem") ?? mnemonic, opcode, instr, space: SP.PRIMARY, op: 0,
    pfx: -1, w: -1, l: -1, mod: -1, reg: -1, rm: -1, osz, mode: 0, nob: ex.has("nob") ? 1 : -1, asz: -1,
    modrm: false, modx: ex.has("modx"), opreg: false, nocs: ex.has("nocs"), ops: [], lock: ex.has("lock"), rep: ex.has("rep"), repe: ex.has("repe"),
    d64: ex.has("d64"), f64: ex.has("f64"),
    dispN: Number(ex.get("n") ?? 0),
    distinct: ex.has("distinct") || ex.has("distinct3"),
    distinct3: ex.has("distinct3"),
    norep: ex.has("norep"),
    no66: ex.has("no66"),
    kreq: ex.has("kreq"),
    evex: { k: /\{k\d\}/.test(instr), z: instr.includes("{z}"), er: instr.includes("{er}"), sae: instr.includes("{sae}"), bcst: /bcst/.test(instr) }, flow: FLOWS[ex.get("cf") ?? ""] ?? FLOW.NEXT,
    access: (ex.get("a") ?? "").split(",").filter(Boolean),
    accessMem: (ex.get("am") ?? "").split(",").filter(Boolean),
    rflags: { r: ex.get("fr") ?? "", w: ex.get("fw") ?? "", u: ex.get("fu") ?? "", c: ex.get("f0") ?? "", s: ex.get("f1") ?? "" },
    implied: (ex.get("imp") ?? "").split(",").filter(Boolean),
  };
  for (const k of ["os16", "os32", "os64"]) if (ex.has(k)) f.osz = Number(k.slice(2));
  for (const k of ["as16", "as32", "as64"]) if (ex.has(k)) f.asz = Number(k.slice(2));
  if (ex.has("i64")) f.mode = 1;
  if (ex.has("o64")) f.mode = 2;
  if (ex.has("w0")) f.w = 0;
  if (ex.has("w1")) f.w = 1;
  if (ex.has("l0")) f.l = 0;
  if (ex.has("l1")) f.l = 1;

  // ── opcode column ──
  let toks = opcode.replace(/\+\s+/g, "+ ").split(/\s+/).filter((t) => t !== "+");
  let enc = "legacy";
  let map = 0;
  let digit = -1;
  let opreg = false;
  let sti = false;
  const vexm = toks[0]?.match(/^(VEX|EVEX|XOP)\.(.*)$/);
  if (vexm) {
    enc = vexm[1]!;
    for (const part of vexm[2]!.split(".")) {
      if (part === "128" || part === "L0" || part === "LZ") f.l = 0;
      else if (part === "256" || part === "L1") f.l = 1;
      else if (part === "512") f.l = 2;
      else if (part === "LIG" || part === "WIG") continue;
      else if (part === "NP") f.pfx = 0;
      else if (part === "66") f.pfx = 1;
      else if (part === "F3") f.pfx = 2;
      else if (part === "F2") f.pfx = 3;
      else if (part === "W0") f.w = 0;
      else if (part === "W1") f.w = 1;
      else if (part in MAPS) map = MAPS[part]!;
      else throw new Error(`bad ${enc} field ${part}`);
    }
    toks = toks.slice(1);
  } else {
    const pf: Record<string, number> = { NP: 0, "66": 1, F3: 2, F2: 3 };
    while (toks[0] && (toks[0] in pf || toks[0] === "REX.W" || toks[0] === "REX")) {
      const t = toks.shift()!;
      if (t === "REX.W") f.w = f.osz > 0 ? -1 : 1;
      else if (t !== "REX") {
        // A 66/F2/F3 is mandatory only if an opcode byte follows that would be meaningless alone.
        f.pfx = pf[t]!;
      }
    }
    if (toks[0] === "0F") {
      toks.shift();
      const t1: string | undefined = toks[0];
      map = 1;
      if (t1 === "38" || t1 === "3A") map = toks.shift() === "38" ? 2 : 3;
      else if (t1 === "0F") {
        toks.shift();
        enc = "3dnow";
      }
    }
  }
  const opTok = toks.shift() ?? "";
  const opm = opTok.match(/^([0-9A-F]{2})(\+(rb|rw|rd|ro|i))?$/);
  if (!opm) throw new Error(`bad opcode byte "${opTok}"`);
  f.op = parseInt(opm[1]!, 16);
  if (opm[3]) opreg = f.opreg = true;
  for (const t of toks) {
    if (t === "/r") f.modrm = true;
    else if (/^\/[0-7]$/.test(t)) { f.modrm = true; digit = Number(t[1]); f.reg = digit; }
    else if (/^[0-9A-F]{2}(\+i)?$/.test(t)) {
      // A fixed ModRM byte (0F 01 C8, D9 E8) or, with +i, an x87 register row (D8 C0+i).
      const b = parseInt(t.slice(0, 2), 16);
      f.modrm = true;
      f.mod = (b >> 6) === 3 ? 1 : 0;
      f.reg = (b >> 3) & 7;
      if (!t.endsWith("+i")) f.rm = b & 7;
      else sti = true;
      digit = f.reg;
    } else if (/^(ib|iw|id|io|iz|cb|cw|cd|cp|\/is4|\/ib)$/.test(t)) continue;
    else throw new Error(`bad opcode token "${t}"`);
  }
  if (enc === "legacy") f.space = map === 0 ? SP.PRIMARY : map === 1 ? SP.M0F : map === 2 ? SP.M0F38 : SP.M0F3A;
  else if (enc === "3dnow") { f.space = SP.D3NOW; f.modrm = true; }
  else if (enc === "VEX") f.space = SP.VEX1 + map - 1;
  else if (enc === "EVEX") f.space = map <= 3 ? SP.EVEX1 + map - 1 : map === 5 ? SP.EVEX5 : SP.EVEX6;
  else f.space = SP.XOP8 + map - 8;
  if ((enc === "VEX" || enc === "EVEX" || enc === "XOP") && f.pfx < 0) f.pfx = 0;

  // ── instruction column: operand descriptors and their encoding positions ──
  const ops = opStrs.map((s) => parseOperand(s, fixedId));
  if (ex.has("sx")) for (const o of ops) if (o.src === S.IMM && o.size === 1) o.ext = f.osz > 0 ? f.osz : 0;
  for (const o of ops) if (o.src === S.IMM && o.size === 4 && f.osz === 64) o.ext = 64;
  const immOps = ops.filter((o) => o.src === S.IMM);
  if (immOps.length === 2) immOps[1]!.src = S.IMM2;
  if (opreg && !sti) {
    const r = ops.find((o) => o.src === S.REG);
    if (r) r.src = S.OPREG;
  }
  const vex = enc === "VEX" || enc === "EVEX" || enc === "XOP";
  const en = ex.get("en");
  const regOps = ops.filter((o) => o.src === S.REG || o.src === S.RM || o.src === S.MEM || o.src === S.VSIB || o.src === S.MIB || o.src === S.SIBMEM);
  if (en) {
    if (en.length !== regOps.length) throw new Error(`en=${en} does not match ${regOps.length} operands`);
    for (const [i, o] of regOps.entries()) assign(o, en[i]!);
  } else if (f.modrm) {
    const memCap = regOps.filter((o) => o.src !== S.REG);
    const plain = regOps.filter((o) => o.src === S.REG);
    const special = plain.filter((o) => o.cls === RC.SEG || o.cls === RC.CR || o.cls === RC.DR || o.cls === RC.TR);
    let order: string[];
    if (digit >= 0) order = !vex ? plain.map(() => "M") : memCap.length ? ["V"] : plain.length === 2 ? ["V", "M"] : ["M"];
    else if (special.length) order = plain.map((o) => (special.includes(o) ? "R" : "M"));
    else if (memCap.length) order = vex ? ["R", "V", "I"] : ["R", "R"];
    else order = plain.length === 1 ? ["R"] : vex ? (plain.length === 2 ? ["R", "M"] : ["R", "V", "M", "I"]) : ["R", "M"];
    let k = 0;
    for (const o of plain) assign(o, order[k++] ?? "R");
  } else if (vex) {
    // No ModRM reg/rm role (VZEROUPPER): nothing to assign.
  }
  f.ops = ops;
  // ModRM.mod condition from the r/m operand's spelling.
  const rmOp = ops.find((o) => o.src === S.RM || o.src === S.MEM || o.src === S.RMREG || o.src === S.VSIB || o.src === S.MIB || o.src === S.SIBMEM || o.src === S.STI);
  if (rmOp && f.mod < 0 && !f.modx) {
    if (rmOp.src === S.MEM || rmOp.src === S.VSIB || rmOp.src === S.MIB || rmOp.src === S.SIBMEM) f.mod = 0;
    else if (rmOp.src === S.RMREG || rmOp.src === S.STI) f.mod = 1;
  }
  if (f.reg < 0 && digit >= 0) f.reg = digit;
  const prefix = enc === "VEX" ? "VEX_" : enc === "EVEX" ? "EVEX_" : enc === "XOP" ? "XOP_" : enc === "3dnow" ? "D3NOW_" : "";
  const isRel = ops.some((o) => o.src === S.REL);
  const relOsz = f.osz > 0 ? f.osz : 32;
  const o = osz === 16 ? "w" : osz === 32 ? "d" : osz === 64 ? "q" : "";
  const rc = instr.includes("{er}") ? "_er" : instr.includes("{sae}") ? "_sae" : "";
  f.id = ex.get("id")?.replace("{o}", o) ?? prefix + cap(mnemonic) + ops.map((o) => "_" + idPart(o.spelling, relOsz, isRel)).join("") + rc;
  return f;
}

function assign(o: OpDesc, role: string): void {
  if (role === "R") o.src = o.src === S.REG ? S.REG : o.src;
  else if (role === "V") o.src = S.VVVV;
  else if (role === "I") o.src = S.IS4;
  else if (role === "M") o.src = o.src === S.REG ? S.RMREG : o.src;
}

const cap = (s: string): string => s.charAt(0) + s.slice(1).toLowerCase();
