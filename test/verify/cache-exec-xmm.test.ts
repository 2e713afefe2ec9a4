/**
 * `aot verify --exec`'s runner (src/verify/cache-exec.ts) on vector code: a cache written by
 * src/cache's writer from the blocks of the `aot run` vector program (test/fixtures-src/run/
 * vectors.asm: PCMPEQB/PMOVMSKB strlen, MOVDQU copies, PUNPCK widening, PSHUFD, MOVD/MOVQ, masks)
 * that name an XMM register runs against Unicorn x86 with random XMM state on both sides, 64- and
 * 32-bit, and agrees; a cached word made to write another V register is reported on an XMM
 * register with both 128-bit values. The oracle is Unicorn x86 on the guest bytes.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixture } from "../_env.ts";
import { xmmBlocks } from "./_cache.ts";
import { Decoder, Insn, discover, tables } from "../../src/x86/index.ts";
import type { TranslatedBlock } from "../../src/arm64/lower/output.ts";
import { Translator } from "../../src/compile/translate.ts";
import { BASELINE } from "../../src/arm64/index.ts";
import { CacheReader } from "../../src/cache/index.ts";
import { writeCache } from "../../src/cache/writer.ts";
import { execView, expectedConfig } from "../../src/verify/cache-verify.ts";
import { execCache, type ExecCache } from "../../src/verify/cache-exec.ts";

/** The program's `org` (test/fixtures-src/run/common.inc). */
const BASE = { 32: 0x400000n, 64: 0x140000000n } as const;
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "aot-cache-xmm-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Instructions per extra block (see `vectorCache`). */
const WINDOW = 6;

/**
 * A cache of the program's blocks that use XMM registers, and the image bytes they run over. Most
 * of the vector code sits in one long block that a REPE CMPSB and a final HLT keep from running
 * (cache-exec skips both), so the cache also holds a block starting at every instruction of every
 * discovered block, cut after `WINDOW` instructions (the translator ends a block at its range end
 * with an exit to the next instruction). `last` is each block's last guest instruction by RVA.
 */
function vectorCache(bits: 32 | 64): { view: ExecCache; mem: Uint8Array; last: Map<number, string> } {
  const bin = readFileSync(fixture(`run/vectors${bits}.bin`));
  const mem = new Uint8Array(Math.ceil(bin.length / 0x1000) * 0x1000);
  mem.set(bin);
  const base = BASE[bits], b = Number(base);
  const found = discover([{ va: b, bytes: mem }], [b], bits);
  const t = new Translator({ mode: bits, lower: { features: BASELINE, memoryOrder: "tso", pic: true, imageBase: base } });
  const keep = xmmBlocks(bits);
  const dec = new Decoder(bits), insn = new Insn(), mn = tables().mnemonics;
  const tbs: TranslatedBlock[] = [];
  const last = new Map<number, string>();
  const add = (off: number, end: number): void => {
    const tb = t.translate(mem, off, end, BigInt(b + off));
    if (!keep(mem, off, tb) || last.has(off)) return;
    let o = off;
    for (let i = 0; i < tb.insnCount; i++) o += dec.decode(mem, o, mem.length, b + o, insn);
    last.set(off, (mn[insn.mnemonic] ?? "").toLowerCase());
    tbs.push(tb);
  };
  for (const va of [...found.blocks.keys()].sort((x, y) => x - y)) {
    const starts = [va - b];
    add(va - b, mem.length);
    const n = t.translate(mem, va - b, mem.length, BigInt(va)).insnCount;
    for (let i = 0; i < n; i++) starts.push(starts[i]! + dec.decode(mem, starts[i]!, mem.length, b + starts[i]!, insn));
    for (let i = 1; i < n; i++) add(starts[i]!, starts[Math.min(n, i + WINDOW)]!);
  }
  tbs.sort((x, y) => Number(x.guestStart - y.guestStart));
  const image = { name: `vectors${bits}.exe`, fileId: 1n, sha256: "0".repeat(64), size: bin.length, timestamp: 0, imageBase: base, sizeOfImage: mem.length };
  const path = join(work, `vectors${bits}`);
  writeCache(path, image, expectedConfig(bits === 64 ? "arm64ec" : "wow64"), tbs);
  return { view: execView(CacheReader.open(path)), mem, last };
}

describe("aot verify --exec: XMM state", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit vector blocks agree with Unicorn x86 on all 128 bits`, () => {
      const { view, mem, last } = vectorCache(bits);
      expect(view.blocks.length).toBeGreaterThan(90);
      for (const m of ["pcmpeqb", "pmovmskb", "pshufd", "punpcklbw", "movmskps", "movd"]) expect([...last.values()]).toContain(m);
      const r = execCache(view, mem, { blocks: 1000, states: 64, seed: 3 });
      expect(r.reports).toEqual([]);
      // Skipped: the blocks reaching the HLT or holding the REPE CMPSB.
      expect(r.blocks).toBeGreaterThanOrEqual(view.blocks.length - 5);
      expect(r.states).toBe(64 * r.blocks);
    }, 60_000);
  }

  test("a cached word that writes another V register is a mismatch on an XMM register", () => {
    const { view, mem, last } = vectorCache(64);
    // The block ending in PCMPEQB (nothing after it moves the result elsewhere): retarget its
    // `cmeq vd.16b, vn.16b, vm.16b` from vd to vd ^ 1.
    const blk = view.blocks.find((b) => last.get(b.rva) === "pcmpeqb")!;
    let at = -1;
    for (let i = blk.code; i < blk.code + blk.words && at < 0; i++) if ((view.code[i]! & 0xffe0fc00) >>> 0 === 0x6e208c00) at = i;
    expect(at).toBeGreaterThanOrEqual(0);
    view.code[at] = (view.code[at]! ^ 1) >>> 0;
    const r = execCache(view, mem, { blocks: 1000, states: 16, seed: 5 });
    expect(r.mismatchBlocks).toBe(1);
    const rep = r.reports[0]!;
    expect(rep).toMatch(new RegExp(`^MISMATCH block 0x${(BASE[64] + BigInt(blk.rva)).toString(16)} .*: xmm\\d+ differs$`, "m"));
    // The row of a differing XMM register: x86 and cached code, 128 bits each.
    expect(rep).toMatch(/^ {2}\* xmm\d+ +0x[0-9a-f]{32} 0x[0-9a-f]{32}$/m);
    expect(rep).toMatch(/^ {4}initial\n {6}xmm0=0x[0-9a-f]{32}/m);
  }, 60_000);
});
