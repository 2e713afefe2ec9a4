/* PE loader fixture: an installer-style stub (test/pe/leniency.test.ts). A table of function
 * pointers gives it base relocations; test/fixtures-src/patch-stub.ts then patches the linked
 * image the way installer builders do after linking (relocation directory into zero-filled
 * memory, or over its block and the section's zero padding) and appends an overlay. */
#include <windows.h>
char scratch[8192]; /* .bss: zero-filled memory the patched directory can point into */
static int step_open(void) { return (int)GetTickCount() & 1; }
static int step_read(void) { scratch[GetTickCount() & 8191] = 1; return scratch[GetTickCount() & 8191]; }
static int step_done(void) { return 3; }
static int (*const steps[])(void) = { step_open, step_read, step_done };
int main(void) {
  int r = 0;
  for (unsigned i = 0; i < sizeof steps / sizeof *steps; i++) r += steps[i]();
  return r;
}
