#!/usr/bin/env bash
# Rebuilds the embedded sample programs from samples/hello/hello.c with mingw-w64.
# The outputs are checked in (a few KB each) so `aot demo` needs no toolchain.
set -euo pipefail
cd "$(dirname "$0")"
for t in i686 x86_64; do
  bits=$([ $t = i686 ] && echo 32 || echo 64)
  $t-w64-mingw32-gcc -O2 -s -fno-asynchronous-unwind-tables -Wl,--no-insert-timestamp \
    -o "hello$bits.exe" hello/hello.c
done
ls -l hello32.exe hello64.exe
