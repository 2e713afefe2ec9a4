/**
 * @file `aot run` test program in C: a CRT-less PE (no imports, no CRT, entry `run_entry`) that
 * insertion-sorts a static array in place, takes the bitwise CRC-32 and Adler-32 of a static
 * buffer, and runs a small stack machine whose `switch` gcc compiles to a jump table. Results
 * land in the single writable object `results` (the first and only object of .data, so at the
 * start of that section) and the entry returns a combination of them in eax/rax.
 * Built by scripts/fixtures.sh as runpe32.exe (i686) and runpe64.exe (x86_64) with
 * -nostdlib -nostartfiles -ffreestanding -O2 -fjump-tables -fno-builtin
 * -fno-tree-loop-distribute-patterns -mgeneral-regs-only; expected values in test/run/programs.test.ts.
 */

typedef unsigned int u32;
typedef unsigned char u8;

#define NSORT 24
#define NSTACK 16

struct results {
  u32 sorted[NSORT]; /* sorted in place */
  u32 crc;           /* CRC-32 (reflected, poly 0xEDB88320) of text */
  u32 adler;         /* Adler-32 of text */
  int vm_result;     /* top of the stack machine's stack at HALT */
  u32 vm_steps;      /* instructions the machine executed */
  u32 swaps;         /* element moves made by the insertion sort */
  u32 magic;
};

struct results results = {
  {0x9e3779b9, 17, 0xffffffff, 3, 0x80000000, 42, 0, 99, 0x7fffffff, 1000, 5, 17,
   0xdeadbeef, 256, 12345678, 2, 0x12345678, 77, 0xcafebabe, 31, 64, 8, 0x40000000, 1},
  0, 0, 0, 0, 0, 0x52554e21,
};

static const u8 text[] =
    "The quick brown fox jumps over the lazy dog. 0123456789 aot run test buffer!";

/* Stack machine: opcodes below, operands inline. Computes sum of i*i for i = 1..10, then
 * folds in a few more operations so every case of the switch runs at least once. */
enum { PUSH, ADD, SUB, MUL, DUP, SWAP, DROP, JNZ, DEC, OVER, XOR, SHL, NEG, ROT, HALT };
static const signed char program[] = {
    PUSH, 0,           /* acc */
    PUSH, 10,          /* i */
    /* loop (pc 4): acc i -> acc+i*i i-1 */
    DUP, DUP, MUL,     /* acc i i*i */
    ROT,               /* i i*i acc */
    ADD,               /* i acc' */
    SWAP,              /* acc' i */
    DEC,               /* acc' i-1 */
    DUP, JNZ, 4,       /* loop while i != 0 */
    DROP,              /* acc = 385 */
    PUSH, 3, SHL,      /* 385 << 3 = 3080 */
    PUSH, 100, OVER,   /* 3080 100 3080 */
    SUB,               /* 3080 -2980 */
    NEG,               /* 3080 2980 */
    XOR,               /* 3080 ^ 2980 */
    PUSH, 7, SUB,      /* -7 */
    HALT,
};

__attribute__((noinline)) static void isort(u32 *a, int n, u32 *moves) {
  for (int i = 1; i < n; i++) {
    u32 v = a[i];
    int j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
      ++*moves;
    }
    a[j + 1] = v;
  }
}

__attribute__((noinline)) static u32 crc32(const u8 *p, int n) {
  u32 c = 0xffffffffu;
  for (int i = 0; i < n; i++) {
    c ^= p[i];
    for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320u & -(c & 1));
  }
  return ~c;
}

__attribute__((noinline)) static u32 adler32(const u8 *p, int n) {
  u32 a = 1, b = 0;
  for (int i = 0; i < n; i++) {
    a += p[i];
    if (a >= 65521) a -= 65521;
    b += a;
    if (b >= 65521) b -= 65521;
  }
  return (b << 16) | a;
}

__attribute__((noinline)) static int vm(const signed char *code, u32 *steps) {
  int st[NSTACK];
  int sp = 0, pc = 0, t;
  u32 n = 0;
  for (;;) {
    n++;
    switch (code[pc++]) {
    case PUSH: st[sp++] = code[pc++]; break;
    case ADD: sp--; st[sp - 1] += st[sp]; break;
    case SUB: sp--; st[sp - 1] -= st[sp]; break;
    case MUL: sp--; st[sp - 1] *= st[sp]; break;
    case DUP: st[sp] = st[sp - 1]; sp++; break;
    case SWAP: t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; break;
    case DROP: sp--; break;
    case JNZ: t = code[pc++]; if (st[--sp] != 0) pc = t; break;
    case DEC: st[sp - 1]--; break;
    case OVER: st[sp] = st[sp - 2]; sp++; break;
    case XOR: sp--; st[sp - 1] ^= st[sp]; break;
    case SHL: sp--; st[sp - 1] <<= st[sp]; break;
    case NEG: st[sp - 1] = -st[sp - 1]; break;
    case ROT: t = st[sp - 3]; st[sp - 3] = st[sp - 2]; st[sp - 2] = st[sp - 1]; st[sp - 1] = t; break;
    case HALT: *steps = n; return st[sp - 1];
    default: *steps = n; return -1;
    }
  }
}

#ifdef __i386__
__attribute__((stdcall))
#endif
u32 run_entry(void) {
  isort(results.sorted, NSORT, &results.swaps);
  results.crc = crc32(text, sizeof text - 1);
  results.adler = adler32(text, sizeof text - 1);
  results.vm_result = vm(program, &results.vm_steps);
  return results.crc ^ results.adler ^ (u32)results.vm_result ^ results.sorted[NSORT - 1];
}
