/* aot's embedded sample program: a small Windows console program with loops, calls, a jump
 * table, string work and imports from kernel32 and msvcrt, so that every stage of aot has real
 * compiler output to chew on. Built for i686 (WOW64 target) and x86-64 (ARM64EC target) by
 * samples/build.sh; the .exe files are kept in the repo so the demo needs no toolchain. */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static unsigned fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static unsigned crc32(const unsigned char *p, size_t n) {
  unsigned c = 0xFFFFFFFFu;
  while (n--) {
    c ^= *p++;
    for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & -(c & 1));
  }
  return ~c;
}

static const char *classify(int x) {
  switch (x % 7) {
    case 0: return "zero"; case 1: return "one"; case 2: return "two"; case 3: return "three";
    case 4: return "four"; case 5: return "five"; default: return "six";
  }
}

__declspec(dllexport) int aot_sample_sum(const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += v[i] * (i + 1);
  return s;
}

int main(int argc, char **argv) {
  char buf[64];
  int v[16];
  for (int i = 0; i < 16; i++) v[i] = i * i - 3;
  snprintf(buf, sizeof buf, "fib(20)=%u", fib(20));
  unsigned c = crc32((const unsigned char *)buf, strlen(buf));
  printf("%s crc=%08x sum=%d %s pid-ok=%d\n", buf, c, aot_sample_sum(v, 16), classify(argc + 5),
         GetCurrentProcessId() != 0);
  return (int)(c & 0x3f);
}
