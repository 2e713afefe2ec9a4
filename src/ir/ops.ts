/**
 * @file Stage 5 (IR): the op table, data only. One row per op: its name, its operands (`args`),
 * whether it has a result, whether it is sized, its side effects and the flags it can define.
 * The builder (`block.ts`), the printer and parser, the verifier and every pass read this table;
 * the lowering registers one function per row (`satisfies Record<OpName, …>`).
 *
 * Values are 64-bit. A sized op (`.1 .2 .4 .8`, bytes) computes in that width: for sizes 4 and 8
 * the result is exact in 64 bits (size 4 zero-extended); for sizes 1 and 2 only the low 8/16
 * bits are defined and the upper bits are garbage, so consumers that need more insert (`Bfi`)
 * or extend (`Zext`/`Sext`) them. Inputs of sized ops are read in their low `sz` bytes only,
 * except where a row says otherwise (shifts right need extended inputs, see below).
 *
 * Flags (`fm`, a mask of `FLAG.*`): a flag-defining op sets exactly the x86 flags in its mask,
 * computed as the x86 instruction of the same name would (ADD/SUB/ADC/SBB carry and overflow,
 * AND/OR/XOR clear CF and OF, SF/ZF/PF from the result in `sz` bytes, AF from bit 4). Flags not
 * in the mask are unchanged. The dead-flag pass narrows masks; lowering emits the flag-setting
 * host form only when the mask is non-empty.
 *
 * Operand kinds in `args`: `v` value, `r` guest register (GPR.*), `f` flag (FLAG.*), `c` x86
 * condition (CC.*), `k` exit kind (EXIT.*), `s` runtime symbol (SYM.*), `R` relation (REL.*),
 * `A` atomic operation (ATOM.*), `x` XMM register (0..15, or `XT` = 16, the vector scratch: see the
 * vector rows), `V` vector operation (VOP.*), `n` small integer. A 64-bit immediate (`imm`) is
 * separate (`Const`, `Guest`). Vector ops are sized in 4, 8 or 16 bytes.
 *
 *   OPS[OP.Add] // { name: "Add", args: "vv", result: true, sized: true, flags: 63, ... }
 */

export interface OpInfo {
  name: string;
  /** Operand kinds, one char each (see the file comment); stored in a, b, c, d in order. */
  args: string;
  result: boolean;
  /** Printed with a `.sz` suffix; `sz` is meaningful. */
  sized: boolean;
  /** Carries a 64-bit immediate. */
  imm: boolean;
  /** No side effect: removable when its result is unused. */
  pure: boolean;
  /** Flags it may define (its `fm` is a subset). */
  flags: number;
  /** Flags it reads regardless of operands (`Cond`-like ops read by their `c` operand, exits by `fm`). */
  reads: number;
  /** Ends the block (`Exit`, `ExitSym`); conditional exits (`ExitIf`) do not. */
  term: boolean;
  /** One line: what it computes. */
  doc: string;
}

const row = (name: string, args: string, o: Partial<OpInfo> & { doc: string }): OpInfo => ({
  name, args, result: false, sized: false, imm: false, pure: false, flags: 0, reads: 0, term: false, ...o,
});
const ARITH = 63; // CF PF AF ZF SF OF
const CF = 1;
const SZCOP = 59; // CF PF ZF SF OF (not AF)

export const OPS: readonly OpInfo[] = [
  row("Nop", "", { pure: false, doc: "nothing (a removed op)" }),
  row("Guest", "n", {
    imm: true,
    doc: "marks the start of the guest instruction at imm, a bytes long; fm = flags whose value here is stale (their last writer was removed by the dead-flag pass), for the fault side table",
  }),
  row("Const", "", { result: true, sized: true, imm: true, pure: true, doc: "the immediate (sz: how many bytes are meaningful)" }),
  row("Addr", "", {
    result: true, imm: true, pure: true,
    doc: "a guest address derived from RIP (return addresses, branch targets, RIP-relative operands); PIC lowering computes it from STATE.IMAGE_BASE",
  }),
  row("GetReg", "r", { result: true, pure: true, doc: "the full 64-bit guest register" }),
  row("SetReg", "rv", { doc: "write all 64 bits of the guest register" }),
  row("GetFlag", "f", { result: true, pure: true, doc: "the guest flag as 0 or 1" }),
  row("SetFlag", "fv", { doc: "set the guest flag from bit 0 of the value (other bits are 0)" }),
  // ── arithmetic and logic, x86 flags ──
  row("Add", "vv", { result: true, sized: true, pure: true, flags: ARITH, doc: "a + b" }),
  row("Sub", "vv", { result: true, sized: true, pure: true, flags: ARITH, doc: "a - b (CF = borrow, as x86)" }),
  row("Adc", "vv", { result: true, sized: true, pure: true, flags: ARITH, reads: CF, doc: "a + b + CF" }),
  row("Sbb", "vv", { result: true, sized: true, pure: true, flags: ARITH, reads: CF, doc: "a - b - CF" }),
  row("And", "vv", { result: true, sized: true, pure: true, flags: ARITH, doc: "a & b (CF=OF=0; AF=0 if in the mask)" }),
  row("Or", "vv", { result: true, sized: true, pure: true, flags: ARITH, doc: "a | b (CF=OF=0; AF=0 if in the mask)" }),
  row("Xor", "vv", { result: true, sized: true, pure: true, flags: ARITH, doc: "a ^ b (CF=OF=0; AF=0 if in the mask)" }),
  row("Neg", "v", { result: true, sized: true, pure: true, flags: ARITH, doc: "0 - a, flags as x86 NEG" }),
  row("Not", "v", { result: true, sized: true, pure: true, doc: "~a" }),
  row("Test", "v", {
    sized: true, flags: ARITH,
    doc: "set the flags in fm from a result: SF/ZF/PF from a, CF=OF=0, AF=0 (as AND a, a would)",
  }),
  // ── shifts and rotates: count b is already reduced by the semantics: 0 <= b < 8*sz ──
  row("Shl", "vv", { result: true, sized: true, pure: true, doc: "a << b, 0 <= b < 64 (sz 1/2: bits past the width are garbage)" }),
  row("Shr", "vv", { result: true, sized: true, pure: true, doc: "a >>> b, 0 <= b < 64; for sz 1/2 a must be zero-extended" }),
  row("Sar", "vv", { result: true, sized: true, pure: true, doc: "a >> b (arithmetic), 0 <= b < 64; for sz 1/2 a must be sign-extended" }),
  row("Ror", "vv", { result: true, sized: true, pure: true, doc: "rotate right by b mod 8*sz; sz is 4 or 8 only" }),
  // ── multiplication ──
  row("Mul", "vv", { result: true, sized: true, pure: true, doc: "low sz bytes of a * b" }),
  row("MulHU", "vv", { result: true, sized: true, pure: true, doc: "high sz bytes of the unsigned 2*sz-byte product (inputs zero-extended first)" }),
  row("MulHS", "vv", { result: true, sized: true, pure: true, doc: "high sz bytes of the signed 2*sz-byte product" }),
  // ── division (muldiv group): dividend a:b of 2*sz bytes (a the high half), divisor c; each read in its low sz bytes ──
  row("DivU", "vvv", {
    result: true, sized: true, pure: true,
    doc: "low sz bytes of the unsigned quotient a:b / c; unspecified (but computed without trapping) when x86 DIV would raise #DE (c = 0 or a >= c)",
  }),
  row("DivS", "vvv", {
    result: true, sized: true, pure: true,
    doc: "the signed quotient a:b / c, rounded toward 0: sz 1, 2, 4 the whole 64-bit quotient of the sign-extended operands (exact; 0 for c = 0, INT64_MIN for INT64_MIN / -1); sz 8 its low 64 bits, unspecified (never trapping) when x86 IDIV would raise #DE",
  }),
  row("DivSFault", "vvv", { result: true, sized: true, pure: true, doc: "1 if x86 IDIV of a:b by c raises #DE (c = 0, or the quotient does not fit in sz signed bytes), else 0" }),
  // ── widths and bit fields ──
  row("Zext", "vn", { result: true, pure: true, doc: "zero-extend the low n bytes (n = 1, 2, 4) to 64 bits" }),
  row("Sext", "vn", { result: true, pure: true, doc: "sign-extend the low n bytes (n = 1, 2, 4) to 64 bits" }),
  row("Bfi", "vvnn", { result: true, pure: true, doc: "a with bits [c, c+d) replaced by the low d bits of b" }),
  row("Ubfx", "vnn", { result: true, pure: true, doc: "bits [b, b+c) of a, zero-extended" }),
  // ── comparisons and selection (no flags involved) ──
  row("Cmp", "Rvv", { result: true, sized: true, pure: true, doc: "1 if relation a holds between b and c (in sz bytes), else 0" }),
  row("Select", "vvv", { result: true, pure: true, doc: "a != 0 ? b : c" }),
  row("Cond", "c", { result: true, pure: true, doc: "1 if the x86 condition holds on the current guest flags, else 0" }),
  row("SelectCC", "cvv", { result: true, pure: true, doc: "x86 condition a ? b : c (CMOVcc)" }),
  // ── memory (guest addresses are host addresses, ABI §6) ──
  row("Load", "vn", { result: true, sized: true, doc: "sz bytes at address a, zero-extended; b = MEM.* attributes" }),
  row("Store", "vvn", { sized: true, doc: "store the low sz bytes of b at address a; c = MEM.* attributes" }),
  // ── block exits: fm is the mask of flags live at the exit ──
  row("ExitIf", "cv", { doc: "if x86 condition a holds, leave the block for the direct target b (a Const or Addr)" }),
  row("Exit", "kv", { term: true, doc: "leave the block for target b; a = EXIT.* kind (direct kinds take a Const or Addr)" }),
  row("ExitSym", "svn", { term: true, doc: "leave the block into runtime symbol a for the guest instruction at b, c bytes long" }),
  row("ExitSymIf", "vsvn", {
    reads: ARITH,
    doc: "if value a is nonzero, leave the block into runtime symbol b for the guest instruction at c (a Const or Addr), d bytes long (a #DE); fm = flags live there",
  }),
  // ── flags/stack/system group (misc): segment bases, value-conditional exits, spin-wait hint ──
  row("SegBase", "n", { result: true, pure: true, doc: "the FS (a = 0) or GS (a = 1) segment base from the state block (ABI §2, §6)" }),
  row("ExitIfNZ", "vv", {
    reads: ARITH,
    doc: "if value a is nonzero, leave the block for the direct target b (a Const or Addr); LOOP/JrCXZ (no flag condition); fm = flags live there",
  }),
  row("Pause", "", { doc: "spin-wait hint (x86 PAUSE): host yield" }),
  row("GetState", "n", { result: true, pure: true, doc: "the 8-byte word at STATE + 8*a (a guest state field outside registers and flags, e.g. STATE.AC_ID)" }),
  row("SetState", "nv", { doc: "store b at STATE + 8*a (cannot fault: the state block is always mapped)" }),
  // ── bit counting and permutation (bits group; sz 2, 4 or 8; results exact, except Rev.2) ──
  row("Clz", "v", { result: true, sized: true, pure: true, doc: "leading zero bits of the low sz bytes of a (8*sz for 0)" }),
  row("Ctz", "v", { result: true, sized: true, pure: true, doc: "trailing zero bits of the low sz bytes of a (8*sz for 0)" }),
  row("Rev", "v", { result: true, sized: true, pure: true, doc: "the low sz bytes of a in reverse byte order (sz 2: upper bits garbage)" }),
  row("Popcnt", "v", { result: true, sized: true, pure: true, doc: "number of set bits in the low sz bytes of a" }),
  row("Pdep", "vv", { result: true, sized: true, pure: true, doc: "low bits of a deposited at the set bits of mask b (x86 PDEP; sz 4 or 8)" }),
  row("Pext", "vv", { result: true, sized: true, pure: true, doc: "bits of a at the set bits of mask b, packed to the bottom (x86 PEXT; sz 4 or 8)" }),
  // ── flags kept across a conditional update (pass cond-flags: shifts and rotates by CL). Both
  // read every status flag but AF for liveness (the restore passes on, when it does not fire,
  // whatever was written since the save); neither counts as a flag writer, so dead-flags never
  // removes the writes a restore may keep. AF in the masks is x86's rule for shifts by CL: kept
  // when the count is 0, undefined otherwise. To the IR passes' liveness (_util.ts flagReads) AF
  // passes through the pair untouched (no pass writes AF inside a run), and a pair on AF alone (a
  // shift's AF as the semantics emit it, before cond-flags merges it) reads nothing at all. The
  // lowering, which lets the ops in a run clobber AF, has the restore end AF's liveness and the
  // save read it instead (alloc.ts). ──
  row("SaveFlags", "n", {
    result: true, pure: true, reads: SZCOP,
    doc: "the flags in mask a (of CF PF ZF SF OF, and AF) as they are now, packed in one value for RestoreFlagsIfZero",
  }),
  row("RestoreFlagsIfZero", "vvn", {
    sized: true, reads: SZCOP,
    doc: "if the low sz bytes of a are 0, set the flags in mask c back to the values saved in b (a SaveFlags); else leave them, but AF (in c) is undefined",
  }),
  // ── string group: REP-prefixed string instructions, each one op whose lowering is a host loop ──
  // a = the per-element step (+sz or -sz by DF), b = address size (4: ESI/EDI/ECX, 8: RSI/RDI/RCX),
  // c = MEM.* attributes, d (scas/cmps) = 0 for REPE, 1 for REPNE. They read and write RCX, RSI,
  // RDI (and RAX) in their homes, one iteration at a time, so a fault leaves exactly the completed
  // iterations' state. `reads`: every status flag, since a fault inside the loop exposes them (ABI §9).
  row("RepMovs", "vnn", { sized: true, reads: ARITH, doc: "REP MOVS: while rCX != 0 { [rDI] = [rSI]; rSI += a; rDI += a; rCX-- }" }),
  row("RepStos", "vnn", { sized: true, reads: ARITH, doc: "REP STOS: while rCX != 0 { [rDI] = rAX; rDI += a; rCX-- }" }),
  row("RepLods", "vnn", { sized: true, reads: ARITH, doc: "REP LODS: while rCX != 0 { rAX = [rSI] (sz bytes, merged as x86 does); rSI += a; rCX-- }" }),
  row("RepScas", "vnnn", {
    sized: true, flags: ARITH, reads: ARITH,
    doc: "REPE/REPNE SCAS: while rCX != 0 { flags = rAX - [rDI]; rDI += a; rCX--; stop unless ZF == (d == 0) }; rCX = 0 leaves the flags",
  }),
  row("RepCmps", "vnnn", {
    sized: true, flags: ARITH, reads: ARITH,
    doc: "REPE/REPNE CMPS: while rCX != 0 { flags = [rSI] - [rDI]; rSI += a; rDI += a; rCX--; stop unless ZF == (d == 0) }; rCX = 0 leaves the flags",
  }),
  // ── atomics (atomics group): x86 LOCK read-modify-write, XCHG with memory, LOCK CMPXCHG ──
  row("AtomicRmw", "vvA", {
    result: true, sized: true, reads: CF,
    doc: "atomically and as a full barrier (x86 LOCK): old = sz bytes at a, then store ATOM.* op c of old and b; the result is old, zero-extended (ATOM ADC/SBB read CF; NEG/NOT ignore b)",
  }),
  row("AtomicCas", "vvv", {
    result: true, sized: true,
    doc: "atomically and as a full barrier (x86 LOCK CMPXCHG): old = sz bytes at a; store c if old equals b in sz bytes; the result is old, zero-extended",
  }),
  row("Pair", "vv", { result: true, pure: true, doc: "two 64-bit values as one 128-bit operand (low a, high b) of AtomicCasPair; never materialised" }),
  row("AtomicCasPair", "vvvv", {
    result: true,
    doc: "CMPXCHG16B: if address a is not 16-byte aligned, leave into `fallback` for the guest instruction at d (x86 raises #GP); else atomically and as a full barrier: old = 16 bytes at a, store Pair c if old equals Pair b; the result is old's low half (CasPairHi gives the high half)",
  }),
  row("CasPairHi", "v", { result: true, pure: true, doc: "the high half of the old value of AtomicCasPair a" }),
  // ── vector slice (SSE moves, bitwise, compare-equal, unpack, shuffle, move-mask; no arithmetic).
  // Operands `x` name guest XMM registers, which live in host vector registers for the whole block
  // (ABI §3.2); `XT` (16) is a scratch vector that holds one guest instruction's memory source
  // between its VLoad and its one user, in the same instruction. None is pure: they read or write
  // register state the value graph does not see, so no pass removes or reorders them. ──
  row("VZero", "x", { doc: "xmm a = 0 (128 bits)" }),
  row("VMov", "xx", { doc: "xmm a = xmm b (128 bits)" }),
  row("VMovLow", "xx", { sized: true, doc: "the low sz bytes (4 or 8) of xmm a = those of xmm b, the rest of a unchanged (MOVSS/MOVSD between registers)" }),
  row("VZextLow", "xx", { sized: true, doc: "xmm a = the low sz bytes (4 or 8) of xmm b, zero-extended to 128 bits (MOVQ xmm, xmm)" }),
  row("VLoad", "xvn", { sized: true, doc: "xmm a = sz bytes (4, 8 or 16) at address b, zero-extended to 128 bits; c = MEM.* attributes" }),
  row("VLoadLane", "xvnn", { sized: true, doc: "lane c (of sz = 2, 4 or 8 bytes) of xmm a = sz bytes at address b, the other lanes unchanged; d = MEM.* attributes" }),
  row("VStore", "vxnn", { sized: true, doc: "store lane c (of sz bytes; sz 2, 4, 8 or 16) of xmm b at address a; d = MEM.* attributes" }),
  row("VFromGpr", "xv", { sized: true, doc: "xmm a = the low sz bytes (4 or 8) of b, zero-extended to 128 bits" }),
  row("VToGpr", "x", { result: true, sized: true, doc: "the low sz bytes (4 or 8) of xmm a, zero-extended" }),
  row("VBin", "xxV", { doc: "xmm a = operation c (VOP.*) of xmm a and xmm b, lane by lane (see VOP)" }),
  row("VShuf32", "xxn", { doc: "xmm a = the 32-bit lanes of xmm b chosen by the 2-bit fields of c, lane 0 from bits 1:0 (PSHUFD)" }),
  row("VShuf16", "xxnn", { doc: "xmm a = xmm b with its 16-bit lanes 4c..4c+3 (half c: 0 low, 1 high) chosen from that half by the 2-bit fields of d, lane 4c from bits 1:0 (PSHUFLW, PSHUFHW)" }),
  row("VShufPair", "xxn", { sized: true, doc: "sz 4: xmm a = lanes (a[c&3], a[c>>2&3], b[c>>4&3], b[c>>6]) (SHUFPS); sz 8: (a[c&1], b[c>>1&1]) (SHUFPD)" }),
  row("VInsLane", "xxnn", { sized: true, doc: "lane c (of sz = 1, 2, 4 or 8 bytes) of xmm a = lane d of xmm b, the rest of a unchanged" }),
  row("VInsBits", "xxnn", { doc: "bits [c, c+d) of the low quadword of xmm a = the low d bits of xmm b, the rest of a unchanged; 0 <= c, 1 <= d, c + d <= 64 (INSERTQ with immediates)" }),
  row("VInsGpr", "xvn", { sized: true, doc: "lane c (of sz = 2, 4 or 8 bytes) of xmm a = the low sz bytes of b, the rest of a unchanged" }),
  row("VLaneToGpr", "xn", { result: true, sized: true, doc: "lane b (of sz = 2, 4 or 8 bytes) of xmm a, zero-extended" }),
  row("VMoveMask", "x", { result: true, sized: true, doc: "the top bit of each sz-byte element (sz 1, 4 or 8) of xmm a, element 0 in bit 0, zero-extended" }),
  // ── flags the SDM leaves undefined (ABI §4: "whatever the lowering produces") ──
  row("Undef", "", {
    flags: ARITH,
    doc: "the flags in fm are undefined from here (an instruction the SDM leaves them undefined after): a flag writer for liveness, so the lowering may clobber them before; emits nothing",
  }),
  // ── hints group: memory barriers and prefetches (LFENCE/SFENCE/MFENCE, CLFLUSH*, PREFETCH*). Not
  // pure: no pass may remove or move them; neither can fault, so no fault side-table entry. ──
  row("Fence", "n", { doc: "memory barrier of kind a (FENCE.*): earlier loads / stores / all accesses ordered before later ones (ABI §8)" }),
  row("Prefetch", "vn", { doc: "hint: bring the line at address a into the cache for use b (PREFETCH.*); never faults, no architectural effect" }),
];

/** Op numbers, by name. */
export const OP = Object.fromEntries(OPS.map((o, i) => [o.name, i])) as Readonly<Record<OpName, number>>;
/** Op number by name, for the parser (undefined when unknown). */
export const opByName = (name: string): number | undefined => (OP as Record<string, number>)[name];
export type OpName = "DivU" | "DivS" | "DivSFault" | "ExitSymIf"
  | "Nop" | "Guest" | "Const" | "Addr" | "GetReg" | "SetReg" | "GetFlag" | "SetFlag" | "Add" | "Sub" | "Adc" | "Sbb"
  | "And" | "Or" | "Xor" | "Neg" | "Not" | "Test" | "Shl" | "Shr" | "Sar" | "Ror" | "Mul" | "MulHU" | "MulHS" | "Zext" | "Sext"
  | "Bfi" | "Ubfx" | "Cmp" | "Select" | "Cond" | "SelectCC" | "Load" | "Store" | "ExitIf" | "Exit" | "ExitSym" | "SegBase" | "ExitIfNZ" | "Pause" | "GetState" | "SetState" | "SaveFlags" | "RestoreFlagsIfZero"
  | "RepMovs" | "RepStos" | "RepLods" | "RepScas" | "RepCmps"
  | "AtomicRmw" | "AtomicCas" | "Pair" | "AtomicCasPair" | "CasPairHi"
  | "Clz" | "Ctz" | "Rev" | "Popcnt" | "Pdep" | "Pext"
  | "VZero" | "VMov" | "VMovLow" | "VZextLow" | "VLoad" | "VLoadLane" | "VStore" | "VFromGpr" | "VToGpr" | "VBin" | "VShuf32"
  | "VShuf16" | "VShufPair" | "VInsLane" | "VInsBits" | "VInsGpr" | "VLaneToGpr" | "VMoveMask" | "Undef"
  | "Fence" | "Prefetch";

/** Exit kinds (`Exit` operand a). JUMP and CALL are direct: their target is a `Const`. */
export const EXIT = { JUMP: 0, INDIRECT: 1, CALL: 2, CALL_INDIRECT: 3, RET: 4 } as const;
export const EXIT_NAMES = ["jump", "indirect", "call", "call_indirect", "ret"] as const;

/** Relations of `Cmp`. */
export const REL = { EQ: 0, NE: 1, ULT: 2, ULE: 3, UGT: 4, UGE: 5, SLT: 6, SLE: 7, SGT: 8, SGE: 9 } as const;
export const REL_NAMES = ["eq", "ne", "ult", "ule", "ugt", "uge", "slt", "sle", "sgt", "sge"] as const;

/**
 * Memory access attributes (`Load` b, `Store` c), ABI §8. A per-instruction override (ORDERED,
 * PLAIN) wins over the policy and over STACK; an access never carries both.
 */
export const MEM = {
  /** The address is RSP/ESP-relative (push, pop, call, ret, [rsp+d]): the policy may leave it unordered, since another thread cannot legitimately race on a thread's own stack slots. */
  STACK: 1,
  /** Ordered whatever the policy (an access the image's volatile metadata lists). */
  ORDERED: 2,
  /** Plain whatever the policy (inside the volatile metadata's ranges but not listed). */
  PLAIN: 4,
} as const;

/** Operations of `AtomicRmw` (operand c): the value stored is op(old, b). */
export const ATOM = { ADD: 0, SUB: 1, AND: 2, OR: 3, XOR: 4, XCHG: 5, ADC: 6, SBB: 7, NEG: 8, NOT: 9 } as const;
export const ATOM_NAMES = ["add", "sub", "and", "or", "xor", "xchg", "adc", "sbb", "neg", "not"] as const;

/** The vector scratch register (`x` operand 16): one guest instruction's memory source (ABI §3.2). */
export const XT = 16;

/**
 * Operations of `VBin` (operand c), lane by lane on a (first) and b: AND/OR/XOR; ANDN = ~a & b
 * (x86 PANDN/ANDNPS); CMPEQ8/16/32 = all ones in each element where a and b are equal, else 0;
 * UNPCKL/UNPCKH 8/16/32/64 = the elements of the low/high halves of a and b interleaved, a's first
 * (x86 PUNPCKLBW…PUNPCKHQDQ, UNPCKLPS…).
 */
export const VOP = {
  AND: 0, OR: 1, XOR: 2, ANDN: 3, CMPEQ8: 4, CMPEQ16: 5, CMPEQ32: 6,
  UNPCKL8: 7, UNPCKL16: 8, UNPCKL32: 9, UNPCKL64: 10, UNPCKH8: 11, UNPCKH16: 12, UNPCKH32: 13, UNPCKH64: 14,
} as const;
export const VOP_NAMES = [
  "and", "or", "xor", "andn", "cmpeq8", "cmpeq16", "cmpeq32",
  "unpckl8", "unpckl16", "unpckl32", "unpckl64", "unpckh8", "unpckh16", "unpckh32", "unpckh64",
] as const;

/** Text of an `x` operand: `xmm0`..`xmm15`, `xt`. */
export const xmmName = (x: number): string => (x === XT ? "xt" : x >= 0 && x < 16 ? `xmm${x}` : `x?${x}`);

/**
 * Kinds of `Fence` (operand a), ABI §8: LOAD orders every earlier load before every later load
 * and store (x86 LFENCE); STORE every earlier store before every later store (SFENCE); FULL every
 * earlier access before every later one (MFENCE, and the cache-line flushes).
 */
export const FENCE = { LOAD: 0, STORE: 1, FULL: 2 } as const;

/**
 * Uses of `Prefetch` (operand b): read or write intent, and how close to the core the line should
 * go (L1, L2, L3 = the outermost level) or STREAM (non-temporal: use once, keep out of the way).
 */
export const PREFETCH = { READ_L1: 0, READ_L2: 1, READ_L3: 2, READ_STREAM: 3, WRITE_L1: 4, WRITE_L2: 5 } as const;
