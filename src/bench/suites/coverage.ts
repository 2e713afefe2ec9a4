/**
 * @file Translation coverage over whole corpora (stage 11 bench, `aot bench coverage`): every PE
 * file of Wine's x86_64 and i386 DLL corpora (`AOT_CORPUS_DIR` or ~/.cache/aot-corpus,
 * scripts/corpus.sh) goes through `imageStats` (src/compile/stats.ts, what `aot translate
 * --stats` prints for one image): every block static discovery finds, translated as `aot
 * compile` would. Per corpus: files, blocks, the share translated without a fallback, the same
 * share over blocks with no FP/SIMD instruction (stats.ts defines them), and the fallbacks by
 * mnemonic. The goal: at least 99.9 % of the integer-only blocks. Files that are not PE
 * images of the corpus's machine (type libraries, 16-bit stubs) are counted as skipped.
 *
 *   const r = benchCoverage({ limit: 50 });   // { corpora: [{ name, files, blocks, share, integerShare, fallbacks }] }
 */
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { loadPeFileSync, mapImage } from "../../pe/index.ts";
import { imageStats } from "../../compile/stats.ts";
import { InputError } from "../../util/errors.ts";

export interface CorpusCoverage {
  name: string;
  files: number;
  skipped: number;
  blocks: number;
  translated: number;
  /** translated / blocks. */
  share: number;
  integerBlocks: number;
  integerTranslated: number;
  /** integerTranslated / integerBlocks (goal >= 0.999). */
  integerShare: number;
  /** Fallbacks by mnemonic over all blocks, most frequent first (top 20). */
  fallbacks: { mnemonic: string; blocks: number }[];
  /** Fallbacks by mnemonic in integer-only blocks (top 20). */
  integerFallbacks: { mnemonic: string; blocks: number }[];
  seconds: number;
}

export interface CoverageResult { corpora: CorpusCoverage[]; goal: { integer999: boolean } }

const CORPORA = [
  { name: "x86_64-windows", is64: true },
  { name: "i386-windows", is64: false },
] as const;

function corpusDir(): string {
  const dir = process.env.AOT_CORPUS_DIR ?? join(homedir(), ".cache", "aot-corpus");
  if (!existsSync(join(dir, CORPORA[0].name))) throw new InputError(dir, "no Wine DLL corpus here: run `bash scripts/corpus.sh` first", "missing");
  return dir;
}

/** Coverage of each corpus; `limit` caps the files per corpus (sorted by name) for a quick look. */
export function benchCoverage(opts: { limit?: number } = {}): CoverageResult {
  const root = corpusDir();
  const corpora: CorpusCoverage[] = [];
  for (const c of CORPORA) {
    const dir = join(root, c.name);
    const t0 = performance.now();
    const names = readdirSync(dir).filter((n) => /\.(dll|exe|drv|sys|ocx|cpl|acm|ax|ds|tlb)$/i.test(n)).sort().slice(0, opts.limit ?? Infinity);
    const fb = new Map<string, number>(), ifb = new Map<string, number>();
    const r: CorpusCoverage = { name: c.name, files: 0, skipped: 0, blocks: 0, translated: 0, share: 0, integerBlocks: 0, integerTranslated: 0, integerShare: 0, fallbacks: [], integerFallbacks: [], seconds: 0 };
    for (const n of names) {
      let pe;
      try {
        pe = loadPeFileSync(join(dir, n));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        r.skipped++;
        continue;
      }
      if (pe.is64 !== c.is64) {
        r.skipped++;
        continue;
      }
      const s = imageStats(pe, mapImage(pe));
      r.files++;
      r.blocks += s.blocks;
      r.translated += s.translated;
      r.integerBlocks += s.integer.blocks;
      r.integerTranslated += s.integer.translated;
      for (const f of s.fallbacks) fb.set(f.mnemonic, (fb.get(f.mnemonic) ?? 0) + f.blocks);
      for (const f of s.integer.fallbacks) ifb.set(f.mnemonic, (ifb.get(f.mnemonic) ?? 0) + f.blocks);
    }
    r.share = r.blocks ? r.translated / r.blocks : 1;
    r.integerShare = r.integerBlocks ? r.integerTranslated / r.integerBlocks : 1;
    const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20).map(([mnemonic, blocks]) => ({ mnemonic, blocks }));
    r.fallbacks = top(fb);
    r.integerFallbacks = top(ifb);
    r.seconds = (performance.now() - t0) / 1000;
    corpora.push(r);
  }
  return { corpora, goal: { integer999: corpora.every((c) => c.integerShare >= 0.999) } };
}
