/**
 * @file x86 stage, data only: the one-byte opcode map (SDM Vol. 2 Appendix A, Table A-2) with
 * its groups 1-5, 11 (C6/C7) and 1A (8F /0). Prefix bytes (26 2E 36 3E 64 65 66 67 F0 F2 F3,
 * REX 40-4F in 64-bit mode) and the VEX/EVEX/XOP escapes (C4 C5 62 8F) are handled by the decoder,
 * x87 escapes D8-DF live in `x87.ts`. Row format: see `_schema.ts`.
 */
export const PRIMARY = `
# ── ADD / OR / ADC / SBB / AND / SUB / XOR / CMP (00-3D) ──
00 /r    | ADD r/m8, r8      | lock a=rw,r fw=oszacp
01 /r    | ADD r/mv, rv      | lock a=rw,r fw=oszacp
02 /r    | ADD r8, r/m8      | a=rw,r fw=oszacp
03 /r    | ADD rv, r/mv      | a=rw,r fw=oszacp
04 ib    | ADD AL, imm8      | a=rw,r fw=oszacp
05 iz    | ADD rAX, immz     | a=rw,r fw=oszacp
08 /r    | OR r/m8, r8       | lock a=rw,r fw=szp f0=oc fu=a
09 /r    | OR r/mv, rv       | lock a=rw,r fw=szp f0=oc fu=a
0A /r    | OR r8, r/m8       | a=rw,r fw=szp f0=oc fu=a
0B /r    | OR rv, r/mv       | a=rw,r fw=szp f0=oc fu=a
0C ib    | OR AL, imm8       | a=rw,r fw=szp f0=oc fu=a
0D iz    | OR rAX, immz      | a=rw,r fw=szp f0=oc fu=a
10 /r    | ADC r/m8, r8      | lock a=rw,r fr=c fw=oszacp
11 /r    | ADC r/mv, rv      | lock a=rw,r fr=c fw=oszacp
12 /r    | ADC r8, r/m8      | a=rw,r fr=c fw=oszacp
13 /r    | ADC rv, r/mv      | a=rw,r fr=c fw=oszacp
14 ib    | ADC AL, imm8      | a=rw,r fr=c fw=oszacp
15 iz    | ADC rAX, immz     | a=rw,r fr=c fw=oszacp
18 /r    | SBB r/m8, r8      | lock a=rw,r fr=c fw=oszacp
19 /r    | SBB r/mv, rv      | lock a=rw,r fr=c fw=oszacp
1A /r    | SBB r8, r/m8      | a=rw,r fr=c fw=oszacp
1B /r    | SBB rv, r/mv      | a=rw,r fr=c fw=oszacp
1C ib    | SBB AL, imm8      | a=rw,r fr=c fw=oszacp
1D iz    | SBB rAX, immz     | a=rw,r fr=c fw=oszacp
20 /r    | AND r/m8, r8      | lock a=rw,r fw=szp f0=oc fu=a
21 /r    | AND r/mv, rv      | lock a=rw,r fw=szp f0=oc fu=a
22 /r    | AND r8, r/m8      | a=rw,r fw=szp f0=oc fu=a
23 /r    | AND rv, r/mv      | a=rw,r fw=szp f0=oc fu=a
24 ib    | AND AL, imm8      | a=rw,r fw=szp f0=oc fu=a
25 iz    | AND rAX, immz     | a=rw,r fw=szp f0=oc fu=a
28 /r    | SUB r/m8, r8      | lock a=rw,r fw=oszacp
29 /r    | SUB r/mv, rv      | lock a=rw,r fw=oszacp
2A /r    | SUB r8, r/m8      | a=rw,r fw=oszacp
2B /r    | SUB rv, r/mv      | a=rw,r fw=oszacp
2C ib    | SUB AL, imm8      | a=rw,r fw=oszacp
2D iz    | SUB rAX, immz     | a=rw,r fw=oszacp
30 /r    | XOR r/m8, r8      | lock a=rw,r fw=szp f0=oc fu=a
31 /r    | XOR r/mv, rv      | lock a=rw,r fw=szp f0=oc fu=a
32 /r    | XOR r8, r/m8      | a=rw,r fw=szp f0=oc fu=a
33 /r    | XOR rv, r/mv      | a=rw,r fw=szp f0=oc fu=a
34 ib    | XOR AL, imm8      | a=rw,r fw=szp f0=oc fu=a
35 iz    | XOR rAX, immz     | a=rw,r fw=szp f0=oc fu=a
38 /r    | CMP r/m8, r8      | a=r,r fw=oszacp
39 /r    | CMP r/mv, rv      | a=r,r fw=oszacp
3A /r    | CMP r8, r/m8      | a=r,r fw=oszacp
3B /r    | CMP rv, r/mv      | a=r,r fw=oszacp
3C ib    | CMP AL, imm8      | a=r,r fw=oszacp
3D iz    | CMP rAX, immz     | a=r,r fw=oszacp

# ── segment pushes and pops, BCD adjust (invalid in 64-bit mode) ──
06       | PUSH ES           | i64 os16 id=Pushw_ES a=r
06       | PUSH ES           | i64 os32 id=Pushd_ES a=r
07       | POP ES            | i64 os16 id=Popw_ES a=w
07       | POP ES            | i64 os32 id=Popd_ES a=w
0E       | PUSH CS           | i64 os16 id=Pushw_CS a=r
0E       | PUSH CS           | i64 os32 id=Pushd_CS a=r
16       | PUSH SS           | i64 os16 id=Pushw_SS a=r
16       | PUSH SS           | i64 os32 id=Pushd_SS a=r
17       | POP SS            | i64 os16 id=Popw_SS a=w
17       | POP SS            | i64 os32 id=Popd_SS a=w
1E       | PUSH DS           | i64 os16 id=Pushw_DS a=r
1E       | PUSH DS           | i64 os32 id=Pushd_DS a=r
1F       | POP DS            | i64 os16 id=Popw_DS a=w
1F       | POP DS            | i64 os32 id=Popd_DS a=w
27       | DAA               | i64 fr=ac fw=szacp fu=o
2F       | DAS               | i64 fr=ac fw=szacp fu=o
37       | AAA               | i64 fr=a fw=ac fu=oszp
3F       | AAS               | i64 fr=a fw=ac fu=oszp

# ── INC/DEC r (40-4F are REX in 64-bit mode), PUSH/POP r ──
40+rw    | INC rv            | i64 a=rw fw=oszap
48+rw    | DEC rv            | i64 a=rw fw=oszap
50+rw    | PUSH rv           | d64 a=r
58+rw    | POP rv            | d64 a=w

# ── 60-6F ──
60       | PUSHA             | i64 os16
60       | PUSHAD            | i64 os32
61       | POPA              | i64 os16
61       | POPAD             | i64 os32
62 /r    | BOUND r16, m16&16 | i64 os16 a=r,r
62 /r    | BOUND r32, m32&32 | i64 os32 a=r,r
63 /r    | ARPL r/m16, r16   | i64 os16 a=rw,r fw=z
63 /r    | ARPL r32/m16, r32 | i64 os32 a=rw,r fw=z id=Arpl_r32m16_r32
63 /r    | MOVSXD r16, r/m16 | o64 os16 a=w,r
63 /r    | MOVSXD r32, r/m32 | o64 os32 a=w,r
REX.W 63 /r | MOVSXD r64, r/m32 | o64 os64 a=w,r
68 iw    | PUSH imm16        | d64 os16 id=Push_imm16 a=r
68 id    | PUSH imm32        | d64 os32 id=Pushd_imm32 a=r
68 id    | PUSH imm32        | d64 os64 id=Pushq_imm32 a=r
69 /r iz | IMUL rv, r/mv, immz | a=w,r,r fw=oc fu=szap
6A ib    | PUSH imm8         | d64 os16 sx id=Pushw_imm8 a=r
6A ib    | PUSH imm8         | d64 os32 sx id=Pushd_imm8 a=r
6A ib    | PUSH imm8         | d64 os64 sx id=Pushq_imm8 a=r
6B /r ib | IMUL rv, r/mv, imm8 | sx a=w,r,r fw=oc fu=szap
6C       | INSB m8(es:rdi), DX | rep fr=d
6D       | INSW m16(es:rdi), DX | rep os16 fr=d
6D       | INSD m32(es:rdi), DX | rep os32 fr=d
6E       | OUTSB DX, m8(rsi)   | rep fr=d
6F       | OUTSW DX, m16(rsi)  | rep os16 fr=d
6F       | OUTSD DX, m32(rsi)  | rep os32 fr=d

# ── Jcc rel8 ──
70 cb    | JO rel8           | osx f64 cf=jcc fr=o
71 cb    | JNO rel8          | osx f64 cf=jcc fr=o
72 cb    | JB rel8           | osx f64 cf=jcc fr=c
73 cb    | JAE rel8          | osx f64 cf=jcc fr=c
74 cb    | JE rel8           | osx f64 cf=jcc fr=z
75 cb    | JNE rel8          | osx f64 cf=jcc fr=z
76 cb    | JBE rel8          | osx f64 cf=jcc fr=cz
77 cb    | JA rel8           | osx f64 cf=jcc fr=cz
78 cb    | JS rel8           | osx f64 cf=jcc fr=s
79 cb    | JNS rel8          | osx f64 cf=jcc fr=s
7A cb    | JP rel8           | osx f64 cf=jcc fr=p
7B cb    | JNP rel8          | osx f64 cf=jcc fr=p
7C cb    | JL rel8           | osx f64 cf=jcc fr=os
7D cb    | JGE rel8          | osx f64 cf=jcc fr=os
7E cb    | JLE rel8          | osx f64 cf=jcc fr=osz
7F cb    | JG rel8           | osx f64 cf=jcc fr=osz

# ── group 1 (80-83) ──
80 /0 ib | ADD r/m8, imm8    | lock a=rw,r fw=oszacp
80 /1 ib | OR r/m8, imm8     | lock a=rw,r fw=szp f0=oc fu=a
80 /2 ib | ADC r/m8, imm8    | lock a=rw,r fr=c fw=oszacp
80 /3 ib | SBB r/m8, imm8    | lock a=rw,r fr=c fw=oszacp
80 /4 ib | AND r/m8, imm8    | lock a=rw,r fw=szp f0=oc fu=a
80 /5 ib | SUB r/m8, imm8    | lock a=rw,r fw=oszacp
80 /6 ib | XOR r/m8, imm8    | lock a=rw,r fw=szp f0=oc fu=a
80 /7 ib | CMP r/m8, imm8    | a=r,r fw=oszacp
81 /0 iz | ADD r/mv, immz    | lock a=rw,r fw=oszacp
81 /1 iz | OR r/mv, immz     | lock a=rw,r fw=szp f0=oc fu=a
81 /2 iz | ADC r/mv, immz    | lock a=rw,r fr=c fw=oszacp
81 /3 iz | SBB r/mv, immz    | lock a=rw,r fr=c fw=oszacp
81 /4 iz | AND r/mv, immz    | lock a=rw,r fw=szp f0=oc fu=a
81 /5 iz | SUB r/mv, immz    | lock a=rw,r fw=oszacp
81 /6 iz | XOR r/mv, immz    | lock a=rw,r fw=szp f0=oc fu=a
81 /7 iz | CMP r/mv, immz    | a=r,r fw=oszacp
82 /0 ib | ADD r/m8, imm8    | i64 lock id=Add_rm8_imm8_82 fw=oszacp a=rw,r
82 /1 ib | OR r/m8, imm8     | i64 lock id=Or_rm8_imm8_82 fw=szp f0=oc fu=a a=rw,r
82 /2 ib | ADC r/m8, imm8    | i64 lock id=Adc_rm8_imm8_82 fr=c fw=oszacp a=rw,r
82 /3 ib | SBB r/m8, imm8    | i64 lock id=Sbb_rm8_imm8_82 fr=c fw=oszacp a=rw,r
82 /4 ib | AND r/m8, imm8    | i64 lock id=And_rm8_imm8_82 fw=szp f0=oc fu=a a=rw,r
82 /5 ib | SUB r/m8, imm8    | i64 lock id=Sub_rm8_imm8_82 fw=oszacp a=rw,r
82 /6 ib | XOR r/m8, imm8    | i64 lock id=Xor_rm8_imm8_82 fw=szp f0=oc fu=a a=rw,r
82 /7 ib | CMP r/m8, imm8    | i64 id=Cmp_rm8_imm8_82 fw=oszacp a=r,r
83 /0 ib | ADD r/mv, imm8    | sx lock a=rw,r fw=oszacp
83 /1 ib | OR r/mv, imm8     | sx lock a=rw,r fw=szp f0=oc fu=a
83 /2 ib | ADC r/mv, imm8    | sx lock a=rw,r fr=c fw=oszacp
83 /3 ib | SBB r/mv, imm8    | sx lock a=rw,r fr=c fw=oszacp
83 /4 ib | AND r/mv, imm8    | sx lock a=rw,r fw=szp f0=oc fu=a
83 /5 ib | SUB r/mv, imm8    | sx lock a=rw,r fw=oszacp
83 /6 ib | XOR r/mv, imm8    | sx lock a=rw,r fw=szp f0=oc fu=a
83 /7 ib | CMP r/mv, imm8    | sx a=r,r fw=oszacp

# ── 84-8F ──
84 /r    | TEST r/m8, r8     | a=r,r fw=szp f0=oc fu=a
85 /r    | TEST r/mv, rv     | a=r,r fw=szp f0=oc fu=a
86 /r    | XCHG r/m8, r8     | lock a=rw,rw
87 /r    | XCHG r/mv, rv     | lock a=rw,rw
88 /r    | MOV r/m8, r8      | a=w,r
89 /r    | MOV r/mv, rv      | a=w,r
8A /r    | MOV r8, r/m8      | a=w,r
8B /r    | MOV rv, r/mv      | a=w,r
8C /r    | MOV r/m16, Sreg   | os16 a=w,r
8C /r    | MOV r32/m16, Sreg | os32 a=w,r id=Mov_r32m16_Sreg
8C /r    | MOV r64/m16, Sreg | os64 a=w,r id=Mov_r64m16_Sreg
8D /r    | LEA rv, m         | a=w,-
8E /r    | MOV Sreg, r/m16   | os16 a=w,r nocs
8E /r    | MOV Sreg, r32/m16 | os32 a=w,r nocs id=Mov_Sreg_r32m16
8E /r    | MOV Sreg, r64/m16 | os64 a=w,r nocs id=Mov_Sreg_r64m16
8F /0    | POP r/mv          | d64 a=w

# ── 90-9F ──
90       | NOP               | nob osx id=Nop{o}
90+rw    | XCHG rv, rAX      | a=rw,rw
F3 90    | PAUSE             |
98       | CBW               | os16
98       | CWDE              | os32
98       | CDQE              | os64
99       | CWD               | os16
99       | CDQ               | os32
99       | CQO               | os64
9A cd    | CALL ptr16:16     | i64 os16 cf=far id=Call_ptr1616
9A cp    | CALL ptr16:32     | i64 os32 cf=far id=Call_ptr1632
9B       | WAIT              |
9C       | PUSHF             | d64 os16 fr=oszacpdit
9C       | PUSHFD            | d64 os32 fr=oszacpditA
9C       | PUSHFQ            | d64 os64 fr=oszacpditA
9D       | POPF              | d64 os16 fw=oszacpdit
9D       | POPFD             | d64 os32 fw=oszacpditA
9D       | POPFQ             | d64 os64 fw=oszacpditA
9E       | SAHF              | fw=szacp
9F       | LAHF              | fr=szacp

# ── A0-AF: moffs moves and string instructions ──
A0       | MOV AL, moffs8    | a=w,r
A1       | MOV rAX, moffsv   | a=w,r
A2       | MOV moffs8, AL    | a=w,r
A3       | MOV moffsv, rAX   | a=w,r
A4       | MOVSB m8(es:rdi), m8(rsi)    | rep a=w,r fr=d
A5       | MOVSW m16(es:rdi), m16(rsi)  | rep a=w,r os16 fr=d
A5       | MOVSD m32(es:rdi), m32(rsi)  | rep a=w,r os32 fr=d
A5       | MOVSQ m64(es:rdi), m64(rsi)  | rep a=w,r os64 fr=d
A6       | CMPSB m8(rsi), m8(es:rdi)    | repe a=r,r fr=d fw=oszacp
A7       | CMPSW m16(rsi), m16(es:rdi)  | repe a=r,r os16 fr=d fw=oszacp
A7       | CMPSD m32(rsi), m32(es:rdi)  | repe a=r,r os32 fr=d fw=oszacp
A7       | CMPSQ m64(rsi), m64(es:rdi)  | repe a=r,r os64 fr=d fw=oszacp
A8 ib    | TEST AL, imm8     | a=r,r fw=szp f0=oc fu=a
A9 iz    | TEST rAX, immz    | a=r,r fw=szp f0=oc fu=a
AA       | STOSB m8(es:rdi), AL         | rep a=w,r fr=d
AB       | STOSW m16(es:rdi), AX        | rep a=w,r os16 fr=d
AB       | STOSD m32(es:rdi), EAX       | rep a=w,r os32 fr=d
AB       | STOSQ m64(es:rdi), RAX       | rep a=w,r os64 fr=d
AC       | LODSB AL, m8(rsi)            | rep a=w,r fr=d
AD       | LODSW AX, m16(rsi)           | rep a=w,r os16 fr=d
AD       | LODSD EAX, m32(rsi)          | rep a=w,r os32 fr=d
AD       | LODSQ RAX, m64(rsi)          | rep a=w,r os64 fr=d
AE       | SCASB AL, m8(es:rdi)         | repe a=r,r fr=d fw=oszacp
AF       | SCASW AX, m16(es:rdi)        | repe a=r,r os16 fr=d fw=oszacp
AF       | SCASD EAX, m32(es:rdi)       | repe a=r,r os32 fr=d fw=oszacp
AF       | SCASQ RAX, m64(es:rdi)       | repe a=r,r os64 fr=d fw=oszacp

# ── B0-BF: MOV r, imm ──
B0+rb ib | MOV r8, imm8      | a=w,r
B8+rw iw | MOV r16, imm16    | os16 a=w,r
B8+rd id | MOV r32, imm32    | os32 a=w,r
B8+ro io | MOV r64, imm64    | os64 a=w,r

# ── group 2 (C0 C1 D0-D3): rotates and shifts ──
C0 /0 ib | ROL r/m8, imm8    | a=rw,r fw=c fu=o
C0 /1 ib | ROR r/m8, imm8    | a=rw,r fw=c fu=o
C0 /2 ib | RCL r/m8, imm8    | a=rw,r fr=c fw=c fu=o
C0 /3 ib | RCR r/m8, imm8    | a=rw,r fr=c fw=c fu=o
C0 /4 ib | SHL r/m8, imm8    | a=rw,r fw=szcp fu=oa
C0 /5 ib | SHR r/m8, imm8    | a=rw,r fw=szcp fu=oa
C0 /6 ib | SAL r/m8, imm8    | a=rw,r fw=szcp fu=oa
C0 /7 ib | SAR r/m8, imm8    | a=rw,r fw=szcp fu=oa
C1 /0 ib | ROL r/mv, imm8    | a=rw,r fw=c fu=o
C1 /1 ib | ROR r/mv, imm8    | a=rw,r fw=c fu=o
C1 /2 ib | RCL r/mv, imm8    | a=rw,r fr=c fw=c fu=o
C1 /3 ib | RCR r/mv, imm8    | a=rw,r fr=c fw=c fu=o
C1 /4 ib | SHL r/mv, imm8    | a=rw,r fw=szcp fu=oa
C1 /5 ib | SHR r/mv, imm8    | a=rw,r fw=szcp fu=oa
C1 /6 ib | SAL r/mv, imm8    | a=rw,r fw=szcp fu=oa
C1 /7 ib | SAR r/mv, imm8    | a=rw,r fw=szcp fu=oa
D0 /0    | ROL r/m8, 1       | a=rw,r fw=oc
D0 /1    | ROR r/m8, 1       | a=rw,r fw=oc
D0 /2    | RCL r/m8, 1       | a=rw,r fr=c fw=oc
D0 /3    | RCR r/m8, 1       | a=rw,r fr=c fw=oc
D0 /4    | SHL r/m8, 1       | a=rw,r fw=oszcp fu=a
D0 /5    | SHR r/m8, 1       | a=rw,r fw=oszcp fu=a
D0 /6    | SAL r/m8, 1       | a=rw,r fw=oszcp fu=a
D0 /7    | SAR r/m8, 1       | a=rw,r fw=oszcp fu=a
D1 /0    | ROL r/mv, 1       | a=rw,r fw=oc
D1 /1    | ROR r/mv, 1       | a=rw,r fw=oc
D1 /2    | RCL r/mv, 1       | a=rw,r fr=c fw=oc
D1 /3    | RCR r/mv, 1       | a=rw,r fr=c fw=oc
D1 /4    | SHL r/mv, 1       | a=rw,r fw=oszcp fu=a
D1 /5    | SHR r/mv, 1       | a=rw,r fw=oszcp fu=a
D1 /6    | SAL r/mv, 1       | a=rw,r fw=oszcp fu=a
D1 /7    | SAR r/mv, 1       | a=rw,r fw=oszcp fu=a
D2 /0    | ROL r/m8, CL      | a=rw,r fw=c fu=o
D2 /1    | ROR r/m8, CL      | a=rw,r fw=c fu=o
D2 /2    | RCL r/m8, CL      | a=rw,r fr=c fw=c fu=o
D2 /3    | RCR r/m8, CL      | a=rw,r fr=c fw=c fu=o
D2 /4    | SHL r/m8, CL      | a=rw,r fw=szcp fu=oa
D2 /5    | SHR r/m8, CL      | a=rw,r fw=szcp fu=oa
D2 /6    | SAL r/m8, CL      | a=rw,r fw=szcp fu=oa
D2 /7    | SAR r/m8, CL      | a=rw,r fw=szcp fu=oa
D3 /0    | ROL r/mv, CL      | a=rw,r fw=c fu=o
D3 /1    | ROR r/mv, CL      | a=rw,r fw=c fu=o
D3 /2    | RCL r/mv, CL      | a=rw,r fr=c fw=c fu=o
D3 /3    | RCR r/mv, CL      | a=rw,r fr=c fw=c fu=o
D3 /4    | SHL r/mv, CL      | a=rw,r fw=szcp fu=oa
D3 /5    | SHR r/mv, CL      | a=rw,r fw=szcp fu=oa
D3 /6    | SAL r/mv, CL      | a=rw,r fw=szcp fu=oa
D3 /7    | SAR r/mv, CL      | a=rw,r fw=szcp fu=oa

# ── C2-CF ──
C2 iw    | RET imm16         | osx f64 cf=ret id=Retn{o}_imm16 a=r
C3       | RET               | osx f64 cf=ret id=Retn{o}
C4 /r    | LES r16, m16:16   | i64 os16
C4 /r    | LES r32, m16:32   | i64 os32
C5 /r    | LDS r16, m16:16   | i64 os16
C5 /r    | LDS r32, m16:32   | i64 os32
C6 /0 ib | MOV r/m8, imm8    | a=w,r
C6 F8 ib | XABORT imm8       |
C7 /0 iz | MOV r/mv, immz    | a=w,r
C7 F8 cw | XBEGIN rel16      | os16 cf=xbegin
C7 F8 cd | XBEGIN rel32      | os32 cf=xbegin
C7 F8 cd | XBEGIN rel32      | os64 cf=xbegin
C8 iw ib | ENTER imm16, imm8 | osx d64 a=r,r id=Enter{o}_imm16_imm8
C9       | LEAVE             | osx d64 id=Leave{o}
CA iw    | RETF imm16        | osx cf=far id=Retf{o}_imm16 a=r
CB       | RETF              | osx cf=far id=Retf{o}
CC       | INT3              | cf=int
CD ib    | INT imm8          | a=r cf=int
CE       | INTO              | i64 cf=int fr=o
CF       | IRET              | os16 cf=far fw=oszacpdit
CF       | IRETD             | os32 cf=far fw=oszacpditA
CF       | IRETQ             | os64 cf=far fw=oszacpdit

# ── D4-D7 ──
D4 ib    | AAM imm8          | i64 a=r fw=szp fu=oac
D5 ib    | AAD imm8          | i64 a=r fw=szp fu=oac
D6       | SALC              | i64 fr=c
D7       | XLATB m8(rbx+al)  | a=r

# ── E0-EF: loops, I/O, near CALL/JMP ──
E0 cb    | LOOPNE rel8       | osx f64 cf=jcc fr=z
E1 cb    | LOOPE rel8        | osx f64 cf=jcc fr=z
E2 cb    | LOOP rel8         | osx f64 cf=jcc
E3 cb    | JCXZ rel8         | osx f64 as16 cf=jcc
E3 cb    | JECXZ rel8        | osx f64 as32 cf=jcc
E3 cb    | JRCXZ rel8        | osx f64 as64 cf=jcc
E4 ib    | IN AL, imm8       |
E5 ib    | IN AX, imm8       | os16
E5 ib    | IN EAX, imm8      | os32
E6 ib    | OUT imm8, AL      |
E7 ib    | OUT imm8, AX      | os16
E7 ib    | OUT imm8, EAX     | os32
E8 cd    | CALL relz         | f64 cf=call
E9 cd    | JMP relz          | f64 cf=jmp
EA cd    | JMP ptr16:16      | i64 os16 cf=far id=Jmp_ptr1616
EA cp    | JMP ptr16:32      | i64 os32 cf=far id=Jmp_ptr1632
EB cb    | JMP rel8          | osx f64 cf=jmp
EC       | IN AL, DX         |
ED       | IN AX, DX         | os16
ED       | IN EAX, DX        | os32
EE       | OUT DX, AL        |
EF       | OUT DX, AX        | os16
EF       | OUT DX, EAX       | os32

# ── F1-FF ──
F1       | INT1              | cf=int
F4       | HLT               | cf=stop
F5       | CMC               | fr=c fw=c
F6 /0 ib | TEST r/m8, imm8   | a=r,r fw=szp f0=oc fu=a
F6 /1 ib | TEST r/m8, imm8   | a=r,r fw=szp f0=oc fu=a id=Test_rm8_imm8_F6r1
F6 /2    | NOT r/m8          | lock a=rw
F6 /3    | NEG r/m8          | lock a=rw fw=oszacp
F6 /4    | MUL r/m8          | a=r imp=r:al,w:ax fw=oc fu=szap
F6 /5    | IMUL r/m8         | a=r imp=r:al,w:ax fw=oc fu=szap
F6 /6    | DIV r/m8          | a=r imp=rw:ax fu=oszacp
F6 /7    | IDIV r/m8         | a=r imp=rw:ax fu=oszacp
F7 /0 iz | TEST r/mv, immz   | a=r,r fw=szp f0=oc fu=a
F7 /1 iz | TEST r/mv, immz   | a=r,r fw=szp f0=oc fu=a
F7 /2    | NOT r/mv          | lock a=rw
F7 /3    | NEG r/mv          | lock a=rw fw=oszacp
F7 /4    | MUL r/mv          | a=r imp=rw:eax,w:edx fw=oc fu=szap
F7 /5    | IMUL r/mv         | a=r imp=rw:eax,w:edx fw=oc fu=szap
F7 /6    | DIV r/mv          | a=r imp=rw:eax,rw:edx fu=oszacp
F7 /7    | IDIV r/mv         | a=r imp=rw:eax,rw:edx fu=oszacp
F8       | CLC               | f0=c
F9       | STC               | f1=c
FA       | CLI               | f0=i
FB       | STI               | f1=i
FC       | CLD               | f0=d
FD       | STD               | f1=d
FE /0    | INC r/m8          | lock a=rw fw=oszap
FE /1    | DEC r/m8          | lock a=rw fw=oszap
FF /0    | INC r/mv          | lock a=rw fw=oszap
FF /1    | DEC r/mv          | lock a=rw fw=oszap
FF /2    | CALL r/mv         | f64 cf=calli a=r
FF /3    | CALL m16:v        | cf=far a=r
FF /4    | JMP r/mv          | f64 cf=jmpi a=r
FF /5    | JMP m16:v         | cf=far a=r
FF /6    | PUSH r/mv         | d64 a=r
`;
