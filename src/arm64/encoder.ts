/**
 * @file The ARM64 code buffer (stage 6): a growable Uint32Array of instruction words, labels,
 * PC-relative fixups with declared ranges (LabelUse) and a literal pool. On entry the caller
 * emits words from the isa/ encoders; `finish()` resolves every fixup, emits the pool, and throws
 * if any target is out of range for its instruction kind.
 *
 *   const a = new Assembler();
 *   const top = a.label();
 *   a.bind(top);
 *   a.emit(subsImm(1, X0, X0, tryImm12(1)!));
 *   a.bCond(COND.NE, top);
 *   a.ldrLit(LIT.LDRX, X1, a.literal64(0x123456789abcdefn));
 *   const words = a.finish();
 */
import { BASELINE, need, type HostFeatures } from "./features.ts";
import type { Imm21, PcOff, Uimm6 } from "./imm.ts";
import type { Cond, Reg, Sf } from "./regs.ts";
import { adr, adrp } from "./isa/data-imm.ts";
import { b, bCond, bl, cbnz, cbz, tbnz, tbz } from "./isa/branch.ts";
import { ldrLiteral, type Lit } from "./isa/load-store.ts";

/** How a fixup patches its word, and how far it reaches. */
export type LabelUse = "branch26" | "branch19" | "branch14" | "adr21" | "adrp21";

/** Field width and reach (bytes, inclusive below, exclusive above) of each LabelUse. */
export const LABEL_RANGE: Record<LabelUse, { bits: number; lo: number; hi: number }> = {
  branch26: { bits: 26, lo: -(2 ** 27), hi: 2 ** 27 },   // B, BL: ±128 MiB
  branch19: { bits: 19, lo: -(2 ** 20), hi: 2 ** 20 },   // B.cond, CBZ/CBNZ, LDR (literal): ±1 MiB
  branch14: { bits: 14, lo: -(2 ** 15), hi: 2 ** 15 },   // TBZ/TBNZ: ±32 KiB
  adr21: { bits: 21, lo: -(2 ** 20), hi: 2 ** 20 },      // ADR: ±1 MiB, byte granular
  adrp21: { bits: 21, lo: -(2 ** 32), hi: 2 ** 32 },     // ADRP: ±4 GiB in pages
};

export type Label = number;

interface Fixup { at: number; label: Label; use: LabelUse }

export class Assembler {
  private buf = new Uint32Array(256);
  private n = 0;
  private labels: number[] = [];
  private fixups: Fixup[] = [];
  private pool: { label: Label; value: bigint; size: 4 | 8 }[] = [];

  constructor(readonly features: HostFeatures = BASELINE) {}

  /** Words emitted so far. */
  get length(): number {
    return this.n;
  }

  emit(word: number): void {
    if (this.n === this.buf.length) {
      const next = new Uint32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = word;
  }

  label(): Label {
    return this.labels.push(-1) - 1;
  }

  bind(l: Label): void {
    if (this.labels[l] !== -1) throw new Error(`label ${l} bound twice`);
    this.labels[l] = this.n;
  }

  private use(l: Label, use: LabelUse, word: number): void {
    this.fixups.push({ at: this.n, label: l, use });
    this.emit(word);
  }

  b(l: Label): void { this.use(l, "branch26", b(0 as PcOff)); }
  bl(l: Label): void { this.use(l, "branch26", bl(0 as PcOff)); }
  bCond(c: Cond, l: Label): void { this.use(l, "branch19", bCond(c, 0 as PcOff)); }
  cbz(sf: Sf, Rt: Reg, l: Label): void { this.use(l, "branch19", cbz(sf, Rt, 0 as PcOff)); }
  cbnz(sf: Sf, Rt: Reg, l: Label): void { this.use(l, "branch19", cbnz(sf, Rt, 0 as PcOff)); }
  tbz(Rt: Reg, bit: Uimm6, l: Label): void { this.use(l, "branch14", tbz(Rt, bit, 0 as PcOff)); }
  tbnz(Rt: Reg, bit: Uimm6, l: Label): void { this.use(l, "branch14", tbnz(Rt, bit, 0 as PcOff)); }
  adr(Rd: Reg, l: Label): void { this.use(l, "adr21", adr(Rd, 0 as Imm21)); }
  /** ADRP to the page of `l`; code is assumed to be placed at a 4 KiB-aligned address. */
  adrp(Rd: Reg, l: Label): void { this.use(l, "adrp21", adrp(Rd, 0 as Imm21)); }
  ldrLit(kind: Lit, Rt: Reg, l: Label): void { this.use(l, "branch19", ldrLiteral(kind, Rt, 0 as PcOff)); }

  /** A pool entry holding `value` (8 bytes, or 4 with size 4); load it with ldrLit. */
  literal64(value: bigint, size: 4 | 8 = 8): Label {
    const hit = this.pool.find((p) => p.value === value && p.size === size);
    if (hit) return hit.label;
    const l = this.label();
    this.pool.push({ label: l, value, size });
    return l;
  }

  /** Throw unless the host has `name` (for FlagM/FlagM2/RCpc forms). */
  need(name: keyof HostFeatures, what: string): void {
    need(this.features, name, what);
  }

  /** Emit the literal pool here (8-byte aligned entries first). Call before a pool would go out of range. */
  flushPool(): void {
    if (!this.pool.length) return;
    const pool = this.pool.sort((x, y) => y.size - x.size);
    this.pool = [];
    if (this.n & 1 && pool[0]!.size === 8) this.emit(0xd503201f); // nop pads to 8 bytes
    for (const p of pool) {
      this.bind(p.label);
      this.emit(Number(p.value & 0xffffffffn));
      if (p.size === 8) this.emit(Number((p.value >> 32n) & 0xffffffffn));
    }
  }

  /** Resolve fixups and return the words. Throws on unbound labels and out-of-range targets. */
  finish(): Uint32Array {
    this.flushPool();
    for (const fx of this.fixups) {
      const to = this.labels[fx.label];
      if (to === undefined || to < 0) throw new Error(`label ${fx.label} used but never bound`);
      this.buf[fx.at] = patch(this.buf[fx.at]!, fx.use, (to - fx.at) * 4, fx.at * 4, to * 4);
    }
    return this.buf.slice(0, this.n);
  }
}

/** Patch one word's offset field; throws when the distance is out of the LabelUse's range. */
export function patch(word: number, use: LabelUse, delta: number, from = 0, to = from + delta): number {
  const { lo, hi } = LABEL_RANGE[use];
  const d = use === "adrp21" ? (Math.floor(to / 4096) - Math.floor(from / 4096)) * 4096 : delta;
  if (d < lo || d >= hi) throw new Error(`${use} target out of range (${d} bytes)`);
  switch (use) {
    case "branch26": return ((word & 0xfc000000) | ((d >> 2) & 0x3ffffff)) >>> 0;
    case "branch19": return ((word & 0xff00001f) | (((d >> 2) & 0x7ffff) << 5)) >>> 0;
    case "branch14": return ((word & 0xfff8001f) | (((d >> 2) & 0x3fff) << 5)) >>> 0;
    case "adr21":
    case "adrp21": {
      const v = use === "adr21" ? d : d / 4096;
      return ((word & 0x9f00001f) | ((v & 3) << 29) | (((v >> 2) & 0x7ffff) << 5)) >>> 0;
    }
  }
}
