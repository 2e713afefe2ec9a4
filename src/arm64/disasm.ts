/**
 * @file ARM64 disassembler (stage 6): prints every word the encoder can emit the way
 * llvm-objdump-19 prints it, after the normalisation described in test/arm64/_llvm.ts (one space
 * after the mnemonic, no `// =...` comments, no `<symbol>` annotations; branch targets are
 * absolute hex addresses). Words it does not know are `.inst 0x...` with `unknown: true`; a word
 * is only claimed when every field is checked, so a wrong text is a bug.
 *
 * The decode rows come from the same family files as the encoders (`isa/*.ts`), bucketed by the
 * op0 field (bits 28..25) once, lazily.
 *
 *   disasmWord(0x91001420, 0)   // "add x0, x1, #0x5"
 *   for (const l of disassembleArm64(bytes, 0x400000)) console.log(formatArm64Line(l));
 */
import type { Row } from "./isa/_row.ts";
import { DATA_IMM_ROWS } from "./isa/data-imm.ts";
import { LOGICAL_ROWS } from "./isa/logical.ts";
import { MOVE_WIDE_ROWS } from "./isa/move-wide.ts";
import { BITFIELD_ROWS } from "./isa/bitfield.ts";
import { DATA_REG_ROWS } from "./isa/data-reg.ts";
import { COND_ROWS } from "./isa/cond.ts";
import { SYSTEM_ROWS } from "./isa/system.ts";
import { BRANCH_ROWS } from "./isa/branch.ts";
import { LOAD_STORE_ROWS } from "./isa/load-store.ts";
import { ATOMIC_ROWS } from "./isa/atomic.ts";
import { FP_ROWS } from "./isa/fp.ts";
import { SIMD_ROWS } from "./isa/simd.ts";
import { SIMD_MISC_ROWS } from "./isa/simd-misc.ts";
import { SIMD_SHIFT_ROWS } from "./isa/simd-shift.ts";
import { SIMD_DIFF_ROWS } from "./isa/simd-diff.ts";
import { SIMD_MEM_ROWS } from "./isa/simd-mem.ts";
import { SIMD_ELEM_ROWS } from "./isa/simd-elem.ts";

const FAMILIES: Row[][] = [DATA_IMM_ROWS, LOGICAL_ROWS, MOVE_WIDE_ROWS, BITFIELD_ROWS, DATA_REG_ROWS, COND_ROWS, SYSTEM_ROWS, BRANCH_ROWS, LOAD_STORE_ROWS, ATOMIC_ROWS, FP_ROWS, SIMD_ROWS, SIMD_MISC_ROWS, SIMD_SHIFT_ROWS, SIMD_DIFF_ROWS, SIMD_MEM_ROWS, SIMD_ELEM_ROWS];

let buckets: Row[][] | undefined;

function build(): Row[][] {
  const out: Row[][] = Array.from({ length: 16 }, () => []);
  for (const fam of FAMILIES)
    for (const rw of fam)
      for (let op0 = 0; op0 < 16; op0++) {
        const bits = op0 << 25;
        if (((rw.value ^ bits) & rw.mask & 0x1e000000) === 0) out[op0]!.push(rw);
      }
  return out;
}

/** Text of one word at address `pc`, or undefined if we do not know it. */
export function disasmWord(w: number, pc = 0): string | undefined {
  const b = (buckets ??= build())[(w >>> 25) & 15]!;
  w >>>= 0;
  for (let i = 0; i < b.length; i++) {
    const rw = b[i]!;
    if (((w & rw.mask) >>> 0) === rw.value) {
      const t = rw.fmt(w, pc);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

export interface Arm64Line {
  va: bigint;
  len: 4;
  bytes: string;
  mnemonic: string;
  text: string;
  unknown?: true;
}

/** Disassemble `bytes` (little-endian words; a trailing partial word is ignored) placed at `baseVa`. */
export function* disassembleArm64(bytes: Uint8Array, baseVa: number | bigint = 0): Iterable<Arm64Line> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const base = BigInt(baseVa);
  const small = base + BigInt(bytes.length) < 2n ** 52n;
  for (let off = 0; off + 4 <= bytes.length; off += 4) {
    const w = dv.getUint32(off, true);
    const va = base + BigInt(off);
    const t = small ? disasmWord(w, Number(va)) : undefined;
    const hexBytes = Array.from(bytes.subarray(off, off + 4), (b) => b.toString(16).padStart(2, "0")).join("");
    if (t === undefined) {
      yield { va, len: 4, bytes: hexBytes, mnemonic: ".inst", text: `.inst 0x${w.toString(16).padStart(8, "0")}`, unknown: true };
    } else {
      const sp = t.indexOf(" ");
      yield { va, len: 4, bytes: hexBytes, mnemonic: sp < 0 ? t : t.slice(0, sp), text: t };
    }
  }
}

/** One line in the x86 disassembler's JSON-lines shape, or a plain `va: bytes  text` line. */
export function formatArm64Line(l: Arm64Line, json = false): string {
  if (json) {
    const o: Record<string, unknown> = { va: "0x" + l.va.toString(16), len: l.len, bytes: l.bytes, mnemonic: l.mnemonic, text: l.text };
    if (l.unknown) o.unknown = true;
    return JSON.stringify(o);
  }
  return `${l.va.toString(16).padStart(8, " ")}: ${l.bytes}  ${l.text}`;
}
