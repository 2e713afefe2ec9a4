/**
 * @file Crash-safety test for `aggregateCodeMaps`: a child process aggregating a big new map is
 * SIGKILLed at random moments; each ready map must then be its old or its new bytes, and the next
 * run must reach the undisturbed final state. Kills: quick 12, full 60, soak 600; the time limit
 * scales with the kill count (one kill costs a copy, a child start-up and an aggregation, ~0.5 s
 * on 2 cores), so the soak tier's 600 kills can finish.
 */
import { afterAll, expect, test } from "bun:test";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { aggregateCodeMaps, parseCodeMap } from "../../src/codemap/index.ts";
import { count } from "../_env.ts";
import { prng, specEncode, type SpecRec } from "./_spec.ts";

const root = mkdtempSync(join(tmpdir(), "aot-codemap-kill-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const EXE = 0xaaaaaaaaaaaaaaaan;
const LIBS = [0xbbbbbbbbbbbbbbbbn, 0xccccccccccccccccn];

/** Old state: ready maps for the EXE and the first DLL; a big new map adds blocks to all three. */
function seed(dir: string): void {
  mkdirSync(join(dir, "codemap", "new"), { recursive: true });
  const old = join(dir, "old");
  mkdirSync(join(old, "codemap", "new"), { recursive: true });
  const small: SpecRec[] = [
    { t: "exe", id: EXE, bits: 64 },
    { t: "lib", id: EXE, path: "c:\\g\\game.exe" },
    { t: "lib", id: LIBS[0]!, path: "c:\\windows\\system32\\a.dll" },
    { t: "blk", id: EXE, off: 1 },
    { t: "blk", id: LIBS[0]!, off: 2 },
  ];
  writeFileSync(join(old, "codemap", "new", "game.exe-aaaaaaaaaaaaaaaa.0.bin"), specEncode(small));
  aggregateCodeMaps(old);
  const rnd = prng(7);
  const big: SpecRec[] = [
    { t: "exe", id: EXE, bits: 64 },
    { t: "lib", id: EXE, path: "c:\\g\\game.exe" },
    { t: "lib", id: LIBS[0]!, path: "c:\\windows\\system32\\a.dll" },
    { t: "lib", id: LIBS[1]!, path: "c:\\windows\\system32\\b.dll" },
  ];
  const ids = [EXE, ...LIBS];
  for (let i = 0; i < 120_000; i++) big.push({ t: "blk", id: ids[i % 3]!, off: Math.floor(rnd() * 2 ** 32) });
  writeFileSync(join(dir, "big.bin"), specEncode(big));
}

const KILLS = count(12, 60);
/** Set-up plus a generous per-kill budget (about four times what one kill takes on 2 cores). */
const LIMIT_MS = 30_000 + KILLS * 2_000;

test(`aggregation killed at random moments (${KILLS} kills) leaves each ready map old or new, byte for byte`, async () => {
  seed(root);
  const oldReady = join(root, "old", "codemap", "ready");
  // expected final state: run once, undisturbed, in a copy
  const ref = join(root, "ref");
  mkdirSync(join(ref, "codemap", "new"), { recursive: true });
  cpSync(oldReady, join(ref, "codemap", "ready"), { recursive: true });
  cpSync(join(root, "big.bin"), join(ref, "codemap", "new", "game.exe-aaaaaaaaaaaaaaaa.1.bin"));
  const t0 = performance.now();
  aggregateCodeMaps(ref);
  const inProcessMs = performance.now() - t0;
  const newReady = join(ref, "codemap", "ready");
  const names = readdirSync(newReady).filter((n) => !n.startsWith("."));
  expect(names.length).toBe(3);
  const bytes = (dir: string, n: string): Buffer | undefined => (existsSync(join(dir, n)) ? readFileSync(join(dir, n)) : undefined);

  const rnd = prng(42);
  const work = join(root, "work");
  const child = join(import.meta.dir, "_aggregate-child.ts");
  const seen = { old: 0, new: 0 };
  // child start-up (~50-100 ms) plus the aggregation itself; kills land all over that window
  const windowMs = 120 + inProcessMs * 2;
  for (let k = 0; k < KILLS; k++) {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(join(work, "codemap", "new"), { recursive: true });
    cpSync(oldReady, join(work, "codemap", "ready"), { recursive: true });
    cpSync(join(root, "big.bin"), join(work, "codemap", "new", "game.exe-aaaaaaaaaaaaaaaa.1.bin"));
    const p = Bun.spawn(["bun", child, work], { stdout: "ignore", stderr: "ignore" });
    await Bun.sleep(rnd() * windowMs);
    p.kill("SIGKILL");
    await p.exited;
    for (const n of names) {
      const got = bytes(join(work, "codemap", "ready"), n);
      const o = bytes(oldReady, n);
      const nw = bytes(newReady, n)!;
      const isOld = got === undefined ? o === undefined : o !== undefined && got.equals(o);
      const isNew = got !== undefined && got.equals(nw);
      expect(isOld || isNew).toBe(true);
      if (got) parseCodeMap(new Uint8Array(got), n);
      seen[isNew ? "new" : "old"]++;
    }
    // and whatever the kill left behind, the next run completes to the same final state
    aggregateCodeMaps(work);
    for (const n of names) expect(bytes(join(work, "codemap", "ready"), n)!.equals(bytes(newReady, n)!)).toBe(true);
    expect(readdirSync(join(work, "codemap", "ready")).filter((x) => x.startsWith("."))).toEqual([]);
  }
  console.log(`kill test: ${JSON.stringify(seen)} ready-map observations, in-process aggregation ${inProcessMs.toFixed(0)} ms`);
}, LIMIT_MS);
