/**
 * @file x86 stage, data only: EVEX maps 5 and 6, AVX512-FP16 (half-precision arithmetic,
 * conversions, complex multiply, FMA), spelled as the SDM opcode and instruction columns.
 */
export const EVEX_FP16 = `EVEX.128.NP.MAP5.W0 58 /r | VADDPH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.NP.MAP5.W0 58 /r | VADDPH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.NP.MAP5.W0 58 /r | VADDPH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.F3.MAP5.W0 58 /r | VADDSH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.NP.MAP5.W0 59 /r | VMULPH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.NP.MAP5.W0 59 /r | VMULPH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.NP.MAP5.W0 59 /r | VMULPH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.F3.MAP5.W0 59 /r | VMULSH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.NP.MAP5.W0 5C /r | VSUBPH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.NP.MAP5.W0 5C /r | VSUBPH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.NP.MAP5.W0 5C /r | VSUBPH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.F3.MAP5.W0 5C /r | VSUBSH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.NP.MAP5.W0 5E /r | VDIVPH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.NP.MAP5.W0 5E /r | VDIVPH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.NP.MAP5.W0 5E /r | VDIVPH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.F3.MAP5.W0 5E /r | VDIVSH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.NP.MAP5.W0 5D /r | VMINPH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.NP.MAP5.W0 5D /r | VMINPH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.NP.MAP5.W0 5D /r | VMINPH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{sae}
EVEX.LIG.F3.MAP5.W0 5D /r | VMINSH xmm1 {k1}{z}, xmm2, xmm3/m16{sae}
EVEX.128.NP.MAP5.W0 5F /r | VMAXPH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.NP.MAP5.W0 5F /r | VMAXPH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.NP.MAP5.W0 5F /r | VMAXPH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{sae}
EVEX.LIG.F3.MAP5.W0 5F /r | VMAXSH xmm1 {k1}{z}, xmm2, xmm3/m16{sae}
EVEX.128.NP.MAP5.W0 51 /r | VSQRTPH xmm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.256.NP.MAP5.W0 51 /r | VSQRTPH ymm1 {k1}{z}, ymm2/m256/m16bcst
EVEX.512.NP.MAP5.W0 51 /r | VSQRTPH zmm1 {k1}{z}, zmm2/m512/m16bcst{er}
EVEX.LIG.F3.MAP5.W0 51 /r | VSQRTSH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.LIG.NP.MAP5.W0 2E /r | VUCOMISH xmm1, xmm2/m16{sae} | fw=zcp f0=osa
EVEX.LIG.NP.MAP5.W0 2F /r | VCOMISH xmm1, xmm2/m16{sae} | fw=zcp f0=osa
EVEX.LIG.F3.MAP5.W0 10 /r | VMOVSH xmm1 {k1}{z}, xmm2, xmm3
EVEX.LIG.F3.MAP5.W0 10 /r | VMOVSH xmm1 {k1}{z}, m16
EVEX.LIG.F3.MAP5.W0 11 /r | VMOVSH xmm1 {k1}{z}, xmm2, xmm3 | en=MVR
EVEX.LIG.F3.MAP5.W0 11 /r | VMOVSH m16 {k1}, xmm1
EVEX.128.66.MAP5.WIG 6E /r | VMOVW xmm1, r32/m16
EVEX.128.66.MAP5.WIG 7E /r | VMOVW r32/m16, xmm1
EVEX.128.NP.MAP5.W0 5A /r | VCVTPH2PD xmm1 {k1}{z}, xmm2/m32/m16bcst
EVEX.256.NP.MAP5.W0 5A /r | VCVTPH2PD ymm1 {k1}{z}, xmm2/m64/m16bcst
EVEX.512.NP.MAP5.W0 5A /r | VCVTPH2PD zmm1 {k1}{z}, xmm2/m128/m16bcst{sae}
EVEX.128.66.MAP5.W1 5A /r | VCVTPD2PH xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.MAP5.W1 5A /r | VCVTPD2PH xmm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.MAP5.W1 5A /r | VCVTPD2PH xmm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.LIG.F3.MAP5.W0 5A /r | VCVTSH2SD xmm1 {k1}{z}, xmm2, xmm3/m16{sae}
EVEX.LIG.F2.MAP5.W1 5A /r | VCVTSD2SH xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.NP.MAP5.W0 5B /r | VCVTDQ2PH xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.NP.MAP5.W0 5B /r | VCVTDQ2PH xmm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.NP.MAP5.W0 5B /r | VCVTDQ2PH ymm1 {k1}{z}, zmm2/m512/m32bcst{er}
EVEX.128.NP.MAP5.W1 5B /r | VCVTQQ2PH xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.NP.MAP5.W1 5B /r | VCVTQQ2PH xmm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.NP.MAP5.W1 5B /r | VCVTQQ2PH xmm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.128.66.MAP5.W0 5B /r | VCVTPH2DQ xmm1 {k1}{z}, xmm2/m64/m16bcst
EVEX.256.66.MAP5.W0 5B /r | VCVTPH2DQ ymm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.512.66.MAP5.W0 5B /r | VCVTPH2DQ zmm1 {k1}{z}, ymm2/m256/m16bcst{er}
EVEX.128.F3.MAP5.W0 5B /r | VCVTTPH2DQ xmm1 {k1}{z}, xmm2/m64/m16bcst
EVEX.256.F3.MAP5.W0 5B /r | VCVTTPH2DQ ymm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.512.F3.MAP5.W0 5B /r | VCVTTPH2DQ zmm1 {k1}{z}, ymm2/m256/m16bcst{sae}
EVEX.LIG.NP.MAP5.W0 1D /r | VCVTSS2SH xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.128.66.MAP5.W0 1D /r | VCVTPS2PHX xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.66.MAP5.W0 1D /r | VCVTPS2PHX xmm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.66.MAP5.W0 1D /r | VCVTPS2PHX ymm1 {k1}{z}, zmm2/m512/m32bcst{er}
EVEX.LIG.F3.MAP5.W0 2A /r | VCVTSI2SH xmm1, xmm2, r/m32{er}
EVEX.LIG.F3.MAP5.W1 2A /r | VCVTSI2SH xmm1, xmm2, r/m64{er} | o64
EVEX.LIG.F3.MAP5.W1 2A /r | VCVTSI2SH xmm1, xmm2, r/m32{er} | i64
EVEX.LIG.F3.MAP5.W0 7B /r | VCVTUSI2SH xmm1, xmm2, r/m32{er}
EVEX.LIG.F3.MAP5.W1 7B /r | VCVTUSI2SH xmm1, xmm2, r/m64{er} | o64
EVEX.LIG.F3.MAP5.W1 7B /r | VCVTUSI2SH xmm1, xmm2, r/m32{er} | i64
EVEX.LIG.F3.MAP5.W0 2C /r | VCVTTSH2SI r32, xmm1/m16{sae}
EVEX.LIG.F3.MAP5.W1 2C /r | VCVTTSH2SI r64, xmm1/m16{sae} | o64
EVEX.LIG.F3.MAP5.W1 2C /r | VCVTTSH2SI r32, xmm1/m16{sae} | i64
EVEX.LIG.F3.MAP5.W0 2D /r | VCVTSH2SI r32, xmm1/m16{er}
EVEX.LIG.F3.MAP5.W1 2D /r | VCVTSH2SI r64, xmm1/m16{er} | o64
EVEX.LIG.F3.MAP5.W1 2D /r | VCVTSH2SI r32, xmm1/m16{er} | i64
EVEX.LIG.F3.MAP5.W0 78 /r | VCVTTSH2USI r32, xmm1/m16{sae}
EVEX.LIG.F3.MAP5.W1 78 /r | VCVTTSH2USI r64, xmm1/m16{sae} | o64
EVEX.LIG.F3.MAP5.W1 78 /r | VCVTTSH2USI r32, xmm1/m16{sae} | i64
EVEX.LIG.F3.MAP5.W0 79 /r | VCVTSH2USI r32, xmm1/m16{er}
EVEX.LIG.F3.MAP5.W1 79 /r | VCVTSH2USI r64, xmm1/m16{er} | o64
EVEX.LIG.F3.MAP5.W1 79 /r | VCVTSH2USI r32, xmm1/m16{er} | i64
EVEX.128.NP.MAP5.W0 78 /r | VCVTTPH2UDQ xmm1 {k1}{z}, xmm2/m64/m16bcst
EVEX.256.NP.MAP5.W0 78 /r | VCVTTPH2UDQ ymm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.512.NP.MAP5.W0 78 /r | VCVTTPH2UDQ zmm1 {k1}{z}, ymm2/m256/m16bcst{sae}
EVEX.128.NP.MAP5.W0 79 /r | VCVTPH2UDQ xmm1 {k1}{z}, xmm2/m64/m16bcst
EVEX.256.NP.MAP5.W0 79 /r | VCVTPH2UDQ ymm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.512.NP.MAP5.W0 79 /r | VCVTPH2UDQ zmm1 {k1}{z}, ymm2/m256/m16bcst{er}
EVEX.128.66.MAP5.W0 78 /r | VCVTTPH2UQQ xmm1 {k1}{z}, xmm2/m32/m16bcst
EVEX.256.66.MAP5.W0 78 /r | VCVTTPH2UQQ ymm1 {k1}{z}, xmm2/m64/m16bcst
EVEX.512.66.MAP5.W0 78 /r | VCVTTPH2UQQ zmm1 {k1}{z}, xmm2/m128/m16bcst{sae}
EVEX.128.66.MAP5.W0 79 /r | VCVTPH2UQQ xmm1 {k1}{z}, xmm2/m32/m16bcst
EVEX.256.66.MAP5.W0 79 /r | VCVTPH2UQQ ymm1 {k1}{z}, xmm2/m64/m16bcst
EVEX.512.66.MAP5.W0 79 /r | VCVTPH2UQQ zmm1 {k1}{z}, xmm2/m128/m16bcst{er}
EVEX.128.66.MAP5.W0 7A /r | VCVTTPH2QQ xmm1 {k1}{z}, xmm2/m32/m16bcst
EVEX.256.66.MAP5.W0 7A /r | VCVTTPH2QQ ymm1 {k1}{z}, xmm2/m64/m16bcst
EVEX.512.66.MAP5.W0 7A /r | VCVTTPH2QQ zmm1 {k1}{z}, xmm2/m128/m16bcst{sae}
EVEX.128.66.MAP5.W0 7B /r | VCVTPH2QQ xmm1 {k1}{z}, xmm2/m32/m16bcst
EVEX.256.66.MAP5.W0 7B /r | VCVTPH2QQ ymm1 {k1}{z}, xmm2/m64/m16bcst
EVEX.512.66.MAP5.W0 7B /r | VCVTPH2QQ zmm1 {k1}{z}, xmm2/m128/m16bcst{er}
EVEX.128.F2.MAP5.W0 7A /r | VCVTUDQ2PH xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.F2.MAP5.W0 7A /r | VCVTUDQ2PH xmm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.F2.MAP5.W0 7A /r | VCVTUDQ2PH ymm1 {k1}{z}, zmm2/m512/m32bcst{er}
EVEX.128.F2.MAP5.W1 7A /r | VCVTUQQ2PH xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.F2.MAP5.W1 7A /r | VCVTUQQ2PH xmm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.F2.MAP5.W1 7A /r | VCVTUQQ2PH xmm1 {k1}{z}, zmm2/m512/m64bcst{er}
EVEX.128.NP.MAP5.W0 7C /r | VCVTTPH2UW xmm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.256.NP.MAP5.W0 7C /r | VCVTTPH2UW ymm1 {k1}{z}, ymm2/m256/m16bcst
EVEX.512.NP.MAP5.W0 7C /r | VCVTTPH2UW zmm1 {k1}{z}, zmm2/m512/m16bcst{sae}
EVEX.128.66.MAP5.W0 7C /r | VCVTTPH2W xmm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.256.66.MAP5.W0 7C /r | VCVTTPH2W ymm1 {k1}{z}, ymm2/m256/m16bcst
EVEX.512.66.MAP5.W0 7C /r | VCVTTPH2W zmm1 {k1}{z}, zmm2/m512/m16bcst{sae}
EVEX.128.NP.MAP5.W0 7D /r | VCVTPH2UW xmm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.256.NP.MAP5.W0 7D /r | VCVTPH2UW ymm1 {k1}{z}, ymm2/m256/m16bcst
EVEX.512.NP.MAP5.W0 7D /r | VCVTPH2UW zmm1 {k1}{z}, zmm2/m512/m16bcst{er}
EVEX.128.66.MAP5.W0 7D /r | VCVTPH2W xmm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.256.66.MAP5.W0 7D /r | VCVTPH2W ymm1 {k1}{z}, ymm2/m256/m16bcst
EVEX.512.66.MAP5.W0 7D /r | VCVTPH2W zmm1 {k1}{z}, zmm2/m512/m16bcst{er}
EVEX.128.F3.MAP5.W0 7D /r | VCVTW2PH xmm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.256.F3.MAP5.W0 7D /r | VCVTW2PH ymm1 {k1}{z}, ymm2/m256/m16bcst
EVEX.512.F3.MAP5.W0 7D /r | VCVTW2PH zmm1 {k1}{z}, zmm2/m512/m16bcst{er}
EVEX.128.F2.MAP5.W0 7D /r | VCVTUW2PH xmm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.256.F2.MAP5.W0 7D /r | VCVTUW2PH ymm1 {k1}{z}, ymm2/m256/m16bcst
EVEX.512.F2.MAP5.W0 7D /r | VCVTUW2PH zmm1 {k1}{z}, zmm2/m512/m16bcst{er}
EVEX.LIG.NP.MAP6.W0 13 /r | VCVTSH2SS xmm1 {k1}{z}, xmm2, xmm3/m16{sae}
EVEX.128.66.MAP6.W0 13 /r | VCVTPH2PSX xmm1 {k1}{z}, xmm2/m64/m16bcst
EVEX.256.66.MAP6.W0 13 /r | VCVTPH2PSX ymm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.512.66.MAP6.W0 13 /r | VCVTPH2PSX zmm1 {k1}{z}, ymm2/m256/m16bcst{sae}
EVEX.128.66.MAP6.W0 2C /r | VSCALEFPH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 2C /r | VSCALEFPH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 2C /r | VSCALEFPH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 2D /r | VSCALEFSH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.66.MAP6.W0 42 /r | VGETEXPPH xmm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.256.66.MAP6.W0 42 /r | VGETEXPPH ymm1 {k1}{z}, ymm2/m256/m16bcst
EVEX.512.66.MAP6.W0 42 /r | VGETEXPPH zmm1 {k1}{z}, zmm2/m512/m16bcst{sae}
EVEX.LIG.66.MAP6.W0 43 /r | VGETEXPSH xmm1 {k1}{z}, xmm2, xmm3/m16{sae}
EVEX.128.66.MAP6.W0 4C /r | VRCPPH xmm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.256.66.MAP6.W0 4C /r | VRCPPH ymm1 {k1}{z}, ymm2/m256/m16bcst
EVEX.512.66.MAP6.W0 4C /r | VRCPPH zmm1 {k1}{z}, zmm2/m512/m16bcst
EVEX.LIG.66.MAP6.W0 4D /r | VRCPSH xmm1 {k1}{z}, xmm2, xmm3/m16
EVEX.128.66.MAP6.W0 4E /r | VRSQRTPH xmm1 {k1}{z}, xmm2/m128/m16bcst
EVEX.256.66.MAP6.W0 4E /r | VRSQRTPH ymm1 {k1}{z}, ymm2/m256/m16bcst
EVEX.512.66.MAP6.W0 4E /r | VRSQRTPH zmm1 {k1}{z}, zmm2/m512/m16bcst
EVEX.LIG.66.MAP6.W0 4F /r | VRSQRTSH xmm1 {k1}{z}, xmm2, xmm3/m16
EVEX.128.F3.MAP6.W0 56 /r | VFMADDCPH xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst | distinct
EVEX.256.F3.MAP6.W0 56 /r | VFMADDCPH ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst | distinct
EVEX.512.F3.MAP6.W0 56 /r | VFMADDCPH zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er} | distinct
EVEX.128.F2.MAP6.W0 56 /r | VFCMADDCPH xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst | distinct
EVEX.256.F2.MAP6.W0 56 /r | VFCMADDCPH ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst | distinct
EVEX.512.F2.MAP6.W0 56 /r | VFCMADDCPH zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er} | distinct
EVEX.LIG.F3.MAP6.W0 57 /r | VFMADDCSH xmm1 {k1}{z}, xmm2, xmm3/m32{er} | distinct
EVEX.LIG.F2.MAP6.W0 57 /r | VFCMADDCSH xmm1 {k1}{z}, xmm2, xmm3/m32{er} | distinct
EVEX.128.F3.MAP6.W0 D6 /r | VFMULCPH xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst | distinct
EVEX.256.F3.MAP6.W0 D6 /r | VFMULCPH ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst | distinct
EVEX.512.F3.MAP6.W0 D6 /r | VFMULCPH zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er} | distinct
EVEX.128.F2.MAP6.W0 D6 /r | VFCMULCPH xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst | distinct
EVEX.256.F2.MAP6.W0 D6 /r | VFCMULCPH ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst | distinct
EVEX.512.F2.MAP6.W0 D6 /r | VFCMULCPH zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er} | distinct
EVEX.LIG.F3.MAP6.W0 D7 /r | VFMULCSH xmm1 {k1}{z}, xmm2, xmm3/m32{er} | distinct
EVEX.LIG.F2.MAP6.W0 D7 /r | VFCMULCSH xmm1 {k1}{z}, xmm2, xmm3/m32{er} | distinct
EVEX.128.66.MAP6.W0 96 /r | VFMADDSUB132PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 96 /r | VFMADDSUB132PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 96 /r | VFMADDSUB132PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.128.66.MAP6.W0 97 /r | VFMSUBADD132PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 97 /r | VFMSUBADD132PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 97 /r | VFMSUBADD132PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.128.66.MAP6.W0 98 /r | VFMADD132PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 98 /r | VFMADD132PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 98 /r | VFMADD132PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 99 /r | VFMADD132SH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.66.MAP6.W0 9A /r | VFMSUB132PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 9A /r | VFMSUB132PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 9A /r | VFMSUB132PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 9B /r | VFMSUB132SH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.66.MAP6.W0 9C /r | VFNMADD132PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 9C /r | VFNMADD132PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 9C /r | VFNMADD132PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 9D /r | VFNMADD132SH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.66.MAP6.W0 9E /r | VFNMSUB132PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 9E /r | VFNMSUB132PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 9E /r | VFNMSUB132PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 9F /r | VFNMSUB132SH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.66.MAP6.W0 A6 /r | VFMADDSUB213PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 A6 /r | VFMADDSUB213PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 A6 /r | VFMADDSUB213PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.128.66.MAP6.W0 A7 /r | VFMSUBADD213PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 A7 /r | VFMSUBADD213PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 A7 /r | VFMSUBADD213PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.128.66.MAP6.W0 A8 /r | VFMADD213PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 A8 /r | VFMADD213PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 A8 /r | VFMADD213PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 A9 /r | VFMADD213SH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.66.MAP6.W0 AA /r | VFMSUB213PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 AA /r | VFMSUB213PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 AA /r | VFMSUB213PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 AB /r | VFMSUB213SH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.66.MAP6.W0 AC /r | VFNMADD213PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 AC /r | VFNMADD213PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 AC /r | VFNMADD213PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 AD /r | VFNMADD213SH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.66.MAP6.W0 AE /r | VFNMSUB213PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 AE /r | VFNMSUB213PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 AE /r | VFNMSUB213PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 AF /r | VFNMSUB213SH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.66.MAP6.W0 B6 /r | VFMADDSUB231PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 B6 /r | VFMADDSUB231PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 B6 /r | VFMADDSUB231PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.128.66.MAP6.W0 B7 /r | VFMSUBADD231PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 B7 /r | VFMSUBADD231PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 B7 /r | VFMSUBADD231PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.128.66.MAP6.W0 B8 /r | VFMADD231PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 B8 /r | VFMADD231PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 B8 /r | VFMADD231PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 B9 /r | VFMADD231SH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.66.MAP6.W0 BA /r | VFMSUB231PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 BA /r | VFMSUB231PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 BA /r | VFMSUB231PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 BB /r | VFMSUB231SH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.66.MAP6.W0 BC /r | VFNMADD231PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 BC /r | VFNMADD231PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 BC /r | VFNMADD231PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 BD /r | VFNMADD231SH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
EVEX.128.66.MAP6.W0 BE /r | VFNMSUB231PH xmm1 {k1}{z}, xmm2, xmm3/m128/m16bcst
EVEX.256.66.MAP6.W0 BE /r | VFNMSUB231PH ymm1 {k1}{z}, ymm2, ymm3/m256/m16bcst
EVEX.512.66.MAP6.W0 BE /r | VFNMSUB231PH zmm1 {k1}{z}, zmm2, zmm3/m512/m16bcst{er}
EVEX.LIG.66.MAP6.W0 BF /r | VFNMSUB231SH xmm1 {k1}{z}, xmm2, xmm3/m16{er}
`;
