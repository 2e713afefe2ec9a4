/**
 * @file Stage 10 (runtime): a small bun:ffi binding to Unicorn 2 (Debian's libunicorn.so.2), used as
 * the x86 reference CPU and as the ARM64 CPU that runs translated code in tests.
 *
 * On entry: nothing; the library is opened on the first {@link Engine} and a missing library is
 * an InputError naming "libunicorn.so.2". On exit: an Engine owns one uc_engine until `close()`.
 * Register transfers in hot loops go through a {@link RegBatch} (one FFI call for many registers,
 * no BigInt or allocation per call: read the `lo`/`hi` Uint32Array views). `start` never throws;
 * it returns the uc_err code (0 = ok, {@link UC_ERR}).
 *
 * Facts found by experiment on Unicorn 2.0.1 (see test/runtime/unicorn.test.ts):
 * - Rewriting code: call `invalidate(begin, end)` afterwards; uc_mem_write alone can leave a
 *   stale translated block (seen after a run stopped by hlt/ud2 with `until` elsewhere).
 * - x86 HLT: uc_emu_start returns UC_ERR_OK (0) at once and RIP is the address after the `hlt`;
 *   no interrupt or instruction hook fires (UC_HOOK_INSN does not cover hlt). The next start
 *   runs normally (the CPU is not left halted). To tell "stopped at hlt" from other OK stops,
 *   src/verify/x86-run.ts checks that the last instruction the code hook saw was a hlt.
 * - x86 int n / int3 / #DE: the interrupt hook fires, then Unicorn tries the (unmapped) IDT;
 *   call `stop()` in the hook to end the run cleanly.
 * - Write-protect hook ({@link Engine.onWriteProt}): return true after making the page writable
 *   (`protect`) and the store is retried and lands; return false and the run stops with
 *   UC_ERR_WRITE_PROT. Changing mappings inside a hook trips Unicorn's hook recursion guard, so
 *   restart with `start` rather than resuming (docs/../shared/reference/environment.md §9).
 * - ARM64: the default CPU (A72) faults on LSE atomics; {@link Engine.arm64} selects CPU MAX.
 * - Counted runs (`count` > 0) slow later uncounted runs on the same engine: use two engines.
 *
 *   const e = Engine.x86(64);
 *   e.map(0x1000n, 0x1000, UC_PROT.ALL);
 *   e.write(0x1000n, new Uint8Array([0x48, 0x01, 0xd8]));      // add rax, rbx
 *   e.setReg(X86_REG.RAX, 1n); e.setReg(X86_REG.RBX, 2n);
 *   e.start(0x1000n, 0x1003n);                                  // 0
 *   e.reg(X86_REG.RAX);                                         // 3n
 */
import { dlopen, FFIType, JSCallback, ptr, toArrayBuffer, CString, type Pointer } from "bun:ffi";
import { InputError } from "../util/errors.ts";

const LIB = "libunicorn.so.2";

const SYMBOLS = {
  uc_open: { args: [FFIType.i32, FFIType.i32, FFIType.ptr], returns: FFIType.i32 },
  uc_close: { args: [FFIType.ptr], returns: FFIType.i32 },
  uc_strerror: { args: [FFIType.i32], returns: FFIType.ptr },
  uc_mem_map: { args: [FFIType.ptr, FFIType.u64, FFIType.u64, FFIType.u32], returns: FFIType.i32 },
  uc_mem_map_ptr: { args: [FFIType.ptr, FFIType.u64, FFIType.u64, FFIType.u32, FFIType.ptr], returns: FFIType.i32 },
  uc_mem_unmap: { args: [FFIType.ptr, FFIType.u64, FFIType.u64], returns: FFIType.i32 },
  uc_mem_protect: { args: [FFIType.ptr, FFIType.u64, FFIType.u64, FFIType.u32], returns: FFIType.i32 },
  uc_mem_write: { args: [FFIType.ptr, FFIType.u64, FFIType.ptr, FFIType.u64], returns: FFIType.i32 },
  uc_mem_read: { args: [FFIType.ptr, FFIType.u64, FFIType.ptr, FFIType.u64], returns: FFIType.i32 },
  uc_reg_write: { args: [FFIType.ptr, FFIType.i32, FFIType.ptr], returns: FFIType.i32 },
  uc_reg_read: { args: [FFIType.ptr, FFIType.i32, FFIType.ptr], returns: FFIType.i32 },
  uc_reg_write_batch: { args: [FFIType.ptr, FFIType.ptr, FFIType.ptr, FFIType.i32], returns: FFIType.i32 },
  uc_reg_read_batch: { args: [FFIType.ptr, FFIType.ptr, FFIType.ptr, FFIType.i32], returns: FFIType.i32 },
  uc_emu_start: { args: [FFIType.ptr, FFIType.u64, FFIType.u64, FFIType.u64, FFIType.u64], returns: FFIType.i32 },
  uc_emu_stop: { args: [FFIType.ptr], returns: FFIType.i32 },
  // Variadic in C (the extra int is the instruction id for UC_HOOK_INSN); fixed int args are
  // passed in the same registers on x86-64 SysV, and non-INSN hooks ignore the extra one.
  uc_hook_add: { args: [FFIType.ptr, FFIType.ptr, FFIType.i32, FFIType.ptr, FFIType.ptr, FFIType.u64, FFIType.u64, FFIType.i32], returns: FFIType.i32 },
  uc_hook_del: { args: [FFIType.ptr, FFIType.u64], returns: FFIType.i32 },
  uc_ctl: { args: [FFIType.ptr, FFIType.u32, FFIType.i32], returns: FFIType.i32 },
  uc_mem_regions: { args: [FFIType.ptr, FFIType.ptr, FFIType.ptr], returns: FFIType.i32 },
  uc_free: { args: [FFIType.ptr], returns: FFIType.i32 },
} as const;

// uc_ctl again with the (address, end) arguments of TB_REMOVE_CACHE: one dlopen per C signature.
const CTL2 = { uc_ctl: { args: [FFIType.ptr, FFIType.u32, FFIType.u64, FFIType.u64], returns: FFIType.i32 } } as const;

type Lib = ReturnType<typeof dlopen<typeof SYMBOLS>>["symbols"] & { uc_ctl2: ReturnType<typeof dlopen<typeof CTL2>>["symbols"]["uc_ctl"] };
let lib: Lib | undefined;

function uc(): Lib {
  if (lib) return lib;
  try {
    lib = { ...dlopen(LIB, SYMBOLS).symbols, uc_ctl2: dlopen(LIB, CTL2).symbols.uc_ctl };
  } catch {
    throw new InputError(LIB, "cannot load the Unicorn engine (install Debian package libunicorn2: bash scripts/setup.sh)", "missing");
  }
  return lib;
}

/** Page permissions for map/protect. */
export const UC_PROT = { NONE: 0, READ: 1, WRITE: 2, EXEC: 4, ALL: 7 } as const;
/** uc_err codes (unicorn.h). */
export const UC_ERR = {
  OK: 0, NOMEM: 1, ARCH: 2, HANDLE: 3, MODE: 4, VERSION: 5, READ_UNMAPPED: 6, WRITE_UNMAPPED: 7,
  FETCH_UNMAPPED: 8, HOOK: 9, INSN_INVALID: 10, MAP: 11, WRITE_PROT: 12, READ_PROT: 13, FETCH_PROT: 14,
  ARG: 15, READ_UNALIGNED: 16, WRITE_UNALIGNED: 17, FETCH_UNALIGNED: 18, HOOK_EXIST: 19, RESOURCE: 20, EXCEPTION: 21,
} as const;
/** uc_mem_type values a memory hook reports. */
export const UC_MEM = {
  READ: 16, WRITE: 17, FETCH: 18, READ_UNMAPPED: 19, WRITE_UNMAPPED: 20, FETCH_UNMAPPED: 21,
  WRITE_PROT: 22, READ_PROT: 23, FETCH_PROT: 24,
} as const;
const MEM_KIND: Record<number, MemFaultKind> = {
  19: "read-unmapped", 20: "write-unmapped", 21: "fetch-unmapped", 22: "write-prot", 23: "read-prot", 24: "fetch-prot",
};
export type MemFaultKind = "read-unmapped" | "write-unmapped" | "fetch-unmapped" | "write-prot" | "read-prot" | "fetch-prot";

const HOOK = { INTR: 1, INSN: 2, CODE: 4, MEM_UNMAPPED: 112, MEM_WRITE_PROT: 256, MEM_INVALID: 1008 } as const;
const ARCH_X86 = 4, ARCH_ARM64 = 2, MODE_32 = 4, MODE_64 = 8, MODE_ARM = 0;
/**
 * uc_ctl codes, checked against unicorn.h: UC_CTL_WRITE(UC_CTL_CPU_MODEL, 1),
 * UC_CTL_WRITE(UC_CTL_TB_FLUSH, 0), UC_CTL_WRITE(UC_CTL_TB_REMOVE_CACHE, 2).
 */
const CTL_SET_CPU_MODEL = 0x44000007, CTL_TB_FLUSH = 0x4000000a, CTL_TB_REMOVE = 0x48000009, CPU_ARM64_MAX = 3;

type N16 = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15;
type N29 = N16 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28;
type N32 = N29 | 29 | 30 | 31;
/** `{P0: base, P1: base+1, ...}` with concrete keys, so `X86_REG.XMM3` is a number, not number|undefined. */
function seq<P extends string, K extends number>(prefix: P, first: number, n: number, base: number): Record<`${P}${K}`, number> {
  const r: Record<string, number> = {};
  for (let i = 0; i < n; i++) r[`${prefix}${first + i}`] = base + i;
  return r as Record<`${P}${K}`, number>;
}

/** Where `Engine.setSegBase32` maps its GDT: the top page of the 32-bit address space. */
export const GDT32_ADDR = 0xffff_f000;

/** x86 register ids (unicorn/x86.h). */
export const X86_REG = Object.freeze({
  EFLAGS: 25, RAX: 35, RBP: 36, RBX: 37, RCX: 38, RDI: 39, RDX: 40, RIP: 41, RSI: 43, RSP: 44,
  EAX: 19, EBP: 20, EBX: 21, ECX: 22, EDI: 23, EDX: 24, EIP: 26, ESI: 29, ESP: 30,
  CS: 11, DS: 17, ES: 28, FS: 32, GS: 33, SS: 49, FPSW: 31, FPCW: 246, MXCSR: 249, FS_BASE: 250, GS_BASE: 251, GDTR: 243,
  ...seq<"R", 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15>("R", 8, 8, 106),
  ...seq<"XMM", N16>("XMM", 0, 16, 122),
});

/** ARM64 register ids (unicorn/arm64.h). X29 and X30 are 1 and 2, not contiguous with X0..X28. */
export const ARM64_REG = Object.freeze({
  ...seq<"X", N29>("X", 0, 29, 199),
  X29: 1, X30: 2, FP: 1, LR: 2, NZCV: 3, SP: 4, XZR: 7, PC: 260, TPIDR_EL0: 262, FPCR: 291, FPSR: 292,
  ...seq<"Q", N32>("Q", 0, 32, 104),
  ...seq<"V", N32>("V", 0, 32, 228),
});

/** RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8..R15: x86 encoding order. */
export const X86_GPR64_IDS: readonly number[] = Object.freeze([35, 38, 40, 37, 44, 36, 43, 39, 106, 107, 108, 109, 110, 111, 112, 113]);
/** EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI: x86 encoding order. */
export const X86_GPR32_IDS: readonly number[] = Object.freeze([19, 22, 24, 21, 30, 20, 29, 23]);
/** XMM0..XMM15 (unicorn/x86.h: consecutive from UC_X86_REG_XMM0 = 122). */
export const X86_XMM_IDS: readonly number[] = Object.freeze(Array.from({ length: 16 }, (_, i) => X86_REG.XMM0 + i));
/** V0..V15, the homes of XMM0..XMM15 (unicorn/arm64.h: consecutive from UC_ARM64_REG_V0 = 228). */
export const ARM64_V_IDS: readonly number[] = Object.freeze(Array.from({ length: 16 }, (_, i) => ARM64_REG.V0 + i));
/** x0..x30 in order. */
export const ARM64_X_IDS: readonly number[] = Object.freeze([...Array.from({ length: 29 }, (_, i) => 199 + i), 1, 2]);

const TWO32 = 4294967296;
const toU64 = (v: bigint | number): bigint | number => (typeof v === "number" ? v : BigInt.asUintN(64, v));

/**
 * A fixed set of registers moved with one uc_reg_read_batch / uc_reg_write_batch call. 64-bit
 * (and narrower) registers live in `values` (8 bytes per register; `lo`/`hi` are 32-bit views of
 * the same memory, index 2*i and 2*i+1); 128-bit ones (`vecIds`: XMM, Q/V) in `vec`, four
 * little-endian 32-bit words each (register j at `vec[4*j]`..`vec[4*j+3]`), in the batch's own
 * buffer or in `vecStore` (16 bytes per register, e.g. the state block's XMM slots, so a read
 * lands there with no copy). The buffers and the pointer table are allocated once and reused.
 */
export class RegBatch {
  readonly values: BigUint64Array;
  readonly lo: Uint32Array;
  readonly vec: Uint32Array;
  readonly ids: Int32Array;
  /** vals[] for the C API: pointers into `values`, then into the 128-bit slots. */
  private readonly ptrs: BigUint64Array;
  readonly idsPtr: Pointer;
  readonly ptrsPtr: Pointer;
  /** Registers in the batch, both kinds. */
  private readonly count: number;
  constructor(ids: readonly number[], vecIds: readonly number[] = [], vecStore?: Uint8Array) {
    const n = ids.length, m = vecIds.length;
    this.ids = new Int32Array(new ArrayBuffer(4 * Math.max(1, n + m)));
    this.ids.set(ids);
    this.ids.set(vecIds, n);
    // Explicit ArrayBuffers: see the note on Engine.scratch.
    const buf = new ArrayBuffer(8 * n + (vecStore ? 0 : 16 * m));
    this.values = new BigUint64Array(buf, 0, n);
    this.lo = new Uint32Array(buf, 0, 2 * n);
    if (vecStore && (vecStore.byteLength < 16 * m || vecStore.byteOffset % 4)) throw new Error("RegBatch: vecStore must hold 16 bytes per register, 4-byte aligned");
    this.vec = vecStore ? new Uint32Array(vecStore.buffer, vecStore.byteOffset, 4 * m) : new Uint32Array(buf, 8 * n, 4 * m);
    this.ptrs = new BigUint64Array(new ArrayBuffer(8 * Math.max(1, n + m)));
    if (n) {
      const base = BigInt(ptr(this.values));
      for (let i = 0; i < n; i++) this.ptrs[i] = base + BigInt(i * 8);
    }
    if (m) {
      const base = BigInt(ptr(this.vec));
      for (let j = 0; j < m; j++) this.ptrs[n + j] = base + BigInt(j * 16);
    }
    this.count = n + m;
    this.idsPtr = ptr(this.ids);
    this.ptrsPtr = ptr(this.ptrs);
  }
  get length(): number {
    return this.count;
  }
  /** Register i as a number (exact below 2^53). */
  num(i: number): number {
    return this.lo[2 * i + 1]! * TWO32 + this.lo[2 * i]!;
  }
  /** Low 32 bits of register i, unsigned. */
  u32(i: number): number {
    return this.lo[2 * i]!;
  }
  /** Set register i from a non-negative number below 2^53 (no BigInt). */
  setNum(i: number, v: number): void {
    this.lo[2 * i] = v >>> 0;
    this.lo[2 * i + 1] = Math.floor(v / TWO32) >>> 0;
  }
}

export interface MemFault {
  kind: MemFaultKind;
  address: bigint;
  size: number;
}

/** One Unicorn CPU with its memory. Not thread-safe; one engine per use (see gotchas above). */
export class Engine {
  private h: Pointer | null;
  private readonly s: Lib;
  // Typed arrays are made over an explicit ArrayBuffer: JSC moves a small typed array's storage
  // the first time `.buffer` is touched, which would leave a pointer taken earlier dangling.
  private readonly scratch = new BigUint64Array(new ArrayBuffer(32)); // big enough for XMM/Q reads
  private readonly scratchPtr: Pointer;
  private readonly scratch32: Uint32Array;
  /** Host buffers mapped with mapPtr; referenced so they outlive the mapping. */
  private readonly pinned = new Map<bigint, Uint8Array>();
  private readonly callbacks: { cb: JSCallback; hook: bigint }[] = [];
  private readonly hookOut = new BigUint64Array(new ArrayBuffer(8));

  private constructor(arch: number, mode: number, readonly name: string) {
    this.s = uc();
    const out = new BigUint64Array(1);
    const err = this.s.uc_open(arch, mode, out);
    if (err !== 0) throw new Error(`uc_open(${name}): ${Engine.errorText(err)}`);
    this.h = Number(out[0]!) as Pointer;
    this.scratchPtr = ptr(this.scratch);
    this.scratch32 = new Uint32Array(this.scratch.buffer);
  }

  static x86(bits: 32 | 64): Engine {
    return new Engine(ARCH_X86, bits === 64 ? MODE_64 : MODE_32, `x86-${bits}`);
  }

  static arm64(): Engine {
    const e = new Engine(ARCH_ARM64, MODE_ARM, "arm64");
    // The default A72 model raises UC_ERR_EXCEPTION on LSE atomics (ldadd, casal).
    e.check(e.s.uc_ctl(e.handle, CTL_SET_CPU_MODEL, CPU_ARM64_MAX), "uc_ctl(cpu model MAX)");
    return e;
  }

  private get handle(): Pointer {
    if (this.h === null) throw new Error(`${this.name} engine is closed`);
    return this.h;
  }

  private check(err: number, what: string): void {
    if (err !== 0) throw new Error(`${this.name}: ${what}: ${Engine.errorText(err)}`);
  }

  static errorText(code: number): string {
    const p = uc().uc_strerror(code);
    return p ? new CString(p).toString() : `uc_err ${code}`;
  }
  errorText(code: number): string {
    return Engine.errorText(code);
  }

  map(addr: bigint | number, size: number, perms: number = UC_PROT.ALL): void {
    this.check(this.s.uc_mem_map(this.handle, toU64(addr), size, perms), `map 0x${addr.toString(16)}+0x${size.toString(16)}`);
  }

  /**
   * Map host memory `buf` (page-aligned size) at `addr`; the same buffer can be mapped into
   * several engines so they share one guest memory. `buf` must stay unresized; we keep it alive.
   */
  mapPtr(addr: bigint | number, size: number, perms: number, buf: Uint8Array): void {
    if (buf.byteLength < size) throw new Error(`mapPtr: buffer of ${buf.byteLength} bytes is smaller than ${size}`);
    this.check(this.s.uc_mem_map_ptr(this.handle, toU64(addr), size, perms, ptr(buf)), `map_ptr 0x${addr.toString(16)}+0x${size.toString(16)}`);
    this.pinned.set(BigInt(addr), buf);
  }

  unmap(addr: bigint | number, size: number): void {
    this.check(this.s.uc_mem_unmap(this.handle, toU64(addr), size), `unmap 0x${addr.toString(16)}`);
    this.pinned.delete(BigInt(addr));
  }

  protect(addr: bigint | number, size: number, perms: number): void {
    this.check(this.s.uc_mem_protect(this.handle, toU64(addr), size, perms), `protect 0x${addr.toString(16)}`);
  }

  /**
   * The permissions every byte of [addr, addr + len) has (UC_PROT bits, the intersection over the
   * regions it spans; 0 when any byte is unmapped). Slow (it lists every region): for rare paths.
   */
  perms(addr: bigint, len: number): number {
    const out = new BigUint64Array(new ArrayBuffer(8)), count = new Uint32Array(new ArrayBuffer(4));
    this.check(this.s.uc_mem_regions(this.handle, ptr(out), ptr(count)), "mem_regions");
    const n = count[0]!, base = Number(out[0]!) as Pointer;
    if (n === 0 || !base) return 0;
    // struct uc_mem_region { uint64_t begin, end (inclusive); uint32_t perms; } (24 bytes with padding)
    const v = new DataView(toArrayBuffer(base, 0, 24 * n).slice(0));
    this.s.uc_free(base);
    let p = UC_PROT.ALL as number, at = addr;
    const end = addr + BigInt(len);
    while (at < end) {
      let found = false;
      for (let k = 0; k < n; k++) {
        const b = v.getBigUint64(24 * k, true), e = v.getBigUint64(24 * k + 8, true);
        if (at < b || at > e) continue;
        p &= v.getUint32(24 * k + 16, true);
        at = e + 1n;
        found = true;
        break;
      }
      if (!found) return 0;
    }
    return p;
  }

  write(addr: bigint | number, bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.check(this.s.uc_mem_write(this.handle, toU64(addr), bytes, bytes.length), `write 0x${addr.toString(16)}`);
  }

  read(addr: bigint | number, len: number): Uint8Array {
    const out = new Uint8Array(len);
    if (len > 0) this.check(this.s.uc_mem_read(this.handle, toU64(addr), out, len), `read 0x${addr.toString(16)}`);
    return out;
  }

  /** The little-endian unsigned number of `n` bytes (1..8) at `addr`. */
  readUint(addr: bigint, n: number): bigint {
    const b = this.read(addr, n);
    let v = 0n;
    for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(b[k]!);
    return v;
  }

  /** Store the low `n` bytes (1..8) of `v` at `addr`, little-endian. */
  writeUint(addr: bigint, n: number, v: bigint): void {
    const b = new Uint8Array(n);
    for (let k = 0; k < n; k++) b[k] = Number((v >> BigInt(8 * k)) & 0xffn);
    this.write(addr, b);
  }

  /** Read into a caller's buffer (no allocation). */
  readInto(addr: bigint | number, out: Uint8Array): void {
    if (out.length > 0) this.check(this.s.uc_mem_read(this.handle, toU64(addr), out, out.length), `read 0x${addr.toString(16)}`);
  }

  reg(id: number): bigint {
    this.scratch[0] = 0n; // 32-bit registers fill only the low half
    this.check(this.s.uc_reg_read(this.handle, id, this.scratchPtr), `reg_read ${id}`);
    return this.scratch[0]!;
  }

  setReg(id: number, v: bigint): void {
    this.scratch[0] = BigInt.asUintN(64, v);
    this.check(this.s.uc_reg_write(this.handle, id, this.scratchPtr), `reg_write ${id}`);
  }

  /** The GDT of `setSegBase32`, mapped on first use. */
  private gdt: Uint8Array | undefined;

  /**
   * 32-bit x86 engines: give FS (seg 0) or GS (seg 1) the base `base`. Unicorn 2.0.1 ignores
   * FS_BASE/GS_BASE writes outside 64-bit mode, so the base goes into a descriptor of a GDT the
   * engine maps at `GDT32_ADDR` (the top page, kernel space under Windows: no guest memory there),
   * entry 1 (FS) or 2 (GS): a flat 4 GiB ring-3 data segment; loading the selector makes the CPU
   * read it. Every segment load also recomputes the stack size from SS's cached descriptor, whose
   * B bit Unicorn leaves clear, so SS is first loaded with a real flat 32-bit segment (entry 3,
   * ring 0, as Unicorn runs): otherwise a push after an FS load would use a 16-bit SP.
   */
  setSegBase32(seg: 0 | 1, base: number): void {
    if (!this.gdt) {
      this.gdt = new Uint8Array(new ArrayBuffer(0x1000));
      this.mapPtr(GDT32_ADDR, 0x1000, 3 /* READ | WRITE */, this.gdt);
      this.setMmr(X86_REG.GDTR, BigInt(GDT32_ADDR), 0xff);
      new DataView(this.gdt.buffer).setBigUint64(24, 0x00cf92000000ffffn, true);
      this.setReg(X86_REG.SS, 0x18n);
    }
    const dv = new DataView(this.gdt.buffer), at = 8 * (seg + 1), lo = base >>> 0;
    dv.setUint32(at, (0xffff | ((lo & 0xffff) << 16)) >>> 0, true);
    dv.setUint32(at + 4, (((lo >>> 16) & 0xff) | (0xf2 << 8) | (0xf << 16) | (0xc << 20) | (lo & 0xff000000)) >>> 0, true);
    this.setReg(seg === 0 ? X86_REG.FS : X86_REG.GS, BigInt(at + 3));
  }

  /** Write a descriptor-table register (x86 GDTR/IDTR: `uc_x86_mmr`, base at byte 8, limit at 16). */
  setMmr(id: number, base: bigint, limit: number): void {
    this.scratch.fill(0n);
    this.scratch[1] = BigInt.asUintN(64, base);
    this.scratch32[4] = limit >>> 0;
    this.check(this.s.uc_reg_write(this.handle, id, this.scratchPtr), `reg_write ${id}`);
  }

  /** Register as a number, exact below 2^53 (addresses, counters, 32-bit values). */
  regNum(id: number): number {
    this.scratch[0] = 0n;
    this.s.uc_reg_read(this.handle, id, this.scratchPtr);
    return this.scratch32[1]! * TWO32 + this.scratch32[0]!;
  }

  /** Write a non-negative number below 2^53. */
  setRegNum(id: number, v: number): void {
    this.scratch32[0] = v >>> 0;
    this.scratch32[1] = Math.floor(v / TWO32) >>> 0;
    this.s.uc_reg_write(this.handle, id, this.scratchPtr);
  }

  /** Read a 128-bit register (XMM, Q, V) as 16 little-endian bytes. */
  vreg(id: number): Uint8Array {
    this.scratch.fill(0n);
    this.check(this.s.uc_reg_read(this.handle, id, this.scratchPtr), `reg_read ${id}`);
    return new Uint8Array(this.scratch.buffer, 0, 16).slice();
  }

  /** Write a 128-bit register from 16 little-endian bytes. */
  setVreg(id: number, bytes: Uint8Array): void {
    if (bytes.length !== 16) throw new Error(`setVreg: need 16 bytes, got ${bytes.length}`);
    new Uint8Array(this.scratch.buffer, 0, 16).set(bytes);
    this.check(this.s.uc_reg_write(this.handle, id, this.scratchPtr), `reg_write ${id}`);
  }

  /** Make a reusable batch for these register ids (64-bit slots), plus 128-bit `vecIds` (RegBatch). */
  batch(ids: readonly number[], vecIds: readonly number[] = []): RegBatch {
    return new RegBatch(ids, vecIds);
  }

  /** Read every register in `b` into `b.values` and `b.vec`. 32-bit registers come back zero-extended. */
  readBatch(b: RegBatch): void {
    b.lo.fill(0); // 128-bit registers are always written whole
    this.check(this.s.uc_reg_read_batch(this.handle, b.idsPtr, b.ptrsPtr, b.length), "reg_read_batch");
  }

  /** Write every register in `b` from `b.values`. */
  writeBatch(b: RegBatch): void {
    this.check(this.s.uc_reg_write_batch(this.handle, b.idsPtr, b.ptrsPtr, b.length), "reg_write_batch");
  }

  /**
   * Run from `begin` until the PC equals `until`, `timeoutUs` passes (0 = none) or `count`
   * instructions ran (0 = no limit). Returns the uc_err code; never throws on guest faults.
   */
  start(begin: bigint | number, until: bigint | number, timeoutUs = 0, count = 0): number {
    return this.s.uc_emu_start(this.handle, toU64(begin), toU64(until), timeoutUs, count);
  }

  /** Ask a running emulation (from inside a hook) to stop after the current instruction. */
  stop(): void {
    this.s.uc_emu_stop(this.handle);
  }

  /**
   * Drop every translated block. Slow: 1.3 s the first time on an engine, ~25 ms after (QEMU
   * resets its whole code buffer); prefer {@link invalidate} for a known range.
   */
  flushTb(): void {
    this.check(this.s.uc_ctl(this.handle, CTL_TB_FLUSH, 0), "uc_ctl(tb flush)");
  }

  /**
   * Drop translated blocks for guest code in [begin, end) (~0.1 µs..µs). Needed after rewriting
   * code: uc_mem_write does not always invalidate a block that ended in an exception (hlt, ud2)
   * when the run's `until` lay outside it, nor can it see stores into mapPtr memory from the host.
   */
  invalidate(begin: bigint | number, end: bigint | number): void {
    this.check(this.s.uc_ctl2(this.handle, CTL_TB_REMOVE, toU64(begin), toU64(end)), "uc_ctl(tb remove cache)");
  }

  private addHook(type: number, cb: JSCallback, insn = 0): number {
    // begin=1, end=0: the whole address space.
    this.check(this.s.uc_hook_add(this.handle, this.hookOut, type, cb.ptr!, null, 1n, 0n, insn), `hook_add ${type}`);
    this.callbacks.push({ cb, hook: this.hookOut[0]! });
    return this.callbacks.length - 1;
  }

  /** Remove a hook by the number a hook method returned. */
  removeHook(n: number): void {
    const e = this.callbacks[n];
    if (!e || e.hook === 0n) return;
    this.s.uc_hook_del(this.handle, e.hook);
    e.cb.close();
    e.hook = 0n;
  }

  /**
   * Unmapped or protection-violating access (read/write/fetch). Return false to stop the run
   * (uc_emu_start then returns the matching UC_ERR_*), true after mapping/unprotecting the page
   * so the access is retried.
   */
  onMemInvalid(fn: (f: MemFault) => boolean): number {
    const cb = new JSCallback(
      (_uc: Pointer, type: number, address: bigint | number, size: number) =>
        fn({ kind: MEM_KIND[type] ?? "read-unmapped", address: BigInt(address), size }),
      { args: [FFIType.ptr, FFIType.i32, FFIType.u64, FFIType.i32, FFIType.i64, FFIType.ptr], returns: FFIType.bool },
    );
    return this.addHook(HOOK.MEM_INVALID, cb);
  }

  /**
   * Store to a mapped page without write permission. Return true after making the page writable
   * (the store is then retried and lands), false to stop with UC_ERR_WRITE_PROT.
   */
  onWriteProt(fn: (address: bigint, size: number) => boolean): number {
    const cb = new JSCallback(
      (_uc: Pointer, _type: number, address: bigint | number, size: number) => fn(BigInt(address), size),
      { args: [FFIType.ptr, FFIType.i32, FFIType.u64, FFIType.i32, FFIType.i64, FFIType.ptr], returns: FFIType.bool },
    );
    return this.addHook(HOOK.MEM_WRITE_PROT, cb);
  }

  /** Interrupts and exceptions (x86 `int n`, ud2 = 6; ARM64 svc/brk report QEMU exception numbers). */
  onInterrupt(fn: (intno: number) => void): number {
    const cb = new JSCallback((_uc: Pointer, intno: number) => fn(intno), { args: [FFIType.ptr, FFIType.u32, FFIType.ptr], returns: FFIType.void });
    return this.addHook(HOOK.INTR, cb);
  }

  /** Per-instruction hook (slow: ~70 ns per instruction). */
  onCode(fn: (address: bigint, size: number) => void): number {
    const cb = new JSCallback((_uc: Pointer, address: bigint | number, size: number) => fn(BigInt(address), size), {
      args: [FFIType.ptr, FFIType.u64, FFIType.u32, FFIType.ptr],
      returns: FFIType.void,
    });
    return this.addHook(HOOK.CODE, cb);
  }

  close(): void {
    if (this.h === null) return;
    this.s.uc_close(this.h);
    this.h = null;
    for (const c of this.callbacks) c.cb.close();
    this.callbacks.length = 0;
    this.pinned.clear();
  }
}
