/**
 * @file `aot codemap show|merge|import`: FEX code maps (stage 3). Subcommands live in
 * `codemap/<sub>.ts`, loaded lazily.
 *
 *   aot codemap show game.exe-0123456789abcdef --json
 *   aot codemap merge out.map a.bin b.bin
 *   aot codemap import --prefix ~/.wine
 */
import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "codemap", description: "Read, merge and import FEX code maps" },
  subCommands: {
    import: () => import("./codemap/import.ts").then((m) => m.default),
    merge: () => import("./codemap/merge.ts").then((m) => m.default),
    show: () => import("./codemap/show.ts").then((m) => m.default),
  },
});
