import { describe, expect, test } from "bun:test";
import {
  buildCodeMap,
  codeMapImages,
  encodeCodeMap,
  libraryPadding,
  parseCodeMap,
  readyMapName,
  sameImages,
  type CodeMapImage,
} from "../../src/codemap/index.ts";
import { InputError } from "../../src/util/errors.ts";
import { prng, randomRecs, specEncode, type SpecRec } from "./_spec.ts";

const ID_A = 0x0123456789abcdefn;
const ID_B = 0xfedcba9876543210n;

describe("layout against the spec writer", () => {
  test("library padding: 12 + 8 + strlen + 1 rounds up to a multiple of 4", () => {
    for (let len = 0; len < 12; len++) {
      const bytes = specEncode([{ t: "lib", id: ID_A, path: "p".repeat(len) }]);
      expect(bytes.length % 4).toBe(0);
      expect(bytes.length).toBe(Math.ceil((21 + len) / 4) * 4);
      expect(20 + len + 1 + libraryPadding(len)).toBe(bytes.length);
    }
  });

  test("hand-checked bytes of a 3-record map", () => {
    const bytes = specEncode([
      { t: "exe", id: ID_A, bits: 32 },
      { t: "lib", id: ID_A, path: "a.exe" },
      { t: "blk", id: ID_A, off: 0x1000 },
    ]);
    const hex = Buffer.from(bytes).toString("hex");
    expect(hex).toBe(
      "ffffffffffffffff" + "eeffffff" + "efcdab8967452301" + // Marker32 + id
        "ffffffffffffffff" + "ffffffff" + "efcdab8967452301" + "612e65786500" + "0000" + // "a.exe\0" + 2 pad (20+6=26 -> 28)
        "efcdab8967452301" + "00100000",
    );
    const m = parseCodeMap(bytes, "t");
    expect(m.records.map((r) => r.kind)).toEqual(["executable", "library", "block"]);
    expect(m.warnings).toEqual([]);
    const im = codeMapImages(m).get(ID_A)!;
    expect(im.path).toBe("a.exe");
    expect(im.bitness).toBe(32);
    expect([...im.blocks]).toEqual([0x1000]);
  });

  test("spec writer -> our reader -> our encoder is byte-identical (random maps)", () => {
    const rnd = prng(1234);
    for (let i = 0; i < 200; i++) {
      const recs = randomRecs(rnd, 1 + Math.floor(rnd() * 4), Math.floor(rnd() * 60));
      const bytes = specEncode(recs);
      const m = parseCodeMap(bytes, "rand");
      expect(m.records.length).toBe(recs.length);
      expect(m.trailing.length).toBe(0);
      expect(Buffer.from(encodeCodeMap(m)).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  test("our builder -> spec writer gives the same bytes for the same records", () => {
    const rnd = prng(99);
    for (let i = 0; i < 100; i++) {
      const images: CodeMapImage[] = [];
      const n = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < n; k++) {
        const blocks = new Set<number>();
        for (let j = Math.floor(rnd() * 30); j > 0; j--) blocks.add(Math.floor(rnd() * 2 ** 32));
        images.push({ fileId: BigInt(k * 7 + 1) << 40n, path: `/x/${"q".repeat(k)}lib${k}.so`, blocks, bitness: k === 0 ? 64 : undefined });
      }
      const built = buildCodeMap(images);
      const recs: SpecRec[] = built.records.map((r) =>
        r.kind === "block" ? { t: "blk", id: r.fileId, off: r.offset } : r.kind === "library" ? { t: "lib", id: r.fileId, path: r.path } : { t: "exe", id: r.fileId, bits: r.bitness },
      );
      const ours = encodeCodeMap(built);
      expect(Buffer.from(ours).equals(Buffer.from(specEncode(recs)))).toBe(true);
      // and the semantic view survives the trip
      const back = codeMapImages(parseCodeMap(ours, "built"));
      expect(sameImages(back, new Map(images.map((im) => [im.fileId, im])))).toBe(true);
    }
  });
});

describe("FEX parser semantics", () => {
  test("blocks of an unknown FileId are dropped with a warning", () => {
    const bytes = specEncode([
      { t: "blk", id: ID_B, off: 5 },
      { t: "lib", id: ID_A, path: "/a" },
      { t: "blk", id: ID_A, off: 1 },
      { t: "blk", id: ID_A, off: 1 },
    ]);
    const m = parseCodeMap(bytes, "t");
    expect(m.warnings.some((w) => w.includes("fedcba9876543210"))).toBe(true);
    const v = codeMapImages(m);
    expect(v.has(ID_B)).toBe(false);
    expect([...v.get(ID_A)!.blocks]).toEqual([1]);
    expect(Buffer.from(encodeCodeMap(m)).equals(Buffer.from(bytes))).toBe(true);
  });

  test("a block before its id's library record is dropped even if the record comes later", () => {
    const v = codeMapImages(parseCodeMap(specEncode([{ t: "blk", id: ID_A, off: 9 }, { t: "lib", id: ID_A, path: "/a" }]), "t"));
    expect(v.get(ID_A)!.blocks.size).toBe(0);
  });

  test("an executable marker alone introduces its FileId (blocks count)", () => {
    const v = codeMapImages(parseCodeMap(specEncode([{ t: "exe", id: ID_A, bits: 64 }, { t: "blk", id: ID_A, off: 3 }]), "t"));
    expect(v.get(ID_A)).toEqual({ fileId: ID_A, path: "", bitness: 64, blocks: new Set([3]) });
  });

  test("old marker 0xFFFFFFFE and unknown ~0 markers are clean InputErrors", () => {
    for (const [off, kind] of [
      [0xfffffffe, "old-marker"],
      [0x12345678, "unknown-marker"],
      [0xfffffff0, "unknown-marker"],
    ] as const) {
      const bytes = specEncode([{ t: "blk", id: 0xffffffffffffffffn, off }]);
      let err: unknown;
      try {
        parseCodeMap(bytes, "bad.bin");
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).kind).toBe(kind);
      expect((err as InputError).file).toBe("bad.bin");
    }
  });

  test("every truncation of a valid map is tolerated: prefix parses, tail kept, warning given", () => {
    const bytes = specEncode([
      { t: "exe", id: ID_A, bits: 32 },
      { t: "lib", id: ID_A, path: "c:\\game\\game.exe" },
      { t: "lib", id: ID_B, path: "c:\\windows\\system32\\kernel32.dll" },
      { t: "blk", id: ID_A, off: 0x10 },
      { t: "blk", id: ID_B, off: 0x20 },
    ]);
    const full = parseCodeMap(bytes, "t");
    const ends = new Set<number>([0]);
    let acc = 0;
    for (const r of full.records) {
      acc += encodeCodeMap({ records: [r] }).length;
      ends.add(acc);
    }
    for (let cut = 0; cut <= bytes.length; cut++) {
      const m = parseCodeMap(bytes.subarray(0, cut), "t");
      expect(Buffer.from(encodeCodeMap(m)).equals(Buffer.from(bytes.subarray(0, cut)))).toBe(true);
      expect(m.trailing.length === 0).toBe(ends.has(cut));
      expect(m.warnings.some((w) => w.startsWith("truncated"))).toBe(!ends.has(cut));
    }
  });

  test("non-zero padding is kept for re-emission and warned about", () => {
    const bytes = specEncode([{ t: "lib", id: ID_A, path: "ab" }]); // 20 + 3 -> 24: one pad byte
    bytes[bytes.length - 1] = 0x55;
    const m = parseCodeMap(bytes, "t");
    expect(m.warnings.some((w) => w.includes("padding"))).toBe(true);
    expect(Buffer.from(encodeCodeMap(m)).equals(Buffer.from(bytes))).toBe(true);
  });

  test("ready-map names follow GetBaseFilename for Unix and Windows paths", () => {
    expect(readyMapName({ fileId: 0xabn, path: "/usr/lib/libc.so.6" })).toBe("libc.so.6-00000000000000ab");
    expect(readyMapName({ fileId: ID_A, path: "c:\\windows\\system32\\kernel32.dll" })).toBe("kernel32.dll-0123456789abcdef");
  });
});
