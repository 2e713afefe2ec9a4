import { afterAll, describe, expect, test } from "bun:test";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DllResolver, PathMapper, apiSetHost, builtinDirs, dependencyClosure, findPrefix } from "../../src/prefix/index.ts";
import { InputError } from "../../src/util/errors.ts";
import { runAot, wine32Dir, wine64Dir } from "../_env.ts";

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A minimal win64 prefix: drive_c/windows/{system32,syswow64}, dosdevices, system.reg. */
function makePrefix(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "aot-prefix-")));
  roots.push(root);
  for (const d of ["drive_c/windows/system32", "drive_c/windows/syswow64", "drive_c/Program Files/Game", "dosdevices", "other"]) mkdirSync(join(root, d), { recursive: true });
  symlinkSync("../drive_c", join(root, "dosdevices", "c:"));
  symlinkSync("../other", join(root, "dosdevices", "d:"));
  symlinkSync("/", join(root, "dosdevices", "z:"));
  writeFileSync(join(root, "system.reg"), "WINE REGISTRY Version 2\n;; All keys relative to REGISTRY\\\\Machine\n\n#arch=win64\n");
  return root;
}
const v64 = (): string => join(wine64Dir(), "version.dll");
const v32 = (): string => join(wine32Dir(), "version.dll");

describe("finding the prefix", () => {
  test("--prefix, then WINEPREFIX, then the exe's enclosing prefix, then ~/.wine", () => {
    const a = makePrefix();
    const b = makePrefix();
    const home = mkdtempSync(join(tmpdir(), "aot-home-"));
    roots.push(home);
    const exe = join(b, "drive_c", "Program Files", "Game", "game.exe");
    expect(findPrefix({ prefix: a, env: { WINEPREFIX: b }, exe })).toMatchObject({ root: a, source: "option", arch: "win64" });
    expect(findPrefix({ env: { WINEPREFIX: a }, exe })).toMatchObject({ root: a, source: "WINEPREFIX" });
    expect(findPrefix({ env: {}, exe, home })).toMatchObject({ root: b, source: "exe-parent" });
    expect(findPrefix({ env: {}, exe: "/usr/bin/true", home })).toBeUndefined();
    mkdirSync(join(home, ".wine", "drive_c"), { recursive: true });
    writeFileSync(join(home, ".wine", "system.reg"), "#arch=win32\n");
    expect(findPrefix({ env: {}, exe: "/usr/bin/true", home })).toMatchObject({ root: join(home, ".wine"), source: "default", arch: "win32" });
    expect(() => findPrefix({ prefix: home })).toThrow(InputError);
  });
});

describe("path mapping", () => {
  test("drive letters via dosdevices, case-insensitive components, and back", () => {
    const p = makePrefix();
    copyFileSync(v64(), join(p, "drive_c", "windows", "system32", "Version.dll"));
    writeFileSync(join(p, "other", "Data.TXT"), "x");
    const m = new PathMapper(p);
    expect(m.toUnix("C:\\WINDOWS\\SYSTEM32\\VERSION.DLL")).toBe(join(p, "drive_c", "windows", "system32", "Version.dll"));
    expect(m.toUnix("c:/windows/system32/version.dll")).toBe(join(p, "drive_c", "windows", "system32", "Version.dll"));
    expect(m.toUnix("\\\\?\\D:\\data.txt")).toBe(join(p, "other", "Data.TXT"));
    expect(m.resolve("C:\\Windows\\NewDir\\New.txt")).toEqual({ path: join(p, "drive_c", "windows", "NewDir", "New.txt"), exists: false });
    expect(m.toUnix("Z:\\etc\\HOSTNAME".replace("HOSTNAME", "hostname"))).toBe("/etc/hostname");
    expect(m.toWindows(join(p, "drive_c", "windows", "system32", "Version.dll"))).toBe("C:\\windows\\system32\\Version.dll");
    expect(m.toWindows(join(p, "other", "Data.TXT"))).toBe("D:\\Data.TXT");
    expect(m.toWindows("/etc/hostname")).toBe("Z:\\etc\\hostname");
    expect(() => m.toUnix("Q:\\x")).toThrow(InputError);
    expect(() => m.toUnix("relative\\x")).toThrow(InputError);
  });
});

describe("DLL search order", () => {
  test("64-bit: app folder, then system32, then windows; 32-bit: syswow64", () => {
    const p = makePrefix();
    const prefix = findPrefix({ prefix: p })!;
    const app = join(p, "drive_c", "Program Files", "Game");
    const win = join(p, "drive_c", "windows");
    copyFileSync(v64(), join(win, "system32", "ver.dll"));
    copyFileSync(v32(), join(win, "syswow64", "VER.DLL"));
    copyFileSync(v64(), join(win, "winonly.dll"));
    const r64 = new DllResolver({ prefix, appDir: app, is64: true, builtinDirs: [] });
    const r32 = new DllResolver({ prefix, appDir: app, is64: false, builtinDirs: [] });
    expect(r64.resolve("Ver.dll")).toMatchObject({ path: join(win, "system32", "ver.dll"), via: "system", skipped: [] });
    expect(r32.resolve("ver.dll")).toMatchObject({ path: join(win, "syswow64", "VER.DLL"), via: "system", skipped: [] });
    expect(r64.resolve("WINONLY")).toMatchObject({ path: join(win, "winonly.dll"), via: "windows" });
    expect(r32.resolve("winonly.dll").path).toBeUndefined(); // 64-bit file in the Windows folder: skipped
    expect(r32.resolve("winonly.dll").skipped[0]!.reason).toContain("wrong bitness");
    // the app folder wins when it holds a DLL of the right bitness
    copyFileSync(v64(), join(app, "VER.dll"));
    const again = new DllResolver({ prefix, appDir: app, is64: true, builtinDirs: [] });
    expect(again.resolve("ver.dll")).toMatchObject({ path: join(app, "VER.dll"), via: "app" });
  });

  test("a wrong-bitness or non-PE candidate is skipped with its reason and the search goes on", () => {
    const p = makePrefix();
    const prefix = findPrefix({ prefix: p })!;
    const app = join(p, "drive_c", "Program Files", "Game");
    copyFileSync(v32(), join(app, "ver.dll"));
    writeFileSync(join(app, "junk.dll"), "MZ not really");
    copyFileSync(v64(), join(p, "drive_c", "windows", "system32", "ver.dll"));
    copyFileSync(v64(), join(p, "drive_c", "windows", "system32", "junk.dll"));
    const r = new DllResolver({ prefix, appDir: app, is64: true, builtinDirs: [] }).resolve("ver.dll");
    expect(r.via).toBe("system");
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.path).toBe(join(app, "ver.dll"));
    expect(r.skipped[0]!.reason).toMatch(/wrong bitness: PE32 /);
    const j = new DllResolver({ prefix, appDir: app, is64: true, builtinDirs: [] }).resolve("junk.dll");
    expect(j.via).toBe("system");
    expect(j.skipped[0]!.reason).toContain("not a loadable PE");
    const none = new DllResolver({ prefix, appDir: app, is64: false, builtinDirs: [] }).resolve("junk.dll");
    expect(none.path).toBeUndefined();
    expect(none.reason).toContain("only unusable candidates");
  });

  test("Wine builtin folders are searched when the prefix has no file; WINEDLLPATH first", () => {
    const p = makePrefix();
    const prefix = findPrefix({ prefix: p })!;
    const b = join(p, "builtin");
    mkdirSync(join(b, "x86_64-windows"), { recursive: true });
    copyFileSync(v64(), join(b, "x86_64-windows", "onlybuiltin.dll"));
    expect(builtinDirs(true, { WINEDLLPATH: b }).slice(0, 3)).toEqual([join(b, "x86_64-windows"), b, "/usr/lib/x86_64-linux-gnu/wine/x86_64-windows"]);
    expect(builtinDirs(false, {})[0]).toBe("/usr/lib/i386-linux-gnu/wine/i386-windows");
    const r = new DllResolver({ prefix, appDir: p, is64: true, env: { WINEDLLPATH: b } });
    expect(r.resolve("OnlyBuiltin.dll")).toMatchObject({ path: join(b, "x86_64-windows", "onlybuiltin.dll"), via: "builtin" });
  });

  test("API sets: a real file wins, else the host from the schema table", () => {
    // facts from Wine's dlls/apisetschema/apisetschema.spec
    expect(apiSetHost("api-ms-win-core-synch-l1-2-0.dll")).toBe("kernelbase.dll");
    expect(apiSetHost("API-MS-WIN-CRT-RUNTIME-L1-1-0.DLL")).toBe("ucrtbase.dll");
    expect(apiSetHost("api-ms-win-core-processthreads-l1-1-2")).toBe("kernel32.dll");
    expect(apiSetHost("api-ms-win-core-rtlsupport-l1-2-0.dll")).toBe("ntdll.dll");
    expect(apiSetHost("api-ms-win-core-com-l1-1-0.dll")).toBe("combase.dll");
    expect(apiSetHost("api-ms-win-security-lsalookup-l1-1-0.dll")).toBe("sechost.dll");
    expect(apiSetHost("api-ms-win-security-lsalookup-l2-1-0.dll")).toBe("advapi32.dll");
    expect(apiSetHost("ext-ms-win-ntuser-message-l1-1-0.dll")).toBe("user32.dll");
    expect(apiSetHost("ext-ms-win-kernel32-package-current-l1-1-0.dll")).toBe("kernelbase.dll");
    expect(apiSetHost("api-ms-win-deprecated-apis-legacy-l1-1-0.dll")).toBeUndefined();
    expect(apiSetHost("kernel32.dll")).toBeUndefined();

    const p = makePrefix();
    const prefix = findPrefix({ prefix: p })!;
    const sys = join(p, "drive_c", "windows", "system32");
    copyFileSync(v64(), join(sys, "kernelbase.dll"));
    copyFileSync(v64(), join(sys, "api-ms-win-core-heap-l1-1-0.dll"));
    const r = new DllResolver({ prefix, appDir: p, is64: true, builtinDirs: [] });
    expect(r.resolve("api-ms-win-core-heap-l1-1-0.dll")).toMatchObject({ via: "system", path: join(sys, "api-ms-win-core-heap-l1-1-0.dll") });
    expect(r.resolve("api-ms-win-core-synch-l1-2-0.dll")).toMatchObject({ via: "apiset", apiSetHost: "kernelbase.dll", path: join(sys, "kernelbase.dll") });
    expect(r.resolve("api-ms-win-crt-stdio-l1-1-0.dll")).toMatchObject({ apiSetHost: "ucrtbase.dll", reason: "API set host ucrtbase.dll not found" });
  });
});

describe("closure", () => {
  test("unresolved names carry importer and reason; a 32-bit exe searches syswow64", () => {
    const p = makePrefix();
    const prefix = findPrefix({ prefix: p })!;
    const app = join(p, "drive_c", "Program Files", "Game");
    copyFileSync(join(wine64Dir(), "hostname.exe"), join(app, "host.exe"));
    const c = dependencyClosure(join(app, "host.exe"), { prefix, builtinDirs: [] });
    expect(c.images.map((i) => i.name)).toEqual(["host.exe"]);
    expect(c.unresolved.map((u) => `${u.importer}:${u.name}`).sort()).toEqual(["host.exe:kernel32.dll", "host.exe:ucrtbase.dll"]);
    expect(c.unresolved[0]!.reason).toContain("not found");
    // 32-bit version.dll imports kernel32/kernelbase/ntdll/ucrtbase: give it a 64-bit kernel32 in
    // system32 (wrong place) and the 32-bit one in syswow64.
    const exe32 = join(app, "v32.exe");
    copyFileSync(v32(), exe32);
    copyFileSync(join(wine32Dir(), "kernel32.dll"), join(p, "drive_c", "windows", "syswow64", "kernel32.dll"));
    copyFileSync(join(wine64Dir(), "kernel32.dll"), join(p, "drive_c", "windows", "system32", "kernel32.dll"));
    const c32 = dependencyClosure(exe32, { prefix, builtinDirs: [], forwarders: false });
    const k = c32.images.find((i) => i.name === "kernel32.dll")!;
    expect(k.path).toBe(join(p, "drive_c", "windows", "syswow64", "kernel32.dll"));
    expect(k.bitness).toBe(32);
  });

  test("aot deps exits 1 with unresolved names, 2 on a non-PE", () => {
    const p = makePrefix();
    const app = join(p, "drive_c", "Program Files", "Game");
    copyFileSync(join(wine32Dir(), "hostname.exe"), join(app, "host.exe"));
    const r = runAot(["deps", join(app, "host.exe"), "--json"], { env: { WINEDLLPATH: "" } });
    const j = JSON.parse(r.stdout);
    // with Wine's 32-bit builtins installed (wine32) these resolve there; without, they are unresolved
    const has32 = builtinDirs(false, {}).some((d) => existsSync(join(d, "kernel32.dll")));
    expect(r.code).toBe(has32 ? 0 : 1);
    if (!has32) expect(j.unresolved.map((u: { name: string }) => u.name)).toContain("kernel32.dll");
    expect(j.images[0]).toMatchObject({ name: "host.exe", bitness: 32, importedBy: [] });
    writeFileSync(join(app, "bad.exe"), "not a PE at all");
    expect(runAot(["deps", join(app, "bad.exe")]).code).toBe(2);
  });
});
