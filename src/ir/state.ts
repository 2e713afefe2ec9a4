/**
 * @file Stage 5 (IR): the guest CPU state the IR reads and writes, architecture-neutral names
 * only: the sixteen general registers (x86 encoding order), the flags, and the layout of the
 * in-memory state block (`docs/runtime-abi.md` is the contract; this file is its single source).
 *
 * On entry: nothing. On exit: numbering shared by the semantics (which emit `GetReg 3`), the
 * lowering (which maps register 3 to a host register) and the runtime (which reads the state
 * block at `STATE.*` offsets).
 *
 *   GPR.RBX === 3; FLAG.ZF === 8; STATE.RIP === 0x80
 */

/** Guest general registers in x86 encoding order (RAX=0 … R15=15); 32-bit guests use 0..7. */
export const GPR = {
  RAX: 0, RCX: 1, RDX: 2, RBX: 3, RSP: 4, RBP: 5, RSI: 6, RDI: 7,
  R8: 8, R9: 9, R10: 10, R11: 11, R12: 12, R13: 13, R14: 14, R15: 15,
} as const;
export const GPR_NAMES = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"] as const;

/**
 * Flag bits, used both as flag ids (`GetFlag`/`SetFlag`) and in flag masks (an op's `fm`, the
 * liveness pass). Not EFLAGS positions: `EFLAGS_BIT` maps them.
 */
export const FLAG = { CF: 1, PF: 2, AF: 4, ZF: 8, SF: 16, OF: 32, DF: 64 } as const;
/** The six arithmetic status flags. */
export const STATUS_FLAGS = 63;
export const FLAG_NAMES: Record<number, string> = { 1: "cf", 2: "pf", 4: "af", 8: "zf", 16: "sf", 32: "of", 64: "df" };
/** EFLAGS bit position of each flag. */
export const EFLAGS_BIT: Record<number, number> = { 1: 0, 2: 2, 4: 4, 8: 6, 16: 7, 32: 11, 64: 10 };

/** Print a flag mask as iced-style letters in a fixed order, e.g. `oszapc`; `-` when empty. */
export function flagLetters(mask: number): string {
  let s = "";
  if (mask & FLAG.OF) s += "o";
  if (mask & FLAG.DF) s += "d";
  if (mask & FLAG.SF) s += "s";
  if (mask & FLAG.ZF) s += "z";
  if (mask & FLAG.AF) s += "a";
  if (mask & FLAG.PF) s += "p";
  if (mask & FLAG.CF) s += "c";
  return s || "-";
}

/** Parse `flagLetters` output back into a mask (any order). */
export function parseFlagLetters(s: string): number {
  if (s === "-") return 0;
  let m = 0;
  for (const ch of s) {
    const bit = { o: FLAG.OF, d: FLAG.DF, s: FLAG.SF, z: FLAG.ZF, a: FLAG.AF, p: FLAG.PF, c: FLAG.CF }[ch];
    if (bit === undefined) throw new Error(`unknown flag letter "${ch}" in "${s}"`);
    m |= bit;
  }
  return m;
}

/**
 * x86 condition codes in encoding order (the low nibble of Jcc/SETcc/CMOVcc).
 * `Cond`, `Select`-by-condition and `ExitIf` take these.
 */
export const CC = {
  O: 0, NO: 1, B: 2, AE: 3, E: 4, NE: 5, BE: 6, A: 7, S: 8, NS: 9, P: 10, NP: 11, L: 12, GE: 13, LE: 14, G: 15,
} as const;
export const CC_NAMES = ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"] as const;
/** The flags each condition reads. */
export const CC_READS: readonly number[] = [
  FLAG.OF, FLAG.OF, FLAG.CF, FLAG.CF, FLAG.ZF, FLAG.ZF, FLAG.CF | FLAG.ZF, FLAG.CF | FLAG.ZF,
  FLAG.SF, FLAG.SF, FLAG.PF, FLAG.PF, FLAG.SF | FLAG.OF, FLAG.SF | FLAG.OF,
  FLAG.ZF | FLAG.SF | FLAG.OF, FLAG.ZF | FLAG.SF | FLAG.OF,
];

/**
 * The in-memory guest state block (`docs/runtime-abi.md` §2). Translated code keeps the guest
 * registers in host registers; this block holds what does not live in registers (RIP at exits,
 * DF, segment bases, the runtime symbol table, the image base) and is where a runtime saves
 * the registers when it leaves translated code. Offsets in bytes; the block is 16-byte aligned.
 */
export const STATE = {
  /** 16 × 8 bytes: RAX..R15 (x86 order), saved by the runtime when it leaves translated code. */
  GPR: 0x00,
  /** Guest RIP at an exit (the runtime also receives it in a register, see the ABI). */
  RIP: 0x80,
  /** EFLAGS as x86 defines it, written by the runtime when it materialises flags. */
  EFLAGS: 0x88,
  /** DF as a 64-bit 0 or 1 (string instructions read it; never kept in a register). */
  DF: 0x90,
  /** The lazy PF/AF sources when a runtime saves them (see the ABI §4). */
  PF_RAW: 0x98,
  AF_RAW: 0xa0,
  /** FS and GS segment bases (TEB in 64-bit Windows is GS, in 32-bit FS). */
  FS_BASE: 0xa8,
  GS_BASE: 0xb0,
  /** The actual load address of the guest image this code was translated for (PIC, ABI §7). */
  IMAGE_BASE: 0xb8,
  /** Exit reason code written by the exit stubs (`EXIT.*`). */
  EXIT_REASON: 0xc0,
  /**
   * EFLAGS.AC (bit 18) and EFLAGS.ID (bit 21) as the guest last set them (POPF), in place, all
   * other bits 0. Nothing else reads them, but user code can toggle both and sees them in PUSHF
   * (the CPUID-support check flips ID).
   */
  AC_ID: 0xc8,
  /**
   * 16 bytes where the lowering parks a guest vector register it borrows as a scratch for one
   * guest instruction (ARM64EC has no free vector register: v16-v31 are not allowed; ABI §3.2).
   */
  VSCRATCH: 0xd0,
  /**
   * The segment selectors (ABI §2), 16 bits each in x86 order: ES (bits 0-15), CS, SS, DS (bits
   * 48-63). Translated code reads them (MOV r/m, Sreg; PUSH Sreg; the far-transfer CS check) and
   * the runtime writes them when it loads a segment register (`load_segment`, `far_transfer`).
   */
  SEL: 0xe0,
  /** FS (bits 0-15) and GS (bits 16-31) selectors; the rest is 0. */
  SEL_FSGS: 0xe8,
  /** Runtime symbol table: `SYM_COUNT` entry points, 8 bytes each (ABI §5). */
  SYMBOLS: 0x100,
  /** XMM0..XMM15, 16 bytes each (room for the vector slice; x87 follows). */
  XMM: 0x200,
  X87: 0x300,
  SIZE: 0x400,
} as const;

/**
 * Runtime symbols translated code reaches through the table at `STATE.SYMBOLS` (ABI §5): slot
 * `i` is at `STATE.SYMBOLS + 8 * i`. Exits load the slot and branch to it; nothing in the code
 * holds an absolute host address, so caches map without being rewritten.
 */
export const SYM = {
  /** Continue at the guest RIP in the exit register (direct jumps not linked, indirect jumps, returns). */
  dispatch: 0,
  /** The guest instruction at RIP is not translated: run it some other way, then continue. */
  fallback: 1,
  int3: 2,
  ud2: 3,
  hlt: 4,
  cpuid: 5,
  rdtsc: 6,
  int: 7,
  syscall: 8,
  divide_error: 9,
  /** MOV Sreg / POP Sreg with a selector other than the current one: load the descriptor (or #GP), then continue after the instruction. */
  load_segment: 10,
  /** Far CALL/JMP/RETF to a selector other than CS: the runtime performs the transfer (a mode switch) or reports it. */
  far_transfer: 11,
  /** RDRAND r16/r32/r64: the runtime writes a random value to the register of the instruction at RIP, CF = 1, OF SF ZF AF PF = 0, and continues after it. */
  rdrand: 12,
  /** RDSEED r16/r32/r64: as `rdrand` (a full-entropy value where the host has one). */
  rdseed: 13,
  /** RDPID r32/r64: the runtime writes the processor id (IA32_TSC_AUX as the OS sets it) to the register, then continues after it. */
  rdpid: 14,
} as const;
export const SYM_NAMES = Object.keys(SYM) as (keyof typeof SYM)[];
export const SYM_COUNT = 32;
