/**
 * @file A tiny ELF64 little-endian section reader for the ARM64 tests: enough to find `.text` in
 * llvm-mc's objects and in Debian's arm64 libc. Not a general ELF parser.
 *
 *   const t = elfSection(readFileSync(path), ".text"); // { bytes, addr } | undefined
 */
export function elfSection(buf: Uint8Array, name: string): { bytes: Uint8Array; addr: number } | undefined {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (dv.getUint32(0, false) !== 0x7f454c46 || buf[4] !== 2 || buf[5] !== 1) throw new Error("not an ELF64 LE file");
  const shoff = Number(dv.getBigUint64(0x28, true));
  const shentsize = dv.getUint16(0x3a, true);
  const shnum = dv.getUint16(0x3c, true);
  const shstrndx = dv.getUint16(0x3e, true);
  const sh = (i: number) => shoff + i * shentsize;
  const strOff = Number(dv.getBigUint64(sh(shstrndx) + 0x18, true));
  const dec = new TextDecoder();
  for (let i = 0; i < shnum; i++) {
    const nameOff = dv.getUint32(sh(i), true);
    let end = strOff + nameOff;
    while (buf[end] !== 0) end++;
    if (dec.decode(buf.subarray(strOff + nameOff, end)) !== name) continue;
    const addr = Number(dv.getBigUint64(sh(i) + 0x10, true));
    const off = Number(dv.getBigUint64(sh(i) + 0x18, true));
    const size = Number(dv.getBigUint64(sh(i) + 0x20, true));
    return { bytes: buf.subarray(off, off + size), addr };
  }
  return undefined;
}
