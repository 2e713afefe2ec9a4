/**
 * @file Stage 9 (code cache), internal: puts the writer's input in RVA order. Flat chunks whose
 * blocks are strictly ascending across all chunks (what the compile pool produces: each chunk
 * ascending, chunks in order) pass through untouched; anything else (any order, repeated RVAs) is
 * gathered into one new chunk, sorted by RVA with one block per RVA. Which of several blocks of
 * one RVA survives is decided by content (longest guest range, then most instructions, then hash,
 * code, faults, relocations, targets, body words, fallback), never by arrival order, so the
 * cache's bytes do not depend on the order blocks arrive in or on the number of workers.
 *
 *   const sorted = inRvaOrder(chunks);   // FlatBlocks[], strictly ascending by RVA
 */
import { F, FLAT_META, flatCount, type FlatBlocks } from "./blocks.ts";

/** Where block g (a global index over all chunks, in chunk order) lives: its chunk and its runs' starts there. */
interface Source {
  chunks: readonly FlatBlocks[];
  /** Per global block: chunk index, and the offsets of its code, relocation ints, target pairs and fault bytes in that chunk. */
  chunk: Uint32Array;
  local: Uint32Array;
  code: Uint32Array;
  reloc: Uint32Array;
  target: Uint32Array;
  fault: Uint32Array;
  rva: Uint32Array;
}

function index(chunks: readonly FlatBlocks[]): Source {
  let m = 0;
  for (const c of chunks) m += flatCount(c);
  const s: Source = {
    chunks, chunk: new Uint32Array(m), local: new Uint32Array(m), code: new Uint32Array(m), reloc: new Uint32Array(m),
    target: new Uint32Array(m), fault: new Uint32Array(m), rva: new Uint32Array(m),
  };
  const { chunk: sChunk, local: sLocal, code: sCode, reloc: sReloc, target: sTarget, fault: sFault, rva: sRva } = s;
  let g = 0;
  for (let ci = 0; ci < chunks.length; ci++) {
    const c = chunks[ci]!, meta = c.meta, n = flatCount(c);
    let code = 0, reloc = 0, target = 0, fault = 0;
    sChunk.fill(ci, g, g + n);
    for (let i = 0, mm = 0; i < n; i++, g++, mm += FLAT_META) {
      sLocal[g] = i;
      sCode[g] = code;
      sReloc[g] = reloc;
      sTarget[g] = target;
      sFault[g] = fault;
      sRva[g] = meta[mm + F.RVA]!;
      code += meta[mm + F.CODE_WORDS]!;
      reloc += meta[mm + F.RELOC_INTS]!;
      target += meta[mm + F.TARGETS]!;
      fault += meta[mm + F.FAULT_BYTES]!;
    }
    if (code > c.code.length || reloc > c.relocs.length || target * 2 > c.targets.length || fault > c.faults.length || c.hashes.length < n * 2) {
      throw new Error(`flat block chunk ${ci}: its meta counts exceed its arrays`);
    }
  }
  return s;
}

/** (target − base) of target pair k in chunk c, as a signed 64-bit value for ordering (exact below 2^53 in magnitude; ties beyond are rare and malformed). */
export const relOrder = (c: FlatBlocks, k: number): number => (c.targets[2 * k + 1]! | 0) * 2 ** 32 + c.targets[2 * k]!;

/** Total order on blocks of one RVA, so a duplicate is dropped the same way whatever the arrival order. */
function compareSame(s: Source, x: number, y: number): number {
  const ca = s.chunks[s.chunk[x]!]!, cb = s.chunks[s.chunk[y]!]!;
  const ma = s.local[x]! * FLAT_META, mb = s.local[y]! * FLAT_META, A = ca.meta, Bm = cb.meta;
  const d = (f: number) => A[ma + f]! - Bm[mb + f]!;
  if (d(F.GUEST_LENGTH)) return -d(F.GUEST_LENGTH);
  if (d(F.INSNS)) return -d(F.INSNS);
  const la = s.local[x]! * 2, lb = s.local[y]! * 2;
  if (ca.hashes[la + 1] !== cb.hashes[lb + 1]) return ca.hashes[la + 1]! < cb.hashes[lb + 1]! ? -1 : 1;
  if (ca.hashes[la] !== cb.hashes[lb]) return ca.hashes[la]! < cb.hashes[lb]! ? -1 : 1;
  const runs = (n: number, f: number, xa: ArrayLike<number>, oa: number, xb: ArrayLike<number>, ob: number): number => {
    if (d(f)) return d(f);
    for (let i = 0; i < n; i++) if (xa[oa + i] !== xb[ob + i]) return xa[oa + i]! - xb[ob + i]!;
    return 0;
  };
  let r = runs(A[ma + F.CODE_WORDS]!, F.CODE_WORDS, ca.code, s.code[x]!, cb.code, s.code[y]!);
  if (r) return r;
  r = runs(A[ma + F.FAULT_BYTES]!, F.FAULT_BYTES, ca.faults, s.fault[x]!, cb.faults, s.fault[y]!);
  if (r) return r;
  r = runs(A[ma + F.RELOC_INTS]!, F.RELOC_INTS, ca.relocs, s.reloc[x]!, cb.relocs, s.reloc[y]!);
  if (r) return r;
  const nt = Math.min(A[ma + F.TARGETS]!, Bm[mb + F.TARGETS]!);
  for (let i = 0; i < nt; i++) {
    const ta = relOrder(ca, s.target[x]! + i), tb = relOrder(cb, s.target[y]! + i);
    if (ta !== tb) return ta < tb ? -1 : 1;
  }
  if (d(F.BODY_WORDS)) return d(F.BODY_WORDS);
  const fa = A[ma + F.FALLBACK] ? ca.names[A[ma + F.FALLBACK]! - 1]! : "", fb = Bm[mb + F.FALLBACK] ? cb.names[Bm[mb + F.FALLBACK]! - 1]! : "";
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

/** Output blocks: global indices sorted by RVA, one per RVA (duplicates resolved by content). */
function select(s: Source): Uint32Array {
  const m = s.rva.length, rva = s.rva;
  // Sort by (rva, arrival) with one native numeric sort of packed keys; ties are then ordered by
  // content (compareSame), so which duplicate survives never depends on arrival order.
  let order: Uint32Array;
  if (m < 2 ** 21) {
    const keys = new Float64Array(m);
    for (let i = 0; i < m; i++) keys[i] = rva[i]! * 2 ** 21 + i;
    keys.sort();
    order = new Uint32Array(m);
    for (let i = 0; i < m; i++) order[i] = keys[i]! % 2 ** 21;
  } else {
    order = Uint32Array.from({ length: m }, (_, i) => i).sort((a, b) => rva[a]! - rva[b]! || a - b);
  }
  const out: number[] = [];
  for (let i = 0; i < m;) {
    let j = i + 1;
    while (j < m && rva[order[j]!] === rva[order[i]!]) j++;
    let best = order[i]!;
    for (let k = i + 1; k < j; k++) if (compareSame(s, order[k]!, best) < 0) best = order[k]!;
    out.push(best);
    i = j;
  }
  return Uint32Array.from(out);
}

/** `chunks` if already strictly ascending by RVA, else one chunk of their blocks in RVA order, duplicates resolved. */
export function inRvaOrder(chunks: readonly FlatBlocks[]): readonly FlatBlocks[] {
  let prev = -1, sorted = true;
  for (const c of chunks) {
    const meta = c.meta, n = flatCount(c);
    for (let i = 0, mm = 0; i < n; i++, mm += FLAT_META) {
      const rva = meta[mm + F.RVA]!;
      if (rva <= prev) { sorted = false; break; }
      prev = rva;
    }
    if (!sorted) break;
  }
  if (sorted) return chunks;
  const s = index(chunks);
  return [gather(s, select(s))];
}

/** One chunk holding the blocks `sel` (global indices into `s`), in that order. */
function gather(s: Source, sel: Uint32Array): FlatBlocks {
  let code = 0, relocs = 0, targets = 0, faults = 0;
  for (const g of sel) {
    const m = s.chunks[s.chunk[g]!]!.meta, mm = s.local[g]! * FLAT_META;
    code += m[mm + F.CODE_WORDS]!;
    relocs += m[mm + F.RELOC_INTS]!;
    targets += m[mm + F.TARGETS]!;
    faults += m[mm + F.FAULT_BYTES]!;
  }
  const n = sel.length;
  const out: FlatBlocks = {
    meta: new Uint32Array(n * FLAT_META), hashes: new Uint32Array(n * 2), code: new Uint32Array(code), relocs: new Int32Array(relocs),
    targets: new Uint32Array(targets * 2), faults: new Uint8Array(faults), names: [],
  };
  const nameIx = new Map<string, number>();
  code = relocs = targets = faults = 0;
  for (let i = 0; i < n; i++) {
    const g = sel[i]!, c = s.chunks[s.chunk[g]!]!, l = s.local[g]!, mm = l * FLAT_META;
    out.meta.set(c.meta.subarray(mm, mm + FLAT_META), i * FLAT_META);
    const fb = c.meta[mm + F.FALLBACK]!;
    if (fb) {
      const name = c.names[fb - 1]!;
      let k = nameIx.get(name);
      if (k === undefined) nameIx.set(name, (k = out.names.push(name)));
      out.meta[i * FLAT_META + F.FALLBACK] = k;
    }
    out.hashes[2 * i] = c.hashes[2 * l]!;
    out.hashes[2 * i + 1] = c.hashes[2 * l + 1]!;
    const nc = c.meta[mm + F.CODE_WORDS]!, nr = c.meta[mm + F.RELOC_INTS]!, nt = c.meta[mm + F.TARGETS]!, nf = c.meta[mm + F.FAULT_BYTES]!;
    out.code.set(c.code.subarray(s.code[g]!, s.code[g]! + nc), code);
    out.relocs.set(c.relocs.subarray(s.reloc[g]!, s.reloc[g]! + nr), relocs);
    out.targets.set(c.targets.subarray(2 * s.target[g]!, 2 * (s.target[g]! + nt)), 2 * targets);
    out.faults.set(c.faults.subarray(s.fault[g]!, s.fault[g]! + nf), faults);
    code += nc;
    relocs += nr;
    targets += nt;
    faults += nf;
  }
  return out;
}
