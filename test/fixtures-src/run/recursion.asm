; @file `aot run` test program: recursion on the stack. fib(n) naive (argument in xc, saved
; with push/pop, a call counter and a maximum-depth tracker in memory), fact(n) with its argument
; on the stack (`ret WSZ`, `mul`), and a recursive sum of an array by halves. Results go to
; BASE+0x1000; ends with hlt. Needs a stack. 32-bit: nasm -f bin recursion.asm; 64-bit: -DBITS64.
%include "common.inc"

%ifdef BITS64
  %define FACT_N 20
%else
  %define FACT_N 12
%endif

start:
  mov xc, 20
  call fib
  mov [fibv], xa
  mov xb, xa                    ; keep fib(20) in xb

  push FACT_N
  call fact
  mov [factv], xa
  mov xsi, xa                   ; keep n! in xsi

  lea xa, [arr]
  mov xc, 16
  call rsum                     ; sum of arr[0..15]
  mov [sumv], xa
  mov xdi, xa

  mov xa, xb
  mov xc, [calls]
  mov xd, [maxd]
  hlt

; fib(xc) -> xa; clobbers nothing else but flags.
fib:
  inc WPTR [calls]
  inc WPTR [depth]
  mov xa, [depth]
  cmp xa, [maxd]
  jbe .nomax
  mov [maxd], xa
.nomax:
  cmp xc, 2
  jae .rec
  mov xa, xc
  jmp .done
.rec:
  push xc
  push xd
  dec xc
  call fib
  mov xd, xa
  dec xc
  call fib
  add xa, xd
  pop xd
  pop xc
.done:
  dec WPTR [depth]
  ret

; fact(n on the stack) -> xa (low word of n!), pops its argument; clobbers xd, flags.
fact:
  mov xa, [xsp + WSZ]
  cmp xa, 1
  jbe .one
  dec xa
  push xa
  call fact
  mul WPTR [xsp + WSZ]
  ret WSZ
.one:
  mov xa, 1
  ret WSZ

; rsum(xa = pointer, xc = count) -> xa = sum of the words; splits in halves.
rsum:
  cmp xc, 1
  ja .split
  mov xa, [xa]
  ret
.split:
  push xb
  push xd
  push xsi
  mov xb, xc
  shr xb, 1                     ; left half count
  mov xsi, xa
  mov xd, xc
  sub xd, xb                    ; right half count
  mov xc, xb
  call rsum                     ; left
  push xa
  lea xa, [xsi + xb*WSZ]
  mov xc, xd
  call rsum                     ; right
  pop xd
  add xa, xd
  pop xsi
  pop xd
  pop xb
  ret

DATA_AT 0x1000
fibv:  DW 0
factv: DW 0
sumv:  DW 0
calls: DW 0
depth: DW 0
maxd:  DW 0
arr:   DW 3, -1, 4, 1, -5, 9, 2, -6, 5, 3, -5, 8, 9, 7, -9, 3
