/**
 * @file `Decoder.decode` (fast path first) fills every `Insn` field exactly as `decodeGeneral`
 * alone does: on random 15-byte strings (plain, 66-, REX- and 0F-headed; default tier 100k per
 * mode, AOT_SLOW=1 1M) and on a linear sweep of Wine's x86_64 and i386 kernel32/ntdll.
 * Both sides are our code; what is right is checked against iced-x86 and objdump elsewhere — this
 * only pins the fast path to the general one, field by field (for an invalid encoding, the
 * length and form it defines).
 */
import { expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { corpusDir, count } from "../_env.ts";
import { Decoder, Insn } from "../../src/x86/index.ts";
import { decodeGeneral } from "../../src/x86/_general.ts";
import { codeSections } from "./_oracle.ts";

const SCALARS = ["length", "form", "mnemonic", "opCount", "memSeg", "memBase", "memIndex", "memScale", "memDisp", "memSize", "vsib",
  "imm", "immHi", "imm2", "target", "prefixes", "segPrefix", "osz", "asz", "vl", "mask", "zeroing", "bcst"] as const;

function differ(a: Insn, b: Insn): string | undefined {
  for (const f of SCALARS) if (a[f] !== b[f]) return `${f} ${a[f]} vs ${b[f]}`;
  for (let k = 0; k < a.opCount; k++) {
    if (a.kind[k] !== b.kind[k] || a.reg[k] !== b.reg[k]) return `operand ${k}: ${a.kind[k]}/${a.reg[k]} vs ${b.kind[k]}/${b.reg[k]}`;
  }
  return undefined;
}

function compare(bits: 16 | 32 | 64, code: Uint8Array, starts: Iterable<number>, va: number, lengthOnly: boolean, bad: string[]): number {
  const dec = new Decoder(bits, { operands: !lengthOnly });
  const a = new Insn(), b = new Insn();
  let n = 0;
  for (const p of starts) {
    n++;
    const la = dec.decode(code, p, code.length, va + p, a);
    const lb = decodeGeneral(code, p, code.length, va + p, b, bits === 64, bits === 16 ? 16 : 32, lengthOnly);
    // Invalid (0) defines only `length` and `form`; length-only mode only `length`, `form` and `mnemonic`.
    const sameForm = a.form === b.form && a.length === b.length && (!la || a.mnemonic === b.mnemonic);
    const d = la !== lb ? `returned ${la} vs ${lb}` : la === 0 || lengthOnly ? (sameForm ? undefined : "form") : differ(a, b);
    if (d && bad.length < 20) bad.push(`${bits}-bit ${Buffer.from(code.subarray(p, p + Math.max(la, lb, 4))).toString("hex")}: ${d}`);
  }
  return n;
}

const HEADS = [
  [], [0x48], [0x4c], [0x41], [0x0f], [0x48, 0x0f], [0x4d, 0x0f], [0x40], [0x66], [0x66, 0x48], [0x66, 0x0f], [0x66, 0x41, 0x0f],
];

for (const bits of [16, 32, 64] as const) {
  test(`fast path equals the general decoder on random strings, ${bits}-bit`, () => {
    const n = Math.ceil(count(100_000, 1_000_000) / HEADS.length);
    let s = 0x5eed + bits;
    const bad: string[] = [];
    for (const head of HEADS) {
      // Consecutive 15-byte windows of one random buffer: each start has exactly 15 bytes after it.
      const buf = new Uint8Array(n * 16 + 15);
      for (let i = 0; i < buf.length; i++) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; buf[i] = s >>> 24; }
      const starts = function* () { for (let p = 0; p < n * 16; p += 16) { buf.set(head, p); yield p; } };
      for (const lengthOnly of [false, true]) compare(bits, buf, starts(), 0x7ffe0000, lengthOnly, bad);
    }
    if (bad.length) console.log(bad.join("\n"));
    expect(bad).toEqual([]);
  }, 600_000);
}

test("fast path equals the general decoder on Wine kernel32 and ntdll, both architectures", () => {
  const bad: string[] = [];
  let swept = 0;
  for (const arch of ["x86_64-windows", "i386-windows"]) {
    for (const dll of ["kernel32.dll", "ntdll.dll"]) {
      const path = join(corpusDir(), arch, dll);
      if (!existsSync(path)) continue;
      for (const sec of codeSections(path) ?? []) {
        const dec = new Decoder(sec.bits), tmp = new Insn();
        const starts: number[] = [];
        for (let p = 0; p < sec.bytes.length; ) { starts.push(p); p += dec.decode(sec.bytes, p, sec.bytes.length, sec.va + p, tmp) || 1; }
        for (const lengthOnly of [false, true]) swept += compare(sec.bits, sec.bytes, starts, sec.va, lengthOnly, bad);
      }
    }
  }
  if (bad.length) console.log(bad.join("\n"));
  expect(bad).toEqual([]);
  expect(swept).toBeGreaterThan(0);
}, 600_000);
