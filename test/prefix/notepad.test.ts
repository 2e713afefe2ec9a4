/**
 * Acceptance: `aot deps notepad.exe` in the real wineboot prefix resolves its whole closure, and
 * the closure equals one computed by an oracle we did not write: llvm-readobj-19 --coff-imports
 * (imports + delay imports) and GNU objdump -p (export forwarders), names resolved by a
 * case-insensitive lookup in the app folder, then system32, then the Windows folder.
 */
import { expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { prefix64, runAot } from "../_env.ts";

function oracleDeps(file: string): string[] {
  const imp = Bun.spawnSync(["llvm-readobj-19", "--coff-imports", file]).stdout.toString();
  const names = [...imp.matchAll(/^\s*(?:Import|DelayImport) \{\s*\n\s*Name: (\S+)/gm)].map((m) => m[1]!);
  const exp = Bun.spawnSync(["objdump", "-p", file]).stdout.toString();
  for (const m of exp.matchAll(/Forwarder RVA -- (\S+)/g)) {
    const dot = m[1]!.lastIndexOf(".");
    names.push(`${m[1]!.slice(0, dot)}.dll`);
  }
  return [...new Set(names.map((n) => n.toLowerCase()))];
}

test("aot deps notepad.exe: whole closure resolved, equal to the llvm-readobj/objdump oracle", () => {
  const p = prefix64();
  const win = join(p, "drive_c", "windows");
  const exe = join(win, "notepad.exe");
  const dirs = [win, join(win, "system32"), win]; // app folder is C:\windows here
  const lookup = (name: string): string | undefined => {
    for (const d of dirs) {
      const hit = readdirSync(d).find((n) => n.toLowerCase() === name);
      if (hit) return join(d, hit);
    }
    return undefined;
  };
  const want = new Map<string, string>([["notepad.exe", exe]]);
  const queue = [exe];
  const missing: string[] = [];
  while (queue.length) {
    const f = queue.shift()!;
    for (const n of oracleDeps(f)) {
      if (want.has(n)) continue;
      const path = lookup(n);
      if (!path) {
        missing.push(n);
        continue;
      }
      want.set(n, path);
      queue.push(path);
    }
  }
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
