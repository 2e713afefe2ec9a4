/**
 * @file x86 semantics (stage 4 → 5): the bit and byte instructions BSWAP, MOVBE, BT/BTS/BTR/BTC
 * (LOCK too), BSF/BSR, LZCNT/TZCNT/POPCNT and the BMI1, BMI2 and ADX extensions ANDN, BEXTR,
 * BLSI/BLSMSK/BLSR, BZHI, MULX, PDEP/PEXT, RORX, SARX/SHLX/SHRX, ADCX/ADOX (the SDM's volume 1
 * §7.3.7, and volume 2 per mnemonic).
 *
 * Counting and permuting use the IR ops `Clz`, `Ctz`, `Rev`, `Popcnt`, `Pdep`, `Pext` (exact:
 * a 4-byte result is zero-extended, so `putExact` writes a 32-bit register without a `Zext`);
 * everything else is generic ops. Flags the SDM leaves undefined (the rows' `fu=`) are `Undef`
 * after the instruction's last write (so a fault in its access still sees the old flags, ABI §9),
 * per mnemonic:
 * - BT/BTS/BTR/BTC (LOCK too): OF SF AF PF (ZF is unaffected, as defined);
 * - BSF/BSR: CF OF SF AF PF; the destination for a zero source is undefined: we leave the whole
 *   register unchanged, as AMD documents and this AMD CPU does (Unicorn zero-extends a 32-bit
 *   destination; diff.ts masks it);
 * - LZCNT/TZCNT: OF SF AF PF;
 * - ANDN, BLSI, BLSMSK, BLSR, BZHI: AF PF;
 * - BEXTR: AF SF PF;
 * - BSWAP r16: the result is undefined, and they differ (this AMD CPU clears the low 16 bits and
 *   keeps the rest; Unicorn swaps the low 32 and zero-extends): not translated, it falls back.
 * MULX, PDEP, PEXT, RORX, SARX, SHLX, SHRX change no flag; ADCX only CF, ADOX only OF.
 *
 * LOCK BTS/BTR/BTC (memory forms) are one `AtomicRmw` (the atomics group's op): OR, AND NOT or
 * XOR of the bit's mask; `LOCKABLE_BITS` tells translateInsn they honour LOCK.
 *
 * BT* with a memory operand and a register bit offset address the operand-size unit that holds
 * the bit (SDM "BT": the offset is signed, -2^31..2^31-1 for 32 bits): EA + (offset SAR 3 AND
 * -size), computed in the address size; the bit within the unit is offset MOD width.
 *
 *   BSF(b, i, c) // bsf eax, ecx → z = Cmp.4 eq rcx, 0; t = Ctz.4 rcx; Select z, rax, t; SetFlag zf, z
 */
import { ATOM, FLAG, GPR, OP, REL, type IrBlock, type Value } from "../../ir/index.ts";
import { K, PF as PREFIX, type Insn } from "../insn.ts";
import { R } from "../regs.ts";
import { effAddr, konst, loadMem, memAttr, opSize, readOp, readReg, writeReg, type SemCtx } from "./_operand.ts";

/**
 * Mnemonics whose F3 prefix is part of the opcode (the decoder reports it as REP): translateInsn
 * must not reject them for it.
 */
export const MANDATORY_F3: readonly string[] = ["POPCNT", "LZCNT", "TZCNT", "ADOX"];

const CF = FLAG.CF, PF = FLAG.PF, AF = FLAG.AF, ZF = FLAG.ZF, SF = FLAG.SF, OF = FLAG.OF;

/** One of the new unary/binary bit ops (no builder method: the builder is shared). */
const op1 = (b: IrBlock, op: number, sz: number, x: Value): Value => b.emit(op, sz, 0, x);
const op2 = (b: IrBlock, op: number, sz: number, x: Value, y: Value): Value => b.emit(op, sz, 0, x, y);

/**
 * Write register r with a value known to be exact in its width (a 4-byte value zero-extended):
 * a 32-bit register then needs no `Zext`; other widths go through writeReg's rules.
 */
function putExact(b: IrBlock, r: number, v: Value): void {
  if (r >= R.GPR32 && r < R.GPR64) b.setReg(r - R.GPR32, v);
  else writeReg(b, r, v);
}

/** v zero-extended from sz bytes (sz 4 or 8): what BEXTR/BZHI shift and mask. */
const exact = (b: IrBlock, v: Value, sz: number): Value => (sz === 4 && !(b.op[v] === OP.Load) ? b.zext(v, 4) : v);

/** The mask of the low n bits, (1 << (n & 63)) - 1, for a variable n (callers select n >= 64 away). */
const lowMask = (b: IrBlock, n: Value): Value =>
  b.sub(8, b.shl(8, konst(b, 8, 1), b.and(4, n, konst(b, 4, 63))), konst(b, 8, 1));

// ── BSWAP / MOVBE ──

/** BSWAP—Byte Swap, SDM Vol. 2A. The 16-bit form is undefined: it falls back. */
export function BSWAP(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0);
  if (sz === 2) return false;
  putExact(b, i.reg[0]!, op1(b, OP.Rev, sz, readReg(b, i.reg[0]!)));
  return true;
}

/** MOVBE—Move Data After Swapping Bytes, SDM Vol. 2B: a load or a store with the bytes reversed. */
export function MOVBE(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0);
  if (i.kind[0] === K.MEM) {
    const a = effAddr(b, i);
    b.store(sz, a, op1(b, OP.Rev, sz, readReg(b, i.reg[1]!)), memAttr(i));
  } else putExact(b, i.reg[0]!, op1(b, OP.Rev, sz, loadMem(b, i, sz)));
  return true;
}

// ── BT / BTS / BTR / BTC ──

const BT_TEST = 0, BT_SET = 1, BT_RESET = 2, BT_COMP = 3;

/** What BT/BTS/BTR/BTC leave undefined. */
const BT_UNDEF = OF | SF | AF | PF;

/** CF = the selected bit; BTS/BTR/BTC then set, clear or flip it (stored before CF is set); OF SF AF PF undefined. */
function bitTest(b: IrBlock, i: Insn, kind: number): boolean {
  if (i.prefixes & PREFIX.LOCK) return kind !== BT_TEST && i.kind[0] === K.MEM && lockedBitTest(b, i, kind);
  const sz = opSize(i, 0), w = sz * 8;
  const known = i.kind[1] === K.IMM ? i.imm & (w - 1) : -1;
  const off = known < 0 ? readReg(b, i.reg[1]!) : -1;
  const bit = known < 0 ? b.and(4, off, konst(b, 4, w - 1)) : -1;
  const mem = i.kind[0] === K.MEM;
  let a = -1, attr = 0;
  if (mem) {
    a = effAddr(b, i);
    attr = memAttr(i);
    if (known < 0) {
      // The unit holding the bit: (sign-extended offset SAR 3) rounded down to the operand size.
      const x = sz === 8 ? off : b.sext(off, sz);
      const d = b.and(8, b.sar(8, x, konst(b, 1, 3)), konst(b, 8, -sz >>> 0, 0xffffffff));
      a = b.add(i.asz === 64 ? 8 : 4, a, d);
    }
  }
  const v = mem ? b.load(sz, a, attr) : readReg(b, i.reg[0]!);
  const cf = known >= 0 ? b.ubfx(v, known, 1) : b.ubfx(b.shr(8, v, bit), 0, 1);
  if (kind !== BT_TEST) {
    let r: Value;
    if (known >= 0) {
      const lo = known < 32 ? (1 << known) >>> 0 : 0, hi = known < 32 ? 0 : (1 << (known - 32)) >>> 0;
      if (kind === BT_RESET) r = b.and(sz, v, konst(b, sz, ~lo >>> 0, sz === 8 ? ~hi >>> 0 : 0));
      else r = (kind === BT_SET ? b.or : b.xor).call(b, sz, v, konst(b, sz, lo, hi));
    } else {
      const m = b.shl(8, konst(b, 8, 1), bit);
      if (kind === BT_RESET) r = b.and(sz, v, b.not(sz, m));
      else r = (kind === BT_SET ? b.or : b.xor).call(b, sz, v, m);
    }
    if (mem) b.store(sz, a, r, attr);
    else writeReg(b, i.reg[0]!, r);
  }
  b.setFlag(CF, cf);
  b.undef(BT_UNDEF);
  return true;
}

/**
 * LOCK BTS/BTR/BTC (memory forms only; the decoder rejects LOCK elsewhere): one `AtomicRmw` OR /
 * AND NOT / XOR of the bit's mask, CF from the old value it returns (after it: precise faults).
 */
function lockedBitTest(b: IrBlock, i: Insn, kind: number): boolean {
  const sz = opSize(i, 0), w = sz * 8;
  const known = i.kind[1] === K.IMM ? i.imm & (w - 1) : -1;
  const off = known < 0 ? readReg(b, i.reg[1]!) : -1;
  const bit = known < 0 ? b.and(4, off, konst(b, 4, w - 1)) : -1;
  let a = effAddr(b, i);
  if (known < 0) {
    const x = sz === 8 ? off : b.sext(off, sz);
    a = b.add(i.asz === 64 ? 8 : 4, a, b.and(8, b.sar(8, x, konst(b, 1, 3)), konst(b, 8, -sz >>> 0, 0xffffffff)));
  }
  let m: Value;
  if (known >= 0) {
    const lo = known < 32 ? (1 << known) >>> 0 : 0, hi = known < 32 ? 0 : (1 << (known - 32)) >>> 0;
    m = kind === BT_RESET ? konst(b, sz, ~lo >>> 0, sz === 8 ? ~hi >>> 0 : 0) : konst(b, sz, lo, hi);
  } else {
    m = b.shl(8, konst(b, 8, 1), bit);
    if (kind === BT_RESET) m = b.not(8, m);
  }
  const old = b.emit(OP.AtomicRmw, sz, 0, a, m, kind === BT_SET ? ATOM.OR : kind === BT_RESET ? ATOM.AND : ATOM.XOR);
  b.setFlag(CF, known >= 0 ? b.ubfx(old, known, 1) : b.ubfx(b.shr(8, old, bit), 0, 1));
  b.undef(BT_UNDEF);
  return true;
}

/** Mnemonics of this file whose semantics implement the LOCK prefix (index.ts LOCK_OK, with atomic.ts LOCKABLE). */
export const LOCKABLE_BITS: ReadonlySet<string> = new Set(["BTS", "BTR", "BTC"]);

/** BT—Bit Test, SDM Vol. 2A. */
export function BT(b: IrBlock, i: Insn, _c: SemCtx): boolean { return bitTest(b, i, BT_TEST); }
/** BTS—Bit Test and Set, SDM Vol. 2A. */
export function BTS(b: IrBlock, i: Insn, _c: SemCtx): boolean { return bitTest(b, i, BT_SET); }
/** BTR—Bit Test and Reset, SDM Vol. 2A. */
export function BTR(b: IrBlock, i: Insn, _c: SemCtx): boolean { return bitTest(b, i, BT_RESET); }
/** BTC—Bit Test and Complement, SDM Vol. 2A. */
export function BTC(b: IrBlock, i: Insn, _c: SemCtx): boolean { return bitTest(b, i, BT_COMP); }

// ── BSF / BSR / LZCNT / TZCNT / POPCNT ──

/** BSF/BSR: index of the lowest/highest set bit; ZF = source is zero (destination then kept); CF OF SF AF PF undefined. */
function bitScan(b: IrBlock, i: Insn, reverse: boolean): boolean {
  const sz = opSize(i, 0), w = sz * 8, d = i.reg[0]!;
  const src = readOp(b, i, 1, sz);
  const z = b.cmp(sz, REL.EQ, src, konst(b, sz, 0));
  // Highest set bit = w-1 - leading zeros = leading zeros XOR (w-1) for a nonzero source.
  const idx = reverse ? b.xor(4, op1(b, OP.Clz, sz, src), konst(b, 4, w - 1)) : op1(b, OP.Ctz, sz, src);
  if (sz === 2) writeReg(b, d, b.select(z, readReg(b, d), idx));
  else {
    const n = d - (sz === 8 ? R.GPR64 : R.GPR32);
    b.setReg(n, b.select(z, b.getReg(n), idx));
  }
  b.setFlag(ZF, z);
  b.undef(CF | OF | SF | AF | PF);
  return true;
}

/** BSF—Bit Scan Forward, SDM Vol. 2A. */
export function BSF(b: IrBlock, i: Insn, _c: SemCtx): boolean { return bitScan(b, i, false); }
/** BSR—Bit Scan Reverse, SDM Vol. 2A. */
export function BSR(b: IrBlock, i: Insn, _c: SemCtx): boolean { return bitScan(b, i, true); }

/** LZCNT/TZCNT: the count (width for 0); CF = source is zero, ZF = count is zero; OF SF AF PF undefined. */
function zeroCount(b: IrBlock, i: Insn, op: number): boolean {
  const sz = opSize(i, 0);
  const src = readOp(b, i, 1, sz);
  const r = op1(b, op, sz, src);
  putExact(b, i.reg[0]!, r);
  b.setFlag(CF, b.cmp(sz, REL.EQ, src, konst(b, sz, 0)));
  b.setFlag(ZF, b.cmp(4, REL.EQ, r, konst(b, 4, 0)));
  b.undef(OF | SF | AF | PF);
  return true;
}

/** LZCNT—Count the Number of Leading Zero Bits, SDM Vol. 2A. */
export function LZCNT(b: IrBlock, i: Insn, _c: SemCtx): boolean { return zeroCount(b, i, OP.Clz); }
/** TZCNT—Count the Number of Trailing Zero Bits, SDM Vol. 2B. */
export function TZCNT(b: IrBlock, i: Insn, _c: SemCtx): boolean { return zeroCount(b, i, OP.Ctz); }

/**
 * POPCNT—Return the Count of Number of Bits Set to 1, SDM Vol. 2B: ZF = source is zero (= count
 * is zero), OF SF AF CF PF cleared. `Test` of the count gives ZF, SF = 0 (a count is far below
 * the sign bit), CF = OF = AF = 0; PF is cleared separately (the count's parity is not 0). The
 * two flag writes are independent; PF goes first because AF = 0 is then stated relative to the
 * final PF source (ABI §4), where AF after PF would have to be carried across PF's write.
 */
export function POPCNT(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0);
  const r = op1(b, OP.Popcnt, sz, readOp(b, i, 1, sz));
  putExact(b, i.reg[0]!, r);
  b.setFlag(PF, konst(b, 1, 0));
  b.test(sz, r, CF | AF | ZF | SF | OF);
  return true;
}

// ── BMI1: ANDN / BEXTR / BLSI / BLSMSK / BLSR ──

/** ANDN—Logical AND NOT, SDM Vol. 2A: ~src1 & src2; SF ZF from the result, CF = OF = 0, AF PF undefined. */
export function ANDN(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0);
  const x = readReg(b, i.reg[1]!), y = readOp(b, i, 2, sz);
  writeReg(b, i.reg[0]!, b.and(sz, b.not(sz, x), y, SF | ZF | CF | OF));
  b.undef(AF | PF);
  return true;
}

/**
 * BEXTR—Bit Field Extract, SDM Vol. 2A: LEN bits from START (control bits 7:0 and 15:8) of the
 * zero-extended source; bits past the operand are zero, a length past it takes them all.
 * ZF from the result, CF = OF = 0, AF SF PF undefined.
 */
export function BEXTR(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0);
  const x = exact(b, readOp(b, i, 1, sz), sz), ctl = readReg(b, i.reg[2]!);
  const start = b.ubfx(ctl, 0, 8), len = b.ubfx(ctl, 8, 8), k64 = konst(b, 4, 64);
  const t = b.select(b.cmp(4, REL.ULT, start, k64), b.shr(8, x, b.and(4, start, konst(b, 4, 63))), konst(b, 8, 0));
  const r = b.select(b.cmp(4, REL.ULT, len, k64), b.and(8, t, lowMask(b, len)), t);
  putExact(b, i.reg[0]!, r);
  b.test(sz, r, ZF | CF | OF);
  b.undef(AF | SF | PF);
  return true;
}

/** BLSI/BLSMSK/BLSR: r = f(src); SF (ZF) from r, OF = 0, CF from the source; AF PF undefined. */
function blsOp(b: IrBlock, i: Insn, r: (sz: number, x: Value) => Value, cfRel: number): boolean {
  const sz = opSize(i, 0);
  const x = readOp(b, i, 1, sz);
  writeReg(b, i.reg[0]!, r(sz, x));
  b.setFlag(CF, b.cmp(sz, cfRel, x, konst(b, sz, 0)));
  b.undef(AF | PF);
  return true;
}

/** BLSI—Extract Lowest Set Isolated Bit, SDM Vol. 2A: x & -x; CF = source is not zero. */
export function BLSI(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return blsOp(b, i, (sz, x) => b.and(sz, b.neg(sz, x), x, SF | ZF | OF), REL.NE);
}

/** BLSMSK—Get Mask Up to Lowest Set Bit, SDM Vol. 2A: (x - 1) ^ x, never 0 (so ZF = 0); CF = source is zero. */
export function BLSMSK(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return blsOp(b, i, (sz, x) => b.xor(sz, b.sub(sz, x, konst(b, sz, 1)), x, SF | ZF | OF), REL.EQ);
}

/** BLSR—Reset Lowest Set Bit, SDM Vol. 2A: (x - 1) & x; CF = source is zero. */
export function BLSR(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  return blsOp(b, i, (sz, x) => b.and(sz, b.sub(sz, x, konst(b, sz, 1)), x, SF | ZF | OF), REL.EQ);
}

// ── BMI2: BZHI / MULX / PDEP / PEXT / RORX / SARX / SHLX / SHRX ──

/**
 * BZHI—Zero High Bits Starting with Specified Bit Position, SDM Vol. 2A: n = control bits 7:0;
 * n < width: keep bits below n, CF = 0; else the source unchanged, CF = 1. SF ZF from the result,
 * OF = 0, AF PF undefined.
 */
export function BZHI(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0);
  const x = exact(b, readOp(b, i, 1, sz), sz);
  const n = b.ubfx(readReg(b, i.reg[2]!), 0, 8);
  const inside = b.cmp(4, REL.ULT, n, konst(b, 4, sz * 8));
  const r = b.select(inside, b.and(8, x, lowMask(b, n)), x);
  putExact(b, i.reg[0]!, r);
  b.test(sz, r, SF | ZF | OF);
  b.setFlag(CF, b.xor(4, inside, konst(b, 4, 1)));
  b.undef(AF | PF);
  return true;
}

/**
 * MULX—Unsigned Multiply Without Affecting Flags, SDM Vol. 2B: rDX * r/m; the low half to the
 * second operand (VEX.vvvv), then the high half to the first, so it wins when they are the same.
 */
export function MULX(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0);
  const s = readOp(b, i, 2, sz), d = b.getReg(GPR.RDX);
  const lo = b.mul(sz, d, s), hi = b.mulHU(sz, d, s);
  writeReg(b, i.reg[1]!, lo);
  writeReg(b, i.reg[0]!, hi);
  return true;
}

/** PDEP—Parallel Bits Deposit, SDM Vol. 2B: low bits of src1 to the set bits of the mask (r/m). */
export function PDEP(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0);
  const x = readReg(b, i.reg[1]!), m = readOp(b, i, 2, sz);
  putExact(b, i.reg[0]!, op2(b, OP.Pdep, sz, x, m));
  return true;
}

/** PEXT—Parallel Bits Extract, SDM Vol. 2B: bits of src1 at the set bits of the mask (r/m), packed low. */
export function PEXT(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0);
  const x = readReg(b, i.reg[1]!), m = readOp(b, i, 2, sz);
  putExact(b, i.reg[0]!, op2(b, OP.Pext, sz, x, m));
  return true;
}

/** RORX—Rotate Right Logical Without Affecting Flags, SDM Vol. 2B: by imm8 mod width. */
export function RORX(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0);
  const x = readOp(b, i, 1, sz);
  writeReg(b, i.reg[0]!, b.ror(sz, x, konst(b, 1, i.imm & (sz * 8 - 1))));
  return true;
}

/** SARX/SHLX/SHRX: shift r/m by the third operand mod width, no flags. */
function shiftX(b: IrBlock, i: Insn, op: number): boolean {
  const sz = opSize(i, 0);
  const x = readOp(b, i, 1, sz);
  const n = b.and(4, readReg(b, i.reg[2]!), konst(b, 4, sz * 8 - 1));
  writeReg(b, i.reg[0]!, b.emit(op, sz, 0, x, n));
  return true;
}

/** SARX—Shift Without Affecting Flags (arithmetic right), SDM Vol. 2B. */
export function SARX(b: IrBlock, i: Insn, _c: SemCtx): boolean { return shiftX(b, i, OP.Sar); }
/** SHLX—Shift Without Affecting Flags (left), SDM Vol. 2B. */
export function SHLX(b: IrBlock, i: Insn, _c: SemCtx): boolean { return shiftX(b, i, OP.Shl); }
/** SHRX—Shift Without Affecting Flags (logical right), SDM Vol. 2B. */
export function SHRX(b: IrBlock, i: Insn, _c: SemCtx): boolean { return shiftX(b, i, OP.Shr); }

// ── ADX: ADCX / ADOX ──

/** ADCX—Unsigned Integer Addition of Two Operands With Carry Flag, SDM Vol. 2A: only CF changes. */
export function ADCX(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0);
  const x = readReg(b, i.reg[0]!), y = readOp(b, i, 1, sz);
  writeReg(b, i.reg[0]!, b.adc(sz, x, y, CF));
  return true;
}

/**
 * ADOX—Unsigned Integer Addition of Two Operands With Overflow Flag, SDM Vol. 2A: OF is the carry
 * in and out, CF is unchanged. The IR's only carry chain is CF's, so OF is moved there for the
 * `Adc` and CF is put back after.
 */
export function ADOX(b: IrBlock, i: Insn, _c: SemCtx): boolean {
  const sz = opSize(i, 0);
  const x = readReg(b, i.reg[0]!), y = readOp(b, i, 1, sz);
  const cf = b.getFlag(CF);
  b.setFlag(CF, b.getFlag(OF));
  const r = b.adc(sz, x, y, CF);
  b.setFlag(OF, b.getFlag(CF));
  b.setFlag(CF, cf);
  writeReg(b, i.reg[0]!, r);
  return true;
}
