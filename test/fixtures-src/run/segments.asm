; @file `aot run` test program for the segment-register forms and far transfers to the current CS
; (src/x86/semantics/segment.ts): MOV r16/r32/r64/m16 from every segment register, PUSH of
; segment registers (64-bit: FS, GS; 32-bit: also ES, CS, SS, DS), POP and MOV of a segment
; register with its own selector (the inline path: nothing but the stack adjust), far CALL
; through memory and RETF (64-bit: m16:64 and REX.W RETF; 32-bit: m16:32, CALL ptr16:32 and
; RETF imm16) to the same CS. programs.json gives both runners the selectors (cs 0x20, ss 0x18,
; ds/es/fs/gs 0x2b: descriptors src/verify/segments.ts gives Unicorn). Results at BASE+0x1000.
%include "common.inc"

start:
  lea xdi, [res]
  mov eax, 0xffffffff
  mov ax, ds                    ; 16-bit: only AX written
  OUT xa
  mov eax, es                   ; 32-bit: zero-extended
  OUT xa
%ifdef BITS64
  mov rax, -1
  mov rax, ss                   ; 64-bit: zero-extended
  OUT xa
%endif
  mov xa, -1
  mov [xdi], xa
  mov [xdi], cs                 ; memory: 16 bits only
  add xdi, WSZ
  mov ecx, fs
  mov edx, gs
  OUT xc
  OUT xd

  ; PUSH Sreg: a zero-extended full slot.
  mov xa, -1
  push xa
  pop xa
%ifdef BITS64
  push fs
  pop xa
  OUT xa
  push gs
  pop xa
  OUT xa
%else
  push es
  pop xa
  OUT xa
  push cs
  pop xa
  OUT xa
  push ss
  pop xa
  OUT xa
  push ds
  pop xa
  OUT xa
  push fs
  push gs
  pop xa
  pop xb
  OUT xa
  OUT xb
%endif

  ; POP / MOV Sreg with the current selector: only the stack moves.
  mov xb, xsp
%ifdef BITS64
  push fs
  pop fs
  push gs
  pop gs
%else
  push ds
  pop ds
  push es
  pop es
  push ss
  pop ss
  push fs
  pop fs
%endif
  sub xb, xsp
  OUT xb                        ; 0
  mov cx, ds
  mov ds, cx
  mov es, cx
  mov cx, ss
  mov ss, cx
  mov ax, [xdi - WSZ]           ; memory through the reloaded DS
  OUT xa

  ; Far CALL through memory to the current CS, RETF back.
  mov ax, cs
%ifdef BITS64
  lea rcx, [farsub]
  mov [farptr], rcx
  mov [farptr + 8], ax
  mov rbx, rsp
  call far qword [farptr]
  sub rbx, rsp                  ; 0 after the return
  OUT xb
  OUT xa
%else
  mov dword [farptr], farsub
  mov [farptr + 4], ax
  mov ebx, esp
  call far dword [farptr]
  OUT xa
  call 0x20:farsub              ; ptr16:32 (CS is 0x20)
  OUT xa
  push cs
  push dword back
  retf                          ; a far return as a jump
back:
  push dword 0x1111
  call 0x20:farsub8             ; RETF 8 releases the 0x1111 and one more slot
  sub ebx, esp
  OUT xb                        ; -4: one pushed slot more released than pushed
  mov esp, ebx
%endif
  hlt

farsub:
  ; [xsp] = return offset, [xsp + WSZ] = CS (zero-extended)
  mov xa, [xsp + WSZ]
  add xa, 0x100
%ifdef BITS64
  o64 retf
%else
  retf

farsub8:
  mov eax, [esp + 8]
  retf 8
%endif

DATA_AT 0x1000
res:     times 32 DW 0
DATA_AT 0x1200
farptr:  times 2 DW 0
