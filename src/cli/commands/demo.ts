/**
 * @file `aot demo`: runs the pipeline stages that exist on the embedded sample program
 * (samples/hello32.exe and hello64.exe, built from samples/hello/hello.c and embedded in the
 * binary), so a newcomer sees aot work with nothing but the binary.
 */
import { defineCommand } from "citty";
import { consola } from "consola";
import { sampleBytes } from "../_samples.ts";

export default defineCommand({
  meta: { name: "demo", description: "Run aot's stages on the embedded sample program" },
  args: { json: { type: "boolean", description: "Machine-readable output" } },
  async run({ args }) {
    const out: Record<string, unknown> = {};
    for (const bits of [32, 64] as const) {
      const bytes = await sampleBytes(bits);
      out[`hello${bits}.exe`] = { size: bytes.length };
      if (!args.json) consola.info(`hello${bits}.exe: ${bytes.length} bytes`);
    }
    if (args.json) console.log(JSON.stringify(out));
    return 0;
  },
});
