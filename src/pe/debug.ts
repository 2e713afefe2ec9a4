/**
 * @file Stage 1 (PE loader): the debug directory.
 *
 * On entry: an RvaSpace. On exit: one {@link DebugEntry} per 28-byte IMAGE_DEBUG_DIRECTORY
 * entry, with the CodeView RSDS record (PDB GUID, age, path) decoded when its data lies inside
 * the file. Entries whose data is absent stay listed; only the directory itself must be mapped.
 *
 *   parseDebug(space).find((d) => d.type === 2)?.codeView?.pdb;
 */
import { fail, latin1, type FileReader } from "./_bytes.ts";
import { DIR } from "./headers.ts";
import type { RvaSpace } from "./sections.ts";

export const DEBUG_TYPE_NAMES: Record<number, string> = {
  1: "coff",
  2: "codeview",
  3: "fpo",
  4: "misc",
  5: "exception",
  6: "fixup",
  9: "borland",
  12: "vc-feature",
  13: "pogo",
  14: "iltcg",
  16: "repro",
  20: "ex-dllcharacteristics",
};

export interface DebugEntry {
  characteristics: number;
  timeDateStamp: number;
  majorVersion: number;
  minorVersion: number;
  type: number;
  sizeOfData: number;
  addressOfRawData: number;
  pointerToRawData: number;
  codeView?: { guid: string; age: number; pdb: string };
}

export function parseDebug(space: RvaSpace): DebugEntry[] {
  const dir = space.h.dirs[DIR.debug];
  if (!dir || dir.rva === 0 || dir.size === 0) return [];
  const n = Math.floor(dir.size / 28);
  if (n > 4096) fail(space.file, `debug directory declares ${n} entries`, "corrupt");
  const b = space.bytes(dir.rva, n * 28, "debug directory");
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: DebugEntry[] = [];
  for (let i = 0; i < n; i++) {
    const o = i * 28;
    const e: DebugEntry = {
      characteristics: dv.getUint32(o, true),
      timeDateStamp: dv.getUint32(o + 4, true),
      majorVersion: dv.getUint16(o + 8, true),
      minorVersion: dv.getUint16(o + 10, true),
      type: dv.getUint32(o + 12, true),
      sizeOfData: dv.getUint32(o + 16, true),
      addressOfRawData: dv.getUint32(o + 20, true),
      pointerToRawData: dv.getUint32(o + 24, true),
    };
    if (e.type === 2) {
      const cv = codeView(space.r, e);
      if (cv) e.codeView = cv;
    }
    out.push(e);
  }
  return out;
}

/** RSDS: "RSDS", GUID (16), age (u32), NUL-terminated UTF-8 path. */
function codeView(r: FileReader, e: DebugEntry): DebugEntry["codeView"] {
  const off = e.pointerToRawData;
  if (e.sizeOfData < 24 || off + e.sizeOfData > r.length || off === 0) return undefined;
  const b = r.bytes.subarray(off, off + e.sizeOfData);
  if (latin1(b.subarray(0, 4)) !== "RSDS") return undefined;
  const g = new DataView(b.buffer, b.byteOffset + 4, 16);
  const h = (v: number, w: number): string => v.toString(16).padStart(w, "0");
  const tail = Array.from(b.subarray(12, 20), (x) => h(x, 2)).join("");
  const guid = `${h(g.getUint32(0, true), 8)}-${h(g.getUint16(4, true), 4)}-${h(g.getUint16(6, true), 4)}-${tail.slice(0, 4)}-${tail.slice(4)}`;
  const nul = b.indexOf(0, 24);
  const pdb = new TextDecoder().decode(b.subarray(24, nul < 0 ? b.length : nul));
  return { guid, age: new DataView(b.buffer, b.byteOffset + 20, 4).getUint32(0, true), pdb };
}
