/**
 * @file The reference's one fatal input: Unicorn 2.0.1 divides DX:AX / EDX:EAX by a host integer
 * division for IDIV r/m16 and r/m32, so INT_MIN / -1 raises SIGFPE and kills the test process
 * (found by the soak tier's random muldiv blocks). x86 raises #DE for that dividend whatever the
 * divisor, and `IdivGuard` (src/verify/x86-run.ts) stops the reference before such an IDIV: the
 * Differ counts the state as skipped. Any other dividend still runs and is compared.
 */
import { expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { IdivGuard } from "../../src/verify/x86-run.ts";
import { translator } from "./_translate.ts";

const SKIP = IdivGuard.REASON;

for (const bits of [32, 64] as const) {
  test(`${bits}-bit: IDIV of INT_MIN by -1 is skipped, not run; other dividends are compared`, () => {
    const d = new Differ({ bits, translate: translator(bits, "tso"), seed: 11 });
    // mov edx, 0x80000000; xor eax, eax; or ecx, -1; idiv ecx
    d.testBlock(Uint8Array.from([0xba, 0, 0, 0, 0x80, 0x31, 0xc0, 0x83, 0xc9, 0xff, 0xf7, 0xf9]), ["mov edx, 0x80000000", "xor eax, eax", "or ecx, -1", "idiv ecx"], 10);
    // mov dx, 0x8000; xor eax, eax; or ecx, -1; idiv cx
    d.testBlock(Uint8Array.from([0x66, 0xba, 0, 0x80, 0x31, 0xc0, 0x83, 0xc9, 0xff, 0x66, 0xf7, 0xf9]), ["mov dx, 0x8000", "xor eax, eax", "or ecx, -1", "idiv cx"], 10);
    expect(d.stats.skipped[SKIP]).toBe(20);
    expect(d.stats.states).toBe(0);
    // mov edx, 0x80000000; mov eax, 1; or ecx, -1; idiv ecx: the quotient overflows, #DE on both sides.
    d.testBlock(Uint8Array.from([0xba, 0, 0, 0, 0x80, 0xb8, 1, 0, 0, 0, 0x83, 0xc9, 0xff, 0xf7, 0xf9]), ["mov edx, 0x80000000", "mov eax, 1", "or ecx, -1", "idiv ecx"], 10);
    d.close();
    expect(d.stats.states).toBe(10);
    expect(d.stats.refFaults["interrupt 0"]).toBe(10);
    expect(d.stats.mismatches).toBe(0);
  });
}
