/**
 * @file x86 stage, data only: the two-byte map 0F, general-purpose and system rows (SDM Vol. 2
 * Appendix A, Table A-3; groups 6, 7, 8, 9, 15, 16, 17 from Table A-6). SSE/MMX rows of the same
 * map are in `sse-0f.ts`.
 */
export const M0F = `
# ── group 6 (0F 00), group 7 (0F 01) ──
0F 00 /0 | SLDT r/m16        | os16
0F 00 /0 | SLDT r32/m16      | os32 id=Sldt_r32m16
0F 00 /0 | SLDT r64/m16      | os64 id=Sldt_r64m16
0F 00 /1 | STR r/m16         | os16
0F 00 /1 | STR r32/m16       | os32 id=Str_r32m16
0F 00 /1 | STR r64/m16       | os64 id=Str_r64m16
0F 00 /2 | LLDT r/m16        | os16 
0F 00 /2 | LLDT r32/m16      | os32  id=Lldt_r32m16
0F 00 /2 | LLDT r64/m16      | os64  id=Lldt_r64m16
0F 00 /3 | LTR r/m16        | os16 
0F 00 /3 | LTR r32/m16      | os32  id=Ltr_r32m16
0F 00 /3 | LTR r64/m16      | os64  id=Ltr_r64m16
0F 00 /4 | VERR r/m16        | os16 fw=z
0F 00 /4 | VERR r32/m16      | os32 fw=z id=Verr_r32m16
0F 00 /4 | VERR r64/m16      | os64 fw=z id=Verr_r64m16
0F 00 /5 | VERW r/m16        | os16 fw=z
0F 00 /5 | VERW r32/m16      | os32 fw=z id=Verw_r32m16
0F 00 /5 | VERW r64/m16      | os64 fw=z id=Verw_r64m16
0F 01 /0 | SGDT m            |
0F 01 /1 | SIDT m            |
0F 01 /2 | LGDT m            |
0F 01 /3 | LIDT m            |
0F 01 /4 | SMSW r/m16        | os16
0F 01 /4 | SMSW r32/m16      | os32 id=Smsw_r32m16
0F 01 /4 | SMSW r64/m16      | os64 id=Smsw_r64m16
0F 01 /6 | LMSW r/m16        | os16
0F 01 /6 | LMSW r32/m16      | os32 id=Lmsw_r32m16
0F 01 /6 | LMSW r64/m16      | os64 id=Lmsw_r64m16
0F 01 /7 | INVLPG m          |
NP 0F 01 C0 | ENCLV           |
NP 0F 01 C1 | VMCALL          | fw=zc f0=osap
NP 0F 01 C2 | VMLAUNCH        |
NP 0F 01 C3 | VMRESUME        |
NP 0F 01 C4 | VMXOFF          |
NP 0F 01 C5 | PCONFIG         |
NP 0F 01 C6 | WRMSRNS         |
F3 0F 01 C6 | WRMSRLIST       | o64
F2 0F 01 C6 | RDMSRLIST       | o64
NP 0F 01 C7 | PBNDKB          | o64
NP 0F 01 C8 | MONITOR         | as16 id=Monitorw
NP 0F 01 C8 | MONITOR         | as32 id=Monitord
NP 0F 01 C8 | MONITOR         | as64 id=Monitorq
NP 0F 01 C9 | MWAIT           |
NP 0F 01 CA | CLAC            | f0=a
F3 0F 01 CA | ERETU           | o64 cf=far
F2 0F 01 CA | ERETS           | o64 cf=far
NP 0F 01 CB | STAC            | f1=a
66 0F 01 CC | TDCALL          |
66 0F 01 CD | SEAMRET         | o64
66 0F 01 CE | SEAMOPS         | o64
NP 0F 01 CF | ENCLS           |
66 0F 01 CF | SEAMCALL        | o64
NP 0F 01 D0 | XGETBV          |
NP 0F 01 D1 | XSETBV          |
NP 0F 01 D4 | VMFUNC          |
NP 0F 01 D5 | XEND            |
NP 0F 01 D6 | XTEST           | fw=oszacp
NP 0F 01 D7 | ENCLU           |
0F 01 D8    | VMRUN           | as16 id=Vmrunw
0F 01 D8    | VMRUN           | as32 id=Vmrund
0F 01 D8    | VMRUN           | as64 id=Vmrunq
0F 01 D9    | VMMCALL         |
F3 0F 01 D9 | VMGEXIT         |
F2 0F 01 D9 | VMGEXIT         | id=Vmgexit_F2
0F 01 DA    | VMLOAD          | as16 id=Vmloadw
0F 01 DA    | VMLOAD          | as32 id=Vmloadd
0F 01 DA    | VMLOAD          | as64 id=Vmloadq
0F 01 DB    | VMSAVE          | as16 id=Vmsavew
0F 01 DB    | VMSAVE          | as32 id=Vmsaved
0F 01 DB    | VMSAVE          | as64 id=Vmsaveq
0F 01 DC    | STGI            |
0F 01 DD    | CLGI            |
0F 01 DE    | SKINIT          |
0F 01 DF    | INVLPGA         | as16 id=Invlpgaw
0F 01 DF    | INVLPGA         | as32 id=Invlpgad
0F 01 DF    | INVLPGA         | as64 id=Invlpgaq
NP 0F 01 E8 | SERIALIZE       |
F3 0F 01 E8 | SETSSBSY        |
F2 0F 01 E8 | XSUSLDTRK       |
F2 0F 01 E9 | XRESLDTRK       |
F3 0F 01 EA | SAVEPREVSSP     |
F3 0F 01 EC | UIRET           | o64 cf=far
F3 0F 01 ED | TESTUI          | o64
F3 0F 01 EE | CLUI            | o64
F3 0F 01 EF | STUI            | o64
NP 0F 01 EE | RDPKRU          |
NP 0F 01 EF | WRPKRU          |
0F 01 F8    | SWAPGS          | o64
0F 01 F9    | RDTSCP          |
NP 0F 01 FA | MONITORX        | as16 id=Monitorxw
NP 0F 01 FA | MONITORX        | as32 id=Monitorxd
NP 0F 01 FA | MONITORX        | as64 id=Monitorxq
F3 0F 01 FA | MCOMMIT         |
NP 0F 01 FB | MWAITX          |
0F 01 FC    | CLZERO          | as16 id=Clzerow
0F 01 FC    | CLZERO          | as32 id=Clzerod
0F 01 FC    | CLZERO          | as64 id=Clzeroq
NP 0F 01 FD | RDPRU           |
F3 0F 01 FD | RMPQUERY        | o64
NP 0F 01 FE | INVLPGB         | as16 id=Invlpgbw
NP 0F 01 FE | INVLPGB         | as32 id=Invlpgbd
NP 0F 01 FE | INVLPGB         | as64 id=Invlpgbq
F3 0F 01 FE | RMPADJUST       | o64
F2 0F 01 FE | RMPUPDATE       | o64
NP 0F 01 FF | TLBSYNC         |
F3 0F 01 FF | PSMASH          | o64
F2 0F 01 FF | PVALIDATE       | as16 id=Pvalidatew
F2 0F 01 FF | PVALIDATE       | as32 id=Pvalidated
F2 0F 01 FF | PVALIDATE       | as64 id=Pvalidateq
F3 0F 01 /5 | RSTORSSP m64     | fw=c f0=oszap
F2 0F 00 /6 | LKGS r/m16       | o64 os16
F2 0F 00 /6 | LKGS r32/m16     | o64 os32 id=Lkgs_r32m16
F2 0F 00 /6 | LKGS r64/m16     | o64 os64 id=Lkgs_r64m16

# ── 0F 02-0F ──
0F 02 /r | LAR r16, r/m16    | os16 fw=z
0F 02 /r | LAR r32, r32/m16  | os32 fw=z id=Lar_r32_r32m16
0F 02 /r | LAR r64, r64/m16  | os64 fw=z id=Lar_r64_r64m16
0F 03 /r | LSL r16, r/m16    | os16 fw=z
0F 03 /r | LSL r32, r32/m16  | os32 fw=z id=Lsl_r32_r32m16
0F 03 /r | LSL r64, r64/m16  | os64 fw=z id=Lsl_r64_r64m16
0F 05    | SYSCALL           | cf=far fr=oszacpdiA fw=oszacpdiA
0F 06    | CLTS              |
0F 07    | SYSRET            | os16 cf=far id=Sysretd fw=oszacpdiA
0F 07    | SYSRET            | os32 cf=far id=Sysretd fw=oszacpdiA
0F 07    | SYSRETQ           | os64 cf=far
0F 08    | INVD              |
0F 09    | WBINVD            |
F3 0F 09 | WBNOINVD          |
0F 0B    | UD2               | cf=stop
0F 0D /r | RESERVEDNOP r/mv, rv | id=Reservednop_rm_r_0F0D
0F 0D /0 | PREFETCH m8       |
0F 0D /1 | PREFETCHW m8      |
0F 0D /2 | PREFETCHWT1 m8    |
0F 0D /3 | PREFETCHW m8      | id=Prefetchreserved3_m8
0F 0D /4 | PREFETCH m8       | id=Prefetchreserved4_m8
0F 0D /5 | PREFETCH m8       | id=Prefetchreserved5_m8
0F 0D /6 | PREFETCH m8       | id=Prefetchreserved6_m8
0F 0D /7 | PREFETCH m8       | id=Prefetchreserved7_m8
0F 0E    | FEMMS             |

# ── hint NOPs (0F 18-1F); MPX (0F 1A/1B with prefixes) is left to the reserved-NOP rows, as the
# iced-x86 oracle decodes it without its MPX option ──
0F 18 /0 | PREFETCHNTA m8    |
0F 18 /1 | PREFETCHT0 m8     |
0F 18 /2 | PREFETCHT1 m8     |
0F 18 /3 | PREFETCHT2 m8     |
0F 18 /6 | PREFETCHIT1 m8    |
0F 18 /7 | PREFETCHIT0 m8    |
0F 18 /r | RESERVEDNOP r/mv, rv | id=Reservednop_rm_r_0F18
0F 19 /r | RESERVEDNOP r/mv, rv | id=Reservednop_rm_r_0F19
0F 1A /r | RESERVEDNOP r/mv, rv | id=Reservednop_rm_r_0F1A
0F 1B /r | RESERVEDNOP r/mv, rv | id=Reservednop_rm_r_0F1B
0F 1C /r | RESERVEDNOP r/mv, rv | id=Reservednop_rm_r_0F1C
NP 0F 1C /0 | CLDEMOTE m8     |
0F 1D /r | RESERVEDNOP r/mv, rv | id=Reservednop_rm_r_0F1D
0F 1E /r | RESERVEDNOP r/mv, rv | id=Reservednop_rm_r_0F1E
F3 0F 1E FA | ENDBR64        |
F3 0F 1E FB | ENDBR32        |
F3 0F 1E /1 | RDSSPD r32     | os16 id=Rdsspd_r32
F3 0F 1E /1 | RDSSPD r32     | os32
F3 0F 1E /1 | RDSSPQ r64     | os64
0F 1F /r | RESERVEDNOP r/mv, rv | id=Reservednop_rm_r_0F1F
0F 1F /0 | NOP r/mv          |

# ── control and debug registers ──
0F 20 /r | MOV r32, CR0-CR7  | i64 a=w,r modx fu=oszacp
0F 20 /r | MOV r64, CR0-CR7  | o64 a=w,r modx fu=oszacp
0F 21 /r | MOV r32, DR0-DR7  | i64 a=w,r modx fu=oszacp
0F 21 /r | MOV r64, DR0-DR7  | o64 a=w,r modx fu=oszacp
0F 22 /r | MOV CR0-CR7, r32  | i64 a=w,r modx fu=oszacp
0F 22 /r | MOV CR0-CR7, r64  | o64 a=w,r modx fu=oszacp
0F 23 /r | MOV DR0-DR7, r32  | i64 a=w,r modx fu=oszacp
0F 23 /r | MOV DR0-DR7, r64  | o64 a=w,r modx fu=oszacp

# ── 0F 30-37 ──
0F 30    | WRMSR             |
0F 31    | RDTSC             |
0F 32    | RDMSR             |
0F 33    | RDPMC             |
0F 34    | SYSENTER          | cf=far f0=i
0F 35    | SYSEXIT           | os16 cf=far id=Sysexitd
0F 35    | SYSEXIT           | os32 cf=far id=Sysexitd
0F 35    | SYSEXITQ          | os64 cf=far
NP 0F 37 | GETSEC            |
NP REX.W 0F 37 | GETSECQ     | o64

# ── CMOVcc (0F 40-4F) ──
0F 40 /r | CMOVO rv, r/mv    | fr=o a=rw,r
0F 41 /r | CMOVNO rv, r/mv   | fr=o a=rw,r
0F 42 /r | CMOVB rv, r/mv    | fr=c a=rw,r
0F 43 /r | CMOVAE rv, r/mv   | fr=c a=rw,r
0F 44 /r | CMOVE rv, r/mv    | fr=z a=rw,r
0F 45 /r | CMOVNE rv, r/mv   | fr=z a=rw,r
0F 46 /r | CMOVBE rv, r/mv   | fr=cz a=rw,r
0F 47 /r | CMOVA rv, r/mv    | fr=cz a=rw,r
0F 48 /r | CMOVS rv, r/mv    | fr=s a=rw,r
0F 49 /r | CMOVNS rv, r/mv   | fr=s a=rw,r
0F 4A /r | CMOVP rv, r/mv    | fr=p a=rw,r
0F 4B /r | CMOVNP rv, r/mv   | fr=p a=rw,r
0F 4C /r | CMOVL rv, r/mv    | fr=os a=rw,r
0F 4D /r | CMOVGE rv, r/mv   | fr=os a=rw,r
0F 4E /r | CMOVLE rv, r/mv   | fr=osz a=rw,r
0F 4F /r | CMOVG rv, r/mv    | fr=osz a=rw,r

# ── VMX (0F 78 79) ──
NP 0F 78 /r | VMREAD r/m32, r32 | i64 fw=zc f0=osap
NP 0F 78 /r | VMREAD r/m64, r64 | o64 fw=zc f0=osap
NP 0F 79 /r | VMWRITE r32, r/m32 | i64 fw=zc f0=osap
NP 0F 79 /r | VMWRITE r64, r/m64 | o64 fw=zc f0=osap

# ── Jcc rel16/32 (0F 80-8F) ──
0F 80 cd | JO relz           | f64 cf=jcc fr=o
0F 81 cd | JNO relz          | f64 cf=jcc fr=o
0F 82 cd | JB relz           | f64 cf=jcc fr=c
0F 83 cd | JAE relz          | f64 cf=jcc fr=c
0F 84 cd | JE relz           | f64 cf=jcc fr=z
0F 85 cd | JNE relz          | f64 cf=jcc fr=z
0F 86 cd | JBE relz          | f64 cf=jcc fr=cz
0F 87 cd | JA relz           | f64 cf=jcc fr=cz
0F 88 cd | JS relz           | f64 cf=jcc fr=s
0F 89 cd | JNS relz          | f64 cf=jcc fr=s
0F 8A cd | JP relz           | f64 cf=jcc fr=p
0F 8B cd | JNP relz          | f64 cf=jcc fr=p
0F 8C cd | JL relz           | f64 cf=jcc fr=os
0F 8D cd | JGE relz          | f64 cf=jcc fr=os
0F 8E cd | JLE relz          | f64 cf=jcc fr=osz
0F 8F cd | JG relz           | f64 cf=jcc fr=osz

# ── SETcc (0F 90-9F) ──
0F 90 /r | SETO r/m8         | fr=o a=w
0F 91 /r | SETNO r/m8        | fr=o a=w
0F 92 /r | SETB r/m8         | fr=c a=w
0F 93 /r | SETAE r/m8        | fr=c a=w
0F 94 /r | SETE r/m8         | fr=z a=w
0F 95 /r | SETNE r/m8        | fr=z a=w
0F 96 /r | SETBE r/m8        | fr=cz a=w
0F 97 /r | SETA r/m8         | fr=cz a=w
0F 98 /r | SETS r/m8         | fr=s a=w
0F 99 /r | SETNS r/m8        | fr=s a=w
0F 9A /r | SETP r/m8         | fr=p a=w
0F 9B /r | SETNP r/m8        | fr=p a=w
0F 9C /r | SETL r/m8         | fr=os a=w
0F 9D /r | SETGE r/m8        | fr=os a=w
0F 9E /r | SETLE r/m8        | fr=osz a=w
0F 9F /r | SETG r/m8         | fr=osz a=w

# ── 0F A0-AF ──
0F A0    | PUSH FS           | osx d64 id=Push{o}_FS a=r
0F A1    | POP FS            | osx d64 id=Pop{o}_FS a=w
0F A2    | CPUID             |
0F A3 /r | BT r/mv, rv       | a=r,r fw=c fu=osap
0F A4 /r ib | SHLD r/mv, rv, imm8 | a=rw,r,r fw=szcp fu=oa
0F A5 /r | SHLD r/mv, rv, CL | a=rw,r,r fw=szcp fu=oa
# ── VIA/Centaur PadLock (0F A6, 0F A7): register-form ModRM only, its reg field picks the operation;
# the operands are implied (rSI/rDI/rCX... at the address size, hence one form per address size as iced names them).
# MONTMUL exists only with 32-bit addressing; XSTORE needs no F3. ──
F3 0F A6 C0+i | MONTMUL | as32 rep id=Montmul_32
F3 0F A6 C8+i | XSHA1 | as16 rep id=Xsha1_16
F3 0F A6 C8+i | XSHA1 | as32 rep id=Xsha1_32
F3 0F A6 C8+i | XSHA1 | as64 rep id=Xsha1_64
F3 0F A6 D0+i | XSHA256 | as16 rep id=Xsha256_16
F3 0F A6 D0+i | XSHA256 | as32 rep id=Xsha256_32
F3 0F A6 D0+i | XSHA256 | as64 rep id=Xsha256_64
F3 0F A6 D8+i | XSHA512_ALT | as16 rep id=Xsha512_alt_16
F3 0F A6 D8+i | XSHA512_ALT | as32 rep id=Xsha512_alt_32
F3 0F A6 D8+i | XSHA512_ALT | as64 rep id=Xsha512_alt_64
F3 0F A6 E0+i | XSHA512 | as16 rep id=Xsha512_16
F3 0F A6 E0+i | XSHA512 | as32 rep id=Xsha512_32
F3 0F A6 E0+i | XSHA512 | as64 rep id=Xsha512_64
F3 0F A6 E8+i | CCS_HASH | as16 rep id=Ccs_hash_16
F3 0F A6 E8+i | CCS_HASH | as32 rep id=Ccs_hash_32
F3 0F A6 E8+i | CCS_HASH | as64 rep id=Ccs_hash_64
F3 0F A6 F0+i | UNDOC | as16 rep id=Via_undoc_F30FA6F0_16
F3 0F A6 F0+i | UNDOC | as32 rep id=Via_undoc_F30FA6F0_32
F3 0F A6 F0+i | UNDOC | as64 rep id=Via_undoc_F30FA6F0_64
F3 0F A6 F8+i | UNDOC | as16 rep id=Via_undoc_F30FA6F8_16
F3 0F A6 F8+i | UNDOC | as32 rep id=Via_undoc_F30FA6F8_32
F3 0F A6 F8+i | UNDOC | as64 rep id=Via_undoc_F30FA6F8_64
0F A7 C0+i | XSTORE | as16 rep id=Xstore_16
0F A7 C0+i | XSTORE | as32 rep id=Xstore_32
0F A7 C0+i | XSTORE | as64 rep id=Xstore_64
F3 0F A7 C8+i | XCRYPTECB | as16 rep id=Xcryptecb_16
F3 0F A7 C8+i | XCRYPTECB | as32 rep id=Xcryptecb_32
F3 0F A7 C8+i | XCRYPTECB | as64 rep id=Xcryptecb_64
F3 0F A7 D0+i | XCRYPTCBC | as16 rep id=Xcryptcbc_16
F3 0F A7 D0+i | XCRYPTCBC | as32 rep id=Xcryptcbc_32
F3 0F A7 D0+i | XCRYPTCBC | as64 rep id=Xcryptcbc_64
F3 0F A7 D8+i | XCRYPTCTR | as16 rep id=Xcryptctr_16
F3 0F A7 D8+i | XCRYPTCTR | as32 rep id=Xcryptctr_32
F3 0F A7 D8+i | XCRYPTCTR | as64 rep id=Xcryptctr_64
F3 0F A7 E0+i | XCRYPTCFB | as16 rep id=Xcryptcfb_16
F3 0F A7 E0+i | XCRYPTCFB | as32 rep id=Xcryptcfb_32
F3 0F A7 E0+i | XCRYPTCFB | as64 rep id=Xcryptcfb_64
F3 0F A7 E8+i | XCRYPTOFB | as16 rep id=Xcryptofb_16
F3 0F A7 E8+i | XCRYPTOFB | as32 rep id=Xcryptofb_32
F3 0F A7 E8+i | XCRYPTOFB | as64 rep id=Xcryptofb_64
F3 0F A7 F0+i | CCS_ENCRYPT | as16 rep id=Ccs_encrypt_16
F3 0F A7 F0+i | CCS_ENCRYPT | as32 rep id=Ccs_encrypt_32
F3 0F A7 F0+i | CCS_ENCRYPT | as64 rep id=Ccs_encrypt_64
F3 0F A7 F8+i | XSTORE_ALT | as16 rep id=Xstore_alt_16
F3 0F A7 F8+i | XSTORE_ALT | as32 rep id=Xstore_alt_32
F3 0F A7 F8+i | XSTORE_ALT | as64 rep id=Xstore_alt_64
0F A8    | PUSH GS           | osx d64 id=Push{o}_GS a=r
0F A9    | POP GS            | osx d64 id=Pop{o}_GS a=w
0F AA    | RSM               | cf=far fw=oszacpdiA
0F AB /r | BTS r/mv, rv      | lock a=rw,r fw=c fu=osap
0F AC /r ib | SHRD r/mv, rv, imm8 | a=rw,r,r fw=szcp fu=oa
0F AD /r | SHRD r/mv, rv, CL | a=rw,r,r fw=szcp fu=oa
0F AF /r | IMUL rv, r/mv     | a=rw,r fw=oc fu=szap

# ── group 15 (0F AE) ──
NP 0F AE /0 | FXSAVE m512byte   | os16 id=Fxsave_m512byte
NP 0F AE /0 | FXSAVE m512byte   | os32 id=Fxsave_m512byte
NP 0F AE /0 | FXSAVE64 m512byte | os64
NP 0F AE /1 | FXRSTOR m512byte  | os16 id=Fxrstor_m512byte
NP 0F AE /1 | FXRSTOR m512byte  | os32 id=Fxrstor_m512byte
NP 0F AE /1 | FXRSTOR64 m512byte | os64
NP 0F AE /2 | LDMXCSR m32       |
NP 0F AE /3 | STMXCSR m32       |
NP 0F AE /4 | XSAVE mem         | os16 id=Xsave_mem
NP 0F AE /4 | XSAVE mem         | os32 id=Xsave_mem
NP 0F AE /4 | XSAVE64 mem       | os64
NP 0F AE /5 | XRSTOR mem        | os16 id=Xrstor_mem
NP 0F AE /5 | XRSTOR mem        | os32 id=Xrstor_mem
NP 0F AE /5 | XRSTOR64 mem      | os64
NP 0F AE /6 | XSAVEOPT mem      | os16 id=Xsaveopt_mem
NP 0F AE /6 | XSAVEOPT mem      | os32 id=Xsaveopt_mem
NP 0F AE /6 | XSAVEOPT64 mem    | os64
NP 0F AE /7 | CLFLUSH m8        | a=r
66 0F AE /6 | CLWB m8           | a=r
66 0F AE /7 | CLFLUSHOPT m8     | a=r
NP 0F AE E8+i | LFENCE          |
NP 0F AE F0+i | MFENCE          |
NP 0F AE F8+i | SFENCE          |
F3 0F AE /0 | RDFSBASE r32      | o64 os16 id=Rdfsbase_r32 a=w
F3 0F AE /0 | RDFSBASE r32      | o64 os32 a=w
F3 0F AE /0 | RDFSBASE r64      | o64 os64 a=w
F3 0F AE /1 | RDGSBASE r32      | o64 os16 id=Rdgsbase_r32 a=w
F3 0F AE /1 | RDGSBASE r32      | o64 os32 a=w
F3 0F AE /1 | RDGSBASE r64      | o64 os64 a=w
F3 0F AE /2 | WRFSBASE r32      | o64 os16 id=Wrfsbase_r32 a=r
F3 0F AE /2 | WRFSBASE r32      | o64 os32 a=r
F3 0F AE /2 | WRFSBASE r64      | o64 os64 a=r
F3 0F AE /3 | WRGSBASE r32      | o64 os16 id=Wrgsbase_r32 a=r
F3 0F AE /3 | WRGSBASE r32      | o64 os32 a=r
F3 0F AE /3 | WRGSBASE r64      | o64 os64 a=r
F3 0F AE /4 | PTWRITE r/m32     | os16 no66 id=Ptwrite_rm32
F3 0F AE /4 | PTWRITE r/m32     | os32 no66
F3 0F AE /4 | PTWRITE r/m64     | os64 no66
F3 0F AE /5 | INCSSPD r32       | os16 id=Incsspd_r32
F3 0F AE /5 | INCSSPD r32       | os32
F3 0F AE /5 | INCSSPQ r64       | os64
F3 0F AE /6 | CLRSSBSY m64      | fw=c f0=oszap
F3 0F AE /6 | UMONITOR r32      | as32
F3 0F AE /6 | UMONITOR r64      | as64
F3 0F AE /6 | UMONITOR r16      | as16
66 0F AE /6 | TPAUSE r32        | fw=c f0=oszap
F2 0F AE /6 | UMWAIT r32        | fw=c f0=oszap

# ── 0F B0-BF ──
0F B0 /r | CMPXCHG r/m8, r8  | lock a=rw,r imp=rw:al fw=oszacp
0F B1 /r | CMPXCHG r/mv, rv  | lock a=rw,r imp=rw:eax fw=oszacp
0F B2 /r | LSS rv, m16:v     |
0F B3 /r | BTR r/mv, rv      | lock a=rw,r fw=c fu=osap
0F B4 /r | LFS rv, m16:v     |
0F B5 /r | LGS rv, m16:v     |
0F B6 /r | MOVZX rv, r/m8    | a=w,r
0F B7 /r | MOVZX rv, r/m16   | a=w,r
F3 0F B8 /r | POPCNT rv, r/mv | a=w,r f0=osacp fw=z
0F B9 /r | UD1 rv, r/mv      | cf=stop
0F BA /4 ib | BT r/mv, imm8  | a=r,r fw=c fu=osap
0F BA /5 ib | BTS r/mv, imm8 | lock a=rw,r fw=c fu=osap
0F BA /6 ib | BTR r/mv, imm8 | lock a=rw,r fw=c fu=osap
0F BA /7 ib | BTC r/mv, imm8 | lock a=rw,r fw=c fu=osap
0F BB /r | BTC r/mv, rv      | lock a=rw,r fw=c fu=osap
0F BC /r | BSF rv, r/mv      | a=rw,r fw=z fu=osacp
F3 0F BC /r | TZCNT rv, r/mv | a=w,r fw=zc fu=osap
0F BD /r | BSR rv, r/mv      | a=rw,r fw=z fu=osacp
F3 0F BD /r | LZCNT rv, r/mv | a=w,r fw=zc fu=osap
0F BE /r | MOVSX rv, r/m8    | a=w,r
0F BF /r | MOVSX rv, r/m16   | a=w,r

# ── 0F C0-C1, group 9 (0F C7), BSWAP ──
0F C0 /r | XADD r/m8, r8     | lock a=rw,rw fw=oszacp
0F C1 /r | XADD r/mv, rv     | lock a=rw,rw fw=oszacp
NP 0F C3 /r | MOVNTI m32, r32 | os16 id=Movnti_m32_r32 a=w,r
NP 0F C3 /r | MOVNTI m32, r32 | os32 a=w,r
NP 0F C3 /r | MOVNTI m64, r64 | os64 a=w,r
0F C7 /1 | CMPXCHG8B m64     | lock a=rw fw=z
REX.W 0F C7 /1 | CMPXCHG16B m128 | lock a=rw fw=z
NP 0F C7 /3 | XRSTORS mem       | os32 id=Xrstors_mem
NP 0F C7 /3 | XRSTORS mem       | os16 id=Xrstors_mem
NP 0F C7 /3 | XRSTORS64 mem     | os64
NP 0F C7 /4 | XSAVEC mem        | os32 id=Xsavec_mem
NP 0F C7 /4 | XSAVEC mem        | os16 id=Xsavec_mem
NP 0F C7 /4 | XSAVEC64 mem      | os64
NP 0F C7 /5 | XSAVES mem        | os32 id=Xsaves_mem
NP 0F C7 /5 | XSAVES mem        | os16 id=Xsaves_mem
NP 0F C7 /5 | XSAVES64 mem      | os64
NP 0F C7 /6 | VMPTRLD m64    | fw=zc f0=osap
66 0F C7 /6 | VMCLEAR m64    | fw=zc f0=osap
F3 0F C7 /6 | VMXON m64      | fw=zc f0=osap
NP 0F C7 /7 | VMPTRST m64    | f0=oszacp
0F C7 /6 | RDRAND rv         | norep f0=osazp fw=c a=w
0F C7 /7 | RDSEED rv         | norep f0=osazp fw=c a=w
F3 0F C7 /6 | SENDUIPI r64   | o64
F3 0F C7 /7 | RDPID r32      | i64 a=w
F3 0F C7 /7 | RDPID r64      | o64 a=w
0F C8+rw | BSWAP rv          | a=rw
0F FF /r | UD0 rv, r/mv       | cf=stop
`;
