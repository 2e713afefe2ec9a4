/**
 * @file x86 stage, data only: EVEX-encoded rows of map 0F38, part 1 (AVX-512 F/VL/BW/DQ/CD,
 * VBMI, VNNI, IFMA, BITALG, VPOPCNTDQ), spelled as the SDM opcode and instruction columns.
 */
export const EVEX_0F38_A = `EVEX.128.66.0F38.WIG 00 /r | VPSHUFB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.WIG 00 /r | VPSHUFB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.WIG 00 /r | VPSHUFB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.WIG 04 /r | VPMADDUBSW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.WIG 04 /r | VPMADDUBSW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.WIG 04 /r | VPMADDUBSW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.WIG 0B /r | VPMULHRSW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.WIG 0B /r | VPMULHRSW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.WIG 0B /r | VPMULHRSW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.WIG 38 /r | VPMINSB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.WIG 38 /r | VPMINSB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.WIG 38 /r | VPMINSB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.WIG 3A /r | VPMINUW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.WIG 3A /r | VPMINUW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.WIG 3A /r | VPMINUW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.WIG 3C /r | VPMAXSB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.WIG 3C /r | VPMAXSB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.WIG 3C /r | VPMAXSB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.WIG 3E /r | VPMAXUW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.WIG 3E /r | VPMAXUW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.WIG 3E /r | VPMAXUW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W0 2B /r | VPACKUSDW xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 2B /r | VPACKUSDW ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 2B /r | VPACKUSDW zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.WIG 1C /r | VPABSB xmm1 {k1}{z}, xmm2/m128
EVEX.256.66.0F38.WIG 1C /r | VPABSB ymm1 {k1}{z}, ymm2/m256
EVEX.512.66.0F38.WIG 1C /r | VPABSB zmm1 {k1}{z}, zmm2/m512
EVEX.128.66.0F38.WIG 1D /r | VPABSW xmm1 {k1}{z}, xmm2/m128
EVEX.256.66.0F38.WIG 1D /r | VPABSW ymm1 {k1}{z}, ymm2/m256
EVEX.512.66.0F38.WIG 1D /r | VPABSW zmm1 {k1}{z}, zmm2/m512
EVEX.128.66.0F38.W0 1E /r | VPABSD xmm1 {k1}{z}, xmm2/m128/m32bcst
EVEX.256.66.0F38.W0 1E /r | VPABSD ymm1 {k1}{z}, ymm2/m256/m32bcst
EVEX.512.66.0F38.W0 1E /r | VPABSD zmm1 {k1}{z}, zmm2/m512/m32bcst
EVEX.128.66.0F38.W1 1F /r | VPABSQ xmm1 {k1}{z}, xmm2/m128/m64bcst
EVEX.256.66.0F38.W1 1F /r | VPABSQ ymm1 {k1}{z}, ymm2/m256/m64bcst
EVEX.512.66.0F38.W1 1F /r | VPABSQ zmm1 {k1}{z}, zmm2/m512/m64bcst
EVEX.128.66.0F38.WIG 20 /r | VPMOVSXBW xmm1 {k1}{z}, xmm2/m64
EVEX.256.66.0F38.WIG 20 /r | VPMOVSXBW ymm1 {k1}{z}, xmm2/m128
EVEX.512.66.0F38.WIG 20 /r | VPMOVSXBW zmm1 {k1}{z}, ymm2/m256
EVEX.128.66.0F38.WIG 21 /r | VPMOVSXBD xmm1 {k1}{z}, xmm2/m32
EVEX.256.66.0F38.WIG 21 /r | VPMOVSXBD ymm1 {k1}{z}, xmm2/m64
EVEX.512.66.0F38.WIG 21 /r | VPMOVSXBD zmm1 {k1}{z}, xmm2/m128
EVEX.128.66.0F38.WIG 22 /r | VPMOVSXBQ xmm1 {k1}{z}, xmm2/m16
EVEX.256.66.0F38.WIG 22 /r | VPMOVSXBQ ymm1 {k1}{z}, xmm2/m32
EVEX.512.66.0F38.WIG 22 /r | VPMOVSXBQ zmm1 {k1}{z}, xmm2/m64
EVEX.128.66.0F38.WIG 23 /r | VPMOVSXWD xmm1 {k1}{z}, xmm2/m64
EVEX.256.66.0F38.WIG 23 /r | VPMOVSXWD ymm1 {k1}{z}, xmm2/m128
EVEX.512.66.0F38.WIG 23 /r | VPMOVSXWD zmm1 {k1}{z}, ymm2/m256
EVEX.128.66.0F38.WIG 24 /r | VPMOVSXWQ xmm1 {k1}{z}, xmm2/m32
EVEX.256.66.0F38.WIG 24 /r | VPMOVSXWQ ymm1 {k1}{z}, xmm2/m64
EVEX.512.66.0F38.WIG 24 /r | VPMOVSXWQ zmm1 {k1}{z}, xmm2/m128
EVEX.128.66.0F38.W0 25 /r | VPMOVSXDQ xmm1 {k1}{z}, xmm2/m64
EVEX.256.66.0F38.W0 25 /r | VPMOVSXDQ ymm1 {k1}{z}, xmm2/m128
EVEX.512.66.0F38.W0 25 /r | VPMOVSXDQ zmm1 {k1}{z}, ymm2/m256
EVEX.128.66.0F38.WIG 30 /r | VPMOVZXBW xmm1 {k1}{z}, xmm2/m64
EVEX.256.66.0F38.WIG 30 /r | VPMOVZXBW ymm1 {k1}{z}, xmm2/m128
EVEX.512.66.0F38.WIG 30 /r | VPMOVZXBW zmm1 {k1}{z}, ymm2/m256
EVEX.128.66.0F38.WIG 31 /r | VPMOVZXBD xmm1 {k1}{z}, xmm2/m32
EVEX.256.66.0F38.WIG 31 /r | VPMOVZXBD ymm1 {k1}{z}, xmm2/m64
EVEX.512.66.0F38.WIG 31 /r | VPMOVZXBD zmm1 {k1}{z}, xmm2/m128
EVEX.128.66.0F38.WIG 32 /r | VPMOVZXBQ xmm1 {k1}{z}, xmm2/m16
EVEX.256.66.0F38.WIG 32 /r | VPMOVZXBQ ymm1 {k1}{z}, xmm2/m32
EVEX.512.66.0F38.WIG 32 /r | VPMOVZXBQ zmm1 {k1}{z}, xmm2/m64
EVEX.128.66.0F38.WIG 33 /r | VPMOVZXWD xmm1 {k1}{z}, xmm2/m64
EVEX.256.66.0F38.WIG 33 /r | VPMOVZXWD ymm1 {k1}{z}, xmm2/m128
EVEX.512.66.0F38.WIG 33 /r | VPMOVZXWD zmm1 {k1}{z}, ymm2/m256
EVEX.128.66.0F38.WIG 34 /r | VPMOVZXWQ xmm1 {k1}{z}, xmm2/m32
EVEX.256.66.0F38.WIG 34 /r | VPMOVZXWQ ymm1 {k1}{z}, xmm2/m64
EVEX.512.66.0F38.WIG 34 /r | VPMOVZXWQ zmm1 {k1}{z}, xmm2/m128
EVEX.128.66.0F38.W0 35 /r | VPMOVZXDQ xmm1 {k1}{z}, xmm2/m64
EVEX.256.66.0F38.W0 35 /r | VPMOVZXDQ ymm1 {k1}{z}, xmm2/m128
EVEX.512.66.0F38.W0 35 /r | VPMOVZXDQ zmm1 {k1}{z}, ymm2/m256
EVEX.128.F3.0F38.W0 30 /r | VPMOVWB xmm1/m64 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 30 /r | VPMOVWB xmm1/m128 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 30 /r | VPMOVWB ymm1/m256 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 31 /r | VPMOVDB xmm1/m32 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 31 /r | VPMOVDB xmm1/m64 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 31 /r | VPMOVDB xmm1/m128 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 32 /r | VPMOVQB xmm1/m16 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 32 /r | VPMOVQB xmm1/m32 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 32 /r | VPMOVQB xmm1/m64 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 33 /r | VPMOVDW xmm1/m64 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 33 /r | VPMOVDW xmm1/m128 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 33 /r | VPMOVDW ymm1/m256 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 34 /r | VPMOVQW xmm1/m32 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 34 /r | VPMOVQW xmm1/m64 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 34 /r | VPMOVQW xmm1/m128 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 35 /r | VPMOVQD xmm1/m64 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 35 /r | VPMOVQD xmm1/m128 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 35 /r | VPMOVQD ymm1/m256 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 20 /r | VPMOVSWB xmm1/m64 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 20 /r | VPMOVSWB xmm1/m128 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 20 /r | VPMOVSWB ymm1/m256 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 21 /r | VPMOVSDB xmm1/m32 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 21 /r | VPMOVSDB xmm1/m64 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 21 /r | VPMOVSDB xmm1/m128 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 22 /r | VPMOVSQB xmm1/m16 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 22 /r | VPMOVSQB xmm1/m32 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 22 /r | VPMOVSQB xmm1/m64 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 23 /r | VPMOVSDW xmm1/m64 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 23 /r | VPMOVSDW xmm1/m128 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 23 /r | VPMOVSDW ymm1/m256 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 24 /r | VPMOVSQW xmm1/m32 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 24 /r | VPMOVSQW xmm1/m64 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 24 /r | VPMOVSQW xmm1/m128 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 25 /r | VPMOVSQD xmm1/m64 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 25 /r | VPMOVSQD xmm1/m128 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 25 /r | VPMOVSQD ymm1/m256 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 10 /r | VPMOVUSWB xmm1/m64 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 10 /r | VPMOVUSWB xmm1/m128 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 10 /r | VPMOVUSWB ymm1/m256 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 11 /r | VPMOVUSDB xmm1/m32 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 11 /r | VPMOVUSDB xmm1/m64 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 11 /r | VPMOVUSDB xmm1/m128 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 12 /r | VPMOVUSQB xmm1/m16 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 12 /r | VPMOVUSQB xmm1/m32 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 12 /r | VPMOVUSQB xmm1/m64 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 13 /r | VPMOVUSDW xmm1/m64 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 13 /r | VPMOVUSDW xmm1/m128 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 13 /r | VPMOVUSDW ymm1/m256 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 14 /r | VPMOVUSQW xmm1/m32 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 14 /r | VPMOVUSQW xmm1/m64 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 14 /r | VPMOVUSQW xmm1/m128 {k1}{z}, zmm2
EVEX.128.F3.0F38.W0 15 /r | VPMOVUSQD xmm1/m64 {k1}{z}, xmm2
EVEX.256.F3.0F38.W0 15 /r | VPMOVUSQD xmm1/m128 {k1}{z}, ymm2
EVEX.512.F3.0F38.W0 15 /r | VPMOVUSQD ymm1/m256 {k1}{z}, zmm2
EVEX.128.66.0F38.W1 10 /r | VPSRLVW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W1 10 /r | VPSRLVW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W1 10 /r | VPSRLVW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W1 11 /r | VPSRAVW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W1 11 /r | VPSRAVW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W1 11 /r | VPSRAVW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W1 12 /r | VPSLLVW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W1 12 /r | VPSLLVW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W1 12 /r | VPSLLVW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W0 45 /r | VPSRLVD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 45 /r | VPSRLVD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 45 /r | VPSRLVD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 45 /r | VPSRLVQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 45 /r | VPSRLVQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 45 /r | VPSRLVQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 46 /r | VPSRAVD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 46 /r | VPSRAVD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 46 /r | VPSRAVD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 46 /r | VPSRAVQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 46 /r | VPSRAVQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 46 /r | VPSRAVQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 47 /r | VPSLLVD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 47 /r | VPSLLVD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 47 /r | VPSLLVD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 47 /r | VPSLLVQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 47 /r | VPSLLVQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 47 /r | VPSLLVQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.256.66.0F38.W0 36 /r | VPERMD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 36 /r | VPERMD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.256.66.0F38.W1 36 /r | VPERMQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 36 /r | VPERMQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.256.66.0F38.W0 16 /r | VPERMPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 16 /r | VPERMPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.256.66.0F38.W1 16 /r | VPERMPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 16 /r | VPERMPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 0C /r | VPERMILPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 0C /r | VPERMILPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 0C /r | VPERMILPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 0D /r | VPERMILPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 0D /r | VPERMILPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 0D /r | VPERMILPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W1 8D /r | VPERMW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W1 8D /r | VPERMW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W1 8D /r | VPERMW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W0 8D /r | VPERMB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W0 8D /r | VPERMB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W0 8D /r | VPERMB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W0 75 /r | VPERMI2B xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W0 75 /r | VPERMI2B ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W0 75 /r | VPERMI2B zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W1 75 /r | VPERMI2W xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W1 75 /r | VPERMI2W ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W1 75 /r | VPERMI2W zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W0 7D /r | VPERMT2B xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W0 7D /r | VPERMT2B ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W0 7D /r | VPERMT2B zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W1 7D /r | VPERMT2W xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W1 7D /r | VPERMT2W ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W1 7D /r | VPERMT2W zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W0 76 /r | VPERMI2D xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 76 /r | VPERMI2D ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 76 /r | VPERMI2D zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 76 /r | VPERMI2Q xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 76 /r | VPERMI2Q ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 76 /r | VPERMI2Q zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 7E /r | VPERMT2D xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 7E /r | VPERMT2D ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 7E /r | VPERMT2D zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 7E /r | VPERMT2Q xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 7E /r | VPERMT2Q ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 7E /r | VPERMT2Q zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 77 /r | VPERMI2PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 77 /r | VPERMI2PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 77 /r | VPERMI2PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 77 /r | VPERMI2PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 77 /r | VPERMI2PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 77 /r | VPERMI2PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 7F /r | VPERMT2PS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 7F /r | VPERMT2PS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 7F /r | VPERMT2PS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 7F /r | VPERMT2PD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 7F /r | VPERMT2PD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 7F /r | VPERMT2PD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W1 28 /r | VPMULDQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 28 /r | VPMULDQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 28 /r | VPMULDQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W1 40 /r | VPMULLQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 40 /r | VPMULLQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 40 /r | VPMULLQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 40 /r | VPMULLD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 40 /r | VPMULLD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 40 /r | VPMULLD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 29 /r | VPCMPEQQ k1 {k2}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 29 /r | VPCMPEQQ k1 {k2}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 29 /r | VPCMPEQQ k1 {k2}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W1 37 /r | VPCMPGTQ k1 {k2}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 37 /r | VPCMPGTQ k1 {k2}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 37 /r | VPCMPGTQ k1 {k2}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 39 /r | VPMINSD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 39 /r | VPMINSD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 39 /r | VPMINSD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 39 /r | VPMINSQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 39 /r | VPMINSQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 39 /r | VPMINSQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 3B /r | VPMINUD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 3B /r | VPMINUD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 3B /r | VPMINUD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 3B /r | VPMINUQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 3B /r | VPMINUQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 3B /r | VPMINUQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 3D /r | VPMAXSD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 3D /r | VPMAXSD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 3D /r | VPMAXSD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 3D /r | VPMAXSQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 3D /r | VPMAXSQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 3D /r | VPMAXSQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 3F /r | VPMAXUD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 3F /r | VPMAXUD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 3F /r | VPMAXUD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 3F /r | VPMAXUQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 3F /r | VPMAXUQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 3F /r | VPMAXUQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 64 /r | VPBLENDMD xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 64 /r | VPBLENDMD ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 64 /r | VPBLENDMD zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 64 /r | VPBLENDMQ xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 64 /r | VPBLENDMQ ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 64 /r | VPBLENDMQ zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 65 /r | VBLENDMPS xmm1 {k1}{z}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 65 /r | VBLENDMPS ymm1 {k1}{z}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 65 /r | VBLENDMPS zmm1 {k1}{z}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 65 /r | VBLENDMPD xmm1 {k1}{z}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 65 /r | VBLENDMPD ymm1 {k1}{z}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 65 /r | VBLENDMPD zmm1 {k1}{z}, zmm2, zmm3/m512/m64bcst
EVEX.128.66.0F38.W0 66 /r | VPBLENDMB xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W0 66 /r | VPBLENDMB ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W0 66 /r | VPBLENDMB zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W1 66 /r | VPBLENDMW xmm1 {k1}{z}, xmm2, xmm3/m128
EVEX.256.66.0F38.W1 66 /r | VPBLENDMW ymm1 {k1}{z}, ymm2, ymm3/m256
EVEX.512.66.0F38.W1 66 /r | VPBLENDMW zmm1 {k1}{z}, zmm2, zmm3/m512
EVEX.128.66.0F38.W0 26 /r | VPTESTMB k1 {k2}, xmm2, xmm3/m128
EVEX.256.66.0F38.W0 26 /r | VPTESTMB k1 {k2}, ymm2, ymm3/m256
EVEX.512.66.0F38.W0 26 /r | VPTESTMB k1 {k2}, zmm2, zmm3/m512
EVEX.128.66.0F38.W1 26 /r | VPTESTMW k1 {k2}, xmm2, xmm3/m128
EVEX.256.66.0F38.W1 26 /r | VPTESTMW k1 {k2}, ymm2, ymm3/m256
EVEX.512.66.0F38.W1 26 /r | VPTESTMW k1 {k2}, zmm2, zmm3/m512
EVEX.128.66.0F38.W0 27 /r | VPTESTMD k1 {k2}, xmm2, xmm3/m128/m32bcst
EVEX.256.66.0F38.W0 27 /r | VPTESTMD k1 {k2}, ymm2, ymm3/m256/m32bcst
EVEX.512.66.0F38.W0 27 /r | VPTESTMD k1 {k2}, zmm2, zmm3/m512/m32bcst
EVEX.128.66.0F38.W1 27 /r | VPTESTMQ k1 {k2}, xmm2, xmm3/m128/m64bcst
EVEX.256.66.0F38.W1 27 /r | VPTESTMQ k1 {k2}, ymm2, ymm3/m256/m64bcst
EVEX.512.66.0F38.W1 27 /r | VPTESTMQ k1 {k2}, zmm2, zmm3/m512/m64bcst
EVEX.128.F3.0F38.W0 26 /r | VPTESTNMB k1 {k2}, xmm2, xmm3/m128
EVEX.256.F3.0F38.W0 26 /r | VPTESTNMB k1 {k2}, ymm2, ymm3/m256
EVEX.512.F3.0F38.W0 26 /r | VPTESTNMB k1 {k2}, zmm2, zmm3/m512
EVEX.128.F3.0F38.W1 26 /r | VPTESTNMW k1 {k2}, xmm2, xmm3/m128
EVEX.256.F3.0F38.W1 26 /r | VPTESTNMW k1 {k2}, ymm2, ymm3/m256
EVEX.512.F3.0F38.W1 26 /r | VPTESTNMW k1 {k2}, zmm2, zmm3/m512
EVEX.128.F3.0F38.W0 27 /r | VPTESTNMD k1 {k2}, xmm2, xmm3/m128/m32bcst
EVEX.256.F3.0F38.W0 27 /r | VPTESTNMD k1 {k2}, ymm2, ymm3/m256/m32bcst
EVEX.512.F3.0F38.W0 27 /r | VPTESTNMD k1 {k2}, zmm2, zmm3/m512/m32bcst
EVEX.128.F3.0F38.W1 27 /r | VPTESTNMQ k1 {k2}, xmm2, xmm3/m128/m64bcst
EVEX.256.F3.0F38.W1 27 /r | VPTESTNMQ k1 {k2}, ymm2, ymm3/m256/m64bcst
EVEX.512.F3.0F38.W1 27 /r | VPTESTNMQ k1 {k2}, zmm2, zmm3/m512/m64bcst
EVEX.128.F3.0F38.W0 29 /r | VPMOVB2M k1, xmm1
EVEX.128.F3.0F38.W1 29 /r | VPMOVW2M k1, xmm1
EVEX.128.F3.0F38.W0 39 /r | VPMOVD2M k1, xmm1
EVEX.128.F3.0F38.W1 39 /r | VPMOVQ2M k1, xmm1
EVEX.128.F3.0F38.W0 28 /r | VPMOVM2B xmm1, k1
EVEX.128.F3.0F38.W1 28 /r | VPMOVM2W xmm1, k1
EVEX.128.F3.0F38.W0 38 /r | VPMOVM2D xmm1, k1
EVEX.128.F3.0F38.W1 38 /r | VPMOVM2Q xmm1, k1
EVEX.128.F3.0F38.W0 3A /r | VPBROADCASTMW2D xmm1, k1
EVEX.128.F3.0F38.W1 2A /r | VPBROADCASTMB2Q xmm1, k1
EVEX.128.66.0F38.W0 7A /r | VPBROADCASTB xmm1 {k1}{z}, r32
EVEX.128.66.0F38.W0 7B /r | VPBROADCASTW xmm1 {k1}{z}, r32
EVEX.128.66.0F38.W0 7C /r | VPBROADCASTD xmm1 {k1}{z}, r32
EVEX.128.66.0F38.W1 7C /r | VPBROADCASTQ xmm1 {k1}{z}, r64 | o64
EVEX.128.66.0F38.W1 7C /r | VPBROADCASTD xmm1 {k1}{z}, r32 | i64
EVEX.128.66.0F38.W0 78 /r | VPBROADCASTB xmm1 {k1}{z}, xmm2/m8
EVEX.128.66.0F38.W0 79 /r | VPBROADCASTW xmm1 {k1}{z}, xmm2/m16
EVEX.128.66.0F38.W0 58 /r | VPBROADCASTD xmm1 {k1}{z}, xmm2/m32
EVEX.128.66.0F38.W1 59 /r | VPBROADCASTQ xmm1 {k1}{z}, xmm2/m64
EVEX.128.66.0F38.W0 18 /r | VBROADCASTSS xmm1 {k1}{z}, xmm2/m32
EVEX.128.66.0F38.W0 59 /r | VBROADCASTI32X2 xmm1 {k1}{z}, xmm2/m64
EVEX.128.66.0F38.W0 88 /r | VEXPANDPS xmm1 {k1}{z}, xmm2/m128 | n=4
EVEX.128.66.0F38.W1 88 /r | VEXPANDPD xmm1 {k1}{z}, xmm2/m128 | n=8
EVEX.128.66.0F38.W0 89 /r | VPEXPANDD xmm1 {k1}{z}, xmm2/m128 | n=4
EVEX.128.66.0F38.W1 89 /r | VPEXPANDQ xmm1 {k1}{z}, xmm2/m128 | n=8
EVEX.128.66.0F38.W0 62 /r | VPEXPANDB xmm1 {k1}{z}, xmm2/m128 | n=1
EVEX.128.66.0F38.W1 62 /r | VPEXPANDW xmm1 {k1}{z}, xmm2/m128 | n=2
EVEX.128.66.0F38.W0 8A /r | VCOMPRESSPS xmm2/m128 {k1}{z}, xmm1 | n=4
EVEX.128.66.0F38.W1 8A /r | VCOMPRESSPD xmm2/m128 {k1}{z}, xmm1 | n=8
EVEX.128.66.0F38.W0 8B /r | VPCOMPRESSD xmm2/m128 {k1}{z}, xmm1 | n=4
EVEX.128.66.0F38.W1 8B /r | VPCOMPRESSQ xmm2/m128 {k1}{z}, xmm1 | n=8
EVEX.128.66.0F38.W0 63 /r | VPCOMPRESSB xmm2/m128 {k1}{z}, xmm1 | n=1
EVEX.128.66.0F38.W1 63 /r | VPCOMPRESSW xmm2/m128 {k1}{z}, xmm1 | n=2
EVEX.256.F3.0F38.W0 29 /r | VPMOVB2M k1, ymm1
EVEX.256.F3.0F38.W1 29 /r | VPMOVW2M k1, ymm1
EVEX.256.F3.0F38.W0 39 /r | VPMOVD2M k1, ymm1
EVEX.256.F3.0F38.W1 39 /r | VPMOVQ2M k1, ymm1
EVEX.256.F3.0F38.W0 28 /r | VPMOVM2B ymm1, k1
EVEX.256.F3.0F38.W1 28 /r | VPMOVM2W ymm1, k1
EVEX.256.F3.0F38.W0 38 /r | VPMOVM2D ymm1, k1
EVEX.256.F3.0F38.W1 38 /r | VPMOVM2Q ymm1, k1
EVEX.256.F3.0F38.W0 3A /r | VPBROADCASTMW2D ymm1, k1
EVEX.256.F3.0F38.W1 2A /r | VPBROADCASTMB2Q ymm1, k1
EVEX.256.66.0F38.W0 7A /r | VPBROADCASTB ymm1 {k1}{z}, r32
EVEX.256.66.0F38.W0 7B /r | VPBROADCASTW ymm1 {k1}{z}, r32
EVEX.256.66.0F38.W0 7C /r | VPBROADCASTD ymm1 {k1}{z}, r32
EVEX.256.66.0F38.W1 7C /r | VPBROADCASTQ ymm1 {k1}{z}, r64 | o64
EVEX.256.66.0F38.W1 7C /r | VPBROADCASTD ymm1 {k1}{z}, r32 | i64
EVEX.256.66.0F38.W0 78 /r | VPBROADCASTB ymm1 {k1}{z}, xmm2/m8
EVEX.256.66.0F38.W0 79 /r | VPBROADCASTW ymm1 {k1}{z}, xmm2/m16
EVEX.256.66.0F38.W0 58 /r | VPBROADCASTD ymm1 {k1}{z}, xmm2/m32
EVEX.256.66.0F38.W1 59 /r | VPBROADCASTQ ymm1 {k1}{z}, xmm2/m64
EVEX.256.66.0F38.W0 18 /r | VBROADCASTSS ymm1 {k1}{z}, xmm2/m32
EVEX.256.66.0F38.W0 59 /r | VBROADCASTI32X2 ymm1 {k1}{z}, xmm2/m64
EVEX.256.66.0F38.W1 19 /r | VBROADCASTSD ymm1 {k1}{z}, xmm2/m64
EVEX.256.66.0F38.W0 19 /r | VBROADCASTF32X2 ymm1 {k1}{z}, xmm2/m64
EVEX.256.66.0F38.W0 1A /r | VBROADCASTF32X4 ymm1 {k1}{z}, m128
EVEX.256.66.0F38.W1 1A /r | VBROADCASTF64X2 ymm1 {k1}{z}, m128
EVEX.256.66.0F38.W0 5A /r | VBROADCASTI32X4 ymm1 {k1}{z}, m128
EVEX.256.66.0F38.W1 5A /r | VBROADCASTI64X2 ymm1 {k1}{z}, m128
EVEX.256.66.0F38.W0 88 /r | VEXPANDPS ymm1 {k1}{z}, ymm2/m256 | n=4
EVEX.256.66.0F38.W1 88 /r | VEXPANDPD ymm1 {k1}{z}, ymm2/m256 | n=8
EVEX.256.66.0F38.W0 89 /r | VPEXPANDD ymm1 {k1}{z}, ymm2/m256 | n=4
EVEX.256.66.0F38.W1 89 /r | VPEXPANDQ ymm1 {k1}{z}, ymm2/m256 | n=8
EVEX.256.66.0F38.W0 62 /r | VPEXPANDB ymm1 {k1}{z}, ymm2/m256 | n=1
EVEX.256.66.0F38.W1 62 /r | VPEXPANDW ymm1 {k1}{z}, ymm2/m256 | n=2
EVEX.256.66.0F38.W0 8A /r | VCOMPRESSPS ymm2/m256 {k1}{z}, ymm1 | n=4
EVEX.256.66.0F38.W1 8A /r | VCOMPRESSPD ymm2/m256 {k1}{z}, ymm1 | n=8
EVEX.256.66.0F38.W0 8B /r | VPCOMPRESSD ymm2/m256 {k1}{z}, ymm1 | n=4
EVEX.256.66.0F38.W1 8B /r | VPCOMPRESSQ ymm2/m256 {k1}{z}, ymm1 | n=8
EVEX.256.66.0F38.W0 63 /r | VPCOMPRESSB ymm2/m256 {k1}{z}, ymm1 | n=1
EVEX.256.66.0F38.W1 63 /r | VPCOMPRESSW ymm2/m256 {k1}{z}, ymm1 | n=2
EVEX.512.F3.0F38.W0 29 /r | VPMOVB2M k1, zmm1
EVEX.512.F3.0F38.W1 29 /r | VPMOVW2M k1, zmm1
EVEX.512.F3.0F38.W0 39 /r | VPMOVD2M k1, zmm1
EVEX.512.F3.0F38.W1 39 /r | VPMOVQ2M k1, zmm1
EVEX.512.F3.0F38.W0 28 /r | VPMOVM2B zmm1, k1
EVEX.512.F3.0F38.W1 28 /r | VPMOVM2W zmm1, k1
EVEX.512.F3.0F38.W0 38 /r | VPMOVM2D zmm1, k1
EVEX.512.F3.0F38.W1 38 /r | VPMOVM2Q zmm1, k1
EVEX.512.F3.0F38.W0 3A /r | VPBROADCASTMW2D zmm1, k1
EVEX.512.F3.0F38.W1 2A /r | VPBROADCASTMB2Q zmm1, k1
EVEX.512.66.0F38.W0 7A /r | VPBROADCASTB zmm1 {k1}{z}, r32
EVEX.512.66.0F38.W0 7B /r | VPBROADCASTW zmm1 {k1}{z}, r32
EVEX.512.66.0F38.W0 7C /r | VPBROADCASTD zmm1 {k1}{z}, r32
EVEX.512.66.0F38.W1 7C /r | VPBROADCASTQ zmm1 {k1}{z}, r64 | o64
EVEX.512.66.0F38.W1 7C /r | VPBROADCASTD zmm1 {k1}{z}, r32 | i64
EVEX.512.66.0F38.W0 78 /r | VPBROADCASTB zmm1 {k1}{z}, xmm2/m8
EVEX.512.66.0F38.W0 79 /r | VPBROADCASTW zmm1 {k1}{z}, xmm2/m16
EVEX.512.66.0F38.W0 58 /r | VPBROADCASTD zmm1 {k1}{z}, xmm2/m32
EVEX.512.66.0F38.W1 59 /r | VPBROADCASTQ zmm1 {k1}{z}, xmm2/m64
EVEX.512.66.0F38.W0 18 /r | VBROADCASTSS zmm1 {k1}{z}, xmm2/m32
EVEX.512.66.0F38.W0 59 /r | VBROADCASTI32X2 zmm1 {k1}{z}, xmm2/m64
EVEX.512.66.0F38.W1 19 /r | VBROADCASTSD zmm1 {k1}{z}, xmm2/m64
EVEX.512.66.0F38.W0 19 /r | VBROADCASTF32X2 zmm1 {k1}{z}, xmm2/m64
EVEX.512.66.0F38.W0 1A /r | VBROADCASTF32X4 zmm1 {k1}{z}, m128
EVEX.512.66.0F38.W1 1A /r | VBROADCASTF64X2 zmm1 {k1}{z}, m128
EVEX.512.66.0F38.W0 5A /r | VBROADCASTI32X4 zmm1 {k1}{z}, m128
EVEX.512.66.0F38.W1 5A /r | VBROADCASTI64X2 zmm1 {k1}{z}, m128
EVEX.512.66.0F38.W0 1B /r | VBROADCASTF32X8 zmm1 {k1}{z}, m256
EVEX.512.66.0F38.W1 1B /r | VBROADCASTF64X4 zmm1 {k1}{z}, m256
EVEX.512.66.0F38.W0 5B /r | VBROADCASTI32X8 zmm1 {k1}{z}, m256
EVEX.512.66.0F38.W1 5B /r | VBROADCASTI64X4 zmm1 {k1}{z}, m256
EVEX.512.66.0F38.W0 88 /r | VEXPANDPS zmm1 {k1}{z}, zmm2/m512 | n=4
EVEX.512.66.0F38.W1 88 /r | VEXPANDPD zmm1 {k1}{z}, zmm2/m512 | n=8
EVEX.512.66.0F38.W0 89 /r | VPEXPANDD zmm1 {k1}{z}, zmm2/m512 | n=4
EVEX.512.66.0F38.W1 89 /r | VPEXPANDQ zmm1 {k1}{z}, zmm2/m512 | n=8
EVEX.512.66.0F38.W0 62 /r | VPEXPANDB zmm1 {k1}{z}, zmm2/m512 | n=1
EVEX.512.66.0F38.W1 62 /r | VPEXPANDW zmm1 {k1}{z}, zmm2/m512 | n=2
EVEX.512.66.0F38.W0 8A /r | VCOMPRESSPS zmm2/m512 {k1}{z}, zmm1 | n=4
EVEX.512.66.0F38.W1 8A /r | VCOMPRESSPD zmm2/m512 {k1}{z}, zmm1 | n=8
EVEX.512.66.0F38.W0 8B /r | VPCOMPRESSD zmm2/m512 {k1}{z}, zmm1 | n=4
EVEX.512.66.0F38.W1 8B /r | VPCOMPRESSQ zmm2/m512 {k1}{z}, zmm1 | n=8

EVEX.128.66.0F38.W0 2A /r | VMOVNTDQA xmm1, m128
EVEX.256.66.0F38.W0 2A /r | VMOVNTDQA ymm1, m256
EVEX.512.66.0F38.W0 2A /r | VMOVNTDQA zmm1, m512
EVEX.128.F2.0F38.W0 68 /r | VP2INTERSECTD k1, xmm2, xmm3/m128/m32bcst
EVEX.256.F2.0F38.W0 68 /r | VP2INTERSECTD k1, ymm2, ymm3/m256/m32bcst
EVEX.512.F2.0F38.W0 68 /r | VP2INTERSECTD k1, zmm2, zmm3/m512/m32bcst
EVEX.128.F2.0F38.W1 68 /r | VP2INTERSECTQ k1, xmm2, xmm3/m128/m64bcst
EVEX.256.F2.0F38.W1 68 /r | VP2INTERSECTQ k1, ymm2, ymm3/m256/m64bcst
EVEX.512.F2.0F38.W1 68 /r | VP2INTERSECTQ k1, zmm2, zmm3/m512/m64bcst
`;
