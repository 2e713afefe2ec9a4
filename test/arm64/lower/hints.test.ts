/**
 * @file The hints group's ops (src/arm64/lower/misc.ts): `Fence` is one `dmb` per kind (ABI §8),
 * `Prefetch` one `prfm` per use, and neither has a fault side-table entry (a barrier cannot
 * fault, PRFM never does). Listings derived by hand from docs/runtime-abi.md and the mapping in
 * misc.ts (T0 → pldl1keep, T1 → pldl2keep, T2 → pldl3keep, NTA → pldl1strm, W → pstl1keep,
 * WT1 → pstl2keep).
 */
import { expect, test } from "bun:test";
import { body, lower } from "./_lower.ts";

const EXIT = "  v9 = Const.8 0x1003\n  Exit jump, v9 ?-\n";

test("Fence: load → dmb ishld, store → dmb ishst, full → dmb ish; one word, no side-table entry", () => {
  for (const [kind, word] of [[0, "dmb ishld"], [1, "dmb ishst"], [2, "dmb ish"]] as const) {
    for (const memoryOrder of ["relaxed", "tso"] as const) {
      const r = lower(`  Fence ${kind}\n${EXIT}`, { memoryOrder });
      expect(body(r)).toEqual([word]);
      expect(r.out.faults.length).toBe(0);
    }
  }
});

test("Fence keeps its place between accesses (tso: the accesses' own barriers stay too)", () => {
  const r = lower("  v1 = GetReg rax\n  v2 = GetReg rcx\n  Store.8 v1, v2, 0\n  Fence 2\n  v5 = Load.8 v1, 0\n  SetReg rdx, v5\n" + EXIT, { memoryOrder: "tso" });
  expect(body(r)).toEqual(["dmb ishst", "str x0, [x8]", "dmb ish", "ldr x1, [x8]", "dmb ishld"]);
});

test("Prefetch: one prfm at the address register per use; no side-table entry", () => {
  const hints = ["pldl1keep", "pldl2keep", "pldl3keep", "pldl1strm", "pstl1keep", "pstl2keep"];
  hints.forEach((h, use) => {
    const r = lower(`  v1 = GetReg rax\n  Prefetch v1, ${use}\n${EXIT}`);
    expect(body(r)).toEqual([`prfm ${h}, [x8]`]);
    expect(r.out.faults.length).toBe(0);
  });
});

test("Prefetch of a computed address: the address in a temporary, then prfm", () => {
  const r = lower(`  v1 = GetReg rbx\n  v2 = Const.8 0x10\n  v3 = Add.8 v1, v2\n  Prefetch v3, 3\n${EXIT}`);
  expect(body(r)).toEqual(["add x9, x27, #0x10", "prfm pldl1strm, [x9]"]);
});

test("Prefetch of address 0 materialises it (register 31 as a base is SP)", () => {
  const r = lower(`  v1 = Const.8 0x0\n  Prefetch v1, 0\n${EXIT}`);
  // A 32-bit mov zeroes the whole register (movImm's shortest form for 0).
  expect(body(r)).toEqual(["mov w9, #0x0", "prfm pldl1keep, [x9]"]);
});

test("an unknown kind or use is never weaker: dmb ish, prfm pldl1keep", () => {
  expect(body(lower(`  Fence 7\n${EXIT}`))).toEqual(["dmb ish"]);
  expect(body(lower(`  v1 = GetReg rax\n  Prefetch v1, 42\n${EXIT}`))).toEqual(["prfm pldl1keep, [x8]"]);
});
