/**
 * @file x86 stage, data only: EVEX-encoded rows of map 0F38, part 2 (FMA, gathers, scatters, ...),
 * and of map 0F3A (AVX-512 permutes, inserts/extracts, compares into masks, GFNI, VBMI2).
 */
export const EVEX_0F38_B = `EVEX.512.66.0F38.W0 63 /r | VPCOMPRESSB zmm2/m512 {k1}{z}, zmm1 | n=1
EVEX.512.66.0F38.W1 63 /r | VPCOMPRESSW zmm2/m512 {k1}{z}, zmm1 | n=2
EVEX.128.66.0F38.W0 C4 /r | VPCONFLICTD xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.66.0F38.W0 C4 /r | VPCONFLICTD ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.66.0F38.W0 C4 /r | VPCONFLICTD zmm1 {k1}{z}, zmm2/m512/m32bcst
EVEX.128.66.0F38.W1 C4 /r | VPCONFLICTQ xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F38.W1 C4 /r | VPCONFLICTQ ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F38.W1 C4 /r | VPCONFLICTQ zmm1 {k1}{z}, zmm2/m512/m64bcst
EVEX.128.66.0F38.W0 44 /r | VPLZCNTD xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.66.0F38.W0 44 /r | VPLZCNTD ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.66.0F38.W0 44 /r | VPLZCNTD zmm1 {k1}{z}, zmm2/m512/m32bcst
EVEX.128.66.0F38.W1 44 /r | VPLZCNTQ xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F38.W1 44 /r | VPLZCNTQ ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F38.W1 44 /r | VPLZCNTQ zmm1 {k1}{z}, zmm2/m512/m64bcst
EVEX.128.66.0F38.W0 55 /r | VPOPCNTD xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.66.0F38.W0 55 /r | VPOPCNTD ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.66.0F38.W0 55 /r | VPOPCNTD zmm1 {k1}{z}, zmm2/m512/m32bcst
EVEX.128.66.0F38.W1 55 /r | VPOPCNTQ xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F38.W1 55 /r | VPOPCNTQ ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F38.W1 55 /r | VPOPCNTQ zmm1 {k1}{z}, zmm2/m512/m64bcst
EVEX.128.66.0F38.W0 54 /r | VPOPCNTB xmm1 {k1}{z}, xmm2/m128
EVEX.256.66.0F38.W0 54 /r | VPOPCNTB ymm1 {k1}{z}, ymm2/m256
EVEX.512.66.0F38.W0 54 /r | VPOPCNTB zmm1 {k1}{z}, zmm2/m512
EVEX.128.66.0F38.W1 54 /r | VPOPCNTW xmm1 {k1}{z}, xmm2/m128
EVEX.256.66.0F38.W1 54 /r | VPOPCNTW ymm1 {k1}{z}, ymm2/m256
EVEX.512.66.0F38.W1 54 /r | VPOPCNTW zmm1 {k1}{z}, zmm2/m512
EVEX.128.66.0F38.W0 4C /r | VRCP14PS xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.66.0F38.W0 4C /r | VRCP14PS ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.66.0F38.W0 4C /r | VRCP14PS zmm1 {k1}{z}, zmm2/m512/m32bcst
EVEX.128.66.0F38.W1 4C /r | VRCP14PD xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F38.W1 4C /r | VRCP14PD ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F38.W1 4C /r | VRCP14PD zmm1 {k1}{z}, zmm2/m512/m64bcst
EVEX.128.66.0F38.W0 4E /r | VRSQRT14PS xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.66.0F38.W0 4E /r | VRSQRT14PS ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.66.0F38.W0 4E /r | VRSQRT14PS zmm1 {k1}{z}, zmm2/m512/m32bcst
EVEX.128.66.0F38.W1 4E /r | VRSQRT14PD xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F38.W1 4E /r | VRSQRT14PD ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F38.W1 4E /r | VRSQRT14PD zmm1 {k1}{z}, zmm2/m512/m64bcst
EVEX.LIG.66.0F38.W0 4D /r | VRCP14SS xmm1 {k1}{z}, xmm2, xmm3/m32
EVEX.LIG.66.0F38.W1 4D /r | VRCP14SD xmm1 {k1}{z}, xmm2, xmm3/m64
EVEX.LIG.66.0F38.W0 4F /r | VRSQRT14SS xmm1 {k1}{z}, xmm2, xmm3/m32
EVEX.LIG.66.0F38.W1 4F /r | VRSQRT14SD xmm1 {k1}{z}, xmm2, xmm3/m64
EVEX.128.66.0F38.W0 42 /r | VGETEXPPS xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.66.0F38.W0 42 /r | VGETEXPPS ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.66.0F38.W0 42 /r | VGETEXPPS zmm1 {k1}{z}, zmm2/m512/m32bcst{sae}
EVEX.128.66.0F38.W1 42 /r | VGETEXPPD xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F38.W1 42 /r | VGETEXPPD ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F38.W1 42 /r | VGETEXPPD zmm1 {k1}{z}, zmm2/m512/m64bcst{sae}
EVEX.LIG.66.0F38.W0 43 /r | VGETEXPSS xmm1 {k1}{z}, xmm2, xmm3/m32{sae}
EVEX.LIG.66.0F38.W1 43 /r | VGETEXPSD xmm1 {k1}{z}, xmm2, xmm3/m64{sae}
EVEX.128.66.0F38.W0 2C /r | VSCALEFPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 2C /r | VSCALEFPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 2C /r | VSCALEFPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 2C /r | VSCALEFPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 2C /r | VSCALEFPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 2C /r | VSCALEFPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 2D /r | VSCALEFSS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 2D /r | VSCALEFSD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 50 /r | VPDPBUSD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 50 /r | VPDPBUSD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 50 /r | VPDPBUSD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W0 51 /r | VPDPBUSDS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 51 /r | VPDPBUSDS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 51 /r | VPDPBUSDS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W0 52 /r | VPDPWSSD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 52 /r | VPDPWSSD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 52 /r | VPDPWSSD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W0 53 /r | VPDPWSSDS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 53 /r | VPDPWSSDS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 53 /r | VPDPWSSDS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 B4 /r | VPMADD52LUQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 B4 /r | VPMADD52LUQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 B4 /r | VPMADD52LUQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W1 B5 /r | VPMADD52HUQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 B5 /r | VPMADD52HUQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 B5 /r | VPMADD52HUQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 CF /r | VGF2P8MULB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W0 CF /r | VGF2P8MULB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W0 CF /r | VGF2P8MULB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.WIG DC /r | VAESENC xmm1 , xmm2, xmm3/m128
EVEX.256.66.0F38.WIG DC /r | VAESENC ymm1 , ymm2, ymm3/m256
EVEX.512.66.0F38.WIG DC /r | VAESENC zmm1 , zmm2, zmm3/m512
EVEX.128.66.0F38.WIG DD /r | VAESENCLAST xmm1 , xmm2, xmm3/m128
EVEX.256.66.0F38.WIG DD /r | VAESENCLAST ymm1 , ymm2, ymm3/m256
EVEX.512.66.0F38.WIG DD /r | VAESENCLAST zmm1 , zmm2, zmm3/m512
EVEX.128.66.0F38.WIG DE /r | VAESDEC xmm1 , xmm2, xmm3/m128
EVEX.256.66.0F38.WIG DE /r | VAESDEC ymm1 , ymm2, ymm3/m256
EVEX.512.66.0F38.WIG DE /r | VAESDEC zmm1 , zmm2, zmm3/m512
EVEX.128.66.0F38.WIG DF /r | VAESDECLAST xmm1 , xmm2, xmm3/m128
EVEX.256.66.0F38.WIG DF /r | VAESDECLAST ymm1 , ymm2, ymm3/m256
EVEX.512.66.0F38.WIG DF /r | VAESDECLAST zmm1 , zmm2, zmm3/m512
EVEX.128.66.0F38.W0 96 /r | VFMADDSUB132PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 96 /r | VFMADDSUB132PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 96 /r | VFMADDSUB132PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 96 /r | VFMADDSUB132PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 96 /r | VFMADDSUB132PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 96 /r | VFMADDSUB132PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.128.66.0F38.W0 97 /r | VFMSUBADD132PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 97 /r | VFMSUBADD132PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 97 /r | VFMSUBADD132PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 97 /r | VFMSUBADD132PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 97 /r | VFMSUBADD132PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 97 /r | VFMSUBADD132PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.128.66.0F38.W0 98 /r | VFMADD132PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 98 /r | VFMADD132PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 98 /r | VFMADD132PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 98 /r | VFMADD132PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 98 /r | VFMADD132PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 98 /r | VFMADD132PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 99 /r | VFMADD132SS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 99 /r | VFMADD132SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 9A /r | VFMSUB132PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 9A /r | VFMSUB132PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 9A /r | VFMSUB132PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 9A /r | VFMSUB132PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 9A /r | VFMSUB132PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 9A /r | VFMSUB132PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 9B /r | VFMSUB132SS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 9B /r | VFMSUB132SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 9C /r | VFNMADD132PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 9C /r | VFNMADD132PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 9C /r | VFNMADD132PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 9C /r | VFNMADD132PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 9C /r | VFNMADD132PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 9C /r | VFNMADD132PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 9D /r | VFNMADD132SS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 9D /r | VFNMADD132SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 9E /r | VFNMSUB132PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 9E /r | VFNMSUB132PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 9E /r | VFNMSUB132PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 9E /r | VFNMSUB132PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 9E /r | VFNMSUB132PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 9E /r | VFNMSUB132PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 9F /r | VFNMSUB132SS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 9F /r | VFNMSUB132SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 A6 /r | VFMADDSUB213PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 A6 /r | VFMADDSUB213PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 A6 /r | VFMADDSUB213PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 A6 /r | VFMADDSUB213PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 A6 /r | VFMADDSUB213PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 A6 /r | VFMADDSUB213PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.128.66.0F38.W0 A7 /r | VFMSUBADD213PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 A7 /r | VFMSUBADD213PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 A7 /r | VFMSUBADD213PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 A7 /r | VFMSUBADD213PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 A7 /r | VFMSUBADD213PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 A7 /r | VFMSUBADD213PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.128.66.0F38.W0 A8 /r | VFMADD213PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 A8 /r | VFMADD213PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 A8 /r | VFMADD213PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 A8 /r | VFMADD213PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 A8 /r | VFMADD213PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 A8 /r | VFMADD213PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 A9 /r | VFMADD213SS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 A9 /r | VFMADD213SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 AA /r | VFMSUB213PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 AA /r | VFMSUB213PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 AA /r | VFMSUB213PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 AA /r | VFMSUB213PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 AA /r | VFMSUB213PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 AA /r | VFMSUB213PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 AB /r | VFMSUB213SS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 AB /r | VFMSUB213SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 AC /r | VFNMADD213PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 AC /r | VFNMADD213PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 AC /r | VFNMADD213PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 AC /r | VFNMADD213PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 AC /r | VFNMADD213PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 AC /r | VFNMADD213PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 AD /r | VFNMADD213SS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 AD /r | VFNMADD213SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 AE /r | VFNMSUB213PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 AE /r | VFNMSUB213PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 AE /r | VFNMSUB213PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 AE /r | VFNMSUB213PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 AE /r | VFNMSUB213PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 AE /r | VFNMSUB213PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 AF /r | VFNMSUB213SS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 AF /r | VFNMSUB213SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 B6 /r | VFMADDSUB231PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 B6 /r | VFMADDSUB231PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 B6 /r | VFMADDSUB231PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 B6 /r | VFMADDSUB231PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 B6 /r | VFMADDSUB231PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 B6 /r | VFMADDSUB231PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.128.66.0F38.W0 B7 /r | VFMSUBADD231PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 B7 /r | VFMSUBADD231PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 B7 /r | VFMSUBADD231PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 B7 /r | VFMSUBADD231PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 B7 /r | VFMSUBADD231PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 B7 /r | VFMSUBADD231PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.128.66.0F38.W0 B8 /r | VFMADD231PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 B8 /r | VFMADD231PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 B8 /r | VFMADD231PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 B8 /r | VFMADD231PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 B8 /r | VFMADD231PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 B8 /r | VFMADD231PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 B9 /r | VFMADD231SS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 B9 /r | VFMADD231SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 BA /r | VFMSUB231PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 BA /r | VFMSUB231PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 BA /r | VFMSUB231PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 BA /r | VFMSUB231PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 BA /r | VFMSUB231PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 BA /r | VFMSUB231PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 BB /r | VFMSUB231SS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 BB /r | VFMSUB231SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 BC /r | VFNMADD231PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 BC /r | VFNMADD231PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 BC /r | VFNMADD231PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 BC /r | VFNMADD231PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 BC /r | VFNMADD231PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 BC /r | VFNMADD231PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 BD /r | VFNMADD231SS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 BD /r | VFNMADD231SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 BE /r | VFNMSUB231PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 BE /r | VFNMSUB231PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 BE /r | VFNMSUB231PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{er}
EVEX.128.66.0F38.W1 BE /r | VFNMSUB231PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 BE /r | VFNMSUB231PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 BE /r | VFNMSUB231PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{er}
EVEX.LIG.66.0F38.W0 BF /r | VFNMSUB231SS xmm1 {k1}{z}, xmm2, xmm3/m32{er}
EVEX.LIG.66.0F38.W1 BF /r | VFNMSUB231SD xmm1 {k1}{z}, xmm2, xmm3/m64{er}
EVEX.128.66.0F38.W0 90 /r | VPGATHERDD xmm1 {k1}, vm32x | kreq
EVEX.128.66.0F38.W0 A0 /r | VPSCATTERDD vm32x {k1}, xmm1 | kreq
EVEX.256.66.0F38.W0 90 /r | VPGATHERDD ymm1 {k1}, vm32y | kreq
EVEX.256.66.0F38.W0 A0 /r | VPSCATTERDD vm32y {k1}, ymm1 | kreq
EVEX.512.66.0F38.W0 90 /r | VPGATHERDD zmm1 {k1}, vm32z | kreq
EVEX.512.66.0F38.W0 A0 /r | VPSCATTERDD vm32z {k1}, zmm1 | kreq
EVEX.128.66.0F38.W1 90 /r | VPGATHERDQ xmm1 {k1}, vm32x | kreq
EVEX.128.66.0F38.W1 A0 /r | VPSCATTERDQ vm32x {k1}, xmm1 | kreq
EVEX.256.66.0F38.W1 90 /r | VPGATHERDQ ymm1 {k1}, vm32x | kreq
EVEX.256.66.0F38.W1 A0 /r | VPSCATTERDQ vm32x {k1}, ymm1 | kreq
EVEX.512.66.0F38.W1 90 /r | VPGATHERDQ zmm1 {k1}, vm32y | kreq
EVEX.512.66.0F38.W1 A0 /r | VPSCATTERDQ vm32y {k1}, zmm1 | kreq
EVEX.128.66.0F38.W0 91 /r | VPGATHERQD xmm1 {k1}, vm64x | kreq
EVEX.128.66.0F38.W0 A1 /r | VPSCATTERQD vm64x {k1}, xmm1 | kreq
EVEX.256.66.0F38.W0 91 /r | VPGATHERQD xmm1 {k1}, vm64y | kreq
EVEX.256.66.0F38.W0 A1 /r | VPSCATTERQD vm64y {k1}, xmm1 | kreq
EVEX.512.66.0F38.W0 91 /r | VPGATHERQD ymm1 {k1}, vm64z | kreq
EVEX.512.66.0F38.W0 A1 /r | VPSCATTERQD vm64z {k1}, ymm1 | kreq
EVEX.128.66.0F38.W1 91 /r | VPGATHERQQ xmm1 {k1}, vm64x | kreq
EVEX.128.66.0F38.W1 A1 /r | VPSCATTERQQ vm64x {k1}, xmm1 | kreq
EVEX.256.66.0F38.W1 91 /r | VPGATHERQQ ymm1 {k1}, vm64y | kreq
EVEX.256.66.0F38.W1 A1 /r | VPSCATTERQQ vm64y {k1}, ymm1 | kreq
EVEX.512.66.0F38.W1 91 /r | VPGATHERQQ zmm1 {k1}, vm64z | kreq
EVEX.512.66.0F38.W1 A1 /r | VPSCATTERQQ vm64z {k1}, zmm1 | kreq
EVEX.128.66.0F38.W0 92 /r | VGATHERDPS xmm1 {k1}, vm32x | kreq
EVEX.128.66.0F38.W0 A2 /r | VSCATTERDPS vm32x {k1}, xmm1 | kreq
EVEX.256.66.0F38.W0 92 /r | VGATHERDPS ymm1 {k1}, vm32y | kreq
EVEX.256.66.0F38.W0 A2 /r | VSCATTERDPS vm32y {k1}, ymm1 | kreq
EVEX.512.66.0F38.W0 92 /r | VGATHERDPS zmm1 {k1}, vm32z | kreq
EVEX.512.66.0F38.W0 A2 /r | VSCATTERDPS vm32z {k1}, zmm1 | kreq
EVEX.128.66.0F38.W1 92 /r | VGATHERDPD xmm1 {k1}, vm32x | kreq
EVEX.128.66.0F38.W1 A2 /r | VSCATTERDPD vm32x {k1}, xmm1 | kreq
EVEX.256.66.0F38.W1 92 /r | VGATHERDPD ymm1 {k1}, vm32x | kreq
EVEX.256.66.0F38.W1 A2 /r | VSCATTERDPD vm32x {k1}, ymm1 | kreq
EVEX.512.66.0F38.W1 92 /r | VGATHERDPD zmm1 {k1}, vm32y | kreq
EVEX.512.66.0F38.W1 A2 /r | VSCATTERDPD vm32y {k1}, zmm1 | kreq
EVEX.512.66.0F38.W0 C6 /1 | VGATHERPF0DPS vm32z {k1} | kreq
EVEX.512.66.0F38.W0 C7 /1 | VGATHERPF0QPS vm64z {k1} | kreq
EVEX.512.66.0F38.W1 C6 /1 | VGATHERPF0DPD vm32y {k1} | kreq
EVEX.512.66.0F38.W1 C7 /1 | VGATHERPF0QPD vm64z {k1} | kreq
EVEX.512.66.0F38.W0 C6 /2 | VGATHERPF1DPS vm32z {k1} | kreq
EVEX.512.66.0F38.W0 C7 /2 | VGATHERPF1QPS vm64z {k1} | kreq
EVEX.512.66.0F38.W1 C6 /2 | VGATHERPF1DPD vm32y {k1} | kreq
EVEX.512.66.0F38.W1 C7 /2 | VGATHERPF1QPD vm64z {k1} | kreq
EVEX.512.66.0F38.W0 C6 /5 | VSCATTERPF0DPS vm32z {k1} | kreq
EVEX.512.66.0F38.W0 C7 /5 | VSCATTERPF0QPS vm64z {k1} | kreq
EVEX.512.66.0F38.W1 C6 /5 | VSCATTERPF0DPD vm32y {k1} | kreq
EVEX.512.66.0F38.W1 C7 /5 | VSCATTERPF0QPD vm64z {k1} | kreq
EVEX.512.66.0F38.W0 C6 /6 | VSCATTERPF1DPS vm32z {k1} | kreq
EVEX.512.66.0F38.W0 C7 /6 | VSCATTERPF1QPS vm64z {k1} | kreq
EVEX.512.66.0F38.W1 C6 /6 | VSCATTERPF1DPD vm32y {k1} | kreq
EVEX.512.66.0F38.W1 C7 /6 | VSCATTERPF1QPD vm64z {k1} | kreq
EVEX.128.66.0F38.W0 93 /r | VGATHERQPS xmm1 {k1}, vm64x | kreq
EVEX.128.66.0F38.W0 A3 /r | VSCATTERQPS vm64x {k1}, xmm1 | kreq
EVEX.256.66.0F38.W0 93 /r | VGATHERQPS xmm1 {k1}, vm64y | kreq
EVEX.256.66.0F38.W0 A3 /r | VSCATTERQPS vm64y {k1}, xmm1 | kreq
EVEX.512.66.0F38.W0 93 /r | VGATHERQPS ymm1 {k1}, vm64z | kreq
EVEX.512.66.0F38.W0 A3 /r | VSCATTERQPS vm64z {k1}, ymm1 | kreq
EVEX.128.66.0F38.W1 93 /r | VGATHERQPD xmm1 {k1}, vm64x | kreq
EVEX.128.66.0F38.W1 A3 /r | VSCATTERQPD vm64x {k1}, xmm1 | kreq
EVEX.256.66.0F38.W1 93 /r | VGATHERQPD ymm1 {k1}, vm64y | kreq
EVEX.256.66.0F38.W1 A3 /r | VSCATTERQPD vm64y {k1}, ymm1 | kreq
EVEX.512.66.0F38.W1 93 /r | VGATHERQPD zmm1 {k1}, vm64z | kreq
EVEX.512.66.0F38.W1 A3 /r | VSCATTERQPD vm64z {k1}, zmm1 | kreq
EVEX.128.66.0F38.W1 70 /r | VPSHLDVW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W1 70 /r | VPSHLDVW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W1 70 /r | VPSHLDVW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W1 72 /r | VPSHRDVW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W1 72 /r | VPSHRDVW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W1 72 /r | VPSHRDVW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W0 71 /r | VPSHLDVD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 71 /r | VPSHLDVD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 71 /r | VPSHLDVD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 71 /r | VPSHLDVQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 71 /r | VPSHLDVQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 71 /r | VPSHLDVQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 73 /r | VPSHRDVD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 73 /r | VPSHRDVD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 73 /r | VPSHRDVD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 73 /r | VPSHRDVQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 73 /r | VPSHRDVQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 73 /r | VPSHRDVQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 15 /r | VPROLVD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 15 /r | VPROLVD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 15 /r | VPROLVD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 15 /r | VPROLVQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 15 /r | VPROLVQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 15 /r | VPROLVQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 14 /r | VPRORVD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 14 /r | VPRORVD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 14 /r | VPRORVD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 14 /r | VPRORVQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 14 /r | VPRORVQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 14 /r | VPRORVQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W1 83 /r | VPMULTISHIFTQB xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 83 /r | VPMULTISHIFTQB ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 83 /r | VPMULTISHIFTQB zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.F3.0F38.W0 52 /r | VDPBF16PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.F3.0F38.W0 52 /r | VDPBF16PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.F3.0F38.W0 52 /r | VDPBF16PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.F2.0F38.W0 72 /r | VCVTNE2PS2BF16 xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.F2.0F38.W0 72 /r | VCVTNE2PS2BF16 ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.F2.0F38.W0 72 /r | VCVTNE2PS2BF16 zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.F3.0F38.W0 72 /r | VCVTNEPS2BF16 xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.F3.0F38.W0 72 /r | VCVTNEPS2BF16 xmm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.F3.0F38.W0 72 /r | VCVTNEPS2BF16 ymm1 {k1}{z}, zmm2/m512/m32bcst
EVEX.128.66.0F38.W0 8F /r | VPSHUFBITQMB k1 {k2}, xmm2, xmm3/m128
EVEX.256.66.0F38.W0 8F /r | VPSHUFBITQMB k1 {k2}, ymm2, ymm3/m256
EVEX.512.66.0F38.W0 8F /r | VPSHUFBITQMB k1 {k2}, zmm2, zmm3/m512
EVEX.512.66.0F38.W0 CA /r | VRCP28PS zmm1 {k1}{z}, zmm2/m512/m32bcst{sae}
EVEX.512.66.0F38.W1 CA /r | VRCP28PD zmm1 {k1}{z}, zmm2/m512/m64bcst{sae}
EVEX.512.66.0F38.W0 CC /r | VRSQRT28PS zmm1 {k1}{z}, zmm2/m512/m32bcst{sae}
EVEX.512.66.0F38.W1 CC /r | VRSQRT28PD zmm1 {k1}{z}, zmm2/m512/m64bcst{sae}
EVEX.512.66.0F38.W0 C8 /r | VEXP2PS zmm1 {k1}{z}, zmm2/m512/m32bcst{sae}
EVEX.512.66.0F38.W1 C8 /r | VEXP2PD zmm1 {k1}{z}, zmm2/m512/m64bcst{sae}
EVEX.LIG.66.0F38.W0 CB /r | VRCP28SS xmm1 {k1}{z}, xmm2, xmm3/m32{sae}
EVEX.LIG.66.0F38.W1 CB /r | VRCP28SD xmm1 {k1}{z}, xmm2, xmm3/m64{sae}
EVEX.LIG.66.0F38.W0 CD /r | VRSQRT28SS xmm1 {k1}{z}, xmm2, xmm3/m32{sae}
EVEX.LIG.66.0F38.W1 CD /r | VRSQRT28SD xmm1 {k1}{z}, xmm2, xmm3/m64{sae}
EVEX.128.66.0F38.W0 13 /r | VCVTPH2PS xmm1 {k1}{z}, xmm2/m64
EVEX.256.66.0F38.W0 13 /r | VCVTPH2PS ymm1 {k1}{z}, xmm2/m128
EVEX.512.66.0F38.W0 13 /r | VCVTPH2PS zmm1 {k1}{z}, ymm2/m256{sae}
# ── Xeon Phi 4FMAPS / 4VNNIW (a group of four registers starting at vvvv) ──
EVEX.512.F2.0F38.W0 9A /r | V4FMADDPS zmm1 {k1}{z}, zmm2, m128
EVEX.512.F2.0F38.W0 AA /r | V4FNMADDPS zmm1 {k1}{z}, zmm2, m128
EVEX.LIG.F2.0F38.W0 9B /r | V4FMADDSS xmm1 {k1}{z}, xmm2, m128
EVEX.LIG.F2.0F38.W0 AB /r | V4FNMADDSS xmm1 {k1}{z}, xmm2, m128
EVEX.512.F2.0F38.W0 52 /r | VP4DPWSSD zmm1 {k1}{z}, zmm2, m128
EVEX.512.F2.0F38.W0 53 /r | VP4DPWSSDS zmm1 {k1}{z}, zmm2, m128
`;

export const EVEX_0F3A = `EVEX.256.66.0F3A.W1 00 /r ib | VPERMQ ymm1 {k1}{z}, ymm2/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 00 /r ib | VPERMQ zmm1 {k1}{z}, zmm2/m512/m64bcst, imm8
EVEX.256.66.0F3A.W1 01 /r ib | VPERMPD ymm1 {k1}{z}, ymm2/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 01 /r ib | VPERMPD zmm1 {k1}{z}, zmm2/m512/m64bcst, imm8
EVEX.128.66.0F3A.W0 03 /r ib | VALIGND xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst, imm8
EVEX.256.66.0F3A.W0 03 /r ib | VALIGND ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst, imm8
EVEX.512.66.0F3A.W0 03 /r ib | VALIGND zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst, imm8
EVEX.128.66.0F3A.W1 03 /r ib | VALIGNQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 03 /r ib | VALIGNQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 03 /r ib | VALIGNQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst, imm8
EVEX.128.66.0F3A.W0 04 /r ib | VPERMILPS xmm1 {k1}{z}, xmm2/m128/m32bcst, imm8
EVEX.256.66.0F3A.W0 04 /r ib | VPERMILPS ymm1 {k1}{z}, ymm2/m256/m32bcst, imm8
EVEX.512.66.0F3A.W0 04 /r ib | VPERMILPS zmm1 {k1}{z}, zmm2/m512/m32bcst, imm8
EVEX.128.66.0F3A.W1 05 /r ib | VPERMILPD xmm1 {k1}{z}, xmm2/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 05 /r ib | VPERMILPD ymm1 {k1}{z}, ymm2/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 05 /r ib | VPERMILPD zmm1 {k1}{z}, zmm2/m512/m64bcst, imm8
EVEX.128.66.0F3A.W0 08 /r ib | VRNDSCALEPS xmm1 {k1}{z}, xmm2/m128/m32bcst, imm8
EVEX.256.66.0F3A.W0 08 /r ib | VRNDSCALEPS ymm1 {k1}{z}, ymm2/m256/m32bcst, imm8
EVEX.512.66.0F3A.W0 08 /r ib | VRNDSCALEPS zmm1 {k1}{z}, zmm2/m512/m32bcst{sae}, imm8
EVEX.128.66.0F3A.W1 09 /r ib | VRNDSCALEPD xmm1 {k1}{z}, xmm2/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 09 /r ib | VRNDSCALEPD ymm1 {k1}{z}, ymm2/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 09 /r ib | VRNDSCALEPD zmm1 {k1}{z}, zmm2/m512/m64bcst{sae}, imm8
EVEX.LIG.66.0F3A.W0 0A /r ib | VRNDSCALESS xmm1 {k1}{z}, xmm2, xmm3/m32{sae}, imm8
EVEX.LIG.66.0F3A.W1 0B /r ib | VRNDSCALESD xmm1 {k1}{z}, xmm2, xmm3/m64{sae}, imm8
EVEX.128.66.0F3A.WIG 0F /r ib | VPALIGNR xmm1 {k1}{z}, xmm2, xmm3/m128, imm8
EVEX.256.66.0F3A.WIG 0F /r ib | VPALIGNR ymm1 {k1}{z}, ymm2, ymm3/m256, imm8
EVEX.512.66.0F3A.WIG 0F /r ib | VPALIGNR zmm1 {k1}{z}, zmm2, zmm3/m512, imm8
EVEX.128.66.0F3A.W0 42 /r ib | VDBPSADBW xmm1 {k1}{z}, xmm2, xmm3/m128, imm8
EVEX.256.66.0F3A.W0 42 /r ib | VDBPSADBW ymm1 {k1}{z}, ymm2, ymm3/m256, imm8
EVEX.512.66.0F3A.W0 42 /r ib | VDBPSADBW zmm1 {k1}{z}, zmm2, zmm3/m512, imm8
EVEX.128.66.0F3A.WIG 44 /r ib | VPCLMULQDQ xmm1 , xmm2, xmm3/m128, imm8
EVEX.256.66.0F3A.WIG 44 /r ib | VPCLMULQDQ ymm1 , ymm2, ymm3/m256, imm8
EVEX.512.66.0F3A.WIG 44 /r ib | VPCLMULQDQ zmm1 , zmm2, zmm3/m512, imm8
EVEX.128.66.0F3A.W0 25 /r ib | VPTERNLOGD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst, imm8
EVEX.256.66.0F3A.W0 25 /r ib | VPTERNLOGD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst, imm8
EVEX.512.66.0F3A.W0 25 /r ib | VPTERNLOGD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst, imm8
EVEX.128.66.0F3A.W1 25 /r ib | VPTERNLOGQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 25 /r ib | VPTERNLOGQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 25 /r ib | VPTERNLOGQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst, imm8
EVEX.128.66.0F3A.W0 26 /r ib | VGETMANTPS xmm1 {k1}{z}, xmm2/m128/m32bcst, imm8
EVEX.256.66.0F3A.W0 26 /r ib | VGETMANTPS ymm1 {k1}{z}, ymm2/m256/m32bcst, imm8
EVEX.512.66.0F3A.W0 26 /r ib | VGETMANTPS zmm1 {k1}{z}, zmm2/m512/m32bcst{sae}, imm8
EVEX.128.66.0F3A.W1 26 /r ib | VGETMANTPD xmm1 {k1}{z}, xmm2/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 26 /r ib | VGETMANTPD ymm1 {k1}{z}, ymm2/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 26 /r ib | VGETMANTPD zmm1 {k1}{z}, zmm2/m512/m64bcst{sae}, imm8
EVEX.LIG.66.0F3A.W0 27 /r ib | VGETMANTSS xmm1 {k1}{z}, xmm2, xmm3/m32{sae}, imm8
EVEX.LIG.66.0F3A.W1 27 /r ib | VGETMANTSD xmm1 {k1}{z}, xmm2, xmm3/m64{sae}, imm8
EVEX.128.66.0F3A.W0 50 /r ib | VRANGEPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst, imm8
EVEX.256.66.0F3A.W0 50 /r ib | VRANGEPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst, imm8
EVEX.512.66.0F3A.W0 50 /r ib | VRANGEPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{sae}, imm8
EVEX.128.66.0F3A.W1 50 /r ib | VRANGEPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 50 /r ib | VRANGEPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 50 /r ib | VRANGEPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{sae}, imm8
EVEX.LIG.66.0F3A.W0 51 /r ib | VRANGESS xmm1 {k1}{z}, xmm2, xmm3/m32{sae}, imm8
EVEX.LIG.66.0F3A.W1 51 /r ib | VRANGESD xmm1 {k1}{z}, xmm2, xmm3/m64{sae}, imm8
EVEX.128.66.0F3A.W0 54 /r ib | VFIXUPIMMPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst, imm8
EVEX.256.66.0F3A.W0 54 /r ib | VFIXUPIMMPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst, imm8
EVEX.512.66.0F3A.W0 54 /r ib | VFIXUPIMMPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst{sae}, imm8
EVEX.128.66.0F3A.W1 54 /r ib | VFIXUPIMMPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 54 /r ib | VFIXUPIMMPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 54 /r ib | VFIXUPIMMPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst{sae}, imm8
EVEX.LIG.66.0F3A.W0 55 /r ib | VFIXUPIMMSS xmm1 {k1}{z}, xmm2, xmm3/m32{sae}, imm8
EVEX.LIG.66.0F3A.W1 55 /r ib | VFIXUPIMMSD xmm1 {k1}{z}, xmm2, xmm3/m64{sae}, imm8
EVEX.128.66.0F3A.W0 56 /r ib | VREDUCEPS xmm1 {k1}{z}, xmm2/m128/m32bcst, imm8
EVEX.256.66.0F3A.W0 56 /r ib | VREDUCEPS ymm1 {k1}{z}, ymm2/m256/m32bcst, imm8
EVEX.512.66.0F3A.W0 56 /r ib | VREDUCEPS zmm1 {k1}{z}, zmm2/m512/m32bcst{sae}, imm8
EVEX.128.66.0F3A.W1 56 /r ib | VREDUCEPD xmm1 {k1}{z}, xmm2/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 56 /r ib | VREDUCEPD ymm1 {k1}{z}, ymm2/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 56 /r ib | VREDUCEPD zmm1 {k1}{z}, zmm2/m512/m64bcst{sae}, imm8
EVEX.LIG.66.0F3A.W0 57 /r ib | VREDUCESS xmm1 {k1}{z}, xmm2, xmm3/m32{sae}, imm8
EVEX.LIG.66.0F3A.W1 57 /r ib | VREDUCESD xmm1 {k1}{z}, xmm2, xmm3/m64{sae}, imm8
EVEX.128.66.0F3A.W1 CE /r ib | VGF2P8AFFINEQB xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 CE /r ib | VGF2P8AFFINEQB ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 CE /r ib | VGF2P8AFFINEQB zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst, imm8
EVEX.128.66.0F3A.W1 CF /r ib | VGF2P8AFFINEINVQB xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 CF /r ib | VGF2P8AFFINEINVQB ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 CF /r ib | VGF2P8AFFINEINVQB zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst, imm8
EVEX.128.66.0F3A.W0 1E /r ib | VPCMPUD k1 {k2}, xmm2, xmm3/m128/m32bcst, imm8
EVEX.256.66.0F3A.W0 1E /r ib | VPCMPUD k1 {k2}, ymm2, ymm3/m256/m32bcst, imm8
EVEX.512.66.0F3A.W0 1E /r ib | VPCMPUD k1 {k2}, zmm2, zmm3/m512/m32bcst, imm8
EVEX.128.66.0F3A.W1 1E /r ib | VPCMPUQ k1 {k2}, xmm2, xmm3/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 1E /r ib | VPCMPUQ k1 {k2}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 1E /r ib | VPCMPUQ k1 {k2}, zmm2, zmm3/m512/m64bcst, imm8
EVEX.128.66.0F3A.W0 1F /r ib | VPCMPD k1 {k2}, xmm2, xmm3/m128/m32bcst, imm8
EVEX.256.66.0F3A.W0 1F /r ib | VPCMPD k1 {k2}, ymm2, ymm3/m256/m32bcst, imm8
EVEX.512.66.0F3A.W0 1F /r ib | VPCMPD k1 {k2}, zmm2, zmm3/m512/m32bcst, imm8
EVEX.128.66.0F3A.W1 1F /r ib | VPCMPQ k1 {k2}, xmm2, xmm3/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 1F /r ib | VPCMPQ k1 {k2}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 1F /r ib | VPCMPQ k1 {k2}, zmm2, zmm3/m512/m64bcst, imm8
EVEX.128.66.0F3A.W0 3E /r ib | VPCMPUB k1 {k2}, xmm2, xmm3/m128, imm8
EVEX.256.66.0F3A.W0 3E /r ib | VPCMPUB k1 {k2}, ymm2, ymm3/m256, imm8
EVEX.512.66.0F3A.W0 3E /r ib | VPCMPUB k1 {k2}, zmm2, zmm3/m512, imm8
EVEX.128.66.0F3A.W1 3E /r ib | VPCMPUW k1 {k2}, xmm2, xmm3/m128, imm8
EVEX.256.66.0F3A.W1 3E /r ib | VPCMPUW k1 {k2}, ymm2, ymm3/m256, imm8
EVEX.512.66.0F3A.W1 3E /r ib | VPCMPUW k1 {k2}, zmm2, zmm3/m512, imm8
EVEX.128.66.0F3A.W0 3F /r ib | VPCMPB k1 {k2}, xmm2, xmm3/m128, imm8
EVEX.256.66.0F3A.W0 3F /r ib | VPCMPB k1 {k2}, ymm2, ymm3/m256, imm8
EVEX.512.66.0F3A.W0 3F /r ib | VPCMPB k1 {k2}, zmm2, zmm3/m512, imm8
EVEX.128.66.0F3A.W1 3F /r ib | VPCMPW k1 {k2}, xmm2, xmm3/m128, imm8
EVEX.256.66.0F3A.W1 3F /r ib | VPCMPW k1 {k2}, ymm2, ymm3/m256, imm8
EVEX.512.66.0F3A.W1 3F /r ib | VPCMPW k1 {k2}, zmm2, zmm3/m512, imm8
EVEX.128.66.0F3A.W0 66 /r ib | VFPCLASSPS k2 {k1}, xmm2/m128/m32bcst, imm8
EVEX.128.66.0F3A.W1 66 /r ib | VFPCLASSPD k2 {k1}, xmm2/m128/m64bcst, imm8
EVEX.256.66.0F3A.W0 66 /r ib | VFPCLASSPS k2 {k1}, ymm2/m256/m32bcst, imm8
EVEX.256.66.0F3A.W1 66 /r ib | VFPCLASSPD k2 {k1}, ymm2/m256/m64bcst, imm8
EVEX.512.66.0F3A.W0 66 /r ib | VFPCLASSPS k2 {k1}, zmm2/m512/m32bcst, imm8
EVEX.512.66.0F3A.W1 66 /r ib | VFPCLASSPD k2 {k1}, zmm2/m512/m64bcst, imm8
EVEX.LIG.66.0F3A.W0 67 /r ib | VFPCLASSSS k2 {k1}, xmm2/m32, imm8
EVEX.LIG.66.0F3A.W1 67 /r ib | VFPCLASSSD k2 {k1}, xmm2/m64, imm8
EVEX.256.66.0F3A.W0 18 /r ib | VINSERTF32X4 ymm1 {k1}{z}, ymm2, xmm3/m128, imm8
EVEX.256.66.0F3A.W1 18 /r ib | VINSERTF64X2 ymm1 {k1}{z}, ymm2, xmm3/m128, imm8
EVEX.256.66.0F3A.W0 38 /r ib | VINSERTI32X4 ymm1 {k1}{z}, ymm2, xmm3/m128, imm8
EVEX.256.66.0F3A.W1 38 /r ib | VINSERTI64X2 ymm1 {k1}{z}, ymm2, xmm3/m128, imm8
EVEX.256.66.0F3A.W0 19 /r ib | VEXTRACTF32X4 xmm1/m128 {k1}{z}, ymm2, imm8
EVEX.256.66.0F3A.W1 19 /r ib | VEXTRACTF64X2 xmm1/m128 {k1}{z}, ymm2, imm8
EVEX.256.66.0F3A.W0 39 /r ib | VEXTRACTI32X4 xmm1/m128 {k1}{z}, ymm2, imm8
EVEX.256.66.0F3A.W1 39 /r ib | VEXTRACTI64X2 xmm1/m128 {k1}{z}, ymm2, imm8
EVEX.256.66.0F3A.W0 23 /r ib | VSHUFF32X4 ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst, imm8
EVEX.256.66.0F3A.W1 23 /r ib | VSHUFF64X2 ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.256.66.0F3A.W0 43 /r ib | VSHUFI32X4 ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst, imm8
EVEX.256.66.0F3A.W1 43 /r ib | VSHUFI64X2 ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F3A.W0 18 /r ib | VINSERTF32X4 zmm1 {k1}{z}, zmm2, xmm3/m128, imm8
EVEX.512.66.0F3A.W1 18 /r ib | VINSERTF64X2 zmm1 {k1}{z}, zmm2, xmm3/m128, imm8
EVEX.512.66.0F3A.W0 38 /r ib | VINSERTI32X4 zmm1 {k1}{z}, zmm2, xmm3/m128, imm8
EVEX.512.66.0F3A.W1 38 /r ib | VINSERTI64X2 zmm1 {k1}{z}, zmm2, xmm3/m128, imm8
EVEX.512.66.0F3A.W0 19 /r ib | VEXTRACTF32X4 xmm1/m128 {k1}{z}, zmm2, imm8
EVEX.512.66.0F3A.W1 19 /r ib | VEXTRACTF64X2 xmm1/m128 {k1}{z}, zmm2, imm8
EVEX.512.66.0F3A.W0 39 /r ib | VEXTRACTI32X4 xmm1/m128 {k1}{z}, zmm2, imm8
EVEX.512.66.0F3A.W1 39 /r ib | VEXTRACTI64X2 xmm1/m128 {k1}{z}, zmm2, imm8
EVEX.512.66.0F3A.W0 23 /r ib | VSHUFF32X4 zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst, imm8
EVEX.512.66.0F3A.W1 23 /r ib | VSHUFF64X2 zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst, imm8
EVEX.512.66.0F3A.W0 43 /r ib | VSHUFI32X4 zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst, imm8
EVEX.512.66.0F3A.W1 43 /r ib | VSHUFI64X2 zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst, imm8
EVEX.512.66.0F3A.W0 1A /r ib | VINSERTF32X8 zmm1 {k1}{z}, zmm2, ymm3/m256, imm8
EVEX.512.66.0F3A.W1 1A /r ib | VINSERTF64X4 zmm1 {k1}{z}, zmm2, ymm3/m256, imm8
EVEX.512.66.0F3A.W0 3A /r ib | VINSERTI32X8 zmm1 {k1}{z}, zmm2, ymm3/m256, imm8
EVEX.512.66.0F3A.W1 3A /r ib | VINSERTI64X4 zmm1 {k1}{z}, zmm2, ymm3/m256, imm8
EVEX.512.66.0F3A.W0 1B /r ib | VEXTRACTF32X8 ymm1/m256 {k1}{z}, zmm2, imm8
EVEX.512.66.0F3A.W1 1B /r ib | VEXTRACTF64X4 ymm1/m256 {k1}{z}, zmm2, imm8
EVEX.512.66.0F3A.W0 3B /r ib | VEXTRACTI32X8 ymm1/m256 {k1}{z}, zmm2, imm8
EVEX.512.66.0F3A.W1 3B /r ib | VEXTRACTI64X4 ymm1/m256 {k1}{z}, zmm2, imm8
EVEX.128.66.0F3A.W0 1D /r ib | VCVTPS2PH xmm1/m64 {k1}{z}, xmm2, imm8
EVEX.256.66.0F3A.W0 1D /r ib | VCVTPS2PH xmm1/m128 {k1}{z}, ymm2, imm8
EVEX.512.66.0F3A.W0 1D /r ib | VCVTPS2PH ymm1/m256 {k1}{z}, zmm2{sae}, imm8
EVEX.128.66.0F3A.WIG 14 /r ib | VPEXTRB r32/m8, xmm2, imm8
EVEX.128.66.0F3A.WIG 15 /r ib | VPEXTRW r32/m16, xmm2, imm8
EVEX.128.66.0F3A.W0 16 /r ib | VPEXTRD r/m32, xmm2, imm8
EVEX.128.66.0F3A.W1 16 /r ib | VPEXTRQ r/m64, xmm2, imm8 | o64
EVEX.128.66.0F3A.WIG 17 /r ib | VEXTRACTPS r/m32, xmm1, imm8
EVEX.128.66.0F3A.WIG 20 /r ib | VPINSRB xmm1, xmm2, r32/m8, imm8
EVEX.128.66.0F3A.W0 22 /r ib | VPINSRD xmm1, xmm2, r/m32, imm8
EVEX.128.66.0F3A.W1 22 /r ib | VPINSRQ xmm1, xmm2, r/m64, imm8 | o64
EVEX.128.66.0F3A.W0 21 /r ib | VINSERTPS xmm1, xmm2, xmm3/m32, imm8
EVEX.128.66.0F3A.W1 70 /r ib | VPSHLDW xmm1 {k1}{z}, xmm2, xmm3/m128, imm8
EVEX.256.66.0F3A.W1 70 /r ib | VPSHLDW ymm1 {k1}{z}, ymm2, ymm3/m256, imm8
EVEX.512.66.0F3A.W1 70 /r ib | VPSHLDW zmm1 {k1}{z}, zmm2, zmm3/m512, imm8
EVEX.128.66.0F3A.W1 72 /r ib | VPSHRDW xmm1 {k1}{z}, xmm2, xmm3/m128, imm8
EVEX.256.66.0F3A.W1 72 /r ib | VPSHRDW ymm1 {k1}{z}, ymm2, ymm3/m256, imm8
EVEX.512.66.0F3A.W1 72 /r ib | VPSHRDW zmm1 {k1}{z}, zmm2, zmm3/m512, imm8
EVEX.128.66.0F3A.W0 71 /r ib | VPSHLDD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst, imm8
EVEX.256.66.0F3A.W0 71 /r ib | VPSHLDD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst, imm8
EVEX.512.66.0F3A.W0 71 /r ib | VPSHLDD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst, imm8
EVEX.128.66.0F3A.W1 71 /r ib | VPSHLDQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 71 /r ib | VPSHLDQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 71 /r ib | VPSHLDQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst, imm8
EVEX.128.66.0F3A.W0 73 /r ib | VPSHRDD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst, imm8
EVEX.256.66.0F3A.W0 73 /r ib | VPSHRDD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst, imm8
EVEX.512.66.0F3A.W0 73 /r ib | VPSHRDD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst, imm8
EVEX.128.66.0F3A.W1 73 /r ib | VPSHRDQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst, imm8
EVEX.256.66.0F3A.W1 73 /r ib | VPSHRDQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst, imm8
EVEX.512.66.0F3A.W1 73 /r ib | VPSHRDQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst, imm8
# ── AVX512-FP16 rows of map 0F3A (maps 5 and 6 are not in the tables yet) ──
EVEX.128.NP.0F3A.W0 08 /r ib | VRNDSCALEPH xmm1 {k1}{z}, xmm2/m128/m16bcst, imm8
EVEX.128.NP.0F3A.W0 26 /r ib | VGETMANTPH xmm1 {k1}{z}, xmm2/m128/m16bcst, imm8
EVEX.128.NP.0F3A.W0 56 /r ib | VREDUCEPH xmm1 {k1}{z}, xmm2/m128/m16bcst, imm8
EVEX.128.NP.0F3A.W0 C2 /r ib | VCMPPH k1 {k2}, xmm2, xmm3/m128/m16bcst, imm8
EVEX.128.NP.0F3A.W0 66 /r ib | VFPCLASSPH k1 {k2}, xmm2/m128/m16bcst, imm8
EVEX.256.NP.0F3A.W0 08 /r ib | VRNDSCALEPH ymm1 {k1}{z}, ymm2/m256/m16bcst, imm8
EVEX.256.NP.0F3A.W0 26 /r ib | VGETMANTPH ymm1 {k1}{z}, ymm2/m256/m16bcst, imm8
EVEX.256.NP.0F3A.W0 56 /r ib | VREDUCEPH ymm1 {k1}{z}, ymm2/m256/m16bcst, imm8
EVEX.256.NP.0F3A.W0 C2 /r ib | VCMPPH k1 {k2}, ymm2, ymm3/m256/m16bcst, imm8
EVEX.256.NP.0F3A.W0 66 /r ib | VFPCLASSPH k1 {k2}, ymm2/m256/m16bcst, imm8
EVEX.512.NP.0F3A.W0 08 /r ib | VRNDSCALEPH zmm1 {k1}{z}, zmm2/m512/m16bcst{sae}, imm8
EVEX.512.NP.0F3A.W0 26 /r ib | VGETMANTPH zmm1 {k1}{z}, zmm2/m512/m16bcst{sae}, imm8
EVEX.512.NP.0F3A.W0 56 /r ib | VREDUCEPH zmm1 {k1}{z}, zmm2/m512/m16bcst{sae}, imm8
EVEX.512.NP.0F3A.W0 C2 /r ib | VCMPPH k1 {k2}, zmm2, zmm3/m512/m16bcst{sae}, imm8
EVEX.512.NP.0F3A.W0 66 /r ib | VFPCLASSPH k1 {k2}, zmm2/m512/m16bcst, imm8
EVEX.LIG.NP.0F3A.W0 0A /r ib | VRNDSCALESH xmm1 {k1}{z}, xmm2, xmm3/m16{sae}, imm8
EVEX.LIG.NP.0F3A.W0 27 /r ib | VGETMANTSH xmm1 {k1}{z}, xmm2, xmm3/m16{sae}, imm8
EVEX.LIG.NP.0F3A.W0 57 /r ib | VREDUCESH xmm1 {k1}{z}, xmm2, xmm3/m16{sae}, imm8
EVEX.LIG.F3.0F3A.W0 C2 /r ib | VCMPSH k1 {k2}, xmm2, xmm3/m16{sae}, imm8
EVEX.LIG.NP.0F3A.W0 67 /r ib | VFPCLASSSH k1 {k2}, xmm2/m16, imm8
`;
