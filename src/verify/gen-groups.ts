/**
 * @file Stage 9 (verifier): the random-block lines of the later instruction groups, so that
 * `randomBlock` (gen.ts) mixes the whole translated set: the bits group (BT*, BSF/BSR,
 * LZCNT/TZCNT, BMI1/BMI2), double shifts and rotates through carry (SHLD/SHRD, RCL/RCR), and the
 * vector slice (SSE moves, logic, compare-equal, unpacks, PSHUFD, move masks; lane duplicates,
 * shuffles, word inserts and extracts). EXTRQ/INSERTQ are left out: Unicorn runs them wrongly
 * (test/verify/sse4a.test.ts referees them with QEMU 7.2).
 *
 * Each line says which flags it writes and which it leaves undefined (SDM), so later flag readers
 * in the block only read defined flags. Left out where Unicorn's x86 CPU is not an oracle
 * (test/verify/bits-diff.test.ts): POPCNT and MOVBE (#UD there), PDEP/PEXT, BLSI, BEXTR/BZHI past
 * 31. Shift counts stay below the operand width, where the SDM defines every result bit.
 *
 *   bitsLine(g); vectorLine(g);   // g: the BlockGen of gen.ts (a LineSink)
 */

/** x86 EFLAGS bits, as gen.ts's undefined-flag bookkeeping uses them. */
export const FL = { C: 0x1, P: 0x4, A: 0x10, Z: 0x40, S: 0x80, O: 0x800 } as const;
export const ALL = 0x8d5;

/** What gen.ts's BlockGen offers a group: randomness, operands, and the line sink with flag bookkeeping. */
export interface LineSink {
  readonly rng: () => number;
  readonly bits: 32 | 64;
  undef: number;
  emit(line: string, w?: number, u?: number, cond?: boolean): void;
  reg(size: number, w: boolean): { t: string };
  rm(size: number, w: boolean): { t: string; mem: boolean };
  /** `[rbx±disp]` with no size keyword (SSE forms take their size from the mnemonic). */
  memRaw(): string;
}

const below = (rng: () => number, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: () => number, a: readonly T[]): T => a[below(rng, a.length)]!;

/** BT*, BSF/BSR, LZCNT/TZCNT, and the BMI forms Unicorn computes as the SDM does. */
export function bitsLine(g: LineSink): void {
  const { rng } = g;
  const s = g.bits === 64 ? pick(rng, [16, 32, 64]) : pick(rng, [16, 32]);
  const r = below(rng, 6);
  if (r === 0) {
    // Register bit offsets into memory address outside the data window: registers and immediates only.
    const op = pick(rng, ["bt", "bts", "btr", "btc"]);
    const a = g.reg(s, op !== "bt");
    const src = rng() < 0.5 ? String(below(rng, 256)) : g.reg(s, false).t;
    g.emit(`${op} ${a.t}, ${src}`, FL.C, FL.O | FL.S | FL.A | FL.P);
  } else if (r === 1) {
    // For a zero source the SDM leaves the destination undefined (we keep it, as AMD does; Unicorn
    // zero-extends a 32-bit one): the source is made nonzero first, as bits-diff.test.ts does.
    const x = g.reg(s, true).t;
    g.emit(`or ${x}, 0x100`, ALL, FL.A);
    g.emit(`${pick(rng, ["bsf", "bsr"])} ${g.reg(s, true).t}, ${x}`, FL.Z, FL.C | FL.O | FL.S | FL.A | FL.P);
  } else if (r === 2) {
    g.emit(`${pick(rng, ["lzcnt", "tzcnt"])} ${g.reg(s, true).t}, ${g.rm(s, false).t}`, FL.C | FL.Z, FL.O | FL.S | FL.A | FL.P);
  } else {
    const w = g.bits === 64 ? pick(rng, [32, 64]) : 32;
    const d = g.reg(w, true).t, a = g.reg(w, false).t, m = g.rm(w, false).t;
    if (r === 3) g.emit(`andn ${d}, ${a}, ${m}`, ALL, FL.A | FL.P);
    else if (r === 4) g.emit(`${pick(rng, ["blsr", "blsmsk"])} ${d}, ${m}`, ALL, FL.A | FL.P);
    else if (rng() < 0.5) g.emit(`rorx ${d}, ${m}, ${below(rng, w)}`);
    else g.emit(`${pick(rng, ["shlx", "shrx", "sarx"])} ${d}, ${m}, ${a}`);
  }
}

/** SHLD/SHRD by an immediate or CL, RCL/RCR (which read CF) by 1, an immediate or CL. */
export function shift2Line(g: LineSink): void {
  const { rng } = g;
  const s = g.bits === 64 ? pick(rng, [32, 64]) : 32;
  const how = below(rng, 3); // 0: by 1, 1: by an immediate, 2: by CL (count may be 0: flags kept)
  const count = how === 0 ? "1" : how === 1 ? String(2 + below(rng, s - 2)) : "cl";
  if (rng() < 0.5) {
    const a = g.rm(s, true);
    // The register operand may not be CL's RCX when CL counts: any register reads fine.
    const src = g.reg(s, false).t;
    g.emit(`${pick(rng, ["shld", "shrd"])} ${a.t}, ${src}, ${count}`, ALL, how === 0 ? FL.A : FL.O | FL.A, how === 2);
  } else if (g.undef & FL.C) g.emit("nop");
  else g.emit(`${pick(rng, ["rcl", "rcr"])} ${g.rm(s, true).t}, ${count}`, FL.C | FL.O, how === 0 ? 0 : FL.O, how === 2);
}

/** One vector-slice line on XMM0..15 (0..7 in 32-bit mode), memory through `[rbx±disp]`. */
export function vectorLine(g: LineSink): void {
  const { rng } = g;
  const x = (): string => `xmm${below(rng, g.bits === 64 ? 16 : 8)}`;
  const src = (): string => (rng() < 0.3 ? g.memRaw() : x());
  const r = below(rng, 13);
  if (r === 10) {
    const k = pick(rng, ["pshuflw", "pshufhw", "shufps", "shufpd"]);
    g.emit(`${k} ${x()}, ${src()}, ${below(rng, 256)}`);
    return;
  }
  if (r === 11) {
    const k = below(rng, 4);
    if (k === 0) g.emit(`${pick(rng, ["movddup", "movsldup", "movshdup"])} ${x()}, ${src()}`);
    else if (k === 1) g.emit(`${pick(rng, ["movhlps", "movlhps"])} ${x()}, ${x()}`);
    else if (k === 2) g.emit(`lddqu ${x()}, ${g.memRaw()}`);
    else g.emit(`${pick(rng, ["movntss", "movntsd"])} ${g.memRaw()}, ${x()}`);
    return;
  }
  if (r === 12) {
    if (rng() < 0.5) g.emit(`pinsrw ${x()}, ${g.reg(32, false).t}, ${below(rng, 256)}`);
    else g.emit(`pextrw ${g.reg(32, true).t}, ${x()}, ${below(rng, 256)}`);
    return;
  }
  if (r === 0) g.emit(`${pick(rng, ["movdqu", "movups", "movaps", "movdqa", "movapd", "movupd"])} ${x()}, ${src()}`);
  else if (r === 1) g.emit(`${pick(rng, ["movdqu", "movups", "movaps", "movntdq"])} ${g.memRaw()}, ${x()}`);
  else if (r === 2) g.emit(`${pick(rng, ["pxor", "por", "pand", "pandn", "xorps", "orps", "andps", "andnps", "xorpd", "andnpd"])} ${x()}, ${src()}`);
  else if (r === 3) g.emit(`${pick(rng, ["pcmpeqb", "pcmpeqw", "pcmpeqd"])} ${x()}, ${src()}`);
  else if (r === 4) {
    const k = pick(rng, ["punpcklbw", "punpcklwd", "punpckldq", "punpcklqdq", "punpckhbw", "punpckhwd", "punpckhdq", "punpckhqdq", "unpcklps", "unpckhpd"]);
    g.emit(`${k} ${x()}, ${src()}`);
  } else if (r === 5) g.emit(`pshufd ${x()}, ${src()}, ${below(rng, 256)}`);
  else if (r === 6) g.emit(`${pick(rng, ["pmovmskb", "movmskps", "movmskpd"])} ${g.reg(32, true).t}, ${x()}`);
  else if (r === 7) {
    const q = g.bits === 64 && rng() < 0.5;
    const k = below(rng, 3);
    if (k === 0) g.emit(`${q ? "movq" : "movd"} ${x()}, ${g.rm(q ? 64 : 32, false).t}`);
    else if (k === 1) g.emit(`${q ? "movq" : "movd"} ${g.rm(q ? 64 : 32, true).t}, ${x()}`);
    else g.emit(`movq ${x()}, ${rng() < 0.5 ? g.memRaw() : x()}`);
  } else if (r === 8) {
    const k = pick(rng, ["movss", "movsd"]);
    const t = below(rng, 3);
    g.emit(t === 0 ? `${k} ${x()}, ${x()}` : t === 1 ? `${k} ${x()}, ${g.memRaw()}` : `${k} ${g.memRaw()}, ${x()}`);
  } else {
    const k = pick(rng, ["movlps", "movhps", "movlpd", "movhpd"]);
    g.emit(rng() < 0.5 ? `${k} ${x()}, ${g.memRaw()}` : `${k} ${g.memRaw()}, ${x()}`);
  }
}
