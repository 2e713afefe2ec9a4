/**
 * @file Atomics under real concurrency: an x86 loop (a LOCK CMPXCHG retry loop, LOCK XADD and LOCK
 * INC on shared counters, LOCK INC/ADD on misaligned ones, and a plain ADD) is translated, its two blocks linked to each other, and
 * the ARM64 code is run by two threads at once over the same counters; each thread adds N to each
 * counter, so the locked ones must end at exactly 2N.
 *
 * The threads run under qemu-aarch64 (user mode: one host thread per guest thread, and guest
 * atomics as host atomics once a second thread exists), driven by the small aarch64 program
 * test/verify/atomic-threads.c. Unicorn cannot referee this: two Unicorn 2.0.1 ARM64 engines on
 * two Bun workers over one uc_mem_map_ptr region lose updates even on CASAL and LDADDAL (its TCG
 * runs without CF_PARALLEL, so it emulates atomics as plain load/op/store; measured: 30k of 40k).
 * The plain ADD counter is reported, not asserted: its lost updates show the threads overlapped.
 * On the LSE host the misaligned counters raise alignment faults (SIGBUS), which the harness
 * handles as a native runtime must (docs/runtime-abi.md §8): their exact final values test that
 * handler too.
 * Needs qemu-user and gcc-aarch64-linux-gnu (scripts/setup.sh installs them).
 */
import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Translator } from "../../src/compile/translate.ts";
import { BASELINE, b as branch, type PcOff } from "../../src/arm64/index.ts";
import type { TranslatedBlock } from "../../src/arm64/lower/output.ts";
import { nasm } from "../../src/verify/gen.ts";
import { count } from "../_env.ts";

const N = Number(process.env.AOT_ATOMIC_N ?? 0) || count(300_000, 2_000_000);
const VA = { 32: 0x40_1000n, 64: 0x1_4000_1000n } as const;

/** The loop, both modes: rbx/ebx = the counters, ecx = iterations. */
function loop(bits: 32 | 64): string {
  const bx = bits === 64 ? "rbx" : "ebx";
  return `bits ${bits}
top:
  mov eax, [${bx} + 8]
  lea edx, [eax + 1]
  lock cmpxchg [${bx} + 8], edx
  jnz top
  mov eax, 1
  lock xadd [${bx}], eax
  lock inc dword [${bx} + 4]
  add dword [${bx} + 12], 1
  lock inc dword [${bx} + 17]
  lock add word [${bx} + 27], 1
  dec ecx
  jnz top
`;
}

/** Translate the loop's blocks and link every exit to a block start (the final fall-through goes to dispatch). */
function linkedLoop(bits: 32 | 64, lse: boolean): { code: Uint32Array; end: number } {
  const bytes = nasm(loop(bits));
  const tr = new Translator({ mode: bits, lower: { features: { ...BASELINE, lse }, memoryOrder: "tso", pic: false } });
  const va = VA[bits];
  const blocks: TranslatedBlock[] = [];
  for (let off = 0; off < bytes.length;) {
    const tb = tr.translate(bytes, off, bytes.length, va + BigInt(off));
    expect(tb.fallback).toBe("");
    blocks.push(tb);
    off += tb.guestLength;
  }
  const base: number[] = [];
  let n = 0;
  for (const tb of blocks) base.push(n), (n += tb.code.length);
  const code = new Uint32Array(n);
  blocks.forEach((tb, k) => code.set(tb.code, base[k]));
  blocks.forEach((tb, k) => {
    for (let r = 0; r < tb.relocs.length; r += 3) {
      const at = base[k]! + tb.relocs[r + 1]!, target = tb.targets[tb.relocs[r + 2]!]!;
      const to = blocks.findIndex((x) => x.guestStart === target);
      if (to >= 0) code[at] = branch((base[to]! - at) as PcOff);
    }
  });
  return { code, end: Number(va) + bytes.length };
}

function tool(name: string): string {
  const p = Bun.which(name);
  if (!p) throw new Error(`${name} is missing: run \`bash scripts/setup.sh\` first (qemu-user, gcc-aarch64-linux-gnu)`);
  return p;
}

describe("two threads, shared counters (qemu-aarch64)", () => {
  const dir = mkdtempSync(join(tmpdir(), "aot-atomic-threads-"));
  const harness = join(dir, "atomic-threads");
  test("build the aarch64 harness", () => {
    const r = Bun.spawnSync([tool("aarch64-linux-gnu-gcc"), "-static", "-O2", "-pthread", "-o", harness, join(import.meta.dir, "atomic-threads.c")]);
    expect(r.stderr.toString()).toBe("");
    expect(r.exitCode).toBe(0);
  });
  for (const bits of [64, 32] as const) {
    for (const lse of [true, false]) {
      test(`${bits}-bit, ${lse ? "LSE" : "LL/SC"}: lock cmpxchg loop, lock xadd, lock inc from two threads`, () => {
        const { code, end } = linkedLoop(bits, lse);
        const file = join(dir, `loop${bits}${lse ? "" : "-llsc"}.bin`);
        writeFileSync(file, new Uint8Array(code.buffer));
        const r = Bun.spawnSync([tool("qemu-aarch64"), "-cpu", "max", harness, file, String(N)]);
        const out = r.stdout.toString();
        expect(r.stderr.toString()).toBe("");
        expect(r.exitCode).toBe(0);
        const [xadd, inc, cas, plain] = out.match(/^counters (.*)$/m)![1]!.split(" ").map(Number) as [number, number, number, number];
        console.log(`atomic threads ${bits}-bit ${lse ? "LSE" : "LL/SC"}: N = ${N} per thread; xadd ${xadd}, inc ${inc}, cmpxchg ${cas}, plain add ${plain} (${2 * N - plain} lost); ${out.match(/^misaligned .*$/m)![0]}`);
        // Both threads left through the final fall-through exit.
        expect([...out.matchAll(/^exit (\d+)$/gm)].map((m) => Number(m[1]))).toEqual([end, end]);
        expect([xadd, inc, cas]).toEqual([2 * N, 2 * N, 2 * N]);
        // Misaligned inside an 8-byte word: the alignment handler's CAS loop on the whole word (LSE),
        // the translation's own LL/SC loop on it (no LSE: exclusives test alignment in-line).
        const [mis32, mis16] = out.match(/^misaligned (.*)$/m)![1]!.split(" ").map(Number) as [number, number];
        expect([mis32, mis16]).toEqual([2 * N, (2 * N) & 0xffff]);
        const faults = Number(out.match(/^alignment faults (\d+)$/m)![1]);
        console.log(`  alignment faults handled: ${faults}`);
        expect(faults).toBe(lse ? 2 * 2 * N : 0);
      }, 600_000);
    }
  }
  test("clean up", () => rmSync(dir, { recursive: true, force: true }));
});
