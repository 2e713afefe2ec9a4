/* Native ARM64 half of the ARM64X test DLL. */
__declspec(dllexport) int sub(int a, int b) { return a - b; }
