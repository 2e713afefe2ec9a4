/**
 * @file `new Decoder(bits, { operands: false })` (length, form and mnemonic only) returns the same
 * length, form and mnemonic as the full decoder: on random byte strings, plain and escape-headed
 * (default tier 100k per mode, AOT_SLOW=1 1M), and on the golden vectors' byte strings.
 */
import { expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { count } from "../_env.ts";
import { Decoder, Insn } from "../../src/x86/index.ts";
import { ESCAPE_HEADS } from "./_oracle.ts";

function compare(bits: 16 | 32 | 64, strings: Iterable<Uint8Array>): { n: number; bad: string[] } {
  const full = new Decoder(bits), fast = new Decoder(bits, { operands: false });
  const a = new Insn(), b = new Insn();
  let n = 0;
  const bad: string[] = [];
  for (const s of strings) {
    n++;
    const la = full.decode(s, 0, s.length, 0x1000, a), lb = fast.decode(s, 0, s.length, 0x1000, b);
    if (la !== lb || a.form !== b.form || (la && a.mnemonic !== b.mnemonic)) {
      if (bad.length < 20) bad.push(`${Buffer.from(s.subarray(0, Math.max(la, lb, 4))).toString("hex")}: full ${la}/${a.form} fast ${lb}/${b.form}`);
    }
  }
  return { n, bad };
}

function* random(n: number, seed: number, heads: number[][]): Generator<Uint8Array> {
  const buf = new Uint8Array(15);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    const h = heads[i % heads.length]!;
    buf.set(h);
    for (let k = h.length; k < 15; k++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      buf[k] = s >>> 24;
    }
    yield buf;
  }
}

for (const bits of [16, 32, 64] as const) {
  test(`operands: false agrees with the full decoder, ${bits}-bit`, () => {
    const n = count(100_000, 1_000_000);
    const dir = join(import.meta.dir, "vectors");
    const vectors = readdirSync(dir).filter((f) => f.endsWith(`-${bits}.txt`)).flatMap((f) =>
      readFileSync(join(dir, f), "utf8").split("\n").filter((l) => l && !l.startsWith("#")).map((l) => Buffer.from(l.split(", ")[0]!, "hex")));
    for (const [what, strings] of [["random", random(n, 0xfa57 + bits, [[]])], ["escape-headed", random(n, 0xfa58 + bits, ESCAPE_HEADS)], ["vectors", vectors]] as const) {
      const r = compare(bits, strings);
      if (r.bad.length) console.log(`${bits}-bit ${what}:\n  ${r.bad.join("\n  ")}`);
      expect(`${what}: ${r.bad.length} of ${r.n} differ`).toBe(`${what}: 0 of ${r.n} differ`);
    }
  }, 600_000);
}
