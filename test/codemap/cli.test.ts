import { afterAll, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAot } from "../_env.ts";
import { specEncode } from "./_spec.ts";

const d = mkdtempSync(join(tmpdir(), "aot-codemap-cli-"));
afterAll(() => rmSync(d, { recursive: true, force: true }));
const E = 0x1111111111111111n;
const K = 0x2222222222222222n;
const map = specEncode([
  { t: "exe", id: E, bits: 32 },
  { t: "lib", id: E, path: "c:\\g\\foo.exe" },
  { t: "blk", id: E, off: 0x1000 },
  { t: "lib", id: K, path: "c:\\windows\\syswow64\\kernel32.dll" },
  { t: "blk", id: K, off: 0x20 },
]);

test("codemap show --json: images, bitness, block counts; a truncated tail is a warning, exit 1 (findings)", () => {
  writeFileSync(join(d, "clean.bin"), map);
  expect(runAot(["codemap", "show", join(d, "clean.bin"), "--json"]).code).toBe(0);
  writeFileSync(join(d, "a.bin"), Buffer.concat([map, Buffer.from([1, 2, 3])]));
  const r = runAot(["codemap", "show", join(d, "a.bin"), "--json"]);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.stdout);
  expect(j.records).toEqual({ block: 2, library: 2, executable: 1 });
  expect(j.trailingBytes).toBe(3);
  expect(j.warnings.length).toBe(1);
  expect(j.images).toEqual([
    { fileId: "1111111111111111", path: "c:\\g\\foo.exe", bitness: 32, blockCount: 1 },
    { fileId: "2222222222222222", path: "c:\\windows\\syswow64\\kernel32.dll", bitness: null, blockCount: 1 },
  ]);
});

test("codemap show: malformed map and missing file exit 2 with one line", () => {
  writeFileSync(join(d, "bad.bin"), specEncode([{ t: "blk", id: 0xffffffffffffffffn, off: 0xfffffffe }]));
  const r = runAot(["codemap", "show", join(d, "bad.bin")]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("old-style executable marker");
  expect(runAot(["codemap", "show", join(d, "nope.bin")]).code).toBe(2);
});

test("codemap import + merge via FEX_APP_CACHE_LOCATION", () => {
  const cache = join(d, "fex");
  mkdirSync(join(cache, "codemap", "new"), { recursive: true });
  writeFileSync(join(cache, "codemap", "new", "foo.exe-1111111111111111.0.bin"), map);
  const r = runAot(["codemap", "import", "--json"], { env: { FEX_APP_CACHE_LOCATION: cache } });
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.imported).toEqual(["foo.exe-1111111111111111.0.bin"]);
  expect(j.changed.map((c: { name: string }) => c.name).sort()).toEqual(["foo.exe-1111111111111111", "kernel32.dll-2222222222222222"]);
  const ready = join(cache, "codemap", "ready");
  expect(readdirSync(ready).sort()).toEqual(["foo.exe-1111111111111111", "kernel32.dll-2222222222222222"]);
  const m = runAot(["codemap", "merge", join(d, "m.map"), ...readdirSync(ready).map((n) => join(ready, n)), "--json"]);
  expect(m.code).toBe(0);
  expect(JSON.parse(m.stdout)).toMatchObject({ images: 2, blocks: 2 });
  expect(runAot(["codemap", "merge", join(d, "x.map")]).code).toBe(2);
});
