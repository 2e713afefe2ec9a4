/**
 * @file x86 stage: the table-driven decoder (16-, 32- and 64-bit modes), entry point.
 *
 * Entry: bytes, a start offset, an end, the instruction's address and a reused `Insn`. Exit: the
 * `Insn` filled with numbers only (form, mnemonic, operands, memory, immediates, branch target)
 * and the length returned; 0 means the bytes are not a valid instruction (unknown opcode,
 * reserved register, LOCK where it is not allowed, past the 15-byte limit or the end of the
 * buffer) and `out.form` is 0. No allocation, no strings, no BigInt on this path.
 *
 * `decode` first tries a fast path for what most code is made of: a primary or 0F opcode, at most
 * one REX and no other prefix, 32- or 64-bit addressing, at least 15 bytes left, and a form whose
 * operands are plain (registers, ModRM memory, immediates, near branches; `Tables.formFast`, see tables/_fast.ts). It needs
 * no bounds checks and no prefix, VEX or EVEX state, which keeps it small enough for the JIT to
 * keep its values in registers (and its top-tier compile at ~130 ms instead of ~700 ms). Anything
 * else, and anything invalid, goes to `decodeGeneral` (`_general.ts`), which decodes from scratch;
 * the fast path writes `out` only once it has accepted the form, so falling back is exact
 * (test/x86/fast-path.test.ts pins every field to the general decoder's).
 *
 *   const d = new Decoder(64), insn = new Insn();
 *   for (let p = 0; p < code.length; ) { const n = d.decode(code, p, code.length, va + p, insn); p += n || 1; }
 */
import { Insn, K, PF } from "./insn.ts";
import { R } from "./regs.ts";
import { S } from "./tables/_schema.ts";
import { tables, N, LF } from "./tables/_load.ts";
import * as FI from "./tables/_fast.ts";
import { decodeGeneral, REGS, STACK_BASE, PREFIX, P_REX, u32 } from "./_general.ts";

const S_REG = S.REG, S_RM = S.RM, S_MEM = S.MEM, S_RMREG = S.RMREG, S_OPREG = S.OPREG, S_FIXED = S.FIXED;
const S_IMM = S.IMM, S_IMM2 = S.IMM2, S_REL = S.REL, S_STI = S.STI, S_CONST1 = S.CONST1;
const N_INVALID = N.INVALID, N_LEAF = N.LEAF, N_MODE = N.MODE, N_PFX = N.PFX, N_W = N.W, N_L = N.L;
const N_MOD = N.MOD, N_REG = N.REG, N_RM = N.RM, N_ASZ = N.ASZ;
const K_REG = K.REG, K_MEM = K.MEM, K_IMM = K.IMM, K_IMM2 = K.IMM2, K_BRANCH = K.BRANCH;
const LF_D64 = LF.D64, LF_F64 = LF.F64, PF_REX = PF.REX, PF_REXW = PF.REXW;
const R_GPR32 = R.GPR32, R_GPR64 = R.GPR64, R_RIP = R.RIP, R_ST = R.ST, SEG_DS = R.SEG + 3, SEG_SS = R.SEG + 2;
const T = tables();
const { root, hasModrm, nodes, formMnem, formOpCount, formFlags, formImm1, formImm2, formImmExt, opSrc, opCls, opSize } = T;

// The branch-free arithmetic in `decode` relies on these values.
if (LF_D64 !== 1 || LF_F64 !== 2 || PF_REX !== 32 || PF_REXW !== 64) throw new Error("x86 decoder: LF/PF values changed");
/** A REX byte (64-bit mode) maps to itself, every other byte to 0. */
const REX_BYTE = new Uint8Array(256);
for (let b = 0x40; b < 0x50; b++) REX_BYTE[b] = b;
/** 1 for the 0F escape byte. */
const ESC_0F = new Uint8Array(256);
ESC_0F[0x0f] = 1;
/** Default segment of a memory operand by base register: SS for rSP/rBP, else DS (also with no base). */
const MEM_SEG = new Int32Array(R.COUNT).fill(SEG_DS);
for (let r = 0; r < R.COUNT; r++) if (STACK_BASE[r]) MEM_SEG[r] = SEG_SS;

/**
 * Opcode keys (`space * 256 + op`, primary and 0F) the fast path may start: bit 0 in 64-bit mode,
 * bit 1 outside it (40-4F are INC/DEC there, REX here), neither for prefixes, escapes, 0F 0F / 38
 * / 3A and MOV CR/DR (whose ModRM.mod is ignored); bit 2 = has ModRM; bits 3-31 = `root[key]`.
 */
const FAST_KEY = new Int32Array(512);
for (let key = 0; key < 512; key++) {
  const op = key & 255;
  let ok = hasModrm[key] !== 2;
  if (key < 256) ok &&= (!PREFIX[op] || PREFIX[op] === P_REX) && op !== 0x0f && op !== 0xc4 && op !== 0xc5 && op !== 0x62 && op !== 0x8f;
  else ok &&= op !== 0x0f && op !== 0x38 && op !== 0x3a;
  FAST_KEY[key] = !ok ? 0 : (key < 256 && PREFIX[op] === P_REX ? 2 : 3) | (hasModrm[key]! << 2) | (root[key]! << 3);
}

const FINFO = T.formFast, FOPS = T.formFastOps;
const I_FAST = FI.I_FAST, I_EXT = FI.I_EXT, I_REL = FI.I_REL, I_CONST1 = FI.I_CONST1;
const SH_NONE = FI.SH_NONE, SH_RM_REG = FI.SH_RM_REG, SH_REG_RM = FI.SH_REG_RM, SH_REL = FI.SH_REL, SH_RM = FI.SH_RM;
const SH_REG_MEM = FI.SH_REG_MEM, SH_OPREG = FI.SH_OPREG, SH_RM_IMM = FI.SH_RM_IMM, SH_OPREG_IMM = FI.SH_OPREG_IMM;
const SH_FIXED_IMM = FI.SH_FIXED_IMM;

export interface DecoderOptions {
  /**
   * false: fill only `length`, `form` and `mnemonic` (for length/mnemonic scans). Validity is the
   * same as with operands: forms whose operands can make the encoding invalid (`FF.OPCHECK`)
   * still go through the operand decoder. Default true.
   */
  operands?: boolean;
}

export class Decoder {
  readonly is64: boolean;
  /** Default operand/address size for the mode: 16 or 32 (64-bit mode defaults to 32-bit operands). */
  private readonly def: number;
  private readonly lengthOnly: boolean;
  constructor(readonly bits: 16 | 32 | 64, options: DecoderOptions = {}) {
    this.is64 = bits === 64;
    this.def = bits === 16 ? 16 : 32;
    this.lengthOnly = options.operands === false;
  }

  /** Decode one instruction at `code[pos]`; returns its length, or 0 if invalid. */
  decode(code: Uint8Array, pos: number, end: number, ip: number, out: Insn): number {
    const is64 = this.is64, def = this.def;
    // A fast-path instruction is at most 13 bytes, so with 15 left no read needs a bounds check.
    if (end - pos < 15 || def === 16) return decodeGeneral(code, pos, end, ip, out, is64, def, this.lengthOnly);
    // REX or not, 0F or not, ModRM or not: table lookups and arithmetic, no branches.
    const rex = is64 ? REX_BYTE[code[pos]!]! : 0;
    let p = pos + 1 + (rex >> 6);
    const b = code[p - 1]!;
    const e = ESC_0F[b]!;
    const key = b + e * (256 + code[p]! - b);
    p += e;
    const ki = FAST_KEY[key]!;
    if ((ki & (is64 ? 1 : 2)) === 0) return decodeGeneral(code, pos, end, ip, out, is64, def, this.lengthOnly);
    const W = (rex >> 3) & 1, rR = (rex >> 2) & 1, rX = (rex >> 1) & 1, rB = rex & 1;
    const hm = (ki >> 2) & 1;
    const modrm = code[p]! & -hm;
    p += hm;
    const mod = modrm >> 6;
    const asz = is64 ? 64 : 32;
    let n = ki >> 3;
    for (;;) {
      const t = nodes[n]!;
      if (t === N_LEAF || t === N_INVALID) break;
      switch (t) {
        case N_MODE: n = nodes[n + 1 + (is64 ? 1 : 0)]!; break;
        case N_PFX: n = nodes[n + 1]!; break;
        case N_W: n = nodes[n + 1 + W]!; break;
        case N_L: n = nodes[n + 1]!; break;
        case N_MOD: n = nodes[n + 1 + (mod === 3 ? 1 : 0)]!; break;
        case N_REG: n = nodes[n + 1 + ((modrm >> 3) & 7)]!; break;
        case N_RM: n = nodes[n + 1 + (modrm & 7)]!; break;
        case N_ASZ: n = nodes[n + 1 + (asz >> 5)]!; break;
        default: n = nodes[n + 1 + (rB ? 0 : 1)]!; break;
      }
    }
    if (n === 0) return decodeGeneral(code, pos, end, ip, out, is64, def, this.lengthOnly);
    const lf = nodes[n + 4]!;
    // 64-bit operands when F64, D64 or REX.W (66 never reaches here).
    const sel = is64 ? (((lf & (LF_F64 | LF_D64)) | W) + 3) >> 2 : 0;
    const osz = 32 << sel;
    const form = nodes[n + 2 + sel]!;
    const info = FINFO[form]!;
    if ((info & I_FAST) === 0) return decodeGeneral(code, pos, end, ip, out, is64, def, this.lengthOnly);
    // Each field is stored as soon as it is known, so few values stay live to the end.
    const lengthOnly = this.lengthOnly;
    const isz = (info >> 4) & 15, isz2 = (info >> 8) & 3;
    // ── memory operand ──
    if (hm && mod !== 3) {
      const gbase = is64 ? R_GPR64 : R_GPR32;
      let base = 0, index = 0, scale = 0, disp = 0;
      let bnum = modrm & 7;
      if (bnum === 4) {
        const sib = code[p++]!;
        bnum = sib & 7;
        const sibIdx = ((sib >> 3) & 7) | (rX << 3);
        scale = 1 << (sib >> 6);
        if (sibIdx !== 4) index = gbase + sibIdx;
        if (bnum === 5 && mod === 0) bnum = -1;
      } else if (bnum === 5 && mod === 0) bnum = -2;
      if (bnum >= 0) base = gbase + (bnum | (rB << 3));
      if (mod === 1) disp = (code[p++]! << 24) >> 24;
      else if (mod === 2 || bnum < 0) {
        disp = code[p]! | (code[p + 1]! << 8) | (code[p + 2]! << 16) | (code[p + 3]! << 24);
        p += 4;
      }
      if (!lengthOnly) {
        if (bnum === -2 && is64) base = R_RIP;
        out.memSeg = MEM_SEG[base]!;
        out.memBase = base;
        out.memIndex = index;
        out.memScale = scale;
        // RIP-relative: the absolute address, from the end of the instruction; 32-bit disp32-only: unsigned.
        out.memDisp = bnum !== -2 ? disp : is64 ? ip + (p + isz + isz2 - pos) + disp : u32(disp);
      }
    } else if (!lengthOnly) {
      out.memSeg = SEG_DS;
      out.memBase = 0;
      out.memIndex = 0;
      out.memScale = 0;
      out.memDisp = 0;
    }
    // ── immediates ──
    let imm = 0, immHi = 0, imm2 = 0;
    if (isz) {
      if (isz === 1) imm = code[p]!;
      else if (isz === 2) imm = code[p]! | (code[p + 1]! << 8);
      else {
        imm = code[p]! | (code[p + 1]! << 8) | (code[p + 2]! << 16) | (code[p + 3]! << 24);
        if (isz === 8) immHi = code[p + 4]! | (code[p + 5]! << 8) | (code[p + 6]! << 16) | (code[p + 7]! << 24);
      }
      p += isz;
    }
    if (isz2) {
      imm2 = isz2 === 1 ? code[p]! : code[p]! | (code[p + 1]! << 8);
      p += isz2;
    }
    const len = p - pos;
    out.length = len;
    out.form = form;
    out.mnemonic = info >>> 20;
    if (lengthOnly) return len;
    out.vsib = 0;
    out.segPrefix = 0;
    out.osz = osz;
    out.asz = asz;
    out.prefixes = ((rex >> 1) & PF_REX) | ((rex << 3) & PF_REXW);
    out.vl = 0;
    out.mask = 0;
    out.zeroing = 0;
    out.bcst = 0;
    let target = 0, uimm = 0;
    if (isz) {
      if (info & I_EXT) {
        if (isz === 1) imm = (imm << 24) >> 24;
        else if (isz === 2) imm = (imm << 16) >> 16;
      } else uimm = isz >= 4 ? 1 : 0;
      if (info & I_REL) {
        const rel = isz === 1 ? (imm << 24) >> 24 : isz === 2 ? (imm << 16) >> 16 : imm;
        target = is64 ? ip + len + rel : u32((ip + len + rel) | 0);
        imm = 0; uimm = 0;
      }
    } else if (info & I_CONST1) imm = 1;
    out.imm = uimm ? u32(imm) : imm;
    out.immHi = isz === 8 ? u32(immHi) : 0;
    out.imm2 = imm2;
    out.target = target;
    // ── operands ──
    const cnt = (info >> 13) & 7;
    const kind = out.kind, reg = out.reg;
    const rbank = (rex >> 6) * 544;
    const ops = FOPS[form]!;
    let memSize = 0;
    switch (info & 15) {
      case SH_NONE: break;
      case SH_RM_REG:
        kind[1] = K_REG; reg[1] = REGS[rbank + ((ops & 31) << 5) + (((modrm >> 3) & 7) | (rR << 3))]!;
        if (mod !== 3) { kind[0] = K_MEM; reg[0] = 0; memSize = ops >>> 16; }
        else { kind[0] = K_REG; reg[0] = REGS[rbank + (ops & 0x3e0) + ((modrm & 7) | (rB << 3))]!; }
        break;
      case SH_REG_RM:
        kind[0] = K_REG; reg[0] = REGS[rbank + ((ops & 31) << 5) + (((modrm >> 3) & 7) | (rR << 3))]!;
        if (mod !== 3) { kind[1] = K_MEM; reg[1] = 0; memSize = ops >>> 16; }
        else { kind[1] = K_REG; reg[1] = REGS[rbank + (ops & 0x3e0) + ((modrm & 7) | (rB << 3))]!; }
        break;
      case SH_REL: kind[0] = K_BRANCH; reg[0] = 0; break;
      case SH_RM:
        if (mod !== 3) { kind[0] = K_MEM; reg[0] = 0; memSize = ops >>> 16; }
        else { kind[0] = K_REG; reg[0] = REGS[rbank + (ops & 0x3e0) + ((modrm & 7) | (rB << 3))]!; }
        break;
      case SH_RM_IMM:
        if (mod !== 3) { kind[0] = K_MEM; reg[0] = 0; memSize = ops >>> 16; }
        else { kind[0] = K_REG; reg[0] = REGS[rbank + (ops & 0x3e0) + ((modrm & 7) | (rB << 3))]!; }
        kind[1] = K_IMM; reg[1] = 0;
        break;
      case SH_REG_MEM:
        kind[0] = K_REG; reg[0] = REGS[rbank + ((ops & 31) << 5) + (((modrm >> 3) & 7) | (rR << 3))]!;
        kind[1] = K_MEM; reg[1] = 0; memSize = ops >>> 16;
        break;
      case SH_OPREG: kind[0] = K_REG; reg[0] = REGS[rbank + ((ops & 31) << 5) + ((key & 7) | (rB << 3))]!; break;
      case SH_OPREG_IMM:
        kind[0] = K_REG; reg[0] = REGS[rbank + ((ops & 31) << 5) + ((key & 7) | (rB << 3))]!;
        kind[1] = K_IMM; reg[1] = 0;
        break;
      case SH_FIXED_IMM: kind[0] = K_REG; reg[0] = opCls[form * 5]!; kind[1] = K_IMM; reg[1] = 0; break;
      default:
        for (let k = 0; k < cnt; k++) {
          const j = form * 5 + k;
          const src = opSrc[j]!;
          let kd: number = K_REG, r = 0;
          switch (src) {
            case S_REG: r = REGS[rbank + (opCls[j]! << 5) + (((modrm >> 3) & 7) | (rR << 3))]!; break;
            // @ts-expect-error: S_RM falls through to the register form when mod = 3
            case S_RM:
              if (mod !== 3) { kd = K_MEM; memSize = opSize[j]!; break; }
            case S_RMREG: r = REGS[rbank + (opCls[j]! << 5) + ((modrm & 7) | (rB << 3))]!; break;
            case S_MEM: kd = K_MEM; memSize = opSize[j]!; break;
            case S_OPREG: r = REGS[rbank + (opCls[j]! << 5) + ((key & 7) | (rB << 3))]!; break;
            case S_FIXED: r = opCls[j]!; break;
            case S_STI: r = R_ST + (modrm & 7); break;
            case S_IMM: case S_CONST1: kd = K_IMM; break;
            case S_IMM2: kd = K_IMM2; break;
            default: kd = K_BRANCH; break;
          }
          if (r < 0) return decodeGeneral(code, pos, end, ip, out, is64, def, false);
          kind[k] = kd;
          reg[k] = r;
        }
    }
    out.opCount = cnt;
    out.memSize = memSize;
    return len;
  }
}
