/**
 * @file Stage 9 (verifier): what differential tests feed both CPUs: seeded random guest states with
 * registers biased towards the values that break translations (0, 1, -1, sign boundaries, small
 * shift counts), memory operands steered into mapped windows (aligned where the CPU demands it),
 * encodings re-aimed at a window (RIP-relative, absolute and moffs addresses: aim.ts), and random
 * straight-line blocks over the core integer set assembled with nasm.
 *
 * Entry: a decoded `Insn` (for placement) or nothing (blocks); a seed. Exit: `GuestState`s, window
 * addresses, and byte strings; nothing here runs code (src/verify/diff.ts does).
 *
 *   const rng = prng(1);
 *   const plan = planMemory(insn, 64);          // registers that address memory, or a skip reason
 *   randomState(rng, 64, s); placeState(plan, rng, s, LAYOUT[64]);
 *   const blocks = assembleBlocks(64, [randomBlock(rng, 64).lines]);
 */
import { ALL, FL, bitsLine, shift2Line, vectorLine, type LineSink } from "./gen-groups.ts";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Insn, K, PF, R, tables } from "../x86/index.ts";
import type { GuestState } from "./a64-run.ts";
import { requiredAlignment } from "./xmm.ts";

/** Seeded PRNG (mulberry32, as test/_prng.ts): values in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export type Rng = () => number;
const u32 = (rng: Rng): number => (rng() * 4294967296) >>> 0;
const below = (rng: Rng, n: number): number => Math.floor(rng() * n);

/** A guest memory window, mapped in both engines (from separate buffers with the same initial bytes). */
export interface WindowSpec { name: string; addr: number; size: number }
export interface Layout {
  /** Guest address of the instruction or block under test. */
  code: number;
  data: WindowSpec;
  stack: WindowSpec;
  /** 64-bit mode: a data window below 4 GiB for 32-bit addressing (67 prefix); absent in 32-bit mode. */
  low?: WindowSpec;
}

/**
 * 64-bit: everything above 4 GiB (a translation that truncates an address faults), data within
 * ±2 GiB of the code so RIP-relative operands reach it. 32-bit: data above 2 GiB (a sign-extended
 * 32-bit address faults).
 */
export const LAYOUT: Record<32 | 64, Layout> = {
  64: {
    code: 0x1_4000_1000,
    data: { name: "data", addr: 0x1_6000_0000, size: 0x2000 },
    stack: { name: "stack", addr: 0x1_7000_0000, size: 0x2000 },
    low: { name: "low", addr: 0x9abc_0000, size: 0x2000 },
  },
  32: {
    code: 0x0040_1000,
    data: { name: "data", addr: 0x9abc_0000, size: 0x2000 },
    stack: { name: "stack", addr: 0x7ffd_0000, size: 0x2000 },
  },
};

/** [lo, hi] pairs that break translations: 0, ±1, sign boundaries of every width, all ones. */
const SPECIAL: readonly (readonly [number, number])[] = [
  [0, 0], [1, 0], [0xffffffff, 0xffffffff], [2, 0], [0xfffffffe, 0xffffffff],
  [0x7f, 0], [0x80, 0], [0xff, 0], [0xffffff80, 0xffffffff], [0x7fff, 0], [0x8000, 0], [0xffff, 0], [0xffff8000, 0xffffffff],
  [0x7fffffff, 0], [0x80000000, 0], [0xffffffff, 0], [0x80000000, 0xffffffff], [0, 1],
  [0xffffffff, 0x7fffffff], [0, 0x80000000], [1, 0x80000000], [0x80, 0x80000000], [0x8000, 0x8000],
];

/** Fill register `i` of `s` with a biased random value (64-bit, or 32-bit with a zero high half). */
export function pickValue(rng: Rng, bits: 32 | 64, s: GuestState, i: number): void {
  const r = rng();
  let lo: number, hi: number;
  if (r < 0.3) [lo, hi] = SPECIAL[below(rng, SPECIAL.length)]!;
  else if (r < 0.45) {
    // Small counts and their negatives (shift counts, loop counters, indexes).
    const v = below(rng, 70);
    [lo, hi] = rng() < 0.75 ? [v, 0] : [(-v) >>> 0, v ? 0xffffffff : 0];
  } else if (r < 0.55) {
    // A random 32-bit value, sign- or zero-extended.
    lo = u32(rng);
    hi = rng() < 0.5 ? 0 : lo & 0x80000000 ? 0xffffffff : 0;
  } else if (r < 0.62) {
    // A random value with only one byte or word set (partial-register results).
    const sh = 8 * below(rng, 4);
    lo = (below(rng, 256) << sh) >>> 0;
    hi = rng() < 0.3 ? u32(rng) : 0;
  } else [lo, hi] = [u32(rng), u32(rng)];
  s.gpr[2 * i] = lo;
  s.gpr[2 * i + 1] = bits === 64 ? hi : 0;
}

/** Random registers and status flags (DF = 0, the only direction our ABI starts a block with). */
export function randomState(rng: Rng, bits: 32 | 64, s: GuestState): void {
  const n = bits === 64 ? 16 : 8;
  for (let i = 0; i < n; i++) pickValue(rng, bits, s, i);
  for (let i = n; i < 16; i++) s.gpr[2 * i] = s.gpr[2 * i + 1] = 0;
  // Shift counts: CL small more often than the generic bias gives.
  if (rng() < 0.4) s.gpr[2] = ((s.gpr[2]! & ~0xff) | below(rng, 70)) >>> 0;
  s.eflags = (u32(rng) & 0x8d5) | 2;
}

/** One memory reference the instruction makes, and the window it must land in. */
export interface MemRef {
  /** GPR indexes (x86 order) of base and index, -1 if none. */
  base: number;
  index: number;
  scale: number;
  disp: number;
  /** Address size in bits (32: the address wraps at 4 GiB). */
  asz: 32 | 64;
  size: number;
  window: "data" | "stack" | "low";
  /** The alignment the CPU enforces on this operand (aligned SSE forms: `requiredAlignment`), always met; else chosen at random. */
  align?: number;
}

export interface MemPlan {
  refs: MemRef[];
  /** RSP (and for LEAVE/ENTER, RBP) go into the stack window. */
  stackRegs: number[];
  /** A REP string instruction: RCX gets a count of 0..8. */
  smallCount?: boolean;
  /** An FS (0) or GS (1) override: the references' targets are linear addresses, and `placeState` picks the base (`GuestState.seg`). */
  seg?: number;
}

/** Mnemonics whose memory operand is not accessed. */
const NO_ACCESS = new Set(["lea", "nop"]);
const STACK_RBP = new Set(["leave", "enter"]);

function gprIndex(r: number): number {
  if (r >= R.GPR64 && r < R.GPR64 + 16) return r - R.GPR64;
  if (r >= R.GPR32 && r < R.GPR32 + 16) return r - R.GPR32;
  return -2;
}

/**
 * Which registers must point into which window for `insn` to touch only mapped memory, or why the
 * instruction cannot be placed (16-bit addressing, segment bases, a fixed address — absolute,
 * moffs, RIP-relative — outside every window: re-aim it first with `aimAbsolute`).
 */
export function planMemory(insn: Insn, bits: 32 | 64, layout: Layout): MemPlan | string {
  const mn = (tables().mnemonics[insn.mnemonic] ?? "").toLowerCase();
  const plan: MemPlan = { refs: [], stackRegs: [4] };
  if (STACK_RBP.has(mn)) plan.stackRegs.push(5);
  if (insn.segPrefix === R.SEG + 4 || insn.segPrefix === R.SEG + 5) {
    // 64-bit: the Differ writes FS_BASE/GS_BASE; 32-bit: a GDT descriptor (Unicorn ignores the base registers there).
    plan.seg = insn.segPrefix - R.SEG - 4;
  }
  const align = requiredAlignment(insn, mn);
  const aligned = align ? { align } : {};
  for (let k = 0; k < insn.opCount; k++) {
    const kind = insn.kind[k]!;
    if (kind === K.FAR) continue; // ptr16:32: an immediate, no memory
    if (kind !== K.MEM && kind !== K.MEM_SI && kind !== K.MEM_DI) continue;
    if (kind === K.MEM && NO_ACCESS.has(mn)) continue;
    if (insn.vsib) return "vsib";
    if (insn.asz === 16) return "16-bit addressing";
    const asz = insn.asz === 64 ? 64 : 32;
    const window = asz === 32 && bits === 64 ? "low" : "data";
    const size = Math.max(1, insn.memSize);
    if (kind !== K.MEM) {
      // String operands: [rSI] / [rDI]; a REP count stays small so the run stays in the window.
      plan.refs.push({ base: kind === K.MEM_SI ? 6 : 7, index: -1, scale: 0, disp: 0, asz, size, window });
      if (insn.prefixes & (PF.REP | PF.REPNE)) plan.smallCount = true;
      continue;
    }
    // XLAT reads [rBX + AL]: rBX goes 256 bytes below the window's end, whatever AL is.
    if (mn === "xlatb") {
      plan.refs.push({ base: 3, index: -1, scale: 1, disp: 0, asz, size: 256, window });
      continue;
    }
    const base = insn.memBase && insn.memBase !== R.RIP && insn.memBase !== R.EIP ? gprIndex(insn.memBase) : -1;
    const index = insn.memIndex ? gprIndex(insn.memIndex) : -1;
    if (base === -2 || index === -2) return "unsupported address register";
    if (base < 0 && index < 0 && plan.seg !== undefined) {
      // A fixed offset from a segment base (`mov rax, gs:[0x30]`): placeState picks the base.
      plan.refs.push({ base: -1, index: -1, scale: 1, disp: insn.memDisp, asz, size, window: "data", ...aligned });
      continue;
    }
    if (base < 0 && index < 0) {
      // A fixed address (the decoder resolves RIP-relative ones): it must already be in a window.
      const a = insn.memDisp;
      const w = [layout.data, layout.stack, layout.low].find((x) => x && a >= x.addr && a + size <= x.addr + x.size);
      if (!w) return "absolute address out of reach";
      plan.refs.push({ base: -1, index: -1, scale: 1, disp: a, asz, size, window: w.name as MemRef["window"], ...aligned });
      continue;
    }
    plan.refs.push({ base, index, scale: insn.memScale || 1, disp: insn.memDisp, asz, size, window: base === 4 ? "stack" : window, ...aligned });
  }
  return plan;
}

const TWO32 = 4294967296;
function setAddr(s: GuestState, i: number, v: number, asz: 32 | 64, rng: Rng, bits: 32 | 64): void {
  if (asz === 32) {
    s.gpr[2 * i] = ((v % TWO32) + TWO32) % TWO32 >>> 0;
    // 32-bit addressing in 64-bit mode ignores the high half: make it random.
    s.gpr[2 * i + 1] = bits === 64 ? u32(rng) : 0;
  } else s.setGpr(i, v);
}

/**
 * Set the registers of `plan` so every reference lands inside its window (index small, base
 * solved for), RSP inside the stack window. `targets` receives the addresses chosen (memory there
 * is re-randomised per state); false when two references cannot be satisfied at once.
 */
export function placeState(plan: MemPlan, rng: Rng, s: GuestState, layout: Layout, bits: 32 | 64, targets: number[]): boolean {
  targets.length = 0;
  const word = bits === 64 ? 8 : 4;
  const st = layout.stack;
  // RSP: 8-aligned (4 in 32-bit mode) near the middle of the stack window, rarely misaligned.
  const sp = st.addr + st.size / 2 + word * (below(rng, 64) - 32) + (rng() < 0.05 ? 4 : 0);
  for (const r of plan.stackRegs) s.setGpr(r, r === 4 ? sp : sp + word * below(rng, 16));
  targets.push(sp);
  if (plan.smallCount) s.setGpr(1, below(rng, 9));
  s.seg.fill(0);
  // Segment base: page-aligned below 128 MiB, so a target minus the base stays a valid 32-bit
  // offset in the low window; a fixed offset instead takes the base that puts it on the target.
  let segBase = plan.seg !== undefined ? 0x1000 * below(rng, 0x8000) : 0;
  const fixed = new Map<number, number>();
  for (const ref of plan.refs) {
    const w = ref.window === "stack" ? layout.stack : ref.window === "low" ? layout.low! : layout.data;
    const align = ref.align ?? (rng() < 0.8 ? Math.min(ref.size, 16) : 1);
    let t = w.addr + 0x100 + below(rng, (w.size - 0x200) / align) * align;
    const sc = ref.scale;
    let disp = ref.disp;
    if (plan.seg !== undefined) {
      if (ref.base < 0 && ref.index < 0) segBase = t - disp;
      disp += segBase;
    }
    if (ref.base >= 0 && ref.index === ref.base) {
      const v = Math.round((t - disp) / (1 + sc));
      setAddr(s, ref.base, v, ref.asz, rng, bits);
      t = v * (1 + sc) + disp;
    } else {
      let idx = 0;
      if (ref.index >= 0) {
        if (fixed.has(ref.index)) idx = fixed.get(ref.index)!;
        else {
          idx = ref.base < 0 ? Math.round((t - disp) / sc) : below(rng, 16) - 4;
          setAddr(s, ref.index, idx, ref.asz, rng, bits);
          fixed.set(ref.index, idx);
        }
      }
      if (ref.base >= 0) {
        const b = t - idx * sc - disp;
        if (fixed.has(ref.base) && fixed.get(ref.base) !== b) return false;
        setAddr(s, ref.base, b, ref.asz, rng, bits);
        fixed.set(ref.base, b);
      } else t = idx * sc + disp;
    }
    if (ref.asz === 32 && plan.seg === undefined) t = ((t % TWO32) + TWO32) % TWO32;
    if (t < w.addr || t + ref.size > w.addr + w.size) return false;
    // Solving base = index (or an index without a base) can move the target off the alignment.
    if (ref.align && t % ref.align) return false;
    targets.push(t);
  }
  if (plan.seg !== undefined) {
    const u = BigInt.asUintN(64, BigInt(segBase));
    s.seg[2 * plan.seg] = Number(u & 0xffffffffn);
    s.seg[2 * plan.seg + 1] = Number(u >> 32n);
  }
  return true;
}

export { aimAbsolute, toRipRelative } from "./aim.ts";

/** Run nasm on `src` (bits/org lines included by the caller) and return the flat binary. */
export function nasm(src: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "aot-verify-"));
  try {
    writeFileSync(join(dir, "a.asm"), src);
    const p = Bun.spawnSync(["nasm", "-f", "bin", "-o", join(dir, "a.bin"), join(dir, "a.asm")]);
    if (p.exitCode !== 0) throw new Error(`nasm: ${p.stderr.toString().split("\n").slice(0, 5).join("\n")}`);
    return new Uint8Array(readFileSync(join(dir, "a.bin")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ── Random straight-line blocks ──────────────────────────────────────────────────────────────
// RBX/EBX points into the data window and RSP into the stack window for the whole block: no
// template writes them. The generator tracks which flags are undefined (SDM, per template) so a
// flag reader (cmovcc, setcc, adc, sbb, jcc) never reads one; diff.ts recomputes the mask from
// the rows of the decoded forms and drops a block whose reader would still see an undefined flag.

const CCS = ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"] as const;
const CC_READ = [FL.O, FL.O, FL.C, FL.C, FL.Z, FL.Z, FL.C | FL.Z, FL.C | FL.Z, FL.S, FL.S, FL.P, FL.P, FL.S | FL.O, FL.S | FL.O, FL.Z | FL.S | FL.O, FL.Z | FL.S | FL.O];
const HI = ["r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"];
const NAMES: Record<number, string[]> = {
  64: ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", ...HI],
  32: ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", ...HI.map((r) => r + "d")],
  16: ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di", ...HI.map((r) => r + "w")],
  8: ["al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", ...HI.map((r) => r + "b")],
};
const HIGH8 = ["ah", "ch", "dh", "bh"];
const PTR: Record<number, string> = { 8: "byte", 16: "word", 32: "dword", 64: "qword" };

/** An operand as nasm text, with what it needs: a REX prefix, or no REX (AH..BH). */
interface Opnd { t: string; rex: boolean; high: boolean; mem: boolean }

export interface RandomBlock {
  /** nasm lines, one instruction each. */
  lines: string[];
}

class BlockGen implements LineSink {
  undef = 0;
  readonly lines: string[] = [];
  private readonly mb: string;
  constructor(readonly rng: Rng, readonly bits: 32 | 64) {
    this.mb = bits === 64 ? "rbx" : "ebx";
  }
  pick<T>(a: readonly T[]): T {
    return a[below(this.rng, a.length)]!;
  }
  size(min = 8): number {
    const s = this.pick(this.bits === 64 ? [8, 16, 32, 32, 64, 64] : [8, 16, 32, 32, 32]);
    return s < min ? min : s;
  }
  /** A register of `size` bits; `w`: it will be written (never RBX/RSP). */
  reg(size: number, w: boolean, noRex = false): Opnd {
    const { rng } = this;
    if (size === 8 && rng() < 0.25) {
      const i = below(rng, w ? 3 : 4);
      return { t: HIGH8[i]!, rex: false, high: true, mem: false };
    }
    const n = this.bits === 64 && !noRex ? 16 : size === 8 && this.bits === 32 ? 4 : 8;
    for (;;) {
      const i = below(rng, n);
      if (w && (i === 3 || i === 4)) continue;
      if (size === 8 && noRex && i >= 4) continue;
      return { t: NAMES[size]![i]!, rex: i >= 8 || (size === 8 && i >= 4) || size === 64, high: false, mem: false };
    }
  }
  mem(size: number): Opnd {
    const d = this.rng() < 0.8 ? below(this.rng, 0x100) - 0x80 : below(this.rng, 0xe00) - 0x700;
    return { t: `${PTR[size]} [${this.mb}${d < 0 ? "-" : "+"}0x${Math.abs(d).toString(16)}]`, rex: size === 64, high: false, mem: true };
  }
  memRaw(): string {
    const d = below(this.rng, 0x100) - 0x80;
    return `[${this.mb}${d < 0 ? "-" : "+"}0x${Math.abs(d).toString(16)}]`;
  }
  rm(size: number, w: boolean, noRex = false): Opnd {
    return this.rng() < 0.3 ? this.mem(size) : this.reg(size, w, noRex);
  }
  /** A second operand compatible with `a` (AH..BH cannot meet a REX prefix). */
  second(a: Opnd, size: number, w: boolean, allowMem: boolean): Opnd {
    for (;;) {
      const b = allowMem && !a.mem && this.rng() < 0.3 ? this.mem(size) : this.reg(size, w, a.high);
      if (a.rex && b.high) continue;
      return b;
    }
  }
  imm(size: number): string {
    const r = this.rng();
    if (r < 0.4) return String(below(this.rng, 256) - 128);
    const v = size === 8 ? below(this.rng, 256) : size === 16 ? below(this.rng, 0x10000) : u32(this.rng) | 0;
    return String(v);
  }
  /** A condition whose flags are all defined now, or -1. */
  cc(): number {
    const ok = CCS.map((_, i) => i).filter((i) => (CC_READ[i]! & this.undef) === 0);
    return ok.length ? this.pick(ok) : -1;
  }
  emit(line: string, w = 0, u = 0, cond = false): void {
    this.lines.push(line);
    this.undef = cond ? this.undef | u : (this.undef & ~w) | u;
  }

  one(): void {
    const { rng, bits } = this;
    const k = below(rng, 21);
    switch (k) {
      case 0: case 1: { // mov
        const s = this.size();
        const a = this.rm(s, true);
        if (rng() < 0.3) this.emit(`mov ${a.t}, ${s === 64 && !a.mem && rng() < 0.5 ? `0x${u32(rng).toString(16)}${u32(rng).toString(16).padStart(8, "0")}` : this.imm(s)}`);
        else {
          const b = this.second(a, s, false, true);
          this.emit(`mov ${a.t}, ${b.t}`);
        }
        return;
      }
      case 2: { // movzx / movsx / movsxd
        const d = this.size(16);
        if (d === 64 && rng() < 0.3) {
          this.emit(`movsxd ${this.reg(64, true).t}, ${this.rm(32, false).t}`);
          return;
        }
        const src = d === 16 ? 8 : this.pick([8, 16]);
        const a = this.reg(d, true);
        const b = this.rng() < 0.3 ? this.mem(src) : this.second(a, src, false, false);
        this.emit(`${this.pick(["movzx", "movsx"])} ${a.t}, ${b.mem ? b.t : b.t}`);
        return;
      }
      case 3: { // cmovcc
        const c = this.cc();
        if (c < 0) return this.emit("nop");
        const s = this.size(16);
        this.emit(`cmov${CCS[c]} ${this.reg(s, true).t}, ${this.rm(s, false).t}`);
        return;
      }
      case 4: { // lea
        const s = this.pick(bits === 64 ? [16, 32, 64, 64] : [16, 32, 32]);
        const ab = bits === 64 ? 64 : 32;
        const base = NAMES[ab]![below(rng, bits === 64 ? 16 : 8)]!;
        let idx = NAMES[ab]![below(rng, bits === 64 ? 16 : 8)]!;
        if (idx === "rsp" || idx === "esp") idx = NAMES[ab]![0]!;
        const d = below(rng, 0x20000) - 0x10000;
        this.emit(`lea ${this.reg(s, true).t}, [${base}+${idx}*${this.pick([1, 2, 4, 8])}${d < 0 ? "-" : "+"}0x${Math.abs(d).toString(16)}]`);
        return;
      }
      case 5: case 6: case 7: { // two-operand ALU
        let op = this.pick(["add", "adc", "sub", "sbb", "cmp", "and", "or", "xor", "test"]);
        if ((op === "adc" || op === "sbb") && this.undef & FL.C) op = op === "adc" ? "add" : "sub";
        const logic = ["and", "or", "xor", "test"].includes(op);
        const s = this.size();
        const a = this.rm(s, op !== "cmp" && op !== "test");
        const r = rng();
        if (r < 0.35) this.emit(`${op} ${a.t}, ${this.imm(s)}`, ALL, logic ? FL.A : 0);
        else if (r < 0.7 || a.mem || op === "test") this.emit(`${op} ${a.t}, ${this.second(a, s, false, false).t}`, ALL, logic ? FL.A : 0);
        else {
          // reg, r/m: `a` is a register here; re-pick it writable for ops that write.
          const d = op === "cmp" ? a : this.reg(s, true);
          this.emit(`${op} ${d.t}, ${this.second(d, s, false, true).t}`, ALL, logic ? FL.A : 0);
        }
        return;
      }
      case 8: { // inc / dec / neg / not
        const op = this.pick(["inc", "dec", "neg", "not"]);
        const s = this.size();
        const a = this.rm(s, true);
        this.emit(`${op} ${a.t}`, op === "not" ? 0 : op === "neg" ? ALL : ALL & ~FL.C);
        return;
      }
      case 9: case 10: { // shifts and rotates: by 1, by imm, by CL
        const op = this.pick(["shl", "shr", "sar", "rol", "ror"]);
        const rot = op === "rol" || op === "ror";
        const how = below(rng, 3);
        const s = how === 2 ? this.pick(bits === 64 ? [32, 64] : [32]) : this.size();
        const a = this.rm(s, true);
        if (how === 0) this.emit(`${op} ${a.t}, 1`, rot ? FL.O | FL.C : ALL, rot ? 0 : FL.A);
        else if (how === 1) {
          // Counts below the width for 8/16-bit shifts (SDM: CF undefined at or above it); rotates take any.
          const max = rot ? 31 : s <= 16 ? s - 1 : s - 1;
          this.emit(`${op} ${a.t}, ${2 + below(rng, max - 1)}`, rot ? FL.O | FL.C : ALL, rot ? FL.O : FL.O | FL.A);
        } else this.emit(`${op} ${a.t}, cl`, rot ? FL.O | FL.C : ALL, rot ? FL.O : FL.O | FL.A, true);
        return;
      }
      case 11: { // imul (3 forms) / mul
        const r = below(rng, 4);
        const s = r < 2 ? this.size(16) : this.size();
        const u = FL.S | FL.Z | FL.A | FL.P;
        if (r === 0) this.emit(`imul ${this.reg(s, true).t}, ${this.rm(s, false).t}`, ALL, u);
        else if (r === 1) this.emit(`imul ${this.reg(s, true).t}, ${this.rm(s, false).t}, ${this.imm(s === 64 ? 32 : s)}`, ALL, u);
        else this.emit(`${r === 2 ? "imul" : "mul"} ${this.rm(s, false).t}`, ALL, u);
        return;
      }
      case 12: { // setcc
        const c = this.cc();
        if (c < 0) return this.emit("nop");
        this.emit(`set${CCS[c]} ${this.rm(8, true).t}`);
        return;
      }
      case 13: { // push / pop
        const s = bits === 64 ? 64 : 32;
        const r = below(rng, 5);
        if (r === 0) this.emit(`push ${this.reg(s, false).t}`);
        else if (r === 1) this.emit(`push ${this.pick(["byte ", ""])}${this.imm(8)}`);
        else if (r === 2) this.emit(`push ${this.mem(s).t}`);
        else this.emit(`pop ${r === 3 ? this.reg(s, true).t : this.mem(s).t}`);
        return;
      }
      case 14: // sign extensions
        this.emit(this.pick(bits === 64 ? ["cbw", "cwde", "cdqe", "cwd", "cdq", "cqo"] : ["cbw", "cwde", "cwd", "cdq"]));
        return;
      case 15: { // xchg reg, reg
        const s = this.size();
        const a = this.reg(s, true);
        this.emit(`xchg ${a.t}, ${this.second(a, s, true, false).t}`);
        return;
      }
      case 16: { // flag instructions, PUSHF/POPF, XLAT (flags.ts, control.ts, system.ts)
        const r = below(rng, 8);
        const s = bits === 64 ? 64 : 32;
        if (r === 0) this.emit("clc", FL.C);
        else if (r === 1) this.emit("stc", FL.C);
        else if (r === 2) this.emit(this.undef & FL.C ? "nop" : "cmc", this.undef & FL.C ? 0 : FL.C);
        else if (r === 3) this.emit(this.undef & (ALL & ~FL.O) ? "nop" : "lahf");
        else if (r === 4) this.emit("sahf", ALL & ~FL.O);
        else if (r === 5 && !this.undef) {
          this.emit(bits === 64 ? "pushfq" : "pushfd");
          this.emit(`pop ${this.reg(s, true).t}`);
        } else if (r === 6) {
          // Only flags the guest owns (no TF: the reference would single-step): the status flags,
          // DF, AC, ID; IF = 1: user-mode POPF cannot clear it, but the ring-0 reference would.
          this.emit(`push ${(u32(rng) & 0x240cd5) | 0x202}`);
          this.emit(bits === 64 ? "popfq" : "popfd", ALL);
        } else this.emit("xlatb");
        return;
      }
      case 17: { // atomics (atomic.ts): LOCK read-modify-write, XCHG/XADD/CMPXCHG with memory
        // No 32-bit CMPXCHG in 64-bit mode: Unicorn zero-extends the register the CPU leaves alone.
        const s = this.size();
        const m = this.mem(s);
        const r = below(rng, 5);
        if (r === 0) {
          let op = this.pick(["add", "adc", "sub", "sbb", "and", "or", "xor"]);
          if ((op === "adc" || op === "sbb") && this.undef & FL.C) op = op === "adc" ? "add" : "sub";
          const logic = ["and", "or", "xor"].includes(op);
          this.emit(`lock ${op} ${m.t}, ${rng() < 0.5 ? this.imm(s) : this.reg(s, false).t}`, ALL, logic ? FL.A : 0);
        } else if (r === 1) {
          // No LOCK NEG: Unicorn takes its SF/ZF/PF from the old value (oracle.ts referenceBytes).
          const op = this.pick(["inc", "dec", "not"]);
          this.emit(`lock ${op} ${m.t}`, op === "not" ? 0 : ALL & ~FL.C);
        } else if (r === 2) this.emit(`xchg ${m.t}, ${this.reg(s, true).t}`);
        else if (r === 3) this.emit(`lock xadd ${m.t}, ${this.reg(s, true).t}`, ALL);
        else if (s !== 32 || bits === 32) this.emit(`lock cmpxchg ${m.t}, ${this.reg(s, false).t}`, ALL);
        else this.emit("nop");
        return;
      }
      case 18: return bitsLine(this);
      case 19: return shift2Line(this);
      case 20: return vectorLine(this);
      default:
        this.emit("nop");
    }
  }
}

/** A random straight-line block of `min`..`max` instructions, ending in a jcc with probability `jcc`. */
export function randomBlock(rng: Rng, bits: 32 | 64, opts: { min?: number; max?: number; jcc?: number } = {}): RandomBlock {
  const min = opts.min ?? 2, max = opts.max ?? 12;
  const g = new BlockGen(rng, bits);
  const n = min + below(rng, max - min + 1);
  const withJcc = rng() < (opts.jcc ?? 0.3);
  while (g.lines.length < n - (withJcc ? 1 : 0)) g.one();
  if (withJcc) {
    const c = g.cc();
    // Forward past the block's end, into the int3 fill X86Harness.load puts around a snippet: a
    // taken branch must never land inside an instruction, where Unicorn's x86 engine can meet
    // bytes it aborts the whole process on (a "tcg fatal error" seen in the soak tier).
    const d = 0x10 + below(rng, 0x70);
    if (c < 0) g.emit("nop");
    else g.emit(`j${CCS[c]} ${rng() < 0.3 ? "near " : ""}$+0x${d.toString(16)}`);
  }
  return { lines: g.lines };
}

/** Stride between assembled blocks (12 instructions of at most 15 bytes fit). */
export const BLOCK_STRIDE = 256;

/**
 * Assemble many blocks with one nasm run: a table of 16-bit block lengths, then each block at a
 * fixed stride (position-independent code: each is later run at the layout's code address).
 */
export function assembleBlocks(bits: 32 | 64, blocks: string[][]): Uint8Array[] {
  const src = [`bits ${bits}`];
  blocks.forEach((_, i) => src.push(`dw b${i}e - b${i}`));
  src.push("align 16, db 0");
  blocks.forEach((lines, i) => {
    src.push(`b${i}:`, ...lines.map((l) => `  ${l}`), `b${i}e:`, `  times ${BLOCK_STRIDE} - ($ - b${i}) db 0xcc`);
  });
  const bin = nasm(src.join("\n") + "\n");
  const hdr = (blocks.length * 2 + 15) & ~15;
  const dv = new DataView(bin.buffer, bin.byteOffset);
  return blocks.map((_, i) => bin.slice(hdr + i * BLOCK_STRIDE, hdr + i * BLOCK_STRIDE + dv.getUint16(2 * i, true)));
}
