import { afterAll, describe, expect, test } from "bun:test";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { aggregateCodeMaps, codeMapImages, fexCacheDir, parseCodeMap, readyMapName, type CodeMapImage } from "../../src/codemap/index.ts";
import { tryFlock } from "../../src/codemap/_fs.ts";
import { InputError } from "../../src/util/errors.ts";
import { specEncode, type SpecRec } from "./_spec.ts";

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
function cacheDir(): string {
  const d = mkdtempSync(join(tmpdir(), "aot-codemap-"));
  roots.push(d);
  mkdirSync(join(d, "codemap", "new"), { recursive: true });
  return d;
}

const EXE = { id: 0x1111111111111111n, path: "c:\\games\\foo\\foo.exe" };
const K32 = { id: 0x2222222222222222n, path: "c:\\windows\\syswow64\\kernel32.dll" };
const NTDLL = { id: 0x3333333333333333n, path: "c:\\windows\\syswow64\\ntdll.dll" };
const USER32 = { id: 0x4444444444444444n, path: "c:\\windows\\syswow64\\user32.dll" };

/** A raw per-process map as FEX's ImageTracker writes it: marker, then lib + blocks on first use. */
function rawMap(blocks: [typeof EXE, number][]): Uint8Array {
  const recs: SpecRec[] = [{ t: "exe", id: EXE.id, bits: 32 }];
  const seen = new Set<bigint>();
  for (const [im, off] of blocks) {
    if (!seen.has(im.id)) recs.push({ t: "lib", id: im.id, path: im.path });
    seen.add(im.id);
    recs.push({ t: "blk", id: im.id, off });
  }
  return specEncode(recs);
}

const ready = (dir: string, im: typeof EXE): Map<bigint, CodeMapImage> =>
  codeMapImages(parseCodeMap(new Uint8Array(readFileSync(join(dir, "codemap", "ready", readyMapName({ fileId: im.id, path: im.path })))), "ready"));
const newName = (n: number): string => `foo.exe-${EXE.id.toString(16)}.${n}.bin`;

describe("aggregation", () => {
  test("new maps merge into ready maps; EXE deps are unioned and a new dep rewrites the EXE map", () => {
    const d = cacheDir();
    writeFileSync(join(d, "codemap/new", newName(0)), rawMap([[EXE, 0x1000], [K32, 0x50], [EXE, 0x1010], [NTDLL, 0x60]]));
    const r1 = aggregateCodeMaps(d);
    expect(r1.imported).toEqual([newName(0)]);
    expect(readdirSync(join(d, "codemap/new"))).toEqual([]);
    let exe = ready(d, EXE);
    expect(exe.get(EXE.id)!.bitness).toBe(32);
    expect([...exe.get(EXE.id)!.blocks].sort()).toEqual([0x1000, 0x1010]);
    expect(new Set(exe.keys())).toEqual(new Set([EXE.id, K32.id, NTDLL.id]));
    expect([...ready(d, K32).get(K32.id)!.blocks]).toEqual([0x50]);

    // Second run touches only user32 and an already-known EXE block: FEX would skip the EXE map
    // (no new blocks) and replace its deps by this batch's; we union and rewrite.
    writeFileSync(join(d, "codemap/new", newName(1)), rawMap([[EXE, 0x1000], [USER32, 0x70]]));
    const r2 = aggregateCodeMaps(d);
    const exeChange = r2.changed.find((c) => c.fileId === EXE.id)!;
    expect(exeChange.addedBlocks).toBe(0);
    expect(exeChange.addedDeps).toEqual([USER32.id]);
    exe = ready(d, EXE);
    expect(new Set(exe.keys())).toEqual(new Set([EXE.id, K32.id, NTDLL.id, USER32.id]));
    expect(exe.get(K32.id)!.path).toBe(K32.path);
    expect(exe.get(K32.id)!.blocks.size).toBe(0);

    // Nothing new: nothing rewritten.
    writeFileSync(join(d, "codemap/new", newName(2)), rawMap([[EXE, 0x1010], [K32, 0x50]]));
    const r3 = aggregateCodeMaps(d);
    expect(r3.changed).toEqual([]);
    expect(r3.unchanged.length).toBe(2);
  });

  test("zero-size and writer-locked maps are skipped and left in place", () => {
    const d = cacheDir();
    writeFileSync(join(d, "codemap/new", newName(0)), new Uint8Array(0));
    writeFileSync(join(d, "codemap/new", newName(1)), rawMap([[EXE, 1]]));
    const fd = openSync(join(d, "codemap/new", newName(1)), "r");
    expect(tryFlock(fd)).toBe(true);
    const r = aggregateCodeMaps(d);
    closeSync(fd);
    expect(r.imported).toEqual([]);
    expect(r.skipped.map((s) => s.file).sort()).toEqual([newName(0), newName(1)]);
    expect(readdirSync(join(d, "codemap/new")).sort()).toEqual([newName(0), newName(1)]);
    expect(aggregateCodeMaps(d).imported).toEqual([newName(1)]);
  });

  test("a malformed new map is set aside as .bad, the others still import", () => {
    const d = cacheDir();
    writeFileSync(join(d, "codemap/new", newName(0)), specEncode([{ t: "blk", id: 0xffffffffffffffffn, off: 0xfffffffe }]));
    writeFileSync(join(d, "codemap/new", newName(1)), rawMap([[EXE, 7]]));
    const r = aggregateCodeMaps(d);
    expect(r.bad.map((b) => b.file)).toEqual([newName(0)]);
    expect(r.imported).toEqual([newName(1)]);
    expect(existsSync(join(d, "codemap/new", `${newName(0)}.bad`))).toBe(true);
  });

  test("a cache dir without codemap/new is left untouched", () => {
    const d = mkdtempSync(join(tmpdir(), "aot-codemap-empty-"));
    roots.push(d);
    const r = aggregateCodeMaps(d);
    expect(r.imported).toEqual([]);
    expect(r.warnings[0]).toContain("does not exist");
    expect(readdirSync(d)).toEqual([]);
  });

  test("a second aggregator does not run while the lock is held", () => {
    const d = cacheDir();
    aggregateCodeMaps(d);
    const fd = openSync(join(d, "codemap", ".aot-aggregate.lock"), "a");
    expect(tryFlock(fd)).toBe(true);
    expect(() => aggregateCodeMaps(d, { wait: false })).toThrow(InputError);
    closeSync(fd);
    expect(aggregateCodeMaps(d, { wait: false }).imported).toEqual([]);
  });

  test("two aggregator processes at once import every map exactly once", async () => {
    const d = cacheDir();
    const want = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const blocks: [typeof EXE, number][] = [];
      for (let j = 0; j < 2000; j++) blocks.push([j % 3 ? EXE : K32, i * 100000 + j]);
      blocks.forEach(([im, o]) => im === EXE && want.add(o));
      writeFileSync(join(d, "codemap/new", newName(i)), rawMap(blocks));
    }
    const child = join(import.meta.dir, "_aggregate-child.ts");
    const ps = [0, 1].map(() => Bun.spawn(["bun", child, d], { stdout: "pipe", stderr: "pipe" }));
    const outs = await Promise.all(ps.map(async (p) => ({ code: await p.exited, out: await new Response(p.stdout).text() })));
    expect(outs.map((o) => o.code)).toEqual([0, 0]);
    expect(outs.reduce((n, o) => n + JSON.parse(o.out).imported, 0)).toBe(12);
    expect(ready(d, EXE).get(EXE.id)!.blocks).toEqual(want);
  });
});

describe("cache dir", () => {
  test("FEX_APP_CACHE_LOCATION, then the prefix's LOCALAPPDATA, then XDG, then ~/.cache", () => {
    const pfx = cacheDir();
    mkdirSync(join(pfx, "drive_c", "users", "Alice", "AppData", "Local"), { recursive: true });
    mkdirSync(join(pfx, "dosdevices"));
    writeFileSync(join(pfx, "system.reg"), "WINE REGISTRY Version 2\n#arch=win64\n");
    const env = { HOME: "/h", XDG_CACHE_HOME: "/x", USER: "alice" };
    expect(fexCacheDir({ env: { ...env, FEX_APP_CACHE_LOCATION: "/f/" } })).toEqual({ dir: "/f/", source: "FEX_APP_CACHE_LOCATION" });
    expect(fexCacheDir({ env: { ...env, WINEPREFIX: pfx } })).toEqual({ dir: join(pfx, "drive_c/users/Alice/AppData/Local/fex-emu"), source: "prefix" });
    expect(fexCacheDir({ env })).toEqual({ dir: "/x/fex-emu", source: "XDG_CACHE_HOME" });
    expect(fexCacheDir({ env: { HOME: "/h" } })).toEqual({ dir: "/h/.cache/fex-emu", source: "home" });
  });

  test("user.reg's Local AppData wins (real prefix from wineboot)", async () => {
    const { prefix64 } = await import("../_env.ts");
    const p = prefix64();
    const got = fexCacheDir({ prefix: p, env: { HOME: "/nonexistent" } });
    expect(got.source).toBe("prefix");
    // user.reg says C:\users\<user>\AppData\Local; check against the folder wineboot created
    const user = readFileSync(join(p, "user.reg"), "utf8").match(/"Local AppData"="C:\\\\users\\\\([^\\]+)\\\\/)![1]!;
    expect(got.dir).toBe(join(p, "drive_c", "users", user, "AppData", "Local", "fex-emu"));
  });
});
