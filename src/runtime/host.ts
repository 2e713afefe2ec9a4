/**
 * @file Stage 10 (runtime): the host-side pages every runner of translated code on Unicorn's
 * ARM64 engine sets up the same way (`aot run`, the differential harness, `aot verify --exec`):
 * below the code area, a page of symbol stubs and the guest state block (docs/runtime-abi.md §2,
 * §5). Slot i of the state block's symbol table points at stub i; every stub branches to one stop
 * address, so `uc_emu_start(block, stop)` returns at any exit and x17 (the slot's address, loaded
 * by the exit sequence) says which symbol was taken.
 *
 *   const state = new Uint8Array(new ArrayBuffer(STATE_PAGE));
 *   const pages = mapRuntimePages(engine, codeBase, state, imageBase);
 *   engine.start(blockHost, pages.stop); symbolTaken(x17, pages.stub) // SYM.* or -1
 */
import { ARM64_REG, UC_PROT, type Engine } from "./unicorn.ts";
import { b as bInsn, tryPcOff } from "../arm64/index.ts";
import { STATE, SYM_COUNT } from "../ir/index.ts";

/** Bytes of the state page (the block is `STATE.SIZE`, mapped as one 4 KiB page). */
export const STATE_PAGE = 0x1000;
/** Offset of the stop address inside the stub page (past the `SYM_COUNT` stubs). */
const STOP_OFFSET = 0x800;

export interface RuntimePages {
  /** First stub (slot 0); stub i is at `stub + 4 * i`. */
  stub: bigint;
  /** Where every stub branches: the `until` of `uc_emu_start`. */
  stop: bigint;
  /** The guest state block (x12 while translated code runs). */
  state: bigint;
}

/** Where the pages go for a code area at `codeBase`: stubs 64 KiB below, the state block 128 KiB below. */
export function runtimePages(codeBase: bigint): RuntimePages {
  const stub = codeBase - 0x10000n;
  return { stub, stop: stub + BigInt(STOP_OFFSET), state: codeBase - 0x20000n };
}

/**
 * Map the stub page and the state page below `codeBase`. `state` (at least `STATE_PAGE` bytes,
 * over its own ArrayBuffer: Engine.mapPtr keeps it) becomes the state block: the runner reads
 * and writes DF and the rest straight through it, no engine call.
 */
export function mapRuntimePages(e: Engine, codeBase: bigint, state: Uint8Array, imageBase = 0n): RuntimePages {
  const p = runtimePages(codeBase);
  const stubs = new Uint32Array(STOP_OFFSET / 4 + 1);
  for (let i = 0; i < SYM_COUNT; i++) stubs[i] = bInsn(tryPcOff(26, STOP_OFFSET - 4 * i)!);
  e.map(p.stub, 0x1000, UC_PROT.READ | UC_PROT.EXEC);
  e.write(p.stub, new Uint8Array(stubs.buffer));
  const dv = new DataView(state.buffer, state.byteOffset, STATE_PAGE);
  for (let i = 0; i < SYM_COUNT; i++) dv.setBigUint64(STATE.SYMBOLS + 8 * i, p.stub + BigInt(4 * i), true);
  dv.setBigUint64(STATE.IMAGE_BASE, imageBase, true);
  e.mapPtr(p.state, STATE_PAGE, UC_PROT.READ | UC_PROT.WRITE, state);
  return p;
}

/** The symbol whose stub x17 points at, or -1 when x17 is not a stub (the block did not exit normally). */
export function symbolTaken(x17: number, stub: number): number {
  const slot = (x17 - stub) / 4;
  return Number.isInteger(slot) && slot >= 0 && slot < SYM_COUNT ? slot : -1;
}

/** Unicorn id of host register x<n> (x29/x30 are not contiguous with x0..x28; 31 is sp). */
export function armX(n: number): number {
  return n === 29 ? ARM64_REG.X29 : n === 30 ? ARM64_REG.X30 : n === 31 ? ARM64_REG.SP : ARM64_REG.X0 + n;
}
