/**
 * @file The DLL-closure oracle the prefix tests compare `aot deps` with, written from tools we
 * did not write: llvm-readobj-19 --coff-imports (imports and delay imports) and GNU objdump -p
 * (export forwarders, the module named as Wine's loader names it: ".dll" appended only to a name
 * without a dot), resolved by a case-insensitive lookup in the given folders, in order.
 *
 *   const { want, missing } = oracleClosure(exe, [appDir, system32, windows]);
 */
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";

/** Lower-cased names of the DLLs `file` imports, delay-imports or forwards exports to. */
export function oracleDeps(file: string): string[] {
  const imp = Bun.spawnSync(["llvm-readobj-19", "--coff-imports", file]).stdout.toString();
  const names = [...imp.matchAll(/^\s*(?:Import|DelayImport) \{\s*\n\s*Name: (\S+)/gm)].map((m) => m[1]!);
  const exp = Bun.spawnSync(["objdump", "-p", file]).stdout.toString();
  for (const m of exp.matchAll(/Forwarder RVA -- (\S+)/g)) {
    const mod = m[1]!.slice(0, m[1]!.lastIndexOf("."));
    names.push(mod.includes(".") ? mod : `${mod}.dll`);
  }
  return [...new Set(names.map((n) => n.toLowerCase()))];
}

/**
 * The closure of `exe`: name → path, and the names no folder holds. `accept` can refuse a file a
 * folder holds (e.g. a PE of the other bitness), so the lookup goes on to the next folder.
 */
export function oracleClosure(exe: string, dirs: string[], accept: (path: string) => boolean = () => true): { want: Map<string, string>; missing: string[] } {
  const lookup = (name: string): string | undefined => {
    for (const d of dirs) {
      const hit = readdirSync(d).find((n) => n.toLowerCase() === name);
      if (hit && accept(join(d, hit))) return join(d, hit);
    }
    return undefined;
  };
  const want = new Map<string, string>([[basename(exe).toLowerCase(), exe]]);
  const queue = [exe];
  const missing: string[] = [];
  while (queue.length) {
    for (const n of oracleDeps(queue.shift()!)) {
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
  return { want, missing };
}
