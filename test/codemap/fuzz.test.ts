import { expect, test } from "bun:test";
import { codeMapImages, encodeCodeMap, parseCodeMap } from "../../src/codemap/index.ts";
import { InputError } from "../../src/util/errors.ts";
import { count } from "../_env.ts";
import { prng, randomRecs, specEncode } from "./_spec.ts";

// Mutations that hit the interesting spots: marker bytes, lengths, NULs, truncation, splices.
function mutate(rnd: () => number, src: Uint8Array): Uint8Array {
  let b = Uint8Array.from(src);
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rnd() * Math.max(1, b.length));
    switch (Math.floor(rnd() * 7)) {
      case 0: // flip a byte
        if (b.length) b[at] = Math.floor(rnd() * 256);
        break;
      case 1: // write ~0 bytes (fake markers)
        b.fill(0xff, at, Math.min(b.length, at + 1 + Math.floor(rnd() * 12)));
        break;
      case 2: // truncate
        b = b.slice(0, at);
        break;
      case 3: // remove a NUL-ish region
        b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(Math.min(b.length, at + 1 + Math.floor(rnd() * 8)))]);
        break;
      case 4: // insert random bytes
        b = Uint8Array.from([...b.subarray(0, at), ...Array.from({ length: 1 + Math.floor(rnd() * 13) }, () => Math.floor(rnd() * 256)), ...b.subarray(at)]);
        break;
      case 5: // marker offset value set to one of the special values
        if (b.length >= at + 4) new DataView(b.buffer).setUint32(at, [0xffffffff, 0xfffffffe, 0xffffffee, 0xffffffef][Math.floor(rnd() * 4)]!, true);
        break;
      default: // zero a span (kills NULs or creates them)
        b.fill(rnd() < 0.5 ? 0 : 0x41, at, Math.min(b.length, at + 1 + Math.floor(rnd() * 20)));
    }
  }
  return b;
}

test(`fuzz: ${count(2000, 10000)} mutated code maps give a clean parse or an InputError`, () => {
  const rnd = prng(0xc0de);
  const iters = count(2000, 10000);
  let errors = 0;
  for (let i = 0; i < iters; i++) {
    const bytes = mutate(rnd, specEncode(randomRecs(rnd, 1 + Math.floor(rnd() * 3), Math.floor(rnd() * 20))));
    try {
      const m = parseCodeMap(bytes, "fuzz.bin");
      codeMapImages(m);
      // a clean parse always re-encodes to the exact input
      if (!Buffer.from(encodeCodeMap(m)).equals(Buffer.from(bytes))) throw new Error(`re-encode mismatch at iteration ${i}`);
    } catch (e) {
      if (!(e instanceof InputError)) throw new Error(`iteration ${i}: ${String(e)}`);
      errors++;
    }
  }
  expect(errors).toBeGreaterThan(0);
  expect(errors).toBeLessThan(iters);
});
