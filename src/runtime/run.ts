/**
 * @file Stage 10 (runtime): `aot run`, a complete runtime for translated code on Unicorn's ARM64
 * engine, and the reference for docs/runtime-abi.md. The x86 program's memory is identity mapped
 * (the same host buffers are mapped into the ARM64 engine and, for fallbacks, into an x86 engine);
 * translated code is placed at a random host address; the runtime symbols are stubs on a page of
 * their own, all branching to one stop address, so each `uc_emu_start` runs one block and returns
 * to the dispatcher here with x16 = the guest RIP and x17 = the symbol's stub.
 *
 * Entry: options in the shape of the reference runner (src/verify/x86-run.ts, same contract).
 * Exit: the final state in the same JSON shape, plus block and fallback counts.
 *
 * Guest state between blocks stays in the ARM64 engine's registers (ABI §3: GPRs in their homes,
 * XMMn in Vn). A fallback or runtime helper moves it to the x86 engine and back; the XMM registers
 * go through the state block's XMM slots (`STATE.XMM`, ABI §2), where a runtime leaving
 * translated code saves them: one batched read of V0..V15 lands there, one batched write puts
 * them into XMM0..XMM15 (8 of each for 32-bit guests), and the same on the way back.
 *
 * Self-modifying code: guest pages holding translated code are read-only in both engines; a
 * store into one stops the block at the store (the fault side table gives the guest instruction;
 * nothing of it has happened yet, ABI §9), drops every block of that page, and runs the storing
 * instruction as a one-instruction block with the page writable. Stale code never runs.
 *
 *   const r = runTranslated({ bits: 64, image: { raw, base: 0x140000000n }, stack: { addr: 0x7ff00000n, size: 0x10000 } });
 *   r.stop // "hlt"
 */
import { Engine, RegBatch, UC_PROT, ARM64_REG, ARM64_V_IDS, X86_REG, X86_GPR32_IDS, X86_GPR64_IDS, X86_XMM_IDS, type MemFault } from "./unicorn.ts";
import { RETURN_SENTINEL, GPR32_NAMES, GPR64_NAMES, setXmmValue, xmmCount, xmmIndex, xmmValue, type X86RunOptions } from "../verify/x86-run.ts";
import { eflagsFromHost, findFault, hostFromEflags } from "./faults.ts";
import { loadPeFileSync, mapImage } from "../pe/index.ts";
import { Decoder, Insn, discover } from "../x86/index.ts";
import { tables } from "../x86/tables/_load.ts";
import { Translator } from "../compile/translate.ts";
import { exitFlagsFor } from "../compile/live-flags.ts";
import { BASELINE } from "../arm64/index.ts";
import { STATE_PAGE, armX, mapRuntimePages, symbolTaken, type RuntimePages } from "./host.ts";
import { HOST_GPR, HOST_PF, HOST_AF, HOST_STATE } from "../arm64/lower/regmap.ts";
import { AlignHandler, alignTrapKind } from "./align.ts";
import { PairHandler, stackPair } from "./pairs.ts";
import type { TranslatedBlock } from "../arm64/lower/output.ts";
import { STATE, SYM } from "../ir/index.ts";
import { K, R } from "../x86/index.ts";
import { SEG_NAMES, Segments } from "./segments.ts";
import { helperValue, randomFlags, writeGpr } from "./random.ts";
import { InputError } from "../util/errors.ts";

/** The reference runner's options (same contract), plus what only the translated run has. */
export type RunOptions = Omit<X86RunOptions, "image" | "maxInsns"> & {
  image: { raw: Uint8Array; base: bigint; file?: string } | { pe: string };
  /** Stop with an error after this many block runs (a runaway loop). */
  maxBlocks?: number;
  memoryOrder?: "tso" | "relaxed";
  /** Seed for the host code address (default: random). */
  seed?: number;
  /**
   * Translate as `aot compile` does (docs/runtime-abi.md §4, flags across blocks): a direct exit
   * hands over only the flags its target's current guest bytes may read first. Off by default.
   */
  flagsAcross?: boolean;
};

export interface RunResult {
  regs: Record<string, string>;
  rip: string;
  eflags: string;
  stop: string;
  blocks: number;
  fallbacks: number;
  dump: Record<string, string>;
  /** Not in the JSON contract: detail for people and tests. */
  detail: { translatedAhead: number; translatedOnDemand: number; smc: number; alignTraps: number; fallbackMnemonics: Record<string, number>; codeBase: bigint };
}

interface Region { addr: bigint; size: number; buf: Uint8Array }
interface Hosted { tb: TranslatedBlock; host: bigint }

const PAGE = 0x1000n;
const pageDown = (a: bigint): bigint => a & ~(PAGE - 1n);
const pageUp = (a: bigint): bigint => (a + PAGE - 1n) & ~(PAGE - 1n);
const hex = (v: bigint | number): string => `0x${v.toString(16)}`;
const CODE_SIZE = 64 << 20;

/** Run a program translated; see the file overview. */
export function runTranslated(opts: RunOptions): RunResult {
  return new Runner(opts).run();
}

class Runner {
  private readonly bits: 32 | 64;
  private readonly word: number;
  private readonly file: string;
  private readonly regions: Region[] = [];
  private readonly arm = Engine.arm64();
  private x86: Engine | undefined;
  private readonly codeBase: bigint;
  private pages!: RuntimePages;
  /** The FS/GS bases the 32-bit x86 engine's segments have (0 until a guest sets one). */
  private x86Fs = 0n;
  private x86Gs = 0n;
  /** The guest state block, mapped into the ARM64 engine (DF is read and written here directly). */
  private readonly stateBlock = new Uint8Array(new ArrayBuffer(STATE_PAGE));
  private readonly stateView = new DataView(this.stateBlock.buffer);
  private codeTop = 0;
  private readonly blocks = new Map<bigint, Hosted>();
  /** Every block placed, in host address order (code is bump-allocated): a faulting PC → its block. */
  private readonly byHost: Hosted[] = [];
  private readonly pageBlocks = new Map<bigint, Set<bigint>>();
  private readonly protectedPages = new Set<bigint>();
  private readonly translator: Translator;
  private readonly single: Translator;
  private entry = 0n;
  private lastFault: MemFault | undefined;
  /** Host address → word, for the words the alignment handler may have to perform (runtime/align.ts). */
  private readonly trapWords = new Map<number, number>();
  private readonly aligner = new AlignHandler(this.arm);
  /** Push and pop pairs (ABI §9): the first instruction performed when only the second faults. */
  private readonly pairs = new PairHandler(this.arm);
  /** The fault the pair handler stopped on is the pair's second instruction's. */
  private pairSecond = false;
  private stats = { translatedAhead: 0, translatedOnDemand: 0, smc: 0, fallbackMnemonics: {} as Record<string, number> };
  private fallbacks = 0;
  private readonly exitRegs: RegBatch;
  /** V0..V15 (V0..V7 for 32-bit guests) and XMM0.., both over the state block's XMM slots. */
  private readonly vregs: RegBatch;
  private readonly xmmRegs: RegBatch;
  private readonly xmmSlots: Uint32Array;
  private readonly dec: Decoder;
  private readonly insn = new Insn();
  /** The segment selectors (state block `STATE.SEL`) and their descriptors (segments.ts). */
  private seg!: Segments;

  constructor(private readonly opts: RunOptions) {
    this.bits = opts.bits;
    this.word = opts.bits === 64 ? 8 : 4;
    this.file = "pe" in opts.image ? opts.image.pe : opts.image.file ?? "<raw>";
    const seed = opts.seed ?? Math.floor(Math.random() * 0xffff);
    this.codeBase = 0x6000_0000_0000n + BigInt(seed & 0xffff) * 0x1000_0000n;
    const lower = { features: BASELINE, memoryOrder: opts.memoryOrder ?? "tso", pic: false } as const;
    let imageBase: bigint | undefined;
    if ("pe" in opts.image) imageBase = this.loadPe(opts.image.pe);
    else this.loadRaw(opts.image.raw, opts.image.base);
    const lo = imageBase === undefined ? lower : { ...lower, pic: true, imageBase };
    // The image (the first region) holds the code: live-in flags of targets there, from its current bytes.
    const code = this.regions[0]!;
    const exitFlags = opts.flagsAcross ? exitFlagsFor({ memory: code.buf, base: code.addr }, [{ start: 0, end: code.size }], this.bits, false) : undefined;
    this.translator = new Translator({ mode: this.bits, lower: lo, ...(exitFlags ? { exitFlags } : {}) });
    this.single = new Translator({ mode: this.bits, lower: lo, maxInsns: 1 });
    this.dec = new Decoder(this.bits);
    this.setUpMemory(imageBase ?? 0n);
    this.exitRegs = this.arm.batch([ARM64_REG.X16, ARM64_REG.X17, ARM64_REG.PC]);
    const n = xmmCount(this.bits), slots = this.stateBlock.subarray(STATE.XMM, STATE.XMM + 16 * n);
    this.vregs = new RegBatch([], ARM64_V_IDS.slice(0, n), slots);
    this.xmmRegs = new RegBatch([], X86_XMM_IDS.slice(0, n), slots);
    this.xmmSlots = this.vregs.vec;
    this.arm.onMemInvalid((f) => {
      this.lastFault = f;
      return false;
    });
    // Unicorn 2.0.1 reports the PC of a faulting load/store as the start of its QEMU translation
    // block, not the instruction's own address; with a code hook installed it keeps the PC exact,
    // which the fault side table needs (ABI §9). The hook also plays the runtime's alignment
    // handler (ABI §8): a misaligned atomic is performed before the engine would trap on it.
    this.arm.onCode((pc) => {
      const w = this.trapWords.get(Number(pc));
      if (w === undefined) return;
      // A pair word is never an atomic: at most one of the two handlers acts.
      const p = this.pairs.step(pc, w);
      if (typeof p === "object") (this.lastFault = { kind: p.kind, address: p.address, size: p.size }), (this.pairSecond = p.second);
      const r = this.aligner.step(pc, w);
      if (typeof r === "object") this.lastFault = { kind: r.kind, address: r.address, size: 1 << (w >>> 30) };
    });
  }

  private loadRaw(raw: Uint8Array, base: bigint): void {
    const lo = pageDown(base);
    const size = Number(pageUp(base + BigInt(Math.max(1, raw.length))) - lo);
    const buf = new Uint8Array(size);
    buf.set(raw, Number(base - lo));
    this.regions.push({ addr: lo, size, buf });
    this.entry = this.opts.entry ?? base;
  }

  private loadPe(path: string): bigint {
    const pe = loadPeFileSync(path);
    if (pe.is64 !== (this.bits === 64)) throw new InputError(path, `is ${pe.format} but the run asked for ${this.bits}-bit x86`, "usage");
    const img = mapImage(pe);
    const size = Number(pageUp(BigInt(img.memory.length)));
    const buf = new Uint8Array(size);
    buf.set(img.memory);
    this.regions.push({ addr: img.base, size, buf });
    this.entry = this.opts.entry ?? img.base + BigInt(pe.entryRva);
    return img.base;
  }

  private setUpMemory(imageBase: bigint): void {
    const { opts } = this;
    for (const m of opts.maps ?? []) {
      const lo = pageDown(m.addr);
      this.regions.push({ addr: lo, size: Number(pageUp(m.addr + BigInt(m.size)) - lo), buf: new Uint8Array(Number(pageUp(m.addr + BigInt(m.size)) - lo)) });
    }
    if (opts.stack) {
      const lo = pageDown(opts.stack.addr);
      const size = Number(pageUp(opts.stack.addr + BigInt(opts.stack.size)) - lo);
      this.regions.push({ addr: lo, size, buf: new Uint8Array(size) });
    }
    for (const r of this.regions) this.arm.mapPtr(r.addr, r.size, UC_PROT.ALL, r.buf);
    this.arm.map(this.codeBase, CODE_SIZE, UC_PROT.READ | UC_PROT.EXEC);
    this.pages = mapRuntimePages(this.arm, this.codeBase, this.stateBlock, imageBase);
  }

  private regionOf(va: bigint): Region | undefined {
    for (const r of this.regions) if (va >= r.addr && va < r.addr + BigInt(r.size)) return r;
    return undefined;
  }

  /** Translate the block at `rip` (or return the cached one); `single`: one instruction, not cached. */
  private blockAt(rip: bigint, onDemand: boolean, single = false): Hosted | undefined {
    const hit = single ? undefined : this.blocks.get(rip);
    if (hit) return hit;
    const r = this.regionOf(rip);
    if (!r) return undefined;
    const off = Number(rip - r.addr);
    const tb = (single ? this.single : this.translator).translate(r.buf, off, r.size, rip);
    if (this.codeTop + tb.code.length * 4 > CODE_SIZE) throw new InputError(this.file, "translated code outgrew the 64 MiB code area", "limit");
    const host = this.codeBase + BigInt(this.codeTop);
    this.codeTop += (tb.code.length * 4 + 15) & ~15;
    this.arm.write(host, new Uint8Array(tb.code.buffer, tb.code.byteOffset, tb.code.length * 4));
    for (let k = 0; k < tb.code.length; k++) if (alignTrapKind(tb.code[k]!) || stackPair(tb.code[k]!)) this.trapWords.set(Number(host) + 4 * k, tb.code[k]!);
    const h = { tb, host };
    this.byHost.push(h);
    if (!single) {
      this.blocks.set(rip, h);
      if (onDemand) this.stats.translatedOnDemand++;
      else this.stats.translatedAhead++;
      const last = rip + BigInt(Math.max(1, tb.guestLength)) - 1n;
      for (let p = pageDown(rip); p <= last; p += PAGE) {
        let s = this.pageBlocks.get(p);
        if (!s) this.pageBlocks.set(p, (s = new Set()));
        s.add(rip);
        if (!this.protectedPages.has(p)) {
          this.protectedPages.add(p);
          this.arm.protect(p, 0x1000, UC_PROT.READ | UC_PROT.EXEC);
          this.x86?.protect(p, 0x1000, UC_PROT.READ | UC_PROT.EXEC);
        }
      }
    }
    return h;
  }

  /** A guest store hit page `p`: forget its blocks and let writes through. */
  private invalidatePage(p: bigint): void {
    this.stats.smc++;
    for (const rip of this.pageBlocks.get(p) ?? []) this.blocks.delete(rip);
    this.pageBlocks.delete(p);
    this.protectedPages.delete(p);
    this.arm.protect(p, 0x1000, UC_PROT.ALL);
    this.x86?.protect(p, 0x1000, UC_PROT.ALL);
    this.x86?.invalidate(p, p + PAGE);
  }

  /** The block whose code holds host address pc: `byHost` is in allocation order, so by address. */
  private hostedAt(pc: bigint): Hosted | undefined {
    let lo = 0, hi = this.byHost.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1, h = this.byHost[mid]!;
      if (pc < h.host) hi = mid - 1;
      else if (pc >= h.host + BigInt(h.tb.code.length * 4)) lo = mid + 1;
      else return h;
    }
    return undefined;
  }

  private initRegisters(): void {
    const { arm, opts } = this;
    for (let i = 0; i < 31; i++) if (i !== HOST_STATE) arm.setRegNum(armX(i), 0);
    arm.setReg(armX(HOST_STATE), this.pages.state);
    let sp: bigint | undefined = opts.sp;
    if (opts.stack) {
      sp ??= opts.stack.addr + BigInt(opts.stack.size);
      sp -= BigInt(this.word);
      const r = this.regionOf(sp)!;
      const dv = new DataView(r.buf.buffer, r.buf.byteOffset);
      dv.setUint32(Number(sp - r.addr), Number(RETURN_SENTINEL), true);
    }
    const names = this.bits === 64 ? GPR64_NAMES : GPR32_NAMES;
    const values = new Array<bigint>(this.bits === 64 ? 16 : 8).fill(0n);
    if (sp !== undefined) values[4] = sp;
    let eflags = 0x2;
    const sels: Record<string, bigint> = {};
    for (const [k, v] of Object.entries(opts.regs ?? {})) {
      const n = k.toLowerCase();
      if ((SEG_NAMES as readonly string[]).includes(n)) { sels[n] = v; continue; }
      if (n === "eflags" || n === "rflags") { eflags = Number(v); continue; }
      const x = xmmIndex(this.bits, n);
      if (x >= 0) { setXmmValue(this.xmmSlots, 4 * x, v); continue; }
      // Segment bases live in the state block (ABI §2); the x86 engine gets them at each fallback.
      if (n === "fs_base" || n === "gs_base") {
        this.stateView.setBigUint64(n === "fs_base" ? STATE.FS_BASE : STATE.GS_BASE, BigInt.asUintN(this.bits, v), true);
        continue;
      }
      let i = (names as readonly string[]).indexOf(n);
      if (i < 0 && this.bits === 64) i = (GPR32_NAMES as readonly string[]).indexOf(n);
      if (i < 0) throw new InputError(this.file, `unknown ${this.bits}-bit register name "${k}"`, "usage");
      values[i] = BigInt.asUintN(this.bits === 64 && (names as readonly string[]).includes(n) ? 64 : 32, v);
    }
    values.forEach((v, i) => arm.setReg(armX(HOST_GPR[i]!), v));
    this.seg = new Segments(this.bits, sels);
    this.seg.init(this.stateView);
    // XMM registers not given are zero: the state block starts zeroed.
    arm.writeBatch(this.vregs);
    this.setFlags(eflags);
  }

  private setFlags(eflags: number): void {
    const h = hostFromEflags(eflags);
    this.arm.setRegNum(ARM64_REG.NZCV, h.nzcv);
    this.arm.setRegNum(armX(HOST_PF), h.pfSrc);
    this.arm.setRegNum(armX(HOST_AF), h.afSrc);
    this.stateView.setBigUint64(STATE.DF, BigInt(h.df), true);
    this.stateView.setBigUint64(STATE.AC_ID, BigInt(eflags & 0x240000), true);
  }

  private eflags(cInverted = 0): number {
    const df = Number(this.stateView.getBigUint64(STATE.DF, true));
    const acId = Number(this.stateView.getBigUint64(STATE.AC_ID, true));
    // The PF and AF sources are whole 64-bit results: only their low bits count, and regNum would
    // round one above 2^53 (a wrong PF after `add rdx, rcx` = 0x506070890a131bf).
    const low = (r: number): number => Number(this.arm.reg(armX(r)) & 0xffffffffn);
    return (eflagsFromHost(this.arm.regNum(ARM64_REG.NZCV), low(HOST_PF), low(HOST_AF), df, cInverted) | acId) >>> 0;
  }

  run(): RunResult {
    const { opts } = this;
    const maxBlocks = opts.maxBlocks ?? 1_000_000;
    if (!this.regionOf(this.entry)) throw new InputError(this.file, `entry ${hex(this.entry)} is not in mapped memory`, "usage");
    this.initRegisters();
    this.translateAhead();
    let rip = this.entry;
    let stop = "";
    let runs = 0;
    let single = false;
    for (;;) {
      if (rip === RETURN_SENTINEL) { stop = "return"; break; }
      const h = this.blockAt(rip, true, single);
      single = false;
      if (!h) { stop = `fault: fetch-unmapped at ${hex(rip)}`; break; }
      if (++runs > maxBlocks) throw new InputError(this.file, `still running after ${maxBlocks} blocks at ${hex(rip)} (raise --max-blocks)`, "runaway");
      this.lastFault = undefined;
      this.pairSecond = false;
      const err = this.arm.start(h.host, this.pages.stop, 0, 0);
      // A fault, or a stop by the alignment or pair handler (err 0, the fault recorded).
      if (err !== 0 || this.lastFault) {
        const pc = this.arm.reg(ARM64_REG.PC);
        const at = this.hostedAt(pc);
        const entry = at && findFault(at.tb.faults, Number(pc - at.host) / 4, this.pairSecond);
        if (!at || !entry) { stop = `fault: host ${this.arm.errorText(err)} at ${hex(pc)} (not a guest instruction${at ? `: word ${Number(pc - at.host) / 4} of the block for ${hex(at.tb.guestStart)}` : ""})`; break; }
        rip = at.tb.guestStart + BigInt(entry.guestOffset);
        if (entry.state & 1) this.arm.setRegNum(ARM64_REG.NZCV, (this.arm.regNum(ARM64_REG.NZCV) ^ 0x2000_0000) >>> 0);
        const f = this.lastFault as MemFault | undefined;
        if (f?.kind === "write-prot" && this.protectedPages.has(pageDown(f.address))) {
          this.invalidatePage(pageDown(f.address));
          const endPage = pageDown(f.address + BigInt(Math.max(1, f.size)) - 1n);
          if (endPage !== pageDown(f.address) && this.protectedPages.has(endPage)) this.invalidatePage(endPage);
          single = true;
          continue;
        }
        // A 32-bit guest's folded [x + k] that wrapped faults at 4 GiB + a, or below 0 (ABI §6): x86's address is a mod 2^32.
        const addr = f && this.bits === 32 ? BigInt.asUintN(32, f.address) : f?.address;
        stop = f ? `fault: ${f.kind} at ${hex(addr!)}` : `fault: ${this.arm.errorText(err)} at ${hex(rip)}`;
        break;
      }
      this.arm.readBatch(this.exitRegs);
      rip = this.exitRegs.values[0]!;
      const sym = symbolTaken(this.exitRegs.num(1), Number(this.pages.stub));
      if (sym === SYM.dispatch) continue;
      if (sym === SYM.hlt) {
        rip += BigInt(this.lengthAt(rip));
        stop = "hlt";
        break;
      }
      if (sym === SYM.divide_error) {
        // #DE (ABI §5): the state is that of before the DIV/IDIV at x16; the x86 reference stops there too.
        stop = `fault: interrupt 0 at ${hex(rip)}`;
        break;
      }
      if (sym === SYM.load_segment) {
        const r = this.loadSegment(rip);
        if (typeof r === "string") { stop = r; break; }
        rip = r;
        continue;
      }
      if (sym === SYM.far_transfer) { stop = this.farTransfer(rip); break; }
      if (sym === SYM.rdrand || sym === SYM.rdseed || sym === SYM.rdpid) {
        rip = this.readHelper(rip, sym);
        continue;
      }
      if (sym === SYM.fallback) {
        this.fallbacks++;
        const m = this.mnemonicAt(rip);
        this.stats.fallbackMnemonics[m] = (this.stats.fallbackMnemonics[m] ?? 0) + 1;
      }
      // fallback and the other runtime helpers: run the one instruction on the x86 engine.
      const r = this.stepX86(rip);
      if (typeof r === "string") { stop = r; rip = this.x86!.reg(this.bits === 64 ? X86_REG.RIP : X86_REG.EIP); break; }
      rip = r;
    }
    return this.result(rip, stop, runs);
  }

  /** The guest register of x86 register r (a GPR of any width) as a number of its mode's width. */
  private gpr(r: number): bigint {
    const n = r >= R.GPR64 ? r - R.GPR64 : r >= R.GPR32 ? r - R.GPR32 : r >= R.GPR16 ? r - R.GPR16 : -1;
    return n < 0 ? 0n : this.arm.reg(armX(HOST_GPR[n]!));
  }

  /** `n` bytes (little-endian) at guest address va, or undefined outside mapped memory. */
  private readGuest(va: bigint, n: number): bigint | undefined {
    const r = this.regionOf(va);
    if (!r || va + BigInt(n) > r.addr + BigInt(r.size)) return undefined;
    let v = 0n;
    for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(r.buf[Number(va - r.addr) + k]!);
    return v;
  }

  /** The decoded instruction's memory operand address (effective address plus an FS/GS base). */
  private memAddr(i: Insn): bigint {
    if (i.memBase === R.RIP || i.memBase === R.EIP) return BigInt(i.memDisp);
    let a = BigInt(i.memDisp) + (i.memBase ? this.gpr(i.memBase) : 0n) + (i.memIndex ? this.gpr(i.memIndex) * BigInt(i.memScale) : 0n);
    const fs = i.segPrefix === R.SEG + 4, gs = i.segPrefix === R.SEG + 5;
    if (fs || gs) a += this.stateView.getBigUint64(fs ? STATE.FS_BASE : STATE.GS_BASE, true);
    return BigInt.asUintN(this.bits === 64 && i.asz === 64 ? 64 : 32, a);
  }

  /** `load_segment` (segments.ts): perform the MOV Sreg / POP Sreg at rip; the next RIP, or a stop text (#GP). */
  private loadSegment(rip: bigint): bigint | string {
    const i = this.insn, len = this.lengthAt(rip), pop = this.mnemonicAt(rip) === "POP";
    const s = i.reg[0]! - R.SEG, sp = this.arm.reg(armX(HOST_GPR[4]!)), w = i.osz / 8;
    const src = pop ? this.readGuest(sp, 2) : i.kind[1] === K.MEM ? this.readGuest(this.memAddr(i), 2) : this.gpr(i.reg[1]!);
    if (src === undefined) return `fault: read-unmapped at ${hex(pop ? sp : this.memAddr(i))}`;
    const sel = Number(src & 0xffffn);
    if (!this.seg.load(this.stateView, s, sel)) return `fault: general protection loading ${SEG_NAMES[s]} with selector ${hex(sel)} (no such descriptor) at ${hex(rip)}`;
    if (pop) this.arm.setReg(armX(HOST_GPR[4]!), BigInt.asUintN(this.bits, sp + BigInt(w)));
    return rip + BigInt(len);
  }

  /**
   * `rdrand`, `rdseed`, `rdpid` (random.ts): write the value into the instruction's register in its
   * width, RDRAND/RDSEED's flags, and continue after it.
   */
  private readHelper(rip: bigint, sym: number): bigint {
    const len = this.lengthAt(rip), r = this.insn.reg[0]!;
    const bits = r >= R.GPR64 ? 64 : r >= R.GPR32 ? 32 : 16;
    const home = armX(HOST_GPR[r - (bits === 64 ? R.GPR64 : bits === 32 ? R.GPR32 : R.GPR16)]!);
    this.arm.setReg(home, writeGpr(this.arm.reg(home), helperValue(sym, bits), bits));
    if (sym !== SYM.rdpid) this.setFlags(randomFlags(this.eflags()));
    return rip + BigInt(len);
  }

  /** `far_transfer`: a far CALL/JMP/RETF at rip to a selector other than CS, which `aot run` cannot follow. */
  private farTransfer(rip: bigint): string {
    const i = this.insn;
    this.lengthAt(rip);
    const w = BigInt(i.osz / 8), sp = this.arm.reg(armX(HOST_GPR[4]!));
    const sel = i.kind[0] === K.FAR ? BigInt(i.immHi & 0xffff) : this.readGuest(i.kind[0] === K.MEM ? this.memAddr(i) + w : sp + w, 2) ?? -1n;
    return `fault: far transfer to code selector ${hex(sel)} (CS is ${hex(this.seg.get(this.stateView, 1))}): a mode switch such as WOW64's far jump into 64-bit code, which aot run does not perform, at ${hex(rip)}`;
  }

  private lengthAt(rip: bigint): number {
    const r = this.regionOf(rip)!;
    return this.dec.decode(r.buf, Number(rip - r.addr), r.size, Number(rip), this.insn) || 1;
  }

  private mnemonicAt(rip: bigint): string {
    const r = this.regionOf(rip);
    if (!r || !this.dec.decode(r.buf, Number(rip - r.addr), r.size, Number(rip), this.insn)) return "(invalid)";
    return this.insn.mnemonic ? mnemonicName(this.insn.mnemonic) : "(invalid)";
  }

  private translateAhead(): void {
    const r = this.regionOf(this.entry)!;
    const d = discover([{ va: Number(r.addr), bytes: r.buf }], [Number(this.entry)], this.bits);
    for (const start of d.blocks.keys()) this.blockAt(BigInt(start), false);
  }

  private x86Engine(): Engine {
    if (this.x86) return this.x86;
    const e = (this.x86 = Engine.x86(this.bits));
    for (const r of this.regions) e.mapPtr(r.addr, r.size, UC_PROT.ALL, r.buf);
    for (const p of this.protectedPages) e.protect(p, 0x1000, UC_PROT.READ | UC_PROT.EXEC);
    e.onMemInvalid((f) => {
      if (f.kind === "write-prot" && this.protectedPages.has(pageDown(f.address))) {
        this.invalidatePage(pageDown(f.address));
        return true;
      }
      this.lastFault = f;
      return false;
    });
    return e;
  }

  /** Run the instruction at `rip` on the x86 engine with the state synced both ways; the next RIP, or a stop text. */
  private stepX86(rip: bigint): bigint | string {
    const e = this.x86Engine();
    const ids = this.bits === 64 ? X86_GPR64_IDS : X86_GPR32_IDS;
    for (let i = 0; i < ids.length; i++) e.setReg(ids[i]!, this.arm.reg(armX(HOST_GPR[i]!)));
    e.setReg(X86_REG.EFLAGS, BigInt(this.eflags()));
    this.arm.readBatch(this.vregs); // save V0.. into STATE.XMM
    e.writeBatch(this.xmmRegs);
    const fs = this.stateView.getBigUint64(STATE.FS_BASE, true), gs = this.stateView.getBigUint64(STATE.GS_BASE, true);
    if (this.bits === 64) {
      e.setReg(X86_REG.FS_BASE, fs);
      e.setReg(X86_REG.GS_BASE, gs);
    } else if (fs !== this.x86Fs || gs !== this.x86Gs) {
      // A descriptor each (Engine.setSegBase32), rewritten only when a base changed.
      e.setSegBase32(0, Number(fs));
      e.setSegBase32(1, Number(gs));
      this.x86Fs = fs;
      this.x86Gs = gs;
    }
    e.setReg(this.bits === 64 ? X86_REG.RIP : X86_REG.EIP, rip);
    this.lastFault = undefined;
    const err = e.start(rip, 0n, 0, 1);
    const next = e.reg(this.bits === 64 ? X86_REG.RIP : X86_REG.EIP);
    for (let i = 0; i < ids.length; i++) this.arm.setReg(armX(HOST_GPR[i]!), e.reg(ids[i]!));
    this.setFlags(Number(e.reg(X86_REG.EFLAGS)));
    e.readBatch(this.xmmRegs); // into STATE.XMM, restored to V0.. from there
    this.arm.writeBatch(this.vregs);
    if (err !== 0) {
      const f = this.lastFault as MemFault | undefined;
      if (f) return `fault: ${f.kind} at ${hex(f.address)}`;
      const text = e.errorText(err);
      if (/invalid instruction/i.test(text)) return `fault: invalid instruction at ${hex(rip)}`;
      return `fault: ${text} at ${hex(rip)}`;
    }
    return next;
  }

  private result(rip: bigint, stop: string, runs: number): RunResult {
    const names = this.bits === 64 ? GPR64_NAMES : GPR32_NAMES;
    const regs: Record<string, string> = {};
    names.forEach((n, i) => (regs[n] = hex(this.arm.reg(armX(HOST_GPR[i]!)))));
    this.arm.readBatch(this.vregs);
    for (let x = 0; x < xmmCount(this.bits); x++) regs[`xmm${x}`] = hex(xmmValue(this.xmmSlots, 4 * x));
    const dump: Record<string, string> = {};
    for (const d of this.opts.dumps ?? []) {
      const r = this.regionOf(d.addr);
      if (!r || d.addr + BigInt(d.len) > r.addr + BigInt(r.size)) throw new InputError(this.file, `--dump ${hex(d.addr)}:${d.len} is not inside mapped memory`, "usage");
      const o = Number(d.addr - r.addr);
      dump[hex(d.addr)] = Buffer.from(r.buf.subarray(o, o + d.len)).toString("hex");
    }
    return {
      regs, rip: hex(rip), eflags: hex(this.eflags()), stop, blocks: runs, fallbacks: this.fallbacks, dump,
      detail: { ...this.stats, alignTraps: this.aligner.traps, codeBase: this.codeBase },
    };
  }
}


function mnemonicName(id: number): string {
  return tables().mnemonics[id] ?? "?";
}
