/**
 * aot's version; `aot --version` prints it and caches record it as their build id, so a change of
 * the runtime ABI (docs/runtime-abi.md) bumps it: 0.2.0 moved AF to bit 4 of x11 ^ x10; 0.3.0 lets
 * a direct exit hand over only the flags its target may read (§4, flags across blocks), so caches
 * of 0.2.0 are replaced, not kept as current; 0.4.0 pairs pushes and pops, whose fault side-table
 * entries the runtime must split (§9, cache format 3). Kept in step with package.json.
 */
export const VERSION = "0.4.0";
