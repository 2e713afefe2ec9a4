#!/usr/bin/env bash
# README "command one": installs what aot needs, builds the single binary and runs the main job on
# the embedded sample program (`aot demo`). Extra arguments go to `aot demo` (e.g. --json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bun run build >/dev/null
exec ./dist/aot demo "$@"
