/**
 * @file Fixture builder (scripts/fixtures.sh): patches a linked stub.exe the way installer
 * builders (NSIS and its kin) patch their stubs after linking, then appends an overlay, as they
 * append the compressed payload. Reads the PE headers itself (a few fixed offsets), so the
 * fixtures do not depend on the parser they test.
 *
 * Variants (`<variant> <in.exe> <out.exe>`):
 * - `zero-reloc`: the base relocation directory points into .bss (zero-filled memory, no file
 *   bytes): its first SizeOfBlock is 0, the end of the list for Windows' and Wine's loops.
 * - `reloc-pad`: the directory and .reloc's VirtualSize grow to the section's raw size, so the
 *   valid blocks are followed by the FileAlignment zero padding.
 * - `bad-reloc`: the first block's SizeOfBlock becomes 4 (below the 8-byte header) and
 *   DYNAMIC_BASE is cleared: an EXE the loader maps at its preferred base, never relocating it.
 * - `bad-debug`: the debug directory points far outside the image (the loader never reads it).
 *
 *   bun test/fixtures-src/patch-stub.ts zero-reloc build/fixtures/stub32.exe build/fixtures/stub-zero-reloc32.exe
 */
import { readFileSync, writeFileSync } from "node:fs";

const [variant, input, output] = process.argv.slice(2);
if (!variant || !input || !output) throw new Error("usage: patch-stub.ts <zero-reloc|reloc-pad|bad-reloc|bad-debug> <in.exe> <out.exe>");
const b = new Uint8Array(readFileSync(input));
const dv = new DataView(b.buffer);
const nt = dv.getUint32(0x3c, true);
const numSections = dv.getUint16(nt + 6, true);
const optSize = dv.getUint16(nt + 20, true);
const opt = nt + 24;
const pe32plus = dv.getUint16(opt, true) === 0x20b;
const dirs = opt + (pe32plus ? 112 : 96);
const dllCharacteristics = opt + 70;
const secTable = opt + optSize;

interface Sec { name: string; hdr: number; vsize: number; rva: number; rawSize: number; rawOff: number }
const sections: Sec[] = [];
for (let i = 0; i < numSections; i++) {
  const h = secTable + i * 40;
  const name = new TextDecoder().decode(b.subarray(h, h + 8)).replace(/\0+$/, "");
  sections.push({ name, hdr: h, vsize: dv.getUint32(h + 8, true), rva: dv.getUint32(h + 12, true), rawSize: dv.getUint32(h + 16, true), rawOff: dv.getUint32(h + 20, true) });
}
const section = (name: string): Sec => {
  const s = sections.find((x) => x.name === name);
  if (!s) throw new Error(`${input}: no ${name} section`);
  return s;
};
const dirAt = (i: number) => ({ rva: dirs + i * 8, size: dirs + i * 8 + 4 });
const RELOC = dirAt(5), DEBUG = dirAt(6);
const relocRva = dv.getUint32(RELOC.rva, true);
if (relocRva === 0) throw new Error(`${input}: no base relocations (link with -Wl,--dynamicbase)`);

switch (variant) {
  case "zero-reloc": {
    const bss = section(".bss");
    if (bss.rawSize !== 0 || bss.vsize < dv.getUint32(RELOC.size, true)) throw new Error(`${input}: .bss is not a big enough zero-fill section`);
    dv.setUint32(RELOC.rva, bss.rva, true);
    break;
  }
  case "reloc-pad": {
    const rel = section(".reloc");
    if (rel.rawSize <= rel.vsize) throw new Error(`${input}: .reloc has no padding after its blocks`);
    dv.setUint32(rel.hdr + 8, rel.rawSize, true);
    dv.setUint32(RELOC.size, rel.rawSize, true);
    break;
  }
  case "bad-reloc": {
    const rel = section(".reloc");
    dv.setUint32(rel.rawOff + (relocRva - rel.rva) + 4, 4, true);
    dv.setUint16(dllCharacteristics, dv.getUint16(dllCharacteristics, true) & ~0x40, true);
    break;
  }
  case "bad-debug":
    dv.setUint32(DEBUG.rva, 0x7fff0000, true);
    dv.setUint32(DEBUG.size, 28, true);
    break;
  default:
    throw new Error(`unknown variant ${variant}`);
}
// The overlay: what an installer appends (a signature, then the payload), never mapped.
const overlay = new Uint8Array(4096);
overlay.set(new TextEncoder().encode("\xef\xbe\xad\xdeNullsoftInst"));
for (let i = 16; i < overlay.length; i++) overlay[i] = (i * 131) & 0xff;
const out = new Uint8Array(b.length + overlay.length);
out.set(b);
out.set(overlay, b.length);
writeFileSync(output, out);
