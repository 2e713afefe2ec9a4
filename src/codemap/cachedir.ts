/**
 * @file Stage 3 (code maps): where FEX keeps code maps and caches, and what they are called.
 *
 * Cache dir, first hit wins (an explicit `cacheDir` or `prefix` option, i.e. a flag the user typed,
 * beats the environment):
 *  0. the `cacheDir` option, then the `prefix` option;
 *  1. `$FEX_APP_CACHE_LOCATION`, verbatim (FEX appends "codemap/new" to it as a string, so FEX
 *     wants a trailing slash; we join paths, which works with or without);
 *  2. a Wine prefix (`--prefix`, `$WINEPREFIX`, `~/.wine`): its `%LOCALAPPDATA%\fex-emu`, where
 *     FEX's WOW64/ARM64EC builds put it. LOCALAPPDATA comes from user.reg's "Shell Folders"
 *     "Local AppData" value mapped through dosdevices, else `drive_c/users/$USER/AppData/Local`,
 *     else the only user folder there;
 *  3. `$XDG_CACHE_HOME/fex-emu`, else `~/.cache/fex-emu` (FEX's Linux default).
 *
 * Layout below it: `codemap/new/<basename>-<fileid16>.<index|ticks>.bin`,
 * `codemap/ready/<basename>-<fileid16>`, `cache/<basename>-<fileid16>-<configid16>`.
 *
 *   const { dir, source } = fexCacheDir({ prefix: "/home/u/.wine" });
 *   // dir = "/home/u/.wine/drive_c/users/u/AppData/Local/fex-emu", source = "prefix"
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { InputError } from "../util/errors.ts";
import { findPrefix, prefixUsers, readRegString } from "../prefix/prefix.ts";
import { PathMapper, resolveCaseInsensitive } from "../prefix/paths.ts";

export interface CacheDir {
  dir: string;
  source: "FEX_APP_CACHE_LOCATION" | "prefix" | "XDG_CACHE_HOME" | "home";
}

/** `%LOCALAPPDATA%` of a prefix as a Unix path. */
export function prefixLocalAppData(root: string, env: Record<string, string | undefined> = process.env): string {
  const reg = readRegString(join(root, "user.reg"), "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Shell Folders", "Local AppData");
  if (reg) {
    try {
      return new PathMapper(root).toUnix(reg);
    } catch {
      // fall back to the folder scan below
    }
  }
  const users = prefixUsers(root);
  const user = (env.USER && users.find((u) => u.toLowerCase() === env.USER!.toLowerCase())) ?? (users.length === 1 ? users[0] : undefined);
  if (!user) throw new InputError(root, `cannot tell which user folder under drive_c/users holds LOCALAPPDATA (found: ${users.join(", ") || "none"})`, "no-user");
  return resolveCaseInsensitive(join(root, "drive_c", "users", user), ["AppData", "Local"]).path;
}

/** Resolve FEX's cache dir (see the file overview). */
export function fexCacheDir(opts: { cacheDir?: string; prefix?: string; env?: Record<string, string | undefined> } = {}): CacheDir {
  const env = opts.env ?? process.env;
  if (opts.cacheDir) return { dir: opts.cacheDir, source: "FEX_APP_CACHE_LOCATION" };
  if (opts.prefix) {
    const explicit = findPrefix({ prefix: opts.prefix, env });
    if (explicit) return { dir: join(prefixLocalAppData(explicit.root, env), "fex-emu"), source: "prefix" };
  }
  if (env.FEX_APP_CACHE_LOCATION) return { dir: env.FEX_APP_CACHE_LOCATION, source: "FEX_APP_CACHE_LOCATION" };
  const prefix = findPrefix({ prefix: opts.prefix, env });
  if (prefix) return { dir: join(prefixLocalAppData(prefix.root, env), "fex-emu"), source: "prefix" };
  if (env.XDG_CACHE_HOME) return { dir: join(env.XDG_CACHE_HOME, "fex-emu"), source: "XDG_CACHE_HOME" };
  return { dir: join(env.HOME ?? homedir(), ".cache", "fex-emu"), source: "home" };
}

export const newMapDir = (cacheDir: string): string => join(cacheDir, "codemap", "new");
export const readyMapDir = (cacheDir: string): string => join(cacheDir, "codemap", "ready");
export const codeCacheDir = (cacheDir: string): string => join(cacheDir, "cache");

/** True when the cache dir has the codemap folders FEX creates. */
export const hasCodeMaps = (cacheDir: string): boolean => existsSync(join(cacheDir, "codemap"));
