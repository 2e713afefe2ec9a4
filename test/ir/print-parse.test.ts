/**
 * @file The IR text form: the printer against hand-written text, print → parse → print round
 * trips on blocks holding every op of OPS and on random valid blocks, and parse errors.
 */
import { expect, test } from "bun:test";
import { IrBlock } from "../../src/ir/block.ts";
import { ATOM_NAMES, EXIT, MEM, OP, OPS, REL, VOP_NAMES, XT } from "../../src/ir/ops.ts";
import { parseIr } from "../../src/ir/parse.ts";
import { printIr } from "../../src/ir/print.ts";
import { CC, FLAG, GPR, STATUS_FLAGS, SYM } from "../../src/ir/state.ts";
import { verifyIr } from "../../src/ir/verify.ts";
import { count } from "../_env.ts";
import { prng } from "../_prng.ts";
import { randomBlock } from "./_random.ts";

test("printer: one op per line, dense numbering, masks, Guest notes", () => {
  const b = new IrBlock();
  b.reset(0x401000n, 64);
  b.guest(0x401000, 3);
  const s = b.add(8, b.getReg(GPR.RAX), b.getReg(GPR.RBX), STATUS_FLAGS);
  b.setReg(GPR.RAX, s);
  b.emit(OP.Nop, 0, 0);
  b.exit(EXIT.JUMP, b.const(8, 0x401003));
  expect(printIr(b, (a) => (a === 0x401000n ? "add rax, rbx" : undefined))).toBe(
    "block 0x401000 mode 64\n" +
      "  Guest 3, 0x401000            ; add rax, rbx\n" +
      "  v2 = GetReg rax\n" +
      "  v3 = GetReg rbx\n" +
      "  v4 = Add.8 v2, v3 !oszapc\n" +
      "  SetReg rax, v4\n" +
      "  v6 = Const.8 0x401003\n" +
      "  Exit jump, v6 ?oszapc\n",
  );
});

/** A block using every op of OPS but one of the two terminators, built through the builder (Nop through emit). */
function everyOp(exitSym: boolean): IrBlock {
  const b = new IrBlock();
  b.reset(0x140001000n, 64);
  b.guest(0x140001000n, 15);
  const x = b.getReg(GPR.R15);
  const y = b.const(2, 0xfffe);
  const big = b.const(8, 0xffffffffffffffffn);
  const ad = b.addr(0x140002000n);
  b.emit(OP.Nop, 0, 0);
  b.setReg(GPR.R8, x);
  const f = b.getFlag(FLAG.DF);
  b.setFlag(FLAG.AF, f);
  const v = [
    b.add(1, x, y, FLAG.CF | FLAG.OF), b.sub(2, x, y, STATUS_FLAGS), b.adc(4, x, y), b.sbb(8, x, y, FLAG.ZF),
    b.and(8, x, big, FLAG.SF), b.or(4, x, y), b.xor(4, x, x, FLAG.PF), b.neg(2, x, FLAG.AF), b.not(1, x),
    b.shl(8, x, y), b.shr(4, x, y), b.sar(2, x, y), b.ror(4, x, y), b.mul(8, x, y), b.mulHU(4, x, y), b.mulHS(2, x, y),
    b.zext(x, 1), b.sext(x, 4), b.bfi(x, y, 60, 4), b.ubfx(x, 0, 64), b.cmp(2, REL.SGE, x, y), b.select(x, y, big),
    b.cond(CC.G), b.selectCC(CC.NP, x, y), b.load(1, x), b.loadStack(8, ad),
  ];
  b.test(4, v[0]!);
  b.test(1, v[1]!, 0);
  b.store(2, x, v[2]!);
  b.storeStack(8, ad, v[3]!);
  // The string group's REP ops: step value, address size, MEM attributes, (scas/cmps) 0 = REPE, 1 = REPNE.
  b.emit(OP.RepMovs, 1, 0, v[0]!, 8, 0);
  b.emit(OP.RepStos, 2, 0, v[1]!, 4, MEM.PLAIN);
  b.emit(OP.RepLods, 4, 0, v[2]!, 8, 0);
  b.emit(OP.RepScas, 8, STATUS_FLAGS, v[3]!, 4, 0, 1);
  b.emit(OP.RepCmps, 1, FLAG.ZF, v[0]!, 8, MEM.ORDERED, 0);
  // The atomics group: a LOCK read-modify-write (each operation name round-trips) and a CAS.
  for (let k = 0; k < ATOM_NAMES.length; k++) b.emit(OP.AtomicRmw, [1, 2, 4, 8][k & 3]!, 0, v[0]!, v[1]!, k);
  b.emit(OP.AtomicCas, 8, 0, v[0]!, v[1]!, v[2]!);
  const cp = b.emit(OP.AtomicCasPair, 0, 0, v[0]!, b.emit(OP.Pair, 0, 0, v[1]!, v[2]!), b.emit(OP.Pair, 0, 0, v[3]!, v[0]!), ad);
  b.emit(OP.CasPairHi, 0, 0, cp);
  // The misc group: an FS/GS base, a conditional exit on a value, the spin-wait hint.
  const seg = b.emit(OP.SegBase, 0, 0, 1);
  b.emit(OP.ExitIfNZ, 0, FLAG.CF | FLAG.ZF, seg, ad);
  b.emit(OP.Pause, 0, 0);
  b.emit(OP.SetState, 0, 0, 25, b.emit(OP.GetState, 0, 0, 25));
  // The hints group: a barrier (2 = FENCE.FULL) and a prefetch (5 = PREFETCH.WRITE_L2).
  b.fence(2);
  b.prefetch(x, 5);
  // The bits group: counts, byte reversal, parallel deposit/extract.
  const cz = b.emit(OP.Clz, 2, 0, x);
  b.emit(OP.Ctz, 8, 0, b.emit(OP.Rev, 4, 0, cz));
  b.emit(OP.Pext, 4, 0, b.emit(OP.Pdep, 8, 0, x, y), b.emit(OP.Popcnt, 2, 0, y));
  // The flags a shift by CL keeps when its count is 0 (pass cond-flags): saved, then restored.
  const saved = b.emit(OP.SaveFlags, 0, 0, FLAG.CF | FLAG.PF | FLAG.OF);
  b.emit(OP.RestoreFlagsIfZero, 4, 0, v[1]!, saved, FLAG.CF | FLAG.PF | FLAG.OF);
  // The vector slice: every op, the scratch xt, every VOP name, each access size and lane.
  b.vzero(15);
  b.vmov(1, 2);
  b.vmovLow(4, 3, 4);
  b.vzextLow(8, 5, 6);
  b.vload(16, XT, x, MEM.ORDERED);
  for (let k = 0; k < VOP_NAMES.length; k++) b.vbin(k, k % 16, k === 0 ? XT : (k + 1) % 16);
  b.vload(4, 7, ad);
  b.vloadLane(8, 8, x, 1, MEM.STACK);
  b.vloadLane(2, 8, x, 7);
  b.vstore(8, ad, 9, 1);
  b.vstore(16, x, 10);
  b.vfromGpr(4, 11, b.vtoGpr(8, 12));
  b.vshuf32(13, 14, 0x1b);
  b.vmoveMask(1, 0);
  b.vshuf16(3, 4, 1, 0x50);
  b.vshufPair(4, 5, XT, 0x93);
  b.vinsLane(1, 6, 15, 7, 0);
  b.vinsBits(1, 2, 3, 61);
  b.vinsGpr(2, 9, 6, b.vlaneToGpr(2, 10, 7));
  b.vstore(2, ad, 11, 5);
  // Flags an instruction leaves undefined.
  b.undef(FLAG.SF | FLAG.ZF | FLAG.AF | FLAG.PF);
  // The muldiv group: the divisions and the conditional exit into a runtime symbol (#DE).
  const q = b.divU(8, x, y, big);
  b.divS(4, x, y, q);
  b.exitSymIf(b.divSFault(1, x, y, q), SYM.divide_error, ad, 3, FLAG.CF);
  b.exitIf(CC.O, ad, 0);
  b.exitIf(CC.LE, big);
  if (exitSym) b.exitSym(SYM.divide_error, ad, 2, FLAG.ZF | FLAG.CF);
  else b.exit(EXIT.CALL_INDIRECT, v[4]!, 0);
  return b;
}

/**
 * Op fields of a block with Nops left out and value operands renumbered to match; `sz` only for
 * sized ops (the only ones where it means anything, and the only ones the text carries it for).
 */
function fields(b: IrBlock): string[] {
  const idx = new Int32Array(b.n).fill(-1);
  const out: string[] = [];
  for (let i = 0; i < b.n; i++) {
    if (b.op[i] === OP.Nop) continue;
    idx[i] = out.length;
    const info = OPS[b.op[i]!]!;
    const ops = [b.a[i]!, b.b[i]!, b.c[i]!, b.d[i]!].map((x, k) => (info.args[k] === "v" ? idx[x]! : x));
    out.push([info.name, info.sized ? b.sz[i] : "-", b.fm[i], ...ops, b.lo[i], b.hi[i]].join(" "));
  }
  return out;
}

test("round trip through the text form on blocks holding every op", () => {
  const seen = new Set<number>();
  for (const exitSym of [false, true]) {
    const b = everyOp(exitSym);
    expect(verifyIr(b)).toEqual([]);
    for (const op of b.op.subarray(0, b.n)) seen.add(op);
    const c = parseIr(printIr(b));
    expect(printIr(c)).toBe(printIr(b));
    expect(fields(c)).toEqual(fields(b));
  }
  for (let op = 0; op < OPS.length; op++) expect([OPS[op]!.name, seen.has(op)]).toEqual([OPS[op]!.name, true]);
  const b = everyOp(true);
  const text = printIr(b);
  expect(text).not.toContain("Nop");
  const c = parseIr(text);
  expect(verifyIr(c)).toEqual([]);
  expect(printIr(c)).toBe(text);
  expect(fields(c)).toEqual(fields(b));
  expect([c.start, c.mode]).toEqual([0x140001000n, 64]);
  // Spot checks of the text against the op table's meanings.
  expect(text).toContain("v2 = GetReg r15\n");
  expect(text).toContain("v4 = Const.8 0xffffffffffffffff\n");
  expect(text).toContain("v5 = Addr 0x140002000\n");
  expect(text).toContain("SetFlag af, v7\n");
  expect(text).toContain("= Cmp.2 sge, v2, v3\n");
  expect(text).toContain("Test.1 v10\n"); // empty mask: no `!`
  expect(text).toContain("Store.8 v5, v12, 1\n"); // MEM.STACK
  expect(text).toContain("ExitIf o, v5 ?-\n");
  expect(text).toContain("ExitSym divide_error, v5, 2\u0020?zc\n");
  expect(MEM.STACK).toBe(1);
});

test("a parsed Nop line disappears; comments and blank lines are ignored", () => {
  const b = parseIr("; header comment\n\nblock 0x10 mode 32\n  Nop\n  v1 = GetReg rdi ; edi\n\n  Exit indirect, v1 ?-\n");
  expect(b.n).toBe(3);
  expect(printIr(b)).toBe("block 0x10 mode 32\n  v1 = GetReg rdi\n  Exit indirect, v1 ?-\n");
});

test("round trip on random valid blocks", () => {
  const r = prng(0x1a);
  for (let t = 0; t < count(300, 3000); t++) {
    const b = randomBlock(r);
    expect(verifyIr(b)).toEqual([]);
    const text = printIr(b);
    const c = parseIr(text);
    expect(printIr(c)).toBe(text);
    expect(fields(c)).toEqual(fields(b));
  }
}, 600_000);

test("parse errors name the line", () => {
  const bad: [string, RegExp][] = [
    ["blok 0x10 mode 64\n", /line 1: expected "block/],
    ["block 0x10 mode 16\n", /line 1: expected "block/],
    ["block 0x10 mode 64\n  v1 = Frob rax\n", /line 2: unknown op "Frob"/],
    ["block 0x10 mode 64\n  v1 = GetReg rax\n  v1 = GetReg rbx\n", /line 3: v1 defined twice/],
    ["block 0x10 mode 64\n  SetReg rax, v9\n", /line 2: undefined value v9/],
    ["block 0x10 mode 64\n  GetReg rax\n", /line 2: GetReg needs result/],
    ["block 0x10 mode 64\n  v1 = Add v1, v1\n", /line 2: Add needs \.size/],
    ["block 0x10 mode 64\n  v1 = GetReg rax, rbx\n", /line 2: GetReg takes 1 operands, got 2/],
    ["block 0x10 mode 64\n  v1 = GetReg xax\n", /line 2: unknown register "xax"/],
    ["block 0x10 mode 64\n  v1 = Const.8 12\n", /line 2: expected a hex immediate/],
    ["block 0x10 mode 64\n  v1 = Const.8 0x1\n  Exit jump, v1 ?q\n", /line 3: unknown flag letter "q"/],
  ];
  for (const [text, re] of bad) expect(() => parseIr(text)).toThrow(re);
});
