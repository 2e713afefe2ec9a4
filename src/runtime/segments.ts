/**
 * @file Stage 10 (runtime): the segment selectors of `aot run` (docs/runtime-abi.md §2, §5): their
 * initial values, and the two runtime symbols translated code leaves into when a selector
 * changes. Both exits come at the instruction itself with nothing of it done (x16 = its RIP):
 *
 * - `load_segment` (MOV Sreg, POP Sreg with a selector other than the current one): the runtime
 *   decodes the instruction, takes the new selector from its register, memory or stack operand,
 *   and "loads the descriptor": the selectors a Wine process starts with are the only
 *   descriptors there are (flat data, and the 32-bit TEB selector for FS), plus the null
 *   selector for DS/ES/FS/GS (and SS in 64-bit mode). Any other raises #GP, which `aot run`
 *   reports as a stop. FS/GS take the base of the descriptor loaded (the TEB for the TEB
 *   selector, 0 for a flat one), as the CPU does. Then RSP moves past a POP's slot and the run
 *   continues after the instruction.
 * - `far_transfer` (far CALL/JMP/RETF to a selector other than CS): a mode switch (WOW64's
 *   "heaven's gate" `jmp far 0x33:…`), which `aot run` runs one mode of and so reports as a stop
 *   naming the selector.
 *
 * Initial selectors (Wine on Linux x86-64, dlls/ntdll/unix/signal_x86_64.c: `signal_init_threading`
 * reads CS and SS of the running 64-bit code, the kernel's __USER_CS 0x33 and __USER_DS 0x2b;
 * `call_init_thunk` gives 64-bit code DS = ES = GS = SS = 0x2b and FS = 0, and WOW64 code
 * CS = cs32_sel = 0x23 (__USER32_CS), FS = fs32_sel = (entry << 3) | 3 for the GDT TLS entry
 * `set_thread_area` returns, 12 on x86-64: 0x63). `aot run` takes other values as registers
 * `cs`, `ds`, ... (the reference runner then loads them into a GDT, src/verify/segments.ts).
 *
 *   const seg = new Segments(64, { ds: 0x2bn });
 *   seg.init(stateView); seg.load(stateView, 3, 0x2b) // true: accepted
 */
import { STATE } from "../ir/index.ts";

export const SEG_NAMES = ["es", "cs", "ss", "ds", "fs", "gs"] as const;
/** Wine's selectors (ES, CS, SS, DS, FS, GS) for 64-bit code and for WOW64 (32-bit) code; see the file comment. */
export const WINE_SELECTORS: Record<32 | 64, readonly number[]> = {
  64: [0x2b, 0x33, 0x2b, 0x2b, 0x00, 0x2b],
  32: [0x2b, 0x23, 0x2b, 0x2b, 0x63, 0x2b],
};
const CS = 1, SS = 2, FS = 4, GS = 5;

const selOffset = (s: number): number => (s < 4 ? STATE.SEL : STATE.SEL_FSGS) + 2 * (s & 3);

export class Segments {
  /** The initial selectors (ES..GS). */
  readonly initial: number[];
  /** Base of each known data descriptor by selector (FS/GS bases follow the descriptor loaded). */
  private readonly bases = new Map<number, bigint>();

  constructor(private readonly bits: 32 | 64, given: Record<string, bigint> = {}) {
    this.initial = WINE_SELECTORS[bits].map((v, s) => Number((given[SEG_NAMES[s]!] ?? BigInt(v)) & 0xffffn));
  }

  /** Write the initial selectors into the state block, and note each data descriptor's base (FS/GS from the state's bases, set before). */
  init(v: DataView): void {
    this.initial.forEach((sel, s) => v.setUint16(selOffset(s), sel, true));
    this.initial.forEach((sel, s) => {
      if (s === CS || (sel & 0xfffc) === 0) return;
      const base = s === FS ? v.getBigUint64(STATE.FS_BASE, true) : s === GS ? v.getBigUint64(STATE.GS_BASE, true) : 0n;
      if (!this.bases.has(sel) || base !== 0n) this.bases.set(sel, base);
    });
  }

  get(v: DataView, s: number): number {
    return v.getUint16(selOffset(s), true);
  }

  /**
   * Load selector `sel` into segment s (not CS): false for #GP (a descriptor the process does not
   * have, or a null SS outside 64-bit mode), else the selector and for FS/GS the base are set.
   */
  load(v: DataView, s: number, sel: number): boolean {
    const nul = (sel & 0xfffc) === 0;
    if (s === CS || (nul && s === SS && this.bits === 32) || (!nul && !this.bases.has(sel))) return false;
    v.setUint16(selOffset(s), sel, true);
    if ((s === FS || s === GS) && !(nul && this.bits === 64)) v.setBigUint64(s === FS ? STATE.FS_BASE : STATE.GS_BASE, nul ? 0n : this.bases.get(sel)!, true);
    return true;
  }
}
