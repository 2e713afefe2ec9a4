/**
 * @file Stage 9 (verifier): judging one `aot verify --exec` state (src/verify/cache-exec.ts runs
 * it): whether the cached code's run on Unicorn ARM64 agrees with Unicorn x86 on the guest bytes
 * (preserved host registers, GPRs, all 128 bits of every XMM register, defined flags, memory
 * windows, then the exit: a precise fault, a runtime-helper exit, a linked branch or the
 * dispatcher), and the text of a mismatch: the block's instructions, a table initial / x86 /
 * cached code with `*` on what differs, the XMM registers that differ with both values
 * (src/verify/report.ts rows) and every initial XMM value when one does.
 *
 *   const why = compare(run, blk, plan, stopped, ref, gprs, windows, entries, blocks, base);
 *   if (why) reports.push(report(run, blk, plan, s, ref, why, bits, base, stopped));
 */
import { EFLAGS_BIT, STATUS_FLAGS, SYM, SYM_NAMES } from "../ir/index.ts";
import type { GuestState } from "./a64-run.ts";
import type { ExecBlock } from "./cache-exec.ts";
import type { MemRef, WindowSpec } from "./gen.ts";
import { flagText, xmmDiffLines, xmmInitLines } from "./report.ts";
import { xmmDiffers } from "./xmm.ts";

/** What the static look at a block's guest instructions found: a skip reason, or how to run it. */
export interface Plan {
  skip?: string;
  refs: MemRef[];
  stackRegs: number[];
  /** EFLAGS bits compared at the end. */
  flagMask: number;
  /** EFLAGS bits compared at a fault at each instruction, by guest offset from the block start. */
  flagMaskAt: Map<number, number>;
  /** GPRs whose final value x86 leaves undefined in some states (BSF/BSR of zero). */
  regSkip: Set<number>;
  /** CMPXCHG/CMPXCHG8B with a memory operand: guest offset → length (see CMPXCHG_READ_ONLY). */
  cmpxchgAt: Map<number, number>;
  text: string[];
}

/** The outcome of one run of cached code, as the ARM64 runner leaves it. */
export interface ArmRun {
  readonly out: GuestState;
  /** Preserved host registers that changed (`x13`, `sp`, `v20`). */
  readonly clobbered: readonly string[];
  /** A stop inside or outside the block: its kind, and the guest RIP the side table gives (-1: none). */
  readonly fault: { kind: string; rip: number; hostWord: number; state: number } | undefined;
  /** Host word a linked branch reached (-1: none; -2 not a word; -3 the site holds no `b`). */
  readonly linkedTo: number;
  readonly sym: number;
  readonly exitRip: number;
}

/** A memory window as compared: each engine's copy as a Buffer. */
export interface CompareWindow {
  readonly spec: WindowSpec;
  readonly x86b: Buffer;
  readonly armb: Buffer;
}

const hex = (v: number | bigint): string => `0x${v.toString(16)}`;
const hex64 = (lo: number, hi: number): string => `0x${hi.toString(16).padStart(8, "0")}${lo.toString(16).padStart(8, "0")}`;
const NAMES64 = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"];
const names = (gprs: number): string[] => (gprs === 16 ? NAMES64 : NAMES64.slice(0, 8).map((n) => `e${n.slice(1)}`));

/** FLAG.* bits as EFLAGS bits. */
function eflagsOf(flags: number): number {
  let m = 0;
  for (const [bit, ef] of Object.entries(EFLAGS_BIT)) if (flags & Number(bit)) m |= 1 << ef;
  return m;
}

/**
 * Flags compared: at the block's end, those defined there that the next block may read
 * (`exitLive`, FLAG.* bits: every status flag unless the cache was compiled knowing it); at a precise fault, those defined before
 * the faulting instruction minus the side table's stale flags (ABI §9: their last writer was
 * removed as dead, so a handler sees an older value).
 */
function flagMaskOf(r: ArmRun, plan: Plan, start: number, stopped: string, refRip: number, exitLive: number): number {
  const f = r.fault;
  // An interrupt (#DE, int n) stops x86 before the instruction: the flags defined before it count.
  if (stopped.startsWith("interrupt") && !f) return plan.flagMaskAt.get(refRip - start) ?? plan.flagMask;
  // At the block's end, only the flags the next block may read (ABI §4, "Flags across blocks").
  if (!f || f.rip < 0) return plan.flagMask & (stopped ? ~0 : eflagsOf(exitLive));
  return (plan.flagMaskAt.get(f.rip - start) ?? plan.flagMask) & ~eflagsOf(f.state >> 1);
}

/**
 * Empty when the two runs agree, else what differs (one line). XMM registers are compared whole
 * in every state, also at a fault or a helper exit: the guest values must be in their homes there
 * (ABI §3.2: a borrowed register is back before anything can fault).
 */
export function compare(
  r: ArmRun, blk: ExecBlock, plan: Plan, stopped: string, ref: GuestState, gprs: number,
  windows: readonly CompareWindow[], entries: Map<number, number>, blocks: readonly ExecBlock[], base: number, exitLive = STATUS_FLAGS,
): string {
  if (r.clobbered.length) return `clobbered ${r.clobbered.join(", ")}`;
  const nm = names(gprs);
  for (let i = 0; i < gprs; i++) {
    if (plan.regSkip.has(i)) continue;
    if (ref.gpr[2 * i] !== r.out.gpr[2 * i] || ref.gpr[2 * i + 1] !== r.out.gpr[2 * i + 1]) return `${nm[i]} differs`;
  }
  // XMM0..15 exist in 64-bit mode only, like R8..R15: as many as GPRs.
  for (let i = 0; i < gprs; i++) if (xmmDiffers(ref.xmm, r.out.xmm, i)) return `xmm${i} differs`;
  const mask = flagMaskOf(r, plan, base + blk.rva, stopped, ref.rip, exitLive);
  if ((ref.eflags ^ r.out.eflags) & mask) return `eflags differ (${flagText((ref.eflags ^ r.out.eflags) & mask)})`;
  for (const w of windows) if (!w.x86b.equals(w.armb)) return `memory at ${hex(w.spec.addr)} (${w.spec.name}) differs`;
  const at = (rip: number): string => hex(rip);
  if (stopped.startsWith("interrupt 0")) return r.fault || r.sym !== SYM.divide_error || r.exitRip !== ref.rip ? `expected an exit to divide_error at ${at(ref.rip)}` : "";
  if (stopped.startsWith("interrupt")) return r.fault || r.sym <= SYM.fallback || r.exitRip !== ref.rip ? `expected a runtime helper exit at ${at(ref.rip)}` : "";
  if (stopped) return r.fault && r.fault.rip === ref.rip ? "" : `expected a precise fault at ${at(ref.rip)} (${stopped})`;
  if (r.fault) return `unexpected fault: ${r.fault.kind}`;
  if (r.linkedTo !== -1) {
    const bi = entries.get(r.linkedTo);
    if (r.linkedTo === -3) return "a linked relocation site does not hold a `b`";
    if (bi === undefined) return `a linked branch reached host word ${r.linkedTo}, which starts no block`;
    const rip = base + blocks[bi]!.rva;
    return rip === ref.rip ? "" : `linked exit to the block at ${at(rip)}, x86 continues at ${at(ref.rip)}`;
  }
  if (r.sym !== SYM.dispatch) return `exit via ${SYM_NAMES[r.sym] ?? "no stub"}, expected dispatch`;
  return r.exitRip === ref.rip ? "" : `exit to ${at(r.exitRip)}, x86 continues at ${at(ref.rip)}`;
}

/** The report of a mismatching state `s` (see the file overview). */
export function report(r: ArmRun, blk: ExecBlock, plan: Plan, s: GuestState, ref: GuestState, why: string, bits: 32 | 64, base: number, stopped: string, exitLive = STATUS_FLAGS): string {
  const gprs = bits === 64 ? 16 : 8;
  const nm = names(gprs);
  const out = [`MISMATCH block ${hex(base + blk.rva)} (rva ${hex(blk.rva)}, code word ${blk.code}): ${why}`];
  for (const t of plan.text) out.push(`    ${t}`);
  const row = (name: string, a: string, b: string, c: string) => out.push(`  ${b !== c ? "*" : " "} ${name.padEnd(7)}${a.padEnd(20)}${b.padEnd(20)}${c}`);
  out.push(`    ${"".padEnd(7)}${"initial".padEnd(20)}${"x86 (Unicorn)".padEnd(20)}cached code (ARM64)`);
  for (let i = 0; i < gprs; i++) row(nm[i]!, hex64(s.gpr[2 * i]!, s.gpr[2 * i + 1]!), hex64(ref.gpr[2 * i]!, ref.gpr[2 * i + 1]!), hex64(r.out.gpr[2 * i]!, r.out.gpr[2 * i + 1]!));
  const mask = flagMaskOf(r, plan, base + blk.rva, stopped, ref.rip, exitLive);
  row("eflags", flagText(s.eflags), flagText(ref.eflags & mask), flagText(r.out.eflags & mask));
  const next = r.fault ? `fault ${r.fault.kind} at ${hex(r.fault.rip)}` : r.linkedTo !== -1 ? `linked (host word ${r.linkedTo})` : `${hex(r.exitRip)} via ${SYM_NAMES[r.sym] ?? "?"}`;
  out.push(`    next   ${"".padEnd(20)}${hex(ref.rip).padEnd(20)}${next}`);
  // 128-bit values do not fit the columns: x86 against cached code, the initial values below.
  const xmm = xmmDiffLines(ref.xmm, r.out.xmm, gprs);
  out.push(...xmm);
  if (xmm.some((l) => l.startsWith("  *"))) out.push("    initial", ...xmmInitLines(s.xmm, gprs, "      "));
  return out.join("\n");
}

/**
 * CMPXCHG and CMPXCHG8B write their memory operand whether or not the compare succeeds (SDM: "the
 * destination operand receives a write cycle without regard to the result of the comparison"),
 * so on a read-only page they fault either way, precisely: RIP at the instruction, EDX:EAX as
 * before (this machine's CPU faults, locked or not). Unicorn x86 performs a failing one's load
 * into the accumulator first and then stops on the write with RIP past the instruction. A state
 * where both stop on write protection, the cached code at such an instruction and Unicorn right
 * after it, is that imprecision of the reference, not a mismatch.
 */
export const CMPXCHG_READ_ONLY = "oracle: CMPXCHG/CMPXCHG8B on a read-only page (the CPU faults at the instruction; Unicorn after it, its load done)";

export function cmpxchgReadOnly(plan: Plan, run: ArmRun, stopped: string, refRip: number, blockStart: number): boolean {
  const f = run.fault;
  if (stopped !== "write-prot" || f === undefined || f.kind !== "write-prot") return false;
  const len = plan.cmpxchgAt.get(f.rip - blockStart);
  return len !== undefined && refRip === f.rip + len;
}
