/**
 * @file Stage 5 (IR): the verifier. Checks a block against the op table: every value operand
 * names an earlier op that has a result, sizes and small operands are in range, flag masks are
 * within what the op can define, direct exits target constants, and the block ends with exactly
 * one terminator. Semantics tests, pass tests and the translator (in tests) run it after every
 * stage; a failure is a bug in aot, never in the guest program.
 *
 *   const errs = verifyIr(block); // [] when well formed
 */
import type { IrBlock } from "./block.ts";
import { ATOM_NAMES, EXIT, OP, OPS, REL_NAMES, VOP_NAMES, XT } from "./ops.ts";
import { CC_NAMES, FLAG_NAMES, SYM_COUNT } from "./state.ts";

const SIZES = new Set([1, 2, 4, 8]);
/** Vector ops (those with an `x` operand) move 2, 4, 8 or 16 bytes (VMoveMask, VInsLane: elements of 1 too). */
const VSIZES = new Set([1, 2, 4, 8, 16]);

/** The list of problems (empty when the block is well formed). */
export function verifyIr(b: IrBlock): string[] {
  const errs: string[] = [];
  const err = (i: number, msg: string): void => void errs.push(`op ${i} (${OPS[b.op[i]!]?.name ?? "?"}): ${msg}`);
  let ended = -1;
  for (let i = 0; i < b.n; i++) {
    const op = b.op[i]!;
    const info = OPS[op];
    if (!info) { errs.push(`op ${i}: unknown op ${op}`); continue; }
    if (op === OP.Nop) continue;
    if (ended >= 0) err(i, `after the terminator at op ${ended}`);
    const vector = info.args.includes("x");
    if (info.sized && !vector && !SIZES.has(b.sz[i]!)) err(i, `size ${b.sz[i]} is not 1, 2, 4 or 8`);
    if (info.sized && vector && !VSIZES.has(b.sz[i]!)) err(i, `vector size ${b.sz[i]} is not 1, 4, 8 or 16`);
    if (b.fm[i]! & ~(info.flags | (isExit(op) || op === OP.Guest ? 63 : 0))) err(i, `flag mask ${b.fm[i]} beyond what it defines`);
    const ops = [b.a[i]!, b.b[i]!, b.c[i]!, b.d[i]!];
    for (let k = 0; k < info.args.length; k++) {
      const x = ops[k]!;
      switch (info.args[k]) {
        case "v":
          if (x < 0 || x >= i) err(i, `operand ${k} uses v${x}, not defined before it`);
          else if (!OPS[b.op[x]!]?.result) err(i, `operand ${k} uses op ${x} (${OPS[b.op[x]!]?.name ?? "?"}), which has no result`);
          break;
        case "r": if (x < 0 || x >= (b.mode === 64 ? 16 : 8)) err(i, `register ${x} out of range for mode ${b.mode}`); break;
        case "f": if (!FLAG_NAMES[x]) err(i, `flag ${x} is not one flag bit`); break;
        case "c": if (x < 0 || x >= CC_NAMES.length) err(i, `condition ${x} out of range`); break;
        case "R": if (x < 0 || x >= REL_NAMES.length) err(i, `relation ${x} out of range`); break;
        case "A": if (x < 0 || x >= ATOM_NAMES.length) err(i, `atomic operation ${x} out of range`); break;
        case "V": if (x < 0 || x >= VOP_NAMES.length) err(i, `vector operation ${x} out of range`); break;
        case "x": if (x < 0 || (x >= (b.mode === 64 ? 16 : 8) && x !== XT)) err(i, `xmm register ${x} out of range for mode ${b.mode}`); break;
        case "k": if (x < 0 || x > EXIT.RET) err(i, `exit kind ${x} out of range`); break;
        case "s": if (x < 0 || x >= SYM_COUNT) err(i, `symbol ${x} out of range`); break;
      }
    }
    if ((op === OP.Zext || op === OP.Sext) && ![1, 2, 4].includes(b.b[i]!)) err(i, `extends from ${b.b[i]} bytes`);
    if (op === OP.Bfi && (b.c[i]! < 0 || b.d[i]! < 1 || b.c[i]! + b.d[i]! > 64)) err(i, `field [${b.c[i]}, +${b.d[i]}) out of 64 bits`);
    if (op === OP.Ubfx && (b.b[i]! < 0 || b.c[i]! < 1 || b.b[i]! + b.c[i]! > 64)) err(i, `field [${b.b[i]}, +${b.c[i]}) out of 64 bits`);
    if (op === OP.VInsBits && (b.c[i]! < 0 || b.d[i]! < 1 || b.c[i]! + b.d[i]! > 64)) err(i, `field [${b.c[i]}, +${b.d[i]}) out of 64 bits`);
    if ((op === OP.VInsLane || op === OP.VInsGpr || op === OP.VLoadLane || op === OP.VStore) && b.c[i]! * b.sz[i]! >= 16) err(i, `lane ${b.c[i]} of ${b.sz[i]}-byte elements is past 128 bits`);
    if (op === OP.VInsLane && b.d[i]! * b.sz[i]! >= 16) err(i, `source lane ${b.d[i]} of ${b.sz[i]}-byte elements is past 128 bits`);
    if (op === OP.VLaneToGpr && b.b[i]! * b.sz[i]! >= 16) err(i, `lane ${b.b[i]} of ${b.sz[i]}-byte elements is past 128 bits`);
    if (op === OP.Ror && b.sz[i]! < 4) err(i, "rotates only 4 or 8 bytes");
    if (op === OP.AtomicCasPair && (b.op[b.b[i]!] !== OP.Pair || b.op[b.c[i]!] !== OP.Pair || !b.isImm(b.d[i]!))) err(i, "operands b, c are not Pairs or d is not a Const/Addr");
    if (op === OP.CasPairHi && b.op[b.a[i]!] !== OP.AtomicCasPair) err(i, `operand v${b.a[i]} is not an AtomicCasPair`);
    if (op === OP.ExitIf && !b.isImm(b.b[i]!)) err(i, "direct target is not a Const or Addr");
    if (op === OP.ExitSymIf && !b.isImm(b.c[i]!)) err(i, "guest address is not a Const or Addr");
    if (op === OP.ExitIf && b.d[i] && (b.d[i]! - 1 >= i || !OPS[b.op[b.d[i]! - 1]!]?.flags)) err(i, `fused compare ${b.d[i]! - 1} is not an earlier flag-defining op`);
    if (op === OP.ExitIfNZ && !b.isImm(b.b[i]!)) err(i, "direct target is not a Const or Addr");
    if (op === OP.Exit && (b.a[i] === EXIT.JUMP || b.a[i] === EXIT.CALL) && !b.isImm(b.b[i]!)) err(i, "direct target is not a Const or Addr");
    if (info.term) ended = i;
  }
  if (ended < 0) errs.push("block has no terminator");
  return errs;
}

const isExit = (op: number): boolean => op === OP.ExitSymIf || op === OP.Exit || op === OP.ExitIf || op === OP.ExitSym || op === OP.ExitIfNZ;

/** Throw with every problem listed (tests and debug builds). */
export function assertIr(b: IrBlock): void {
  const e = verifyIr(b);
  if (e.length) throw new Error(`malformed IR block 0x${b.start.toString(16)}:\n  ${e.join("\n  ")}`);
}
