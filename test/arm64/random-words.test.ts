/**
 * @file The disassembler on words nobody chose: random 32-bit words (half of them uniform, half in
 * the SIMD&FP and load/store encoding groups, where most of the decode rows are) disassembled by
 * llvm-objdump-19. Every word we claim to know must print exactly llvm's text; words we do not
 * know are counted, not failed. count(20,000, 200,000) words.
 */
import { expect, test } from "bun:test";
import { disasmWord } from "../../src/arm64/index.ts";
import { llvmDisassemble } from "./_llvm.ts";
import { Rng } from "./_gen/_util.ts";
import { count } from "../_env.ts";

test("random words: every word we claim prints what llvm-objdump-19 prints", () => {
  const seed = Number(process.env.AOT_SEED ?? Date.now() % 1e9);
  const R = new Rng(seed);
  const N = count(20_000, 200_000);
  const words = new Uint32Array(N);
  for (let i = 0; i < N; i++) {
    const w = (R.int(65536) << 16) | R.int(65536);
    // op0 (bits 28..25): x111 is SIMD&FP data processing, x1x0 loads and stores.
    words[i] = (i & 1 ? w : i & 2 ? (w & ~0x0e000000) | 0x0e000000 : (w & ~0x0a000000) | 0x08000000) >>> 0;
  }
  const llvm = llvmDisassemble(words);
  let claimed = 0;
  const bad: string[] = [];
  words.forEach((w, i) => {
    const ours = disasmWord(w, 4 * i);
    if (ours === undefined) return;
    claimed++;
    if (ours !== llvm[i]) bad.push(`${w.toString(16).padStart(8, "0")}: llvm "${llvm[i]}" ours "${ours}"`);
  });
  const known = llvm.filter((t) => t !== undefined).length;
  console.log(`arm64 random words: ${N} (seed ${seed}), llvm knows ${known}, we claim ${claimed}, ${bad.length} mismatches`);
  expect(claimed).toBeGreaterThan(N / 10);
  expect(bad.slice(0, 20)).toEqual([]);
}, 300_000);
