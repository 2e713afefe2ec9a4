/*
 * @file Harness of test/verify/atomic-threads.test.ts, an aarch64 Linux program (static, built with
 * aarch64-linux-gnu-gcc, run under qemu-aarch64, whose user mode runs each guest thread on its own
 * host thread with real host atomics). It maps translated ARM64 code (argv[1], raw words) and runs
 * it from THREADS threads at once over one shared counter area: per thread a state block whose
 * runtime symbol table (docs/runtime-abi.md §5) points every symbol at `aot_exit`, which returns
 * to C with x16, the guest RIP the block left for. Guest registers in: RBX/EBX (x27) = the
 * counters, RCX/ECX (x0) = the iteration count. Prints the counters (also the misaligned ones at
 * +17, 4 bytes, and +27, 2 bytes) and each thread's exit RIP.
 *
 *   atomic-threads <code.bin> <iterations>
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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
  return 0;
}
