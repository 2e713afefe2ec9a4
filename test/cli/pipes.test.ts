/**
 * @file Every verb that can print a lot delivers all of it through a pipe to a slow reader (the
 * same bytes and lines as when stdout is a file), and exits quietly with 0 when the reader goes
 * away early (`| head -1`). Spawns the built `dist/aot` through `sh -c`, as a user's shell would.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCodeMap, encodeCodeMap } from "../../src/codemap/index.ts";
import { ROOT, SLOW, prefix64, sample, wine64Dir } from "../_env.ts";

const bin = join(ROOT, "dist", "aot");
const reader = join(ROOT, "test", "cli", "_slow-reader.ts");
const tmp = mkdtempSync(join(tmpdir(), "aot-pipes-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function sh(script: string) {
  if (!existsSync(bin)) throw new Error("dist/aot is missing: run `bun run build` first");
  const p = Bun.spawnSync(["sh", "-c", script], { env: { ...process.env, NO_COLOR: "1" } });
  return { code: p.exitCode, stdout: p.stdout.toString(), stderr: p.stderr.toString() };
}

/** A code map with 200,000 blocks: `codemap show --json --blocks` prints one line per block. */
function bigMap(): string {
  const f = join(tmp, "big.bin");
  const blocks = new Set<number>();
  for (let i = 0; i < 200_000; i++) blocks.add(0x1000 + i * 16);
  writeFileSync(f, encodeCodeMap(buildCodeMap([{ fileId: 0x0123456789abcdefn, path: "c:\\windows\\system32\\big.dll", blocks }])));
  return f;
}

const cases: [string, () => string[]][] = [
  ["disasm --json (kernel32.dll)", () => ["disasm", join(wine64Dir(), "kernel32.dll"), "--json"]],
  ["disasm text (kernel32.dll)", () => ["disasm", join(wine64Dir(), "kernel32.dll")]],
  // The issue's worst case (272,580 lines); full tier only, it takes a few seconds.
  ...(SLOW ? [["disasm --json (mshtml.dll)", () => ["disasm", join(wine64Dir(), "mshtml.dll"), "--json"]] as [string, () => string[]]] : []),
  ["inspect --json (shell32.dll)", () => ["inspect", join(wine64Dir(), "shell32.dll"), "--json"]],
  ["codemap show --json --blocks (200,000 blocks)", () => ["codemap", "show", bigMap(), "--json", "--blocks"]],
  ["translate --json", () => ["translate", sample(64), "--json", "--ir"]],
  ["deps --json (notepad.exe)", () => ["deps", join(prefix64(), "drive_c", "windows", "system32", "notepad.exe"), "--json"]],
];

describe("a slow reader gets every line", () => {
  for (const [name, argv] of cases) {
    test(name, () => {
      const args = argv().map(q).join(" ");
      const file = join(tmp, "out.txt");
      const toFile = sh(`${q(bin)} ${args} > ${q(file)}`);
      expect(toFile.code).toBeLessThan(2);
      const bytes = readFileSync(file);
      const lines = bytes.reduce((n, b) => n + (b === 10 ? 1 : 0), 0);
      expect(bytes.length).toBeGreaterThan(0);
      // The reader waits 300 ms, then pauses after every chunk; the pipe buffer is 64 KB. The
      // writer's own exit code is recorded from inside the pipeline (POSIX sh has no PIPESTATUS).
      const rc = join(tmp, "rc");
      const piped = sh(`{ ${q(bin)} ${args}; echo $? > ${q(rc)}; } | bun ${q(reader)} 300 2`);
      expect(piped.stdout.trim()).toBe(`${bytes.length} ${lines}`);
      expect(Number(readFileSync(rc, "utf8"))).toBe(toFile.code);
    }, 60_000);
  }
});

test("| head -1: the first line, exit 0, nothing on stderr", () => {
  for (const argv of [["disasm", join(wine64Dir(), "kernel32.dll"), "--json"], ["codemap", "show", bigMap(), "--json", "--blocks"]]) {
    const rc = join(tmp, "rc");
    const r = sh(`{ ${q(bin)} ${argv.map(q).join(" ")}; echo $? > ${q(rc)}; } | head -1`);
    expect(r.stderr).toBe("");
    expect(readFileSync(rc, "utf8").trim()).toBe("0");
    expect(r.stdout.split("\n").length).toBe(2);
  }
});
