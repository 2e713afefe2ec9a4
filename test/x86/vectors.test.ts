/**
 * @file Golden decoder vectors: every line of test/x86/vectors/<map>-<bits>.txt (generated with
 * the iced-x86 oracle by scripts/gen-x86-vectors.ts) must decode to the same length, mnemonic
 * and operands with our decoder. Form ids are compared too and reported as a figure (ours follow
 * iced's naming where the SDM spelling allows).
 */
import { expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Decoder, Insn, K, R, regName, tables, FF } from "../../src/x86/index.ts";
import { IP, dispWidth, generateVectors, memText } from "../../scripts/gen-x86-vectors.ts";
import { MNEMONIC_ALIAS } from "./_oracle.ts";

const DIR = join(import.meta.dir, "vectors");

const hex = (n: bigint) => `0x${n.toString(16)}`;

/** Our decode of `bytes` in the vector line format (without the bytes and Code columns). */
export function ourLine(bits: 16 | 32 | 64, bytes: Uint8Array, d: Decoder, i: Insn): { form: string; rest: string } {
  const buf = new Uint8Array(bytes.length + 14);
  buf.set(bytes);
  buf.fill(0x11, bytes.length);
  const len = d.decode(bytes, 0, bytes.length, Number(IP[bits]), i);
  const t = tables();
  if (!len) return { form: "INVALID", rest: "(bad), 0" };
  const ops: string[] = [];
  for (let k = 0; k < i.opCount; k++) {
    switch (i.kind[k]) {
      case K.REG: ops.push(`r:${regName(i.reg[k]!)}`); break;
      case K.MEM: {
        const base = i.memBase ? regName(i.memBase) : "";
        const index = i.memIndex ? regName(i.memIndex) : "";
        const rip = i.memBase === R.RIP || i.memBase === R.EIP;
        const moffs64 = (t.formFlags[i.form]! & FF.MOFFS) !== 0 && i.asz === 64;
        const width = base || index ? dispWidth(bits, base || index, 0) : i.asz === 16 ? 16 : moffs64 ? 64 : 32;
        const disp = moffs64 ? (BigInt(i.immHi) << 32n) | BigInt(i.imm) : BigInt(i.memDisp);
        ops.push(memText(base, index, i.memScale, disp, rip, width));
        break;
      }
      case K.IMM: {
        const v = i.immHi ? (BigInt(i.immHi) << 32n) | BigInt(i.imm >>> 0) : BigInt.asUintN(64, BigInt(i.imm));
        ops.push(`i:${hex(v)}`);
        break;
      }
      case K.IMM2: ops.push(`i2:${hex(BigInt(i.imm2))}`); break;
      case K.BRANCH: ops.push(`b:${hex(BigInt(i.target))}`); break;
      case K.FAR: ops.push(`f:${hex(BigInt(i.immHi))}:${hex(BigInt(i.imm))}`); break;
      case K.MEM_SI: ops.push("ms"); break;
      case K.MEM_DI: ops.push("md"); break;
    }
  }
  const m = t.mnemonics[i.mnemonic]!.toLowerCase();
  return { form: t.formIds[i.form]!, rest: `${MNEMONIC_ALIAS[m] ?? m}, ${len}${ops.length ? ", " + ops.join("; ") : ""}` };
}

const files = readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort();

test("vectors are what scripts/gen-x86-vectors.ts generates (re-run it after changing the script)", () => {
  const gen = generateVectors();
  expect([...gen.keys()].sort()).toEqual(files);
  for (const [f, text] of gen) expect(readFileSync(join(DIR, f), "utf8") === text ? f : `${f} differs`).toBe(f);
}, 120_000);

for (const f of files) {
  test(`vectors ${f}`, () => {
    const bits = Number(/-(\d+)\.txt$/.exec(f)![1]) as 16 | 32 | 64;
    const d = new Decoder(bits);
    const i = new Insn();
    const bad: string[] = [];
    let n = 0, formSame = 0;
    for (const line of readFileSync(join(DIR, f), "utf8").split("\n")) {
      if (!line || line.startsWith("#")) continue;
      const [h, code, ...rest] = line.split(", ");
      const want = rest.join(", ").replace(/ \(bad\), 0$/, "(bad), 0");
      const got = ourLine(bits, Uint8Array.from(Buffer.from(h!, "hex")), d, i);
      n++;
      if (got.form === code) formSame++;
      if (got.rest !== want) bad.push(`${h}: want ${code} ${want} | got ${got.form} ${got.rest}`);
    }
    console.log(`${f}: ${n} vectors, ${n - bad.length} agree, form ids equal to iced's Code: ${formSame}`);
    if (bad.length) console.log(bad.slice(0, 30).join("\n"));
    expect(bad.length).toBe(0);
  });
}
