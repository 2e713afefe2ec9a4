/**
 * @file Runs the citty command tree with aot's exit-code contract (citty's own runMain exits 1 for
 * everything): 0 ok, 1 findings (or an internal error), 2 usage or input errors. Input and usage
 * errors print one line on stderr; internal errors add the stack under AOT_DEBUG=1.
 */
import { runCommand, showUsage, type CommandDef } from "citty";
import { consola } from "consola";
import { InputError, UsageError, EXIT } from "../util/errors.ts";

/** Report an error the way every command does and return the exit code it maps to. */
export function reportError(err: unknown): number {
  if (err instanceof InputError || err instanceof UsageError) {
    consola.error(err.message);
    return EXIT.input;
  }
  const e = err as Error & { code?: string };
  // citty's CLIError: unknown command, missing argument, bad enum value.
  if (e?.name === "CLIError" || (typeof e?.code === "string" && /^E/.test(e.code))) {
    consola.error(e.message);
    return EXIT.input;
  }
  consola.error(`internal error: ${e?.message ?? String(err)}`);
  if (process.env.AOT_DEBUG) console.error(e?.stack);
  return EXIT.findings;
}

/**
 * Walk `aot <verb> [<sub>] ...` down to the command that will run. citty's runCommand drops a
 * subcommand's return value, so we dispatch ourselves and run the leaf directly: its return value
 * becomes the exit code at any depth.
 */
async function leafOf(cmd: CommandDef, rawArgs: string[]): Promise<{ cmd: CommandDef; parent?: CommandDef; args: string[] }> {
  let cur = cmd;
  let parent: CommandDef | undefined;
  let args = [...rawArgs];
  for (;;) {
    const subs = typeof cur.subCommands === "function" ? await cur.subCommands() : await cur.subCommands;
    const i = args.findIndex((a) => !a.startsWith("-"));
    const name = i < 0 ? undefined : args[i];
    if (!subs || name === undefined || !(name in subs)) return { cmd: cur, parent, args };
    const next = (subs as Record<string, unknown>)[name];
    parent = cur;
    cur = (typeof next === "function" ? await (next as () => Promise<CommandDef>)() : await next) as CommandDef;
    args = args.slice(i + 1);
  }
}

/** Entry point: parse argv, run, and exit with the contract's code. */
export async function runCli(main: CommandDef, rawArgs = process.argv.slice(2)): Promise<never> {
  try {
    if (rawArgs.length === 1 && (rawArgs[0] === "--version" || rawArgs[0] === "-v")) {
      const meta = typeof main.meta === "function" ? await main.meta() : await main.meta;
      console.log(meta?.version);
      process.exit(EXIT.ok);
    }
    const leaf = await leafOf(main, rawArgs);
    if (rawArgs.includes("--help") || rawArgs.includes("-h") || rawArgs.length === 0) {
      await showUsage(leaf.cmd, leaf.parent);
      process.exit(EXIT.ok);
    }
    const { result } = await runCommand(leaf.cmd, { rawArgs: leaf.args });
    process.exit(typeof result === "number" ? result : EXIT.ok);
  } catch (err) {
    process.exit(reportError(err));
  }
}
