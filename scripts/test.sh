#!/usr/bin/env bash
# The test command (README "command two" and .ci/run): installs what the tests need, builds the
# fixtures and the single binary, then runs every test tier that fits the default budget
# (~20 minutes on 2 cores), oracle tests against the real Wine corpora included.
# AOT_SLOW=1 raises fuzz and random-test counts to the full acceptance figures.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export AOT_CORPUS_DIR="$(bash scripts/corpus.sh | tail -n 1)"
bash scripts/fixtures.sh >/dev/null
bun run build >/dev/null
bun test "$@"
