/**
 * @file Position-independent translations (ABI §7: every guest address is STATE.IMAGE_BASE plus
 * its offset; rules picBase and addrOffset) differentially, as `aot compile` makes them: every
 * golden-vector encoding of every translated form, with its `[rbx+disp32]` operand also
 * re-encoded RIP-relative, and random blocks, run on Unicorn x86 and, translated with a preferred
 * image base the state block then holds, on Unicorn ARM64. Two bases: near the code (return
 * addresses, branch targets and RIP-relative code addresses within 16 MiB of it: the add forms)
 * and near the data window (RIP-relative data within 16 MiB: the accesses take the offset; code
 * addresses far: the general form). The words of the rules are checked to be there.
 *
 *   bun test test/verify/pic-diff.test.ts
 */
import { expect, test } from "bun:test";
import { Differ } from "../../src/verify/diff.ts";
import { LAYOUT, prng } from "../../src/verify/gen.ts";
import { BASELINE } from "../../src/arm64/index.ts";
import { disasmWord } from "../../src/arm64/disasm.ts";
import { count } from "../_env.ts";
import { randomBlocks, sweepForms, translator } from "./_translate.ts";

const STATES = count(10, 200);
const BLOCKS = count(30, 300);
const BASES: [string, 32 | 64, bigint][] = [
  ["near the code", 64, BigInt(LAYOUT[64].code) - 0x1000n],
  ["near the data", 64, BigInt(LAYOUT[64].data.addr) - 0x10000n],
  ["near the code", 32, BigInt(LAYOUT[32].code) - 0x1000n],
];

for (const [where, bits, imageBase] of BASES) {
  test(`${bits}-bit, image base ${where}: every handled form of the golden vectors and random blocks`, () => {
    const inner = translator(bits, "tso", BASELINE, imageBase);
    // `ldr xN, [x12, #0xb8]`: a load of STATE.IMAGE_BASE (ABI §2); and accesses whose base is not x15/x12 with an offset.
    let baseLoads = 0, offsetAccesses = 0;
    const translate: typeof inner = (code, va, n) => {
      const tb = inner(code, va, n);
      for (let k = 0; k < tb.bodyWords; k++) {
        const s = disasmWord(tb.code[k]!, 4 * k) ?? "";
        if (/^ldr x\d+, \[x12, #0xb8\]$/.test(s)) baseLoads++;
        else if (/^(ldu?r|stu?r)[bh]? [wxqds]\d+, \[x(6|7|9|16|17|30), #/.test(s)) offsetAccesses++;
      }
      return tb;
    };
    const d = new Differ({ bits, translate, seed: 0x91c + bits, alignment: "none", imageBase });
    sweepForms(d, bits, STATES);
    d.close();
    const st = d.stats;
    const blocks = randomBlocks({ bits, translate, seed: 0x91e + bits, alignment: "none", imageBase }, prng(0x91d + bits), BLOCKS, 5);
    console.log(`pic ${bits}-bit, base ${where}: ${st.forms} forms, ${st.cases} encodings, ${st.states} states, ${st.mismatches} mismatches; ` +
      `${blocks.blocks} blocks, ${blocks.states} states, ${blocks.mismatches} mismatches; ` +
      `image-base loads ${baseLoads}, accesses with an offset from a temporary ${offsetAccesses}`);
    for (const r of [...st.reports, ...blocks.reports].slice(0, 3)) console.log(r);
    expect(st.forms).toBeGreaterThan(bits === 64 ? 100 : 80);
    expect(st.mismatches).toBe(0);
    expect(blocks.blocks).toBeGreaterThan(BLOCKS * 0.5);
    expect(blocks.mismatches).toBe(0);
    expect(baseLoads).toBeGreaterThan(bits === 64 ? 100 : 0);
    if (where === "near the data") expect(offsetAccesses).toBeGreaterThan(50);
  }, 1_800_000);
}
