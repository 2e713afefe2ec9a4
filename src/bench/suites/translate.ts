/**
 * @file Translation speed (stage 11 bench): guest instructions translated per second on one
 * worker over the statically discovered blocks of Wine's x86-64 kernel32, ntdll, msvcrt and
 * user32 (the corpus, `AOT_CORPUS_DIR` or ~/.cache/aot-corpus; else the embedded sample), with
 * the split between decode, semantics, passes and lowering+encoding; the peer run in the same
 * process is the decoder alone over the same instructions (the floor any translator pays). Also
 * the words the same blocks take position independent and absolute, and with every flag live at
 * every exit or narrowed as `aot compile` does (flags across blocks).
 *
 *   const r = await benchTranslate();  // { insns, blocks, ips, split, decodeOnlyIps, ratio }
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { parsePe, mapImage } from "../../pe/index.ts";
import { Decoder, Insn } from "../../x86/index.ts";
import { discoveredBlocks, x86Ranges } from "../../compile/images.ts";
import { exitFlagsFor } from "../../compile/live-flags.ts";
import { Translator } from "../../compile/translate.ts";
import { BASELINE } from "../../arm64/features.ts";

export interface TranslateResult {
  images: string[];
  blocks: number;
  insns: number;
  /** Guest instructions per second, one worker, whole pipeline (median of the runs). */
  ips: number;
  /** Share of time per stage (sums to 1). */
  split: { decode: number; semantics: number; passes: number; lower: number };
  /** Blocks ending in a fallback (an instruction not translated). */
  fallbackBlocks: number;
  /** The decoder alone over the same blocks, instructions per second. */
  decodeOnlyIps: number;
  /** ips / decodeOnlyIps. */
  ratio: number;
  heapGrowthMB: number;
  /**
   * Cost of position independence (ABI §7): host words over all blocks translated PIC (guest
   * addresses from STATE.IMAGE_BASE) and with absolute addresses, and the difference per block.
   */
  pic: { words: number; absoluteWords: number; extraPerBlock: number };
  /**
   * Flags across blocks (ABI §4): block-body words per guest instruction with every flag live at
   * every exit (what `aot run` and `aot bench quality` translate) and as `aot compile` translates
   * (direct exits narrowed to their target's live-in flags), and the change.
   */
  across: { perInsn: number; compiledPerInsn: number; change: number };
}

interface Job { mem: Uint8Array; off: number; end: number; va: bigint; base: bigint; live: (va: bigint) => number | undefined }

const DLLS = ["kernel32.dll", "ntdll.dll", "msvcrt.dll", "user32.dll"];

async function images(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const dir = join(process.env.AOT_CORPUS_DIR ?? join(homedir(), ".cache", "aot-corpus"), "x86_64-windows");
  const found = DLLS.map((d) => join(dir, d)).filter((f) => existsSync(f));
  if (found.length) return found.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(f)) }));
  const { sampleBytes, sampleName } = await import("../../cli/_samples.ts");
  return [{ name: sampleName(64), bytes: await sampleBytes(64) }];
}

/** Every block static discovery finds in each image (as `aot compile --discover` does), as translation jobs. */
function jobsOf(file: { name: string; bytes: Uint8Array }): Job[] {
  const pe = parsePe(file.bytes, file.name);
  const img = mapImage(pe);
  const live = exitFlagsFor(img, x86Ranges(pe, img), 64);
  return discoveredBlocks(pe, img).map((b) => ({ mem: img.memory, off: b.rva, end: b.end, va: img.base + BigInt(b.rva), base: img.base, live }));
}

export async function benchTranslate(runs = 3): Promise<TranslateResult> {
  const files = await images();
  const jobs = files.flatMap(jobsOf);
  const t = new Translator({ mode: 64, lower: { features: BASELINE, memoryOrder: "tso", pic: true, imageBase: 0n } });
  // PIC needs the image base per job; the cost does not depend on which, so one translator serves.
  let insns = 0, fallbackBlocks = 0;
  const times: number[] = [];
  const heap0 = process.memoryUsage().heapUsed;
  for (let r = 0; r < runs + 1; r++) {
    insns = 0; fallbackBlocks = 0;
    const t0 = performance.now();
    for (const j of jobs) {
      const tb = t.translate(j.mem, j.off, j.end, j.va);
      insns += tb.insnCount;
      if (tb.fallback) fallbackBlocks++;
    }
    if (r > 0) times.push(performance.now() - t0); // run 0 warms the JIT
  }
  const heapGrowthMB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  // Stage split from one more, timed run (the timers themselves cost a little).
  t.timing = true;
  for (const j of jobs) t.translate(j.mem, j.off, j.end, j.va);
  const s = t.split, total = s.decode + s.semantics + s.passes + s.lower;
  // Peer: the decoder alone over the same instructions.
  const dec = new Decoder(64), insn = new Insn();
  const dtimes: number[] = [];
  for (let r = 0; r < runs + 1; r++) {
    const t0 = performance.now();
    let n = 0;
    for (const j of jobs) {
      for (let p = j.off, k = 0; k < 200 && p < j.end; k++) {
        const len = dec.decode(j.mem, p, j.end, Number(j.va) + (p - j.off), insn);
        if (!len) break;
        p += len;
        n++;
        if (n >= insns) break;
      }
    }
    if (r > 0) dtimes.push(performance.now() - t0);
  }
  // PIC against absolute: the same blocks, counting words (each image's own base for PIC).
  let words = 0, absoluteWords = 0, body = 0, compiledBody = 0;
  const pics = new Map<bigint, Translator>(), compiled = new Map<bigint, Translator>();
  const abs = new Translator({ mode: 64, lower: { features: BASELINE, memoryOrder: "tso", pic: false } });
  for (const j of jobs) {
    let p = pics.get(j.base), c = compiled.get(j.base);
    const lower = { features: BASELINE, memoryOrder: "tso" as const, pic: true, imageBase: j.base };
    if (!p) pics.set(j.base, (p = new Translator({ mode: 64, lower })));
    if (!c) compiled.set(j.base, (c = new Translator({ mode: 64, lower, exitFlags: j.live })));
    const tb = p.translate(j.mem, j.off, j.end, j.va);
    words += tb.code.length;
    body += tb.bodyWords;
    compiledBody += c.translate(j.mem, j.off, j.end, j.va).bodyWords;
    absoluteWords += abs.translate(j.mem, j.off, j.end, j.va).code.length;
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const ips = Math.round(insns / (med(times) / 1000));
  const decodeOnlyIps = Math.round(insns / (med(dtimes) / 1000));
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    images: files.map((f) => f.name.split("/").pop()!), blocks: jobs.length, insns, ips,
    split: { decode: r3(s.decode / total), semantics: r3(s.semantics / total), passes: r3(s.passes / total), lower: r3(s.lower / total) },
    fallbackBlocks, decodeOnlyIps, ratio: r3(ips / decodeOnlyIps), heapGrowthMB: Math.round(heapGrowthMB * 10) / 10,
    pic: { words, absoluteWords, extraPerBlock: r3((words - absoluteWords) / jobs.length) },
    across: { perInsn: r3(body / insns), compiledPerInsn: r3(compiledBody / insns), change: r3(compiledBody / body - 1) },
  };
}
