/**
 * @file Unit tests for src/pe on the built fixtures. Expected values come from the fixture
 * sources (pe-fwd.def, pe-user.c), from published reference vectors (XXH3), from coreutils
 * (sha256sum) or from the raw file bytes; never from our own output.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { fixture, sample } from "../_env.ts";
import { InputError } from "../../src/util/errors.ts";
import { codeSections, fileIdOf, fileIdHex, loadPeFileSync, mapImage, parsePe, REL, type PeFile } from "../../src/pe/index.ts";
import { buildDelayFixture, withVolatileMetadata } from "./_synth.ts";

const load = (p: string): PeFile => loadPeFileSync(p);
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("headers and sections", () => {
  test("hello64 is PE32+ AMD64, hello32 is PE32 i386", () => {
    const p64 = load(sample(64));
    const p32 = load(sample(32));
    expect([p64.format, p64.is64, p64.machine]).toEqual(["PE32+", true, 0x8664]);
    expect([p32.format, p32.is64, p32.machine]).toEqual(["PE32", false, 0x14c]);
    expect(p64.isDll).toBe(false);
    expect(load(fixture("pe-fwd.dll")).isDll).toBe(true);
    // The .text section is executable; .data is not.
    expect(p64.sections.find((s) => s.name === ".text")?.executable).toBe(true);
    expect(p64.sections.find((s) => s.name === ".data")?.executable).toBe(false);
  });
});

describe("exports (pe-fwd.def)", () => {
  for (const name of ["pe-fwd.dll", "pe-fwd32.dll"]) {
    test(name, () => {
      const pe = load(fixture(name));
      const by = (n: string) => pe.exports.find((e) => e.name === n);
      expect(by("FwdSleep")).toMatchObject({ ordinal: 3, forwarder: "KERNEL32.Sleep" });
      expect(by("FwdAlloc")).toMatchObject({ ordinal: 4, forwarder: "NTDLL.RtlAllocateHeap" });
      expect(by("fwd_add")?.ordinal).toBe(1);
      expect(by("fwd_add")?.rva).toBeGreaterThan(0);
      const noname = pe.exports.find((e) => e.ordinal === 7);
      expect(noname?.name).toBeUndefined();
      expect(noname?.rva).toBeGreaterThan(0);
      // Ordinals 2, 5 and 6 are unused slots.
      expect(pe.exports.map((e) => e.ordinal).sort()).toEqual([1, 3, 4, 7]);
    });
  }
});

describe("imports, ordinal imports, delay imports, TLS", () => {
  for (const name of ["pe-user64.exe", "pe-user32.exe"]) {
    test(name, () => {
      const pe = load(fixture(name));
      const fwd = pe.imports.find((d) => d.dll.toLowerCase() === "pe-fwd.dll");
      expect(fwd?.functions.map((f) => ("name" in f ? f.name : f.ordinal))).toEqual(["fwd_add", 7]);
      expect(pe.imports.some((d) => d.dll.toUpperCase() === "KERNEL32.DLL" && d.functions.some((f) => "name" in f && f.name === "GetTickCount"))).toBe(true);
      expect(pe.tlsCallbacks.length).toBeGreaterThanOrEqual(1);
      const img = mapImage(pe);
      for (const cb of pe.tlsCallbacks) expect(img.isExecutable(cb)).toBe(true);
    });
  }
  test("pe-delay64.exe (clang-19 + lld --delayload)", () => {
    const pe = load(buildDelayFixture());
    expect(pe.delayImports.map((d) => d.dll)).toEqual(["pe-fwd.dll"]);
    expect(pe.delayImports[0]!.functions.map((f) => ("name" in f ? f.name : f.ordinal))).toEqual(["fwd_add", 7]);
    expect(pe.imports.some((d) => d.dll === "pe-fwd.dll")).toBe(false);
  });
});

describe("FileId and content hash", () => {
  test("Bun.hash.xxHash3 is XXH3-64, seed 0 (reference vector XXH3_64(\"\") = 0x2d06800538d394c2)", () => {
    expect(BigInt.asUintN(64, BigInt(Bun.hash.xxHash3("")))).toBe(0x2d06800538d394c2n);
    expect(fileIdOf("", 0, 0)).toBe(0x2d06800538d394c2n);
  });
  test("lower-cased base name XOR (SizeOfImage << 32 | TimeDateStamp)", () => {
    const h = BigInt.asUintN(64, BigInt(Bun.hash.xxHash3("kernel32.dll")));
    expect(fileIdOf("C:\\windows\\system32\\KERNEL32.DLL", 0x21b000, 0x5f3c1b2a)).toBe(h ^ 0x0021b0005f3c1b2an);
    expect(fileIdOf("/x/Kernel32.dll", 0xffffffff, 0xffffffff)).toBe(h ^ 0xffffffffffffffffn);
    expect(fileIdHex(0x1an)).toBe("000000000000001a");
  });
  test("PeFile.fileId uses the file's own SizeOfImage and TimeDateStamp; contentHash is sha256sum", () => {
    const path = fixture("pe-fwd.dll");
    const pe = load(path);
    const b = readFileSync(path);
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const lfanew = dv.getUint32(0x3c, true);
    expect(pe.fileId).toBe(fileIdOf("pe-fwd.dll", dv.getUint32(lfanew + 24 + 56, true), dv.getUint32(lfanew + 8, true)));
    const sha = Bun.spawnSync(["sha256sum", path]).stdout.toString().split(" ")[0];
    expect(pe.contentHash).toBe(sha!);
  });
});

describe("mapImage", () => {
  for (const bits of [64, 32] as const) {
    test(`hello${bits} relocated to a new base: every fixup moves by the delta, nothing else changes`, () => {
      const pe = load(sample(bits));
      const base0 = mapImage(pe);
      const newBase = bits === 64 ? 0xffff_fffe_0000_0000n : 0x1000_0000n;
      const moved = mapImage(pe, newBase);
      const delta = newBase - pe.imageBase;
      const patched = new Set<number>();
      for (const r of pe.relocations.entries) {
        if (r.type === REL.absolute) continue;
        const w = r.type === REL.dir64 ? 8 : 4;
        for (let i = 0; i < w; i++) patched.add(r.rva + i);
        const a = w === 8 ? base0.u64(pe.imageBase + BigInt(r.rva)) : BigInt(base0.u32(pe.imageBase + BigInt(r.rva)));
        const b = w === 8 ? moved.u64(newBase + BigInt(r.rva)) : BigInt(moved.u32(newBase + BigInt(r.rva)));
        expect(b).toBe(BigInt.asUintN(w * 8, a + delta));
      }
      expect(patched.size).toBeGreaterThan(0);
      let diff = 0;
      for (let i = 0; i < pe.sizeOfImage; i++) if (!patched.has(i) && base0.memory[i] !== moved.memory[i]) diff++;
      expect(diff).toBe(0);
    });
  }
  test("sections land at their RVAs with the file's raw bytes; reads are bounds-checked", () => {
    const pe = load(sample(64));
    const img = mapImage(pe);
    const text = pe.sections.find((s) => s.name === ".text")!;
    expect(img.read(pe.imageBase + BigInt(text.rva), 64)).toEqual(new Uint8Array(pe.bytes.subarray(text.rawOffset, text.rawOffset + 64)));
    expect(img.isExecutable(pe.imageBase + BigInt(pe.entryRva))).toBe(true);
    expect(img.isExecutable(pe.imageBase - 1n)).toBe(false);
    expect(img.isExecutable(pe.imageBase + BigInt(pe.sections.find((s) => s.name === ".data")!.rva))).toBe(false);
    expect(img.executableRanges.length).toBe(1);
    expect(inputError(() => img.read(pe.imageBase + BigInt(pe.sizeOfImage) - 2n, 4)).kind).toBe("out-of-image");
    expect(inputError(() => mapImage(load(sample(32)), 0xffff_0000n)).kind).toBe("bad-base");
  });
});

describe("volatile metadata (synthesized: no linker here emits it)", () => {
  const base = () => new Uint8Array(readFileSync(sample(64)));
  test("access table and info ranges round-trip", () => {
    const spec = { accessRvas: [0x1010, 0x1020, 0x1abc], ranges: [{ rva: 0x1000, size: 0x800 }, { rva: 0x2000, size: 0x10 }] };
    const pe = parsePe(withVolatileMetadata(base(), spec), "vm.exe");
    expect(pe.loadConfig?.volatileMetadata).toEqual({ version: 1, accessRvas: spec.accessRvas, infoRanges: spec.ranges });
    expect(pe.sections.at(-1)?.name).toBe(".lcfg");
  });
  test("bounds: an access RVA past the image, a short header, a range past the image", () => {
    expect(inputError(() => parsePe(withVolatileMetadata(base(), { accessRvas: [0x7fff0000], ranges: [] }), "vm.exe")).message).toContain("volatile access table entry");
    expect(inputError(() => parsePe(withVolatileMetadata(base(), { accessRvas: [], ranges: [], headerSize: 8 }), "vm.exe")).message).toContain("volatile metadata Size");
    expect(inputError(() => parsePe(withVolatileMetadata(base(), { accessRvas: [], ranges: [{ rva: 0x1000, size: 0x7fff0000 }] }), "vm.exe")).message).toContain("volatile info range");
  });
});

describe("bad input is one InputError", () => {
  const hello = () => new Uint8Array(readFileSync(sample(64)));
  test("not PE: empty, text, NE (16-bit), MZ-only", () => {
    expect(inputError(() => parsePe(new Uint8Array(0), "e")).kind).toBe("not-pe");
    expect(inputError(() => parsePe(new TextEncoder().encode("hello world"), "t")).kind).toBe("not-pe");
    const ne = new Uint8Array(0x100);
    ne.set([0x4d, 0x5a]);
    ne[0x3c] = 0x80;
    ne.set([0x4e, 0x45], 0x80);
    const e = inputError(() => parsePe(ne, "x.dll16"));
    expect([e.kind, e.message]).toEqual(["not-pe", "x.dll16: not a PE image: a 16-bit NE executable, no PE signature at 0x80"]);
    ne.set([0, 0], 0x80);
    expect(inputError(() => parsePe(ne, "dos.exe")).kind).toBe("not-pe");
  });
  test("truncated at every header boundary", () => {
    const b = hello();
    for (const n of [0x3e, 0x40, 0x84, 0x98, 0x100, 0x1f0, 0x300]) {
      const e = inputError(() => parsePe(b.subarray(0, n), "cut.exe"));
      expect(["truncated", "not-pe", "bad-rva"]).toContain(e.kind);
    }
  });
  test("relocations, which the loader applies only when it moves the image: a bad table is a warning, SizeOfBlock 0 ends the list", () => {
    const pe = parsePe(hello(), "h.exe");
    const dir = pe.headers.dirs[5]!;
    const sec = pe.sections.find((s) => dir.rva >= s.rva && dir.rva < s.rva + s.virtualSize)!;
    const off = sec.rawOffset + (dir.rva - sec.rva);
    const b1 = hello();
    b1[off + 9] = 0x10 | (b1[off + 9]! & 0x0f); // first entry's type := 1 (HIGH)
    const p1 = parsePe(b1, "h.exe");
    expect(p1.warnings.join("\n")).toContain("unsupported base relocation type 1");
    expect(p1.relocations.count).toBe(0);
    expect(inputError(() => mapImage(p1, p1.imageBase + 0x10000n)).message).toContain("cannot relocate");
    const b2 = hello();
    b2.fill(0, off + 4, off + 8); // the first block's SizeOfBlock := 0: the end of the list (Windows, Wine)
    const p2 = parsePe(b2, "h.exe");
    expect(p2.warnings).toEqual([]);
    expect(p2.relocations.count).toBe(0);
  });
});

describe("codeSections", () => {
  test(".text starts at objdump's file offset with its size; raw data cut by the file end errors or clips", () => {
    const path = sample(64);
    const bytes = new Uint8Array(readFileSync(path));
    const pe = parsePe(bytes, path);
    const [text] = codeSections(pe);
    expect(text?.name).toBe(".text");
    // objdump -h (an oracle): .text's file offset and size (objdump prints the virtual size for PE).
    const h = Bun.spawnSync(["objdump", "-h", path]).stdout.toString();
    const m = /^\s*\d+\s+\.text\s+([0-9a-f]+)\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)/m.exec(h);
    expect(m).not.toBeNull();
    const size = parseInt(m![1]!, 16), off = parseInt(m![2]!, 16);
    expect(text!.bytes.byteOffset - bytes.byteOffset).toBe(off);
    expect(text!.bytes.length).toBe(Math.min(size, pe.sections.find((s) => s.name === ".text")!.rawSize));

    // A whole cut file does not parse (its relocations are gone), so cut only the bytes under the section table.
    const cutPe = { file: "cut.exe", bytes: bytes.slice(0, off + 16), sections: pe.sections };
    expect(() => codeSections(cutPe)).toThrow(InputError);
    expect(codeSections(cutPe, "clip")[0]!.bytes.length).toBe(16);
  });
});
