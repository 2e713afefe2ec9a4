/**
 * @file x86 stage: the compiled lookup tables at run time. `tables()` decodes `_generated.ts`
 * (written by scripts/gen-x86-tables.ts from `_build.ts`, the row compiler) on first use, in a few
 * milliseconds; nothing on the decoding path imports the row files.
 *
 * Entry: nothing. Exit: `Tables`, all typed arrays: per form its mnemonic, operand descriptors and
 * immediate layout; per opcode space a 256-entry root into a decision tree (`nodes`) that
 * switches on mode, mandatory prefix, W, L, ModRM.mod/reg/rm, address size and REX.B until a leaf
 * holds the 16/32/64-bit operand-size forms.
 *
 *   const t = tables(); t.nodes[t.root[SP.PRIMARY * 256 + 0x01]] // → N.LEAF
 */
import { GENERATED_BLOB, GENERATED_LENGTHS } from "./_generated.ts";

/** Decision-tree node types (`nodes[n]`); children follow the type word. */
export const N = { INVALID: 0, LEAF: 1, MODE: 2, PFX: 3, W: 4, L: 5, MOD: 6, REG: 7, RM: 8, ASZ: 9, NOB: 10 } as const;
/** Leaf flags (`nodes[leaf + 4]`). */
export const LF = { D64: 1, F64: 2, M66: 4 } as const;
/** Form flags (`formFlags[f]`). */
export const FF = {
  LOCK: 1, REP: 2, REPE: 4, VVVV: 8, IS4: 16, MOFFS: 32, REL: 64, CONST1: 128, NOCS: 256, FAR: 512, EK: 1024, EZ: 2048,
  ERSAE: 4096, EBCST: 8192, DISTINCT: 16384, KREQ: 32768, IMM4: 65536, VSIBREG: 131072, DISTINCT3: 262144,
  NOREP: 524288, NO66: 1048576, VSIB: 2097152,
  /** Decoding an operand can still reject the encoding (register numbers, SIB/VSIB, distinctness). */
  OPCHECK: 4194304,
} as const;

export interface Tables {
  /** Form id per form (iced-style, e.g. `Add_rm32_r32`); index 0 is `INVALID`. */
  formIds: string[];
  mnemonics: string[];
  formMnem: Uint16Array;
  formOpCount: Uint8Array;
  formFlags: Uint32Array;
  formFlow: Uint8Array;
  /** Immediate bytes after ModRM/SIB/displacement: first and second immediate. */
  formImm1: Uint8Array;
  formImm2: Uint8Array;
  /** Width the first immediate sign-extends to (0 = zero-extended). */
  formImmExt: Uint8Array;
  /** EVEX disp8 scale when the row gives one (0 = the memory operand's size). */
  formDispN: Uint8Array;
  /** Operand descriptors, 5 per form: source (`S.*`), class/fixed register, size, extension. */
  opSrc: Uint8Array;
  opCls: Int16Array;
  opSize: Uint16Array;
  opExt: Uint8Array;
  root: Int32Array;
  hasModrm: Uint8Array;
  nodes: Int32Array;
  /** Per form, the decoder fast path's word and operand classes (`_fast.ts`). */
  formFast: Int32Array;
  formFastOps: Int32Array;
}

/** The typed-array fields of `Tables`, in serialisation order, with their element types. */
export const TABLE_ARRAYS = {
  formMnem: Uint16Array, formOpCount: Uint8Array, formFlags: Uint32Array, formFlow: Uint8Array, formImm1: Uint8Array,
  formImm2: Uint8Array, formImmExt: Uint8Array, formDispN: Uint8Array, opSrc: Uint8Array, opCls: Int16Array,
  opSize: Uint16Array, opExt: Uint8Array, root: Int32Array, hasModrm: Uint8Array, nodes: Int32Array,
  formFast: Int32Array, formFastOps: Int32Array,
} as const;

let cached: Tables | undefined;

/** The compiled tables, loaded from `_generated.ts` on first call. */
export function tables(): Tables {
  return (cached ??= load());
}

/**
 * Unpack `_generated.ts`: one raw-DEFLATE blob holding the typed arrays (little-endian, as x86-64
 * and ARM64 hosts are; each padded to 4 bytes) then the space-joined form ids and mnemonics.
 */
function load(): Tables {
  let blob = Bun.inflateSync(Buffer.from(GENERATED_BLOB, "base64"));
  if (blob.byteOffset % 4) blob = blob.slice();
  const out: Record<string, unknown> = {};
  let off = blob.byteOffset;
  for (const [name, Ctor] of Object.entries(TABLE_ARRAYS)) {
    const n = GENERATED_LENGTHS[name as keyof typeof GENERATED_LENGTHS];
    out[name] = new Ctor(blob.buffer, off, n);
    off += (n * Ctor.BYTES_PER_ELEMENT + 3) & ~3;
  }
  const text = new TextDecoder().decode(blob.subarray(off - blob.byteOffset));
  const [ids = "", mnemonics = ""] = text.split("\n");
  return { ...(out as Omit<Tables, "formIds" | "mnemonics">), formIds: ids.split(" "), mnemonics: mnemonics.split(" ") };
}
