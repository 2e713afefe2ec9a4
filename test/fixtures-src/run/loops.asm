; @file `aot run` test program: nested counted loops (add/sub/cmp/jcc/inc/dec/lea) folding a
; checksum into registers and a data area at BASE+0x1000. 32-bit: nasm -f bin loops.asm;
; 64-bit: nasm -f bin -DBITS64 (word-sized registers, plus an r8-r11 mixing loop). Ends with hlt.
; The expected values are modelled in test/run/programs.test.ts.
%include "common.inc"

start:
  ; Loop 1: for i = 12..1, j = 9..1: acc += i + 2j; acc2 ^= acc; acc2 += j. After each inner
  ; loop: acc -= i and out[12 - i] = acc.
  lea xdi, [out1]
  xor xa, xa
  mov xd, 1
  mov xc, 12
.outer:
  mov xb, 9
.inner:
  lea xsi, [xc + xb*2]
  add xa, xsi
  xor xd, xa
  add xd, xb
  dec xb
  jnz .inner
  sub xa, xc
  mov [xdi], xa
  add xdi, WSZ
  dec xc
  jnz .outer
  mov [xdi], xd                 ; out1[12] = acc2

  ; Loop 2: i = 0..19 counting up (cmp/jl): odd i summed into xbp, 3i of even i xored into xsi.
  xor xc, xc
  xor xbp, xbp
  xor xsi, xsi
.l2:
  test cl, 1
  jz .even
  add xbp, xc
  jmp .next
.even:
  lea xb, [xc + xc*2]
  xor xsi, xb
.next:
  inc xc
  cmp xc, 20
  jl .l2
  mov [out2], xbp
  mov [out2 + WSZ], xsi

  ; Loop 3: k = -6..6 (signed, jle): classify each k with signed and unsigned conditions.
  ; cnt_neg (js), cnt_gt2 (jg), cnt_above4 (ja, unsigned: negatives count too), cnt_zero (je),
  ; weighted sum of k*k for k in [-3, 3] (jl/jge/jbe/jae on biased values).
  mov xb, -6
  xor xc, xc
  mov [cnt], xc
  mov [cnt + WSZ], xc
  mov [cnt + 2*WSZ], xc
  mov [cnt + 3*WSZ], xc
  mov [cnt + 4*WSZ], xc
.l3:
  test xb, xb
  jns .nn
  inc WPTR [cnt]
.nn:
  cmp xb, 2
  jle .ng
  inc WPTR [cnt + WSZ]
.ng:
  cmp xb, 4
  jbe .na
  inc WPTR [cnt + 2*WSZ]
.na:
  cmp xb, 0
  jne .nz
  inc WPTR [cnt + 3*WSZ]
.nz:
  cmp xb, -3
  jl .skip
  cmp xb, 3
  jg .skip
  mov xa, xb
  imul xa, xb
  add [cnt + 4*WSZ], xa
.skip:
  lea xa, [xb + 3]              ; unsigned range check 0 <= k+3 <= 6 by jae/jbe
  cmp xa, 6
  ja .out
  inc xc
.out:
  inc xb
  cmp xb, 6
  jle .l3
  mov [cnt + 5*WSZ], xc

%ifdef BITS64
  ; Loop 4 (64-bit only): golden-ratio mixing in r8..r11 over 16 rounds.
  mov r8, 0x9E3779B97F4A7C15
  xor r9, r9
  mov r10, 0x0123456789ABCDEF
  mov r11d, 16
.l4:
  add r9, r8
  rol r9, 13
  xor r10, r9
  sub r10, r11
  dec r11
  jnz .l4
  mov [mix], r9
  mov [mix + 8], r10
%endif
  ; Final registers: xa = checksum of everything above.
  mov xa, [out1 + 11*WSZ]
  add xa, [out1 + 12*WSZ]
  add xa, [out2]
  sub xa, [out2 + WSZ]
  add xa, [cnt + 4*WSZ]
  hlt

DATA_AT 0x1000
out1: times 13 DW 0             ; 13 words
out2: times 2 DW 0              ; 2 words
cnt:  times 6 DW 0              ; 6 words
mix:  times 2 DW 0              ; 2 words (64-bit only)
