/**
 * @file x86 stage, table compiler: the per-form words the decoder's fast path (decoder.ts) reads,
 * computed from the other form arrays when the tables are built (`_build.ts`) and stored in
 * `_generated.ts` like them, so loading costs nothing (computing them at start-up took ~10 ms of
 * cold JavaScript).
 *
 * Entry: the compiled form and operand arrays. Exit: `formFast` and `formFastOps`, one Int32 per form.
 *
 *   const { formFast } = fastFormInfo(t); formFast[f] & I_FAST // → the fast path completes form f
 */
import { RC } from "../regs.ts";
import { S } from "./_schema.ts";
import { FF, type Tables } from "./_load.ts";

type FormArrays = Pick<Tables,
  "formFlags" | "formOpCount" | "formImm1" | "formImm2" | "formImmExt" | "formMnem" | "opSrc" | "opCls" | "opSize">;

/**
 * Per form, what the fast path needs in one word (`Tables.formFast`): whether it completes the
 * form at all (`I_FAST`: no prefix-, VEX- or operand-dependent validity, plain operands, ModRM r/m registers
 * only of classes numbered 0-15 by REX.B, so not XMM-ZMM or K, an immediate of 0/1/2/4/8 bytes),
 * an operand shape with straight-line code (`SH_*`, 0 = the per-operand loop), immediate sizes,
 * sign extension, REL/CONST1, the operand count and the mnemonic (bits 20-31).
 * `Tables.formFastOps`: the register classes of the ModRM.reg/opcode-register operand (bits 0-4) and the r/m operand (5-9),
 * and the memory operand's size (bits 16-31), for the shapes.
 */
export const I_FAST = 1 << 16, I_EXT = 1 << 10, I_REL = 1 << 11, I_CONST1 = 1 << 12;
export const SH_NONE = 1, SH_RM_REG = 2, SH_REG_RM = 3, SH_REL = 4, SH_RM = 5, SH_REG_MEM = 6, SH_OPREG = 7, SH_RM_IMM = 8;
export const SH_OPREG_IMM = 9, SH_FIXED_IMM = 10;

/** `formFast` and `formFastOps` for compiled tables (run by `_build.ts`; loaded with the rest from `_generated.ts`). */
export function fastFormInfo(t: FormArrays): { formFast: Int32Array; formFastOps: Int32Array } {
  const { formFlags, formOpCount, formImm1, formImm2, formImmExt, formMnem, opSrc, opCls, opSize } = t;
  const FINFO = new Int32Array(formFlags.length), FOPS = new Int32Array(formFlags.length);
  const S_REG = S.REG, S_RM = S.RM, S_MEM = S.MEM, S_RMREG = S.RMREG, S_OPREG = S.OPREG, S_FIXED = S.FIXED;
  const S_IMM = S.IMM, S_IMM2 = S.IMM2, S_REL = S.REL, S_STI = S.STI, S_CONST1 = S.CONST1;
  const XMM = RC.XMM, ZMM = RC.ZMM, KC = RC.K, GPR8 = RC.GPR8, GPR64 = RC.GPR64, REL = FF.REL, CONST1 = FF.CONST1;
  const bad = FF.VVVV | FF.IS4 | FF.MOFFS | FF.NOCS | FF.FAR | FF.EK | FF.EZ | FF.ERSAE | FF.EBCST | FF.DISTINCT | FF.KREQ |
    FF.IMM4 | FF.VSIBREG | FF.DISTINCT3 | FF.VSIB | FF.OPCHECK;
  // Plain-operand sources as a bit set; shapes keyed by count * 1024 + src0 * 32 + src1 (sources are < 32).
  const plain = [S_REG, S_RM, S_MEM, S_RMREG, S_OPREG, S_FIXED, S_IMM, S_IMM2, S_REL, S_STI, S_CONST1].reduce((m, x) => m | (1 << x), 0);
  const sh = (a = 0, b = 0, n = (a ? 1 : 0) + (b ? 1 : 0)) => n * 1024 + a * 32 + b;
  const shapes = new Map<number, number>([
    [sh(), SH_NONE], [sh(S_RM, S_REG), SH_RM_REG], [sh(S_REG, S_RM), SH_REG_RM], [sh(S_REL), SH_REL], [sh(S_RM), SH_RM],
    [sh(S_REG, S_MEM), SH_REG_MEM], [sh(S_OPREG), SH_OPREG], [sh(S_RM, S_IMM), SH_RM_IMM], [sh(S_RM, S_CONST1), SH_RM_IMM],
    [sh(S_OPREG, S_IMM), SH_OPREG_IMM], [sh(S_FIXED, S_IMM), SH_FIXED_IMM],
  ]);
  for (let f = 1; f < formFlags.length; f++) {
    const ff = formFlags[f]!, cnt = formOpCount[f]!;
    // Immediates of 0, 1, 2, 4 or 8 bytes (bits 0, 1, 2, 4, 8 of 0x117).
    let ok = (ff & bad) === 0 && ((0x117 >> formImm1[f]!) & 1) === 1;
    let gpr = true, regCls = 0, rmCls = 0, memSize = 0;
    let tuple = cnt * 1024;
    for (let k = 0; k < cnt; k++) {
      const src = opSrc[f * 5 + k]!, c = opCls[f * 5 + k]!;
      if (k < 2) tuple += src << (k ? 0 : 5);
      if (!((plain >> src) & 1) || ((src === S_RM || src === S_RMREG) && ((c >= XMM && c <= ZMM) || c === KC))) ok = false;
      if (src === S_REG || src === S_OPREG) regCls = c;
      if (src === S_RM) rmCls = c;
      if (src === S_RM || src === S_MEM) memSize = opSize[f * 5 + k]!;
      if ((src === S_REG || src === S_OPREG || src === S_RM) && (c < GPR8 || c > GPR64)) gpr = false;
    }
    const shape = gpr && cnt <= 2 ? shapes.get(tuple) ?? 0 : 0;
    FINFO[f] = (ok ? I_FAST : 0) | shape | (formImm1[f]! << 4) | (formImm2[f]! << 8) | (formImmExt[f] ? I_EXT : 0) |
      (ff & REL ? I_REL : 0) | (ff & CONST1 ? I_CONST1 : 0) | (cnt << 13) | (formMnem[f]! << 20);
    FOPS[f] = regCls | (rmCls << 5) | (memSize << 16);
  }
  return { formFast: FINFO, formFastOps: FOPS };
}
