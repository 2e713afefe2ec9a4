/** @file Runs the ARM64 encode bench suite: `bun bench/encode.ts [count]`. */
import { benchEncode } from "../src/bench/suites/encode.ts";

console.log(JSON.stringify(benchEncode(Number(process.argv[2] ?? 1_600_000))));
