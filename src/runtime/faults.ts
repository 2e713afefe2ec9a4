/**
 * @file Stage 10 (runtime): reading a block's fault side table (docs/runtime-abi.md §9) and the
 * guest flags held in host state (§4). A runtime turns a host fault at word `w` of a block into
 * the guest instruction it belongs to and an exact EFLAGS.
 *
 *   const e = findFault(tb.faults, w);      // { guestOffset, state } | undefined
 *   const rip = tb.guestStart + BigInt(e.guestOffset);
 *   const eflags = eflagsFromHost(nzcv, x10, x11, df, e.state & 1);
 */

export interface FaultEntry {
  /** Host word offset in the block's code. */
  hostWord: number;
  /** Guest byte offset of the instruction from the block start. */
  guestOffset: number;
  /** Bit 0: C holds the inverse of CF; bits 1-6: stale-flags mask (FLAG.* << 1); bit 7: PAIR_ENTRY. */
  state: number;
}

/** Decode every entry (tests, `aot verify`). */
export function decodeFaults(t: Uint8Array): FaultEntry[] {
  const out: FaultEntry[] = [];
  let p = 0, host = 0;
  const uleb = (): number => {
    let v = 0, shift = 0;
    for (;;) {
      if (p >= t.length) throw new Error("fault side table is truncated");
      const byte = t[p++]!;
      v += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return v;
      shift += 7;
    }
  };
  while (p < t.length) {
    host += uleb();
    const guestOffset = uleb();
    if (p >= t.length) throw new Error("fault side table is truncated");
    out.push({ hostWord: host, guestOffset, state: t[p++]! });
  }
  return out;
}

/**
 * The entry for host word `w`, or undefined when that word cannot fault (then the PC is not
 * precise). A push or pop pair's word has two (the first with PAIR_ENTRY set): `second` asks for
 * the second instruction's, when the runtime found that x86 faults there (pairs.ts).
 */
export function findFault(t: Uint8Array, w: number, second = false): FaultEntry | undefined {
  const all = decodeFaults(t);
  for (let k = 0; k < all.length; k++) {
    if (all[k]!.hostWord !== w) continue;
    return second ? (all[k]!.state & PAIR_ENTRY && all[k + 1]?.hostWord === w ? all[k + 1] : undefined) : all[k];
  }
  return undefined;
}

/** State-byte bit 7: this entry and the next (same host word) are a push or pop pair's two instructions (ABI §9). */
export const PAIR_ENTRY = 0x80;

/** Even parity of the low byte: x86 PF. */
export const parity8 = (v: number): number => {
  let x = v & 0xff;
  x ^= x >> 4; x ^= x >> 2; x ^= x >> 1;
  return (~x) & 1;
};

/**
 * EFLAGS from the host: NZCV (the register value, flags in bits 31..28), the PF source (x10),
 * the AF source (x11: AF is bit 4 of x11 ^ x10, ABI §4), DF, and whether C is inverted at this point.
 */
export function eflagsFromHost(nzcv: number, pfSrc: number, afSrc: number, df: number, cInverted = 0): number {
  const n = (nzcv >>> 31) & 1, z = (nzcv >>> 30) & 1, c = ((nzcv >>> 29) & 1) ^ cInverted, v = (nzcv >>> 28) & 1;
  return 0x2 | c | (parity8(pfSrc) << 2) | ((((afSrc ^ pfSrc) >>> 4) & 1) << 4) | (z << 6) | (n << 7) | ((df & 1) << 10) | (v << 11);
}

/** The host representation of EFLAGS (inverse of `eflagsFromHost`, canonical C). */
export function hostFromEflags(eflags: number): { nzcv: number; pfSrc: number; afSrc: number; df: number } {
  const bit = (i: number): number => (eflags >>> i) & 1;
  const nzcv = ((bit(7) << 31) | (bit(6) << 30) | (bit(0) << 29) | (bit(11) << 28)) >>> 0;
  const pfSrc = bit(2) ? 0 : 1;
  return { nzcv, pfSrc, afSrc: (bit(4) << 4) ^ pfSrc, df: bit(10) };
}
