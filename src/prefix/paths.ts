/**
 * @file Stage 2 (Wine prefix): Windows <-> Unix path mapping inside a prefix.
 *
 * Drive letters come from `<prefix>/dosdevices/<x>:` symlinks (Wine's own table; `c:` usually
 * points at `../drive_c`, `z:` at `/`). Windows is case-insensitive, so each component after the
 * drive is looked up case-insensitively on the Unix side: an exact match wins, otherwise the
 * first directory entry that matches ignoring case (sorted, so the choice is stable). A missing
 * component keeps the spelling it was given, which is what a file about to be created needs.
 *
 * Unix -> Windows walks the same symlinks backwards and picks the drive whose target is the
 * longest prefix of the real path (c: beats z: for files under drive_c).
 *
 *   const m = new PathMapper("/home/u/.wine");
 *   m.toUnix("C:\\Windows\\System32\\KERNEL32.dll"); // ".../drive_c/windows/system32/kernel32.dll"
 *   m.toWindows("/home/u/.wine/drive_c/windows");    // "C:\\windows"
 */
import { existsSync, readdirSync, readlinkSync, realpathSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { InputError } from "../util/errors.ts";

/** Find `name` in `dir` ignoring case; exact spelling first. Undefined when absent. */
export function findCaseInsensitive(dir: string, name: string): string | undefined {
  if (existsSync(join(dir, name))) return name;
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return undefined;
  }
  const want = name.toLowerCase();
  return entries.find((e) => e.toLowerCase() === want);
}

/** Resolve `parts` below `base` one component at a time, case-insensitively. */
export function resolveCaseInsensitive(base: string, parts: string[]): { path: string; exists: boolean } {
  let cur = base;
  let exists = true;
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      cur = resolve(cur, "..");
      continue;
    }
    const hit = exists ? findCaseInsensitive(cur, part) : undefined;
    if (hit === undefined) exists = false;
    cur = join(cur, hit ?? part);
  }
  return { path: cur, exists };
}

export class PathMapper {
  readonly drives = new Map<string, string>();

  constructor(readonly root: string) {
    const dos = join(root, "dosdevices");
    let names: string[] = [];
    try {
      names = readdirSync(dos);
    } catch {
      // A prefix without dosdevices still has drive_c; Wine recreates the links at start.
    }
    for (const n of names) {
      if (!/^[a-z]:$/i.test(n)) continue;
      try {
        this.drives.set(n[0]!.toLowerCase(), resolve(dos, readlinkSync(join(dos, n))));
      } catch {
        // not a symlink (e.g. a stray file): ignore as Wine does
      }
    }
    if (!this.drives.has("c")) this.drives.set("c", join(root, "drive_c"));
  }

  /** Map a Windows path (drive-absolute, `\\?\` prefixed or with forward slashes) to a Unix path. */
  toUnix(winPath: string): string {
    return this.resolve(winPath).path;
  }

  /** Like {@link toUnix} and also says whether every component exists. */
  resolve(winPath: string): { path: string; exists: boolean } {
    const p = winPath.replace(/^\\\\\?\\/, "").replace(/^\\\?\?\\/, "");
    const m = /^([a-zA-Z]):(?:[\\/]|$)(.*)$/s.exec(p);
    if (!m) throw new InputError(winPath, "not a drive-absolute Windows path (expected X:\\...)", "invalid-path");
    const target = this.drives.get(m[1]!.toLowerCase());
    if (!target) throw new InputError(winPath, `drive ${m[1]!.toUpperCase()}: is not mapped in ${join(this.root, "dosdevices")}`, "no-drive");
    return resolveCaseInsensitive(target, m[2]!.split(/[\\/]+/));
  }

  /** Map a Unix path to a Windows one through the drive whose target is its longest prefix. */
  toWindows(unixPath: string): string {
    let real = resolve(unixPath);
    try {
      real = realpathSync(real);
    } catch {
      // keep the lexical path for files that do not exist yet
    }
    let best: { letter: string; target: string } | undefined;
    for (const [letter, t] of this.drives) {
      let target = t;
      try {
        target = realpathSync(t);
      } catch {}
      const inside = real === target || real.startsWith(target.endsWith(sep) ? target : target + sep);
      if (inside && (!best || target.length > best.target.length)) best = { letter, target };
    }
    if (!best) throw new InputError(unixPath, "no drive of the prefix maps this path", "no-drive");
    const rest = real.slice(best.target.length).split(sep).filter(Boolean).join("\\");
    return `${best.letter.toUpperCase()}:\\${rest}`;
  }
}
