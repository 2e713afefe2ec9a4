/**
 * @file Generates the golden decoder vectors test/x86/vectors/<map>-<bits>.txt with the iced-x86
 * oracle. The byte strings are enumerated here, per opcode map (every opcode byte, ModRM register
 * and memory forms for each ModRM.reg, VEX/XOP prefixes over pp/L/W, ...); iced decides what they
 * are. One line per distinct (iced Code, register/memory) shape, so files stay a few thousand
 * lines:
 *
 *   bytes, Code, mnemonic, len, operand; operand; ...
 *
 * operands: `r:EAX`, `m:RAX+RCX*4+0x10` (RIP-relative: absolute address; displacement signed at
 * the address size), `i:0xffffffff` (immediate at its sign-extended width), `i2:0x..`,
 * `b:0x1400..` (branch target), `f:sel:off`, `ms` / `md` (string source / destination).
 * Invalid strings have Code INVALID and len 0.
 *
 *   bun scripts/gen-x86-vectors.ts        # rewrites test/x86/vectors/*.txt
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Code, Decoder, DecoderOptions, Instruction, Mnemonic, OpKind, Register } from "iced-x86";

const OUT = join(import.meta.dir, "..", "test", "x86", "vectors");
const FILL = [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee];
export const IP: Record<number, bigint> = { 16: 0x1000n, 32: 0x401000n, 64: 0x140001000n };

const hex = (n: bigint) => `0x${n.toString(16)}`;

/** Address-size width of a displacement: from the base/index register, else the encoded size. */
export function dispWidth(bits: number, reg: string, displBytes: number): number {
  if (/^(BX|BP|SI|DI)$/.test(reg)) return 16;
  if (/^(E[A-Z]{2}|R\d+D)$/.test(reg)) return 32;
  if (/^(R[A-Z]{2}|R\d+)$/.test(reg)) return 64;
  return displBytes === 2 ? 16 : displBytes === 8 || (bits === 64 && displBytes !== 4) ? 64 : 32;
}

/** `m:` operand text: registers, then the displacement (signed at its width; RIP-relative absolute). */
export function memText(base: string, index: string, scale: number, disp: bigint, rip: boolean, width: number): string {
  let s = [base, index ? `${index}*${scale}` : ""].filter(Boolean).join("+");
  const d = rip ? disp : BigInt.asIntN(width, disp);
  s += d < 0n ? `-${hex(-d)}` : `${s ? "+" : ""}${hex(d)}`;
  return `m:${s}`;
}

/** iced's view of one byte string, in the vector line format. */
export function icedLine(bits: 16 | 32 | 64, bytes: number[]): { key: string; line: string } {
  const buf = Uint8Array.from([...bytes, ...FILL]);
  const d = new Decoder(bits, buf, DecoderOptions.None);
  d.ip = IP[bits]!;
  const i = new Instruction();
  d.decodeOut(i);
  d.free();
  if (i.isInvalid) {
    const h = Buffer.from(bytes).toString("hex");
    i.free();
    return { key: `INVALID`, line: `${h}, INVALID, (bad), 0` };
  }
  const h = Buffer.from(buf.subarray(0, i.length)).toString("hex");
  const ops: string[] = [];
  for (let k = 0; k < i.opCount; k++) {
    const kind = i.opKind(k);
    switch (kind) {
      case OpKind.Register: ops.push(`r:${Register[i.opRegister(k)]}`); break;
      case OpKind.Memory: {
        const base = i.memoryBase === Register.None ? "" : Register[i.memoryBase]!;
        const index = i.memoryIndex === Register.None ? "" : Register[i.memoryIndex]!;
        const rip = i.memoryBase === Register.RIP || i.memoryBase === Register.EIP;
        ops.push(memText(base, index, i.memoryIndexScale, i.memoryDisplacementU64, rip, dispWidth(bits, base || index, i.memoryDisplSize)));
        break;
      }
      case OpKind.Immediate8_2nd: ops.push(`i2:${hex(BigInt(i.immediate8_2nd))}`); break;
      case OpKind.Immediate8: case OpKind.Immediate16: case OpKind.Immediate32: case OpKind.Immediate64:
      case OpKind.Immediate8to16: case OpKind.Immediate8to32: case OpKind.Immediate8to64: case OpKind.Immediate32to64:
        ops.push(`i:${hex(i.immediate(k))}`); break;
      case OpKind.NearBranch16: case OpKind.NearBranch32: case OpKind.NearBranch64: ops.push(`b:${hex(i.nearBranchTarget)}`); break;
      case OpKind.FarBranch16: ops.push(`f:${hex(BigInt(i.farBranchSelector))}:${hex(BigInt(i.farBranch16))}`); break;
      case OpKind.FarBranch32: ops.push(`f:${hex(BigInt(i.farBranchSelector))}:${hex(BigInt(i.farBranch32))}`); break;
      case OpKind.MemorySegSI: case OpKind.MemorySegESI: case OpKind.MemorySegRSI: ops.push("ms"); break;
      case OpKind.MemorySegDI: case OpKind.MemorySegEDI: case OpKind.MemorySegRDI: ops.push("ms"); break;
      case OpKind.MemoryESDI: case OpKind.MemoryESEDI: case OpKind.MemoryESRDI: ops.push("md"); break;
      default: ops.push(`?${OpKind[kind]}`);
    }
  }
  const shape = ops.map((o) => o.replace(/[:].*/, "")).join(",");
  const line = `${h}, ${Code[i.code]}, ${Mnemonic[i.mnemonic]!.toLowerCase()}, ${i.length}${ops.length ? ", " + ops.join("; ") : ""}`;
  const key = `${Code[i.code]}|${shape}|${i.length}`;
  i.free();
  return { key, line };
}

const REGFORM = (reg: number) => [0xc0 | (reg << 3) | 1];
const MEMFORMS = (reg: number) => [[0x44 | (reg << 3), 0x8b, 0x10], [0x80 | (reg << 3) | 3, 0x78, 0x56, 0x34, 0x12], [0x05 | (reg << 3), 0x10, 0, 0, 0]];

/** Byte strings for one opcode: each ModRM.reg in register and memory forms. */
function withModrm(prefix: number[]): number[][] {
  const out: number[][] = [];
  for (let reg = 0; reg < 8; reg++) {
    out.push([...prefix, ...REGFORM(reg)]);
    for (const m of MEMFORMS(reg)) out.push([...prefix, ...m]);
  }
  return out;
}

function primary(): number[][] {
  const out: number[][] = [];
  for (let op = 0; op < 256; op++) {
    if ([0x0f, 0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3].includes(op)) continue;
    if (op >= 0xd8 && op <= 0xdf) continue;
    out.push(...withModrm([op]));
  }
  return out;
}
const mapped = (esc: number[]) => () => {
  const out: number[][] = [];
  for (let op = 0; op < 256; op++) for (const p of [[], [0x66], [0xf3], [0xf2]]) out.push(...withModrm([...p, ...esc, op]));
  return out;
};
function x87(): number[][] {
  const out: number[][] = [];
  for (let op = 0xd8; op <= 0xdf; op++) {
    for (let m = 0xc0; m < 0x100; m++) out.push([op, m]);
    for (let reg = 0; reg < 8; reg++) out.push([op, 0x44 | (reg << 3), 0x8b, 0x10]);
  }
  return out;
}
function vex(): number[][] {
  const out: number[][] = [];
  for (let op = 0; op < 256; op++) {
    for (let pp = 0; pp < 4; pp++) for (const l of [0, 4]) {
      out.push([0xc5, 0xf8 | l | pp, op, 0xc1], [0xc5, 0x80 | l | pp, op, 0xc1], [0xc5, 0xf8 | l | pp, op, 0x44, 0x8b, 0x10], [0xc5, 0xf8 | l | pp, op, 0xd1]);
      for (const map of [2, 3]) for (const w of [0, 0x80]) {
        out.push([0xc4, 0xe0 | map, w | 0x78 | l | pp, op, 0xc1], [0xc4, 0xe0 | map, w | 0x40 | l | pp, op, 0x44, 0x8b, 0x10], [0xc4, 0xe0 | map, w | 0x78 | l | pp, op, 0xd1]);
        // Memory form with vvvv = 1111, for rows that have no vvvv operand (VBCSTNESH2PS, TILELOADD...).
        out.push([0xc4, 0xe0 | map, w | 0x78 | l | pp, op, 0x44, 0x8b, 0x10]);
      }
    }
  }
  return out;
}
function evex(): number[][] {
  const out: number[][] = [];
  for (const map of [1, 2, 3, 5, 6]) for (let op = 0; op < 256; op++) for (let pp = 0; pp < 4; pp++) for (const w of [0, 0x80]) for (const l of [0, 0x20, 0x40]) {
    const p0 = 0xf0 | map, p1 = w | 0x78 | 0x04 | pp;
    out.push([0x62, p0, p1, l | 0x08 | 1, op, 0xc1], [0x62, p0, p1, l | 0x08, op, 0x44, 0x8b, 0x10]);
  }
  return out;
}
function misc(): number[][] {
  const out: number[][] = [];
  const ops = [[0x01, 0xc8], [0x89, 0x44, 0x8b, 0x10], [0x81, 0x00], [0xa4], [0xa5], [0xab], [0xe8], [0xeb], [0x0f, 0x84], [0x90], [0xc7, 0x00], [0xb8], [0x0f, 0xb1, 0x08], [0xff, 0x10], [0x8d, 0x04, 0x24], [0x0f, 0x10, 0x08], [0xf7, 0x18]];
  const pfx = [[], [0x66], [0x67], [0xf0], [0xf2], [0xf3], [0x2e], [0x64], [0x48], [0x41], [0x66, 0x48], [0x48, 0x66], [0xf0, 0x66], [0x66, 0x67], [0x65, 0x67, 0x48]];
  for (const p of pfx) for (const o of ops) out.push([...p, ...o]);
  // The 15-byte limit: a 14- and a 15-byte instruction, then one byte too many.
  for (const n of [4, 5, 6]) out.push([...Array(n).fill(0x66), 0x2e, 0x67, 0xc7, 0x84, 0x88, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88].slice(0, 16));
  // XBEGIN's operand size follows 66 and REX.W in 64-bit mode too (66 → rel16, the soak tier's
  // 1-in-10 M find); its 16-bit fallback address is not truncated. Listed first per prefix so the
  // rel16/rel32 lines survive the one-line-per-Code rule.
  for (const p of [[0x66], [], [0x48], [0x66, 0x48], [0x48, 0x66], [0x67], [0x66, 0x67]]) out.push([...p, 0xc7, 0xf8, 0x59, 0xb8, 0xbb, 0x9e]);
  // KMOVQ r64/k (VEX.W1 F2 0F 92/93) is KMOVD r32/k outside 64-bit mode, where W is ignored (soak, fresh seed).
  for (const op of [0x92, 0x93]) out.push([0xc4, 0xe1, 0xfb, op, 0xf1], [0xc4, 0xe1, 0x7b, op, 0xf1]);
  // VCVTDQ2PD / VCVTUDQ2PD zmm (EVEX.512.F3.0F.W0 E6 / 7A) take {er}: EVEX.b on the register form is
  // a rounding control (L'L = RC, length 512), not invalid, as iced says (soak, fresh seed 0x79dad200).
  for (const op of [0xe6, 0x7a]) for (const p2 of [0x7c, 0x1c, 0x5c]) out.push([0x62, 0x71, 0x7e, p2, op, 0xc1]);
  return out;
}

const MAPS: Record<string, () => number[][]> = {
  primary, "0f": mapped([0x0f]), "0f38": mapped([0x0f, 0x38]), "0f3a": mapped([0x0f, 0x3a]), x87, vex, evex, misc,
};

/** Every vector file's name and content. */
export function generateVectors(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, gen] of Object.entries(MAPS)) {
    for (const bits of [16, 32, 64] as const) {
      const seen = new Set<string>();
      const lines: string[] = [];
      let invalid = 0;
      for (const b of gen()) {
        const { key, line } = icedLine(bits, b);
        if (key === "INVALID" ? invalid++ >= 200 : seen.has(key)) continue;
        seen.add(key);
        lines.push(line);
      }
      const header = `# generated by scripts/gen-x86-vectors.ts with iced-x86 1.21.0, do not edit (${name}, ${bits}-bit)\n`;
      files.set(`${name}-${bits}.txt`, header + lines.join("\n") + "\n");
    }
  }
  return files;
}

if (import.meta.main) {
  mkdirSync(OUT, { recursive: true });
  for (const [file, text] of generateVectors()) {
    writeFileSync(join(OUT, file), text);
    console.log(`${file}: ${text.split("\n").length - 2} lines`);
  }
}
