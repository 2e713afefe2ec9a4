/**
 * @file Stage 2 (Wine prefix): finding a prefix and reading the few facts we need from it.
 *
 * Search order of {@link findPrefix}: an explicit `--prefix`, then `$WINEPREFIX`, then the nearest
 * parent folder of the executable that holds both `drive_c` and `system.reg`, then `~/.wine`.
 * A candidate that is not a prefix (no `drive_c` or no `system.reg`) is an InputError rather
 * than a silent fall-through, except for the `~/.wine` default, which may simply be absent.
 *
 * On exit: a {@link WinePrefix} with an absolute `root`, the arch from `system.reg`'s `#arch=`
 * line, and where the value came from.
 *
 *   const p = findPrefix({ exe: "/games/foo/drive_c/Foo/foo.exe" });
 *   p.root;   // "/games/foo"
 *   p.arch;   // "win64"
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../util/errors.ts";

export interface WinePrefix {
  root: string;
  /** From system.reg `#arch=`; Wine writes win32 or win64 (win64 also runs 32-bit code). */
  arch: "win32" | "win64" | "unknown";
  source: "option" | "WINEPREFIX" | "exe-parent" | "default";
}

/** True when `dir` holds both `drive_c` and `system.reg`. */
export function isPrefix(dir: string): boolean {
  return existsSync(join(dir, "system.reg")) && statSync(join(dir, "drive_c"), { throwIfNoEntry: false })?.isDirectory() === true;
}

function prefixArch(root: string): WinePrefix["arch"] {
  try {
    const head = readFileSync(join(root, "system.reg"), "latin1").slice(0, 4096);
    const m = /^#arch=(win32|win64)\s*$/m.exec(head);
    return (m?.[1] as "win32" | "win64" | undefined) ?? "unknown";
  } catch {
    return "unknown";
  }
}

function make(root: string, source: WinePrefix["source"]): WinePrefix {
  const abs = resolve(root);
  if (!isPrefix(abs)) throw new InputError(abs, `not a Wine prefix (needs drive_c/ and system.reg; from ${source})`, "not-a-prefix");
  return { root: abs, arch: prefixArch(abs), source };
}

/** Find the prefix to use; undefined only when nothing applies (no option, env, parent or ~/.wine). */
export function findPrefix(opts: { prefix?: string; exe?: string; env?: Record<string, string | undefined>; home?: string } = {}): WinePrefix | undefined {
  const env = opts.env ?? process.env;
  if (opts.prefix) return make(opts.prefix, "option");
  if (env.WINEPREFIX) return make(env.WINEPREFIX, "WINEPREFIX");
  if (opts.exe) {
    for (let dir = dirname(resolve(opts.exe)); ; dir = dirname(dir)) {
      if (isPrefix(dir)) return make(dir, "exe-parent");
      if (dirname(dir) === dir) break;
    }
  }
  const def = join(opts.home ?? env.HOME ?? homedir(), ".wine");
  return isPrefix(def) ? make(def, "default") : undefined;
}

/** Read one string value from a Wine .reg file (`[key]` then `"name"="value"`), unescaped. */
export function readRegString(regFile: string, key: string, name: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(regFile, "utf8");
  } catch {
    return undefined;
  }
  // Wine writes keys with doubled backslashes: [Software\\Microsoft\\...].
  const header = `[${key.replaceAll("\\", "\\\\")}]`.toLowerCase();
  const lines = text.split("\n");
  let inKey = false;
  for (const line of lines) {
    if (line.startsWith("[")) {
      inKey = line.toLowerCase().startsWith(header);
      continue;
    }
    if (!inKey) continue;
    const m = /^"((?:[^"\\]|\\.)*)"="((?:[^"\\]|\\.)*)"\s*$/.exec(line);
    if (m && m[1]!.toLowerCase() === name.toLowerCase()) return m[2]!.replace(/\\(.)/g, "$1");
  }
  return undefined;
}

/** User profile folders under `drive_c/users` (everything but Public). */
export function prefixUsers(root: string): string[] {
  const dir = join(root, "drive_c", "users");
  try {
    return readdirSync(dir).filter((n) => n.toLowerCase() !== "public" && statSync(join(dir, n)).isDirectory());
  } catch {
    return [];
  }
}
