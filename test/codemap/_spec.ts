/**
 * @file An independent code-map writer written from the spec (fex-codecache.md 2.2, FEX's
 * CodeCache.h struct layout), laid out by hand with DataView. It shares no code with
 * src/codemap so reader and writer are both checked against the spec, not against each other.
 */

export type SpecRec =
  | { t: "blk"; id: bigint; off: number }
  /** `path` as text (written as UTF-8) or as raw bytes (FEX writes whatever bytes the path has). */
  | { t: "lib"; id: bigint; path: string | Uint8Array }
  | { t: "exe"; id: bigint; bits: 32 | 64 };

/** Encode records: Entry = packed {u64 FileId, u32 BlockOffset}, little-endian. */
export function specEncode(recs: SpecRec[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const entry = (id: bigint, off: number): Uint8Array => {
    const b = new Uint8Array(12);
    const v = new DataView(b.buffer);
    v.setUint32(0, Number(id & 0xffffffffn), true);
    v.setUint32(4, Number(id >> 32n), true);
    v.setUint32(8, off, true);
    return b;
  };
  const u64 = (x: bigint): Uint8Array => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, x, true);
    return b;
  };
  for (const r of recs) {
    if (r.t === "blk") parts.push(entry(r.id, r.off));
    else if (r.t === "exe") parts.push(entry(0xffffffffffffffffn, r.bits === 32 ? 0xffffffee : 0xffffffef), u64(r.id));
    else {
      const s = typeof r.path === "string" ? new TextEncoder().encode(r.path) : r.path;
      // total = AlignUp(sizeof(Entry) + sizeof(u64) + strlen + 1, 4)
      const total = Math.ceil((12 + 8 + s.length + 1) / 4) * 4;
      const b = new Uint8Array(total - 20);
      b.set(s, 0);
      parts.push(entry(0xffffffffffffffffn, 0xffffffff), u64(r.id), b);
    }
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export { prng } from "../_prng.ts";

/** A random, FEX-valid record list: a library record before each id's first block. */
export function randomRecs(rnd: () => number, nImages: number, nBlocks: number): SpecRec[] {
  const ids: bigint[] = [];
  const recs: SpecRec[] = [];
  for (let i = 0; i < nImages; i++) {
    const id = (BigInt(Math.floor(rnd() * 2 ** 32)) << 32n) | BigInt(Math.floor(rnd() * 2 ** 32));
    ids.push(id);
    if (i === 0 && rnd() < 0.8) recs.push({ t: "exe", id, bits: rnd() < 0.5 ? 32 : 64 });
    const len = Math.floor(rnd() * 12);
    recs.push({ t: "lib", id, path: `c:\\windows\\system32\\${"x".repeat(len)}${i}.dll` });
  }
  for (let i = 0; i < nBlocks; i++) recs.push({ t: "blk", id: ids[Math.floor(rnd() * ids.length)]!, off: Math.floor(rnd() * 2 ** 32) });
  return recs;
}
