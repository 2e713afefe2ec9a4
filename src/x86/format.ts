/**
 * @file x86 stage: Intel-syntax formatter for a decoded `Insn` (the only place mnemonic and
 * register strings are built).
 *
 * Output follows the SDM's Intel syntax in lower case: `mov eax, dword ptr [rbp-0x8]`,
 * `call 0x140001230`, `lock cmpxchg qword ptr [rcx], rdx`, `rep movsb`, `fadd st(0), st(3)`,
 * `vaddps zmm1{k1}{z}, zmm2, zmm3`. Numbers are hex with `0x`; RIP-relative memory shows the
 * absolute address, as `[rip+0x...]` would need the next-instruction address to read.
 *
 *   const text = formatInsn(insn); // "add eax, ebx"
 */
import { Insn, K, PF } from "./insn.ts";
import { R, regName } from "./regs.ts";
import { tables, FF } from "./tables/_load.ts";

const SIZE_PTR: Record<number, string> = {
  1: "byte ptr ", 2: "word ptr ", 4: "dword ptr ", 6: "fword ptr ", 8: "qword ptr ", 10: "tbyte ptr ",
  16: "xmmword ptr ", 32: "ymmword ptr ", 64: "zmmword ptr ",
};

const hex = (n: number): string => (n < 0 ? `-0x${(-n).toString(16)}` : `0x${n.toString(16)}`);

/** The mnemonic in lower case (`"(bad)"` for an invalid instruction). */
export function mnemonicOf(insn: Insn): string {
  return (tables().mnemonics[insn.mnemonic] ?? "(bad)").toLowerCase();
}

/** The register's name as Intel syntax prints it (`eax`, `st(2)`, `xmm10`). */
export function regText(r: number): string {
  if (r >= R.ST && r < R.ST + 8) return `st(${r - R.ST})`;
  return regName(r).toLowerCase();
}

function memText(i: Insn, withSize: boolean): string {
  const parts: string[] = [];
  if (i.memBase) parts.push(regText(i.memBase));
  if (i.memIndex) parts.push(i.memScale > 1 ? `${regText(i.memIndex)}*${i.memScale}` : regText(i.memIndex));
  let s = parts.join("+");
  const isRip = i.memBase === R.RIP || i.memBase === R.EIP;
  if (isRip) s = hex(i.memDisp);
  else if (i.memDisp !== 0 || !s) s += s ? (i.memDisp < 0 ? `-${hex(-i.memDisp)}` : `+${hex(i.memDisp)}`) : hex(i.memDisp);
  const seg = i.segPrefix ? `${regText(i.segPrefix)}:` : "";
  return `${withSize ? SIZE_PTR[i.memSize] ?? "" : ""}${seg}[${s}]`;
}

function immText(i: Insn): string {
  if (i.immHi !== 0 && i.imm >= 0) return `0x${i.immHi.toString(16)}${i.imm.toString(16).padStart(8, "0")}`;
  return hex(i.imm);
}

/** Format one decoded instruction in Intel syntax. */
export function formatInsn(i: Insn): string {
  if (i.form === 0) return "(bad)";
  const t = tables();
  const ff = t.formFlags[i.form]!;
  let pre = "";
  if (i.prefixes & PF.LOCK) pre += "lock ";
  if (ff & FF.REPE) pre += i.prefixes & PF.REP ? "repe " : i.prefixes & PF.REPNE ? "repne " : "";
  else if (ff & FF.REP && i.prefixes & (PF.REP | PF.REPNE)) pre += i.prefixes & PF.REP ? "rep " : "repne ";
  const ops: string[] = [];
  for (let k = 0; k < i.opCount; k++) {
    const kind = i.kind[k]!;
    let s: string;
    switch (kind) {
      case K.REG: s = regText(i.reg[k]!); break;
      case K.MEM: s = memText(i, true); break;
      case K.IMM: s = immText(i); break;
      case K.IMM2: s = hex(i.imm2); break;
      case K.BRANCH: s = hex(i.target); break;
      case K.FAR: s = `${hex(i.immHi)}:${hex(i.imm)}`; break;
      default: continue; // string operands are implied by the mnemonic (movsb, stosd)
    }
    if (k === 0 && i.mask) s += `{${regText(i.mask)}}${i.zeroing ? "{z}" : ""}`;
    ops.push(s);
  }
  const m = mnemonicOf(i);
  return ops.length ? `${pre}${m} ${ops.join(", ")}` : `${pre}${m}`;
}
