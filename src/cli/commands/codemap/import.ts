/**
 * @file `aot codemap import [--cache-dir D] [--prefix P] [--json]`: aggregate FEX's
 * `codemap/new/*.bin` into `codemap/ready/` (atomic, locked, dependency lists unioned; see
 * src/codemap/aggregate.ts) and print what changed. Exit 1 when a new map was malformed (it is
 * renamed to `.bad`), 2 when another aggregator holds the lock and --no-wait was given.
 *
 *   aot codemap import --prefix ~/.wine
 *   FEX_APP_CACHE_LOCATION=/tmp/fex/ aot codemap import --json
 */
import { defineCommand } from "citty";
import { consola } from "consola";

export default defineCommand({
  meta: { name: "import", description: "Aggregate FEX's new code maps into ready maps" },
  args: {
    "cache-dir": { type: "string", description: "FEX cache dir (default: FEX_APP_CACHE_LOCATION, the prefix's LOCALAPPDATA\\fex-emu, XDG)" },
    prefix: { type: "string", description: "Wine prefix whose LOCALAPPDATA holds fex-emu" },
    wait: { type: "boolean", default: true, description: "Wait for another aggregator (--no-wait fails instead)" },
    json: { type: "boolean", description: "Machine-readable output" },
  },
  async run({ args }) {
    const { fexCacheDir, aggregateCodeMaps, hex16 } = await import("../../../codemap/index.ts");
    const cd = fexCacheDir({ cacheDir: args["cache-dir"], prefix: args.prefix });
    const r = aggregateCodeMaps(cd.dir, { wait: args.wait });
    if (args.json) {
      const changed = r.changed.map((c) => ({ ...c, fileId: hex16(c.fileId), bitness: c.bitness ?? null, addedDeps: c.addedDeps.map(hex16) }));
      console.log(JSON.stringify({ cacheDir: cd.dir, source: cd.source, ...r, changed }, null, 1));
    } else {
      consola.info(`cache dir ${cd.dir} (from ${cd.source})`);
      console.log(`imported ${r.imported.length} new map(s), skipped ${r.skipped.length}, bad ${r.bad.length}`);
      for (const c of r.changed) {
        const deps = c.addedDeps.length ? `, +${c.addedDeps.length} dependencies` : "";
        console.log(`  ${c.created ? "created" : "updated"} ${c.name}: +${c.addedBlocks} blocks (${c.totalBlocks} total)${deps}  ${c.path}`);
      }
      if (r.unchanged.length) console.log(`  unchanged: ${r.unchanged.join(", ")}`);
      for (const s of r.skipped) consola.warn(`skipped ${s.file}: ${s.reason}`);
      for (const b of r.bad) consola.error(`malformed ${b.file} (renamed to .bad): ${b.reason}`);
      for (const w of r.warnings) consola.warn(w);
    }
    return r.bad.length ? 1 : 0;
  },
});
