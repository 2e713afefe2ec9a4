/**
 * @file Differential test of the atomics group (src/x86/semantics/atomic.ts, lowering
 * src/arm64/lower/atomic.ts). The golden vectors hold no LOCK-prefixed encodings, so this test
 * makes them: every memory-destination encoding of every form of a LOCK-capable mnemonic
 * (`LOCKABLE`) gets an F0 prefix and runs from random states on Unicorn x86 and, translated, on
 * Unicorn ARM64, as diff.test.ts runs the unprefixed ones (which it also covers for XADD,
 * CMPXCHG, CMPXCHG8B and XCHG with memory). About a fifth of the random addresses are
 * misaligned: on the LSE host the atomic traps there, as on ARMv8.0 + LSE hardware, and the
 * runtime's alignment handler performs it (src/runtime/align.ts, docs/runtime-abi.md §8; the
 * count of those traps is printed and must not be 0); without LSE the translation's own misaligned
 * path runs (the harness faults any misaligned exclusive), so both cases are checked.
 *
 * Random memory rarely equals the accumulator, so single-instruction CMPXCHG cases nearly always
 * take the failure path: the block cases below load the accumulator from the destination first
 * (success), at aligned and misaligned addresses, locked and not.
 */
import { describe, expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { assembleBlocks, toRipRelative } from "../../src/verify/gen.ts";
import { LOCKABLE } from "../../src/x86/semantics/atomic.ts";
import { SEMANTICS } from "../../src/x86/semantics/index.ts";
import { Decoder, Insn, K } from "../../src/x86/index.ts";
import { count } from "../_env.ts";
import { translator, vectorForms } from "./_translate.ts";
import { Translator } from "../../src/compile/translate.ts";
import { BASELINE } from "../../src/arm64/index.ts";
import type { TranslateFn } from "../../src/verify/diff.ts";
import { dlopen, FFIType, CFunction, toArrayBuffer, type Pointer } from "bun:ffi";

/** Translations for a host without LSE (the LL/SC sequences of src/arm64/lower/atomic.ts). */
function noLse(bits: 32 | 64): TranslateFn {
  const byMax = new Map<number, Translator>();
  return (code, va, maxInsns) => {
    let t = byMax.get(maxInsns);
    if (!t) byMax.set(maxInsns, (t = new Translator({ mode: bits, lower: { features: { ...BASELINE, lse: false }, memoryOrder: "tso", pic: false }, maxInsns })));
    return t.translate(code, 0, code.length, va);
  };
}

const STATES = count(30, 1000);

/** F0 before an encoding's prefixes (LOCK may come first; REX must stay last). */
const lock = (e: Uint8Array): Uint8Array => Uint8Array.of(0xf0, ...e);

function sweep(bits: 32 | 64, translate: TranslateFn, states: number, what: string): Differ {
  const d = new Differ({ bits, translate, seed: 0xa70 + bits, alignment: "v8.0" });
  const dec = new Decoder(bits);
  const insn = new Insn();
  const handled = new Set(Object.keys(SEMANTICS));
  for (const [form, { mnemonic, encodings }] of vectorForms(bits)) {
    const m = mnemonic.toUpperCase();
    if (!LOCKABLE.has(m) || !handled.has(m)) continue;
    for (const e of encodings) {
      if (!dec.decode(e, 0, e.length, d.layout.code, insn) || insn.kind[0] !== K.MEM) continue;
      const l = lock(e);
      // Forms whose row does not allow LOCK (e.g. CMP) do not decode with it.
      if (!dec.decode(l, 0, l.length, d.layout.code, insn)) continue;
      d.testEncoding(l, states, form);
      const rip = toRipRelative(l, insn);
      if (rip) d.testEncoding(rip, states, form);
    }
  }
  d.close();
  const st = d.stats;
  console.log(`atomics ${bits}-bit ${what}: ${st.forms} forms, ${st.cases} encodings, ${st.states} states (${st.alignTraps} misaligned: alignment traps), ${st.mismatches} mismatches; ` +
    `reference faults: ${JSON.stringify(st.refFaults)}; skipped: ${JSON.stringify(st.skipped)}`);
  if (st.reports.length) console.log(st.reports.join("\n\n"));
  if (Object.keys(st.failing).length) console.log(`failing:\n  ${Object.entries(st.failing).map(([k, v]) => `${v}× ${k}`).join("\n  ")}`);
  return d;
}

describe("LOCK-prefixed forms, Unicorn x86 vs translated on Unicorn ARM64", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit: every LOCK-capable memory form, tso`, () => {
      const d = sweep(bits, translator(bits, "tso"), STATES, "tso, LSE");
      expect(d.stats.forms).toBeGreaterThan(bits === 64 ? 40 : 30);
      expect(d.stats.alignTraps).toBeGreaterThan(0);
      expect(d.stats.mismatches).toBe(0);
    }, 1_800_000);

    test(`${bits}-bit: every LOCK-capable memory form, host without LSE (LL/SC)`, () => {
      const d = sweep(bits, noLse(bits), count(10, 300), "tso, no LSE");
      expect(d.stats.forms).toBeGreaterThan(bits === 64 ? 40 : 30);
      // Exclusives never reach the handler: the translation tests the address first (lower/atomic.ts).
      expect(d.stats.alignTraps).toBe(0);
      expect(d.stats.mismatches).toBe(0);
    }, 1_800_000);
  }
});

// The golden vectors have no CMPXCHG16B (REX.W 0F C7 /1): its encodings, by hand. Random
// addresses are 16-aligned four times in five: the rest raise #GP on x86 and must leave into
// `fallback` at the instruction with nothing changed.
const CMPXCHG16B = ["480fc74c8b10", "480fc78b78563412", "f0480fc74c8b10", "f0480fc70e", "f04c0fc70c24", "480fc70d00010000", "f0490fc74d08"];

describe("CMPXCHG16B, Unicorn x86 vs translated on Unicorn ARM64", () => {
  for (const lse of [true, false]) {
    test(lse ? "LSE (caspal, or ldaxp/stlxp when x6/x7/x16/x17 are taken)" : "no LSE (ldaxp/stlxp)", () => {
      const d = new Differ({ bits: 64, translate: lse ? translator(64, "tso") : noLse(64), seed: 0x16b, alignment: "v8.0" });
      for (const h of CMPXCHG16B) d.testEncoding(Uint8Array.from(Buffer.from(h, "hex")), STATES * 3, "Cmpxchg16b_m128");
      d.close();
      const st = d.stats;
      console.log(`cmpxchg16b ${lse ? "LSE" : "no LSE"}: ${st.cases} encodings, ${st.states} states, ${st.mismatches} mismatches; reference faults: ${JSON.stringify(st.refFaults)}; skipped: ${JSON.stringify(st.skipped)}`);
      if (st.reports.length) console.log(st.reports.join("\n\n"));
      expect(st.cases).toBe(CMPXCHG16B.length);
      expect(st.refFaults["interrupt 13"]).toBeGreaterThan(0);
      expect(st.mismatches).toBe(0);
    }, 600_000);
  }
});

/** Straight-line blocks (RBX/EBX points into the data window, 8-aligned) per mode. */
const BLOCKS: Record<32 | 64, string[][]> = {
  64: [
    ["mov rax, [rbx]", "lock cmpxchg [rbx], rcx"],
    ["mov eax, [rbx+3]", "lock cmpxchg [rbx+3], ecx"],
    ["mov ax, [rbx+1]", "lock cmpxchg [rbx+1], dx"],
    ["mov al, [rbx+5]", "lock cmpxchg [rbx+5], cl"],
    ["mov rax, [rbx+12]", "lock cmpxchg [rbx+12], r9"],
    ["mov rax, [rbx]", "cmpxchg [rbx], rcx"],
    ["mov rax, rcx", "cmpxchg rcx, rdx"],
    ["mov eax, [rbx]", "mov edx, [rbx+4]", "lock cmpxchg8b [rbx]"],
    ["mov eax, [rbx+2]", "mov edx, [rbx+6]", "lock cmpxchg8b [rbx+2]"],
    ["mov eax, [rbx+8]", "mov edx, [rbx+12]", "cmpxchg8b [rbx+8]"],
    // Unlocked, misaligned: one CAS on the LSE host (casCmpxchg), performed by the alignment handler.
    ["mov eax, [rbx+3]", "cmpxchg [rbx+3], ecx", "setz dl"],
    ["mov ax, [rbx+1]", "cmpxchg [rbx+1], dx"],
    ["mov rax, [rbx+5]", "cmpxchg [rbx+5], r9", "cmpxchg [rbx+5], r10"],
    ["mov eax, [rbx+2]", "mov edx, [rbx+6]", "cmpxchg8b [rbx+2]"],
    ["lock xadd [rbx+8], rax", "lock xadd [rbx+8], rax"],
    ["lock add [rbx], eax", "lock adc [rbx+4], ecx", "lock sbb [rbx+8], edx", "lock adc byte [rbx+1], 0x7f"],
    ["lock neg word [rbx+2]", "lock inc dword [rbx]", "lock dec qword [rbx+8]", "lock not byte [rbx+3]"],
    ["xchg [rbx+1], rax", "xchg [rbx+6], cx", "lock xchg [rbx+9], edx"],
    ["add eax, ecx", "lock sbb qword [rbx+16], 5", "cmp esi, edi", "lock adc word [rbx+3], si"],
    ["and rbx, -16", "mov rax, [rbx]", "mov rdx, [rbx+8]", "lock cmpxchg16b [rbx]"],
    ["and rbx, -16", "mov rax, [rbx+16]", "mov rdx, [rbx+24]", "cmpxchg16b [rbx+16]", "setz cl"],
    ["mov rax, [rbx]", "mov rdx, [rbx+8]", "lock cmpxchg16b [rbx]"],
  ],
  32: [
    ["mov eax, [ebx]", "lock cmpxchg [ebx], ecx"],
    ["mov eax, [ebx+3]", "lock cmpxchg [ebx+3], ecx"],
    ["mov ax, [ebx+1]", "lock cmpxchg [ebx+1], dx"],
    ["mov al, [ebx+5]", "lock cmpxchg [ebx+5], cl"],
    ["mov eax, ecx", "cmpxchg ecx, edx"],
    ["mov eax, [ebx]", "mov edx, [ebx+4]", "lock cmpxchg8b [ebx]"],
    ["mov eax, [ebx+2]", "mov edx, [ebx+6]", "lock cmpxchg8b [ebx+2]"],
    ["mov eax, [ebx+8]", "mov edx, [ebx+12]", "cmpxchg8b [ebx+8]"],
    ["mov eax, [ebx+3]", "cmpxchg [ebx+3], ecx", "setz dl"],
    ["mov ax, [ebx+1]", "cmpxchg [ebx+1], dx"],
    ["mov eax, [ebx+2]", "mov edx, [ebx+6]", "cmpxchg8b [ebx+2]"],
    ["lock xadd [ebx+8], eax", "lock xadd [ebx+8], eax"],
    ["lock add [ebx], eax", "lock adc [ebx+4], ecx", "lock sbb [ebx+8], edx", "lock adc byte [ebx+1], 0x7f"],
    ["lock neg word [ebx+2]", "lock inc dword [ebx]", "lock dec dword [ebx+8]", "lock not byte [ebx+3]"],
    ["xchg [ebx+1], eax", "xchg [ebx+6], cx", "lock xchg [ebx+9], edx"],
  ],
};

describe("atomic blocks (CMPXCHG success paths, flag chains), Unicorn x86 vs translated", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit`, () => {
      const d = new Differ({ bits, translate: translator(bits, "tso"), seed: 0xb10c + bits, alignment: "v8.0" });
      const code = assembleBlocks(bits, BLOCKS[bits]);
      BLOCKS[bits].forEach((lines, k) => d.testBlock(code[k]!, lines, count(200, 2000)));
      d.close();
      const st = d.stats;
      console.log(`atomic blocks ${bits}-bit: ${st.blocks} blocks, ${st.states} states (${st.alignTraps} alignment traps), ${st.mismatches} mismatches; skipped: ${JSON.stringify(st.skipped)}`);
      if (st.reports.length) console.log(st.reports.join("\n\n"));
      expect(st.blocks).toBe(BLOCKS[bits].length);
      expect(st.alignTraps).toBeGreaterThan(0);
      expect(st.mismatches).toBe(0);
    }, 600_000);
  }
});

describe("oracle disagreements, refereed by this machine's CPU", () => {
  const libc = dlopen("libc.so.6", {
    mmap: { args: [FFIType.ptr, FFIType.u64, FFIType.i32, FFIType.i32, FFIType.i32, FFIType.i64], returns: FFIType.ptr },
    mprotect: { args: [FFIType.ptr, FFIType.u64, FFIType.i32], returns: FFIType.i32 },
    munmap: { args: [FFIType.ptr, FFIType.u64], returns: FFIType.i32 },
  });
  /** Run x86-64 code natively as a SysV function (rdi, rsi) → rax. */
  function native(code: number[], a: bigint, b: bigint): bigint {
    const p = libc.symbols.mmap(null, 4096, 3 /* RW */, 0x22 /* PRIVATE|ANONYMOUS */, -1, 0) as Pointer;
    new Uint8Array(toArrayBuffer(p, 0, 4096)).set(code);
    expect(libc.symbols.mprotect(p, 4096, 5 /* RX */)).toBe(0);
    const r = CFunction({ ptr: p, args: [FFIType.u64, FFIType.u64], returns: FFIType.u64 })(a, b);
    libc.symbols.munmap(p, 4096);
    return BigInt(r);
  }
  const MOV_RAX_RDI = [0x48, 0x89, 0xf8], MOV_RCX_RSI = [0x48, 0x89, 0xf1], MOV_RAX_RCX = [0x48, 0x89, 0xc8], RET = [0xc3];
  const MOV_EDX_5 = [0xba, 5, 0, 0, 0], MOV_ECX_5 = [0xb9, 5, 0, 0, 0], STORE_RSI = [0x48, 0x89, 0x74, 0x24, 0xf8];

  // Unicorn 2.0.1 zero-extends both registers (diff.ts cmpxchgUpperHalves puts the CPU's answer in).
  test("cmpxchg r/m32 in 64-bit mode writes only the register it must (upper halves kept)", () => {
    // Failure (EAX != ECX): cmpxchg ecx, eax leaves RCX whole.
    expect(native([...MOV_RAX_RDI, ...MOV_RCX_RSI, 0x0f, 0xb1, 0xc1, ...MOV_RAX_RCX, ...RET], 0x8000000000000080n, 0x8000000000000001n)).toBe(0x8000000000000001n);
    // Success: cmpxchg ecx, edx writes ECX (zero-extended) and leaves RAX whole.
    expect(native([...MOV_RAX_RDI, ...MOV_RCX_RSI, ...MOV_EDX_5, 0x0f, 0xb1, 0xd1, ...RET], 0x7000000000000011n, 0x9000000000000011n)).toBe(0x7000000000000011n);
    expect(native([...MOV_RAX_RDI, ...MOV_RCX_RSI, ...MOV_EDX_5, 0x0f, 0xb1, 0xd1, ...MOV_RAX_RCX, ...RET], 0x7000000000000011n, 0x9000000000000011n)).toBe(5n);
    // Memory destination [rsp-8]: success leaves RAX whole, failure loads EAX (zero-extended).
    const mem = [...STORE_RSI, ...MOV_RAX_RDI, ...MOV_ECX_5, 0x0f, 0xb1, 0x4c, 0x24, 0xf8, ...RET];
    expect(native(mem, 0x7000000000000011n, 0x9000000000000011n)).toBe(0x7000000000000011n);
    expect(native(mem, 0x7000000000000012n, 0x9000000000000011n)).toBe(0x11n);
  });

  // Unicorn 2.0.1 takes SF/ZF/PF of LOCK NEG from the old value (diff.ts referenceBytes runs it without LOCK).
  test("lock neg sets the flags neg sets", () => {
    // mov [rsp-8], rdi; (lock) neg dword [rsp-8]; pushfq; pop rax; ret
    const flags = (lk: boolean, v: bigint): bigint => native([0x48, 0x89, 0x7c, 0x24, 0xf8, ...(lk ? [0xf0] : []), 0xf7, 0x5c, 0x24, 0xf8, 0x9c, 0x58, 0xc3], v, 0n) & 0x8d5n;
    for (const v of [0x90e4n, 1n, 0x80000000n, 0n, 0x7fffffffn]) expect(flags(true, v)).toBe(flags(false, v));
    expect(flags(true, 0x90e4n)).toBe(0x91n); // 0x90e4 → 0xffff6f1c: S, A, C; odd parity of 0x1c
  });
});
