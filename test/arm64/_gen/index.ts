/** @file Every ARM64 generator family, by golden-file name. */
import type { Gen } from "./_util.ts";
import { GEN as dataImm } from "./data-imm.ts";
import { GEN as logical } from "./logical.ts";
import { GEN as dataReg } from "./data-reg.ts";

export const FAMILIES: Record<string, Record<string, Gen>> = {
  "data-imm": dataImm,
  logical,
  "data-reg": dataReg,
};
