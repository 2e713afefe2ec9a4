/**
 * @file The llvm-19 oracle for the ARM64 tests and golden script: assemble text with llvm-mc-19
 * into an object and read its `.text`, and disassemble words with llvm-objdump-19. Everything is
 * batched: one process per call, however many lines.
 *
 * Normalisation of llvm-objdump's text (what our disassembler prints instead):
 * - the mnemonic and operands are joined by one space instead of a tab;
 * - trailing `// =...` comments and ` <symbol+off>` annotations are dropped;
 * - words llvm cannot decode (`<unknown>`) become undefined.
 *
 *   const words = llvmAssemble(["add x0, x1, #5"]);   // Uint32Array [0x91001420]
 *   const text = llvmDisassemble(words);              // ["add x0, x1, #0x5"]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { elfSection } from "./_elf.ts";

export const MATTR = "+v9.4a,+lse,+rcpc,+rcpc-immo,+flagm,+altnzcv,+fp-armv8,+neon,+fullfp16,+crc,+lse2";

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "aot-a64-"));
}

/** Assemble lines; returns the words, or throws with llvm-mc's errors (line numbers are 1-based). */
export function llvmAssemble(lines: string[]): Uint32Array {
  const dir = tmp();
  try {
    writeFileSync(join(dir, "a.s"), lines.join("\n") + "\n");
    const p = Bun.spawnSync(["llvm-mc-19", "-triple=aarch64", `-mattr=${MATTR}`, "-filetype=obj", "a.s", "-o", "a.o"], { cwd: dir });
    if (p.exitCode !== 0) throw new Error(p.stderr.toString().slice(0, 4000));
    const t = elfSection(readFileSync(join(dir, "a.o")), ".text");
    if (!t) throw new Error("no .text");
    const out = new Uint32Array(t.bytes.length / 4);
    const dv = new DataView(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = dv.getUint32(i * 4, true);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Normalise one llvm-objdump instruction text (mnemonic TAB operands [// comment] [<sym>]). */
export function normalizeLlvm(s: string): string | undefined {
  let t = s.trim();
  if (t === "<unknown>") return undefined;
  t = t.replace(/\s*\/\/.*$/, "").replace(/ <[^>]*>/g, "");
  const tab = t.indexOf("\t");
  if (tab >= 0) t = t.slice(0, tab) + " " + t.slice(tab + 1).trim();
  return t.trim();
}

/** Disassemble words placed at address `base` (the section starts there). */
export function llvmDisassemble(words: ArrayLike<number>, base = 0): (string | undefined)[] {
  const dir = tmp();
  try {
    const src: string[] = [];
    for (let i = 0; i < words.length; i++) src.push(`.inst 0x${(words[i]! >>> 0).toString(16)}`);
    writeFileSync(join(dir, "a.s"), src.join("\n") + "\n");
    const mc = Bun.spawnSync(["llvm-mc-19", "-triple=aarch64", "-filetype=obj", "a.s", "-o", "a.o"], { cwd: dir });
    if (mc.exitCode !== 0) throw new Error(mc.stderr.toString().slice(0, 2000));
    const args = ["llvm-objdump-19", "-d", "--no-show-raw-insn", `--mattr=${MATTR}`, "a.o"];
    if (base) args.splice(2, 0, `--adjust-vma=0x${base.toString(16)}`);
    const od = Bun.spawnSync(args, { cwd: dir, stdout: "pipe" });
    if (od.exitCode !== 0) throw new Error(od.stderr.toString().slice(0, 2000));
    const out: (string | undefined)[] = [];
    for (const line of od.stdout.toString().split("\n")) {
      const m = /^\s*[0-9a-f]+:\s*\t(.*)$/.exec(line);
      if (m) out.push(normalizeLlvm(m[1]!));
    }
    if (out.length !== words.length) throw new Error(`llvm-objdump printed ${out.length} lines for ${words.length} words`);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
