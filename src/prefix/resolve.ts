/**
 * @file Stage 2 (Wine prefix): finding the file the Windows loader would load for a DLL name.
 *
 * Search order for a process of bitness B (the EXE's; every DLL in the process shares it):
 *  1. the application's folder (the EXE's folder, for every importer in the process);
 *  2. the system folder: `C:\windows\system32` for 64-bit, `C:\windows\syswow64` for 32-bit in a
 *     win64 prefix (a win32 prefix has only system32);
 *  3. the Windows folder, `C:\windows`;
 *  4. when the prefix holds no real file: Wine's builtin PE folders, `$WINEDLLPATH` entries
 *     (each dir and its `<arch>-windows/` subfolder), then `/usr/lib/<triplet>/wine/<arch>-windows`
 *     and `/usr/lib/wine/<arch>-windows`;
 *  5. an `api-ms-win-*` / `ext-ms-win-*` name with no file anywhere above resolves through the
 *     API-set table (apiset.ts) to its host DLL, which is then searched as in 1-4.
 * Lookups are case-insensitive per component. A candidate of the wrong bitness (PE32 for a 64-bit
 * process or the reverse) or not a valid PE is skipped, as the loader skips an image it cannot
 * map, and the skip is recorded with its reason. KnownDLLs and the current directory / PATH are
 * not modelled (Wine's loader does not use KnownDLLs for this and aot has no working directory).
 *
 *   const r = new DllResolver({ prefix, appDir: "/p/drive_c/Foo", is64: true });
 *   r.resolve("KERNEL32.dll");  // { path: ".../system32/kernel32.dll", via: "system", skipped: [] }
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadPeFileSync, type PeFile } from "../pe/index.ts";
import { InputError } from "../util/errors.ts";
import { apiSetHost, isApiSetName } from "./apiset.ts";
import { resolveCaseInsensitive } from "./paths.ts";
import type { WinePrefix } from "./prefix.ts";

const AMD64 = 0x8664;
const I386 = 0x14c;
const ARM64EC = 0xa641;
const ARM64X = 0xa64e;

export type Via = "app" | "system" | "windows" | "builtin" | "apiset";

export interface Resolution {
  /** The name as asked for. */
  name: string;
  path?: string;
  pe?: PeFile;
  via?: Via;
  /** For API-set names: the host DLL name they resolved to. */
  apiSetHost?: string;
  skipped: { path: string; reason: string }[];
  /** Why nothing was found (set when `path` is not). */
  reason?: string;
}

export interface ResolverOptions {
  prefix?: WinePrefix;
  /** Folder of the application's EXE. */
  appDir: string;
  is64: boolean;
  env?: Record<string, string | undefined>;
  /** Replace the default builtin folders (tests). */
  builtinDirs?: string[];
}

/** Default builtin PE folders for a bitness, WINEDLLPATH first. */
export function builtinDirs(is64: boolean, env: Record<string, string | undefined> = process.env): string[] {
  const arch = is64 ? "x86_64-windows" : "i386-windows";
  const triplet = is64 ? "x86_64-linux-gnu" : "i386-linux-gnu";
  const out: string[] = [];
  for (const d of (env.WINEDLLPATH ?? "").split(":").filter(Boolean)) out.push(join(d, arch), d);
  out.push(`/usr/lib/${triplet}/wine/${arch}`, `/usr/lib/wine/${arch}`, `/usr/local/lib/wine/${arch}`);
  return out;
}

export class DllResolver {
  private readonly listings = new Map<string, Map<string, string> | null>();
  private readonly pes = new Map<string, PeFile | InputError>();
  private readonly cache = new Map<string, Resolution>();
  readonly searchDirs: { dir: string; via: Via }[];
  readonly builtin: string[];

  constructor(readonly opts: ResolverOptions) {
    this.searchDirs = [{ dir: opts.appDir, via: "app" }];
    const p = opts.prefix;
    if (p) {
      const win = resolveCaseInsensitive(join(p.root, "drive_c"), ["windows"]).path;
      const sys = !opts.is64 && p.arch !== "win32" ? "syswow64" : "system32";
      this.searchDirs.push({ dir: resolveCaseInsensitive(win, [sys]).path, via: "system" }, { dir: win, via: "windows" });
    }
    this.builtin = opts.builtinDirs ?? builtinDirs(opts.is64, opts.env);
  }

  /** Lowercase name -> real name of the regular files in `dir` (cached). */
  private listing(dir: string): Map<string, string> | null {
    let l = this.listings.get(dir);
    if (l !== undefined) return l;
    l = null;
    try {
      l = new Map();
      for (const n of readdirSync(dir).sort()) if (!l.has(n.toLowerCase())) l.set(n.toLowerCase(), n);
    } catch {
      l = null;
    }
    this.listings.set(dir, l);
    return l;
  }

  /** Parse (cached) a candidate; an InputError when it is not a usable PE. */
  loadPe(path: string): PeFile | InputError {
    let pe = this.pes.get(path);
    if (!pe) {
      try {
        pe = loadPeFileSync(path);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        pe = e;
      }
      this.pes.set(path, pe);
    }
    return pe;
  }

  /** Why `pe` cannot be loaded into this process, or undefined when it fits. */
  bitnessProblem(pe: PeFile): string | undefined {
    const m = pe.hybridMachine ?? pe.machine;
    if (this.opts.is64) return pe.is64 && (m === AMD64 || m === ARM64EC || m === ARM64X) ? undefined : `wrong bitness: ${pe.format} machine 0x${pe.machine.toString(16)} in a 64-bit process`;
    return !pe.is64 && m === I386 ? undefined : `wrong bitness: ${pe.format} machine 0x${pe.machine.toString(16)} in a 32-bit process`;
  }

  private search(file: string, dirs: { dir: string; via: Via }[], skipped: Resolution["skipped"]): { path: string; pe: PeFile; via: Via } | undefined {
    for (const { dir, via } of dirs) {
      const real = this.listing(dir)?.get(file.toLowerCase());
      if (!real) continue;
      const path = join(dir, real);
      if (!statSync(path, { throwIfNoEntry: false })?.isFile()) continue;
      const pe = this.loadPe(path);
      if (pe instanceof InputError) {
        skipped.push({ path, reason: `not a loadable PE: ${pe.detail}` });
        continue;
      }
      const problem = this.bitnessProblem(pe);
      if (problem) {
        skipped.push({ path, reason: problem });
        continue;
      }
      return { path, pe, via };
    }
    return undefined;
  }

  /** Resolve one imported DLL name (cached per lowercase name). */
  resolve(name: string): Resolution {
    // The loader appends ".dll" to a name without an extension.
    const file = /\.[^.\\/]*$/.test(name) ? name : `${name}.dll`;
    const key = file.toLowerCase();
    const hit = this.cache.get(key);
    if (hit) return { ...hit, name };
    const res = this.resolveUncached(name, file);
    this.cache.set(key, res);
    return res;
  }

  private resolveUncached(name: string, file: string): Resolution {
    const skipped: Resolution["skipped"] = [];
    if (/[\\/]/.test(file)) return { name, skipped, reason: "import names with a path are not supported" };
    const builtinDirs = this.builtin.map((dir) => ({ dir, via: "builtin" as const }));
    const found = this.search(file, this.searchDirs, skipped) ?? this.search(file, builtinDirs, skipped);
    if (found) return { name, ...found, skipped };
    if (isApiSetName(file)) {
      const host = apiSetHost(file);
      if (!host) return { name, skipped, reason: "API set with no host in the schema table" };
      const h = this.search(host, this.searchDirs, skipped) ?? this.search(host, builtinDirs, skipped);
      if (h) return { name, path: h.path, pe: h.pe, via: "apiset", apiSetHost: host, skipped };
      return { name, apiSetHost: host, skipped, reason: `API set host ${host} not found` };
    }
    const where = this.searchDirs.map((d) => d.via).join(", ");
    const reason = skipped.length ? `only unusable candidates (${skipped.map((s) => s.reason).join("; ")})` : `not found in ${where} or Wine's builtin folders`;
    return { name, skipped, reason };
  }
}
