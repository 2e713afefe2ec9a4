/**
 * @file `aot run` carries the XMM registers: initial values from `regs` (`xmm0`.., 128-bit, zero
 * unless given), final values in `regs` as `xmm0`..`xmm15` (`xmm7` for 32-bit code), the same
 * compact hex the GPRs use, on both runners. A program mixing SSE with integer code runs on the
 * translated runner (vector instructions translated or run as fallbacks on Unicorn's x86 engine,
 * their registers moved through the state block's XMM slots) and must end in exactly the state
 * Unicorn's x86 engine reaches running the x86 code: the oracle. Through the command line too.
 */
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { runX86 } from "../../src/verify/x86-run.ts";
import { runTranslated } from "../../src/runtime/run.ts";
import { nasm } from "../../src/verify/gen.ts";
import { ROOT } from "../_env.ts";

const BASE = { 64: 0x140000000n, 32: 0x400000n } as const;
const BUF = { 64: 0x150000000n, 32: 0x500000n } as const;

/** SSE moves, shuffles, adds and compares between integer instructions; the last register (xmm15/xmm7) is only read. */
function program(bits: 32 | 64): Uint8Array {
  const [ax, bx, cx, dx, di] = bits === 64 ? ["rax", "rbx", "rcx", "rdx", "rdi"] : ["eax", "ebx", "ecx", "edx", "edi"];
  const top = bits === 64 ? "xmm15" : "xmm7";
  return nasm(`bits ${bits}
org 0x${BASE[bits].toString(16)}
  ${bits === 64 ? "movq xmm0, rax" : "movd xmm0, eax"}
  pshufd xmm1, xmm0, 0x1b
  paddd xmm1, xmm3
  add ${ax}, ${bx}
  movdqu [${di}], xmm1
  pcmpeqb xmm2, xmm2
  psubb xmm4, xmm2
  mov ${cx}, [${di} + 4]
  pmovmskb edx, xmm1
  pxor xmm5, ${top}
  add ${dx}, ${cx}
  punpcklbw xmm6, xmm4
  movdqa [${di} + 16], xmm6
  hlt
`);
}

describe("aot run carries the XMM registers", () => {
  for (const bits of [64, 32] as const) {
    test(`${bits}-bit: translated = Unicorn x86, given XMM values in, every XMM register out`, () => {
      const n = bits === 64 ? 16 : 8;
      const regs: Record<string, bigint> = {
        [bits === 64 ? "rax" : "eax"]: 0x8000_0001n, [bits === 64 ? "rbx" : "ebx"]: 7n, [bits === 64 ? "rdi" : "edi"]: BUF[bits],
        xmm3: 0x0102030405060708_90a0b0c0d0e0f0ffn, xmm4: (1n << 128n) - 1n, xmm5: 0x00ff00ff_80808080_00000000_7f7f7f7fn,
        [`xmm${n - 1}`]: 0x1234_5678_9abc_def0_0fed_cba9_8765_4321n,
      };
      const o = { bits, image: { raw: program(bits), base: BASE[bits] }, maps: [{ addr: BUF[bits], size: 0x1000 }], regs, dumps: [{ addr: BUF[bits], len: 32 }] };
      const want = runX86(o);
      expect(want.stop).toBe("hlt");
      const names = Object.keys(want.regs).filter((k) => k.startsWith("xmm"));
      expect(names).toEqual(Array.from({ length: n }, (_, i) => `xmm${i}`));
      for (const k of names) expect(want.regs[k]).toMatch(/^0x[0-9a-f]{1,32}$/);
      // The register only read keeps its given value; one never given and never written is 0.
      expect(BigInt(want.regs[`xmm${n - 1}`]!)).toBe(regs[`xmm${n - 1}`]!);
      expect(want.regs.xmm7 === undefined || n === 8 || want.regs.xmm7 === "0x0").toBe(true);
      const got = runTranslated({ ...o, seed: 1 });
      expect({ stop: got.stop, rip: got.rip, eflags: got.eflags, regs: got.regs, dump: got.dump })
        .toEqual({ stop: want.stop, rip: want.rip, eflags: want.eflags, regs: want.regs, dump: want.dump });
    });
  }

  test("32-bit code has no xmm8", () => {
    const o = { bits: 32 as const, image: { raw: program(32), base: BASE[32] }, regs: { xmm8: 1n } };
    expect(() => runX86(o)).toThrow(/xmm8/);
    expect(() => runTranslated(o)).toThrow(/xmm8/);
  });

  test("--reg xmmN=128-bit value in, regs.xmmN out of --json", () => {
    const dir = Bun.spawnSync(["mktemp", "-d"]).stdout.toString().trim();
    const file = join(dir, "p.bin");
    Bun.write(file, program(64));
    const r = Bun.spawnSync([process.execPath, join(ROOT, "src/cli/main.ts"), "run", "--raw", file, "--base", "0x140000000", "--mode", "64", "--map", "0x150000000:0x1000",
      "--reg", "rdi=0x150000000", "--reg", "xmm15=0xffeeddccbbaa99887766554433221100", "--json"]);
    Bun.spawnSync(["rm", "-rf", dir]);
    expect(r.exitCode).toBe(0);
    const j = JSON.parse(r.stdout.toString());
    expect(j.regs.xmm15).toBe("0xffeeddccbbaa99887766554433221100");
    const want = runX86({ bits: 64, image: { raw: program(64), base: BASE[64] }, maps: [{ addr: BUF[64], size: 0x1000 }], regs: { rdi: BUF[64], xmm15: 0xffeeddccbbaa99887766554433221100n } });
    expect(j.regs).toEqual(want.regs);
  });
});
