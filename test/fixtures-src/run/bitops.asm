; @file `aot run` test program for the bits group: a sieve of Eratosthenes on a memory bitmap
; through BT/BTS with register bit offsets (positive from the bitmap's start, negative from its
; end: the SDM's bit-offset addressing; the marks LOCKed), a set-bit walk with BSF/BTR and BSR/LZCNT/TZCNT, BLSR
; bit counting, BSWAP, BT/BTC/BTR/BTS with immediates, and the BMI1/BMI2/ADX instructions
; (ANDN, BEXTR, BLSMSK, BZHI, MULX, RORX, SARX/SHLX/SHRX, ADCX/ADOX multi-word adds).
; 32-bit: nasm -f bin bitops.asm; 64-bit: -DBITS64 (word-sized registers, plus 64-bit forms).
; Results at BASE+0x1000; ends with hlt after an ADD that defines every status flag.
; Not here: POPCNT and MOVBE (Unicorn's x86 CPU, the reference of test/runtime/run.test.ts,
; raises #UD for them), PDEP/PEXT, BLSI, and BEXTR/BZHI past 31 (Unicorn computes them
; differently from the SDM and the CPU: test/verify/bits-diff.test.ts).
%include "common.inc"
NBITS equ 512

start:
  lea xdi, [out]

  ; Sieve: bit n of the bitmap set = n is composite. Marks go through [end of bitmap] with a
  ; negative offset j - NBITS; tests through [bitmap] with offset i.
  lea xsi, [bitmap + NBITS/8]
  xor xbp, xbp                  ; prime count
  xor xb, xb                    ; sum of primes
  mov xc, 2
.next_i:
  bt WPTR [bitmap], xc
  jc .composite
  inc xbp
  add xb, xc
  mov xa, xc
  imul xa, xc                   ; j = i*i
.mark:
  cmp xa, NBITS
  jae .composite
  lea xd, [xa - NBITS]
  lock bts WPTR [xsi], xd
  add xa, xc
  jmp .mark
.composite:
  inc xc
  cmp xc, NBITS
  jb .next_i
  OUT xbp
  OUT xb
  ; 16-bit forms on the same bitmap: bit 97 (prime: clear) and 91 (7*13: set).
  mov cx, 97
  bt word [bitmap], cx
  setc al
  mov cx, -NBITS + 91
  bt word [xsi], cx
  setc ah
  movzx xa, ax
  OUT xa

  ; Set-bit walk: sum and xor of the indices of a constant's set bits (bsf, then btr).
  mov xd, 0x8421_0f35
  xor xa, xa
  xor xb, xb
.walk:
  bsf xc, xd
  jz .walked
  btr xd, xc
  add xa, xc
  xor xb, xc
  jmp .walk
.walked:
  OUT xa
  OUT xb
  ; bsr / lzcnt / tzcnt of a few values, zero included for the counts.
  mov xd, 0x0004_2000
  bsr xa, xd
  OUT xa
  lzcnt xa, xd
  OUT xa
  tzcnt xa, xd
  OUT xa
  xor xd, xd
  lzcnt xa, xd
  OUT xa
  tzcnt eax, edx
  OUT xa
  mov dx, 0x0180
  lzcnt ax, dx
  tzcnt cx, dx
  shl ecx, 16
  or eax, ecx
  OUT xa

  ; Bit count by blsr until zero; blsmsk; andn; bswap.
  mov xd, 0x7f3c_0e01
  xor xa, xa
.count:
  test xd, xd
  jz .counted
  blsr edx, edx
  inc xa
  jmp .count
.counted:
  OUT xa
  mov ecx, 0x0001_b400
  blsmsk eax, ecx
  OUT xa
  mov edx, 0xff00_ff00
  andn eax, ecx, edx
  OUT xa
  mov eax, 0x1234_5678
  bswap eax
  OUT xa

  ; Immediate bit tests, flags folded into a word through setc.
  mov eax, 0x0000_8001
  bts eax, 4
  btr eax, 0
  btc eax, 15
  btc eax, 30
  bt eax, 30
  setc cl
  movzx ecx, cl
  add eax, ecx
  OUT xa
  mov WPTR [scratch], 0
  bts dword [scratch], 9
  btc word [scratch], 3
  mov xa, [scratch]
  OUT xa

  ; BMI2 shifts and rotates by register counts (masked), rorx, bzhi, bextr inside 0..31.
  mov edx, 0x8765_4321
  mov ecx, 36                   ; masked to 4
  shlx eax, edx, ecx
  OUT xa
  shrx eax, edx, ecx
  OUT xa
  sarx eax, edx, ecx
  OUT xa
  rorx eax, edx, 12
  OUT xa
  mov ecx, 13
  bzhi eax, edx, ecx
  OUT xa
  mov ecx, 0x0a05                ; 10 bits from bit 5
  bextr eax, edx, ecx
  OUT xa
  mov ecx, 0x1000 + 20           ; 16 bits from 20: past bit 31 reads zeros
  bextr eax, edx, ecx
  OUT xa

  ; mulx (edx implicit) and a three-word add with adcx, a parallel one with adox.
  mov edx, 0xdead_beef
  mov ecx, 0x1234_5679
  mulx ebx, eax, ecx
  OUT xa
  OUT xb
  xor eax, eax                  ; CF = OF = 0
  mov eax, [num_a]
  mov ebx, [num_a + 4]
  mov ecx, [num_a + 8]
  mov ebp, eax
  adcx eax, [num_b]
  adcx ebx, [num_b + 4]
  adcx ecx, [num_b + 8]
  setc dl
  adox ebp, [num_b + 8]
  adox ebp, [num_b + 4]
  seto dh
  OUT xa
  OUT xb
  OUT xc
  OUT xbp
  movzx xa, dx
  OUT xa

%ifdef BITS64
  ; 64-bit forms.
  mov rdx, 0x0123_4567_89ab_cdef
  bswap rdx
  mov [out64], rdx
  bsr rax, rdx
  tzcnt rcx, rdx
  shl rcx, 8
  or rax, rcx
  mov [out64 + 8], rax
  mov rcx, 0x2c05                ; 44 bits from bit 5
  bextr rax, rdx, rcx
  mov [out64 + 16], rax
  mulx r9, r8, rdx              ; rdx * rdx
  mov [out64 + 24], r8
  mov [out64 + 32], r9
  rorx r10, rdx, 40
  mov r11, 67                   ; masked to 3
  sarx r10, r10, r11
  shlx r11, rdx, r11
  andn r10, r10, r11
  mov [out64 + 40], r10
  mov r12, -1
  xor eax, eax
  adcx r12, rdx
  adox r12, rdx
  bts r12, 63
  btc qword [out64], 60
  mov rcx, -130
  lea rbx, [out64 + 32]
  bts qword [rbx], rcx          ; [rbx + 8*(-130 SAR 6)] = out64+8, bit -130 AND 63 = 62
  mov [out64 + 48], r12
%endif
  ; Final register checksum; the ADD defines every status flag for the final compare.
  mov xa, [out]
  add xa, [out + WSZ]
  hlt

DATA_AT 0x1000
out:     times 32 DW 0          ; results, one word each
out64:   times 8 dq 0           ; 64-bit results
bitmap:  times NBITS/8 db 0
scratch: times 2 DW 0
num_a:   dd 0xffff_fff0, 0xffff_ffff, 0x7fff_ffff
num_b:   dd 0x0000_0020, 0x0000_0000, 0x8000_0001
