; @file `aot run` test program: the atomics group. LOCK read-modify-write of every kind on counters
; (aligned and misaligned), XADD and CMPXCHG retry loops (the compare-and-swap idioms compilers
; emit), a failing CMPXCHG, XCHG with memory, CMPXCHG8B on a 64-bit counter, all on the data
; area at BASE+0x1000. 32-bit: nasm -f bin atomics.asm; 64-bit: -DBITS64. Ends with hlt; the run
; test compares registers, flags and the data area with Unicorn x86.
%include "common.inc"

start:
  lea xdi, [out]
  ; Loop 1 (100 times): counters bumped by every locked form.
  mov xc, 100
.l1:
  lock inc dword [cnt]
  mov eax, 3
  lock xadd [cnt + 4], eax      ; eax = the old value
  add [sum], eax                ; sum of the old values: 3 * (0 + 1 + ... + 99)
  lock add WPTR [wide], xc
  lock sub dword [cnt + 8], 7
  lock dec word [cnt + 12]
  lock or dword [bitw], ecx
  lock xor byte [bitw + 4], cl
  lock and dword [mask], 0xfffffffe
  lock adc dword [cnt + 16], 0  ; CF from the `and` above: 0
  dec xc
  jnz .l1

  ; Loop 2: a CMPXCHG retry loop adding 5, fifty times.
  mov xc, 50
.l2:
  mov eax, [cas]
.retry:
  lea edx, [eax + 5]
  lock cmpxchg [cas], edx
  jnz .retry
  dec xc
  jnz .l2

  ; A failing CMPXCHG loads the accumulator; ZF = 0.
  mov eax, 12345
  mov ecx, 999
  lock cmpxchg [cas], ecx
  setz bl
  movzx ebx, bl
  OUT xa
  OUT xb
  ; An unlocked CMPXCHG that succeeds; a register-destination one that fails.
  mov eax, [cas]
  cmpxchg [cas], ecx
  setz bl
  OUT xb
  mov eax, 1
  mov edx, 2
  cmpxchg edx, ecx
  OUT xa
  OUT xd

  ; XCHG with memory (implicitly locked) and XADD with a register destination.
  mov xa, 0x77
  xchg [swapw], xa
  OUT xa
  mov cl, 0x5a
  xchg [swapw + WSZ + 1], cl    ; misaligned byte
  mov ecx, 10
  mov edx, 32
  xadd ecx, edx
  OUT xc
  OUT xd

  ; Misaligned locked forms (the fenced path).
  lock add dword [mis + 1], 0x01020304
  mov eax, 0x11
  lock xadd word [mis + 7], ax
  OUT xa
  mov eax, [mis + 9]
  mov ecx, 0xabcdef01
  lock cmpxchg [mis + 9], ecx   ; succeeds
  setz bl
  OUT xb

  ; Carry-reading and unary locked forms.
  stc
  lock adc dword [m2], 5
  stc
  lock sbb dword [m2 + 4], 3
  lock not dword [m2 + 8]
  lock neg dword [m2 + 12]
  lock and byte [m2 + 16], 0x0f
  lock xor word [m2 + 18], 0x5555
  lock sub dword [m2 + 20], 1   ; 0 - 1: CF = 1, SF = 1
  pushf
  pop xa
  and eax, 0x8d5
  OUT xa

  ; CMPXCHG8B: add 0x80000000 to a 64-bit counter three times (a carry into the high half).
  mov esi, 3
.l3:
  mov eax, [q]
  mov edx, [q + 4]
.r8:
  mov ebx, eax
  mov ecx, edx
  add ebx, 0x80000000
  adc ecx, 0
  lock cmpxchg8b [q]
  jnz .r8
  dec esi
  jnz .l3
  ; A failing CMPXCHG8B loads EDX:EAX.
  xor eax, eax
  xor edx, edx
  cmpxchg8b [q]
  OUT xa
  OUT xd
  hlt

DATA_AT 0x1000
cnt:   dd 0, 0, 1000, 0, 0
sum:   dd 0
wide:  DW 0
bitw:  dd 0, 0
mask:  dd 0xffffffff
cas:   dd 7
swapw: DW 0x1234, 0x5678
mis:   db 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
m2:    dd 10, 10, 0x0f0f0f0f, 5, 0xffffffff, 0
q:     dd 0x7fffffff, 0x10
out:   times 24 DW 0
