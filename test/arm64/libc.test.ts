/**
 * @file Disassembles the `.text` of Debian's arm64 libc.so.6 and compares with llvm-objdump-19:
 * every word our disassembler claims to know must print exactly llvm's (normalised) text. The
 * share of words we know is reported, not asserted.
 */
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { disasmWord } from "../../src/arm64/index.ts";
import { arm64Libc } from "../_env.ts";
import { elfSection } from "./_elf.ts";
import { MATTR, normalizeLlvm } from "./_llvm.ts";

test("arm64 libc .text: every known word prints what llvm-objdump-19 prints", () => {
  const path = arm64Libc();
  const text = elfSection(readFileSync(path), ".text");
  if (!text) throw new Error(`${path}: no .text`);
  const od = Bun.spawnSync(["llvm-objdump-19", "-d", "--no-show-raw-insn", `--mattr=${MATTR}`, "--section=.text", path], { stdout: "pipe" });
  expect(od.exitCode).toBe(0);
  const llvm = new Map<number, string | undefined>();
  for (const line of od.stdout.toString().split("\n")) {
    const m = /^\s*([0-9a-f]+):\s*\t(.*)$/.exec(line);
    if (m) llvm.set(parseInt(m[1]!, 16), normalizeLlvm(m[2]!));
  }
  const dv = new DataView(text.bytes.buffer, text.bytes.byteOffset, text.bytes.byteLength);
  let known = 0, total = 0;
  const bad: string[] = [];
  const unknownByTop = new Map<string, number>();
  for (let off = 0; off + 4 <= text.bytes.length; off += 4) {
    const va = text.addr + off, w = dv.getUint32(off, true);
    if (!llvm.has(va)) continue;
    total++;
    const ours = disasmWord(w, va);
    if (ours === undefined) {
      const m = llvm.get(va)?.split(" ")[0] ?? "<unknown>";
      unknownByTop.set(m, (unknownByTop.get(m) ?? 0) + 1);
      continue;
    }
    known++;
    if (ours !== llvm.get(va)) bad.push(`${va.toString(16)}: ${w.toString(16).padStart(8, "0")} llvm="${llvm.get(va)}" ours="${ours}"`);
  }
  const top = [...unknownByTop].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([m, n]) => `${m}:${n}`).join(" ");
  console.log(`arm64 libc: ${known}/${total} words known (${((100 * known) / total).toFixed(2)}%), ${bad.length} mismatches; top unknown: ${top}`);
  expect(total).toBeGreaterThan(100_000);
  expect(bad.slice(0, 30)).toEqual([]);
}, 300_000);
