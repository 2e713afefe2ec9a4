/**
 * @file x86 stage, data only: AMD XOP (maps 8, 9, 0A: `XOP.L.map.W opcode`) and 3DNow! (0F 0F
 * with the opcode in the trailing imm8), from AMD64 APM Vol. 4 and Vol. 5. Cyrix's PFRCPV/PFRSQRTV
 * (86/87) are left out, as the iced-x86 oracle decodes them only on request.
 */
export const XOP_ROWS = `# ── XOP map 8: multiply-accumulate, VPCMOV/VPPERM, rotates by immediate, compares ──
XOP.128.M8.W0 85 /r /is4 | VPMACSSWW xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W0 86 /r /is4 | VPMACSSWD xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W0 87 /r /is4 | VPMACSSDQL xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W0 8E /r /is4 | VPMACSSDD xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W0 8F /r /is4 | VPMACSSDQH xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W0 95 /r /is4 | VPMACSWW xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W0 96 /r /is4 | VPMACSWD xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W0 97 /r /is4 | VPMACSDQL xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W0 9E /r /is4 | VPMACSDD xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W0 9F /r /is4 | VPMACSDQH xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W0 A6 /r /is4 | VPMADCSSWD xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W0 B6 /r /is4 | VPMADCSWD xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W0 A2 /r /is4 | VPCMOV xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W1 A2 /r /is4 | VPCMOV xmm1, xmm2, xmm3, xmm4/m128
XOP.256.M8.W0 A2 /r /is4 | VPCMOV ymm1, ymm2, ymm3/m256, ymm4
XOP.256.M8.W1 A2 /r /is4 | VPCMOV ymm1, ymm2, ymm3, ymm4/m256
XOP.128.M8.W0 A3 /r /is4 | VPPERM xmm1, xmm2, xmm3/m128, xmm4
XOP.128.M8.W1 A3 /r /is4 | VPPERM xmm1, xmm2, xmm3, xmm4/m128
XOP.128.M8.W0 C0 /r ib | VPROTB xmm1, xmm2/m128, imm8
XOP.128.M8.W0 C1 /r ib | VPROTW xmm1, xmm2/m128, imm8
XOP.128.M8.W0 C2 /r ib | VPROTD xmm1, xmm2/m128, imm8
XOP.128.M8.W0 C3 /r ib | VPROTQ xmm1, xmm2/m128, imm8
XOP.128.M8.W0 CC /r ib | VPCOMB xmm1, xmm2, xmm3/m128, imm8
XOP.128.M8.W0 CD /r ib | VPCOMW xmm1, xmm2, xmm3/m128, imm8
XOP.128.M8.W0 CE /r ib | VPCOMD xmm1, xmm2, xmm3/m128, imm8
XOP.128.M8.W0 CF /r ib | VPCOMQ xmm1, xmm2, xmm3/m128, imm8
XOP.128.M8.W0 EC /r ib | VPCOMUB xmm1, xmm2, xmm3/m128, imm8
XOP.128.M8.W0 ED /r ib | VPCOMUW xmm1, xmm2, xmm3/m128, imm8
XOP.128.M8.W0 EE /r ib | VPCOMUD xmm1, xmm2, xmm3/m128, imm8
XOP.128.M8.W0 EF /r ib | VPCOMUQ xmm1, xmm2, xmm3/m128, imm8

# ── XOP map 9: TBM, LWP, VFRCZ, shifts/rotates by register, horizontal adds ──
XOP.L0.M9.W0 01 /1 | BLCFILL r32, r/m32
XOP.L0.M9.W1 01 /1 | BLCFILL r64, r/m64 | o64
XOP.L0.M9.W1 01 /1 | BLCFILL r32, r/m32 | i64
XOP.L0.M9.W0 01 /2 | BLSFILL r32, r/m32
XOP.L0.M9.W1 01 /2 | BLSFILL r64, r/m64 | o64
XOP.L0.M9.W1 01 /2 | BLSFILL r32, r/m32 | i64
XOP.L0.M9.W0 01 /3 | BLCS r32, r/m32
XOP.L0.M9.W1 01 /3 | BLCS r64, r/m64 | o64
XOP.L0.M9.W1 01 /3 | BLCS r32, r/m32 | i64
XOP.L0.M9.W0 01 /4 | TZMSK r32, r/m32
XOP.L0.M9.W1 01 /4 | TZMSK r64, r/m64 | o64
XOP.L0.M9.W1 01 /4 | TZMSK r32, r/m32 | i64
XOP.L0.M9.W0 01 /5 | BLCIC r32, r/m32
XOP.L0.M9.W1 01 /5 | BLCIC r64, r/m64 | o64
XOP.L0.M9.W1 01 /5 | BLCIC r32, r/m32 | i64
XOP.L0.M9.W0 01 /6 | BLSIC r32, r/m32
XOP.L0.M9.W1 01 /6 | BLSIC r64, r/m64 | o64
XOP.L0.M9.W1 01 /6 | BLSIC r32, r/m32 | i64
XOP.L0.M9.W0 01 /7 | T1MSKC r32, r/m32
XOP.L0.M9.W1 01 /7 | T1MSKC r64, r/m64 | o64
XOP.L0.M9.W1 01 /7 | T1MSKC r32, r/m32 | i64
XOP.L0.M9.W0 02 /1 | BLCMSK r32, r/m32
XOP.L0.M9.W1 02 /1 | BLCMSK r64, r/m64 | o64
XOP.L0.M9.W1 02 /1 | BLCMSK r32, r/m32 | i64
XOP.L0.M9.W0 02 /6 | BLCI r32, r/m32
XOP.L0.M9.W1 02 /6 | BLCI r64, r/m64 | o64
XOP.L0.M9.W1 02 /6 | BLCI r32, r/m32 | i64
XOP.L0.M9.W0 12 /0 | LLWPCB r32
XOP.L0.M9.W1 12 /0 | LLWPCB r64 | o64
XOP.L0.M9.W1 12 /0 | LLWPCB r32 | i64
XOP.L0.M9.W0 12 /1 | SLWPCB r32
XOP.L0.M9.W1 12 /1 | SLWPCB r64 | o64
XOP.L0.M9.W1 12 /1 | SLWPCB r32 | i64
XOP.128.M9.W0 80 /r | VFRCZPS xmm1, xmm2/m128
XOP.128.M9.W0 81 /r | VFRCZPD xmm1, xmm2/m128
XOP.256.M9.W0 80 /r | VFRCZPS ymm1, ymm2/m256
XOP.256.M9.W0 81 /r | VFRCZPD ymm1, ymm2/m256
XOP.128.M9.W0 82 /r | VFRCZSS xmm1, xmm2/m32
XOP.128.M9.W0 83 /r | VFRCZSD xmm1, xmm2/m64
XOP.128.M9.W0 90 /r | VPROTB xmm1, xmm2/m128, xmm3
XOP.128.M9.W1 90 /r | VPROTB xmm1, xmm2, xmm3/m128
XOP.128.M9.W0 91 /r | VPROTW xmm1, xmm2/m128, xmm3
XOP.128.M9.W1 91 /r | VPROTW xmm1, xmm2, xmm3/m128
XOP.128.M9.W0 92 /r | VPROTD xmm1, xmm2/m128, xmm3
XOP.128.M9.W1 92 /r | VPROTD xmm1, xmm2, xmm3/m128
XOP.128.M9.W0 93 /r | VPROTQ xmm1, xmm2/m128, xmm3
XOP.128.M9.W1 93 /r | VPROTQ xmm1, xmm2, xmm3/m128
XOP.128.M9.W0 94 /r | VPSHLB xmm1, xmm2/m128, xmm3
XOP.128.M9.W1 94 /r | VPSHLB xmm1, xmm2, xmm3/m128
XOP.128.M9.W0 95 /r | VPSHLW xmm1, xmm2/m128, xmm3
XOP.128.M9.W1 95 /r | VPSHLW xmm1, xmm2, xmm3/m128
XOP.128.M9.W0 96 /r | VPSHLD xmm1, xmm2/m128, xmm3
XOP.128.M9.W1 96 /r | VPSHLD xmm1, xmm2, xmm3/m128
XOP.128.M9.W0 97 /r | VPSHLQ xmm1, xmm2/m128, xmm3
XOP.128.M9.W1 97 /r | VPSHLQ xmm1, xmm2, xmm3/m128
XOP.128.M9.W0 98 /r | VPSHAB xmm1, xmm2/m128, xmm3
XOP.128.M9.W1 98 /r | VPSHAB xmm1, xmm2, xmm3/m128
XOP.128.M9.W0 99 /r | VPSHAW xmm1, xmm2/m128, xmm3
XOP.128.M9.W1 99 /r | VPSHAW xmm1, xmm2, xmm3/m128
XOP.128.M9.W0 9A /r | VPSHAD xmm1, xmm2/m128, xmm3
XOP.128.M9.W1 9A /r | VPSHAD xmm1, xmm2, xmm3/m128
XOP.128.M9.W0 9B /r | VPSHAQ xmm1, xmm2/m128, xmm3
XOP.128.M9.W1 9B /r | VPSHAQ xmm1, xmm2, xmm3/m128
XOP.128.M9.W0 C1 /r | VPHADDBW xmm1, xmm2/m128
XOP.128.M9.W0 C2 /r | VPHADDBD xmm1, xmm2/m128
XOP.128.M9.W0 C3 /r | VPHADDBQ xmm1, xmm2/m128
XOP.128.M9.W0 C6 /r | VPHADDWD xmm1, xmm2/m128
XOP.128.M9.W0 C7 /r | VPHADDWQ xmm1, xmm2/m128
XOP.128.M9.W0 CB /r | VPHADDDQ xmm1, xmm2/m128
XOP.128.M9.W0 D1 /r | VPHADDUBW xmm1, xmm2/m128
XOP.128.M9.W0 D2 /r | VPHADDUBD xmm1, xmm2/m128
XOP.128.M9.W0 D3 /r | VPHADDUBQ xmm1, xmm2/m128
XOP.128.M9.W0 D6 /r | VPHADDUWD xmm1, xmm2/m128
XOP.128.M9.W0 D7 /r | VPHADDUWQ xmm1, xmm2/m128
XOP.128.M9.W0 DB /r | VPHADDUDQ xmm1, xmm2/m128
XOP.128.M9.W0 E1 /r | VPHSUBBW xmm1, xmm2/m128
XOP.128.M9.W0 E2 /r | VPHSUBWD xmm1, xmm2/m128
XOP.128.M9.W0 E3 /r | VPHSUBDQ xmm1, xmm2/m128

# ── XOP map A: TBM BEXTR, LWP ──
XOP.L0.MA.W0 10 /r id | BEXTR r32, r/m32, imm32
XOP.L0.MA.W1 10 /r id | BEXTR r64, r/m64, imm32 | o64
XOP.L0.MA.W1 10 /r id | BEXTR r32, r/m32, imm32 | i64
XOP.L0.MA.W0 12 /0 id | LWPINS r32, r/m32, imm32
XOP.L0.MA.W1 12 /0 id | LWPINS r64, r/m32, imm32 | o64
XOP.L0.MA.W1 12 /0 id | LWPINS r32, r/m32, imm32 | i64
XOP.L0.MA.W0 12 /1 id | LWPVAL r32, r/m32, imm32
XOP.L0.MA.W1 12 /1 id | LWPVAL r64, r/m32, imm32 | o64
XOP.L0.MA.W1 12 /1 id | LWPVAL r32, r/m32, imm32 | i64
`;

export const D3NOW_ROWS = `# ── 3DNow! (0F 0F /r ib: the trailing byte selects the instruction) ──
0F 0F 0C /r | PI2FW mm, mm/m64
0F 0F 0D /r | PI2FD mm, mm/m64
0F 0F 1C /r | PF2IW mm, mm/m64
0F 0F 1D /r | PF2ID mm, mm/m64
0F 0F 8A /r | PFNACC mm, mm/m64
0F 0F 8E /r | PFPNACC mm, mm/m64
0F 0F 90 /r | PFCMPGE mm, mm/m64
0F 0F 94 /r | PFMIN mm, mm/m64
0F 0F 96 /r | PFRCP mm, mm/m64
0F 0F 97 /r | PFRSQRT mm, mm/m64
0F 0F 9A /r | PFSUB mm, mm/m64
0F 0F 9E /r | PFADD mm, mm/m64
0F 0F A0 /r | PFCMPGT mm, mm/m64
0F 0F A4 /r | PFMAX mm, mm/m64
0F 0F A6 /r | PFRCPIT1 mm, mm/m64
0F 0F A7 /r | PFRSQIT1 mm, mm/m64
0F 0F AA /r | PFSUBR mm, mm/m64
0F 0F AE /r | PFACC mm, mm/m64
0F 0F B0 /r | PFCMPEQ mm, mm/m64
0F 0F B4 /r | PFMUL mm, mm/m64
0F 0F B6 /r | PFRCPIT2 mm, mm/m64
0F 0F B7 /r | PMULHRW mm, mm/m64
0F 0F BB /r | PSWAPD mm, mm/m64
0F 0F BF /r | PAVGUSB mm, mm/m64
`;
