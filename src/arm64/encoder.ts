/**
 * @file The ARM64 code buffer (stage 6): a growable Uint32Array of instruction words, labels,
 * PC-relative fixups with declared ranges (LabelUse) and a literal pool. On entry the caller
 * emits words from the isa/ encoders; `finish()` resolves every fixup, emits the pool, and throws
 * if any target is out of range for its instruction kind.
 *
 * Reach is handled while emitting, so long functions need no care from the caller:
 * - a pending literal pool is flushed (behind a `b` over it) before its first user would lose
 *   sight of it (LDR literal reaches ±1 MiB);
 * - a forward B.cond/CBZ/CBNZ/TBZ/TBNZ whose label is still unbound when its reach is about to
 *   run out gets a veneer: an island (behind a `b` over it) with a `b label`, and the short branch
 *   is retargeted to that veneer;
 * - a backward one whose bound label is already out of reach is emitted as the inverted branch
 *   over a `b label`.
 * ADR/ADRP and LDR (literal) of non-pool labels get no veneer: out of range is an error at finish().
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

const NOP = 0xd503201f;
/** Bit 24 of B.cond is o1 (0), of CBZ/CBNZ and TBZ/TBNZ the op that inverts the test. */
const invertShort = (word: number): number => ((word >>> 24) === 0x54 ? word ^ 1 : word ^ (1 << 24)) >>> 0;

export class Assembler {
  private buf = new Uint32Array(256);
  private n = 0;
  private labels: number[] = [];
  private fixups: Fixup[] = [];
  private pool: { label: Label; value: bigint; size: 4 | 8 }[] = [];
  private poolWords = 0;
  private poolLabels = new Set<Label>();
  /** Word index of the first pool user since the last flush. */
  private poolFirstUse = Infinity;
  /** Forward short branches (branch19/branch14) to still-unbound labels: veneer candidates. */
  private pendingShort: Fixup[] = [];
  /** Before emitting word `islandAt`, emit an island (veneers and/or pool). */
  private islandAt = Infinity;
  private inIsland = false;

  constructor(readonly features: HostFeatures = BASELINE) {}

  /** Words emitted so far. */
  get length(): number {
    return this.n;
  }

  emit(word: number): void {
    if (this.n >= this.islandAt && !this.inIsland) this.island();
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
    if (this.pendingShort.length) {
      this.pendingShort = this.pendingShort.filter((fx) => fx.label !== l);
      this.plan();
    }
  }

  private use(l: Label, use: LabelUse, word: number): void {
    if (this.n >= this.islandAt && !this.inIsland) this.island();
    const fx = { at: this.n, label: l, use };
    this.fixups.push(fx);
    if (this.poolLabels.has(l) && this.n < this.poolFirstUse) {
      this.poolFirstUse = this.n;
      this.plan();
    } else if ((use === "branch19" || use === "branch14") && this.labels[l] === -1 && !this.poolLabels.has(l)) {
      this.pendingShort.push(fx);
      this.plan();
    }
    this.emit(word);
  }

  /** A conditional/test branch: direct when in reach (or forward), else inverted over a `b`. */
  private short(l: Label, use: "branch19" | "branch14", word: number): void {
    const to = this.labels[l];
    if (to !== undefined && to >= 0 && (to - this.n) * 4 < LABEL_RANGE[use].lo) {
      this.emit(patch(invertShort(word), use, 8));
      this.b(l);
      return;
    }
    this.use(l, use, word);
  }

  b(l: Label): void { this.use(l, "branch26", b(0 as PcOff)); }
  bl(l: Label): void { this.use(l, "branch26", bl(0 as PcOff)); }
  bCond(c: Cond, l: Label): void {
    if (c >= 14) return this.b(l); // AL and NV both mean always; NV cannot be inverted
    this.short(l, "branch19", bCond(c, 0 as PcOff));
  }
  cbz(sf: Sf, Rt: Reg, l: Label): void { this.short(l, "branch19", cbz(sf, Rt, 0 as PcOff)); }
  cbnz(sf: Sf, Rt: Reg, l: Label): void { this.short(l, "branch19", cbnz(sf, Rt, 0 as PcOff)); }
  tbz(Rt: Reg, bit: Uimm6, l: Label): void { this.short(l, "branch14", tbz(Rt, bit, 0 as PcOff)); }
  tbnz(Rt: Reg, bit: Uimm6, l: Label): void { this.short(l, "branch14", tbnz(Rt, bit, 0 as PcOff)); }
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
    this.poolLabels.add(l);
    this.poolWords += size / 4;
    this.plan();
    return l;
  }

  /** Throw unless the host has `name` (for FlagM/FlagM2/RCpc forms). */
  need(name: keyof HostFeatures, what: string): void {
    need(this.features, name, what);
  }

  /**
   * Recompute where the next island must go. Emitting word n is allowed while, with an island
   * placed right after it (a `b` over, the veneers, a pad word and the pool), every pending short
   * branch still reaches its veneer and the first pool user still reaches the pool's last entry.
   */
  private plan(): void {
    const V = this.pendingShort.length;
    let at = Infinity;
    for (const fx of this.pendingShort) at = Math.min(at, fx.at + LABEL_RANGE[fx.use].hi / 4 - 3 - V);
    if (this.pool.length && this.poolFirstUse !== Infinity) at = Math.min(at, this.poolFirstUse + LABEL_RANGE.branch19.hi / 4 - 3 - V - this.poolWords);
    this.islandAt = at;
  }

  /** Emit veneers for the pending short branches and the pool, behind a branch over them. */
  private island(): void {
    this.inIsland = true;
    const over = this.label();
    this.b(over);
    for (const fx of this.pendingShort) {
      const v = this.label();
      this.bind(v);
      this.b(fx.label);
      fx.label = v;
    }
    this.pendingShort = [];
    this.flushPool();
    this.bind(over);
    this.inIsland = false;
    this.plan();
  }

  /** Emit the literal pool here (8-byte aligned entries first). Call before a pool would go out of range. */
  flushPool(): void {
    if (!this.pool.length) return;
    const pool = this.pool.sort((x, y) => y.size - x.size);
    this.pool = [];
    this.poolWords = 0;
    this.poolFirstUse = Infinity;
    const guard = this.inIsland;
    this.inIsland = true;
    if (this.n & 1 && pool[0]!.size === 8) this.emit(NOP); // pads to 8 bytes
    for (const p of pool) {
      this.labels[p.label] = this.n;
      this.poolLabels.delete(p.label);
      this.emit(Number(p.value & 0xffffffffn));
      if (p.size === 8) this.emit(Number((p.value >> 32n) & 0xffffffffn));
    }
    this.inIsland = guard;
    this.plan();
  }

  /** Resolve fixups and return the words. Throws on unbound labels and out-of-range targets. */
  finish(): Uint32Array {
    this.inIsland = true; // the final pool needs no branch over it
    this.flushPool();
    this.inIsland = false;
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
