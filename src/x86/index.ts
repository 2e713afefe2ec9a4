/**
 * @file Stage 4 (x86 frontend), public API: the table-driven decoder, the decoded-instruction
 * record, the Intel formatter, and block/function discovery.
 *
 *   import { Decoder, Insn, formatInsn } from "../x86/index.ts";
 *   const d = new Decoder(64), i = new Insn();
 *   const len = d.decode(code, 0, code.length, 0x140001000, i); // 0 = invalid
 *   console.log(formatInsn(i));
 */
export { Decoder, type DecoderOptions } from "./decoder.ts";
export { Insn, K, PF, FLOW } from "./insn.ts";
export { R, RC, regName, regByName } from "./regs.ts";
export { formatInsn, mnemonicOf, regText } from "./format.ts";
export { tables, FF } from "./tables/_load.ts";
export { discover, type Discovery, type Block, type CodeRange } from "./discover.ts";
