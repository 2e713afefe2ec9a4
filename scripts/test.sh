#!/usr/bin/env bash
# The test command (README "command two" and .ci/run): installs what the tests need, builds the
# fixtures and the single binary, then runs every test at its acceptance figures (AOT_TIER=full:
# whole Wine corpora against the oracles, 10,000-case fuzzing, 1 M random strings per mode; about
# 6 minutes on 2 cores). AOT_TIER=soak (`bun run test:slow`) runs ten times the fuzz and random
# counts; AOT_TIER=quick the small counts plain `bun test` uses.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export AOT_CORPUS_DIR="$(bash scripts/corpus.sh | tail -n 1)"
bash scripts/fixtures.sh >/dev/null
bun run build >/dev/null
export AOT_TIER="${AOT_TIER:-full}"
echo "test: tier $AOT_TIER, corpora in $AOT_CORPUS_DIR"
# bunfig.toml's [test] timeout is not applied by bun 1.4.5, so the limit is given here: the soak tier runs
# ten times the counts, and a loaded machine takes longer (each slow test also sets its own).
bun test --timeout 1800000 "$@"
