/**
 * @file Builds the single `dist/aot` executable with `bun build --compile`.
 *
 * Workers must be passed as extra entry points or `new Worker(new URL("./x.worker.ts", import.meta.url))`
 * fails at run time inside the binary (environment.md section 1), so every `*.worker.ts` under src/
 * is added. `--bytecode --format=esm` roughly halves start-up; @napi-rs/canvas is imported lazily
 * by the report command only, so every other verb works even where the embedded Skia addon
 * cannot be extracted.
 *
 *   bun run build                      # dist/aot for this machine
 *   bun run build --target=bun-linux-arm64 --outfile=dist/aot-arm64
 */
import { Glob } from "bun";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  args: Bun.argv.slice(2),
  options: { target: { type: "string" }, outfile: { type: "string", default: "dist/aot" } },
});

const workers = [...new Glob("src/**/*.worker.ts").scanSync(".")].sort();
const cmd = [
  "bun", "build", "--compile", "--bytecode", "--format=esm", "--minify-syntax",
  ...(values.target ? [`--target=${values.target}`] : []),
  "src/cli/main.ts", ...workers,
  "--outfile", values.outfile!,
];
const proc = Bun.spawnSync(cmd, { stdout: "inherit", stderr: "inherit" });
if (proc.exitCode !== 0) {
  console.error(`build: bun build failed (exit ${proc.exitCode})`);
  process.exit(1);
}
console.log(`build: wrote ${values.outfile} (${workers.length} worker entry points)`);
