/**
 * @file Test-only: amplification fixtures, small files whose counts and sizes claim far more than
 * they hold (issue 11, item 2). {@link writeHostile} writes them into a folder at test time; each
 * names the verbs that read it. The PEs are built from scratch here (headers, one section per
 * table) so every claim is explicit; nothing is derived from aot's own output.
 *
 * Kinds: a 1 GB VirtualSize over 1.5 KB of ARM64 (and x64) code; hundreds of import (and delay
 * import) descriptors sharing one 65,535-entry lookup table; a relocation block claiming 64 MB of
 * zero fill; a 64 MB zero-filled .pdata; 65,536 exports sharing one 4 KB name; 65,536 forwarders
 * to distinct DLLs; a 300 MB and a 4.4 GB sparse overlay; /dev/zero, a FIFO and a folder; code maps
 * with millions of blocks, of one image or of unknown ones.
 *
 *   const fx = writeHostile(mkdtempSync(join(tmpdir(), "aot-hostile-")), { blocks: 10_000_000 });
 *   for (const f of fx) for (const v of f.verbs) runAot([...VERB_ARGS[v], f.path]);
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, writeSync, ftruncateSync } from "node:fs";
import { join } from "node:path";

export type Verb = "inspect" | "inspect-json" | "inspect-disasm" | "disasm" | "translate" | "deps" | "codemap-show" | "codemap-json-blocks" | "codemap-merge" | "codemap-import";

export interface HostileFixture {
  name: string;
  path: string;
  verbs: Verb[];
}

interface Sec {
  name: string;
  rva: number;
  vsize: number;
  raw: Uint8Array;
  flags: number;
}

const CODE = 0x60000020; // code | execute | read
const DATA = 0x40000040; // initialized data | read
const AMD64 = 0x8664;
const ARM64 = 0xaa64;
const align = (v: number, a: number): number => Math.ceil(v / a) * a;

/** A PE32+ image: 0x400 bytes of headers, then each section's raw data, 0x200-aligned. */
export function buildPe(o: { machine: number; sections: Sec[]; dirs?: Record<number, [number, number]>; entry?: number; dll?: boolean }): Uint8Array {
  let fileSize = 0x400;
  const offs = o.sections.map((s) => {
    const at = fileSize;
    fileSize += align(s.raw.length, 0x200);
    return at;
  });
  const out = new Uint8Array(fileSize);
  const dv = new DataView(out.buffer);
  out.set([0x4d, 0x5a]);
  dv.setUint32(0x3c, 0x40, true);
  out.set([0x50, 0x45, 0, 0], 0x40);
  dv.setUint16(0x44, o.machine, true);
  dv.setUint16(0x46, o.sections.length, true);
  dv.setUint32(0x48, 0x5f000000, true);
  dv.setUint16(0x54, 0xf0, true);
  dv.setUint16(0x56, 0x22 | (o.dll ? 0x2000 : 0), true);
  const opt = 0x58;
  dv.setUint16(opt, 0x20b, true);
  dv.setUint32(opt + 16, o.entry ?? o.sections[0]?.rva ?? 0, true);
  dv.setBigUint64(opt + 24, 0x140000000n, true);
  dv.setUint32(opt + 32, 0x1000, true);
  dv.setUint32(opt + 36, 0x200, true);
  dv.setUint16(opt + 40, 6, true);
  dv.setUint16(opt + 48, 6, true);
  const end = Math.max(0x1000, ...o.sections.map((s) => s.rva + Math.max(s.vsize, s.raw.length)));
  dv.setUint32(opt + 56, align(end, 0x1000), true);
  dv.setUint32(opt + 60, 0x400, true);
  dv.setUint16(opt + 68, 3, true);
  dv.setUint32(opt + 108, 16, true);
  for (const [i, [rva, size]] of Object.entries(o.dirs ?? {})) {
    dv.setUint32(opt + 112 + Number(i) * 8, rva, true);
    dv.setUint32(opt + 116 + Number(i) * 8, size, true);
  }
  o.sections.forEach((s, i) => {
    const h = opt + 0xf0 + i * 40;
    out.set(new TextEncoder().encode(s.name.slice(0, 8)), h);
    dv.setUint32(h + 8, s.vsize, true);
    dv.setUint32(h + 12, s.rva, true);
    dv.setUint32(h + 16, align(s.raw.length, 0x200), true);
    dv.setUint32(h + 20, offs[i]!, true);
    dv.setUint32(h + 36, s.flags, true);
    out.set(s.raw, offs[i]!);
  });
  return out;
}

/** A few hundred bytes of x64 code: `xor eax, eax; ret` after some NOPs. */
const x64Text = (): Sec => ({ name: ".text", rva: 0x1000, vsize: 0x200, raw: new Uint8Array([...new Array(16).fill(0x90), 0x31, 0xc0, 0xc3]), flags: CODE });

/** ARM64 NOPs (d503201f), `n` bytes. */
function arm64Nops(n: number): Uint8Array {
  const b = new Uint8Array(n);
  const dv = new DataView(b.buffer);
  for (let i = 0; i + 4 <= n; i += 4) dv.setUint32(i, 0xd503201f, true);
  return b;
}

function hugeVsize(machine: number): Uint8Array {
  const raw = machine === ARM64 ? arm64Nops(1536) : new Uint8Array(1536).fill(0x90);
  return buildPe({ machine, sections: [{ name: ".text", rva: 0x1000, vsize: 0x3ffef000, raw, flags: CODE }] });
}

/** `descs` descriptors, all sharing one lookup table of `entries` names (one hint/name entry). */
function sharedImports(descs: number, entries: number, delay: boolean): Uint8Array {
  const rva = 0x2000;
  const dsize = delay ? 32 : 20;
  const dirSize = (descs + 1) * dsize;
  const nameAt = align(dirSize, 16);
  const hintAt = nameAt + 16;
  const tableAt = align(hintAt + 8, 8);
  const size = tableAt + (entries + 1) * 8;
  const raw = new Uint8Array(size);
  const dv = new DataView(raw.buffer);
  raw.set(new TextEncoder().encode("hostile.dll"), nameAt);
  raw.set(new TextEncoder().encode("f"), hintAt + 2);
  for (let i = 0; i < entries; i++) dv.setBigUint64(tableAt + i * 8, BigInt(rva + hintAt), true);
  for (let d = 0; d < descs; d++) {
    const o = d * dsize;
    if (delay) {
      dv.setUint32(o, 1, true); // RVA-based (new) layout
      dv.setUint32(o + 4, rva + nameAt, true);
      dv.setUint32(o + 12, rva + tableAt, true);
      dv.setUint32(o + 16, rva + tableAt, true);
    } else {
      dv.setUint32(o, rva + tableAt, true);
      dv.setUint32(o + 12, rva + nameAt, true);
      dv.setUint32(o + 16, rva + tableAt, true);
    }
  }
  return buildPe({ machine: AMD64, sections: [x64Text(), { name: ".idata", rva, vsize: size, raw, flags: DATA }], dirs: { [delay ? 13 : 1]: [rva, dirSize] } });
}

/** One relocation block whose SizeOfBlock claims 64 MB, all but 8 bytes of it zero fill. */
function zeroFillRelocs(): Uint8Array {
  const raw = new Uint8Array(0x200);
  const dv = new DataView(raw.buffer);
  dv.setUint32(0, 0x1000, true);
  dv.setUint32(4, 0x4000000, true);
  return buildPe({ machine: AMD64, sections: [x64Text(), { name: ".reloc", rva: 0x2000, vsize: 0x4000000, raw, flags: DATA }], dirs: { 5: [0x2000, 0x4000000] } });
}

/** An exception directory of 5.6 M x64 entries, all but one of them zero fill. */
function zeroFillPdata(): Uint8Array {
  const raw = new Uint8Array(12);
  new DataView(raw.buffer).setUint32(0, 0x1000, true);
  new DataView(raw.buffer).setUint32(4, 0x1010, true);
  return buildPe({ machine: AMD64, sections: [x64Text(), { name: ".pdata", rva: 0x2000, vsize: 0x4000000, raw, flags: DATA }], dirs: { 3: [0x2000, 0x3fffff8] } });
}

/**
 * `n` exports. `forwarders` false: every name pointer aims at one 4 KB name. True: every function
 * forwards to a DLL of its own ("D12345.f"), so `deps` would chase `n` DLLs.
 */
function manyExports(n: number, forwarders: boolean): Uint8Array {
  const rva = 0x2000;
  const funcs = 40;
  const names = funcs + n * 4;
  const ords = names + n * 4;
  const strings = align(ords + n * 2, 16);
  const nameLen = forwarders ? 8 : 4095;
  const size = strings + (forwarders ? n * 16 : nameLen + 1) + 16;
  const raw = new Uint8Array(size);
  const dv = new DataView(raw.buffer);
  dv.setUint32(12, rva + size - 16, true); // DLL name
  raw.set(new TextEncoder().encode("hostile.dll"), size - 16);
  dv.setUint32(16, 1, true);
  dv.setUint32(20, n, true);
  dv.setUint32(24, n, true);
  dv.setUint32(28, rva + funcs, true);
  dv.setUint32(32, rva + names, true);
  dv.setUint32(36, rva + ords, true);
  if (!forwarders) raw.fill(0x41, strings, strings + nameLen);
  for (let i = 0; i < n; i++) {
    const s = forwarders ? strings + i * 16 : strings;
    if (forwarders) raw.set(new TextEncoder().encode(`D${String(i).padStart(5, "0")}.f`), s);
    dv.setUint32(funcs + i * 4, forwarders ? rva + s : 0x1000, true);
    dv.setUint32(names + i * 4, rva + s, true);
    dv.setUint16(ords + i * 2, i, true);
  }
  // Forwarders are export RVAs inside the export directory, so it spans the whole section.
  return buildPe({ machine: AMD64, dll: true, sections: [x64Text(), { name: ".edata", rva, vsize: size, raw, flags: DATA }], dirs: { 0: [rva, forwarders ? size : 40] } });
}

/** A valid small PE followed by a sparse overlay up to `size` bytes (holes: no disk used). */
function writeSparse(path: string, size: number): void {
  const head = buildPe({ machine: AMD64, sections: [x64Text()] });
  const fd = openSync(path, "w");
  try {
    writeSync(fd, head);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

/** A FEX code map: an executable marker, its library record, then `blocks` random block offsets. */
function codeMap(blocks: number, unknownIds: boolean): Uint8Array {
  const lib = new TextEncoder().encode("C:\\game\\game.exe");
  const head = 20 + 20 + lib.length + 1;
  const libSize = align(head, 4) - 20;
  const out = new Uint8Array(20 + libSize + blocks * 12);
  const dv = new DataView(out.buffer);
  const id = 0x0123456789abcdefn;
  dv.setBigUint64(0, ~0n & 0xffffffffffffffffn, true);
  dv.setUint32(8, 0xffffffef, true);
  dv.setBigUint64(12, id, true);
  dv.setBigUint64(20, ~0n & 0xffffffffffffffffn, true);
  dv.setUint32(28, 0xffffffff, true);
  dv.setBigUint64(32, id, true);
  out.set(lib, 40);
  let x = 0x9e3779b9;
  for (let i = 0, o = 20 + libSize; i < blocks; i++, o += 12) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    dv.setBigUint64(o, unknownIds ? BigInt(i + 1) : id, true);
    dv.setUint32(o + 8, x >>> 0, true);
  }
  return out;
}

/** A tiny x64 EXE importing `hostile.dll` inside a fake Wine prefix whose system32 holds `dll`. */
function depsPrefix(dir: string, dll: string): string {
  const pfx = join(dir, "pfx");
  const sys = join(pfx, "drive_c", "windows", "system32");
  mkdirSync(sys, { recursive: true });
  mkdirSync(join(pfx, "drive_c", "app"), { recursive: true });
  writeFileSync(join(pfx, "system.reg"), "WINE REGISTRY Version 2\n#arch=win64\n");
  symlinkSync(dll, join(sys, "hostile.dll"));
  const exe = join(pfx, "drive_c", "app", "main.exe");
  writeFileSync(exe, sharedImports(1, 1, false));
  return exe;
}

const PE_VERBS: Verb[] = ["inspect", "inspect-json", "inspect-disasm", "disasm", "translate", "deps"];

/**
 * Write every fixture into `dir`. `blocks` sizes the big code map (10 M in the acceptance run);
 * `huge` adds the 4.4 GB sparse file. Each PE fixture also gets a fake prefix for `deps`
 * (`<dir>/<name>.deps/pfx/drive_c/app/main.exe`).
 */
export function writeHostile(dir: string, opts: { blocks: number; huge: boolean }): HostileFixture[] {
  const out: HostileFixture[] = [];
  const pe = (name: string, bytes: Uint8Array | ((p: string) => void)): void => {
    const path = join(dir, `${name}.dll`);
    if (typeof bytes === "function") bytes(path);
    else writeFileSync(path, bytes);
    out.push({ name, path, verbs: PE_VERBS });
  };
  pe("arm64-vsize-1g", hugeVsize(ARM64));
  pe("x64-vsize-1g", hugeVsize(AMD64));
  pe("imports-shared-ilt", sharedImports(640, 65535, false));
  pe("delay-imports-shared-int", sharedImports(640, 65535, true));
  pe("relocs-64m-zero-fill", zeroFillRelocs());
  pe("pdata-64m-zero-fill", zeroFillPdata());
  pe("exports-65536-4k-names", manyExports(65536, false));
  pe("exports-65536-forwarders", manyExports(65536, true));
  pe("overlay-300m-sparse", (p) => writeSparse(p, 300 << 20));
  if (opts.huge) pe("overlay-4.4g-sparse", (p) => writeSparse(p, Math.round(4.4 * 2 ** 30)));
  const fifo = join(dir, "fifo");
  execFileSync("mkfifo", [fifo]);
  for (const [name, path] of [["dev-zero", "/dev/zero"], ["fifo", fifo], ["directory", dir]] as const) {
    out.push({ name, path, verbs: [...PE_VERBS, "codemap-show", "codemap-merge"] });
  }
  const maps: Verb[] = ["codemap-show", "codemap-json-blocks", "codemap-merge", "codemap-import"];
  writeFileSync(join(dir, "map-blocks.bin"), codeMap(opts.blocks, false));
  out.push({ name: `codemap-${opts.blocks}-blocks`, path: join(dir, "map-blocks.bin"), verbs: maps });
  writeFileSync(join(dir, "map-unknown.bin"), codeMap(Math.min(opts.blocks, 1 << 20), true));
  out.push({ name: "codemap-unknown-ids", path: join(dir, "map-unknown.bin"), verbs: maps });
  return out;
}

/** The fake prefix `deps` reads a PE fixture through (made on first use). */
export function depsExe(f: HostileFixture): string {
  const d = `${f.path}.deps`;
  mkdirSync(d, { recursive: true });
  return depsPrefix(d, f.path);
}
