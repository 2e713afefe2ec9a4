/**
 * @file Fuzzing src/pe with mutated real PEs: bit flips, truncation, and smashing of header
 * fields, section headers, data-directory entries and the directories' own bytes. Anything but
 * success or an InputError (a RangeError, TypeError, out-of-memory, a hang) is a bug. Successful
 * parses are also mapped at another base and probed.
 *
 * count(2000, 10000) cases (AOT_SLOW=1 for the full count). Case i uses PRNG seed
 * `AOT_FUZZ_SEED + i` (default base 0x5eed); a failure prints its seed, input and mutation so
 * `AOT_FUZZ_SEED=<seed> AOT_FUZZ_CASES=1 bun test test/pe/fuzz` replays exactly that case.
 */
import { expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { count, fixture, sample, wine32Dir, wine64Dir } from "../_env.ts";
import { InputError } from "../../src/util/errors.ts";
import { mapImage, parsePe } from "../../src/pe/index.ts";
import { buildDelayFixture, withVolatileMetadata } from "./_synth.ts";
import { prng } from "../_prng.ts";

function inputs(): { name: string; bytes: Uint8Array }[] {
  const read = (p: string) => new Uint8Array(readFileSync(p));
  const list = [sample(32), sample(64), fixture("pe-fwd.dll"), fixture("pe-fwd32.dll"), fixture("pe-user64.exe"), fixture("pe-user32.exe"), fixture("arm64ec.dll"), fixture("arm64x.dll"), buildDelayFixture()];
  const out: { name: string; bytes: Uint8Array }[] = list.map((p) => ({ name: p.split("/").pop()!, bytes: read(p) }));
  out.push({ name: "volatile.exe", bytes: withVolatileMetadata(read(sample(64)), { accessRvas: [0x1010, 0x1020], ranges: [{ rva: 0x1000, size: 0x100 }] }) });
  // The smallest few PEs of each corpus (small keeps each case cheap).
  for (const dir of [wine64Dir(), wine32Dir()]) {
    const small = readdirSync(dir)
      .map((f) => join(dir, f))
      .filter((f) => statSync(f).isFile() && statSync(f).size < 48 * 1024 && /\.(dll|exe)$/.test(f))
      .sort()
      .slice(0, 6);
    for (const f of small) out.push({ name: f.split("/").slice(-2).join("/"), bytes: read(f) });
  }
  return out;
}

const INTERESTING = [0, 1, 2, 7, 8, 0x7f, 0x80, 0xff, 0x100, 0xfff, 0x1000, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffff0, 0xffffffff];

function mutate(src: Uint8Array, rnd: () => number): { bytes: Uint8Array; how: string } {
  const int = (n: number): number => Math.floor(rnd() * n);
  const val = (): number => (rnd() < 0.6 ? INTERESTING[int(INTERESTING.length)]! : int(0x1_0000_0000));
  let b = src.slice();
  const dv = () => new DataView(b.buffer);
  const lfanew = b.length >= 0x40 ? dv().getUint32(0x3c, true) : 0;
  const put32 = (off: number, v: number): void => {
    if (off >= 0 && off + 4 <= b.length) dv().setUint32(off, v >>> 0, true);
  };
  const how: string[] = [];
  const steps = 1 + int(3);
  for (let s = 0; s < steps; s++) {
    const kind = int(7);
    if (kind === 0) {
      const n = 1 + int(16);
      for (let i = 0; i < n; i++) {
        const at = int(b.length);
        b[at] = b[at]! ^ (1 << int(8));
      }
      how.push(`flip${n}`);
    } else if (kind === 1) {
      const at = int(Math.min(b.length, 0x400));
      put32(at & ~1, val());
      how.push(`hdr@${at}`);
    } else if (kind === 2) {
      // data directory entry (PE32+ and PE32 offsets both hit something useful)
      const i = int(16);
      const base = lfanew + 24 + (rnd() < 0.5 ? 112 : 96) + i * 8 + (rnd() < 0.5 ? 0 : 4);
      put32(base, val());
      how.push(`dir${i}`);
    } else if (kind === 3) {
      const nsec = b.length > lfanew + 8 ? dv().getUint16(lfanew + 6, true) : 0;
      const sec = lfanew + 24 + (b.length > lfanew + 22 ? dv().getUint16(lfanew + 20, true) : 0) + int(Math.max(1, nsec)) * 40;
      put32(sec + 8 + 4 * int(8), val());
      how.push(`sec@${sec}`);
    } else if (kind === 4) {
      const n = rnd() < 0.5 ? int(Math.min(b.length, 0x600)) : int(b.length);
      b = b.slice(0, n);
      how.push(`cut${n}`);
    } else if (kind === 5) {
      // smash inside a directory's own bytes: pick a random data directory's RVA, assume file
      // offset == RVA translation through a random section (cheap; often lands in real tables)
      const i = int(16);
      const d = lfanew + 24 + 112 + i * 8;
      const rva = d + 4 <= b.length ? dv().getUint32(d, true) : 0;
      const nsec = b.length > lfanew + 8 ? dv().getUint16(lfanew + 6, true) : 0;
      for (let k = 0; k < nsec && rva; k++) {
        const sh = lfanew + 24 + 240 + k * 40;
        if (sh + 24 > b.length) break;
        const va = dv().getUint32(sh + 12, true);
        const vs = dv().getUint32(sh + 8, true);
        if (rva >= va && rva < va + vs) {
          const off = dv().getUint32(sh + 20, true) + (rva - va) + int(64) * 4;
          for (let j = 0; j < 1 + int(4); j++) put32(off + int(16) * 4, val());
          break;
        }
      }
      how.push(`tbl${i}`);
    } else {
      const at = int(b.length);
      const n = 1 + int(64);
      for (let i = 0; i < n && at + i < b.length; i++) b[at + i] = int(256);
      how.push(`rand@${at}+${n}`);
    }
  }
  return { bytes: b, how: how.join(",") };
}

test(`fuzz: mutated PEs only ever throw InputError (${count(2000, 10000)} cases)`, () => {
  const seed0 = Number(process.env.AOT_FUZZ_SEED ?? 0x5eed);
  const n = Number(process.env.AOT_FUZZ_CASES ?? count(2000, 10000));
  const ins = inputs();
  const failures: string[] = [];
  const kinds = new Map<string, number>();
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const seed = seed0 + i;
    const rnd = prng(seed);
    const input = ins[Math.floor(rnd() * ins.length)]!;
    const { bytes, how } = mutate(input.bytes, rnd);
    const t0 = performance.now();
    try {
      const pe = parsePe(bytes, input.name);
      if (pe.sizeOfImage <= 16 << 20) {
        const img = mapImage(pe, pe.is64 ? 0x7ff0_0000_0000n : 0x1000_0000n);
        img.isExecutable(img.base + BigInt(pe.entryRva));
        if (pe.entryRva + 16 <= pe.sizeOfImage) img.read(img.base + BigInt(pe.entryRva), 16);
      }
      ok++;
    } catch (e) {
      if (e instanceof InputError) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
      else failures.push(`seed=${seed} input=${input.name} mutation=${how}: ${(e as Error)?.stack ?? e}`);
    }
    const ms = performance.now() - t0;
    if (ms > 5000) failures.push(`seed=${seed} input=${input.name} mutation=${how}: took ${ms.toFixed(0)} ms (hang?)`);
  }
  console.log(`fuzz: ${n} cases from ${ins.length} inputs, seed base ${seed0}: ${ok} parsed, rejected by kind ${JSON.stringify(Object.fromEntries(kinds))}`);
  if (failures.length) console.log(failures.slice(0, 5).join("\n"));
  expect(failures.length).toBe(0);
}, 300_000);
