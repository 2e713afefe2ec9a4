/**
 * @file `aot inspect --disasm`: the ARM64 and ARM64EC code of a PE image (stage 1 ranges, stage 6
 * disassembler; the CLI is where the two meet). The ranges are the CHPE hybrid code ranges of an
 * ARM64EC/ARM64X image, or every executable section of a plain ARM64 image; each is read from the
 * image mapped at its preferred base and disassembled word by word.
 *
 *   for (const r of arm64Ranges(pe)) for (const l of r.lines) console.log(formatArm64Line(l));
 */
import { disassembleArm64, type Arm64Line } from "../arm64/index.ts";
import { mapImage, MACHINE, type PeFile } from "../pe/index.ts";

export interface Arm64Range {
  kind: "arm64" | "arm64ec";
  /** RVA of the first byte and one past the last. */
  start: number;
  end: number;
  lines: Arm64Line[];
}

/** Disassembled ARM64/ARM64EC ranges, in RVA order; empty when the image has none. */
export function arm64Ranges(pe: PeFile): Arm64Range[] {
  const hybrid = (pe.loadConfig?.hybrid ?? []).filter((r) => r.kind === "arm64" || r.kind === "arm64ec");
  const ranges = hybrid.length
    ? hybrid.map((r) => ({ kind: r.kind as Arm64Range["kind"], start: r.start, end: r.end }))
    : pe.machine === MACHINE.arm64
      ? pe.sections.filter((s) => s.executable).map((s) => ({ kind: "arm64" as const, start: s.rva, end: s.rva + s.virtualSize }))
      : [];
  if (!ranges.length) return [];
  const img = mapImage(pe);
  return ranges
    .sort((a, b) => a.start - b.start)
    .map((r) => ({ ...r, lines: [...disassembleArm64(img.read(img.base + BigInt(r.start), r.end - r.start), img.base + BigInt(r.start))] }));
}
