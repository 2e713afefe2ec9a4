; @file `aot run` test program: self-modifying code and data on the code page. Patches an
; immediate of a function already run once, the immediate of an instruction inside a loop on each
; pass, an opcode (add -> sub), the rel32 of a direct call, the instruction right after the store
; (same block), and builds a tiny routine in a buffer and calls it twice with different bytes.
; Results, counters and the buffer all live on the code's own page at BASE+0x300. Ends with hlt.
; Needs a stack. 32-bit: nasm -f bin smc.asm; 64-bit: -DBITS64.
%include "common.inc"

start:
  lea xdi, [res]
  ; 1. immediate of a function that has already run
  call getk
  OUT xa                        ; 0x11111111
  mov dword [getk + 1], 0x22222222
  call getk
  OUT xa                        ; 0x22222222

  ; 2. the immediate of `add ebx, imm32` is tripled after each of five passes
  xor ebx, ebx
  mov ecx, 5
pass:
addsite:
  add ebx, strict dword 1
  mov eax, [addsite + 2]
  lea eax, [xa + xa*2]
  mov [addsite + 2], eax
  inc dword [counter]
  dec ecx
  jnz pass
  OUT xb                        ; 1 + 3 + 9 + 27 + 81

  ; 3. opcode patch: add eax, ebx (01 d8) becomes sub eax, ebx (29 d8)
  mov eax, 100
  mov ebx, 30
  call opfn
  OUT xa                        ; 130
  mov byte [opfn], 0x29
  mov eax, 100
  call opfn
  OUT xa                        ; 70

  ; 4. retarget a direct call by rewriting its rel32
  call dispatch
  OUT xa                        ; 0xF1
  mov dword [callsite + 1], f2 - (callsite + 5)
  call dispatch
  OUT xa                        ; 0xF2

  ; 5. the store patches the very next instruction, twice
  xor edx, edx
  mov ecx, 2
again:
  lea eax, [xc + 0x40]
  mov [nextins + 1], al
nextins:
  mov al, 0x11
  shl edx, 8
  or dl, al
  dec ecx
  jnz again
  OUT xd                        ; 0x4241

  ; 6. generated code: mov eax, imm32; ret, written into a buffer on this page and called
  mov byte [gen], 0xB8
  mov dword [gen + 1], 0x600D0001
  mov byte [gen + 5], 0xC3
  call gen
  OUT xa
  mov dword [gen + 1], 0x600D0002
  call gen
  OUT xa

  ; 7. a data word between two functions, read and written
  mov eax, [inlined]
  add eax, 0x10
  mov [inlined], eax
  call readinl
  OUT xa                        ; 0xABCD0010
  mov eax, [counter]
  OUT xa                        ; 5
  hlt

getk:
  mov eax, 0x11111111
  ret
opfn:
  add eax, ebx
  ret
dispatch:
callsite:
  call f1
  ret
f1:
  mov eax, 0xF1
  ret
inlined:
  dd 0xABCD0000
f2:
  mov eax, 0xF2
  ret
readinl:
  mov eax, [inlined]
  ret

DATA_AT 0x300
res:     times 12 DW 0          ; results in OUT order
counter: dd 0
gen:     times 16 db 0xcc
