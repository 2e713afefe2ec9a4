#!/usr/bin/env bash
# Builds the small test fixtures from the project's own sources (test/fixtures-src) into
# build/fixtures: an ARM64EC DLL and an ARM64X DLL (clang-19 + lld-link-19 with the CHPE
# load-config stub), and mingw-w64 images exercising delay imports, TLS callbacks, forwarders and
# ordinal imports, installer-style stubs patched after linking, and the `aot run` test programs
# (nasm raw binaries and CRT-less PEs). Rebuilds only when a source is newer than its output.
set -euo pipefail
cd "$(dirname "$0")/.."
S=test/fixtures-src; O=build/fixtures; mkdir -p "$O"
newer() { local out=$1; shift; [ ! -f "$out" ] && return 0; for f in "$@"; do [ "$f" -nt "$out" ] && return 0; done; return 1; }

if newer "$O/arm64ec.dll" $S/ec.c $S/arm64ec-chpe-stub.s; then
  clang-19 --target=arm64ec-pc-windows-msvc -O2 -c $S/ec.c -o "$O/ec.arm64ec.obj"
  llvm-mc-19 -triple=arm64ec-pc-windows-msvc -filetype=obj $S/arm64ec-chpe-stub.s -o "$O/chpe_stub.obj"
  lld-link-19 /machine:arm64ec /dll /noentry /nodefaultlib /out:"$O/arm64ec.dll" \
    "$O/ec.arm64ec.obj" "$O/chpe_stub.obj" >/dev/null
fi
if newer "$O/arm64x.dll" $S/ec.c $S/native.c $S/arm64ec-chpe-stub.s; then
  clang-19 --target=aarch64-pc-windows-msvc -O2 -c $S/native.c -o "$O/native.arm64.obj"
  lld-link-19 /machine:arm64x /dll /noentry /nodefaultlib /out:"$O/arm64x.dll" \
    "$O/native.arm64.obj" "$O/ec.arm64ec.obj" "$O/chpe_stub.obj" >/dev/null
fi
# Further mingw fixtures are listed in test/fixtures-src/mingw.list: "<out> <arch> <flags...> -- <sources>"
if [ -f $S/mingw.list ]; then
  while read -r out arch rest; do
    case "$out" in ''|\#*) continue;; esac
    flags="${rest%% -- *}"; srcs="${rest#* -- }"
    deps=(); for s in $srcs; do deps+=("$S/$s"); done
    if newer "$O/$out" "${deps[@]}" $S/mingw.list; then
      # shellcheck disable=SC2086
      (cd $S && $arch-w64-mingw32-gcc $flags -o "../../$O/$out" $srcs)
    fi
  done < $S/mingw.list
fi
# Installer-style stubs patched after linking (test/fixtures-src/patch-stub.ts): relocation
# directory over zero-filled memory, blocks followed by zero padding, a corrupt block, a debug
# directory outside the image; each with an appended overlay.
for v in zero-reloc reloc-pad bad-reloc bad-debug; do
  for b in 32 64; do
    if newer "$O/stub-$v$b.exe" "$O/stub$b.exe" $S/patch-stub.ts; then
      bun $S/patch-stub.ts "$v" "$O/stub$b.exe" "$O/stub-$v$b.exe"
    fi
  done
done
# `aot run` test programs (test/fixtures-src/run, described by programs.json): nasm raw binaries
# <name>32.bin / <name>64.bin and the CRT-less, import-free PE runpe32.exe / runpe64.exe.
R=$S/run; RO=$O/run; mkdir -p "$RO"
for n in loops calls recursion partial smc strings muldiv bitops atomics misc vectors segments pairpop pairpush; do
  if newer "$RO/${n}32.bin" $R/$n.asm $R/common.inc; then nasm -f bin -i $R/ -o "$RO/${n}32.bin" $R/$n.asm; fi
  if newer "$RO/${n}64.bin" $R/$n.asm $R/common.inc; then nasm -f bin -i $R/ -DBITS64 -o "$RO/${n}64.bin" $R/$n.asm; fi
done
PEFLAGS="-nostdlib -nostartfiles -ffreestanding -O2 -fjump-tables -fno-builtin -fno-tree-loop-distribute-patterns
  -mgeneral-regs-only -fno-stack-protector -fno-asynchronous-unwind-tables"
if newer "$RO/runpe32.exe" $R/runpe.c; then
  # shellcheck disable=SC2086
  i686-w64-mingw32-gcc $PEFLAGS -Wl,-e,_run_entry@0 -o "$RO/runpe32.exe" $R/runpe.c
fi
if newer "$RO/runpe64.exe" $R/runpe.c; then
  # shellcheck disable=SC2086
  x86_64-w64-mingw32-gcc $PEFLAGS -e run_entry -o "$RO/runpe64.exe" $R/runpe.c
fi
echo "$O"
