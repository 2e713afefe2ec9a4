/**
 * @file Stage 5 (IR), public API: the op table, the block with its builder, the guest-state
 * numbering, text printer and parser, verifier and passes. Imports neither `x86/` nor `arm64/`.
 *
 *   import { IrBlock, printIr, runPasses } from "../ir/index.ts";
 */
export * from "./ops.ts";
export * from "./state.ts";
export * from "./block.ts";
export { printIr } from "./print.ts";
export { parseIr } from "./parse.ts";
export { verifyIr, assertIr } from "./verify.ts";
export * from "./passes/index.ts";
