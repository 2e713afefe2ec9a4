/**
 * @file Code quality (stage 11 bench): ARM64 instructions we emit per FEX row, against FEX-Emu's
 * own counts (src/bench/data/fex-instcount.tsv, embedded). Each row whose instructions we all
 * translate (no fallback) and whose host features we can assume is translated as its own block,
 * every register and flag live at its exit, and its body is counted as FEX counts (the exit stub
 * is not counted, flag materialisation is). Cold code placed after the stubs is not counted
 * either: the 128-bit-dividend loops of 64-bit DIV/IDIV (FEX calls out for those); the tests that
 * guard them are counted. Misaligned atomics cost nothing in the code on either side: both leave
 * them to the runtime's alignment handler (ABI §8; FEX's SIGBUS handler). Reported per FEX file: rows translated and the
 * geometric mean of ours/FEX (rows where FEX emits 0 are listed apart: a ratio to 0 has no mean).
 *
 * What differs by design, not by code quality (so the ratio is read right): FEX at this commit keeps
 * x86 CF *inverted* in NZCV at block boundaries, we keep C = CF (docs/runtime-abi.md §4), so a
 * block ending in sub/cmp/sbb/neg costs us the 3-word C flip without FlagM where FEX pays on
 * add/adc instead; FEX issues unaligned-unsafe LDAR/STLR and repairs them by rewriting code, our
 * caches are never written, so ordinary accesses under TSO are `ldr; dmb` / `dmb; str` (ABI §8);
 * every flag is live at every block end on both sides.
 *
 * `worst`: the rows furthest above FEX, by extra words (default) or by ratio, each with our body
 * as ARM64 text when asked (`aot bench quality --worst N --by ratio --listing`).
 *
 *   const r = benchQuality();  // { files: [{ file, rows, total, geomean }], geomean, worst }
 */
import TSV from "../data/fex-instcount.tsv" with { type: "text" };
import { Translator } from "../../compile/translate.ts";
import { BASELINE, type HostFeatures } from "../../arm64/features.ts";
import { disasmWord } from "../../arm64/disasm.ts";
import { LDST, ldstUimm } from "../../arm64/isa/load-store.ts";
import type { Uimm12s } from "../../arm64/imm.ts";
import { STATE, SYM } from "../../ir/state.ts";

export interface QualityFile { file: string; rows: number; total: number; geomean: number; zeroRows: number; helperRows: number }
export interface QualityRow { file: string; text: string; ours: number; fex: number; ratio: number; listing?: string[] }
export interface QualityOptions { worst?: number; by?: "words" | "ratio"; listing?: boolean }
export interface QualityResult { files: QualityFile[]; geomean: number; rows: number; worst: QualityRow[] }

/** FEX feature names we can honour, and the switch each sets. */
const FEATURES: Record<string, keyof HostFeatures> = { FLAGM: "flagm", FLAGM2: "flagm2", LRCPC: "rcpc" };
/**
 * Features that change only FEX's floating-point and vector code (FRINTTS: float→int rounding,
 * AFP/RPRES: FP behaviour and estimates, SVE: vector width, CRYPTO: AES/SHA, FCMA: complex FP),
 * and RNG, which changes only RDRAND/RDSEED (SecondaryGroup.json is measured with it on; we reach
 * those two through a runtime symbol whatever the host has). A row we translate is otherwise
 * integer code, so FEX's count for it does not depend on them; rows assuming any other feature we
 * lack (CSSC, MOPS, ...) are skipped.
 */
const FP_ONLY = new Set(["RNG", "FRINTTS", "AFP", "RPRES", "SVE128", "SVE256", "CRYPTO", "FCMA"]);

export function benchQuality(filter?: (file: string) => boolean, opts: QualityOptions = {}): QualityResult {
  const bodies = new Map<QualityRow, Uint32Array>();
  const lines = TSV.split("\n").slice(1).filter(Boolean);
  const per = new Map<string, { logSum: number; rows: number; total: number; zero: number; helper: number }>();
  const all: QualityRow[] = [];
  const translators = new Map<string, Translator>();
  for (const line of lines) {
    const [file = "", bitness, enabled = "", , , text = "", count = "", hexBytes = "", fexStr = ""] = line.split("\t");
    if (filter && !filter(file)) continue;
    const f = per.get(file) ?? { logSum: 0, rows: 0, total: 0, zero: 0, helper: 0 };
    per.set(file, f);
    f.total++;
    const features = { ...BASELINE };
    let ok = true;
    for (const e of enabled.split(",").filter(Boolean)) {
      const k = FEATURES[e.toUpperCase()];
      if (k) features[k] = true;
      else if (!FP_ONLY.has(e.toUpperCase())) ok = false;
    }
    if (!ok) continue;
    const mode = bitness === "32" ? 32 : 64;
    const order = /TSO/.test(file) ? "tso" : "relaxed";
    const key = `${mode}/${order}/${JSON.stringify(features)}`;
    let t = translators.get(key);
    if (!t) translators.set(key, (t = new Translator({ mode, lower: { features, memoryOrder: order, pic: false } })));
    const bytes = Uint8Array.from(Buffer.from(hexBytes, "hex"));
    const tb = t.translate(bytes, 0, bytes.length, 0x10000n);
    const want = Number(count);
    if (tb.fallback || tb.insnCount !== want || tb.guestLength !== bytes.length) continue;
    const ours = tb.bodyWords;
    const fex = Number(fexStr);
    f.rows++;
    if (fex === 0) { f.zero++; continue; }
    // Done by a runtime symbol (CPUID, RDTSC, RDRAND, a segment load, ...): the body is only the
    // way out, so a ratio would flatter us. Counted as translated, kept out of the mean.
    if (helperExit(tb.code, ours)) { f.helper++; continue; }
    const ratio = ours / fex;
    f.logSum += Math.log(Math.max(ratio, 1 / 64));
    const row: QualityRow = { file, text, ours, fex, ratio };
    all.push(row);
    if (opts.listing) bodies.set(row, tb.code.slice(0, ours));
  }
  const files: QualityFile[] = [...per.entries()].map(([file, f]) => ({
    file, rows: f.rows, total: f.total, zeroRows: f.zero, helperRows: f.helper,
    geomean: f.rows - f.zero - f.helper > 0 ? round(Math.exp(f.logSum / (f.rows - f.zero - f.helper))) : NaN,
  }));
  const logAll = all.reduce((s, r) => s + Math.log(Math.max(r.ratio, 1 / 64)), 0);
  const worst = [...all].sort(opts.by === "ratio"
    ? (a, b) => b.ratio - a.ratio || b.ours - b.fex - (a.ours - a.fex)
    : (a, b) => b.ours - b.fex - (a.ours - a.fex) || b.ratio - a.ratio).slice(0, opts.worst ?? 20);
  if (opts.listing) for (const w of worst) w.listing = Array.from(bodies.get(w)!, (x, k) => disasmWord(x, 4 * k) ?? `.inst 0x${x.toString(16)}`);
  return { files, geomean: all.length ? round(Math.exp(logAll / all.length)) : NaN, rows: all.length, worst };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** `ldr x17, [x12, #0x100]` (dispatch, ABI §5): the exit words load a symbol slot with this shape. */
const LDR_SLOT0 = ldstUimm(LDST.LDRX, 17, 12, (STATE.SYMBOLS / 8) as Uimm12s);
/**
 * Does the block's final exit (right after the body; conditional stubs such as #DE come later)
 * leave into a runtime symbol other than dispatch and fallback, i.e. a helper?
 */
function helperExit(code: Uint32Array, body: number): boolean {
  const MASK = ~(0xfff << 10) >>> 0;
  for (let k = body; k < code.length; k++) {
    const w = code[k]!;
    if (((w & MASK) >>> 0) !== ((LDR_SLOT0 & MASK) >>> 0)) continue;
    const slot = ((w >>> 10) & 0xfff) - STATE.SYMBOLS / 8;
    return slot > SYM.fallback;
  }
  return false;
}
