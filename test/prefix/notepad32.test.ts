/**
 * Acceptance (issue 9, item 5): the test prefix has a real `syswow64` (scripts/corpus.sh copies the
 * i386 builtins there), and `aot deps` on the 32-bit notepad.exe in it resolves the whole WOW64
 * closure inside the prefix. Oracle as in notepad.test.ts: llvm-readobj-19 --coff-imports (imports
 * + delay imports) and GNU objdump -p (export forwarders, module named as Wine's loader names it:
 * ".dll" appended only to a name without a dot), resolved case-insensitively in the app folder,
 * then syswow64, then the Windows folder, skipping files that are not i386 PEs.
 */
import { expect, test } from "bun:test";
import { join } from "node:path";
import { prefix64, runAot } from "../_env.ts";
import { oracleClosure } from "./_closure-oracle.ts";

const isI386 = (file: string): boolean => /file format pei-i386/.test(Bun.spawnSync(["objdump", "-f", file]).stdout.toString());

test("aot deps syswow64/notepad.exe: the 32-bit closure resolves inside the prefix, equal to the llvm-readobj/objdump oracle", () => {
  const p = prefix64();
  const win = join(p, "drive_c", "windows");
  const wow = join(win, "syswow64");
  const exe = join(wow, "notepad.exe");
  expect(isI386(exe)).toBe(true);
  const dirs = [wow, wow, win]; // the app folder is C:\windows\syswow64 here
  const { want, missing } = oracleClosure(exe, dirs, isI386);
  expect(missing).toEqual([]);
  expect(want.size).toBeGreaterThan(10);
  expect(want.get("kernel32.dll")).toBe(join(wow, "kernel32.dll"));

  const r = runAot(["deps", exe, "--prefix", p, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout) as { images: { name: string; path: string; bitness: number }[]; unresolved: unknown[] };
  expect(j.unresolved).toEqual([]);
  expect(new Map(j.images.map((i) => [i.name, i.path]))).toEqual(want);
  expect(j.images.every((i) => i.bitness === 32)).toBe(true);
  // Nothing of the 32-bit closure comes from outside the prefix (Wine's builtin folders).
  expect(j.images.filter((i) => !i.path.startsWith(`${p}/`))).toEqual([]);
}, 60_000);

test("forwarderDll names the module as Wine's loader does", async () => {
  const { forwarderDll } = await import("../../src/prefix/index.ts");
  expect(forwarderDll("NTDLL.RtlAllocateHeap")).toBe("NTDLL.dll");
  expect(forwarderDll("krnl386.exe16.VxDCall0")).toBe("krnl386.exe16");
  expect(forwarderDll("api-ms-win-core-heap-l1-1-0.HeapAlloc")).toBe("api-ms-win-core-heap-l1-1-0.dll");
  expect(forwarderDll("nodot")).toBeUndefined();
});
