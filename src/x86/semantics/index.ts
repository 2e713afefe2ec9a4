/**
 * @file x86 semantics (stage 4 → 5), public API: `SEMANTICS`, one function per mnemonic key
 * (the SDM spelling in capitals, as `tables().mnemonics` holds it), and `translateInsn`, which
 * the block translator calls once per decoded instruction after emitting its `Guest` marker.
 *
 * `translateInsn` looks the function up in an array indexed by mnemonic id (built once; no
 * string work per instruction) and returns "end" when the instruction emitted a terminator,
 * "next" otherwise, and "unhandled" for a mnemonic or form outside the core set: a LOCK prefix
 * on a mnemonic outside atomic.ts `LOCKABLE`, a REP/REPNE prefix, a 16-bit address size, or a function that
 * returned false (FS/GS segment overrides are translated: memory operands add the base, `effAddr`). On "unhandled" it restores `b.n` itself; the caller emits the fallback exit.
 *
 *   b.guest(va, insn.length);
 *   const r = translateInsn(b, insn, va, 64); // "next" | "end" | "unhandled"
 */
import type { IrBlock } from "../../ir/index.ts";
import { K, PF, type Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { tables } from "../tables/_load.ts";
import { SemCtx, type Semantic } from "./_operand.ts";
import { ADC, ADD, CMP, DEC, INC, NEG, SBB, SUB } from "./arith.ts";
import { AND, NOT, OR, SALC, TEST, XOR, SETA, SETAE, SETB, SETBE, SETE, SETG, SETGE, SETL, SETLE, SETNE, SETNO, SETNP, SETNS, SETO, SETP, SETS } from "./logic.ts";
import {
  CBW, CDQ, CDQE, CQO, CWD, CWDE, MOV, MOVNTI, MOVSX, MOVSXD, MOVZX, XCHG,
  CMOVA, CMOVAE, CMOVB, CMOVBE, CMOVE, CMOVG, CMOVGE, CMOVL, CMOVLE, CMOVNE, CMOVNO, CMOVNP, CMOVNS, CMOVO, CMOVP, CMOVS,
} from "./move.ts";
import { ROL, ROR, SAL, SAR, SHL, SHR } from "./shift.ts";
import { IMUL, MUL } from "./mul.ts";
import { RCL, RCR, SHLD, SHRD } from "./shift2.ts";
import { DIV, IDIV } from "./divide.ts";
import { POP, PUSH } from "./stack.ts";
import { CALL, JA, JAE, JB, JBE, JE, JG, JGE, JL, JLE, JMP, JNE, JNO, JNP, JNS, JO, JP, JS, RET } from "./branch.ts";
import { HLT, INT3, LEA, NOP, UD2 } from "./misc.ts";
import {
  ADCX, ADOX, ANDN, BEXTR, BLSI, BLSMSK, BLSR, BSF, BSR, BSWAP, BT, BTC, BTR, BTS, BZHI, LZCNT, MOVBE, MULX, PDEP, PEXT, POPCNT, RORX,
  LOCKABLE_BITS, MANDATORY_F3, SARX, SHLX, SHRX, TZCNT,
} from "./bits.ts";
import { CLC, CLD, CMC, LAHF, SAHF, STC, STD } from "./flags.ts";
import { ENTER, JECXZ, JRCXZ, LEAVE, LOOP, LOOPE, LOOPNE, POPA, POPAD, POPF, POPFD, POPFQ, PUSHA, PUSHAD, PUSHF, PUSHFD, PUSHFQ } from "./control.ts";
import { AAA, AAD, AAM, AAS, CPUID, DAA, DAS, INT, INT1, INTO, PAUSE, RDTSC, RDTSCP, SYSCALL, XLATB } from "./system.ts";
import { CALL_FAR, JMP_FAR, MOV_SREG, POP_SREG, PUSH_SREG, RETF, isSegmentForm } from "./segment.ts";
import {
  CLFLUSH, CLFLUSHOPT, CLWB, LFENCE, MFENCE, PREFETCH, PREFETCHNTA, PREFETCHT0, PREFETCHT1, PREFETCHT2, PREFETCHW, PREFETCHWT1,
  RDFSBASE, RDGSBASE, RDPID, RDRAND, RDSEED, RESERVEDNOP, SFENCE, WRFSBASE, WRGSBASE, HINTS_MANDATORY_F3,
} from "./hints.ts";

import { REP_MNEMONICS, STRING_SEMANTICS } from "./string.ts";
import { CMPXCHG, CMPXCHG16B, CMPXCHG8B, LOCKABLE, XADD } from "./atomic.ts";
import { MOVSD_SSE, VECTOR_MANDATORY_REP, VECTOR_SEMANTICS } from "./vector.ts";
import { SHUFFLE_MANDATORY_REP, SHUFFLE_SEMANTICS } from "./vector-shuffle.ts";

export { SemCtx, type Semantic } from "./_operand.ts";

/** Every translated mnemonic, by its key in the tables. */
export const SEMANTICS = {
  MOVNTI, MOVZX, MOVSX, MOVSXD, XCHG, CBW, CWDE, CDQE, CWD, CDQ, CQO, LEA, SALC,
  CMOVO, CMOVNO, CMOVB, CMOVAE, CMOVE, CMOVNE, CMOVBE, CMOVA, CMOVS, CMOVNS, CMOVP, CMOVNP, CMOVL, CMOVGE, CMOVLE, CMOVG,
  ADD, ADC, SUB, SBB, CMP, INC, DEC, NEG, AND, OR, XOR, NOT, TEST,
  SETO, SETNO, SETB, SETAE, SETE, SETNE, SETBE, SETA, SETS, SETNS, SETP, SETNP, SETL, SETGE, SETLE, SETG,
  SHL, SAL, SHR, SAR, ROL, ROR, IMUL, MUL,
  RCL, RCR, SHLD, SHRD, DIV, IDIV,
  RET, RETF,
  JO, JNO, JB, JAE, JE, JNE, JBE, JA, JS, JNS, JP, JNP, JL, JGE, JLE, JG,
  NOP, INT3, UD2, HLT,
  BSWAP, MOVBE, BT, BTS, BTR, BTC, BSF, BSR, LZCNT, TZCNT, POPCNT,
  ANDN, BEXTR, BLSI, BLSMSK, BLSR, BZHI, MULX, PDEP, PEXT, RORX, SARX, SHLX, SHRX, ADCX, ADOX,
  CLC, STC, CMC, CLD, STD, LAHF, SAHF,
  LOOP, LOOPE, LOOPNE, JECXZ, JRCXZ, ENTER, LEAVE, PUSHF, PUSHFD, PUSHFQ, POPF, POPFD, POPFQ, PUSHA, PUSHAD, POPA, POPAD,
  CPUID, RDTSC, RDTSCP, SYSCALL, INT, INT1, INTO, PAUSE, XLATB, DAA, DAS, AAA, AAS, AAM, AAD,
  XADD, CMPXCHG, CMPXCHG8B, CMPXCHG16B,
  LFENCE, SFENCE, MFENCE,
  CLFLUSH, CLFLUSHOPT, CLWB,
  PREFETCHT0, PREFETCHT1, PREFETCHT2, PREFETCHNTA, PREFETCHW, PREFETCHWT1, PREFETCH,
  RESERVEDNOP,
  RDFSBASE, RDGSBASE, WRFSBASE, WRGSBASE,
  RDRAND, RDSEED, RDPID,
  ...STRING_SEMANTICS,
  ...VECTOR_SEMANTICS,
  ...SHUFFLE_SEMANTICS,
  // Segment-register and far forms share their mnemonic with the general ones (segment.ts).
  MOV: (b, i, c) => (isSegmentForm(i) ? MOV_SREG(b, i, c) : MOV(b, i, c)),
  PUSH: (b, i, c) => (isSegmentForm(i) ? PUSH_SREG(b, i, c) : PUSH(b, i, c)),
  POP: (b, i, c) => (isSegmentForm(i) ? POP_SREG(b, i, c) : POP(b, i, c)),
  CALL: (b, i, c) => (isSegmentForm(i) ? CALL_FAR(b, i, c) : CALL(b, i, c)),
  JMP: (b, i, c) => (isSegmentForm(i) ? JMP_FAR(b, i, c) : JMP(b, i, c)),
  // MOVSD is two instructions: the string move (A5) and the SSE scalar move (F2 0F 10/11).
  MOVSD: (b, i, c) => (i.kind[0] === K.MEM_DI || i.kind[1] === K.MEM_SI ? STRING_SEMANTICS.MOVSD(b, i, c) : MOVSD_SSE(b, i, c)),
} satisfies Record<string, Semantic>;

/** Semantic function per mnemonic id (undefined: not translated). */
const BY_MNEMONIC: (Semantic | undefined)[] = tables().mnemonics.map((m) => (SEMANTICS as Record<string, Semantic>)[m]);

/** Per mnemonic id: 1 when its semantics implement LOCK (atomic.ts `LOCKABLE`, bits.ts `LOCKABLE_BITS`); LOCK on any other falls back. */
const LOCK_OK = Uint8Array.from(tables().mnemonics, (m) => ((LOCKABLE.has(m) || LOCKABLE_BITS.has(m)) && m in SEMANTICS ? 1 : 0));
const REP_PREFIXES = PF.REP | PF.REPNE;
/** Per mnemonic id: 1 when its semantics take a REP/REPNE prefix (the string instructions); on any other it falls back. */
// PAUSE is F3 90: its F3 is the opcode too.
// POPCNT, LZCNT, TZCNT and ADOX carry their F3 as part of the opcode (bits.ts MANDATORY_F3), as do
// RDFSBASE..WRGSBASE and RDPID (hints.ts HINTS_MANDATORY_F3).
// F3 on RET (`rep ret`, the AMD branch-predictor idiom GCC emits) and F2 on near branches (BND:
// MPX is off, so it is ignored) change nothing: those run as the plain branch.
const REP_IGNORED = ["RET", "JMP", "CALL", "JO", "JNO", "JB", "JAE", "JE", "JNE", "JBE", "JA", "JS", "JNS", "JP", "JNP", "JL", "JGE", "JLE", "JG"];
const REP_OK = Uint8Array.from(tables().mnemonics, (m) =>
  (REP_MNEMONICS.includes(m) || MANDATORY_F3.includes(m) || HINTS_MANDATORY_F3.includes(m) || VECTOR_MANDATORY_REP.includes(m) || SHUFFLE_MANDATORY_REP.includes(m) || m === "PAUSE" || REP_IGNORED.includes(m) ? 1 : 0));
const ctx = new SemCtx();

/**
 * Emit the IR of one decoded instruction at `va` (after the caller's `Guest` marker). Returns
 * "end" if it ended the block, "next" to go on, "unhandled" (with `b.n` restored) to fall back.
 */
export function translateInsn(b: IrBlock, i: Insn, va: bigint, mode: 32 | 64): "next" | "end" | "unhandled" {
  if (((i.prefixes & PF.LOCK) !== 0 && LOCK_OK[i.mnemonic] !== 1) || i.asz === 16) return "unhandled";
  if ((i.prefixes & REP_PREFIXES) !== 0 && REP_OK[i.mnemonic] !== 1) return "unhandled";
  const f = BY_MNEMONIC[i.mnemonic];
  if (f === undefined) return "unhandled";
  ctx.va = va;
  ctx.len = i.length;
  ctx.mode = mode;
  const mark = b.n;
  if (!f(b, i, ctx)) {
    b.n = mark;
    return "unhandled";
  }
  return b.terminated() ? "end" : "next";
}
