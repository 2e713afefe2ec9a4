/** @file Every ARM64 generator family, by golden-file name. */
import type { Gen } from "./_util.ts";
import { GEN as dataImm } from "./data-imm.ts";
import { GEN as logical } from "./logical.ts";
import { GEN as dataReg } from "./data-reg.ts";
import { GEN as cond } from "./cond.ts";
import { GEN as system } from "./system.ts";
import { GEN as branch } from "./branch.ts";
import { GEN as loadStore } from "./load-store.ts";
import { GEN as atomic } from "./atomic.ts";
import { GEN as fp } from "./fp.ts";
import { GEN as simd } from "./simd.ts";
import { GEN as simdMisc } from "./simd-misc.ts";
import { GEN as simdShift } from "./simd-shift.ts";
import { GEN as simdDiff } from "./simd-diff.ts";
import { GEN as simdMem } from "./simd-mem.ts";
import { GEN as simdElem } from "./simd-elem.ts";

export const FAMILIES: Record<string, Record<string, Gen>> = {
  "data-imm": dataImm,
  logical,
  "data-reg": dataReg,
  cond,
  system,
  branch,
  "load-store": loadStore,
  "atomic": atomic,
  "fp": fp,
  "simd": simd,
  "simd-misc": simdMisc,
  "simd-shift": simdShift,
  "simd-diff": simdDiff,
  "simd-mem": simdMem,
  "simd-elem": simdElem,
};
