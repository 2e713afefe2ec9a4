/**
 * @file Stage 8 (compiler): which blocks of one image get compiled.
 *
 * - {@link x86Ranges}: the ranges translation may read: executable sections, and in a hybrid
 *   image (ARM64EC, ARM64X) only their intersection with the load config's x64 code ranges
 *   (the rest is native ARM64 code the CPU runs as is).
 * - {@link findBlocks}: FEX code-map blocks (RVAs) are compiled exactly: each one is kept or
 *   rejected with its reason (outside the image, not executable, not decodable); static discovery
 *   (entry point, exports, TLS callbacks, .pdata starts, then recursive descent over direct
 *   branches and calls; jump tables are not followed yet) adds its blocks when asked (`--discover`,
 *   or an image no code map covers).
 * - {@link readCodeMaps}: the code-map blocks of a closure's images, by FileId, from the ready
 *   maps of a FEX cache dir or from `--codemap FILE|DIR`.
 *
 *   const ranges = x86Ranges(pe, img);
 *   const { rvas, rejected } = findBlocks(img, ranges, mapped, true);
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { readyMapName, readyMapDir } from "../codemap/index.ts";
import { scanCodeMap, unionBlocks } from "../codemap/scan.ts";
import type { MappedImage, PeFile } from "../pe/index.ts";
import { Decoder, Insn, discover, type CodeRange } from "../x86/index.ts";
import { InputError } from "../util/errors.ts";

/** An x86 code range of an image, as RVAs [start, end). */
export interface RvaRange { start: number; end: number }

export interface FoundBlocks {
  /** Ascending, unique. */
  rvas: Uint32Array;
  rejected: { rva: number; reason: string }[];
  /** Declared entry points discovery started from (0 without discovery). */
  entries: number;
}

/** True for ARM64EC and ARM64X images (their CHPE metadata marks which code is x64). */
export const isHybrid = (pe: PeFile): boolean => pe.hybridMachine !== undefined || (pe.loadConfig?.hybrid?.length ?? 0) > 0;

/** The RVA ranges x86 code may be translated from, sorted (see the file overview). */
export function x86Ranges(pe: PeFile, img: MappedImage): RvaRange[] {
  const exec = img.executableRanges.map((r) => ({ start: Number(r.start - img.base), end: Number(r.end - img.base) }));
  if (!isHybrid(pe)) return exec;
  const x64 = (pe.loadConfig?.hybrid ?? []).filter((r) => r.kind === "x64" || r.kind === "x86");
  const out: RvaRange[] = [];
  for (const e of exec) {
    for (const h of x64) {
      const start = Math.max(e.start, h.start), end = Math.min(e.end, h.end);
      if (start < end) out.push({ start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The range holding `rva`, or undefined. */
export function rangeOf(ranges: readonly RvaRange[], rva: number): RvaRange | undefined {
  let lo = 0, hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (rva < r.start) hi = mid - 1;
    else if (rva >= r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/** Code entry points the image declares (entry, exports, TLS callbacks, .pdata starts) inside `ranges`, as RVAs. */
export function declaredEntries(pe: PeFile, ranges: RvaRange[]): number[] {
  const rvas = new Set<number>();
  const add = (rva: number | undefined) => {
    if (rva !== undefined && rva > 0 && rangeOf(ranges, rva)) rvas.add(rva);
  };
  if (pe.entryRva) add(pe.entryRva);
  for (const e of pe.exports) if (!e.forwarder) add(e.rva);
  for (const va of pe.tlsCallbacks) {
    const rva = va - pe.imageBase;
    if (rva > 0n && rva < BigInt(pe.sizeOfImage)) add(Number(rva));
  }
  for (const rva of pe.functionStarts) add(rva);
  return [...rvas].sort((a, b) => a - b);
}

/**
 * The blocks to compile in `img` (mapped at its preferred base): the code-map RVAs `mapped`, each
 * checked, plus static discovery when `discover` is set.
 */
export function findBlocks(pe: PeFile, img: MappedImage, ranges: RvaRange[], mapped: Uint32Array | undefined, doDiscover: boolean): FoundBlocks {
  const keep = new Set<number>();
  const rejected: FoundBlocks["rejected"] = [];
  const mode = pe.is64 ? 64 : 32;
  if (mapped?.length) {
    const dec = new Decoder(mode), insn = new Insn();
    const hybrid = isHybrid(pe);
    for (const rva of mapped) {
      if (rva >= pe.sizeOfImage) { rejected.push({ rva, reason: "outside the image" }); continue; }
      const r = rangeOf(ranges, rva);
      if (!r) {
        rejected.push({ rva, reason: hybrid && img.isExecutable(img.base + BigInt(rva)) ? "not executable as x64 (native ARM64 code of a hybrid image)" : "not executable" });
        continue;
      }
      if (dec.decode(img.memory, rva, r.end, Number(img.base) + rva, insn) === 0) { rejected.push({ rva, reason: "not decodable" }); continue; }
      keep.add(rva);
    }
  }
  let entries = 0;
  if (doDiscover) {
    const base = Number(img.base);
    const codeRanges: CodeRange[] = ranges.map((r) => ({ va: base + r.start, bytes: img.memory.subarray(r.start, r.end) }));
    const starts = declaredEntries(pe, ranges);
    entries = starts.length;
    const found = discover(codeRanges, starts.map((rva) => base + rva), mode);
    // A start that does not decode is a discovered dead end, not a block to compile.
    for (const [va, b] of found.blocks) if (!(b.invalid && b.insns === 0)) keep.add(va - base);
  }
  const rvas = Uint32Array.from(keep).sort();
  return { rvas, rejected, entries };
}

/**
 * Every block static discovery finds in `img` (what `aot compile --discover` compiles), with the
 * end of the x86 range it lies in: what translating a block may read up to. Benches and tests
 * that need "the blocks of an image" take them from here.
 */
export function discoveredBlocks(pe: PeFile, img: MappedImage): { rva: number; end: number }[] {
  const ranges = x86Ranges(pe, img);
  return Array.from(findBlocks(pe, img, ranges, undefined, true).rvas, (rva) => ({ rva, end: rangeOf(ranges, rva)!.end }));
}

/** Code-map blocks per FileId (RVAs, ascending), and the map files read. */
export interface CodeMapBlocks {
  byFileId: Map<bigint, Uint32Array>;
  /** Newest modification time (ms) of the map files that gave an image blocks. */
  mtimeMs: Map<bigint, number>;
  files: string[];
}

/**
 * The code-map blocks of the given images. `source` is a code map file, or a folder of them (a FEX
 * `codemap/ready`, or loose `*.bin` maps); without it, the ready maps of `cacheDir`. Only files
 * named after one of the images (`<basename>-<fileid16>`, optionally followed by `.…`) are read
 * from a folder; a file given by name is read whole. A malformed map is an InputError.
 */
export function readCodeMaps(images: { path: string; fileId: bigint }[], opts: { source?: string; cacheDir: string }): CodeMapBlocks {
  const want = new Map<string, bigint>(images.map((i) => [readyMapName(i).toLowerCase(), i.fileId]));
  const ids = new Set(images.map((i) => i.fileId));
  const files: string[] = [];
  if (opts.source !== undefined) {
    if (!existsSync(opts.source)) throw new InputError(opts.source, "no such code map file or folder", "missing");
    if (statSync(opts.source).isDirectory()) {
      for (const name of readdirSync(opts.source).sort()) {
        const stem = name.toLowerCase().replace(/\.[^.-]*(\.bin)?$/, "");
        if (want.has(name.toLowerCase()) || want.has(stem)) files.push(join(opts.source, name));
      }
    } else files.push(opts.source);
  } else {
    const dir = readyMapDir(opts.cacheDir);
    if (existsSync(dir)) {
      for (const name of readdirSync(dir).sort()) if (want.has(name.toLowerCase())) files.push(join(dir, name));
    }
  }
  const byFileId = new Map<bigint, Uint32Array>();
  const mtimeMs = new Map<bigint, number>();
  for (const f of files) {
    const t = statSync(f).mtimeMs;
    for (const im of scanCodeMap(f).images.values()) {
      if (!ids.has(im.fileId) || im.blocks.length === 0) continue;
      mtimeMs.set(im.fileId, Math.max(mtimeMs.get(im.fileId) ?? 0, t));
      const prev = byFileId.get(im.fileId);
      byFileId.set(im.fileId, prev ? unionBlocks(prev, im.blocks) : im.blocks);
    }
  }
  return { byFileId, mtimeMs, files };
}
