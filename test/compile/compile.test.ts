/**
 * @file `aot compile` behaviour on a small application (test/compile/_setup.ts: hello64.exe, a
 * private msvcrt.dll and the test prefix's kernel32/kernelbase/ntdll, the DLLs limited by ready
 * code maps): every closure image cached and sound (src/cache's checker), `--jobs 1` and
 * `--jobs 2` byte-identical, a second run skips current caches, a changed DLL gets a new cache
 * and its stale one is deleted, code-map blocks rejected with their reasons (invalid bytes
 * confirmed by iced-x86), hybrid images compile only x64 ranges, usage errors exit 2 in one line.
 */
import { afterAll, expect, test } from "bun:test";
import { readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Decoder, DecoderOptions, Mnemonic } from "iced-x86";
import { compileExe } from "../../src/compile/compile.ts";
import { loadPeFileSync, mapImage } from "../../src/pe/index.ts";
import { fixture, prefix64, runAot } from "../_env.ts";
import { specEncode } from "../codemap/_spec.ts";
import { caches, checkAll, compileArgs, makeApp, temps, writeMaps, type App } from "./_setup.ts";

const apps: App[] = [];
const app = (maps = true): App => {
  const a = makeApp();
  if (maps) writeMaps(a);
  apps.push(a);
  return a;
};
afterAll(() => { for (const a of apps) rmSync(a.dir, { recursive: true, force: true }); });

const T = 120_000;

test("every image of the closure gets a sound cache; a second run finds them current", () => {
  const a = app();
  const r = runAot(compileArgs(a, "--json"));
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  const names = j.images.map((i: { name: string }) => i.name.toLowerCase()).sort();
  expect(names).toEqual(["hello64.exe", "kernel32.dll", "kernelbase.dll", "msvcrt.dll", "ntdll.dll"]);
  expect(j.images.every((i: { status: string; target: string }) => i.status === "compiled" && i.target === "arm64ec")).toBe(true);
  const files = caches(a.cacheDir);
  expect(files.size).toBe(5);
  expect(checkAll(a.cacheDir)).toEqual([]);
  expect(j.totals.cacheBytes).toBe([...files.values()].reduce((n, b) => n + b.length, 0));
  const mtimes = [...files.keys()].map((n) => statSync(join(a.cacheDir, "cache", n)).mtimeMs);
  const again = runAot(compileArgs(a, "--json"));
  expect(again.code).toBe(0);
  const j2 = JSON.parse(again.stdout);
  expect(j2.totals.current).toBe(5);
  expect(j2.totals.compiled).toBe(0);
  expect([...caches(a.cacheDir).keys()].map((n) => statSync(join(a.cacheDir, "cache", n)).mtimeMs)).toEqual(mtimes);
}, T);

test("--jobs 1 and --jobs 2 give byte-identical caches (different chunkings too)", async () => {
  const a = app(), b = app();
  const one = await compileExe({ exes: [a.exe], prefix: prefix64(), cacheDir: a.cacheDir, jobs: 1 });
  const two = await compileExe({ exes: [b.exe], prefix: prefix64(), cacheDir: b.cacheDir, jobs: 2, chunkBlocks: 97 });
  expect(one.findings).toEqual([]);
  expect(two.findings).toEqual([]);
  const x = caches(a.cacheDir), y = caches(b.cacheDir);
  expect([...x.keys()]).toEqual([...y.keys()]);
  for (const [n, bytes] of x) expect(Buffer.compare(bytes, y.get(n)!)).toBe(0);
  // The CLI too.
  const c = app();
  expect(runAot(compileArgs(c, "--jobs", "2")).code).toBe(0);
  for (const [n, bytes] of caches(c.cacheDir)) expect(Buffer.compare(bytes, x.get(n)!)).toBe(0);
}, T);

test("a changed DLL makes its cache stale: the next compile replaces it and deletes the old one", () => {
  const a = app();
  expect(runAot(compileArgs(a)).code).toBe(0);
  const before = caches(a.cacheDir);
  const oldName = [...before.keys()].find((n) => n.startsWith("msvcrt.dll-"))!;
  // A byte of data changes (same FileId: same name, new SHA-256) ...
  const pe = loadPeFileSync(a.dll);
  const data = pe.sections.find((s) => !s.executable && s.rawSize > 0 && s.name === ".data")!;
  const bytes = new Uint8Array(readFileSync(a.dll));
  bytes[data.rawOffset + 16]! ^= 0xff;
  writeFileSync(a.dll, bytes);
  let r = runAot(compileArgs(a, "--json"));
  expect(r.code).toBe(0);
  let j = JSON.parse(r.stdout);
  expect(j.images.filter((i: { status: string }) => i.status === "compiled").map((i: { name: string }) => i.name)).toEqual(["msvcrt.dll"]);
  let after = caches(a.cacheDir);
  expect(after.size).toBe(5);
  expect(Buffer.compare(after.get(oldName)!, before.get(oldName)!)).not.toBe(0);
  // ... then its timestamp (a new FileId: a new name; the old cache is deleted as stale).
  const peOff = new DataView(bytes.buffer).getUint32(0x3c, true);
  new DataView(bytes.buffer).setUint32(peOff + 8, (pe.timeDateStamp + 1) >>> 0, true);
  writeFileSync(a.dll, bytes);
  r = runAot(compileArgs(a, "--json"));
  expect(r.code).toBe(0);
  j = JSON.parse(r.stdout);
  const m = j.images.find((i: { name: string }) => i.name === "msvcrt.dll");
  expect(m.status).toBe("compiled");
  expect(m.replaced).toEqual([oldName]);
  after = caches(a.cacheDir);
  expect(after.has(oldName)).toBe(false);
  expect(after.size).toBe(5);
  expect(checkAll(a.cacheDir)).toEqual([]);
  expect(temps(a.cacheDir)).toEqual([]);
}, T);

/** An RVA in `.text` where iced-x86 (the oracle) finds no valid instruction. */
function undecodable(path: string): number {
  const pe = loadPeFileSync(path), img = mapImage(pe);
  const text = pe.sections.find((s) => s.executable)!;
  for (let rva = text.rva; rva < text.rva + text.virtualSize - 16; rva++) {
    const bytes = img.memory.subarray(rva, rva + 15);
    const d = new Decoder(64, bytes, DecoderOptions.None);
    const insn = d.decode();
    const bad = insn.mnemonic === Mnemonic.INVALID;
    insn.free();
    d.free();
    if (bad) return rva;
  }
  throw new Error("no undecodable byte found");
}

test("code-map blocks are compiled exactly, or rejected with their reason (exit 1)", () => {
  const a = app();
  const pe = loadPeFileSync(a.exe);
  const data = pe.sections.find((s) => !s.executable && s.virtualSize > 0)!;
  const good = [...new Set(pe.functionStarts)].sort((x, y) => x - y).slice(0, 5);
  const bad = undecodable(a.exe);
  const dir = join(a.cacheDir, "codemap", "ready");
  mkdirSync(dir, { recursive: true });
  const id = pe.fileId;
  const offs = [...good, pe.sizeOfImage + 0x40, data.rva + 4, bad];
  writeFileSync(join(dir, `hello64.exe-${id.toString(16).padStart(16, "0")}`), specEncode([
    { t: "exe", id, bits: 64 }, { t: "lib", id, path: "c:\\app\\hello64.exe" }, ...offs.map((off) => ({ t: "blk" as const, id, off })),
  ]));
  const r = runAot(compileArgs(a, "--json"));
  expect(r.code).toBe(1);
  const j = JSON.parse(r.stdout);
  const exe = j.images.find((i: { name: string }) => i.name === "hello64.exe");
  expect(exe.codeMapBlocks).toBe(offs.length);
  expect(exe.blocks).toBe(good.length);
  expect(exe.discovered).toBe(false);
  expect(exe.rejected).toEqual([
    { rva: data.rva + 4, reason: "not executable" },
    { rva: bad, reason: "not decodable" },
    { rva: pe.sizeOfImage + 0x40, reason: "outside the image" },
  ].sort((x, y) => x.rva - y.rva));
  expect(j.findings.some((f: string) => f.includes("3 code-map block(s) rejected"))).toBe(true);
  // A current cache is not recompiled (exit 0); compiled again, text mode: the finding is one stderr line.
  expect(runAot(compileArgs(a)).code).toBe(0);
  rmSync(join(a.cacheDir, "cache"), { recursive: true });
  const t = runAot(compileArgs(a));
  expect(t.code).toBe(1);
  expect(t.stderr.trim().split("\n").filter((l) => l.includes("rejected"))).toHaveLength(1);
}, T);

test("hybrid ARM64EC image: only x64 code ranges are translated; a map block in EC code is rejected", () => {
  const a = app(false);
  const dll = fixture("arm64ec.dll");
  const pe = loadPeFileSync(dll);
  const ec = pe.loadConfig!.hybrid!.find((h) => h.kind === "arm64ec")!;
  const dir = join(a.dir, "maps");
  mkdirSync(dir);
  const id = pe.fileId;
  writeFileSync(join(dir, `arm64ec.dll-${id.toString(16).padStart(16, "0")}`), specEncode([{ t: "lib", id, path: "c:\\app\\arm64ec.dll" }, { t: "blk", id, off: ec.start }]));
  const r = runAot(["compile", dll, "--prefix", prefix64(), "--cache-dir", a.cacheDir, "--codemap", dir, "--json"]);
  const j = JSON.parse(r.stdout);
  const me = j.images.find((i: { name: string }) => i.name === "arm64ec.dll");
  expect(me.hybrid).toBe(true);
  expect(me.blocks).toBe(0); // this fixture has no x64 code range
  expect(me.rejected).toEqual([{ rva: ec.start, reason: "not executable as x64 (native ARM64 code of a hybrid image)" }]);
  expect(r.code).toBe(1);
}, T);

test("usage and input errors: one line, exit 2", () => {
  const a = app(false);
  const cases: [string[], RegExp][] = [
    [["compile"], /EXE|executable/i],
    [["compile", a.exe, "--target", "x86"], /--target/],
    [["compile", a.exe, "--target", "wow64", "--prefix", prefix64(), "--cache-dir", a.cacheDir], /64-bit.*arm64ec/],
    [["compile", a.exe, "--jobs", "0"], /jobs/],
    [["compile", join(a.dir, "missing.exe"), "--cache-dir", a.cacheDir], /missing\.exe/],
    [["compile", join(a.dir, "fex"), "--cache-dir", a.cacheDir], /fex/],
  ];
  mkdirSync(join(a.dir, "fex"), { recursive: true });
  for (const [args, re] of cases) {
    const r = runAot(args);
    expect({ args, code: r.code }).toEqual({ args, code: 2 });
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(re);
  }
}, T);
