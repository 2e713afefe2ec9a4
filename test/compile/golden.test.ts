/**
 * @file Golden translations: for every semantics group (test/compile/_cases.ts) the x86 block,
 * its IR before and after the passes and the ARM64 listing, exactly as `aot translate --ir`
 * prints them, compared with test/compile/golden/<group>.txt. `BLESS=1 bun test test/compile`
 * rewrites the files; reviewers read the diff. Code is assembled with nasm (an oracle for the
 * x86 bytes) at 0x1000, translated position-dependent with relaxed memory ordering, plus one TSO
 * file so the ordered forms are pinned too.
 */
import { describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { translateForPrint } from "../../src/compile/print.ts";
import { GROUPS, type Case } from "./_cases.ts";

const DIR = join(import.meta.dir, "golden");
const BLESS = !!process.env.BLESS;
const VA = 0x1000n;

function assemble(c: Case, tmp: string): Uint8Array {
  const src = join(tmp, "c.asm"), out = join(tmp, "c.bin");
  writeFileSync(src, `bits ${c.mode}\norg 0x${VA.toString(16)}\n${c.asm}\n`);
  const r = Bun.spawnSync(["nasm", "-f", "bin", "-o", out, src]);
  if (r.exitCode !== 0) throw new Error(`nasm: ${r.stderr.toString()}`);
  return new Uint8Array(readFileSync(out));
}

function render(cases: Case[], order: "tso" | "relaxed"): string {
  const tmp = mkdtempSync(join(tmpdir(), "aot-golden-"));
  try {
    return cases.map((c) => {
      const bytes = assemble(c, tmp);
      const t = translateForPrint(bytes, 0, bytes.length, VA, { mode: c.mode, order, ir: true });
      return `=== ${c.mode}-bit: ${c.asm.replace(/\n/g, "; ")}\n${t.text}\n`;
    }).join("\n");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

describe("golden x86 → IR → ARM64", () => {
  const files: [string, Case[], "tso" | "relaxed"][] = Object.entries(GROUPS).map(([g, cs]) => [g, cs, "relaxed"]);
  files.push(["memory-tso", [...GROUPS.move!.slice(5, 9), ...GROUPS.stack!.slice(0, 2), GROUPS.arith![7]!], "tso"]);
  for (const [group, cases, order] of files) {
    test(group, () => {
      const text = render(cases, order);
      const file = join(DIR, `${group}.txt`);
      if (BLESS || !existsSync(file)) {
        if (!BLESS) throw new Error(`${file} is missing: run BLESS=1 bun test test/compile and review it`);
        writeFileSync(file, text);
        return;
      }
      expect(text).toBe(readFileSync(file, "utf8"));
    });
  }
});
