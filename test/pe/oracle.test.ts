/**
 * @file Oracle tests for src/pe against the Wine PE corpora and llvm-readobj-19.
 *
 * (a) Every file of both corpora: PE or not is decided here independently (MZ, e_lfanew, "PE\0\0");
 *     PE files must parse, others must give InputError kind "not-pe".
 * (b) A deterministic sample (every k-th file by name in each corpus, about 50 each, all files
 *     with AOT_SLOW=1; plus kernel32, ntdll, notepad and msvcrt in both, plus the fixtures): sections, imports, delay imports, exports
 *     and the relocation count must equal llvm-readobj-19's.
 * (c) The ARM64EC and ARM64X fixtures' hybrid code ranges equal `llvm-readobj-19 --coff-load-config`.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { count, fixture, sample, wine32Dir, wine64Dir } from "../_env.ts";
import { InputError } from "../../src/util/errors.ts";
import { parsePe, type PeFile } from "../../src/pe/index.ts";
import { DEFAULT_DUMPS, readobj, type ReadObj, type RoExport, type RoFunction } from "./_readobj.ts";
import { buildDelayFixture } from "./_synth.ts";

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => join(dir, f));
}

/** Independent of src/pe: the three checks the Windows loader starts with. */
function looksPe(b: Uint8Array): boolean {
  if (b.length < 0x40 || b[0] !== 0x4d || b[1] !== 0x5a) return false;
  const off = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(0x3c, true);
  return off + 4 <= b.length && b[off] === 0x50 && b[off + 1] === 0x45 && b[off + 2] === 0 && b[off + 3] === 0;
}

describe("(a) both corpora parse", () => {
  for (const [label, dir] of [["x86_64-windows", wine64Dir], ["i386-windows", wine32Dir]] as const) {
    test(label, () => {
      let pe = 0;
      let notPe = 0;
      const failures: string[] = [];
      for (const f of listFiles(dir())) {
        const b = new Uint8Array(readFileSync(f));
        const isPe = looksPe(b);
        try {
          parsePe(b, f);
          if (!isPe) failures.push(`${f}: parsed but is not PE`);
          pe++;
        } catch (e) {
          if (!(e instanceof InputError)) failures.push(`${f}: ${e}`);
          else if (isPe) failures.push(`${f}: PE file rejected: ${e.message}`);
          else if (e.kind !== "not-pe") failures.push(`${f}: non-PE gave kind ${e.kind}`);
          notPe++;
        }
      }
      console.log(`${label}: ${pe} PE files parsed, ${notPe} non-PE files rejected`);
      expect(failures).toEqual([]);
      expect(pe).toBeGreaterThan(600);
    }, 120_000);
  }
});

// ── (b) sample vs llvm-readobj-19 ──

function pickSample(): string[] {
  const named = ["kernel32.dll", "ntdll.dll", "notepad.exe", "msvcrt.dll"];
  const out = new Set<string>();
  for (const dir of [wine64Dir(), wine32Dir()]) {
    const files = listFiles(dir);
    for (const n of named) out.add(join(dir, n));
    const want = count(50, files.length);
    const step = Math.max(1, Math.floor(files.length / want));
    for (let i = 0; i < files.length && out.size < 10_000; i += step) out.add(files[i]!);
  }
  return [...out].filter((f) => {
    const b = readFileSync(f);
    return looksPe(new Uint8Array(b.buffer, b.byteOffset, Math.min(b.length, 1 << 16)));
  });
}

function compare(pe: PeFile, ro: ReadObj, withExports = true): string[] {
  const bad: string[] = [];
  const eq = (what: string, a: unknown, b: unknown): void => {
    if (JSON.stringify(a) !== JSON.stringify(b)) bad.push(`${what}: ours ${JSON.stringify(a)?.slice(0, 300)} readobj ${JSON.stringify(b)?.slice(0, 300)}`);
  };
  eq("sections", pe.sections.map((s) => ({ name: s.name, rva: s.rva, virtualSize: s.virtualSize, rawSize: s.rawSize, flags: s.flags })), ro.sections);
  const fn = (f: RoFunction): RoFunction => ("name" in f ? { name: f.name, hint: f.hint } : { ordinal: f.ordinal });
  const dlls = (l: { dll: string; functions: RoFunction[] }[]) => l.map((d) => ({ dll: d.dll, functions: d.functions.map(fn) }));
  eq("imports", dlls(pe.imports), dlls(ro.imports));
  // readobj prints the delay INT's hint field; lld writes 0 there, as do we read it.
  eq("delayImports", dlls(pe.delayImports), dlls(ro.delayImports));
  // readobj lists every address-table slot with the first name (in name-table order) that maps to
  // it; empty slots (RVA 0) are not exports, so they are dropped from its list.
  const ours = new Map<number, RoExport>();
  for (const e of pe.exports) {
    if (ours.has(e.ordinal)) continue;
    ours.set(e.ordinal, { ordinal: e.ordinal, name: e.name ?? "", ...(e.forwarder !== undefined ? { forwarder: e.forwarder } : { rva: e.rva! }) });
  }
  if (!withExports) {
    eq("relocationCount", pe.relocations.count, ro.relocationCount);
    return bad;
  }
  const theirs = ro.exports.filter((e) => e.forwarder !== undefined || e.rva !== 0);
  eq("exports", [...ours.values()].sort((a, b) => a.ordinal - b.ordinal), theirs.map((e) => ({ ordinal: e.ordinal, name: e.name, ...(e.forwarder !== undefined ? { forwarder: e.forwarder } : { rva: e.rva }) })).sort((a, b) => a.ordinal - b.ordinal));
  eq("relocationCount", pe.relocations.count, ro.relocationCount);
  return bad;
}

describe("(b) sample equals llvm-readobj-19", () => {
  test("sections, imports, delay imports, exports, relocation count", async () => {
    const files = [...pickSample(), sample(32), sample(64), fixture("pe-fwd.dll"), fixture("pe-fwd32.dll"), fixture("pe-user64.exe"), fixture("pe-user32.exe"), buildDelayFixture()];
    expect(files.length).toBeGreaterThanOrEqual(100);
    const failures: string[] = [];
    let delayed = 0;
    const refused: string[] = [];
    let i = 0;
    // Two readobj processes at a time: the machine has two cores.
    const worker = async (): Promise<void> => {
      while (i < files.length) {
        const f = files[i++]!;
        const pe = parsePe(new Uint8Array(readFileSync(f)), f);
        if (pe.delayImports.length) delayed++;
        let ro: ReadObj;
        let withExports = true;
        try {
          ro = await readobj(f);
        } catch (e) {
          // llvm-readobj-19 refuses an export directory with no names whose AddressOfNameOrdinals
          // is 0 (Wine's http.sys); the loader accepts it. Compare everything else.
          if (!/export ordinal table not found/.test(String(e))) throw e;
          refused.push(f.split("/").slice(-2).join("/"));
          ro = await readobj(f, [], DEFAULT_DUMPS.filter((d) => d !== "--coff-exports"));
          withExports = false;
        }
        for (const d of compare(pe, ro, withExports)) failures.push(`${f}: ${d}`);
      }
    };
    await Promise.all([worker(), worker()]);
    console.log(`compared ${files.length} files with llvm-readobj-19 (${delayed} with delay imports; exports not compared for ${refused.join(", ") || "none"})`);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 300_000);
});

describe("(c) hybrid code ranges equal llvm-readobj-19 --coff-load-config", () => {
  for (const name of ["arm64ec.dll", "arm64x.dll"]) {
    test(name, async () => {
      const path = fixture(name);
      const ro = await readobj(path, ["--coff-load-config"]);
      expect(ro.codeMap.length).toBeGreaterThan(0);
      const pe = parsePe(new Uint8Array(readFileSync(path)), path);
      const kinds: Record<string, string> = { ARM64: "arm64", ARM64EC: "arm64ec", X64: "x64" };
      const extra = /ExtraRFETable: (0x[0-9A-F]+)\s+ExtraRFETableSize: (0x[0-9A-F]+)/i.exec(await Bun.spawn(["llvm-readobj-19", "--coff-load-config", path]).stdout.text());
      expect(pe.loadConfig?.extraRfeTable).toEqual({ rva: Number(extra![1]), size: Number(extra![2]) });
      expect(pe.loadConfig?.hybrid as unknown).toEqual(ro.codeMap.map((r) => ({ start: r.start, end: r.end, kind: kinds[r.kind] ?? r.kind })));
    });
  }
});
