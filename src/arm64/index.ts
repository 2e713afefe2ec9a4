/**
 * @file Public API of the ARM64 backend (stage 6): checked immediates, registers, the encoder
 * families, the assembler buffer with labels and literal pools, and the disassembler.
 *
 *   import { addImm, tryImm12, X0, X1, disasmWord } from "../arm64/index.ts";
 *   disasmWord(addImm(1, X0, X1, tryImm12(5)!));   // "add x0, x1, #0x5"
 */
export * from "./imm.ts";
export * from "./regs.ts";
export * from "./isa/data-imm.ts";
export * from "./isa/logical.ts";
export * from "./isa/move-wide.ts";
export * from "./isa/bitfield.ts";
export * from "./isa/data-reg.ts";
export * from "./isa/cond.ts";
export * from "./isa/system.ts";
export * from "./isa/branch.ts";
export * from "./isa/load-store.ts";
export * from "./isa/atomic.ts";
export * from "./features.ts";
export * from "./encoder.ts";
export * from "./isa/fp.ts";
export * from "./isa/simd.ts";
export * from "./isa/simd-misc.ts";
export * from "./isa/simd-shift.ts";
export * from "./isa/simd-diff.ts";
export * from "./isa/simd-mem.ts";
export * from "./isa/simd-elem.ts";
export { disasmWord, disassembleArm64, formatArm64Line, type Arm64Line } from "./disasm.ts";
