/** `aot demo` is README command one's main job: it must run every existing stage on the samples, `aot compile` and `aot verify` included. */
import { expect, test } from "bun:test";
import { runAot, sample } from "../_env.ts";

test("aot demo --json covers both samples; imports match objdump -p", () => {
  const r = runAot(["demo", "--json"], { env: { WINEPREFIX: "" } });
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.images.map((i: { name: string }) => i.name)).toEqual(["hello32.exe", "hello64.exe"]);
  for (const img of out.images) {
    const bits = img.name === "hello32.exe" ? 32 : 64;
    const dump = Bun.spawnSync(["objdump", "-p", sample(bits)]).stdout.toString();
    const dlls = [...dump.matchAll(/DLL Name: (\S+)/g)].length;
    expect(img.imports).toBe(dlls);
    expect(img.format).toBe(bits === 32 ? "PE32" : "PE32+");
    expect(img.codeMapBlocks).toBeGreaterThan(0);
  }
  expect(out.readyMaps.length).toBe(2);
  // The main job: both closures compiled in a temporary prefix, every cache verified and run.
  expect(out.compile.compiled).toBeGreaterThanOrEqual(2);
  expect(out.compile.blocks).toBeGreaterThan(out.images[0].codeMapBlocks);
  expect(out.verify.caches).toBe(out.compile.compiled);
  expect(out.verify.failing).toBe(0);
  expect(out.verify.execBlocks).toBeGreaterThan(100);
  expect(out.verify.execMismatches).toBe(0);
}, 180_000);
