/**
 * @file `aot inspect` end to end (runs src/cli/main.ts): --json fields checked against
 * llvm-readobj-19 and the fixture sources; bad input exits 2 with one error line naming the file.
 */
import { describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixture, runAot, sample } from "../_env.ts";
import { readobj } from "../pe/_readobj.ts";
import { withVolatileMetadata } from "../pe/_synth.ts";

function headerField(path: string, key: string): string {
  const out = Bun.spawnSync(["llvm-readobj-19", "--file-headers", path]).stdout.toString();
  return new RegExp(`^\\s*${key}: (\\S+)`, "m").exec(out)?.[1] ?? "";
}

describe("aot inspect --json", () => {
  test("hello64.exe matches llvm-readobj-19", async () => {
    const path = sample(64);
    const r = runAot(["inspect", path, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.format).toBe("PE32+");
    expect(j.machine).toBe("0x8664");
    expect(j.imageBase).toBe(headerField(path, "ImageBase").toLowerCase());
    expect(j.entryRva).toBe(parseInt(headerField(path, "AddressOfEntryPoint"), 16));
    expect(j.fileId).toMatch(/^[0-9a-f]{16}$/);
    const ro = await readobj(path);
    expect(j.sections.map((s: Record<string, unknown>) => ({ name: s.name, rva: s.rva, virtualSize: s.virtualSize, rawSize: s.rawSize, flags: s.flags }))).toEqual(ro.sections);
    expect(j.imports.map((d: { dll: string }) => d.dll)).toEqual(ro.imports.map((d) => d.dll));
    expect(j.relocationCount).toBe(ro.relocationCount);
    expect(j.exports.map((e: { name: string }) => e.name)).toEqual(ro.exports.map((e) => e.name));
    expect(j.tlsCallbacks.length).toBeGreaterThan(0);
    expect(j.loadConfig).toBeNull();
  });
  test("--hash adds the file's SHA-256 (sha256sum's); without it contentHash is null and the hash is not printed", () => {
    const path = sample(64);
    const sha = Bun.spawnSync(["sha256sum", path]).stdout.toString().split(" ")[0]!;
    expect(JSON.parse(runAot(["inspect", path, "--json"]).stdout).contentHash).toBeNull();
    expect(JSON.parse(runAot(["inspect", path, "--json", "--hash"]).stdout).contentHash).toBe(sha);
    expect(runAot(["inspect", path]).stdout).not.toContain("sha256");
    expect(runAot(["inspect", path, "--hash"]).stdout).toContain(`sha256 ${sha}`);
    expect(runAot(["inspect", path, "--disasm", "--hash"]).code).toBe(2);
  });
  test("hello32.exe is PE32", () => {
    const j = JSON.parse(runAot(["inspect", sample(32), "--json"]).stdout);
    expect([j.format, j.machine, j.imageBase]).toEqual(["PE32", "0x14c", headerField(sample(32), "ImageBase").toLowerCase()]);
  });
  test("arm64x.dll: hybrid code ranges", async () => {
    const path = fixture("arm64x.dll");
    const j = JSON.parse(runAot(["inspect", path, "--json"]).stdout);
    const ro = await readobj(path, ["--coff-load-config"]);
    expect(j.loadConfig.hybrid).toEqual(ro.codeMap.map((r) => ({ start: r.start, end: r.end, kind: r.kind.toLowerCase() })));
    expect(j.loadConfig.volatileMetadata).toBeNull();
  });
  test("pe-fwd.dll: forwarders and a nameless ordinal (pe-fwd.def)", () => {
    const j = JSON.parse(runAot(["inspect", fixture("pe-fwd.dll"), "--json"]).stdout);
    expect(j.exports).toContainEqual({ name: "FwdSleep", ordinal: 3, forwarder: "KERNEL32.Sleep" });
    expect(j.exports.find((e: { ordinal: number }) => e.ordinal === 7).name).toBeUndefined();
  });
  test("volatile metadata (synthesized image; llvm-readobj-19 agrees on the pointer)", () => {
    const path = join(mkdtempSync(join(tmpdir(), "aot-inspect-")), "vm.exe");
    const spec = { accessRvas: [0x1010, 0x1400], ranges: [{ rva: 0x1000, size: 0x1000 }] };
    writeFileSync(path, withVolatileMetadata(new Uint8Array(readFileSync(sample(64))), spec));
    const j = JSON.parse(runAot(["inspect", path, "--json"]).stdout);
    expect(j.loadConfig.volatileMetadata).toEqual({ version: 1, accessRvas: spec.accessRvas, infoRanges: spec.ranges });
    const ro = Bun.spawnSync(["llvm-readobj-19", "--coff-load-config", path]).stdout.toString();
    const ptr = /VolatileMetadataPointer: (0x[0-9A-F]+)/i.exec(ro)?.[1];
    expect(ptr).toBeDefined();
    expect(BigInt(j.loadConfig.volatileMetadataPointer)).toBe(BigInt(ptr!));
  });
  test("human output names the format and sections", () => {
    const r = runAot(["inspect", sample(64)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("PE32+ amd64");
    expect(r.stdout).toContain(".text");
  });
});

describe("aot inspect: bad input exits 2 with one line", () => {
  const dir = mkdtempSync(join(tmpdir(), "aot-inspect-"));
  const cut = join(dir, "cut.exe");
  writeFileSync(cut, readFileSync(sample(64)).subarray(0, 0x120));
  const text = join(dir, "notes.txt");
  writeFileSync(text, "not a program\n");
  for (const [label, path] of [["missing", join(dir, "nope.exe")], ["truncated", cut], ["not PE", text]] as const) {
    test(label, () => {
      const r = runAot(["inspect", path, "--json"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.split("\n").filter((l) => l.trim() !== "");
      expect(lines.length).toBe(1);
      expect(lines[0]).toContain(path);
    });
  }
  test("no argument", () => {
    expect(runAot(["inspect"]).code).toBe(2);
  });
});
