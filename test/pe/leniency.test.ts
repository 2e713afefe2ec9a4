/**
 * @file The PE loader is lenient exactly where the Windows loader is (issue 11, item 3), on
 * installer-style stubs patched after linking (scripts/fixtures.sh, test/fixtures-src/patch-stub.ts):
 * - `zero-reloc`: the relocation directory points into zero-filled memory (first SizeOfBlock 0,
 *   the end of the list for Windows' and Wine's loops): a clean image, 0 relocations as
 *   llvm-readobj-19 says;
 * - `reloc-pad`: valid blocks followed by zero padding: clean, as many entries as llvm-readobj-19
 *   lists for the unpatched stub (llvm-readobj-19 itself crashes on the padded file: it never
 *   advances past a 0 SizeOfBlock);
 * - `bad-reloc` (SizeOfBlock 4) and `bad-debug` (directory outside the image): directories the
 *   loader does not process at the preferred base, so a warning and exit 1, never a refusal; the
 *   rest of the image still equals llvm-readobj-19, and moving a `bad-reloc` image is refused.
 * `inspect`, `disasm` and `deps` run on each through the CLI; disasm's output and deps' closure
 * must equal the unpatched stub's (same code, same imports).
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { fixture, runAot } from "../_env.ts";
import { mapImage, parsePe } from "../../src/pe/index.ts";
import { readobj } from "./_readobj.ts";

const VARIANTS = ["zero-reloc", "reloc-pad", "bad-reloc", "bad-debug"] as const;
const warns = (v: string): boolean => v.startsWith("bad-");
const load = (p: string) => parsePe(new Uint8Array(readFileSync(p)), p);

for (const bits of [32, 64] as const) {
  describe(`${bits}-bit installer stub patched after linking`, () => {
    const plain = fixture(`stub${bits}.exe`);
    for (const v of VARIANTS) {
      const path = fixture(`stub-${v}${bits}.exe`);

      test(`${v}: inspect ${warns(v) ? "warns (exit 1)" : "is clean (exit 0)"} and agrees with llvm-readobj-19`, async () => {
        const r = runAot(["inspect", path, "--json"]);
        expect(r.stderr).not.toContain("error");
        expect(r.code).toBe(warns(v) ? 1 : 0);
        const j = JSON.parse(r.stdout);
        expect(j.warnings.length).toBe(warns(v) ? 1 : 0);
        const warnLines = r.stderr.split("\n").filter((l) => l.startsWith("warning: "));
        expect(warnLines.length).toBe(warns(v) ? 1 : 0);
        if (v === "bad-reloc") expect(warnLines[0]).toContain("SizeOfBlock 4");
        if (v === "bad-debug") expect(warnLines[0]).toContain("debug directory");
        // The oracle: llvm-readobj-19 on this file, or on the unpatched stub where it cannot read it
        // (it crashes on the padded table and refuses the whole file over the debug directory).
        const readable = v === "zero-reloc" || v === "bad-reloc";
        const ro = await readobj(readable ? path : plain, [], v === "bad-reloc" ? ["--sections", "--coff-imports"] : undefined);
        expect(j.sections.map((s: { name: string; rva: number; virtualSize: number; rawSize: number }) => [s.name, s.rva, s.rawSize])).toEqual(ro.sections.map((s) => [s.name, s.rva, s.rawSize]));
        expect(j.imports.map((d: { dll: string }) => d.dll)).toEqual(ro.imports.map((d) => d.dll));
        if (v === "zero-reloc") expect(j.relocationCount).toBe(0);
        if (v === "zero-reloc") expect(ro.relocationCount).toBe(0);
        if (v === "reloc-pad") {
          expect(ro.relocationCount).toBeGreaterThan(0);
          expect(j.relocationCount).toBe(ro.relocationCount);
        }
        if (v === "bad-reloc") expect(j.relocationCount).toBe(0);
      });

      test(`${v}: disasm prints what it prints for the unpatched stub`, () => {
        const want = runAot(["disasm", plain]);
        expect(want.code).toBe(0);
        const got = runAot(["disasm", path]);
        expect(got.code).toBe(warns(v) ? 1 : 0);
        expect(got.stdout).toBe(want.stdout);
      });

      test(`${v}: deps resolves what the unpatched stub resolves`, () => {
        const want = runAot(["deps", plain, "--json"]);
        const got = runAot(["deps", path, "--json"]);
        expect(got.code).toBe(warns(v) ? 1 : want.code);
        const a = JSON.parse(want.stdout), b = JSON.parse(got.stdout);
        // Same closure; only the root's own name differs.
        const rootA = a.images[0].name, rootB = b.images[0].name;
        const norm = (images: { importedBy: string[] }[], root: string) => images.slice(1).map((i) => ({ ...i, importedBy: i.importedBy.map((n) => (n === root ? "<root>" : n)) }));
        expect(norm(b.images, rootB)).toEqual(norm(a.images, rootA));
        expect(b.unresolved.length).toBe(a.unresolved.length);
        expect(b.warnings.length).toBe(warns(v) ? 1 : 0);
      });
    }

    test("a relocation table the loader could not apply: mapped at the preferred base, refused elsewhere", () => {
      const pe = load(fixture(`stub-bad-reloc${bits}.exe`));
      expect(pe.relocationProblem).toContain("SizeOfBlock 4");
      expect(mapImage(pe).base).toBe(pe.imageBase);
      expect(() => mapImage(pe, pe.imageBase + 0x10000n)).toThrow(/cannot relocate/);
      // The padded table relocates exactly like the unpatched one.
      const a = load(plain), b = load(fixture(`stub-reloc-pad${bits}.exe`));
      const to = a.imageBase + 0x100000n;
      const ma = mapImage(a, to), mb = mapImage(b, to);
      const text = a.sections.find((s) => s.name === ".data")!;
      expect(Buffer.from(mb.read(to + BigInt(text.rva), text.virtualSize)).equals(Buffer.from(ma.read(to + BigInt(text.rva), text.virtualSize)))).toBe(true);
    });
  });
}
