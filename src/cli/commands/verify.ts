/**
 * @file `aot verify [CACHE|EXE|DIR...] [--exec N] [--states K] [--seed S] [--prefix P]
 * [--cache-dir D] [--json]`: can these code caches be trusted (src/verify/cache-verify.ts)? For
 * each cache file, every cache in a folder, or the caches `aot compile` writes for an
 * executable's closure (no argument: the cache folder of the prefix): structure, identity against
 * the image on disk (stale, foreign, mismatched, missing), and with `--exec N` N sampled blocks
 * of each cache run on Unicorn's ARM64 engine against Unicorn's x86 engine (seed printed).
 * Exit 0 clean, 1 findings, 2 bad input (one line).
 *
 * JSON: {seed, counts: {ok, corrupt, foreign, stale, mismatched, missing, exec-mismatch}, failing,
 *        caches: [{path, verdict, findings, notes, image?, blocks, exec?}]}
 *
 *   aot verify ~/.wine/drive_c/windows/notepad.exe --exec 1000
 *   aot verify ~/.cache/fex-emu/cache --json | jq '.caches[] | select(.verdict != "ok")'
 */
import { defineCommand } from "citty";
import { count, uint, variadic } from "../_args.ts";
import { info, line } from "../_out.ts";

export default defineCommand({
  meta: { name: "verify", description: "Check code caches: structure, identity against the image, and (--exec N) sampled blocks run differentially" },
  args: {
    inputs: variadic({ type: "positional" as const, description: "Cache files, folders of caches, or executables (their closure's caches); default: the prefix's cache folder", required: false as const }),
    exec: { type: "string", description: "Run N sampled blocks of each cache on Unicorn ARM64 against Unicorn x86" },
    states: { type: "string", description: "Random initial states per block with --exec (default 8)" },
    seed: { type: "string", description: "Seed for block sampling, states and the code address (default 1)" },
    prefix: { type: "string", description: "Wine prefix the images are found in (default: $WINEPREFIX, the exe's enclosing prefix, ~/.wine)" },
    "cache-dir": { type: "string", description: "FEX cache folder (caches in its cache/); default as aot compile finds it" },
    json: { type: "boolean", description: "One JSON object" },
  },
  async run({ args }) {
    const { verifyCaches } = await import("../../verify/cache-verify.ts");
    const exec = args.exec === undefined ? 0 : count("exec", args.exec, 0);
    const states = args.states === undefined ? undefined : count("states", args.states);
    const seed = args.seed === undefined ? 1 : Number(uint("seed", args.seed, 0xffffffffn));
    const inputs = args._.map(String);
    const tty = !args.json && process.stderr.isTTY;
    let n = 0;
    const r = verifyCaches(inputs, {
      exec, states, seed, prefix: args.prefix, cacheDir: args["cache-dir"],
      // Printed as each cache finishes (line() never loses output; the final drain waits for it).
      onCache: (c) => {
        n++;
        if (args.json) return;
        const what = c.image ? `${c.image.name}${c.image.target ? `, ${c.image.target}` : ""}, ${c.blocks} blocks` : "";
        const ex = c.exec ? `; exec ${c.exec.blocks} blocks x ${c.exec.states / Math.max(1, c.exec.blocks) | 0} states, ${c.exec.mismatchBlocks} mismatching, ${Object.values(c.exec.skipped).reduce((a, b) => a + b, 0)} skipped` : "";
        void line(`${c.verdict.padEnd(13)} ${c.path}${what || ex ? `  (${what}${ex})` : ""}`);
        for (const f of c.findings) void line(f.split("\n").map((l) => `  ${l}`).join("\n"));
        for (const note of c.notes) if (tty) info(`  note: ${note}`);
      },
    });
    if (args.json) {
      await line(JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? `0x${v.toString(16)}` : v), 1));
    } else {
      const parts = Object.entries(r.counts).filter(([, v]) => v).map(([k, v]) => `${v} ${k}`);
      await line(`${n} caches: ${parts.join(", ") || "none"}${exec ? `; --exec ${exec} with seed ${r.seed}` : ""}`);
    }
    return r.failing ? 1 : 0;
  },
});
