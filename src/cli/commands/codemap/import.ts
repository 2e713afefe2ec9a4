/**
 * @file `aot codemap import [--cache-dir D] [--prefix P] [--json]`: aggregate FEX's
 * `codemap/new/*.bin` into `codemap/ready/` (atomic, locked, dependency lists unioned; see
 * src/codemap/aggregate.ts) and print what changed. Exit 1 when a new map was malformed or fed a
 * ready map that could not be written (it is renamed to `.bad`; the other maps still import), 2
 * when another aggregator holds the lock and --no-wait was given (with --wait, the default, it
 * says on stderr that it is waiting and for how long). An explicit
 * `--cache-dir` or `--prefix` beats FEX_APP_CACHE_LOCATION; giving both is a usage error.
 *
 *   aot codemap import --prefix ~/.wine
 *   FEX_APP_CACHE_LOCATION=/tmp/fex/ aot codemap import --json
 */
import { defineCommand } from "citty";
import { UsageError } from "../../../util/errors.ts";
import { errorLine, info, line, warn } from "../../_out.ts";

export default defineCommand({
  meta: { name: "import", description: "Aggregate FEX's new code maps into ready maps" },
  args: {
    "cache-dir": { type: "string", description: "FEX cache dir (default: --prefix's, else FEX_APP_CACHE_LOCATION, $WINEPREFIX's or ~/.wine's LOCALAPPDATA\\fex-emu, else XDG)" },
    prefix: { type: "string", description: "Wine prefix whose LOCALAPPDATA holds fex-emu (beats FEX_APP_CACHE_LOCATION)" },
    wait: { type: "boolean", default: true, description: "Wait up to 30 s for another aggregator holding the lock", negativeDescription: "Fail at once (exit 2) if another aggregator holds the lock" },
    json: { type: "boolean", description: "Machine-readable output" },
  },
  async run({ args }) {
    if (args["cache-dir"] !== undefined && args.prefix !== undefined) throw new UsageError("give --cache-dir or --prefix, not both");
    const { fexCacheDir, aggregateCodeMaps, hex16 } = await import("../../../codemap/index.ts");
    const cd = fexCacheDir({ cacheDir: args["cache-dir"], prefix: args.prefix });
    const r = aggregateCodeMaps(cd.dir, {
      wait: args.wait,
      onWait: (lock, s) => info(`waiting up to ${s} s for another aggregator holding ${lock} (--no-wait: fail at once)`),
    });
    if (args.json) {
      const changed = r.changed.map((c) => ({ ...c, fileId: hex16(c.fileId), bitness: c.bitness ?? null, addedDeps: c.addedDeps.map(hex16) }));
      await line(JSON.stringify({ cacheDir: cd.dir, source: cd.source, ...r, changed }, null, 1));
    } else {
      const from = args["cache-dir"] !== undefined ? "--cache-dir" : args.prefix !== undefined && cd.source === "prefix" ? "--prefix" : cd.source;
      info(`cache dir ${cd.dir} (from ${from})`);
      const lines = [`imported ${r.imported.length} new map(s), skipped ${r.skipped.length}, bad ${r.bad.length}`];
      for (const c of r.changed) {
        const deps = c.addedDeps.length ? `, +${c.addedDeps.length} dependencies` : "";
        lines.push(`  ${c.created ? "created" : "updated"} ${c.name}: +${c.addedBlocks} blocks (${c.totalBlocks} total)${deps}  ${c.path}`);
      }
      if (r.unchanged.length) lines.push(`  unchanged: ${r.unchanged.join(", ")}`);
      await line(lines.join("\n"));
      for (const s of r.skipped) warn(`skipped ${s.file}: ${s.reason}`);
      // Malformed, or feeding a ready map that cannot be written (the reason names which).
      for (const b of r.bad) errorLine(`${b.file} set aside as ${b.file}.bad: ${b.reason}`);
      for (const w of r.warnings) warn(w);
    }
    return r.bad.length ? 1 : 0;
  },
});
