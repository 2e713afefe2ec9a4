/**
 * @file The CLI tells the truth (issue 11, item 5), on the built `dist/aot` with stdout and stderr
 * as pipes: unknown options and flags that do not apply are usage errors (exit 2); numbers are
 * validated; an explicit `--prefix` beats FEX_APP_CACHE_LOCATION; `--wait` says it waits and how
 * long; an error is exactly one `error: ...` line on stderr; informational lines go to stderr; no
 * ANSI codes; names from files have their control characters escaped; system errors name the
 * user's file; raw-file addresses stay in the mode's address space; `disasm --raw` reads an "MZ" file
 * as code (checked against iced-x86).
 */
import { afterAll, describe, expect, test } from "bun:test";
import { Decoder, DecoderOptions, Instruction, Mnemonic } from "iced-x86";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCodeMap, encodeCodeMap } from "../../src/codemap/index.ts";
import { ROOT, prefix64, sample } from "../_env.ts";

const bin = join(ROOT, "dist", "aot");
const tmp = mkdtempSync(join(tmpdir(), "aot-truth-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function aot(args: string[], env: Record<string, string | undefined> = {}) {
  if (!existsSync(bin)) throw new Error("dist/aot is missing: run `bun run build` first");
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, FEX_APP_CACHE_LOCATION: undefined, WINEPREFIX: undefined };
  const p = Bun.spawnSync([bin, ...args], { env: { ...base, ...env } as Record<string, string> });
  return { code: p.exitCode, stdout: p.stdout.toString(), stderr: p.stderr.toString() };
}

/** Exit 2, nothing on stdout, exactly one plain `error: ` line on stderr. */
function usageError(args: string[], mentions?: string) {
  const r = aot(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(r.stderr).not.toContain("\x1b");
  if (mentions) expect(r.stderr).toContain(mentions);
  return r.stderr;
}

const code = (name: string, bytes: number[]) => {
  const f = join(tmp, name);
  writeFileSync(f, Uint8Array.from(bytes));
  return f;
};

describe("options", () => {
  test("unknown options are usage errors at every depth", () => {
    usageError(["inspect", sample(64), "--jsn"], "--jsn");
    usageError(["codemap", "show", "x.bin", "--blockz"], "--blockz");
    usageError(["bench", "encode", "--cuont", "5"], "--cuont");
    usageError(["disasm", sample(64), "--json=yes"], "--json");
    usageError(["frobnicate"], "frobnicate");
    // Extra words are not silently dropped either (a mistyped bench suite would run them all).
    usageError(["inspect", sample(64), "extra"], "extra");
    usageError(["bench", "decod"], "decod");
  });

  test("flags that do not apply are errors, not ignored", () => {
    usageError(["disasm", sample(64), "--base", "0x1000"], "--base");
    const raw = code("arm.bin", [0x1f, 0x20, 0x03, 0xd5]);
    usageError(["disasm", "--arch", "arm64", raw, "--count", "1"], "--count");
    usageError(["disasm", "--arch", "arm64", raw, "--rva", "0"], "--rva");
    usageError(["disasm", "--arch", "arm64", sample(64)], "--raw");
    usageError(["codemap", "import", "--cache-dir", tmp, "--prefix", tmp], "not both");
  });

  test("numbers are validated", () => {
    usageError(["bench", "encode", "--count", "abc"], "--count");
    usageError(["disasm", sample(64), "--count", "-3"]);
    usageError(["disasm", sample(64), "--rva", "0x1z"], "--rva");
    usageError(["bench", "quality", "--worst", "many"], "--worst");
  });

  test("required arguments are named when missing", () => {
    usageError(["codemap", "merge", join(tmp, "only-out")], "INPUTS");
    usageError(["inspect"], "PE");
  });
});

describe("disasm addresses", () => {
  test("--mode 32 stays below 2^32; --base beyond 2^64-1 is refused", () => {
    const one = code("ret.bin", [0xc3]);
    const r = aot(["disasm", one, "--mode", "32", "--va", "0xffffffff"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toStartWith("ffffffff  c3");
    usageError(["disasm", code("two.bin", [0x90, 0xc3]), "--mode", "32", "--va", "0xffffffff"], "32-bit");
    usageError(["disasm", one, "--mode", "32", "--base", "0x100000000"], "--base");
    usageError(["disasm", one, "--base", "0x10000000000000000"], "--base");
    usageError(["disasm", "--arch", "arm64", code("a.bin", [0x1f, 0x20, 0x03, 0xd5]), "--base", "0x10000000000000000"], "--base");
    const nops = code("nops.bin", [0x1f, 0x20, 0x03, 0xd5, 0x1f, 0x20, 0x03, 0xd5]);
    usageError(["disasm", "--arch", "arm64", nops, "--base", "0xfffffffffffffffc"], "64-bit");
  });

  test("--raw disassembles a file that starts with MZ as code (iced-x86 agrees)", () => {
    const r = aot(["disasm", sample(64), "--raw", "--count", "8", "--json"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0].va).toBe("0x0");
    expect(lines[0].bytes).toStartWith("4d5a");
    const d = new Decoder(64, readFileSync(sample(64)).subarray(0, 64), DecoderOptions.None);
    const i = new Instruction();
    for (const l of lines.filter((x) => !x.invalid).slice(0, 1)) {
      d.decodeOut(i);
      expect([l.len, l.mnemonic]).toEqual([i.length, Mnemonic[i.mnemonic]!.toLowerCase()]);
    }
  });
});

describe("output", () => {
  test("errors are one line, informational lines go to stderr, no ANSI on pipes", () => {
    usageError(["inspect", join(tmp, "missing.exe")], "missing.exe");
    const notepad = join(prefix64(), "drive_c", "windows", "system32", "notepad.exe");
    const r = aot(["deps", notepad, "--prefix", prefix64()]);
    expect(r.code).toBeLessThan(2);
    expect(r.stdout).not.toMatch(/^prefix /m);
    expect(r.stderr).toMatch(/^prefix /m);
    for (const s of [r.stdout, r.stderr, aot(["--help"]).stdout]) expect(s).not.toContain("\x1b");
  });

  test("names from files are printed with control characters escaped", () => {
    const evil = "c:\\evil\x1b]0;pwned\x07\x9b31m.dll";
    const f = join(tmp, "evil.bin");
    writeFileSync(f, encodeCodeMap(buildCodeMap([{ fileId: 0x1122334455667788n, path: evil, blocks: new Set([0x1000]) }])));
    const r = aot(["codemap", "show", f]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\x07\x1b\x9b]/);
    expect(r.stdout).toContain("c:\\evil\\u001b]0;pwned\\u0007\\u009b31m.dll");
    // The JSON form stays valid JSON and round-trips the name.
    const j = aot(["codemap", "show", f, "--json"]);
    expect(j.stdout).not.toMatch(/[\x07\x1b\x9b]/);
    expect(JSON.parse(j.stdout).images[0].path).toBe(evil);
    // A file name in an error message too.
    const e = usageError(["inspect", join(tmp, "no\x1b[2Jsuch")]);
    expect(e).toContain("no\\u001b[2Jsuch");
  });

  test("codemap merge into a directory names it and leaves no temp file", () => {
    const input = join(tmp, "in.bin");
    writeFileSync(input, encodeCodeMap(buildCodeMap([{ fileId: 1n, path: "c:\\a.dll", blocks: new Set([0x10]) }])));
    const parent = join(tmp, "merge");
    const out = join(parent, "out");
    mkdirSync(out, { recursive: true });
    usageError(["codemap", "merge", out, input], `${out}: `);
    expect(readdirSync(parent)).toEqual(["out"]);
  });
});

describe("codemap import", () => {
  // A minimal prefix: system.reg, drive_c and one user's AppData/Local.
  function fakePrefix(name: string): string {
    const root = join(tmp, name);
    mkdirSync(join(root, "drive_c", "users", "alice", "AppData", "Local", "fex-emu", "codemap", "new"), { recursive: true });
    writeFileSync(join(root, "system.reg"), "WINE REGISTRY Version 2\n#arch=win64\n");
    return root;
  }

  test("an explicit --prefix beats FEX_APP_CACHE_LOCATION", () => {
    const root = fakePrefix("pfx");
    const r = aot(["codemap", "import", "--prefix", root, "--json"], { FEX_APP_CACHE_LOCATION: join(tmp, "elsewhere") + "/", USER: "alice" });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).cacheDir).toBe(join(root, "drive_c", "users", "alice", "AppData", "Local", "fex-emu"));
    const env = aot(["codemap", "import", "--json"], { FEX_APP_CACHE_LOCATION: join(tmp, "elsewhere") + "/", USER: "alice" });
    expect(JSON.parse(env.stdout).source).toBe("FEX_APP_CACHE_LOCATION");
  });

  test("--wait says it is waiting and for how long; --no-wait fails at once", async () => {
    const cache = join(tmp, "cache");
    mkdirSync(join(cache, "codemap", "new"), { recursive: true });
    const lock = join(cache, "codemap", ".aot-aggregate.lock");
    const holder = Bun.spawn(["flock", lock, "sleep", "1.5"]);
    await Bun.sleep(300);
    const busy = aot(["codemap", "import", "--cache-dir", cache, "--no-wait"]);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/^error: [^\n]*aggregate[^\n]*\n$/);
    const p = Bun.spawn([bin, "codemap", "import", "--cache-dir", cache], { stdout: "pipe", stderr: "pipe" });
    const [code, stderr] = await Promise.all([p.exited, new Response(p.stderr).text()]);
    await holder.exited;
    expect(code).toBe(0);
    expect(stderr).toMatch(/^waiting up to 30 s for another aggregator holding .*\.aot-aggregate\.lock/m);
  });
});
