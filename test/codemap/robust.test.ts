/**
 * @file Code maps from the hostile side (issue 11, item 4), through the CLI: a library base name
 * long enough that the old temp name `.<name>.tmp-<pid>-<n>` broke NAME_MAX imports cleanly; a
 * name too long even for its final ready map sets only that new map aside as `.bad`, with a
 * message naming the ready map, and never blocks the other maps or later imports; non-UTF-8
 * library paths (and map file names) come through `import` and `merge` byte for byte; 200 k
 * blocks of unknown file ids are one warning line with a count. Expected bytes come from the
 * spec writer in _spec.ts, never from src/codemap.
 */
import { afterAll, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAot } from "../_env.ts";
import { specEncode, type SpecRec } from "./_spec.ts";

const root = mkdtempSync(join(tmpdir(), "aot-codemap-robust-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const EXE = 0x1111111111111111n;
const LIB = 0x3333333333333333n;
const hex16 = (id: bigint): string => id.toString(16).padStart(16, "0");

/** A fresh FEX cache dir with the given new maps; returns it and its ready folder. */
function cache(name: string, maps: Record<string, Uint8Array>): { dir: string; ready: string; newDir: string } {
  const dir = join(root, name);
  const newDir = join(dir, "codemap", "new");
  mkdirSync(newDir, { recursive: true });
  for (const [n, b] of Object.entries(maps)) writeFileSync(join(newDir, n), b);
  return { dir, ready: join(dir, "codemap", "ready"), newDir };
}
const importIn = (dir: string) => runAot(["codemap", "import", "--json", "--cache-dir", dir]);
const gameMap = (extra: SpecRec[] = []): Uint8Array =>
  specEncode([{ t: "exe", id: EXE, bits: 64 }, { t: "lib", id: EXE, path: "c:\\g\\game.exe" }, { t: "blk", id: EXE, off: 0x1000 }, ...extra]);

test("a 230-character library base name imports (the temp name is never what is too long)", () => {
  const base = `${"l".repeat(230)}.dll`;
  const c = cache("long", { "game.exe-1111111111111111.0.bin": gameMap([{ t: "lib", id: LIB, path: `c:\\windows\\${base}` }, { t: "blk", id: LIB, off: 0x40 }]) });
  const r = importIn(c.dir);
  expect(r.stderr).not.toContain("ENAMETOOLONG");
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).bad).toEqual([]);
  expect(readdirSync(c.ready).sort()).toEqual([`${base}-${hex16(LIB)}`, `game.exe-${hex16(EXE)}`].sort());
  expect(readdirSync(c.newDir)).toEqual([]);
});

test("a ready-map name too long for the file system: only that new map is set aside (.bad), the message names the ready map, later imports are clean", () => {
  const base = `${"n".repeat(250)}.dll`;
  const c = cache("toolong", {
    "a.exe-2222222222222222.0.bin": specEncode([{ t: "exe", id: 0x2222222222222222n, bits: 64 }, { t: "lib", id: 0x2222222222222222n, path: "c:\\a.exe" }, { t: "lib", id: LIB, path: `c:\\${base}` }, { t: "blk", id: LIB, off: 8 }]),
    "game.exe-1111111111111111.0.bin": gameMap(),
  });
  const r = importIn(c.dir);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.stdout);
  expect(j.imported).toEqual(["game.exe-1111111111111111.0.bin"]);
  expect(j.bad.length).toBe(1);
  expect(j.bad[0].file).toBe("a.exe-2222222222222222.0.bin");
  expect(j.bad[0].reason).toContain(`ready map ${base}-${hex16(LIB)}`);
  expect(j.bad[0].reason).not.toContain(".tmp-");
  expect(readdirSync(c.ready).sort()).toEqual([`a.exe-2222222222222222`, `game.exe-${hex16(EXE)}`]);
  expect(readdirSync(c.newDir)).toEqual(["a.exe-2222222222222222.0.bin.bad"]);
  // The bad map no longer stands in the way: the next import has nothing to do and succeeds.
  writeFileSync(join(c.newDir, "game.exe-1111111111111111.1.bin"), gameMap([{ t: "blk", id: EXE, off: 0x2000 }]));
  const again = importIn(c.dir);
  expect(again.code).toBe(0);
  expect(JSON.parse(again.stdout).imported).toEqual(["game.exe-1111111111111111.1.bin"]);
});

test("non-UTF-8 library paths and map names survive import and merge byte for byte", () => {
  const raw = Uint8Array.from([...Buffer.from("c:\\dir\\"), 0xff, 0xfe, 0xe9, ...Buffer.from(".dll")]);
  const exeRaw = Uint8Array.from([...Buffer.from("c:\\g\\"), 0xe9, 0x80, ...Buffer.from(".exe")]);
  const newMap = specEncode([{ t: "exe", id: EXE, bits: 32 }, { t: "lib", id: EXE, path: exeRaw }, { t: "blk", id: EXE, off: 0x10 }, { t: "lib", id: LIB, path: raw }, { t: "blk", id: LIB, off: 0x20 }]);
  const c = cache("bytes", {});
  const newName = Buffer.concat([Buffer.from([0xe9, 0x80]), Buffer.from(`.exe-${hex16(EXE)}.0.bin`)]);
  writeFileSync(Buffer.concat([Buffer.from(`${c.newDir}/`), newName]), newMap);
  const r = importIn(c.dir);
  expect(r.code).toBe(0);
  // FEX names ready maps after the raw bytes of the base name.
  const names = readdirSync(c.ready, { encoding: "buffer" }).map((b) => b.toString("hex")).sort();
  const want = [Buffer.concat([Buffer.from([0xff, 0xfe, 0xe9]), Buffer.from(`.dll-${hex16(LIB)}`)]), Buffer.concat([Buffer.from([0xe9, 0x80]), Buffer.from(`.exe-${hex16(EXE)}`)])];
  expect(names).toEqual(want.map((b) => b.toString("hex")).sort());
  expect(readdirSync(c.newDir)).toEqual([]);
  const libMap = readFileSync(Buffer.concat([Buffer.from(`${c.ready}/`), want[0]!]));
  expect(Buffer.from(libMap).equals(Buffer.from(specEncode([{ t: "lib", id: LIB, path: raw }, { t: "blk", id: LIB, off: 0x20 }])))).toBe(true);
  const exeMap = readFileSync(Buffer.concat([Buffer.from(`${c.ready}/`), want[1]!]));
  expect(Buffer.from(exeMap).includes(Buffer.from(raw))).toBe(true);
  // merge: the same bytes out as in.
  const input = join(root, "raw-in.bin");
  writeFileSync(input, specEncode([{ t: "lib", id: LIB, path: raw }, { t: "blk", id: LIB, off: 0x20 }]));
  const out = join(root, "raw-out.bin");
  expect(runAot(["codemap", "merge", out, input]).code).toBe(0);
  expect(readFileSync(out).equals(readFileSync(input))).toBe(true);
});

test("200 k blocks of unknown file ids: one warning line with the count", () => {
  const recs: SpecRec[] = [{ t: "lib", id: LIB, path: "c:\\a.dll" }, { t: "blk", id: LIB, off: 4 }];
  for (let i = 0; i < 200_000; i++) recs.push({ t: "blk", id: 0x4000000000000000n + BigInt(i), off: i });
  const f = join(root, "unknown.bin");
  writeFileSync(f, specEncode(recs));
  const r = runAot(["codemap", "show", f]);
  expect(r.code).toBe(1);
  const lines = r.stderr.split("\n").filter((l) => l.includes("unknown file id"));
  expect(lines.length).toBe(1);
  expect(lines[0]).toContain("200000 block(s) of 200000 unknown file id(s)");
  const j = JSON.parse(runAot(["codemap", "show", f, "--json"]).stdout);
  expect(j.warnings.length).toBe(1);
  expect(existsSync(f)).toBe(true);
});
