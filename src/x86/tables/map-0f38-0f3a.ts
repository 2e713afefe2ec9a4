/**
 * @file x86 stage, data only: the three-byte maps 0F 38 and 0F 3A without VEX (SDM Vol. 2
 * Appendix A, Tables ): SSSE3, SSE4.1/4.2, AES, CLMUL, SHA, GFNI, MOVBE, CRC32,
 * ADCX/ADOX, VMX invalidation, MOVDIRI/MOVDIR64B.
 */
export const M0F38 = `
# ── SSSE3 pairs (NP: mm, 66: xmm) ──
NP 0F 38 00 /r | PSHUFB mm1, mm2/m64
66 0F 38 00 /r | PSHUFB xmm1, xmm2/m128
NP 0F 38 01 /r | PHADDW mm1, mm2/m64
66 0F 38 01 /r | PHADDW xmm1, xmm2/m128
NP 0F 38 02 /r | PHADDD mm1, mm2/m64
66 0F 38 02 /r | PHADDD xmm1, xmm2/m128
NP 0F 38 03 /r | PHADDSW mm1, mm2/m64
66 0F 38 03 /r | PHADDSW xmm1, xmm2/m128
NP 0F 38 04 /r | PMADDUBSW mm1, mm2/m64
66 0F 38 04 /r | PMADDUBSW xmm1, xmm2/m128
NP 0F 38 05 /r | PHSUBW mm1, mm2/m64
66 0F 38 05 /r | PHSUBW xmm1, xmm2/m128
NP 0F 38 06 /r | PHSUBD mm1, mm2/m64
66 0F 38 06 /r | PHSUBD xmm1, xmm2/m128
NP 0F 38 07 /r | PHSUBSW mm1, mm2/m64
66 0F 38 07 /r | PHSUBSW xmm1, xmm2/m128
NP 0F 38 08 /r | PSIGNB mm1, mm2/m64
66 0F 38 08 /r | PSIGNB xmm1, xmm2/m128
NP 0F 38 09 /r | PSIGNW mm1, mm2/m64
66 0F 38 09 /r | PSIGNW xmm1, xmm2/m128
NP 0F 38 0A /r | PSIGND mm1, mm2/m64
66 0F 38 0A /r | PSIGND xmm1, xmm2/m128
NP 0F 38 0B /r | PMULHRSW mm1, mm2/m64
66 0F 38 0B /r | PMULHRSW xmm1, xmm2/m128
NP 0F 38 1C /r | PABSB mm1, mm2/m64
66 0F 38 1C /r | PABSB xmm1, xmm2/m128
NP 0F 38 1D /r | PABSW mm1, mm2/m64
66 0F 38 1D /r | PABSW xmm1, xmm2/m128
NP 0F 38 1E /r | PABSD mm1, mm2/m64
66 0F 38 1E /r | PABSD xmm1, xmm2/m128

# ── SSE4.1 / SSE4.2 (66 0F 38) ──
66 0F 38 10 /r | PBLENDVB xmm1, xmm2/m128, <XMM0>
66 0F 38 14 /r | BLENDVPS xmm1, xmm2/m128, <XMM0>
66 0F 38 15 /r | BLENDVPD xmm1, xmm2/m128, <XMM0>
66 0F 38 17 /r | PTEST xmm1, xmm2/m128 | fw=zc f0=osap
66 0F 38 20 /r | PMOVSXBW xmm1, xmm2/m64
66 0F 38 21 /r | PMOVSXBD xmm1, xmm2/m32
66 0F 38 22 /r | PMOVSXBQ xmm1, xmm2/m16
66 0F 38 23 /r | PMOVSXWD xmm1, xmm2/m64
66 0F 38 24 /r | PMOVSXWQ xmm1, xmm2/m32
66 0F 38 25 /r | PMOVSXDQ xmm1, xmm2/m64
66 0F 38 30 /r | PMOVZXBW xmm1, xmm2/m64
66 0F 38 31 /r | PMOVZXBD xmm1, xmm2/m32
66 0F 38 32 /r | PMOVZXBQ xmm1, xmm2/m16
66 0F 38 33 /r | PMOVZXWD xmm1, xmm2/m64
66 0F 38 34 /r | PMOVZXWQ xmm1, xmm2/m32
66 0F 38 35 /r | PMOVZXDQ xmm1, xmm2/m64
66 0F 38 28 /r | PMULDQ xmm1, xmm2/m128
66 0F 38 29 /r | PCMPEQQ xmm1, xmm2/m128
66 0F 38 2B /r | PACKUSDW xmm1, xmm2/m128
66 0F 38 37 /r | PCMPGTQ xmm1, xmm2/m128
66 0F 38 38 /r | PMINSB xmm1, xmm2/m128
66 0F 38 39 /r | PMINSD xmm1, xmm2/m128
66 0F 38 3A /r | PMINUW xmm1, xmm2/m128
66 0F 38 3B /r | PMINUD xmm1, xmm2/m128
66 0F 38 3C /r | PMAXSB xmm1, xmm2/m128
66 0F 38 3D /r | PMAXSD xmm1, xmm2/m128
66 0F 38 3E /r | PMAXUW xmm1, xmm2/m128
66 0F 38 3F /r | PMAXUD xmm1, xmm2/m128
66 0F 38 40 /r | PMULLD xmm1, xmm2/m128
66 0F 38 41 /r | PHMINPOSUW xmm1, xmm2/m128
66 0F 38 CF /r | GF2P8MULB xmm1, xmm2/m128
66 0F 38 DB /r | AESIMC xmm1, xmm2/m128
66 0F 38 DC /r | AESENC xmm1, xmm2/m128
66 0F 38 DD /r | AESENCLAST xmm1, xmm2/m128
66 0F 38 DE /r | AESDEC xmm1, xmm2/m128
66 0F 38 DF /r | AESDECLAST xmm1, xmm2/m128
66 0F 38 2A /r | MOVNTDQA xmm1, m128
66 0F 38 80 /r | INVEPT r32, m128 | i64 fw=zc f0=osap
66 0F 38 80 /r | INVEPT r64, m128 | o64 fw=zc f0=osap
66 0F 38 81 /r | INVVPID r32, m128 | i64 fw=zc f0=osap
66 0F 38 81 /r | INVVPID r64, m128 | o64 fw=zc f0=osap
66 0F 38 82 /r | INVPCID r32, m128 | i64
66 0F 38 82 /r | INVPCID r64, m128 | o64

# ── SHA (NP 0F 38 C8-CD) ──
NP 0F 38 C8 /r | SHA1NEXTE xmm1, xmm2/m128
NP 0F 38 C9 /r | SHA1MSG1 xmm1, xmm2/m128
NP 0F 38 CA /r | SHA1MSG2 xmm1, xmm2/m128
NP 0F 38 CC /r | SHA256MSG1 xmm1, xmm2/m128
NP 0F 38 CD /r | SHA256MSG2 xmm1, xmm2/m128
NP 0F 38 CB /r | SHA256RNDS2 xmm1, xmm2/m128, <XMM0>

# ── MOVBE, CRC32, ADCX/ADOX, MOVDIRI/MOVDIR64B (0F 38 F0-F9) ──
0F 38 F0 /r | MOVBE r16, m16 | os16 norep
0F 38 F0 /r | MOVBE r32, m32 | os32 norep
0F 38 F0 /r | MOVBE r64, m64 | os64 norep
0F 38 F1 /r | MOVBE m16, r16 | os16 norep a=w,r
0F 38 F1 /r | MOVBE m32, r32 | os32 norep a=w,r
0F 38 F1 /r | MOVBE m64, r64 | os64 norep a=w,r
F2 0F 38 F0 /r | CRC32 r32, r/m8 | os16 id=Crc32_r32_rm8
F2 0F 38 F0 /r | CRC32 r32, r/m8 | os32
F2 REX.W 0F 38 F0 /r | CRC32 r64, r/m8 | os64
F2 0F 38 F1 /r | CRC32 r32, r/m16 | os16
F2 0F 38 F1 /r | CRC32 r32, r/m32 | os32
F2 REX.W 0F 38 F1 /r | CRC32 r64, r/m64 | os64
66 0F 38 F6 /r | ADCX r32, r/m32 | os32 fr=c fw=c
66 0F 38 F6 /r | ADCX r32, r/m32 | os16 fr=c fw=c id=Adcx_r32_rm32
66 REX.W 0F 38 F6 /r | ADCX r64, r/m64 | os64 fr=c fw=c
F3 0F 38 F6 /r | ADOX r32, r/m32 | os32 fr=o fw=o
F3 0F 38 F6 /r | ADOX r32, r/m32 | os16 fr=o fw=o id=Adox_r32_rm32
F3 REX.W 0F 38 F6 /r | ADOX r64, r/m64 | os64 fr=o fw=o
NP 0F 38 F9 /r | MOVDIRI m32, r32 | os32
NP 0F 38 F9 /r | MOVDIRI m32, r32 | os16 id=Movdiri_m32_r32
NP 0F 38 F9 /r | MOVDIRI m64, r64 | os64
NP 0F 38 FC /r | AADD m32, r32 | os16 id=Aadd_m32_r32
NP 0F 38 FC /r | AADD m32, r32 | os32
NP 0F 38 FC /r | AADD m64, r64 | os64
66 0F 38 FC /r | AAND m32, r32 | os16 id=Aand_m32_r32
66 0F 38 FC /r | AAND m32, r32 | os32
66 0F 38 FC /r | AAND m64, r64 | os64
F2 0F 38 FC /r | AOR m32, r32  | os16 id=Aor_m32_r32
F2 0F 38 FC /r | AOR m32, r32  | os32
F2 0F 38 FC /r | AOR m64, r64  | os64
F3 0F 38 FC /r | AXOR m32, r32 | os16 id=Axor_m32_r32
F3 0F 38 FC /r | AXOR m32, r32 | os32
F3 0F 38 FC /r | AXOR m64, r64 | os64
F2 0F 38 F8 /r | ENQCMD r16, m512 | as16 fw=z f0=osacp
F2 0F 38 F8 /r | ENQCMD r32, m512 | as32 fw=z f0=osacp
F2 0F 38 F8 /r | ENQCMD r64, m512 | as64 fw=z f0=osacp
F3 0F 38 F8 /r | ENQCMDS r16, m512 | as16 fw=z f0=osacp
F3 0F 38 F8 /r | ENQCMDS r32, m512 | as32 fw=z f0=osacp
F3 0F 38 F8 /r | ENQCMDS r64, m512 | as64 fw=z f0=osacp
NP 0F 38 F6 /r | WRSSD m32, r32 | os16 id=Wrssd_m32_r32
NP 0F 38 F6 /r | WRSSD m32, r32 | os32
NP 0F 38 F6 /r | WRSSQ m64, r64 | os64
66 0F 38 F5 /r | WRUSSD m32, r32 | os16 id=Wrussd_m32_r32
66 0F 38 F5 /r | WRUSSD m32, r32 | os32
66 0F 38 F5 /r | WRUSSQ m64, r64 | os64
# ── Key Locker (F3 0F 38 D8-DF, FA, FB) ──
F3 0F 38 D8 /0 | AESENCWIDE128KL m384 | fw=z f0=oacps
F3 0F 38 D8 /1 | AESDECWIDE128KL m384 | fw=z f0=oacps
F3 0F 38 D8 /2 | AESENCWIDE256KL m512 | fw=z f0=oacps
F3 0F 38 D8 /3 | AESDECWIDE256KL m512 | fw=z f0=oacps
F3 0F 38 DC /r | AESENC128KL xmm, m384 | fw=z f0=oacps
F3 0F 38 DC /r | LOADIWKEY xmm1, xmm2 | fw=z f0=osacp
F3 0F 38 DD /r | AESDEC128KL xmm, m384 | fw=z f0=oacps
F3 0F 38 DE /r | AESENC256KL xmm, m512 | fw=z f0=oacps
F3 0F 38 DF /r | AESDEC256KL xmm, m512 | fw=z f0=oacps
F3 0F 38 FA /r | ENCODEKEY128 r32, r32 | f0=oszacp
F3 0F 38 FB /r | ENCODEKEY256 r32, r32 | f0=oszacp
66 0F 38 F8 /r | MOVDIR64B r16, m512 | as16
66 0F 38 F8 /r | MOVDIR64B r32, m512 | as32
66 0F 38 F8 /r | MOVDIR64B r64, m512 | as64
`;

export const M0F3A = `
# ── 0F 3A: PALIGNR, SSE4.1, SSE4.2, AES, CLMUL, SHA, GFNI ──
NP 0F 3A 0F /r ib | PALIGNR mm1, mm2/m64, imm8
66 0F 3A 0F /r ib | PALIGNR xmm1, xmm2/m128, imm8
66 0F 3A 08 /r ib | ROUNDPS xmm1, xmm2/m128, imm8
66 0F 3A 09 /r ib | ROUNDPD xmm1, xmm2/m128, imm8
66 0F 3A 0A /r ib | ROUNDSS xmm1, xmm2/m32, imm8
66 0F 3A 0B /r ib | ROUNDSD xmm1, xmm2/m64, imm8
66 0F 3A 0C /r ib | BLENDPS xmm1, xmm2/m128, imm8
66 0F 3A 0D /r ib | BLENDPD xmm1, xmm2/m128, imm8
66 0F 3A 0E /r ib | PBLENDW xmm1, xmm2/m128, imm8
66 0F 3A 21 /r ib | INSERTPS xmm1, xmm2/m32, imm8
66 0F 3A 40 /r ib | DPPS xmm1, xmm2/m128, imm8
66 0F 3A 41 /r ib | DPPD xmm1, xmm2/m128, imm8
66 0F 3A 42 /r ib | MPSADBW xmm1, xmm2/m128, imm8
66 0F 3A 44 /r ib | PCLMULQDQ xmm1, xmm2/m128, imm8
66 0F 3A 60 /r ib | PCMPESTRM xmm1, xmm2/m128, imm8 | fw=oszc f0=ap
66 0F 3A 61 /r ib | PCMPESTRI xmm1, xmm2/m128, imm8 | fw=oszc f0=ap
66 0F 3A 62 /r ib | PCMPISTRM xmm1, xmm2/m128, imm8 | fw=oszc f0=ap
66 0F 3A 63 /r ib | PCMPISTRI xmm1, xmm2/m128, imm8 | fw=oszc f0=ap
66 0F 3A CE /r ib | GF2P8AFFINEQB xmm1, xmm2/m128, imm8
66 0F 3A CF /r ib | GF2P8AFFINEINVQB xmm1, xmm2/m128, imm8
66 0F 3A DF /r ib | AESKEYGENASSIST xmm1, xmm2/m128, imm8
NP 0F 3A CC /r ib | SHA1RNDS4 xmm1, xmm2/m128, imm8
66 0F 3A 14 /r ib | PEXTRB r32/m8, xmm2, imm8
66 REX.W 0F 3A 14 /r ib | PEXTRB r64/m8, xmm2, imm8 | o64
66 0F 3A 15 /r ib | PEXTRW r32/m16, xmm, imm8 | a=w,r,r
66 REX.W 0F 3A 15 /r ib | PEXTRW r64/m16, xmm, imm8 | o64 a=w,r,r
66 0F 3A 16 /r ib | PEXTRD r/m32, xmm2, imm8
66 REX.W 0F 3A 16 /r ib | PEXTRQ r/m64, xmm2, imm8 | o64
66 0F 3A 17 /r ib | EXTRACTPS r/m32, xmm1, imm8
66 REX.W 0F 3A 17 /r ib | EXTRACTPS r64/m32, xmm1, imm8 | o64
66 0F 3A 20 /r ib | PINSRB xmm1, r32/m8, imm8
66 REX.W 0F 3A 20 /r ib | PINSRB xmm1, r64/m8, imm8 | o64
66 0F 3A 22 /r ib | PINSRD xmm1, r/m32, imm8
66 REX.W 0F 3A 22 /r ib | PINSRQ xmm1, r/m64, imm8 | o64
F3 0F 3A F0 C0 ib | HRESET imm8
`;
