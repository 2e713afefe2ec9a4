/**
 * @file x86 decode speed (stage 11 bench): our decoder against iced-x86's (WASM) in the same
 * process, on real code, doing the same work on both sides.
 *
 * Code: the `.text` of Wine's x86_64 kernel32, ntdll, msvcrt and user32 when the corpus is
 * installed (`AOT_CORPUS_DIR` or ~/.cache/aot-corpus), else the embedded sample hello64.exe. Two loops per
 * side, each a linear sweep writing into one reused Float64Array record, no allocation per
 * instruction on our side:
 *  - full: length, form (iced: Code), mnemonic and every operand — kind, register, memory
 *    base/index/scale/displacement, immediate, branch target — as plain numbers;
 *  - mnemonic: length and mnemonic only. Ours uses `new Decoder(bits, { operands: false })`, which
 *    skips filling operands (validity unchanged, see test/x86/length-mode.test.ts); iced has no
 *    such mode. `mnemonic_loop_full_decoder` is the same loop on our full decoder.
 * Each figure is the best of several timed sweeps. Heap growth is measured over a 10 M
 * instruction run of our full loop. Start-up: fresh `bun` processes time the first decoded
 * instruction (from process start, and from the decoder's import), against compiling the tables
 * from the rows, which is what every start paid before `_generated.ts` (median of 5 each).
 *
 *   const r = await benchDecode(); // { instructions, bytes, ours_ips, iced_ips, ratio, mnemonic_loop, heap_growth_bytes, startup }
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { Decoder, Insn, K } from "../../x86/index.ts";
import { codeSections, parsePe } from "../../pe/index.ts";
import { InputError } from "../../util/errors.ts";

export interface LoopResult { ours_ips: number; iced_ips: number; ratio: number }
export interface DecodeResult extends LoopResult {
  source: string;
  instructions: number;
  bytes: number;
  mnemonic_loop: LoopResult;
  mnemonic_loop_full_decoder: LoopResult;
  heap_growth_bytes: number;
  heap_instructions: number;
  startup: StartupResult;
}

export interface StartupResult {
  /**
   * Process start → first instruction decoded (bun's own start-up included). Inside the single
   * binary there are no sources to import in a probe process, so there it is the wall time of a
   * whole `aot disasm --count 1` process instead (`mode: "binary"`).
   */
  first_insn_ms: number;
  /** Importing the decoder (tables loaded from `_generated.ts`) → first instruction decoded; null in the binary. */
  decoder_ready_ms: number | null;
  /** Compiling the tables from the rows (`buildTables()`), in a fresh process; null in the binary. */
  rows_build_ms: number | null;
  mode: "source" | "binary";
}

interface Code { name: string; bytes: Uint8Array; va: number; bits: 32 | 64 }

const DLLS = ["kernel32.dll", "ntdll.dll", "msvcrt.dll", "user32.dll"];

function textOf(bytes: Uint8Array, file: string): Code {
  const pe = parsePe(bytes, file);
  const code = codeSections(pe);
  const text = code.find((c) => c.name === ".text") ?? code[0];
  if (!text) throw new InputError(file, "no executable section", "no-code");
  return {
    name: `${file.split("/").pop()} ${text.name}`,
    bytes: text.bytes,
    va: Number(pe.imageBase) + text.rva,
    bits: pe.is64 ? 64 : 32,
  };
}

async function loadCode(): Promise<Code[]> {
  const dir = join(process.env.AOT_CORPUS_DIR ?? join(homedir(), ".cache", "aot-corpus"), "x86_64-windows");
  const found = DLLS.map((d) => join(dir, d)).filter((f) => existsSync(f));
  if (found.length) return found.map((f) => textOf(readFileSync(f), f));
  const { sampleBytes, sampleName } = await import("../../cli/_samples.ts");
  return [textOf(await sampleBytes(64), sampleName(64))];
}

const now = () => Bun.nanoseconds() / 1e9;

const X86 = join(import.meta.dir, "..", "..", "x86");
const FIRST_INSN = `const t0 = performance.now();
const { Decoder, Insn } = await import(${JSON.stringify(join(X86, "index.ts"))});
const i = new Insn();
new Decoder(64).decode(new Uint8Array([0x48, 0x89, 0xe5]), 0, 3, 0, i);
const t1 = performance.now();
console.log(JSON.stringify([t1, t1 - t0, i.length]));`;
const ROWS_BUILD = `const { buildTables } = await import(${JSON.stringify(join(X86, "tables", "_build.ts"))});
const t0 = performance.now();
buildTables();
console.log(JSON.stringify([performance.now() - t0]));`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[s.length >> 1]!.toFixed(1));
}

/** `bun build --compile` puts our modules under /$bunfs; a probe cannot import them from outside. */
const inBinary = import.meta.dir.startsWith("/$bunfs") || import.meta.dir.startsWith("B:/~BUN");

/** In the single binary: wall time of `aot disasm` decoding one instruction, median of `runs`. */
function binaryStartup(runs: number): StartupResult {
  const dir = mkdtempSync(join(tmpdir(), "aot-startup-"));
  try {
    const raw = join(dir, "mov.bin");
    writeFileSync(raw, new Uint8Array([0x48, 0x89, 0xe5]));
    const times = Array.from({ length: runs }, () => {
      const t0 = performance.now();
      const p = Bun.spawnSync([process.execPath, "disasm", "--mode", "64", "--count", "1", "--json", raw], { stdout: "pipe", stderr: "pipe" });
      const t = performance.now() - t0;
      if (p.exitCode !== 0 || !p.stdout.toString().includes('"len":3')) throw new Error(`startup probe failed: ${p.stderr.toString().trim()}`);
      return t;
    });
    return { first_insn_ms: median(times), decoder_ready_ms: null, rows_build_ms: null, mode: "binary" };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Start-up figures from fresh processes (median of `runs`). */
export function benchStartup(runs = 5): StartupResult {
  if (inBinary) return binaryStartup(runs);
  const spawn = (code: string): number[] => {
    const p = Bun.spawnSync([process.execPath, "-e", code], { stdout: "pipe", stderr: "pipe" });
    if (p.exitCode !== 0) throw new Error(`startup probe failed: ${p.stderr.toString().trim()}`);
    return JSON.parse(p.stdout.toString()) as number[];
  };
  const first = Array.from({ length: runs }, () => spawn(FIRST_INSN));
  if (first.some((r) => r[2] !== 3)) throw new Error("startup probe: mov rbp, rsp did not decode to 3 bytes");
  const build = Array.from({ length: runs }, () => spawn(ROWS_BUILD)[0]!);
  return { first_insn_ms: median(first.map((r) => r[0]!)), decoder_ready_ms: median(first.map((r) => r[1]!)), rows_build_ms: median(build), mode: "source" };
}
const rec = new Float64Array(32);

/** Our full-operand sweep; returns the instruction count. */
function oursFull(dec: Decoder, insn: Insn, code: Uint8Array, va: number): number {
  let n = 0;
  const end = code.length;
  for (let p = 0; p < end; n++) {
    const len = dec.decode(code, p, end, va + p, insn);
    rec[0] = len;
    rec[1] = insn.form;
    rec[2] = insn.mnemonic;
    const c = insn.opCount;
    for (let k = 0; k < c; k++) {
      const kind = insn.kind[k]!;
      const o = 3 + k * 5;
      rec[o] = kind;
      switch (kind) {
        case K.REG: rec[o + 1] = insn.reg[k]!; break;
        case K.MEM: case K.MEM_SI: case K.MEM_DI:
          rec[o + 1] = insn.memBase; rec[o + 2] = insn.memIndex; rec[o + 3] = insn.memScale; rec[o + 4] = insn.memDisp; break;
        case K.IMM: rec[o + 1] = insn.imm; rec[o + 2] = insn.immHi; break;
        case K.IMM2: rec[o + 1] = insn.imm2; break;
        case K.BRANCH: rec[o + 1] = insn.target; break;
        case K.FAR: rec[o + 1] = insn.imm; rec[o + 2] = insn.immHi; break;
      }
    }
    p += len || 1;
  }
  return n;
}

function oursMnemonic(dec: Decoder, insn: Insn, code: Uint8Array, va: number): number {
  let n = 0;
  const end = code.length;
  for (let p = 0; p < end; n++) {
    const len = dec.decode(code, p, end, va + p, insn);
    rec[0] = len;
    rec[2] = insn.mnemonic;
    p += len || 1;
  }
  return n;
}

type Iced = typeof import("iced-x86");

function icedFull(iced: Iced, d: InstanceType<Iced["Decoder"]>, ii: InstanceType<Iced["Instruction"]>, va: bigint): number {
  const { OpKind } = iced;
  d.position = 0;
  d.ip = va;
  let n = 0;
  while (d.canDecode) {
    d.decodeOut(ii);
    n++;
    rec[0] = ii.length;
    rec[1] = ii.code;
    rec[2] = ii.mnemonic;
    const c = ii.opCount;
    for (let k = 0; k < c; k++) {
      const kind = ii.opKind(k);
      const o = 3 + k * 5;
      rec[o] = kind;
      switch (kind) {
        case OpKind.Register: rec[o + 1] = ii.opRegister(k); break;
        case OpKind.Memory:
          rec[o + 1] = ii.memoryBase; rec[o + 2] = ii.memoryIndex; rec[o + 3] = ii.memoryIndexScale; rec[o + 4] = Number(ii.memoryDisplacement); break;
        case OpKind.MemorySegSI: case OpKind.MemorySegESI: case OpKind.MemorySegRSI: case OpKind.MemorySegDI: case OpKind.MemorySegEDI:
        case OpKind.MemorySegRDI: case OpKind.MemoryESDI: case OpKind.MemoryESEDI: case OpKind.MemoryESRDI:
          rec[o + 1] = ii.memorySegment; break;
        case OpKind.Immediate8: rec[o + 1] = ii.immediate8; break;
        case OpKind.Immediate8_2nd: rec[o + 1] = ii.immediate8_2nd; break;
        case OpKind.Immediate16: rec[o + 1] = ii.immediate16; break;
        case OpKind.Immediate32: rec[o + 1] = ii.immediate32; break;
        case OpKind.Immediate8to16: rec[o + 1] = ii.immediate8to16; break;
        case OpKind.Immediate8to32: rec[o + 1] = ii.immediate8to32; break;
        case OpKind.Immediate64: rec[o + 1] = Number(ii.immediate64); break;
        case OpKind.Immediate8to64: rec[o + 1] = Number(ii.immediate8to64); break;
        case OpKind.Immediate32to64: rec[o + 1] = Number(ii.immediate32to64); break;
        case OpKind.NearBranch16: rec[o + 1] = ii.nearBranch16; break;
        case OpKind.NearBranch32: rec[o + 1] = ii.nearBranch32; break;
        case OpKind.NearBranch64: rec[o + 1] = Number(ii.nearBranch64); break;
        case OpKind.FarBranch16: rec[o + 1] = ii.farBranch16; rec[o + 2] = ii.farBranchSelector; break;
        case OpKind.FarBranch32: rec[o + 1] = ii.farBranch32; rec[o + 2] = ii.farBranchSelector; break;
      }
    }
  }
  return n;
}

function icedMnemonic(d: InstanceType<Iced["Decoder"]>, ii: InstanceType<Iced["Instruction"]>, va: bigint): number {
  d.position = 0;
  d.ip = va;
  let n = 0;
  while (d.canDecode) {
    d.decodeOut(ii);
    n++;
    rec[0] = ii.length;
    rec[2] = ii.mnemonic;
  }
  return n;
}

/** Best instructions/second over `repeats` timed runs of `run` (each returning its count). */
function best(run: () => number, repeats: number): { ips: number; n: number } {
  let bestT = Infinity;
  let n = 0;
  for (let r = 0; r < repeats; r++) {
    const t0 = now();
    n = run();
    bestT = Math.min(bestT, now() - t0);
  }
  return { ips: n / bestT, n };
}

const loop = (ours: number, iced: number): LoopResult => ({
  ours_ips: Math.round(ours), iced_ips: Math.round(iced), ratio: Number((ours / iced).toFixed(3)),
});

export async function benchDecode(repeats = 15, heapInstructions = 10_000_000): Promise<DecodeResult> {
  const startup = benchStartup();
  const codes = await loadCode();
  const iced = await import("iced-x86");
  const dec = new Decoder(codes[0]!.bits);
  const lenDec = new Decoder(codes[0]!.bits, { operands: false });
  const insn = new Insn();
  const ii = new iced.Instruction();
  const ds = codes.map((c) => new iced.Decoder(c.bits, c.bytes, iced.DecoderOptions.None));
  const vas = codes.map((c) => BigInt(c.va));
  const sum = (f: (i: number) => number) => () => codes.reduce((n, _, i) => n + f(i), 0);
  const runOursFull = sum((i) => oursFull(dec, insn, codes[i]!.bytes, codes[i]!.va));
  const runOursMnem = sum((i) => oursMnemonic(lenDec, insn, codes[i]!.bytes, codes[i]!.va));
  const runOursMnemFull = sum((i) => oursMnemonic(dec, insn, codes[i]!.bytes, codes[i]!.va));
  const runIcedFull = sum((i) => icedFull(iced, ds[i]!, ii, vas[i]!));
  const runIcedMnem = sum((i) => icedMnemonic(ds[i]!, ii, vas[i]!));
  // Warm up both sides so the JIT and the WASM instance are hot before timing.
  for (let i = 0; i < 10; i++) { runOursFull(); runOursMnem(); runOursMnemFull(); runIcedFull(); runIcedMnem(); }
  const of = best(runOursFull, repeats);
  const icf = best(runIcedFull, repeats);
  const om = best(runOursMnem, repeats);
  const icm = best(runIcedMnem, repeats);
  const omf = best(runOursMnemFull, repeats);
  for (const d of ds) d.free();
  ii.free();
  // Decode memory: heap growth across a long run of the full loop.
  Bun.gc(true);
  const before = process.memoryUsage().heapUsed;
  let done = 0;
  while (done < heapInstructions) done += runOursFull();
  Bun.gc(true);
  const after = process.memoryUsage().heapUsed;
  return {
    source: codes.map((c) => c.name).join(", "),
    instructions: of.n,
    bytes: codes.reduce((n, c) => n + c.bytes.length, 0),
    ...loop(of.ips, icf.ips),
    mnemonic_loop: loop(om.ips, icm.ips),
    mnemonic_loop_full_decoder: loop(omf.ips, icm.ips),
    heap_growth_bytes: after - before,
    heap_instructions: done,
    startup,
  };
}
