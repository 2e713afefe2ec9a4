/**
 * @file x86 stage: the decoded-instruction record.
 *
 * One `Insn` is reused for every instruction: the decoder overwrites its numeric fields and never
 * allocates. Operands are flat fields (`kind[0..4]`, `reg[0..4]`) plus one memory operand
 * (`memBase`, `memIndex`, `memScale`, `memDisp`), up to two immediates and a branch target. The
 * form id indexes the tables (`formName(form)`, `formMnemonic(form)`); strings exist only in the
 * formatter.
 *
 *   const d = new Decoder(64); const i = new Insn();
 *   const len = d.decode(bytes, 0, bytes.length, 0x140001000, i); // 0 = invalid
 *   if (i.kind[1] === K.MEM) use(i.memBase, i.memIndex, i.memScale, i.memDisp);
 */

/** Operand kinds (`Insn.k0..k4`). */
export const K = {
  NONE: 0,
  REG: 1,
  /** ModRM/SIB/moffs memory: `memSeg:[memBase + memIndex*memScale + memDisp]`, `memSize` bytes. */
  MEM: 2,
  /** `imm` (sign-extended to the operand's width when the form says so). */
  IMM: 3,
  /** Second immediate (`imm2`): ENTER's level, EXTRQ/INSERTQ's index. */
  IMM2: 4,
  /** Near branch; the absolute target is `target`. */
  BRANCH: 5,
  /** Far pointer `imm2:imm` (selector:offset). */
  FAR: 6,
  /** String source `seg:[rSI]`, `memBase` = SI/ESI/RSI by address size (MASKMOVQ/MASKMOVDQU: `seg:[rDI]`, `memBase` = rDI). */
  MEM_SI: 7,
  /** String destination `ES:[rDI]` (rDI by address size). */
  MEM_DI: 8,
} as const;

/** Control-flow kinds (`formFlow(form)`), what discovery needs from a terminator. */
export const FLOW = {
  NEXT: 0, JMP: 1, JCC: 2, CALL: 3, RET: 4, JMP_IND: 5, CALL_IND: 6, INT: 7, STOP: 8, XBEGIN: 9, FAR: 10,
} as const;

export class Insn {
  /** Bytes consumed; 0 after an invalid encoding. */
  length = 0;
  /** Form id (index into the tables); 0 = invalid. */
  form = 0;
  /** Mnemonic id (`mnemonicName`). */
  mnemonic = 0;
  opCount = 0;
  /** Operand kinds (`K.*`), one per operand; entries at and past `opCount` are stale. */
  readonly kind = new Int32Array(5);
  /** Register per operand (0 when the operand is not a register). */
  readonly reg = new Int32Array(5);
  /** Segment register used for memory (explicit prefix or the default). */
  memSeg = 0;
  memBase = 0;
  memIndex = 0;
  memScale = 0;
  /** Displacement: signed, or the absolute address for RIP/EIP-relative (`memBase` = RIP/EIP). */
  memDisp = 0;
  /** Memory operand size in bytes (0 = not sized, e.g. LEA). */
  memSize = 0;
  /** 1 when the memory operand uses VSIB (index is a vector register). */
  vsib = 0;
  /**
   * Immediate: signed when the form sign-extends it (imm8 → r/m32), else unsigned. A 64-bit
   * immediate or moffs64 address is `immHi:imm` (both unsigned 32-bit halves).
   */
  imm = 0;
  immHi = 0;
  imm2 = 0;
  /** Absolute near-branch target. */
  target = 0;
  /** Prefix bits, see `PF`. */
  prefixes = 0;
  /** Segment override prefix register (0 = none). */
  segPrefix = 0;
  /** Operand and address size in bits. */
  osz = 0;
  asz = 0;
  /** VEX/EVEX fields: vector length (0 = 128, 1 = 256, 2 = 512), opmask register, zeroing, broadcast/rounding. */
  vl = 0;
  mask = 0;
  zeroing = 0;
  bcst = 0;
}

/** `Insn.prefixes` bits. */
export const PF = {
  LOCK: 1, REP: 2, REPNE: 4, OPSIZE: 8, ADDRSIZE: 16, REX: 32, REXW: 64, VEX: 128, EVEX: 256, XOP: 512,
} as const;
