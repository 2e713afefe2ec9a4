/**
 * @file Runs the citty command tree with aot's exit-code contract (citty's own runMain exits 1 for
 * everything): 0 ok, 1 findings (or an internal error), 2 usage or input errors. Input and usage
 * errors print one line on stderr (`error: ...`); internal errors add the stack under AOT_DEBUG=1.
 *
 * One place decides, for every verb at any depth: the help text (full `aot <verb> <sub>` name,
 * colour only on a terminal), unknown commands and unknown options (exit 2, checked against the
 * declared args of the command that runs), and the exit itself, which waits until everything the
 * verb printed has drained into the pipe or file (src/cli/_out.ts).
 *
 *   await runCli(main);   // never returns
 */
import { renderUsage, runCommand, type ArgsDef, type CommandDef } from "citty";
import { InputError, UsageError, EXIT } from "../util/errors.ts";
import { checkFlags } from "./_args.ts";
import { drain, errorLine, outRaw, stripAnsi, useColor } from "./_out.ts";

const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "a parent is not a directory",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system",
  EEXIST: "already exists",
  ENAMETOOLONG: "name too long",
  EMFILE: "too many open files",
  EIO: "input/output error",
  ELOOP: "too many symbolic links",
  EXDEV: "on another file system",
  EBUSY: "busy",
};

/** The reason in a Node/Bun system error, without the temp or internal path it names. */
export function systemReason(e: unknown): string {
  const x = e as { code?: string; message?: string };
  return (x?.code && SYSTEM_REASONS[x.code]) ?? x?.message?.replace(/^E[A-Z]+: /, "").replace(/,.*$/, "") ?? String(e);
}

/** Report an error the way every command does and return the exit code it maps to. */
export function reportError(err: unknown): number {
  if (err instanceof InputError || err instanceof UsageError) {
    errorLine(err.message);
    return EXIT.input;
  }
  const e = err as Error & { code?: string; path?: string; syscall?: string };
  // A system error nobody wrapped: name the file it is about.
  if (typeof e?.code === "string" && /^E[A-Z]+$/.test(e.code) && e.syscall) {
    errorLine(e.path ? `${e.path}: ${systemReason(e)}` : `${e.syscall}: ${systemReason(e)}`);
    return EXIT.input;
  }
  // citty's CLIError: missing argument, bad enum value.
  if (e?.name === "CLIError" || (typeof e?.code === "string" && /^E/.test(e.code))) {
    errorLine(stripAnsi(e.message));
    return EXIT.input;
  }
  errorLine(`internal error: ${e?.message ?? String(err)}`);
  if (process.env.AOT_DEBUG) console.error(e?.stack);
  return EXIT.findings;
}

const resolve = async <T>(v: T | (() => T | Promise<T>) | Promise<T> | undefined): Promise<T | undefined> =>
  typeof v === "function" ? await (v as () => T | Promise<T>)() : await v;

/**
 * Walk `aot <verb> [<sub>] ...` down to the command that will run. citty's runCommand drops a
 * subcommand's return value, so we dispatch ourselves and run the leaf directly: its return value
 * becomes the exit code at any depth.
 */
async function leafOf(cmd: CommandDef, rawArgs: string[]): Promise<{ cmd: CommandDef; names: string[]; args: string[]; unknown?: string }> {
  let cur = cmd;
  const names = ["aot"];
  let args = [...rawArgs];
  for (;;) {
    const subs = await resolve(cur.subCommands);
    const i = args.findIndex((a) => !a.startsWith("-"));
    const name = i < 0 ? undefined : args[i];
    if (!subs || name === undefined) return { cmd: cur, names, args };
    // A word where a sub-verb goes (no command with sub-verbs takes positionals) names an unknown one.
    if (!(name in subs)) return { cmd: cur, names, args, unknown: name };
    cur = (await resolve((subs as Record<string, unknown>)[name] as CommandDef)) as CommandDef;
    names.push(name);
    args = args.slice(i + 1);
  }
}

async function usage(cmd: CommandDef, names: string[]): Promise<string> {
  const meta = (await resolve(cmd.meta)) ?? {};
  // citty names a command "<parent> <name>"; a parent named by the whole chain gives `aot codemap merge`.
  const parent = names.length > 1 ? ({ meta: { name: names.slice(0, -1).join(" ") } } as CommandDef) : undefined;
  const text = await renderUsage({ ...cmd, meta: { ...meta, name: names.at(-1) } } as CommandDef, parent);
  return (useColor(process.stdout) ? text : stripAnsi(text)) + "\n\n";
}

async function exit(code: number): Promise<never> {
  await drain();
  process.exit(code);
}

/** Entry point: parse argv, run, and exit with the contract's code once the output has drained. */
export async function runCli(main: CommandDef, rawArgs = process.argv.slice(2)): Promise<never> {
  let full = "aot";
  try {
    if (rawArgs.length === 1 && (rawArgs[0] === "--version" || rawArgs[0] === "-v")) {
      const meta = await resolve(main.meta);
      outRaw(`${meta?.version}\n`);
      return await exit(EXIT.ok);
    }
    const leaf = await leafOf(main, rawArgs);
    full = leaf.names.join(" ");
    if (rawArgs.includes("--help") || rawArgs.includes("-h") || rawArgs.length === 0) {
      outRaw(await usage(leaf.cmd, leaf.names));
      return await exit(EXIT.ok);
    }
    const subs = await resolve(leaf.cmd.subCommands);
    if (leaf.unknown !== undefined) throw new UsageError(`${full}: unknown command ${leaf.unknown} (${full} --help lists them)`);
    if (subs && !leaf.cmd.run) throw new UsageError(`${full}: give a command: ${Object.keys(subs).join(", ")}`);
    checkFlags(((await resolve(leaf.cmd.args)) ?? {}) as ArgsDef, leaf.args, full);
    const { result } = await runCommand(leaf.cmd, { rawArgs: leaf.args });
    return await exit(typeof result === "number" ? result : EXIT.ok);
  } catch (err) {
    // citty's own parse errors (a missing positional) do not say which command they are about.
    const e = err as Error;
    if (e?.name === "CLIError") return await exit(reportError(new UsageError(`${full}: ${stripAnsi(e.message)} (see ${full} --help)`)));
    return await exit(reportError(err));
  }
}
