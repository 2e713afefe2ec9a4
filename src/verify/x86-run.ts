/**
 * @file Stage 9 (verifier): the x86 reference runner, the oracle side of `aot run`. Runs a raw binary
 * or a PE image on Unicorn's x86 CPU from a fixed initial state and reports the final state in
 * the JSON shape the translated runner prints too. {@link X86Harness} is the low-level form for
 * differential tests: one engine, one snippet, millions of cheap runs.
 *
 * The contract (shared with the translated runner; keep it exact):
 * - The image (raw bytes at `base`, or a PE mapped at its preferred ImageBase with its section
 *   bytes, no relocation, no imports) is mapped read/write/execute, size rounded up to 4 KiB.
 *   Execution starts at `entry` (default: `base`, or the PE's entry point).
 * - `maps` are extra read/write zero-filled regions (rounded out to 4 KiB pages).
 * - Every register is zero except those in `regs`; EFLAGS = 0x2 unless `regs.eflags` is given.
 *   `regs.xmm0`..`xmm15` (`xmm7` for 32-bit code) are 128-bit values.
 * - With a `stack`, it is mapped RW, `sp` defaults to its top, the 32-bit value
 *   {@link RETURN_SENTINEL} (never mapped) is stored at [sp - wordsize] and rsp/esp starts at
 *   sp - wordsize. A final `ret` pops it: stop "return", rsp/esp = sp, rip = the sentinel.
 *   A `regs.rsp`/`regs.esp` is applied after this and wins. `sp` without `stack` just sets rsp.
 * - Stops: "return"; "hlt" (rip = the address after the hlt, as the CPU reports it; Unicorn's
 *   uc_emu_start returns OK there with no hook, so the runner checks that the last executed
 *   instruction was a hlt); "limit" (maxInsns ran, rip = the next instruction);
 *   "fault: <read|write|fetch>-<unmapped|prot> at 0x<data address>",
 *   "fault: interrupt <n> at 0x<rip>" (int3 = 3, int n, #DE = 0, ...),
 *   "fault: invalid instruction at 0x<rip>", "fault: <Unicorn error text> at 0x<rip>".
 * - `insns` counts instructions as Unicorn's code hook sees them: a `rep` string instruction
 *   counts once per iteration plus once more (`rep stosb` with rcx=5 counts 6), and a store into
 *   the running block can count twice (environment.md §9). hlt counts; the instruction that
 *   faults or raises the interrupt (int3, ud2, div by 0) does not.
 * - `dump` reads memory after the run: {"0x<addr>": "<lowercase hex bytes>"}.
 * - `regs` reports the GPRs, then `xmm0`..`xmm15` (`xmm7` for 32-bit code), every one in the
 *   same compact hex form (`0x0`, `0x1f`; up to 32 digits for an XMM register).
 *
 *   const r = runX86({ bits: 64, image: { raw: code, base: 0x400000n },
 *     stack: { addr: 0x7f0000n, size: 0x10000 }, regs: { rcx: 10n } });
 *   r.stop;          // "return"
 *   r.regs.rax;      // "0x37"
 */
import { loadPeFileSync, mapImage } from "../pe/index.ts";
import { Engine, RegBatch, UC_ERR, UC_PROT, X86_GPR32_IDS, X86_GPR64_IDS, X86_REG, X86_XMM_IDS, type MemFault } from "../runtime/unicorn.ts";
import { InputError } from "../util/errors.ts";
import { Decoder, Insn, tables } from "../x86/index.ts";
import { SEG_IDS, SEG_NAMES, setUpSegments } from "./segments.ts";

/** Return address pushed under the initial stack pointer; a 32-bit value so 32-bit code works. */
export const RETURN_SENTINEL = 0xdead0000n;

export const GPR64_NAMES = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"] as const;
export const GPR32_NAMES = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"] as const;
/** XMM registers a run carries: 16 in 64-bit mode, 8 in 32-bit mode (XMM8..15 do not exist there). */
export const xmmCount = (bits: 32 | 64): number => (bits === 64 ? 16 : 8);

/** `xmm<n>` → n when that register exists in the mode, else -1. */
export function xmmIndex(bits: 32 | 64, name: string): number {
  const m = /^xmm(\d{1,2})$/.exec(name.toLowerCase());
  const n = m ? Number(m[1]) : -1;
  return n >= 0 && n < xmmCount(bits) ? n : -1;
}

/** A 128-bit register held as four little-endian 32-bit words at `w[at]`.. as a number. */
export function xmmValue(w: Uint32Array, at = 0): bigint {
  return (BigInt(w[at + 3]!) << 96n) | (BigInt(w[at + 2]!) << 64n) | (BigInt(w[at + 1]!) << 32n) | BigInt(w[at]!);
}

/** Store a 128-bit value as four little-endian 32-bit words at `w[at]`.. (higher bits are dropped). */
export function setXmmValue(w: Uint32Array, at: number, v: bigint): void {
  const u = BigInt.asUintN(128, v);
  for (let k = 0; k < 4; k++) w[at + k] = Number((u >> BigInt(32 * k)) & 0xffffffffn);
}

const PAGE = 0x1000n;
const pageDown = (a: bigint): bigint => a & ~(PAGE - 1n);
const pageUp = (a: bigint): bigint => (a + PAGE - 1n) & ~(PAGE - 1n);
const hex = (v: bigint | number): string => `0x${v.toString(16)}`;

export interface X86RunOptions {
  bits: 32 | 64;
  image: { raw: Uint8Array; base: bigint } | { pe: string };
  entry?: bigint;
  stack?: { addr: bigint; size: number };
  sp?: bigint;
  maps?: { addr: bigint; size: number }[];
  /**
   * Initial registers by name: rax..r15, eax..edi, xmm0..xmm15 (128-bit), rip/eip is `entry`, eflags, fs_base, gs_base,
   * and the selectors es, cs, ss, ds, fs, gs (any given: a GDT with the selectors of src/verify/segments.ts, which are
   * the ones that can be loaded; in 32-bit mode an fs_base/gs_base reloads FS/GS with their own descriptor).
   */
  regs?: Record<string, bigint>;
  dumps?: { addr: bigint; len: number }[];
  /** Stop with "limit" after this many instructions (0 or absent: no limit). */
  maxInsns?: number;
}

export interface X86RunResult {
  regs: Record<string, string>;
  rip: string;
  eflags: string;
  stop: string;
  insns: number;
  dump: Record<string, string>;
}

/** Register ids by lower-case name for `regs`; 32-bit names are valid in both modes. */
function regId(bits: 32 | 64, name: string): number {
  const n = name.toLowerCase();
  if (n === "eflags" || n === "rflags") return X86_REG.EFLAGS;
  if (bits === 64) {
    const i = GPR64_NAMES.indexOf(n as (typeof GPR64_NAMES)[number]);
    if (i >= 0) return X86_GPR64_IDS[i]!;
    if (n === "fs_base") return X86_REG.FS_BASE;
    if (n === "gs_base") return X86_REG.GS_BASE;
  }
  const j = GPR32_NAMES.indexOf(n as (typeof GPR32_NAMES)[number]);
  if (j >= 0) return X86_GPR32_IDS[j]!;
  throw new InputError("", `unknown ${bits}-bit register name "${name}"`, "usage");
}

// Legacy and REX prefixes: a hlt may carry any of them and still be a hlt.
const PREFIX = new Set([0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3]);
function isHlt(bytes: Uint8Array, bits: 32 | 64): boolean {
  if (bytes.length === 0 || bytes[bytes.length - 1] !== 0xf4) return false;
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i]!;
    if (!PREFIX.has(b) && !(bits === 64 && (b & 0xf0) === 0x40)) return false;
  }
  return true;
}

/** Map the image; returns its default entry point. */
function loadImage(e: Engine, image: X86RunOptions["image"], bits: 32 | 64): bigint {
  if ("raw" in image) {
    const lo = pageDown(image.base);
    const size = Number(pageUp(image.base + BigInt(Math.max(1, image.raw.length))) - lo);
    e.map(lo, size, UC_PROT.ALL);
    e.write(image.base, image.raw);
    return image.base;
  }
  const pe = loadPeFileSync(image.pe);
  if (pe.is64 !== (bits === 64)) throw new InputError(image.pe, `is ${pe.format} but the run asked for ${bits}-bit x86`, "usage");
  const img = mapImage(pe);
  e.map(img.base, Number(pageUp(BigInt(img.memory.length))), UC_PROT.ALL);
  e.write(img.base, img.memory);
  return img.base + BigInt(pe.entryRva);
}

/** Run a program once on a fresh engine; see the file overview for the exact contract. */
export function runX86(opts: X86RunOptions): X86RunResult {
  const { bits } = opts;
  const word = bits === 64 ? 8 : 4;
  const e = Engine.x86(bits);
  try {
    const imageEntry = loadImage(e, opts.image, bits);
    const entry = opts.entry ?? imageEntry;
    for (const m of opts.maps ?? []) {
      const lo = pageDown(m.addr);
      e.map(lo, Number(pageUp(m.addr + BigInt(m.size)) - lo), UC_PROT.READ | UC_PROT.WRITE);
    }
    const spId = bits === 64 ? X86_REG.RSP : X86_REG.ESP;
    if (opts.stack) {
      const lo = pageDown(opts.stack.addr);
      e.map(lo, Number(pageUp(opts.stack.addr + BigInt(opts.stack.size)) - lo), UC_PROT.READ | UC_PROT.WRITE);
      const sp = (opts.sp ?? opts.stack.addr + BigInt(opts.stack.size)) - BigInt(word);
      const ret = new Uint8Array(word);
      new DataView(ret.buffer).setUint32(0, Number(RETURN_SENTINEL), true);
      e.write(sp, ret);
      e.setReg(spId, sp);
    } else if (opts.sp !== undefined) e.setReg(spId, opts.sp);
    e.setReg(X86_REG.EFLAGS, 2n);
    const xmm = new Uint32Array(new ArrayBuffer(64));
    // Segment selectors (es..gs): a GDT (segments.ts) and the selectors loaded, before any FS/GS base.
    const sels = Object.entries(opts.regs ?? {}).filter(([n]) => (SEG_NAMES as readonly string[]).includes(n.toLowerCase()));
    if (sels.length) setUpSegments(e, bits);
    for (const [n, v] of sels) e.setReg(SEG_IDS[(SEG_NAMES as readonly string[]).indexOf(n.toLowerCase())]!, v);
    for (const [name, v] of Object.entries(opts.regs ?? {})) {
      const n = name.toLowerCase();
      if ((SEG_NAMES as readonly string[]).includes(n)) continue;
      const x = xmmIndex(bits, n);
      if (x >= 0) {
        setXmmValue(xmm, 0, v);
        e.setVreg(X86_XMM_IDS[x]!, new Uint8Array(xmm.buffer, 0, 16));
      }
      // 32-bit segment bases come from descriptors (Engine.setSegBase32).
      else if (bits === 32 && (n === "fs_base" || n === "gs_base")) e.setSegBase32(n === "fs_base" ? 0 : 1, Number(BigInt.asUintN(32, v)));
      else e.setReg(regId(bits, name), v);
    }

    let insns = 0, lastAddr = -1n, lastSize = 0;
    const max = opts.maxInsns ?? 0;
    let limited = false;
    e.onCode((addr, size) => {
      // The hook runs before the instruction: stopping here means it never executes.
      if (max > 0 && insns >= max) {
        limited = true;
        e.stop();
        return;
      }
      insns++;
      lastAddr = addr;
      lastSize = size;
    });
    let fault: MemFault | undefined;
    e.onMemInvalid((f) => ((fault ??= f), false));
    let intno: number | undefined;
    e.onInterrupt((n) => {
      intno ??= n;
      e.stop();
    });

    const err = e.start(entry, RETURN_SENTINEL);
    const ipId = bits === 64 ? X86_REG.RIP : X86_REG.EIP;
    const rip = e.reg(ipId);
    let stop: string;
    if (err === UC_ERR.OK && rip === RETURN_SENTINEL) stop = "return";
    else if (fault?.kind === "fetch-unmapped" && fault.address === RETURN_SENTINEL) stop = "return";
    else if (fault) stop = `fault: ${fault.kind} at ${hex(fault.address)}`;
    else if (intno !== undefined) stop = `fault: interrupt ${intno} at ${hex(rip)}`;
    else if (err === UC_ERR.INSN_INVALID) stop = `fault: invalid instruction at ${hex(rip)}`;
    else if (err !== UC_ERR.OK) stop = `fault: ${e.errorText(err)} at ${hex(rip)}`;
    else if (limited) stop = "limit";
    else if (lastSize > 0 && lastAddr + BigInt(lastSize) === rip && isHlt(e.read(lastAddr, lastSize), bits)) stop = "hlt";
    else stop = `fault: stopped at ${hex(rip)}`;
    if (fault || intno !== undefined || err !== UC_ERR.OK) insns = Math.max(0, insns - 1); // the faulting one did not retire

    const names = bits === 64 ? GPR64_NAMES : GPR32_NAMES;
    const ids = bits === 64 ? X86_GPR64_IDS : X86_GPR32_IDS;
    const regs: Record<string, string> = {};
    names.forEach((n, i) => (regs[n] = hex(e.reg(ids[i]!))));
    for (let x = 0; x < xmmCount(bits); x++) {
      xmm.set(new Uint32Array(e.vreg(X86_XMM_IDS[x]!).buffer));
      regs[`xmm${x}`] = hex(xmmValue(xmm));
    }
    const dump: Record<string, string> = {};
    for (const d of opts.dumps ?? []) dump[hex(d.addr)] = Buffer.from(e.read(d.addr, d.len)).toString("hex");
    return { regs, rip: hex(rip), eflags: hex(e.reg(X86_REG.EFLAGS)), stop, insns, dump };
  } finally {
    e.close();
  }
}

/**
 * One engine running one short snippet again and again. Fill `input` (GPRs in encoding order,
 * then EFLAGS; XMM0..XMM15, XMM0..XMM7 in 32-bit mode, in `input.vec`), call `run()`, read
 * `output` (GPRs, EFLAGS, then RIP; the XMMs in `output.vec`) — two FFI calls for all registers,
 * no BigInt needed (RegBatch.num / u32 / setNum). Set only status flags (0x8d5) and bit 1 in
 * EFLAGS: TF or DF would change what the snippet does.
 *
 *   const h = new X86Harness(64);
 *   h.load(new Uint8Array([0x48, 0x01, 0xd8]));   // add rax, rbx
 *   h.input.setNum(0, 1); h.input.setNum(3, 2); h.input.setNum(16, 2);
 *   h.run();                                      // 0 (uc_err)
 *   h.output.num(0);                              // 3
 */
export class X86Harness {
  readonly engine: Engine;
  readonly input: RegBatch;
  readonly output: RegBatch;
  /** Index of EFLAGS in input/output, and of RIP in output. */
  readonly flagsIndex: number;
  readonly ripIndex: number;
  /** XMM registers carried: 16, or 8 in 32-bit mode (the vector slice of ABI §3). */
  readonly xmms: number;
  readonly codeAddr: bigint;
  // Numbers, not bigints, for the hot start() call (addresses here are far below 2^53).
  private readonly codeNum: number;
  private endNum: number;
  private readonly codeSize: number;
  private fill: Uint8Array | undefined;

  constructor(
    readonly bits: 32 | 64,
    opts: { codeAddr?: bigint; codeSize?: number; maps?: { addr: bigint; size: number; perms?: number }[] } = {},
  ) {
    this.engine = Engine.x86(bits);
    this.codeAddr = opts.codeAddr ?? 0x10000n;
    this.codeSize = opts.codeSize ?? 0x1000;
    this.codeNum = Number(this.codeAddr);
    this.endNum = this.codeNum;
    this.engine.map(this.codeAddr, this.codeSize, UC_PROT.ALL);
    for (const m of opts.maps ?? []) this.engine.map(m.addr, m.size, m.perms ?? UC_PROT.READ | UC_PROT.WRITE);
    const gprs = bits === 64 ? X86_GPR64_IDS : X86_GPR32_IDS;
    this.flagsIndex = gprs.length;
    this.ripIndex = gprs.length + 1;
    this.xmms = xmmCount(bits);
    const xmm = X86_XMM_IDS.slice(0, this.xmms);
    this.input = new RegBatch([...gprs, X86_REG.EFLAGS], xmm);
    this.output = new RegBatch([...gprs, X86_REG.EFLAGS, bits === 64 ? X86_REG.RIP : X86_REG.EIP], xmm);
    this.input.setNum(this.flagsIndex, 2);
  }

  /** Place a snippet at codeAddr; runs go from codeAddr to its end. Drops stale translations. */
  load(code: Uint8Array): void {
    if (code.length > this.codeSize) throw new Error(`snippet of ${code.length} bytes exceeds the ${this.codeSize}-byte code area`);
    // int3 everywhere else: a branch out of the snippet meets a clean trap, never the tail of an
    // earlier, longer snippet (Unicorn's x86 translator aborts the process on some byte strings).
    this.engine.write(this.codeAddr, this.fill ??= new Uint8Array(this.codeSize).fill(0xcc));
    this.engine.write(this.codeAddr, code);
    this.engine.invalidate(this.codeAddr, this.codeAddr + BigInt(this.codeSize));
    this.endNum = this.codeNum + code.length;
  }

  /**
   * Write `input`, run the snippet, read `output`; returns the uc_err code (0 ok). Use either
   * counted (`count` > 0) or uncounted runs on one harness, not both (a counted run slows later
   * uncounted runs on the same engine 30-600x).
   */
  run(count = 0, timeoutUs = 0): number {
    const e = this.engine;
    e.writeBatch(this.input);
    const err = e.start(this.codeNum, this.endNum, timeoutUs, count);
    e.readBatch(this.output);
    return err;
  }

  write(addr: bigint, bytes: Uint8Array): void {
    this.engine.write(addr, bytes);
  }

  read(addr: bigint, len: number): Uint8Array {
    return this.engine.read(addr, len);
  }

  close(): void {
    this.engine.close();
  }
}

/**
 * Unicorn 2.0.1's IDIV helpers for 16 and 32 bits compute DX:AX / EDX:EAX with a host integer
 * division, which traps for INT_MIN / -1: SIGFPE kills the whole process. x86 raises #DE for that
 * dividend whatever the divisor (the quotient's magnitude is at least 2^16 or 2^32), so a code
 * hook stops the run before such an IDIV and sets `tripped`: the caller skips that state instead
 * of comparing it. `watch` names the IDIVs of the code about to run (decoded once per code).
 *
 *   const g = new IdivGuard(32); g.attach(engine); g.watch(code, va);
 *   g.tripped = false; engine.start(...); if (g.tripped) skip();
 */
export class IdivGuard {
  /** Why a tripped state is skipped (the Differ and aot verify --exec count it under this). */
  static readonly REASON = "oracle: IDIV of INT_MIN (Unicorn's helper would divide it natively and kill the process; x86 raises #DE)";
  private readonly at = new Map<number, 2 | 4>();
  tripped = false;

  constructor(private readonly bits: 32 | 64) {}

  /** Hook every engine the watched code runs on. */
  attach(e: Engine): void {
    e.onCode((addr) => {
      const osz = this.at.get(Number(addr));
      if (osz === undefined) return;
      const w = BigInt(osz * 8);
      const dx = BigInt.asUintN(Number(w), e.reg(X86_REG.EDX)), ax = BigInt.asUintN(Number(w), e.reg(X86_REG.EAX));
      if (ax === 0n && dx === 1n << (w - 1n)) {
        this.tripped = true;
        e.stop();
      }
    });
  }

  /** The IDIV r/m16 and r/m32 in code[from, end) (code[0] at `va`), replacing the previous list. */
  watch(code: Uint8Array, va: number, from = 0, end = code.length): void {
    this.at.clear();
    const t = tables(), dec = new Decoder(this.bits), insn = new Insn();
    for (let off = from; off < end;) {
      const len = dec.decode(code, off, end, va + off, insn);
      if (!len) break;
      if (t.mnemonics[insn.mnemonic] === "IDIV" && (insn.osz === 16 || insn.osz === 32)) this.at.set(va + off, insn.osz === 16 ? 2 : 4);
      off += len;
    }
  }
}
