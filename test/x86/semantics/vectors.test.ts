/**
 * @file Properties of the semantics over every golden vector of the primary and 0F maps (32- and
 * 64-bit mode) whose mnemonic is in SEMANTICS:
 * - the block verifies (`assertIr`, in `one`) and an "unhandled" result leaves only the caller's
 *   `Guest` marker;
 * - precise faults (docs/runtime-abi.md §9): no register write, flag write or flag-defining op
 *   comes before the instruction's last Load/Store;
 * - the flags written are the ones the row declares: at least `fw`+`f0`+`f1`, at most those plus
 *   `fu` (shifts and rotates whose immediate count masks to 0 write none).
 */
import { expect, test } from "bun:test";
import { buildTables } from "../../../src/x86/tables/_build.ts";
import { K, tables } from "../../../src/x86/index.ts";
import { FLAG, OP, OPS } from "../../../src/ir/index.ts";
import { SEMANTICS } from "../../../src/x86/semantics/index.ts";
import { one, vectors } from "./_translate.ts";

const LETTER: Record<string, number> = { o: FLAG.OF, s: FLAG.SF, z: FLAG.ZF, a: FLAG.AF, c: FLAG.CF, p: FLAG.PF, d: FLAG.DF };
const mask = (letters: string): number => [...letters].reduce((m, ch) => m | (LETTER[ch] ?? 0), 0);
const SHIFTS = new Set(["SHL", "SAL", "SHR", "SAR", "ROL", "ROR"]);

test("every translated vector verifies, keeps loads/stores before state writes, and writes the row's flags", () => {
  const forms = buildTables().forms;
  const t = tables();
  const sem = new Set(Object.keys(SEMANTICS));
  let translated = 0, unhandled = 0;
  const bad: string[] = [];
  for (const [file, hex, mode] of vectors()) {
    const r = one(hex, mode);
    const m = t.mnemonics[r.insn.mnemonic]!;
    if (!sem.has(m)) {
      expect(r.result).toBe("unhandled");
      continue;
    }
    if (r.result === "unhandled") {
      unhandled++;
      if (r.b.n !== 1) bad.push(`${file} ${hex}: unhandled but left ${r.b.n - 1} ops`);
      continue;
    }
    translated++;
    const b = r.b;
    let lastMem = -1, firstWrite = -1, written = 0, memBeforeWrite = 0;
    for (let k = 0; k < b.n; k++) {
      const op = b.op[k]!;
      if (op === OP.Load || op === OP.Store || op === OP.AtomicRmw || op === OP.AtomicCas || op === OP.AtomicCasPair) {
        lastMem = k;
        if (firstWrite < 0) memBeforeWrite++;
      }
      const info = OPS[op]!;
      const defines = info.flags !== 0 && b.fm[k]! !== 0 ? b.fm[k]! : 0;
      if (op === OP.SetFlag) written |= b.a[k]!;
      written |= defines;
      if (firstWrite < 0 && (op === OP.SetReg || op === OP.SetFlag || defines)) firstWrite = k;
    }
    // POPAD reads 32 contiguous bytes: it loads the first and the last slot before writing any
    // register, so both pages the stack run can touch are checked; the six loads in between cannot
    // fault (semantics/control.ts). Everything else keeps every access before every write.
    const popad = m === "POPAD" && memBeforeWrite >= 2;
    if (firstWrite >= 0 && lastMem > firstWrite && !popad) bad.push(`${file} ${hex}: state written at op ${firstWrite} before memory op ${lastMem}`);
    const row = forms[r.insn.form]!.rflags;
    // An instruction run by a runtime helper (SYSCALL, INT n, CPUID, ...: the block leaves through
    // ExitSym at the instruction itself) has its effects there, so the translated code writes no flag.
    const helper = b.op[b.n - 1] === OP.ExitSym;
    const need = helper ? 0 : mask(row.w + row.c + row.s), may = need | mask(row.u);
    const zeroCount = SHIFTS.has(m) && r.insn.kind[1] === K.IMM && (r.insn.imm & (/rm64/.test(t.formIds[r.insn.form]!) ? 63 : 31)) === 0;
    if (zeroCount ? written !== 0 : (written & need) !== need || (written & ~may) !== 0)
      bad.push(`${file} ${hex} ${t.formIds[r.insn.form]}: writes ${written}, row needs ${need} allows ${may}`);
  }
  console.log(`semantics over the vectors: ${translated} translated, ${unhandled} fell back (segment/CR/DR/far/16-bit/prefixed forms)`);
  expect(bad).toEqual([]);
  expect(translated).toBeGreaterThan(1000);
});
