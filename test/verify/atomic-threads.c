/*
 * @file Harness of test/verify/atomic-threads.test.ts, an aarch64 Linux program (static, built with
 * aarch64-linux-gnu-gcc, run under qemu-aarch64, whose user mode runs each guest thread on its own
 * host thread with real host atomics). It maps translated ARM64 code (argv[1], raw words) and runs
 * it from THREADS threads at once over one shared counter area: per thread a state block whose
 * runtime symbol table (docs/runtime-abi.md §5) points every symbol at `aot_exit`, which returns
 * to C with x16, the guest RIP the block left for. Guest registers in: RBX/EBX (x27) = the
 * counters, RCX/ECX (x0) = the iteration count. Prints the counters (also the misaligned ones at
 * +17, 4 bytes, and +27, 2 bytes), each thread's exit RIP and how many alignment faults it took.
 *
 * It is also a native runtime's alignment handler (docs/runtime-abi.md §8): translated atomics
 * carry no alignment test, so a misaligned one raises SIGBUS (BUS_ADRALN); `on_sigbus` performs
 * that one instruction (an LSE atomic or CAS, as src/runtime/align.ts classifies them) and
 * resumes at the next word. An access inside one aligned 8-byte word is done by a CAS loop on
 * that word, so it stays atomic against every other access; one that crosses a word is done under
 * a global lock (atomic against other misaligned accesses only, like a split lock).
 *
 *   atomic-threads <code.bin> <iterations>
 */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <ucontext.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define THREADS 2

/* aot_enter(code, state, counters, n): run translated code with the guest homes set; returns x16. */
uint64_t aot_enter(void *code, void *state, void *counters, uint64_t n);
void aot_exit(void);
__asm__(
  ".global aot_enter\n"
  "aot_enter:\n"
  "  stp x29, x30, [sp, #-96]!\n"
  "  stp x19, x20, [sp, #16]\n"
  "  stp x21, x22, [sp, #32]\n"
  "  stp x23, x24, [sp, #48]\n"
  "  stp x25, x26, [sp, #64]\n"
  "  stp x27, x28, [sp, #80]\n"
  "  mov x9, x0\n"
  "  mov x12, x1\n"      /* STATE */
  "  mov x27, x2\n"      /* RBX */
  "  mov x0, x3\n"       /* RCX */
  "  msr nzcv, xzr\n"
  "  br x9\n"
  ".global aot_exit\n"
  "aot_exit:\n"          /* every runtime symbol: the block left with x16 = guest RIP; sp untouched (ABI §3) */
  "  mov x0, x16\n"
  "  ldp x19, x20, [sp, #16]\n"
  "  ldp x21, x22, [sp, #32]\n"
  "  ldp x23, x24, [sp, #48]\n"
  "  ldp x25, x26, [sp, #64]\n"
  "  ldp x27, x28, [sp, #80]\n"
  "  ldp x29, x30, [sp], #96\n"
  "  ret\n");


static _Atomic unsigned long align_faults;
static volatile int split_lock;

static uint64_t load_n(uint64_t a, int n) {
  uint64_t v = 0;
  memcpy(&v, (void *)a, n);
  return v;
}

/* Replace the n bytes at a with f(old, arg) atomically; returns old. kind: 0 add, 1 clr, 2 eor,
 * 3 set, 4 swp, 5 cas (arg = expected, arg2 = new; *ok = whether it stored). */
static uint64_t rmw(uint64_t a, int n, int kind, uint64_t arg, uint64_t arg2, int *ok) {
  uint64_t mask = n == 8 ? ~0ull : (1ull << (8 * n)) - 1, old, nv;
  uint64_t base = a & ~7ull;
  unsigned sh = 8 * (unsigned)(a & 7);
  int inside = (a & 7) + n <= 8;
  for (;;) {
    uint64_t word = 0;
    if (inside) {
      word = __atomic_load_n((uint64_t *)base, __ATOMIC_SEQ_CST);
      old = (word >> sh) & mask;
    } else {
      while (__atomic_exchange_n(&split_lock, 1, __ATOMIC_ACQUIRE)) { }
      old = load_n(a, n);
    }
    int store = 1;
    switch (kind) {
      case 0: nv = old + arg; break;
      case 1: nv = old & ~arg; break;
      case 2: nv = old ^ arg; break;
      case 3: nv = old | arg; break;
      case 4: nv = arg; break;
      default: store = old == (arg & mask); nv = arg2; break;
    }
    nv &= mask;
    if (ok) *ok = store;
    if (!inside) {
      if (store) memcpy((void *)a, &nv, n);
      __atomic_store_n(&split_lock, 0, __ATOMIC_RELEASE);
      __atomic_thread_fence(__ATOMIC_SEQ_CST);
      return old;
    }
    if (!store) { __atomic_thread_fence(__ATOMIC_SEQ_CST); return old; }
    uint64_t want = (word & ~(mask << sh)) | (nv << sh);
    if (__atomic_compare_exchange_n((uint64_t *)base, &word, want, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) return old;
  }
}

static void on_sigbus(int sig, siginfo_t *si, void *ctx) {
  (void)sig;
  ucontext_t *uc = ctx;
  uint64_t *x = (uint64_t *)uc->uc_mcontext.regs;
  uint32_t w = *(uint32_t *)uc->uc_mcontext.pc;
  int n = 1 << (w >> 30), rs = (w >> 16) & 31, rt = w & 31, rn = (w >> 5) & 31;
  uint64_t a = rn == 31 ? uc->uc_mcontext.sp : x[rn];
  uint64_t vs = rs == 31 ? 0 : x[rs], vt = rt == 31 ? 0 : x[rt];
  uint64_t old;
  int ok = 0;
  if ((w & 0x3f200c00) == 0x38200000) {            /* LSE atomic: LDADD, LDCLR, LDEOR, LDSET, SWP */
    int o3 = (w >> 15) & 1, opc = (w >> 12) & 7;
    if (o3 ? opc != 0 : opc > 3) goto unknown;
    old = rmw(a, n, o3 ? 4 : opc, vs, 0, 0);
    if (rt != 31) x[rt] = old;
  } else if ((w & 0x3fa07c00) == 0x08a07c00) {     /* CAS */
    old = rmw(a, n, 5, vs, vt, &ok);
    if (rs != 31) x[rs] = old;
  } else {
  unknown:
    fprintf(stderr, "SIGBUS at %p (word %08x, address %p): not an access the alignment handler performs\n", (void *)uc->uc_mcontext.pc, w, si->si_addr);
    _exit(3);
  }
  __atomic_fetch_add(&align_faults, 1, __ATOMIC_RELAXED);
  uc->uc_mcontext.pc += 4;
}

static void *code;
static uint32_t *counters;
static uint64_t iterations;
static uint64_t exits[THREADS];
static volatile int go;

static void *thread(void *arg) {
  int k = (int)(intptr_t)arg;
  /* 1 KiB state block, 16-byte aligned (ABI §2); symbol table at +0x100. */
  uint64_t *state = aligned_alloc(16, 1024);
  memset(state, 0, 1024);
  for (int s = 0; s < 32; s++) state[0x100 / 8 + s] = (uint64_t)(uintptr_t)aot_exit;
  while (!go) { }
  exits[k] = aot_enter(code, state, counters, iterations);
  free(state);
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: atomic-threads <code.bin> <iterations>\n"); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 2; }
  code = mmap(0, 1 << 16, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  size_t len = fread(code, 1, 1 << 16, f);
  fclose(f);
  __builtin___clear_cache((char *)code, (char *)code + len);
  /* Below 4 GiB: 32-bit guests address the counters through EBX. */
  counters = mmap((void *)0x10000000, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (counters == MAP_FAILED) { perror("mmap"); return 2; }
  iterations = strtoull(argv[2], 0, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_sigbus;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGBUS, &sa, 0);
  pthread_t t[THREADS];
  for (int k = 0; k < THREADS; k++) pthread_create(&t[k], 0, thread, (void *)(intptr_t)k);
  go = 1;
  for (int k = 0; k < THREADS; k++) pthread_join(t[k], 0);
  printf("counters %u %u %u %u\n", counters[0], counters[1], counters[2], counters[3]);
  uint32_t mis32;
  uint16_t mis16;
  memcpy(&mis32, (char *)counters + 17, 4);
  memcpy(&mis16, (char *)counters + 27, 2);
  printf("misaligned %u %u\n", mis32, mis16);
  for (int k = 0; k < THREADS; k++) printf("exit %llu\n", (unsigned long long)exits[k]);
  printf("alignment faults %lu\n", (unsigned long)align_faults);
  return 0;
}
