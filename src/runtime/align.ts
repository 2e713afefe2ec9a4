/**
 * @file Stage 10 (runtime): the runtime's alignment handler (docs/runtime-abi.md §8). On an LSE
 * host, translated LOCK'd instructions are LSE atomics and CAS with no alignment test; a
 * misaligned address makes them raise an alignment fault (SIGBUS, BUS_ADRALN on Linux), and the
 * runtime then performs that one host instruction itself (atomically on the enclosing aligned
 * 8-byte word when the access fits inside it, under a global lock otherwise) and resumes at the
 * next word. Not handled: exclusives (LDXR/STXR: a host without LSE tests alignment in-line, see
 * src/arm64/lower/atomic.ts) and pairs (CASP, LDAXP/STLXP: CMPXCHG16B tests it, x86 raises #GP).
 * Unicorn's ARM64 engine raises an exception for any misaligned atomic, so the Unicorn runners
 * (`aot run`, the differential harness, `aot verify --exec`) install `AlignHandler` in their code
 * hook: it performs such a word before the engine gets to it and moves the PC past it, as the
 * native handler (test/verify/atomic-threads.c, under qemu-aarch64) does on SIGBUS. One thread
 * runs per engine there, so plain reads and writes are atomic enough.
 *
 *   alignTrapKind(0xb8e10002)  // "atomic" (ldaddal w1, w2, [x0])
 *   const h = new AlignHandler(engine);
 *   engine.onCode((pc) => { const r = h.step(pc, wordAt(pc)); ... });  // "ran" | "aligned" | fault (engine stopped)
 */
import { ARM64_REG, UC_PROT, type Engine, type MemFaultKind } from "./unicorn.ts";
import { armX } from "./host.ts";

export type AlignTrap = "atomic" | "cas";

/** The class of a host word the alignment handler performs, or undefined for any other word. */
export function alignTrapKind(w: number): AlignTrap | undefined {
  // LSE atomic memory operations (ARM ARM C4.1: size 111000 A R 1 Rs o3 opc 00 Rn Rt): the
  // handler knows LDADD, LDCLR, LDEOR, LDSET (o3 = 0, opc 0-3) and SWP (o3 = 1, opc 0).
  if ((w & 0x3f200c00) === 0x38200000) {
    const o3 = (w >>> 15) & 1, opc = (w >>> 12) & 7;
    return (o3 === 0 && opc <= 3) || (o3 === 1 && opc === 0) ? "atomic" : undefined;
  }
  // CAS, CASA, CASL, CASAL (size 001000 1 L 1 Rs o0 11111 Rn Rt); size 0-3 (the pair form is size 0/1 with bit 23 = 0).
  if ((w & 0x3fa07c00) === 0x08a07c00) return "cas";
  return undefined;
}

/** Bytes a trap word accesses (its size field). */
const accessSize = (w: number): number => 1 << (w >>> 30);
const MASK = [0xffn, 0xffffn, 0xffffffffn, 0xffffffffffffffffn] as const;

/** A misaligned access the handler could not perform: the fault the instruction raises instead. */
export interface AlignFault { kind: MemFaultKind; address: bigint }

/** Performs misaligned trap words on one Unicorn ARM64 engine (see the file comment). */
export class AlignHandler {
  /** Words performed (misaligned addresses met), since construction. */
  traps = 0;
  constructor(private readonly e: Engine) {}

  /**
   * Before host word `w` runs at `pc`: when it is a trap word (alignTrapKind) whose address is not
   * naturally aligned, perform it and move the PC to the next word ("ran"); a fault when its
   * memory is unmapped or not writable (nothing is changed, and the engine is stopped: the
   * instruction faults there); "aligned" for anything else (the engine runs it).
   */
  step(pc: bigint, w: number): "ran" | "aligned" | AlignFault {
    const kind = alignTrapKind(w);
    if (!kind) return "aligned";
    const e = this.e, sz = accessSize(w), address = e.reg(armX((w >>> 5) & 31));
    if (address % BigInt(sz) === 0n) return "aligned";
    const p = e.perms(address, sz);
    if (!(p & UC_PROT.READ && p & UC_PROT.WRITE)) {
      e.stop();
      return { kind: !(p & UC_PROT.READ) ? "read-unmapped" : p ? "write-prot" : "write-unmapped", address };
    }
    const mask = MASK[w >>> 30]!, rs = (w >>> 16) & 31, rt = w & 31;
    const x = (r: number): bigint => (r === 31 ? 0n : e.reg(armX(r)));
    const setX = (r: number, v: bigint): void => {
      if (r !== 31) e.setReg(armX(r), v);
    };
    const old = e.readUint(address, sz);
    if (kind === "atomic") {
      const b = x(rs) & mask, o3 = (w >>> 15) & 1, opc = (w >>> 12) & 7;
      const v = o3 ? b : opc === 0 ? old + b : opc === 1 ? old & ~b : opc === 2 ? old ^ b : old | b;
      e.writeUint(address, sz, v & mask);
      setX(rt, old);
    } else {
      if (old === (x(rs) & mask)) e.writeUint(address, sz, x(rt) & mask);
      setX(rs, old);
    }
    this.traps++;
    e.setReg(ARM64_REG.PC, pc + 4n);
    return "ran";
  }
}
