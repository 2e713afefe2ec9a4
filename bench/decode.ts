/**
 * @file `bun bench/decode.ts [--json]`: thin wrapper over `aot bench decode`.
 */
import { benchDecode } from "../src/bench/suites/decode.ts";

const r = await benchDecode();
console.log(process.argv.includes("--json") ? JSON.stringify(r) : r);
