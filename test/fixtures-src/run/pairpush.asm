; @file `aot run` test program for push pairs (rule pushPair, docs/runtime-abi.md §9): two pushes
; from one slot above the stack's start: x86 faults on the second with the first one done (its
; value stored, the stack pointer one slot down), and the translation, whose two pushes are one
; `stp`, must stop in exactly that state, its memory included. The stack is [STACK, STACK +
; 0x10000) (programs.json); nothing is mapped below STACK.
%include "common.inc"
%ifdef BITS64
  %define STACK 0x10000000
%else
  %define STACK 0x7f0000
%endif

start:
  mov xa, 0x1111
  mov xb, 0x2222
  push xa                       ; a pair in the middle of the stack
  push xb
  pop xc
  pop xd
  mov xsp, STACK + WSZ
  mov xsi, 0x3333
  mov xdi, 0x4444
  push xsi                      ; stored at STACK, RSP = STACK
  push xdi                      ; faults below STACK
  hlt
