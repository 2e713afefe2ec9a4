/**
 * @file Tests for the ARM64 harness (src/verify/a64-run.ts) with hand-assembled blocks, no
 * translator: registers reach and leave their homes (docs/runtime-abi.md §3), EFLAGS round-trip
 * through NZCV/x10/x11/DF (§4), exits report x16 and the symbol (§5), a fault is reported with the
 * guest RIP its side-table entry names (§9), and a block that writes a forbidden register is caught.
 * Expected values are the arithmetic stated beside each check.
 */
import { describe, expect, test } from "bun:test";
import { A64Harness, GuestState } from "../../src/verify/a64-run.ts";
import { addShifted, movImm, ldstUimm, LDST, br, tryUimm12s, b as bInsn, tryPcOff, ldar, stlr } from "../../src/arm64/index.ts";
import { SYM } from "../../src/ir/index.ts";

/** x16 = rip; ldr x17, [x12, #0x100 + 8*sym]; br x17 (the exit of ABI §5). */
const exit = (rip: number, sym = 0): number[] => [...movImm(1, 16, rip), ldstUimm(LDST.LDRX, 17, 12, tryUimm12s(8, 0x100 + 8 * sym)!), br(17)];
/** ULEB128 side-table entries: [hostWordDelta, guestOffset, state]. */
const table = (...e: number[][]): Uint8Array => new Uint8Array(e.flat());

const DATA = 0x10000000n;

describe("A64Harness", () => {
  for (const bits of [32, 64] as const) {
    test(`${bits}-bit: registers and flags through their homes, exit register and symbol`, () => {
      const h = new A64Harness(bits, { seed: 7, budget: 10_000 });
      // add x8, x8, x0 (RAX += RCX), then exit to dispatch at 0x401003
      h.load({ code: new Uint32Array([addShifted(1, 8, 8, 0), ...exit(0x401003)]), faults: new Uint8Array(0), guestStart: 0x401000n });
      const s = new GuestState();
      s.setGpr(0, 5);
      s.setGpr(1, 7);
      s.setGpr(7, 0x1234); // EDI, home x26: untouched
      s.eflags = 0x8d7; // CF PF AF ZF SF OF + bit 1
      expect(h.run(s)).toBe(0);
      expect(h.out.gprNum(0)).toBe(12);
      expect(h.out.gprNum(7)).toBe(0x1234);
      expect(h.out.eflags).toBe(0x8d7);
      expect(h.exitRip).toBe(0x401003);
      expect(h.sym).toBe(SYM.dispatch);
      expect(h.fault).toBeUndefined();
      expect(h.clobbered).toEqual([]);
      // Every status-flag combination round-trips (DF too).
      for (let f = 0; f < 0x1000; f++) {
        if (f & ~0xcd5) continue;
        s.eflags = f | 2;
        h.run(s);
        expect(h.out.eflags).toBe(f | 2);
      }
      // The divide-error exit: x17 is slot 9's stub.
      h.load({ code: new Uint32Array(exit(0x401000, SYM.divide_error)), faults: new Uint8Array(0), guestStart: 0x401000n });
      h.run(s);
      expect([h.sym, h.exitRip]).toEqual([SYM.divide_error, 0x401000]);
      h.close();
    });
  }

  test("faults: guest RIP from the side table, C inversion applied, memory through mapPtr", () => {
    const h = new A64Harness(64, { seed: 3 });
    const buf = new Uint8Array(0x1000);
    h.mapRegion(DATA, buf);
    // word 0: strb w8, [x27]   (store AL at [RBX])      guest offset 0
    // word 1: ldrb w0, [x1]    (load CL from [RDX])    guest offset 3, C inverted
    const strb = ldstUimm(LDST.STRB, 8, 27, tryUimm12s(1, 0)!);
    const ldrb = ldstUimm(LDST.LDRB, 0, 1, tryUimm12s(1, 0)!);
    const code = new Uint32Array([strb, ldrb, ...exit(0x500010)]);
    h.load({ code, faults: table([0, 0, 0], [1, 3, 1]), guestStart: 0x500000n });
    const s = new GuestState();
    s.setGpr(0, 0xab);
    s.setGpr(3, Number(DATA) + 5);
    s.setGpr(2, Number(DATA) + 0x20);
    buf[0x20] = 0x5c;
    expect(h.run(s)).toBe(0);
    expect(buf[5]).toBe(0xab); // the store reached the caller's buffer
    expect(h.out.gprNum(1)).toBe(0x5c);
    // RDX unmapped: the load faults; RIP = 0x500000 + 3; CF reads inverted (C was 1 → CF 0).
    s.setGpr(2, 0x20000000);
    s.eflags = 0x2 | 0x1;
    expect(h.run(s)).not.toBe(0);
    expect(h.fault).toMatchObject({ kind: "read-unmapped", address: 0x20000000, hostWord: 1, rip: 0x500003, state: 1 });
    expect(h.out.eflags & 1).toBe(0);
    // A faulting word with no side-table entry is reported as imprecise (rip -1).
    h.load({ code, faults: table([0, 0, 0]), guestStart: 0x500000n });
    h.run(s);
    expect(h.fault?.rip).toBe(-1);
    h.close();
  });

  test("a block that writes a preserved register, or loops forever, is caught", () => {
    const h = new A64Harness(32, { seed: 9, budget: 1000 });
    // mov x13, x8 (x13 has no ARM64EC context slot); mov x2, x8 (R8's home: not a 32-bit block's to write)
    h.load({ code: new Uint32Array([addShifted(1, 13, 31, 8), addShifted(1, 2, 31, 8), ...exit(0)]), faults: new Uint8Array(0), guestStart: 0n });
    h.run(new GuestState());
    expect(h.clobbered).toEqual(["x13", "x2"]);
    h.load({ code: new Uint32Array([bInsn(tryPcOff(26, 0)!)]), faults: new Uint8Array(0), guestStart: 0n });
    h.run(new GuestState());
    expect(h.fault?.kind).toMatch(/stopped at host/);
    h.close();
  });

  test("ordered accesses: alignment as the host enforces it (Unicorn does not)", () => {
    const buf = new Uint8Array(0x1000);
    const code = new Uint32Array([ldar(2, 0, 1), stlr(3, 8, 1), ...exit(0x600008)]); // ldar w0, [x1]; stlr x8, [x1]
    const faults = table([0, 0, 0], [1, 4, 0]);
    const at = (h: A64Harness, off: number): string | undefined => {
      const s = new GuestState();
      s.setGpr(2, Number(DATA) + off); // RDX = x1
      h.run(s);
      return h.fault ? `${h.fault.kind.split(" ")[0]}@${h.fault.rip.toString(16)}` : undefined;
    };
    for (const [alignment, want] of [
      ["v8.0", [undefined, "alignment@600000", "alignment@600004", "alignment@600000"]],
      ["lse2", [undefined, undefined, undefined, "alignment@600000"]],
      ["none", [undefined, undefined, undefined, undefined]],
    ] as const) {
      const h = new A64Harness(64, { seed: 5, alignment });
      h.mapRegion(DATA, buf);
      h.load({ code, faults, guestStart: 0x600000n });
      // offset 0: both aligned; 2: the 4-byte ldar is not; 4: the 8-byte stlr is not (within 16);
      // 14: both cross a 16-byte granule.
      expect([at(h, 0), at(h, 2), at(h, 4), at(h, 14)]).toEqual([...want]);
      h.close();
    }
  });
});
