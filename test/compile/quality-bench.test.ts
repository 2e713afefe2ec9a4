/**
 * @file `aot bench quality` options (src/bench/suites/quality.ts): `--by ratio` orders the worst
 * rows by ours/FEX, `--listing` gives each one's body as ARM64 text, one line per counted word;
 * and the count is the body, not the exit stub: `not bh` is one `eor` on RBX's home (x27, ABI §3,
 * bits 8..15), the row FEX also counts as one instruction.
 */
import { expect, test } from "bun:test";
import { benchQuality } from "../../src/bench/suites/quality.ts";

test("--by ratio and --listing: sorted by ratio, one text line per counted word", () => {
  const r = benchQuality((f) => f === "PrimaryGroup.json", { worst: 40, by: "ratio", listing: true });
  expect(r.worst.length).toBe(40);
  for (let k = 1; k < r.worst.length; k++) expect(r.worst[k]!.ratio).toBeLessThanOrEqual(r.worst[k - 1]!.ratio);
  for (const w of r.worst) {
    expect(w.listing!.length).toBe(w.ours);
    for (const l of w.listing!) expect(l.startsWith(".inst")).toBe(false);
  }
  const byWords = benchQuality((f) => f === "PrimaryGroup.json", { worst: 40 });
  for (let k = 1; k < byWords.worst.length; k++) {
    expect(byWords.worst[k]!.ours - byWords.worst[k]!.fex).toBeLessThanOrEqual(byWords.worst[k - 1]!.ours - byWords.worst[k - 1]!.fex);
  }
  expect(byWords.worst[0]!.listing).toBeUndefined();
});

test("the counted body of not bh is the one eor on rbx's home", () => {
  const r = benchQuality((f) => f === "PrimaryGroup.json", { worst: 1000, listing: true });
  const row = r.worst.find((w) => w.text === "not bh")!;
  expect(row.fex).toBe(1);
  expect(row.listing).toEqual(["eor x27, x27, #0xff00"]);
});
