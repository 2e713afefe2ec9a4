/**
 * @file The translator retries a block shorter when the lowering cannot place it (ABI §3.1): here,
 * a 2-byte atomic's `tbnz` alignment test (±32 KiB) whose cold path lands beyond its reach because
 * the block behind it is long. The block must come out shorter and complete, never as an error.
 */
import { expect, test } from "bun:test";
import { Translator } from "../../src/compile/translate.ts";
import { BASELINE } from "../../src/arm64/features.ts";

// xchg word [rax], cx, then shld rax, rbx, cl (0f a5 d8) many times: ~30 words each.
const XCHG16 = [0x66, 0x87, 0x08], SHLD = [0x48, 0x0f, 0xa5, 0xd8];
const COUNT = 400;

test("a block too long for a tbnz to reach its cold path is retried shorter", () => {
  const bytes = new Uint8Array([...XCHG16, ...Array.from({ length: COUNT }, () => SHLD).flat(), 0xc3]);
  const t = new Translator({ mode: 64, lower: { features: BASELINE, memoryOrder: "tso", pic: false }, maxInsns: COUNT + 2 });
  const tb = t.translate(bytes, 0, bytes.length, 0x1000n);
  // Some SHLDs dropped: the whole thing would put the cold path more than 8192 words away.
  expect(tb.guestLength).toBeGreaterThan(XCHG16.length);
  expect(tb.guestLength).toBeLessThan(bytes.length - 1);
  expect((tb.guestLength - XCHG16.length) % SHLD.length).toBe(0);
  // Its tbnz reaches: the cold path is within 8192 words of the first word.
  expect(tb.code[0]! >>> 24).toBe(0x37); // tbnz (b5 = 1, bit 0)
  const imm14 = (tb.code[0]! >>> 5) & 0x3fff;
  expect(imm14).toBeGreaterThan(0);
  expect(imm14).toBeLessThan(0x2000);
});

test("the same SHLDs without the 2-byte atomic in front are translated whole (no tbnz, no retry)", () => {
  const bytes = new Uint8Array([...Array.from({ length: COUNT }, () => SHLD).flat(), 0xc3]);
  const t = new Translator({ mode: 64, lower: { features: BASELINE, memoryOrder: "tso", pic: false }, maxInsns: COUNT + 2 });
  expect(t.translate(bytes, 0, bytes.length, 0x1000n).guestLength).toBe(bytes.length);
});
