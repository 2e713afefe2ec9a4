; @file `aot run` test program for the vector slice (SSE moves, logic, compare-equal, unpacks,
; PSHUFD, move masks): the strlen idiom (PCMPEQB against zero + PMOVMSKB + BSF, 16 bytes per step
; from an aligned pointer) on three strings, a 100-byte MOVDQU copy at odd offsets checked with
; REPE CMPSB, bytes widened to words by PUNPCKLBW/PUNPCKHBW with zero, every PSHUFD rotation,
; MOVD/MOVQ round trips through general registers, MOVSS/MOVSD merges, MOVLPS/MOVHPS halves,
; PAND/PANDN/POR/XORPS masks and MOVMSKPS/MOVMSKPD sign masks.
; 32-bit: nasm -f bin vectors.asm; 64-bit: -DBITS64 (XMM8-15 and the 64-bit MOVQ forms too).
; Results at BASE+0x1000 (words, then 16-byte vectors at vout); ends with hlt after an ADD.
%include "common.inc"

start:
  lea xdi, [out]

  ; strlen of three strings (lengths 0, 13, 37) with the aligned 16-byte scan.
  lea xsi, [str_a]
  call vstrlen
  OUT xa
  lea xsi, [str_b]
  call vstrlen
  OUT xa
  lea xsi, [str_c]
  call vstrlen
  OUT xa

  ; Copy 100 bytes from src+3 to dst+5 in 16-byte unaligned pieces (the last one overlapping).
  lea xsi, [src + 3]
  lea xbp, [dst + 5]
  xor xc, xc
.copy:
  movdqu xmm0, [xsi + xc]
  movdqu [xbp + xc], xmm0
  add xc, 16
  cmp xc, 96
  jb .copy
  movdqu xmm1, [xsi + 84]
  movdqu [xbp + 84], xmm1
  push xdi
  lea xdi, [dst + 5]
  mov xc, 100
  repe cmpsb
  pop xdi
  OUT xc                         ; 0: all equal
  movzx xa, byte [dst + 4]       ; untouched guard bytes either side
  movzx xb, byte [dst + 105]
  shl xb, 8
  or xa, xb
  OUT xa

  ; Widen 16 bytes to words with zero (punpcklbw/punpckhbw), then checksum through movd.
  movdqa xmm2, [pattern]
  pxor xmm3, xmm3
  movdqa xmm4, xmm2
  punpcklbw xmm2, xmm3
  punpckhbw xmm4, xmm3
  lea xb, [vout]
  movdqu [xb], xmm2
  movdqu [xb + 16], xmm4
  punpcklwd xmm2, xmm4
  punpckhdq xmm4, xmm2
  punpcklqdq xmm2, xmm4
  punpckhqdq xmm4, xmm2
  movdqu [xb + 32], xmm2
  movdqu [xb + 48], xmm4

  ; PSHUFD: broadcast, rotations, reversal, a general pattern, and in place.
  movdqa xmm5, [pattern]
  pshufd xmm6, xmm5, 0x00
  pshufd xmm7, xmm5, 0x39
  movdqu [xb + 64], xmm6
  movdqu [xb + 80], xmm7
  pshufd xmm6, xmm5, 0x1b
  pshufd xmm7, [pattern], 0x8d
  movdqu [xb + 96], xmm6
  movdqu [xb + 112], xmm7
  pshufd xmm5, xmm5, 0x72        ; in place, general
  movdqu [xb + 128], xmm5

  ; MOVD/MOVQ round trips, MOVSS/MOVSD merges, MOVLPS/MOVHPS halves.
  mov xa, 0x8765_4321
  movd xmm0, eax
  movd [xb + 144], xmm0
  movd ecx, xmm0
  OUT xc
  movq xmm1, [pattern + 4]
  movq [xb + 148], xmm1
  movq xmm2, xmm1
  movdqu [xb + 160], xmm2
  movdqa xmm3, [pattern]
  movss xmm3, xmm0               ; merge the low dword
  movdqu [xb + 176], xmm3
  movsd xmm3, [pattern + 8]      ; load zero-extends
  movdqu [xb + 192], xmm3
  movdqa xmm4, [pattern]
  movsd xmm4, xmm1               ; merge the low qword
  movlps xmm4, [pattern + 3]
  movhps xmm4, [pattern + 9]
  movdqu [xb + 208], xmm4
  movhps [xb + 224], xmm4
  movlps [xb + 232], xmm4
  movss [xb + 240], xmm4

  ; Masks: pand/pandn/por/xorps, pcmpeqw/pcmpeqd, and the sign masks.
  movdqa xmm0, [pattern]
  movdqa xmm1, [signs]
  movaps xmm2, xmm0
  pand xmm2, xmm1
  movups xmm3, xmm0
  pandn xmm3, xmm1
  por xmm3, xmm2
  xorps xmm3, [signs]
  andps xmm3, xmm0
  orpd xmm3, [pattern]
  andnpd xmm3, xmm1
  movdqu [xb + 256], xmm3
  pcmpeqw xmm2, xmm0
  pcmpeqd xmm1, [signs]
  movdqu [xb + 272], xmm2
  movmskps eax, xmm1
  movmskpd ecx, xmm0
  shl ecx, 4
  or eax, ecx
  pmovmskb ecx, xmm0
  shl ecx, 8
  or eax, ecx
  OUT xa
  unpcklps xmm0, xmm1
  unpckhpd xmm1, xmm0
  movntdq [xb + 288], xmm0
  movapd [xb + 304], xmm1

%ifdef BITS64
  ; XMM8-15 and the 64-bit MOVQ general-register forms.
  mov rax, 0x0123_4567_89ab_cdef
  movq xmm8, rax
  pshufd xmm9, xmm8, 0x44
  movdqa xmm15, xmm9
  punpcklbw xmm15, xmm8
  pcmpeqb xmm15, xmm9
  pmovmskb r10d, xmm15
  movq r11, xmm9
  xor r11, r10
  mov [out64], r11
  movdqu [xb + 320], xmm15
  movdqu xmm12, [xb + 3]
  pxor xmm12, [pattern]
  movq [out64 + 8], xmm12
%endif

  ; Final checksum; the ADD defines every status flag for the final compare.
  mov xa, [out]
  add xa, [out + WSZ]
  hlt

; eax = length of the zero-terminated string at xsi: scan from the 16-byte block holding it,
; masking off the bytes before the start (the aligned read never crosses a page).
vstrlen:
  mov xd, xsi
  and xd, -16
  mov xc, xsi
  sub xc, xd                     ; misalignment
  pxor xmm0, xmm0
  movdqa xmm1, [xd]
  pcmpeqb xmm1, xmm0
  pmovmskb eax, xmm1
  shr eax, cl
  test eax, eax
  jnz .found0
.loop:
  add xd, 16
  movdqa xmm1, [xd]
  pcmpeqb xmm1, xmm0
  pmovmskb eax, xmm1
  test eax, eax
  jz .loop
  bsf eax, eax
  add xa, xd
  sub xa, xsi
  ret
.found0:
  bsf eax, eax
  ret

DATA_AT 0x1000
out:     times 16 DW 0          ; results, one word each
out64:   times 2 dq 0
         align 16
vout:    times 352 db 0         ; 16-byte results
         align 16
pattern: db 0x00, 0x81, 0x12, 0xf3, 0x24, 0x65, 0x36, 0xc7, 0x48, 0x09, 0x5a, 0xbb, 0x6c, 0x7d, 0x8e, 0xff
         db 0x10, 0x91, 0x22, 0x03, 0x34, 0x75, 0x46, 0xd7, 0x58, 0x19, 0x6a, 0xcb, 0x7c, 0x8d, 0x9e, 0x0f
signs:   dd 0x8000_0000, 0x7fff_ffff, 0xffff_0000, 0x0000_8000
         align 16
         db 7
str_a:   db 0
         align 16
         times 5 db 'x'
str_b:   db "hello, world!", 0
         align 16
         times 9 db 'y'
str_c:   db "the quick brown fox jumps over a lazy", 0
         align 16
src:
%assign i 0
%rep 128
         db (i * 37 + 11) & 0xff
%assign i i + 1
%endrep
         align 16
dst:     times 128 db 0x5a
