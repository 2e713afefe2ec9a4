/**
 * @file `aot inspect <pe> [--json] [--hash]`: what the PE loader (stage 1) sees in one image: headers,
 * sections, imports, delay imports, exports, relocations, TLS callbacks, .pdata, debug entries,
 * the load config with hybrid code ranges and volatile metadata, and FEX's FileId. `--disasm`
 * prints the ARM64/ARM64EC code ranges disassembled instead (with --json: one line per range,
 * `{"kind", "start", "end", "lines": [...]}` with lines in `aot disasm --json`'s shape).
 *
 * Addresses (imageBase, VAs, fileId) are hex strings in JSON because they can exceed 2^53; RVAs
 * are numbers. A missing, truncated or non-PE file is one error line and exit 2. Findings
 * (PeFile.warnings: capped tables, a damaged directory the loader skips at the preferred base) are
 * one stderr line each and exit 1; `--json` also lists them under `warnings`.
 *
 * The SHA-256 of the whole file (`contentHash`, the identity `aot compile` records in a cache)
 * is computed only with `--hash`: it reads every byte of the file, and an installer's overlay can
 * be gigabytes the loader never maps (a 4.4 GB file: 30 s), so without it inspect's work follows
 * the headers and tables it reads. Without `--hash`, JSON has `"contentHash": null`. The FileId
 * (from the name, SizeOfImage and TimeDateStamp, as FEX computes it) is always printed.
 *
 *   aot inspect notepad.exe
 *   aot inspect setup.exe --hash              # also the file's SHA-256
 *   aot inspect kernel32.dll --json | jq '.exports | length'
 *   aot inspect arm64ec.dll --disasm
 */
import { defineCommand } from "citty";
import { UsageError } from "../../util/errors.ts";
import { line as print, info, warn } from "../_out.ts";

const hx = (v: number | bigint): string => `0x${v.toString(16)}`;

export default defineCommand({
  meta: { name: "inspect", description: "Show what the PE loader sees in an image" },
  args: {
    pe: { type: "positional", description: "PE image (.exe/.dll)", required: true },
    json: { type: "boolean", description: "Machine-readable output (one JSON object)" },
    disasm: { type: "boolean", description: "Disassemble the ARM64/ARM64EC code ranges instead" },
    hash: { type: "boolean", description: "Also print the file's SHA-256 (reads the whole file, overlays included; JSON contentHash is null without it)" },
  },
  async run({ args }) {
    if (args.disasm && args.hash) throw new UsageError("--hash does not apply to --disasm");
    const { loadPeFile, fileIdHex, MACHINE_NAMES, SUBSYSTEM_NAMES, DEBUG_TYPE_NAMES, sectionFlagNames } = await import("../../pe/index.ts");
    const pe = await loadPeFile(String(args.pe));
    // Findings (capped tables, directories the loader skips at the preferred base): exit 1.
    for (const w of pe.warnings) warn(`${pe.file}: ${w}`);
    const findings = pe.warnings.length ? 1 : 0;
    if (args.disasm) {
      const { arm64Ranges } = await import("../_arm64-ranges.ts");
      const { formatArm64Line } = await import("../../arm64/index.ts");
      const ranges = arm64Ranges(pe);
      if (!ranges.length) info(`${pe.file}: no ARM64 or ARM64EC code`);
      for (const r of ranges) {
        if (args.json) await print(JSON.stringify({ kind: r.kind, start: r.start, end: r.end, lines: r.lines.map((l) => JSON.parse(formatArm64Line(l, true))) }));
        else await print([`${r.kind} code ${hx(r.start)}-${hx(r.end)}:`, ...r.lines.map((l) => formatArm64Line(l))].join("\n"));
      }
      return findings;
    }
    const lc = pe.loadConfig;
    const report = {
      file: pe.file,
      machine: hx(pe.machine),
      machineName: MACHINE_NAMES[pe.hybridMachine ?? pe.machine] ?? "unknown",
      ...(pe.hybridMachine !== undefined ? { hybridMachine: hx(pe.hybridMachine) } : {}),
      format: pe.format,
      isDll: pe.isDll,
      imageBase: hx(pe.imageBase),
      sizeOfImage: pe.sizeOfImage,
      timeDateStamp: pe.timeDateStamp,
      entryRva: pe.entryRva,
      characteristics: pe.characteristics,
      subsystem: SUBSYSTEM_NAMES[pe.subsystem] ?? String(pe.subsystem),
      sections: pe.sections.map((s) => ({ name: s.name, rva: s.rva, virtualSize: s.virtualSize, rawSize: s.rawSize, rawOffset: s.rawOffset, flags: s.flags, executable: s.executable })),
      imports: pe.imports.map((d) => ({ dll: d.dll, functions: d.functions })),
      delayImports: pe.delayImports.map((d) => ({ dll: d.dll, functions: d.functions })),
      exportName: pe.exportName ?? null,
      exports: pe.exports,
      relocationCount: pe.relocations.count,
      tlsCallbacks: pe.tlsCallbacks.map(hx),
      functionStarts: pe.functionStarts.length,
      debug: pe.debug.map((d) => ({ type: DEBUG_TYPE_NAMES[d.type] ?? d.type, size: d.sizeOfData, rva: d.addressOfRawData, ...(d.codeView ? { codeView: d.codeView } : {}) })),
      loadConfig: lc
        ? {
            size: lc.size,
            ...(lc.securityCookie !== undefined ? { securityCookie: hx(lc.securityCookie) } : {}),
            ...(lc.chpeMetadataPointer ? { chpeMetadataPointer: hx(lc.chpeMetadataPointer), chpeVersion: lc.chpeVersion } : {}),
            ...(lc.volatileMetadataPointer ? { volatileMetadataPointer: hx(lc.volatileMetadataPointer) } : {}),
            hybrid: lc.hybrid ?? [],
            volatileMetadata: lc.volatileMetadata ?? null,
          }
        : null,
      fileId: fileIdHex(pe.fileId),
      // Only on request: hashing reads every byte, overlays the loader never maps included.
      contentHash: args.hash ? pe.contentHash : null,
      warnings: pe.warnings,
    };
    if (args.json) {
      await print(JSON.stringify(report));
      return findings;
    }
    const out: string[] = [];
    const line = (s = ""): void => void out.push(s);
    line(`${pe.file}: ${report.format} ${report.machineName} (${report.machine}) ${pe.isDll ? "DLL" : "EXE"}, ${report.subsystem}`);
    line(`  image base ${report.imageBase}, size ${hx(pe.sizeOfImage)}, entry RVA ${hx(pe.entryRva)}, timestamp ${hx(pe.timeDateStamp)}`);
    line(`  FileId ${report.fileId}${report.contentHash ? `  sha256 ${report.contentHash}` : ""}`);
    line(`sections (${pe.sections.length}):`);
    for (const s of pe.sections) {
      line(`  ${s.name.padEnd(16)} rva ${hx(s.rva).padEnd(10)} vsize ${hx(s.virtualSize).padEnd(10)} raw ${hx(s.rawSize).padEnd(10)} ${hx(s.flags)} ${sectionFlagNames(s.flags).join(" ")}`);
    }
    for (const [title, list] of [["imports", pe.imports], ["delay imports", pe.delayImports]] as const) {
      if (!list.length) continue;
      line(`${title} (${list.length} DLLs):`);
      for (const d of list) {
        const fns = d.functions.map((f) => ("name" in f ? f.name : `#${f.ordinal}`));
        line(`  ${d.dll} (${fns.length}): ${fns.slice(0, 8).join(", ")}${fns.length > 8 ? ", ..." : ""}`);
      }
    }
    if (pe.exports.length) {
      const fwd = pe.exports.filter((e) => e.forwarder).length;
      line(`exports (${pe.exports.length}, ${fwd} forwarded) from ${pe.exportName || "?"}:`);
      for (const e of pe.exports.slice(0, 20)) line(`  ${String(e.ordinal).padStart(5)} ${e.name ?? "(no name)"} ${e.forwarder ? `-> ${e.forwarder}` : hx(e.rva ?? 0)}`);
      if (pe.exports.length > 20) line(`  ... ${pe.exports.length - 20} more (use --json)`);
    }
    line(`relocations: ${pe.relocations.count}`);
    if (pe.tlsCallbacks.length) line(`TLS callbacks: ${report.tlsCallbacks.join(", ")}`);
    if (pe.functionStarts.length) line(`.pdata functions: ${pe.functionStarts.length}`);
    for (const d of report.debug) line(`debug: ${d.type} (${d.size} bytes)${d.codeView ? ` ${d.codeView.pdb}` : ""}`);
    if (lc) {
      line(`load config: size ${lc.size}${lc.chpeMetadataPointer ? `, CHPE v${lc.chpeVersion} at ${hx(lc.chpeMetadataPointer)}` : ""}`);
      for (const r of lc.hybrid ?? []) line(`  code range ${hx(r.start)}-${hx(r.end)} ${r.kind}`);
      const vm = lc.volatileMetadata;
      if (vm) line(`  volatile metadata v${vm.version}: ${vm.accessRvas.length} accesses, ${vm.infoRanges.length} info ranges`);
    }
    await print(out.join("\n"));
    return findings;
  },
});
