/**
 * @file Stage 9 (code cache), internal: the writer's per-block work, one chunk at a time: block
 * records, code-page runs and relocations (linking `b` exits to blocks of the same cache), stored
 * straight into the mapped file. Split from writer.ts and kept small on purpose: this is the code
 * that runs once per block and per relocation, and a small function with stable types reaches
 * JavaScriptCore's optimising tiers within the first write (a ~600-line `fill` took 100-150 ms of
 * FTL compile time, several times over, on 2 busy cores).
 *
 * Words are written through Int32Array views and read through Int32Array views of the chunk's
 * arrays where they are only copied (hashes, targets, NONE as -1): the same bits as u32, without
 * the double-typed values u32 words of 2^31 and above become in JavaScript.
 *
 *   const t = new Tables(i32, layout, rvas, codeAt, imageBase);
 *   for (const ci of chunkIndices) t.chunk(chunks[ci], first[ci], first[ci + 1], fallbackName[ci]);
 *   t.finish(pagesPlanned, pairsPlanned);
 */
import { RELOC } from "../arm64/lower/output.ts";
import { relOrder } from "./_order.ts";
import { F, FLAT_META, type FlatBlocks } from "./blocks.ts";
import { B, BLOCK_WORDS, GUEST_PAGE_SHIFT, P, PAGE_WORDS, R, RELOC_WORDS, RESOLVED, hex } from "./format.ts";

// Record fields as plain numbers: read and written once per block and per relocation.
const { RVA: B_RVA, GUEST_LENGTH: B_LEN, HASH_LO: B_HASH_LO, HASH_HI: B_HASH_HI, INSNS: B_INSNS, CODE: B_CODE, WORDS: B_WORDS, BODY_WORDS: B_BODY,
  RELOC_FIRST: B_RELOC_FIRST, RELOC_COUNT: B_RELOC_COUNT, FAULT_OFFSET: B_FAULT_OFFSET, FAULT_LENGTH: B_FAULT_LENGTH, FALLBACK: B_FALLBACK } = B;
const { SITE: R_SITE, KIND: R_KIND, TARGET_LO: R_LO, TARGET_HI: R_HI } = R;
const { GUEST_LENGTH: M_LEN, INSNS: M_INSNS, CODE_WORDS: M_CODE, BODY_WORDS: M_BODY, RELOC_INTS: M_RELOC, TARGETS: M_TARGETS, FAULT_BYTES: M_FAULT, FALLBACK: M_FALLBACK } = F;
const RELOC_BLOCK = RELOC.BLOCK;
/** NONE (0xffffffff) as the Int32Array views store it. */
const NONE32 = -1;

/** Where the tables start, in u32 words from the start of the file. */
export interface TableWords {
  blocks: number;
  pages: number;
  pageBlocks: number;
  relocs: number;
  code: number;
}

const i32Of = (a: Uint32Array): Int32Array => new Int32Array(a.buffer, a.byteOffset, a.length);

/**
 * Finds a block by its exact start RVA: a directory of buckets of 2^shift bytes (first block
 * index per bucket, about one bucket per block), then a short scan inside the bucket, for every
 * relocation. RVAs are u32 bits in an Int32Array: `>>>` reads them unsigned, and two RVAs of one
 * bucket share bit 31, so comparing them signed orders them correctly.
 */
class BlockIndex {
  readonly shift: number;
  readonly dir: Int32Array;

  constructor(private readonly rvas: Int32Array) {
    const n = rvas.length, last = n ? rvas[n - 1]! >>> 0 : 0;
    let shift = 4;
    while (shift < 31 && last >>> shift > n + 16) shift++;
    this.shift = shift;
    const buckets = (last >>> shift) + 1;
    const dir = (this.dir = new Int32Array(buckets + 1));
    for (let b = 0, i = 0; b <= buckets; b++) {
      while (i < n && rvas[i]! >>> shift < b) i++;
      dir[b] = i;
    }
  }

  /**
   * Index of the block starting exactly at RVA hi:lo (u32 halves), or -1. `near` is the block
   * asking: most targets are the one after it (a jcc's fall-through side) or itself (a loop).
   */
  find(lo: number, hi: number, near: number): number {
    const rvas = this.rvas, dir = this.dir, bk = lo >>> this.shift;
    if (hi !== 0) return -1;
    if (near + 1 < rvas.length && rvas[near + 1] === lo) return near + 1;
    if (rvas[near] === lo) return near;
    if (bk >= dir.length - 1) return -1;
    for (let y = dir[bk]!, e = dir[bk + 1]!; y < e; y++) {
      const v = rvas[y]!;
      if (v >= lo) return v === lo ? y : -1;
    }
    return -1;
  }
}

/**
 * The block records, code-page runs and relocations of a cache, written chunk by chunk in RVA
 * order. Each chunk's code must already be in place (the relocation pass patches it).
 */
export class Tables {
  reloc = 0;
  resolved = 0;
  unresolved = 0;
  /** Fault bytes written so far (block records point into FAULTS by it). */
  fault = 0;
  private pageAt = 0;
  private openPage = -1;
  private readonly pages: PageRuns;
  private readonly index: BlockIndex;

  constructor(private readonly i32: Int32Array, private readonly at: TableWords, private readonly rvas: Int32Array,
    private readonly codeAt: Int32Array, private readonly imageBase: bigint) {
    this.pages = new PageRuns(i32, at.pages, at.pageBlocks);
    this.index = new BlockIndex(rvas);
  }

  /** The records of output blocks i0..i1-1, which are chunk `c`'s blocks in order; `names` maps its fallback indices to NAMES (-1 = NONE). */
  chunk(c: FlatBlocks, i0: number, i1: number, names: Int32Array): void {
    const { i32, rvas, codeAt, index } = this;
    const meta = c.meta, hashes = i32Of(c.hashes), rs = c.relocs, tg = i32Of(c.targets), cs = i32Of(c.code);
    const bw = this.at.blocks, pbw = this.at.pageBlocks, rw = this.at.relocs, cw = this.at.code;
    let reloc = this.reloc, fault = this.fault, resolved = this.resolved, unresolved = this.unresolved;
    let pageAt = this.pageAt, openPage = this.openPage;
    let c0 = 0, r0 = 0, t0 = 0;
    for (let i = i0, mm = 0, h = 0; i < i1; i++, mm += FLAT_META, h += 2) {
      const r = bw + i * BLOCK_WORDS, code = codeAt[i]!, rva = rvas[i]!, len = meta[mm + M_LEN]!;
      const nCode = meta[mm + M_CODE]!, nFault = meta[mm + M_FAULT]!, fb = meta[mm + M_FALLBACK]!, ri = meta[mm + M_RELOC]!;
      const nt = meta[mm + M_TARGETS]!, nr = (ri / 3) | 0;
      i32[r + B_RVA] = rva;
      i32[r + B_LEN] = len;
      i32[r + B_HASH_LO] = hashes[h]!;
      i32[r + B_HASH_HI] = hashes[h + 1]!;
      i32[r + B_INSNS] = meta[mm + M_INSNS]!;
      i32[r + B_CODE] = code;
      i32[r + B_WORDS] = nCode;
      i32[r + B_BODY] = meta[mm + M_BODY]!;
      i32[r + B_RELOC_FIRST] = reloc;
      i32[r + B_RELOC_COUNT] = nr;
      i32[r + B_FAULT_OFFSET] = fault;
      i32[r + B_FAULT_LENGTH] = nFault;
      i32[r + B_FALLBACK] = fb ? names[fb]! : NONE32;
      // Code pages: a block alone on the open page is one store here; PageRuns does the rest.
      const pg0 = rva >>> GUEST_PAGE_SHIFT, last = (rva + (len || 1) - 1) >>> GUEST_PAGE_SHIFT;
      if (pg0 === openPage && last === pg0) i32[pbw + pageAt++] = i;
      else {
        pageAt = this.pages.add(pageAt, i, pg0, last);
        openPage = pg0;
      }
      if (nr) {
        let ascending = true;
        for (let k = 1; k < nr; k++) if (rs[r0 + 3 * k + 1]! <= rs[r0 + 3 * k - 2]!) { ascending = false; break; }
        const src = ascending ? rs : sortedRelocs(c, r0, t0, nr);
        for (let q = 0, x = ascending ? r0 : 0; q < nr; q++, x += 3) {
          const kindIn = src[x]!, off = src[x + 1]!, ti = src[x + 2]!;
          if (!(ti >= 0 && ti < nt)) throw new Error(`relocation target index ${ti} out of range in block ${hex(this.imageBase + BigInt(rva >>> 0))}`);
          if (off < 0 || off >= nCode) throw new Error(`relocation at word ${off} outside block ${hex(this.imageBase + BigInt(rva >>> 0))}`);
          const site = code + off, rr = rw + reloc * RELOC_WORDS, tt = 2 * (t0 + ti);
          const lo = tg[tt]!, hi = tg[tt + 1]!;
          let kind = kindIn & 0xff;
          if (kindIn === RELOC_BLOCK) {
            // The block starting exactly at the target, if it is in this cache and a `b` reaches it.
            const j = index.find(lo, hi, i);
            if (j >= 0 && (cs[c0 + off]! & 0xfc000000) === 0x14000000) {
              const delta = codeAt[j]! - site;
              if (delta >= -(1 << 25) && delta < 1 << 25) {
                i32[cw + site] = 0x14000000 | (delta & 0x3ffffff);
                kind |= RESOLVED;
              }
            }
            if (kind & RESOLVED) resolved++;
            else unresolved++;
          }
          i32[rr + R_SITE] = site;
          i32[rr + R_KIND] = kind;
          i32[rr + R_LO] = lo;
          i32[rr + R_HI] = hi;
          reloc++;
        }
      }
      c0 += nCode;
      r0 += ri;
      t0 += nt;
      fault += nFault;
    }
    this.reloc = reloc;
    this.fault = fault;
    this.resolved = resolved;
    this.unresolved = unresolved;
    this.pageAt = pageAt;
    this.openPage = openPage;
  }

  /** After the last chunk: the code-page tables' tail, checked against the plan's counts. */
  finish(pages: number, pairs: number): void {
    this.pages.finish(this.pageAt);
    if (this.pages.pages !== pages || this.pages.at !== pairs) {
      throw new Error(`code-page tables: wrote ${this.pages.pages} pages and ${this.pages.at} entries, planned ${pages} and ${pairs}`);
    }
  }
}

/**
 * Writes the PAGES and PAGE_BLOCKS tables front to back while blocks arrive in ascending RVA
 * order (no per-page counts, no scattered stores): a page's run is the blocks that started on an
 * earlier page and reach into it (a short `span` list, in index order), then the blocks starting
 * on it, so every run is ascending by block index without sorting.
 */
class PageRuns {
  /** Page being written (-1: none yet), where its run began, PAGES entries and PAGE_BLOCKS entries so far. */
  private open = -1;
  private first = 0;
  pages = 0;
  at = 0;
  private span: Int32Array = new Int32Array(64);
  private spanLast: Int32Array = new Int32Array(64);
  private ns = 0;

  constructor(private readonly i32: Int32Array, private readonly pw: number, private readonly pbw: number) {}

  /** Block `i` touches guest pages pg0..last; `at` PAGE_BLOCKS entries are written. Returns the new count. */
  add(at: number, i: number, pg0: number, last: number): number {
    this.at = at;
    if (pg0 !== this.open) this.moveTo(pg0);
    this.i32[this.pbw + this.at++] = i;
    if (last > pg0) {
      if (this.ns === this.span.length) {
        this.span = grow(this.span);
        this.spanLast = grow(this.spanLast);
      }
      this.span[this.ns] = i;
      this.spanLast[this.ns++] = last;
    }
    return this.at;
  }

  /** Close the open page and the pages before `p` only spanning blocks reach, then open `p`. */
  private moveTo(p: number): void {
    this.close();
    while (this.ns > 0 && this.open + 1 < p) {
      this.start(this.open + 1);
      this.close();
    }
    this.start(p);
  }

  private start(p: number): void {
    const r = this.pw + this.pages * PAGE_WORDS;
    this.i32[r + P.PAGE] = p;
    this.i32[r + P.FIRST] = this.at;
    this.open = p;
    this.first = this.at;
    // Every spanning block reaches p (each one's last page is past the page open before it); keep those going further.
    let keep = 0;
    for (let k = 0; k < this.ns; k++) {
      const i = this.span[k]!, last = this.spanLast[k]!;
      this.i32[this.pbw + this.at++] = i;
      if (last > p) {
        this.span[keep] = i;
        this.spanLast[keep++] = last;
      }
    }
    this.ns = keep;
  }

  private close(): void {
    if (this.open < 0) return;
    this.i32[this.pw + this.pages * PAGE_WORDS + P.COUNT] = this.at - this.first;
    this.pages++;
  }

  /** After the last block (`at` entries written): close the open page and the pages only spanning blocks still reach. */
  finish(at: number): void {
    this.at = at;
    this.close();
    while (this.ns > 0) {
      this.start(this.open + 1);
      this.close();
    }
    this.open = -1;
  }
}

const grow = (a: Int32Array): Int32Array => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};

/**
 * The relocation triples of a block whose sites are not ascending, sorted by word offset, then
 * kind, then target (rare: the loop then reads them from here instead of from the chunk).
 */
function sortedRelocs(c: FlatBlocks, r0: number, t0: number, nr: number): Int32Array {
  const ix = Array.from({ length: nr }, (_, k) => k);
  const rs = c.relocs;
  ix.sort((a, b) => rs[r0 + 3 * a + 1]! - rs[r0 + 3 * b + 1]! || rs[r0 + 3 * a]! - rs[r0 + 3 * b]!
    || relOrder(c, t0 + rs[r0 + 3 * a + 2]!) - relOrder(c, t0 + rs[r0 + 3 * b + 2]!));
  const out = new Int32Array(3 * nr);
  ix.forEach((k, q) => out.set(rs.subarray(r0 + 3 * k, r0 + 3 * k + 3), 3 * q));
  return out;
}
