/**
 * @file Stage 6 (ARM64 lowering): the per-block lowering state every op lowering works through:
 * the code buffer (a growable Uint32Array; words come from the isa/ encoders), where each IR
 * value lives (a guest home register it aliases, a temporary, or nowhere yet for lazy constants),
 * the static carry sense (ABI §4), the current guest instruction for the fault side table (§9),
 * and the conditional-exit stubs and relocations (§5). One `Lowerer` is reused block after block.
 *
 * On entry (`begin`): a verified block, analysed. On exit (`finish`): the `LoweredBlock` with
 * stubs placed after the body and every branch to a stub patched.
 *
 *   const L = new Lowerer();
 *   L.begin(block, opts);
 *   const ra = L.reg(v1);              // operand register (constants materialised lazily)
 *   const rd = L.dest(i);              // result register (writeHome, x16, a dying temp, a new temp)
 *   L.emit(addShifted(1, rd, ra, rb));
 *   L.endOp(i);                        // frees dying values, asserts nothing is left locked
 */
import type { IrBlock } from "../../ir/block.ts";
import { OP, OPS, MEM } from "../../ir/ops.ts";
import { FLAG } from "../../ir/state.ts";
import type { HostFeatures } from "../features.ts";
import { patch } from "../encoder.ts";
import { movReg } from "../isa/logical.ts";
import { b, cbnz } from "../isa/branch.ts";
import type { PcOff } from "../imm.ts";
import { Analysis, BranchOutOfRange, DEAD, EMIT, FUSED, NZCV_FLAGS, TempPool, VALUE_ARGS, operand } from "./alloc.ts";
import { HOST_AF, HOST_GPR } from "./regmap.ts";
import { RULE, RULES } from "./rules.ts";
import { addSubImmediate, materialise } from "./consts.ts";

export interface LowerOptions {
  features: HostFeatures;
  memoryOrder: "tso" | "relaxed";
  pic: boolean;
  /** The image's preferred base: PIC computes guest addresses as STATE.IMAGE_BASE + (addr - imageBase). */
  imageBase?: bigint;
  /** Rule picBase (default on with pic): lowerBlock turns it off itself to retry a block that ran out of temporaries. */
  picBase?: boolean;
}

export interface LoweredBlock {
  code: Uint32Array;
  /** Words before the final exit's stub (carry fix-up included): what `aot bench quality` counts. */
  bodyWords: number;
  /** Triples: kind (RELOC.*), word offset, index into `targets`. */
  relocs: Int32Array;
  targets: bigint[];
  /** Fault side table, ABI §9. */
  faults: Uint8Array;
}

export const ZR = 31;

/** Ops between a result's definition and its SetReg that forbid writing the home early. */
const BARRIER = new Uint8Array(OPS.length);
for (const o of [OP.Load, OP.Store, OP.AtomicRmw, OP.AtomicCas, OP.AtomicCasPair, OP.Exit, OP.ExitIf, OP.ExitSym, OP.ExitIfNZ]) BARRIER[o] = 1;
// REP string ops read and write rCX/rSI/rDI in their homes and can fault mid-run.
for (const o of [OP.RepMovs, OP.RepStos, OP.RepLods, OP.RepScas, OP.RepCmps]) BARRIER[o] = 1;
// A conditional #DE exit (divide.ts) observes the guest registers too.
BARRIER[OP.ExitSymIf] = 1;
// Vector accesses fault like Load/Store (vector.ts).
for (const o of [OP.VLoad, OP.VLoadLane, OP.VStore]) BARRIER[o] = 1;


/**
 * Is fused address add k also guest register r's new value (a push's or pop's writeback)? Its
 * last use is then that SetReg (preIndex, postIndex); an offset folded into an access is last used
 * by the access.
 */
const writesBack = (b: IrBlock, last: number, k: number, r: number): boolean => b.op[last] === OP.SetReg && b.b[last] === k && b.a[last] === r;

export class Lowerer {
  b!: IrBlock;
  opts!: LowerOptions;
  readonly an = new Analysis();
  readonly pool = new TempPool();
  /** Times each rule fired (RULES order), summed over every block this Lowerer lowered. */
  readonly fired = new Uint32Array(RULES.length);

  code = new Uint32Array(1024);
  n = 0;
  /** Host register holding value v, or -1 (not materialised: constants, fused ops). */
  loc = new Int8Array(64);
  /** Guest register a GetReg value aliases (its home), or -1. */
  aliasOf = new Int8Array(64);
  /** Live GetReg values (their homes may need saving before a SetReg). */
  private aliases = new Int32Array(32);
  private nAliases = 0;

  /** ARM C holds NOT CF (after a host subtract), ABI §4. */
  cInv = false;
  /** Rule skipFlagsIfZero: word of the open region's `cbz` (patched at its RestoreFlagsIfZero), or -1. */
  skipFrom = -1;
  /** Current guest instruction: byte offset from the block start, and its stale-flags mask. */
  guestOff = 0;
  stale = 0;
  /** Low 32 bits of the block's start address. */
  startLo = 0;

  faults = new Uint8Array(64);
  nFaults = 0;
  private lastFaultWord = 0;
  relocs: number[] = [];
  targets: bigint[] = [];
  /** Conditional exits: [ExitIf op index, cInv at the branch] per stub; fixups [word, stub, kind]. */
  stubs: number[] = [];
  /** Rule shlFlags: Shl op index → the Test whose flags its `adds` sets (rules.ts markShlFlags). */
  shlTest = new Map<number, number>();
  /** Rule picBase: the Addr held in a register for the block's other guest addresses, or -1. */
  picBase = -1;
  /** The guest register whose home holds it (its SetReg computes it there), or -1: a temporary. */
  picHome = -1;
  /**
   * Rule addrOffset on the base itself: its register holds the Addr minus this (the Addr's low 12
   * bits, folded into the offsets of the accesses that are its only uses), or 0.
   */
  picDelta = 0;
  /** Rule bitToFlag: values whose bit 0 alone is meaningful (the bits above are left as they came). */
  loose = new Set<number>();
  fixups: number[] = [];
  /** Word index where the final exit's stub starts (set by the terminator's lowering). */
  bodyWords = -1;
  /** Host vector register the vector scratch XT borrows while it is filled, or -1 (vector.ts). */
  xt = -1;

  // ── cold code: rarely run paths placed after the stubs (`cold`), so the straight line stays short ──
  private coldCode = new Uint32Array(256);
  private nCold = 0;
  private inCold = false;
  /** Per cold fault entry: cold word, guest offset, state byte (encoded by finish in final order). */
  private coldFaults: number[] = [];
  /** Body words that branch into cold code: [body word, cold word, register (cbnz) or -1 (b)]. */
  private coldJumps: number[] = [];
  /** Cold words that branch back: [cold word, body word]. */
  private coldReturns: number[] = [];

  begin(b: IrBlock, opts: LowerOptions): void {
    this.b = b;
    this.opts = opts;
    this.an.run(b);
    if (this.loc.length < b.n) {
      this.loc = new Int8Array(Math.max(b.n, this.loc.length * 2));
      this.aliasOf = new Int8Array(this.loc.length);
    }
    this.loc.fill(-1, 0, b.n);
    this.aliasOf.fill(-1, 0, b.n);
    this.nAliases = 0;
    this.pool.reset();
    this.shlTest.clear();
    this.loose.clear();
    this.n = 0;
    this.cInv = false;
    this.skipFrom = -1;
    this.guestOff = 0;
    this.stale = 0;
    this.startLo = Number(b.start & 0xffffffffn);
    this.nFaults = 0;
    this.lastFaultWord = 0;
    this.relocs = [];
    this.targets = [];
    this.stubs = [];
    this.fixups = [];
    this.bodyWords = -1;
    this.xt = -1;
    this.nCold = 0;
    this.inCold = false;
    this.coldFaults = [];
    this.coldJumps = [];
    this.coldReturns = [];
  }

  /**
   * Emit `body` out of line: the word at body index `at` (a placeholder) becomes `cbnz reg` (or
   * `b` when reg < 0) to it, and it ends with a `b` back to body
   * index `resume` (-1: it ends itself, as an exit does). Used for the rare paths (64-bit DIV/IDIV's
   * 128-bit dividends, CMPXCHG16B's #GP exit): same registers, same fault entries, only placed
   * after the block's stubs, where `bodyWords` (and the i-cache) do not see them.
   */
  cold(at: number, reg: number, resume: number, body: () => void): void {
    const saveCode = this.code, saveN = this.n;
    this.code = this.coldCode;
    this.n = this.nCold;
    this.inCold = true;
    const start = this.n;
    try {
      body();
      if (resume >= 0) {
        this.coldReturns.push(this.n, resume);
        this.emit(0);
      }
    } finally {
      this.coldCode = this.code;
      this.nCold = this.n;
      this.code = saveCode;
      this.n = saveN;
      this.inCold = false;
    }
    this.coldJumps.push(at, start, reg);
  }

  emit(w: number): void {
    if (this.n === this.code.length) {
      const c = new Uint32Array(this.code.length * 2);
      c.set(this.code);
      this.code = c;
    }
    this.code[this.n++] = w;
  }

  /**
   * Whether an access gets its barrier (after a load, before a store; ABI §8): MEM.ORDERED or
   * MEM.PLAIN decide when set (volatile metadata); otherwise non-stack accesses under TSO.
   */
  ordered(attrs: number): boolean {
    if (attrs & MEM.ORDERED) return true;
    if (attrs & MEM.PLAIN) return false;
    return this.opts.memoryOrder === "tso" && !(attrs & MEM.STACK);
  }

  // ── values ──

  /** GetReg: the value is the guest register's home, no copy. */
  aliasHome(i: number, r: number): void {
    this.loc[i] = HOST_GPR[r]!;
    this.aliasOf[i] = r;
    if (this.nAliases === this.aliases.length) {
      const a = new Int32Array(this.aliases.length * 2);
      a.set(this.aliases);
      this.aliases = a;
    }
    this.aliases[this.nAliases++] = i;
  }

  /** Before writing guest register r's home at op i: copy values still aliasing it to temps. */
  evictAliases(r: number, i: number): void {
    const home = HOST_GPR[r]!;
    for (let k = 0; k < this.nAliases; k++) {
      const v = this.aliases[k]!;
      if (this.aliasOf[v] !== r || this.an.lastUse[v]! <= i) continue;
      const t = this.pool.take(v);
      this.emit(movReg(1, t, home));
      this.loc[v] = t;
      this.dropAlias(k--);
    }
  }

  private dropAlias(k: number): void {
    this.aliasOf[this.aliases[k]!] = -1;
    this.aliases[k] = this.aliases[--this.nAliases]!;
  }

  /** Register holding value v for reading; constants are materialised into a scratch (0 → ZR when allowed). */
  reg(v: number, zrOk = true): number {
    const r = this.loc[v]!;
    if (r >= 0) return r;
    const o = this.b.op[v]!;
    if (o === OP.Const || o === OP.Addr) {
      if (zrOk && o === OP.Const && this.b.lo[v] === 0 && this.b.hi[v] === 0) {
        this.fired[RULE.zeroRegister]!++;
        return ZR;
      }
      const t = this.pool.scratch();
      materialise(this, v, t);
      return t;
    }
    throw new Error(`arm64 lowering: v${v} (${o}) read at op ${this.cur} but has no register`);
  }

  /** Current op (diagnostics). */
  cur = 0;

  /**
   * Register for op i's result. `zrOk`: an unused result may go to the zero register (flag-only
   * forms); otherwise an unused result gets a scratch. `avoid1/2`: operand registers a
   * multi-instruction lowering still reads after writing the result.
   */
  dest(i: number, zrOk = false, avoid1 = -1, avoid2 = -1): number {
    const an = this.an;
    if (an.uses[i] === 0) return zrOk ? ZR : this.pool.scratch();
    if (avoid1 !== HOST_AF && avoid2 !== HOST_AF && this.afSource(i)) return HOST_AF;
    const home = this.homeFor(i);
    if (home >= 0 && home !== avoid1 && home !== avoid2) {
      this.fired[RULE.writeHome]!++;
      this.loc[i] = home;
      return home;
    }
    const j = an.lastUse[i]!, u = this.b.op[j]!;
    if (an.uses[i] === 1 && (u === OP.Exit || u === OP.ExitSym) && this.b.b[j] === i && this.pool.isFree(16) && avoid1 !== 16 && avoid2 !== 16) {
      this.fired[RULE.exitRegister]!++;
      return (this.loc[i] = this.pool.take(i, 16));
    }
    const vm = VALUE_ARGS[this.b.op[i]!]!;
    for (let k = 0; k < 4; k++) {
      if (!(vm & (1 << k))) continue;
      const v = operand(this.b, i, k), r = this.loc[v]!;
      if (an.lastUse[v] === i && r >= 0 && this.pool.owner[r] === v && r !== avoid1 && r !== avoid2) {
        this.fired[RULE.reuseDyingTemp]!++;
        this.pool.transfer(r, i);
        return (this.loc[i] = r);
      }
    }
    return (this.loc[i] = this.pool.take(i));
  }

  /**
   * afSourceDest: value i goes straight into x11 when its only use is the next add/sub that
   * defines AF with a constant whose bit 4 is clear: that op's AF source a ^ k (ABI §4) then has
   * bit 4 of a itself, so x11 = a needs no `mov x11, a` (lock inc, add dword [rax], 1). Only ops
   * that emit nothing may lie between (nothing reads or writes x11 there, nothing faults or
   * leaves); x11 holds no value across ops otherwise, and no scratch of this op may take it.
   * A fault at i itself writes no register, so the state stays precise (ABI §9).
   */
  afSource(i: number): boolean {
    const b = this.b, an = this.an, j = an.lastUse[i]!;
    if (an.uses[i] !== 1 || (b.op[j] !== OP.Add && b.op[j] !== OP.Sub) || an.skip[j] !== EMIT) return false;
    if (b.a[j] !== i || b.b[j] === i || !(b.fm[j]! & FLAG.AF) || !b.isConst(b.b[j]!) || b.lo[b.b[j]!]! & 0x10) return false;
    // Only the immediate forms: a register form's afBegin writes x11 = a ^ b before reading a.
    if (!addSubImmediate(b, j, (b.fm[j]! & NZCV_FLAGS) !== 0)) return false;
    for (let k = i + 1; k < j; k++) {
      const o = b.op[k]!;
      if (an.skip[k] !== DEAD && o !== OP.Nop && o !== OP.Guest && o !== OP.Const && o !== OP.GetReg) return false;
    }
    if (!this.pool.idle(HOST_AF)) return false;
    this.pool.extra &= ~(1 << HOST_AF);
    this.fired[RULE.afSourceDest]!++;
    this.loc[i] = HOST_AF;
    return true;
  }

  /**
   * writeHome: the guest home of the SetReg that is i's only use, when writing it now is
   * invisible. With more uses (mul's high half also feeds the flags), the first SetReg of i: its
   * other users then read i from the home, so no write of r may come between that SetReg and i's
   * last use (nor a push/pop whose fused access writes r's home back: an address add that is
   * also r's new value).
   */
  private homeFor(i: number): number {
    const b = this.b, an = this.an;
    if (an.uses[i] === 0) return -1;
    const last = an.lastUse[i]!;
    let j = last;
    if (an.uses[i]! > 1) {
      j = -1;
      for (let k = i + 1; k <= last && k - i <= 64; k++) if (b.op[k] === OP.SetReg && b.b[k] === i) { j = k; break; }
      if (j < 0) return -1;
      const r = b.a[j]!;
      for (let k = j + 1; k <= last; k++) {
        const o = b.op[k]!;
        if ((o === OP.SetReg && b.a[k] === r && b.b[k] !== i) || (an.skip[k] === FUSED && (o === OP.Add || o === OP.Sub) && writesBack(b, an.lastUse[k]!, k, r))) return -1;
      }
    }
    if (b.op[j] !== OP.SetReg || b.b[j] !== i || j - i > 64) return -1;
    const r = b.a[j]!;
    // Between here and the SetReg nothing may observe the old value: no fault or exit (precise
    // state, ABI §9), no read or write of r.
    for (let k = i + 1; k < j; k++) {
      if (an.skip[k] === FUSED || an.skip[k] === EMIT) {
        const o = b.op[k]!;
        if (BARRIER[o] || ((o === OP.GetReg || o === OP.SetReg) && b.a[k] === r)) return -1;
      }
    }
    for (let k = 0; k < this.nAliases; k++) {
      const v = this.aliases[k]!;
      if (this.aliasOf[v] === r && an.lastUse[v]! > i) return -1;
    }
    return HOST_GPR[r]!;
  }

  /** After op i: free values whose last use was i (through fused ops), release scratch, check. */
  endOp(i: number): void {
    // Fused ops moved their operands' last use to their user; a SetFlag run's followers did not.
    if (this.an.skip[i] !== DEAD) this.freeOperands(i, i);
    if (this.an.uses[i] === 0 && this.an.skip[i] === EMIT) this.freeValue(i);
    // Rule picBase holds its Addr until a read of another address, not of it (rules.ts).
    if (this.picBase >= 0 && this.an.lastUse[this.picBase] === i) this.freeValue(this.picBase);
    this.pool.releaseScratch();
    this.pool.assertUnlocked(i, this.an.lastUse);
  }

  private freeOperands(op: number, at: number): void {
    const vm = VALUE_ARGS[this.b.op[op]!]!;
    for (let k = 0; k < 4; k++) {
      if (!(vm & (1 << k))) continue;
      const v = operand(this.b, op, k);
      if (this.an.lastUse[v] !== at) continue;
      if (this.an.skip[v] === FUSED) this.freeOperands(v, at);
      this.freeValue(v);
    }
  }

  private freeValue(v: number): void {
    if (this.aliasOf[v]! >= 0) {
      for (let k = 0; k < this.nAliases; k++) if (this.aliases[k] === v) { this.dropAlias(k); break; }
      return;
    }
    const r = this.loc[v]!;
    if (r >= 0 && this.pool.owner[r] === v) this.pool.free(r);
  }

  // ── fault side table (ABI §9) ──

  /** Call right before emitting a host load/store of guest memory. */
  faultEntry(): void {
    const state = (this.cInv ? 1 : 0) | (this.stale << 1);
    if (this.inCold) this.coldFaults.push(this.n, this.guestOff, state);
    else this.faultAt(this.n, this.guestOff, state);
  }

  /**
   * Right before a push or pop pair (pushPair, popPair): two entries for the one host word, the
   * first instruction's with bit 7 (pair) set, then that of `second` (the second access: its
   * instruction's marker, the last before it, gives its offset and stale flags), for the runtime
   * to report whichever access x86 would fault on (ABI §9).
   */
  pairFaultEntry(second: number): void {
    let guest2 = second;
    while (this.b.op[guest2] !== OP.Guest) guest2--;
    const c = this.cInv ? 1 : 0;
    this.faultAt(this.n, this.guestOff, c | (this.stale << 1) | 0x80);
    this.faultAt(this.n, (this.b.lo[guest2]! - this.startLo) >>> 0, c | (this.b.fm[guest2]! << 1));
  }

  private faultAt(word: number, guestOff: number, state: number): void {
    this.uleb(word - this.lastFaultWord);
    this.lastFaultWord = word;
    this.uleb(guestOff);
    this.faultByte(state);
  }

  private uleb(x: number): void {
    do {
      const byte = x & 0x7f;
      x = Math.floor(x / 128);
      this.faultByte(x ? byte | 0x80 : byte);
    } while (x);
  }

  private faultByte(x: number): void {
    if (this.nFaults === this.faults.length) {
      const f = new Uint8Array(this.faults.length * 2);
      f.set(this.faults);
      this.faults = f;
    }
    this.faults[this.nFaults++] = x;
  }

  // ── exits ──

  /** Index of a guest target in `targets` (deduplicated). */
  targetIndex(t: bigint): number {
    const k = this.targets.indexOf(t);
    return k >= 0 ? k : this.targets.push(t) - 1;
  }

  /**
   * A new exit stub for op i, taken with the current carry sense; `saved`: the register holding
   * NZCV saved for the stub to restore (exitOnFlags), or -1. Returns its number for branchToStub.
   */
  newStub(i: number, saved = -1): number {
    this.stubs.push(i, (this.cInv ? 1 : 0) | ((saved + 1) << 1));
    return this.stubs.length / 2 - 1;
  }

  /** A branch (B.cond/CBZ: kind 19, TBZ: kind 14) at the next word to stub s, patched in finish. */
  branchToStub(word: number, stub: number, kind: 14 | 19): void {
    this.fixups.push(this.n, stub, kind);
    this.emit(word);
  }

  /** Patch stub branches (stubStart[s] = word index of stub s) and return the block. */
  finish(stubStart: number[]): LoweredBlock {
    for (let k = 0; k < this.fixups.length; k += 3) {
      const at = this.fixups[k]!, s = this.fixups[k + 1]!, kind = this.fixups[k + 2]!;
      const d = (stubStart[s]! - at) * 4;
      if (kind === 14 && d >= 0x8000) throw new BranchOutOfRange(d);
      this.code[at] = patch(this.code[at]!, kind === 19 ? "branch19" : "branch14", d);
    }
    // Cold code after the stubs: its words, the branches in and out, its fault entries (in order).
    const base = this.n;
    for (let k = 0; k < this.nCold; k++) this.emit(this.coldCode[k]!);
    for (let k = 0; k < this.coldJumps.length; k += 3) {
      const at = this.coldJumps[k]!, to = base + this.coldJumps[k + 1]!, reg = this.coldJumps[k + 2]!;
      this.code[at] = reg < 0 ? b((to - at) as PcOff) : cbnz(1, reg, (to - at) as PcOff);
    }
    for (let k = 0; k < this.coldReturns.length; k += 2) {
      const at = base + this.coldReturns[k]!, to = this.coldReturns[k + 1]!;
      this.code[at] = b((to - at) as PcOff);
    }
    for (let k = 0; k < this.coldFaults.length; k += 3) this.faultAt(base + this.coldFaults[k]!, this.coldFaults[k + 1]!, this.coldFaults[k + 2]!);
    return {
      code: this.code.slice(0, this.n),
      bodyWords: this.bodyWords >= 0 ? this.bodyWords : this.n,
      relocs: Int32Array.from(this.relocs),
      targets: this.targets,
      faults: this.faults.slice(0, this.nFaults),
    };
  }
}
