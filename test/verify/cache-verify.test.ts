/**
 * `aot verify` on real caches (written by src/cache's writer from Wine's version.dll, 64- and
 * 32-bit) inside a throwaway prefix: a clean cache passes, structurally and run differentially
 * (Unicorn x86 on the guest bytes vs the cached code on Unicorn ARM64); a flipped code byte, a
 * truncation, a changed image and a foreign file are findings; a patched code word (checksum fixed
 * up, so only running it can tell) is found by `--exec`; a block whose indirect jump reaches bytes
 * that crash Unicorn's x86 translator is run safely; kernel32's vector blocks run with random XMM
 * state on both engines and agree, and a vector word retargeted to another V register is found on
 * an XMM register; bad input is exit 2.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { runAot, wine32Dir, wine64Dir } from "../_env.ts";
import { buildCache, xmmBlocks } from "./_cache.ts";
import { Decoder, Insn, K, R, tables } from "../../src/x86/index.ts";
import { CacheReader } from "../../src/cache/index.ts";
import { H, checksum } from "../../src/cache/format.ts";
import { loadPeFileSync, mapImage } from "../../src/pe/index.ts";

let work: string, prefix: string, caches: string, dll64: string, dll32: string, cache64: string, cache32: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "aot-verify-"));
  prefix = join(work, "pfx");
  const win = join(prefix, "drive_c", "windows");
  mkdirSync(join(win, "system32"), { recursive: true });
  mkdirSync(join(win, "syswow64"), { recursive: true });
  writeFileSync(join(prefix, "system.reg"), "WINE REGISTRY Version 2\n#arch=win64\n");
  dll64 = join(win, "system32", "version.dll");
  dll32 = join(win, "syswow64", "version.dll");
  copyFileSync(join(wine64Dir(), "version.dll"), dll64);
  copyFileSync(join(wine32Dir(), "version.dll"), dll32);
  caches = join(work, "fex", "cache");
  mkdirSync(caches, { recursive: true });
  cache64 = buildCache(dll64, caches);
  cache32 = buildCache(dll32, caches);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Out { seed: number; failing: number; caches: { path: string; verdict: string; findings: string[]; blocks: number; exec?: { blocks: number; states: number; mismatchBlocks: number; skipped: Record<string, number>; reports: string[] } }[] }
const verify = (...args: string[]) => {
  const r = runAot(["verify", ...args, "--prefix", prefix, "--json"]);
  return { ...r, j: r.code === 2 ? undefined : (JSON.parse(r.stdout) as Out) };
};

/** A copy of `src` in its own folder, so a damaged cache is verified alone. */
function copyCache(src: string, tag: string): string {
  const dir = join(work, tag);
  mkdirSync(dir, { recursive: true });
  const p = join(dir, basename(src));
  copyFileSync(src, p);
  return p;
}

describe("aot verify", () => {
  test("clean caches pass: structure, identity, and every block run differentially", () => {
    const r = verify(caches, "--exec", "100000", "--seed", "7");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.j!.seed).toBe(7);
    expect(r.j!.caches.map((c) => c.verdict)).toEqual(["ok", "ok"]);
    for (const c of r.j!.caches) {
      expect(c.blocks).toBeGreaterThan(200);
      expect(c.exec!.blocks).toBeGreaterThan(0.8 * c.blocks);
      expect(c.exec!.mismatchBlocks).toBe(0);
      expect(c.exec!.states).toBe(8 * c.exec!.blocks);
    }
    // The text form: one line per cache and the seed in the summary.
    const t = runAot(["verify", caches, "--exec", "50", "--prefix", prefix]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^ok +\S+version\.dll-/m);
    expect(t.stdout).toContain("2 caches: 2 ok; --exec 50 with seed 1");
  }, 120_000);

  test("a flipped byte in the code section is a finding (checksum)", () => {
    const p = copyCache(cache64, "flip");
    const b = new Uint8Array(readFileSync(p));
    const code = CacheReader.open(cache64).header.codeOffset;
    b[code + 40]! ^= 0x10;
    writeFileSync(p, b);
    const r = verify(p);
    expect(r.code).toBe(1);
    expect(r.j!.caches[0]!.verdict).toBe("corrupt");
    expect(r.j!.caches[0]!.findings.join("\n")).toMatch(/checksum/);
  }, 60_000);

  test("a truncated cache and a foreign file are findings, not crashes", () => {
    const p = copyCache(cache32, "trunc");
    truncateSync(p, 20000);
    const f = join(work, "trunc", "notacache-0123456789abcdef-0123456789abcdef");
    writeFileSync(f, "FEXCACHE".repeat(100));
    const r = verify(join(work, "trunc"));
    expect(r.code).toBe(1);
    const byName = new Map(r.j!.caches.map((c) => [basename(c.path), c]));
    expect(byName.get(basename(p))!.verdict).toBe("corrupt");
    expect(byName.get(basename(p))!.findings.join("\n")).toMatch(/truncated|bytes/);
    expect(byName.get(basename(f))!.verdict).toBe("foreign");
  }, 60_000);

  test("a changed image makes its cache stale", () => {
    const dir = join(work, "stale");
    const pfx = join(dir, "pfx");
    mkdirSync(join(pfx, "drive_c", "windows", "system32"), { recursive: true });
    writeFileSync(join(pfx, "system.reg"), "WINE REGISTRY Version 2\n#arch=win64\n");
    const dll = join(pfx, "drive_c", "windows", "system32", "version.dll");
    copyFileSync(dll64, dll);
    const p = copyCache(cache64, "stale");
    expect(runAot(["verify", p, "--prefix", pfx]).code).toBe(0);
    const b = new Uint8Array(readFileSync(dll));
    b[b.length - 1]! ^= 1; // past every header field: only the file's hash changes
    writeFileSync(dll, b);
    const r = runAot(["verify", p, "--prefix", pfx, "--json"]);
    expect(r.code).toBe(1);
    const c = (JSON.parse(r.stdout) as Out).caches[0]!;
    expect(c.verdict).toBe("stale");
    expect(c.findings[0]).toMatch(/changed since the cache was written \(SHA-256\)/);
  }, 60_000);

  test("--exec finds a wrong code word whose checksum was fixed up", () => {
    const p = copyCache(cache64, "patch");
    const c = CacheReader.open(p);
    const img = mapImage(loadPeFileSync(dll64));
    // A block starting `mov eax, imm32` whose first word is `movz w8, #imm`: make it load imm ^ 1.
    let victim = -1;
    for (let i = 0; i < c.blockCount && victim < 0; i++) {
      const b = c.block(i);
      if (img.memory[b.rva] === 0xb8 && !b.fallback && ((c.blockCode(i)[0]! & 0xffe0001f) >>> 0) === 0x52800008) victim = i;
    }
    expect(victim).toBeGreaterThanOrEqual(0);
    const blk = c.block(victim);
    const bytes = new Uint8Array(readFileSync(p));
    const at = c.header.codeOffset + 4 * blk.codeOffset;
    new DataView(bytes.buffer).setUint32(at, new DataView(bytes.buffer).getUint32(at, true) ^ (1 << 5), true);
    new DataView(bytes.buffer).setBigUint64(H.CHECKSUM, checksum(bytes), true);
    writeFileSync(p, bytes);
    // Structurally the patched cache is sound: only running it shows the wrong result.
    expect(verify(p).code).toBe(0);
    const r = verify(p, "--exec", "100000");
    expect(r.code).toBe(1);
    const v = r.j!.caches[0]!;
    expect(v.verdict).toBe("exec-mismatch");
    expect(v.exec!.mismatchBlocks).toBe(1);
    const va = `0x${(img.base + BigInt(blk.rva)).toString(16)}`;
    expect(v.exec!.reports[0]).toContain(`MISMATCH block ${va}`);
    expect(v.exec!.reports[0]).toContain("rax differs");
  }, 120_000);

  test("a jump into bytes Unicorn's x86 engine cannot translate does not take the verifier down", () => {
    // kernel32's jump-table dispatch at RVA 0x29565: entry 11 lands on `ff e9` (jmp far with a
    // register operand), which aborts the process (tcg fatal error) if Unicorn ever translates it.
    const dir = join(work, "tcg");
    mkdirSync(dir, { recursive: true });
    const k32 = join(prefix, "drive_c", "windows", "system32", "kernel32.dll");
    copyFileSync(join(wine64Dir(), "kernel32.dll"), k32);
    const p = buildCache(k32, dir, 0, [0x29565]);
    const r = verify(p, "--exec", "1", "--states", "2000");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.j!.caches[0]!.exec!.states).toBe(2000);
  }, 60_000);

  test("vector blocks run with XMM state on both engines; a vector word writing another register is an xmm mismatch", () => {
    // kernel32's blocks that name an XMM register (compiler code: PXOR zeroing, MOVUPS/MOVDQU
    // copies, MOVQ/MOVD, PUNPCKL*), alone in their cache.
    const dir = join(work, "xmm");
    mkdirSync(dir, { recursive: true });
    const k32 = join(prefix, "drive_c", "windows", "system32", "kernel32.dll");
    copyFileSync(join(wine64Dir(), "kernel32.dll"), k32);
    const p = buildCache(k32, dir, 100000, undefined, xmmBlocks(64));
    const r = verify(p, "--exec", "100000");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const ok = r.j!.caches[0]!;
    expect(ok.blocks).toBeGreaterThan(50);
    expect(ok.exec!.blocks).toBeGreaterThan(0.8 * ok.blocks);
    expect(ok.exec!.mismatchBlocks).toBe(0);
    // A block starting `pxor xmmN, xmmN` (`movi vN.2d, #0`) that only stores xmmN afterwards:
    // retarget the movi to v(N^1). Checksum fixed up, so only running it can tell.
    const c = CacheReader.open(p);
    const img = mapImage(loadPeFileSync(k32));
    const dec = new Decoder(64), insn = new Insn(), mn = tables().mnemonics;
    let victim = -1, word = -1;
    for (let i = 0; i < c.blockCount && victim < 0; i++) {
      const b = c.block(i);
      let off = b.rva + dec.decode(img.memory, b.rva, img.memory.length, b.rva, insn);
      if (mn[insn.mnemonic] !== "PXOR" || insn.kind[1] !== K.REG || insn.reg[0] !== insn.reg[1]) continue;
      const n = insn.reg[0]! - R.XMM;
      let onlyStores = true;
      for (let k = 1; k < b.insnCount; k++) {
        off += dec.decode(img.memory, off, img.memory.length, off, insn);
        for (let o = 1; o < insn.opCount; o++) if (insn.reg[o] === R.XMM + n && insn.kind[0] !== K.MEM) onlyStores = false;
      }
      const at = [...c.blockCode(i)].indexOf((0x6f00e400 | n) >>> 0);
      if (onlyStores && at >= 0) [victim, word] = [i, b.codeOffset + at];
    }
    expect(victim).toBeGreaterThanOrEqual(0);
    const bad = copyCache(p, "xmm-patch");
    const bytes = new Uint8Array(readFileSync(bad));
    const dv = new DataView(bytes.buffer);
    const at = c.header.codeOffset + 4 * word;
    dv.setUint32(at, dv.getUint32(at, true) ^ 1, true);
    dv.setBigUint64(H.CHECKSUM, checksum(bytes), true);
    writeFileSync(bad, bytes);
    const m = verify(bad, "--exec", "100000");
    expect(m.code).toBe(1);
    const v = m.j!.caches[0]!;
    expect(v.verdict).toBe("exec-mismatch");
    expect(v.exec!.mismatchBlocks).toBe(1);
    const va = `0x${(img.base + BigInt(c.block(victim).rva)).toString(16)}`;
    expect(v.exec!.reports[0]).toMatch(new RegExp(`^MISMATCH block ${va} .*: xmm\\d+ differs$`, "m"));
    expect(v.exec!.reports[0]).toMatch(/^ {2}\* xmm\d+ +0x[0-9a-f]{32} 0x[0-9a-f]{32}$/m);
  }, 120_000);

  test("bad input is exit 2 with one line", () => {
    const r = runAot(["verify", join(work, "nothing-here")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(runAot(["verify", caches, "--exec", "many"]).code).toBe(2);
  });
});
