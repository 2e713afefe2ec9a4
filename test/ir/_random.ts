/** @file Random valid IR blocks for the round-trip and pass property tests (every op kind, operands and masks within the op table). */
import { IrBlock } from "../../src/ir/block.ts";
import { ATOM_NAMES, EXIT, OP, OPS, REL_NAMES, VOP_NAMES, XT } from "../../src/ir/ops.ts";
import { SYM_NAMES } from "../../src/ir/state.ts";

/** A random block that verifies: every op kind, valid operands, masks within the table. */
export function randomBlock(r: () => number): IrBlock {
  const pick = (k: number): number => Math.floor(r() * k);
  const b = new IrBlock();
  const mode = r() < 0.5 ? 32 : 64;
  b.reset(BigInt(pick(0x7fffffff)) * 16n, mode);
  const imm = (): [number, number] => [pick(0x100000000), r() < 0.5 ? 0 : pick(0x100000000)];
  const values: number[] = [];
  const imms: number[] = [];
  const [lo0, hi0] = imm();
  values.push(b.emit(OP.Const, 8, 0, 0, 0, 0, 0, lo0, hi0));
  imms.push(0);
  const len = 1 + pick(40);
  // Pair and CasPairHi only appear as AtomicCasPair's operands and reader (emitted with it below).
  const candidates = OPS.map((_, i) => i).filter((i) => !OPS[i]!.term && i !== OP.Pair && i !== OP.CasPairHi);
  for (let k = 0; k < len; k++) {
    const op = candidates[pick(candidates.length)]!;
    if (op === OP.AtomicCasPair) {
      const v = (): number => values[pick(values.length)]!;
      const p = b.emit(OP.Pair, 0, 0, v(), v()), q = b.emit(OP.Pair, 0, 0, v(), v());
      const x = b.emit(OP.AtomicCasPair, 0, 0, v(), p, q, imms[pick(imms.length)]!);
      values.push(x, b.emit(OP.CasPairHi, 0, 0, x));
      continue;
    }
    const info = OPS[op]!;
    const vector = info.args.includes("x");
    const sz = op === OP.Ror ? [4, 8][pick(2)]! : vector && info.sized ? [1, 2, 4, 8, 16][pick(5)]! : info.sized ? [1, 2, 4, 8][pick(4)]! : 0;
    const exitLike = op === OP.ExitIf || op === OP.ExitIfNZ || op === OP.ExitSymIf || op === OP.Guest;
    const fm = exitLike ? pick(64) : info.flags ? pick(info.flags + 1) & info.flags : 0;
    const ops = [0, 0, 0, 0];
    for (let j = 0; j < info.args.length; j++) {
      switch (info.args[j]) {
        case "v": ops[j] = values[pick(values.length)]!; break;
        case "r": ops[j] = pick(mode === 64 ? 16 : 8); break;
        case "f": ops[j] = 1 << pick(7); break;
        case "c": ops[j] = pick(16); break;
        case "k": ops[j] = pick(5); break;
        case "s": ops[j] = pick(SYM_NAMES.length); break;
        case "R": ops[j] = pick(REL_NAMES.length); break;
        case "A": ops[j] = pick(ATOM_NAMES.length); break;
        case "V": ops[j] = pick(VOP_NAMES.length); break;
        case "x": ops[j] = r() < 0.1 ? XT : pick(mode === 64 ? 16 : 8); break;
        default: ops[j] = pick(100);
      }
    }
    if (op === OP.Zext || op === OP.Sext) ops[1] = [1, 2, 4][pick(3)]!;
    if (op === OP.Bfi) { ops[2] = pick(64); ops[3] = 1 + pick(64 - ops[2]!); }
    if (op === OP.Ubfx) { ops[1] = pick(64); ops[2] = 1 + pick(64 - ops[1]!); }
    if (op === OP.VInsBits) { ops[2] = pick(64); ops[3] = 1 + pick(64 - ops[2]!); }
    // Lanes within 128 bits of sz-byte elements.
    if (op === OP.VInsLane || op === OP.VInsGpr || op === OP.VLoadLane || op === OP.VStore) ops[2] = pick(Math.max(1, 16 / sz));
    if (op === OP.VInsLane) ops[3] = pick(Math.max(1, 16 / sz));
    if (op === OP.VLaneToGpr) ops[1] = pick(Math.max(1, 16 / sz));
    if (op === OP.ExitIf || op === OP.ExitIfNZ) ops[1] = imms[pick(imms.length)]!;
    if (op === OP.ExitSymIf) ops[2] = imms[pick(imms.length)]!;
    const [lo, hi] = info.imm ? imm() : [0, 0];
    const i = b.emit(op, sz, fm, ops[0], ops[1], ops[2], ops[3], lo, hi);
    if (info.result) values.push(i);
    if (op === OP.Const || op === OP.Addr) imms.push(i);
  }
  if (r() < 0.5) b.exit(pick(5) === 1 ? EXIT.INDIRECT : EXIT.JUMP, imms[pick(imms.length)]!, pick(64));
  else b.exitSym(pick(SYM_NAMES.length), values[pick(values.length)]!, 1 + pick(15), pick(64));
  return b;
}
