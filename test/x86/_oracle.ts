/**
 * @file Test helpers: compare our decoder with the oracles (iced-x86 in process, GNU objdump as
 * a subprocess) over PE executable sections and random byte strings, and collect figures.
 *
 * Mnemonic names: ours are the SDM's, iced's are its `Mnemonic` enum; both compare in lower
 * case through `MNEMONIC_ALIAS`, the documented mapping for the few spellings that differ.
 */
import { readFileSync } from "node:fs";
import { Decoder as IcedDecoder, DecoderOptions, Instruction, Mnemonic, Code } from "iced-x86";
import { Decoder, Insn, tables } from "../../src/x86/index.ts";
import { codeSections as peCodeSections, parsePe } from "../../src/pe/index.ts";

/** Our mnemonic (lower case) → iced's where the spellings differ. */
export const MNEMONIC_ALIAS: Record<string, string> = {};

export interface Figures {
  compared: number;
  lengthAgree: number;
  mnemonicAgree: number;
  disagreements: string[];
}
export const newFigures = (): Figures => ({ compared: 0, lengthAgree: 0, mnemonicAgree: 0, disagreements: [] });

export interface CodeSection { file: string; name: string; bytes: Uint8Array; va: number; bits: 32 | 64 }

/** Executable sections of a PE file, or undefined if the file is not a PE image. */
export function codeSections(path: string): CodeSection[] | undefined {
  const bytes = readFileSync(path);
  let pe;
  try {
    pe = parsePe(bytes, path);
  } catch {
    return undefined;
  }
  return peCodeSections(pe, "clip").map((c) => ({ file: path, name: c.name, bytes: c.bytes, va: Number(pe.imageBase) + c.rva, bits: pe.is64 ? 64 : 32 }));
}

const decoders = { 16: new Decoder(16), 32: new Decoder(32), 64: new Decoder(64) };
const ourMnem = (i: Insn): string => {
  const m = tables().mnemonics[i.mnemonic]!.toLowerCase();
  return MNEMONIC_ALIAS[m] ?? m;
};

/**
 * Linear sweep of one section with our decoder (restart one byte after an invalid one); at every
 * position reached, iced decodes the same bytes. Returns our instruction starts (for objdump).
 */
export function sweepVsIced(sec: CodeSection, fig: Figures, maxList = 200): Map<number, number> {
  const ours = decoders[sec.bits];
  const insn = new Insn();
  const ii = new Instruction();
  const d = new IcedDecoder(sec.bits, sec.bytes, DecoderOptions.None);
  const starts = new Map<number, number>();
  const code = sec.bytes;
  for (let p = 0; p < code.length; ) {
    const len = ours.decode(code, p, code.length, sec.va + p, insn);
    if (d.position !== p) d.position = p;
    d.decodeOut(ii);
    const ilen = ii.isInvalid ? 0 : ii.length;
    fig.compared++;
    if (ilen === len) {
      fig.lengthAgree++;
      if (len === 0 || ourMnem(insn) === Mnemonic[ii.mnemonic]!.toLowerCase()) fig.mnemonicAgree++;
      else if (fig.disagreements.length < maxList) fig.disagreements.push(describe(sec, p, Math.max(len, ilen, 1), `mnemonic ours=${ourMnem(insn)} iced=${Code[ii.code]}`));
    } else if (fig.disagreements.length < maxList) {
      fig.disagreements.push(describe(sec, p, Math.max(len, ilen, 1), `length ours=${len} iced=${ilen} (${ii.isInvalid ? "invalid" : Code[ii.code]}; ours ${len ? tables().formIds[insn.form]! : "invalid"})`));
    }
    starts.set(p, len);
    p += len || 1;
  }
  d.free();
  return starts;
}

function describe(sec: CodeSection, p: number, n: number, what: string): string {
  const hex = Buffer.from(sec.bytes.subarray(p, p + Math.min(n, 15))).toString("hex");
  return `${sec.file.split("/").pop()} ${sec.name}+0x${p.toString(16)} (va 0x${(sec.va + p).toString(16)}) ${hex}: ${what}`;
}

/**
 * objdump's instruction starts for a file's executable sections (va → length, the distance to the
 * next start within a section; the last instruction of a section is left out).
 */
export function objdumpLengths(path: string, bits: 32 | 64): Map<number, number> {
  const p = Bun.spawnSync(["objdump", "-d", "-z", "-M", "intel", "--no-show-raw-insn", "-w", "-b", bits === 64 ? "pei-x86-64" : "pei-i386", path], { stdout: "pipe", stderr: "pipe" });
  const text = p.stdout.toString();
  const out = new Map<number, number>();
  let prev = -1;
  let prevData = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("Disassembly of section")) { prev = -1; continue; }
    const m = /^\s*([0-9a-f]+):\t(.*)$/.exec(line);
    if (!m) continue;
    const va = parseInt(m[1]!, 16);
    // `.byte` lines are bytes objdump cut off at a symbol boundary, not instructions.
    if (prev >= 0 && va > prev && !prevData) out.set(prev, va - prev);
    prev = va;
    prevData = /^\s*\.(byte|word|long)\b/.test(m[2]!);
  }
  return out;
}

/** Compare objdump's lengths with ours at every start both sweeps reached. */
export function compareObjdump(secs: CodeSection[], ours: Map<number, number>[], fig: Figures, maxList = 200): void {
  if (secs.length === 0) return;
  const od = objdumpLengths(secs[0]!.file, secs[0]!.bits);
  secs.forEach((sec, k) => {
    for (const [off, len] of ours[k]!) {
      const olen = od.get(sec.va + off);
      if (olen === undefined || len === 0) continue;
      fig.compared++;
      // objdump folds FWAIT (with its prefixes) into the x87 instruction after it (9B DF E0 is
      // its "fstsw ax"): accept when our instructions from here, one of them FWAIT, add up to its length.
      let folded = false;
      if (olen > len && sec.bytes.subarray(off, off + olen).includes(0x9b)) {
        let q = off;
        while (q < off + olen && (ours[k]!.get(q) ?? 0) > 0) q += ours[k]!.get(q)!;
        folded = q === off + olen;
      }
      if (olen === len || folded) fig.lengthAgree++;
      else if (fig.disagreements.length < maxList) fig.disagreements.push(describe(sec, off, Math.max(len, olen), `length ours=${len} objdump=${olen}`));
    }
  });
}

/**
 * Opening bytes for escape-headed random strings: a plain random string reaches VEX/EVEX/XOP and
 * the 0F maps too rarely to catch their rarer validity rules (vvvv, AMX tiles, mandatory prefixes).
 */
export const ESCAPE_HEADS = [[0xc4], [0xc5], [0x62], [0x8f], [0x0f], [0x0f, 0x38], [0x0f, 0x3a], [0xf3, 0x0f], [0x66, 0x0f], [0xf2, 0x0f], [0xc4, 0xe2], [0x62, 0xf2]];

/**
 * Same length and validity (and mnemonic) as iced for random strings in one mode; with `heads`,
 * string i opens with `heads[i % heads.length]`.
 */
export function randomVsIced(bits: 16 | 32 | 64, n: number, seed: number, fig: Figures, maxList = 100, heads: number[][] = [[]]): void {
  const ours = decoders[bits];
  const insn = new Insn();
  const ii = new Instruction();
  const buf = new Uint8Array(15);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    const head = heads[i % heads.length]!;
    buf.set(head);
    for (let k = head.length; k < 15; k++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      buf[k] = s >>> 24;
    }
    const d = new IcedDecoder(bits, buf, DecoderOptions.None);
    d.decodeOut(ii);
    d.free();
    const ilen = ii.isInvalid ? 0 : ii.length;
    const len = ours.decode(buf, 0, 15, 0, insn);
    fig.compared++;
    const hex = Buffer.from(buf.subarray(0, Math.max(len, ilen, 4))).toString("hex");
    if (ilen === len) {
      fig.lengthAgree++;
      if (len === 0 || ourMnem(insn) === Mnemonic[ii.mnemonic]!.toLowerCase()) fig.mnemonicAgree++;
      else if (fig.disagreements.length < maxList) fig.disagreements.push(`${bits}-bit ${hex}: mnemonic ours=${ourMnem(insn)} iced=${Code[ii.code]}`);
    } else if (fig.disagreements.length < maxList) {
      fig.disagreements.push(`${bits}-bit ${hex}: ours=${len ? tables().formIds[insn.form]! : "invalid"}/${len} iced=${ii.isInvalid ? "invalid" : Code[ii.code]}/${ilen}`);
    }
  }
}

export function report(title: string, fig: Figures, showMnemonic = true): string {
  const pct = (a: number) => (fig.compared ? ((100 * a) / fig.compared).toFixed(4) : "n/a");
  const lines = [`${title}: ${fig.compared} compared, length ${pct(fig.lengthAgree)}%` + (showMnemonic ? `, mnemonic ${pct(fig.mnemonicAgree)}%` : "")];
  for (const d of fig.disagreements) lines.push(`  ${d}`);
  return lines.join("\n");
}
