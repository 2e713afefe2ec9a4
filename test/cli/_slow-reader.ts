/**
 * @file A deliberately slow reader for the pipe tests (test/cli/pipes.test.ts): waits before the
 * first read, then pauses after every chunk, so the writer meets a full pipe again and again.
 * Prints `<bytes> <lines>` of what it received.
 *
 *   dist/aot disasm big.dll --json | bun test/cli/_slow-reader.ts 300 2
 */
const [firstMs = "300", perChunkMs = "2"] = process.argv.slice(2);
await Bun.sleep(Number(firstMs));
let bytes = 0;
let lines = 0;
for await (const chunk of Bun.stdin.stream()) {
  bytes += chunk.length;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  await Bun.sleep(Number(perChunkMs));
}
console.log(`${bytes} ${lines}`);
