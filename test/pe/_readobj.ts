/**
 * @file Oracle for test/pe: runs llvm-readobj-19 (which nobody here wrote) and parses its text
 * output (`--elf-output-style=JSON` is not usable for COFF in llvm 19: it repeats "Symbol" keys
 * and mixes arrays with objects). Only the fields the oracle tests compare are kept.
 *
 *   const ro = await readobj(path);   // { sections, imports, delayImports, exports, relocationCount }
 */

export interface RoSection {
  name: string;
  rva: number;
  virtualSize: number;
  rawSize: number;
  flags: number;
}
export type RoFunction = { name: string; hint: number } | { ordinal: number };
export interface RoImport {
  dll: string;
  functions: RoFunction[];
}
export interface RoExport {
  ordinal: number;
  name: string;
  rva?: number;
  forwarder?: string;
}
export interface RoCodeRange {
  start: number;
  end: number;
  kind: string;
}
export interface ReadObj {
  sections: RoSection[];
  imports: RoImport[];
  delayImports: RoImport[];
  exports: RoExport[];
  relocationCount: number;
  codeMap: RoCodeRange[];
}

const num = (s: string): number => (s.startsWith("0x") ? parseInt(s.slice(2), 16) : parseInt(s, 10));

export const DEFAULT_DUMPS = ["--sections", "--coff-imports", "--coff-exports", "--coff-basereloc"];

export async function readobj(path: string, extra: string[] = [], dumps = DEFAULT_DUMPS): Promise<ReadObj> {
  const p = Bun.spawn(["llvm-readobj-19", ...dumps, ...extra, path], { stdout: "pipe", stderr: "pipe" });
  const [text, err, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  if (code !== 0) throw new Error(`llvm-readobj-19 failed on ${path}: ${err}`);
  return parseReadobj(text);
}

export function parseReadobj(text: string): ReadObj {
  const out: ReadObj = { sections: [], imports: [], delayImports: [], exports: [], relocationCount: 0, codeMap: [] };
  const stack: string[] = [];
  let sec: RoSection | undefined;
  let imp: RoImport | undefined;
  let exp: RoExport | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const open = /^([A-Za-z]+) [{[]/.exec(line);
    if (open) {
      const kind = open[1]!;
      stack.push(kind);
      if (kind === "Section" && stack.length === 2) out.sections.push((sec = { name: "", rva: 0, virtualSize: 0, rawSize: 0, flags: 0 }));
      if (kind === "Import" && stack.length === 1) out.imports.push((imp = { dll: "", functions: [] }));
      if (kind === "DelayImport") out.delayImports.push((imp = { dll: "", functions: [] }));
      if (kind === "Export") out.exports.push((exp = { ordinal: 0, name: "" }));
      if (kind === "Entry" && stack[0] === "BaseReloc") out.relocationCount++;
      if (kind === "Characteristics" && sec && stack.at(-2) === "Section") sec.flags = num(/\((0x[0-9A-F]+)\)/i.exec(line)?.[1] ?? "0");
      continue;
    }
    if (line === "}" || line === "]") {
      stack.pop();
      continue;
    }
    const top = stack.at(-1);
    const kv = /^([A-Za-z_]+): ?(.*)$/.exec(line);
    if (!kv) {
      // CodeMap lines: "0x1004 - 0x1060  ARM64EC"
      const cm = /^(0x[0-9A-F]+) - (0x[0-9A-F]+)\s+(\S+)$/i.exec(line);
      if (cm && top === "CodeMap") out.codeMap.push({ start: num(cm[1]!), end: num(cm[2]!), kind: cm[3]! });
      continue;
    }
    const [, key, val = ""] = kv as unknown as [string, string, string];
    if (top === "Section" && sec) {
      if (key === "Name") sec.name = /^(.*) \([0-9A-F ]*\)$/.exec(val)?.[1] ?? val;
      else if (key === "VirtualSize") sec.virtualSize = num(val);
      else if (key === "VirtualAddress") sec.rva = num(val);
      else if (key === "RawDataSize") sec.rawSize = num(val);
    } else if ((top === "Import" || top === "DelayImport") && imp) {
      if (key === "Name" && (top === "DelayImport" || stack.length === 1)) imp.dll = val;
      else if (key === "Symbol") {
        const m = /^(.*) \((\d+)\)$/.exec(val);
        if (!m) throw new Error(`cannot parse readobj import symbol line: ${line}`);
        imp.functions.push(m[1] === "" ? { ordinal: Number(m[2]) } : { name: m[1]!, hint: Number(m[2]) });
      }
    } else if (top === "Export" && exp) {
      if (key === "Ordinal") exp.ordinal = num(val);
      else if (key === "Name") exp.name = val;
      else if (key === "RVA") exp.rva = num(val);
      else if (key === "ForwardedTo") exp.forwarder = val;
    }
  }
  return out;
}
