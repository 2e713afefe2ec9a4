/** @file `aot disasm --arch arm64`: JSON-lines shape, unknown words, usage errors. */
import { expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAot } from "../_env.ts";

test("aot disasm --arch arm64 --json", () => {
  const f = join(mkdtempSync(join(tmpdir(), "aot-disasm-")), "code.bin");
  writeFileSync(f, Uint8Array.from([0x20, 0x14, 0x00, 0x91, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x14]));
  const r = runAot(["disasm", "--arch", "arm64", f, "--json", "--base", "0x1000"]);
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  expect(lines).toEqual([
    { va: "0x1000", len: 4, bytes: "20140091", mnemonic: "add", text: "add x0, x1, #0x5" },
    { va: "0x1004", len: 4, bytes: "ffffffff", mnemonic: ".inst", text: ".inst 0xffffffff", unknown: true },
    { va: "0x1008", len: 4, bytes: "00000014", mnemonic: "b", text: "b 0x1008" },
  ]);
  expect(runAot(["disasm", "--arch", "mips", f]).code).toBe(2);
  expect(runAot(["disasm", "--arch", "arm64", join(f, "missing")]).code).toBe(2);
});
