/**
 * @file `aot bench [suite]`: measurements against a peer run in the same process. With no suite
 * it runs every suite in turn. Suites are lazy subcommands in `bench/<suite>.ts`.
 */
import { defineCommand, runCommand, type ArgsDef, type CommandDef } from "citty";

// Each suite declares its own args; the registry only needs to load and run them.
type AnyCommand = CommandDef<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const suites: Record<string, () => Promise<AnyCommand>> = {
  // suites are added here, one lazy line each, sorted
  cache: () => import("./bench/cache.ts").then((m) => m.default),
  compile: () => import("./bench/compile.ts").then((m) => m.default),
  coverage: () => import("./bench/coverage.ts").then((m) => m.default),
  decode: () => import("./bench/decode.ts").then((m) => m.default),
  encode: () => import("./bench/encode.ts").then((m) => m.default),
  quality: () => import("./bench/quality.ts").then((m) => m.default),
  translate: () => import("./bench/translate.ts").then((m) => m.default),
};

export default defineCommand({
  meta: { name: "bench", description: "Measure aot against in-process peers (decode, encode, ...)" },
  args: { json: { type: "boolean", description: "One JSON object per suite" } },
  subCommands: suites,
  async run({ rawArgs }) {
    // citty calls the parent's run after a subcommand too; only run everything when none was named.
    if (rawArgs.some((a) => a in suites)) return;
    for (const load of Object.values(suites)) await runCommand((await load()) as CommandDef<ArgsDef>, { rawArgs });
  },
});
