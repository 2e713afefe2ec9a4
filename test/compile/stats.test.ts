/**
 * @file `aot translate --stats` (src/compile/stats.ts) on corpus DLLs: the counts add up against
 * discovery and the translator's own fallbacks, and the FP/SIMD definition agrees, instruction by
 * instruction, with iced-x86's own text of each instruction (an XMM/YMM/ZMM/MM/ST/K register
 * operand, an x87 `f…` mnemonic, or one of the FP-state instructions without register operands).
 */
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Decoder as Iced, DecoderOptions, Formatter, FormatterSyntax } from "iced-x86";
import { parsePe, mapImage } from "../../src/pe/index.ts";
import { imageStats, fpSimdForms } from "../../src/compile/stats.ts";
import { discoveredBlocks } from "../../src/compile/images.ts";
import { Decoder, Insn, FLOW, tables } from "../../src/x86/index.ts";
import { runAot, wine32Dir, wine64Dir } from "../_env.ts";

const FP_TEXT = /\b([xyz]mm\d+|mm[0-7]|st(\(\d\))?|k[0-7]|tmm[0-7])\b/;
const FP_STATE = new Set(["emms", "ldmxcsr", "stmxcsr", "vldmxcsr", "vstmxcsr", "vzeroupper", "vzeroall"]);
/** The vector slice (the list, and the moves and shuffles added to it, as iced spells them): on XMM registers these count as integer code. */
const SLICE = new Set(("movaps movups movapd movupd movdqa movdqu movntps movntpd movntdq movd movq movss movsd movlps movlpd movhps movhpd " +
  "pxor por pand pandn xorps xorpd orps orpd andps andpd andnps andnpd pcmpeqb pcmpeqw pcmpeqd " +
  "punpcklbw punpcklwd punpckldq punpcklqdq punpckhbw punpckhwd punpckhdq punpckhqdq unpcklps unpcklpd unpckhps unpckhpd " +
  "pshufd pmovmskb movmskps movmskpd " +
  "movddup movsldup movshdup lddqu movntss movntsd movhlps movlhps pshuflw pshufhw shufps shufpd pinsrw pextrw extrq insertq").split(" "));

function load(path: string) {
  const pe = parsePe(new Uint8Array(readFileSync(path)), path);
  return { pe, img: mapImage(pe) };
}

test.each([["64", "msvcrt.dll"], ["32", "msvcrt.dll"]])("%s-bit %s: counts add up", (bits, name) => {
  const { pe, img } = load(join(bits === "64" ? wine64Dir() : wine32Dir(), name));
  const s = imageStats(pe, img);
  expect(s.blocks).toBe(discoveredBlocks(pe, img).length);
  expect(s.blocks).toBeGreaterThan(1000);
  expect(s.translated + s.fallbacks.reduce((n, f) => n + f.blocks, 0)).toBe(s.blocks);
  expect(s.integer.blocks).toBeLessThanOrEqual(s.blocks);
  expect(s.integer.translated).toBeLessThanOrEqual(s.integer.blocks);
  expect(s.blocks - s.integer.blocks).toBeGreaterThan(0); // msvcrt has FP code
  for (let i = 1; i < s.fallbacks.length; i++) expect(s.fallbacks[i]!.blocks).toBeLessThanOrEqual(s.fallbacks[i - 1]!.blocks);
}, 60_000);

test.each([64, 32] as const)("FP/SIMD forms agree with iced-x86's text of every instruction of a %d-bit DLL's blocks", (bits) => {
  const { pe, img } = load(join(bits === 64 ? wine64Dir() : wine32Dir(), "msvcrt.dll"));
  const fp = fpSimdForms(), t = tables();
  const dec = new Decoder(bits), insn = new Insn();
  const fmt = new Formatter(FormatterSyntax.Intel);
  let n = 0, nFp = 0;
  const bad: string[] = [];
  const base = Number(img.base);
  for (const b of discoveredBlocks(pe, img)) {
    for (let p = b.rva, k = 0; k < 200 && p < b.end; k++) {
      const len = dec.decode(img.memory, p, b.end, base + p, insn);
      if (!len) break;
      const iced = new Iced(bits, img.memory.subarray(p, p + len), DecoderOptions.None);
      iced.ip = BigInt(base + p);
      const text = fmt.format(iced.decode());
      iced.free();
      const mn = text.split(" ")[0]!;
      const slice = SLICE.has(mn) && !/\bmm[0-7]\b/.test(text);
      const want = (FP_TEXT.test(text) || mn.startsWith("f") || FP_STATE.has(mn)) && !slice;
      if (want !== (fp[insn.form] === 1)) bad.push(text);
      n++; if (want) nFp++;
      if (t.formFlow[insn.form] !== FLOW.NEXT) break;
      p += len;
    }
  }
  expect(bad.slice(0, 10)).toEqual([]);
  expect(n).toBeGreaterThan(10_000);
  expect(nFp).toBeGreaterThan(100);
}, 60_000);

test("the CLI: --json, text, and --stats on a non-PE", () => {
  const dll = join(wine64Dir(), "advpack.dll");
  const j = runAot(["translate", "--stats", dll, "--json"]);
  expect(j.code).toBe(0);
  const o = JSON.parse(j.stdout);
  const { pe, img } = load(dll);
  expect(o.blocks).toBe(discoveredBlocks(pe, img).length);
  expect(o.translated + o.fallbacks.reduce((a: number, f: { blocks: number }) => a + f.blocks, 0)).toBe(o.blocks);
  const t = runAot(["translate", "--stats", dll]);
  expect(t.code).toBe(0);
  expect(t.stdout).toContain(`translated without fallback: ${o.translated}/${o.blocks}`);
  expect(t.stdout).toContain(`blocks with no FP/SIMD instruction: ${o.integer.translated}/${o.integer.blocks}`);
  const bad = runAot(["translate", "--stats", join(import.meta.dir, "stats.test.ts")]);
  expect(bad.code).toBe(2);
  expect(bad.stderr.trim().split("\n").length).toBe(1);
}, 60_000);
