/**
 * @file Stage 9 (verifier): the text of one differential mismatch (src/verify/diff.ts): the case,
 * the initial state (GPRs, EFLAGS, segment base, XMM registers, the memory at each target), then
 * a two-column table, x86 (Unicorn) against arm64 (translated), with `*` on every line that
 * differs: GPRs, EFLAGS (with the mask compared), the exit or fault, clobbered host registers, the
 * XMM registers that differ (all 128 bits, hex), and the first differing bytes of each window.
 *
 *   stats.reports.push(mismatchReport({ bits, label, state: k, init: s, ref, arm, ... }));
 */
import type { A64Harness, GuestState } from "./a64-run.ts";
import type { WindowSpec } from "./gen.ts";
import { SYM_NAMES } from "../ir/index.ts";
import { xmmDiffers, xmmHex } from "./xmm.ts";

/** A guest memory window as the report reads it: initial bytes and each engine's final copy. */
export interface ReportWindow {
  readonly spec: WindowSpec;
  readonly init: Uint8Array;
  readonly x86: Uint8Array;
  readonly arm: Uint8Array;
}

export interface ReportInput {
  bits: 32 | 64;
  label: string;
  /** Index of the state in its case. */
  state: number;
  init: GuestState;
  /** The reference's final state (or the unchanged state a runtime helper must leave). */
  ref: GuestState;
  arm: A64Harness;
  flagMask: number;
  /** A GPR whose value is undefined in this state (-1: none). */
  regSkip: number;
  want: { wantSym: number; wantRip: number; wantFault: boolean; helper: boolean };
  /** FS (0) or GS (1) when the case uses a segment base. */
  seg?: number;
  targets: readonly number[];
  windows: readonly ReportWindow[];
  /** The reference's memory fault, when it stopped on one. */
  x86FaultKind?: string;
}

const hex = (v: number): string => `0x${v.toString(16)}`;
const hex64 = (lo: number, hi: number): string => `0x${hi.toString(16).padStart(8, "0")}${lo.toString(16).padStart(8, "0")}`;
const bytesHex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const NAMES64 = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"];
const NAMES32 = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"];

/** `o-s-z-a-p-c` style: upper case set, lower case clear. */
export function flagText(v: number): string {
  return [["o", 0x800], ["d", 0x400], ["s", 0x80], ["z", 0x40], ["a", 0x10], ["p", 0x4], ["c", 0x1]]
    .map(([n, b]) => ((v & (b as number)) ? (n as string).toUpperCase() : (n as string))).join("");
}

/** XMM0..n-1 of `w` two to a line (`xmm0=0x… xmm1=0x…`), each line starting with `indent`. */
export function xmmInitLines(w: Uint32Array, n: number, indent: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i += 2) out.push(`${indent}${[i, i + 1].filter((k) => k < n).map((k) => `xmm${k}=${xmmHex(w, k)}`.padEnd(40)).join(" ").trimEnd()}`);
  return out;
}

/**
 * The XMM rows of a two-column table, reference then translated: a `*` row (name, both 128-bit
 * values) for each register that differs, the rest in one line, since a value is 34 characters a side.
 */
export function xmmDiffLines(ref: Uint32Array, arm: Uint32Array, n: number): string[] {
  const out: string[] = [];
  let same = 0;
  for (let i = 0; i < n; i++) {
    if (xmmDiffers(ref, arm, i)) out.push(`  * ${`xmm${i}`.padEnd(7)} ${xmmHex(ref, i)} ${xmmHex(arm, i)}`);
    else same++;
  }
  if (same) out.push(`    xmm     ${same === n ? "all" : `the other ${same}`} agree`);
  return out;
}

export function mismatchReport(r: ReportInput): string {
  const { arm, ref: xs, init: s, bits, want, flagMask, regSkip } = r;
  const gprs = bits === 64 ? 16 : 8, xmms = gprs;
  const names = bits === 64 ? NAMES64 : NAMES32;
  const out: string[] = [`MISMATCH (${bits}-bit) ${r.label}  state ${r.state}`];
  const init: string[] = [];
  for (let i = 0; i < gprs; i++) init.push(`${names[i]}=${hex64(s.gpr[2 * i]!, s.gpr[2 * i + 1]!)}`);
  for (let i = 0; i < init.length; i += 4) out.push(`  ${i ? "       " : "initial"} ${init.slice(i, i + 4).join(" ")}`);
  out.push(`          eflags=${hex(s.eflags)}`);
  if (r.seg !== undefined) out.push(`          ${r.seg ? "gs" : "fs"}_base=${hex64(s.seg[2 * r.seg]!, s.seg[2 * r.seg + 1]!)}`);
  // Every XMM register: which ones a vector instruction reads is not known here.
  out.push(...xmmInitLines(s.xmm, xmms, "          "));
  for (const t of r.targets) {
    const w = r.windows.find((x) => t >= x.spec.addr && t < x.spec.addr + x.spec.size)!;
    const o = t - w.spec.addr;
    out.push(`          mem ${hex(t)}: ${bytesHex(w.init.subarray(o, o + 16))}`);
  }
  out.push(`    ${"".padEnd(7)} ${(want.helper ? "expected (unchanged)" : "x86 (Unicorn)").padEnd(20)} arm64 (translated)`);
  const line = (differs: boolean, name: string, a: string, b: string): void => {
    out.push(`  ${differs ? "*" : " "} ${name.padEnd(7)} ${a.padEnd(20)} ${b}`);
  };
  for (let i = 0; i < gprs; i++) {
    const a = hex64(xs.gpr[2 * i]!, xs.gpr[2 * i + 1]!), b = hex64(arm.out.gpr[2 * i]!, arm.out.gpr[2 * i + 1]!);
    line(a !== b && i !== regSkip, names[i]!, a, i === regSkip && a !== b ? `${b} (undefined)` : b);
  }
  const fl = (v: number): string => `${hex(v & 0xcd5)} ${flagText(v)}`;
  line(((xs.eflags ^ arm.out.eflags) & flagMask) !== 0, "eflags", fl(xs.eflags), `${fl(arm.out.eflags)} (compared: ${flagText(flagMask)})`);
  const symName = (n: number): string => (n === -2 ? "a runtime helper" : SYM_NAMES[n] ?? `x17 not a stub (${n})`);
  if (want.wantFault) {
    const f = arm.fault;
    line(!f || f.rip !== xs.rip, "fault", `at ${hex(xs.rip)} (${r.x86FaultKind ?? "?"})`, f ? `at ${hex(f.rip)} (${f.kind}, host word ${f.hostWord})` : `none: exit ${symName(arm.sym)} ${hex(arm.exitRip)}`);
  } else {
    const got = arm.fault ? `fault ${arm.fault.kind} at guest ${hex(arm.fault.rip)} (host word ${arm.fault.hostWord}, addr ${hex(arm.fault.address)})` : `${hex(arm.exitRip)} via ${symName(arm.sym)}`;
    line(arm.fault !== undefined || arm.exitRip !== want.wantRip || arm.sym !== want.wantSym, "next", `${hex(want.wantRip)} via ${symName(want.wantSym)}`, got);
  }
  if (arm.clobbered.length) line(true, "host", "", `clobbered ${arm.clobbered.join(", ")}`);
  out.push(...xmmDiffLines(xs.xmm, arm.out.xmm, xmms));
  for (const w of r.windows) {
    let i = 0;
    while (i < w.spec.size && w.x86[i] === w.arm[i]) i++;
    if (i === w.spec.size) continue;
    let j = w.spec.size - 1;
    while (j > i && w.x86[j] === w.arm[j]) j--;
    const lo = i & ~7, hi = Math.min(w.spec.size, (j | 7) + 1, lo + 32);
    line(true, `mem`, `${hex(w.spec.addr + lo)}: ${bytesHex(w.x86.subarray(lo, hi))}`, bytesHex(w.arm.subarray(lo, hi)));
  }
  return out.join("\n");
}
