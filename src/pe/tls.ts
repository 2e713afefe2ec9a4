/**
 * @file Stage 1 (PE loader): the TLS directory and its callback list.
 *
 * On entry: an RvaSpace. On exit: the TLS directory fields as VAs (preferred base) and the
 * callback VAs in order, read up to the NUL pointer; or undefined when there is no TLS
 * directory. A callback array that leaves the image or has no NUL within 4096 entries is an
 * InputError.
 *
 *   parseTls(space)?.callbacks;   // [0x140001530n]
 */
import { fail } from "./_bytes.ts";
import { DIR } from "./headers.ts";
import type { RvaSpace } from "./sections.ts";

export interface TlsDirectory {
  startOfRawData: bigint;
  endOfRawData: bigint;
  addressOfIndex: bigint;
  addressOfCallbacks: bigint;
  sizeOfZeroFill: number;
  characteristics: number;
  /** Callback VAs at the preferred image base. */
  callbacks: bigint[];
}

const MAX_CALLBACKS = 4096;

export function parseTls(space: RvaSpace): TlsDirectory | undefined {
  const dir = space.h.dirs[DIR.tls];
  if (!dir || dir.rva === 0) return undefined;
  const w = space.h.is64 ? 8 : 4;
  const f = (i: number): bigint => space.ptr(dir.rva + i * w, "TLS directory");
  const tls: TlsDirectory = {
    startOfRawData: f(0),
    endOfRawData: f(1),
    addressOfIndex: f(2),
    addressOfCallbacks: f(3),
    sizeOfZeroFill: space.u32(dir.rva + 4 * w, "TLS directory"),
    characteristics: space.u32(dir.rva + 4 * w + 4, "TLS directory"),
    callbacks: [],
  };
  if (tls.addressOfCallbacks !== 0n) {
    const at = space.rvaOfVa(tls.addressOfCallbacks, "TLS AddressOfCallBacks");
    for (let i = 0; ; i++) {
      if (i >= MAX_CALLBACKS) fail(space.file, `TLS callback array has more than ${MAX_CALLBACKS} entries (no NUL)`, "corrupt");
      const cb = space.ptr(at + i * w, "TLS callback array");
      if (cb === 0n) break;
      tls.callbacks.push(cb);
    }
  }
  return tls;
}
