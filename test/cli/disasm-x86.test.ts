/**
 * @file `aot disasm` for x86: PE and raw files, text and `--json`, and bad input (one-line
 * error, exit 2). Mnemonics are checked against the iced-x86 oracle.
 */
import { expect, test } from "bun:test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Decoder, DecoderOptions, Instruction, Mnemonic } from "iced-x86";
import { runAot, sample } from "../_env.ts";

const tmp = mkdtempSync(join(tmpdir(), "aot-disasm-"));

test("PE at an RVA, --json, mnemonics agree with iced-x86", () => {
  const r = runAot(["disasm", sample(64), "--rva", "0x1010", "--count", "20", "--json"]);
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  expect(lines.length).toBe(20);
  expect(lines[0].va).toBe("0x140001010");
  const bytes = Uint8Array.from(Buffer.from(lines.map((l) => l.bytes).join(""), "hex"));
  const d = new Decoder(64, bytes, DecoderOptions.None);
  const i = new Instruction();
  for (const l of lines) {
    d.decodeOut(i);
    expect([l.len, l.mnemonic]).toEqual([i.length, Mnemonic[i.mnemonic]!.toLowerCase()]);
    expect(typeof l.text).toBe("string");
  }
});

test("PE sweep of every executable section (mode from the image)", () => {
  const r = runAot(["disasm", sample(32)]);
  expect(r.code).toBe(0);
  const first = r.stdout.split("\n")[0]!;
  expect(first).toMatch(/^00401000 +c3 +ret$/);
  expect(r.stdout.split("\n").length).toBeGreaterThan(1000);
});

test("raw file: --mode, --va, invalid bytes restart one byte later", () => {
  const f = join(tmp, "code.bin");
  writeFileSync(f, Uint8Array.from([0x01, 0xd8, 0xfe, 0xf8, 0xc3]));
  const r = runAot(["disasm", f, "--mode", "32", "--va", "0x1000", "--json"]);
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  expect(lines[0]).toEqual({ va: "0x1000", len: 2, bytes: "01d8", mnemonic: "add", text: "add eax, ebx" });
  expect(lines[1]).toEqual({ va: "0x1002", len: 1, bytes: "fe", invalid: true });
  expect(lines[2].mnemonic).toBe("clc");
  expect(lines.at(-1).mnemonic).toBe("ret");
});

test("truncated or hostile PE: one-line error, exit 2", () => {
  const trunc = join(tmp, "trunc.exe");
  writeFileSync(trunc, readFileSync(sample(64)).subarray(0, 300));
  const hostile = join(tmp, "hostile.exe");
  const h = new Uint8Array(4096).fill(0xff);
  h[0] = 0x4d; h[1] = 0x5a;
  writeFileSync(hostile, h);
  for (const f of [trunc, hostile]) {
    const r = runAot(["disasm", f]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n").length).toBe(1);
    expect(r.stdout).toBe("");
  }
  const r = runAot(["disasm", sample(64), "--rva", "0x0"]);
  expect(r.code).toBe(2);
});
