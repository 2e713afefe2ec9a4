/**
 * @file Tests for the x86 reference runner (src/verify/x86-run.ts): nasm-assembled programs that
 * compute a known sum run to "hlt" and to "return" in 32- and 64-bit mode; faults, the
 * instruction limit, dumps, a PE's entry point (checked with iced-x86), and X86Harness re-runs.
 * Expected values are the arithmetic stated beside each check.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Decoder, DecoderOptions, FlowControl, Instruction } from "iced-x86";
import { loadPeFileSync } from "../../src/pe/index.ts";
import { RETURN_SENTINEL, runX86, X86Harness } from "../../src/verify/x86-run.ts";
import { sample } from "../_env.ts";

const tmp = mkdtempSync(join(tmpdir(), "aot-x86run-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function nasm(src: string): Uint8Array {
  const base = join(tmp, `p${n++}`);
  writeFileSync(`${base}.asm`, src);
  const p = Bun.spawnSync(["nasm", "-f", "bin", "-o", `${base}.bin`, `${base}.asm`]);
  if (p.exitCode !== 0) throw new Error(`nasm: ${p.stderr.toString()}`);
  return new Uint8Array(readFileSync(`${base}.bin`));
}

const BASE = 0x400000n;
const DATA = 0x600000n;
const STACK = { addr: 0x7f0000n, size: 0x10000 };
const TOP = STACK.addr + BigInt(STACK.size);

// sum = 1 + 2 + ... + N, computed with a loop, pushed and popped through the stack and stored
// to DATA. N is passed in ecx/rcx by the runner.
function sumProgram(bits: 32 | 64, end: "hlt" | "ret"): Uint8Array {
  const [a, c, b] = bits === 64 ? ["rax", "rcx", "rbx"] : ["eax", "ecx", "ebx"];
  return nasm(`bits ${bits}
org 0x${BASE.toString(16)}
  xor eax, eax
.l:
  add ${a}, ${c}
  dec ${c}
  jnz .l
  push ${a}
  pop ${b}
  mov dword [0x${DATA.toString(16)}], eax
  ${end}
`);
}

describe("runX86 on nasm programs", () => {
  for (const bits of [32, 64] as const) {
    const names = bits === 64 ? ["rax", "rbx", "rcx", "rsp"] : ["eax", "ebx", "ecx", "esp"];
    const [ra, rb, rc, rsp] = names as [string, string, string, string];
    const N = 100n, SUM = (N * (N + 1n)) / 2n; // 5050
    const opts = { bits, stack: STACK, maps: [{ addr: DATA, size: 0x100 }], regs: { [rc]: N }, dumps: [{ addr: DATA, len: 4 }] };

    test(`${bits}-bit: runs to hlt`, () => {
      const code = sumProgram(bits, "hlt");
      const r = runX86({ ...opts, image: { raw: code, base: BASE } });
      expect(r.stop).toBe("hlt");
      expect(r.rip).toBe(`0x${(BASE + BigInt(code.length)).toString(16)}`); // hlt is the last byte
      expect([r.regs[ra], r.regs[rb], r.regs[rc]]).toEqual([`0x${SUM.toString(16)}`, `0x${SUM.toString(16)}`, "0x0"]);
      expect(r.regs[rsp]).toBe(`0x${(TOP - BigInt(bits / 8)).toString(16)}`); // the sentinel is still there
      expect(r.dump).toEqual({ [`0x${DATA.toString(16)}`]: "ba130000" }); // 5050 = 0x13ba, little-endian
      // xor + N * (add, dec, jnz) + push + pop + mov + hlt
      expect(r.insns).toBe(1 + 3 * Number(N) + 4);
      // Last arithmetic is dec to 0: ZF=1 (0x40), PF=1 (0x4), plus the always-one bit 1.
      expect(BigInt(r.eflags) & 0x44n).toBe(0x44n);
    });

    test(`${bits}-bit: ret pops the sentinel`, () => {
      const r = runX86({ ...opts, image: { raw: sumProgram(bits, "ret"), base: BASE } });
      expect(r.stop).toBe("return");
      expect(r.rip).toBe(`0x${RETURN_SENTINEL.toString(16)}`);
      expect(r.regs[rsp]).toBe(`0x${TOP.toString(16)}`);
      expect(r.regs[ra]).toBe(`0x${SUM.toString(16)}`);
    });
  }
});

describe("runX86 stops", () => {
  const raw = (bytes: number[], extra: Partial<Parameters<typeof runX86>[0]> = {}) =>
    runX86({ bits: 64, image: { raw: new Uint8Array(bytes), base: BASE }, stack: STACK, ...extra });

  test("unmapped read names the data address", () => {
    const r = raw([0x90, 0x8b, 0x04, 0x25, 0x00, 0x00, 0x00, 0x50]); // nop; mov eax, [0x50000000]
    expect(r.stop).toBe("fault: read-unmapped at 0x50000000");
    expect(r.rip).toBe("0x400001");
    expect(r.insns).toBe(1);
  });

  test("ud2 and int3", () => {
    expect(raw([0x0f, 0x0b]).stop).toBe("fault: invalid instruction at 0x400000");
    expect(raw([0x90, 0xcc]).stop).toBe("fault: interrupt 3 at 0x400002");
  });

  test("maxInsns: inc rax; jmp back, 7 instructions = 4 incs", () => {
    const r = raw([0x48, 0xff, 0xc0, 0xeb, 0xfb], { maxInsns: 7 });
    expect([r.stop, r.insns, r.regs.rax, r.rip]).toEqual(["limit", 7, "0x4", "0x400003"]);
  });

  test("a 0xf4 byte that is an immediate is not a hlt", () => {
    const r = raw([0xb0, 0xf4, 0x90], { maxInsns: 1 }); // mov al, 0xf4
    expect(r.stop).toBe("limit");
  });

  test("registers start at zero, EFLAGS at 0x2", () => {
    const r = raw([0xf4]);
    expect(r.eflags).toBe("0x2");
    expect(Object.entries(r.regs).filter(([k, v]) => k !== "rsp" && v !== "0x0")).toEqual([]);
  });

  test("unknown register names are input errors", () => {
    expect(() => raw([0xf4], { regs: { xyz: 1n } })).toThrow(/unknown 64-bit register name/);
  });
});

test("PE: mapped at its ImageBase, starts at its entry point", () => {
  const pe = loadPeFileSync(sample(64));
  const entry = pe.imageBase + BigInt(pe.entryRva);
  const r = runX86({ bits: 64, image: { pe: sample(64) }, stack: STACK, maxInsns: 1 });
  expect([r.stop, r.insns]).toEqual(["limit", 1]);
  // iced-x86 decodes the file bytes at the entry point; a straight-line first instruction leaves
  // rip at entry + its length.
  const sec = pe.sections.find((s) => pe.entryRva >= s.rva && pe.entryRva < s.rva + s.rawSize)!;
  const off = sec.rawOffset + pe.entryRva - sec.rva;
  const d = new Decoder(64, pe.bytes.subarray(off, off + 16), DecoderOptions.None);
  d.ip = entry;
  const i = new Instruction();
  d.decodeOut(i);
  if (i.flowControl === FlowControl.Next) expect(r.rip).toBe(`0x${(entry + BigInt(i.length)).toString(16)}`);
  else expect(r.rip).not.toBe(`0x${entry.toString(16)}`);
  expect(() => runX86({ bits: 32, image: { pe: sample(64) } })).toThrow(/PE32\+/);
});

describe("X86Harness", () => {
  test("64-bit: add rax, rbx re-run with many inputs", () => {
    const h = new X86Harness(64);
    h.load(new Uint8Array([0x48, 0x01, 0xd8])); // add rax, rbx
    for (let k = 0; k < 1000; k++) {
      const a = k * 7919, b = k * 104729;
      h.input.setNum(0, a);
      h.input.setNum(3, b);
      expect(h.run()).toBe(0);
      if (h.output.num(0) !== a + b) throw new Error(`k=${k}: ${h.output.num(0)} != ${a + b}`);
    }
    expect(h.output.num(h.ripIndex)).toBe(0x10003);
    // CF from a 64-bit wrap: 2^64 - 1 + 1 = 0 with carry, ZF set.
    h.input.values[0] = 0xffff_ffff_ffff_ffffn;
    h.input.setNum(3, 1);
    h.run();
    expect([h.output.values[0], h.output.u32(h.flagsIndex) & 0x41]).toEqual([0n, 0x41]);
    // A new snippet replaces the old one (translations dropped): sub rax, rbx.
    h.load(new Uint8Array([0x48, 0x29, 0xd8]));
    h.input.setNum(0, 10);
    h.input.setNum(3, 3);
    h.run();
    expect(h.output.num(0)).toBe(7);
    h.close();
  });

  test("32-bit: input EFLAGS carry feeds adc", () => {
    const h = new X86Harness(32);
    h.load(new Uint8Array([0x11, 0xd8])); // adc eax, ebx
    h.input.setNum(0, 5);
    h.input.setNum(3, 6);
    h.input.setNum(h.flagsIndex, 0x3); // CF=1
    h.run();
    expect(h.output.num(0)).toBe(12); // 5 + 6 + 1
    h.input.setNum(h.flagsIndex, 0x2);
    h.run();
    expect(h.output.num(0)).toBe(11);
    h.close();
  });
});
