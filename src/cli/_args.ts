/**
 * @file Command-line checks citty does not make (stage 0): every flag a user typed must be one the
 * command declares ({@link checkFlags}, called once by `_run.ts` for the command that will run),
 * and numeric flag values are whole numbers in range ({@link uint}, {@link count}).
 *
 *   checkFlags(await resolveArgs(cmd), ["x.dll", "--jsn"]);   // throws UsageError: unknown option --jsn
 *   const n = count("count", args.count);                     // "abc" -> UsageError
 */
import type { ArgsDef } from "citty";
import type { HostFeatures } from "../arm64/features.ts";
import { UsageError } from "../util/errors.ts";

const variadicDefs = new WeakSet<object>();

/** Mark a positional as taking every remaining word (`aot codemap merge OUT INPUTS...`). */
export function variadic<T extends object>(def: T): T {
  variadicDefs.add(def);
  return def;
}

const kebab = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const camel = (s: string): string => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Throw a UsageError for the first option in `rawArgs` that `args` does not declare, a boolean
 * given a value it cannot take, or more positional words than the command declares (unless its
 * last positional is {@link variadic}). `--no-x` is accepted for a boolean `x`; `--` ends the options.
 */
export function checkFlags(args: ArgsDef, rawArgs: string[], command: string): void {
  const kinds = new Map<string, string>();
  let positionals = 0;
  let open = false;
  for (const [name, def] of Object.entries(args)) {
    if (def.type === "positional") {
      positionals++;
      open = variadicDefs.has(def);
      continue;
    }
    const alias = "alias" in def && def.alias ? (Array.isArray(def.alias) ? def.alias : [def.alias]) : [];
    for (const n of [name, kebab(name), camel(name), ...alias]) kinds.set(n, def.type ?? "string");
  }
  const words: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const a = rawArgs[i]!;
    if (a === "--") {
      words.push(...rawArgs.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-" || /^-\d/.test(a)) {
      words.push(a);
      continue;
    }
    const body = a.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const name = eq < 0 ? body : body.slice(0, eq);
    const kind = kinds.get(name);
    if (kind === undefined && name.startsWith("no-") && kinds.get(name.slice(3)) === "boolean" && eq < 0) continue;
    if (kind === undefined) throw new UsageError(`${command}: unknown option ${a.slice(0, eq < 0 ? undefined : a.indexOf("="))} (see ${command} --help)`);
    if (kind === "boolean") {
      if (eq >= 0 && !["true", "false"].includes(body.slice(eq + 1))) throw new UsageError(`${command}: --${name} takes no value`);
    } else if (eq < 0) {
      // A string option takes the next word as its value, whatever it looks like.
      if (i + 1 >= rawArgs.length) throw new UsageError(`${command}: --${name} needs a value`);
      i++;
    }
  }
  if (!open && words.length > positionals) {
    const extra = words[positionals]!;
    throw new UsageError(`${command}: unexpected argument ${extra} (${positionals ? `it takes ${positionals}` : "it takes none"}; see ${command} --help)`);
  }
}

/** `s` as a whole number from 0 to `max` (decimal or 0x hex), else a UsageError naming `--flag`. */
export function uint(flag: string, s: string | undefined, max: bigint = (1n << 64n) - 1n): bigint {
  let v: bigint | undefined;
  try {
    if (s !== undefined && /^(0x[0-9a-f]+|0o[0-7]+|0b[01]+|\d+)$/i.test(s.trim())) v = BigInt(s.trim());
  } catch {
    // not a number: reported below
  }
  if (v === undefined) throw new UsageError(`--${flag}: not a whole number: ${s ?? "(missing)"}`);
  if (v > max) throw new UsageError(`--${flag}: ${s} is above the largest allowed value 0x${max.toString(16)}`);
  return v;
}

/** A count (1 .. 2^31-1 by default) as a number. */
export function count(flag: string, s: string | undefined, min = 1, max = 0x7fffffff): number {
  const v = uint(flag, s, BigInt(max));
  if (v < BigInt(min)) throw new UsageError(`--${flag}: must be at least ${min}, got ${s}`);
  return Number(v);
}

/** `--features` (compile/config.ts `featuresFrom`) as a feature set, else a UsageError naming `command`. */
export async function featuresArg(command: string, s: string | undefined): Promise<HostFeatures> {
  const { featuresFrom } = await import("../compile/config.ts");
  try {
    return featuresFrom(s ?? "baseline");
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message}`);
  }
}
