#!/usr/bin/env bash
# Runs devtopo-com's COM test binaries under valgrind memcheck: any invalid access or definite
# leak fails the run. Bounded for CI (PROPTEST_CASES small, tests single-threaded under
# valgrind). Usage: devtopo-com/tools/valgrind.sh   (from anywhere in the repository)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PROPTEST_CASES="${PROPTEST_CASES:-16}"
# The binaries to check: every integration test of devtopo-com but the bindings check (which
# runs windows-bindgen, not COM code). fuzz_com replays the com_calls fuzz target's seeds and
# regressions (issue 12, item 8); DEVTOPO_COM_FUZZ_CORPUS=fuzz/corpus/com_calls adds a corpus.
mapfile -t bins < <(cargo test -p devtopo-com --tests --no-run --message-format=json 2>/dev/null \
  | grep '"reason":"compiler-artifact"' \
  | grep '"test":true' \
  | grep -v -e '"name":"bindings"' -e '"name":"header"' \
  | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p')
if [ "${#bins[@]}" -eq 0 ]; then
  echo "valgrind.sh: no test binaries found" >&2
  exit 1
fi
for bin in "${bins[@]}"; do
  echo "valgrind: $(basename "$bin")"
  # The tests that spawn a C++ compiler are skipped here: they run their compiled programs
  # under valgrind themselves (DEVTOPO_COM_VALGRIND=1).
  DEVTOPO_COM_VALGRIND=1 valgrind --quiet --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    "$bin" --test-threads=1 -q
done
