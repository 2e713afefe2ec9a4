/**
 * @file Stage 5 (IR): parse the text form `print.ts` writes back into an `IrBlock`. Used by the
 * pass tests (IR text in, IR text out) and golden re-checks; `;` starts a comment.
 *
 *   const b = parseIr("block 0x1000 mode 64\n  v1 = GetReg rax\n  SetReg rbx, v1\n");
 *   printIr(b) // the same text
 */
import { IrBlock } from "./block.ts";
import { ATOM_NAMES, EXIT_NAMES, OPS, REL_NAMES, VOP_NAMES, XT, opByName } from "./ops.ts";
import { CC_NAMES, FLAG_NAMES, GPR_NAMES, SYM_NAMES, parseFlagLetters } from "./state.ts";

const index = (list: readonly string[], s: string, what: string): number => {
  const i = list.indexOf(s);
  if (i < 0) throw new Error(`unknown ${what} "${s}"`);
  return i;
};
const FLAG_BY_NAME = Object.fromEntries(Object.entries(FLAG_NAMES).map(([bit, name]) => [name, Number(bit)]));

/** Parse one block of IR text; throws `Error("line N: …")` on malformed input. */
export function parseIr(text: string, into = new IrBlock()): IrBlock {
  const lines = text.split("\n");
  const header = lines.findIndex((l) => l.trim() && !l.trim().startsWith(";"));
  const hm = /^block (0x[0-9a-f]+) mode (32|64)$/.exec(lines[header]?.trim() ?? "");
  if (!hm) throw new Error(`line ${header + 1}: expected "block 0x… mode 32|64"`);
  into.reset(BigInt(hm[1]!), Number(hm[2]) as 32 | 64);
  const values = new Map<string, number>();
  for (let ln = header + 1; ln < lines.length; ln++) {
    const raw = lines[ln]!.replace(/;.*$/, "").trim();
    if (!raw) continue;
    try {
      parseLine(raw, into, values);
    } catch (e) {
      throw new Error(`line ${ln + 1}: ${(e as Error).message}`);
    }
  }
  return into;
}

function parseLine(raw: string, b: IrBlock, values: Map<string, number>): void {
  let s = raw;
  let def: string | undefined;
  const dm = /^(v\d+) = (.*)$/.exec(s);
  if (dm) { def = dm[1]; s = dm[2]!; }
  let fm = 0;
  const fmm = / [!?~]([a-z-]+)$/.exec(s);
  if (fmm) { fm = parseFlagLetters(fmm[1]!); s = s.slice(0, fmm.index); }
  const nm = /^([A-Za-z0-9]+?)(?:\.(\d+))?(?: (.*))?$/.exec(s);
  if (!nm) throw new Error(`cannot read "${raw}"`);
  const op = opByName(nm[1]!);
  if (op === undefined) throw new Error(`unknown op "${nm[1]}"`);
  const info = OPS[op]!;
  if (info.result !== (def !== undefined)) throw new Error(`${info.name} ${info.result ? "needs" : "has no"} result`);
  const sz = nm[2] ? Number(nm[2]) : 0;
  if (info.sized !== (nm[2] !== undefined)) throw new Error(`${info.name} ${info.sized ? "needs" : "takes no"} .size`);
  const parts = nm[3] ? nm[3].split(",").map((p) => p.trim()) : [];
  const want = info.args.length + (info.imm ? 1 : 0);
  if (parts.length !== want) throw new Error(`${info.name} takes ${want} operands, got ${parts.length}`);
  const ops = [0, 0, 0, 0];
  for (let k = 0; k < info.args.length; k++) {
    const p = parts[k]!;
    switch (info.args[k]) {
      case "v": {
        const v = values.get(p);
        if (v === undefined) throw new Error(`undefined value ${p}`);
        ops[k] = v;
        break;
      }
      case "r": ops[k] = index(GPR_NAMES, p, "register"); break;
      case "f": {
        const f = FLAG_BY_NAME[p];
        if (f === undefined) throw new Error(`unknown flag "${p}"`);
        ops[k] = f;
        break;
      }
      case "c": ops[k] = index(CC_NAMES, p, "condition"); break;
      case "k": ops[k] = index(EXIT_NAMES, p, "exit kind"); break;
      case "s": ops[k] = index(SYM_NAMES, p, "symbol"); break;
      case "R": ops[k] = index(REL_NAMES, p, "relation"); break;
      case "A": ops[k] = index(ATOM_NAMES, p, "atomic operation"); break;
      case "V": ops[k] = index(VOP_NAMES, p, "vector operation"); break;
      case "x": {
        const m = /^xmm(\d+)$/.exec(p);
        if (p === "xt") ops[k] = XT;
        else if (m && Number(m[1]) < 16) ops[k] = Number(m[1]);
        else throw new Error(`unknown xmm register "${p}"`);
        break;
      }
      default: {
        if (!/^-?\d+$/.test(p)) throw new Error(`expected a number, got "${p}"`);
        ops[k] = Number(p);
      }
    }
  }
  let lo = 0, hi = 0;
  if (info.imm) {
    const t = parts[info.args.length]!;
    if (!/^0x[0-9a-f]+$/.test(t)) throw new Error(`expected a hex immediate, got "${t}"`);
    const v = BigInt(t);
    lo = Number(v & 0xffffffffn);
    hi = Number((v >> 32n) & 0xffffffffn);
  }
  const i = b.emit(op, sz, fm, ops[0], ops[1], ops[2], ops[3], lo, hi);
  if (def) {
    if (values.has(def)) throw new Error(`${def} defined twice`);
    values.set(def, i);
  }
}
