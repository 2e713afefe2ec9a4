/**
 * @file Differential run of the hints group (src/x86/semantics/hints.ts): every golden-vector
 * encoding of the fences, cache-line flushes, prefetches, reserved NOPs, FS/GS base instructions
 * and RDRAND/RDSEED/RDPID, from `count(100, 1000)` random states each, Unicorn x86 vs our
 * translation on Unicorn ARM64 (src/verify/diff.ts), plus hand-picked encodings (RIP-relative and
 * FS/GS-overridden prefetch and flush operands; unmapped prefetch addresses are test/runtime/hints.test.ts's) and straight-line blocks mixing fences and
 * prefetches with ordinary accesses. What must hold: nothing but RIP changes (fences, flushes,
 * prefetches and reserved NOPs), no fault whatever the address (prefetches), and the helpers
 * leave at the instruction with nothing done (counted as `runtime helper` skips).
 *
 * Where Unicorn 2.0.1 cannot referee (its x86 CPU raises #UD): RDFSBASE..WRGSBASE, CLWB and
 * CLFLUSHOPT (its CPU model lacks FSGSBASE/CLWB/CLFLUSHOPT) and the register forms of 0F 18 /0../3,
 * which this machine's CPU runs as NOPs (checked natively below, as is the #UD of the 0F 0D
 * register form that makes that form fall back). The FS/GS base instructions are checked on
 * `aot run` instead (test/runtime/hints.test.ts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { assembleBlocks } from "../../src/verify/gen.ts";
import { count } from "../_env.ts";
import { translator, vectorForms } from "./_translate.ts";

export const HINT_MNEMONICS = new Set([
  "lfence", "sfence", "mfence", "clflush", "clflushopt", "clwb", "prefetcht0", "prefetcht1", "prefetcht2", "prefetchnta",
  "prefetchw", "prefetchwt1", "prefetch", "reservednop", "rdfsbase", "rdgsbase", "wrfsbase", "wrgsbase", "rdrand", "rdseed", "rdpid",
]);

const STATES = count(100, 1000);
const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "hex"));

/** Encodings beyond the vectors: RIP-relative / absolute operands, FS/GS overrides, prefetches of address 0. */
const EXTRA: Record<32 | 64, string[]> = {
  64: [
    "0f180510000000", "0f0d0df0ffffff", "0fae3d10000000", "650f18042530000000", "640f0d0c2500000000", "650fae3b",
    "4d0f180c24", "0f1820", "0f1fc0",
  ],
  32: ["0f180510000000", "0fae3d10000000", "640f180518000000", "650f0d0b", "0f1820"],
};

/** Straight-line blocks: fences and prefetches between accesses change none of them. */
const BLOCKS: Record<32 | 64, string[][]> = {
  64: [
    ["mov [rbx], eax", "mfence", "mov ecx, [rbx+8]", "lfence", "prefetcht0 [rcx]", "sfence", "add eax, ecx"],
    ["prefetchnta [rax+rcx*8+0x40]", "prefetchw [rbx]", "xchg [rbx+16], rdx", "clflush [rbx+16]", "mov rsi, [rbx+16]"],
    ["add rax, rbx", "lfence", "sfence", "mfence", "prefetcht1 [rdx]", "adc rcx, rax"],
  ],
  32: [
    ["mov [ebx], eax", "mfence", "mov ecx, [ebx+8]", "lfence", "prefetcht2 [ecx]", "sfence", "sub eax, ecx"],
    ["sub eax, ebx", "prefetchwt1 [esi+edi*2]", "clflush [ebx]", "sbb ecx, edx"],
  ],
};

/** The skip reasons a run may have: helpers (checked, then skipped), forms Unicorn rejects, REP-prefixed reserved NOPs and the 0F 0D register form (fall back). */
const ALLOWED = /^(runtime helper (rdrand|rdseed|rdpid)|unicorn x86: Invalid instruction.*|fallback RESERVEDNOP)$/;

function run(bits: 32 | 64): Differ {
  const d = new Differ({ bits, translate: translator(bits), seed: 0x4177 + bits });
  for (const [form, { mnemonic, encodings }] of vectorForms(bits)) {
    if (!HINT_MNEMONICS.has(mnemonic.toLowerCase())) continue;
    for (const e of encodings) d.testEncoding(e, STATES, form);
  }
  for (const e of EXTRA[bits]) d.testEncoding(hex(e), STATES);
  const code = assembleBlocks(bits, BLOCKS[bits]);
  BLOCKS[bits].forEach((lines, k) => d.testBlock(code[k]!, lines, STATES));
  d.close();
  const st = d.stats;
  console.log(`hints ${bits}-bit: ${st.forms} forms, ${st.cases} encodings, ${st.blocks} blocks, ${st.states} states, ${st.mismatches} mismatches; ` +
    `reference faults: ${JSON.stringify(st.refFaults)}; skipped: ${JSON.stringify(st.skipped)}`);
  if (st.reports.length) console.log(st.reports.join("\n\n"));
  return d;
}

describe("hints group, Unicorn x86 vs translated", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit`, () => {
      const d = run(bits);
      expect(d.stats.mismatches).toBe(0);
      expect(Object.keys(d.stats.skipped).filter((k) => !ALLOWED.test(k))).toEqual([]);
      expect(d.stats.refFaults).toEqual({});
      // Fences, flushes, prefetches and reserved NOPs in every vector form, plus the blocks, all compared.
      expect(d.stats.blocks).toBe(BLOCKS[bits].length);
      expect(d.stats.states).toBeGreaterThan(STATES * (bits === 64 ? 60 : 55));
    }, 600_000);
  }
});

/** Run `bytes` then `ret` natively in a child process (an #UD kills it with SIGILL): "ok" or the signal. */
function native(bytes: string): string {
  const script = `
    import { CFunction, dlopen, FFIType, toArrayBuffer } from "bun:ffi";
    const libc = dlopen("libc.so.6", {
      mmap: { args: [FFIType.u64, FFIType.u64, FFIType.i32, FFIType.i32, FFIType.i32, FFIType.i64], returns: FFIType.u64 },
      mprotect: { args: [FFIType.u64, FFIType.u64, FFIType.i32], returns: FFIType.i32 },
    });
    const page = libc.symbols.mmap(0, 4096, 3, 0x22, -1, 0);
    new Uint8Array(toArrayBuffer(Number(page), 0, 4096)).set(Buffer.from("${bytes}c3", "hex"));
    libc.symbols.mprotect(page, 4096, 5);
    CFunction({ ptr: Number(page), returns: FFIType.void })();`;
  const r = Bun.spawnSync([process.execPath, "-e", script], { stderr: "ignore" });
  return r.exitCode === 0 ? "ok" : String(r.signalCode ?? `exit ${r.exitCode}`);
}

describe.skipIf(process.arch !== "x64")("this machine's CPU referees the reserved-NOP register forms", () => {
  test("0F 18 /0../7 and 0F 1F register forms are NOPs (Unicorn raises #UD for /0../3); 0F 0D's is #UD on AMD, a NOP on Intel", () => {
    for (const b of ["0f18c1", "0f18c9", "0f18d1", "0f18d9", "0f18e1", "0f1fc0"]) expect([b, native(b)]).toEqual([b, "ok"]);
    // The vendors differ on 0F 0D with a register operand (PREFETCH's group on AMD, a reserved NOP
    // on Intel): the machine this runs on says which it is.
    const vendor = /vendor_id\s*:\s*(\S+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1];
    if (vendor === "AuthenticAMD") expect(native("0f0dc1")).toBe("SIGILL");
    else if (vendor === "GenuineIntel") expect(native("0f0dc1")).toBe("ok");
  });
});
