/**
 * @file Stage 2 (Wine prefix): an executable's full DLL dependency closure.
 *
 * Edges come from the import table, the delay-import table and (by default) export forwarders
 * that name another DLL (`NTDLL.RtlAllocateHeap` makes ntdll a dependency: the loader loads the
 * target when it binds the forwarded import). Forwarders are counted even when no importer uses
 * that export, so the closure is an upper bound of what the loader may map; pass
 * `forwarders: false` for imports only. Each image is visited once (cycles are fine).
 *
 * On entry: a PE path. On exit: images in discovery order (the EXE first), each with the
 * importers that named it, and every name that did not resolve with the importer and reason.
 *
 *   const c = dependencyClosure("/p/drive_c/windows/notepad.exe", { prefix });
 *   c.images.map((i) => i.name);   // ["notepad.exe", "advapi32.dll", ...]
 *   c.unresolved;                   // [] when everything resolved
 */
import { basename, dirname, resolve } from "node:path";
import { InputError } from "../util/errors.ts";
import { loadPeFileSync } from "../pe/index.ts";
import { DllResolver, type Via } from "./resolve.ts";
import type { WinePrefix } from "./prefix.ts";

export interface ClosureImage {
  /** Lowercase DLL name as imported (the EXE: its file name). */
  name: string;
  path: string;
  bitness: 32 | 64;
  via: Via | "root";
  apiSetHost?: string;
  importedBy: string[];
  /** Candidates passed over (wrong bitness, not a PE). */
  skipped: { path: string; reason: string }[];
}

export interface Unresolved {
  name: string;
  importer: string;
  reason: string;
}

export interface Closure {
  root: ClosureImage;
  images: ClosureImage[];
  unresolved: Unresolved[];
  /** Findings in the images walked (PeFile.warnings: capped tables, directories the loader skips). */
  warnings: { image: string; path: string; warning: string }[];
}

export interface ClosureOptions {
  prefix?: WinePrefix;
  forwarders?: boolean;
  delayImports?: boolean;
  env?: Record<string, string | undefined>;
  builtinDirs?: string[];
}

/**
 * DLL named by a forwarder string "DLL.Function" / "DLL.#12": the part before the last dot, with
 * ".dll" appended only when it has no extension of its own (Wine's loader, find_forwarded_export:
 * i386 kernel32 forwards to "krnl386.exe16.GlobalAlloc16", module "krnl386.exe16").
 */
export function forwarderDll(fwd: string): string | undefined {
  const dot = fwd.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const mod = fwd.slice(0, dot);
  return mod.includes(".") ? mod : `${mod}.dll`;
}

export function dependencyClosure(exePath: string, opts: ClosureOptions = {}): Closure {
  const abs = resolve(exePath);
  const exe = loadPeFileSync(abs);
  const is64 = exe.is64;
  const r = new DllResolver({ prefix: opts.prefix, appDir: dirname(abs), is64, env: opts.env, builtinDirs: opts.builtinDirs });
  const root: ClosureImage = { name: basename(abs).toLowerCase(), path: abs, bitness: is64 ? 64 : 32, via: "root", importedBy: [], skipped: [] };
  const problem = r.bitnessProblem(exe);
  if (problem) throw new InputError(abs, `not an x86 executable (${problem})`, "unsupported");
  const byName = new Map<string, ClosureImage>([[root.name, root]]);
  const byPath = new Map<string, ClosureImage>([[abs, root]]);
  const images = [root];
  const unresolved: Unresolved[] = [];
  const warnings: Closure["warnings"] = [];
  const queue: { img: ClosureImage; pe: typeof exe }[] = [{ img: root, pe: exe }];
  while (queue.length) {
    const { img, pe } = queue.shift()!;
    for (const w of pe.warnings) warnings.push({ image: img.name, path: img.path, warning: w });
    const names: string[] = [];
    for (const d of pe.imports) names.push(d.dll);
    if (opts.delayImports ?? true) for (const d of pe.delayImports) names.push(d.dll);
    if (opts.forwarders ?? true) {
      for (const e of pe.exports) {
        const dll = e.forwarder ? forwarderDll(e.forwarder) : undefined;
        if (dll) names.push(dll);
      }
    }
    const seen = new Set<string>();
    for (const raw of names) {
      const name = (/\.[^.]*$/.test(raw) ? raw : `${raw}.dll`).toLowerCase();
      if (seen.has(name) || name === img.name) continue;
      seen.add(name);
      const known = byName.get(name);
      if (known) {
        if (!known.importedBy.includes(img.name)) known.importedBy.push(img.name);
        continue;
      }
      const res = r.resolve(raw);
      if (!res.path || !res.pe || !res.via) {
        // `seen` makes (name, importer) unique: each image is walked once, each name once per image.
        unresolved.push({ name, importer: img.name, reason: res.reason ?? "not found" });
        continue;
      }
      const node: ClosureImage = { name, path: res.path, bitness: is64 ? 64 : 32, via: res.via, importedBy: [img.name], skipped: res.skipped };
      if (res.apiSetHost) node.apiSetHost = res.apiSetHost;
      byName.set(name, node);
      images.push(node);
      // An API-set name and its host are the same file: walk its imports once, under the host's name.
      const same = byPath.get(res.path);
      if (same) {
        if (!same.importedBy.includes(name)) same.importedBy.push(name);
        continue;
      }
      byPath.set(res.path, node);
      queue.push({ img: node, pe: res.pe });
    }
  }
  return { root, images, unresolved, warnings };
}
