/**
 * @file x86 stage, data only: MMX, SSE, SSE2, SSE3 and SSE4a rows of the 0F map (SDM Vol. 2
 * Appendix A, Table A-3, the rows with mandatory prefixes NP/66/F3/F2).
 */
export const SSE_0F = `
# ── moves 0F 10-17 ──
NP 0F 10 /r | MOVUPS xmm1, xmm2/m128 | a=w,r
66 0F 10 /r | MOVUPD xmm1, xmm2/m128 | a=w,r
F3 0F 10 /r | MOVSS xmm1, xmm2/m32 | a=rw,r am=w,r
F2 0F 10 /r | MOVSD xmm1, xmm2/m64 | a=rw,r am=w,r
NP 0F 11 /r | MOVUPS xmm2/m128, xmm1 | a=w,r
66 0F 11 /r | MOVUPD xmm2/m128, xmm1 | a=w,r
F3 0F 11 /r | MOVSS xmm2/m32, xmm1 | a=rw,r am=w,r
F2 0F 11 /r | MOVSD xmm2/m64, xmm1 | a=rw,r am=w,r
NP 0F 12 /r | MOVLPS xmm1, m64 | a=rw,r
NP 0F 12 /r | MOVHLPS xmm1, xmm2 | a=rw,r
66 0F 12 /r | MOVLPD xmm1, m64 | a=rw,r
F3 0F 12 /r | MOVSLDUP xmm1, xmm2/m128 | a=w,r
F2 0F 12 /r | MOVDDUP xmm1, xmm2/m64 | a=w,r
NP 0F 13 /r | MOVLPS m64, xmm1 | a=w,r
66 0F 13 /r | MOVLPD m64, xmm1 | a=w,r
NP 0F 14 /r | UNPCKLPS xmm1, xmm2/m128 | a=rw,r
66 0F 14 /r | UNPCKLPD xmm1, xmm2/m128 | a=rw,r
NP 0F 15 /r | UNPCKHPS xmm1, xmm2/m128 | a=rw,r
66 0F 15 /r | UNPCKHPD xmm1, xmm2/m128 | a=rw,r
NP 0F 16 /r | MOVHPS xmm1, m64 | a=rw,r
NP 0F 16 /r | MOVLHPS xmm1, xmm2 | a=rw,r
66 0F 16 /r | MOVHPD xmm1, m64 | a=rw,r
F3 0F 16 /r | MOVSHDUP xmm1, xmm2/m128 | a=w,r
NP 0F 17 /r | MOVHPS m64, xmm1 | a=w,r
66 0F 17 /r | MOVHPD m64, xmm1 | a=w,r

# ── 0F 28-2F: aligned moves, conversions, compares ──
NP 0F 28 /r | MOVAPS xmm1, xmm2/m128 | a=w,r
66 0F 28 /r | MOVAPD xmm1, xmm2/m128 | a=w,r
NP 0F 29 /r | MOVAPS xmm2/m128, xmm1 | a=w,r
66 0F 29 /r | MOVAPD xmm2/m128, xmm1 | a=w,r
NP 0F 2A /r | CVTPI2PS xmm, mm/m64
66 0F 2A /r | CVTPI2PD xmm, mm/m64
F3 0F 2A /r | CVTSI2SS xmm1, r/m32
F3 REX.W 0F 2A /r | CVTSI2SS xmm1, r/m64 | o64
F2 0F 2A /r | CVTSI2SD xmm1, r/m32
F2 REX.W 0F 2A /r | CVTSI2SD xmm1, r/m64 | o64
NP 0F 2B /r | MOVNTPS m128, xmm1 | a=w,r
66 0F 2B /r | MOVNTPD m128, xmm1 | a=w,r
F3 0F 2B /r | MOVNTSS m32, xmm1 | a=w,r
F2 0F 2B /r | MOVNTSD m64, xmm1 | a=w,r
NP 0F 2C /r | CVTTPS2PI mm, xmm/m64
66 0F 2C /r | CVTTPD2PI mm, xmm/m128
F3 0F 2C /r | CVTTSS2SI r32, xmm1/m32
F3 REX.W 0F 2C /r | CVTTSS2SI r64, xmm1/m32 | o64
F2 0F 2C /r | CVTTSD2SI r32, xmm1/m64
F2 REX.W 0F 2C /r | CVTTSD2SI r64, xmm1/m64 | o64
NP 0F 2D /r | CVTPS2PI mm, xmm/m64
66 0F 2D /r | CVTPD2PI mm, xmm/m128
F3 0F 2D /r | CVTSS2SI r32, xmm1/m32
F3 REX.W 0F 2D /r | CVTSS2SI r64, xmm1/m32 | o64
F2 0F 2D /r | CVTSD2SI r32, xmm1/m64
F2 REX.W 0F 2D /r | CVTSD2SI r64, xmm1/m64 | o64
NP 0F 2E /r | UCOMISS xmm1, xmm2/m32 | fw=zpc f0=osa
66 0F 2E /r | UCOMISD xmm1, xmm2/m64 | fw=zpc f0=osa
NP 0F 2F /r | COMISS xmm1, xmm2/m32 | fw=zpc f0=osa
66 0F 2F /r | COMISD xmm1, xmm2/m64 | fw=zpc f0=osa

# ── 0F 50-5F: packed/scalar floating point ──
NP 0F 50 /r | MOVMSKPS r32, xmm2 | a=w,r
NP REX.W 0F 50 /r | MOVMSKPS r64, xmm2 | o64
66 0F 50 /r | MOVMSKPD r32, xmm2 | a=w,r
66 REX.W 0F 50 /r | MOVMSKPD r64, xmm2 | o64
NP 0F 51 /r | SQRTPS xmm1, xmm2/m128
66 0F 51 /r | SQRTPD xmm1, xmm2/m128
F3 0F 51 /r | SQRTSS xmm1, xmm2/m32
F2 0F 51 /r | SQRTSD xmm1, xmm2/m64
NP 0F 52 /r | RSQRTPS xmm1, xmm2/m128
F3 0F 52 /r | RSQRTSS xmm1, xmm2/m32
NP 0F 53 /r | RCPPS xmm1, xmm2/m128
F3 0F 53 /r | RCPSS xmm1, xmm2/m32
NP 0F 58 /r | ADDPS xmm1, xmm2/m128
66 0F 58 /r | ADDPD xmm1, xmm2/m128
F3 0F 58 /r | ADDSS xmm1, xmm2/m32
F2 0F 58 /r | ADDSD xmm1, xmm2/m64
NP 0F 59 /r | MULPS xmm1, xmm2/m128
66 0F 59 /r | MULPD xmm1, xmm2/m128
F3 0F 59 /r | MULSS xmm1, xmm2/m32
F2 0F 59 /r | MULSD xmm1, xmm2/m64
NP 0F 5C /r | SUBPS xmm1, xmm2/m128
66 0F 5C /r | SUBPD xmm1, xmm2/m128
F3 0F 5C /r | SUBSS xmm1, xmm2/m32
F2 0F 5C /r | SUBSD xmm1, xmm2/m64
NP 0F 5D /r | MINPS xmm1, xmm2/m128
66 0F 5D /r | MINPD xmm1, xmm2/m128
F3 0F 5D /r | MINSS xmm1, xmm2/m32
F2 0F 5D /r | MINSD xmm1, xmm2/m64
NP 0F 5E /r | DIVPS xmm1, xmm2/m128
66 0F 5E /r | DIVPD xmm1, xmm2/m128
F3 0F 5E /r | DIVSS xmm1, xmm2/m32
F2 0F 5E /r | DIVSD xmm1, xmm2/m64
NP 0F 5F /r | MAXPS xmm1, xmm2/m128
66 0F 5F /r | MAXPD xmm1, xmm2/m128
F3 0F 5F /r | MAXSS xmm1, xmm2/m32
F2 0F 5F /r | MAXSD xmm1, xmm2/m64
NP 0F 54 /r | ANDPS xmm1, xmm2/m128 | a=rw,r
66 0F 54 /r | ANDPD xmm1, xmm2/m128 | a=rw,r
NP 0F 55 /r | ANDNPS xmm1, xmm2/m128 | a=rw,r
66 0F 55 /r | ANDNPD xmm1, xmm2/m128 | a=rw,r
NP 0F 56 /r | ORPS xmm1, xmm2/m128 | a=rw,r
66 0F 56 /r | ORPD xmm1, xmm2/m128 | a=rw,r
NP 0F 57 /r | XORPS xmm1, xmm2/m128 | a=rw,r
66 0F 57 /r | XORPD xmm1, xmm2/m128 | a=rw,r
NP 0F 5A /r | CVTPS2PD xmm1, xmm2/m64
66 0F 5A /r | CVTPD2PS xmm1, xmm2/m128
F3 0F 5A /r | CVTSS2SD xmm1, xmm2/m32
F2 0F 5A /r | CVTSD2SS xmm1, xmm2/m64
NP 0F 5B /r | CVTDQ2PS xmm1, xmm2/m128
66 0F 5B /r | CVTPS2DQ xmm1, xmm2/m128
F3 0F 5B /r | CVTTPS2DQ xmm1, xmm2/m128

# ── MMX / SSE2 integer pairs (NP: mm, 66: xmm) ──
NP 0F 60 /r | PUNPCKLBW mm, mm/m32
66 0F 60 /r | PUNPCKLBW xmm1, xmm2/m128 | a=rw,r
NP 0F 61 /r | PUNPCKLWD mm, mm/m32
66 0F 61 /r | PUNPCKLWD xmm1, xmm2/m128 | a=rw,r
NP 0F 62 /r | PUNPCKLDQ mm, mm/m32
66 0F 62 /r | PUNPCKLDQ xmm1, xmm2/m128 | a=rw,r
NP 0F 63 /r | PACKSSWB mm, mm/m64
66 0F 63 /r | PACKSSWB xmm1, xmm2/m128
NP 0F 64 /r | PCMPGTB mm, mm/m64
66 0F 64 /r | PCMPGTB xmm1, xmm2/m128
NP 0F 65 /r | PCMPGTW mm, mm/m64
66 0F 65 /r | PCMPGTW xmm1, xmm2/m128
NP 0F 66 /r | PCMPGTD mm, mm/m64
66 0F 66 /r | PCMPGTD xmm1, xmm2/m128
NP 0F 67 /r | PACKUSWB mm, mm/m64
66 0F 67 /r | PACKUSWB xmm1, xmm2/m128
NP 0F 68 /r | PUNPCKHBW mm, mm/m64
66 0F 68 /r | PUNPCKHBW xmm1, xmm2/m128 | a=rw,r
NP 0F 69 /r | PUNPCKHWD mm, mm/m64
66 0F 69 /r | PUNPCKHWD xmm1, xmm2/m128 | a=rw,r
NP 0F 6A /r | PUNPCKHDQ mm, mm/m64
66 0F 6A /r | PUNPCKHDQ xmm1, xmm2/m128 | a=rw,r
NP 0F 6B /r | PACKSSDW mm, mm/m64
66 0F 6B /r | PACKSSDW xmm1, xmm2/m128
NP 0F 74 /r | PCMPEQB mm, mm/m64
66 0F 74 /r | PCMPEQB xmm1, xmm2/m128 | a=rw,r
NP 0F 75 /r | PCMPEQW mm, mm/m64
66 0F 75 /r | PCMPEQW xmm1, xmm2/m128 | a=rw,r
NP 0F 76 /r | PCMPEQD mm, mm/m64
66 0F 76 /r | PCMPEQD xmm1, xmm2/m128 | a=rw,r
NP 0F D1 /r | PSRLW mm, mm/m64
66 0F D1 /r | PSRLW xmm1, xmm2/m128
NP 0F D2 /r | PSRLD mm, mm/m64
66 0F D2 /r | PSRLD xmm1, xmm2/m128
NP 0F D3 /r | PSRLQ mm, mm/m64
66 0F D3 /r | PSRLQ xmm1, xmm2/m128
NP 0F D4 /r | PADDQ mm, mm/m64
66 0F D4 /r | PADDQ xmm1, xmm2/m128
NP 0F D5 /r | PMULLW mm, mm/m64
66 0F D5 /r | PMULLW xmm1, xmm2/m128
NP 0F D8 /r | PSUBUSB mm, mm/m64
66 0F D8 /r | PSUBUSB xmm1, xmm2/m128
NP 0F D9 /r | PSUBUSW mm, mm/m64
66 0F D9 /r | PSUBUSW xmm1, xmm2/m128
NP 0F DA /r | PMINUB mm, mm/m64
66 0F DA /r | PMINUB xmm1, xmm2/m128
NP 0F DB /r | PAND mm, mm/m64
66 0F DB /r | PAND xmm1, xmm2/m128 | a=rw,r
NP 0F DC /r | PADDUSB mm, mm/m64
66 0F DC /r | PADDUSB xmm1, xmm2/m128
NP 0F DD /r | PADDUSW mm, mm/m64
66 0F DD /r | PADDUSW xmm1, xmm2/m128
NP 0F DE /r | PMAXUB mm, mm/m64
66 0F DE /r | PMAXUB xmm1, xmm2/m128
NP 0F DF /r | PANDN mm, mm/m64
66 0F DF /r | PANDN xmm1, xmm2/m128 | a=rw,r
NP 0F E0 /r | PAVGB mm, mm/m64
66 0F E0 /r | PAVGB xmm1, xmm2/m128
NP 0F E1 /r | PSRAW mm, mm/m64
66 0F E1 /r | PSRAW xmm1, xmm2/m128
NP 0F E2 /r | PSRAD mm, mm/m64
66 0F E2 /r | PSRAD xmm1, xmm2/m128
NP 0F E3 /r | PAVGW mm, mm/m64
66 0F E3 /r | PAVGW xmm1, xmm2/m128
NP 0F E4 /r | PMULHUW mm, mm/m64
66 0F E4 /r | PMULHUW xmm1, xmm2/m128
NP 0F E5 /r | PMULHW mm, mm/m64
66 0F E5 /r | PMULHW xmm1, xmm2/m128
NP 0F E8 /r | PSUBSB mm, mm/m64
66 0F E8 /r | PSUBSB xmm1, xmm2/m128
NP 0F E9 /r | PSUBSW mm, mm/m64
66 0F E9 /r | PSUBSW xmm1, xmm2/m128
NP 0F EA /r | PMINSW mm, mm/m64
66 0F EA /r | PMINSW xmm1, xmm2/m128
NP 0F EB /r | POR mm, mm/m64
66 0F EB /r | POR xmm1, xmm2/m128 | a=rw,r
NP 0F EC /r | PADDSB mm, mm/m64
66 0F EC /r | PADDSB xmm1, xmm2/m128
NP 0F ED /r | PADDSW mm, mm/m64
66 0F ED /r | PADDSW xmm1, xmm2/m128
NP 0F EE /r | PMAXSW mm, mm/m64
66 0F EE /r | PMAXSW xmm1, xmm2/m128
NP 0F EF /r | PXOR mm, mm/m64
66 0F EF /r | PXOR xmm1, xmm2/m128 | a=rw,r
NP 0F F1 /r | PSLLW mm, mm/m64
66 0F F1 /r | PSLLW xmm1, xmm2/m128
NP 0F F2 /r | PSLLD mm, mm/m64
66 0F F2 /r | PSLLD xmm1, xmm2/m128
NP 0F F3 /r | PSLLQ mm, mm/m64
66 0F F3 /r | PSLLQ xmm1, xmm2/m128
NP 0F F4 /r | PMULUDQ mm, mm/m64
66 0F F4 /r | PMULUDQ xmm1, xmm2/m128
NP 0F F5 /r | PMADDWD mm, mm/m64
66 0F F5 /r | PMADDWD xmm1, xmm2/m128
NP 0F F6 /r | PSADBW mm, mm/m64
66 0F F6 /r | PSADBW xmm1, xmm2/m128
NP 0F F8 /r | PSUBB mm, mm/m64
66 0F F8 /r | PSUBB xmm1, xmm2/m128
NP 0F F9 /r | PSUBW mm, mm/m64
66 0F F9 /r | PSUBW xmm1, xmm2/m128
NP 0F FA /r | PSUBD mm, mm/m64
66 0F FA /r | PSUBD xmm1, xmm2/m128
NP 0F FB /r | PSUBQ mm, mm/m64
66 0F FB /r | PSUBQ xmm1, xmm2/m128
NP 0F FC /r | PADDB mm, mm/m64
66 0F FC /r | PADDB xmm1, xmm2/m128
NP 0F FD /r | PADDW mm, mm/m64
66 0F FD /r | PADDW xmm1, xmm2/m128
NP 0F FE /r | PADDD mm, mm/m64
66 0F FE /r | PADDD xmm1, xmm2/m128
66 0F 6C /r | PUNPCKLQDQ xmm1, xmm2/m128 | a=rw,r
66 0F 6D /r | PUNPCKHQDQ xmm1, xmm2/m128 | a=rw,r

# ── 0F 6E-7F: MOVD/MOVQ/MOVDQ*, shuffles, shift groups 12-14 ──
NP 0F 6E /r | MOVD mm, r/m32
NP REX.W 0F 6E /r | MOVQ mm, r/m64 | o64
66 0F 6E /r | MOVD xmm, r/m32 | a=w,r
66 REX.W 0F 6E /r | MOVQ xmm, r/m64 | o64
NP 0F 6F /r | MOVQ mm, mm/m64
66 0F 6F /r | MOVDQA xmm1, xmm2/m128 | a=w,r
F3 0F 6F /r | MOVDQU xmm1, xmm2/m128 | a=w,r
NP 0F 70 /r ib | PSHUFW mm1, mm2/m64, imm8
66 0F 70 /r ib | PSHUFD xmm1, xmm2/m128, imm8 | a=w,r,r
F3 0F 70 /r ib | PSHUFHW xmm1, xmm2/m128, imm8 | a=w,r,r
F2 0F 70 /r ib | PSHUFLW xmm1, xmm2/m128, imm8 | a=w,r,r
NP 0F 71 /2 ib | PSRLW mm, imm8
66 0F 71 /2 ib | PSRLW xmm1, imm8
NP 0F 71 /4 ib | PSRAW mm, imm8
66 0F 71 /4 ib | PSRAW xmm1, imm8
NP 0F 71 /6 ib | PSLLW mm, imm8
66 0F 71 /6 ib | PSLLW xmm1, imm8
NP 0F 72 /2 ib | PSRLD mm, imm8
66 0F 72 /2 ib | PSRLD xmm1, imm8
NP 0F 72 /4 ib | PSRAD mm, imm8
66 0F 72 /4 ib | PSRAD xmm1, imm8
NP 0F 72 /6 ib | PSLLD mm, imm8
66 0F 72 /6 ib | PSLLD xmm1, imm8
NP 0F 73 /2 ib | PSRLQ mm, imm8
66 0F 73 /2 ib | PSRLQ xmm1, imm8
NP 0F 73 /6 ib | PSLLQ mm, imm8
66 0F 73 /6 ib | PSLLQ xmm1, imm8
66 0F 73 /3 ib | PSRLDQ xmm1, imm8
66 0F 73 /7 ib | PSLLDQ xmm1, imm8
NP 0F 77 | EMMS
66 0F 78 /0 ib ib | EXTRQ xmm2, imm8, imm8 | a=rw,r,r
F2 0F 78 /r ib ib | INSERTQ xmm1, xmm2, imm8, imm8 | a=rw,r,r,r
66 0F 79 /r | EXTRQ xmm1, xmm2 | a=rw,r
F2 0F 79 /r | INSERTQ xmm1, xmm2 | a=rw,r
66 0F 7C /r | HADDPD xmm1, xmm2/m128
F2 0F 7C /r | HADDPS xmm1, xmm2/m128
66 0F 7D /r | HSUBPD xmm1, xmm2/m128
F2 0F 7D /r | HSUBPS xmm1, xmm2/m128
NP 0F 7E /r | MOVD r/m32, mm
NP REX.W 0F 7E /r | MOVQ r/m64, mm | o64
66 0F 7E /r | MOVD r/m32, xmm | a=w,r
66 REX.W 0F 7E /r | MOVQ r/m64, xmm | o64
F3 0F 7E /r | MOVQ xmm1, xmm2/m64 | a=w,r
NP 0F 7F /r | MOVQ mm/m64, mm
66 0F 7F /r | MOVDQA xmm2/m128, xmm1 | a=w,r
F3 0F 7F /r | MOVDQU xmm2/m128, xmm1 | a=w,r

# ── 0F C2-C6, D0-FF remaining ──
NP 0F C2 /r ib | CMPPS xmm1, xmm2/m128, imm8
66 0F C2 /r ib | CMPPD xmm1, xmm2/m128, imm8
F3 0F C2 /r ib | CMPSS xmm1, xmm2/m32, imm8
F2 0F C2 /r ib | CMPSD xmm1, xmm2/m64, imm8
NP 0F C4 /r ib | PINSRW mm, r32/m16, imm8
66 0F C4 /r ib | PINSRW xmm, r32/m16, imm8 | a=rw,r,r
NP 0F C5 /r ib | PEXTRW r32, mm, imm8
66 0F C5 /r ib | PEXTRW r32, xmm, imm8 | a=w,r,r
NP 0F C6 /r ib | SHUFPS xmm1, xmm2/m128, imm8 | a=rw,r,r
66 0F C6 /r ib | SHUFPD xmm1, xmm2/m128, imm8 | a=rw,r,r
66 0F D0 /r | ADDSUBPD xmm1, xmm2/m128
F2 0F D0 /r | ADDSUBPS xmm1, xmm2/m128
66 0F D6 /r | MOVQ xmm2/m64, xmm1 | a=w,r
F3 0F D6 /r | MOVQ2DQ xmm, mm
F2 0F D6 /r | MOVDQ2Q mm, xmm
NP 0F D7 /r | PMOVMSKB r32, mm
66 0F D7 /r | PMOVMSKB r32, xmm | a=w,r
66 0F E6 /r | CVTTPD2DQ xmm1, xmm2/m128
F3 0F E6 /r | CVTDQ2PD xmm1, xmm2/m64
F2 0F E6 /r | CVTPD2DQ xmm1, xmm2/m128
NP 0F E7 /r | MOVNTQ m64, mm
66 0F E7 /r | MOVNTDQ m128, xmm1 | a=w,r
F2 0F F0 /r | LDDQU xmm1, m128 | a=w,r
NP 0F F7 /r | MASKMOVQ m64(rdi), mm1, mm2
66 0F F7 /r | MASKMOVDQU m128(rdi), xmm1, xmm2
`;
