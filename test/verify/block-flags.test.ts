/**
 * @file The random-block harness's undefined-flag rule (src/verify/block-flags.ts `undefAfter`),
 * case by case from the SDM: written flags become defined, a shift by CL only adds (count 0 writes
 * nothing), an immediate count that masks to 0 changes nothing, and RCL/RCR by a nonzero multiple
 * of 9/17 rotates nothing yet leaves OF undefined.
 */
import { expect, test } from "bun:test";
import { Decoder, Insn, tables } from "../../src/x86/index.ts";
import { formFlags, undefAfter } from "../../src/verify/block-flags.ts";

const CF = 0x1, OF = 0x800, ALL = 0x8d5;

/** undefAfter for the instruction in `hex` (64-bit mode), starting from `undef`. */
function after(hex: string, undef: number): number {
  const insn = new Insn(), bytes = Uint8Array.from(Buffer.from(hex, "hex"));
  expect(new Decoder(64).decode(bytes, 0, bytes.length, 0x1000, insn)).toBe(bytes.length);
  const t = tables();
  return undefAfter(insn, t.mnemonics[insn.mnemonic]!.toLowerCase(), formFlags(t.formIds[insn.form]!), undef);
}

test("an instruction that writes every status flag defines them all (add eax, ebx)", () => {
  expect(after("01d8", ALL)).toBe(0);
});

test("an immediate count that masks to 0 changes nothing (shl eax, 0; shl eax, 32)", () => {
  expect(after("c1e000", CF | OF)).toBe(CF | OF);
  expect(after("c1e020", CF | OF)).toBe(CF | OF);
});

test("a count in CL may be 0: an undefined CF stays undefined (shl eax, cl)", () => {
  expect(after("d3e0", CF) & CF).toBe(CF);
});

test("rcl byte [rbx], 27 rotates nothing (27 mod 9 = 0): CF keeps its status, OF becomes undefined", () => {
  expect(after("c0131b", CF)).toBe(CF | OF);
  expect(after("c0131b", 0)).toBe(OF);
});

test("rcl byte [rbx], 1 writes CF and OF", () => {
  expect(after("d013", CF | OF)).toBe(0);
});
