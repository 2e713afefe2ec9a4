/**
 * @file Stage 2 (Wine prefix): public API. Finds the prefix, maps Windows <-> Unix paths,
 * resolves DLL names in the loader's search order (with API sets and Wine builtins) and builds an
 * executable's dependency closure.
 *
 *   import { findPrefix, dependencyClosure } from "../prefix/index.ts";
 *   const prefix = findPrefix({ exe });
 *   const { images, unresolved } = dependencyClosure(exe, { prefix });
 */
export { findPrefix, isPrefix, prefixUsers, readRegString, type WinePrefix } from "./prefix.ts";
export { PathMapper, findCaseInsensitive, resolveCaseInsensitive } from "./paths.ts";
export { apiSetHost, isApiSetName } from "./apiset.ts";
export { DllResolver, builtinDirs, type Resolution, type ResolverOptions, type Via } from "./resolve.ts";
export { dependencyClosure, forwarderDll, type Closure, type ClosureImage, type ClosureOptions, type Unresolved } from "./closure.ts";
