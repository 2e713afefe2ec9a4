/**
 * @file Row operand access (`a=`) against the iced-x86 oracle, for every form whose mnemonic is
 * in SEMANTICS and that translates (not a fallback): each golden vector (primary and 0F maps, 32- and 64-bit mode) is decoded by our
 * decoder (giving the form, hence the row's `a=` list) and by iced, whose `InstructionInfo`
 * gives the access of each explicit operand. The semantics read and write operands as the rows
 * say, so a wrong row would be a wrong translation.
 *
 * iced → row letters: Read/CondRead → `r`, Write → `w`, ReadWrite/ReadCondWrite/CondWrite →
 * `rw` (a conditionally written operand keeps its old value otherwise, so that value is read:
 * CMOVcc's destination is CondWrite in 32-bit mode and ReadWrite for r32 in 64-bit mode, where
 * it is always zero-extended); None and NoMemAccess (LEA's and NOP's memory operand) are `-`.
 *
 * One noted disagreement: iced gives INSERTQ with immediates a write-only destination, but the
 * AMD APM keeps the destination's bits outside the field (read-write, as iced itself gives the
 * register form); test/verify/sse4a.test.ts shows the kept bits on QEMU 7.2, hand-worked.
 */
import { expect, test } from "bun:test";
import { Decoder as IcedDecoder, DecoderOptions, Instruction, InstructionInfoFactory, OpAccess } from "iced-x86";
import { Decoder, Insn, K, tables } from "../../../src/x86/index.ts";
import { buildTables } from "../../../src/x86/tables/_build.ts";
import { SEMANTICS } from "../../../src/x86/semantics/index.ts";
import { VA, one, vectors } from "./_translate.ts";

const LETTERS: Record<number, string> = {
  [OpAccess.None]: "-", [OpAccess.NoMemAccess]: "-", [OpAccess.Read]: "r", [OpAccess.CondRead]: "r",
  [OpAccess.Write]: "w", [OpAccess.CondWrite]: "rw", [OpAccess.ReadWrite]: "rw", [OpAccess.ReadCondWrite]: "rw",
};

test("row a= lists agree with iced-x86's operand access on every vector of a translated mnemonic", () => {
  const forms = buildTables().forms;
  const t = tables();
  const sem = new Set(Object.keys(SEMANTICS));
  const decoders = { 32: new Decoder(32), 64: new Decoder(64) };
  const insn = new Insn();
  const ii = new Instruction();
  const factory = new InstructionInfoFactory();
  const seen = new Map<number, string>(); // form → first disagreement
  let compared = 0;
  for (const [file, hex, mode] of vectors()) {
    const bytes = Uint8Array.from(Buffer.from(hex, "hex"));
    if (!decoders[mode].decode(bytes, 0, bytes.length, VA, insn)) continue;
    if (!sem.has(t.mnemonics[insn.mnemonic]!)) continue;
    // A form that falls back is not translated, so its row is not used (the SSE MOVSD/CMPSD share
    // the string instructions' mnemonic keys; their reg and mem forms differ in access anyway).
    if (one(hex, mode).result === "unhandled") continue;
    const d = new IcedDecoder(mode, bytes, DecoderOptions.None);
    d.ip = BigInt(VA);
    d.decodeOut(ii);
    d.free();
    const info = factory.info(ii);
    const iced: string[] = [];
    for (let k = 0; k < ii.opCount; k++) iced.push(LETTERS[info.opAccess(k)] ?? "?");
    info.free();
    const f = forms[insn.form]!;
    const row = f.accessMem.length && [0, 1, 2].some((k) => insn.kind[k] === K.MEM) ? f.accessMem : f.access;
    // Branch targets (rel, ptr16:32) are not data operands: rows carry no access for them.
    for (let k = 0; k < iced.length; k++) if (insn.kind[k] === K.BRANCH || insn.kind[k] === K.FAR) iced[k] = "-";
    if (t.formIds[insn.form] === "Insertq_xmm_xmm_imm8_imm8") iced[0] = "rw";
    const ours = iced.map((_, k) => row[k] ?? "-");
    compared++;
    if (ours.join(",") !== iced.join(",") && !seen.has(insn.form))
      seen.set(insn.form, `${t.formIds[insn.form]}: row a=${row.join(",") || "(none)"} | iced ${iced.join(",")} (${file}:${hex})`);
  }
  factory.free();
  ii.free();
  console.log(`operand access: ${compared} vectors compared, ${seen.size} forms disagree`);
  if (seen.size) console.log([...seen.values()].sort().join("\n"));
  expect([...seen.values()]).toEqual([]);
}, 60_000);
