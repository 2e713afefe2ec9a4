/**
 * @file Stage 8 (compiler): translation coverage of a whole image (`aot translate --stats`).
 * Every block static discovery finds (`discoveredBlocks`, what `aot compile --discover`
 * compiles) is translated as the compiler would (position independent, TSO); the result counts
 * the blocks, those translated without a fallback, the fallbacks by mnemonic, and the same share
 * over the blocks that contain no FP/SIMD instruction (the integer subset, which does not wait for
 * the vector slice).
 *
 * **FP/SIMD instruction** (defined from the decoder's tables, per form): a form one of whose
 * operands is an x87, MMX, SSE/AVX or AVX-512 register (register class ST, MM, XMM, YMM, ZMM, K
 * or TMM, including fixed and ST(i) operands and VSIB index registers), or a form of the x87
 * escape map D8–DF (`src/x86/tables/x87.ts`: FNINIT, FLD1, ... have no register operand), or one
 * of the FP/vector state instructions with only memory or no operands: (F)WAIT, EMMS, FEMMS,
 * (V)LDMXCSR, (V)STMXCSR, FXSAVE(64), FXRSTOR(64), VZEROUPPER, VZEROALL. Forms are matched, not
 * mnemonics: string MOVSD/CMPSD are integer instructions, SSE MOVSD/CMPSD are not. The vector
 * slice (`src/x86/semantics/vector.ts`: SSE moves, logic, compare-equal, unpacks, PSHUFD, move
 * masks; `vector-shuffle.ts`: lane duplicates, shuffles, word inserts/extracts, bit fields; on XMM
 * registers and not MMX) is not FP/SIMD here: the coverage goal counts the
 * blocks with no FP/SIMD instruction outside the slice.
 *
 * A block's instructions, for that test, are those from its start to its first control transfer
 * (at most the translator's 200): the block as discovery sees it, whether or not the translation
 * stopped earlier at a fallback.
 *
 *   const s = imageStats(pe, img);  // { blocks, translated, fallbacks: [{ mnemonic, blocks }], integer: {...} }
 */
import type { MappedImage, PeFile } from "../pe/index.ts";
import { Decoder, FLOW, Insn, RC, R, tables } from "../x86/index.ts";
import { S } from "../x86/tables/_schema.ts";
import { X87 } from "../x86/tables/x87.ts";
import { BASELINE } from "../arm64/features.ts";
import { discoveredBlocks } from "./images.ts";
import { Translator } from "./translate.ts";
import { VECTOR_SEMANTICS } from "../x86/semantics/vector.ts";
import { SHUFFLE_SEMANTICS } from "../x86/semantics/vector-shuffle.ts";

export interface ImageStats {
  blocks: number;
  /** Blocks translated to their end without a fallback. */
  translated: number;
  /** Fallbacks by mnemonic (the instruction that ended a block), most frequent first. */
  fallbacks: { mnemonic: string; blocks: number }[];
  /** The same figures over the blocks that contain no FP/SIMD instruction. */
  integer: { blocks: number; translated: number; fallbacks: { mnemonic: string; blocks: number }[] };
  /** Instructions decoded in all blocks, and how many of them are FP/SIMD. */
  insns: number;
  fpInsns: number;
}

const MAX_INSNS = 200;
const FP_CLASSES = new Set<number>([RC.ST, RC.MM, RC.XMM, RC.YMM, RC.ZMM, RC.K, RC.TMM]);
const SLICE = new Set([...Object.keys(VECTOR_SEMANTICS), ...Object.keys(SHUFFLE_SEMANTICS)]);
const FP_STATE = new Set(["WAIT", "FWAIT", "EMMS", "FEMMS", "LDMXCSR", "STMXCSR", "VLDMXCSR", "VSTMXCSR", "FXSAVE", "FXSAVE64", "FXRSTOR", "FXRSTOR64", "VZEROUPPER", "VZEROALL"]);

/** Is a fixed register id one of the FP/SIMD register files? */
const fpReg = (r: number): boolean => r >= R.ST && r < R.ZMM + 32 || r >= R.K && r < R.K + 8 || r >= R.TMM && r < R.TMM + 8;

let fpForms: Uint8Array | undefined;

/** Per form id: 1 when the form is an FP/SIMD instruction (the definition in the file overview). */
export function fpSimdForms(): Uint8Array {
  if (fpForms) return fpForms;
  const t = tables();
  const x87 = new Set(X87.split("\n").filter((l) => l.includes("|") && !l.trimStart().startsWith("#")).map((l) => l.split("|")[1]!.trim().split(/\s+/)[0]!.toUpperCase()));
  const out = new Uint8Array(t.formMnem.length);
  for (let f = 1; f < out.length; f++) {
    const m = (t.mnemonics[t.formMnem[f]!] ?? "").toUpperCase();
    let fp = x87.has(m) || FP_STATE.has(m);
    for (let i = 0; i < 5 && !fp; i++) {
      const src = t.opSrc[f * 5 + i]!, cls = t.opCls[f * 5 + i]!;
      if (src === 0) continue;
      if (src === S.FIXED) fp = fpReg(cls);
      else if (src === S.STI) fp = true;
      else if (src === S.VSIB) fp = FP_CLASSES.has(cls) || FP_CLASSES.has(t.opExt[f * 5 + i]!);
      else fp = FP_CLASSES.has(cls);
    }
    // A slice mnemonic on XMM registers (no MMX operand) is translated like integer code.
    if (fp && (SLICE.has(m) || m === "MOVSD")) {
      let mmx = false;
      for (let i = 0; i < 5; i++) if (t.opSrc[f * 5 + i] !== 0 && t.opSrc[f * 5 + i] !== S.FIXED && t.opCls[f * 5 + i] === RC.MM) mmx = true;
      if (!mmx) fp = false;
    }
    out[f] = fp ? 1 : 0;
  }
  return (fpForms = out);
}

/** Translate every discovered block of `img` and count (see the file overview). */
export function imageStats(pe: PeFile, img: MappedImage): ImageStats {
  const mode = pe.is64 ? 64 : 32;
  const tr = new Translator({ mode, lower: { features: BASELINE, memoryOrder: "tso", pic: true, imageBase: img.base } });
  const dec = new Decoder(mode), insn = new Insn();
  const t = tables(), fp = fpSimdForms();
  const fallbacks = new Map<string, number>(), intFallbacks = new Map<string, number>();
  const s: ImageStats = { blocks: 0, translated: 0, fallbacks: [], integer: { blocks: 0, translated: 0, fallbacks: [] }, insns: 0, fpInsns: 0 };
  const base = Number(img.base);
  for (const b of discoveredBlocks(pe, img)) {
    const tb = tr.translate(img.memory, b.rva, b.end, img.base + BigInt(b.rva));
    s.blocks++;
    const ok = tb.fallback === "";
    if (ok) s.translated++;
    else fallbacks.set(tb.fallback, (fallbacks.get(tb.fallback) ?? 0) + 1);
    let hasFp = false;
    for (let p = b.rva, k = 0; k < MAX_INSNS && p < b.end; k++) {
      const len = dec.decode(img.memory, p, b.end, base + p, insn);
      if (!len) break;
      s.insns++;
      if (fp[insn.form]) { hasFp = true; s.fpInsns++; }
      if (t.formFlow[insn.form] !== FLOW.NEXT) break;
      p += len;
    }
    if (!hasFp) {
      s.integer.blocks++;
      if (ok) s.integer.translated++;
      else intFallbacks.set(tb.fallback, (intFallbacks.get(tb.fallback) ?? 0) + 1);
    }
  }
  const sorted = (m: Map<string, number>) => [...m].map(([mnemonic, blocks]) => ({ mnemonic, blocks })).sort((a, b) => b.blocks - a.blocks || (a.mnemonic < b.mnemonic ? -1 : 1));
  s.fallbacks = sorted(fallbacks);
  s.integer.fallbacks = sorted(intFallbacks);
  return s;
}
