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
import { readFileSync } from "node:fs";
import { arch } from "node:os";
import { BASELINE, type HostFeatures } from "../arm64/features.ts";
import type { CacheConfig } from "../cache/format.ts";
import type { PeFile, VolatileMetadata } from "../pe/index.ts";
import { ORDERING, type Ordering } from "./translate.ts";

/** The configuration `aot compile` writes for an image of `target` (and `aot verify` expects). */
export function cacheConfigFor(target: CacheConfig["target"], pe?: Pick<PeFile, "loadConfig">, memoryOrder: CacheConfig["memoryOrder"] = "tso", features: HostFeatures = BASELINE): CacheConfig {
  return { target, memoryOrder, volatileMetadata: appliesVolatileMetadata(pe, memoryOrder), features: { ...features }, options: {} };
}

/**
 * Host features `aot compile --features` may assume beyond the baseline: those the lowering has
 * a use for (src/arm64/lower/flags.ts: CFINV and RMIF with FlagM). FlagM2 includes FlagM, as the
 * architecture requires; it changes no code yet but is recorded, so such a cache asks for it.
 */
export const OPTIONAL_FEATURES = ["flagm", "flagm2"] as const;

/** Is `f` a feature set this aot writes: the baseline plus any of OPTIONAL_FEATURES (FlagM2 with FlagM)? */
export const writableFeatures = (f: HostFeatures): boolean => f.lse && !f.rcpc && (!f.flagm2 || f.flagm);

/**
 * The feature set a `--features` value names: `baseline`; `host`, this ARM64 machine's (the
 * Features line of /proc/cpuinfo); or a comma-separated list of OPTIONAL_FEATURES. Throws an
 * Error whose message is one line naming what is wrong.
 */
export function featuresFrom(spec: string, cpuinfo: () => string = () => readFileSync("/proc/cpuinfo", "utf8"), machine = arch()): HostFeatures {
  const out: HostFeatures = { ...BASELINE };
  const text = spec.trim().toLowerCase();
  if (text === "baseline" || text === "") return out;
  if (text === "host") {
    if (machine !== "arm64") throw new Error(`--features host: this machine is ${machine}, not ARM64; name the features instead (${OPTIONAL_FEATURES.join(", ")})`);
    const line = cpuinfo().split("\n").find((l) => /^Features\s*:/.test(l));
    if (!line) throw new Error("--features host: /proc/cpuinfo has no Features line");
    const have = new Set(line.split(":")[1]!.trim().split(/\s+/));
    for (const f of OPTIONAL_FEATURES) if (have.has(f)) out[f] = true;
  } else {
    for (const word of text.split(",").map((w) => w.trim()).filter(Boolean)) {
      if (!(OPTIONAL_FEATURES as readonly string[]).includes(word)) throw new Error(`--features: unknown or unused feature ${JSON.stringify(word)} (baseline, host, or a list of ${OPTIONAL_FEATURES.join(", ")})`);
      out[word as (typeof OPTIONAL_FEATURES)[number]] = true;
    }
  }
  if (out.flagm2) out.flagm = true;
  return out;
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
