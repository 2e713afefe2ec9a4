; @file `aot run` test program: division, rotates through carry, double shifts and one-operand
; multiplies. A table of dividend/divisor pairs goes through DIV and IDIV of every size (register
; and memory divisors; 64-bit: RDX both the sign extension of RAX, after CQO, and not); RCL/RCR by
; 1, imm8 and CL and SHLD/SHRD by imm8 and CL fold a checksum with CF/OF captured by SETcc; MUL
; and IMUL of every size. One word per result at BASE+0x1000. Ends with a division by zero: the
; run stops with #DE (interrupt 0) at that DIV, with the state of before it.
; 32-bit: nasm -f bin muldiv.asm; 64-bit: nasm -f bin -DBITS64.
%include "common.inc"
%define NPAIRS 6

start:
  lea xdi, [out]
  ; ── DIV / IDIV: pairs (dividend, divisor) chosen not to fault at the sizes used ──
  lea xsi, [pairs]
  mov xbp, NPAIRS
.div_loop:
  ; 8-bit: AX / byte [xsi + 8] (unsigned), then signed with a register divisor.
  mov xa, [xsi]
  and xa, 0x3fff
  mov cl, [xsi + 8]
  or cl, 0x41                   ; divisor >= 0x41 > AX >> 8: no #DE
  div cl
  movzx xb, ax
  OUT xb
  mov xa, [xsi]
  and xa, 0x1fff
  neg ax
  mov cl, [xsi + 8]
  and cl, 0x7f
  or cl, 0x40                   ; |AX| < 0x2000, 0x40 <= CL < 0x80: |quotient| <= 127
  test ebp, 1
  jz .posb
  neg cl
.posb:
  idiv cl
  movzx xb, ax
  OUT xb
  ; 16-bit: DX:AX / word, memory divisor.
  mov xa, [xsi]
  mov xd, xa
  shr xd, 17
  and xd, 0x3fff
  mov cx, [xsi + 8]
  or cx, 0x4000
  mov [tmpw], cx
  div word [tmpw]
  OUT xa
  OUT xd
  mov xa, [xsi]
  cwd
  idiv word [tmpw]
  OUT xa
  OUT xd
  ; 32-bit: EDX:EAX / dword, register then memory divisor.
  mov eax, [xsi]
  mov edx, [xsi + 4]
  and edx, 0x0fffffff
  mov ecx, [xsi + 8]
  or ecx, 0x10000000
  div ecx
  OUT xa
  OUT xd
  mov eax, [xsi]
  cdq
  mov [tmpd], ecx
  idiv dword [tmpd]
  OUT xa
  OUT xd
%ifdef BITS64
  ; 64-bit: RDX:RAX / qword. RDX below the divisor (the slow path), then 0 (udiv).
  mov rax, [rsi]
  mov rdx, [rsi + 8]
  shr rdx, 4
  mov rcx, [rsi + 8]
  bts rcx, 63
  div rcx
  OUT rax
  OUT rdx
  mov rax, [rsi]
  xor edx, edx
  div qword [rsi + 8]
  OUT rax
  OUT rdx
  ; IDIV: after CQO (sdiv), and with RDX not the sign of RAX (magnitudes, both signs).
  mov rax, [rsi]
  cqo
  idiv rcx
  OUT rax
  OUT rdx
  mov rax, [rsi]
  mov rdx, [rsi + 8]
  sar rdx, 40                   ; |RDX:RAX| < 2^88
  mov r8, [rsi + 8]
  or r8, 1
  bts r8, 62                    ; |R8| >= 2^62 (negated below on odd rounds)
  test bpl, 1
  jz .pos
  neg r8
.pos:
  idiv r8
  OUT rax
  OUT rdx
%endif
  add xsi, 16
  dec xbp
  jnz .div_loop

  ; ── RCL / RCR: a checksum through every size and count form, CF and OF captured ──
  mov xa, [pairs]
  mov xb, [pairs + WSZ]
  mov xd, 0
  mov xc, 0
  mov xbp, 24
  lea xsi, [pairs]
.rot_loop:
  mov cl, [xsi + xbp]           ; count: a table byte
  bt xbp, 0                     ; CF = round parity
  rcl al, cl
  rcr bx, 1
  rcl xb, 5
  rcr ah, cl
  rcl dx, cl
  rcr xd, 31
  adc xd, xa
  rcl dword [cell], cl
  rcr word [cell], 17
  rcr byte [cell + 1], cl
  rcl xa, cl
  setc ch
  seto byte [tmpb]
  add dl, ch
  add dl, [tmpb]
  xor xd, xb
  dec xbp
  jnz .rot_loop
  OUT xa
  OUT xb
  OUT xd
  mov xc, [cell]
  OUT xc

  ; ── SHLD / SHRD by imm8 and CL (counts up to 16 for the 16-bit forms) ──
  mov xa, [pairs + 2*WSZ]
  mov xb, [pairs + 3*WSZ]
  mov xbp, 20
  lea xsi, [cell]               ; a base register: RIP-relative SHLD/SHRD imm8 trip Unicorn (diff.ts oracleDisagrees)
.shd_loop:
  mov ecx, ebp
  and ecx, 15
  shld xa, xb, cl
  shrd xb, xa, 7
  setc dh
  shld ax, bx, cl
  shrd word [xsi], ax, cl
  shld dword [xsi], ebx, 13
  shrd eax, ebx, cl
  setz dl
  add xb, xd
  mov ecx, ebp
  shrd ebx, eax, cl
  xor xa, xbp
  dec xbp
  jnz .shd_loop
  OUT xa
  OUT xb
  mov xc, [cell]
  OUT xc

  ; ── MUL / IMUL, one operand, every size ──
  mov xa, [pairs + 4*WSZ]
  mov xc, [pairs + 5*WSZ]
  mul cl
  OUT xa
  imul cx
  OUT xa
  OUT xd
  mul xc
  OUT xa
  OUT xd
  imul WPTR [pairs + 6*WSZ]
  OUT xa
  OUT xd
  mul dword [pairs + 7*WSZ]
  OUT xa
  OUT xd

  ; ── finally a division by zero: #DE, the run stops at this DIV ──
  mov xa, 0x1234
  mov ecx, 0
  cmp xa, 0x1234                ; every status flag defined (ZF = 1), then CF = 1
  stc
  div ecx
  hlt

pairs:
  dq 0x9e3779b97f4a7c15, 0x3c6ef372fe94f82b
  dq 0x7ffffffffffffff0, 0x1234567890abcdef
  dq 0xdeadbeefcafebabe, 0x0000000100000001
  dq 0x8000000000000000, 0xfedcba9876543210
  dq 0x0000000000000007, 0x00000000000000ff
  dq 0xffffffffffffff85, 0x7fffffffffffffff

  DATA_AT 0x1000
out:
  times 0x400 db 0
; Scratch the program writes, on the data page (not the code page: no self-modifying-code churn).
cell:
  dq 0x0123456789abcdef
tmpw: dw 0
tmpd: dd 0
tmpb: db 0
