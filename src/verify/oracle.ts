/**
 * @file Stage 9 (verifier): where Unicorn's x86 CPU is not the manual's. `oracleDisagrees` names
 * the encodings the differential tester (diff.ts) cannot compare (skipped and counted);
 * `referenceBytes` gives the equivalent encoding the reference runs where Unicorn rejects or
 * mis-runs one the CPU runs as an alias. Each rule is checked on this machine's CPU by a test.
 *
 *   const why = oracleDisagrees(code, insn, 64);   // "" or "oracle: ..."
 */
import { FLOW, K, PF, R, tables, type Insn } from "../x86/index.ts";

const SHIFT_DOUBLE = new Set(["shld", "shrd"]);
const SSE4A_FIELD = new Set(["extrq", "insertq"]);
const NEAR_BRANCH = new Set<number>([FLOW.JMP, FLOW.JCC, FLOW.CALL, FLOW.RET, FLOW.JMP_IND, FLOW.CALL_IND]);
const LEGACY_PREFIX = new Set([0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3]);

/**
 * Encodings where Unicorn's x86 CPU is not the manual's, so there is nothing to compare against:
 * - a 66 prefix on a near branch in 64-bit mode: Intel ignores it (iced and our decoder follow
 *   Intel), AMD and Unicorn use a 16-bit operand size (this machine is an AMD EPYC, so it cannot
 *   referee for Intel);
 * - a REX prefix followed by a legacy prefix: the SDM (Vol. 2 §2.2.1) says such a REX is ignored,
 *   Unicorn applies it (`48 66 01 c8` runs as `add rax, rcx`). test/verify/diff.test.ts checks
 *   the hardware's answer natively.
 * - SHLD/SHRD imm8 with a RIP-relative operand: Unicorn 2.0.1 (QEMU) leaves the trailing imm8
 *   out of the RIP base and accesses the byte before the operand (the SDM and the CPU take the
 *   end of the instruction; test/verify/muldiv-diff.test.ts checks the CPU natively).
 * - EXTRQ and INSERTQ (SSE4a, both modes): Unicorn 2.0.1 (QEMU 5) runs EXTRQ imm on the ModRM.reg
 *   register (the AMD APM's `66 0F 78 /0` names ModRM.rm), INSERTQ imm on its destination alone,
 *   and takes a length of 0 as 0, not 64. This machine (Intel) has no SSE4a to referee; QEMU 7.2
 *   in user mode does, and test/verify/sse4a.test.ts runs these forms against it.
 */
export function oracleDisagrees(code: Uint8Array, insn: Insn, bits: 32 | 64): string {
  if (SSE4A_FIELD.has((tables().mnemonics[insn.mnemonic] ?? "").toLowerCase())) return "oracle: EXTRQ/INSERTQ (Unicorn's SSE4a takes the wrong operands; see test/verify/sse4a.test.ts)";
  if (bits !== 64) return "";
  if (insn.memBase === R.RIP && insn.kind[2] === K.IMM && SHIFT_DOUBLE.has((tables().mnemonics[insn.mnemonic] ?? "").toLowerCase())) {
    return "oracle: RIP-relative SHLD/SHRD imm8 (Unicorn leaves the imm8 out of the RIP base)";
  }
  if (insn.prefixes & PF.OPSIZE && NEAR_BRANCH.has(tables().formFlow[insn.form]!)) return "oracle: 66 on a 64-bit near branch (Intel ignores it, AMD/Unicorn: 16-bit)";
  for (let i = 0; i + 1 < insn.length; i++) {
    const b = code[i]!;
    if ((b & 0xf0) === 0x40 && LEGACY_PREFIX.has(code[i + 1]!)) return "oracle: REX before a legacy prefix (Unicorn applies it, the CPU ignores it)";
    if (!LEGACY_PREFIX.has(b) && (b & 0xf0) !== 0x40) break;
  }
  return "";
}

/**
 * The bytes the reference runs for `code`: the same, except for encodings Unicorn rejects but the
 * CPU runs as an alias. F6 /1 and F7 /1 are TEST r/m, imm (as /0) on hardware (checked natively in
 * test/verify/diff.test.ts); Unicorn raises #UD for them. And LOCK NEG, where Unicorn 2.0.1 takes
 * SF, ZF and PF from the old value instead of the result (the CPU does not: checked natively in
 * test/verify/atomic-diff.test.ts): the reference runs it with a DS override (3E, as long, no
 * effect here) in place of each F0 (a single thread cannot tell LOCK apart).
 */
export function referenceBytes(code: Uint8Array, insn: Insn, bits: 32 | 64): Uint8Array {
  let i = 0;
  while (i < insn.length && (LEGACY_PREFIX.has(code[i]!) || (bits === 64 && (code[i]! & 0xf0) === 0x40))) i++;
  const op = code[i], modrm = code[i + 1];
  if ((op === 0xf6 || op === 0xf7) && modrm !== undefined && ((modrm >> 3) & 7) === 3 && insn.prefixes & PF.LOCK) {
    return code.map((b, k) => (k < i && b === 0xf0 ? 0x3e : b));
  }
  if ((op === 0xf6 || op === 0xf7) && modrm !== undefined && ((modrm >> 3) & 7) === 1) {
    const ref = code.slice();
    ref[i + 1] = modrm & ~0x38;
    return ref;
  }
  return code;
}
