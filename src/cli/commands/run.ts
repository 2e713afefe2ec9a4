/**
 * @file `aot run`: run an x86 program translated to ARM64 on Unicorn's ARM64 engine
 * (src/runtime/run.ts), with the same contract as the x86 reference runner:
 * `aot run --raw FILE --base ADDR --mode 32|64 [--entry ADDR] [--stack ADDR:SIZE --sp VALUE]
 * [--map ADDR:SIZE]... [--reg NAME=VALUE]... [--dump ADDR:LEN]... [--max-blocks N] [--json]`,
 * or `aot run IMAGE.exe [...]` for a CRT-less PE (mapped at its preferred base, started at its
 * entry point). `--json` prints one line: `{"regs": {…}, "rip", "eflags", "stop", "blocks",
 * "fallbacks", "dump"}`; `regs` holds the GPRs then `xmm0`..`xmm15` (`xmm7` for 32-bit code).
 *
 *   aot run --raw loops64.bin --base 0x140000000 --mode 64 --json
 */
import { defineCommand } from "citty";
import { line } from "../_out.ts";
import { readInput } from "../../util/input-file.ts";
import { InputError, UsageError } from "../../util/errors.ts";
import { uint } from "../_args.ts";

/** A whole number from 0 to 2^64 - 1 (the shared flag check). */
const num = (flag: string, s: string): bigint => uint(flag, s);

/** Every value of a repeatable flag (`--map a --map b`, `--map=a`). */
function repeated(raw: string[], flag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i]!;
    if (a === `--${flag}`) {
      const v = raw[++i];
      if (v === undefined) throw new UsageError(`--${flag} needs a value`);
      out.push(v);
    } else if (a.startsWith(`--${flag}=`)) out.push(a.slice(flag.length + 3));
  }
  return out;
}

function pair(flag: string, s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  if (i <= 0) throw new UsageError(`--${flag}: expected A${sep}B, got ${s}`);
  return [s.slice(0, i), s.slice(i + 1)];
}

export default defineCommand({
  meta: { name: "run", description: "Run an x86 program translated to ARM64 (on Unicorn's ARM64 engine)" },
  args: {
    image: { type: "positional", required: false, description: "A CRT-less PE image to run (or use --raw)" },
    raw: { type: "string", description: "Raw x86 code file, mapped read/write/execute at --base" },
    base: { type: "string", description: "Address of the raw file's first byte" },
    mode: { type: "string", description: "32 or 64 (raw files; a PE says its own)" },
    entry: { type: "string", description: "Start address (default: --base, or the PE entry point)" },
    stack: { type: "string", description: "ADDR:SIZE of a zeroed read/write stack (a sentinel return address is pushed below --sp)" },
    sp: { type: "string", description: "Initial stack pointer (default: the top of --stack)" },
    map: { type: "string", description: "ADDR:SIZE of an extra zeroed read/write region (repeatable)" },
    reg: { type: "string", description: "NAME=VALUE initial register, e.g. rcx=10; also xmm0..xmm15 (128-bit), eflags, fs_base, gs_base (repeatable)" },
    dump: { type: "string", description: "ADDR:LEN of memory to print after the run (repeatable)" },
    "max-blocks": { type: "string", description: "Stop with an error after N block runs (default 1000000)" },
    order: { type: "string", description: "Memory ordering policy: tso (default) or relaxed" },
    json: { type: "boolean", description: "One JSON line with the final state" },
  },
  async run({ args, rawArgs }) {
    let image: { raw: Uint8Array; base: bigint; file: string } | { pe: string };
    let bits: 32 | 64;
    if (args.raw) {
      if (args.image) throw new UsageError("give either a PE image or --raw FILE, not both");
      if (!args.base) throw new UsageError("--raw needs --base ADDR");
      if (args.mode !== "32" && args.mode !== "64") throw new UsageError("--raw needs --mode 32 or 64");
      // A regular file only (not /dev/zero, a FIFO or a directory), as every verb reads its input.
      const raw = readInput(args.raw).bytes;
      if (raw.length === 0) throw new InputError(args.raw, "is empty: no code to run", "empty");
      image = { raw, base: num("base", args.base), file: args.raw };
      bits = Number(args.mode) as 32 | 64;
    } else {
      if (!args.image) throw new UsageError("nothing to run: give a PE image or --raw FILE");
      if (args.base) throw new UsageError("--base applies to --raw files only (a PE is mapped at its preferred base)");
      const { loadPeFileSync } = await import("../../pe/index.ts");
      const pe = loadPeFileSync(args.image);
      bits = pe.is64 ? 64 : 32;
      if (args.mode && Number(args.mode) !== bits) throw new UsageError(`--mode ${args.mode}: ${args.image} is a ${bits}-bit image`);
      image = { pe: args.image };
    }
    const limit = bits === 64 ? 1n << 64n : 1n << 32n;
    const addr = (flag: string, s: string): bigint => {
      const v = num(flag, s);
      if (v >= limit) throw new UsageError(`--${flag}: ${s} is beyond the ${bits}-bit address space`);
      return v;
    };
    const region = (flag: string, s: string) => {
      const [a, n] = pair(flag, s, ":");
      const size = Number(num(flag, n));
      if (size <= 0 || size > 1 << 30) throw new UsageError(`--${flag}: size ${n} must be 1..1 GiB`);
      return { addr: addr(flag, a), size };
    };
    const regs: Record<string, bigint> = {};
    for (const r of repeated(rawArgs, "reg")) {
      const [name, v] = pair("reg", r, "=");
      // XMM registers take 128-bit values.
      regs[name] = /^xmm\d+$/i.test(name) ? uint("reg", v, (1n << 128n) - 1n) : num("reg", v);
    }
    const maxBlocks = args["max-blocks"] === undefined ? undefined : Number(num("max-blocks", args["max-blocks"]));
    if (args.order && args.order !== "tso" && args.order !== "relaxed") throw new UsageError(`--order: expected tso or relaxed, got ${args.order}`);
    const { runTranslated } = await import("../../runtime/run.ts");
    const r = runTranslated({
      bits, image,
      entry: args.entry ? addr("entry", args.entry) : undefined,
      stack: args.stack ? region("stack", args.stack) : undefined,
      sp: args.sp ? addr("sp", args.sp) : undefined,
      maps: repeated(rawArgs, "map").map((m) => region("map", m)),
      regs,
      dumps: repeated(rawArgs, "dump").map((d) => { const x = region("dump", d); return { addr: x.addr, len: x.size }; }),
      maxBlocks,
      memoryOrder: (args.order as "tso" | "relaxed" | undefined) ?? "tso",
    });
    const out = { regs: r.regs, rip: r.rip, eflags: r.eflags, stop: r.stop, blocks: r.blocks, fallbacks: r.fallbacks, dump: r.dump };
    if (args.json) await line(JSON.stringify(out));
    else {
      const lines = [`stop: ${r.stop}   rip ${r.rip}   eflags ${r.eflags}`];
      const names = Object.keys(r.regs).filter((n) => !n.startsWith("xmm"));
      for (let i = 0; i < names.length; i += 4)
        lines.push(names.slice(i, i + 4).map((n) => `${n.padStart(3)} ${r.regs[n]!.padStart(18)}`).join("  "));
      const xmm = Object.keys(r.regs).filter((n) => n.startsWith("xmm"));
      for (let i = 0; i < xmm.length; i += 2)
        lines.push(xmm.slice(i, i + 2).map((n) => `${n.padStart(5)} ${r.regs[n]!.padStart(34)}`).join("  "));
      lines.push(`blocks run ${r.blocks}, translated ${r.detail.translatedAhead} ahead + ${r.detail.translatedOnDemand} on demand, fallbacks ${r.fallbacks}` +
        (r.fallbacks ? ` (${Object.entries(r.detail.fallbackMnemonics).map(([m, n]) => `${m} ${n}`).join(", ")})` : "") +
        (r.detail.smc ? `, code pages rewritten ${r.detail.smc}` : "") + (r.detail.alignTraps ? `, misaligned atomics ${r.detail.alignTraps}` : ""));
      for (const [a, h] of Object.entries(r.dump)) lines.push(`${a}: ${h}`);
      await line(lines.join("\n"));
    }
    return 0;
  },
});
