/**
 * @file x86 stage: the general decoder, every mode, prefix and escape; `Decoder.decode`
 * (decoder.ts) runs its fast path first and falls back here for anything the fast path does not
 * take (legacy prefixes, VEX/EVEX/XOP, 3DNow!, 0F 38/3A, the last 14 bytes of a buffer, invalid
 * encodings, forms with unusual operands).
 *
 * Entry: bytes, a start offset, an end, the instruction's address, a reused `Insn` and the mode.
 * Exit: the `Insn` filled with numbers only and the length returned; 0 means invalid and
 * `out.form` is 0 (see `Decoder.decode`). No allocation, no strings, no BigInt on this path.
 *
 * The generic part is here: prefixes, REX, VEX2/VEX3, EVEX, XOP, 3DNow!, the decision tree from
 * `tables/_load.ts`, ModRM/SIB/displacement, immediates. What each operand means is data: the
 * form's operand descriptors (`S.*`).
 *
 *   const n = decodeGeneral(code, p, code.length, va + p, insn, true, 32, false);
 */
import { FLOW, Insn, K, PF } from "./insn.ts";
import { R, RC, CLASS_BASE } from "./regs.ts";
import { S, SP } from "./tables/_schema.ts";
import { tables, N, LF, FF } from "./tables/_load.ts";

// The hot path reads enum values through module constants rather than object properties.
const S_REG = S.REG, S_RM = S.RM, S_MEM = S.MEM, S_RMREG = S.RMREG, S_VVVV = S.VVVV, S_OPREG = S.OPREG;
const S_IS4 = S.IS4, S_FIXED = S.FIXED, S_IMM = S.IMM, S_IMM2 = S.IMM2, S_REL = S.REL, S_FAR = S.FAR;
const S_MOFFS = S.MOFFS, S_STR_SI = S.STR_SI, S_STR_DI = S.STR_DI, S_XLAT = S.XLAT, S_STI = S.STI;
const S_CONST1 = S.CONST1, S_VSIB = S.VSIB, S_MIB = S.MIB, S_SEG_DI = S.SEG_DI, S_SIBMEM = S.SIBMEM;
const N_INVALID = N.INVALID, N_LEAF = N.LEAF, N_MODE = N.MODE, N_PFX = N.PFX, N_W = N.W, N_L = N.L;
const N_MOD = N.MOD, N_REG = N.REG, N_RM = N.RM, N_ASZ = N.ASZ;
const RC_K = RC.K, RC_XMM = RC.XMM, RC_ZMM = RC.ZMM;
const K_REG = K.REG, K_MEM = K.MEM, K_IMM = K.IMM, K_IMM2 = K.IMM2, K_BRANCH = K.BRANCH, K_FAR = K.FAR;
const K_MEM_SI = K.MEM_SI, K_MEM_DI = K.MEM_DI, FLOW_XBEGIN = FLOW.XBEGIN;
const T = tables();
const { root, hasModrm, nodes, formMnem, formOpCount, formFlags, formFlow, formImm1, formImm2, formImmExt, formDispN, opSrc, opCls, opSize, opExt } = T;
// Flag and enum values as module constants: the hot path never loads them from the objects.
const FF_CONST1 = FF.CONST1, FF_DISTINCT = FF.DISTINCT, FF_DISTINCT3 = FF.DISTINCT3, FF_EBCST = FF.EBCST;
const FF_EK = FF.EK, FF_ERSAE = FF.ERSAE, FF_EZ = FF.EZ, FF_FAR = FF.FAR, FF_IMM4 = FF.IMM4;
const FF_KREQ = FF.KREQ, FF_LOCK = FF.LOCK, FF_MOFFS = FF.MOFFS, FF_NO66 = FF.NO66, FF_NOCS = FF.NOCS;
const FF_NOREP = FF.NOREP, FF_OPCHECK = FF.OPCHECK, FF_REL = FF.REL, FF_VSIB = FF.VSIB;
const FF_VSIBREG = FF.VSIBREG, FF_VVVV = FF.VVVV, LF_D64 = LF.D64, LF_F64 = LF.F64, LF_M66 = LF.M66;
const PF_ADDRSIZE = PF.ADDRSIZE, PF_EVEX = PF.EVEX, PF_OPSIZE = PF.OPSIZE, PF_REP = PF.REP;
const PF_REPNE = PF.REPNE, PF_REX = PF.REX, PF_REXW = PF.REXW, PF_VEX = PF.VEX, PF_XOP = PF.XOP;
const R_BND = R.BND, R_CR = R.CR, R_DR = R.DR, R_EIP = R.EIP, R_GPR16 = R.GPR16, R_GPR32 = R.GPR32;
const R_GPR64 = R.GPR64, R_GPR8 = R.GPR8, R_K = R.K, R_RIP = R.RIP, R_SEG = R.SEG, R_ST = R.ST;
const R_TMM = R.TMM, SP_EVEX1 = SP.EVEX1, SP_EVEX5 = SP.EVEX5, SP_EVEX6 = SP.EVEX6, SP_M0F = SP.M0F;
const SP_M0F38 = SP.M0F38, SP_M0F3A = SP.M0F3A, SP_PRIMARY = SP.PRIMARY, SP_VEX1 = SP.VEX1;
const SP_XOP8 = SP.XOP8, SP_D3NOW = SP.D3NOW;
const D3NOW_ROOT = SP_D3NOW * 256;

// 16-bit addressing: ModRM.rm → base and index.
export const RM16_BASE = Int32Array.from([R.GPR16 + 3, R.GPR16 + 3, R.GPR16 + 5, R.GPR16 + 5, R.GPR16 + 6, R.GPR16 + 7, R.GPR16 + 5, R.GPR16 + 3]);
export const RM16_INDEX = Int32Array.from([R.GPR16 + 6, R.GPR16 + 7, R.GPR16 + 6, R.GPR16 + 7, 0, 0, 0, 0]);
export const SEG_DS = R.SEG + 3;
export const SEG_SS = R.SEG + 2;
export const STACK_BASE = new Uint8Array(R.COUNT);
for (const r of [R.GPR16 + 5, R.GPR32 + 4, R.GPR32 + 5, R.GPR64 + 4, R.GPR64 + 5]) STACK_BASE[r] = 1;

// Prefix byte classes (0 = not a prefix).
export const P_66 = 1, P_67 = 2, P_REP = 3, P_LOCK = 4, P_SEG = 5, P_FSGS = 6, P_REX = 7;
export const PREFIX = new Uint8Array(256);
PREFIX[0x66] = P_66; PREFIX[0x67] = P_67; PREFIX[0xf2] = P_REP; PREFIX[0xf3] = P_REP; PREFIX[0xf0] = P_LOCK;
for (const b of [0x26, 0x2e, 0x36, 0x3e]) PREFIX[b] = P_SEG;
PREFIX[0x64] = P_FSGS; PREFIX[0x65] = P_FSGS;
for (let b = 0x40; b < 0x50; b++) PREFIX[b] = P_REX;

/** Decode one instruction at `code[pos]`; returns its length, or 0 if invalid. `def`: 16 or 32. */
export function decodeGeneral(code: Uint8Array, pos: number, end: number, ip: number, out: Insn, is64: boolean, def: number, lengthOnly: boolean): number {
  const lim = end < pos + 15 ? end : pos + 15;
  let p = pos;
  let p66: number = 0, p67: number = 0, rep: number = 0, lock: number = 0, seg: number = 0, rex: number = 0;
  let b = 0;
  out.form = 0;
  out.length = 0;
  for (;;) {
    if (p >= lim) return 0;
    b = code[p++]!;
    const pk = PREFIX[b]!;
    if (pk === 0) break;
    if (pk === P_REX) {
      if (!is64) break;
      // A REX counts only if the opcode follows it directly: a later prefix clears it below.
      rex = b;
      continue;
    }
    if (pk === P_66) p66 = 1;
    else if (pk === P_67) p67 = 1;
    else if (pk === P_REP) rep = b === 0xf3 ? 2 : 3;
    else if (pk === P_LOCK) lock = 1;
    else if (pk === P_SEG) { if (!is64) seg = R_SEG + ((b >> 3) & 3); }
    else seg = R_SEG + (b & 7);
    rex = 0;
  }
  let space: number = SP_PRIMARY;
  let op = b;
  let W = (rex >> 3) & 1, rR = (rex >> 2) & 1, rX = (rex >> 1) & 1, rB = rex & 1;
  let vraw = 0, vvvv = 0, L = 0, pfx = rep ? rep : p66, vex = 0, evex = 0, rR2 = 0, vV2 = 0, aaa = 0, z = 0, bc = 0;
  if (b === 0x0f) {
    if (p >= lim) return 0;
    op = code[p++]!;
    space = SP_M0F;
    if (op === 0x38 || op === 0x3a) {
      if (p >= lim) return 0;
      space = op === 0x38 ? SP_M0F38 : SP_M0F3A;
      op = code[p++]!;
    } else if (op === 0x0f) space = SP_D3NOW;
  } else if (b === 0xc4 || b === 0xc5 || b === 0x62 || b === 0x8f) {
    // VEX/EVEX/XOP live in their own function so this one stays small for the JIT.
    const q = escape(code, p, lim, b, is64, rex | p66 | rep | lock);
    if (q < 0) return 0;
    if (q > 0) {
      p = q;
      rR = E[0]!; rX = E[1]!; rB = E[2]!; W = E[3]!; vvvv = E[4]!; L = E[5]!; pfx = E[6]!; space = E[7]!;
      vex = E[8]!; evex = E[9]!; rR2 = E[10]!; z = E[11]!; bc = E[12]!; vV2 = E[13]!; aaa = E[14]!; vraw = E[15]!; op = E[16]!;
    }
  }
  // ── ModRM and the decision tree ──
  const key = space * 256 + op;
  let modrm = 0;
  let n = root[key]!;
  // 0 = no ModRM, 1 = ModRM, 2 = ModRM whose mod is ignored (MOV CR/DR); every 3DNow! entry is 1.
  const hm = hasModrm[key]!;
  if (hm) {
    if (p >= lim) return 0;
    modrm = code[p++]!;
  }
  const asz = is64 ? (p67 ? 32 : 64) : p67 ? 48 - def : def;
  const mod = hm === 2 ? 3 : modrm >> 6;
  if (evex && bc && mod === 3) L = 2;
  if (space === SP_D3NOW) n = 0;
  for (;;) {
    const t = nodes[n]!;
    if (t === N_LEAF || t === N_INVALID) break;
    switch (t) {
      case N_MODE: n = nodes[n + 1 + (is64 ? 1 : 0)]!; break;
      case N_PFX: n = nodes[n + 1 + pfx]!; break;
      case N_W: n = nodes[n + 1 + W]!; break;
      case N_L: n = nodes[n + 1 + L]!; break;
      case N_MOD: n = nodes[n + 1 + (mod === 3 ? 1 : 0)]!; break;
      case N_REG: n = nodes[n + 1 + ((modrm >> 3) & 7)]!; break;
      case N_RM: n = nodes[n + 1 + (modrm & 7)]!; break;
      case N_ASZ: n = nodes[n + 1 + (asz >> 5)]!; break;
      default: n = nodes[n + 1 + (rB ? 0 : 1)]!; break;
    }
  }
  // ── memory operand (its bytes count even when the form turns out invalid) ──
  let base = 0, index = 0, scale = 0, disp = 0, ripRel = 0, absDisp = 0, sibIdx = -1;
  if (hm === 1 && mod !== 3) {
    const rm = modrm & 7;
    if (asz === 16) {
      if (mod === 0 && rm === 6) {
        if (p + 2 > lim) return 0;
        disp = (code[p]! | (code[p + 1]! << 8)) << 16 >> 16;
        p += 2;
      } else {
        base = RM16_BASE[rm]!;
        index = RM16_INDEX[rm]!;
        scale = index ? 1 : 0;
      }
      if (mod === 1) {
        if (p >= lim) return 0;
        disp = (code[p++]! << 24) >> 24;
      } else if (mod === 2) {
        if (p + 2 > lim) return 0;
        disp = (code[p]! | (code[p + 1]! << 8)) << 16 >> 16;
        p += 2;
      }
    } else {
      const gbase = asz === 64 ? R_GPR64 : R_GPR32;
      let bnum = rm;
      if (rm === 4) {
        if (p >= lim) return 0;
        const sib = code[p++]!;
        bnum = sib & 7;
        sibIdx = ((sib >> 3) & 7) | (rX << 3);
        scale = 1 << (sib >> 6);
        if (sibIdx !== 4) index = gbase + sibIdx;
        else scale = 1 << (sib >> 6);
        if (bnum === 5 && mod === 0) {
          bnum = -1;
        }
      } else if (rm === 5 && mod === 0) {
        bnum = -2;
      }
      if (bnum >= 0) base = gbase + (bnum | (rB << 3));
      if (mod === 1) {
        if (p >= lim) return 0;
        disp = (code[p++]! << 24) >> 24;
      } else if (mod === 2 || bnum < 0) {
        if (p + 4 > lim) return 0;
        disp = code[p]! | (code[p + 1]! << 8) | (code[p + 2]! << 16) | (code[p + 3]! << 24);
        p += 4;
        if (bnum === -2) {
          if (is64) { base = asz === 64 ? R_RIP : R_EIP; ripRel = 1; }
          else absDisp = 1;
        }
      }
      if (!index) scale = sibIdx >= 0 ? scale : 0;
    }
  }
  if (space === SP_D3NOW) {
    if (p >= lim) return 0;
    n = root[D3NOW_ROOT + code[p++]!]!;
  }
  if (n === 0) return 0;
  // ── operand size → form ──
  const lf = nodes[n + 4]!;
  let osz: number;
  if (is64) osz = lf & LF_F64 ? 64 : W ? 64 : p66 && !(lf & LF_M66 && pfx === 1) ? 16 : lf & LF_D64 ? 64 : 32;
  else osz = p66 && !(lf & LF_M66 && pfx === 1) ? 48 - def : def;
  const form = nodes[n + (osz === 16 ? 1 : osz === 32 ? 2 : 3)]!;
  if (form === 0) return 0;
  const ff = formFlags[form]!;
  if (lock && (!(ff & FF_LOCK) || mod === 3)) return 0;
  if (ff & FF_NOCS && ((modrm >> 3) & 7) === 1) return 0;
  if (ff & FF_NOREP && rep) return 0;
  if (ff & FF_NO66 && p66) return 0;
  // An unused vvvv must be 1111 (all four bits, even outside 64-bit mode); EVEX.V' belongs to a VSIB index.
  if (vex | evex && !(ff & FF_VVVV) && (vvvv | (ff & FF_VSIB ? 0 : vV2) | vraw) !== 0) return 0;
  if (evex) {
    // Masking, zeroing, broadcast and rounding only where the SDM row spells them.
    if (aaa ? !(ff & FF_EK) : ff & FF_KREQ) return 0;
    // Zeroing needs a mask and a register destination.
    if (z && (!aaa || !(ff & FF_EZ) || (mod !== 3 && opSrc[form * 5] === S_RM))) return 0;
    if (bc && !(mod === 3 ? ff & FF_ERSAE : ff & FF_EBCST)) return 0;
    if (L === 3 && !(bc && mod === 3)) return 0;
  }
  // ── immediates ──
  let imm = 0, immHi = 0, imm2 = 0;
  let isz = formImm1[form]!;
  if (ff & FF_MOFFS) isz = asz >> 3;
  if (isz) {
    if (p + isz > lim) return 0;
    if (isz === 1) imm = code[p]!;
    else if (isz === 2) imm = code[p]! | (code[p + 1]! << 8);
    else {
      // Kept as int32 here (JIT-friendly); made unsigned only when stored.
      imm = code[p]! | (code[p + 1]! << 8) | (code[p + 2]! << 16) | (code[p + 3]! << 24);
      if (isz === 8) immHi = code[p + 4]! | (code[p + 5]! << 8) | (code[p + 6]! << 16) | (code[p + 7]! << 24);
      else if (isz === 6) immHi = code[p + 4]! | (code[p + 5]! << 8);
    }
    p += isz;
  }
  const isz2 = formImm2[form]!;
  if (isz2) {
    if (p + isz2 > lim) return 0;
    imm2 = isz2 === 1 ? code[p]! : code[p]! | (code[p + 1]! << 8);
    p += isz2;
  }
  const len = p - pos;
  if (lengthOnly && !(ff & FF_OPCHECK)) {
    out.length = len;
    out.form = form;
    out.mnemonic = formMnem[form]!;
    return len;
  }
  // ── operands ──
  const cnt = formOpCount[form]!;
  const kind = out.kind, reg = out.reg;
  let memSize = 0, vsib = 0, bsz = 0;
  for (let k = 0; k < cnt; k++) {
    const j = form * 5 + k;
    const src = opSrc[j]!;
    let kd: number = K_REG, r = 0;
    switch (src) {
      case S_REG: {
        const c = opCls[j]!;
        const idx = ((modrm >> 3) & 7) | (rR << 3) | (rR2 << 4);
        r = REGS[(rex ? 544 : 0) + (c << 5) + idx]!;
        if (r < 0) return 0;
        break;
      }
      // @ts-expect-error: S_RM falls through to the register form when mod = 3
      case S_RM:
        if (mod !== 3) { kd = K_MEM; memSize = opSize[j]!; bsz = opExt[j]!; break; }
      case S_RMREG: {
        const c = opCls[j]!;
        r = REGS[(rex ? 544 : 0) + (c << 5) + (c === RC_K ? modrm & 7 : (modrm & 7) | (rB << 3) | (c >= RC_XMM && c <= RC_ZMM ? rX << 4 : 0))]!;
        if (r < 0) return 0;
        break;
      }
      case S_MEM: case S_MIB: kd = K_MEM; memSize = opSize[j]!; break;
      case S_SIBMEM: if (sibIdx < 0) return 0; kd = K_MEM; break;
      case S_VSIB:
        if (sibIdx < 0 || asz === 16) return 0;
        kd = K_MEM; memSize = opSize[j]!; vsib = 1;
        index = CLASS_BASE[opExt[j]!]! + (sibIdx | (vV2 << 4));
        break;
      case S_VVVV: r = REGS[(opCls[j]! << 5) + (vvvv | (vV2 << 4))]!; if (r < 0) return 0; break;
      case S_IS4: r = CLASS_BASE[opCls[j]!]! + ((is64 ? imm >> 4 : imm >> 4 & 7)); break;
      case S_OPREG: r = REGS[(rex ? 544 : 0) + (opCls[j]! << 5) + ((op & 7) | (rB << 3))]!; break;
      case S_FIXED: r = opCls[j]!; break;
      case S_STI: r = R_ST + (modrm & 7); break;
      case S_IMM: kd = K_IMM; break;
      case S_CONST1: kd = K_IMM; break;
      case S_IMM2: kd = K_IMM2; break;
      case S_REL: kd = K_BRANCH; break;
      case S_FAR: kd = K_FAR; break;
      case S_MOFFS: kd = K_MEM; memSize = opSize[j]!; break;
      case S_STR_SI:
        kd = K_MEM_SI; memSize = opSize[j]!; index = 0; scale = 0; disp = 0;
        base = asz === 16 ? R_GPR16 + 6 : asz === 32 ? R_GPR32 + 6 : R_GPR64 + 6;
        break;
      case S_SEG_DI:
        kd = K_MEM_SI; memSize = opSize[j]!; index = 0; scale = 0; disp = 0;
        base = asz === 16 ? R_GPR16 + 7 : asz === 32 ? R_GPR32 + 7 : R_GPR64 + 7;
        break;
      case S_STR_DI: kd = K_MEM_DI; memSize = opSize[j]!; break;
      case S_XLAT:
        kd = K_MEM; memSize = 1; scale = 1; disp = 0; index = R_GPR8;
        base = asz === 16 ? R_GPR16 + 3 : asz === 32 ? R_GPR32 + 3 : R_GPR64 + 3;
        break;
    }
    kind[k] = kd;
    reg[k] = r;
  }
  if (ff & FF_DISTINCT && (reg[0] === reg[1] || reg[0] === reg[2] || (ff & FF_DISTINCT3 && reg[1] === reg[2]))) return 0;
  if (ff & FF_VSIBREG) {
    // Gathers (as iced checks): destination, VSIB index and, with VEX, the vvvv mask all differ, by number.
    const rn = ((modrm >> 3) & 7) | (rR << 3) | (rR2 << 4), xn = sibIdx | (vV2 << 4);
    if (rn === xn || (vex && (vvvv === rn || vvvv === xn))) return 0;
  }
  // Immediate value: sign-extended where the form says so; branch targets wrap at the operand size.
  // Unsigned and double values are formed only in the stores below, so the locals stay int32.
  let target = 0, uimm = 0, moffs = 0;
  if (isz) {
    const ext = formImmExt[form]!;
    if (ext) {
      if (isz === 1) imm = (imm << 24) >> 24;
      else if (isz === 2) imm = (imm << 16) >> 16;
      uimm = 0;
    } else uimm = isz >= 4 ? 1 : 0;
    if (ff & FF_IMM4) imm &= 15;
    if (ff & FF_MOFFS) {
      base = 0; index = 0; scale = 0; disp = 0;
      moffs = 1;
    } else if (ff & FF_REL) {
      const rel = isz === 1 ? (imm << 24) >> 24 : isz === 2 ? (imm << 16) >> 16 : imm;
      // XBEGIN's fallback address is not truncated to 16 bits (SDM XBEGIN "Operation"; iced agrees).
      const wrap16 = osz === 16 && formFlow[form] !== FLOW_XBEGIN;
      target = wrap16 ? (ip + len + rel) & 0xffff : is64 ? ip + len + rel : u32((ip + len + rel) | 0);
      imm = 0; uimm = 0;
    } else if (ff & FF_FAR && isz === 4) { immHi = imm >>> 16; imm &= 0xffff; uimm = 0; }
  } else if (ff & FF_CONST1) imm = 1;
  // EVEX compresses disp8: it counts in units of the memory operand (one element when broadcasting).
  if (evex && mod === 1) disp *= formDispN[form] || (bc && bsz ? bsz : memSize || 1);
  out.length = len;
  out.form = form;
  out.mnemonic = formMnem[form]!;
  out.opCount = cnt;
  // rSP/rBP-based memory defaults to SS, everything else to DS.
  out.memSeg = seg ? seg : base && STACK_BASE[base] ? SEG_SS : SEG_DS;
  out.memBase = base;
  out.memIndex = index;
  out.memScale = scale;
  out.memDisp = ripRel ? (asz === 64 ? ip + len + disp : u32((ip + len + disp) | 0))
    : moffs ? (isz === 8 ? u32(immHi) * 4294967296 + u32(imm) : isz === 4 ? u32(imm) : imm)
    : absDisp ? u32(disp) : disp;
  out.memSize = memSize;
  out.vsib = vsib;
  out.imm = uimm ? u32(imm) : imm;
  out.immHi = isz === 8 ? u32(immHi) : immHi;
  out.imm2 = imm2;
  out.target = target;
  out.segPrefix = seg;
  out.osz = osz;
  out.asz = asz;
  out.prefixes = lock | (rep === 2 ? PF_REP : rep === 3 ? PF_REPNE : 0) | (p66 ? PF_OPSIZE : 0) | (p67 ? PF_ADDRSIZE : 0) |
    (rex ? PF_REX : 0) | (W ? PF_REXW : 0) | (vex === 1 ? PF_VEX : vex === 2 ? PF_XOP : 0) | (evex ? PF_EVEX : 0);
  out.vl = L;
  out.mask = aaa ? R_K + aaa : 0;
  out.zeroing = z;
  out.bcst = bc;
  return len;
}

/**
 * int32 → unsigned. Not `x >>> 0`: JSC speculates that its result fits in int32 and deoptimises
 * the whole decoder each time it does not (a 64-bit immediate's high half, a 32-bit address).
 */
export function u32(x: number): number {
  return x < 0 ? x + 4294967296 : x;
}

/** Fields of a VEX/EVEX/XOP prefix, filled by `escape`. */
const E = new Int32Array(17);

/**
 * Parse a VEX2/VEX3/EVEX/XOP prefix whose first byte `b` is at `p - 1`. Returns the position of
 * the byte after the opcode with the fields in `E`, 0 if `b` is not an escape here (LES/LDS/BOUND
 * /POP), or -1 for an invalid prefix (after 66/F2/F3/F0/REX, bad map, truncated).
 */
function escape(code: Uint8Array, p: number, lim: number, b: number, is64: boolean, legacy: number): number {
  if (p >= lim) return -1;
  const b1 = code[p]!;
  const isEsc = b === 0x8f ? (b1 & 0x1f) >= 8 : is64 || b1 >= 0xc0;
  if (!isEsc) return 0;
  if (legacy) return -1;
  p++;
  let rR = 0, rX = 0, rB = 0, W = 0, vvvv = 0, L = 0, pfx = 0, space = 0, vex = 0, evex = 0;
  let rR2 = 0, z = 0, bc = 0, vV2 = 0, aaa = 0, vraw = 0;
  if (b === 0xc5) {
    rR = (~b1 >> 7) & 1;
    vvvv = (~b1 >> 3) & 15;
    L = (b1 >> 2) & 1;
    pfx = b1 & 3;
    space = SP_VEX1;
    vex = 1;
  } else {
    if (p + 1 >= lim) return -1;
    const b2 = code[p++]!;
    rR = (~b1 >> 7) & 1; rX = (~b1 >> 6) & 1; rB = (~b1 >> 5) & 1;
    W = b2 >> 7;
    vvvv = (~b2 >> 3) & 15;
    pfx = b2 & 3;
    if (b === 0x62) {
      if ((b1 & 0x08) !== 0 || (b2 & 0x04) === 0) return -1;
      const mm = b1 & 7;
      if (mm === 0 || mm === 4 || mm === 7) return -1;
      space = mm <= 3 ? SP_EVEX1 + mm - 1 : mm === 5 ? SP_EVEX5 : SP_EVEX6;
      rR2 = (~b1 >> 4) & 1;
      const b3 = code[p++]!;
      z = b3 >> 7;
      L = (b3 >> 5) & 3;
      bc = (b3 >> 4) & 1;
      vV2 = (~b3 >> 3) & 1;
      aaa = b3 & 7;
      evex = 1;
    } else {
      L = (b2 >> 2) & 1;
      const mm = b1 & 0x1f;
      if (b === 0xc4) {
        if (mm < 1 || mm > 3) return -1;
        space = SP_VEX1 + mm - 1;
        vex = 1;
      } else {
        if (mm > 10) return -1;
        space = SP_XOP8 + mm - 8;
        vex = 2;
      }
    }
    if (!is64) { rX = 0; rB = 0; }
  }
  if (!is64) {
    // Outside 64-bit mode EVEX cannot name registers 16-31 through V' (R' is ignored).
    if (evex && vV2) return -1;
    rR = 0; rR2 = 0; vraw = vvvv; vvvv &= 7;
  }
  if (p >= lim) return -1;
  E[0] = rR; E[1] = rX; E[2] = rB; E[3] = W; E[4] = vvvv; E[5] = L; E[6] = pfx; E[7] = space;
  E[8] = vex; E[9] = evex; E[10] = rR2; E[11] = z; E[12] = bc; E[13] = vV2; E[14] = aaa; E[15] = vraw; E[16] = code[p]!;
  return p + 1;
}

/**
 * Register lookup: `REGS[(rex ? 1 : 0) * 17 * 32 + c * 32 + idx]` is register `idx` of class
 * `c`, or -1 for an encoding that names no register (CR9, DR8, ES+6, K9...). GPR8 indices 4-7
 * mean AH..BH without REX and SPL..DIL with it.
 */
export const REGS = new Int16Array(2 * 17 * 32).fill(-1);
for (let rx = 0; rx < 2; rx++) {
  for (let c = 1; c <= 16; c++) {
    for (let idx = 0; idx < 32; idx++) {
      let r = -1;
      if (c === RC.GPR8) r = idx >= 16 ? -1 : R_GPR8 + (idx < 4 || (idx < 8 && !rx) ? idx : idx + 4);
      else if (c === RC.GPR16 || c === RC.GPR32 || c === RC.GPR64) r = idx >= 16 ? -1 : CLASS_BASE[c]! + idx;
      else if (c === RC.SEG) r = (idx & 7) > 5 ? -1 : R_SEG + (idx & 7);
      else if (c === RC.CR) r = idx === 0 || idx === 2 || idx === 3 || idx === 4 || idx === 8 ? R_CR + idx : -1;
      else if (c === RC.DR) r = idx > 7 ? -1 : R_DR + idx;
      else if (c === RC.TR || c === RC.MM || c === RC.ST) r = CLASS_BASE[c]! + (idx & 7);
      else if (c === RC.TMM) r = idx > 7 ? -1 : R_TMM + idx;
      else if (c === RC.K) r = idx > 7 ? -1 : R_K + idx;
      else if (c === RC.BND) r = (idx & 15) > 3 ? -1 : R_BND + idx;
      else r = CLASS_BASE[c]! + (idx & 31);
      REGS[rx * 17 * 32 + c * 32 + idx] = r;
    }
  }
}
