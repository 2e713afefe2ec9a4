/**
 * @file `aot run`'s segment selectors (src/runtime/segments.ts): the values a Wine process starts
 * with (dlls/ntdll/unix/signal_x86_64.c: 64-bit CS 0x33, data 0x2b, FS 0; WOW64 CS 0x23, FS 0x63),
 * `load_segment` accepting those descriptors and the null selector and stopping with #GP on any
 * other, POP Sreg moving the stack, and `far_transfer` stopping with a message naming the selector.
 */
import { describe, expect, test } from "bun:test";
import { runTranslated } from "../../src/runtime/run.ts";

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/ /g, ""), "hex"));
const BASE = 0x400000n, STACK = { addr: 0x7ff00000n, size: 0x10000 };
const run = (bits: 32 | 64, code: string, regs: Record<string, bigint> = {}) =>
  runTranslated({ bits, image: { raw: hex(code), base: BASE }, entry: BASE, stack: STACK, regs, seed: 1 });

describe("initial selectors (Wine)", () => {
  test("64-bit: cs 0x33, ds/es/ss/gs 0x2b, fs 0", () => {
    // mov eax,cs; mov ecx,ds; mov edx,es; mov ebx,ss; mov esi,fs; mov edi,gs; hlt
    const r = run(64, "8cc8 8cd9 8cc2 8cd3 8ce6 8cef f4");
    expect([r.stop, r.regs.rax, r.regs.rcx, r.regs.rdx, r.regs.rbx, r.regs.rsi, r.regs.rdi]).toEqual(["hlt", "0x33", "0x2b", "0x2b", "0x2b", "0x0", "0x2b"]);
  });
  test("32-bit (WOW64): cs 0x23, fs 0x63", () => {
    const r = run(32, "8cc8 8ce6 8cd9 f4");
    expect([r.stop, r.regs.eax, r.regs.esi, r.regs.ecx]).toEqual(["hlt", "0x23", "0x63", "0x2b"]);
  });
});

describe("load_segment", () => {
  test("a flat selector and the null selector load; the state keeps them", () => {
    // mov ax, 0; mov es, ax; mov ax, 0x2b; mov fs, ax; mov ecx, es; mov edx, fs; hlt
    const r = run(64, "66b80000 8ec0 66b82b00 8ee0 8cc1 8ce2 f4");
    expect([r.stop, r.fallbacks, r.regs.rcx, r.regs.rdx]).toEqual(["hlt", 0, "0x0", "0x2b"]);
  });
  test("32-bit: loading the TEB selector into GS gives GS the TEB base", () => {
    // mov ax, fs; mov gs, ax; mov eax, gs:[0x10]; hlt — fs_base points at a table whose [0x10] is known.
    const r = runTranslated({ bits: 32, image: { raw: hex("668ce0 8ee8 65a110000000 f4" + "00".repeat(0x100 - 12) + "00".repeat(0x10) + "78563412"), base: BASE },
      entry: BASE, stack: STACK, regs: { fs_base: BASE + 0x100n }, seed: 1 });
    expect([r.stop, r.regs.eax]).toEqual(["hlt", "0x12345678"]);
  });
  test("pop with a new selector moves the stack", () => {
    // push 0x2b... 32-bit: push 0x0; pop es; mov eax, esp; hlt (ES was 0x2b: the runtime loads the null selector)
    const r = run(32, "6a00 07 89e0 8cc1 f4");
    expect([r.stop, r.regs.eax, r.regs.ecx]).toEqual(["hlt", `0x${(STACK.addr + BigInt(STACK.size) - 4n).toString(16)}`, "0x0"]);
  });
  test("an unknown selector is #GP", () => {
    const r = run(64, "66b83412 8ed8 f4");
    expect(r.stop).toBe("fault: general protection loading ds with selector 0x1234 (no such descriptor) at 0x400004");
  });
  test("a null SS in 32-bit mode is #GP", () => {
    expect(run(32, "31c0 8ed0 f4").stop).toMatch(/^fault: general protection loading ss with selector 0x0 /);
  });
});

describe("far_transfer", () => {
  test("32-bit: a far jump to 0x33 (heaven's gate) stops with a clear message", () => {
    const r = run(32, "ea 00 10 40 00 33 00");
    expect(r.stop).toBe("fault: far transfer to code selector 0x33 (CS is 0x23): a mode switch such as WOW64's far jump into 64-bit code, which aot run does not perform, at 0x400000");
  });
  test("a far call through memory to the current CS continues like a call", () => {
    // 32-bit: call far [ptr]; hlt; sub: mov eax, 7; retf; ptr (at +0x10): dd sub (+8); dw 0x23
    const r = run(32, "ff1d 10004000 f4 90 b807000000 cb 9090 " + "08004000 2300");
    expect([r.stop, r.regs.eax, r.fallbacks]).toEqual(["hlt", "0x7", 0]);
  });
});
