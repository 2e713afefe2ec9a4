/**
 * @file x86 stage: register numbering shared by the decoder, the formatter and discovery.
 *
 * One flat integer space (0 = none). Each register class is a contiguous run starting at a `R.*`
 * base, so the decoder turns a ModRM field into a register with one addition. Names are the
 * SDM's spellings in capitals (`AL`, `R8D`, `XMM12`, `ST0`), which also line up with the names
 * the iced-x86 oracle prints, so tests compare registers by name.
 *
 *   import { R, regName } from "./regs.ts";
 *   regName(R.GPR32 + 3) // "EBX"
 */

/** Register classes, used by the tables to say which register file a ModRM field selects. */
export const RC = {
  NONE: 0, GPR8: 1, GPR16: 2, GPR32: 3, GPR64: 4, SEG: 5, CR: 6, DR: 7, TR: 8, ST: 9, MM: 10,
  XMM: 11, YMM: 12, ZMM: 13, K: 14, BND: 15, TMM: 16,
} as const;

const GPR_LOW = ["A", "C", "D", "B"];
const names: string[] = ["NONE"];
const base = (list: string[]): number => {
  const b = names.length;
  names.push(...list);
  return b;
};
const seq = (p: string, n: number, s = ""): string[] => Array.from({ length: n }, (_, i) => `${p}${i}${s}`);
const hi = (s: string): string[] => Array.from({ length: 8 }, (_, i) => `R${i + 8}${s}`);

/** First register of each class; a class's registers are `base + index`. */
export const R = {
  // AL CL DL BL AH CH DH BH SPL BPL SIL DIL R8L..R15L: index 4..7 means AH..BH without REX.
  GPR8: base([...GPR_LOW.map((c) => `${c}L`), ...GPR_LOW.map((c) => `${c}H`), "SPL", "BPL", "SIL", "DIL", ...hi("L")]),
  GPR16: base([...GPR_LOW.map((c) => `${c}X`), "SP", "BP", "SI", "DI", ...hi("W")]),
  GPR32: base([...GPR_LOW.map((c) => `E${c}X`), "ESP", "EBP", "ESI", "EDI", ...hi("D")]),
  GPR64: base([...GPR_LOW.map((c) => `R${c}X`), "RSP", "RBP", "RSI", "RDI", ...hi("")]),
  EIP: base(["EIP"]),
  RIP: base(["RIP"]),
  SEG: base(["ES", "CS", "SS", "DS", "FS", "GS"]),
  CR: base(seq("CR", 16)),
  DR: base(seq("DR", 16)),
  TR: base(seq("TR", 8)),
  ST: base(seq("ST", 8)),
  MM: base(seq("MM", 8)),
  XMM: base(seq("XMM", 32)),
  YMM: base(seq("YMM", 32)),
  ZMM: base(seq("ZMM", 32)),
  K: base(seq("K", 8)),
  BND: base(seq("BND", 4)),
  TMM: base(seq("TMM", 8)),
  COUNT: names.length,
} as const;

/** Register class → base, indexed by `RC.*`. */
export const CLASS_BASE = Int32Array.from([
  0, R.GPR8, R.GPR16, R.GPR32, R.GPR64, R.SEG, R.CR, R.DR, R.TR, R.ST, R.MM, R.XMM, R.YMM, R.ZMM, R.K, R.BND, R.TMM,
]);
/** How many registers each class has (indices at or past this are invalid encodings). */
export const CLASS_SIZE = Int32Array.from([0, 20, 16, 16, 16, 6, 16, 16, 8, 8, 8, 32, 32, 32, 8, 4, 8]);

/** The register's SDM name in capitals, e.g. `"R10D"`. */
export function regName(r: number): string {
  return names[r] ?? `?${r}`;
}

/** Look a register up by name (any case); 0 when unknown. */
export function regByName(name: string): number {
  const i = names.indexOf(name.toUpperCase());
  return i < 0 ? 0 : i;
}
