#!/usr/bin/env bun
/**
 * @file The `aot` command line: the only place that wires every stage together.
 *
 * Each verb is a citty `defineCommand` in `commands/<verb>.ts`, loaded lazily so `aot --help`
 * never pays for heavy modules (canvas, Unicorn, the decoder tables).
 *
 *   aot inspect game.exe --json
 *   aot deps game.exe --prefix ~/.wine
 */
import { defineCommand } from "citty";
import { VERSION } from "./_version.ts";
import { runCli } from "./_run.ts";

const main = defineCommand({
  meta: {
    name: "aot",
    version: VERSION,
    description: "Ahead-of-time x86 -> ARM64 compiler for Windows programs running under Wine",
  },
  subCommands: {
    // verbs are added here, one lazy line each, sorted
    bench: () => import("./commands/bench.ts").then((m) => m.default),
    codemap: () => import("./commands/codemap.ts").then((m) => m.default),
    compile: () => import("./commands/compile.ts").then((m) => m.default),
    deps: () => import("./commands/deps.ts").then((m) => m.default),
    demo: () => import("./commands/demo.ts").then((m) => m.default),
    disasm: () => import("./commands/disasm.ts").then((m) => m.default),
    inspect: () => import("./commands/inspect.ts").then((m) => m.default),
    run: () => import("./commands/run.ts").then((m) => m.default),
    translate: () => import("./commands/translate.ts").then((m) => m.default),
    verify: () => import("./commands/verify.ts").then((m) => m.default),
  },
});

await runCli(main);
