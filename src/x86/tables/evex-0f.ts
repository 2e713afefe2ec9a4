/**
 * @file x86 stage, data only: EVEX-encoded rows of map 0F (AVX-512 F/VL/BW/DQ), spelled as the SDM
 * opcode and instruction columns: `EVEX.L.pp.map.W opcode`, operands with their `{k1}{z}`,
 * `/mNNbcst`, `{er}` and `{sae}` decorations. Disp8*N scaling is not applied (lengths and
 * operands registers are exact; an EVEX disp8 reads unscaled).
 */
export const EVEX_0F = `EVEX.128.NP.0F.W0 58 /r | VADDPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.NP.0F.W0 58 /r | VADDPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.NP.0F.W0 58 /r | VADDPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F.W1 58 /r | VADDPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 58 /r | VADDPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 58 /r | VADDPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.F3.0F.W0 58 /r | VADDSS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.F2.0F.W1 58 /r | VADDSD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.NP.0F.W0 59 /r | VMULPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.NP.0F.W0 59 /r | VMULPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.NP.0F.W0 59 /r | VMULPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F.W1 59 /r | VMULPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 59 /r | VMULPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 59 /r | VMULPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.F3.0F.W0 59 /r | VMULSS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.F2.0F.W1 59 /r | VMULSD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.NP.0F.W0 5C /r | VSUBPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.NP.0F.W0 5C /r | VSUBPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.NP.0F.W0 5C /r | VSUBPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F.W1 5C /r | VSUBPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 5C /r | VSUBPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 5C /r | VSUBPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.F3.0F.W0 5C /r | VSUBSS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.F2.0F.W1 5C /r | VSUBSD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.NP.0F.W0 5E /r | VDIVPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.NP.0F.W0 5E /r | VDIVPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.NP.0F.W0 5E /r | VDIVPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F.W1 5E /r | VDIVPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 5E /r | VDIVPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 5E /r | VDIVPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.F3.0F.W0 5E /r | VDIVSS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.F2.0F.W1 5E /r | VDIVSD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.NP.0F.W0 5D /r | VMINPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.NP.0F.W0 5D /r | VMINPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.NP.0F.W0 5D /r | VMINPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{sae}
EVEX.128.66.0F.W1 5D /r | VMINPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 5D /r | VMINPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 5D /r | VMINPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{sae}
EVEX.LIG.F3.0F.W0 5D /r | VMINSS xmm1 {k1}{z}, xmm2, xmm3/m32{sae}
EVEX.LIG.F2.0F.W1 5D /r | VMINSD xmm1 {k1}{z}, xmm2, xmm3/m64{sae}
EVEX.128.NP.0F.W0 5F /r | VMAXPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.NP.0F.W0 5F /r | VMAXPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.NP.0F.W0 5F /r | VMAXPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{sae}
EVEX.128.66.0F.W1 5F /r | VMAXPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 5F /r | VMAXPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 5F /r | VMAXPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{sae}
EVEX.LIG.F3.0F.W0 5F /r | VMAXSS xmm1 {k1}{z}, xmm2, xmm3/m32{sae}
EVEX.LIG.F2.0F.W1 5F /r | VMAXSD xmm1 {k1}{z}, xmm2, xmm3/m64{sae}
EVEX.128.NP.0F.W0 51 /r | VSQRTPS xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.NP.0F.W0 51 /r | VSQRTPS ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.NP.0F.W0 51 /r | VSQRTPS zmm1 {k1}{z}, zmm2/m512/m32bcst{er}
EVEX.128.66.0F.W1 51 /r | VSQRTPD xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F.W1 51 /r | VSQRTPD ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F.W1 51 /r | VSQRTPD zmm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.LIG.F3.0F.W0 51 /r | VSQRTSS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.F2.0F.W1 51 /r | VSQRTSD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.NP.0F.W0 54 /r | VANDPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.NP.0F.W0 54 /r | VANDPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.NP.0F.W0 54 /r | VANDPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W1 54 /r | VANDPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 54 /r | VANDPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 54 /r | VANDPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.NP.0F.W0 55 /r | VANDNPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.NP.0F.W0 55 /r | VANDNPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.NP.0F.W0 55 /r | VANDNPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W1 55 /r | VANDNPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 55 /r | VANDNPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 55 /r | VANDNPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.NP.0F.W0 56 /r | VORPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.NP.0F.W0 56 /r | VORPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.NP.0F.W0 56 /r | VORPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W1 56 /r | VORPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 56 /r | VORPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 56 /r | VORPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.NP.0F.W0 57 /r | VXORPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.NP.0F.W0 57 /r | VXORPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.NP.0F.W0 57 /r | VXORPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W1 57 /r | VXORPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 57 /r | VXORPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 57 /r | VXORPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.NP.0F.W0 14 /r | VUNPCKLPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.NP.0F.W0 14 /r | VUNPCKLPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.NP.0F.W0 14 /r | VUNPCKLPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W1 14 /r | VUNPCKLPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 14 /r | VUNPCKLPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 14 /r | VUNPCKLPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.NP.0F.W0 15 /r | VUNPCKHPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.NP.0F.W0 15 /r | VUNPCKHPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.NP.0F.W0 15 /r | VUNPCKHPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W1 15 /r | VUNPCKHPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 15 /r | VUNPCKHPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 15 /r | VUNPCKHPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.NP.0F.W0 C6 /r ib | VSHUFPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst, imm8
EVEX.256.NP.0F.W0 C6 /r ib | VSHUFPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst, imm8
EVEX.512.NP.0F.W0 C6 /r ib | VSHUFPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst, imm8
EVEX.128.66.0F.W1 C6 /r ib | VSHUFPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst, imm8
EVEX.256.66.0F.W1 C6 /r ib | VSHUFPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F.W1 C6 /r ib | VSHUFPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst, imm8
EVEX.128.NP.0F.W0 C2 /r ib | VCMPPS k1 {k2}, xmm2, xmm3/m128/m32bcst, imm8
EVEX.256.NP.0F.W0 C2 /r ib | VCMPPS k1 {k2}, ymm2, ymm3/m256/m32bcst, imm8
EVEX.512.NP.0F.W0 C2 /r ib | VCMPPS k1 {k2}, zmm2, zmm3/m512/m32bcst{sae}, imm8
EVEX.128.66.0F.W1 C2 /r ib | VCMPPD k1 {k2}, xmm2, xmm3/m128/m64bcst, imm8
EVEX.256.66.0F.W1 C2 /r ib | VCMPPD k1 {k2}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F.W1 C2 /r ib | VCMPPD k1 {k2}, zmm2, zmm3/m512/m64bcst{sae}, imm8
EVEX.LIG.F3.0F.W0 C2 /r ib | VCMPSS k1 {k2}, xmm2, xmm3/m32{sae}, imm8
EVEX.LIG.F2.0F.W1 C2 /r ib | VCMPSD k1 {k2}, xmm2, xmm3/m64{sae}, imm8
EVEX.128.NP.0F.W0 10 /r | VMOVUPS xmm1 {k1}{z}, xmm2/m128
EVEX.256.NP.0F.W0 10 /r | VMOVUPS ymm1 {k1}{z}, ymm2/m256
EVEX.512.NP.0F.W0 10 /r | VMOVUPS zmm1 {k1}{z}, zmm2/m512
EVEX.128.NP.0F.W0 11 /r | VMOVUPS xmm2/m128 {k1}{z}, xmm1
EVEX.256.NP.0F.W0 11 /r | VMOVUPS ymm2/m256 {k1}{z}, ymm1
EVEX.512.NP.0F.W0 11 /r | VMOVUPS zmm2/m512 {k1}{z}, zmm1
EVEX.128.66.0F.W1 10 /r | VMOVUPD xmm1 {k1}{z}, xmm2/m128
EVEX.256.66.0F.W1 10 /r | VMOVUPD ymm1 {k1}{z}, ymm2/m256
EVEX.512.66.0F.W1 10 /r | VMOVUPD zmm1 {k1}{z}, zmm2/m512
EVEX.128.66.0F.W1 11 /r | VMOVUPD xmm2/m128 {k1}{z}, xmm1
EVEX.256.66.0F.W1 11 /r | VMOVUPD ymm2/m256 {k1}{z}, ymm1
EVEX.512.66.0F.W1 11 /r | VMOVUPD zmm2/m512 {k1}{z}, zmm1
EVEX.128.NP.0F.W0 28 /r | VMOVAPS xmm1 {k1}{z}, xmm2/m128
EVEX.256.NP.0F.W0 28 /r | VMOVAPS ymm1 {k1}{z}, ymm2/m256
EVEX.512.NP.0F.W0 28 /r | VMOVAPS zmm1 {k1}{z}, zmm2/m512
EVEX.128.NP.0F.W0 29 /r | VMOVAPS xmm2/m128 {k1}{z}, xmm1
EVEX.256.NP.0F.W0 29 /r | VMOVAPS ymm2/m256 {k1}{z}, ymm1
EVEX.512.NP.0F.W0 29 /r | VMOVAPS zmm2/m512 {k1}{z}, zmm1
EVEX.128.66.0F.W1 28 /r | VMOVAPD xmm1 {k1}{z}, xmm2/m128
EVEX.256.66.0F.W1 28 /r | VMOVAPD ymm1 {k1}{z}, ymm2/m256
EVEX.512.66.0F.W1 28 /r | VMOVAPD zmm1 {k1}{z}, zmm2/m512
EVEX.128.66.0F.W1 29 /r | VMOVAPD xmm2/m128 {k1}{z}, xmm1
EVEX.256.66.0F.W1 29 /r | VMOVAPD ymm2/m256 {k1}{z}, ymm1
EVEX.512.66.0F.W1 29 /r | VMOVAPD zmm2/m512 {k1}{z}, zmm1
EVEX.LIG.F3.0F.W0 10 /r | VMOVSS xmm1 {k1}{z}, xmm2, xmm3
EVEX.LIG.F3.0F.W0 10 /r | VMOVSS xmm1 {k1}{z}, m32
EVEX.LIG.F3.0F.W0 11 /r | VMOVSS xmm1 {k1}{z}, xmm2, xmm3 | en=MVR
EVEX.LIG.F3.0F.W0 11 /r | VMOVSS m32 {k1}, xmm1
EVEX.LIG.F2.0F.W1 10 /r | VMOVSD xmm1 {k1}{z}, xmm2, xmm3
EVEX.LIG.F2.0F.W1 10 /r | VMOVSD xmm1 {k1}{z}, m64
EVEX.LIG.F2.0F.W1 11 /r | VMOVSD xmm1 {k1}{z}, xmm2, xmm3 | en=MVR
EVEX.LIG.F2.0F.W1 11 /r | VMOVSD m64 {k1}, xmm1
EVEX.128.NP.0F.W0 12 /r | VMOVHLPS xmm1, xmm2, xmm3
EVEX.128.NP.0F.W0 12 /r | VMOVLPS xmm2, xmm1, m64
EVEX.128.66.0F.W1 12 /r | VMOVLPD xmm2, xmm1, m64
EVEX.128.NP.0F.W0 13 /r | VMOVLPS m64, xmm1
EVEX.128.66.0F.W1 13 /r | VMOVLPD m64, xmm1
EVEX.128.NP.0F.W0 16 /r | VMOVLHPS xmm1, xmm2, xmm3
EVEX.128.NP.0F.W0 16 /r | VMOVHPS xmm2, xmm1, m64
EVEX.128.66.0F.W1 16 /r | VMOVHPD xmm2, xmm1, m64
EVEX.128.NP.0F.W0 17 /r | VMOVHPS m64, xmm1
EVEX.128.66.0F.W1 17 /r | VMOVHPD m64, xmm1
EVEX.128.F3.0F.W0 12 /r | VMOVSLDUP xmm1 {k1}{z}, xmm2/m128
EVEX.256.F3.0F.W0 12 /r | VMOVSLDUP ymm1 {k1}{z}, ymm2/m256
EVEX.512.F3.0F.W0 12 /r | VMOVSLDUP zmm1 {k1}{z}, zmm2/m512
EVEX.128.F3.0F.W0 16 /r | VMOVSHDUP xmm1 {k1}{z}, xmm2/m128
EVEX.256.F3.0F.W0 16 /r | VMOVSHDUP ymm1 {k1}{z}, ymm2/m256
EVEX.512.F3.0F.W0 16 /r | VMOVSHDUP zmm1 {k1}{z}, zmm2/m512
EVEX.128.F2.0F.W1 12 /r | VMOVDDUP xmm1 {k1}{z}, xmm2/m64
EVEX.256.F2.0F.W1 12 /r | VMOVDDUP ymm1 {k1}{z}, ymm2/m256
EVEX.512.F2.0F.W1 12 /r | VMOVDDUP zmm1 {k1}{z}, zmm2/m512
EVEX.128.NP.0F.W0 2B /r | VMOVNTPS m128, xmm1
EVEX.128.66.0F.W1 2B /r | VMOVNTPD m128, xmm1
EVEX.128.66.0F.W0 E7 /r | VMOVNTDQ m128, xmm1
EVEX.256.NP.0F.W0 2B /r | VMOVNTPS m256, ymm1
EVEX.256.66.0F.W1 2B /r | VMOVNTPD m256, ymm1
EVEX.256.66.0F.W0 E7 /r | VMOVNTDQ m256, ymm1
EVEX.512.NP.0F.W0 2B /r | VMOVNTPS m512, zmm1
EVEX.512.66.0F.W1 2B /r | VMOVNTPD m512, zmm1
EVEX.512.66.0F.W0 E7 /r | VMOVNTDQ m512, zmm1
EVEX.128.NP.0F.W0 5A /r | VCVTPS2PD xmm1 {k1}{z}, xmm2/m64/m32bcst
EVEX.256.NP.0F.W0 5A /r | VCVTPS2PD ymm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.512.NP.0F.W0 5A /r | VCVTPS2PD zmm1 {k1}{z}, ymm2/m256/m32bcst{sae}
EVEX.128.66.0F.W1 5A /r | VCVTPD2PS xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F.W1 5A /r | VCVTPD2PS xmm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F.W1 5A /r | VCVTPD2PS ymm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.LIG.F3.0F.W0 5A /r | VCVTSS2SD xmm1 {k1}{z}, xmm2, xmm3/m32{sae}
EVEX.LIG.F2.0F.W1 5A /r | VCVTSD2SS xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.NP.0F.W0 5B /r | VCVTDQ2PS xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.NP.0F.W0 5B /r | VCVTDQ2PS ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.NP.0F.W0 5B /r | VCVTDQ2PS zmm1 {k1}{z}, zmm2/m512/m32bcst{er}
EVEX.128.66.0F.W0 5B /r | VCVTPS2DQ xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.66.0F.W0 5B /r | VCVTPS2DQ ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.66.0F.W0 5B /r | VCVTPS2DQ zmm1 {k1}{z}, zmm2/m512/m32bcst{er}
EVEX.128.F3.0F.W0 5B /r | VCVTTPS2DQ xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.F3.0F.W0 5B /r | VCVTTPS2DQ ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.F3.0F.W0 5B /r | VCVTTPS2DQ zmm1 {k1}{z}, zmm2/m512/m32bcst{sae}
EVEX.128.NP.0F.W1 5B /r | VCVTQQ2PS xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.NP.0F.W1 5B /r | VCVTQQ2PS xmm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.NP.0F.W1 5B /r | VCVTQQ2PS ymm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.128.66.0F.W1 E6 /r | VCVTTPD2DQ xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F.W1 E6 /r | VCVTTPD2DQ xmm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F.W1 E6 /r | VCVTTPD2DQ ymm1 {k1}{z}, zmm2/m512/m64bcst{sae}
EVEX.128.F2.0F.W1 E6 /r | VCVTPD2DQ xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.F2.0F.W1 E6 /r | VCVTPD2DQ xmm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.F2.0F.W1 E6 /r | VCVTPD2DQ ymm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.128.F3.0F.W0 E6 /r | VCVTDQ2PD xmm1 {k1}{z}, xmm2/m64/m32bcst
EVEX.256.F3.0F.W0 E6 /r | VCVTDQ2PD ymm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.512.F3.0F.W0 E6 /r | VCVTDQ2PD zmm1 {k1}{z}, ymm2/m256/m32bcst{er}
EVEX.128.F3.0F.W1 E6 /r | VCVTQQ2PD xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.F3.0F.W1 E6 /r | VCVTQQ2PD ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.F3.0F.W1 E6 /r | VCVTQQ2PD zmm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.LIG.F3.0F.W0 2A /r | VCVTSI2SS xmm1, xmm2, r/m32{er}
EVEX.LIG.F3.0F.W1 2A /r | VCVTSI2SS xmm1, xmm2, r/m64{er} | o64
EVEX.LIG.F3.0F.W1 2A /r | VCVTSI2SS xmm1, xmm2, r/m32{er} | i64
EVEX.LIG.F3.0F.W0 7B /r | VCVTUSI2SS xmm1, xmm2, r/m32{er}
EVEX.LIG.F3.0F.W1 7B /r | VCVTUSI2SS xmm1, xmm2, r/m64{er} | o64
EVEX.LIG.F3.0F.W1 7B /r | VCVTUSI2SS xmm1, xmm2, r/m32{er} | i64
EVEX.LIG.F3.0F.W0 2C /r | VCVTTSS2SI r32, xmm1/m32{sae}
EVEX.LIG.F3.0F.W1 2C /r | VCVTTSS2SI r64, xmm1/m32{sae} | o64
EVEX.LIG.F3.0F.W1 2C /r | VCVTTSS2SI r32, xmm1/m32{sae} | i64
EVEX.LIG.F3.0F.W0 2D /r | VCVTSS2SI r32, xmm1/m32{er}
EVEX.LIG.F3.0F.W1 2D /r | VCVTSS2SI r64, xmm1/m32{er} | o64
EVEX.LIG.F3.0F.W1 2D /r | VCVTSS2SI r32, xmm1/m32{er} | i64
EVEX.LIG.F3.0F.W0 78 /r | VCVTTSS2USI r32, xmm1/m32{sae}
EVEX.LIG.F3.0F.W1 78 /r | VCVTTSS2USI r64, xmm1/m32{sae} | o64
EVEX.LIG.F3.0F.W1 78 /r | VCVTTSS2USI r32, xmm1/m32{sae} | i64
EVEX.LIG.F3.0F.W0 79 /r | VCVTSS2USI r32, xmm1/m32{er}
EVEX.LIG.F3.0F.W1 79 /r | VCVTSS2USI r64, xmm1/m32{er} | o64
EVEX.LIG.F3.0F.W1 79 /r | VCVTSS2USI r32, xmm1/m32{er} | i64
EVEX.LIG.F2.0F.W0 2A /r | VCVTSI2SD xmm1, xmm2, r/m32{er}
EVEX.LIG.F2.0F.W1 2A /r | VCVTSI2SD xmm1, xmm2, r/m64{er} | o64
EVEX.LIG.F2.0F.W1 2A /r | VCVTSI2SD xmm1, xmm2, r/m32{er} | i64
EVEX.LIG.F2.0F.W0 7B /r | VCVTUSI2SD xmm1, xmm2, r/m32{er}
EVEX.LIG.F2.0F.W1 7B /r | VCVTUSI2SD xmm1, xmm2, r/m64{er} | o64
EVEX.LIG.F2.0F.W1 7B /r | VCVTUSI2SD xmm1, xmm2, r/m32{er} | i64
EVEX.LIG.F2.0F.W0 2C /r | VCVTTSD2SI r32, xmm1/m64{sae}
EVEX.LIG.F2.0F.W1 2C /r | VCVTTSD2SI r64, xmm1/m64{sae} | o64
EVEX.LIG.F2.0F.W1 2C /r | VCVTTSD2SI r32, xmm1/m64{sae} | i64
EVEX.LIG.F2.0F.W0 2D /r | VCVTSD2SI r32, xmm1/m64{er}
EVEX.LIG.F2.0F.W1 2D /r | VCVTSD2SI r64, xmm1/m64{er} | o64
EVEX.LIG.F2.0F.W1 2D /r | VCVTSD2SI r32, xmm1/m64{er} | i64
EVEX.LIG.F2.0F.W0 78 /r | VCVTTSD2USI r32, xmm1/m64{sae}
EVEX.LIG.F2.0F.W1 78 /r | VCVTTSD2USI r64, xmm1/m64{sae} | o64
EVEX.LIG.F2.0F.W1 78 /r | VCVTTSD2USI r32, xmm1/m64{sae} | i64
EVEX.LIG.F2.0F.W0 79 /r | VCVTSD2USI r32, xmm1/m64{er}
EVEX.LIG.F2.0F.W1 79 /r | VCVTSD2USI r64, xmm1/m64{er} | o64
EVEX.LIG.F2.0F.W1 79 /r | VCVTSD2USI r32, xmm1/m64{er} | i64
EVEX.LIG.NP.0F.W0 2E /r | VUCOMISS xmm1, xmm2/m32{sae} | fw=zcp f0=osa
EVEX.LIG.66.0F.W1 2E /r | VUCOMISD xmm1, xmm2/m64{sae} | fw=zcp f0=osa
EVEX.LIG.NP.0F.W0 2F /r | VCOMISS xmm1, xmm2/m32{sae} | fw=zcp f0=osa
EVEX.LIG.66.0F.W1 2F /r | VCOMISD xmm1, xmm2/m64{sae} | fw=zcp f0=osa
EVEX.128.NP.0F.W0 78 /r | VCVTTPS2UDQ xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.NP.0F.W0 78 /r | VCVTTPS2UDQ ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.NP.0F.W0 78 /r | VCVTTPS2UDQ zmm1 {k1}{z}, zmm2/m512/m32bcst{sae}
EVEX.128.NP.0F.W1 78 /r | VCVTTPD2UDQ xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.NP.0F.W1 78 /r | VCVTTPD2UDQ xmm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.NP.0F.W1 78 /r | VCVTTPD2UDQ ymm1 {k1}{z}, zmm2/m512/m64bcst{sae}
EVEX.128.NP.0F.W0 79 /r | VCVTPS2UDQ xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.NP.0F.W0 79 /r | VCVTPS2UDQ ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.NP.0F.W0 79 /r | VCVTPS2UDQ zmm1 {k1}{z}, zmm2/m512/m32bcst{er}
EVEX.128.NP.0F.W1 79 /r | VCVTPD2UDQ xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.NP.0F.W1 79 /r | VCVTPD2UDQ xmm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.NP.0F.W1 79 /r | VCVTPD2UDQ ymm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.128.66.0F.W0 78 /r | VCVTTPS2UQQ xmm1 {k1}{z}, xmm2/m64/m32bcst
EVEX.256.66.0F.W0 78 /r | VCVTTPS2UQQ ymm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.512.66.0F.W0 78 /r | VCVTTPS2UQQ zmm1 {k1}{z}, ymm2/m256/m32bcst{sae}
EVEX.128.66.0F.W1 78 /r | VCVTTPD2UQQ xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F.W1 78 /r | VCVTTPD2UQQ ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F.W1 78 /r | VCVTTPD2UQQ zmm1 {k1}{z}, zmm2/m512/m64bcst{sae}
EVEX.128.66.0F.W0 79 /r | VCVTPS2UQQ xmm1 {k1}{z}, xmm2/m64/m32bcst
EVEX.256.66.0F.W0 79 /r | VCVTPS2UQQ ymm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.512.66.0F.W0 79 /r | VCVTPS2UQQ zmm1 {k1}{z}, ymm2/m256/m32bcst{er}
EVEX.128.66.0F.W1 79 /r | VCVTPD2UQQ xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F.W1 79 /r | VCVTPD2UQQ ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F.W1 79 /r | VCVTPD2UQQ zmm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.128.66.0F.W0 7A /r | VCVTTPS2QQ xmm1 {k1}{z}, xmm2/m64/m32bcst
EVEX.256.66.0F.W0 7A /r | VCVTTPS2QQ ymm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.512.66.0F.W0 7A /r | VCVTTPS2QQ zmm1 {k1}{z}, ymm2/m256/m32bcst{sae}
EVEX.128.66.0F.W1 7A /r | VCVTTPD2QQ xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F.W1 7A /r | VCVTTPD2QQ ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F.W1 7A /r | VCVTTPD2QQ zmm1 {k1}{z}, zmm2/m512/m64bcst{sae}
EVEX.128.66.0F.W0 7B /r | VCVTPS2QQ xmm1 {k1}{z}, xmm2/m64/m32bcst
EVEX.256.66.0F.W0 7B /r | VCVTPS2QQ ymm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.512.66.0F.W0 7B /r | VCVTPS2QQ zmm1 {k1}{z}, ymm2/m256/m32bcst{er}
EVEX.128.66.0F.W1 7B /r | VCVTPD2QQ xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F.W1 7B /r | VCVTPD2QQ ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F.W1 7B /r | VCVTPD2QQ zmm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.128.F3.0F.W0 7A /r | VCVTUDQ2PD xmm1 {k1}{z}, xmm2/m64/m32bcst
EVEX.256.F3.0F.W0 7A /r | VCVTUDQ2PD ymm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.512.F3.0F.W0 7A /r | VCVTUDQ2PD zmm1 {k1}{z}, ymm2/m256/m32bcst{er}
EVEX.128.F2.0F.W0 7A /r | VCVTUDQ2PS xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.F2.0F.W0 7A /r | VCVTUDQ2PS ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.F2.0F.W0 7A /r | VCVTUDQ2PS zmm1 {k1}{z}, zmm2/m512/m32bcst{er}
EVEX.128.F3.0F.W1 7A /r | VCVTUQQ2PD xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.F3.0F.W1 7A /r | VCVTUQQ2PD ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.F3.0F.W1 7A /r | VCVTUQQ2PD zmm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.128.F2.0F.W1 7A /r | VCVTUQQ2PS xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.F2.0F.W1 7A /r | VCVTUQQ2PS xmm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.F2.0F.W1 7A /r | VCVTUQQ2PS ymm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.128.66.0F.WIG FC /r | VPADDB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG FC /r | VPADDB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG FC /r | VPADDB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG FD /r | VPADDW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG FD /r | VPADDW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG FD /r | VPADDW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG F8 /r | VPSUBB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG F8 /r | VPSUBB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG F8 /r | VPSUBB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG F9 /r | VPSUBW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG F9 /r | VPSUBW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG F9 /r | VPSUBW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG EC /r | VPADDSB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG EC /r | VPADDSB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG EC /r | VPADDSB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG ED /r | VPADDSW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG ED /r | VPADDSW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG ED /r | VPADDSW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG DC /r | VPADDUSB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG DC /r | VPADDUSB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG DC /r | VPADDUSB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG DD /r | VPADDUSW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG DD /r | VPADDUSW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG DD /r | VPADDUSW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG E8 /r | VPSUBSB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG E8 /r | VPSUBSB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG E8 /r | VPSUBSB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG E9 /r | VPSUBSW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG E9 /r | VPSUBSW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG E9 /r | VPSUBSW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG D8 /r | VPSUBUSB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG D8 /r | VPSUBUSB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG D8 /r | VPSUBUSB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG D9 /r | VPSUBUSW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG D9 /r | VPSUBUSW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG D9 /r | VPSUBUSW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG D5 /r | VPMULLW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG D5 /r | VPMULLW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG D5 /r | VPMULLW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG E5 /r | VPMULHW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG E5 /r | VPMULHW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG E5 /r | VPMULHW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG E4 /r | VPMULHUW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG E4 /r | VPMULHUW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG E4 /r | VPMULHUW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG F5 /r | VPMADDWD xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG F5 /r | VPMADDWD ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG F5 /r | VPMADDWD zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG E0 /r | VPAVGB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG E0 /r | VPAVGB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG E0 /r | VPAVGB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG E3 /r | VPAVGW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG E3 /r | VPAVGW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG E3 /r | VPAVGW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG DA /r | VPMINUB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG DA /r | VPMINUB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG DA /r | VPMINUB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG DE /r | VPMAXUB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG DE /r | VPMAXUB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG DE /r | VPMAXUB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG EA /r | VPMINSW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG EA /r | VPMINSW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG EA /r | VPMINSW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG EE /r | VPMAXSW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG EE /r | VPMAXSW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG EE /r | VPMAXSW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG F6 /r | VPSADBW xmm1, xmm2, xmm3/m128
EVEX.256.66.0F.WIG F6 /r | VPSADBW ymm1, ymm2, ymm3/m256
EVEX.512.66.0F.WIG F6 /r | VPSADBW zmm1, zmm2, zmm3/m512
EVEX.128.66.0F.WIG 60 /r | VPUNPCKLBW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG 60 /r | VPUNPCKLBW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG 60 /r | VPUNPCKLBW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG 61 /r | VPUNPCKLWD xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG 61 /r | VPUNPCKLWD ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG 61 /r | VPUNPCKLWD zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG 68 /r | VPUNPCKHBW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG 68 /r | VPUNPCKHBW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG 68 /r | VPUNPCKHBW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG 69 /r | VPUNPCKHWD xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG 69 /r | VPUNPCKHWD ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG 69 /r | VPUNPCKHWD zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG 63 /r | VPACKSSWB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG 63 /r | VPACKSSWB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG 63 /r | VPACKSSWB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG 67 /r | VPACKUSWB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG 67 /r | VPACKUSWB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG 67 /r | VPACKUSWB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F.W0 FE /r | VPADDD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F.W0 FE /r | VPADDD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F.W0 FE /r | VPADDD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W0 FA /r | VPSUBD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F.W0 FA /r | VPSUBD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F.W0 FA /r | VPSUBD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W0 62 /r | VPUNPCKLDQ xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F.W0 62 /r | VPUNPCKLDQ ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F.W0 62 /r | VPUNPCKLDQ zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W0 6A /r | VPUNPCKHDQ xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F.W0 6A /r | VPUNPCKHDQ ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F.W0 6A /r | VPUNPCKHDQ zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W0 6B /r | VPACKSSDW xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F.W0 6B /r | VPACKSSDW ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F.W0 6B /r | VPACKSSDW zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W1 D4 /r | VPADDQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 D4 /r | VPADDQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 D4 /r | VPADDQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F.W1 FB /r | VPSUBQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 FB /r | VPSUBQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 FB /r | VPSUBQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F.W1 F4 /r | VPMULUDQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 F4 /r | VPMULUDQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 F4 /r | VPMULUDQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F.W1 6C /r | VPUNPCKLQDQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 6C /r | VPUNPCKLQDQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 6C /r | VPUNPCKLQDQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F.W1 6D /r | VPUNPCKHQDQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 6D /r | VPUNPCKHQDQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 6D /r | VPUNPCKHQDQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F.W0 DB /r | VPANDD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F.W0 DB /r | VPANDD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F.W0 DB /r | VPANDD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W1 DB /r | VPANDQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 DB /r | VPANDQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 DB /r | VPANDQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F.W0 DF /r | VPANDND xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F.W0 DF /r | VPANDND ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F.W0 DF /r | VPANDND zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W1 DF /r | VPANDNQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 DF /r | VPANDNQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 DF /r | VPANDNQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F.W0 EB /r | VPORD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F.W0 EB /r | VPORD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F.W0 EB /r | VPORD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W1 EB /r | VPORQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 EB /r | VPORQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 EB /r | VPORQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F.W0 EF /r | VPXORD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F.W0 EF /r | VPXORD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F.W0 EF /r | VPXORD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W1 EF /r | VPXORQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F.W1 EF /r | VPXORQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F.W1 EF /r | VPXORQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F.WIG 64 /r | VPCMPGTB k1 {k2}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG 64 /r | VPCMPGTB k1 {k2}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG 64 /r | VPCMPGTB k1 {k2}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG 65 /r | VPCMPGTW k1 {k2}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG 65 /r | VPCMPGTW k1 {k2}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG 65 /r | VPCMPGTW k1 {k2}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG 74 /r | VPCMPEQB k1 {k2}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG 74 /r | VPCMPEQB k1 {k2}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG 74 /r | VPCMPEQB k1 {k2}, zmm2, zmm3/m512
EVEX.128.66.0F.WIG 75 /r | VPCMPEQW k1 {k2}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG 75 /r | VPCMPEQW k1 {k2}, ymm2, ymm3/m256
EVEX.512.66.0F.WIG 75 /r | VPCMPEQW k1 {k2}, zmm2, zmm3/m512
EVEX.128.66.0F.W0 66 /r | VPCMPGTD k1 {k2}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F.W0 66 /r | VPCMPGTD k1 {k2}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F.W0 66 /r | VPCMPGTD k1 {k2}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.W0 76 /r | VPCMPEQD k1 {k2}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F.W0 76 /r | VPCMPEQD k1 {k2}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F.W0 76 /r | VPCMPEQD k1 {k2}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F.WIG D1 /r | VPSRLW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG D1 /r | VPSRLW ymm1 {k1}{z}, ymm2, xmm3/m128
EVEX.512.66.0F.WIG D1 /r | VPSRLW zmm1 {k1}{z}, zmm2, xmm3/m128
EVEX.128.66.0F.WIG E1 /r | VPSRAW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG E1 /r | VPSRAW ymm1 {k1}{z}, ymm2, xmm3/m128
EVEX.512.66.0F.WIG E1 /r | VPSRAW zmm1 {k1}{z}, zmm2, xmm3/m128
EVEX.128.66.0F.WIG F1 /r | VPSLLW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.WIG F1 /r | VPSLLW ymm1 {k1}{z}, ymm2, xmm3/m128
EVEX.512.66.0F.WIG F1 /r | VPSLLW zmm1 {k1}{z}, zmm2, xmm3/m128
EVEX.128.66.0F.W0 D2 /r | VPSRLD xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.W0 D2 /r | VPSRLD ymm1 {k1}{z}, ymm2, xmm3/m128
EVEX.512.66.0F.W0 D2 /r | VPSRLD zmm1 {k1}{z}, zmm2, xmm3/m128
EVEX.128.66.0F.W0 E2 /r | VPSRAD xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.W0 E2 /r | VPSRAD ymm1 {k1}{z}, ymm2, xmm3/m128
EVEX.512.66.0F.W0 E2 /r | VPSRAD zmm1 {k1}{z}, zmm2, xmm3/m128
EVEX.128.66.0F.W0 F2 /r | VPSLLD xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.W0 F2 /r | VPSLLD ymm1 {k1}{z}, ymm2, xmm3/m128
EVEX.512.66.0F.W0 F2 /r | VPSLLD zmm1 {k1}{z}, zmm2, xmm3/m128
EVEX.128.66.0F.W1 D3 /r | VPSRLQ xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.W1 D3 /r | VPSRLQ ymm1 {k1}{z}, ymm2, xmm3/m128
EVEX.512.66.0F.W1 D3 /r | VPSRLQ zmm1 {k1}{z}, zmm2, xmm3/m128
EVEX.128.66.0F.W1 E2 /r | VPSRAQ xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.W1 E2 /r | VPSRAQ ymm1 {k1}{z}, ymm2, xmm3/m128
EVEX.512.66.0F.W1 E2 /r | VPSRAQ zmm1 {k1}{z}, zmm2, xmm3/m128
EVEX.128.66.0F.W1 F3 /r | VPSLLQ xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F.W1 F3 /r | VPSLLQ ymm1 {k1}{z}, ymm2, xmm3/m128
EVEX.512.66.0F.W1 F3 /r | VPSLLQ zmm1 {k1}{z}, zmm2, xmm3/m128
EVEX.128.66.0F.WIG 71 /2 ib | VPSRLW xmm1 {k1}{z}, xmm2/m128, imm8
EVEX.256.66.0F.WIG 71 /2 ib | VPSRLW ymm1 {k1}{z}, ymm2/m256, imm8
EVEX.512.66.0F.WIG 71 /2 ib | VPSRLW zmm1 {k1}{z}, zmm2/m512, imm8
EVEX.128.66.0F.WIG 71 /4 ib | VPSRAW xmm1 {k1}{z}, xmm2/m128, imm8
EVEX.256.66.0F.WIG 71 /4 ib | VPSRAW ymm1 {k1}{z}, ymm2/m256, imm8
EVEX.512.66.0F.WIG 71 /4 ib | VPSRAW zmm1 {k1}{z}, zmm2/m512, imm8
EVEX.128.66.0F.WIG 71 /6 ib | VPSLLW xmm1 {k1}{z}, xmm2/m128, imm8
EVEX.256.66.0F.WIG 71 /6 ib | VPSLLW ymm1 {k1}{z}, ymm2/m256, imm8
EVEX.512.66.0F.WIG 71 /6 ib | VPSLLW zmm1 {k1}{z}, zmm2/m512, imm8
EVEX.128.66.0F.W0 72 /2 ib | VPSRLD xmm1 {k1}{z}, xmm2/m128/m32bcst, imm8
EVEX.256.66.0F.W0 72 /2 ib | VPSRLD ymm1 {k1}{z}, ymm2/m256/m32bcst, imm8
EVEX.512.66.0F.W0 72 /2 ib | VPSRLD zmm1 {k1}{z}, zmm2/m512/m32bcst, imm8
EVEX.128.66.0F.W0 72 /4 ib | VPSRAD xmm1 {k1}{z}, xmm2/m128/m32bcst, imm8
EVEX.256.66.0F.W0 72 /4 ib | VPSRAD ymm1 {k1}{z}, ymm2/m256/m32bcst, imm8
EVEX.512.66.0F.W0 72 /4 ib | VPSRAD zmm1 {k1}{z}, zmm2/m512/m32bcst, imm8
EVEX.128.66.0F.W0 72 /6 ib | VPSLLD xmm1 {k1}{z}, xmm2/m128/m32bcst, imm8
EVEX.256.66.0F.W0 72 /6 ib | VPSLLD ymm1 {k1}{z}, ymm2/m256/m32bcst, imm8
EVEX.512.66.0F.W0 72 /6 ib | VPSLLD zmm1 {k1}{z}, zmm2/m512/m32bcst, imm8
EVEX.128.66.0F.W0 72 /0 ib | VPRORD xmm1 {k1}{z}, xmm2/m128/m32bcst, imm8
EVEX.256.66.0F.W0 72 /0 ib | VPRORD ymm1 {k1}{z}, ymm2/m256/m32bcst, imm8
EVEX.512.66.0F.W0 72 /0 ib | VPRORD zmm1 {k1}{z}, zmm2/m512/m32bcst, imm8
EVEX.128.66.0F.W0 72 /1 ib | VPROLD xmm1 {k1}{z}, xmm2/m128/m32bcst, imm8
EVEX.256.66.0F.W0 72 /1 ib | VPROLD ymm1 {k1}{z}, ymm2/m256/m32bcst, imm8
EVEX.512.66.0F.W0 72 /1 ib | VPROLD zmm1 {k1}{z}, zmm2/m512/m32bcst, imm8
EVEX.128.66.0F.W1 72 /4 ib | VPSRAQ xmm1 {k1}{z}, xmm2/m128/m64bcst, imm8
EVEX.256.66.0F.W1 72 /4 ib | VPSRAQ ymm1 {k1}{z}, ymm2/m256/m64bcst, imm8
EVEX.512.66.0F.W1 72 /4 ib | VPSRAQ zmm1 {k1}{z}, zmm2/m512/m64bcst, imm8
EVEX.128.66.0F.W1 72 /0 ib | VPRORQ xmm1 {k1}{z}, xmm2/m128/m64bcst, imm8
EVEX.256.66.0F.W1 72 /0 ib | VPRORQ ymm1 {k1}{z}, ymm2/m256/m64bcst, imm8
EVEX.512.66.0F.W1 72 /0 ib | VPRORQ zmm1 {k1}{z}, zmm2/m512/m64bcst, imm8
EVEX.128.66.0F.W1 72 /1 ib | VPROLQ xmm1 {k1}{z}, xmm2/m128/m64bcst, imm8
EVEX.256.66.0F.W1 72 /1 ib | VPROLQ ymm1 {k1}{z}, ymm2/m256/m64bcst, imm8
EVEX.512.66.0F.W1 72 /1 ib | VPROLQ zmm1 {k1}{z}, zmm2/m512/m64bcst, imm8
EVEX.128.66.0F.W1 73 /2 ib | VPSRLQ xmm1 {k1}{z}, xmm2/m128/m64bcst, imm8
EVEX.256.66.0F.W1 73 /2 ib | VPSRLQ ymm1 {k1}{z}, ymm2/m256/m64bcst, imm8
EVEX.512.66.0F.W1 73 /2 ib | VPSRLQ zmm1 {k1}{z}, zmm2/m512/m64bcst, imm8
EVEX.128.66.0F.W1 73 /6 ib | VPSLLQ xmm1 {k1}{z}, xmm2/m128/m64bcst, imm8
EVEX.256.66.0F.W1 73 /6 ib | VPSLLQ ymm1 {k1}{z}, ymm2/m256/m64bcst, imm8
EVEX.512.66.0F.W1 73 /6 ib | VPSLLQ zmm1 {k1}{z}, zmm2/m512/m64bcst, imm8
EVEX.128.66.0F.WIG 73 /3 ib | VPSRLDQ xmm1, xmm2/m128, imm8
EVEX.256.66.0F.WIG 73 /3 ib | VPSRLDQ ymm1, ymm2/m256, imm8
EVEX.512.66.0F.WIG 73 /3 ib | VPSRLDQ zmm1, zmm2/m512, imm8
EVEX.128.66.0F.WIG 73 /7 ib | VPSLLDQ xmm1, xmm2/m128, imm8
EVEX.256.66.0F.WIG 73 /7 ib | VPSLLDQ ymm1, ymm2/m256, imm8
EVEX.512.66.0F.WIG 73 /7 ib | VPSLLDQ zmm1, zmm2/m512, imm8
EVEX.128.66.0F.W0 6E /r | VMOVD xmm1, r/m32
EVEX.128.66.0F.W1 6E /r | VMOVQ xmm1, r/m64 | o64
EVEX.128.66.0F.W1 6E /r | VMOVD xmm1, r/m32 | i64
EVEX.128.66.0F.W0 7E /r | VMOVD r/m32, xmm1
EVEX.128.66.0F.W1 7E /r | VMOVQ r/m64, xmm1 | o64
EVEX.128.66.0F.W1 7E /r | VMOVD r/m32, xmm1 | i64
EVEX.128.F3.0F.W1 7E /r | VMOVQ xmm1, xmm2/m64
EVEX.128.66.0F.W1 D6 /r | VMOVQ xmm1/m64, xmm2
EVEX.128.66.0F.W0 6F /r | VMOVDQA32 xmm1 {k1}{z}, xmm2/m128
EVEX.256.66.0F.W0 6F /r | VMOVDQA32 ymm1 {k1}{z}, ymm2/m256
EVEX.512.66.0F.W0 6F /r | VMOVDQA32 zmm1 {k1}{z}, zmm2/m512
EVEX.128.66.0F.W0 7F /r | VMOVDQA32 xmm2/m128 {k1}{z}, xmm1
EVEX.256.66.0F.W0 7F /r | VMOVDQA32 ymm2/m256 {k1}{z}, ymm1
EVEX.512.66.0F.W0 7F /r | VMOVDQA32 zmm2/m512 {k1}{z}, zmm1
EVEX.128.66.0F.W1 6F /r | VMOVDQA64 xmm1 {k1}{z}, xmm2/m128
EVEX.256.66.0F.W1 6F /r | VMOVDQA64 ymm1 {k1}{z}, ymm2/m256
EVEX.512.66.0F.W1 6F /r | VMOVDQA64 zmm1 {k1}{z}, zmm2/m512
EVEX.128.66.0F.W1 7F /r | VMOVDQA64 xmm2/m128 {k1}{z}, xmm1
EVEX.256.66.0F.W1 7F /r | VMOVDQA64 ymm2/m256 {k1}{z}, ymm1
EVEX.512.66.0F.W1 7F /r | VMOVDQA64 zmm2/m512 {k1}{z}, zmm1
EVEX.128.F3.0F.W0 6F /r | VMOVDQU32 xmm1 {k1}{z}, xmm2/m128
EVEX.256.F3.0F.W0 6F /r | VMOVDQU32 ymm1 {k1}{z}, ymm2/m256
EVEX.512.F3.0F.W0 6F /r | VMOVDQU32 zmm1 {k1}{z}, zmm2/m512
EVEX.128.F3.0F.W0 7F /r | VMOVDQU32 xmm2/m128 {k1}{z}, xmm1
EVEX.256.F3.0F.W0 7F /r | VMOVDQU32 ymm2/m256 {k1}{z}, ymm1
EVEX.512.F3.0F.W0 7F /r | VMOVDQU32 zmm2/m512 {k1}{z}, zmm1
EVEX.128.F3.0F.W1 6F /r | VMOVDQU64 xmm1 {k1}{z}, xmm2/m128
EVEX.256.F3.0F.W1 6F /r | VMOVDQU64 ymm1 {k1}{z}, ymm2/m256
EVEX.512.F3.0F.W1 6F /r | VMOVDQU64 zmm1 {k1}{z}, zmm2/m512
EVEX.128.F3.0F.W1 7F /r | VMOVDQU64 xmm2/m128 {k1}{z}, xmm1
EVEX.256.F3.0F.W1 7F /r | VMOVDQU64 ymm2/m256 {k1}{z}, ymm1
EVEX.512.F3.0F.W1 7F /r | VMOVDQU64 zmm2/m512 {k1}{z}, zmm1
EVEX.128.F2.0F.W0 6F /r | VMOVDQU8 xmm1 {k1}{z}, xmm2/m128
EVEX.256.F2.0F.W0 6F /r | VMOVDQU8 ymm1 {k1}{z}, ymm2/m256
EVEX.512.F2.0F.W0 6F /r | VMOVDQU8 zmm1 {k1}{z}, zmm2/m512
EVEX.128.F2.0F.W0 7F /r | VMOVDQU8 xmm2/m128 {k1}{z}, xmm1
EVEX.256.F2.0F.W0 7F /r | VMOVDQU8 ymm2/m256 {k1}{z}, ymm1
EVEX.512.F2.0F.W0 7F /r | VMOVDQU8 zmm2/m512 {k1}{z}, zmm1
EVEX.128.F2.0F.W1 6F /r | VMOVDQU16 xmm1 {k1}{z}, xmm2/m128
EVEX.256.F2.0F.W1 6F /r | VMOVDQU16 ymm1 {k1}{z}, ymm2/m256
EVEX.512.F2.0F.W1 6F /r | VMOVDQU16 zmm1 {k1}{z}, zmm2/m512
EVEX.128.F2.0F.W1 7F /r | VMOVDQU16 xmm2/m128 {k1}{z}, xmm1
EVEX.256.F2.0F.W1 7F /r | VMOVDQU16 ymm2/m256 {k1}{z}, ymm1
EVEX.512.F2.0F.W1 7F /r | VMOVDQU16 zmm2/m512 {k1}{z}, zmm1
EVEX.128.66.0F.W0 70 /r ib | VPSHUFD xmm1 {k1}{z}, xmm2/m128/m32bcst, imm8
EVEX.256.66.0F.W0 70 /r ib | VPSHUFD ymm1 {k1}{z}, ymm2/m256/m32bcst, imm8
EVEX.512.66.0F.W0 70 /r ib | VPSHUFD zmm1 {k1}{z}, zmm2/m512/m32bcst, imm8
EVEX.128.F3.0F.WIG 70 /r ib | VPSHUFHW xmm1 {k1}{z}, xmm2/m128, imm8
EVEX.256.F3.0F.WIG 70 /r ib | VPSHUFHW ymm1 {k1}{z}, ymm2/m256, imm8
EVEX.512.F3.0F.WIG 70 /r ib | VPSHUFHW zmm1 {k1}{z}, zmm2/m512, imm8
EVEX.128.F2.0F.WIG 70 /r ib | VPSHUFLW xmm1 {k1}{z}, xmm2/m128, imm8
EVEX.256.F2.0F.WIG 70 /r ib | VPSHUFLW ymm1 {k1}{z}, ymm2/m256, imm8
EVEX.512.F2.0F.WIG 70 /r ib | VPSHUFLW zmm1 {k1}{z}, zmm2/m512, imm8
EVEX.128.66.0F.WIG C4 /r ib | VPINSRW xmm1, xmm2, r32/m16, imm8
EVEX.128.66.0F.WIG C5 /r ib | VPEXTRW r32, xmm1, imm8
`;
