/**
 * @file Flags across blocks (docs/runtime-abi.md §4): the live-in flags of a block from its own
 * guest code (src/compile/live-flags.ts), each expected mask worked out from the SDM's flag
 * definitions of the block's instructions (not from our output), and a direct exit narrowed by
 * them: the flag work only the exit needed is gone, and nothing else changes. The end-to-end proof
 * is `aot verify --exec` on compiled closures (compile-notepad.test.ts), which compares the flags
 * live at each block's end.
 */
import { expect, test } from "bun:test";
import { LiveFlags } from "../../src/compile/live-flags.ts";
import { Translator } from "../../src/compile/translate.ts";
import { BASELINE } from "../../src/arm64/features.ts";
import { disasmWord } from "../../src/arm64/disasm.ts";
import { FLAG } from "../../src/ir/index.ts";
import { assembleBlocks } from "../../src/verify/gen.ts";

const { CF, PF, AF, ZF, SF, OF } = FLAG;
const ALL = CF | PF | AF | ZF | SF | OF;

function liveIn(bits: 32 | 64, lines: string[]): number {
  const code = assembleBlocks(bits, [lines])[0]!;
  return new LiveFlags(bits).liveIn(code, 0, code.length, 0x1000n);
}

test("live-in flags from the block's own code", () => {
  // CMP, SUB, ADD, XOR and TEST write all six (TEST/XOR leave AF undefined: written too) before anything reads.
  expect(liveIn(64, ["cmp eax, ebx", "je $+0x20"])).toBe(0);
  expect(liveIn(64, ["mov rax, [rbx]", "test eax, eax", "jne $+0x20"])).toBe(0);
  expect(liveIn(32, ["xor eax, eax", "ret"])).toBe(0);
  // ADC reads CF before it writes all six.
  expect(liveIn(64, ["adc eax, ebx", "ret"])).toBe(CF);
  // INC writes all but CF; the exit then passes CF on.
  expect(liveIn(64, ["inc eax", "jmp $+0x20"])).toBe(CF);
  // Nothing writes a flag before the exit: every flag is live.
  expect(liveIn(64, ["mov rax, rbx", "ret"])).toBe(ALL);
  // JC reads CF; the exit passes the rest on.
  expect(liveIn(64, ["jc $+0x20"])).toBe(ALL);
  // SETZ reads ZF, then CMP writes everything: only ZF is live.
  expect(liveIn(64, ["setz al", "cmp eax, 1", "ret"])).toBe(ZF);
  // BT writes CF (OF, SF, AF, PF undefined: written), ZF unaffected and passed on at the exit.
  expect(liveIn(64, ["bt eax, 3", "ret"])).toBe(ZF);
  // SAHF writes SF ZF AF PF CF from AH; OF is passed on.
  expect(liveIn(32, ["sahf", "ret"])).toBe(OF);
  // PUSHF reads them all.
  expect(liveIn(64, ["pushfq", "cmp eax, ebx", "ret"])).toBe(ALL);
  // SHL by CL changes no flag for a count of 0 (SDM): every flag passes on to what follows, so
  // the exit after it has them all live; an AND after it writes them all (AF undefined: written),
  // so AF is not live. (The other five are, to this analysis: the shift's per-flag selects on the
  // count read the old values first.)
  expect(liveIn(64, ["shl eax, cl", "ret"])).toBe(ALL);
  expect(liveIn(64, ["shl eax, cl", "and eax, ebx", "ret"]) & AF).toBe(0);
  expect(liveIn(64, ["sar edx, cl", "add eax, 1", "ret"]) & AF).toBe(0);
});

test("a direct exit to a block that writes every flag first: no flag work for it, the result the same", () => {
  // sub eax, 1 then a jump to a block starting with cmp: no AF/PF sources, no carry flip.
  const code = assembleBlocks(64, [["sub eax, 1", "jmp $+0x40"]])[0]!;
  const lower = { features: BASELINE, memoryOrder: "relaxed" as const, pic: false };
  const all = new Translator({ mode: 64, lower }).translate(code, 0, code.length, 0x1000n);
  const none = new Translator({ mode: 64, lower, exitFlags: () => 0 }).translate(code, 0, code.length, 0x1000n);
  const body = (t: typeof all) => Array.from(t.code.subarray(0, t.bodyWords), (w, k) => disasmWord(w, k * 4));
  expect(body(none)).toEqual(["sub w8, w8, #0x1"]);
  // With every flag live: AF source, the subtract into the PF source, the home, the 3-word carry flip.
  expect(body(all).length).toBeGreaterThanOrEqual(6);
  expect(body(all).some((l) => String(l).startsWith("msr NZCV"))).toBe(true);
  // Unknown targets (undefined) keep every flag.
  const unknown = new Translator({ mode: 64, lower, exitFlags: () => undefined }).translate(code, 0, code.length, 0x1000n);
  expect(body(unknown)).toEqual(body(all));
});
