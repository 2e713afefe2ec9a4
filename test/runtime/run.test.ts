/**
 * @file `aot run` against the oracle: every test program of test/fixtures-src/run/programs.json
 * (nasm loops, calls, recursion, partial registers, self-modifying code; the CRT-less mingw PE
 * with a sort, checksums and a jump-table state machine), 32- and 64-bit, runs translated on
 * Unicorn's ARM64 engine with the code at a random host address and must reach exactly the final
 * state Unicorn's x86 engine reaches: every register, RIP, EFLAGS, the stop reason and the dumped
 * memory. Through the built binary too, with `--json`, as a user would run it.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runX86 } from "../../src/verify/x86-run.ts";
import { runTranslated } from "../../src/runtime/run.ts";
import { nasm } from "../../src/verify/gen.ts";
import { fixture, ROOT } from "../_env.ts";

interface Program {
  name: string; file: string; format: "raw" | "pe"; mode: 32 | 64; base: string; entry: string;
  stack?: { addr: string; size: string }; sp?: string; maps: { addr: string; size: string }[];
  dumps: { addr: string; len: string }[]; stop: string;
  /** Initial registers by name (x86-run.ts `regs`: fs_base, gs_base, ...), hex strings. */
  regs?: Record<string, string>;
  /**
   * Flags the program's last flag writer leaves undefined (letters of "cpazso"), left out of the
   * EFLAGS comparison; `whyUndefined` names the instruction. Everything else is compared exactly.
   */
  undefinedFlags?: string;
  whyUndefined?: string;
}
const FLAG_BITS: Record<string, number> = { c: 0x1, p: 0x4, a: 0x10, z: 0x40, s: 0x80, o: 0x800 };
const definedMask = (p: Program): number => ~[...(p.undefinedFlags ?? "")].reduce((m, c) => m | FLAG_BITS[c]!, 0);
const programs = (JSON.parse(readFileSync(join(ROOT, "test/fixtures-src/run/programs.json"), "utf8")) as { programs: Program[] }).programs;

function options(p: Program) {
  const path = fixture(`run/${p.file}`);
  return {
    bits: p.mode,
    image: p.format === "raw" ? { raw: new Uint8Array(readFileSync(path)), base: BigInt(p.base) } : { pe: path },
    ...(p.format === "raw" ? { entry: BigInt(p.entry) } : {}),
    ...(p.stack ? { stack: { addr: BigInt(p.stack.addr), size: Number(p.stack.size) } } : {}),
    ...(p.sp ? { sp: BigInt(p.sp) } : {}),
    ...(p.regs ? { regs: Object.fromEntries(Object.entries(p.regs).map(([k, v]) => [k, BigInt(v)])) } : {}),
    maps: p.maps.map((m) => ({ addr: BigInt(m.addr), size: Number(m.size) })),
    dumps: p.dumps.map((d) => ({ addr: BigInt(d.addr), len: Number(d.len) })),
  };
}

describe("aot run = Unicorn x86 on the project's test programs", () => {
  for (const p of programs) {
    test(`${p.name}`, () => {
      const o = options(p);
      const want = runX86({ ...o, maxInsns: 10_000_000 });
      const seen = new Set<bigint>();
      for (let i = 0; i < 2; i++) {
        const got = runTranslated({ ...o, maxBlocks: 2_000_000 });
        seen.add(got.detail.codeBase);
        const m = definedMask(p);
        expect({ stop: got.stop, rip: got.rip, eflags: Number(got.eflags) & m, regs: got.regs, dump: got.dump })
          .toEqual({ stop: want.stop, rip: want.rip, eflags: Number(want.eflags) & m, regs: want.regs, dump: want.dump });
        expect(want.stop).toBe(p.stop);
        // The atomics programs lock misaligned counters: the runtime's alignment handler (ABI §8) ran.
        if (p.name.startsWith("atomics")) expect(got.detail.alignTraps).toBeGreaterThan(0);
      }
      // The code lands at a random host address each run (two runs collide with probability 1/65536).
      expect(seen.size).toBe(2);
    });
  }
});

// Flags across blocks (ABI §4): every direct exit hands over only the flags its target may read
// first, as aot compile translates. A flag dropped that a later block still needed would change a
// branch, a register or memory somewhere in these runs (thousands of blocks each), so the final
// state must still be Unicorn's x86 one. The self-modifying programs are in too: the runtime
// translates a rewritten block anew from its current bytes.
describe("aot run with flags across blocks = Unicorn x86 on the project's test programs", () => {
  for (const p of programs) {
    test(`${p.name}`, () => {
      const o = options(p);
      const want = runX86({ ...o, maxInsns: 10_000_000 });
      const got = runTranslated({ ...o, maxBlocks: 2_000_000, flagsAcross: true });
      const m = definedMask(p);
      expect({ stop: got.stop, rip: got.rip, eflags: Number(got.eflags) & m, regs: got.regs, dump: got.dump })
        .toEqual({ stop: want.stop, rip: want.rip, eflags: Number(want.eflags) & m, regs: want.regs, dump: want.dump });
    });
  }
});

// The programs above rarely hand a flag to another block; this one does on every path: CF
// across a jmp (into adc), into both targets of a jcc (setc), across a call (into adc) and back
// across a ret, ZF and CF into a block that only passes them on. Dropping any live flag at a
// direct exit changes EDX or EBX.
test("flags across blocks: flags a target reads first survive jmp, jcc, call and fall-through", () => {
  for (const bits of [64, 32] as const) {
    const raw = nasm(`bits ${bits}
      mov ecx, 300
      xor eax, eax
      xor edx, edx
      xor ebx, ebx
    top:
      add eax, ecx
      jmp next1
    next1:
      adc edx, 0
      cmp eax, 1000
      jb skip
      sub eax, 999
    skip:
      setc bl
      add edx, ebx
      stc
      call f
      adc edx, 0
      test ecx, 1
      jmp pass
    pass:
      mov esi, edi
      jz even
      inc edx
    even:
      dec ecx
      jnz top
      hlt
    f:
      adc edx, 0
      cmp edx, eax
      ret
    `);
    const o = { bits, image: { raw, base: bits === 64 ? 0x140000000n : 0x400000n }, stack: { addr: 0x7ff00000n, size: 0x10000 } };
    const want = runX86({ ...o, maxInsns: 1_000_000 });
    const got = runTranslated({ ...o, maxBlocks: 1_000_000, flagsAcross: true });
    expect(want.stop).toBe("hlt");
    expect({ regs: got.regs, eflags: got.eflags, rip: got.rip }).toEqual({ regs: want.regs, eflags: want.eflags, rip: want.rip });
  }
});

test("EFLAGS at the end: PF from a 64-bit result above 2^53 (only its low byte counts)", () => {
  // mov edx, 0x31bf; mov rcx, 0x0506070890a10000; add rdx, rcx; hlt. The sum's low byte 0xbf has
  // seven bits set (PF = 0); read as a float the PF source rounds and the parity came out 1.
  const raw = nasm("bits 64\nmov edx, 0x31bf\nmov rcx, 0x0506070890a10000\nadd rdx, rcx\nhlt\n");
  const o = { bits: 64 as const, image: { raw, base: 0x140000000n } };
  const want = runX86(o), got = runTranslated(o);
  expect(want.regs.rdx).toBe("0x506070890a131bf");
  expect({ eflags: got.eflags, regs: got.regs }).toEqual({ eflags: want.eflags, regs: want.regs });
});

describe("aot run through the binary", () => {
  test("--json prints one line with the contract's keys", () => {
    const p = programs.find((q) => q.name === "loops64")!;
    const r = Bun.spawnSync([join(ROOT, "dist/aot"), "run", "--raw", fixture(`run/${p.file}`), "--base", p.base, "--mode", "64",
      ...p.dumps.flatMap((d) => ["--dump", `${d.addr}:${d.len}`]), "--json"]);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.toString().trim().split("\n");
    expect(lines.length).toBe(1);
    const j = JSON.parse(lines[0]!);
    expect(Object.keys(j)).toEqual(["regs", "rip", "eflags", "stop", "blocks", "fallbacks", "dump"]);
    const want = runX86({ ...options(p) });
    expect(j.regs).toEqual(want.regs);
    expect(j.stop).toBe("hlt");
  });

  test("bad input: one line, exit 2", () => {
    const bin = join(ROOT, "dist/aot");
    const p = programs.find((q) => q.name === "loops64")!;
    const file = fixture(`run/${p.file}`);
    const cases: string[][] = [
      ["run", "--raw", file, "--base", "0x140000000", "--mode", "64", "--entry", "0x10"],      // unmapped entry
      ["run", "--raw", file, "--base", "0x140000000", "--mode", "64", "--max-blocks", "3"],    // runaway (the loops run many blocks)
      ["run", "--raw", "/nonexistent/file", "--base", "0", "--mode", "64"],
      ["run", "--raw", "/dev/zero", "--base", "0", "--mode", "64"],                              // not a regular file
      ["run", "--raw", ROOT, "--base", "0", "--mode", "64"],                                      // a directory
      ["run", "--raw", file, "--mode", "64"],
      ["run", "--raw", file, "--base", "0x140000000", "--mode", "16"],
    ];
    for (const c of cases) {
      const r = Bun.spawnSync([bin, ...c], { env: { ...process.env, NO_COLOR: "1" } });
      expect({ c, code: r.exitCode }).toEqual({ c, code: 2 });
      const err = r.stderr.toString().trim();
      expect(err.split("\n").length).toBe(1);
      expect(err).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});
