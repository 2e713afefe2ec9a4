/**
 * @file Row rflags against the iced-x86 oracle: every golden vector (test/x86/vectors/*.txt, all
 * modes) is decoded by our decoder (giving the form, hence the row's `fr= fw= fu= f0= f1=`) and by
 * iced (giving `rflagsRead/Written/Undefined/Cleared/Set`); each form must agree on all five sets
 * for every vector that decodes to it. Prints the agreement figures and the disagreeing forms.
 *
 * Letters → iced's `RflagsBits` (`LETTER` below): o s z a c p d i as in iced, `A` AC, `u` UIF.
 * `t` (TF) has no iced bit and is left out of the comparison. iced also reports the x87 status
 * word's C0–C3 in `RflagsBits`; those are not RFLAGS and the rows do not carry them, so they are
 * masked out of iced's bits (`X87_CC`). A flag is in exactly one set: where the SDM defines OF only
 * for a count of 1 (shifts, rotates, SHLD/SHRD by imm8/CL), iced calls it undefined, not also written; the rows follow iced.
 */
import { expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Decoder as IcedDecoder, DecoderOptions, Instruction, Mnemonic, OpKind, RflagsBits } from "iced-x86";
import { Decoder, Insn, tables } from "../../src/x86/index.ts";
import { buildTables } from "../../src/x86/tables/_build.ts";
import { IP } from "../../scripts/gen-x86-vectors.ts";

const DIR = join(import.meta.dir, "vectors");

const LETTER: Record<string, number> = {
  o: RflagsBits.OF, s: RflagsBits.SF, z: RflagsBits.ZF, a: RflagsBits.AF, c: RflagsBits.CF, p: RflagsBits.PF,
  d: RflagsBits.DF, i: RflagsBits.IF, A: RflagsBits.AC, u: RflagsBits.UIF,
  t: 0,
};
const X87_CC = RflagsBits.C0 | RflagsBits.C1 | RflagsBits.C2 | RflagsBits.C3;
const bits = (letters: string): number => {
  let b = 0;
  for (const ch of letters) {
    const v = LETTER[ch];
    if (v === undefined) throw new Error(`rflags letter "${ch}" has no mapping`);
    b |= v;
  }
  return b;
};
const letters = (b: number): string => Object.entries(LETTER).filter(([, v]) => v && b & v).map(([k]) => k).join("");
// iced reports no flags at all for a shift/rotate whose immediate count masks to 0 (the SDM: flags
// unaffected); a row describes the form, so those vectors are skipped.
const SHIFTS = new Set([Mnemonic.Rol, Mnemonic.Ror, Mnemonic.Rcl, Mnemonic.Rcr, Mnemonic.Shl, Mnemonic.Sal, Mnemonic.Shr, Mnemonic.Sar, Mnemonic.Shld, Mnemonic.Shrd]);
const zeroCount = (ii: Instruction): boolean =>
  SHIFTS.has(ii.mnemonic) && ii.opKind(ii.opCount - 1) === OpKind.Immediate8 && ii.rflagsRead === 0 && ii.rflagsModified === 0;
const show = (f: number[]): string => ["fr", "fw", "fu", "f0", "f1"].map((k, j) => (f[j] ? `${k}=${letters(f[j]!)}` : "")).filter(Boolean).join(" ") || "(none)";

test("row rflags agree with iced-x86 on every golden vector", () => {
  const built = buildTables();
  const t = tables();
  expect(built.formIds).toEqual(t.formIds);
  const ours = built.forms.map((f) => [bits(f.rflags.r), bits(f.rflags.w), bits(f.rflags.u), bits(f.rflags.c), bits(f.rflags.s)]);
  // form → set of iced tuples seen, plus an example vector.
  const seen = new Map<number, Map<string, string>>();
  const ii = new Instruction();
  const insn = new Insn();
  let vectors = 0, skipped = 0;
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort()) {
    const mode = Number(/-(\d+)\.txt$/.exec(file)![1]) as 16 | 32 | 64;
    const d = new Decoder(mode);
    for (const line of readFileSync(join(DIR, file), "utf8").split("\n")) {
      if (!line || line.startsWith("#")) continue;
      const h = line.slice(0, line.indexOf(","));
      const bytes = Uint8Array.from(Buffer.from(h, "hex"));
      const len = d.decode(bytes, 0, bytes.length, Number(IP[mode]), insn);
      if (!len) continue;
      const icd = new IcedDecoder(mode, bytes, DecoderOptions.None);
      icd.ip = IP[mode]!;
      icd.decodeOut(ii);
      icd.free();
      if (ii.isInvalid) continue;
      if (zeroCount(ii)) { skipped++; continue; }
      vectors++;
      const key = [ii.rflagsRead, ii.rflagsWritten, ii.rflagsUndefined, ii.rflagsCleared, ii.rflagsSet].map((b) => b & ~X87_CC).join(",");
      let m = seen.get(insn.form);
      if (!m) seen.set(insn.form, (m = new Map()));
      if (!m.has(key)) m.set(key, `${file}:${h}`);
    }
  }
  const bad: string[] = [];
  let agree = 0, declared = 0, declaredAgree = 0, undeclaredTouch = 0;
  for (const [form, m] of seen) {
    const o = ours[form]!;
    const has = o.some((x) => x !== 0);
    if (has) declared++;
    const wrong = [...m].filter(([k]) => k !== o.join(","));
    if (!wrong.length) {
      agree++;
      if (has) declaredAgree++;
      continue;
    }
    if (!has) undeclaredTouch++;
    const icedText = wrong.map(([k, at]) => `${show(k.split(",").map(Number))} (${at})`).join("; ");
    bad.push(`${t.formIds[form]}: ours ${show(o)} | iced ${icedText}`);
  }
  console.log(`rflags: ${vectors} vectors (${skipped} zero-count shifts skipped), ${seen.size} forms, ${agree} agree; rows declaring flags ${declared} (${declaredAgree} agree); rows without flags that iced says touch flags: ${undeclaredTouch}`);
  if (bad.length) console.log(bad.sort().join("\n"));
  expect(bad).toEqual([]);
}, 120_000);
