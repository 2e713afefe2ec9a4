/* ARM64EC test DLL: two exported EC functions, so the image carries CHPE metadata with an
 * ARM64EC code range (checked against llvm-readobj-19 --coff-load-config). */
__declspec(dllexport) int add(int a, int b) { return a + b; }
__declspec(dllexport) int mul(int a, int b) { return a * b; }
