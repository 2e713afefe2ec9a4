/**
 * @file A differential harness with this machine's CPU as the reference (environment.md §9): one
 * x86-64 instruction runs natively inside a generated wrapper (guest GPRs and EFLAGS loaded from a
 * state record, stored back after) and, translated, on Unicorn's ARM64 CPU from the same state and
 * the same data window; GPRs, the defined flags (the row's `fu=` masked), the data window and the
 * exit must agree. For instructions Unicorn 2.0.1's x86 CPU rejects (POPCNT, MOVBE: #UD) or
 * computes differently from the SDM and the hardware (PDEP/PEXT operands swapped, BLSI's CF,
 * BEXTR/BZHI lengths past 31/63: the QEMU of Unicorn 2.0.1 clamps them).
 *
 * 64-bit only (a 32-bit guest cannot run inside this process). The data window is mapped at the
 * Differ's address (gen.ts LAYOUT) so `[rbx+disp]` operands mean the same on both sides.
 *
 *   const n = new NativeDiffer(translator(64), 1);
 *   n.test("pdep rax, rcx, rdx", 1000);   // mismatching states
 *   n.stats.reports
 */
import { CFunction, dlopen, FFIType, toArrayBuffer, type Pointer } from "bun:ffi";
import { A64Harness, GuestState } from "../../src/verify/a64-run.ts";
import { formFlags } from "../../src/verify/block-flags.ts";
import { flagText, type TranslateFn } from "../../src/verify/diff.ts";
import { LAYOUT, assembleBlocks, nasm, prng, randomState, type Rng } from "../../src/verify/gen.ts";
import { Decoder, Insn, tables } from "../../src/x86/index.ts";
import { SYM } from "../../src/ir/index.ts";

const libc = dlopen("libc.so.6", {
  mmap: { args: [FFIType.u64, FFIType.u64, FFIType.i32, FFIType.i32, FFIType.i32, FFIType.i64], returns: FFIType.u64 },
  mprotect: { args: [FFIType.u64, FFIType.u64, FFIType.i32], returns: FFIType.i32 },
  munmap: { args: [FFIType.u64, FFIType.u64], returns: FFIType.i32 },
});
const PROT_RW = 3, PROT_RX = 5, MAP_PRIVATE_ANON = 0x22, MAP_FIXED_NOREPLACE = 0x100000;
const COMPARED = 0xcd5;
const NAMES = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"];
const OFF = [0, 8, 16, 24, -1, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120];

/** The native wrapper around `insn` (its bytes): rdi = state record (16 GPR qwords, EFLAGS at 0x80). */
function wrapper(insn: Uint8Array): Uint8Array {
  const load = OFF.map((o, r) => (o < 0 || r === 7 ? "" : `mov ${NAMES[r]}, [rdi+${o}]`)).filter(Boolean);
  const store = OFF.map((o, r) => (o < 0 || r === 7 ? "" : `mov [rdi+${o}], ${NAMES[r]}`)).filter(Boolean);
  return nasm([
    "bits 64",
    "push rbx", "push rbp", "push r12", "push r13", "push r14", "push r15", "push rdi",
    "push qword [rdi+0x80]", "popfq",
    ...load, "mov rdi, [rdi+56]",
    `db ${[...insn].join(",")}`,
    "push rdi", "mov rdi, [rsp+8]", ...store, "pop qword [rdi+56]",
    "pushfq", "pop qword [rdi+0x80]",
    "pop rdi", "pop r15", "pop r14", "pop r13", "pop r12", "pop rbp", "pop rbx", "ret",
  ].join("\n") + "\n");
}

export class NativeDiffer {
  readonly stats = { cases: 0, states: 0, mismatches: 0, failing: {} as Record<string, number>, reports: [] as string[] };
  private readonly arm = new A64Harness(64, { seed: 5, alignment: "none" });
  private readonly rng: Rng;
  private readonly data = LAYOUT[64].data;
  private readonly native: Uint8Array;
  private readonly armBuf: Uint8Array;
  private readonly init: Uint8Array;
  private readonly rec = new BigUint64Array(17);
  private readonly s = new GuestState();
  private readonly dec = new Decoder(64);
  private readonly insn = new Insn();

  constructor(private readonly translate: TranslateFn, seed: number) {
    this.rng = prng(seed);
    const p = libc.symbols.mmap(this.data.addr, this.data.size, PROT_RW, MAP_PRIVATE_ANON | MAP_FIXED_NOREPLACE, -1, 0);
    if (Number(p) !== this.data.addr) throw new Error(`native data window not mapped at 0x${this.data.addr.toString(16)} (got 0x${p.toString(16)})`);
    this.native = new Uint8Array(toArrayBuffer(Number(p) as Pointer, 0, this.data.size));
    this.armBuf = new Uint8Array(this.data.size);
    this.init = new Uint8Array(this.data.size);
    this.arm.mapRegion(BigInt(this.data.addr), this.armBuf);
  }

  /** Run one instruction (nasm syntax) from `states` random states; `[rbx+…]` lands in the data window. Returns mismatches. */
  test(line: string, states: number): number {
    const code = assembleBlocks(64, [[line]])[0]!;
    const va = LAYOUT[64].code;
    if (!this.dec.decode(code, 0, code.length, va, this.insn)) throw new Error(`undecodable: ${line}`);
    const undefFlags = formFlags(tables().formIds[this.insn.form]!).u;
    const tb = this.translate(code, BigInt(va), 1);
    if (tb.fallback) throw new Error(`${line}: falls back (${tb.fallback})`);
    this.arm.load(tb);
    const w = wrapper(code);
    const page = libc.symbols.mmap(0, 4096, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
    new Uint8Array(toArrayBuffer(Number(page) as Pointer, 0, 4096)).set(w);
    libc.symbols.mprotect(page, 4096, PROT_RX);
    const run = CFunction({ ptr: Number(page) as Pointer, args: [FFIType.ptr], returns: FFIType.void });
    this.stats.cases++;
    let bad = 0;
    const { s, rec, rng } = this;
    for (let k = 0; k < states; k++) {
      randomState(rng, 64, s);
      // Bit-field controls (BEXTR start/length, BZHI index) often inside 0..71.
      for (let r = 0; r < 16; r++) if (rng() < 0.3) s.gpr[2 * r] = ((s.gpr[2 * r]! & 0xffff0000) | Math.floor(rng() * 72) | (Math.floor(rng() * 72) << 8)) >>> 0;
      s.setGpr(3, this.data.addr + 0x100 + 8 * Math.floor(rng() * 64));
      s.setGpr(4, LAYOUT[64].stack.addr + 0x1000);
      s.rip = va;
      for (let i = 0; i < this.init.length; i++) this.init[i] = (rng() * 256) | 0;
      this.native.set(this.init);
      this.armBuf.set(this.init);
      for (let r = 0; r < 16; r++) rec[r] = s.gprBig(r);
      rec[16] = BigInt(s.eflags);
      run(rec);
      this.arm.run(s);
      this.stats.states++;
      const out = this.arm.out;
      const diffs: string[] = [];
      for (let r = 0; r < 16; r++) {
        if (r === 4) continue;
        const want = rec[r]!, got = out.gprBig(r);
        if (want !== got) diffs.push(`${NAMES[r]}: cpu 0x${want.toString(16)}, translated 0x${got.toString(16)}`);
      }
      const mask = COMPARED & ~undefFlags, fx = Number(rec[16]!);
      if ((fx ^ out.eflags) & mask) diffs.push(`eflags: cpu ${flagText(fx)}, translated ${flagText(out.eflags)} (compared ${flagText(mask)})`);
      for (let i = 0; i < this.init.length; i++) {
        if (this.native[i] !== this.armBuf[i]) { diffs.push(`memory differs at 0x${(this.data.addr + i).toString(16)}`); break; }
      }
      if (this.arm.fault) diffs.push(`translated code faulted: ${this.arm.fault.kind}`);
      else if (this.arm.sym !== SYM.dispatch || this.arm.exitRip !== va + code.length) diffs.push(`exit: ${this.arm.sym} at 0x${this.arm.exitRip.toString(16)}`);
      if (!diffs.length) continue;
      bad++;
      this.stats.mismatches++;
      this.stats.failing[line] = (this.stats.failing[line] ?? 0) + 1;
      if (this.stats.failing[line]! <= 2 && this.stats.reports.length < 30) {
        const init = NAMES.map((n, r) => `${n}=0x${s.gprBig(r).toString(16)}`).join(" ");
        this.stats.reports.push(`MISMATCH ${line} [${Buffer.from(code).toString("hex")}]\n  initial ${init} eflags=${flagText(s.eflags)}\n  ${diffs.join("\n  ")}`);
      }
    }
    libc.symbols.munmap(page, 4096);
    return bad;
  }

  close(): void {
    this.arm.close();
    libc.symbols.munmap(this.data.addr, this.data.size);
  }
}
