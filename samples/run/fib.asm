; The `aot run` sample (README command one): recursive Fibonacci of 20 with a call counter,
; then a checksum loop over the results. Assemble: nasm -f bin -o samples/fib64.bin fib.asm
; Run: aot run --raw samples/fib64.bin --base 0x140000000 --mode 64 --stack 0x7ff00000:0x10000
bits 64
org 0x140000000
start:
        mov     ecx, 20
        xor     ebx, ebx                ; call counter
        call    fib                     ; rax = fib(20) = 6765
        mov     r12, rax
        xor     edx, edx
        mov     ecx, 10
.sum:   lea     rdx, [rdx + rcx*2]      ; 2 * (10 + 9 + ... + 1) = 110
        dec     ecx
        jnz     .sum
        ret                             ; back to the runner's sentinel
fib:    inc     rbx
        cmp     rcx, 2
        jb      .small
        push    rcx
        dec     rcx
        call    fib
        pop     rcx
        push    rax
        sub     rcx, 2
        call    fib
        pop     rdx
        add     rax, rdx
        ret
.small: mov     rax, rcx
        ret
