/**
 * @file The help is the truth: walks every verb and sub-verb of the command tree (the verbs `aot
 * --help` lists, their modules in src/cli/commands/, their subCommands), runs `dist/aot <path>
 * --help` for each, and checks that the usage line names the full command, that every declared
 * argument and option appears with a description (required positionals as `<NAME>`, a default-on
 * boolean with a described `--no-` row), and that no ANSI code reaches a pipe.
 */
import { expect, test } from "bun:test";
import type { ArgsDef, CommandDef } from "citty";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../_env.ts";

const bin = join(ROOT, "dist", "aot");

function help(path: string[], env: Record<string, string> = {}) {
  if (!existsSync(bin)) throw new Error("dist/aot is missing: run `bun run build` first");
  const p = Bun.spawnSync([bin, ...path, "--help"], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/", ...env } });
  return { code: p.exitCode, out: p.stdout.toString(), err: p.stderr.toString() };
}

const resolve = async <T>(v: unknown): Promise<T> => (typeof v === "function" ? await v() : await v) as T;

/** The section of a help text under `title` (ARGUMENTS, OPTIONS, COMMANDS), one row per line. */
function section(text: string, title: string): string[] {
  const m = text.split(`\n${title}\n\n`)[1];
  return m ? m.split("\n\n")[0]!.split("\n") : [];
}

async function walk(path: string[], cmd: CommandDef, seen: string[][]): Promise<void> {
  seen.push(path);
  const h = help(path);
  expect(h.code).toBe(0);
  expect(h.err).toBe("");
  expect(h.out).not.toContain("\x1b");
  const meta = await resolve<{ description?: string }>(cmd.meta);
  expect(meta?.description ?? "").not.toBe("");
  expect(h.out).toContain(`USAGE aot ${path.join(" ")}`.trimEnd());
  const args = (await resolve<ArgsDef>(cmd.args)) ?? {};
  const argRows = section(h.out, "ARGUMENTS");
  const optRows = section(h.out, "OPTIONS");
  const described = (rows: string[], label: RegExp, what: string) => {
    const row = rows.find((r) => label.test(r.trim()));
    if (!row) throw new Error(`aot ${path.join(" ")} --help does not list ${what}`);
    const desc = row.trim().replace(label, "").trim();
    if (!desc) throw new Error(`aot ${path.join(" ")} --help lists ${what} without a description`);
  };
  for (const [name, def] of Object.entries(args)) {
    if (def.type === "positional") {
      described(argRows, new RegExp(`^${name.toUpperCase()}\\b`), name.toUpperCase());
      const usage = h.out.split("\n").find((l) => l.startsWith("USAGE"))!;
      expect(usage).toContain(def.required === false ? `[${name.toUpperCase()}]` : `<${name.toUpperCase()}>`);
    } else {
      described(optRows, new RegExp(`^(-\\w, )?--${name}(=<[^>]*>)?(?=\\s|$)`), `--${name}`);
      if (def.type === "boolean" && def.default === true) described(optRows, new RegExp(`^--no-${name}(?=\\s|$)`), `--no-${name}`);
    }
  }
  const subs = await resolve<Record<string, unknown> | undefined>(cmd.subCommands);
  if (subs) {
    const listed = section(h.out, "COMMANDS").map((r) => r.trim().split(/\s+/)[0]);
    for (const [name, sub] of Object.entries(subs)) {
      expect(listed).toContain(name);
      await walk([...path, name], await resolve<CommandDef>(sub), seen);
    }
  }
}

test("every verb's help names every argument and option with a description", async () => {
  const top = help([]);
  expect(top.code).toBe(0);
  const verbs = section(top.out, "COMMANDS").map((r) => r.trim().split(/\s+/)[0]!);
  expect(verbs.length).toBeGreaterThan(5);
  const seen: string[][] = [];
  for (const verb of verbs) {
    const mod = (await import(join(ROOT, "src", "cli", "commands", `${verb}.ts`))) as { default: CommandDef };
    await walk([verb], mod.default, seen);
  }
  // Sub-verbs were walked too (bench suites, codemap show/merge/import).
  expect(seen.some((p) => p.join(" ") === "codemap merge")).toBe(true);
}, 60_000);

test("help is plain on a pipe, coloured on a terminal unless NO_COLOR", () => {
  expect(help([]).out).not.toContain("\x1b");
  // A clean environment: CI machines may set NO_COLOR or TERM=dumb, which rightly turn colour off.
  const clean = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/", TERM: "xterm-256color" };
  const tty = (env: string) =>
    Bun.spawnSync(["script", "-qec", `${env} ${bin} --help`, "/dev/null"], { env: clean }).stdout.toString();
  expect(tty("")).toContain("\x1b[");
  expect(tty("NO_COLOR=1")).not.toContain("\x1b");
});
