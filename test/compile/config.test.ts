/**
 * @file Volatile metadata applied end to end (src/compile/config.ts, ABI §8): the embedded
 * hello64.exe with a synthesized load config (test/pe/_synth.ts) whose access table lists one
 * load A and whose info range covers .text up to a later load C. GNU objdump (the oracle) names
 * the loads: plain `mov r32, dword ptr [reg]` through a non-stack register. Under tso, A must be
 * followed by `dmb ishld`, an unlisted load B inside the range must not, and C (outside the range)
 * keeps the policy's barrier: per instruction with the Translator, and in the cache `aot compile`
 * writes, which records `volatileMetadata: true` and which `aot verify` accepts as current.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BASELINE } from "../../src/arm64/features.ts";
import { CacheReader } from "../../src/cache/index.ts";
import { compileExe } from "../../src/compile/compile.ts";
import { cacheConfigFor, volatileOrdering } from "../../src/compile/config.ts";
import { Translator } from "../../src/compile/translate.ts";
import { mapImage, parsePe } from "../../src/pe/index.ts";
import { verifyCaches } from "../../src/verify/cache-verify.ts";
import { prefix64, sample } from "../_env.ts";
import { withVolatileMetadata } from "../pe/_synth.ts";
import { makeApp, writeMaps } from "./_setup.ts";

// DMB ISHLD: DMB (0xd50330bf) with CRm = 0b1001 (ISHLD), from the Arm ARM.
const DMB_ISHLD = 0xd50339bf;

/** RVAs of `mov r32, DWORD PTR [reg]` loads (reg not rsp/rip) in .text, by GNU objdump. */
function loads(path: string, base: bigint): number[] {
  const out = spawnSync("objdump", ["-d", "-M", "intel", "--section=.text", path], { encoding: "utf8" }).stdout;
  const rvas: number[] = [];
  for (const m of out.matchAll(/^\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} )+\s*mov\s+e[a-z]{2},DWORD PTR \[r(?:a|b|c|d)x\]$/gm)) rvas.push(Number(BigInt(`0x${m[1]}`) - base));
  return rvas;
}

const app = makeApp();
afterAll(() => rmSync(app.dir, { recursive: true, force: true }));
const bytes = new Uint8Array(readFileSync(sample(64)));
const pe0 = parsePe(bytes, "hello64.exe");
const found = loads(sample(64), pe0.imageBase);
const text = pe0.sections.find((s) => s.name === ".text")!;
const [A, B] = found as [number, number];
const C = found[found.length - 1]!;
const synth = withVolatileMetadata(bytes, { accessRvas: [A], ranges: [{ rva: text.rva, size: C - text.rva }] });
writeFileSync(app.exe, synth);

describe("volatile metadata", () => {
  test("objdump finds the loads the test needs", () => {
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(A < B && B < C).toBe(true);
  });

  test("per instruction: listed load ordered, unlisted one in range plain, one outside per policy", () => {
    const pe = parsePe(synth, "hello64.exe"), img = mapImage(pe);
    const ordering = volatileOrdering(pe.loadConfig!.volatileMetadata!, img.base);
    const one = (rva: number, withMeta: boolean) => {
      const t = new Translator({ mode: 64, maxInsns: 1, lower: { features: BASELINE, memoryOrder: "tso", pic: true, imageBase: img.base }, ...(withMeta ? { ordering } : {}) });
      return [...t.translate(img.memory, rva, text.rva + text.virtualSize, img.base + BigInt(rva)).code];
    };
    expect(one(A, true)).toContain(DMB_ISHLD);
    expect(one(B, true)).not.toContain(DMB_ISHLD);
    expect(one(B, false)).toContain(DMB_ISHLD);
    expect(one(C, true)).toContain(DMB_ISHLD);
    expect(cacheConfigFor("arm64ec", pe).volatileMetadata).toBe(true);
    expect(cacheConfigFor("arm64ec", pe, "relaxed").volatileMetadata).toBe(false);
    expect(cacheConfigFor("arm64ec", pe0).volatileMetadata).toBe(false);
  });

  test("aot compile applies it and records it; aot verify expects the same configuration", async () => {
    writeMaps(app, 50);
    const r = await compileExe({ exes: [app.exe], prefix: prefix64(), cacheDir: app.cacheDir, jobs: 1 });
    const rep = r.images.find((i) => i.name === "hello64.exe")!;
    expect(rep.status).toBe("compiled");
    expect(rep.volatileMetadata).toBe(true);
    expect(r.volatileMetadata.images).toEqual([app.exe]);
    const c = CacheReader.open(rep.cache!);
    expect(c.header.config.volatileMetadata).toBe(true);
    // The host word of the access at `rva`, through its block's fault side table (ABI §9:
    // ULEB word delta, ULEB guest offset, state byte per entry).
    const wordAfter = (rva: number): number => {
      const i = c.floor(rva);
      const b = c.block(i), f = c.faults(i), code = c.blockCode(i);
      expect(rva < b.rva + b.guestLength).toBe(true);
      let p = 0, word = 0;
      const uleb = () => { let v = 0, s = 0, x; do { x = f[p++]!; v += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return v; };
      while (p < f.length) {
        word += uleb();
        const g = uleb();
        p++;
        if (g === rva - b.rva) return code[word + 1]!;
      }
      throw new Error(`no fault entry for RVA 0x${rva.toString(16)}`);
    };
    expect(wordAfter(A)).toBe(DMB_ISHLD);
    expect(wordAfter(B)).not.toBe(DMB_ISHLD);
    expect(wordAfter(C)).toBe(DMB_ISHLD);
    // Verified through the EXE, so the image (and its metadata) is found and compared.
    const byExe = verifyCaches([app.exe], { prefix: prefix64(), cacheDir: app.cacheDir, exec: 20 });
    const mine = byExe.caches.find((x) => x.path === rep.cache)!;
    expect(mine.image?.path).toBe(app.exe);
    expect(mine.findings).toEqual([]);
    // A cache claiming the metadata was not applied is not what this aot writes for the image.
    const plainDir = join(app.dir, "fex-relaxed");
    const r2 = await compileExe({ exes: [app.exe], prefix: prefix64(), cacheDir: plainDir, jobs: 1, memoryOrder: "relaxed" });
    const relaxed = r2.images.find((i) => i.name === "hello64.exe")!;
    expect(relaxed.volatileMetadata).toBe(false);
    const other = verifyCaches([app.exe], { prefix: prefix64(), cacheDir: plainDir }).caches.find((x) => x.path === relaxed.cache)!;
    expect(other.findings.join("\n")).toMatch(/mismatched: configuration fingerprint .*memoryOrder relaxed \(aot writes tso\), volatileMetadata false \(aot writes true\)/);
  }, 120_000);
});
