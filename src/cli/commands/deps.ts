/**
 * @file `aot deps <exe> [--prefix P] [--json] [--no-forwarders] [--no-delay]`: the DLL closure of
 * an executable as the Windows loader would resolve it inside a Wine prefix (stage 2): a tree on
 * stdout, every unresolved name on one line with its reason (the prefix in use goes to stderr).
 * Exit 0 when everything resolves, 1 when something is unresolved or an image has findings
 * (PeFile.warnings, one stderr line each: e.g. a relocation table the loader would not apply), 2 on
 * bad input (not a PE, not a prefix).
 *
 * JSON: {prefix, images: [{name, path, bitness, via, importedBy, skipped?, apiSetHost?}],
 *        unresolved: [{name, importer, reason}], warnings: [{image, path, warning}]}
 *
 *   aot deps ~/.wine/drive_c/windows/notepad.exe
 *   aot deps game.exe --prefix ~/games/pfx --json | jq '.unresolved'
 */
import { defineCommand } from "citty";
import { info, line, warn } from "../_out.ts";

export default defineCommand({
  meta: { name: "deps", description: "Resolve an executable's DLL dependency closure in a Wine prefix" },
  args: {
    exe: { type: "positional", description: "Executable (.exe) or DLL whose imports to resolve", required: true },
    prefix: { type: "string", description: "Wine prefix (default: $WINEPREFIX, the exe's enclosing prefix, ~/.wine)" },
    forwarders: { type: "boolean", default: true, description: "Follow export forwarders to other DLLs", negativeDescription: "Do not follow export forwarders (imports only)" },
    delay: { type: "boolean", default: true, description: "Follow delay imports", negativeDescription: "Skip delay imports" },
    json: { type: "boolean", description: "Machine-readable output" },
  },
  async run({ args }) {
    const { findPrefix, dependencyClosure } = await import("../../prefix/index.ts");
    const exe = String(args.exe);
    const prefix = findPrefix({ prefix: args.prefix, exe });
    const c = dependencyClosure(exe, { prefix, forwarders: args.forwarders, delayImports: args.delay });
    for (const w of c.warnings) warn(`${w.path}: ${w.warning}`);
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
      await line(JSON.stringify({ prefix: prefix?.root ?? null, images, unresolved: c.unresolved, warnings: c.warnings }, null, 1));
    } else {
      info(prefix ? `prefix ${prefix.root} (${prefix.arch}, from ${prefix.source})` : "no Wine prefix: application folder and Wine builtins only");
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
      // Unresolved names are findings, so they are part of the result: one line each.
      for (const u of c.unresolved) lines.push(`unresolved ${u.name} (imported by ${u.importer}): ${u.reason}`);
      lines.push(`${c.images.length} images, ${c.unresolved.length} unresolved`);
      await line(lines.join("\n"));
    }
    return c.unresolved.length || c.warnings.length ? 1 : 0;
  },
});
