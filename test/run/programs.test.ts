/**
 * @file The `aot run` test programs (test/fixtures-src/run, built by scripts/fixtures.sh) on
 * Unicorn's x86 CPU through src/verify/x86-run.ts, run exactly as programs.json describes them,
 * against results computed in TypeScript from the algorithms (test/run/_expect*.ts,
 * test/run/_runpe.ts). This pins down both the programs and the reference runner; the translated
 * runner must later reach the same final state.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runX86, type X86RunResult } from "../../src/verify/x86-run.ts";
import { fixture, ROOT } from "../_env.ts";
import { expectCalls, expectLoops, expectRecursion, expectSmc, wordsOf, type Bits } from "./_expect.ts";
import { expectPartial } from "./_expect-partial.ts";
import { expectRunPe } from "./_runpe.ts";

const SRC = join(ROOT, "test/fixtures-src/run");

interface Program {
  name: string;
  file: string;
  source: string;
  format: "raw" | "pe";
  mode: Bits;
  base: string;
  entry: string;
  stack?: { addr: string; size: string };
  sp?: string;
  maps: { addr: string; size: string }[];
  dumps: { addr: string; len: string }[];
  stop: "hlt" | "return";
}

const programs = (JSON.parse(readFileSync(join(SRC, "programs.json"), "utf8")) as { programs: Program[] }).programs;
const prog = (name: string): Program => {
  const p = programs.find((q) => q.name === name);
  if (!p) throw new Error(`programs.json has no ${name}`);
  return p;
};

/** Run a program as programs.json describes it. */
function run(p: Program): { r: X86RunResult; file: Uint8Array; dumps: Uint8Array[] } {
  const path = fixture(`run/${p.file}`);
  const file = new Uint8Array(readFileSync(path));
  const r = runX86({
    bits: p.mode,
    image: p.format === "raw" ? { raw: file, base: BigInt(p.base) } : { pe: path },
    ...(p.format === "raw" ? { entry: BigInt(p.entry) } : {}),
    ...(p.stack ? { stack: { addr: BigInt(p.stack.addr), size: Number(p.stack.size) } } : {}),
    ...(p.sp ? { sp: BigInt(p.sp) } : {}),
    maps: p.maps.map((m) => ({ addr: BigInt(m.addr), size: Number(m.size) })),
    dumps: p.dumps.map((d) => ({ addr: BigInt(d.addr), len: Number(d.len) })),
    maxInsns: 5_000_000,
  });
  const dumps = p.dumps.map((d) => new Uint8Array(Buffer.from(r.dump[`0x${BigInt(d.addr).toString(16)}`] ?? "", "hex")));
  return { r, file, dumps };
}

const reg = (r: X86RunResult, name: string): bigint => BigInt(r.regs[name] ?? "-1");
/** The run's register of `name` (rax...) under the mode's name (eax... in 32-bit mode). */
const gpr = (r: X86RunResult, bits: Bits, name: string): bigint => reg(r, bits === 64 ? name : name.replace(/^r/, "e"));

/** Offset of the first occurrence of `needle` in `hay`, -1 if none. */
function find(hay: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe.each([32, 64] as const)("%d-bit raw programs", (bits) => {
  const W = bits / 8;

  test("loops: nested counted loops", () => {
    const p = prog(`loops${bits}`);
    const { r, dumps } = run(p);
    expect(r.stop).toBe(p.stop);
    const e = expectLoops(bits);
    expect(wordsOf(dumps[0]!, bits)).toEqual(e.words);
    for (const [n, v] of Object.entries(e.regs)) expect([n, gpr(r, bits, n)]).toEqual([n, v]);
  });

  test("calls: direct, register and memory calls, ret imm16, push/pop", () => {
    const p = prog(`calls${bits}`);
    const { r, file, dumps } = run(p);
    expect(r.stop).toBe("return");
    // `call here; here: pop xa` assembles to e8 00000000 58: the pushed address is `here`.
    const at = find(file, [0xe8, 0, 0, 0, 0, 0x58]);
    expect(at).toBeGreaterThan(0);
    const e = expectCalls(bits, BigInt(p.base) + BigInt(at + 5));
    const words = wordsOf(dumps[0]!, bits);
    expect(words.slice(0, 14)).toEqual(e.res);
    // ftab[0] and fptr both hold `twice`; the call results above show they were followed.
    expect(words[18]).toBe(words[14]!);
    expect(words.slice(19)).toEqual(e.tail);
    for (const [n, v] of Object.entries(e.regs)) expect([n, gpr(r, bits, n)]).toEqual([n, v]);
    expect(gpr(r, bits, "rsp")).toBe(BigInt(p.sp!)); // the sentinel was popped
  });

  test("recursion: fib(20), n!, sum by halves", () => {
    const p = prog(`recursion${bits}`);
    const { r, dumps } = run(p);
    expect(r.stop).toBe(p.stop);
    const e = expectRecursion(bits);
    expect(wordsOf(dumps[0]!, bits)).toEqual(e.words);
    for (const [n, v] of Object.entries(e.regs)) expect([n, gpr(r, bits, n)]).toEqual([n, v]);
    expect(gpr(r, bits, "rsp")).toBe(BigInt(p.sp!) - BigInt(W)); // balanced: only the sentinel is left
  });

  test("partial: partial registers, extensions, flags users, shifts, multiplies", () => {
    const p = prog(`partial${bits}`);
    const { r, file, dumps } = run(p);
    expect(r.stop).toBe(p.stop);
    // 64-bit `lea rax, [rel here]; here: mov [rdi], rax` is 48 8d 05 00000000 48 89 07.
    const at = bits === 64 ? find(file, [0x48, 0x8d, 0x05, 0, 0, 0, 0, 0x48, 0x89, 0x07]) : 0;
    expect(at).toBeGreaterThanOrEqual(0);
    const slots = expectPartial(bits, BigInt(p.base) + BigInt(at + 7));
    const words = wordsOf(dumps[0]!, bits);
    for (let i = 0; i < slots.length; i++) expect([i, `0x${words[i]!.toString(16)}`]).toEqual([i, `0x${slots[i]!.toString(16)}`]);
    expect(words.slice(slots.length).every((w) => w === 0n)).toBe(true);
    expect(gpr(r, bits, "rdi")).toBe(BigInt(p.dumps[0]!.addr) + BigInt(slots.length * W));
    if (bits === 64) expect(wordsOf(dumps[1]!, 64)[7]).toBe(0x7fn); // sx (after tin, bigA, bigB): movsx rdx, sil
  });

  test("smc: patched immediates, opcode, call target, next instruction, generated code", () => {
    const p = prog(`smc${bits}`);
    const { r, dumps } = run(p);
    expect(r.stop).toBe(p.stop);
    const e = expectSmc();
    const d = dumps[0]!;
    expect(wordsOf(d.subarray(0, 12 * W), bits)).toEqual(e.res);
    expect(new DataView(d.buffer, d.byteOffset).getUint32(12 * W, true)).toBe(e.counter);
    expect([...d.subarray(12 * W + 4, 12 * W + 20)]).toEqual(e.gen);
  });
});

describe.each([32, 64] as const)("%d-bit CRT-less PE", (bits) => {
  const p = prog(`runpe${bits}`);
  const path = () => fixture(`run/${p.file}`);
  const objdump = (...args: string[]): string => {
    const o = Bun.spawnSync(["objdump", ...args, path()]);
    if (o.exitCode !== 0) throw new Error(`objdump ${args.join(" ")}: ${o.stderr.toString()}`);
    return o.stdout.toString();
  };

  test("has no imports, no calls out of the image and a jump table", () => {
    expect(objdump("-p")).not.toContain("DLL Name:");
    const dis = objdump("-d", "--no-show-raw-insn");
    expect(dis).toMatch(bits === 32 ? /jmp\s+\*0x[0-9a-f]+\(,%e[a-d]x,4\)/ : /jmp\s+\*%r[a-z0-9]+/);
    for (const m of dis.matchAll(/\bcall\s+(\S+)/g)) expect(m[1]).toMatch(/^[0-9a-f]+$/); // direct, in-image
    // The dump address is where the linker put `results`: offset 0 of .data.
    const data = /\s\.data\s+[0-9a-f]+\s+([0-9a-f]+)/.exec(objdump("-h"));
    expect(BigInt(`0x${data?.[1]}`)).toBe(BigInt(p.dumps[0]!.addr));
    expect(BigInt(/start address (0x[0-9a-f]+)/.exec(objdump("-f"))?.[1] ?? "-1")).toBe(BigInt(p.entry));
    expect(objdump("-t")).toMatch(new RegExp(`\\(sec\\s+2\\).*0x0+ _?results\\n`));
  });

  test("insertion sort, CRC-32, Adler-32 and a jump-table state machine", () => {
    const { r, dumps } = run(p);
    expect(r.stop).toBe("return");
    const e = expectRunPe(readFileSync(join(SRC, "runpe.c"), "utf8"));
    const d = dumps[0]!;
    const words = Array.from({ length: d.length / 4 }, (_, i) => new DataView(d.buffer, d.byteOffset).getUint32(i * 4, true));
    expect(words).toEqual(e.words);
    expect(Number(gpr(r, bits, "rax") & 0xffffffffn)).toBe(e.ret);
    expect(gpr(r, bits, "rsp")).toBe(BigInt(p.sp!));
  });
});
