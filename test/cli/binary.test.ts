/**
 * The single executable: `dist/aot` (made by `bun run build`, which scripts/test.sh runs first)
 * must work from a folder with no node_modules and no sources, as a user drops it in a prefix.
 */
import { expect, test } from "bun:test";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../_env.ts";
import pkg from "../../package.json";

const bin = join(ROOT, "dist", "aot");

test("dist/aot runs --help, --version and demo from an empty folder", () => {
  if (!existsSync(bin)) throw new Error("dist/aot is missing: run `bun run build` first");
  const dir = mkdtempSync(join(tmpdir(), "aot-bin-"));
  try {
    copyFileSync(bin, join(dir, "aot"));
    const run = (...args: string[]) => {
      const p = Bun.spawnSync([join(dir, "aot"), ...args], { cwd: dir, env: { PATH: "/usr/bin:/bin", HOME: dir, NO_COLOR: "1" } });
      return { code: p.exitCode, out: p.stdout.toString() + p.stderr.toString() };
    };
    const help = run("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("USAGE");
    const version = run("--version");
    expect(version.out.trim()).toBe(pkg.version);
    const demo = run("demo", "--json");
    expect(demo.code).toBe(0);
    expect(existsSync(join(dir, "node_modules"))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000); // the demo compiles and verifies six caches: seconds, more on a loaded machine
