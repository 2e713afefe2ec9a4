/**
 * @file `aot bench decode [--json]`: x86 decode speed, ours against iced-x86 in the same process,
 * full-operand and length+mnemonic loops, heap growth over 10 M instructions, and start-up (time
 * to the first decoded instruction in a fresh process) (src/bench/suites/decode.ts).
 */
import { defineCommand } from "citty";
import { line } from "../../_out.ts";

const m = (ips: number) => `${(ips / 1e6).toFixed(1)} M/s`;

const decode = defineCommand({
  meta: { name: "decode", description: "x86 decoder instructions/s vs iced-x86 (full operands and mnemonic-only loops)" },
  args: { json: { type: "boolean", description: "One JSON object" } },
  async run({ args }) {
    const { benchDecode } = await import("../../../bench/suites/decode.ts");
    const r = await benchDecode();
    if (args.json) await line(JSON.stringify(r));
    else {
      await line(`decode: ${r.source}, ${r.instructions} instructions, ${r.bytes} bytes`);
      await line(`  full operands : ours ${m(r.ours_ips)}, iced-x86 ${m(r.iced_ips)}, ratio ${r.ratio}`);
      await line(`  length+mnem   : ours ${m(r.mnemonic_loop.ours_ips)}, iced-x86 ${m(r.mnemonic_loop.iced_ips)}, ratio ${r.mnemonic_loop.ratio} (operands: false)`);
      await line(`  length+mnem   : ours ${m(r.mnemonic_loop_full_decoder.ours_ips)} with the full decoder, ratio ${r.mnemonic_loop_full_decoder.ratio}`);
      await line(`  heap growth   : ${r.heap_growth_bytes} bytes over ${r.heap_instructions} instructions`);
      const s = r.startup;
      if (s.mode === "binary") await line(`  start-up      : a whole \`aot disasm --count 1\` process takes ${s.first_insn_ms} ms`);
      else await line(`  start-up      : first instruction ${s.first_insn_ms} ms after process start, ${s.decoder_ready_ms} ms after importing the decoder (compiling the rows instead: ${s.rows_build_ms} ms)`);
    }
    return 0;
  },
});

export default decode;
