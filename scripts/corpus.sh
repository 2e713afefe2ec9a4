#!/usr/bin/env bash
# Installs the real-PE corpora aot's oracle tests and benches read, into a cache folder outside the
# repo (default ~/.cache/aot-corpus, override with AOT_CORPUS_DIR), and prints its path.
#   x86_64-windows/  Debian wine64's PE files (symlink to the installed folder)
#   i386-windows/    the i386 PE files of libwine:i386, fetched with `apt-get download` through a
#                    private apt configuration (no `dpkg --add-architecture`, see environment.md 4)
#   prefix64/        a Wine prefix made by `wineboot -i` (for `aot deps` on notepad.exe)
#   arm64-libc.so.6  an AArch64 libc for the ARM64 disassembler oracle test
set -euo pipefail
cd "$(dirname "$0")/.."
C="${AOT_CORPUS_DIR:-$HOME/.cache/aot-corpus}"
mkdir -p "$C"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

# ── x86-64 Wine PEs ──
W64=/usr/lib/x86_64-linux-gnu/wine/x86_64-windows
if [ ! -d "$W64" ]; then
  $SUDO apt-get update -qq >/dev/null || true
  $SUDO apt-get install -y -qq --no-install-recommends wine64 >/dev/null
fi
ln -sfn "$W64" "$C/x86_64-windows"

# ── i386 Wine PEs, without adding the i386 architecture ──
if [ ! -f "$C/i386-windows/.complete" ]; then
  A="$C/apt-i386"; rm -rf "$A"; mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$A/sources"
  # The main suite only: the i386 security index on this mirror is known to be out of sync.
  uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  uri="${uri:-http://deb.debian.org/debian}"
  cat > "$A/sources/main.sources" <<SRC
Types: deb
URIs: $uri
Suites: bookworm
Components: main
Architectures: i386
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  APT=(apt-get -qq -o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts="$A/sources"
       -o Dir::State::Lists="$A/lists" -o Dir::Cache="$A/cache" -o APT::Architectures::=i386
       -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  "${APT[@]}" update >/dev/null
  (cd "$A" && "${APT[@]}" download libwine:i386 >/dev/null)
  rm -rf "$A/root"; dpkg-deb -x "$A"/libwine_*_i386.deb "$A/root"
  rm -rf "$C/i386-windows"; mv "$A/root/usr/lib/i386-linux-gnu/wine/i386-windows" "$C/i386-windows"
  rm -rf "$A"
  touch "$C/i386-windows/.complete"
fi

# ── a Wine prefix (64-bit; wine32 cannot be installed here, so syswow64 stays empty) ──
if [ ! -f "$C/prefix64/system.reg" ]; then
  rm -rf "$C/prefix64"
  WINE=/usr/lib/wine/wine64; [ -x "$WINE" ] || WINE=$(command -v wine64 || command -v wine)
  ( unset DISPLAY; WINEPREFIX="$C/prefix64" WINEDEBUG=-all timeout 300 "$WINE" wineboot -i >/dev/null 2>&1 || true )
  WINEPREFIX="$C/prefix64" /usr/lib/wine/wineserver64 -k >/dev/null 2>&1 || true
  [ -f "$C/prefix64/system.reg" ] || { echo "corpus: wineboot did not create $C/prefix64" >&2; exit 1; }
fi

# ── AArch64 libc for the ARM64 disassembler oracle ──
if [ ! -f "$C/arm64-libc.so.6" ]; then
  A="$C/apt-arm64"; rm -rf "$A"; mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$A/sources"
  uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  uri="${uri:-http://deb.debian.org/debian}"
  cat > "$A/sources/main.sources" <<SRC
Types: deb
URIs: $uri
Suites: bookworm
Components: main
Architectures: arm64
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  APT=(apt-get -qq -o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts="$A/sources"
       -o Dir::State::Lists="$A/lists" -o Dir::Cache="$A/cache" -o APT::Architectures::=arm64
       -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  "${APT[@]}" update >/dev/null
  (cd "$A" && "${APT[@]}" download libc6:arm64 >/dev/null)
  dpkg-deb -x "$A"/libc6_*_arm64.deb "$A/root"
  cp "$(find "$A/root" -name 'libc.so.6' | head -1)" "$C/arm64-libc.so.6"
  rm -rf "$A"
fi

echo "$C"
