/** @file Helpers for the IR pass tests: indentation-free IR text, and "parse, run, verify, print". */
import { expect } from "bun:test";
import type { IrBlock } from "../../../src/ir/block.ts";
import { parseIr } from "../../../src/ir/parse.ts";
import { printIr } from "../../../src/ir/print.ts";
import { verifyIr } from "../../../src/ir/verify.ts";

/** IR text as printIr writes it, from a template with any indentation; `;` comments are dropped. */
export function ir(text: string): string {
  const lines = text.split("\n").map((l) => l.replace(/;.*$/, "").trim()).filter((l) => l);
  return lines.map((l, k) => (k === 0 ? l : "  " + l)).join("\n") + "\n";
}

/** Parse `text`, check it verifies, run `pass`, check the result verifies; the block and its text. */
export function run(pass: (b: IrBlock) => unknown, text: string): { b: IrBlock; out: string } {
  const b = parseIr(ir(text));
  expect(verifyIr(b)).toEqual([]);
  pass(b);
  expect(verifyIr(b)).toEqual([]);
  return { b, out: printIr(b) };
}
