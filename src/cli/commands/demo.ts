/**
 * @file `aot demo`: the main job on an embedded default. Runs every stage that exists on the
 * sample programs embedded in the binary (samples/hello32.exe and hello64.exe, built from
 * samples/hello/hello.c): PE loading, the DLL closure inside the Wine prefix (or Wine's builtin
 * folders when there is none), static code discovery with the x86 decoder from the entry points
 * the image declares, a FEX code map of the discovered blocks written into a FEX cache-dir
 * layout and aggregated into ready maps, every block translated, then the main job: both samples
 * placed in a temporary Wine prefix, `aot compile --discover` of their whole closures (one code
 * cache per image) and `aot verify --exec` of those caches (structure, identity, sampled blocks of
 * the cached code run on Unicorn ARM64 against Unicorn x86). Everything goes to a fresh
 * temporary folder that is removed afterwards unless `--keep`.
 *
 *   aot demo            # human-readable
 *   aot demo --json     # one JSON object
 */
import { defineCommand } from "citty";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { aggregateCodeMaps, buildCodeMap, encodeCodeMap, newMapName, type CodeMapImage } from "../../codemap/index.ts";
import { fileIdHex, MACHINE_NAMES, mapImage, parsePe } from "../../pe/index.ts";
import { declaredEntries, x86Ranges } from "../../compile/images.ts";
import { discover } from "../../x86/index.ts";
import { dependencyClosure, findPrefix } from "../../prefix/index.ts";
import { info, line } from "../_out.ts";
import { sampleBytes, sampleName } from "../_samples.ts";

export default defineCommand({
  meta: { name: "demo", description: "Run aot's stages on the embedded sample program" },
  args: {
    json: { type: "boolean", description: "One JSON object instead of text" },
    keep: { type: "boolean", description: "Keep the temporary folder and print its path" },
    prefix: { type: "string", description: "Wine prefix for the DLL closure (default: $WINEPREFIX, ~/.wine, else Wine's builtin folders)" },
  },
  async run({ args }) {
    const work = mkdtempSync(join(tmpdir(), "aot-demo-"));
    const say = (msg: string) => void (!args.json && line(msg));
    const report: Record<string, unknown> = { workDir: work, images: [] as unknown[] };
    try {
      const cacheDir = join(work, "fex-emu");
      mkdirSync(join(cacheDir, "codemap", "new"), { recursive: true });
      for (const bits of [32, 64] as const) {
        const name = sampleName(bits);
        const path = join(work, name);
        const bytes = await sampleBytes(bits);
        writeFileSync(path, bytes);

        // Stage 1: the PE loader.
        const pe = parsePe(bytes, name);
        const machine = MACHINE_NAMES[pe.machine] ?? `0x${pe.machine.toString(16)}`;
        say(`\n${name}: ${pe.format} ${machine}, image base 0x${pe.imageBase.toString(16)}, entry RVA 0x${pe.entryRva.toString(16)}, FileId ${fileIdHex(pe.fileId)}`);
        say(`  sections: ${pe.sections.map((s) => `${s.name}${s.executable ? "(x)" : ""}`).join(" ")}`);
        say(`  imports: ${pe.imports.map((d) => `${d.dll} (${d.functions.length})`).join(", ")}`);

        // Stage 2: the DLL closure inside the prefix.
        const prefix = findPrefix({ prefix: args.prefix, exe: path });
        const closure = dependencyClosure(path, { prefix });
        say(`  DLL closure (${prefix ? `prefix ${prefix.root}` : "no prefix: Wine's builtin folders"}): ${closure.images.length - 1} DLLs, ${closure.unresolved.length} unresolved`);
        for (const u of closure.unresolved) say(`    unresolved ${u.name} (imported by ${u.importer}): ${u.reason}`);

        // Stage 4: static discovery from the declared entry points, inside executable ranges only.
        const img = mapImage(pe);
        const ranges = img.executableRanges.map((r) => ({ va: Number(r.start), bytes: img.read(r.start, Number(r.end - r.start)) }));
        const entries = declaredEntries(pe, x86Ranges(pe, img)).map((rva) => Number(img.base) + rva);
        const found = discover(ranges, entries, pe.is64 ? 64 : 32);
        say(`  discovery: ${entries.length} declared entry points -> ${found.blocks.size} blocks, ${found.insns.size} instructions, ${found.functions.size} functions`);

        // Stage 3: a FEX code map of the discovered blocks, then aggregation to a ready map.
        const blocks = new Set([...found.blocks.keys()].map((va) => va - Number(pe.imageBase)));
        const image: CodeMapImage = { fileId: pe.fileId, path: `c:\\demo\\${name}`, blocks, bitness: bits };
        writeFileSync(join(cacheDir, "codemap", "new", newMapName(image, 0)), encodeCodeMap(buildCodeMap([image])));
        (report.images as unknown[]).push({
          name,
          format: pe.format,
          machine,
          fileId: fileIdHex(pe.fileId),
          sections: pe.sections.length,
          imports: pe.imports.length,
          closure: closure.images.slice(1).map((i) => i.name),
          unresolved: closure.unresolved,
          discovered: { entries: entries.length, blocks: found.blocks.size, instructions: found.insns.size, functions: found.functions.size },
          codeMapBlocks: blocks.size,
        });
        say(`  code map: ${blocks.size} blocks written to codemap/new`);

        // Stages 5-6: translate every discovered block x86 → IR → ARM64 (position independent).
        const { Translator } = await import("../../compile/translate.ts");
        const { BASELINE } = await import("../../arm64/features.ts");
        const tr = new Translator({ mode: bits, lower: { features: BASELINE, memoryOrder: "tso", pic: true, imageBase: img.base } });
        let insns = 0, words = 0, fallbacks = 0;
        const byMnemonic = new Map<string, number>();
        for (const va of found.blocks.keys()) {
          const r = img.executableRanges.find((x) => BigInt(va) >= x.start && BigInt(va) < x.end)!;
          const tb = tr.translate(img.memory, va - Number(img.base), Number(r.end - img.base), BigInt(va));
          insns += tb.insnCount;
          words += tb.code.length;
          if (tb.fallback) { fallbacks++; byMnemonic.set(tb.fallback, (byMnemonic.get(tb.fallback) ?? 0) + 1); }
        }
        const top = [...byMnemonic.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
        say(`  translation: ${found.blocks.size} blocks, ${insns} x86 instructions -> ${words} ARM64 instructions; ${found.blocks.size - fallbacks} blocks without fallback` +
          (top.length ? ` (fallbacks: ${top.map(([m, n]) => `${m} ${n}`).join(", ")})` : ""));
        (report.images as Record<string, unknown>[]).at(-1)!.translation = { blocks: found.blocks.size, insns, arm64Words: words, fallbackBlocks: fallbacks };
      }

      // Stages 8-9, the main job: `aot compile` of both samples' closures in a temporary prefix, then `aot verify --exec`.
      const { compileExe } = await import("../../compile/compile.ts");
      const { verifyCaches } = await import("../../verify/cache-verify.ts");
      const pfx = join(work, "prefix"), win = join(pfx, "drive_c", "windows");
      for (const d of [join(win, "system32"), join(win, "syswow64"), join(pfx, "drive_c", "demo")]) mkdirSync(d, { recursive: true });
      writeFileSync(join(pfx, "system.reg"), "WINE REGISTRY Version 2\n#arch=win64\n");
      const exes: string[] = [];
      for (const bits of [32, 64] as const) {
        const exe = join(pfx, "drive_c", "demo", sampleName(bits));
        writeFileSync(exe, await sampleBytes(bits));
        exes.push(exe);
      }
      const fexDir = join(work, "fex-cache");
      const comp = await compileExe({ exes, prefix: pfx, discover: true, cacheDir: fexDir, env: { ...process.env, WINEPREFIX: undefined } });
      const t = comp.totals;
      say(`\naot compile --discover (temporary prefix ${pfx}; DLLs from ${comp.images.some((i) => i.path.startsWith(pfx + "/drive_c/windows")) ? "the prefix" : "Wine's builtin folders"}):`);
      for (const e of comp.exes) say(`  ${e.path.slice(e.path.lastIndexOf("/") + 1)}: ${e.target}, ${e.images} images`);
      say(`  ${t.compiled} caches written (${(t.cacheBytes / 1048576).toFixed(1)} MiB), ${t.blocks} blocks, ${t.blocks ? ((100 * t.translated) / t.blocks).toFixed(1) : "0"}% without fallback, ` +
        `${comp.seconds.toFixed(1)} s on ${comp.jobs} translator thread(s), ${Math.round(comp.insnsPerSecond / 1000)} k guest instructions/s`);
      // A DLL Wine does not have here (wine32 is often missing) only shrinks that closure: a note, not a failure.
      const unresolved = comp.findings.filter((f) => / is not resolved: /.test(f));
      const findings = comp.findings.filter((f) => !unresolved.includes(f));
      for (const f of unresolved) say(`  note: ${f}`);
      for (const f of findings) say(`  finding: ${f}`);
      const ver = verifyCaches(exes, { prefix: pfx, cacheDir: fexDir, exec: 100, seed: 1, env: { ...process.env, WINEPREFIX: undefined } });
      const ex = ver.caches.reduce((a, c) => ({ blocks: a.blocks + (c.exec?.blocks ?? 0), states: a.states + (c.exec?.states ?? 0), bad: a.bad + (c.exec?.mismatchBlocks ?? 0) }), { blocks: 0, states: 0, bad: 0 });
      say(`aot verify --exec 100 --seed 1: ${ver.caches.length} caches, ${ver.counts.ok} ok, ${ver.failing} with findings; ` +
        `${ex.blocks} cached blocks run on Unicorn's ARM64 CPU from ${ex.states} random states, ${ex.bad} disagreeing with Unicorn's x86 CPU`);
      for (const c of ver.caches) for (const f of c.findings) say(`  ${c.verdict} ${c.path.slice(c.path.lastIndexOf("/") + 1)}: ${f.split("\n")[0]}`);
      report.compile = { images: t.images, compiled: t.compiled, blocks: t.blocks, translated: t.translated, cacheBytes: t.cacheBytes, seconds: comp.seconds, findings: comp.findings };
      report.verify = { caches: ver.caches.length, ok: ver.counts.ok, failing: ver.failing, execBlocks: ex.blocks, execStates: ex.states, execMismatches: ex.bad };
      const mainJobOk = findings.length === 0 && t.failed === 0 && ver.failing === 0;

      // Stage 10: run the embedded fib64.bin translated on Unicorn's ARM64 CPU, against Unicorn's x86 CPU.
      const { sampleRunBytes } = await import("../_samples.ts");
      const { runTranslated } = await import("../../runtime/run.ts");
      const { runX86 } = await import("../../verify/x86-run.ts");
      const raw = await sampleRunBytes();
      const runOpts = { bits: 64 as const, image: { raw, base: 0x140000000n }, stack: { addr: 0x7ff00000n, size: 0x10000 } };
      const got = runTranslated(runOpts), want = runX86(runOpts);
      const same = got.stop === want.stop && got.rip === want.rip && got.eflags === want.eflags && JSON.stringify(got.regs) === JSON.stringify(want.regs);
      report.run = { program: "fib64.bin", stop: got.stop, rax: got.regs.rax, blocks: got.blocks, fallbacks: got.fallbacks, matchesUnicornX86: same };
      say(`\nfib64.bin (recursive fib(20)) translated, on Unicorn's ARM64 CPU: stop ${got.stop}, rax ${got.regs.rax} (= 6765), ${got.blocks} blocks run, ${got.fallbacks} fallbacks; ` +
        `final state ${same ? "identical to" : "DIFFERENT from"} Unicorn's x86 CPU running the x86 code`);
      const agg = aggregateCodeMaps(cacheDir);
      report.readyMaps = agg.changed.map((c) => ({ name: c.name, blocks: c.totalBlocks }));
      say(`\nready maps in ${join(cacheDir, "codemap", "ready")}: ${agg.changed.map((c) => `${c.name} (${c.totalBlocks} blocks)`).join(", ")}`);
      if (args.json) await line(JSON.stringify(report));
      return (report.run as { matchesUnicornX86: boolean }).matchesUnicornX86 && mainJobOk ? 0 : 1;
    } finally {
      if (args.keep) info(`kept ${work}`);
      else rmSync(work, { recursive: true, force: true });
    }
  },
});
