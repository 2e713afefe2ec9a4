/**
 * @file The code-quality passes on hand-written blocks: cond-flags (shiftByZero, keepFlagsIfZero, afIfNonZero), bitfield, zero-idiom,
 * flags-into-test and late-setreg, each on the shape it targets (the expected text worked out
 * from the pass's rule, not copied from its output) and on a near miss it must leave alone.
 * The end-to-end proof that the rewritten blocks mean the same is test/verify/quality-diff.test.ts.
 */
import { expect, test } from "bun:test";
import { condFlags } from "../../../src/ir/passes/cond-flags.ts";
import { dce } from "../../../src/ir/passes/dce.ts";
import { flagsIntoTest } from "../../../src/ir/passes/flags-into-test.ts";
import { lateSetReg } from "../../../src/ir/passes/late-setreg.ts";
import { bitfield } from "../../../src/ir/passes/bitfield.ts";
import { zeroIdiom } from "../../../src/ir/passes/zero-idiom.ts";
import { constFold } from "../../../src/ir/passes/const-fold.ts";
import { ir, run } from "./_ir.ts";

// sar eax, cl as the semantics emit it (flags CF, ZF, OF only, to keep it short).
const SAR_CL = `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    v3 = GetReg rcx
    v4 = Const.4 0x1f
    v5 = And.4 v3, v4
    v6 = Const.4 0x0
    v7 = Cmp.4 eq, v5, v6
    v8 = Sar.4 v2, v5
    v9 = Select v7, v2, v8
    SetReg rax, v9
    v11 = Ubfx v2, 0, 1
    v12 = GetFlag zf
    v13 = Cmp.4 eq, v8, v6
    v14 = Select v7, v12, v13
    SetFlag zf, v14
    v16 = GetFlag cf
    v17 = Select v7, v16, v11
    SetFlag cf, v17
    v19 = GetFlag of
    v20 = Const.1 0x0
    v21 = Select v7, v19, v20
    SetFlag of, v21
    v23 = Const.8 0x1002
    Exit jump, v23 ?oszapc`;

test("cond-flags: the result select goes, the flag selects become one save and one restore", () => {
  const { b, out } = run((x) => { expect(condFlags(x)).toBe(2); dce(x); }, SAR_CL);
  // SaveFlags takes the place of the first old-flag read (v12), masks zf|cf|of = 8|1|32 = 41; the
  // last SetFlag moves into its select's slot and the restore takes the SetFlag's, on n = v5.
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    v3 = GetReg rcx
    v4 = Const.4 0x1f
    v5 = And.4 v3, v4
    v6 = Const.4 0x0
    v7 = Sar.4 v2, v5
    SetReg rax, v7
    v9 = Ubfx v2, 0, 1
    v10 = SaveFlags 41
    v11 = Cmp.4 eq, v7, v6
    SetFlag zf, v11
    SetFlag cf, v9
    v14 = Const.1 0x0
    SetFlag of, v14
    RestoreFlagsIfZero.4 v5, v10, 41
    v17 = Const.8 0x1002
    Exit jump, v17 ?oszapc`));
  expect(condFlags(b)).toBe(0);
});

test("cond-flags: a flag reader between the selects, or a select on anything but count == 0, is left alone", () => {
  // A Cond reading CF between the ZF and OF writes: ZF's select stays (the reader must see the
  // selected ZF... and CF); only OF's, after the reader, becomes a save/restore of OF (32) alone.
  const reader = SAR_CL.replace("    v16 = GetFlag cf\n", "    v16 = Cond b\n");
  const r1 = run((x) => expect(condFlags(x)).toBe(2), reader); // the result select, and OF's run
  expect(r1.out).toContain("SaveFlags 32\n");
  expect(r1.out).toContain("RestoreFlagsIfZero.4 v5, ");
  expect(r1.out).toContain("GetFlag zf");
  const notZero = SAR_CL.replace("v7 = Cmp.4 eq, v5, v6", "v7 = Cmp.4 ne, v5, v6");
  const r2 = run((x) => expect(condFlags(x)).toBe(0), notZero);
  expect(r2.out).toBe(ir(notZero));
});

// A shift's AF as the semantics emit it after the flag selects: kept for a count of 0, undefined
// otherwise (a save and restore of AF alone, ops.ts).
const AF_PAIR = "    v30 = SaveFlags 4\n    RestoreFlagsIfZero.4 v5, v30, 4\n";
const withAfPair = (exitMask: string): string =>
  SAR_CL.replace("    v23 = Const.8 0x1002\n    Exit jump, v23 ?oszapc", AF_PAIR + "    v23 = Const.8 0x1002\n    Exit jump, v23 " + exitMask);

test("cond-flags afIfNonZero: AF read after the shift joins the run's masks (41 | 4 = 45); the pair goes", () => {
  const { b, out } = run((x) => { expect(condFlags(x)).toBe(3); dce(x); }, withAfPair("?oszapc"));
  expect(out).toContain("v10 = SaveFlags 45\n");
  expect(out).toContain("RestoreFlagsIfZero.4 v5, v10, 45\n");
  expect(out).not.toContain("SaveFlags 4\n");
  expect(out.match(/RestoreFlagsIfZero/g)!.length).toBe(1);
  expect(condFlags(b)).toBe(0);
});

test("cond-flags afIfNonZero: AF dead after the shift, or no run on that count: the pair goes, AF kept for every count", () => {
  const dead = run((x) => { expect(condFlags(x)).toBe(3); dce(x); }, withAfPair("?oszpc")).out;
  expect(dead).toContain("SaveFlags 41\n");
  expect(dead).toContain("RestoreFlagsIfZero.4 v5, v10, 41\n");
  expect(dead.match(/RestoreFlagsIfZero/g)!.length).toBe(1);
  // A pair on another count than the run's: not merged.
  const other = withAfPair("?oszapc").replace("RestoreFlagsIfZero.4 v5, v30, 4", "RestoreFlagsIfZero.4 v3, v30, 4");
  const o = run((x) => { expect(condFlags(x)).toBe(3); dce(x); }, other).out;
  expect(o).toContain("SaveFlags 41\n");
  expect(o.match(/RestoreFlagsIfZero/g)!.length).toBe(1);
});

test("cond-flags afIfNonZero: a constant count decides: nonzero leaves AF undefined, zero keeps it", () => {
  const src = (k: number) => `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = Const.4 0x${k}
    v3 = SaveFlags 4
    RestoreFlagsIfZero.4 v2, v3, 4
    v5 = Const.8 0x1002
    Exit jump, v5 ?oszapc`;
  const three = run((x) => { expect(condFlags(x)).toBe(1); dce(x); }, src(3)).out;
  expect(three).toBe(ir(`
    block 0x1000 mode 64
    Guest 2, 0x1000
    Undef !a
    v3 = Const.8 0x1002
    Exit jump, v3 ?oszapc`));
  const zero = run((x) => { expect(condFlags(x)).toBe(1); dce(x); }, src(0)).out;
  expect(zero).toBe(ir(`
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = Const.8 0x1002
    Exit jump, v2 ?oszapc`));
});

test("flags-into-test: SF, ZF, CF = 0 and OF = 0 written after a Test of the same value join its mask", () => {
  const { out } = run((x) => { expect(flagsIntoTest(x)).toBe(4); dce(x); }, `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    Test.8 v2 !p
    v4 = Ubfx v2, 63, 1
    SetFlag sf, v4
    v6 = Const.8 0x0
    v7 = Cmp.8 eq, v2, v6
    SetFlag zf, v7
    v9 = Const.1 0x0
    SetFlag cf, v9
    SetFlag of, v9
    v12 = Const.8 0x1002
    Exit jump, v12 ?oszapc`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    Test.8 v2 !oszpc
    v4 = Const.8 0x1002
    Exit jump, v4 ?oszapc`));
});

test("flags-into-test: not past a reader of the flag, not a different bit or value", () => {
  const src = `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    Test.4 v2 !p
    v4 = GetFlag sf
    v5 = Ubfx v2, 31, 1
    SetFlag sf, v5
    v7 = Ubfx v2, 30, 1
    SetFlag zf, v7
    v9 = Const.1 0x1
    SetFlag cf, v9
    SetReg rbx, v4
    v12 = Const.8 0x1002
    Exit jump, v12 ?oszapc`;
  const { out } = run((x) => expect(flagsIntoTest(x)).toBe(0), src);
  expect(out).toBe(ir(src));
});

test("late-setreg: a write whose old value is read later moves to the end of the instruction's quiet run, with its Zext", () => {
  const { b, out } = run((x) => expect(lateSetReg(x)).toBe(1), `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = Const.1 0x2
    v4 = Shl.4 v2, v3
    v5 = Zext v4, 4
    SetReg rax, v5
    v7 = Ubfx v2, 30, 1
    Test.4 v4 !szp
    SetFlag cf, v7
    Guest 2, 0x1003
    v11 = Const.8 0x1005
    Exit jump, v11 ?oszapc`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = Const.1 0x2
    v4 = Shl.4 v2, v3
    v5 = Ubfx v2, 30, 1
    Test.4 v4 !szp
    SetFlag cf, v5
    v8 = Zext v4, 4
    SetReg rax, v8
    Guest 2, 0x1003
    v11 = Const.8 0x1005
    Exit jump, v11 ?oszapc`));
  expect(lateSetReg(b)).toBe(0);
});

test("late-setreg: across markers to the end of the last instruction reading the old value, its Add along", () => {
  // add rax, 1; shr rdx(= old rax), 6; mov rcx, [rbx]: the old rax is read one instruction later.
  const src = `
    block 0x1000 mode 64
    Guest 4, 0x1000
    v2 = GetReg rax
    v3 = Const.8 0x1
    v4 = Add.8 v2, v3
    SetReg rax, v4
    Guest 4, 0x1004
    v7 = Const.1 0x6
    v8 = Shr.8 v2, v7
    SetReg rdx, v8
    Guest 3, 0x1008
    v11 = GetReg rbx
    v12 = Load.8 v11, 0
    SetReg rcx, v12
    v14 = Const.8 0x100b
    Exit jump, v14 ?oszapc`;
  const { b, out } = run((x) => expect(lateSetReg(x)).toBe(1), src);
  // Not to the load (the end of the quiet run): the next marker after the read ends the move.
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 4, 0x1000
    v2 = GetReg rax
    v3 = Const.8 0x1
    Guest 4, 0x1004
    v5 = Const.1 0x6
    v6 = Shr.8 v2, v5
    SetReg rdx, v6
    v8 = Add.8 v2, v3
    SetReg rax, v8
    Guest 3, 0x1008
    v11 = GetReg rbx
    v12 = Load.8 v11, 0
    SetReg rcx, v12
    v14 = Const.8 0x100b
    Exit jump, v14 ?oszapc`));
  expect(lateSetReg(b)).toBe(0);
  // The Add stays when the run writes a register it reads (rbx): moved, it would need rbx's old value copied.
  const rbx = src.replace("v3 = Const.8 0x1", "v3 = GetReg rbx").replace("SetReg rdx, v8", "SetReg rbx, v8").replace("v11 = GetReg rbx", "v11 = GetReg rsi");
  expect(run((x) => expect(lateSetReg(x)).toBe(1), rbx).out).toBe(ir(`
    block 0x1000 mode 64
    Guest 4, 0x1000
    v2 = GetReg rax
    v3 = GetReg rbx
    v4 = Add.8 v2, v3
    Guest 4, 0x1004
    v6 = Const.1 0x6
    v7 = Shr.8 v2, v6
    SetReg rbx, v7
    SetReg rax, v4
    Guest 3, 0x1008
    v11 = GetReg rsi
    v12 = Load.8 v11, 0
    SetReg rcx, v12
    v14 = Const.8 0x100b
    Exit jump, v14 ?oszapc`));
});

test("late-setreg: no move without a later read of the old value, and never past a load", () => {
  const noRead = `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = Const.1 0x2
    v4 = Shl.8 v2, v3
    SetReg rax, v4
    Test.8 v4 !szp
    v7 = Const.8 0x1003
    Exit jump, v7 ?oszapc`;
  expect(run((x) => expect(lateSetReg(x)).toBe(0), noRead).out).toBe(ir(noRead));
  const load = `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rax
    v3 = Const.1 0x2
    v4 = Shl.8 v2, v3
    SetReg rax, v4
    v6 = Load.8 v2, 0
    v7 = Ubfx v2, 62, 1
    SetFlag cf, v7
    v9 = Const.8 0x1003
    Exit jump, v9 ?oszapc`;
  // The load stops the run right after the write: it stays where it is.
  expect(run((x) => expect(lateSetReg(x)).toBe(0), load).out).toBe(ir(load));
});

test("bitfield: NOT of a register's own field is one Xor.8, an all-ones or all-zeros field write one Or.8/And.8", () => {
  const { out } = run((x) => { expect(bitfield(x)).toBe(3); dce(x); }, `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rbx
    v3 = Ubfx v2, 8, 8
    v4 = Not.1 v3
    v5 = GetReg rbx
    v6 = Bfi v5, v4, 8, 8          ; not bh
    SetReg rbx, v6
    v8 = Const.1 0xff
    v9 = GetReg rax
    v10 = Bfi v9, v8, 0, 8         ; mov al, 0xff
    v11 = Const.2 0x0
    v12 = Bfi v10, v11, 0, 16      ; mov ax, 0 (on the new rax value)
    SetReg rax, v12
    v14 = Const.8 0x1002
    Exit jump, v14 ?oszapc`);
  // NOT BH: mask 0xff00; MOV AL, 0xFF: or 0xff; MOV AX, 0: and ~0xffff.
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = Const.8 0xff00
    v3 = GetReg rbx
    v4 = Xor.8 v3, v2
    SetReg rbx, v4
    v6 = Const.8 0xff
    v7 = GetReg rax
    v8 = Or.8 v7, v6
    v9 = Const.8 0xffffffffffff0000
    v10 = And.8 v8, v9
    SetReg rax, v10
    v12 = Const.8 0x1002
    Exit jump, v12 ?oszapc`));
});

test("bitfield: not another register's field, not across a write of the register, not a mixed constant", () => {
  const src = `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rcx
    v3 = Not.1 v2
    v4 = GetReg rbx
    v5 = Bfi v4, v3, 0, 8          ; not of cl into bl
    SetReg rbx, v5
    v7 = GetReg rbx
    v8 = Ubfx v7, 8, 8
    v9 = Not.1 v8
    SetReg rbx, v4
    v11 = GetReg rbx
    v12 = Bfi v11, v9, 8, 8        ; rbx was written between the two reads
    SetReg rbx, v12
    v14 = Const.1 0xf0
    v15 = Bfi v12, v14, 0, 8
    SetReg rbx, v15
    v17 = Const.8 0x1002
    Exit jump, v17 ?oszapc`;
  expect(run((x) => expect(bitfield(x)).toBe(0), src).out).toBe(ir(src));
});

test("zero-idiom: xor/sub of a register (or one field of it) with itself is Const 0 and the flags of Test 0", () => {
  const { out } = run((x) => { expect(zeroIdiom(x)).toBe(2); dce(x); }, `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    v3 = Ubfx v2, 8, 8
    v4 = GetReg rax
    v5 = Ubfx v4, 8, 8
    v6 = Xor.1 v3, v5 !szp          ; xor ah, ah
    v7 = GetReg rax
    v8 = Bfi v7, v6, 8, 8
    SetReg rax, v8
    Guest 3, 0x1002
    v11 = GetReg rbx
    v12 = Sub.8 v11, v11 !oszapc    ; sub rbx, rbx
    SetReg rbx, v12
    v14 = Const.8 0x1005
    Exit jump, v14 ?oszapc`);
  // The operand only the op reads (v5, resp. v11 read twice by it) becomes the 0.
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = Const.8 0x0
    Test.4 v2 !szp
    v4 = GetReg rax
    v5 = Bfi v4, v2, 8, 8
    SetReg rax, v5
    Guest 3, 0x1002
    v8 = Const.8 0x0
    Test.4 v8 !oszapc
    SetReg rbx, v8
    v11 = Const.8 0x1005
    Exit jump, v11 ?oszapc`));
});

test("zero-idiom: not for different registers, fields, a write between, or operands read elsewhere", () => {
  const src = `
    block 0x1000 mode 64
    Guest 2, 0x1000
    v2 = GetReg rax
    v3 = GetReg rbx
    v4 = Xor.8 v2, v3 !z
    v5 = Ubfx v2, 0, 8
    v6 = Ubfx v2, 8, 8
    v7 = Xor.1 v5, v6 !z
    v8 = GetReg rcx
    SetReg rcx, v7
    v10 = GetReg rcx
    v11 = Sub.8 v8, v10 !z
    v12 = GetReg rdx
    v13 = Xor.8 v12, v12 !z
    SetReg rsi, v12
    SetReg rdi, v4
    SetReg rbp, v11
    SetReg rsp, v13
    v18 = Const.8 0x1002
    Exit jump, v18 ?z`;
  expect(run((x) => expect(zeroIdiom(x)).toBe(0), src).out).toBe(ir(src));
});

test("const-fold: Zext of a value already zero-extended that far is the value; of anything else it stays", () => {
  const src = `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rbx
    v3 = Load.1 v2, 0
    v4 = Zext v3, 1              ; a byte load: zero-extended already
    v5 = Load.2 v2, 0
    v6 = Zext v5, 1              ; a word load from one byte: not
    v7 = Add.4 v3, v5
    v8 = Zext v7, 4              ; a 32-bit add: exact
    v9 = GetReg rcx
    v10 = Zext v9, 4             ; a whole register: not
    v11 = Ubfx v9, 8, 8
    v12 = Zext v11, 2            ; bits 8..15 moved down: within 2 bytes
    SetReg rax, v4
    SetReg rdx, v6
    SetReg rsi, v8
    SetReg rdi, v10
    SetReg rbp, v12
    v18 = Const.8 0x1003
    Exit jump, v18 ?-`;
  const { out } = run((x) => { expect(constFold(x)).toBe(3); dce(x); }, src);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rbx
    v3 = Load.1 v2, 0
    v4 = Load.2 v2, 0
    v5 = Zext v4, 1
    v6 = Add.4 v3, v4
    v7 = GetReg rcx
    v8 = Zext v7, 4
    v9 = Ubfx v7, 8, 8
    SetReg rax, v3
    SetReg rdx, v5
    SetReg rsi, v6
    SetReg rdi, v8
    SetReg rbp, v9
    v15 = Const.8 0x1003
    Exit jump, v15 ?-`));
});

test("cond-flags selfWrite: SetFlag f of GetFlag f goes when nothing wrote f between, stays when something did", () => {
  const { out } = run((x) => expect(condFlags(x)).toBe(1), `
    block 0x1000 mode 64
    v1 = GetReg rax
    Test.4 v1 !p
    v3 = GetFlag pf
    SetFlag pf, v3
    v5 = Const.8 0x1003
    Exit jump, v5 ?-`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    v1 = GetReg rax
    Test.4 v1 !p
    v3 = GetFlag pf
    v4 = Const.8 0x1003
    Exit jump, v4 ?-`));
  // Written again between the read and the write: the old value must come back.
  const between = `
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = GetFlag pf
    Test.4 v1 !p
    SetFlag pf, v2
    v5 = Const.8 0x1003
    Exit jump, v5 ?-`;
  expect(run((x) => expect(condFlags(x)).toBe(0), between).out).toBe(ir(between));
});

test("flags-into-test zeroTestFlag: bsf's zero test read by a select and SetFlag zf becomes a Test read by a SelectCC", () => {
  // bsf eax, ebx as the semantics emit it (CF, OF, SF, AF, PF undefined after).
  const src = `
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rbx
    v3 = Const.4 0x0
    v4 = Cmp.4 eq, v2, v3
    v5 = Ctz.4 v2
    v6 = GetReg rax
    v7 = Select v4, v6, v5
    SetReg rax, v7
    SetFlag zf, v4
    Undef !osapc
    v11 = Const.8 0x1003
    Exit jump, v11 ?oszapc`;
  const { out } = run((x) => expect(flagsIntoTest(x)).toBe(1), src);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    Guest 3, 0x1000
    v2 = GetReg rbx
    v3 = Const.4 0x0
    Test.4 v2 !z
    v5 = Ctz.4 v2
    v6 = GetReg rax
    v7 = SelectCC e, v6, v5
    SetReg rax, v7
    Undef !osapc
    v10 = Const.8 0x1003
    Exit jump, v10 ?oszapc`));
  // Not when something between reads ZF (a SelectCC on it) or can fault (a load), nor without a select.
  const reader = src.replace("    SetReg rax, v7\n", "    SetReg rax, v7\n    v20 = SelectCC e, v6, v5\n    SetReg rcx, v20\n");
  expect(run((x) => expect(flagsIntoTest(x)).toBe(0), reader).out).toBe(run(() => {}, reader).out);
  const load = src.replace("    SetReg rax, v7\n", "    SetReg rax, v7\n    v20 = Load.4 v2, 0\n    SetReg rcx, v20\n");
  expect(run((x) => expect(flagsIntoTest(x)).toBe(0), load).out).toBe(run(() => {}, load).out);
  const alone = src.replace("    v7 = Select v4, v6, v5\n    SetReg rax, v7\n", "");
  expect(run((x) => expect(flagsIntoTest(x)).toBe(0), alone).out).toBe(run(() => {}, alone).out);
});
