/**
 * @file Stage 9 (verifier): segment selectors in differential tests (`DiffOptions.segments`,
 * src/verify/diff.ts). Unicorn starts with every selector 0 and no descriptor table, where a far
 * transfer to the current CS would raise #GP; this gives the reference engine a GDT with real
 * descriptors, loads its segment registers with selectors from it in every state, and starts our
 * state block's selectors (`STATE.SEL`, ABI §2) from what Unicorn then holds. The states are
 * biased so that MOV Sreg / POP Sreg sources and far-transfer selectors often equal the current
 * selector (the translation's inline fast path) and otherwise hold another one (its exit into
 * `load_segment` / `far_transfer`).
 *
 * The GDT is the one `Engine.setSegBase32` maps (entries 1-3: FS base, GS base, a flat ring-0
 * stack segment at 0x18), plus a ring-0 code segment of the mode at 0x20 and a second one at 0x30
 * (another CS), and a flat ring-3 data segment at 0x2b (Wine's data selector). Unicorn runs at
 * CPL 0, so SS must be a ring-0 selector (0x18); data segments may be either.
 *
 *   setUpSegments(engine, 64);
 *   randomSelectors(rng, engine);          // loads CS, ES, DS, FS, GS
 *   readSelectors(engine, state.sel);      // our state starts from what the engine holds
 */
import { GDT32_ADDR, X86_REG, type Engine } from "../runtime/unicorn.ts";
import { tables, type Insn } from "../x86/index.ts";
import { isSegmentForm } from "../x86/semantics/segment.ts";
import type { Rng } from "./gen.ts";

/** Unicorn register ids of ES, CS, SS, DS, FS, GS (x86 order, as `GuestState.sel`). */
export const SEG_IDS = [X86_REG.ES, X86_REG.CS, X86_REG.SS, X86_REG.DS, X86_REG.FS, X86_REG.GS] as const;
export const SEG_NAMES = ["es", "cs", "ss", "ds", "fs", "gs"] as const;

/** A flat 4 GiB descriptor with access byte `access` and flags nibble `flags` (G, D/B, L). */
const flat = (access: number, flags: number): bigint => 0xffffn | (BigInt(access) << 40n) | (0xfn << 48n) | (BigInt(flags) << 52n);

/** Code selectors (ring 0): the mode's code segment and a second one, a different CS. */
export const CODE_SELS = [0x20, 0x30] as const;
/** Data selectors usable for DS/ES/FS/GS at CPL 0 (ring-3 flat data, the ring-0 stack segment). */
export const DATA_SELS = [0x2b, 0x18] as const;
export const STACK_SEL = 0x18;

/** Give a fresh x86 engine the GDT and load CS = 0x20, SS = 0x18, DS = ES = FS = GS = 0x2b. */
export function setUpSegments(e: Engine, bits: 32 | 64): void {
  // Maps the GDT, sets GDTR and loads SS with the flat ring-0 segment (entry 3).
  e.setSegBase32(0, 0);
  e.setSegBase32(1, 0);
  // 64-bit: L = 1 and G = 1 (QEMU checks a far target against the limit even in long mode).
  const code = bits === 64 ? flat(0x9a, 0xa) : flat(0x9a, 0xc);
  const gdt = new Uint8Array(24);
  const dv = new DataView(gdt.buffer);
  dv.setBigUint64(0, code, true); // 0x20
  dv.setBigUint64(8, flat(0xf2, 0xc), true); // 0x28 (0x2b with RPL 3)
  dv.setBigUint64(16, code, true); // 0x30
  e.write(GDT32_ADDR + 0x20, gdt);
  e.setReg(X86_REG.CS, BigInt(CODE_SELS[0]));
  for (const id of [X86_REG.DS, X86_REG.ES, X86_REG.FS, X86_REG.GS]) e.setReg(id, 0x2bn);
  if (bits === 64) {
    // A register write of SS in 64-bit mode leaves its cached descriptor's B bit clear, and the
    // 16/32-bit far CALL/RETF of QEMU 5 then mask the stack pointer to 16 bits: a real MOV SS
    // loads the descriptor (a page of its own below the GDT, `mov ss, eax` with EAX = 0x18).
    const at = GDT32_ADDR - 0x1000;
    e.map(at, 0x1000);
    e.write(at, Uint8Array.of(0x8e, 0xd0));
    e.setReg(X86_REG.RAX, BigInt(STACK_SEL));
    e.start(at, at + 2, 0, 1);
  }
}

const SEG_MNEMONICS = new Set(["MOV", "PUSH", "POP", "CALL", "JMP", "RETF"]);
/** The translated segment-register and far-transfer forms (segment.ts): they need `setUpSegments` in the reference. */
export function needsSegments(i: Insn): boolean {
  const m = tables().mnemonics[i.mnemonic] ?? "";
  return SEG_MNEMONICS.has(m) && (m === "RETF" || isSegmentForm(i));
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/**
 * Load random valid selectors into the engine: CS from `CODE_SELS`, the data segments from
 * `DATA_SELS` (SS stays `STACK_SEL`). Loading FS/GS resets their bases, so a state's FS/GS base
 * is set after this, and the state's selectors are read back after that (`readSelectors`).
 */
export function randomSelectors(rng: Rng, e: Engine): void {
  e.setReg(X86_REG.CS, BigInt(pick(rng, CODE_SELS)));
  for (const id of [X86_REG.ES, X86_REG.DS, X86_REG.FS, X86_REG.GS]) e.setReg(id, BigInt(pick(rng, DATA_SELS)));
}

/** The engine's six selectors into `out` (ES, CS, SS, DS, FS, GS). */
export function readSelectors(e: Engine, out: Uint16Array): void {
  for (let k = 0; k < 6; k++) out[k] = Number(e.reg(SEG_IDS[k]!) & 0xffffn);
}

/**
 * A selector for a load into segment `seg` (or a far transfer, seg = CS): usually the current one
 * (`cur`), otherwise another valid one or an arbitrary 16-bit value (which Unicorn rejects with
 * #GP: the translation must leave into the runtime before doing anything either way).
 */
export function biasedSelector(rng: Rng, cur: number, seg: number): number {
  const r = rng();
  if (r < 0.6) return cur;
  if (r < 0.8) return seg === 1 ? pick(rng, CODE_SELS) : pick(rng, DATA_SELS);
  return Math.floor(rng() * 0x10000);
}

/** Text of the selectors that differ, for a mismatch report ("" when all agree). */
export function selectorDiff(x86: Uint16Array, arm: Uint16Array): string {
  const hex = (v: number): string => `0x${v.toString(16)}`;
  return SEG_NAMES.filter((_, k) => x86[k] !== arm[k]).map((n) => {
    const k = SEG_NAMES.indexOf(n);
    return `  * ${n}: x86 ${hex(x86[k]!)}, translated ${hex(arm[k]!)}`;
  }).join("\n");
}
