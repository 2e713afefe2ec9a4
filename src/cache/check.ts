/**
 * @file Stage 9 (code cache): `checkCache`, the structural half of `aot verify`. On entry: a path;
 * on exit: a list of findings, one line each, empty for a sound cache. Beyond what every reader
 * checks (`_validate.ts`: header, bounds, sortedness, checksum), it decodes every code word with
 * our disassembler, follows every direct branch (inside its block, or a linked relocation to a
 * block's first word), checks that every indirect branch is a runtime-symbol exit
 * (`ldr x17, [x12, #0x100 + 8*i]; br x17`, ABI §5), and parses each block's fault side table
 * (ABI §9). Hostile bytes give findings, never an exception; an unreadable file is an InputError.
 *
 *   const { findings } = checkCache("cache/notepad.exe-…-…");
 *   for (const f of findings) console.log(f);
 */
import { disasmWord } from "../arm64/index.ts";
import { STATE, SYM_NAMES } from "../ir/state.ts";
import { B, BLOCK_WORDS, R, RELOC_WORDS, RESOLVED, T, hex } from "./format.ts";
import { InputError } from "../util/errors.ts";
import { loadBytes } from "./reader.ts";
import { validate, type Layout } from "./_validate.ts";

export interface CheckResult {
  findings: string[];
  blocks: number;
  codeWords: number;
}

const MAX_FINDINGS = 64;
const STATE_REG = 12, SYM_REG = 17;

/** Signed word displacement of a PC-relative branch or literal load, or undefined if `w` is none. */
function pcTarget(w: number): number | undefined {
  if ((w & 0x7c000000) >>> 0 === 0x14000000) return (w << 6) >> 6; // B, BL (imm26)
  if ((w & 0xff000010) >>> 0 === 0x54000000) return (w << 8) >> 13; // B.cond (imm19)
  if ((w & 0x7e000000) >>> 0 === 0x34000000) return (w << 8) >> 13; // CBZ, CBNZ (imm19)
  if ((w & 0x7e000000) >>> 0 === 0x36000000) return (w << 13) >> 18; // TBZ, TBNZ (imm14)
  if ((w & 0x3b000000) >>> 0 === 0x18000000) return (w << 8) >> 13; // LDR (literal), imm19
  return undefined;
}

const isAdrp = (w: number): boolean => (w & 0x9f000000) >>> 0 === 0x90000000;
/** ADR's byte displacement, or undefined. */
const adrTarget = (w: number): number | undefined =>
  (w & 0x9f000000) >>> 0 === 0x10000000 ? ((((w >>> 5) & 0x7ffff) << 2 | ((w >>> 29) & 3)) << 11) >> 11 : undefined;
/** BR, BLR, RET, BRAA… (unconditional branch, register): returns Rn, else -1. */
const brReg = (w: number): number => ((w & 0xfe1ffc1f) >>> 0 === 0xd61f0000 ? (w >>> 5) & 31 : -1);
/** `ldr x17, [x12, #imm]` (LDR immediate, unsigned offset, 64-bit): returns the byte offset, else -1. */
function ldrSymOffset(w: number): number {
  if ((w & 0xffc00000) >>> 0 !== 0xf9400000) return -1;
  if ((w & 31) !== SYM_REG || ((w >>> 5) & 31) !== STATE_REG) return -1;
  return ((w >>> 10) & 0xfff) * 8;
}

/** ULEB128 at `p` in `b`, or undefined if it runs off the end or past 32 bits. */
function uleb(b: Uint8Array, p: { at: number }): number | undefined {
  let v = 0, shift = 0;
  for (;;) {
    if (p.at >= b.length || shift > 28) return undefined;
    const x = b[p.at++]!;
    v += (x & 0x7f) * 2 ** shift;
    if (!(x & 0x80)) return v;
    shift += 7;
  }
}

/** Code checks for one block; `add` returns false once enough findings are listed. */
function checkBlock(l: Layout, bytes: Uint8Array, i: number, add: (s: string) => boolean): void {
  const { u32, offsets, counts } = l;
  const r = offsets[T.BLOCKS]! / 4 + i * BLOCK_WORDS, cw = offsets[T.CODE]! / 4;
  const start = u32[r + B.CODE]!, words = u32[r + B.WORDS]!, rva = u32[r + B.RVA]!;
  const where = `block ${i} (RVA ${hex(rva)})`;
  // Linked sites: a `b` there may leave the block, to the first word of another block.
  const linked = new Set<number>();
  const first = u32[r + B.RELOC_FIRST]!, rw = offsets[T.RELOCS]! / 4;
  for (let j = first; j < first + u32[r + B.RELOC_COUNT]!; j++) {
    if (u32[rw + j * RELOC_WORDS + R.KIND]! & RESOLVED) linked.add(u32[rw + j * RELOC_WORDS + R.SITE]!);
  }
  for (let k = 0; k < words; k++) {
    const w = u32[cw + start + k]!;
    if (disasmWord(w, (start + k) * 4) === undefined) {
      if (!add(`${where}: word ${k} (${hex(w)}) does not decode as an ARM64 instruction`)) return;
      continue;
    }
    if (isAdrp(w)) { if (!add(`${where}: word ${k} is ADRP (a page address ties code to where it is mapped, ABI §7)`)) return; continue; }
    const a = adrTarget(w);
    const d = a !== undefined ? (a % 4 === 0 ? a / 4 : -1 - k) : pcTarget(w);
    if (d !== undefined) {
      if (linked.has(start + k)) continue; // checked against the target block by _validate
      if (k + d < 0 || k + d >= words) {
        if (!add(`${where}: word ${k} branches to word ${k + d}, outside the block's ${words} words`)) return;
      }
      continue;
    }
    const rn = brReg(w);
    if (rn >= 0) {
      const prev = k > 0 ? u32[cw + start + k - 1]! : 0, off = k > 0 ? ldrSymOffset(prev) : -1;
      const slot = (off - STATE.SYMBOLS) / 8;
      if (rn !== SYM_REG || off < STATE.SYMBOLS || slot >= SYM_NAMES.length) {
        if (!add(`${where}: word ${k} is an indirect branch that is not a runtime-symbol exit (ldr x17, [x12, #0x100+8*i]; br x17)`)) return;
      }
    }
  }
  // Fault side table: entries parse exactly, host offsets ascend inside the block, guest offsets inside its guest range.
  const fo = offsets[T.FAULTS]! + u32[r + B.FAULT_OFFSET]!, flen = u32[r + B.FAULT_LENGTH]!;
  if (fo + flen > offsets[T.FAULTS]! + counts[T.FAULTS]!) return; // already a _validate finding
  // A push or pop pair's word has two entries (ABI §9): the first with bit 7 set, then the second
  // instruction's, at the same host word and a later guest offset; no other entry repeats a word.
  const ft = bytes.subarray(fo, fo + flen), p = { at: 0 };
  let host = -1, pairGuest = -1;
  for (let e = 0; p.at < ft.length; e++) {
    const delta = uleb(ft, p), guest = uleb(ft, p);
    if (delta === undefined || guest === undefined || p.at >= ft.length) { add(`${where}: fault table entry ${e} is truncated`); return; }
    const state = ft[p.at++]!;
    host = host < 0 ? delta : host + delta;
    if (host >= words) { add(`${where}: fault table entry ${e} names host word ${host}, past the block's ${words}`); return; }
    if (pairGuest >= 0) {
      if (delta !== 0 || state & 0x80 || guest <= pairGuest) { add(`${where}: fault table entry ${e} is not the second instruction of the pair before it`); return; }
    } else if (e > 0 && delta === 0) { add(`${where}: fault table entry ${e} repeats host word ${host}`); return; }
    if (guest >= Math.max(u32[r + B.GUEST_LENGTH]!, 1)) { add(`${where}: fault table entry ${e} names guest offset ${guest}, past the block's ${u32[r + B.GUEST_LENGTH]} bytes`); return; }
    pairGuest = state & 0x80 ? guest : -1;
  }
  if (pairGuest >= 0) add(`${where}: fault table ends inside a pair (its second instruction's entry is missing)`);
}

/** Every structural check on the cache at `path`; findings, one line each. */
export function checkCache(path: string, opts: { checksum?: boolean } = {}): CheckResult {
  let bytes: Uint8Array;
  try {
    bytes = loadBytes(path);
  } catch (e) {
    // An empty file is a (badly) truncated cache, a finding like any other; unreadable files throw.
    if (e instanceof InputError && e.kind === "truncated") return { findings: [e.detail], blocks: 0, codeWords: 0 };
    throw e;
  }
  return checkBytes(bytes.byteOffset % 8 === 0 ? bytes : bytes.slice(), opts);
}

/** `checkCache` on bytes in memory (8-byte aligned). */
export function checkBytes(bytes: Uint8Array, opts: { checksum?: boolean } = {}): CheckResult {
  const v = validate(bytes, { checksum: opts.checksum ?? true });
  const findings = [...v.findings];
  const l = v.layout;
  if (!l) return { findings, blocks: 0, codeWords: 0 };
  // Code checks need sound block records; a table finding other than the checksum means they are not.
  const tablesSound = findings.every((f) => f.startsWith("checksum mismatch"));
  let more = 0;
  const add = (s: string): boolean => {
    if (findings.length >= MAX_FINDINGS) { more++; return false; }
    findings.push(s);
    return true;
  };
  if (tablesSound) {
    for (let i = 0; i < l.counts[T.BLOCKS]! && findings.length < MAX_FINDINGS; i++) checkBlock(l, bytes, i, add);
  }
  if (more) findings.push(`… and more findings`);
  return { findings, blocks: l.counts[T.BLOCKS]!, codeWords: l.counts[T.CODE]! };
}
