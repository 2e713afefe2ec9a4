; @file `aot run` test program: calls and returns. Direct `call rel32`, `call reg`, `call [mem]`
; through a function-pointer table, `jmp reg`, `ret imm16` with stack arguments, nested calls,
; the call/pop trick (the pushed return address must be the x86 address), push/pop of registers,
; immediates and memory. Results go to BASE+0x1000. Ends with `ret` to the run's sentinel (stop
; "return"), so it needs a stack. 32-bit: nasm -f bin calls.asm; 64-bit: -DBITS64.
%include "common.inc"

start:
  push xbp
  push xb
  lea xdi, [res]

  ; sum3(a, b, c) = a + 2b - c with stack arguments, callee pops them (ret 3*WSZ).
  push 100                      ; c
  push 40                       ; b
  push 7                        ; a
  call sum3                     ; 7 + 80 - 100 = -13
  OUT xa

  ; call reg
  lea xb, [twice]
  mov xa, 21
  call xb                       ; 42
  OUT xa

  ; call [mem] through a table, every entry applied in turn to a running value
  xor xc, xc
  mov xa, 5
.tbl:
  lea xd, [ftab]
  call [xd + xc*WSZ]            ; ((5*2)+3)^0x55 then -1 ...
  inc xc
  cmp xc, 4
  jb .tbl
  OUT xa
  call [fptr]                   ; one more twice through a single pointer
  OUT xa

  ; nested: outer(x) = inner(x + 1) * 3, inner(y) = twice(y) - y + 10 = y + 10
  mov xa, 30
  call outer                    ; (31 + 10) * 3 = 123
  OUT xa

  ; call/pop: the return address pushed by call is the address of `here`
  call here
here:
  pop xa
  OUT xa

  ; jmp reg
  lea xc, [.after]
  mov xa, 1
  jmp xc
  mov xa, 2                     ; skipped
.after:
  OUT xa

  ; push/pop: immediates, memory, reverse order
  push WPTR [pushsrc]
  push -2
  push 0x1234
  pop xa
  pop xb
  pop xc
  OUT xa
  OUT xb
  OUT xc
  push xc
  pop WPTR [popdst]

  ; ret imm16 with an argument count of zero words too (plain ret) and the depth check:
  ; xsp after all this equals xsp at entry minus the two saved registers.
  mov xsi, xsp
  push 11
  push 22
  call pop2                     ; 22 - 11 = 11 (last pushed minus first), ret 2*WSZ
  OUT xa
  sub xsi, xsp                  ; 0 when ret imm16 popped exactly its arguments
  OUT xsi

  mov xa, [res]
  add xa, [res + WSZ]
  pop xb
  pop xbp
  ret                           ; to the sentinel

; ---- functions ----
sum3:
  push xbp
  mov xbp, xsp
  mov xa, [xbp + 3*WSZ]
  add xa, xa
  add xa, [xbp + 2*WSZ]
  sub xa, [xbp + 4*WSZ]
  pop xbp
  ret 3*WSZ

twice:
  add xa, xa
  ret

plus3:
  add xa, 3
  ret

xor55:
  xor xa, 0x55
  ret

minus1:
  dec xa
  ret

inner:
  push xb
  mov xb, xa
  call twice
  sub xa, xb
  add xa, 10
  pop xb
  ret

outer:
  inc xa
  call inner
  lea xa, [xa + xa*2]
  ret

pop2:
  mov xa, [xsp + WSZ]
  sub xa, [xsp + 2*WSZ]
  ret 2*WSZ

DATA_AT 0x1000
res:     times 14 DW 0          ; results, in order of the OUTs above
ftab:    DW twice, plus3, xor55, minus1
fptr:    DW twice
pushsrc: DW 0x5a5a
popdst:  DW 0
