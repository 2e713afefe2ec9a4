/**
 * @file Helpers for the lowering tests: parse IR text, lower it, return the listing as lines.
 * Expected listings in the tests are derived by hand from docs/runtime-abi.md, never copied.
 */
import { parseIr } from "../../../src/ir/index.ts";
import { BASELINE, type HostFeatures } from "../../../src/arm64/features.ts";
import { Lowerer, lowerBlock, listing, type LoweredBlock, type LowerOptions } from "../../../src/arm64/lower/index.ts";

export const OPTS: LowerOptions = { features: BASELINE, memoryOrder: "relaxed", pic: false };

/** Lower IR text (header added) with a fresh Lowerer; lines of the listing, and the parts. */
export function lower(body: string, opts: Partial<LowerOptions> & { flagm?: boolean; rcpc?: boolean } = {}): { lines: string[]; out: LoweredBlock; L: Lowerer } {
  const features: HostFeatures = { ...BASELINE, flagm: !!opts.flagm, rcpc: !!opts.rcpc };
  const b = parseIr(`block 0x1000 mode 64\n${body}`);
  const L = new Lowerer();
  const out = lowerBlock(b, { ...OPTS, ...opts, features }, L);
  return { lines: listing(out.code).split("\n"), out, L };
}

/** The body words only (before the final exit stub). */
export const body = (r: { lines: string[]; out: LoweredBlock }): string[] => r.lines.slice(0, r.out.bodyWords);

/** The stub of a direct exit to `target` placed at word `at` (ABI §5): b next; x16 = target; ldr; br. */
export const directStub = (at: number, movs: string[]): string[] => [
  `b 0x${(4 * (at + 1)).toString(16)}`, ...movs, "ldr x17, [x12, #0x100]", "br x17",
];

/** The non-FlagM carry flip through x17. */
export const FLIP17 = ["mrs x17, NZCV", "eor x17, x17, #0x20000000", "msr NZCV, x17"];
