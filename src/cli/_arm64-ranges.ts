/**
 * @file `aot inspect --disasm`: the ARM64 and ARM64EC code of a PE image (stage 1 ranges, stage 6
 * disassembler; the CLI is where the two meet). The ranges are the CHPE hybrid code ranges of an
 * ARM64EC/ARM64X image, or every executable section of a plain ARM64 image; each is read from the
 * image at its preferred base and disassembled word by word, as far as the file's bytes
 * go: the zero fill past a section's raw data is not code anyone wrote, and a hostile VirtualSize
 * of 1 GB with 1.5 KB of file bytes must cost 1.5 KB of work.
 *
 *   for (const r of arm64Ranges(pe)) for (const l of r.lines) console.log(formatArm64Line(l));
 */
import { disassembleArm64, type Arm64Line } from "../arm64/index.ts";
import { MACHINE, type PeFile } from "../pe/index.ts";

export interface Arm64Range {
  kind: "arm64" | "arm64ec";
  /** RVA of the first byte and one past the last. */
  start: number;
  end: number;
  lines: Arm64Line[];
}

/**
 * The lines of [start, end): each section's file-backed part of it, disassembled from the file
 * (at the preferred base nothing is relocated, so these are the bytes the image maps).
 */
function backedLines(pe: PeFile, start: number, end: number): Arm64Line[] {
  const lines: Arm64Line[] = [];
  for (const s of [...pe.sections].sort((a, b) => a.rva - b.rva)) {
    const raw = Math.min(s.rawSize, s.virtualSize || s.rawSize, Math.max(0, pe.bytes.length - s.rawOffset));
    const lo = Math.max(start, s.rva);
    const hi = Math.min(end, s.rva + raw);
    if (hi <= lo) continue;
    const off = s.rawOffset + (lo - s.rva);
    for (const l of disassembleArm64(pe.bytes.subarray(off, off + (hi - lo)), pe.imageBase + BigInt(lo))) lines.push(l);
  }
  return lines;
}

/** Disassembled ARM64/ARM64EC ranges, in RVA order; empty when the image has none. */
export function arm64Ranges(pe: PeFile): Arm64Range[] {
  const hybrid = (pe.loadConfig?.hybrid ?? []).filter((r) => r.kind === "arm64" || r.kind === "arm64ec");
  const ranges = hybrid.length
    ? hybrid.map((r) => ({ kind: r.kind as Arm64Range["kind"], start: r.start, end: r.end }))
    : pe.machine === MACHINE.arm64
      ? pe.sections.filter((s) => s.executable).map((s) => ({ kind: "arm64" as const, start: s.rva, end: s.rva + s.virtualSize }))
      : [];
  return ranges.sort((a, b) => a.start - b.start).map((r) => ({ ...r, lines: backedLines(pe, r.start, r.end) }));
}
