#!/usr/bin/env bash
# Installs everything aot's build, tests and benches need on a fresh Debian 12 machine:
# Bun (from npm), the project's npm packages, and the Debian tools the oracles and fixtures use.
# Safe to run again: every step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

if ! command -v bun >/dev/null 2>&1; then
  echo "setup: installing Bun from npm"
  npm i -g bun@1.4.5 >/dev/null 2>&1 || npm i -g bun >/dev/null
fi

# Debian packages: oracles (binutils objdump, llvm-19 readobj/mc/objdump), fixture toolchains
# (mingw-w64, clang-19, lld-19, nasm), the emulator (libunicorn2; libunicorn-dev for its headers,
# used to check the constants in src/runtime/unicorn.ts), the Wine PE corpus (wine64), GNU time
# (test/pe/hostile.test.ts measures peak memory of child processes with it), and qemu-user with an
# aarch64 cross gcc (test/verify/atomic-threads.test.ts runs translated atomics on two threads under
# qemu-aarch64: Unicorn's atomics are not atomic across engines).
PKGS="binutils llvm-19 clang-19 lld-19 mingw-w64 nasm libunicorn2 libunicorn-dev wine64 time qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: apt-get install$missing"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null || true
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if [ ! -d node_modules ] || [ package.json -nt node_modules ]; then
  echo "setup: bun install"
  bun install --frozen-lockfile 2>/dev/null || bun install
  touch node_modules
fi
