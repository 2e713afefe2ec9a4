#!/usr/bin/env bash
# Installs the real-PE corpora aot's oracle tests and benches read, into a cache folder outside the
# repo (default ~/.cache/aot-corpus, override with AOT_CORPUS_DIR), and prints its path.
#   x86_64-windows/  Debian wine64's PE files (symlink to the installed folder)
#   i386-windows/    the i386 PE files of libwine:i386, fetched with `apt-get download` through a
#                    private apt configuration (no `dpkg --add-architecture`, see environment.md 4)
#   prefix64/        a Wine prefix made by `wineboot -i` (for `aot deps` on notepad.exe), with the
#                    i386 PE files copied into drive_c/windows/syswow64 as Wine's WOW64 layout has
#                    them (wine32 cannot be installed here, so wineboot leaves syswow64 empty)
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

# apt_download ARCH PACKAGE DEST: downloads PACKAGE's .deb for ARCH and unpacks it into DEST, through a
# private apt configuration (no `dpkg --add-architecture`; the main suite only, because the i386
# security index on this mirror is known to be out of sync, see environment.md section 4).
apt_download() {
  local arch=$1 pkg=$2 dest=$3 A="$C/apt-$1" uri
  rm -rf "$A"; mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$A/sources"
  uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  cat > "$A/sources/main.sources" <<SRC
Types: deb
URIs: ${uri:-http://deb.debian.org/debian}
Suites: bookworm
Components: main
Architectures: $arch
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  local APT=(apt-get -qq -o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts="$A/sources"
       -o Dir::State::Lists="$A/lists" -o Dir::Cache="$A/cache" -o APT::Architectures::="$arch"
       -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  "${APT[@]}" update >/dev/null
  (cd "$A" && "${APT[@]}" download "$pkg:$arch" >/dev/null)
  rm -rf "$dest"; dpkg-deb -x "$A"/*.deb "$dest"
  rm -rf "$A"
}

# ── i386 Wine PEs ──
if [ ! -f "$C/i386-windows/.complete" ]; then
  apt_download i386 libwine "$C/root-i386"
  rm -rf "$C/i386-windows"; mv "$C/root-i386/usr/lib/i386-linux-gnu/wine/i386-windows" "$C/i386-windows"
  rm -rf "$C/root-i386"
  touch "$C/i386-windows/.complete"
fi

# ── a Wine prefix (64-bit; wine32 cannot be installed here, so wineboot leaves syswow64 empty) ──
if [ ! -f "$C/prefix64/system.reg" ]; then
  rm -rf "$C/prefix64"
  WINE=/usr/lib/wine/wine64; [ -x "$WINE" ] || WINE=$(command -v wine64 || command -v wine)
  ( unset DISPLAY; WINEPREFIX="$C/prefix64" WINEDEBUG=-all timeout 300 "$WINE" wineboot -i >/dev/null 2>&1 || true )
  WINEPREFIX="$C/prefix64" /usr/lib/wine/wineserver64 -k >/dev/null 2>&1 || true
  [ -f "$C/prefix64/system.reg" ] || { echo "corpus: wineboot did not create $C/prefix64" >&2; exit 1; }
fi

# ── syswow64: the 32-bit builtins where a WOW64 prefix keeps them ──
# Copies, not links: a test that edits a prefix DLL must never reach the corpus. Files that are
# already identical are left alone, so a re-run copies nothing; the marker records a complete copy.
# wine64's own i386-windows/ adds zlib1.dll (copied in from libz-mingw-w64, not part of libwine:i386).
SW="$C/prefix64/drive_c/windows/syswow64"
if [ ! -f "$C/prefix64/.syswow64-complete" ]; then
  mkdir -p "$SW"
  for f in "$C/i386-windows"/* "$(dirname "$W64")/i386-windows"/*; do
    [ -f "$f" ] || continue
    d="$SW/${f##*/}"
    cmp -s "$f" "$d" && continue
    cp -p "$f" "$d.tmp" && mv -f "$d.tmp" "$d"
  done
  touch "$C/prefix64/.syswow64-complete"
fi

# ── AArch64 libc for the ARM64 disassembler oracle ──
if [ ! -f "$C/arm64-libc.so.6" ]; then
  apt_download arm64 libc6 "$C/root-arm64"
  cp "$(find "$C/root-arm64" -name 'libc.so.6' | head -1)" "$C/arm64-libc.so.6"
  rm -rf "$C/root-arm64"
fi

echo "$C"
