/**
 * @file const-fold: sized folding of every foldable op, the identities and where they must not
 * apply (flags live, size 4 without a known zero extension, constants too narrow for the read).
 * Expected values are worked out by hand from the op semantics in ops.ts.
 */
import { expect, test } from "bun:test";
import { constFold } from "../../../src/ir/passes/const-fold.ts";
import { replaceUses } from "../../../src/ir/passes/_util.ts";
import { parseIr } from "../../../src/ir/parse.ts";
import { printIr } from "../../../src/ir/print.ts";
import { ir, run } from "./_ir.ts";

/** Fold `v3 = <op> v1, v2` (or whatever `line` says, as op 3) and return the printed op 3. */
function fold3(k1: string, k2: string, line: string): string {
  const { out } = run(constFold, `
    block 0x1000 mode 64
    v1 = ${k1}
    v2 = ${k2}
    ${line}
    SetReg rax, v3
    v5 = Const.8 0x0
    Exit indirect, v5 ?-`);
  return out.split("\n")[3]!.trim();
}

test("two-operand arithmetic wraps in the op size", () => {
  expect(fold3("Const.4 0xffffffff", "Const.4 0x2", "v3 = Add.4 v1, v2")).toBe("v3 = Const.4 0x1");
  expect(fold3("Const.1 0xff", "Const.1 0x1", "v3 = Add.1 v1, v2")).toBe("v3 = Const.1 0x0");
  expect(fold3("Const.2 0x0", "Const.2 0x1", "v3 = Sub.2 v1, v2")).toBe("v3 = Const.2 0xffff");
  expect(fold3("Const.8 0x0", "Const.8 0x1", "v3 = Sub.8 v1, v2")).toBe("v3 = Const.8 0xffffffffffffffff");
  // Inputs are read in their low sz bytes only: 0x1ff as one byte is 0xff.
  expect(fold3("Const.8 0x1ff", "Const.8 0x3", "v3 = Add.1 v1, v2")).toBe("v3 = Const.1 0x2");
  expect(fold3("Const.4 0xf0f0", "Const.4 0xff00", "v3 = And.4 v1, v2")).toBe("v3 = Const.4 0xf000");
  expect(fold3("Const.4 0xf0f0", "Const.4 0xff00", "v3 = Or.4 v1, v2")).toBe("v3 = Const.4 0xfff0");
  expect(fold3("Const.4 0xf0f0", "Const.4 0xff00", "v3 = Xor.4 v1, v2")).toBe("v3 = Const.4 0xff0");
  expect(fold3("Const.4 0x10000", "Const.4 0x10000", "v3 = Mul.4 v1, v2")).toBe("v3 = Const.4 0x0");
  expect(fold3("Const.8 0xffffffffffffffff", "Const.8 0x2", "v3 = Mul.8 v1, v2")).toBe("v3 = Const.8 0xfffffffffffffffe");
  // 0xffffffff² = 0xfffffffe_00000001: high half unsigned 0xfffffffe; signed (-1)·(-1) = 1, high half 0.
  expect(fold3("Const.4 0xffffffff", "Const.4 0xffffffff", "v3 = MulHU.4 v1, v2")).toBe("v3 = Const.4 0xfffffffe");
  expect(fold3("Const.4 0xffffffff", "Const.4 0xffffffff", "v3 = MulHS.4 v1, v2")).toBe("v3 = Const.4 0x0");
  // -128 · 2 = -256 = 0xff00 in 16 bits: high byte 0xff.
  expect(fold3("Const.1 0x80", "Const.1 0x2", "v3 = MulHS.1 v1, v2")).toBe("v3 = Const.1 0xff");
  expect(fold3("Const.8 0x8000000000000000", "Const.8 0x4", "v3 = MulHU.8 v1, v2")).toBe("v3 = Const.8 0x2");
});

test("shifts and rotates", () => {
  expect(fold3("Const.4 0x80000001", "Const.1 0x1", "v3 = Shl.4 v1, v2")).toBe("v3 = Const.4 0x2");
  expect(fold3("Const.8 0x8000000000000000", "Const.8 0x3f", "v3 = Shr.8 v1, v2")).toBe("v3 = Const.8 0x1");
  expect(fold3("Const.1 0x80", "Const.1 0x7", "v3 = Sar.1 v1, v2")).toBe("v3 = Const.1 0xff");
  expect(fold3("Const.8 0x8000000000000000", "Const.8 0x4", "v3 = Sar.8 v1, v2")).toBe("v3 = Const.8 0xf800000000000000");
  expect(fold3("Const.2 0x8001", "Const.1 0x1", "v3 = Shr.2 v1, v2")).toBe("v3 = Const.2 0x4000");
  expect(fold3("Const.1 0x81", "Const.1 0x9", "v3 = Shl.1 v1, v2")).toBe("v3 = Const.1 0x0");
  expect(fold3("Const.4 0x1", "Const.8 0x1", "v3 = Ror.4 v1, v2")).toBe("v3 = Const.4 0x80000000");
  expect(fold3("Const.8 0x1", "Const.8 0x41", "v3 = Ror.8 v1, v2")).toBe("v3 = Const.8 0x8000000000000000");
  // Counts a W-register shift would take mod 32 are left to the lowering.
  expect(fold3("Const.4 0x1", "Const.8 0x28", "v3 = Shl.4 v1, v2")).toBe("v3 = Shl.4 v1, v2");
});

test("one-operand and width ops", () => {
  expect(fold3("Const.2 0xff", "Const.8 0x0", "v3 = Not.2 v1")).toBe("v3 = Const.2 0xff00");
  expect(fold3("Const.4 0x1", "Const.8 0x0", "v3 = Neg.4 v1")).toBe("v3 = Const.4 0xffffffff");
  expect(fold3("Const.8 0x1234", "Const.8 0x0", "v3 = Zext v1, 1")).toBe("v3 = Const.8 0x34");
  expect(fold3("Const.2 0x8000", "Const.8 0x0", "v3 = Sext v1, 2")).toBe("v3 = Const.8 0xffffffffffff8000");
  expect(fold3("Const.4 0x7fffffff", "Const.8 0x0", "v3 = Sext v1, 4")).toBe("v3 = Const.8 0x7fffffff");
  // A Const.1 says nothing about its second byte.
  expect(fold3("Const.1 0x80", "Const.8 0x0", "v3 = Sext v1, 2")).toBe("v3 = Sext v1, 2");
  expect(fold3("Const.8 0xffffffffffffffff", "Const.8 0xab", "v3 = Bfi v1, v2, 8, 8")).toBe("v3 = Const.8 0xffffffffffffabff");
  // b's bits above the field width are ignored.
  expect(fold3("Const.8 0x0", "Const.8 0x1f", "v3 = Bfi v1, v2, 60, 4")).toBe("v3 = Const.8 0xf000000000000000");
  // A Const.4 is zero-extended, so all 64 bits of it are known.
  expect(fold3("Const.4 0xffffffff", "Const.1 0x0", "v3 = Bfi v1, v2, 0, 8")).toBe("v3 = Const.8 0xffffff00");
  expect(fold3("Const.4 0xabcd1234", "Const.8 0x0", "v3 = Ubfx v1, 8, 8")).toBe("v3 = Const.8 0x12");
  expect(fold3("Const.2 0xabcd", "Const.8 0x0", "v3 = Ubfx v1, 12, 8")).toBe("v3 = Ubfx v1, 12, 8");
});

test("Cmp in the op size, signed and unsigned; Select by a known condition", () => {
  expect(fold3("Const.4 0xffffffff", "Const.4 0x0", "v3 = Cmp.4 slt, v1, v2")).toBe("v3 = Const.8 0x1");
  expect(fold3("Const.4 0xffffffff", "Const.4 0x0", "v3 = Cmp.4 ult, v1, v2")).toBe("v3 = Const.8 0x0");
  expect(fold3("Const.8 0xffffffff", "Const.8 0x0", "v3 = Cmp.8 sgt, v1, v2")).toBe("v3 = Const.8 0x1");
  expect(fold3("Const.1 0x10", "Const.8 0x110", "v3 = Cmp.1 eq, v1, v2")).toBe("v3 = Const.8 0x1");
  expect(fold3("Const.2 0x8000", "Const.2 0x7fff", "v3 = Cmp.2 sle, v1, v2")).toBe("v3 = Const.8 0x1");
  expect(fold3("Const.2 0x8000", "Const.2 0x7fff", "v3 = Cmp.2 uge, v1, v2")).toBe("v3 = Const.8 0x1");
  expect(fold3("Const.2 0x8000", "Const.2 0x8000", "v3 = Cmp.2 ne, v1, v2")).toBe("v3 = Const.8 0x0");
});

test("folds chain, and a Select by a constant forwards its uses", () => {
  const { out } = run(constFold, `
    block 0x1000 mode 64
    v1 = Const.8 0x10
    v2 = Const.8 0x20
    v3 = Add.8 v1, v2
    v4 = Shl.8 v3, v1
    v5 = GetReg rax
    v6 = GetReg rbx
    v7 = Cmp.8 ult, v1, v2
    v8 = Select v7, v5, v6
    v9 = Select v4, v8, v8
    v10 = Add.8 v9, v4
    SetReg rcx, v10
    Exit indirect, v9 ?-`);
  // v3 = 0x30, v4 = 0x300000, v7 = 1 → v8 is v5 → v9 is v5; v10 = rax + 0x300000 stays.
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    v1 = Const.8 0x10
    v2 = Const.8 0x20
    v3 = Const.8 0x30
    v4 = Const.8 0x300000
    v5 = GetReg rax
    v6 = GetReg rbx
    v7 = Const.8 0x1
    v8 = Add.8 v5, v4
    SetReg rcx, v8
    Exit indirect, v5 ?-`));
});

test("ops with a flag mask, Addr operands and side-effecting ops are left alone", () => {
  const src = `
    block 0x1000 mode 64
    v1 = Const.8 0x1
    v2 = Addr 0x401000
    v3 = Add.8 v1, v1 !z
    v4 = Add.8 v2, v1
    v5 = Xor.4 v1, v1 !oszapc
    v6 = Load.8 v1, 0
    SetReg rax, v3
    SetReg rbx, v4
    SetReg rcx, v6
    v10 = Const.8 0x2000
    ExitIf e, v10 ?-
    Exit indirect, v5 ?z`;
  const { out } = run(constFold, src);
  expect(out).toBe(ir(src));
});

test("identities at sizes 1, 2, 8 replace the op by its operand", () => {
  const { out } = run(constFold, `
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = Const.8 0x0
    v3 = Const.8 0xffffffffffffffff
    v4 = Const.8 0x1
    v5 = Add.8 v1, v2
    v6 = Or.8 v2, v5
    v7 = Xor.1 v6, v2
    v8 = And.2 v3, v7
    v9 = Sub.8 v8, v2
    v10 = Shl.8 v9, v2
    v11 = Mul.8 v4, v10
    v12 = Or.1 v11, v11
    SetReg rbx, v12
    Exit indirect, v1 ?-`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = Const.8 0x0
    v3 = Const.8 0xffffffffffffffff
    v4 = Const.8 0x1
    SetReg rbx, v1
    Exit indirect, v1 ?-`));
});

test("size 4 identities need the operand's upper half known to be zero", () => {
  const { out } = run(constFold, `
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = Const.4 0x0
    v3 = Add.4 v1, v2         ; rax may have upper bits: add eax, 0 clears them, so it stays
    v4 = Load.4 v1, 0
    v5 = Add.4 v4, v2         ; a 4-byte load is zero-extended: replaced
    v6 = Sub.4 v3, v2         ; v3 is a 4-byte result: replaced
    v7 = And.4 v1, v1         ; stays (and eax, eax zero-extends)
    SetReg rbx, v5
    SetReg rcx, v6
    SetReg rdx, v7
    Exit indirect, v1 ?-`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = Const.4 0x0
    v3 = Add.4 v1, v2
    v4 = Load.4 v1, 0
    v5 = And.4 v1, v1
    SetReg rbx, v4
    SetReg rcx, v3
    SetReg rdx, v5
    Exit indirect, v1 ?-`));
});

test("x^x and x-x are 0 at every size (the xor eax, eax idiom), x&0 and x*0 too; x-0 only on the right", () => {
  const { out } = run(constFold, `
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = Const.2 0x0
    v3 = Xor.4 v1, v1
    v4 = Sub.8 v1, v1
    v5 = And.2 v1, v2
    v6 = Mul.1 v2, v1
    v7 = Sub.2 v2, v1
    v8 = MulHU.2 v1, v2
    v9 = Cmp.4 sge, v1, v1
    v10 = Cmp.8 ult, v1, v1
    SetReg rbx, v3
    SetReg rcx, v4
    SetReg rdx, v5
    SetReg rsi, v6
    SetReg rdi, v7
    SetReg r8, v8
    SetReg r9, v9
    SetReg r10, v10
    Exit indirect, v1 ?-`);
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = Const.2 0x0
    v3 = Const.4 0x0
    v4 = Const.8 0x0
    v5 = Const.2 0x0
    v6 = Const.1 0x0
    v7 = Sub.2 v2, v1
    v8 = MulHU.2 v1, v2
    v9 = Const.8 0x1
    v10 = Const.8 0x0
    SetReg rbx, v3
    SetReg rcx, v4
    SetReg rdx, v5
    SetReg rsi, v6
    SetReg rdi, v7
    SetReg r8, v8
    SetReg r9, v9
    SetReg r10, v10
    Exit indirect, v1 ?-`));
});

test("replaceUses redirects every later use", () => {
  const b = parseIr(ir(`
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = GetReg rbx
    v3 = Add.8 v2, v2
    Store.8 v2, v3, 0
    Exit indirect, v2 ?-`));
  replaceUses(b, 1, 0);
  expect(printIr(b)).toBe(ir(`
    block 0x1000 mode 64
    v1 = GetReg rax
    v2 = GetReg rbx
    v3 = Add.8 v1, v1
    Store.8 v1, v3, 0
    Exit indirect, v1 ?-`));
});

test("zextOperand: a 4-byte op, a store of at most 4 bytes and a Bfi of at most 32 bits read x, not Zext x, 4", () => {
  // mov r10d, esi; shr r10d, 3 once reg-forward gave the Zext to the shift; flags kept (the op computes the same).
  const { out } = run((b) => expect(constFold(b)).toBe(3), `
    block 0x1000 mode 64
    v1 = GetReg rsi
    v2 = Zext v1, 4
    v3 = Const.4 0x3
    v4 = Add.4 v2, v3 !szp
    SetReg r10, v4
    Store.4 v1, v2, 0
    v7 = GetReg rax
    v8 = Bfi v7, v2, 0, 32
    SetReg rax, v8
    v10 = Add.8 v2, v2
    SetReg rbx, v10
    v12 = Const.8 0x1003
    Exit jump, v12 ?-`);
  // The Add.8 reads all 8 bytes: it keeps the Zext (one Zext left, one user).
  expect(out).toBe(ir(`
    block 0x1000 mode 64
    v1 = GetReg rsi
    v2 = Zext v1, 4
    v3 = Const.4 0x3
    v4 = Add.4 v1, v3 !szp
    SetReg r10, v4
    Store.4 v1, v1, 0
    v7 = GetReg rax
    v8 = Bfi v7, v1, 0, 32
    SetReg rax, v8
    v10 = Add.8 v2, v2
    SetReg rbx, v10
    v12 = Const.8 0x1003
    Exit jump, v12 ?-`));
});

test("narrowZext: Zext of an 8-byte add (or a shift by a constant under 32) read only by it is the 4-byte op", () => {
  // lea ecx, [r10 + r10*4]: Zext (Add.8 r10, r10 << 2), 4 → Add.4 r10, r10 << 2 (the Add.8 is DCE's).
  const src = `
    block 0x1000 mode 64
    v1 = GetReg r10
    v2 = Const.1 0x2
    v3 = Shl.8 v1, v2
    v4 = Add.8 v1, v3
    v5 = Zext v4, 4
    SetReg rcx, v5
    v7 = Const.1 0x21
    v8 = Shl.8 v1, v7
    v9 = Zext v8, 4
    SetReg rdx, v9
    v11 = Or.8 v1, v3
    v12 = Zext v11, 4
    SetReg rsi, v12
    SetReg rdi, v11
    v15 = Const.8 0x1003
    Exit jump, v15 ?-`;
  const { out } = run((b) => expect(constFold(b)).toBe(1), src);
  // Not the shift by 33 (a W shift counts mod 32), not the Or.8 that rdi also reads.
  expect(out).toBe(ir(src.replace("v5 = Zext v4, 4", "v5 = Add.4 v1, v3")));
});

test("andOfAnd: And (And x, k1), k2 is the inner And when k1's bits lie in k2, at sizes 4 and 8", () => {
  // and ecx, 0x3f; shl r14, cl: the count And.4 …, 0x3f of an And.4 rcx, 0x3f.
  const both = (k1: string, s1: number, k2: string, s2: number): string => run(constFold, `
    block 0x1000 mode 64
    v1 = GetReg rcx
    v2 = Const.${s1} ${k1}
    v3 = And.${s1} v1, v2
    v4 = Const.${s2} ${k2}
    v5 = And.${s2} v3, v4
    SetReg rax, v5
    v7 = Const.8 0x1003
    Exit jump, v7 ?-`).out;
  // Folded: SetReg reads v3 itself, the outer And is gone.
  expect(both("0x3f", 4, "0x3f", 4)).toContain("SetReg rax, v3");
  expect(both("0x1f", 4, "0x3f", 8)).toContain("SetReg rax, v3");
  expect(both("0xff00", 8, "0xffff", 4)).toContain("SetReg rax, v3");
  // Not: 0x7f has a bit outside 0x3f; 0x100000000 (bit 32) is outside a 4-byte And's reach.
  expect(both("0x7f", 4, "0x3f", 4)).toContain("v5 = And.4 v3, v4");
  expect(both("0x1ffffffff", 8, "0xffffffff", 4)).toContain("v5 = And.4 v3, v4");
});

test("subOfSubmask: k - (x & k1) is k ^ (x & k1) when k1's bits lie in k (no borrow), and not otherwise", () => {
  // rcr rax, cl: 63 - (rcx & 63).
  const sub = (k: string, s: number, k1: string, s1: number): string => run(constFold, `
    block 0x1000 mode 64
    v1 = GetReg rcx
    v2 = Const.${s1} ${k1}
    v3 = And.${s1} v1, v2
    v4 = Const.${s} ${k}
    v5 = Sub.${s} v4, v3
    SetReg rax, v5
    v7 = Const.8 0x1003
    Exit jump, v7 ?-`).out;
  expect(sub("0x3f", 4, "0x3f", 4)).toContain("v5 = Xor.4 v4, v3");
  expect(sub("0xff", 8, "0x1f", 4)).toContain("v5 = Xor.8 v4, v3");
  // 0x40 - (x & 0x3f) borrows (0x40 has none of 0x3f's bits); 0x3f - (x & 0x7f) may go negative.
  expect(sub("0x40", 4, "0x3f", 4)).toContain("v5 = Sub.4 v4, v3");
  expect(sub("0x3f", 4, "0x7f", 4)).toContain("v5 = Sub.4 v4, v3");
  // x - k is not this shape (the constant second): left alone here.
  expect(run(constFold, `
    block 0x1000 mode 64
    v1 = GetReg rcx
    v2 = Const.4 0x3f
    v3 = And.4 v1, v2
    v4 = Sub.4 v3, v2
    SetReg rax, v4
    v6 = Const.8 0x1003
    Exit jump, v6 ?-`).out).toContain("v4 = Sub.4 v3, v2");
});

test("constRight: a flag-free commutative op takes its constant or guest address second; not with flags live, not Sub", () => {
  const one = (line: string, first = "Const.8 0x30"): string => {
    const { out } = run(constFold, `
    block 0x1000 mode 64
    v1 = ${first}
    v2 = SegBase 1
    ${line}
    SetReg rax, v3
    v5 = Const.8 0x1003
    Exit jump, v5 ?oszapc`);
    return out.split("\n").find((l) => l.includes("v3 ="))!.trim();
  };
  expect(one("v3 = Add.8 v1, v2")).toBe("v3 = Add.8 v2, v1");
  expect(one("v3 = Xor.4 v1, v2")).toBe("v3 = Xor.4 v2, v1");
  expect(one("v3 = Add.8 v1, v2", "Addr 0x2000")).toBe("v3 = Add.8 v2, v1");
  // Flags live: the op is left as it is (its flags are a result too); Sub does not commute.
  expect(one("v3 = Add.8 v1, v2 !oszapc")).toBe("v3 = Add.8 v1, v2 !oszapc");
  expect(one("v3 = Sub.8 v1, v2")).toBe("v3 = Sub.8 v1, v2");
});
