/**
 * @file Where the tests find the things the project's scripts install: the Wine PE corpora and
 * prefix (scripts/corpus.sh), the built fixtures (scripts/fixtures.sh) and the compiled binary.
 * A missing piece is an error that says which script to run, never a silent skip.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dir, "..");

/**
 * Test tiers. `quick` (plain `bun test`, a developer's inner loop) uses small counts and corpus
 * samples; `full` (`bash scripts/test.sh`, the README test command and CI) runs every acceptance
 * figure: whole corpora, 10,000-case fuzzing, 1 M random strings per mode; `soak`
 * (`bun run test:slow`) multiplies the random and fuzz counts by ten. AOT_SLOW=1 means `full`.
 */
export const TIER: "quick" | "full" | "soak" =
  process.env.AOT_TIER === "soak" ? "soak" : process.env.AOT_TIER === "full" || process.env.AOT_SLOW ? "full" : "quick";

/** True in the full and soak tiers: sweep whole corpora rather than samples. */
export const SLOW = TIER !== "quick";

/** Pick the quick-tier or the acceptance count; the soak tier runs ten times the acceptance count. */
export const count = (fast: number, slow: number): number => (TIER === "quick" ? fast : TIER === "full" ? slow : slow * 10);

function need(path: string, script: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`bash scripts/${script}\` first`);
  return path;
}

export const corpusDir = (): string =>
  need(process.env.AOT_CORPUS_DIR ?? join(homedir(), ".cache", "aot-corpus"), "corpus.sh");
export const wine64Dir = (): string => need(join(corpusDir(), "x86_64-windows"), "corpus.sh");
export const wine32Dir = (): string => need(join(corpusDir(), "i386-windows"), "corpus.sh");
export const prefix64 = (): string => need(join(corpusDir(), "prefix64", "system.reg"), "corpus.sh").replace(/\/system\.reg$/, "");
export const arm64Libc = (): string => need(join(corpusDir(), "arm64-libc.so.6"), "corpus.sh");
export const fixture = (name: string): string => need(join(ROOT, "build", "fixtures", name), "fixtures.sh");
export const sample = (bits: 32 | 64): string => join(ROOT, "samples", `hello${bits}.exe`);

/** Run the CLI from source; returns exit code, stdout and stderr. */
export function runAot(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const p = Bun.spawnSync(["bun", join(ROOT, "src/cli/main.ts"), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...opts.env },
  });
  return { code: p.exitCode, stdout: p.stdout.toString(), stderr: p.stderr.toString() };
}
