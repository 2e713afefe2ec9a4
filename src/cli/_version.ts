/** aot's version; `aot --version` prints it and caches record it. Kept in step with package.json. */
export const VERSION = "0.1.0";
