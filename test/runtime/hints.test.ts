/**
 * @file `aot run` on the hints group's runtime symbols and state-block fields (src/runtime/random.ts,
 * src/x86/semantics/hints.ts): RDRAND/RDSEED write a random value in their width (AX merged, EAX
 * zero-extended) with CF = 1 and OF SF ZF AF PF = 0; RDPID writes processor 0; RDFSBASE/RDGSBASE
 * read and WRFSBASE/WRGSBASE write the bases FS/GS accesses use, in the same block. Unicorn's x86
 * engine runs none of RDFSBASE..WRGSBASE (#UD) and its RDRAND is its own random number, so the
 * expectations are the manual's, written out here. None of them may fall back.
 */
import { describe, expect, test } from "bun:test";
import { runTranslated, type RunOptions } from "../../src/runtime/run.ts";
import { helperValue, randomFlags, writeGpr } from "../../src/runtime/random.ts";
import { SYM } from "../../src/ir/index.ts";
import { nasm } from "../../src/verify/gen.ts";

const BASE = 0x140000000n;
/** EFLAGS CF PF AF ZF SF OF. */
const STATUS = 0x8d5;

function run(src: string, bits: 32 | 64, extra: Partial<RunOptions> = {}) {
  const raw = nasm(`bits ${bits}\n${src}\nhlt\n`);
  const r = runTranslated({ bits, image: { raw, base: bits === 64 ? BASE : 0x400000n }, ...extra });
  expect(r.stop).toBe("hlt");
  expect(r.fallbacks).toBe(0);
  return r;
}

describe("rdrand / rdseed", () => {
  // add al, 1 on 0x7f sets OF SF AF (and clears CF ZF PF): every flag RDRAND defines starts wrong.
  const SRC = `
    mov rax, -1
    mov rbx, -1
    mov rcx, -1
    mov rdx, -1
    mov eax, 0xffffff7f
    add al, 1
    rdrand si
    rdrand ebx
    rdrand rcx
    rdseed dx
    rdseed edi
    rdseed r9
  `;
  test("64-bit: values in their width, CF = 1 and OF SF ZF AF PF = 0, no fallback", () => {
    const a = run(SRC, 64), b = run(SRC, 64);
    expect(Number(a.eflags) & STATUS).toBe(0x1);
    expect(BigInt(a.regs.rbx!) >> 32n).toBe(0n);
    expect(BigInt(a.regs.rdx!) >> 16n).toBe(0xffff_ffff_ffffn);
    expect(BigInt(a.regs.rdi!) >> 32n).toBe(0n);
    // Two runs draw different 64-bit values (equal with probability 2^-64 each).
    expect(a.regs.rcx).not.toBe(b.regs.rcx);
    expect(a.regs.r9).not.toBe(b.regs.r9);
    expect(a.regs.rax).toBe("0xffffff80");
  });

  test("32-bit: rdrand ax merges, rdseed ecx writes 32 bits", () => {
    const r = run("mov eax, 0x12345678\nmov ecx, 0\nrdrand ax\nrdseed ecx\nrdrand edx", 32);
    expect(BigInt(r.regs.eax!) >> 16n).toBe(0x1234n);
    expect(Number(r.eflags) & STATUS).toBe(0x1);
  });
});

describe("rdpid", () => {
  test("64-bit rdpid rax and 32-bit rdpid eax write processor 0", () => {
    expect(run("mov rax, -1\nrdpid rax", 64).regs.rax).toBe("0x0");
    expect(run("mov eax, -1\nrdpid eax", 32).regs.eax).toBe("0x0");
  });

  test("flags are left alone", () => {
    const r = run("mov eax, 0x7f\nadd al, 1\nrdpid rcx", 64);
    expect(Number(r.eflags) & STATUS).toBe(0x800 | 0x80 | 0x10);
  });
});

describe("rdfsbase / rdgsbase / wrfsbase / wrgsbase (64-bit)", () => {
  const regs = { fs_base: 0x7000_1000n, gs_base: 0x1_2345_6789_abcdn };
  const maps = [{ addr: 0x7000_0000n, size: 0x10000 }];

  test("the reads return the state block's bases; r32 forms zero-extend", () => {
    const r = run("mov rax, -1\nmov rcx, -1\nrdfsbase rax\nrdgsbase rcx\nrdgsbase edx", 64, { regs, maps });
    expect(r.regs.rax).toBe("0x70001000");
    expect(r.regs.rcx).toBe("0x123456789abcd");
    expect(r.regs.rdx).toBe("0x6789abcd");
  });

  test("a write moves FS/GS accesses later in the same block; wr*base r32 zero-extends", () => {
    const src = `
      mov dword [0x70002010], 0x11223344
      mov rdx, 0x70002000
      wrfsbase rdx
      mov r8d, [fs:0x10]
      rdfsbase r9
      mov rsi, 0xffffffff70003000
      wrgsbase esi
      rdgsbase r10
      mov dword [gs:0x20], 0x55667788
      mov r11d, [0x70003020]
    `;
    const r = run(src, 64, { regs, maps });
    expect(r.regs.r8).toBe("0x11223344");
    expect(r.regs.r9).toBe("0x70002000");
    expect(r.regs.r10).toBe("0x70003000");
    expect(r.regs.r11).toBe("0x55667788");
  });
});

test("prefetches and flushes of unmapped addresses run through (prfm never faults; the flush accesses nothing)", () => {
  const r = run("xor eax, eax\nprefetcht0 [rax]\nprefetchw [rax-64]\nmov rcx, 0xdead000000\nprefetchnta [rcx]\nprefetchwt1 [rcx+rax*8]\nclflush [rcx]\nmfence\nmov edx, 7", 64);
  expect(r.regs.rdx).toBe("0x7");
  expect(r.regs.rcx).toBe("0xdead000000");
});

describe("random.ts helpers", () => {
  test("register writes by width, flags, values", () => {
    expect(writeGpr(0xffff_ffff_ffff_ffffn, 0x1234n, 16)).toBe(0xffff_ffff_ffff_1234n);
    expect(writeGpr(0xffff_ffff_ffff_ffffn, 0x1_2345_6789n, 32)).toBe(0x2345_6789n);
    expect(writeGpr(0n, 0xffff_ffff_ffff_ffffn, 64)).toBe(0xffff_ffff_ffff_ffffn);
    expect(randomFlags(0x8d4 | 0x202)).toBe(0x203);
    expect(helperValue(SYM.rdpid, 64)).toBe(0n);
    expect(helperValue(SYM.rdrand, 16) >> 16n).toBe(0n);
    expect(new Set(Array.from({ length: 4 }, () => helperValue(SYM.rdseed, 64))).size).toBe(4);
  });
});
