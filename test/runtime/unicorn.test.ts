/**
 * @file Tests for the Unicorn binding (src/runtime/unicorn.ts): flags from real x86 and ARM64
 * arithmetic, LSE atomics on CPU MAX, memory shared between two engines through mapPtr, the
 * write-protect and invalid-memory hooks, batch register transfers, and the HLT behaviour the
 * runner relies on. Expected values come from the arithmetic stated next to each check.
 */
import { describe, expect, test } from "bun:test";
import { addsShifted, ATOMIC, ldAtomic, ldstUimm, LDST, nop, ORDER, X0, X1, X2, X3, type Uimm12s } from "../../src/arm64/index.ts";
import { ARM64_REG, ARM64_X_IDS, Engine, RegBatch, UC_ERR, UC_PROT, X86_GPR64_IDS, X86_REG, X86_XMM_IDS, type MemFault } from "../../src/runtime/unicorn.ts";

const words = (...ws: number[]): Uint8Array => {
  const b = new Uint8Array(ws.length * 4);
  const dv = new DataView(b.buffer);
  ws.forEach((w, i) => dv.setUint32(i * 4, w, true));
  return b;
};
const CF = 1n, ZF = 1n << 6n, SF = 1n << 7n, OF = 1n << 11n;

describe("x86 engine", () => {
  test("add rax, rbx: INT64_MAX + 1 overflows into the sign bit", () => {
    const e = Engine.x86(64);
    e.map(0x1000n, 0x1000, UC_PROT.ALL);
    e.write(0x1000n, new Uint8Array([0x48, 0x01, 0xd8])); // add rax, rbx
    e.setReg(X86_REG.RAX, 0x7fff_ffff_ffff_ffffn);
    e.setReg(X86_REG.RBX, 1n);
    expect(e.start(0x1000n, 0x1003n)).toBe(UC_ERR.OK);
    expect(e.reg(X86_REG.RAX)).toBe(0x8000_0000_0000_0000n); // 2^63 - 1 + 1 = 2^63
    const fl = e.reg(X86_REG.EFLAGS);
    // Signed overflow (two positives gave a negative), no unsigned carry out of bit 63.
    expect([fl & OF, fl & SF, fl & CF, fl & ZF]).toEqual([OF, SF, 0n, 0n]);
    expect(e.regNum(X86_REG.RIP)).toBe(0x1003);
    e.close();
  });

  test("batch transfer in encoding order, numbers without BigInt", () => {
    const e = Engine.x86(64);
    e.map(0x1000n, 0x1000, UC_PROT.ALL);
    // add rax, rcx ; add r15, rdx  (rax = 1 + 2, r15 = 10 + 3)
    e.write(0x1000n, new Uint8Array([0x48, 0x01, 0xc8, 0x49, 0x01, 0xd7]));
    const b = e.batch(X86_GPR64_IDS);
    b.setNum(0, 1); b.setNum(1, 2); b.setNum(2, 3); b.setNum(15, 10);
    b.setNum(4, 2 ** 40 + 5); // rsp: above 32 bits to exercise the high word
    e.writeBatch(b);
    b.values.fill(0xffn);
    expect(e.start(0x1000n, 0x1006n)).toBe(0);
    e.readBatch(b);
    expect(b.num(0)).toBe(3);
    expect(b.num(15)).toBe(13);
    expect(b.num(4)).toBe(2 ** 40 + 5);
    expect(b.values[3]).toBe(0n); // rbx untouched
    e.close();
  });

  test("32-bit engine: eax wraps at 2^32; batch reads come back zero-extended", () => {
    const e = Engine.x86(32);
    e.map(0x1000, 0x1000, UC_PROT.ALL);
    e.write(0x1000, new Uint8Array([0x01, 0xd8])); // add eax, ebx
    e.setReg(X86_REG.EAX, 0xffff_ffffn);
    e.setReg(X86_REG.EBX, 2n);
    expect(e.start(0x1000, 0x1002)).toBe(0);
    const b = e.batch([X86_REG.EAX, X86_REG.EIP]);
    e.readBatch(b);
    expect([...b.values]).toEqual([1n, 0x1002n]); // 0xffffffff + 2 = 2^32 + 1
    expect(e.reg(X86_REG.EFLAGS) & CF).toBe(CF);
    e.close();
  });

  test("xmm registers round-trip 16 bytes", () => {
    const e = Engine.x86(64);
    const v = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
    e.setVreg(X86_REG.XMM3, v);
    expect(e.vreg(X86_REG.XMM3)).toEqual(v);
    e.close();
  });

  test("batch transfer of 128-bit registers with the GPRs, and into a caller's buffer", () => {
    const e = Engine.x86(64);
    e.map(0x1000n, 0x1000, UC_PROT.ALL);
    e.write(0x1000n, new Uint8Array([0x66, 0x0f, 0xfe, 0xca, 0x48, 0xff, 0xc0])); // paddd xmm1, xmm2 ; inc rax
    const b = e.batch([X86_REG.RAX], X86_XMM_IDS);
    const lanes = (r: number): number[] => [...b.vec.subarray(4 * r, 4 * r + 4)];
    b.setNum(0, 41);
    b.vec.set([0xffffffff, 1, 0x7fffffff, 5], 4); // xmm1
    b.vec.set([1, 2, 1, 0xfffffffb], 8); // xmm2
    b.vec.set([9, 8, 7, 6], 60); // xmm15
    e.writeBatch(b);
    b.vec.fill(0x55);
    expect(e.start(0x1000n, 0x1007n)).toBe(0);
    e.readBatch(b);
    expect(b.num(0)).toBe(42);
    // Dword lanes add modulo 2^32: 0xffffffff + 1 = 0, 1 + 2 = 3, 0x7fffffff + 1 = 0x80000000, 5 - 5 = 0.
    expect(lanes(1)).toEqual([0, 3, 0x80000000, 0]);
    expect(lanes(2)).toEqual([1, 2, 1, 0xfffffffb]);
    expect(lanes(15)).toEqual([9, 8, 7, 6]);
    // The same registers read into slots 16 bytes apart at an offset of a caller's buffer.
    const store = new Uint8Array(new ArrayBuffer(0x400));
    e.readBatch(new RegBatch([], X86_XMM_IDS, store.subarray(0x200, 0x300)));
    const words = new Uint32Array(store.buffer);
    expect([...words.subarray(0x80 + 4, 0x80 + 8)]).toEqual([0, 3, 0x80000000, 0]);
    expect([...words.subarray(0x80 + 60, 0x80 + 64)]).toEqual([9, 8, 7, 6]);
    expect(words.subarray(0, 0x80).every((w) => w === 0) && words.subarray(0xc0).every((w) => w === 0)).toBe(true);
    e.close();
  });

  test("HLT: uc_emu_start returns OK with RIP after the hlt; the next run starts afresh", () => {
    const e = Engine.x86(64);
    e.map(0x1000n, 0x1000, UC_PROT.ALL);
    e.write(0x1000n, new Uint8Array([0x48, 0xff, 0xc0, 0xf4, 0x90])); // inc rax ; hlt ; nop
    for (let i = 1n; i <= 3n; i++) {
      expect(e.start(0x1000n, 0x1ff0n)).toBe(UC_ERR.OK);
      expect(e.reg(X86_REG.RIP)).toBe(0x1004n); // hlt at 0x1003 is one byte
      expect(e.reg(X86_REG.RAX)).toBe(i);
    }
    e.close();
  });

  test("rewritten code is seen after invalidate (uc_mem_write alone can leave a stale block)", () => {
    const e = Engine.x86(64);
    e.map(0x1000n, 0x1000, UC_PROT.ALL);
    e.write(0x1000n, new Uint8Array([0x90, 0xf4]));
    e.start(0x1000n, 0x1ff0n);
    e.write(0x1000n, new Uint8Array([0x48, 0xff, 0xc0, 0x90])); // inc rax
    e.invalidate(0x1000n, 0x2000n);
    expect(e.start(0x1000n, 0x1003n)).toBe(0);
    expect(e.reg(X86_REG.RAX)).toBe(1n);
    e.write(0x1000n, new Uint8Array([0x48, 0xff, 0xc8, 0x90])); // dec rax
    e.flushTb();
    expect(e.start(0x1000n, 0x1003n)).toBe(0);
    expect(e.reg(X86_REG.RAX)).toBe(0n);
    e.close();
  }, 120_000); // flushTb costs ~1.3 s on a fresh engine, more on a loaded machine

  test("unmapped read reports kind and address and stops the run", () => {
    const e = Engine.x86(64);
    e.map(0x1000n, 0x1000, UC_PROT.ALL);
    e.write(0x1000n, new Uint8Array([0x8b, 0x04, 0x25, 0x00, 0x00, 0x00, 0x50])); // mov eax, [0x50000000]
    const seen: MemFault[] = [];
    e.onMemInvalid((f) => (seen.push(f), false));
    expect(e.start(0x1000n, 0x1007n)).toBe(UC_ERR.READ_UNMAPPED);
    expect(seen).toEqual([{ kind: "read-unmapped", address: 0x5000_0000n, size: 4 }]);
    expect(e.errorText(UC_ERR.READ_UNMAPPED)).toContain("UC_ERR_READ_UNMAPPED");
    e.close();
  });

  test("interrupt hook gets the vector of int3", () => {
    const e = Engine.x86(64);
    e.map(0x1000n, 0x1000, UC_PROT.ALL);
    e.write(0x1000n, new Uint8Array([0xcc, 0x90]));
    const ints: number[] = [];
    e.onInterrupt((n) => (ints.push(n), e.stop()));
    e.start(0x1000n, 0x1002n);
    expect(ints).toEqual([3]);
    e.close();
  });
});

describe("arm64 engine", () => {
  test("adds x0, x1, x2 sets NZCV", () => {
    const e = Engine.arm64();
    e.map(0x1000n, 0x1000, UC_PROT.ALL);
    e.write(0x1000n, words(addsShifted(1, X0, X1, X2)));
    // -1 + 1 = 0 with a carry out: Z and C (bits 30, 29).
    e.setReg(ARM64_REG.X1, 0xffff_ffff_ffff_ffffn);
    e.setReg(ARM64_REG.X2, 1n);
    expect(e.start(0x1000n, 0x1004n)).toBe(0);
    expect(e.reg(ARM64_REG.X0)).toBe(0n);
    expect(e.reg(ARM64_REG.NZCV)).toBe((1n << 30n) | (1n << 29n));
    // INT64_MAX + 1: negative result and signed overflow: N and V (bits 31, 28).
    e.setReg(ARM64_REG.X1, 0x7fff_ffff_ffff_ffffn);
    expect(e.start(0x1000n, 0x1004n)).toBe(0);
    expect(e.reg(ARM64_REG.NZCV)).toBe((1n << 31n) | (1n << 28n));
    e.close();
  });

  test("ldadd works (CPU model MAX) and X29/X30 ids are not contiguous", () => {
    const e = Engine.arm64();
    e.map(0x1000n, 0x2000, UC_PROT.ALL);
    e.write(0x1000n, words(ldAtomic(ATOMIC.ADD, 3, ORDER.AL, X1, X0, X2), nop()));
    e.write(0x2000n, new Uint8Array([40, 0, 0, 0, 0, 0, 0, 0]));
    e.setReg(ARM64_REG.X1, 2n);
    e.setReg(ARM64_REG.X2, 0x2000n);
    expect(e.start(0x1000n, 0x1004n)).toBe(0);
    expect(e.reg(ARM64_REG.X0)).toBe(40n); // old value
    expect(e.read(0x2000n, 1)[0]).toBe(42); // 40 + 2
    expect(ARM64_X_IDS.length).toBe(31);
    expect([ARM64_X_IDS[28], ARM64_X_IDS[29], ARM64_X_IDS[30]]).toEqual([227, 1, 2]);
    e.close();
  });

  test("q registers round-trip 16 bytes", () => {
    const e = Engine.arm64();
    const v = Uint8Array.from({ length: 16 }, (_, i) => 255 - i);
    e.setVreg(ARM64_REG.Q7, v);
    expect(e.vreg(ARM64_REG.V7)).toEqual(v);
    e.close();
  });

  test("write-protect hook fires; true after unprotecting lets the store land", () => {
    const e = Engine.arm64();
    e.map(0x1000n, 0x1000, UC_PROT.ALL);
    e.map(0x4000n, 0x1000, UC_PROT.READ);
    e.write(0x1000n, words(ldstUimm(LDST.STRX, X1, X2, 1 as Uimm12s), nop())); // str x1, [x2, #8]
    e.setReg(ARM64_REG.X1, 0x1122_3344n);
    e.setReg(ARM64_REG.X2, 0x4000n);
    const hits: [bigint, number][] = [];
    e.onWriteProt((a, n) => {
      hits.push([a, n]);
      e.protect(0x4000n, 0x1000, UC_PROT.READ | UC_PROT.WRITE);
      return true;
    });
    expect(e.start(0x1000n, 0x1004n)).toBe(0);
    expect(hits).toEqual([[0x4008n, 8]]);
    expect(new DataView(e.read(0x4008n, 8).buffer).getUint32(0, true)).toBe(0x1122_3344);
    // Read-only again, and the hook refuses: the run stops with WRITE_PROT.
    e.protect(0x4000n, 0x1000, UC_PROT.READ);
    const e2 = Engine.arm64();
    e2.map(0x1000n, 0x1000, UC_PROT.ALL);
    e2.map(0x4000n, 0x1000, UC_PROT.READ);
    e2.write(0x1000n, words(ldstUimm(LDST.STRX, X1, X2, 0 as Uimm12s)));
    e2.setReg(ARM64_REG.X2, 0x4000n);
    let n = 0;
    e2.onWriteProt(() => (n++, false));
    expect(e2.start(0x1000n, 0x1004n)).toBe(UC_ERR.WRITE_PROT);
    expect(n).toBe(1);
    e.close();
    e2.close();
  });
});

test("mapPtr: one host buffer is the guest memory of an x86 and an ARM64 engine", () => {
  const mem = new Uint8Array(0x1000);
  const x = Engine.x86(64);
  const a = Engine.arm64();
  x.mapPtr(0x10000n, 0x1000, UC_PROT.ALL, mem);
  a.mapPtr(0x10000n, 0x1000, UC_PROT.ALL, mem);
  x.map(0x1000n, 0x1000, UC_PROT.ALL);
  a.map(0x1000n, 0x1000, UC_PROT.ALL);
  // x86: mov [rdi], rax
  x.write(0x1000n, new Uint8Array([0x48, 0x89, 0x07]));
  x.setReg(X86_REG.RAX, 0x0123_4567_89ab_cdefn);
  x.setReg(X86_REG.RDI, 0x10040n);
  expect(x.start(0x1000n, 0x1003n)).toBe(0);
  expect(mem[0x40]).toBe(0xef); // little-endian low byte, visible on the host
  // arm64: ldr x3, [x2]
  a.write(0x1000n, words(ldstUimm(LDST.LDRX, X3, X2, 0 as Uimm12s)));
  a.setReg(ARM64_REG.X2, 0x10040n);
  expect(a.start(0x1000n, 0x1004n)).toBe(0);
  expect(a.reg(ARM64_REG.X3)).toBe(0x0123_4567_89ab_cdefn);
  x.close();
  a.close();
});
