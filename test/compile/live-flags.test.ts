/**
 * @file Flags across blocks (docs/runtime-abi.md §4): the live-in flags of a block from its own
 * guest code (src/compile/live-flags.ts), each expected mask worked out from the SDM's flag
 * definitions of the block's instructions (not from our output), and a direct exit narrowed by
 * them: the flag work only the exit needed is gone, and nothing else changes. The end-to-end proof
 * is `aot verify --exec` on compiled closures (compile-notepad.test.ts), which compares the flags
 * live at each block's end.
 */
import { expect, test } from "bun:test";
import { LiveFlags, exitFlagsFor } from "../../src/compile/live-flags.ts";
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

/** The exit masks of exitFlagsFor over one flat piece of code at 0x1000 (its own x86 range). */
function imageLive(bits: 32 | 64, lines: string[]): (va: bigint) => number | undefined {
  const memory = assembleBlocks(bits, [lines])[0]!;
  return exitFlagsFor({ memory, base: 0x1000n }, [{ start: 0, end: memory.length }], bits);
}

test("through direct exits: a jump or call to code that writes the flags first, jcc on both sides; indirect exits and loops keep them", () => {
  // 0x1000: jmp to a block that jumps on to one starting with CMP (writes all six): nothing live.
  //   (jmp rel8 = 2 bytes, so `jmp $+4` skips the next jmp.)
  const jumps = imageLive(64, ["jmp $+4", "ret", "jmp $+3", "ret", "cmp eax, ebx", "ret"]);
  expect(jumps(0x1000n)).toBe(0);
  // A call to a function whose first block writes every flag (SUB) before its own exit: nothing live.
  const call = imageLive(64, ["call $+6", "ret", "nop", "sub rsp, 0x28", "ret"]);
  expect(call(0x1000n)).toBe(0);
  // INC writes all but CF, then a call whose callee starts with ADC (reads CF): CF alone is live.
  const adc = imageLive(64, ["inc eax", "call $+6", "ret", "nop", "adc eax, 1", "ret"]);
  expect(adc(0x1000n)).toBe(CF);
  // JC reads CF itself; its target writes all six, the fall-through reads ZF (SETZ) then writes all.
  const jcc = imageLive(64, ["jc $+5", "setz al", "cmp eax, ebx", "ret"]);
  expect(jcc(0x1000n)).toBe(CF | ZF);
  // An indirect jump: everything not written is live.
  expect(imageLive(64, ["inc eax", "jmp rax"])(0x1000n)).toBe(CF);
  // A loop back to itself that never writes a flag: the depth runs out, every flag is live.
  expect(imageLive(64, ["nop", "jmp $-1"])(0x1000n)).toBe(ALL);
  // Outside the image's x86 ranges: unknown.
  expect(imageLive(64, ["ret"])(0x9000n)).toBeUndefined();
});

test("the masks do not depend on what was asked before (byte-identical caches whatever the workers)", () => {
  const lines = ["jmp $+4", "ret", "jc $-3", "jmp $+3", "ret", "inc eax", "jmp $-5", "cmp eax, ebx", "ret"];
  const vas = [0x1000n, 0x1002n, 0x1003n, 0x1005n, 0x1007n, 0x1008n, 0x100an, 0x100bn];
  const forward = imageLive(64, lines), backward = imageLive(64, lines);
  const a = vas.map((v) => forward(v));
  const b = [...vas].reverse().map((v) => backward(v)).reverse();
  expect(a).toEqual(b);
});
