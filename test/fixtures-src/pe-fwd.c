/* PE loader fixture: a CRT-less DLL whose .def (pe-fwd.def) adds forwarders and NONAME exports. */
int fwd_add(int a, int b) { return a + b; }
int fwd_secret(int a) { return a * 7; }
int __stdcall DllMainCRTStartup(void *h, unsigned reason, void *r) { (void)h; (void)reason; (void)r; return 1; }
