; @file `aot run` test program: partial registers and flag-sensitive integer ops. AL/AH/AX/BL/BH
; writes, movzx/movsx, cbw/cwde/cwd/cdq (and cdqe/cqo/movsxd, the 32-bit zero-extension rule,
; r8b/sil partials in 64-bit mode), xchg, setcc, cmovcc, shifts and rotates by imm, 1 and CL
; (count 0, masked counts), imul (1, 2, 3 operands), mul, neg/not, adc/sbb chains, inc/dec
; keeping CF, test/and/or/xor, lea forms. Every step stores one word to the result area at
; BASE+0x1000 (slot order is modelled in test/run/programs.test.ts); ends with hlt.
; 32-bit: nasm -f bin partial.asm; 64-bit: -DBITS64 (same common part, then a 64-bit part).
%include "common.inc"

; Append the condition %1 as one bit to ebx (ebx = ebx*2 + cc) without touching the flags.
%macro SETV 1
  set%1 cl
  lea ebx, [xb*2 + xc]
%endmacro
; All sixteen conditions after the flags of the preceding instruction, as a 16-bit vector.
%macro ALLCC 0
  mov ebx, 0                    ; mov keeps the flags
  mov ecx, 0
  SETV o
  SETV no
  SETV b
  SETV ae
  SETV e
  SETV ne
  SETV be
  SETV a
  SETV s
  SETV ns
  SETV p
  SETV np
  SETV l
  SETV ge
  SETV le
  SETV g
%endmacro

start:
  lea xdi, [res]
  ; ---- byte/word writes (slots 0-5)
  mov eax, 0x12345678
  mov al, 0xAB
  OUT xa
  mov ah, 0xCD
  OUT xa
  mov ax, 0xBEEF
  OUT xa
  mov ebx, 0xA0B0C0D0
  mov bl, ah
  mov bh, al
  OUT xb
  add al, bl                    ; 0xEF + 0xBE carries
  adc ah, 0
  OUT xa
  xchg al, ah
  OUT xa
  ; ---- movzx/movsx (slots 6-13)
  mov ecx, 0xFFFF8081
  movzx eax, cl
  OUT xa
  movsx eax, cl
  OUT xa
  movzx eax, cx
  OUT xa
  movsx eax, cx
  OUT xa
  mov eax, 0x55555555
  movsx ax, cl
  OUT xa
  movzx ax, ch
  OUT xa
  movsx eax, byte [tin + 1]
  OUT xa
  movzx eax, word [tin]
  OUT xa
  ; ---- cbw/cwde/cwd/cdq (slots 14-19)
  mov eax, 0x12345680
  cbw
  OUT xa
  cwde
  OUT xa
  mov eax, 0x7FFF
  mov edx, 0x11111111
  cwd
  OUT xd
  mov eax, 0x8000
  cwd
  OUT xd
  mov eax, 0x80000000
  cdq
  OUT xd
  mov eax, 1
  cdq
  OUT xd
  ; ---- xchg (slots 20-21)
  mov eax, 0x11112222
  mov edx, 0x33334444
  xchg eax, edx
  xchg dx, ax                   ; swaps only the low halves back
  OUT xa
  OUT xd
  ; ---- setcc vectors over four comparisons (slots 22-25)
  mov edx, 5
  cmp edx, 7
  ALLCC
  OUT xb
  mov edx, 0x80000000
  cmp edx, 1                    ; signed overflow
  ALLCC
  OUT xb
  mov edx, 0x1234
  cmp edx, 0x1234
  ALLCC
  OUT xb
  mov dl, 0x7F
  add dl, 0x81                  ; byte add: zero with carry
  ALLCC
  OUT xb
  ; ---- cmovcc (slots 26-27)
  mov eax, 100
  mov ecx, 200
  mov edx, -3
  cmp eax, ecx
  cmovl eax, ecx
  cmovg eax, edx
  OUT xa
  test edx, edx
  cmovs ecx, edx
  cmovns ecx, eax
  OUT xc
  ; ---- shifts and rotates (slots 28-40)
  mov eax, 0x81234567
  shl eax, 4
  OUT xa
  shr eax, 1
  OUT xa
  mov eax, 0x81234567
  sar eax, 8
  OUT xa
  rol eax, 12
  OUT xa
  ror eax, 1
  OUT xa
  mov edx, 1
  cmp edx, 2                    ; CF=1, ZF=0
  mov cl, 0
  shl eax, cl                   ; count 0: value and flags unchanged
  setc dl
  setz dh
  OUT xa
  OUT xd
  mov cl, 33                    ; masked to 1
  shl eax, cl
  OUT xa
  mov cl, 36                    ; masked to 4
  ror eax, cl
  OUT xa
  mov cl, 0x27                  ; masked to 7
  sar eax, cl
  OUT xa
  mov ax, 0x8001
  rol ax, 1                     ; 16-bit rotate
  OUT xa
  mov bl, 0x96
  mov cl, 3
  shr bl, cl
  rol bl, cl
  movzx ebx, bl
  OUT xb
  mov edx, 0x40000000
  sar edx, 1
  shl edx, 3                    ; the last bit out is set: CF=1, edx=0
  setc al
  movzx eax, al
  add eax, edx
  OUT xa
  ; ---- imul/mul (slots 41-52)
  mov eax, -7
  mov ecx, 6
  imul ecx
  OUT xa
  OUT xd
  mov eax, 0x80000000
  mul ecx
  OUT xa
  OUT xd
  mov ebx, 1234567
  imul ebx, ecx
  OUT xb
  imul edx, ebx, -3
  OUT xd
  imul esi, [tin + 4], 1000
  OUT xsi
  mov eax, 0x1234FF00
  mov al, -3
  mov cl, 50
  imul cl                       ; ax = -150
  OUT xa
  mov al, 200
  mov cl, 3
  mul cl                        ; ax = 600
  OUT xa
  mov eax, 0xABCD1234
  mov edx, 0x5555AAAA
  mov cx, 0x100
  mul cx                        ; dx:ax = 0x1234 * 0x100
  OUT xa
  OUT xd
  imul ax, cx, 3
  OUT xa
  ; ---- neg/not/inc/dec (slots 53-58)
  mov eax, 5
  neg eax
  setc bl                       ; neg of non-zero sets CF
  OUT xa
  not eax
  OUT xa
  mov eax, 0
  neg eax
  setc bl
  movzx ebx, bl
  OUT xb
  mov eax, 0x1200
  neg al                        ; zero byte: CF=0
  not ah
  OUT xa
  mov ecx, 1
  cmp ecx, 2                    ; CF=1
  inc ecx                       ; inc keeps CF
  setc al
  dec ecx
  dec ecx
  setz ah
  movzx eax, ax
  OUT xa
  mov eax, 0x7777FFFF
  inc ax                        ; 16-bit wrap, upper half kept
  OUT xa
  ; ---- adc/sbb chains over 3 words (slots 59-64)
  lea xsi, [bigA]
  mov xa, [xsi]
  add xa, [xsi + 3*WSZ]
  mov xb, [xsi + WSZ]
  adc xb, [xsi + 4*WSZ]
  mov xc, [xsi + 2*WSZ]
  adc xc, [xsi + 5*WSZ]
  OUT xa
  OUT xb
  OUT xc
  mov xa, [xsi]
  sub xa, [xsi + 3*WSZ]
  mov xb, [xsi + WSZ]
  sbb xb, [xsi + 4*WSZ]
  mov xc, [xsi + 2*WSZ]
  sbb xc, [xsi + 5*WSZ]
  OUT xa
  OUT xb
  OUT xc
  ; sbb reg,reg as a carry mask; adc with zero as carry-in (slots 65-66)
  mov eax, 3
  cmp eax, 4
  sbb edx, edx
  OUT xd
  mov eax, 10
  cmp eax, 4
  sbb eax, -1                   ; 10 + 1 - 0
  adc eax, 0
  OUT xa
  ; ---- logic (slots 67-71)
  mov eax, 0xF0F0F0F0
  and eax, 0x0FF00FF0
  or eax, 1
  xor eax, 0xFFFF0000
  OUT xa
  test eax, 0x80000000
  setnz bl
  test al, 0x0E
  setz bh
  movzx ebx, bx
  OUT xb
  mov eax, 0x12345678
  and ax, 0x0F0F
  or ah, 0x80
  xor al, 0xFF
  OUT xa
  xor eax, eax
  setz al
  not al
  OUT xa
  mov edx, 0xCAFEBABE
  and edx, [tin + 4]
  or edx, [tin]
  xor edx, 0x5A
  OUT xd
  ; ---- lea forms (slots 72-77)
  mov ebx, 0x1000
  mov esi, 0x20
  lea eax, [xb + xsi*4 + 7]
  OUT xa
  lea ecx, [xsi*8]
  OUT xc
  lea edx, [xb + xb*2]
  OUT xd
  lea eax, [xa - 0x100]
  OUT xa
  mov eax, 0xFFFF0000
  lea ax, [xb + xsi + 0xFFFF]  ; 16-bit destination
  OUT xa
  lea ecx, [xc + xc*8 - 1]
  OUT xc

%ifdef BITS64
  ; ---- 64-bit only (slots 78-)
  mov rax, 0x1122334455667788
  mov eax, 0x99AABBCC           ; 32-bit write zero-extends
  OUT rax
  mov rax, -1
  add eax, 0
  OUT rax
  mov rax, -1
  mov ax, 0
  OUT rax
  mov rax, -1
  mov al, 5
  OUT rax
  mov rax, 0x1234567887654321
  cdqe
  OUT rax
  mov rax, -9
  cqo
  OUT rdx
  mov rax, 9
  mov rdx, -1
  cqo
  OUT rdx
  mov ecx, 0x80000001
  movsxd rax, ecx
  OUT rax
  movsxd rdx, dword [tin + 4]
  OUT rdx
  mov rax, -1
  mov rcx, -1
  xchg eax, ecx                 ; both zero-extended
  OUT rax
  mov rax, -1
  xor ecx, ecx
  cmp ecx, 0
  cmovne eax, ecx               ; not taken, still zero-extends
  OUT rax
  mov rax, -1
  mov cl, 32
  shl eax, cl                   ; count 0 after masking
  OUT rax
  mov rax, 0x8000000000000001
  mov cl, 65
  shl rax, cl                   ; masked to 1
  OUT rax
  mov r8, -1
  mov r8b, 0
  mov r9, 0x0123456789ABCDEF
  mov r9w, r8w
  mov r10d, r9d
  OUT r8
  OUT r9
  OUT r10
  mov rsi, 0x1111111111111111
  mov sil, 0x7F
  movsx rdx, sil
  mov [rel sx], rdx
  OUT rsi
  mov rax, 0x123456789
  mov rcx, 0x987654321
  mul rcx                       ; 128-bit product
  OUT rax
  OUT rdx
  mov rax, -3
  mov rcx, 0x4000000000000000
  imul rcx                      ; signed 128-bit product
  OUT rax
  OUT rdx
  imul rax, rcx, 0x12345677
  OUT rax
  mov rbx, 0xFFFFFFFF00001000
  mov rsi, 0x20
  lea eax, [rbx + rsi*8]        ; 32-bit result of a 64-bit address
  OUT rax
  lea rax, [rel here]
here:
  OUT rax
  mov rax, 0x8000000000000000
  neg rax
  seto cl
  movzx rcx, cl
  OUT rcx
  mov rax, 0x00000000FFFFFFFF
  inc eax
  OUT rax
  mov eax, 0x80
  movsx r11, al
  OUT r11
%endif
  hlt

DATA_AT 0x1000
res:  times 112 DW 0                                    ; one word per slot
DATA_AT 0x1400
tin:  db 0x80, 0xF3, 0x7F, 0x01, 0x39, 0x30, 0xFE, 0xFF  ; dword [tin + 4] = 0xFFFE3039 (-118727)
bigA: DW -1, 0x12345678, 7                              ; A, little-endian words
bigB: DW 1, 0xF0000000, 9                               ; B
sx:   DW 0
