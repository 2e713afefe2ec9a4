/**
 * @file Focused differential run of the muldiv group (src/x86/semantics/divide.ts, shift2.ts,
 * mul.ts): every golden-vector encoding of DIV, IDIV, RCL, RCR, SHLD, SHRD, MUL, IMUL from
 * `count(200, 1000)` random states each, Unicorn x86 vs our translation on Unicorn ARM64
 * (src/verify/diff.ts), plus register and memory operands of every size the vectors lack
 * (assembled with nasm). diff.test.ts runs the same forms at 30 states; this raises the count.
 * Random states make about half of the divisions fault (#DE): those must leave through
 * `divide_error` at the DIV with the state before it, and the test checks that both outcomes
 * occurred. RIP-relative SHLD/SHRD imm8 are left out (Unicorn takes the RIP base without the
 * imm8, `oracleDisagrees` in src/verify/oracle.ts): this machine's CPU referees below.
 */
import { describe, expect, test } from "bun:test";
import { dlopen, FFIType, CFunction, toArrayBuffer, type Pointer } from "bun:ffi";
import { Differ } from "../../src/verify/diff.ts";
import { X86Harness } from "../../src/verify/x86-run.ts";
import { SEMANTICS } from "../../src/x86/semantics/index.ts";
import { count } from "../_env.ts";
import { translator, vectorForms } from "./_translate.ts";

const MULDIV = new Set(["div", "idiv", "rcl", "rcr", "shld", "shrd", "mul", "imul"]);
const STATES = count(200, 1000);
const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "hex"));

/** nasm encodings (see the file comment): memory and register operands of each size. */
const EXTRA: Record<32 | 64, string> = {
  64: "D213 66D35B02 C11307 48D31B D2D4 49D1D9 6641C1D211 C0DB09 660FA503 660FAC0B14 480FA5D0 480FAD0B 450FA4C81F 660FADD0 " +
    "F633 66F73B F733 48F73B 48F7F1 48F7FB F6F4 41F6F8 66F7F6 F7F9 F623 48F72B",
  32: "D213 66D35B02 C11307 D3D9 D2D4 66D1DB 66C1D211 C0DB09 660FA503 660FAC0B14 0FA5D0 0FAD0B 0FA4FE1F 660FADD0 " +
    "F633 66F73B F733 F73B F7F1 F7FB F6F4 F6F9 66F7F6 F7F9 F623 F72B",
};

/** Vector encodings of the group that carry an F2/F3 prefix. */
function repPrefixed(bits: 32 | 64): number {
  let n = 0;
  for (const { mnemonic, encodings } of vectorForms(bits).values()) {
    if (MULDIV.has(mnemonic.toLowerCase())) n += encodings.filter((e) => e[0] === 0xf3 || e[0] === 0xf2).length;
  }
  return n;
}

function run(bits: 32 | 64): Differ {
  const d = new Differ({ bits, translate: translator(bits), seed: 0xd1f + bits });
  const handled = new Set(Object.keys(SEMANTICS).map((m) => m.toLowerCase()));
  for (const [form, { mnemonic, encodings }] of vectorForms(bits)) {
    const m = mnemonic.toLowerCase();
    if (!MULDIV.has(m) || !handled.has(m)) continue;
    for (const e of encodings) d.testEncoding(e, STATES, form);
  }
  for (const e of EXTRA[bits].split(" ")) d.testEncoding(hex(e), STATES);
  d.close();
  const st = d.stats;
  console.log(`muldiv ${bits}-bit: ${st.forms} forms, ${st.cases} encodings, ${st.states} states, ${st.mismatches} mismatches; ` +
    `reference faults: ${JSON.stringify(st.refFaults)}; skipped: ${JSON.stringify(st.skipped)}`);
  if (st.reports.length) console.log(st.reports.join("\n\n"));
  return d;
}

describe("muldiv group, Unicorn x86 vs translated", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit`, () => {
      const d = run(bits);
      expect(d.stats.mismatches).toBe(0);
      // Only the vectors' F3-prefixed encodings fall back (a REP prefix outside the string group).
      const fallbacks = Object.entries(d.stats.skipped).filter(([k]) => k.startsWith("fallback")).reduce((n, [, v]) => n + v, 0);
      expect(fallbacks).toBe(repPrefixed(bits));
      expect(d.stats.states).toBeGreaterThan(STATES * 20);
    }, 600_000);
  }
});

describe("oracle disagreement, refereed by this machine's CPU", () => {
  test("shld [rip+d], esi, 13 addresses the operand from the end of the instruction (Unicorn: one byte early)", () => {
    const libc = dlopen("libc.so.6", {
      mmap: { args: [FFIType.ptr, FFIType.u64, FFIType.i32, FFIType.i32, FFIType.i32, FFIType.i64], returns: FFIType.ptr },
      mprotect: { args: [FFIType.ptr, FFIType.u64, FFIType.i32], returns: FFIType.i32 },
      munmap: { args: [FFIType.ptr, FFIType.u64], returns: FFIType.i32 },
    });
    const DATA = 0x40;
    const d32 = (end: number): number[] => [0, 8, 16, 24].map((k) => ((DATA - end) >>> k) & 0xff);
    // mov [rip+d], edi; shld dword [rip+d], esi, 13; mov eax, [rip+d]; ret — d aimed at DATA each time.
    const code = [0x89, 0x3d, ...d32(6), 0x0f, 0xa4, 0x35, ...d32(14), 0x0d, 0x8b, 0x05, ...d32(20), 0xc3];
    const p = libc.symbols.mmap(null, 4096, 3, 0x22, -1, 0) as Pointer;
    const mem = new Uint8Array(toArrayBuffer(p, 0, 4096));
    mem.set(code);
    mem.fill(0x5a, DATA - 4, DATA); // the byte Unicorn would read first is not the operand's
    expect(libc.symbols.mprotect(p, 4096, 7)).toBe(0);
    const f = CFunction({ ptr: p, args: [FFIType.u32, FFIType.u32], returns: FFIType.u32 });
    const m = 0x8817009e, s = 0xae72a241;
    expect(f(m, s) >>> 0).toBe((((m << 13) | (s >>> 19)) >>> 0));
    libc.symbols.munmap(p, 4096);
    // Unicorn: the same instruction reads and writes one byte early. If this starts failing,
    // Unicorn was fixed: drop the SHLD/SHRD rule from oracleDisagrees.
    const h = new X86Harness(64);
    h.load(Uint8Array.of(0x0f, 0xa4, 0x35, ...d32(8), 0x0d)); // the shld alone, at offset 0
    const data = Uint8Array.of(0x5a, 0x5a, 0x5a, 0x5a, ...[0, 8, 16, 24].map((k) => (m >>> k) & 0xff));
    h.engine.write(h.codeAddr + BigInt(DATA - 4), data);
    h.input.values[6] = BigInt(s);
    h.run(1);
    const out = new DataView(h.engine.read(h.codeAddr + BigInt(DATA), 4).buffer).getUint32(0, true);
    // It took the dword one byte early (0x5a and m's low three bytes) and stored it there.
    const early = ((((0x5a | (m << 8)) << 13) | (s >>> 19)) >>> 0);
    expect(out).toBe(((early >>> 8) | (m & 0xff000000)) >>> 0);
    h.close();
  });
});
