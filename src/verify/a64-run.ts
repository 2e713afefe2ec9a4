/**
 * @file Stage 9 (verifier): the ARM64 side of differential testing. `A64Harness` is one Unicorn
 * ARM64 engine set up exactly as `aot run` (src/runtime/run.ts) sets it up: translated code at a
 * random host address, a page of symbol stubs that all branch to one stop address, and the guest
 * state block with the runtime symbol table; guest memory is identity mapped from buffers the
 * caller owns (`mapRegion`, Unicorn `mem_map_ptr`), so memory is compared and reset with plain
 * typed-array copies, no FFI. One `run` is two batched register transfers and one `uc_emu_start`.
 *
 * Entry: `load(tb)` a translated block (or any words with a fault side table), `run(state)` with
 * the guest registers (XMMs included), EFLAGS (DF too) and nothing else assumed (docs/runtime-abi.md §5).
 * Exit: `out` holds the guest registers from their homes (§3: XMMn from Vn too), EFLAGS from NZCV/x10/x11/DF (§4);
 * `exitRip` is x16, `sym` the runtime symbol whose stub was taken (x17, §5); a fault inside the
 * block is reported in `fault` with the guest RIP its side-table entry names (§9), never thrown.
 * `clobbered` lists host registers the ABI says a block must leave alone but this run changed.
 * Unicorn does not trap unaligned LDAR/STLR or exclusives, and raises a bare exception on a
 * misaligned atomic; the harness checks alignment itself (`alignment`), as the baseline host
 * (ARMv8.0 + LSE) would: a word the runtime's alignment handler performs (runtime/align.ts: LSE
 * atomics, CAS) is performed by it and counted in `alignTraps`, any other violation is a fault.
 *
 *   const h = new A64Harness(64);
 *   h.mapRegion(0x10000000n, buf);                 // guest memory, identity mapped
 *   h.load(tb);
 *   const s = new GuestState(); s.setGpr(0, 5); s.eflags = 0x2;
 *   h.run(s);                                      // 0 = left through a stub
 *   h.out.gprNum(0); h.exitRip; SYM_NAMES[h.sym]
 */
import { Engine, RegBatch, UC_PROT, ARM64_REG, ARM64_V_IDS } from "../runtime/unicorn.ts";
import { eflagsFromHost, findFault, hostFromEflags } from "../runtime/faults.ts";
import { AlignHandler } from "../runtime/align.ts";
import { PAIR_WORD, PairHandler, stackPair } from "../runtime/pairs.ts";
import { STATE_PAGE, armX, mapRuntimePages, symbolTaken } from "../runtime/host.ts";
import { HOST_GPR, HOST_PF, HOST_AF, HOST_STATE, HOST_FORBIDDEN } from "../arm64/lower/regmap.ts";
import { STATE } from "../ir/index.ts";

const TWO32 = 4294967296;

/**
 * One guest CPU state as flat numbers (no BigInt in the hot loop). GPRs in x86 order, each as two
 * unsigned 32-bit halves (`gpr[2*i]` low, `gpr[2*i+1]` high); 32-bit guests use 0..7 with the high
 * halves zero. `eflags` holds the status flags, DF and bit 1; `rip` is below 2^53. `xmm` holds
 * XMM0..XMM15 as four little-endian 32-bit words each (XMMn at `xmm[4*n]`); 32-bit guests use 0..7.
 */
export class GuestState {
  readonly gpr = new Uint32Array(32);
  readonly xmm = new Uint32Array(64);
  eflags = 2;
  rip = 0;
  /** FS and GS bases as two 32-bit halves each (fs lo, fs hi, gs lo, gs hi): the state block's (ABI §2). */
  readonly seg = new Uint32Array(4);
  /** Segment selectors ES, CS, SS, DS, FS, GS (x86 order): the state block's `STATE.SEL` fields (ABI §2). */
  readonly sel = new Uint16Array(6);
  gprNum(i: number): number {
    return this.gpr[2 * i + 1]! * TWO32 + this.gpr[2 * i]!;
  }
  /** Set a GPR from a non-negative number below 2^53. */
  setGpr(i: number, v: number): void {
    this.gpr[2 * i] = v >>> 0;
    this.gpr[2 * i + 1] = Math.floor(v / TWO32) >>> 0;
  }
  gprBig(i: number): bigint {
    return (BigInt(this.gpr[2 * i + 1]!) << 32n) | BigInt(this.gpr[2 * i]!);
  }
  setGprBig(i: number, v: bigint): void {
    const u = BigInt.asUintN(64, v);
    this.gpr[2 * i] = Number(u & 0xffffffffn);
    this.gpr[2 * i + 1] = Number(u >> 32n);
  }
  copyFrom(o: GuestState): void {
    this.gpr.set(o.gpr);
    this.xmm.set(o.xmm);
    this.eflags = o.eflags;
    this.rip = o.rip;
    this.seg.set(o.seg);
    this.sel.set(o.sel);
  }
}

/** A fault inside translated code (a guest-visible fault or a translator bug). */
export interface A64Fault {
  /** Unicorn's memory-fault kind ("read-unmapped", ...) or its error text (alignment, bad instruction). */
  kind: string;
  /** Faulting data address (memory faults), else 0. */
  address: number;
  /** Host word offset of the faulting instruction in the block. */
  hostWord: number;
  /** Guest RIP of the instruction the side table names; -1: no entry (the fault is not precise, a bug). */
  rip: number;
  /** Side-table state byte (bit 0: C inverted); already applied to `out.eflags`. */
  state: number;
}

export interface A64Options {
  /** Seed for the host code address (default: random), as `aot run --seed`. */
  seed?: number;
  /** Bytes of host code area (default 1 MiB). */
  codeSize?: number;
  /**
   * Host-instruction budget per run (default 1,000,000; 0 = unlimited). A wrong translation that
   * loops forever stops instead of hanging the test. It also makes fault PCs exact: Unicorn 2.0.1's
   * ARM64 engine leaves PC at the start of the QEMU block after a memory fault unless a
   * per-instruction hook (the counter) syncs it, and the side-table lookup needs the exact word.
   * Measured cost: none visible next to the two register transfers.
   */
  budget?: number;
  /**
   * Alignment rule for ordered, exclusive and atomic accesses (LDAR/STLR/LDAPR, LDXR/STXR, CAS,
   * LSE atomics), which Unicorn does not enforce but hardware does: "v8.0" (the BASELINE host,
   * ARMv8.0 + LSE): natural alignment; "lse2" (FEAT_LSE2): within one 16-byte granule; "none".
   * A violation is reported as a fault of kind "alignment". Default "v8.0". Checking costs a code
   * hook while a block containing such an access is loaded.
   */
  alignment?: "v8.0" | "lse2" | "none";
  /** STATE.IMAGE_BASE, for position independent translations (ABI §7; default 0). */
  imageBase?: bigint;
}

/**
 * Bytes accessed by an ordered/exclusive/atomic load or store, 0 for any other word.
 * Classes (ARM ARM C4.1): load/store exclusive and ordered (`size 001000 ...`, pairs doubled),
 * LDAPR (RCpc), and the LSE atomic memory operations (`size 111000 A R 1 Rs o3 opc 00 Rn Rt`).
 */
export function orderedAccessSize(w: number): number {
  const size = 1 << (w >>> 30);
  if ((w & 0x3f000000) === 0x08000000) return (w & 0x00a00000) === 0x00200000 ? 2 * size : size;
  if ((w & 0x3ffffc00) === 0x38bfc000) return size;
  if ((w & 0x3f200c00) === 0x38200000) return size;
  return 0;
}

/** Anything with host words and a fault side table: a TranslatedBlock, or hand-written words in tests. */
export interface LoadableBlock {
  code: Uint32Array;
  faults: Uint8Array;
  guestStart: bigint;
}

export { armX };

const hexN = (v: number): string => `0x${v.toString(16)}`;

/**
 * Vector registers a block must preserve (ABI §3, §3.2): v16-v31 (no slot in an ARM64EC context),
 * and for a 32-bit (WOW64) block also v8-v14, the homes of XMM8..14 it does not have (as with
 * R8..R15). v15 is the one a WOW64 block may use as its vector scratch; a 64-bit block borrows
 * among v12-v15 only after parking the guest value, so there they are compared as XMM12..15.
 */
export function preservedVectors(bits: 32 | 64): number[] {
  const high = Array.from({ length: 16 }, (_, i) => 16 + i);
  return bits === 64 ? high : [8, 9, 10, 11, 12, 13, 14, ...high];
}

/** The four words a preserved vector register `r` holds before a run: distinct per register and lane. */
export const vectorSentinel = (r: number): number[] => [(0x5e001234 | (r << 16)) >>> 0, (0xc0de0000 | r) >>> 0, (0x7ec70000 | r) >>> 0, (0x0dd50000 | (r << 8)) >>> 0];

/** Host registers a block must preserve beyond the guest homes: x12 (STATE), the ABI's forbidden set, sp. */
export function preserved(bits: 32 | 64): number[] {
  const r = [HOST_STATE, ...HOST_FORBIDDEN, 31];
  // A 32-bit block has no R8..R15, so their 64-bit homes are not its to write either.
  if (bits === 32) r.push(...HOST_GPR.slice(8));
  return r;
}

export class A64Harness {
  readonly engine: Engine;
  readonly codeBase: bigint;
  readonly stub: bigint;
  readonly stop: bigint;
  readonly stateAddr: bigint;
  /** The guest state block (STATE.SIZE bytes, mapped into the engine); DF lives here. */
  readonly stateBlock: Uint8Array;
  readonly out = new GuestState();
  /** x16 at the exit: the guest RIP where execution continues. */
  exitRip = 0;
  /** Runtime symbol index of the stub taken (x17), or -1 when x17 is not a stub address. */
  sym = -1;
  /** uc_err of the last run (0: left through a stub). */
  err = 0;
  fault: A64Fault | undefined;
  /** Host registers that must be preserved but changed in the last run, e.g. ["x13"]. */
  readonly clobbered: string[] = [];

  private readonly gprs: number;
  /** Guest XMM registers in V0..: 16, or 8 for 32-bit guests (ABI §3). */
  private readonly xmms: number;
  private readonly input: RegBatch;
  private readonly output: RegBatch;
  /** Indices in input/output. */
  private readonly iNzcv: number;
  private readonly iPreserved: number;
  private readonly oX16: number;
  private readonly preservedRegs: number[];
  /** Vector registers to preserve (`preservedVectors`) and their sentinel words, after the guest XMMs in the batches. */
  private readonly preservedVecs: number[];
  private readonly vecSentinels: Uint32Array;
  private readonly sentinels: Uint32Array;
  private readonly stateView: DataView;
  private readonly codeNum: number;
  private readonly stopNum: number;
  private readonly stubNum: number;
  private readonly codeSize: number;
  private readonly budget: number;
  private loadedWords = 0;
  private block: LoadableBlock | undefined;
  private memFault: { kind: string; address: number } | undefined;
  private readonly regions = new Map<bigint, Uint8Array>();
  private readonly alignment: "v8.0" | "lse2" | "none";
  /** Host word → access size, for the ordered accesses of the loaded block. */
  private readonly watched = new Map<number, number>();
  private watchHook = -1;
  private alignFault: { hostWord: number; address: number; size: number } | undefined;
  /** The runtime's alignment handler (runtime/align.ts): performs misaligned LSE atomics and CAS. */
  private readonly aligner: AlignHandler;
  /** Push and pop pairs (ABI §9): the first instruction performed when only the second faults. */
  private readonly pairs: PairHandler;
  /** The fault the pair handler stopped on is the pair's second instruction's. */
  private pairSecond = false;

  constructor(readonly bits: 32 | 64, opts: A64Options = {}) {
    this.engine = Engine.arm64();
    this.aligner = new AlignHandler(this.engine);
    this.pairs = new PairHandler(this.engine);
    const seed = opts.seed ?? Math.floor(Math.random() * 0xffff);
    // The layout of src/runtime/run.ts: the code area, the runtime pages below it (runtime/host.ts).
    this.codeBase = 0x6000_0000_0000n + BigInt(seed & 0xffff) * 0x1000_0000n;
    this.codeNum = Number(this.codeBase);
    this.codeSize = opts.codeSize ?? 1 << 20;
    this.budget = opts.budget ?? 1_000_000;
    this.alignment = opts.alignment ?? "v8.0";
    const e = this.engine;
    e.map(this.codeBase, this.codeSize, UC_PROT.READ | UC_PROT.EXEC);
    this.stateBlock = new Uint8Array(new ArrayBuffer(STATE_PAGE));
    this.stateView = new DataView(this.stateBlock.buffer);
    const pages = mapRuntimePages(e, this.codeBase, this.stateBlock, opts.imageBase ?? 0n);
    this.stub = pages.stub;
    this.stop = pages.stop;
    this.stateAddr = pages.state;
    this.stopNum = Number(this.stop);
    this.stubNum = Number(this.stub);

    this.gprs = bits === 64 ? 16 : 8;
    const homes = HOST_GPR.slice(0, this.gprs).map(armX);
    this.preservedRegs = preserved(bits);
    // Input: guest homes, NZCV, PF source, AF source, then every preserved register (x12 = STATE,
    // the others a sentinel), all in one batch.
    const ids = [...homes, ARM64_REG.NZCV, armX(HOST_PF), armX(HOST_AF), ...this.preservedRegs.map(armX)];
    this.iNzcv = this.gprs;
    this.iPreserved = this.gprs + 3;
    this.xmms = bits === 64 ? 16 : 8;
    // XMMn lives in Vn: moved in the same two batched calls as the GPRs, then the vector
    // registers the block must not touch, each with a sentinel.
    this.preservedVecs = preservedVectors(bits);
    const vecs = [...ARM64_V_IDS.slice(0, this.xmms), ...this.preservedVecs.map((r) => ARM64_REG.V0 + r)];
    this.vecSentinels = new Uint32Array(4 * this.preservedVecs.length);
    this.preservedVecs.forEach((r, k) => this.vecSentinels.set(vectorSentinel(r), 4 * k));
    this.input = new RegBatch(ids, vecs);
    this.output = new RegBatch([...ids, armX(16), armX(17), ARM64_REG.PC], vecs);
    this.oX16 = ids.length;
    this.sentinels = new Uint32Array(2 * this.preservedRegs.length);
    this.preservedRegs.forEach((r, k) => {
      const lo = r === HOST_STATE ? Number(this.stateAddr & 0xffffffffn) : (0x5e000000 | (r << 16) | 0x1234) >>> 0;
      const hi = r === HOST_STATE ? Number(this.stateAddr >> 32n) : r === 31 ? 0x7ff0 : (0xc0de0000 | r) >>> 0;
      this.sentinels[2 * k] = lo;
      this.sentinels[2 * k + 1] = hi;
    });
    // sp must stay 16-byte aligned (the EL0 alignment check on real hosts).
    this.sentinels[2 * this.preservedRegs.indexOf(31)] = 0x12340000;
    this.input.lo.set(this.sentinels, 2 * this.iPreserved);
    this.input.vec.set(this.vecSentinels, 4 * this.xmms);
    e.onMemInvalid((f) => {
      this.memFault = { kind: f.kind, address: Number(f.address) };
      return false;
    });
  }

  /** Identity-map guest memory [addr, addr + buf.length) onto `buf` (page-sized; the harness keeps it alive). */
  mapRegion(addr: bigint, buf: Uint8Array, perms: number = UC_PROT.READ | UC_PROT.WRITE): void {
    this.engine.mapPtr(addr, buf.length, perms, buf);
    this.regions.set(addr, buf);
  }

  unmapRegion(addr: bigint): void {
    const buf = this.regions.get(addr);
    if (!buf) return;
    this.engine.unmap(addr, buf.length);
    this.regions.delete(addr);
  }

  /** Misaligned atomics the alignment handler performed, since construction. */
  get alignTraps(): number {
    return this.aligner.traps;
  }

  /** Place a block's code at the start of the code area (dropping Unicorn's cached translation of the old one). */
  load(tb: LoadableBlock): void {
    const n = tb.code.length;
    if (n * 4 > this.codeSize) throw new Error(`block of ${n} words exceeds the ${this.codeSize}-byte code area`);
    const words = n > 0 ? tb.code : new Uint32Array([0]);
    this.engine.write(this.codeBase, new Uint8Array(words.buffer, words.byteOffset, words.length * 4));
    this.engine.invalidate(this.codeBase, this.codeBase + BigInt(Math.max(this.loadedWords, words.length) * 4));
    this.loadedWords = words.length;
    this.block = tb;
    this.watched.clear();
    for (let i = 0; i < n; i++) {
      const size = orderedAccessSize(tb.code[i]!);
      if (size) this.watched.set(i, size);
      else if (stackPair(tb.code[i]!)) this.watched.set(i, PAIR_WORD);
    }
    if (this.watched.size > 0 && this.watchHook < 0) this.watchHook = this.engine.onCode((a) => this.checkAlignment(a));
    else if (this.watched.size === 0 && this.watchHook >= 0) {
      this.engine.removeHook(this.watchHook);
      this.watchHook = -1;
    }
  }

  /** Code hook: before an ordered access runs, check its address (base register, no offset in these forms). */
  private checkAlignment(pc: bigint): void {
    const w = (Number(pc) - this.codeNum) / 4;
    const size = this.watched.get(w);
    if (size === undefined || this.alignFault || this.memFault) return;
    if (size === PAIR_WORD) {
      const p = this.pairs.step(pc, this.block!.code[w]!);
      if (typeof p === "object") (this.memFault = { kind: p.kind, address: Number(p.address) }), (this.pairSecond = p.second);
      return;
    }
    // LSE atomics and CAS: the runtime's alignment handler performs a misaligned one and resumes
    // after it (ABI §8); when its memory refuses, the instruction faults right here.
    const r = this.aligner.step(pc, this.block!.code[w]!);
    if (typeof r === "object") this.memFault = { kind: r.kind, address: Number(r.address) };
    if (r !== "aligned") return;
    if (this.alignment === "none") return;
    const rn = (this.block!.code[w]! >>> 5) & 31;
    const a = this.engine.regNum(armX(rn));
    const bad = this.alignment === "lse2" ? (a % 16) + size > 16 : a % size !== 0;
    if (!bad) return;
    this.alignFault = { hostWord: w, address: a, size };
    this.engine.stop();
  }

  /** Run the loaded block from `s` (its `rip` is not used: the block knows where it is). Returns uc_err. */
  run(s: GuestState): number {
    const blk = this.block;
    if (!blk) throw new Error("A64Harness.run before load");
    const inp = this.input.lo;
    inp.set(s.gpr.subarray(0, 2 * this.gprs));
    this.input.vec.set(s.xmm.subarray(0, 4 * this.xmms));
    const h = hostFromEflags(s.eflags);
    inp[2 * this.iNzcv] = h.nzcv;
    inp[2 * this.iNzcv + 1] = 0;
    inp[2 * this.iNzcv + 2] = h.pfSrc;
    inp[2 * this.iNzcv + 3] = 0;
    inp[2 * this.iNzcv + 4] = h.afSrc;
    inp[2 * this.iNzcv + 5] = 0;
    this.stateView.setUint32(STATE.DF, h.df, true);
    this.stateView.setUint32(STATE.DF + 4, 0, true);
    this.stateView.setBigUint64(STATE.AC_ID, BigInt(s.eflags & 0x240000), true);
    this.stateView.setUint32(STATE.FS_BASE, s.seg[0]!, true);
    this.stateView.setUint32(STATE.FS_BASE + 4, s.seg[1]!, true);
    this.stateView.setUint32(STATE.GS_BASE, s.seg[2]!, true);
    this.stateView.setUint32(STATE.GS_BASE + 4, s.seg[3]!, true);
    const sel = s.sel, sv = this.stateView;
    sv.setUint32(STATE.SEL, (sel[0]! | (sel[1]! << 16)) >>> 0, true);
    sv.setUint32(STATE.SEL + 4, (sel[2]! | (sel[3]! << 16)) >>> 0, true);
    sv.setUint32(STATE.SEL_FSGS, (sel[4]! | (sel[5]! << 16)) >>> 0, true);
    sv.setUint32(STATE.SEL_FSGS + 4, 0, true);
    const e = this.engine;
    e.writeBatch(this.input);
    this.memFault = undefined;
    this.pairSecond = false;
    this.alignFault = undefined;
    this.fault = undefined;
    const err = (this.err = e.start(this.codeNum, this.stopNum, 0, this.budget));
    const o = this.output;
    e.readBatch(o);
    const lo = o.lo;
    this.out.gpr.set(lo.subarray(0, 2 * this.gprs));
    this.out.xmm.set(o.vec.subarray(0, 4 * this.xmms));
    this.out.rip = 0;
    this.exitRip = o.num(this.oX16);
    const x17 = o.num(this.oX16 + 1);
    this.sym = symbolTaken(x17, this.stubNum);
    this.clobbered.length = 0;
    for (let k = 0; k < this.preservedRegs.length; k++) {
      const j = 2 * (this.iPreserved + k);
      if (lo[j] !== this.sentinels[2 * k] || lo[j + 1] !== this.sentinels[2 * k + 1]) {
        const r = this.preservedRegs[k]!;
        this.clobbered.push(r === 31 ? "sp" : `x${r}`);
      }
    }
    for (let k = 0, j = 4 * this.xmms; k < this.preservedVecs.length; k++, j += 4) {
      const v = o.vec, w = this.vecSentinels;
      if (v[j] !== w[4 * k] || v[j + 1] !== w[4 * k + 1] || v[j + 2] !== w[4 * k + 2] || v[j + 3] !== w[4 * k + 3]) this.clobbered.push(`v${this.preservedVecs[k]}`);
    }
    let cInv = 0;
    const af = this.alignFault as { hostWord: number; address: number; size: number } | undefined;
    if (af) {
      // The hook stops after the access has run; report it where hardware would have trapped.
      const entry = findFault(blk.faults, af.hostWord);
      cInv = entry ? entry.state & 1 : 0;
      this.fault = {
        kind: `alignment (${af.size}-byte ordered access at ${hexN(af.address)}, ${this.alignment})`,
        address: af.address, hostWord: af.hostWord, rip: entry ? Number(blk.guestStart) + entry.guestOffset : -1, state: entry ? entry.state : 0,
      };
      if (entry) this.out.rip = this.fault.rip;
    } else if (err !== 0 || o.num(this.oX16 + 2) !== this.stopNum) {
      const pc = o.num(this.oX16 + 2);
      const hostWord = (pc - this.codeNum) / 4;
      const inBlock = Number.isInteger(hostWord) && hostWord >= 0 && hostWord < blk.code.length;
      const entry = inBlock ? findFault(blk.faults, hostWord, this.pairSecond) : undefined;
      cInv = entry ? entry.state & 1 : 0;
      const mf = this.memFault as { kind: string; address: number } | undefined;
      this.fault = {
        kind: mf ? mf.kind : err !== 0 ? e.errorText(err) : `stopped at host ${hexN(pc)}`,
        address: mf ? mf.address : 0,
        hostWord: inBlock ? hostWord : -1,
        rip: entry ? Number(blk.guestStart) + entry.guestOffset : -1,
        state: entry ? entry.state : 0,
      };
      if (entry) this.out.rip = this.fault.rip;
    }
    for (let k = 0; k < 6; k++) this.out.sel[k] = this.stateView.getUint16((k < 4 ? STATE.SEL : STATE.SEL_FSGS) + 2 * (k & 3), true);
    const df = this.stateView.getUint32(STATE.DF, true);
    this.out.eflags = eflagsFromHost(lo[2 * this.iNzcv]!, lo[2 * this.iNzcv + 2]!, lo[2 * this.iNzcv + 4]!, df, cInv);
    return err;
  }

  close(): void {
    this.engine.close();
    this.regions.clear();
  }
}
