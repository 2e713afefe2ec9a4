/**
 * @file Cache writer and the file system: replacing a cache is atomic (a reader looping on the
 * path in another process only ever sees the old or the new complete cache), a full file system
 * (a 1 MiB tmpfs) and a file-size limit (`ulimit -f`) give one clear InputError line and keep
 * the old cache with no temporary file left, temporary names stay within NAME_MAX, and a
 * missing directory is a clear error.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { CacheReader, parseTempName, tempPath, writeCache } from "../../src/cache/index.ts";
import { InputError } from "../../src/util/errors.ts";
import { inflate, sampleBlocks } from "./_blocks.ts";

const dir = mkdtempSync(join(tmpdir(), "aot-cache-fs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CHILD = join(import.meta.dir, "_child.ts");

const onlyCache = (d: string) => readdirSync(d).filter((n) => n.startsWith("."));

describe("cache writer and the file system", () => {
  test("replacing a cache is atomic for a concurrent reader", async () => {
    const { image, config, blocks } = await sampleBlocks();
    const path = join(dir, "atomic.cache"), stop = join(dir, "atomic.stop");
    const big = inflate(blocks, 4, 0x20000n);
    writeCache(path, image, config, blocks, { buildId: "A" });
    const child = Bun.spawn(["bun", CHILD, "read-loop", path, stop], { stdout: "pipe", stderr: "inherit" });
    await Bun.sleep(300);
    for (let i = 0; i < 30; i++) {
      writeCache(path, image, config, i % 2 ? blocks : big, { buildId: i % 2 ? "A" : "B" });
      await Bun.sleep(5);
    }
    writeFileSync(stop, "");
    const out = JSON.parse(await new Response(child.stdout).text());
    await child.exited;
    expect(out.failures).toBe(0);
    expect(out.reads).toBeGreaterThan(10);
    expect(Object.keys(out.seen).sort()).toEqual(["A", "B"]);
    expect(onlyCache(dir)).toEqual([]);
  }, 60_000);

  test("full file system: one clear line, old cache kept, no temporary file", async () => {
    const { image, config, blocks } = await sampleBlocks();
    const mnt = join(dir, "tiny");
    mkdirSync(mnt);
    const mount = Bun.spawnSync(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt]);
    if (mount.exitCode !== 0) {
      // Not root: the file-size-limit test below covers the same path (EFBIG instead of ENOSPC).
      console.log(`full-disk test skipped: mount failed (${mount.stderr.toString().trim()})`);
      return;
    }
    try {
      const path = join(mnt, "hello64.exe-0000000000000000-0000000000000000");
      writeCache(path, image, config, blocks, { buildId: "old" });
      let err: unknown;
      try {
        writeCache(path, image, config, inflate(blocks, 8, 0x20000n), { buildId: "new" });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      const e = err as InputError;
      expect(e.kind).toBe("no-space");
      expect(e.message.startsWith(path)).toBe(true);
      expect(e.message).toContain("no space left");
      expect(e.message).not.toContain("\n");
      expect(CacheReader.open(path, { map: false }).header.buildId).toBe("old");
      expect(onlyCache(mnt)).toEqual([]);
    } finally {
      // Bun.mmap has no munmap: the writer's mapping of the first cache lives until a GC, and a
      // mapped file keeps the mount busy; collect, then detach lazily if it still is.
      Bun.gc(true);
      if (Bun.spawnSync(["umount", mnt]).exitCode !== 0) Bun.spawnSync(["umount", "-l", mnt]);
    }
  }, 60_000);

  test("file-size limit (ulimit -f): one clear line, old cache kept, no temporary file", async () => {
    const { image, config, blocks } = await sampleBlocks();
    const sub = join(dir, "ulimit");
    mkdirSync(sub);
    const path = join(sub, "limited.cache");
    writeCache(path, image, config, blocks, { buildId: "old" });
    const p = Bun.spawnSync(["bash", "-c", `ulimit -f 1024 && exec bun "${CHILD}" write "${path}" 8`]);
    const line = p.stdout.toString().trim();
    expect(p.exitCode).toBe(0);
    expect(line).toBe(`InputError too-large: ${path}: the ${line.match(/the (\d+)-byte/)?.[1]}-byte cache exceeds the file-size limit (ulimit -f; the old cache, if any, is kept)`);
    expect(CacheReader.open(path).header.buildId).toBe("old");
    expect(onlyCache(sub)).toEqual([]);
  }, 60_000);

  test("temporary names: hidden, parseable, never longer than NAME_MAX", () => {
    const long = join(dir, "x".repeat(250));
    const t = tempPath(long);
    expect(new TextEncoder().encode(basename(t)).length).toBeLessThanOrEqual(255);
    expect(parseTempName(basename(t))).toEqual({ pid: process.pid });
    const u = basename(tempPath(join(dir, "é".repeat(127))));
    expect(new TextEncoder().encode(u).length).toBeLessThanOrEqual(255);
    expect(basename(tempPath(join(dir, "a.cache")))).toMatch(/^\.a\.cache\.tmp-\d+-\d+$/);
    expect(parseTempName("a.cache")).toBeNull();
  });

  test("missing directory and a block outside the image are InputErrors naming the cache", async () => {
    const { image, config, blocks } = await sampleBlocks();
    const path = join(dir, "nope", "c.cache");
    expect(() => writeCache(path, image, config, blocks)).toThrow(`${path}: the cache directory does not exist`);
    const stray = { ...blocks[0]!, guestStart: image.imageBase - 16n };
    expect(() => writeCache(join(dir, "stray"), image, config, [stray])).toThrow(InputError);
    expect(existsSync(join(dir, "stray"))).toBe(false);
  });
});
