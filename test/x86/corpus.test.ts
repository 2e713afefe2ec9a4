/**
 * @file Oracle test: a linear sweep of the executable sections of the Wine PE corpora (both
 * architectures; restart one byte after an invalid one) agrees with iced-x86 on length and
 * mnemonic, and with GNU objdump on length. Default tier: every 4th file plus kernel32, ntdll
 * and msvcrt against iced, every 16th file plus those three against objdump; AOT_SLOW=1: every file against both.
 * Prints the figures and each disagreement.
 */
import { expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { SLOW, wine32Dir, wine64Dir } from "../_env.ts";
import { codeSections, compareObjdump, newFigures, report, sweepVsIced } from "./_oracle.ts";

const ALWAYS = ["kernel32.dll", "ntdll.dll", "msvcrt.dll"];

function pick(dir: string, every: number): string[] {
  const names = readdirSync(dir).sort();
  return names.filter((n, i) => SLOW || i % every === 0 || ALWAYS.includes(n)).map((n) => join(dir, n));
}

for (const [arch, dir] of [["x86_64", wine64Dir], ["i386", wine32Dir]] as const) {
  test(`${arch} Wine corpus sweep vs iced-x86 and objdump`, () => {
    const iced = newFigures();
    const od = newFigures();
    const files = pick(dir(), 4);
    const objdumpFiles = new Set(SLOW ? files : files.filter((f, i) => i % 4 === 1 || ALWAYS.some((a) => f.endsWith(`/${a}`))));
    let pe = 0;
    for (const f of files) {
      const secs = codeSections(f);
      if (!secs) continue;
      pe++;
      const starts = secs.map((s) => sweepVsIced(s, iced));
      if (objdumpFiles.has(f)) compareObjdump(secs, starts, od);
    }
    console.log(`${arch}: ${pe} PE files of ${files.length} swept`);
    console.log(report(`${arch} vs iced`, iced));
    console.log(report(`${arch} vs objdump (${objdumpFiles.size} files)`, od, false));
    expect(iced.lengthAgree).toBe(iced.compared);
    expect(iced.mnemonicAgree / iced.compared).toBeGreaterThanOrEqual(0.9999);
    expect(od.lengthAgree).toBe(od.compared);
  }, 1_800_000);
}
