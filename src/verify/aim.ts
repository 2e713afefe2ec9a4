/**
 * @file Stage 9 (verifier): re-aiming an encoding's fixed memory address (moffs, `[disp32]`,
 * RIP-relative) at a mapped window, and re-encoding `[rbx+disp32]` as RIP-relative/absolute, so a
 * differential test can place every addressing form (src/verify/gen.ts re-exports both).
 *
 *   aimAbsolute(bytes, insn, va, window.addr + 0x100);   // rewrites the address bytes in place
 *   toRipRelative(bytes, insn);                          // a copy, or undefined
 */
import { R, tables, FF, type Insn } from "../x86/index.ts";

const TWO32 = 4294967296;

/**
 * Re-aim an instruction's absolute memory address (moffs, `[disp32]` in 32-bit mode, RIP-relative
 * in 64-bit mode) at `target`, rewriting the address bytes in place. Returns false when the
 * encoding has no such operand where expected.
 */
export function aimAbsolute(bytes: Uint8Array, insn: Insn, va: number, target: number): boolean {
  const t = tables();
  const f = insn.form;
  const len = insn.length;
  const rip = insn.memBase === R.RIP || insn.memBase === R.EIP;
  if (t.formFlags[f]! & FF.MOFFS) {
    const n = insn.asz / 8;
    if (n === 8 && target >= TWO32 * 0x200000) return false;
    const dv = new DataView(bytes.buffer, bytes.byteOffset);
    dv.setUint32(len - n, target >>> 0, true);
    if (n === 8) dv.setUint32(len - 4, Math.floor(target / TWO32), true);
    else if (n === 2) return false;
    return true;
  }
  if (!rip && (insn.memBase || insn.memIndex)) return false;
  // A disp32 is sign-extended to 64 bits with 64-bit addressing, zero-extended with 32-bit.
  if (!rip && (target > 0xffffffff || (insn.asz === 64 && target > 0x7fffffff))) return false;
  const at = len - t.formImm1[f]! - t.formImm2[f]! - 4;
  const disp = rip ? target - (va + len) : target;
  if (rip && (disp < -0x80000000 || disp > 0x7fffffff)) return false;
  new DataView(bytes.buffer, bytes.byteOffset).setInt32(at, disp | 0, true);
  return true;
}

/**
 * `[rbx+disp32]` / `[ebx+disp32]` (ModRM mod=10 rm=011, no SIB) rewritten to `[rip+disp32]`
 * (64-bit mode) or `[disp32]` (32-bit mode); undefined when the encoding is not of that shape.
 */
export function toRipRelative(bytes: Uint8Array, insn: Insn): Uint8Array | undefined {
  const t = tables();
  const at = insn.length - t.formImm1[insn.form]! - t.formImm2[insn.form]! - 5;
  if (at < 0 || insn.memBase !== R.GPR64 + 3 && insn.memBase !== R.GPR32 + 3 || insn.memIndex) return undefined;
  const modrm = bytes[at]!;
  if ((modrm & 0xc7) !== 0x83) return undefined;
  const out = bytes.slice(0, insn.length);
  out[at] = (modrm & 0x38) | 0x05;
  return out;
}
