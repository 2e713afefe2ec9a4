/**
 * @file Random encoder-call generators for the ARM64 oracle tests and golden script. A generator
 * returns a Case: the call as replayable text, the word our encoder produced, and the assembly
 * llvm-mc should turn into the same word. The assembly is written from the call's arguments
 * independently of our disassembler, in llvm-mc's input syntax (aliases allowed).
 *
 *   const c = gen.addImm(new Rng(1));  // { call: "addImm(1, 0, 31, tryImm12(16), 0)", word, asm: "add x0, sp, #16" }
 */
export interface Case {
  call: string;
  word: number;
  asm: string;
}
export type Gen = (R: Rng) => Case;

/** mulberry32: small, fast and reproducible. */
export class Rng {
  constructor(private s: number) {}
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  bit(): 0 | 1 {
    return this.next() < 0.5 ? 0 : 1;
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)]!;
  }
  /** A register number, 31 a quarter of the time so the SP/ZR aliases get exercised. */
  reg(): number {
    return this.next() < 0.2 ? 31 : this.int(31);
  }
  /** A 64-bit value with structure: runs of ones, replicated chunks, small numbers. */
  u64(): bigint {
    const k = this.int(5);
    if (k === 0) return BigInt(this.int(65536)) << BigInt(16 * this.int(4));
    if (k === 1) return BigInt.asUintN(64, ~(BigInt(this.int(65536)) << BigInt(16 * this.int(4))));
    let v = 0n;
    for (let i = 0; i < 4; i++) v = (v << 16n) | BigInt(this.pick([0, 0xffff, this.int(65536), this.int(256)]));
    return v;
  }
}

/** An argument printed as an expression in the call text (e.g. `tryImm12(5)`) with its value. */
export class Expr {
  constructor(readonly text: string, readonly v: unknown) {}
}

const show = (a: unknown): string =>
  a instanceof Expr ? a.text : typeof a === "bigint" ? `0x${a.toString(16)}n` : typeof a === "string" ? JSON.stringify(a) : String(a);

/** Build a Case from an encoder, its exported name and arguments. */
export function call(name: string, fn: (...a: any[]) => number, args: unknown[], asm: string): Case {
  const word = fn(...args.map((a) => (a instanceof Expr ? a.v : a))) >>> 0;
  return { call: `${name}(${args.map(show).join(", ")})`, word, asm };
}

/** `tryX(args)` as an Expr; throws if the generator asked for a value that does not fit. */
export function tried(name: string, fn: (...a: any[]) => unknown, ...args: unknown[]): Expr {
  const v = fn(...args);
  if (v === undefined) throw new Error(`${name}(${args.map(show).join(", ")}) does not fit`);
  return new Expr(`${name}(${args.map(show).join(", ")})`, v);
}

export const xr = (sf: number, n: number): string => (n === 31 ? (sf ? "xzr" : "wzr") : (sf ? "x" : "w") + n);
export const xs = (sf: number, n: number): string => (n === 31 ? (sf ? "sp" : "wsp") : (sf ? "x" : "w") + n);
