/**
 * @file Stage 10 (runtime): precise faults of push and pop pairs (docs/runtime-abi.md §9). The
 * lowering makes two pushes in a row one `stp second, first, [x15, #-2n]!` and two pops one
 * `ldp first, second, [x15], #2n` (rules pushPair, popPair), and gives that host word two fault
 * side-table entries: the first instruction's (with PAIR_ENTRY) and the second's. x86 faults on
 * the first when the first's slot refuses, and otherwise on the second with the first done; so
 * when only the second slot refuses, the runtime performs the first instruction's access and RSP
 * step itself and reports the second instruction. A native runtime does it in its fault handler;
 * the Unicorn runners (`aot run`, the differential harness, `aot verify --exec`) do it in their
 * code hook, before the engine runs the word, as for the alignment handler (align.ts): a pair whose
 * slots are both accessible runs as it is.
 *
 *   stackPair(0xa9bf75f6)          // { load: false, size: 8, first: 29, second: 22 } (stp x22, x29, [x15, #-0x10]!)
 *   const h = new PairHandler(engine);
 *   const r = h.step(pc, word);    // "whole" | { kind, address, second } (engine stopped)
 */
import { UC_PROT, type Engine, type MemFaultKind } from "./unicorn.ts";
import { armX } from "./host.ts";

/** A push or pop pair's host word: load (ldp) or store (stp), slot size, and the first and second instruction's registers. */
export interface StackPair { load: boolean; size: 4 | 8; first: number; second: number }

/** RSP's host register (ABI §3). */
const RSP_HOME = 15;

/**
 * The pair word's shape, or undefined for any other word: LDP post-indexed by +2n or STP
 * pre-indexed by -2n on x15, W or X (ARM ARM C6.2: opc 101 0 0PP L imm7 Rt2 Rn Rt).
 */
export function stackPair(w: number): StackPair | undefined {
  const opc = w >>> 30, size = opc === 2 ? 8 : opc === 0 ? 4 : 0;
  if (!size || ((w >>> 5) & 31) !== RSP_HOME) return undefined;
  const imm7 = ((w >>> 15) & 0x7f) << 25 >> 25, rt = w & 31, rt2 = (w >>> 10) & 31;
  // ldp first, second, [x15], #2n: the first pop's slot is the lower one.
  if ((w & 0x3fc00000) === 0x28c00000 && imm7 === 2) return { load: true, size, first: rt, second: rt2 };
  // stp second, first, [x15, #-2n]!: the first push's slot is the upper one.
  if ((w & 0x3fc00000) === 0x29800000 && imm7 === -2) return { load: false, size, first: rt2, second: rt };
  return undefined;
}

/** The size the Unicorn runners' per-word hook maps give a pair word (their other entries are access sizes). */
export const PAIR_WORD = -1;

/** A pair the handler stopped on: the fault, and whether it is the second instruction's (the first then done). */
export interface PairFault { kind: MemFaultKind; address: bigint; size: number; second: boolean }

/** Performs a pair's first instruction on one Unicorn ARM64 engine when only its second faults (see the file comment). */
export class PairHandler {
  /** Pairs split (first instruction performed, second reported), since construction. */
  splits = 0;
  constructor(private readonly e: Engine) {}

  /**
   * Before pair word `w` runs: "whole" when both slots are accessible (or `w` is no pair word);
   * otherwise the engine is stopped and the fault returned: the first slot's (nothing done), or,
   * when only the second refuses, the second's with the first instruction performed (its register
   * or memory written, x15 stepped by one slot).
   */
  step(_pc: bigint, w: number): "whole" | PairFault {
    const p = stackPair(w);
    if (!p) return "whole";
    const e = this.e, n = BigInt(p.size), rsp = e.reg(armX(RSP_HOME));
    const firstAt = p.load ? rsp : rsp - n, secondAt = p.load ? rsp + n : rsp - 2n * n;
    const need = p.load ? UC_PROT.READ : UC_PROT.WRITE;
    const bad = (at: bigint): MemFaultKind | undefined => {
      const perms = e.perms(at, p.size);
      if (perms & need) return undefined;
      return p.load ? (perms ? "read-prot" : "read-unmapped") : perms ? "write-prot" : "write-unmapped";
    };
    const k1 = bad(firstAt);
    if (k1) {
      e.stop();
      return { kind: k1, address: firstAt, size: p.size, second: false };
    }
    const k2 = bad(secondAt);
    if (!k2) return "whole";
    if (p.load) {
      if (p.first !== 31) e.setReg(armX(p.first), e.readUint(firstAt, p.size));
      e.setReg(armX(RSP_HOME), rsp + n);
    } else {
      e.writeUint(firstAt, p.size, p.first === 31 ? 0n : e.reg(armX(p.first)));
      e.setReg(armX(RSP_HOME), rsp - n);
    }
    this.splits++;
    e.stop();
    return { kind: k2, address: secondAt, size: p.size, second: true };
  }
}
