/**
 * @file x86 stage, data only: x87 escapes D8-DF (SDM Vol. 2 Appendix A.4, Tables ).
 * ModRM.mod < 3 selects a memory form by ModRM.reg; mod = 3 rows are spelled as the SDM does,
 * `D8 C0+i` (register ST(i) in ModRM.rm) or a fixed second byte (`D9 E8`).
 */
export const X87 = `
# ── D8: float32 memory / ST(0),ST(i) arithmetic ──
D8 /0 | FADD m32fp |
D8 /1 | FMUL m32fp |
D8 /2 | FCOM m32fp |
D8 /3 | FCOMP m32fp |
D8 /4 | FSUB m32fp |
D8 /5 | FSUBR m32fp |
D8 /6 | FDIV m32fp |
D8 /7 | FDIVR m32fp |
D8 C0+i | FADD ST(0), ST(i) |
D8 C8+i | FMUL ST(0), ST(i) |
D8 D0+i | FCOM ST(0), ST(i) |
D8 D8+i | FCOMP ST(0), ST(i) |
D8 E0+i | FSUB ST(0), ST(i) |
D8 E8+i | FSUBR ST(0), ST(i) |
D8 F0+i | FDIV ST(0), ST(i) |
D8 F8+i | FDIVR ST(0), ST(i) |
# ── D9: loads, stores, control word, constants, transcendental ──
D9 /0 | FLD m32fp |
D9 /2 | FST m32fp |
D9 /3 | FSTP m32fp |
D9 /4 | FLDENV m14byte | os16
D9 /4 | FLDENV m28byte | os32
D9 /5 | FLDCW m2byte |
D9 /6 | FNSTENV m14byte | os16
D9 /6 | FNSTENV m28byte | os32
D9 /7 | FNSTCW m2byte |
D9 C0+i | FLD ST(i) |
D9 C8+i | FXCH ST(0), ST(i) |
D9 D0 | FNOP |
D9 D8+i | FSTPNCE ST(i) |
D9 E0 | FCHS |
D9 E1 | FABS |
D9 E4 | FTST |
D9 E5 | FXAM |
D9 E8 | FLD1 |
D9 E9 | FLDL2T |
D9 EA | FLDL2E |
D9 EB | FLDPI |
D9 EC | FLDLG2 |
D9 ED | FLDLN2 |
D9 EE | FLDZ |
D9 F0 | F2XM1 |
D9 F1 | FYL2X |
D9 F2 | FPTAN |
D9 F3 | FPATAN |
D9 F4 | FXTRACT |
D9 F5 | FPREM1 |
D9 F6 | FDECSTP |
D9 F7 | FINCSTP |
D9 F8 | FPREM |
D9 F9 | FYL2XP1 |
D9 FA | FSQRT |
D9 FB | FSINCOS |
D9 FC | FRNDINT |
D9 FD | FSCALE |
D9 FE | FSIN |
D9 FF | FCOS |
# ── DA: int32 memory arithmetic, FCMOVcc ──
DA /0 | FIADD m32int |
DA /1 | FIMUL m32int |
DA /2 | FICOM m32int |
DA /3 | FICOMP m32int |
DA /4 | FISUB m32int |
DA /5 | FISUBR m32int |
DA /6 | FIDIV m32int |
DA /7 | FIDIVR m32int |
DA C0+i | FCMOVB ST(0), ST(i) | fr=c
DA C8+i | FCMOVE ST(0), ST(i) | fr=z
DA D0+i | FCMOVBE ST(0), ST(i) | fr=zc
DA D8+i | FCMOVU ST(0), ST(i) | fr=p
DA E9 | FUCOMPP |
# ── DB ──
DB /0 | FILD m32int |
DB /1 | FISTTP m32int |
DB /2 | FIST m32int |
DB /3 | FISTP m32int |
DB /5 | FLD m80fp |
DB /7 | FSTP m80fp |
DB C0+i | FCMOVNB ST(0), ST(i) | fr=c
DB C8+i | FCMOVNE ST(0), ST(i) | fr=z
DB D0+i | FCMOVNBE ST(0), ST(i) | fr=zc
DB D8+i | FCMOVNU ST(0), ST(i) | fr=p
DB E0 | FNENI |
DB E1 | FNDISI |
DB E2 | FNCLEX |
DB E3 | FNINIT |
DB E4 | FNSETPM |
DB E8+i | FUCOMI ST(0), ST(i) | fw=zcp f0=osa
DB F0+i | FCOMI ST(0), ST(i) | fw=zcp f0=osa
# ── DC: float64 memory arithmetic, ST(i),ST(0) arithmetic ──
DC /0 | FADD m64fp |
DC /1 | FMUL m64fp |
DC /2 | FCOM m64fp |
DC /3 | FCOMP m64fp |
DC /4 | FSUB m64fp |
DC /5 | FSUBR m64fp |
DC /6 | FDIV m64fp |
DC /7 | FDIVR m64fp |
DC C0+i | FADD ST(i), ST(0) |
DC C8+i | FMUL ST(i), ST(0) |
DC D0+i | FCOM ST(0), ST(i) | id=Fcom_st0_sti_DCD0
DC D8+i | FCOMP ST(0), ST(i) | id=Fcomp_st0_sti_DCD8
DC E0+i | FSUBR ST(i), ST(0) |
DC E8+i | FSUB ST(i), ST(0) |
DC F0+i | FDIVR ST(i), ST(0) |
DC F8+i | FDIV ST(i), ST(0) |
# ── DD ──
DD /0 | FLD m64fp |
DD /1 | FISTTP m64int |
DD /2 | FST m64fp |
DD /3 | FSTP m64fp |
DD /4 | FRSTOR m94byte | os16
DD /4 | FRSTOR m108byte | os32
DD /6 | FNSAVE m94byte | os16
DD /6 | FNSAVE m108byte | os32
DD /7 | FNSTSW m2byte |
DD C0+i | FFREE ST(i) |
DD C8+i | FXCH ST(0), ST(i) | id=Fxch_st0_sti_DDC8
DD D0+i | FST ST(i) |
DD D8+i | FSTP ST(i) |
DD E0+i | FUCOM ST(0), ST(i) |
DD E8+i | FUCOMP ST(0), ST(i) |
# ── DE: int16 memory arithmetic, pops ──
DE /0 | FIADD m16int |
DE /1 | FIMUL m16int |
DE /2 | FICOM m16int |
DE /3 | FICOMP m16int |
DE /4 | FISUB m16int |
DE /5 | FISUBR m16int |
DE /6 | FIDIV m16int |
DE /7 | FIDIVR m16int |
DE C0+i | FADDP ST(i), ST(0) |
DE C8+i | FMULP ST(i), ST(0) |
DE D0+i | FCOMP ST(0), ST(i) | id=Fcomp_st0_sti_DED0
DE D9 | FCOMPP |
DE E0+i | FSUBRP ST(i), ST(0) |
DE E8+i | FSUBP ST(i), ST(0) |
DE F0+i | FDIVRP ST(i), ST(0) |
DE F8+i | FDIVP ST(i), ST(0) |
# ── DF ──
DF /0 | FILD m16int |
DF /1 | FISTTP m16int |
DF /2 | FIST m16int |
DF /3 | FISTP m16int |
DF /4 | FBLD m80bcd |
DF /5 | FILD m64int |
DF /6 | FBSTP m80bcd |
DF /7 | FISTP m64int |
DF C0+i | FFREEP ST(i) |
DF C8+i | FXCH ST(0), ST(i) | id=Fxch_st0_sti_DFC8
DF D0+i | FSTP ST(i) | id=Fstp_sti_DFD0
DF D8+i | FSTP ST(i) | id=Fstp_sti_DFD8
DF E0 | FNSTSW AX |
DF E8+i | FUCOMIP ST(0), ST(i) | fw=zcp f0=osa
DF F0+i | FCOMIP ST(0), ST(i) | fw=zcp f0=osa
`;
