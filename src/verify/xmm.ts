/**
 * @file Stage 9 (verifier): the XMM half of a differential state. Random 128-bit register values
 * biased towards what breaks vector translations (all zeros, all ones, bytes of 0x00/0x80/0xff,
 * lane-sized sign boundaries, copies of another register so that compares find equal lanes and
 * move-masks see both signs), memory seeded with a register's bytes (so `pcmpeqb xmm, m128` sees
 * equal lanes too), the alignment a legacy-SSE memory operand needs, and the hex form of a
 * register in reports.
 *
 * Entry: a seeded `Rng` and a `GuestState`. Exit: `s.xmm` filled (XMMn at words 4n..4n+3, little
 * endian); nothing here runs code.
 *
 *   randomXmm(rng, 16, s);            // XMM0..XMM15
 *   xmmHex(s.xmm, 3);                 // "0x0000000000000000ffffffffffffffff"
 */
import { PF, R, type Insn } from "../x86/index.ts";
import type { GuestState } from "./a64-run.ts";
import type { Rng } from "./gen.ts";

const u32 = (rng: Rng): number => (rng() * 4294967296) >>> 0;
const below = (rng: Rng, n: number): number => Math.floor(rng() * n);

/** Bytes that flip compare and sign-mask results: zero, the sign bit alone, all ones, their neighbours. */
const BYTES = [0x00, 0x80, 0xff, 0x7f, 0x01];
/** 32-bit lanes at the boundaries of signed/unsigned byte, word and dword arithmetic. */
const LANES = [0, 1, 0xffffffff, 0x80000000, 0x7fffffff, 0x8000, 0x7fff, 0xffff, 0x80808080, 0x7f7f7f7f, 0x00ff00ff, 0xff00ff00];

/**
 * Fill XMM0..XMM(n-1) of `s`. A quarter of the registers are structured (all zeros, all ones,
 * 0x00/0x80/0xff byte mixes, boundary lanes), a quarter copy an earlier register (whole, or
 * with a few bytes changed: compares then see equal and unequal lanes in one instruction), the
 * rest are random. Words past `n` are zeroed (32-bit guests have no XMM8..15). The bits come
 * from an xorshift seeded once per state: `rng` per word would double the cost of a state's
 * set-up next to the GPRs (16 registers are 64 words).
 */
export function randomXmm(rng: Rng, n: number, s: GuestState): void {
  const x = s.xmm;
  let z = u32(rng) | 1;
  const next = (): number => {
    z ^= z << 13;
    z ^= z >>> 17;
    z ^= z << 5;
    return z >>> 0;
  };
  for (let r = 0; r < n; r++) {
    const o = 4 * r, p = rng();
    if (p < 0.06) x.fill(0, o, o + 4);
    else if (p < 0.12) x.fill(0xffffffff, o, o + 4);
    else if (p < 0.2) {
      // Mostly 0x00/0x80/0xff, sometimes their neighbours 0x7f/0x01.
      for (let k = 0; k < 4; k++) {
        let w = 0;
        for (let b = 0; b < 4; b++) {
          const v = next();
          w |= BYTES[(v & 7) < 6 ? (v >>> 3) % 3 : (v >>> 3) % BYTES.length]! << (8 * b);
        }
        x[o + k] = w >>> 0;
      }
    } else if (p < 0.25) for (let k = 0; k < 4; k++) x[o + k] = LANES[next() % LANES.length]!;
    else if (p < 0.5 && r > 0) {
      const from = 4 * below(rng, r);
      for (let k = 0; k < 4; k++) x[o + k] = x[from + k]!;
      // Change a few bytes half the time: some lanes equal, some not.
      if (p < 0.375) for (let c = 1 + (next() % 3); c > 0; c--) {
        const v = next(), k = v & 3, sh = 8 * ((v >>> 2) & 3);
        x[o + k] = (x[o + k]! ^ ((1 + ((v >>> 4) % 255)) << sh)) >>> 0;
      }
    } else for (let k = 0; k < 4; k++) x[o + k] = next();
  }
  x.fill(0, 4 * n);
}

/**
 * Put the bytes of a random XMM register at `mem[at]` (as many as fit before `end`), so that a
 * memory operand there equals a register: a compare with memory then finds equal lanes.
 */
export function seedFromXmm(rng: Rng, n: number, s: GuestState, mem: Uint8Array, at: number, end = mem.length): void {
  const r = below(rng, n);
  for (let i = 0; i < 16 && at + i < end; i++) mem[at + i] = (s.xmm[4 * r + (i >> 2)]! >>> (8 * (i & 3))) & 0xff;
}

/**
 * Mnemonics whose legacy-SSE 16-byte memory operand may be unaligned (SDM Vol. 1 §11.4.1 and the
 * "Exceptions Type 4" note: MOVUPS, MOVUPD, MOVDQU, LDDQU and the SSE4.2 string compares).
 */
const UNALIGNED = new Set(["movups", "movupd", "movdqu", "lddqu", "pcmpestri", "pcmpestrm", "pcmpistri", "pcmpistrm"]);

/** VEX/EVEX forms that still demand alignment (the explicitly aligned and non-temporal moves). */
const VEX_ALIGNED = new Set(["vmovaps", "vmovapd", "vmovdqa", "vmovdqa32", "vmovdqa64", "vmovntps", "vmovntpd", "vmovntdq", "vmovntdqa"]);

/**
 * The alignment the CPU enforces on the memory operand of `insn` (mnemonic `mn`, lower case), or 0.
 * A legacy-SSE (non-VEX) instruction with a 16-byte memory operand and an XMM operand raises
 * #GP unless that operand is 16-byte aligned, except for the explicitly unaligned forms; a VEX or
 * EVEX one only for the aligned moves, at the operand's size. The differential tests place such
 * operands aligned: the hardware would fault, and Unicorn 2.0.1's x86 engine (QEMU 5) does not
 * check (movaps, pxor, movdqa, vmovaps at [rbx] = 0x200008 run to the end), so a misaligned
 * state has no oracle.
 */
export function requiredAlignment(insn: Insn, mn: string): number {
  if (insn.prefixes & (PF.VEX | PF.EVEX | PF.XOP)) return VEX_ALIGNED.has(mn) && insn.memSize >= 16 ? insn.memSize : 0;
  if (insn.memSize !== 16 || UNALIGNED.has(mn)) return 0;
  for (let k = 0; k < insn.opCount; k++) if (insn.reg[k]! >= R.XMM && insn.reg[k]! < R.XMM + 32) return 16;
  return 0;
}

/** XMMn of `w` (four little-endian words at 4n) as `0x` and 32 hex digits, most significant first. */
export function xmmHex(w: Uint32Array, n: number): string {
  let h = "0x";
  for (let k = 3; k >= 0; k--) h += w[4 * n + k]!.toString(16).padStart(8, "0");
  return h;
}

/** Whether XMMn differs between two states. */
export function xmmDiffers(a: Uint32Array, b: Uint32Array, n: number): boolean {
  const o = 4 * n;
  return a[o] !== b[o] || a[o + 1] !== b[o + 1] || a[o + 2] !== b[o + 2] || a[o + 3] !== b[o + 3];
}
