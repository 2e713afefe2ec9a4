/**
 * @file `aot compile EXE... [--prefix P] [--codemap FILE|DIR] [--discover] [--jobs N]
 * [--target auto|wow64|arm64ec] [--cache-dir D] [--wait] [--json]`: compile each executable and
 * its DLL closure into code caches (src/compile/compile.ts), one per image, in the FEX cache
 * folder's `cache/`. Progress on stderr only when stdout and stderr are terminals; a summary on
 * stdout (images, blocks, share translated without fallback, top 10 fallbacks, cache bytes,
 * seconds, guest instructions per second, peak memory). Exit 0 ok, 1 findings (unresolved DLLs,
 * rejected code-map blocks, images that failed; one stderr line each), 2 usage or input errors
 * (one line: a bad executable, another compile holding the folder without --wait, a full disk).
 *
 *   aot compile ~/.wine/drive_c/windows/notepad.exe --discover
 *   aot compile game.exe --jobs 2 --json | jq .totals
 */
import { defineCommand } from "citty";
import { availableParallelism } from "node:os";
import { UsageError } from "../../util/errors.ts";
import { count, featuresArg, variadic } from "../_args.ts";
import { errorLine, info, line, printable } from "../_out.ts";

const mb = (n: number): string => `${(n / (1 << 20)).toFixed(1)} MiB`;

export default defineCommand({
  meta: { name: "compile", description: "Compile executables and their DLL closures into code caches" },
  args: {
    exe: variadic({ type: "positional" as const, description: "Executables (EXE...)", required: true as const }),
    prefix: { type: "string", description: "Wine prefix (default: $WINEPREFIX, the exe's enclosing prefix, ~/.wine)" },
    codemap: { type: "string", description: "FEX code map file or folder (default: the cache folder's codemap/ready, after importing codemap/new)" },
    discover: { type: "boolean", description: "Find code statically in every image (images without a code map always are)" },
    jobs: { type: "string", description: "Translator threads: this one and N-1 workers (default: the number of cores)" },
    target: { type: "string", default: "auto", description: "auto (32-bit exe: wow64, 64-bit: arm64ec), wow64 or arm64ec" },
    "cache-dir": { type: "string", description: "FEX cache folder (default: --prefix's LOCALAPPDATA\\fex-emu, FEX_APP_CACHE_LOCATION, the exe's prefix's)" },
    wait: { type: "boolean", description: "Wait for another aot compile writing the same cache folder (default: refuse, exit 2)" },
    features: { type: "string", default: "baseline", description: "Host CPU features the code may assume: baseline (ARMv8.0 + LSE: any Windows on Arm machine), host (this ARM64 machine's), or a list of flagm, flagm2" },
    json: { type: "boolean", description: "One JSON object" },
  },
  async run({ args }) {
    const exes = args._.map(String);
    const target = String(args.target);
    if (!["auto", "wow64", "arm64ec"].includes(target)) throw new UsageError(`compile: --target must be auto, wow64 or arm64ec (got ${target})`);
    const jobs = args.jobs === undefined ? undefined : count("jobs", args.jobs, 1, 256);
    const features = await featuresArg("compile", args.features);
    // Several translator threads: run without JavaScriptCore's FTL tier (_jit.ts says why).
    if ((jobs ?? availableParallelism()) >= 2) (await import("../_jit.ts")).reexecWithoutFtl();
    const { compileExe } = await import("../../compile/compile.ts");
    const { LockBusy } = await import("../../compile/lock.ts");
    const tty = !!process.stdout.isTTY && !!process.stderr.isTTY && !args.json;
    let lastDraw = 0;
    let r;
    try {
      r = await compileExe({
        exes, prefix: args.prefix, codemap: args.codemap, discover: args.discover, jobs, target: target as "auto",
        cacheDir: args["cache-dir"], wait: args.wait, features,
        onWait: (m) => info(m),
        onProgress: tty ? (p) => {
          const now = performance.now();
          if (now - lastDraw < 100 && p.imagesDone < p.images) return;
          lastDraw = now;
          process.stderr.write(`\r\x1b[K${p.imagesDone}/${p.images} images, ${p.blocksDone}/${p.blocksKnown} blocks  ${printable(p.current)}`);
        } : undefined,
      });
    } catch (e) {
      // Another compile holds the folder: input-level refusal, one line, exit 2.
      if (e instanceof LockBusy) throw new UsageError(e.message);
      throw e;
    } finally {
      if (tty) process.stderr.write("\r\x1b[K");
    }
    if (args.json) await line(JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 1));
    else {
      const t = r.totals;
      const pct = t.blocks ? ((100 * t.translated) / t.blocks).toFixed(1) : "100.0";
      const lines = [
        ...r.exes.map((x) => `${printable(x.path)}: ${x.target}, ${x.images} images${x.prefix ? ` in prefix ${printable(x.prefix)}` : ""}; caches in ${printable(x.cacheDir)}/cache`),
        `images: ${t.images} (${t.compiled} compiled, ${t.current} current, ${t.failed} failed)`,
        `blocks: ${t.blocks}, ${t.translated} (${pct}%) translated without fallback; ${t.insns} guest instructions` + (t.rejected ? `; ${t.rejected} code-map blocks rejected` : ""),
      ];
      if (r.fallbacks.length) lines.push(`fallbacks: ${r.fallbacks.map(([m, n]) => `${printable(m)} ${n}`).join(", ")}`);
      lines.push(`cache bytes: ${t.cacheBytes} (${mb(t.cacheBytes)})`);
      lines.push(`${r.seconds.toFixed(2)} s on ${r.jobs} translator thread(s), ${Math.round(r.insnsPerSecond / 1000)} k guest instructions/s, peak memory ${mb(r.peakRssBytes)}`);
      if (r.features.length) lines.push(`host features assumed: ${r.features.join(", ")} (the caches run only where the CPU has them)`);
      if (r.volatileMetadata.images.length) lines.push(`${r.volatileMetadata.images.length} image(s) compiled with their volatile metadata applied (listed accesses ordered, the rest of their ranges plain)`);
      if (r.tempRemoved.length) lines.push(`removed ${r.tempRemoved.length} temporary file(s) left by an interrupted compile`);
      await line(lines.join("\n"));
      for (const f of r.findings) errorLine(printable(f));
    }
    return r.findings.length ? 1 : 0;
  },
});
