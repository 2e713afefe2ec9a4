/**
 * @file The temporary allocator and register discipline: GetReg aliases homes and is evicted
 * before a SetReg overwrites it (xchg), results go straight home when nothing can observe it
 * early, no forbidden register (x13, x14, x18, x23, x24, x28) is ever touched, nothing leaks
 * (TempPool.assertUnlocked runs after every op), and every emitted word decodes. Random blocks
 * from the builder stress all of it.
 */
import { expect, test } from "bun:test";
import { IrBlock, OP } from "../../../src/ir/index.ts";
import { assertIr } from "../../../src/ir/verify.ts";
import { BASELINE } from "../../../src/arm64/features.ts";
import { disasmWord } from "../../../src/arm64/disasm.ts";
import { Lowerer, lowerBlock } from "../../../src/arm64/lower/index.ts";
import { HOST_FORBIDDEN } from "../../../src/arm64/lower/regmap.ts";
import { count } from "../../_env.ts";
import { prng } from "../../_prng.ts";
import { body, lower } from "./_lower.ts";
import { randomBlock } from "./_random.ts";

const END = "  v9 = Const.8 0x1003\n  Exit jump, v9 ?-\n";

test("xchg rax, rbx: the live alias of rax is copied out before rax is written", () => {
  const r = lower("  v1 = GetReg rax\n  v2 = GetReg rbx\n  SetReg rax, v2\n  SetReg rbx, v1\n" + END);
  expect(body(r)).toEqual(["mov x9, x8", "mov x8, x27", "mov x27, x9"]);
});

test("writeHome is refused when a load/store (fault: precise state) sits between the result and its SetReg", () => {
  const r = lower("  v1 = GetReg rsp\n  v2 = Const.8 0x8\n  v3 = Sub.8 v1, v2\n  v4 = GetReg rbx\n  Store.8 v3, v4, 0\n  SetReg rsp, v3\n" + END, { memoryOrder: "tso" });
  expect(body(r)).toEqual(["sub x9, x15, #0x8", "dmb ishst", "str x27, [x9]", "mov x15, x9"]);
});

test("writeHome is refused while another value still reads the old home", () => {
  const r = lower("  v1 = GetReg rax\n  v2 = GetReg rbx\n  v3 = Add.8 v1, v2\n  SetReg rax, v3\n  SetReg rcx, v1\n" + END);
  expect(body(r)).toEqual(["add x9, x8, x27", "mov x6, x8", "mov x8, x9", "mov x0, x6"]);
});

test("SetReg of a constant materialises it in the home register", () => {
  expect(body(lower("  v1 = Const.8 0x12345\n  SetReg rdi, v1\n" + END))).toEqual(["mov w26, #0x2345", "movk w26, #0x1, lsl #16"]);
  expect(body(lower("  v1 = Const.8 0x0\n  SetReg rdi, v1\n" + END))).toEqual(["mov x26, xzr"]);
});

test("random blocks: no forbidden register, no leak, every word decodes, one fault entry per access", () => {
  const rnd = prng(0x10e4);
  const b = new IrBlock();
  const L = new Lowerer();
  let forbidden = 0;
  for (const r of HOST_FORBIDDEN) forbidden |= 1 << r;
  const n = count(400, 5000);
  for (let t = 0; t < n; t++) {
    randomBlock(rnd, b);
    assertIr(b);
    for (const memoryOrder of ["tso", "relaxed"] as const)
      for (const flagm of [false, true]) {
        const out = lowerBlock(b, { features: { ...BASELINE, flagm, rcpc: !flagm }, memoryOrder, pic: flagm, imageBase: 0x400000n }, L);
        expect(L.pool.everUsed & forbidden).toBe(0);
        for (const w of out.code) {
          const text = disasmWord(w, 0);
          if (text === undefined) throw new Error(`undecodable word 0x${w.toString(16)} in block ${t}`);
          for (const r of HOST_FORBIDDEN) if (new RegExp(`\\b[wx]${r}\\b`).test(text)) throw new Error(`${text} touches x${r}`);
        }
        // one entry per Load/Store that was emitted (dead pure ops aside, loads always are)
        let accesses = 0;
        for (let i = 0; i < b.n; i++) if (b.op[i] === OP.Load || b.op[i] === OP.Store) accesses++;
        let entries = 0;
        for (let k = 0; k < out.faults.length; ) {
          while (out.faults[k]! & 0x80) k++;
          k++;
          while (out.faults[k]! & 0x80) k++;
          k += 2;
          entries++;
        }
        expect(entries).toBe(accesses);
      }
  }
}, 600_000);
