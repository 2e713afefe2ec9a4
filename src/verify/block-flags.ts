/**
 * @file Stage 10 (verification), for the Differ (diff.ts): which EFLAGS each form reads, writes and
 * leaves undefined, from the table rows (`formFlags`), and how a random block's undefined-flag
 * mask moves across one instruction (`undefAfter`), so the comparison leaves out exactly the
 * flags the SDM does not define at the block's end and skips blocks that read one.
 *
 *   let undef = 0;
 *   for (const insn of block) { if (formFlags(id).r & undef) skip(); undef = undefAfter(insn, mn, formFlags(id), undef); }
 */
import { K, R, type Insn } from "../x86/index.ts";
import { TABLE_TEXTS } from "../x86/tables/_build.ts";
import { parseRows } from "../x86/tables/_schema.ts";
import { regByName } from "../x86/regs.ts";

/** Flag letters of the rows → EFLAGS bits. */
const LETTER_BITS: Record<string, number> = { c: 0x1, p: 0x4, a: 0x10, z: 0x40, s: 0x80, d: 0x400, o: 0x800 };
const letterMask = (s: string): number => [...s].reduce((m, ch) => m | (LETTER_BITS[ch] ?? 0), 0);

export interface FormFlags { r: number; w: number; u: number }
let formFlagsCache: Map<string, FormFlags> | undefined;
/** Read/written/undefined EFLAGS masks per form id, from the rows (written includes f0/f1/fu). */
export function formFlags(formId: string): FormFlags {
  if (!formFlagsCache) {
    formFlagsCache = new Map();
    for (const [name, text] of TABLE_TEXTS) {
      for (const f of parseRows(name, text, regByName)) {
        const { r, w, u, c, s } = f.rflags;
        const prev = formFlagsCache.get(f.id);
        const v = { r: letterMask(r), w: letterMask(w + c + s + u), u: letterMask(u) };
        formFlagsCache.set(f.id, prev ? { r: prev.r | v.r, w: prev.w | v.w, u: prev.u | v.u } : v);
      }
    }
  }
  return formFlagsCache.get(formId) ?? { r: 0, w: 0, u: 0 };
}

/** Width in bits of a general register (0 for any other register). */
export function regWidth(r: number): number {
  if (r >= R.GPR8 && r < R.GPR16) return 8;
  if (r >= R.GPR16 && r < R.GPR32) return 16;
  if (r >= R.GPR32 && r < R.GPR64) return 32;
  if (r >= R.GPR64 && r < R.GPR64 + 16) return 64;
  return 0;
}

const SHIFT_LIKE = /^(rol|ror|rcl|rcr|shl|sal|shr|sar|shld|shrd)$/;

/**
 * The undefined-flag mask after `insn` (lower-case mnemonic `mn`, row flags `ff`) given the mask
 * `undef` before it: its written flags become defined, its undefined ones undefined. A shift or
 * rotate by CL may write nothing (count 0), so it only adds. An immediate count that masks to 0
 * affects no flag (SDM "If the masked count is 0, the flags are not affected"); the masked count is
 * COUNT AND 1FH (3FH with REX.W), before RCL/RCR's MOD 9/17: `rcl byte [rbx], 27` rotates nothing
 * (CF keeps its value, defined or not), yet its masked count is 27, so OF is undefined.
 */
export function undefAfter(insn: Insn, mn: string, ff: FormFlags, undef: number): number {
  const shiftLike = SHIFT_LIKE.test(mn), last = insn.opCount - 1;
  if (shiftLike && insn.kind[last] === K.REG) return undef | ff.u;
  if (shiftLike && insn.kind[last] === K.IMM) {
    const w = insn.kind[0] === K.MEM ? insn.memSize * 8 : regWidth(insn.reg[0]!);
    const masked = insn.imm & (w === 64 ? 63 : 31);
    if (masked === 0) return undef;
    if ((mn === "rcl" || mn === "rcr") && w <= 16 && masked % (w + 1) === 0) return undef | ff.u;
  }
  return (undef & ~ff.w) | ff.u;
}
