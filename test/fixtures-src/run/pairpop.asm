; @file `aot run` test program for pop pairs (rule popPair, docs/runtime-abi.md §9): pushes and pops
; in pairs in the middle of the stack, then two pops from the stack's last slot: x86 faults on the
; second with the first one done (its register loaded, the stack pointer one slot up), and the
; translation, whose two pops are one `ldp`, must stop in exactly that state. The stack is
; [STACK_END - 0x10000, STACK_END) (programs.json); nothing is mapped at STACK_END.
%include "common.inc"
%ifdef BITS64
  %define STACK_END 0x10010000
%else
  %define STACK_END 0x800000
%endif

start:
  mov xa, 0x1111
  mov xb, 0x2222
  mov xc, 0x3333
  mov xd, 0x4444
  push xa
  push xb
  push xc
  push xd
  pop xsi                       ; 0x4444
  pop xdi                       ; 0x3333
  pop xbp                       ; 0x2222
  pop xc                        ; 0x1111
  mov xsp, STACK_END - 2 * WSZ
  mov WPTR [xsp], 0x5555
  mov WPTR [xsp + WSZ], 0x6666
  pop xa                        ; a pair that fits: 0x5555, 0x6666
  pop xb
  mov xsp, STACK_END - WSZ
  mov WPTR [xsp], 0x7777
  pop xd                        ; 0x7777, RSP = STACK_END
  pop xa                        ; faults at STACK_END; RAX stays 0x5555
  hlt
