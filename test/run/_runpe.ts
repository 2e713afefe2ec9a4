/**
 * @file Expected results of test/fixtures-src/run/runpe.c, computed in TypeScript from the same
 * inputs: the inputs (array initializer, text buffer, stack-machine program and its opcode enum)
 * are parsed out of the C source so they cannot drift, and the algorithms are re-implemented
 * here (insertion sort with a move count, bitwise CRC-32, Adler-32, the stack machine).
 *
 *   const e = expectRunPe(readFileSync("test/fixtures-src/run/runpe.c", "utf8"));
 *   e.words;   // the 30 u32 of `struct results`; e.ret: the entry's return value
 */

export interface RunPeExpected {
  /** struct results as u32 words: sorted[24], crc, adler, vm_result, vm_steps, swaps, magic. */
  words: number[];
  ret: number;
}

function section(src: string, re: RegExp, what: string): string {
  const m = re.exec(src);
  if (!m?.[1]) throw new Error(`runpe.c: cannot find ${what}`);
  return m[1];
}

const cNumber = (t: string): number => Number(t.trim().replace(/[uU]$/, "")) >>> 0;

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

export function adler32(bytes: Uint8Array): number {
  let a = 1, b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** The stack machine of runpe.c with 32-bit int arithmetic; returns [result, steps]. */
function vm(code: number[], ops: Map<string, number>): [number, number] {
  const op = (n: string): number => ops.get(n)!;
  const st: number[] = [];
  let pc = 0, steps = 0;
  for (;;) {
    steps++;
    const o = code[pc++]!;
    const b = (): number => st.pop()!;
    if (o === op("PUSH")) st.push(code[pc++]!);
    else if (o === op("ADD")) { const y = b(); st.push((b() + y) | 0); }
    else if (o === op("SUB")) { const y = b(); st.push((b() - y) | 0); }
    else if (o === op("MUL")) { const y = b(); st.push(Math.imul(b(), y)); }
    else if (o === op("DUP")) st.push(st[st.length - 1]!);
    else if (o === op("SWAP")) { const y = b(), x = b(); st.push(y, x); }
    else if (o === op("DROP")) b();
    else if (o === op("JNZ")) { const t = code[pc++]!; if (b() !== 0) pc = t; }
    else if (o === op("DEC")) st.push((b() - 1) | 0);
    else if (o === op("OVER")) st.push(st[st.length - 2]!);
    else if (o === op("XOR")) { const y = b(); st.push(b() ^ y); }
    else if (o === op("SHL")) { const y = b(); st.push(b() << y); }
    else if (o === op("NEG")) st.push(-b() | 0);
    else if (o === op("ROT")) { const z = b(), y = b(), x = b(); st.push(y, z, x); }
    else if (o === op("HALT")) return [st[st.length - 1]!, steps];
    else return [-1, steps];
  }
}

export function expectRunPe(src: string): RunPeExpected {
  const enumNames = section(src, /enum\s*\{([^}]*)\}/, "the opcode enum").split(",").map((s) => s.trim()).filter(Boolean);
  const ops = new Map(enumNames.map((n, i) => [n, i]));
  const progSrc = section(src, /program\[\]\s*=\s*\{([\s\S]*?)\};/, "program[]").replace(/\/\*[\s\S]*?\*\//g, "");
  const code = progSrc.split(",").map((t) => t.trim()).filter(Boolean).map((t) => ops.get(t) ?? Number(t));
  const init = section(src, /struct results results\s*=\s*\{\s*\{([^}]*)\}/, "the results initializer");
  const arr = init.split(",").map(cNumber);
  const magic = cNumber(section(src, /0, 0, 0, 0, 0, (0x[0-9a-fA-F]+),\s*\};/, "the magic word"));
  const text = new TextEncoder().encode(JSON.parse(section(src, /text\[\]\s*=\s*("(?:[^"\\]|\\.)*")/, "text[]")) as string);

  let moves = 0;
  const sorted = [...arr];
  for (let i = 1; i < sorted.length; i++) {
    const v = sorted[i]!;
    let j = i - 1;
    while (j >= 0 && sorted[j]! > v) { sorted[j + 1] = sorted[j]!; j--; moves++; }
    sorted[j + 1] = v;
  }
  const crc = crc32(text), adl = adler32(text);
  const [res, steps] = vm(code, ops);
  const ret = (crc ^ adl ^ res ^ sorted[sorted.length - 1]!) >>> 0;
  return { words: [...sorted, crc, adl, res >>> 0, steps, moves, magic], ret };
}
