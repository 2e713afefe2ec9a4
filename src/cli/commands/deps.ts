/**
 * @file `aot deps <exe> [--prefix P] [--json] [--no-forwarders] [--no-delay]`: the DLL closure of
 * an executable as the Windows loader would resolve it inside a Wine prefix (stage 2): a tree on
 * the terminal, every unresolved name with its reason. Exit 0 when everything resolves, 1 when
 * something is unresolved, 2 on bad input (not a PE, not a prefix).
 *
 * JSON: {prefix, images: [{name, path, bitness, via, importedBy, skipped?, apiSetHost?}],
 *        unresolved: [{name, importer, reason}]}
 *
 *   aot deps ~/.wine/drive_c/windows/notepad.exe
 *   aot deps game.exe --prefix ~/games/pfx --json | jq '.unresolved'
 */
import { defineCommand } from "citty";
import { consola } from "consola";
import { UsageError } from "../../util/errors.ts";

export default defineCommand({
  meta: { name: "deps", description: "Resolve an executable's DLL dependency closure in a Wine prefix" },
  args: {
    exe: { type: "positional", description: "executable (.exe)", required: false },
    prefix: { type: "string", description: "Wine prefix (default: $WINEPREFIX, the exe's enclosing prefix, ~/.wine)" },
    forwarders: { type: "boolean", default: true, description: "Follow export forwarders to other DLLs (--no-forwarders: imports only)" },
    delay: { type: "boolean", default: true, description: "Follow delay imports (--no-delay to skip)" },
    json: { type: "boolean", description: "Machine-readable output" },
  },
  async run({ args }) {
    if (!args.exe) throw new UsageError("usage: aot deps <exe> [--prefix P] [--json]");
    const { findPrefix, dependencyClosure } = await import("../../prefix/index.ts");
    const exe = String(args.exe);
    const prefix = findPrefix({ prefix: args.prefix, exe });
    const c = dependencyClosure(exe, { prefix, forwarders: args.forwarders, delayImports: args.delay });
    if (args.json) {
      const images = c.images.map((i) => ({
        name: i.name,
        path: i.path,
        bitness: i.bitness,
        via: i.via,
        importedBy: i.importedBy,
        ...(i.apiSetHost ? { apiSetHost: i.apiSetHost } : {}),
        ...(i.skipped.length ? { skipped: i.skipped } : {}),
      }));
      console.log(JSON.stringify({ prefix: prefix?.root ?? null, images, unresolved: c.unresolved }, null, 1));
    } else {
      consola.info(prefix ? `prefix ${prefix.root} (${prefix.arch}, from ${prefix.source})` : "no Wine prefix: application folder and Wine builtins only");
      // Tree: each image under the first importer that reached it; later importers are listed.
      const children = new Map<string, string[]>();
      for (const i of c.images.slice(1)) {
        const parent = i.importedBy[0]!;
        children.set(parent, [...(children.get(parent) ?? []), i.name]);
      }
      const byName = new Map(c.images.map((i) => [i.name, i]));
      const lines: string[] = [];
      const walk = (name: string, indent: string): void => {
        const i = byName.get(name)!;
        const also = i.importedBy.length > 1 ? `  (also ${i.importedBy.slice(1).join(", ")})` : "";
        const api = i.apiSetHost ? ` -> ${i.apiSetHost}` : "";
        lines.push(`${indent}${name}${api}  [${i.via}] ${i.path}${also}`);
        for (const s of i.skipped) lines.push(`${indent}  skipped ${s.path}: ${s.reason}`);
        for (const ch of children.get(name) ?? []) walk(ch, indent + "  ");
      };
      walk(c.root.name, "");
      console.log(lines.join("\n"));
      for (const u of c.unresolved) consola.error(`unresolved ${u.name} (imported by ${u.importer}): ${u.reason}`);
      console.log(`${c.images.length} images, ${c.unresolved.length} unresolved`);
    }
    return c.unresolved.length ? 1 : 0;
  },
});
