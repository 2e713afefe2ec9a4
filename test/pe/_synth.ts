/**
 * @file Test-only image surgery for test/pe.
 *
 * - {@link withVolatileMetadata}: no linker here emits volatile metadata (MSVC does), so the
 *   tests append one to a copy of a mingw fixture: a new `.lcfg` section holding a PE32+ load
 *   config (Size 0x140, the size the ARM64EC stub uses, covering VolatileMetadataPointer at +0x100), an
 *   IMAGE_VOLATILE_METADATA header, the access table and the info-range table; the section
 *   count, SizeOfImage and data directory 10 are patched to match. The expected values are the
 *   inputs we write, not anything our parser produced.
 * - {@link buildDelayFixture}: links pe-delay64.exe (delay-loads pe-fwd.dll) with clang-19 + lld,
 *   which Debian's mingw gcc cannot drive (see test/fixtures-src/mingw.list).
 */
import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../_env.ts";

export interface VolatileSpec {
  accessRvas: number[];
  ranges: { rva: number; size: number }[];
  /** Override the header's Size field (default 24). */
  headerSize?: number;
  version?: number;
}

const align = (v: number, a: number): number => Math.ceil(v / a) * a;

export function withVolatileMetadata(src: Uint8Array, spec: VolatileSpec): Uint8Array {
  const dv0 = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const pe = dv0.getUint32(0x3c, true);
  const nsec = dv0.getUint16(pe + 6, true);
  const opt = pe + 24;
  if (dv0.getUint16(opt, true) !== 0x20b) throw new Error("withVolatileMetadata wants a PE32+ image");
  const secTable = opt + dv0.getUint16(pe + 20, true);
  const newHdr = secTable + nsec * 40;
  const sectionAlign = dv0.getUint32(opt + 32, true);
  const fileAlign = dv0.getUint32(opt + 36, true);
  const sizeOfHeaders = dv0.getUint32(opt + 60, true);
  if (newHdr + 40 > sizeOfHeaders) throw new Error("no room for another section header");
  const imageBase = dv0.getBigUint64(opt + 24, true);
  const rva = align(dv0.getUint32(opt + 56, true), sectionAlign);
  const rawOff = align(src.length, fileAlign);

  // Layout inside the new section: load config @0, volatile header @0x148, tables after it.
  const lcSize = 0x140;
  const vmAt = 0x148;
  const accAt = vmAt + 24;
  const rngAt = accAt + spec.accessRvas.length * 4;
  const used = rngAt + spec.ranges.length * 8;
  const rawSize = align(used, fileAlign);
  const out = new Uint8Array(rawOff + rawSize);
  out.set(src);
  const dv = new DataView(out.buffer);
  dv.setUint16(pe + 6, nsec + 1, true);
  dv.setUint32(opt + 56, rva + align(used, sectionAlign), true);
  dv.setUint32(opt + 112 + 10 * 8, rva, true);
  dv.setUint32(opt + 112 + 10 * 8 + 4, lcSize, true);
  out.set(new TextEncoder().encode(".lcfg"), newHdr);
  dv.setUint32(newHdr + 8, used, true);
  dv.setUint32(newHdr + 12, rva, true);
  dv.setUint32(newHdr + 16, rawSize, true);
  dv.setUint32(newHdr + 20, rawOff, true);
  dv.setUint32(newHdr + 36, 0x40000040, true);
  const s = rawOff;
  dv.setUint32(s, lcSize, true);
  dv.setBigUint64(s + 0x100, imageBase + BigInt(rva + vmAt), true);
  dv.setUint32(s + vmAt, spec.headerSize ?? 24, true);
  dv.setUint32(s + vmAt + 4, spec.version ?? 1, true);
  dv.setUint32(s + vmAt + 8, spec.accessRvas.length ? rva + accAt : 0, true);
  dv.setUint32(s + vmAt + 12, spec.accessRvas.length * 4, true);
  dv.setUint32(s + vmAt + 16, spec.ranges.length ? rva + rngAt : 0, true);
  dv.setUint32(s + vmAt + 20, spec.ranges.length * 8, true);
  spec.accessRvas.forEach((a, i) => dv.setUint32(s + accAt + i * 4, a, true));
  spec.ranges.forEach((r, i) => {
    dv.setUint32(s + rngAt + i * 8, r.rva, true);
    dv.setUint32(s + rngAt + i * 8 + 4, r.size, true);
  });
  return out;
}

let delayDir: string | undefined;

/** Path of pe-delay64.exe, linked once per test process. */
export function buildDelayFixture(): string {
  if (delayDir && existsSync(join(delayDir, "pe-delay64.exe"))) return join(delayDir, "pe-delay64.exe");
  const d = mkdtempSync(join(tmpdir(), "aot-pe-"));
  const src = join(ROOT, "test/fixtures-src");
  const cc = ["clang-19", "--target=x86_64-w64-windows-gnu", "-fuse-ld=lld", "-O2", "-s"];
  const run = (args: string[]): void => {
    const p = Bun.spawnSync(args, { cwd: src, stderr: "pipe" });
    if (p.exitCode !== 0) throw new Error(`${args.join(" ")} failed: ${p.stderr.toString()}`);
  };
  run([...cc, "-shared", "-nostdlib", "-Wl,-e,DllMainCRTStartup", `-Wl,--out-implib=${d}/libpe-fwd.a`, "-o", `${d}/pe-fwd.dll`, "pe-fwd.c", "pe-fwd.def"]);
  run([...cc, "-Wl,--delayload=pe-fwd.dll", "-o", `${d}/pe-delay64.exe`, "pe-user.c", `${d}/libpe-fwd.a`]);
  delayDir = d;
  return join(d, "pe-delay64.exe");
}
