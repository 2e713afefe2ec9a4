/* PE loader fixture: imports fwd_secret by ordinal only (NONAME in pe-fwd.def), fwd_add by name
 * (delay-loaded in pe-delay64.exe), and registers a TLS callback of its own. */
#include <windows.h>
int fwd_add(int a, int b);
int fwd_secret(int a);
static int tls_hits;
static void NTAPI on_tls(PVOID h, DWORD reason, PVOID r) { (void)h; (void)r; tls_hits += (int)reason; }
__attribute__((section(".CRT$XLF"), used)) PIMAGE_TLS_CALLBACK pe_user_tls = on_tls;
int main(void) { return fwd_add(1, 2) + fwd_secret(3) + tls_hits + (int)GetTickCount(); }
