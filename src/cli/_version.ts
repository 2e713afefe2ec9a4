/**
 * aot's version; `aot --version` prints it and caches record it as their build id, so a change of
 * the runtime ABI (docs/runtime-abi.md) bumps it: 0.2.0 moved AF to bit 4 of x11 ^ x10. Kept in
 * step with package.json.
 */
export const VERSION = "0.2.0";
