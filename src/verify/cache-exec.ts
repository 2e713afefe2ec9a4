/**
 * @file Stage 9 (verifier): `aot verify --exec N`, the differential run of a cache's own code. The
 * cached code section (not a re-translation) is loaded whole at a random host address on Unicorn's
 * ARM64 engine, with the runtime symbol table pointing at stubs (as `aot run` and `A64Harness`
 * set it up) and the relocations the writer resolved left exactly as written; the guest image is
 * identity mapped read-only on both engines. Sampled blocks run from seeded random states on
 * Unicorn's x86 engine (the guest bytes, `insns` instructions) and on the ARM64 engine (from the
 * block's first cached word): GPRs, all 128 bits of XMM0..15 (0..7 for 32-bit images; the same
 * random values, src/verify/xmm.ts, in XMMn and Vn), defined flags, the exit (RIP and symbol, or
 * the linked block a resolved branch reached), precise faults (side table, ABI §9) and memory
 * windows must agree, and the host registers the ABI reserves (x13.., v16-v31, v8-v14 under WOW64)
 * must be left alone. The verdict and its report are src/verify/cache-compare.ts.
 *
 * Memory: every memory operand whose registers the block reads is steered into a data, stack or
 * low window as src/verify/gen.ts places them; stores into the (read-only) image fault on both
 * sides, and must fault precisely. Blocks are skipped, and counted by reason, when there is
 * nothing to compare: a fallback or runtime-helper end, a REP string instruction (Unicorn's x86
 * counts its iterations as instructions), a reader of a flag x86 leaves undefined.
 *
 * Entry: an `ExecCache` (the cache's tables as plain arrays), the image's mapped bytes, a seed.
 * Exit: `ExecResult` with counts and up to `maxReports` mismatch reports.
 *
 *   const r = execCache(view, img.memory, { blocks: 1000, states: 8, seed: 1 });
 *   r.mismatches; r.skipped; r.reports[0]
 */
import { Engine, RegBatch, UC_PROT, ARM64_REG, ARM64_V_IDS, type MemFault } from "../runtime/unicorn.ts";
import { eflagsFromHost, findFault, hostFromEflags } from "../runtime/faults.ts";
import { needsSegments } from "./segments.ts";
import { HOST_GPR, HOST_PF, HOST_AF, HOST_STATE } from "../arm64/lower/regmap.ts";
import { STATE, STATUS_FLAGS } from "../ir/index.ts";
import { Decoder, Insn, K, PF, R, formatInsn, tables } from "../x86/index.ts";
import { AlignHandler } from "../runtime/align.ts";
import { PAIR_WORD, PairHandler, stackPair } from "../runtime/pairs.ts";
import { GuestState, armX, orderedAccessSize, preserved, preservedVectors, vectorSentinel } from "./a64-run.ts";
import { STATE_PAGE, mapRuntimePages, symbolTaken } from "../runtime/host.ts";
import { IdivGuard, X86Harness } from "./x86-run.ts";
import { formFlags } from "./block-flags.ts";
import { CMPXCHG_READ_ONLY, cmpxchgReadOnly, compare, report, type Plan } from "./cache-compare.ts";
import { randomXmm, seedFromXmm } from "./xmm.ts";
import { placeState, planMemory, prng, randomState, type Layout, type Rng, type WindowSpec } from "./gen.ts";

/** One cached block, as the verifier needs it. */
export interface ExecBlock {
  rva: number;
  guestLength: number;
  insns: number;
  /** First code word, from the start of the code section. */
  code: number;
  words: number;
  faults: Uint8Array;
  /** Mnemonic of the fallback that ended the block, or "". */
  fallback: string;
  /** Code words (from the start of the code section) of the `b`s the writer linked. */
  linkedSites: number[];
}

export interface ExecCache {
  bits: 32 | 64;
  imageBase: bigint;
  /** The whole code section. */
  code: Uint32Array;
  /** Ascending by RVA (and therefore by code word: the writer lays blocks out in RVA order). */
  blocks: ExecBlock[];
}

export interface ExecOptions {
  /** Blocks to run (skipped ones are not counted towards it). */
  blocks: number;
  /** Random states per block. Default 8. */
  states?: number;
  seed: number;
  maxReports?: number;
  /**
   * Flags live on entry at a guest address (FLAG.* bits), as the compile assumed for direct exits
   * (`exitFlagsFor`, ABI §4 "Flags across blocks"); flags outside it are not compared at a
   * block's end. Default: every flag.
   */
  liveIn?: (va: bigint) => number | undefined;
}

export interface ExecResult {
  seed: number;
  /** Host address the code section ran at. */
  codeBase: bigint;
  /** Blocks run, states compared, mismatching blocks and states. */
  blocks: number;
  states: number;
  mismatchBlocks: number;
  mismatches: number;
  /** Blocks not run, by reason. */
  skipped: Record<string, number>;
  /** States where the x86 reference did not complete the block (a fault, #DE), by kind. */
  refFaults: Record<string, number>;
  /** Blocks eligible but not reached (fewer eligible blocks than asked). */
  available: number;
  reports: string[];
}

const TWO32 = 4294967296;
const PAGE = 0x1000;
const pageUp = (n: number): number => Math.ceil(n / PAGE) * PAGE;
const hex = (v: number | bigint): string => `0x${v.toString(16)}`;
/** EFLAGS bits compared: CF PF AF ZF SF OF (DF stays 0). */
const COMPARED = 0x8d5;
const HELPERS = new Set(["int3", "int", "int1", "into", "ud0", "ud1", "ud2", "hlt", "cpuid", "rdtsc", "rdtscp", "syscall", "sysenter", "iret", "iretd", "iretq", "rdrand", "rdseed", "rdpid"]);
/**
 * Translated instructions Unicorn's x86 CPU cannot referee: it raises #UD for the FS/GS base
 * instructions, CLWB, CLFLUSHOPT and the reserved-NOP hints 0F 18 /0../3 in register form (a real
 * CPU runs them; hints-diff.test.ts checks them natively and on `aot run`). Of the hints only the
 * register forms: Unicorn runs the memory forms.
 */
const NO_REFEREE = new Set(["rdfsbase", "rdgsbase", "wrfsbase", "wrgsbase", "clwb", "clflushopt"]);
const STRING = new Set<number>([K.MEM_SI, K.MEM_DI]);

/**
 * Windows that avoid the image: the gen.ts layout addresses when free, else the same offsets in
 * the next free 4 GiB (64-bit) or a lower area (32-bit). The `low` window serves 32-bit
 * addressing in 64-bit code (67 prefix).
 */
export function windowsFor(bits: 32 | 64, imageBase: bigint, imageSize: number): Layout {
  const lo = Number(imageBase), hi = lo + imageSize;
  const free = (a: number, size: number): boolean => a + size <= lo || a >= hi;
  const pick = (name: string, cands: number[]): WindowSpec => {
    const addr = cands.find((a) => free(a, 0x2000));
    if (addr === undefined) throw new Error(`no room for the ${name} window next to the image`);
    return { name, addr, size: 0x2000 };
  };
  if (bits === 64) {
    return {
      code: lo,
      data: pick("data", [0x1_6000_0000, 0x3_6000_0000, 0x7_6000_0000]),
      stack: pick("stack", [0x1_7000_0000, 0x3_7000_0000, 0x7_7000_0000]),
      low: pick("low", [0x9abc_0000, 0x5abc_0000, 0x3abc_0000]),
    };
  }
  return { code: lo, data: pick("data", [0x9abc_0000, 0xaabc_0000, 0x3abc_0000]), stack: pick("stack", [0x7ffd_0000, 0x6ffd_0000, 0x0ffd_0000]) };
}

function gprOf(r: number): number {
  if (r >= R.GPR8 && r < R.GPR16) {
    const i = r - R.GPR8;
    return i >= 4 && i < 8 ? i - 4 : i;
  }
  if (r >= R.GPR16 && r < R.GPR32) return r - R.GPR16;
  if (r >= R.GPR32 && r < R.GPR64) return r - R.GPR32;
  if (r >= R.GPR64 && r < R.GPR64 + 16) return r - R.GPR64;
  return -1;
}
const regWidth = (r: number): number => (r >= R.GPR8 && r < R.GPR16 ? 8 : r >= R.GPR16 && r < R.GPR32 ? 16 : 0);

/** Decode a block's guest instructions and decide how (or whether) to run it. */
function planBlock(blk: ExecBlock, mem: Uint8Array, base: number, bits: 32 | 64, layout: Layout, dec: Decoder, insn: Insn): Plan {
  const plan: Plan = { refs: [], stackRegs: [4], flagMask: COMPARED, flagMaskAt: new Map(), regSkip: new Set(), cmpxchgAt: new Map(), text: [] };
  if (blk.fallback) return { ...plan, skip: `fallback ${blk.fallback}` };
  const t = tables();
  const fixed = new Set<number>();
  let off = blk.rva, undef = 0;
  const end = blk.rva + blk.guestLength;
  for (let i = 0; i <= blk.insns && off < end; i++) {
    const len = dec.decode(mem, off, Math.min(end, mem.length), base + off, insn);
    if (!len) return { ...plan, skip: i < blk.insns ? "guest bytes do not decode" : "ends in an untranslated instruction" };
    const mn = (t.mnemonics[insn.mnemonic] ?? "").toLowerCase();
    if (HELPERS.has(mn)) return { ...plan, skip: "runtime helper" };
    // x86 raises #GP for a CMPXCHG16B operand that is not 16-byte aligned (our code leaves into
    // `fallback` there); Unicorn runs it, so it cannot referee such a block.
    if (mn === "cmpxchg16b") return { ...plan, skip: "cmpxchg16b (Unicorn raises no #GP for a misaligned operand)" };
    if (NO_REFEREE.has(mn) || (mn === "reservednop" && insn.kind[0] === K.REG)) return { ...plan, skip: `${mn} (Unicorn raises #UD for it)` };
    // Segment loads and far transfers need descriptors Unicorn does not have here (diff.ts gives
    // the Differ a GDT; verify --exec runs images without one).
    if (needsSegments(insn)) return { ...plan, skip: "segment load or far transfer" };
    if (i === blk.insns) return { ...plan, skip: `ends before ${mn}` };
    plan.text.push(formatInsn(insn));
    plan.flagMaskAt.set(off - blk.rva, COMPARED & ~undef);
    const kinds = Array.from({ length: insn.opCount }, (_, k) => insn.kind[k]!);
    if (insn.prefixes & (PF.REP | PF.REPNE) && kinds.some((k) => STRING.has(k))) return { ...plan, skip: "rep string instruction" };
    const ff = formFlags(t.formIds[insn.form]!);
    if (ff.r & undef) return { ...plan, skip: "reads a flag x86 leaves undefined" };
    const shift = /^(rol|ror|rcl|rcr|shl|sal|shr|sar|shld|shrd)$/.test(mn);
    const clCount = shift && insn.kind[insn.opCount - 1] === K.REG;
    undef = clCount ? undef | ff.u : (undef & ~ff.w) | ff.u;
    // SDM: CF (and OF) undefined for SHL/SHR of 8/16 bits by a count at or above the width.
    const w0 = insn.kind[0] === K.MEM ? insn.memSize * 8 : regWidth(insn.reg[0]!);
    if (/^(shl|sal|shr)$/.test(mn) && w0 && w0 <= 16 && (clCount || (insn.kind[1] === K.IMM && (insn.imm & 31) >= w0))) undef |= 0x801;
    // BSF/BSR of zero: the destination is undefined.
    if ((mn === "bsf" || mn === "bsr") && insn.kind[0] === K.REG) plan.regSkip.add(gprOf(insn.reg[0]!));
    if ((mn === "cmpxchg" || mn === "cmpxchg8b") && insn.kind[0] === K.MEM) plan.cmpxchgAt.set(off - blk.rva, len);
    if (mn === "leave" || mn === "enter") plan.stackRegs.push(5);
    const p = planMemory(insn, bits, layout);
    if (typeof p !== "string") {
      // The first reference through a register decides it; later ones reach near it or fault on both sides.
      for (const ref of p.refs) {
        if (ref.base < 0 && ref.index < 0) continue;
        if ((ref.base >= 0 && fixed.has(ref.base)) || (ref.index >= 0 && fixed.has(ref.index)) || ref.base === 4 || ref.index === 4) continue;
        if (ref.base >= 0) fixed.add(ref.base);
        if (ref.index >= 0) fixed.add(ref.index);
        plan.refs.push(ref);
      }
    }
    off += len;
  }
  plan.flagMask = COMPARED & ~undef;
  return plan;
}

/** One engine pair over one cache: the ARM64 side holds the whole code section. */
class CacheRunner {
  readonly arm: Engine;
  x86: X86Harness;
  readonly codeBase: bigint;
  readonly out = new GuestState();
  private readonly codeNum: number;
  private readonly stopNum: number;
  private readonly stubNum: number;
  private readonly stateBlock = new Uint8Array(new ArrayBuffer(STATE_PAGE));
  private readonly input: RegBatch;
  private readonly output: RegBatch;
  private readonly gprs: number;
  private readonly preservedRegs: number[];
  private readonly sentinels: Uint32Array;
  /** Vector registers the block must not touch (`preservedVectors`), after the guest XMMs in the batches, and their words. */
  private readonly preservedVecs: number[];
  private readonly vecSentinels: Uint32Array;
  private readonly iPreserved: number;
  private readonly oX16: number;
  /** Per run: host word (code section) -> what the code hook does there. */
  private readonly linked = new Set<number>();
  private readonly ordered = new Map<number, number>();
  private linkedStop = false;
  private linkedSite = -1;
  private alignFault: { word: number; address: number; size: number } | undefined;
  private memFault: MemFault | undefined;
  private aligner!: AlignHandler;
  /** Push and pop pairs (ABI §9): the first instruction performed when only the second faults. */
  private pairs!: PairHandler;
  /** The fault the pair handler stopped on is the pair's second instruction's. */
  private pairSecond = false;
  exitRip = 0;
  sym = -1;
  err = 0;
  pc = 0;
  /** Set after a run: the host word where it stopped relative to the block, and why. */
  fault: { kind: string; rip: number; hostWord: number; state: number } | undefined;
  linkedTo = -1;
  readonly clobbered: string[] = [];
  private x86Fault: MemFault | undefined;
  intno = -1;
  private idiv!: IdivGuard;
  private readonly img: Uint8Array;
  private saved: { at: number; bytes: Uint8Array } | undefined;

  /**
   * Make the block's pages the only executable ones on the x86 side, with every byte of them
   * outside the block set to int3 (in the one image buffer both engines read, so data loads still
   * agree). Unicorn's x86 engine translates a whole QEMU block ahead of its instruction count, and
   * aborts the process (tcg fatal error) on some byte strings, e.g. `ff e9`; this way it only ever
   * translates the block's own bytes and int3s, and a branch out of the block stops with a fetch fault.
   */
  enter(blk: ExecBlock): void {
    this.idiv.watch(this.img, Number(this.cache.imageBase), blk.rva, Math.min(this.img.length, blk.rva + blk.guestLength));
    const at = blk.rva & ~(PAGE - 1), end = Math.min(this.img.length, pageUp(blk.rva + Math.max(1, blk.guestLength)));
    this.saved = { at, bytes: this.img.slice(at, end) };
    this.img.fill(0xcc, at, blk.rva);
    this.img.fill(0xcc, blk.rva + blk.guestLength, end);
    const va = this.cache.imageBase + BigInt(at);
    this.x86.engine.protect(va, end - at, UC_PROT.READ | UC_PROT.EXEC);
    this.x86.engine.invalidate(va, va + BigInt(end - at));
  }

  leave(): void {
    const sv = this.saved;
    if (!sv) return;
    this.img.set(sv.bytes, sv.at);
    const va = this.cache.imageBase + BigInt(sv.at);
    this.x86.engine.protect(va, sv.bytes.length, UC_PROT.READ);
    this.x86.engine.invalidate(va, va + BigInt(sv.bytes.length));
    this.saved = undefined;
  }

  constructor(readonly cache: ExecCache, image: Uint8Array, readonly windows: { spec: WindowSpec; x86: Uint8Array; arm: Uint8Array; init: Uint8Array }[], rng: Rng) {
    const { bits } = cache;
    this.gprs = bits === 64 ? 16 : 8;
    // Code at a random 16 KiB-aligned host address, stubs and state below it (src/runtime/run.ts layout).
    this.codeBase = 0x6000_0000_0000n + BigInt(Math.floor(rng() * 0xffff)) * 0x1000_0000n + BigInt(Math.floor(rng() * 0x4000)) * 0x4000n;
    this.codeNum = Number(this.codeBase);
    const arm = (this.arm = Engine.arm64());
    this.aligner = new AlignHandler(arm);
    this.pairs = new PairHandler(arm);
    const codeBytes = new Uint8Array(cache.code.buffer, cache.code.byteOffset, cache.code.length * 4);
    arm.map(this.codeBase, Math.max(PAGE, pageUp(codeBytes.length)), UC_PROT.READ | UC_PROT.EXEC);
    if (codeBytes.length) arm.write(this.codeBase, codeBytes);
    const { stub, stop, state: stateAddr } = mapRuntimePages(arm, this.codeBase, this.stateBlock, cache.imageBase);
    this.stopNum = Number(stop);
    this.stubNum = Number(stub);
    // The image, read-only on both sides (one buffer: neither engine can write it).
    const img = (this.img = new Uint8Array(pageUp(Math.max(1, image.length))));
    img.set(image);
    arm.mapPtr(cache.imageBase, img.length, UC_PROT.READ, img);
    this.idiv = new IdivGuard(bits);
    this.x86 = this.openX86();
    for (const w of windows) arm.mapPtr(BigInt(w.spec.addr), w.spec.size, UC_PROT.READ | UC_PROT.WRITE, w.arm);
    const homes = HOST_GPR.slice(0, this.gprs).map(armX);
    this.preservedRegs = preserved(bits);
    const ids = [...homes, ARM64_REG.NZCV, armX(HOST_PF), armX(HOST_AF), ...this.preservedRegs.map(armX)];
    this.iPreserved = this.gprs + 3;
    // XMMn lives in Vn (ABI §3.2): moved in the same batched calls as the GPRs, followed by the
    // vector registers the block must preserve, each holding a sentinel.
    this.preservedVecs = preservedVectors(bits);
    this.vecSentinels = new Uint32Array(4 * this.preservedVecs.length);
    this.preservedVecs.forEach((r, k) => this.vecSentinels.set(vectorSentinel(r), 4 * k));
    const vecs = [...ARM64_V_IDS.slice(0, this.gprs), ...this.preservedVecs.map((r) => ARM64_REG.V0 + r)];
    this.input = new RegBatch(ids, vecs);
    this.output = new RegBatch([...ids, armX(16), armX(17), ARM64_REG.PC], vecs);
    this.oX16 = ids.length;
    this.sentinels = new Uint32Array(2 * this.preservedRegs.length);
    this.preservedRegs.forEach((r, k) => {
      const st = r === HOST_STATE;
      this.sentinels[2 * k] = st ? Number(stateAddr & 0xffffffffn) : r === 31 ? 0x12340000 : (0x5e000000 | (r << 16) | 0x1234) >>> 0;
      this.sentinels[2 * k + 1] = st ? Number(stateAddr >> 32n) : r === 31 ? 0x7ff0 : (0xc0de0000 | r) >>> 0;
    });
    this.input.lo.set(this.sentinels, 2 * this.iPreserved);
    this.input.vec.set(this.vecSentinels, 4 * this.gprs);
    arm.onMemInvalid((f) => {
      this.memFault ??= f;
      return false;
    });
    // One code hook: it keeps fault PCs exact (a64-run.ts, Unicorn 2.0.1), stops right after a
    // linked `b` (the target block is another test's), and checks ordered accesses' alignment.
    arm.onCode((pc) => {
      const w = (Number(pc) - this.codeNum) / 4;
      if (this.linked.has(w)) {
        this.linkedStop = true;
        this.linkedSite = w;
        arm.stop();
        return;
      }
      const size = this.ordered.get(w);
      if (size === undefined || this.alignFault || this.memFault) return;
      if (size === PAIR_WORD) {
        const p = this.pairs.step(pc, cache.code[w]!);
        if (typeof p === "object") (this.memFault = { kind: p.kind, address: p.address, size: p.size }), (this.pairSecond = p.second);
        return;
      }
      // LSE atomics and CAS: the runtime's alignment handler (ABI §8) performs a misaligned one.
      const r = this.aligner.step(pc, cache.code[w]!);
      if (typeof r === "object") this.memFault = { kind: r.kind, address: r.address, size };
      if (r !== "aligned") return;
      const rn = (cache.code[w]! >>> 5) & 31;
      const a = arm.regNum(armX(rn));
      if (a % size !== 0) {
        this.alignFault = { word: w, address: a, size };
        arm.stop();
      }
    });
  }

  /**
   * A fresh x86 reference engine: the image (not executable except the pages of the block under
   * test, `enter`), the windows, the hooks. Unicorn 2.0.1 never resets QEMU's `old_exception` when
   * an interrupt hook takes an exception, so the next #DE in the same engine becomes a double
   * fault and the one after a silent reset: `runX86` replaces the engine after every interrupt.
   */
  private openX86(): X86Harness {
    const h = new X86Harness(this.cache.bits, { codeAddr: this.cache.imageBase, codeSize: this.img.length });
    const xe = h.engine;
    xe.unmap(this.cache.imageBase, this.img.length);
    xe.mapPtr(this.cache.imageBase, this.img.length, UC_PROT.READ, this.img);
    for (const w of this.windows) xe.mapPtr(BigInt(w.spec.addr), w.spec.size, UC_PROT.READ | UC_PROT.WRITE, w.x86);
    // An IDIV of INT_MIN would kill the process inside Unicorn (x86-run.ts IdivGuard).
    this.idiv.attach(xe);
    xe.onInterrupt((n) => {
      if (this.intno < 0) this.intno = n;
      xe.stop();
    });
    xe.onMemInvalid((f) => {
      this.x86Fault ??= f;
      return false;
    });
    return h;
  }

  /** Run the x86 reference: `insns` instructions from the block's start. Fills `ref` and returns what stopped it early, if anything. */
  runX86(blk: ExecBlock, s: GuestState, ref: GuestState): string {
    const x = this.x86;
    const inp = x.input.lo;
    inp.set(s.gpr.subarray(0, 2 * this.gprs));
    // The harness carries XMM0..15 (0..7 for 32-bit), as many as GPRs.
    x.input.vec.set(s.xmm.subarray(0, 4 * this.gprs));
    inp[2 * x.flagsIndex] = s.eflags;
    inp[2 * x.flagsIndex + 1] = 0;
    this.intno = -1;
    this.x86Fault = undefined;
    this.idiv.tripped = false;
    const start = Number(this.cache.imageBase) + blk.rva;
    x.engine.writeBatch(x.input);
    const err = x.engine.start(start, start + blk.guestLength, 0, blk.insns);
    if (this.idiv.tripped) return IdivGuard.REASON;
    x.engine.readBatch(x.output);
    if (this.intno >= 0) this.reopenX86();
    const o = x.output;
    ref.gpr.set(o.lo.subarray(0, 2 * this.gprs));
    ref.eflags = o.u32(x.flagsIndex);
    ref.rip = o.num(x.ripIndex);
    ref.xmm.set(o.vec.subarray(0, 4 * this.gprs));
    const xf = this.x86Fault as MemFault | undefined;
    // A branch to unmapped memory stops Unicorn with a fetch fault after the branch ran.
    if (xf && xf.kind.startsWith("fetch") && Number(xf.address) === ref.rip) return "";
    if (this.intno >= 0) return `interrupt ${this.intno}`;
    if (xf) return xf.kind;
    if (err !== 0) return x.engine.errorText(err);
    return "";
  }

  /** Run the cached block from its first word. */
  runArm(blk: ExecBlock, s: GuestState): void {
    const { arm, cache } = this;
    this.linked.clear();
    for (const w of blk.linkedSites) this.linked.add(w);
    this.ordered.clear();
    for (let i = blk.code; i < blk.code + blk.words; i++) {
      const size = orderedAccessSize(cache.code[i]!);
      if (size) this.ordered.set(i, size);
      else if (stackPair(cache.code[i]!)) this.ordered.set(i, PAIR_WORD);
    }
    const inp = this.input.lo;
    inp.set(s.gpr.subarray(0, 2 * this.gprs));
    this.input.vec.set(s.xmm.subarray(0, 4 * this.gprs));
    const h = hostFromEflags(s.eflags);
    const n = 2 * this.gprs;
    inp[n] = h.nzcv;
    inp[n + 1] = 0;
    inp[n + 2] = h.pfSrc;
    inp[n + 3] = 0;
    inp[n + 4] = h.afSrc;
    inp[n + 5] = 0;
    const sv = new DataView(this.stateBlock.buffer);
    sv.setBigUint64(STATE.DF, BigInt(h.df), true);
    arm.writeBatch(this.input);
    this.memFault = undefined;
    this.pairSecond = false;
    this.alignFault = undefined;
    this.linkedStop = false;
    this.fault = undefined;
    this.linkedTo = -1;
    this.err = arm.start(this.codeNum + 4 * blk.code, this.stopNum, 0, 1_000_000);
    const o = this.output;
    arm.readBatch(o);
    const lo = o.lo;
    this.out.gpr.set(lo.subarray(0, n));
    this.exitRip = o.num(this.oX16);
    this.sym = symbolTaken(o.num(this.oX16 + 1), this.stubNum);
    this.pc = o.num(this.oX16 + 2);
    this.clobbered.length = 0;
    for (let k = 0; k < this.preservedRegs.length; k++) {
      const j = 2 * (this.iPreserved + k);
      if (lo[j] !== this.sentinels[2 * k] || lo[j + 1] !== this.sentinels[2 * k + 1]) {
        const r = this.preservedRegs[k]!;
        this.clobbered.push(r === 31 ? "sp" : `x${r}`);
      }
    }
    this.out.xmm.set(o.vec.subarray(0, 4 * this.gprs));
    for (let k = 0, j = 4 * this.gprs; k < this.preservedVecs.length; k++, j += 4) {
      const v = o.vec, w = this.vecSentinels;
      if (v[j] !== w[4 * k] || v[j + 1] !== w[4 * k + 1] || v[j + 2] !== w[4 * k + 2] || v[j + 3] !== w[4 * k + 3]) this.clobbered.push(`v${this.preservedVecs[k]}`);
    }
    let cInv = 0;
    const word = (this.pc - this.codeNum) / 4;
    const af = this.alignFault as { word: number; address: number; size: number } | undefined;
    if (this.linkedStop && this.err === 0 && !af) {
      // Unicorn stops before the hooked `b` runs; its destination is what the writer linked.
      const site = this.linkedSite, w = cache.code[site]!;
      if (word !== site) this.linkedTo = Number.isInteger(word) ? word : -2;
      else this.linkedTo = (w & 0xfc000000) === 0x14000000 ? site + ((w << 6) >> 6) : -3;
    } else if (af || this.err !== 0 || this.pc !== this.stopNum) {
      const w = af ? af.word : word;
      const hostWord = w - blk.code;
      const inBlock = Number.isInteger(hostWord) && hostWord >= 0 && hostWord < blk.words;
      const e = inBlock ? findFault(blk.faults, hostWord, this.pairSecond) : undefined;
      cInv = e ? e.state & 1 : 0;
      const mf = this.memFault as MemFault | undefined;
      const kind = af ? `alignment (${af.size}-byte ordered access at ${hex(af.address)})` : mf ? mf.kind : this.err !== 0 ? arm.errorText(this.err) : `stopped at host ${hex(this.pc)}`;
      this.fault = { kind, rip: e ? Number(cache.imageBase) + blk.rva + e.guestOffset : -1, hostWord: inBlock ? hostWord : -1, state: e ? e.state : 0 };
    }
    this.out.eflags = eflagsFromHost(lo[n]!, lo[n + 2]!, lo[n + 4]!, Number(sv.getBigUint64(STATE.DF, true)), cInv);
  }

  /** Replace the x86 engine (after an interrupt), with the current block's pages executable again. */
  private reopenX86(): void {
    const sv = this.saved;
    this.x86.close();
    this.x86 = this.openX86();
    if (!sv) return;
    const va = this.cache.imageBase + BigInt(sv.at);
    this.x86.engine.protect(va, sv.bytes.length, UC_PROT.READ | UC_PROT.EXEC);
  }

  close(): void {
    this.arm.close();
    this.x86.close();
  }
}

/** Code word -> block index for every block start (a linked branch must land on one). */
function entryIndex(blocks: ExecBlock[]): Map<number, number> {
  const m = new Map<number, number>();
  blocks.forEach((b, i) => m.set(b.code, i));
  return m;
}

/** Run `opts.blocks` sampled blocks of `cache` differentially (see the file overview). */
export function execCache(cache: ExecCache, image: Uint8Array, opts: ExecOptions): ExecResult {
  const rng = prng(opts.seed);
  const { bits, blocks } = cache;
  const states = opts.states ?? 8;
  const maxReports = opts.maxReports ?? 10;
  const layout = windowsFor(bits, cache.imageBase, image.length);
  const specs = [layout.data, layout.stack, ...(layout.low ? [layout.low] : [])];
  const windows = specs.map((spec) => {
    const x86 = new Uint8Array(spec.size), arm = new Uint8Array(spec.size), init = new Uint8Array(spec.size);
    return { spec, x86, arm, init, words: new Uint32Array(init.buffer), x86b: Buffer.from(x86.buffer), armb: Buffer.from(arm.buffer) };
  });
  for (const w of windows) for (let i = 0; i < w.words.length; i++) w.words[i] = (rng() * TWO32) >>> 0;
  const runner = new CacheRunner(cache, image, windows, rng);
  const res: ExecResult = { seed: opts.seed, codeBase: runner.codeBase, blocks: 0, states: 0, mismatchBlocks: 0, mismatches: 0, skipped: {}, refFaults: {}, available: 0, reports: [] };
  const entries = entryIndex(blocks);
  const base = Number(cache.imageBase);
  const dec = new Decoder(bits), insn = new Insn();
  const gprs = bits === 64 ? 16 : 8;
  const s = new GuestState(), ref = new GuestState();
  const targets: number[] = [];
  // A seeded permutation of the blocks; walk it until enough have run.
  const order = Array.from({ length: blocks.length }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  try {
    for (const bi of order) {
      if (res.blocks >= opts.blocks) {
        res.available++;
        continue;
      }
      const blk = blocks[bi]!;
      const plan = planBlock(blk, image, base, bits, layout, dec, insn);
      if (plan.skip) {
        res.skipped[plan.skip] = (res.skipped[plan.skip] ?? 0) + 1;
        continue;
      }
      res.blocks++;
      let bad = 0;
      runner.enter(blk);
      try {
        for (let k = 0; k < states; k++) {
          randomState(rng, bits, s);
          randomXmm(rng, gprs, s);
          let placed = false;
          for (let tries = 0; tries < 4 && !placed; tries++) placed = placeState({ refs: plan.refs, stackRegs: plan.stackRegs }, rng, s, layout, bits, targets);
          if (!placed) continue;
          // Fresh bytes where this state's operands point (the rest of each window was randomised once).
          for (const w of windows) {
            for (const t of targets) {
              if (t < w.spec.addr || t >= w.spec.addr + w.spec.size) continue;
              const o = (t - w.spec.addr) >> 2;
              for (let i = Math.max(0, o - 16); i < Math.min(w.words.length, o + 32); i++) w.words[i] = (rng() * TWO32) >>> 0;
              // Sometimes a register's bytes: a vector compare with memory then sees equal lanes.
              if (rng() < 0.25) seedFromXmm(rng, gprs, s, w.init, t - w.spec.addr);
            }
            w.x86.set(w.init);
            w.arm.set(w.init);
          }
          const stopped = runner.runX86(blk, s, ref);
          if (stopped === IdivGuard.REASON) {
            res.skipped[stopped] = (res.skipped[stopped] ?? 0) + 1;
            continue;
          }
          runner.runArm(blk, s);
          res.states++;
          if (stopped) res.refFaults[stopped] = (res.refFaults[stopped] ?? 0) + 1;
          const live = opts.liveIn?.(BigInt(ref.rip)) ?? STATUS_FLAGS;
          const why = compare(runner, blk, plan, stopped, ref, gprs, windows, entries, blocks, base, live);
          if (!why) continue;
          if (cmpxchgReadOnly(plan, runner, stopped, ref.rip, base + blk.rva)) {
            res.states--;
            res.skipped[CMPXCHG_READ_ONLY] = (res.skipped[CMPXCHG_READ_ONLY] ?? 0) + 1;
            continue;
          }
          res.mismatches++;
          if (bad++ === 0) {
            res.mismatchBlocks++;
            if (res.reports.length < maxReports) res.reports.push(report(runner, blk, plan, s, ref, why, bits, base, stopped, live));
          }
        }
      } finally {
        runner.leave();
      }
    }
  } finally {
    runner.close();
  }
  return res;
}
