/** @file Every ARM64 generator family, by golden-file name. */
import type { Gen } from "./_util.ts";
import { GEN as dataImm } from "./data-imm.ts";
import { GEN as logical } from "./logical.ts";

export const FAMILIES: Record<string, Record<string, Gen>> = {
  "data-imm": dataImm,
  logical,
};
