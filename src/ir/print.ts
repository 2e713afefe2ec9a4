/**
 * @file Stage 5 (IR): the text form of a block. One op per line, values named `vN` by their
 * line number (removed `Nop`s are skipped, so numbering is dense and the text round-trips
 * through `parse.ts` exactly). The golden tests and `aot translate --ir` print this.
 *
 *   block 0x401000 mode 64
 *     Guest 3, 0x401000          ; add rax, rbx
 *     v2 = GetReg rax
 *     v3 = GetReg rbx
 *     v4 = Add.8 v2, v3 !oszapc
 *     SetReg rax, v4
 *     v6 = Addr 0x401003
 *     Exit jump, v6 ?oszapc
 *
 * Flag masks: `!` the flags an op defines, `?` the flags live at an exit, `~` on a `Guest` line
 * the flags whose value is stale there (`flagLetters`).
 */
import type { IrBlock } from "./block.ts";
import { ATOM_NAMES, EXIT_NAMES, OP, OPS, REL_NAMES, VOP_NAMES, xmmName } from "./ops.ts";
import { CC_NAMES, FLAG_NAMES, GPR_NAMES, SYM_NAMES, flagLetters } from "./state.ts";

/** Text of one operand of kind `k` with raw value `x`; `names` maps op index → printed name. */
function operand(k: string, x: number, names: Int32Array): string {
  switch (k) {
    case "v": return `v${names[x]}`;
    case "r": return GPR_NAMES[x] ?? `r?${x}`;
    case "f": return FLAG_NAMES[x] ?? `f?${x}`;
    case "c": return CC_NAMES[x] ?? `c?${x}`;
    case "k": return EXIT_NAMES[x] ?? `k?${x}`;
    case "s": return SYM_NAMES[x] ?? `s?${x}`;
    case "R": return REL_NAMES[x] ?? `R?${x}`;
    case "A": return ATOM_NAMES[x] ?? `A?${x}`;
    case "x": return xmmName(x);
    case "V": return VOP_NAMES[x] ?? `V?${x}`;
    default: return String(x);
  }
}

/**
 * Print a block. `note(addr)` may return a comment for a `Guest` line (the x86 text).
 */
export function printIr(b: IrBlock, note?: (addr: bigint) => string | undefined): string {
  const names = new Int32Array(b.n);
  const lines = [`block 0x${b.start.toString(16)} mode ${b.mode}`];
  let line = 0;
  for (let i = 0; i < b.n; i++) {
    const op = b.op[i]!;
    if (op === OP.Nop) { names[i] = -1; continue; }
    names[i] = ++line;
    lines.push("  " + printOp(b, i, names, note));
  }
  return lines.join("\n") + "\n";
}

function printOp(b: IrBlock, i: number, names: Int32Array, note?: (addr: bigint) => string | undefined): string {
  const info = OPS[b.op[i]!]!;
  const ops = [b.a[i]!, b.b[i]!, b.c[i]!, b.d[i]!];
  const parts: string[] = [];
  for (let k = 0; k < info.args.length; k++) parts.push(operand(info.args[k]!, ops[k]!, names));
  if (info.imm) parts.push("0x" + b.imm(i).toString(16));
  let s = (info.result ? `v${names[i]} = ` : "") + info.name + (info.sized ? `.${b.sz[i]}` : "");
  if (parts.length) s += " " + parts.join(", ");
  if (info.flags && b.fm[i]) s += " !" + flagLetters(b.fm[i]!);
  if (info.name === "ExitSymIf" || info.name === "Exit" || info.name === "ExitIf" || info.name === "ExitSym" || info.name === "ExitIfNZ") s += " ?" + flagLetters(b.fm[i]!);
  if (info.name === "Guest" && b.fm[i]) s += " ~" + flagLetters(b.fm[i]!);
  if (info.name === "Guest" && note) {
    const t = note(b.imm(i));
    if (t) s = s.padEnd(28) + " ; " + t;
  }
  return s;
}
