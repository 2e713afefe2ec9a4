/**
 * @file The embedded sample programs. `with { type: "file" }` makes `bun build --compile` embed
 * the bytes in the executable; under `bun run` the path points into samples/.
 */
import hello32 from "../../samples/hello32.exe" with { type: "file" };
import hello64 from "../../samples/hello64.exe" with { type: "file" };
import fib64 from "../../samples/fib64.bin" with { type: "file" };

/** The `aot run` sample (samples/run/fib.asm): raw x86-64 code, run at 0x140000000 with a stack. */
export async function sampleRunBytes(): Promise<Uint8Array> {
  return new Uint8Array(await Bun.file(fib64).arrayBuffer());
}

/** Bytes of the embedded sample for the given bitness. */
export async function sampleBytes(bits: 32 | 64): Promise<Uint8Array> {
  return new Uint8Array(await Bun.file(bits === 32 ? hello32 : hello64).arrayBuffer());
}

/** Names the samples go by in messages and `--json` output. */
export const sampleName = (bits: 32 | 64): string => `hello${bits}.exe`;
