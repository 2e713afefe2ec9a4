/**
 * @file Issue 11 item 2: small hostile files must not make aot use gigabytes. Every amplification
 * fixture of test/pe/_hostile.ts (written at test time into a temp folder) goes through every verb
 * that reads it, each run a child process under GNU time: it must finish in under 2 s with a peak
 * RSS under 256 MB, and end cleanly (0), with findings (1) or with a one-line error (2). The full
 * tier runs every (fixture, verb) pair with a 10 M-block code map and a 4.4 GB sparse file; the
 * quick tier runs one verb per fixture (rotating) with a 1 M-block map.
 *
 * `inspect` of the 4.4 GB sparse file reads headers and tables only: the whole-file SHA-256 (which
 * reads every byte, 6-30 s) is printed only with `--hash` (src/cli/commands/inspect.ts).
 *
 * Code maps (show, merge, import) are streamed (src/codemap/scan.ts): 4 MiB reads, blocks as
 * sorted Uint32Arrays, block lists and ready maps written in ~4 MB pieces.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT, SLOW } from "../_env.ts";
import { depsExe, writeHostile, type HostileFixture, type Verb } from "./_hostile.ts";

const LIMIT_S = 2;
const LIMIT_KB = 256 * 1024;
const TIME = "/usr/bin/time";

const dir = mkdtempSync(join(tmpdir(), "aot-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixtures = writeHostile(dir, { blocks: SLOW ? 10_000_000 : 1_000_000, huge: SLOW });

function argsFor(f: HostileFixture, v: Verb, run: string): string[] {
  switch (v) {
    case "inspect": return ["inspect", f.path];
    case "inspect-json": return ["inspect", "--json", f.path];
    case "inspect-disasm": return ["inspect", "--disasm", f.path];
    case "disasm": return ["disasm", f.path];
    case "translate": return ["translate", f.path];
    case "deps": {
      if (!f.path.endsWith(".dll")) return ["deps", f.path];
      const exe = depsExe(f);
      return ["deps", exe, "--prefix", join(dirname(exe), "..", "..")];
    }
    case "codemap-show": return ["codemap", "show", f.path];
    case "codemap-json-blocks": return ["codemap", "show", "--json", "--blocks", f.path];
    case "codemap-merge": return ["codemap", "merge", join(run, "merged.map"), f.path];
    case "codemap-import": {
      const cache = join(run, "cache");
      mkdirSync(join(cache, "codemap", "new"), { recursive: true });
      linkSync(f.path, join(cache, "codemap", "new", "game.exe-0123456789abcdef.0.bin"));
      return ["codemap", "import", "--cache-dir", cache];
    }
  }
}

interface Measured { code: number; seconds: number; peakKb: number; stderr: string }

/** Run `aot <args>` under GNU time; stdout goes to a file (it can be 100+ MB of JSON). */
function measure(args: string[], run: string): Measured {
  const tf = join(run, "time");
  const p = Bun.spawnSync([TIME, "-f", "%e %M", "-o", tf, "bun", join(ROOT, "src/cli/main.ts"), ...args], {
    cwd: run,
    env: { ...process.env, NO_COLOR: "1" },
    stdout: Bun.file(join(run, "stdout")),
    stderr: "pipe",
    timeout: 60_000,
  });
  const [s, kb] = readFileSync(tf, "utf8").trim().split("\n").at(-1)!.split(" ");
  return { code: p.exitCode ?? -1, seconds: Number(s), peakKb: Number(kb), stderr: p.stderr.toString() };
}

const worst = new Map<string, string>();
afterAll(() => {
  if (process.env.AOT_HOSTILE_REPORT) console.log([...worst].map(([k, v]) => `${k}: ${v}`).join("\n"));
});

describe("hostile amplification fixtures stay under 2 s and 256 MB", () => {
  test("GNU time is installed (scripts/setup.sh)", () => expect(existsSync(TIME)).toBe(true));
  let i = 0;
  for (const f of fixtures) {
    const verbs = SLOW ? f.verbs : [f.verbs[i++ % f.verbs.length]!];
    for (const v of verbs) {
      test(`${f.name} × ${v}`, () => {
        const run = mkdtempSync(join(dir, "run-"));
        const m = measure(argsFor(f, v, run), run);
        worst.set(`${f.name} × ${v}`, `${m.seconds.toFixed(2)} s, ${(m.peakKb / 1024).toFixed(0)} MB, exit ${m.code}`);
        rmSync(run, { recursive: true, force: true });
        expect([0, 1, 2]).toContain(m.code);
        if (m.code === 2) expect(m.stderr.trim().split("\n").filter((l) => l.trim()).length).toBe(1);
        expect(m.stderr).not.toMatch(/internal error|RangeError|TypeError|Out of memory/);
        expect(m.seconds).toBeLessThan(LIMIT_S);
        expect(m.peakKb).toBeLessThan(LIMIT_KB);
      }, 60_000);
    }
  }
});
