/**
 * @file Regenerates test/arm64/golden/<family>.txt: deterministic encoder calls from the
 * generators in test/arm64/_gen/, each assembled by our encoder and checked against llvm-19
 * (llvm-mc must produce the same word from the call's assembly; llvm-objdump's text of the word
 * is recorded, and must equal our disassembler's). Writes nothing if anything disagrees.
 *
 *   bun scripts/gen-arm64-goldens.ts      (or BLESS=1 bun test test/arm64/golden.test.ts)
 */
import { writeGoldens } from "../test/arm64/_golden.ts";

const n = writeGoldens();
console.log(`wrote ${n} golden files`);
