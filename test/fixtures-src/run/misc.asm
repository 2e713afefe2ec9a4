; @file `aot run` test program for the flags/stack/system group: CLC/STC/CMC/CLD/STD, LAHF/SAHF,
; PUSHF/POPF, LOOP/LOOPE/LOOPNE, JECXZ/JRCXZ, ENTER (levels 0 and 3)/LEAVE, XLAT, PAUSE, CPUID
; (a runtime helper), the EFLAGS.ID toggle, and per mode PUSHAD/POPAD, INTO, the BCD adjustments
; and FS-relative memory with fs_base = BASE+0x1800 (32-bit) or GS-relative memory with
; gs_base = BASE+0x1800 (64-bit; programs.json sets them), including a string instruction that
; falls back with the override. Results go to `res` at BASE+0x1000 through
; OUT; ends with hlt. PUSHF words are masked to the flags the guest owns (0xcd5: the status flags
; and DF): IF is 1 under Windows and in our translation, 0 in the reference engine's initial EFLAGS.
%include "common.inc"

start:
  lea xdi, [res]

  ; ── carry and direction flags, LAHF/SAHF, PUSHF/POPF ──
  mov eax, 0x12345678
  stc
  lahf                          ; AH = SF:ZF:0:AF:0:PF:1:CF of "mov", with CF = 1
  cmc
  setc bl                       ; 0
  cmc
  adc al, 0                     ; 0x79
  OUT xa
  movzx ebx, bl
  OUT xb
  mov ah, 0xd5                  ; SF ZF AF PF CF all set
  sahf
  setz cl
  sets ch
  setc dl
  setp dh
  movzx ecx, cx
  movzx edx, dx
  OUT xc
  OUT xd
  pushf
  pop xb
  and ebx, 0xcd5
  OUT xb
  std
  pushf
  pop xb
  cld
  and ebx, 0xcd5
  OUT xb
  mov xb, 0x0c95                ; OF DF SF AF PF CF; ZF clear
  push xb
  popf
  seto cl
  setz ch
  lahf
  movzx ecx, cx
  shr eax, 8
  OUT xc
  OUT xa
  pushf
  pop xb
  and ebx, 0xcd5
  OUT xb                        ; DF still set: visible here
  cld
  push 0
  popf                          ; every flag the guest owns cleared
  lahf
  shr eax, 8
  OUT xa

  ; The CPUID-support check: EFLAGS.ID (bit 21) can be toggled through POPF.
  pushf
  pop xa
  mov xc, xa
  xor xa, 0x200000
  push xa
  popf
  pushf
  pop xa
  push xc
  popf
  xor xa, xc
  OUT xa                        ; 0x200000

  ; ── LOOP family ──
  mov ecx, 10
  xor eax, eax
.sum:
  add eax, ecx
  loop .sum                     ; 55
  OUT xa
  OUT xc                        ; 0
  ; LOOPE: scan `zeros` while bytes are zero (stops at the first nonzero, index 5).
  lea xsi, [zeros]
  mov ecx, 16
  xor edx, edx
.scan:
  cmp byte [xsi + xd], 0
  lea edx, [edx + 1]
  loope .scan
  OUT xd                        ; 6
  OUT xc                        ; 10
  ; LOOPNE: search `table` for 0x33.
  lea xsi, [table]
  mov ecx, 16
  xor edx, edx
.find:
  cmp byte [xsi + xd], 0x33
  lea edx, [edx + 1]
  loopne .find
  OUT xd
  OUT xc
  ; JrCXZ: taken with a zero count, not taken otherwise.
  xor eax, eax
  xor ecx, ecx
%ifdef BITS64
  jrcxz .z1
%else
  jecxz .z1
%endif
  or eax, 1
.z1:
  mov ecx, 3
%ifdef BITS64
  jrcxz .z2
%else
  jecxz .z2
%endif
  or eax, 2
.z2:
  OUT xa                        ; 2

  ; ── ENTER/LEAVE: a frame with locals ──
  mov xbp, 0x1234
  mov eax, 7
  call frame
  OUT xa
  OUT xbp                       ; restored by LEAVE

  ; ENTER with nesting level 3: the display entries come from the caller's frame at xbp.
  push xbp
  lea xbp, [display + 4*WSZ]
  call nested
  OUT xa                        ; display[3] + display[2] = 0x700
  lea xc, [display + 4*WSZ]
  sub xc, xbp                   ; 0: LEAVE restored xbp
  OUT xc
  pop xbp

  ; ── XLAT ──
  lea xb, [table]
  mov eax, 0xabcdef05
  xlatb
  OUT xa
  mov al, 0x0f
  xlatb
  OUT xa

  ; ── PAUSE and CPUID (the runtime performs CPUID on its x86 engine) ──
  pause
  xor eax, eax
  cpuid
  OUT xb                        ; "Genu" / "Auth" / whatever the engine reports

%ifdef BITS64
  ; ── GS-relative memory (gs_base = BASE+0x1800) ──
  mov rax, [gs:0x10]            ; = gsdata[2]
  OUT xa
  mov rcx, 0x1122334455667788
  mov [gs:0x18], rcx
  add qword [gs:0x18], 1
  mov ebx, 8
  mov rdx, [gs:rbx*2 + 8]       ; gsdata[3] = the value stored above
  OUT xd
  lea rax, [gs:rbx + 0x40]      ; LEA ignores the base: 0x48
  OUT xa
  mov esi, 0x18
  gs lodsq                      ; a string instruction with GS (falls back: the runtime's x86 engine gets the base)
  OUT xa
%else
  ; ── FS-relative memory (fs_base = BASE+0x1800, the 32-bit TEB register) ──
  mov eax, [fs:0x8]             ; = gsdata[2]
  OUT eax
  mov ecx, 0x11223344
  mov [fs:0xc], ecx
  add dword [fs:0xc], 1
  mov ebx, 4
  mov edx, [fs:ebx*2 + 4]       ; gsdata[3] = the value stored above
  OUT edx
  lea eax, [fs:ebx + 0x40]      ; LEA ignores the base: 0x44
  OUT eax
  mov esi, 0xc
  fs lodsd                      ; a string instruction with FS (falls back: the runtime's x86 engine gets the base)
  OUT eax
  ; ── PUSHAD/POPAD ──
  mov eax, 0x11
  mov ecx, 0x22
  mov edx, 0x33
  mov ebx, 0x44
  mov ebp, 0x55
  mov esi, 0x66
  push edi
  mov edi, 0x77
  pushad
  mov eax, [esp + 12]           ; the pushed ESP
  sub eax, esp                  ; = 32
  mov [esp + 28], eax           ; replaces the pushed EAX
  xor ebx, ebx
  popad
  pop edi
  OUT eax
  OUT ebx
  OUT ebp
  ; ── INTO with OF = 0: nothing happens ──
  xor eax, eax
  into
  ; ── BCD ──
  mov eax, 0x0079
  add al, 0x35
  daa                           ; 0x14, CF
  setc bl
  OUT eax
  mov al, 0x23
  sub al, 0x48
  das                           ; 0x75, CF
  adc al, 0
  OUT eax
  mov eax, 0x0108
  add al, 0x05
  aaa                           ; AX = 0x0203
  OUT eax
  mov eax, 0x0203
  sub al, 0x05
  aas                           ; AX = 0x0108
  OUT eax
  mov eax, 0x0000003f
  aam                           ; AH = 6, AL = 3
  OUT eax
  mov eax, 0x000000ff
  aam 16                        ; AH = 0x0f, AL = 0x0f
  OUT eax
  mov eax, 0x0000ff07
  aad                           ; AL = (7 + 255*10) & 0xff, AH = 0
  OUT eax
  movzx ebx, bl
  OUT ebx
%endif
  hlt

; A frame of 0x20 bytes of locals: the argument in EAX is stored, doubled through memory and returned.
frame:
  enter 0x20, 0
  mov [xbp - 8], xa
  add xa, [xbp - 8]
  mov [xbp - 0x20], xa
  mov xa, [xbp - 0x20]
  add xa, 1
  leave
  ret

; ENTER 0x10, 3: [xbp - WSZ], [xbp - 2*WSZ] are the copied display entries, [xbp - 3*WSZ] the new frame pointer.
nested:
  enter 0x10, 3
  mov xa, [xbp - WSZ]
  add xa, [xbp - 2*WSZ]
  mov xc, [xbp - 3*WSZ]
  sub xc, xbp
  add xa, xc
  leave
  ret

DATA_AT 0x1000
res:     times 40 DW 0          ; results, in order of the OUTs above
DATA_AT 0x1400
zeros:   db 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
table:   db 0x10, 0x11, 0x22, 0x20, 0x05, 0x44, 0x33, 0x01, 0x02, 0x03, 0x04, 0x06, 0x07, 0x08, 0x09, 0x7f
DATA_AT 0x1800
gsdata:  DW 0x1001, 0x2002, 0x3003, 0x4004, 0x5005
DATA_AT 0x1900
display: DW 0x100, 0x200, 0x300, 0x400, 0x500
