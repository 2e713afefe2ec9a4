; @file `aot run` test program: the string instructions as C runtimes use them. memcpy (rep movsb,
; rep movsd/movsq), memset (rep stosb, rep stosw), memmove of overlapping buffers backwards (std;
; rep movsb), strlen (repne scasb), memcmp (repe cmpsb, equal and different), a lodsb checksum
; loop, a backwards scan (std; repne scasb), plain movs/stos/cmps/scas/lods without a prefix,
; and a rep stosb running down from the data page into the code page: its stores into the code
; page fault in the middle of the loop (the page holds translated code) and the runtime resumes
; the instruction with the remaining count. Results go to res[] at BASE+0x1000 (one word per
; slot), buffers follow. 32-bit: nasm -f bin strings.asm; 64-bit: -DBITS64. Ends with hlt.
%include "common.inc"

; res[k] = register
%macro PUT 2
  mov [res + (%1)*WSZ], %2
%endmacro

start:
  cld
  ; 1. memcpy 37 bytes, then 9 words (dwords; qwords in 64-bit mode)
  lea xsi, [src]
  lea xdi, [dst]
  mov xc, 37
  rep movsb
  PUT 0, xsi
  PUT 1, xdi
  PUT 2, xc
  lea xsi, [src]
  lea xdi, [dst + 40]
  mov xc, 9
%ifdef BITS64
  rep movsq
%else
  rep movsd
%endif
  PUT 3, xdi

  ; 2. memset 23 bytes of 0x5a, then 7 words of 0xbeef
  mov al, 0x5a
  lea xdi, [set]
  mov xc, 23
  rep stosb
  mov ax, 0xbeef
  mov xc, 7
  rep stosw
  PUT 4, xdi

  ; 3. memmove: 30 bytes of mov_buf moved 5 bytes up (overlapping), from the end down
  std
  lea xsi, [mov_buf + 29]
  lea xdi, [mov_buf + 34]
  mov xc, 30
  rep movsb
  cld
  PUT 5, xsi
  PUT 6, xdi

  ; 4. strlen("the quick brown fox") with repne scasb
  xor eax, eax
  lea xdi, [str]
  mov xc, -1
  repne scasb
  not xc
  dec xc
  PUT 7, xc

  ; 5. memcmp: cmpa vs cmpb differ at byte 11; cmpa vs itself (equal, count runs out)
  lea xsi, [cmpa]
  lea xdi, [cmpb]
  mov xc, 16
  repe cmpsb
  setb al
  seta bl
  PUT 8, xc
  PUT 9, xa
  PUT 10, xb
  lea xsi, [cmpa]
  lea xdi, [cmpa]
  mov xc, 16
  repe cmpsb
  setz al
  PUT 11, xc
  PUT 12, xa

  ; 6. lodsb checksum over src: xd = sum of bytes * (index + 1)
  lea xsi, [src]
  xor xd, xd
  mov xc, 1
.sum:
  xor eax, eax
  lodsb
  imul xa, xc
  add xd, xa
  inc xc
  cmp xc, 33
  jne .sum
  PUT 13, xd

  ; 7. backwards scan: the last 'o' of str (std; repne scasb)
  std
  mov al, 'o'
  lea xdi, [str + 18]
  mov xc, 19
  repne scasb
  cld
  PUT 14, xc
  PUT 15, xdi

  ; 8. one element at a time, no prefix: movsw, stosd, cmpsw, scasw, lodsd
  lea xsi, [src]
  lea xdi, [one]
  movsw
  mov eax, 0x11223344
  stosd
  lea xsi, [src]
  lea xdi, [one]
  cmpsw
  setne al
  PUT 16, xa
  mov ax, [src + 2]
  scasw
  sete al
  PUT 17, xa
  lea xsi, [src + 4]
  lodsd
  PUT 18, xa
  PUT 19, xsi
  PUT 20, xdi

  ; 9. rep stosb from the data page down into the code page: 16 bytes at cbuf_end-8 .. +7
  std
  mov al, 0xc3
  lea xdi, [res_page_start + 7]
  mov xc, 16
  rep stosb
  cld
  PUT 21, xdi
  PUT 22, xc
  movzx eax, byte [res_page_start - 8]
  PUT 23, xa

  ; final registers: a mix of the results
  mov xa, [res + 7*WSZ]
  add xa, [res + 13*WSZ]
  mov xb, [res + 8*WSZ]
  hlt

; The last 8 bytes of the code page: the end of the rep stosb of step 9 lands here.
DATA_AT 0xff8
cbuf: times 8 db 0x90

DATA_AT 0x1000
res_page_start:
; res_page_start .. +7 are overwritten by step 9, then res[] follows at +8
  times 8 db 0
res: times 24 DW 0
src: db "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ!?#$%&()*+-/<=>@[]^_{|}~ABCD"
dst: times 120 db 0
set: times 40 db 0
mov_buf: db "0123456789abcdefghijklmnopqrstuv-----"
str: db "the quick brown fox", 0
cmpa: db "string compare!!"
cmpb: db "string compAre!!"
one: times 8 db 0
