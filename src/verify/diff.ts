/**
 * @file Stage 9 (verifier): the differential tester. One x86 instruction encoding (or one
 * straight-line block) is translated, then run from many random states on Unicorn's x86 CPU (the
 * reference, src/verify/x86-run.ts) and on Unicorn's ARM64 CPU running our translation
 * (src/verify/a64-run.ts), each with its own copy of the same guest memory; every GPR, every
 * defined flag, every XMM register (all 128 bits, random in every state: src/verify/xmm.ts), the
 * next RIP (x16 and the symbol taken) and every memory window must agree.
 *
 * Entry: a `TranslateFn` (the caller builds Translators; tests can pass a deliberately wrong one),
 * mode, seed. Exit: `stats` (forms, cases, states, blocks, mismatches, skips by reason) and, per
 * mismatch, a report (src/verify/report.ts): the x86 text, the initial state and a
 * register-by-register diff with `*` on the lines that differ. Flags the manual leaves undefined are masked: per form from the row's
 * `fu=` (src/x86/tables), plus the few state-dependent cases the rows cannot say (SHL/SHR of 8/16
 * bits by a count at or above the width: CF; BSF/BSR of zero: the destination; SHLD/SHRD of 16
 * bits by a count above 16: the destination and every flag).
 *
 *   const d = new Differ({ bits: 64, translate, seed: 1 });
 *   d.testEncoding(Uint8Array.of(0x48, 0x01, 0xd8), 1000);   // add rax, rbx
 *   d.stats.mismatches; d.stats.reports[0]
 */
import { IdivGuard, X86Harness } from "./x86-run.ts";
import { oracleDisagrees, referenceBytes } from "./oracle.ts";
import { A64Harness, GuestState } from "./a64-run.ts";
import { LAYOUT, aimAbsolute, placeState, planMemory, prng, randomState, type Layout, type MemPlan, type Rng, type WindowSpec } from "./gen.ts";
import { Decoder, Insn, K, PF, R, formatInsn, tables } from "../x86/index.ts";
import { formFlags, regWidth, undefAfter } from "./block-flags.ts";
import { SYM, SYM_NAMES } from "../ir/index.ts";
import { mismatchReport } from "./report.ts";
import { randomXmm, seedFromXmm, xmmDiffers } from "./xmm.ts";
export { flagText } from "./report.ts";
import type { TranslatedBlock } from "../arm64/lower/output.ts";
import { UC_PROT, X86_REG, type MemFault } from "../runtime/unicorn.ts";
import { biasedSelector, needsSegments, randomSelectors, readSelectors, selectorDiff, setUpSegments } from "./segments.ts";

/** Translate `code` (guest bytes at `va`) as one block of at most `maxInsns` instructions. */
export type TranslateFn = (code: Uint8Array, va: bigint, maxInsns: number) => TranslatedBlock;

export interface DiffOptions {
  bits: 32 | 64;
  translate: TranslateFn;
  seed?: number;
  /** Reports kept (all mismatches are counted). Default 30. */
  maxReports?: number;
  /** Mismatching states reported per case (the rest are counted). Default 2. */
  reportsPerCase?: number;
  /** Alignment rule the ARM side enforces on ordered/atomic accesses (A64Options.alignment). Default "v8.0". */
  alignment?: "v8.0" | "lse2" | "none";
  /**
   * REP string instructions: "small" (default) gives RCX a count of 0..8, so the run stays in its
   * window; "any" keeps the random RCX (huge counts run until they leave the window and fault,
   * which both sides must do at the same iteration, with the same registers and memory).
   */
  repCounts?: "small" | "any";
  /**
   * Segment selectors (src/verify/segments.ts): the reference gets a GDT and random selectors in
   * every state, our state block starts from them, they are compared after the run, and exits
   * into `load_segment`/`far_transfer` are checked like runtime helpers without ending the case.
   */
  segments?: boolean;
  /** STATE.IMAGE_BASE for translations made position independent with this preferred base (ABI §7). */
  imageBase?: bigint;
}

export interface DiffStats {
  /** Distinct forms with at least one case run. */
  forms: number;
  /** Encodings or blocks run. */
  cases: number;
  blocks: number;
  /** Blocks the translator ended early (compared over the instructions it translated). */
  shortened?: number;
  states: number;
  mismatches: number;
  /** Cases not run, by reason (fallback, unplaceable operand, …). */
  skipped: Record<string, number>;
  /** Mismatching states per case label. */
  failing: Record<string, number>;
  /** States where the reference did not complete the instruction (#DE, a memory fault), by kind. */
  refFaults: Record<string, number>;
  /** States (with `segments`) that left into a segment runtime symbol, by symbol. */
  segmentExits?: Record<string, number>;
  /** Misaligned atomics the runtime's alignment handler performed (runtime/align.ts). */
  alignTraps?: number;
  reports: string[];
}

/** EFLAGS bits the comparison looks at: CF PF AF ZF SF DF OF. */
const COMPARED = 0xcd5;

const bytesHex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const SHIFT_CF = new Set(["shl", "sal", "shr"]);
const BITSCAN = new Set(["bsf", "bsr"]);
const SHIFT_DOUBLE = new Set(["shld", "shrd"]);

/** One guest memory window with its three buffers: the initial bytes and one copy per engine. */
class Win {
  readonly init: Uint8Array;
  readonly initb: Buffer;
  readonly x86: Uint8Array;
  readonly arm: Uint8Array;
  readonly x86b: Buffer;
  readonly armb: Buffer;
  constructor(readonly spec: WindowSpec, rng: Rng) {
    this.init = new Uint8Array(new ArrayBuffer(spec.size));
    this.initb = Buffer.from(this.init.buffer);
    for (let i = 0; i < spec.size; i += 4) new DataView(this.init.buffer).setUint32(i, (rng() * 4294967296) >>> 0);
    this.x86 = new Uint8Array(new ArrayBuffer(spec.size));
    this.arm = new Uint8Array(new ArrayBuffer(spec.size));
    this.x86b = Buffer.from(this.x86.buffer);
    this.armb = Buffer.from(this.arm.buffer);
  }
  reset(): void {
    this.x86.set(this.init);
    this.arm.set(this.init);
  }
}

/** What one case needs at run time. */
interface Case {
  label: string;
  form: string;
  bytes: Uint8Array;
  /** What the reference runs: `bytes`, or an equivalent encoding Unicorn accepts (`referenceBytes`). */
  refBytes: Uint8Array;
  n: number;
  tb: TranslatedBlock;
  plan: MemPlan;
  /** EFLAGS bits compared (COMPARED minus the undefined ones). */
  flagMask: number;
  /** Single-instruction cases: the decoded instruction, for the state-dependent masks. */
  insn?: Insn;
  /** A string instruction (MOVS … CMPS): DF is random for it. With a REP prefix, its address size in bytes (else 0). */
  string?: boolean;
  repAsz?: number;
  /** Instructions the reference may count (default `n`). */
  steps?: number;
  mnemonic: string;
  /** Blocks: the undefined flags before the instruction at each offset (a fault there stops the block). */
  undefBefore?: Map<number, number>;
}

export class Differ {
  readonly bits: 32 | 64;
  readonly layout: Layout;
  readonly stats: DiffStats = { forms: 0, cases: 0, blocks: 0, states: 0, mismatches: 0, skipped: {}, failing: {}, refFaults: {}, reports: [] };
  /** The reference; replaced after every interrupt (`openX86`). */
  x86: X86Harness;
  readonly arm: A64Harness;
  private readonly windows: Win[];
  private readonly rng: Rng;
  private readonly dec: Decoder;
  private readonly insn = new Insn();
  private readonly s = new GuestState();
  private readonly x86Out = new GuestState();
  private readonly targets: number[] = [];
  private readonly formsSeen = new Set<string>();
  private readonly gprs: number;
  /** XMM registers carried: 16, or 8 in 32-bit mode. */
  private readonly xmms: number;
  private intno = -1;
  /** Set by stateMasks: the memory destination of this state is undefined (SHLD/SHRD m16). */
  private memUndefined = false;
  private x86Fault: MemFault | undefined;
  private readonly idiv: IdivGuard;

  constructor(private readonly opts: DiffOptions) {
    this.bits = opts.bits;
    this.idiv = new IdivGuard(opts.bits);
    this.layout = LAYOUT[opts.bits];
    this.gprs = this.xmms = opts.bits === 64 ? 16 : 8;
    this.rng = prng(opts.seed ?? 1);
    this.dec = new Decoder(opts.bits);
    this.arm = new A64Harness(opts.bits, { seed: (opts.seed ?? 1) & 0xffff, alignment: opts.alignment, imageBase: opts.imageBase });
    const specs = [this.layout.data, this.layout.stack, ...(this.layout.low ? [this.layout.low] : [])];
    this.windows = specs.map((w) => new Win(w, this.rng));
    for (const w of this.windows) this.arm.mapRegion(BigInt(w.spec.addr), w.arm);
    this.x86 = this.openX86();
  }

  /**
   * A fresh reference engine with the windows mapped and the hooks set. Unicorn 2.0.1 never resets
   * QEMU's `old_exception` when an interrupt hook takes an exception, so the next #DE in the same
   * engine becomes a double fault (#DF, interrupt 8) and the one after a silent triple-fault reset:
   * after any interrupt the Differ continues on a new engine.
   */
  private openX86(): X86Harness {
    const h = new X86Harness(this.opts.bits, { codeAddr: BigInt(this.layout.code), codeSize: 0x1000 });
    const e = h.engine;
    if (this.opts.segments) setUpSegments(e, this.opts.bits);
    // An IDIV of INT_MIN would kill the process inside Unicorn (x86-run.ts IdivGuard).
    this.idiv.attach(e);
    for (const w of this.windows) e.mapPtr(BigInt(w.spec.addr), w.spec.size, UC_PROT.READ | UC_PROT.WRITE, w.x86);
    e.onInterrupt((n) => {
      if (this.intno < 0) this.intno = n;
      e.stop();
    });
    e.onMemInvalid((f) => {
      this.x86Fault ??= f;
      return false;
    });
    return h;
  }

  private skip(reason: string): void {
    this.stats.skipped[reason] = (this.stats.skipped[reason] ?? 0) + 1;
  }

  private translate(bytes: Uint8Array, n: number): TranslatedBlock | string {
    try {
      return this.opts.translate(bytes, BigInt(this.layout.code), n);
    } catch (err) {
      return `translator threw: ${(err as Error).message.split("\n")[0]}`;
    }
  }

  /**
   * Test one encoding of one instruction from `states` random states. An absolute, moffs or
   * RIP-relative address is re-aimed into the data window first. Returns the mismatching states.
   */
  testEncoding(bytes: Uint8Array, states: number, formId?: string): number {
    const { bits, layout, insn, dec } = this;
    let code = bytes.slice();
    if (!dec.decode(code, 0, code.length, layout.code, insn)) return this.skip("undecodable"), 0;
    const oracle = oracleDisagrees(code, insn, bits);
    if (oracle) return this.skip(oracle), 0;
    // Segment loads and far transfers need real descriptors in the reference (segments.ts).
    if (!this.opts.segments && needsSegments(insn)) return this.skip("segment form (DiffOptions.segments)"), 0;
    const isRip = insn.memBase === R.RIP || insn.memBase === R.EIP;
    const hasMem = Array.from({ length: insn.opCount }, (_, k) => insn.kind[k]).includes(K.MEM);
    // A fixed offset from an FS/GS base needs no re-aiming: placeState picks the base.
    const segmented = insn.segPrefix === R.SEG + 4 || insn.segPrefix === R.SEG + 5;
    if (hasMem && !segmented && (isRip || (!insn.memBase && !insn.memIndex))) {
      const w = bits === 64 && insn.asz === 32 ? layout.low! : layout.data;
      // 16-aligned for 16-byte operands: aligned SSE forms (movaps, pxor m128) demand it (MemRef.align).
      const step = insn.memSize >= 16 ? 16 : 8;
      const target = w.addr + 0x100 + step * Math.floor(this.rng() * ((w.size - 0x200) / step));
      if (!aimAbsolute(code, insn, layout.code, target)) return this.skip("absolute address out of reach"), 0;
      code = code.slice(0, insn.length);
      dec.decode(code, 0, code.length, layout.code, insn);
    }
    code = code.slice(0, insn.length);
    const t = tables();
    const form = formId ?? t.formIds[insn.form]!;
    const mnemonic = (t.mnemonics[insn.mnemonic] ?? "?").toLowerCase();
    const plan = planMemory(insn, bits, layout);
    if (typeof plan === "string") return this.skip(plan), 0;
    if (this.opts.repCounts === "any") plan.smallCount = false;
    const string = Array.from({ length: insn.opCount }, (_, k) => insn.kind[k]).some((k) => k === K.MEM_SI || k === K.MEM_DI);
    const repAsz = string && insn.prefixes & (PF.REP | PF.REPNE) ? insn.asz / 8 : 0;
    const tb = this.translate(code, 1);
    if (typeof tb === "string") return this.failCase(`${formatInsn(insn)} [${bytesHex(code)}]`, tb), 1;
    if (tb.fallback) return this.skip(`fallback ${tb.fallback}`), 0;
    const keep = new Insn();
    dec.decode(code, 0, code.length, layout.code, keep);
    const c: Case = {
      label: `${formatInsn(insn)}  [${bytesHex(code)}] ${form}`, form, bytes: code, refBytes: referenceBytes(code, keep, bits), n: 1, tb, plan,
      flagMask: COMPARED & ~formFlags(t.formIds[insn.form]!).u, insn: keep, mnemonic, string, repAsz,
    };
    if (!this.formsSeen.has(form)) this.formsSeen.add(form), this.stats.forms++;
    return this.runCase(c, states);
  }

  /**
   * Test one assembled straight-line block of `lines.length` instructions (RBX/EBX and RSP are
   * placed by the caller's convention: data and stack windows). Undefined flags: those left
   * undefined by the last writer of each flag (a CL-count shift or rotate may write nothing, so
   * it only adds to the mask). A block whose flag reader would read an undefined flag is skipped.
   * A translation may end the block early (ABI §3.1, e.g. out of temporaries): then the reference
   * runs the same `tb.insnCount` instructions and the exit RIP must be the next one's address.
   */
  testBlock(code: Uint8Array, lines: string[], states: number): number {
    const { insn, dec, layout } = this;
    const t = tables();
    const tb = this.translate(code, lines.length);
    if (typeof tb === "string") return this.failCase(lines.join("; "), tb), 1;
    if (tb.fallback) return this.skip(`fallback ${tb.fallback}`), 0;
    const n = Math.min(tb.insnCount, lines.length);
    let off = 0, undef = 0, repString = false;
    const undefBefore = new Map<number, number>();
    for (let i = 0; i < lines.length; i++) {
      const len = dec.decode(code, off, code.length, layout.code + off, insn);
      if (!len) return this.skip("block: undecodable"), 0;
      if (i >= n) { off += len; continue; }
      const ff = formFlags(t.formIds[insn.form]!);
      if (ff.r & undef) return this.skip("block: reads an undefined flag"), 0;
      undefBefore.set(off, undef);
      undef = undefAfter(insn, (t.mnemonics[insn.mnemonic] ?? "").toLowerCase(), ff, undef);
      if (insn.prefixes & (PF.REP | PF.REPNE) && [0, 1, 2].some((k) => insn.kind[k] === K.MEM_SI || insn.kind[k] === K.MEM_DI)) repString = true;
      off += len;
    }
    if (off !== code.length) return this.skip("block: length disagrees with nasm"), 0;
    const plan: MemPlan = { refs: [], stackRegs: [4] };
    const c: Case = { label: `block: ${lines.join("; ")}`, form: "block", bytes: code, refBytes: code, n, tb, plan, flagMask: COMPARED & ~undef, mnemonic: "", undefBefore,
      // Unicorn counts each REP iteration: let such a block run to its end (it stops there).
      steps: repString ? n + 0x100000 : undefined };
    this.stats.blocks++;
    if (n < lines.length) this.stats.shortened = (this.stats.shortened ?? 0) + 1;
    return this.runCase(c, states, true);
  }

  private failCase(label: string, what: string): void {
    this.stats.cases++;
    this.stats.mismatches++;
    this.stats.failing[label] = (this.stats.failing[label] ?? 0) + 1;
    if (this.stats.reports.length < (this.opts.maxReports ?? 30)) this.stats.reports.push(`MISMATCH (${this.bits}-bit) ${label}\n  ${what}`);
  }

  private runCase(c: Case, states: number, block = false): number {
    const { arm, s, rng, bits, layout } = this;
    let x86 = this.x86;
    this.stats.cases++;
    x86.load(c.refBytes);
    this.idiv.watch(c.refBytes, layout.code);
    arm.load(c.tb);
    let bad = 0;
    for (let k = 0; k < states; k++) {
      randomState(rng, bits, s);
      randomXmm(rng, this.xmms, s);
      let placed = false;
      for (let tries = 0; tries < 4 && !placed; tries++) placed = placeState(c.plan, rng, s, layout, bits, this.targets);
      if (!placed) {
        this.skip("state: operands not placeable");
        continue;
      }
      // DF only matters to string instructions: they run in both directions.
      if (c.string && rng() < 0.5) s.eflags |= 0x400;
      // Blocks address memory through RBX/EBX: the middle of the data window, 8-aligned.
      if (block) s.setGpr(3, layout.data.addr + layout.data.size / 2 + 8 * Math.floor(rng() * 32 - 16));
      s.rip = layout.code;
      for (const w of this.windows) {
        for (const t of this.targets) {
          if (t < w.spec.addr || t >= w.spec.addr + w.spec.size) continue;
          const o = t - w.spec.addr;
          for (let i = Math.max(0, o - 24); i < Math.min(w.spec.size, o + 40); i++) w.init[i] = (rng() * 256) | 0;
          // Sometimes a register's bytes: a vector compare with memory then sees equal lanes.
          if (rng() < 0.25) seedFromXmm(rng, this.xmms, s, w.init, o);
        }
        w.reset();
      }
      if (this.opts.segments) this.segmentState(c);
      // x86 reference: GPRs, EFLAGS and XMMs in, one counted run, GPRs/EFLAGS/RIP/XMMs out.
      const inp = x86.input.lo;
      inp.set(s.gpr.subarray(0, 2 * this.gprs));
      x86.input.vec.set(s.xmm.subarray(0, 4 * this.xmms));
      // IF = 1: Windows user code always runs with interrupts enabled, and PUSHF shows it.
      inp[2 * x86.flagsIndex] = s.eflags | 0x200;
      inp[2 * x86.flagsIndex + 1] = 0;
      if (c.plan.seg !== undefined && !this.opts.segments) this.setSegBase(c.plan.seg as 0 | 1, s.seg[2 * c.plan.seg]!, s.seg[2 * c.plan.seg + 1]!);
      this.intno = -1;
      this.x86Fault = undefined;
      this.idiv.tripped = false;
      const xerr = x86.run(c.repAsz ? repSteps(s, c.repAsz) : c.steps ?? c.n);
      if (this.idiv.tripped) {
        this.skip(IdivGuard.REASON);
        continue;
      }
      const xo = x86.output;
      this.x86Out.gpr.set(xo.lo.subarray(0, 2 * this.gprs));
      this.x86Out.eflags = xo.u32(x86.flagsIndex);
      this.x86Out.rip = xo.num(x86.ripIndex);
      this.x86Out.xmm.set(xo.vec);
      if (this.opts.segments) readSelectors(x86.engine, this.x86Out.sel);
      if (c.insn && c.mnemonic === "cmpxchg") this.cmpxchgUpperHalves(c.insn);
      const xf = this.x86Fault as MemFault | undefined;
      // A taken branch to unmapped memory stops Unicorn with a fetch fault *after* the instruction.
      const fetchedNext = xf !== undefined && xf.kind.startsWith("fetch") && Number(xf.address) === this.x86Out.rip;
      arm.run(s);
      // A runtime helper (int3, hlt, ud2, cpuid, ...) is the runtime's to perform: the block must
      // leave at the instruction itself with nothing changed (ABI §5), so the state before it is
      // what to compare with. The case is then counted as skipped: there is no translation to test.
      const helper = c.n === 1 && !arm.fault && arm.sym > SYM.fallback && arm.sym !== SYM.divide_error ? arm.sym : -1;
      if (helper < 0 && xerr !== 0 && !fetchedNext && this.intno < 0 && !xf) {
        this.skip(`unicorn x86: ${x86.engine.errorText(xerr)}`);
        break;
      }
      this.stats.states++;
      if (helper >= 0) {
        this.x86Out.copyFrom(s);
        this.x86Out.rip = layout.code;
        for (const w of this.windows) w.x86.set(w.init);
      }
      const stopped = helper < 0 && ((xerr !== 0 && !fetchedNext) || this.intno >= 0);
      if (stopped) {
        const kind = this.intno >= 0 ? `interrupt ${this.intno}` : xf ? xf.kind : x86.engine.errorText(xerr);
        this.stats.refFaults[kind] = (this.stats.refFaults[kind] ?? 0) + 1;
      }
      const agree = this.compare(c, k, stopped, helper);
      if (this.intno >= 0) {
        x86.close();
        this.x86 = x86 = this.openX86();
        x86.load(c.refBytes);
      }
      if (!agree) {
        bad++;
        this.stats.mismatches++;
        this.stats.failing[c.label] = (this.stats.failing[c.label] ?? 0) + 1;
      } else if (helper === SYM.load_segment || helper === SYM.far_transfer) {
        const ex = (this.stats.segmentExits ??= {});
        ex[SYM_NAMES[helper]!] = (ex[SYM_NAMES[helper]!] ?? 0) + 1;
      } else if (helper >= 0) {
        this.skip(`runtime helper ${SYM_NAMES[helper]}`);
        break;
      }
    }
    return bad;
  }

  /**
   * `segments`: random selectors in the reference (then its FS/GS base), our state's selectors
   * read back from it, and the source of a segment load or far transfer biased towards the
   * current selector (segments.ts). 64-bit far CALL/RETF of 16/32-bit operand size get RSP in the
   * low window: Unicorn 2.0.1 (QEMU 5) computes their stack addresses in 32 bits and truncates
   * RSP, where the SDM uses the 64-bit RSP; below 4 GiB both agree.
   */
  private segmentState(c: Case): void {
    const { s, rng, bits, layout } = this;
    const e = this.x86.engine, i = c.insn!;
    randomSelectors(rng, e);
    if (c.plan.seg !== undefined) this.setSegBase(c.plan.seg as 0 | 1, s.seg[2 * c.plan.seg]!, s.seg[2 * c.plan.seg + 1]!);
    readSelectors(e, s.sel);
    const m = c.mnemonic, w = i.osz >> 3, seg = i.kind[0] === K.REG && i.reg[0]! >= R.SEG && i.reg[0]! < R.SEG + 6 ? i.reg[0]! - R.SEG : -1;
    const far = m === "retf" || ((m === "call" || m === "jmp") && i.kind[0] === K.MEM && i.memSize >= 4);
    if (far && m !== "jmp" && bits === 64 && w < 8) {
      const low = layout.low!, sp = low.addr + low.size / 2 + 8 * Math.floor(rng() * 32 - 16);
      s.setGpr(4, sp);
      this.targets[0] = sp;
    }
    if (seg >= 0 && (m === "mov" || m === "pop")) {
      const v = biasedSelector(rng, s.sel[seg]!, seg);
      if (m === "pop") this.poke(this.targets[0]!, v);
      else if (i.kind[1] === K.MEM) this.poke(this.targets[1]!, v);
      else {
        const g = gprOf(i.reg[1]!);
        s.gpr[2 * g] = ((s.gpr[2 * g]! & 0xffff0000) | v) >>> 0;
      }
    } else if (m === "retf") this.poke(this.targets[0]! + w, biasedSelector(rng, s.sel[1]!, 1));
    else if (far) this.poke(this.targets[1]! + w, biasedSelector(rng, s.sel[1]!, 1));
  }

  /** Write a 16-bit value at guest address `a` in every copy of its window. */
  private poke(a: number, v: number): void {
    const w = this.windows.find((x) => a >= x.spec.addr && a + 2 <= x.spec.addr + x.spec.size);
    if (!w) return;
    const o = a - w.spec.addr;
    for (const buf of [w.init, w.x86, w.arm]) (buf[o] = v & 0xff), (buf[o + 1] = v >>> 8);
  }

  /** The reference's FS (0) or GS (1) base: the base register in 64-bit mode, a GDT descriptor in 32-bit mode (Engine.setSegBase32). */
  private setSegBase(seg: 0 | 1, lo: number, hi: number): void {
    const e = this.x86.engine;
    if (this.bits === 64) e.setReg(seg === 0 ? X86_REG.FS_BASE : X86_REG.GS_BASE, (BigInt(hi) << 32n) | BigInt(lo));
    else e.setSegBase32(seg, lo);
  }

  /** Compare the two final states; on a difference, append a report. Returns true when they agree. */
  private compare(c: Case, k: number, x86Stopped: boolean, helper: number): boolean {
    const { arm, x86Out: xs, s } = this;
    const as = arm.out;
    let flagMask = c.flagMask;
    // A block the reference stopped inside (a #DE, a memory fault) has run only the instructions before that one.
    const cut = x86Stopped ? c.undefBefore?.get(xs.rip - this.layout.code) : undefined;
    if (cut !== undefined) flagMask = COMPARED & ~cut;
    let regSkip = -1;
    this.memUndefined = false;
    if (c.insn) [flagMask, regSkip] = this.stateMasks(c, flagMask);
    // What the ARM side must have done: a plain exit to dispatch at x86's next RIP; for a #DE an
    // exit to divide_error at the DIV itself; for an x86 memory fault a precise fault there.
    let wantSym: number = SYM.dispatch, wantRip = xs.rip, wantFault = false;
    if (x86Stopped && this.intno === 0) (wantSym = SYM.divide_error), (wantRip = xs.rip);
    // #GP (CMPXCHG16B misaligned): leaving into `fallback` at the instruction, state untouched, is
    // right: the runtime runs it another way and the #GP is raised there.
    else if (x86Stopped && this.intno === 13) (wantSym = SYM.fallback), (wantRip = xs.rip);
    else if (x86Stopped && this.intno >= 0) (wantSym = -2), (wantRip = xs.rip);
    else if (x86Stopped) wantFault = true;
    if (helper >= 0) wantSym = helper;
    let ok = arm.clobbered.length === 0;
    for (let i = 0; i < 2 * this.gprs && ok; i++) if (xs.gpr[i] !== as.gpr[i] && i >> 1 !== regSkip) ok = false;
    if (((xs.eflags ^ as.eflags) & flagMask) !== 0) ok = false;
    // All 128 bits of every XMM register: code that does not touch them must leave them alone.
    for (let i = 0; i < this.xmms && ok; i++) if (xmmDiffers(xs.xmm, as.xmm, i)) ok = false;
    if (wantFault) ok &&= arm.fault !== undefined && arm.fault.rip === xs.rip;
    else ok &&= arm.fault === undefined && arm.sym === wantSym && arm.exitRip === wantRip;
    // A memory destination the manual leaves undefined (stateMasks) is the only store: skip the windows.
    for (const w of this.windows) if (ok && !this.memUndefined && !w.x86b.equals(w.armb)) ok = false;
    const selText = this.opts.segments ? selectorDiff(xs.sel, as.sel) : "";
    if (selText) ok = false;
    if (ok) return true;
    const bad = (this.stats.failing[c.label] ?? 0) + 1;
    if (bad > (this.opts.reportsPerCase ?? 2) || this.stats.reports.length >= (this.opts.maxReports ?? 30)) return false;
    this.stats.reports.push(mismatchReport({
      bits: this.bits, label: c.label, state: k, init: s, ref: this.x86Out, arm, flagMask, regSkip, want: { wantSym, wantRip, wantFault, helper: helper >= 0 },
      seg: c.plan.seg, targets: this.targets, windows: this.windows, x86FaultKind: this.x86Fault?.kind,
    }) + (selText ? `\n  selectors (ES CS SS DS FS GS) before: ${Array.from(s.sel, (v) => v.toString(16)).join(" ")}\n${selText}` : ""));
    return false;
  }

  /**
   * CMPXCHG with a 32-bit operand in 64-bit mode: the CPU writes the destination register only on
   * success and the accumulator only on failure, so the register not written keeps its upper half;
   * Unicorn 2.0.1 writes both, zero-extending both (QEMU fixed this in 2023). This machine's CPU
   * referees (test/verify/atomic-diff.test.ts runs the cases natively): put the upper half back.
   */
  private cmpxchgUpperHalves(i: Insn): void {
    if (this.bits !== 64 || i.osz !== 32) return;
    const keep = (g: number): void => void (this.x86Out.gpr[2 * g + 1] = this.s.gpr[2 * g + 1]!);
    const dest = i.kind[0] === K.REG ? gprOf(i.reg[0]!) : -1;
    if (this.x86Out.eflags & 0x40) {
      if (dest !== 0) keep(0);
    } else if (dest > 0) keep(dest);
  }

  /** The state-dependent undefined results the rows cannot declare (SDM Vol. 2). */
  private stateMasks(c: Case, flagMask: number): [number, number] {
    const i = c.insn!;
    const s = this.s;
    if (SHIFT_DOUBLE.has(c.mnemonic) && i.opCount === 3) {
      const w = i.kind[0] === K.MEM ? i.memSize * 8 : regWidth(i.reg[0]!);
      const count = (i.kind[2] === K.IMM ? i.imm : s.gpr[2]!) & 31;
      // SHLD/SHRD: "If the count is greater than the operand size, the result is undefined." and
      // (Flags Affected) "If the count is greater than the operand size, the flags are undefined."
      // Only a 16-bit operand can see such a count (it is masked to 5 bits, 6 with REX.W).
      if (w === 16 && count > 16) {
        if (i.kind[0] === K.MEM) this.memUndefined = true;
        return [flagMask & ~0x8d5, i.kind[0] === K.REG ? gprOf(i.reg[0]!) : -1]; // the six status flags
      }
    }
    if (SHIFT_CF.has(c.mnemonic) && i.opCount === 2) {
      const w = i.kind[0] === K.MEM ? i.memSize * 8 : regWidth(i.reg[0]!);
      const count = (i.kind[1] === K.IMM ? i.imm : s.gpr[2]!) & (w === 64 ? 63 : 31);
      // "CF is undefined for SHL and SHR where the count is ≥ the size of the destination."
      if (w <= 16 && count >= w) flagMask &= ~0x801;
    }
    if (BITSCAN.has(c.mnemonic) && i.kind[0] === K.REG) {
      const w = regWidth(i.reg[0]!);
      const src = i.kind[1] === K.REG ? regValue(s, i.reg[1]!, this.bits) : this.memValue(this.targets[1]!, i.memSize);
      // "If the content of the source operand is 0, the content of the destination is undefined."
      if (src === 0) return [flagMask, w ? gprOf(i.reg[0]!) : -1];
    }
    return [flagMask, -1];
  }

  /** Whether `size` initial bytes at guest address `t` are all zero (0) or not (1). */
  private memValue(t: number, size: number): number {
    const w = this.windows.find((x) => t >= x.spec.addr && t < x.spec.addr + x.spec.size);
    if (!w) return 1;
    const o = t - w.spec.addr;
    return w.init.subarray(o, o + size).some((b) => b !== 0) ? 1 : 0;
  }

  close(): void {
    this.stats.alignTraps = this.arm.alignTraps;
    this.x86.close();
    this.arm.close();
  }
}

/**
 * Unicorn's x86 counts a REP instruction once per iteration plus once (environment.md, x86-run.ts):
 * the count that lets it finish rCX iterations. Capped: past the cap the run has left every window
 * (0x2000 bytes) and faulted long before.
 */
function repSteps(s: GuestState, asz: number): number {
  const rcx = asz === 8 ? s.gprNum(1) : s.gpr[2]!;
  return Math.min(rcx, 0x100000) + 1;
}

/** GPR index (x86 order) a register lives in; AH..BH (no REX) are in RAX..RBX. */
function gprOf(r: number): number {
  if (r >= R.GPR8 && r < R.GPR16) {
    const i = r - R.GPR8;
    return i >= 4 ? i - 4 : i;
  }
  if (r >= R.GPR16 && r < R.GPR32) return r - R.GPR16;
  if (r >= R.GPR32 && r < R.GPR64) return r - R.GPR32;
  return r - R.GPR64;
}

/** A register operand's value as a number (only tested against 0). */
function regValue(s: GuestState, r: number, bits: 32 | 64): number {
  const w = regWidth(r);
  const g = gprOf(r);
  const lo = s.gpr[2 * g]!, hi = bits === 64 ? s.gpr[2 * g + 1]! : 0;
  if (w === 64) return lo || hi;
  if (w === 32) return lo;
  if (w === 16) return lo & 0xffff;
  return r - R.GPR8 >= 4 && r - R.GPR8 < 8 ? (lo >>> 8) & 0xff : lo & 0xff;
}
