/**
 * @file Stage 8 (compiler): the configuration an image's cache is compiled under, the one
 * definition `aot compile` writes and `aot verify` expects (src/verify/cache-verify.ts), and the
 * memory-ordering override the image's volatile metadata gives the translator (ABI §8).
 *
 * Under the tso policy an image with volatile metadata (MSVC `/volatileMetadata`: a table of the
 * accesses that must stay ordered and the ranges in which that table is complete) is compiled
 * with it applied: inside its ranges, listed accesses are ordered and every other access is plain;
 * outside them, the policy holds. The cache records `volatileMetadata: true` (header flag and
 * fingerprint). Under relaxed, nothing is ordered, so the metadata changes nothing and is not recorded.
 *
 *   const config = cacheConfigFor("arm64ec", pe);            // { ..., volatileMetadata: true } when pe has it
 *   const ordering = volatileOrdering(pe.loadConfig!.volatileMetadata!, pe.imageBase);
 *   new Translator({ mode: 64, lower, ordering });
 */
import { BASELINE } from "../arm64/features.ts";
import type { CacheConfig } from "../cache/format.ts";
import type { PeFile, VolatileMetadata } from "../pe/index.ts";
import { ORDERING, type Ordering } from "./translate.ts";

/** The configuration `aot compile` writes for an image of `target` (and `aot verify` expects). */
export function cacheConfigFor(target: CacheConfig["target"], pe?: Pick<PeFile, "loadConfig">, memoryOrder: CacheConfig["memoryOrder"] = "tso"): CacheConfig {
  return { target, memoryOrder, volatileMetadata: appliesVolatileMetadata(pe, memoryOrder), features: { ...BASELINE }, options: {} };
}

/** Whether compiling `pe` under `memoryOrder` applies its volatile metadata. */
export const appliesVolatileMetadata = (pe: Pick<PeFile, "loadConfig"> | undefined, memoryOrder: CacheConfig["memoryOrder"]): boolean =>
  memoryOrder === "tso" && pe?.loadConfig?.volatileMetadata !== undefined;

/**
 * The translator's `ordering` for an image with volatile metadata, by guest VA (the image mapped
 * at `imageBase`): ORDERED for a listed access inside the info ranges, PLAIN for any other
 * instruction inside them, POLICY outside.
 */
export function volatileOrdering(vm: VolatileMetadata, imageBase: bigint | number): (va: number) => Ordering {
  const base = Number(imageBase);
  // Ranges sorted and merged, as [start, end) pairs, for a binary search.
  const sorted = vm.infoRanges.filter((r) => r.size > 0).map((r) => [r.rva, r.rva + r.size] as [number, number]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const starts = Float64Array.from(merged, (r) => r[0]), ends = Float64Array.from(merged, (r) => r[1]);
  const listed = new Set(vm.accessRvas);
  return (va) => {
    const rva = va - base;
    let lo = 0, hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (rva < starts[mid]!) hi = mid - 1;
      else if (rva >= ends[mid]!) lo = mid + 1;
      else return listed.has(rva) ? ORDERING.ORDERED : ORDERING.PLAIN;
    }
    return ORDERING.POLICY;
  };
}
