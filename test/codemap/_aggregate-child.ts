/** @file Child process for the kill and concurrency tests: aggregate one cache dir, print JSON. */
import { aggregateCodeMaps } from "../../src/codemap/index.ts";

const r = aggregateCodeMaps(process.argv[2]!);
console.log(JSON.stringify({ imported: r.imported.length, changed: r.changed.length }));
