/** Seeded PRNG shared by the fuzz and random tests (mulberry32): the one in src/verify/gen.ts. */
export { prng } from "../src/verify/gen.ts";
