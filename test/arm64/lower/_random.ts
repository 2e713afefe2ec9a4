/**
 * @file Random well-formed IR blocks for the lowering stress tests (values used within a short
 * window so pressure stays bounded, as translated x86 blocks do).
 */
import { IrBlock, OP, GPR, EXIT, FLAG } from "../../../src/ir/index.ts";

/** A random well-formed block whose values are used only within a short window (bounded pressure). */
export function randomBlock(rnd: () => number, b: IrBlock): void {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  b.reset(0x401000, 64);
  const vals: number[] = [];
  const recent = (): number => (vals.length && rnd() < 0.8 ? vals[vals.length - 1 - Math.floor(rnd() * Math.min(3, vals.length))]! : b.getReg(pick(Object.values(GPR))));
  const sizes = [1, 2, 4, 8];
  let addr = 0x401000;
  for (let k = 0; k < 24; k++) {
    if (rnd() < 0.25) b.guest(addr, 3), (addr += 3), b.fm[b.n - 1] = Math.floor(rnd() * 64);
    const r = rnd(), sz = pick(sizes), fm = rnd() < 0.5 ? Math.floor(rnd() * 64) : 0;
    if (r < 0.30) vals.push(b.emit(pick([OP.Add, OP.Sub, OP.And, OP.Or, OP.Xor]), sz, fm, recent(), rnd() < 0.4 ? b.const(sz, Math.floor(rnd() * 5000) - 100) : recent()));
    else if (r < 0.36) vals.push(b.emit(pick([OP.Adc, OP.Sbb]), sz, fm, recent(), recent()));
    else if (r < 0.40) vals.push(b.neg(sz, recent(), fm));
    else if (r < 0.43) b.test(sz, recent(), fm);
    else if (r < 0.50) vals.push(b.emit(pick([OP.Shl, OP.Shr, OP.Sar]), sz, 0, recent(), rnd() < 0.5 ? b.const(1, Math.floor(rnd() * 8 * sz)) : b.and(4, recent(), b.const(4, 7))));
    else if (r < 0.53) vals.push(b.emit(pick([OP.Mul, OP.MulHU, OP.MulHS]), sz, 0, recent(), recent()));
    else if (r < 0.57) vals.push(rnd() < 0.5 ? b.zext(recent(), pick([1, 2, 4])) : b.sext(recent(), pick([1, 2, 4])));
    else if (r < 0.60) vals.push(b.bfi(recent(), recent(), 8, 8));
    else if (r < 0.62) vals.push(b.ubfx(recent(), 8, 8));
    else if (r < 0.65) vals.push(b.cmp(sz, Math.floor(rnd() * 10), recent(), recent()));
    else if (r < 0.68) vals.push(b.select(recent(), recent(), recent()));
    else if (r < 0.71) vals.push(b.cond(Math.floor(rnd() * 16)));
    else if (r < 0.74) vals.push(b.selectCC(Math.floor(rnd() * 16), recent(), recent()));
    else if (r < 0.77) vals.push(b.getFlag(pick([FLAG.CF, FLAG.PF, FLAG.AF, FLAG.ZF, FLAG.SF, FLAG.OF])));
    else if (r < 0.80) b.setFlag(pick([FLAG.CF, FLAG.PF, FLAG.AF, FLAG.ZF, FLAG.SF, FLAG.OF]), b.and(8, recent(), b.const(8, 1)));
    else if (r < 0.86) vals.push(b.load(sz, rnd() < 0.5 ? b.add(8, recent(), b.const(8, 16)) : recent(), rnd() < 0.5 ? 1 : 0));
    else if (r < 0.90) b.store(sz, recent(), recent(), rnd() < 0.5 ? 1 : 0);
    else if (r < 0.96) b.setReg(pick(Object.values(GPR)), recent());
    else b.exitIf(Math.floor(rnd() * 16), b.const(8, 0x402000 + k), Math.floor(rnd() * 64));
    if (rnd() < 0.1) vals.push(b.emit(OP.Ror, pick([4, 8]), 0, recent(), b.const(1, 5)));
  }
  if (rnd() < 0.5) b.exit(EXIT.JUMP, b.const(8, addr), Math.floor(rnd() * 64));
  else b.exit(EXIT.RET, recent(), Math.floor(rnd() * 64));
}

