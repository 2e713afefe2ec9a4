/**
 * @file Stage 6 (ARM64 lowering): the named peephole rules. Every rule has a name, a one-line why,
 * and an id the lowering counts when it fires (`Lowerer.fired[id]`, read by the tests: every
 * rule must fire on some block). Rules live in three ordered arrays where position is priority:
 * `FUSIONS` (an op folded into its single user, decided before emission), `IMM_FORMS` (how an
 * ALU op takes a constant operand) and `DEST_RULES` (where a result is written). The matching
 * code sits next to the lowering that applies it; this file is the catalogue and the fusion pass.
 *
 *   markFusions(L);                    // before emission
 *   L.fired[RULE.writeHome]            // how often `add rax, rbx` went straight to x8
 */
import type { IrBlock } from "../../ir/block.ts";
import { OP, OPS, REL } from "../../ir/ops.ts";
import { CC_READS, FLAG, GPR } from "../../ir/state.ts";
import { DEAD, FUSED, EMIT, VALUE_ARGS, operand } from "./alloc.ts";
import { readsValue } from "../../ir/passes/index.ts";
import type { Lowerer } from "./context.ts";
import { constIn, zeroExtended } from "./consts.ts";

export interface Rule { name: string; why: string }

/** Folded into the single user (tried in order per op; the first that matches wins). */
export const FUSIONS = [
  { name: "indexAddress", why: "a 64-bit address base + index (or + index << log2(size)) is the access's register offset: ldr x, [xn, xm, lsl #3], no add" },
  { name: "foldAddOffset", why: "a load/store whose address is x ± constant uses [x, #imm]: no add (32-bit guests too, on a zero-extended x: a wrap at 4 GiB faults either way, ABI §6)" },
  { name: "preIndex", why: "push: rsp - 8 used as a store address and then as rsp is one str [x15, #-8]! (no fault: base unchanged)" },
  { name: "pushPair", why: "two pushes in a row (push rbp; push rbx) are one stp with pre-index -16 (-8 for 32-bit pushes): a fault is the first push's, nothing written back" },
  { name: "popPair", why: "two pops in a row (pop rsi; pop rdi) are one ldp with post-index 16 (8 for 32-bit pops) into both homes: a fault is the first pop's, nothing written back" },
  { name: "extrFunnel", why: "(a << k) | (b >> (w - k)), the funnel shift SHLD/SHRD by a constant make, is one extr at 32 or 64 bits (a rotate when a is b)" },
  { name: "zeroBranch", why: "test r, r / cmp r, 0 / test r, 2^k whose flags only a following je/jne/js/jns reads (fuse-cmp-branch) is one cbz/cbnz/tbz/tbnz: no compare, no flags" },
  { name: "notOperand", why: "x and/or/xor ~z is one bic/orn/eon of z (btr's bit mask, andn): no mvn" },
  { name: "foldShiftedOperand", why: "x op (y shifted by a constant) is one add/sub/and/orr/eor with a shifted register" },
  { name: "condIntoSelect", why: "Select on a Cond reads NZCV directly (csel cc): no cset, no cmp" },
  { name: "cmpIntoSelect", why: "Select on a Cmp is cmp + csel: no cset, no second compare" },
  { name: "postIndex", why: "pop/ret: a load from r then r + k written back to r is one ldr [r], #k (the load faults before r changes)" },
  { name: "sextIntoZext", why: "a 32-bit write of a sign-extended byte/word (movsx r32, cwde) is one sxtb/sxth w: the W form zeroes the upper half" },
  { name: "cmpIntoFlagRun", why: "a Cmp whose only users are SetFlags of one run (MUL/IMUL's CF = OF) is compared inside the run's mrs/msr with csetm: no flag-free clz compare, one bfi for CF and OF" },
  { name: "exitOnFlags", why: "32-bit DIV's #DE test sets NZCV and b.cond leaves for the stub (mrs before, msr in the stub when flags are live at the exit): no flag-free clz compares, no cset + cbnz" },
  { name: "exitOnSign", why: "an 8/16-bit DIV's #DE test (high half >= divisor) is the sign of their difference (sub with uxtb/uxth, tbz #31), IDIV's (up to 32 bits) a cbnz on quotient minus its sign extension and a cbz on the divisor: NZCV untouched, so nothing saved or restored" },
  { name: "shlFlags", why: "SHL by k (8/16-bit: the operand at the top of a W register) with CF (bit 8sz-k of the source) and SF/ZF/PF, OF undefined (k > 1) or MSB ^ CF (k = 1): lsl by k-1, then adds t, t gives the result, N, Z, C and (k = 1) V, no mrs/bfi/msr" },
  { name: "stateField", why: "a byte/halfword/word field of a state block word (Ubfx of GetState: a segment selector; Zext of GetState or SegBase: rdfsbase eax) is one ldrb/ldrh/ldr w: no ldr + ubfx/mov" },
  { name: "widenMul", why: "Mul.8 of two Zext.4 (two Sext.4) is one umull (smull): the 64-bit product of 32-bit operands, no extends (MUL/IMUL r/m32)" },
  { name: "axDividend", why: "8-bit DIV/IDIV whose AH is bits 8..15 of AL's value: the dividend AX is one uxth/sxth of it, not uxtb + bfi (+ sxth)" },
  { name: "mulAdd", why: "x + a*b and x - a*b (flag-free, any size: a W form's low bits are the same) are one madd/msub: AAM's remainder AL - 10*AH, DIV's remainder" },
  { name: "boolOrCmp", why: "(a compare as 0/1) | (a 0/1 value) is cmp + csinc: no cset + orr (DAA/DAS/AAA/AAS's low-digit test, (AL & 0xF) > 9 or AF)" },
  { name: "condMask", why: "0 - (a condition as 0/1) is csetm: all ones or zero in one word (SALC), no cset + neg" },
  { name: "selectIntoZext", why: "a 32-bit CMOVcc (Zext of SelectCC) is one csel w: the W form zeroes the upper half, no mov" },
] as const satisfies readonly Rule[];

/** Constant operands of ALU ops (first match wins; `register` is the fallback). */
export const IMM_FORMS = [
  { name: "zeroRegister", why: "constant 0 is xzr/wzr: nothing to materialise" },
  { name: "addImm12", why: "add of a 12-bit (or 12-bit << 12) constant, or of its negation as sub, is one instruction" },
  { name: "subImm12", why: "sub of a 12-bit constant (negative: add) is one instruction" },
  { name: "cmpImm12", why: "a flag-only sub (CMP) against a 12-bit constant is cmp/cmn #imm" },
  { name: "logicalImmediate", why: "and/orr/eor with a bitmask-encodable constant take it as an immediate" },
  { name: "shiftByConst", why: "shifts and rotates by a constant are lsl/lsr/asr/ror #imm (ubfm/sbfm/extr)" },
  { name: "narrowCompare", why: "an 8/16-bit sub/cmp whose only live NZCV flags are ZF and CF compares the zero-extended operands at 32 bits (equality and unsigned order are the same there): cmp w, #k or cmp w, w, uxtb, a loaded byte as loaded; no shift of both into the top byte, no register for a constant" },
  { name: "subWordImm", why: "a 16-bit add/sub of 1..255 (inc ax) compares against #k*16, lsl #12 (k << 16) and adds #k: no register for the constant" },
  { name: "fieldImm", why: "a flag-free 32-bit and/orr/eor whose result only feeds an 8/16-bit field insert takes any constant equal in the field's bits when that one is a bitmask immediate (AAA's & 0xff0f as & 0xffffff0f): no mov of the constant" },
  { name: "atomicOperandImm", why: "lock sub/and (btr) with a constant: the ldadd/ldclr operand -k / ~k is materialised as such, no neg/mvn of k" },
  { name: "lseCarryAdd", why: "LOCK ADC/SBB on an LSE host: one ldaddal of b + CF (adc t, b, zr) or of -(b + CF) (sbc t, zr, b, with C = NOT CF), not a CAS loop" },
  { name: "lseNot", why: "LOCK NOT on an LSE host: ldeoral of all ones (one movn), not a CAS loop" },
  { name: "logicAllOnes", why: "and/test with all ones is and/tst of the register with itself, xor is mvn, or is mvn of zr: no constant to materialise (32/64-bit all ones is not a bitmask immediate)" },
] as const satisfies readonly Rule[];

/** Where a result goes (first match wins; a fresh temporary is the fallback). */
export const DEST_RULES = [
  { name: "afSourceDest", why: "a value whose only use is the next add/sub of a constant with bit 4 clear that defines AF is computed straight into x11 (its AF source): no mov x11" },
  { name: "writeHome", why: "a value whose only use is SetReg r is computed straight into r's home register" },
  { name: "exitRegister", why: "a value whose only use is an exit target is computed into x16, the exit register" },
  { name: "resultInPF", why: "a PF-defining op's result that goes to a field insert, a store or another op is computed into x10, the PF source, itself: no mov x10" },
  { name: "reuseDyingTemp", why: "a result takes the temporary of an operand that dies at this op: no copy" },
] as const satisfies readonly Rule[];

/** Rules applied inside single lowerings. */
export const OTHER_RULES = [
  { name: "deadCode", why: "a pure op whose result is never used emits nothing" },
  { name: "bitToFlag", why: "bit 0 of a value used only as CF/OF/SF/ZF needs no ubfx: each SetFlag inserts bit 0 alone" },
  { name: "zextNoop", why: "Zext of a value already zero-extended (a load, a 32-bit op) is the value itself" },
  { name: "bfiInPlace", why: "Bfi into the register that already holds its base (mov al, bl) is one bfi" },
  { name: "casCmpxchg", why: "an unlocked CMPXCHG with memory (load, compare, select, store) is one CAS on an LSE host: mov + cas, no flag-preserving compare and select" },
  { name: "bfiAsOrr", why: "a zero-extended value with its high half filled from a zero-extended one (a 32-bit guest's edx:eax) is one orr with lsl #32, not mov + bfi" },
  { name: "skipFlagsIfZero", why: "a shift or rotate by CL jumps over its flag updates when the count is 0 (cbz), instead of saving NZCV and the PF source and putting them back (mrs, bfxil, cbnz, msr, mov)" },
  { name: "setFlagRun", why: "consecutive SetFlags of NZCV flags share one mrs/msr pair" },
  { name: "carryFlipCcmp", why: "ADC/SBB needing the other carry sense, with N, Z, V dead until the op redefines them: C is inverted by one ccmp xzr, #0, #0, cc, not mrs/eor/msr (without FlagM)" },
  { name: "flagFromBool", why: "SetFlag cf or zf of a 0/1 value with the other NZCV flags dead is cmp wv, #1 (Z = C = v), not mrs/bfi/msr (BSF/BSR's ZF)" },
  { name: "countFlagsCcmp", why: "LZCNT/TZCNT's CF = (source = 0) and ZF = (count = 0), SF/OF undefined: cmp source + ccmn count, #0, #0b0010, ne (C = CF directly), no mrs/msr" },
  { name: "carryOverflowCcmn", why: "CF = OF = one compare (MUL/IMUL), or either alone with the other dead, with SF and ZF dead (undefined after MUL) is cmp + ccmn xzr, #0, #0b0011, !cond: C = V = cond, no mrs/msr" },
  { name: "constToHome", why: "SetReg of a constant materialises it directly in the home register" },
  { name: "loadPair", why: "two loads of one guest instruction from adjacent 4/8-byte slots that cannot fault (earlier loads of it already touched both ends, under a page apart) go straight into their homes with one ldp (POPAD)" },
  { name: "storePair", why: "two plain stores of one guest instruction to adjacent 4/8-byte slots of one base are one stp (PUSHAD)" },
  { name: "repChunks", why: "REP MOVS/STOS with DF = 0 move 16 bytes per trip (ldp/stp) where no chunk crosses a page or overlaps itself" },
  { name: "addrOffset", why: "position independent: a guest address used only as a plain access's address is not computed; its distance from the held base (rule picBase), or its low 12 bits after the image base plus the rest, goes into the access's offset" },
  { name: "picBase", why: "position independent: the block's first guest address used as a value stays in a register, and later ones within 16 MiB are one or two adds from it, not a load of STATE.IMAGE_BASE and adds each (call [rip+x]: the slot and the return address)" },
] as const satisfies readonly Rule[];

export const RULES: readonly Rule[] = [...FUSIONS, ...IMM_FORMS, ...DEST_RULES, ...OTHER_RULES];
type RuleName = (typeof RULES)[number]["name"];
/** Rule ids by name. */
export const RULE = Object.fromEntries(RULES.map((r, i) => [r.name, i])) as Record<
  (typeof FUSIONS)[number]["name"] | (typeof IMM_FORMS)[number]["name"] | (typeof DEST_RULES)[number]["name"] | (typeof OTHER_RULES)[number]["name"],
  number
>;
export type { RuleName };

/** Ops that change NZCV when their flag mask is not empty: every op the table says defines flags. */
const FLAG_WRITER = Uint8Array.from(OPS, (o) => (o.flags ? 1 : 0));


/** True when no op in (i, j) changes guest flags (so NZCV means the same at i and at j). */
function flagsStable(L: Lowerer, i: number, j: number): boolean {
  const b = L.b;
  for (let k = i + 1; k < j; k++) {
    const o = b.op[k]!;
    if (L.an.skip[k] !== EMIT) continue;
    // SetFlag and a flag restore (msr from a saved copy) write NZCV whatever their masks say.
    if ((FLAG_WRITER[o] && b.fm[k]) || o === OP.SetFlag || o === OP.RestoreFlagsIfZero) return false;
  }
  return true;
}

/**
 * A flag reader i (Cond, SelectCC) fused into its user j reads NZCV at j, not at i: the flags its
 * condition reads stay live over (i, j], so no lowering in between takes them for dead (a carry
 * flip by `ccmp`, which garbles N, Z and V; a Select's compare without saving NZCV).
 */
function holdFlags(L: Lowerer, i: number, j: number): void {
  const m = CC_READS[L.b.a[i]!]!;
  for (let k = i; k < j; k++) {
    L.an.liveAfter[k]! |= m;
    L.an.liveBefore[k + 1]! |= m;
  }
}

/** Extend the last use of op i's value operands to j (i is now emitted at j). */
function moveUses(L: Lowerer, i: number, j: number): void {
  const vm = VALUE_ARGS[L.b.op[i]!]!, lastUse = L.an.lastUse;
  for (let k = 0; k < 4; k++) {
    if (!(vm & (1 << k))) continue;
    const v = operand(L.b, i, k);
    if (lastUse[v]! < j) lastUse[v] = j;
  }
}

/** Fold op i into its user j (not when an operand of i is itself folded: one level only). */
const fuse = (L: Lowerer, i: number, j: number, rule: number): boolean => {
  const vm = VALUE_ARGS[L.b.op[i]!]!;
  for (let k = 0; k < 4; k++) if (vm & (1 << k) && L.an.skip[operand(L.b, i, k)] === FUSED) return false;
  L.an.skip[i] = FUSED;
  moveUses(L, i, j);
  L.fired[rule]!++;
  return true;
};

/** The offset a plain access of `size` bytes can fold: simm9 (ldur) or a scaled uimm12 (ldr). */
export const foldableOffset = (off: number, size: number): boolean =>
  (off >= -256 && off <= 255) || (off >= 0 && off % size === 0 && off / size <= 0xfff);

/** 8-bit DIV/IDIV j whose high half is AH, bits 8..15 of the value whose low byte is AL: its dividend is AX (rule axDividend). */
export function axDividend(b: IrBlock, j: number): boolean {
  const h = b.a[j]!;
  return b.sz[j] === 1 && b.op[h] === OP.Ubfx && b.a[h] === b.b[j] && b.b[h] === 8 && b.c[h] === 8;
}

/**
 * Add.8 i = x + y (y register, or y = z << k fused into it by foldShiftedOperand with 1 << k the
 * size of access j) is j's whole address: j becomes `ldr/str rt, [x, y]` or `[x, z, lsl #k]`
 * (memory.ts), the Add (and its Shl) emit nothing. 64-bit adds only: a 32-bit guest's address
 * wraps at 4 GiB, which a register offset cannot do.
 */
function indexAddress(L: Lowerer, i: number, j: number): boolean {
  const b = L.b, { skip } = L.an, x = b.a[i]!, y = b.b[i]!;
  if (b.isImm(x) || b.isImm(y) || skip[x] === FUSED || x === y) return false;
  let shl = -1;
  if (skip[y] === FUSED) {
    if (b.op[y] !== OP.Shl || b.sz[y] !== 8 || !b.isConst(b.b[y]!) || 1 << constIn(b, b.b[y]!, 8) !== b.sz[j]) return false;
    if (b.isImm(b.a[y]!) || skip[b.a[y]!] === FUSED) return false;
    shl = y;
  }
  skip[i] = FUSED;
  moveUses(L, i, j);
  if (shl >= 0) moveUses(L, shl, j);
  L.fired[RULE.indexAddress]!++;
  return true;
}

/**
 * A 32-bit guest's ESP ± k (Add.4/Sub.4 of GetReg rsp): pre- and post-indexing compute it in 64
 * bits on the zero-extended ESP, which equals the 32-bit result unless ESP ± k wraps at 4 GiB,
 * i.e. ESP < k for a push or ESP > 2^32 - k for a pop. Neither address is ever mapped (ABI §6:
 * the lowest and highest 64 KiB of a WOW64 address space are reserved, and the runtime keeps
 * [4 GiB, 4 GiB + 64 KiB) unmapped), so the access faults either way, before the write-back (a
 * store or load that faults does not update its base).
 */
function stack32(L: Lowerer, i: number): boolean {
  const b = L.b, x = b.a[i]!;
  return b.mode === 32 && b.sz[i] === 4 && b.op[x] === OP.GetReg && b.a[x] === GPR.RSP;
}

/**
 * A 32-bit guest's x ± k for an address, x zero-extended from 32 bits (a register's home, a load,
 * a 32-bit op) and |k| below 64 KiB (every foldable offset is): as stack32, the 64-bit sum differs
 * from x86's 32-bit one only where x86 wraps into the reserved lowest or highest 64 KiB and
 * faults, and ours lands on a negative address or in [4 GiB, 4 GiB + 64 KiB), never mapped (ABI §6).
 */
function addr32(L: Lowerer, i: number): boolean {
  const b = L.b, x = b.a[i]!;
  return b.mode === 32 && b.sz[i] === 4 && zeroExtended(L, x, 4);
}

/**
 * Op i = GetReg r ± k (k in simm9), used by the next op, an unordered Store to that address of a
 * value other than r, and then by SetReg r with nothing between that could observe r early (a
 * fault, an exit, a read or write of r). No other copy of r may be live past i.
 */
function preIndex(L: Lowerer, i: number): boolean {
  const b = L.b, { lastUse } = L.an, x = b.a[i]!;
  let j = i + 1;
  // Only ops that emit nothing may sit between (the stored value's GetReg/Const/Addr).
  while (j < b.n && (b.op[j] === OP.GetReg || b.op[j] === OP.Const || b.op[j] === OP.Addr || b.op[j] === OP.Nop)) j++;
  if (b.op[x] !== OP.GetReg || !b.isConst(b.b[i]!) || j >= b.n || b.op[j] !== OP.Store || b.a[j] !== i || b.b[j] === i) return false;
  const r = b.a[x]!, val = b.b[j]!;
  if (L.ordered(b.c[j]!) || (b.op[val] === OP.GetReg && b.a[val] === r)) return false;
  const k = constIn(b, b.b[i]!, b.sz[i]!), off = b.op[i] === OP.Add ? k : -k;
  if (!(off >= -256 && off <= 255)) return false;
  const m = lastUse[i]!;
  if (b.op[m] !== OP.SetReg || b.b[m] !== i || b.a[m] !== r || m - j > 64) return false;
  for (let k2 = j + 1; k2 < m; k2++) {
    const o = b.op[k2]!;
    if (o === OP.ExitSymIf) return false;
    if (o === OP.Load || o === OP.Store || o === OP.AtomicRmw || o === OP.AtomicCas || o === OP.AtomicCasPair || o === OP.Exit || o === OP.ExitIf || o === OP.ExitSym || ((o === OP.GetReg || o === OP.SetReg) && b.a[k2] === r)) return false;
    if (o === OP.VLoad || o === OP.VLoadLane || o === OP.VStore) return false;
  }
  for (let v = 0; v < j; v++) if (v !== x && b.op[v] === OP.GetReg && b.a[v] === r && lastUse[v]! > i) return false;
  if (lastUse[x]! > i) return false;
  L.an.skip[i] = FUSED;
  moveUses(L, i, j);
  L.fired[RULE.preIndex]!++;
  return true;
}

const SHIFTS = new Uint8Array(OPS.length);
SHIFTS[OP.Shl] = 1; SHIFTS[OP.Shr] = 1; SHIFTS[OP.Sar] = 1;
const SHIFT_USERS = new Uint8Array(OPS.length);
SHIFT_USERS[OP.Add] = 1; SHIFT_USERS[OP.Sub] = 1; SHIFT_USERS[OP.And] = 1; SHIFT_USERS[OP.Or] = 1; SHIFT_USERS[OP.Xor] = 1;

/**
 * Op i = Add.8 (GetReg r, k), k in simm9, whose only use is SetReg r, right after (only ops that
 * emit nothing between) a Load from that same GetReg value: the load becomes `ldr rt, [r], #k`
 * and r's home holds i from then on. Nothing between the load and the SetReg may fault, leave or
 * read r (the write-back would show early), the old value dies at i, and the load's value is not
 * written to r (`pop rsp`; and Rt = Rn is unpredictable for a post-indexed load).
 */
function postIndex(L: Lowerer, i: number): boolean {
  const b = L.b, { lastUse } = L.an, x = b.a[i]!;
  if (b.op[x] !== OP.GetReg || !b.isConst(b.b[i]!) || lastUse[x] !== i) return false;
  const r = b.a[x]!, k = constIn(b, b.b[i]!, b.sz[i]!), m = lastUse[i]!;
  if (!(k >= -256 && k <= 255) || b.op[m] !== OP.SetReg || b.a[m] !== r || b.b[m] !== i) return false;
  let j = i - 1;
  while (j > x && (b.op[j] === OP.Const || b.op[j] === OP.Addr || b.op[j] === OP.GetReg || b.op[j] === OP.Nop)) j--;
  if (b.op[j] !== OP.Load || b.a[j] !== x || L.an.skip[j] !== EMIT) return false;
  // Between: only ops that cannot fault, leave or touch r (a whitelist, so new ops stay out).
  for (let k2 = j + 1; k2 < m; k2++) {
    const o = b.op[k2]!;
    if (o === OP.GetReg ? b.a[k2] === r : o === OP.SetReg ? b.a[k2] === r || b.b[k2] === j
      : !(OPS[o]!.pure || o === OP.SetFlag || o === OP.Test || o === OP.Nop)) return false;
  }
  // The loaded value must not go to r's home (pop rsp), directly or later.
  for (let k2 = m + 1; k2 < b.n; k2++) if (b.op[k2] === OP.SetReg && b.a[k2] === r && b.b[k2] === j) return false;
  for (let v = 0; v < j; v++) if (v !== x && b.op[v] === OP.GetReg && b.a[v] === r && lastUse[v]! > j) return false;
  L.an.skip[i] = FUSED;
  L.fired[RULE.postIndex]!++;
  return true;
}

/**
 * Cmp i is read only by SetFlags of NZCV flags: its compare can move into their run, where NZCV
 * is saved in the run's register (flags.ts nzcvRun). The operands stay live until the last user.
 */
function cmpIntoFlagRun(L: Lowerer, i: number): boolean {
  const b = L.b, { uses, lastUse } = L.an;
  let seen = 0;
  for (let k = i + 1; k <= lastUse[i]!; k++) {
    if (!(b.op[k] === OP.SetFlag && b.b[k] === i)) continue;
    if (!(b.a[k]! & (FLAG.CF | FLAG.OF | FLAG.SF | FLAG.ZF))) return false;
    seen++;
  }
  return seen === uses[i];
}

/** Mul.8 j of two single-use Zext.4 (or two Sext.4) values: fold both (bits.ts lowerMul emits umull/smull). */
function widenMul(L: Lowerer, j: number): boolean {
  const b = L.b, x = b.a[j]!, y = b.b[j]!, { uses, skip } = L.an;
  if (x === y || b.op[x] !== b.op[y] || b.b[x] !== 4 || b.b[y] !== 4 || uses[x] !== 1 || uses[y] !== 1) return false;
  if (skip[x] !== EMIT || skip[y] !== EMIT || skip[b.a[x]!] === FUSED || skip[b.a[y]!] === FUSED) return false;
  fuse(L, x, j, RULE.widenMul);
  skip[y] = FUSED;
  moveUses(L, y, j);
  return true;
}

/**
 * Op j = ExitSymIf on the value of op a: can exitOnFlags compute it in NZCV? A single-use Cmp, or
 * IDIV's `Or.4 (Cmp eq d, 0), (Cmp.8 ne q, Sext q, sz)` with every piece single-use. Marks the
 * pieces folded (their operands stay live up to j).
 */
function markExitOnFlags(L: Lowerer, a: number, j: number): boolean {
  const b = L.b, { uses, skip } = L.an;
  const single = (v: number): boolean => uses[v] === 1 && skip[v] === EMIT;
  if (!single(a)) return false;
  const parts: number[] = [];
  if (b.op[a] === OP.Cmp) parts.push(a);
  else if (b.op[a] === OP.Or) {
    const x = b.a[a]!, y = b.b[a]!;
    const [zero, fits] = b.op[x] === OP.Cmp && b.a[x] === REL.EQ ? [x, y] : [y, x];
    if (b.op[zero] !== OP.Cmp || b.a[zero] !== REL.EQ || b.sz[zero]! > 4 || !single(zero)) return false;
    const k = b.c[zero]!;
    if (!b.isConst(k) || b.lo[k] !== 0 || b.hi[k] !== 0) return false;
    if (b.op[fits] !== OP.Cmp || b.a[fits] !== REL.NE || b.sz[fits] !== 8 || !single(fits)) return false;
    const e = b.c[fits]!;
    if (b.op[e] !== OP.Sext || b.a[e] !== b.b[fits] || b.b[e] !== b.sz[zero] || !single(e)) return false;
    parts.push(e, zero, fits, a);
  } else return false;
  for (const p of parts) { skip[p] = FUSED; moveUses(L, p, j); }
  L.fired[RULE.exitOnFlags]!++;
  return true;
}

/** Ops that may sit inside a shlFlags pattern: no code that reads or writes NZCV, faults or leaves. */
const SHL_QUIET = Uint8Array.from(OPS, (o, k) => (k === OP.Nop || k === OP.Const || k === OP.GetReg || k === OP.SetReg
  || (o.pure && o.result && !o.reads) ? 1 : 0));
/** Op m emits nothing that touches NZCV (a flag-capable op only with an empty mask). */
const shlQuiet = (b: IrBlock, m: number): boolean => SHL_QUIET[b.op[m]!] === 1 && !(OPS[b.op[m]!]!.flags && b.fm[m]);

/**
 * Rule shlFlags, decided per Test t = Test.sz (Shl.sz a, k) !szp (1 <= k < 8*sz) followed
 * by SetFlag cf, Ubfx(a, 8sz-k, 1), and either OF dead after it (k > 1: undefined) or (k = 1)
 * SetFlag of, Xor(Ubfx(r, 8sz-1, 1), that CF): `adds r, t, t` with t = a << (k-1) sets N and Z
 * of r, C = the bit shifted out last and V = MSB(r) ^ C. Only quiet ops between the Shl and the
 * last flag (SHL_QUIET): NZCV changes at the Shl, and nothing may see it early.
 */
function markShlFlags(L: Lowerer): void {
  const b = L.b, { skip, uses, liveAfter } = L.an;
  for (let t = 0; t < b.n; t++) {
    if (b.op[t] !== OP.Test || skip[t] !== EMIT) continue;
    const r = b.a[t]!, sz = b.sz[t]!;
    if (b.op[r] !== OP.Shl || b.sz[r] !== sz || skip[r] !== EMIT || !b.isConst(b.b[r]!)) continue;
    if (b.fm[t]! & ~(FLAG.SF | FLAG.ZF | FLAG.PF)) continue;
    const k = constIn(b, b.b[r]!, 8), a = b.a[r]!;
    if (k < 1 || k >= 8 * sz) continue;
    const next = (from: number): number => {
      let m = from;
      while (m < b.n && (skip[m] !== EMIT || shlQuiet(b, m))) m++;
      return m;
    };
    const jc = next(t + 1);
    if (jc >= b.n || b.op[jc] !== OP.SetFlag || b.a[jc] !== FLAG.CF) continue;
    const u = b.b[jc]!;
    if (b.op[u] !== OP.Ubfx || b.a[u] !== a || b.b[u] !== 8 * sz - k || b.c[u] !== 1 || skip[u] !== EMIT) continue;
    const parts = [t, jc, u];
    let last = jc;
    const of = k === 1 ? overflowOfShl1(L, next(jc + 1), r, u, sz) : null;
    if (of) { parts.push(...of); last = of[0]!; }
    else if (liveAfter[jc]! & FLAG.OF || uses[u] !== 1) continue;
    let quiet = true;
    for (let m = r + 1; m < last && quiet; m++) if (!parts.includes(m) && skip[m] === EMIT && !shlQuiet(b, m)) quiet = false;
    if (!quiet) continue;
    for (const p of parts) skip[p] = FUSED;
    L.shlTest.set(r, t);
    L.fired[RULE.shlFlags]!++;
  }
}

/** [SetFlag, Xor, Ubfx] of `SetFlag of, Xor(Ubfx(r, 8sz-1, 1), u)` at jo (SHL by 1: OF = MSB ^ CF), or null. */
function overflowOfShl1(L: Lowerer, jo: number, r: number, u: number, sz: number): number[] | null {
  const b = L.b, { uses } = L.an;
  if (jo >= b.n || b.op[jo] !== OP.SetFlag || b.a[jo] !== FLAG.OF) return null;
  const x = b.b[jo]!;
  if (b.op[x] !== OP.Xor || b.fm[x] || uses[x] !== 1) return null;
  const m = b.a[x] === u ? b.b[x]! : b.b[x] === u ? b.a[x]! : -1;
  if (m < 0 || b.op[m] !== OP.Ubfx || b.a[m] !== r || b.b[m] !== 8 * sz - 1 || b.c[m] !== 1 || uses[m] !== 1 || uses[u] !== 2) return null;
  return [jo, x, m];
}

/**
 * The other operand of Or j when shift i and it are a funnel shift: one Shl and one Shr of the
 * Or's size (4 or 8), constant counts summing to its width, each read only by the Or, neither
 * shifting an immediate (extr takes registers). -1 otherwise.
 */
function funnelPartner(L: Lowerer, i: number, j: number): number {
  const b = L.b, S = b.sz[j]!, other = b.a[j] === i ? b.b[j]! : b.a[j]!;
  if ((S !== 4 && S !== 8) || other === i || b.sz[i] !== S || b.sz[other] !== S || L.an.uses[other] !== 1 || L.an.skip[other] !== EMIT) return -1;
  if (b.op[other] !== (b.op[i] === OP.Shl ? OP.Shr : OP.Shl) || b.fm[i] || b.fm[other]) return -1;
  const ki = b.b[i]!, ko = b.b[other]!;
  if (!b.isConst(ki) || !b.isConst(ko) || b.isImm(b.a[i]!) || b.isImm(b.a[other]!)) return -1;
  const k1 = constIn(b, ki, 8), k2 = constIn(b, ko, 8);
  return k1 > 0 && k2 > 0 && k1 + k2 === 8 * S ? other : -1;
}

/** Can a plain access of `size` bytes take byte offset d (scaled unsigned 12 bits, else signed 9)? */
export const fitsOffset = (d: number, size: number): boolean => (d >= 0 && d % size === 0 && d / size <= 0xfff) || (d >= -256 && d <= 255);

/** Exits take their Addr operands as relocation targets or materialise them into x16 themselves. */
const EXIT_OP = Uint8Array.from(OPS, (_, k) => ([OP.Exit, OP.ExitIf, OP.ExitSym, OP.ExitSymIf, OP.ExitIfNZ] as number[]).includes(k) ? 1 : 0);

/**
 * Rule picBase (PIC only, L.opts.picBase not false): the first Addr of the block that an op other
 * than an exit reads becomes a value in a register (lowerConst), held until the last such read of
 * any later Addr within ±16 MiB of it; materialise() then computes those from it. Costs one
 * temporary for that stretch: lowerBlock retries without the rule on OutOfTemporaries.
 */
function markPicBase(L: Lowerer): void {
  L.picBase = -1;
  L.picDelta = 0;
  if (!L.opts.pic || L.opts.picBase === false) return;
  const b = L.b, { skip, lastUse } = L.an;
  let base = -1, until = -1;
  for (let i = 0; i < b.n; i++) {
    if (EXIT_OP[b.op[i]!] || skip[i] === DEAD) continue;
    const vm = VALUE_ARGS[b.op[i]!]!;
    for (let k = 0; k < 4; k++) {
      if (!(vm & (1 << k))) continue;
      const v = operand(b, i, k);
      if (b.op[v] !== OP.Addr || skip[v] !== EMIT) continue;
      if (base < 0) base = v;
      else if (v !== base) {
        const d = b.imm(v) - b.imm(base);
        if (d > -(1n << 24n) && d < 1n << 24n) until = Math.max(until, i);
      }
    }
  }
  if (base < 0 || until < 0) return;
  L.picBase = base;
  L.picHome = homeOfBase(L, base, until);
  L.picDelta = L.picHome < 0 ? baseDelta(L, base) : 0;
  lastUse[base] = Math.max(lastUse[base]!, until);
  L.fired[RULE.picBase]!++;
}

/**
 * Rule addrOffset for the base of rule picBase: when every read of the base Addr is the address
 * of a plain load or store (`call [rip+x]`'s slot), its register can hold the Addr without its low
 * 12 bits (one add fewer), which each access takes as its offset. The low bits, or 0.
 */
function baseDelta(L: Lowerer, base: number): number {
  const b = L.b, img = L.opts.imageBase;
  if (img === undefined) return 0;
  const rva = b.imm(base) - img;
  if (rva < 0n || rva >= 0x1000000n) return 0;
  const lo = Number(rva & 0xfffn);
  if (!lo) return 0;
  for (let i = base + 1; i < b.n; i++) {
    if (L.an.skip[i] === DEAD || !readsValue(b, i, base)) continue;
    const o = b.op[i]!;
    const size = (o === OP.Load && b.a[i] === base) || (o === OP.Store && b.a[i] === base && b.b[i] !== base) ? b.sz[i]!
      : (o === OP.VLoad && b.b[i] === base) || (o === OP.VStore && b.a[i] === base && b.c[i] === 0) ? b.sz[i]! : 0;
    if (!size || !fitsOffset(lo, size)) return 0;
  }
  return lo;
}

/** Ops that leave every guest register's home alone (a SetReg is checked apart). */
const HOMES_KEPT = Uint8Array.from(OPS, (o, k) => (o.pure || ([OP.Nop, OP.Guest, OP.Undef, OP.SetFlag, OP.Test, OP.Load,
  OP.Store, OP.ExitIf, OP.RestoreFlagsIfZero] as number[]).includes(k) ? 1 : 0));

/**
 * The guest register whose home can hold rule picBase's Addr (`lea r, [rip+x]` first): its first
 * use is `SetReg r` and nothing until `until` writes that home (no other SetReg r, only ops that
 * keep every home). The SetReg then computes the address straight into the home, and the home
 * serves as the base: no temporary and no move. -1 otherwise (the base gets a temporary).
 */
function homeOfBase(L: Lowerer, base: number, until: number): number {
  const b = L.b;
  let set = -1;
  for (let i = base + 1; i <= until; i++) {
    const o = b.op[i]!;
    if (set < 0) {
      if (!readsValue(b, i, base)) continue;
      if (o !== OP.SetReg || b.b[i] !== base) return -1;
      set = i;
      continue;
    }
    if (o === OP.SetReg ? b.a[i] === b.a[set] : !HOMES_KEPT[o]) return -1;
  }
  return set < 0 ? -1 : b.a[set]!;
}

/** Decide the fusions of one block (forward, before emission). */
export function markFusions(L: Lowerer): void {
  const b = L.b, { skip, uses, lastUse } = L.an;
  markShlFlags(L);
  markPicBase(L);
  for (let i = 0; i < b.n; i++) {
    if (skip[i] !== EMIT || uses[i]! > 2 || uses[i] === 0) continue;
    const o = b.op[i]!, j = lastUse[i]!, u = b.op[j]!;
    // ── preIndex: r ± k stored to, then written back to r (push) ──
    if ((o === OP.Add || o === OP.Sub) && (b.sz[i] === 8 || stack32(L, i)) && !b.fm[i] && uses[i] === 2 && preIndex(L, i)) continue;
    // ── cmpIntoFlagRun: a Cmp read only by SetFlags (MUL/IMUL's CF and OF) ──
    if (o === OP.Cmp && u === OP.SetFlag && cmpIntoFlagRun(L, i) && fuse(L, i, j, RULE.cmpIntoFlagRun)) continue;
    if (uses[i] !== 1) continue;
    // ── indexAddress: base + index (or index << log2(size)) as the address of one plain access ──
    if (o === OP.Add && b.sz[i] === 8 && !b.fm[i] && (u === OP.Load || (u === OP.Store && b.b[j] !== i)) && b.a[j] === i && indexAddress(L, i, j)) continue;
    // ── axDividend: AH (bits 8..15 of AL's value) read only by an 8-bit division of that value ──
    if ((u === OP.DivU || u === OP.DivS) && axDividend(b, j) && b.a[j] === i && fuse(L, i, j, RULE.axDividend)) continue;
    // ── postIndex: pop/ret (a load from r, then r + k back to r) ──
    if (o === OP.Add && (b.sz[i] === 8 || stack32(L, i)) && !b.fm[i] && u === OP.SetReg && postIndex(L, i)) continue;
    // ── exitOnFlags: the #DE test of DIV/IDIV computed in NZCV for its ExitSymIf ──
    if (u === OP.ExitSymIf && b.a[j] === i && markExitOnFlags(L, i, j)) continue;
    // ── stateField: Ubfx of a naturally aligned 8/16/32-bit field of a GetState; Zext of a GetState or SegBase ──
    if (o === OP.GetState && u === OP.Ubfx && b.a[j] === i && [8, 16, 32].includes(b.c[j]!) && b.b[j]! % b.c[j]! === 0
      && fuse(L, i, j, RULE.stateField)) continue;
    if ((o === OP.GetState || o === OP.SegBase) && u === OP.Zext && b.a[j] === i && fuse(L, i, j, RULE.stateField)) continue;
    // ── widenMul: both operands of a Mul.8 extended from 4 bytes the same way ──
    if ((o === OP.Zext || o === OP.Sext) && b.b[i] === 4 && u === OP.Mul && b.sz[j] === 8 && widenMul(L, j)) continue;
    // ── sextIntoZext: Zext.4 of a byte/word Sext (movsx r32, cwde) ──
    if (o === OP.Sext && b.b[i]! < 4 && u === OP.Zext && b.a[j] === i && b.b[j] === 4 && fuse(L, i, j, RULE.sextIntoZext)) continue;
    // ── mulAdd: a flag-free Mul as an operand of a flag-free Add/Sub of its size (Sub: the subtrahend);
    //    8/16-bit ones too, whose bits above their size nobody reads (the W form's low bits are the same) ──
    if (o === OP.Mul && !b.fm[i] && (u === OP.Add || u === OP.Sub) && !b.fm[j] && b.sz[j] === b.sz[i]
      && skip[b.a[i]!] !== FUSED && skip[b.b[i]!] !== FUSED && b.a[j] !== b.b[j]) {
      const x = b.a[j] === i ? b.b[j]! : b.a[j]!;
      if ((b.b[j] === i || u === OP.Add) && !b.isImm(x) && skip[x] !== FUSED && fuse(L, i, j, RULE.mulAdd)) continue;
    }
    // ── boolOrCmp: a Cmp as one operand of a flag-free 32-bit Or whose other operand is 0 or 1 ──
    // (Not IDIV's #DE test: exitOnFlags computes that whole Or in NZCV.)
    if (o === OP.Cmp && u === OP.Or && !b.fm[j] && b.sz[j] === 4 && b.a[j] !== b.b[j] && !(uses[j] === 1 && b.op[lastUse[j]!] === OP.ExitSymIf)) {
      const x = b.a[j] === i ? b.b[j]! : b.a[j]!;
      if (isBool(b, x) && skip[x] !== FUSED && fuse(L, i, j, RULE.boolOrCmp)) continue;
    }
    // ── condMask: a flag-free Neg of a Cond; NZCV must mean the same at the Neg ──
    if (o === OP.Cond && u === OP.Neg && !b.fm[j] && flagsStable(L, i, j) && fuse(L, i, j, RULE.condMask)) { holdFlags(L, i, j); continue; }
    // ── selectIntoZext: Zext.4 of a SelectCC (cmov r32); NZCV must mean the same at the Zext ──
    if (o === OP.SelectCC && u === OP.Zext && b.a[j] === i && b.b[j] === 4 && flagsStable(L, i, j) && fuse(L, i, j, RULE.selectIntoZext)) { holdFlags(L, i, j); continue; }
    // ── foldAddOffset: Add.8/Sub.8 (x, Const) feeding the address of an access (ordered ones too:
    // their barrier is a separate word, ABI §8) ──
    if ((o === OP.Add || o === OP.Sub) && (b.sz[i] === 8 || addr32(L, i)) && !b.fm[i]
      && (((u === OP.Load || u === OP.Store || (u === OP.VStore && b.c[j] === 0)) && b.a[j] === i) || (u === OP.VLoad && b.b[j] === i))
      && b.isConst(b.b[i]!) && !b.isImm(b.a[i]!)) {
      // A 32-bit guest's displacement is a 32-bit constant: 0xffffffe0 is -0x20 (addr32).
      const k = constIn(b, b.b[i]!, b.sz[i]!);
      const off = o === OP.Add ? k : -k;
      if (foldableOffset(off, b.sz[j]!) && fuse(L, i, j, RULE.foldAddOffset)) continue;
    }
    // ── extrFunnel: (a << k) | (b >> (w - k)) at w = 32 or 64 bits, both shifts read only by the Or ──
    const other = (o === OP.Shl || o === OP.Shr) && u === OP.Or && !b.fm[j] ? funnelPartner(L, i, j) : -1;
    if (other >= 0) {
      if (fuse(L, i, j, RULE.extrFunnel)) {
        skip[other] = FUSED;
        moveUses(L, other, j);
        continue;
      }
    }
    // ── notOperand: ~z as an operand of and/or/xor of its size (btr's mask, andn): bic/orn/eon z ──
    if (o === OP.Not && !b.fm[i] && (u === OP.And || u === OP.Or || u === OP.Xor) && b.sz[j] === b.sz[i] && b.a[j] !== b.b[j]
      && !b.isImm(b.a[i]!) && !(b.fm[j]! & FLAG.AF)) {
      const other = b.a[j] === i ? b.b[j]! : b.a[j]!;
      if (skip[other] !== FUSED && !b.isImm(other) && fuse(L, i, j, RULE.notOperand)) continue;
    }
    // ── foldShiftedOperand: (y << k) as the second operand of add/sub/and/orr/eor of the same size,
    // or a 64-bit y << k (k < 32) under a 32-bit op, which reads only its low half: w_y << k (lea ecx, [r10+r10*4]) ──
    if (SHIFTS[o] && (b.sz[i] === 4 || b.sz[i] === 8) && b.isConst(b.b[i]!) && !b.isImm(b.a[i]!) && SHIFT_USERS[u]
      && (b.sz[j] === b.sz[i] || (o === OP.Shl && b.sz[i] === 8 && b.sz[j] === 4 && constIn(b, b.b[i]!, 8) < 32))
      && !(b.fm[j]! & FLAG.AF) && !b.isImm(b.a[j] === i ? b.b[j]! : b.a[j]!)
      // Only one operand can be the shifted one: not when the other is already folded (x << k | y >> m).
      && skip[b.a[j] === i ? b.b[j]! : b.a[j]!] !== FUSED
      && (b.b[j] === i || (b.a[j] === i && u !== OP.Sub && b.b[j] !== i))) {
      const k = constIn(b, b.b[i]!, 8);
      if (k > 0 && k < 8 * b.sz[j]! && fuse(L, i, j, RULE.foldShiftedOperand)) continue;
    }
    // ── condIntoSelect / cmpIntoSelect: the selector of a Select ──
    if (u === OP.Select && b.a[j] === i && b.b[j] !== i && b.c[j] !== i) {
      if (o === OP.Cond && flagsStable(L, i, j) && fuse(L, i, j, RULE.condIntoSelect)) { holdFlags(L, i, j); continue; }
      if (o === OP.Cmp && fuse(L, i, j, RULE.cmpIntoSelect)) continue;
    }
  }
}

/** Value v is 0 or 1: a compare, a condition, a flag, a 1-bit field, or an And with 1. */
function isBool(b: IrBlock, v: number): boolean {
  const o = b.op[v]!;
  if (o === OP.Cmp || o === OP.Cond || o === OP.GetFlag) return true;
  if (o === OP.Ubfx) return b.c[v] === 1;
  return o === OP.And && b.isConst(b.b[v]!) && b.lo[b.b[v]!] === 1 && b.hi[b.b[v]!] === 0;
}
