/**
 * Acceptance: `aot deps notepad.exe` in the real wineboot prefix resolves its whole closure, and
 * the closure equals one computed by an oracle we did not write: llvm-readobj-19 --coff-imports
 * (imports + delay imports) and GNU objdump -p (export forwarders), names resolved by a
 * case-insensitive lookup in the app folder, then system32, then the Windows folder
 * (test/prefix/_closure-oracle.ts).
 */
import { expect, test } from "bun:test";
import { join } from "node:path";
import { prefix64, runAot } from "../_env.ts";
import { oracleClosure } from "./_closure-oracle.ts";

test("aot deps notepad.exe: whole closure resolved, equal to the llvm-readobj/objdump oracle", () => {
  const p = prefix64();
  const win = join(p, "drive_c", "windows");
  const exe = join(win, "notepad.exe");
  const dirs = [win, join(win, "system32"), win]; // app folder is C:\windows here
  const { want, missing } = oracleClosure(exe, dirs);
  expect(missing).toEqual([]);
  expect(want.size).toBeGreaterThan(10);

  const r = runAot(["deps", exe, "--prefix", p, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout) as { images: { name: string; path: string; bitness: number; importedBy: string[] }[]; unresolved: unknown[] };
  expect(j.unresolved).toEqual([]);
  expect(new Map(j.images.map((i) => [i.name, i.path]))).toEqual(want);
  expect(j.images.every((i) => i.bitness === 64)).toBe(true);
  expect(j.images.find((i) => i.name === "ntdll.dll")!.importedBy).toContain("kernel32.dll");

  const text = runAot(["deps", exe, "--prefix", p]);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain(`${want.size} images, 0 unresolved`);
}, 60_000);
