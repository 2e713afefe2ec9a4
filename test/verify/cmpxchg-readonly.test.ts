/**
 * @file CMPXCHG and CMPXCHG8B on a read-only page, where the reference and the hardware part ways.
 * The SDM: "the destination operand receives a write cycle without regard to the result of the
 * comparison", so a failing compare faults too. This machine's CPU referees (a child process runs
 * the instruction natively: SIGSEGV on a read-only page, none on a writable one, locked or not).
 * Unicorn x86 instead loads EDX:EAX and then stops on the write with RIP past the instruction.
 * `aot verify --exec` met exactly that (a `lock cmpxchg8b` in the 32-bit ntdll.dll, seed 11): the
 * cached code faulted at the instruction, precisely, as the CPU does; the verifier now counts such
 * a state as the reference's imprecision (cache-compare.ts CMPXCHG_READ_ONLY), and only that shape.
 *
 *   bun test test/verify/cmpxchg-readonly.test.ts
 */
import { describe, expect, test } from "bun:test";
import { X86Harness } from "../../src/verify/x86-run.ts";
import { nasm } from "../../src/verify/gen.ts";
import { UC_PROT } from "../../src/runtime/unicorn.ts";
import { cmpxchgReadOnly, type ArmRun, type Plan } from "../../src/verify/cache-compare.ts";

const FORMS = ["lock cmpxchg8b [rdi]", "cmpxchg8b [rdi]", "lock cmpxchg [rdi], ecx", "cmpxchg [rdi], ecx"];

/** Run `asm` natively in a child process with rdi = a page holding 0x1111222233334444 (read-only or not) and a failing compare. */
function native(asm: string, readOnly: boolean): string {
  const code = Buffer.from(nasm(`bits 64\nmov eax, 1\nmov edx, 2\nmov ebx, 3\nmov ecx, 4\n${asm}\nret\n`)).toString("hex");
  const script = `
    import { CFunction, dlopen, FFIType, toArrayBuffer } from "bun:ffi";
    const libc = dlopen("libc.so.6", {
      mmap: { args: [FFIType.u64, FFIType.u64, FFIType.i32, FFIType.i32, FFIType.i32, FFIType.i64], returns: FFIType.u64 },
      mprotect: { args: [FFIType.u64, FFIType.u64, FFIType.i32], returns: FFIType.i32 },
    });
    const data = libc.symbols.mmap(0, 4096, 3, 0x22, -1, 0);
    new BigUint64Array(toArrayBuffer(Number(data), 0, 8))[0] = 0x1111222233334444n;
    libc.symbols.mprotect(data, 4096, ${readOnly ? 1 : 3});
    const page = libc.symbols.mmap(0, 4096, 3, 0x22, -1, 0);
    new Uint8Array(toArrayBuffer(Number(page), 0, 4096)).set(Buffer.from("${code}", "hex"));
    libc.symbols.mprotect(page, 4096, 5);
    CFunction({ ptr: Number(page), args: [FFIType.u64], returns: FFIType.void })(data);`;
  // The wrapper's first argument (rdi) is the data page; the snippet clobbers rbx, which the C ABI
  // preserves, but the process ends right after.
  const r = Bun.spawnSync([process.execPath, "-e", script], { stderr: "ignore" });
  return r.exitCode === 0 ? "ok" : String(r.signalCode ?? `exit ${r.exitCode}`);
}

describe.skipIf(process.arch !== "x64")("this machine's CPU: a failing compare-exchange on a read-only page faults", () => {
  for (const asm of FORMS) {
    test(asm, () => {
      expect([asm, native(asm, true)]).toEqual([asm, "SIGSEGV"]);
      expect([asm, native(asm, false)]).toEqual([asm, "ok"]);
    });
  }
});

describe("Unicorn x86 on the same: the load done, the stop after the instruction", () => {
  test("lock cmpxchg8b [rdi] with a failing compare on a read-only page", () => {
    const DATA = 0x200000n;
    const x86 = new X86Harness(64, { maps: [{ addr: DATA, size: 0x1000, perms: UC_PROT.READ }] });
    x86.write(DATA, new Uint8Array(new BigUint64Array([0x1111222233334444n]).buffer));
    const bytes = nasm("bits 64\nlock cmpxchg8b [rdi]\n");
    x86.load(bytes);
    x86.input.setNum(0, 1); // eax
    x86.input.setNum(1, 4); // ecx
    x86.input.setNum(2, 2); // edx
    x86.input.setNum(3, 3); // ebx
    x86.input.setNum(7, Number(DATA)); // rdi
    const err = x86.run();
    // Unicorn reports the write fault (UC_ERR_WRITE_PROT)...
    expect(err).not.toBe(0);
    // ...with EDX:EAX already loaded and RIP past the instruction: the CPU leaves both as before.
    expect([x86.output.num(0), x86.output.num(2)]).toEqual([0x33334444, 0x11112222]);
    expect(x86.output.num(x86.ripIndex)).toBe(Number(x86.codeAddr) + bytes.length);
    x86.close();
  });
});

describe("the verifier counts that shape as the reference's, and nothing else", () => {
  const plan = { cmpxchgAt: new Map([[0x23, 4]]) } as unknown as Plan;
  const run = (kind: string, rip: number) => ({ fault: { kind, rip, hostWord: 14, state: 0 } }) as unknown as ArmRun;
  const start = 0x7bc4de70;
  test("cached code at the instruction, Unicorn right after it, both on write protection", () => {
    expect(cmpxchgReadOnly(plan, run("write-prot", start + 0x23), "write-prot", start + 0x27, start)).toBe(true);
  });
  test("not: Unicorn at the instruction too, another kind of fault, another instruction, no fault of ours", () => {
    expect(cmpxchgReadOnly(plan, run("write-prot", start + 0x23), "write-prot", start + 0x23, start)).toBe(false);
    expect(cmpxchgReadOnly(plan, run("read-unmapped", start + 0x23), "read-unmapped", start + 0x27, start)).toBe(false);
    expect(cmpxchgReadOnly(plan, run("write-prot", start + 0x20), "write-prot", start + 0x27, start)).toBe(false);
    expect(cmpxchgReadOnly(plan, { fault: undefined } as unknown as ArmRun, "write-prot", start + 0x27, start)).toBe(false);
    expect(cmpxchgReadOnly(plan, run("write-prot", start + 0x23), "", start + 0x27, start)).toBe(false);
  });
});
