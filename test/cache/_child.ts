/**
 * @file Test helper run as a child process by writer-fs.test.ts.
 *   bun _child.ts read-loop PATH STOPFILE   open PATH (checksum on) until STOPFILE exists; print JSON counts
 *   bun _child.ts write PATH COPIES        write COPIES copies of the sample blocks to PATH; print the error line or "ok"
 */
import { existsSync } from "node:fs";
import { CacheReader, writeCache } from "../../src/cache/index.ts";
import { InputError } from "../../src/util/errors.ts";
import { inflate, sampleBlocks } from "./_blocks.ts";

const [mode, path, arg] = process.argv.slice(2);
if (mode === "read-loop") {
  const seen: Record<string, number> = {};
  let reads = 0, failures = 0;
  const errors: string[] = [];
  while (!existsSync(arg!)) {
    try {
      const c = CacheReader.open(path!);
      seen[c.header.buildId] = (seen[c.header.buildId] ?? 0) + 1;
    } catch (e) {
      failures++;
      if (errors.length < 3) errors.push((e as Error).message);
    }
    reads++;
  }
  console.log(JSON.stringify({ reads, failures, seen, errors }));
} else if (mode === "write") {
  const { image, config, blocks } = await sampleBlocks();
  try {
    writeCache(path!, image, config, inflate(blocks, Number(arg), 0x20000n), { buildId: "new" });
    console.log("ok");
  } catch (e) {
    console.log(e instanceof InputError ? `InputError ${e.kind}: ${e.message}` : `other: ${(e as Error).stack}`);
  }
}
