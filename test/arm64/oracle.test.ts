/**
 * @file The ARM64 encoder and disassembler against llvm-19: random encoder calls from every
 * generator (count(10,000, 100,000) in total), each assembled by llvm-mc-19 from the call's own
 * assembly text (bytes must match ours) and disassembled by llvm-objdump-19 (text must match our
 * disassembler's, which also proves the disassembler round-trips everything the encoder emits).
 */
import { expect, test } from "bun:test";
import { FAMILIES } from "./_gen/index.ts";
import { Rng, type Case } from "./_gen/_util.ts";
import { checkCases, showMismatch } from "./_oracle.ts";
import { count } from "../_env.ts";

test("random encoder calls match llvm-mc-19 bytes and llvm-objdump-19 text", () => {
  const gens = Object.values(FAMILIES).flatMap((g) => Object.values(g));
  const N = count(10_000, 100_000);
  const seed = Number(process.env.AOT_SEED ?? Date.now() % 1e9);
  const R = new Rng(seed);
  const cases: Case[] = [];
  for (let i = 0; i < N; i++) cases.push(gens[i % gens.length]!(R));
  const bad = checkCases(cases);
  console.log(`arm64 oracle: ${cases.length} cases (seed ${seed}), ${bad.length} mismatches`);
  expect(bad.slice(0, 20).map(showMismatch)).toEqual([]);
}, 600_000);
