#!/usr/bin/env bash
# Long fuzz runs (issue 12, item 7): each named target for RUNS executions (default 10 M)
# from a corpus kept between runs, so a campaign can be continued where it stopped.
#
#   fuzz/tools/long-run.sh load_json load_toml      # one after another
#   CORPUS=/var/fuzz RUNS=2000000 fuzz/tools/long-run.sh com_calls
#
# Builds the targets (release, `-s none -a`: overflow checks on), then runs each binary
# directly with its dictionary and seeds. A crash stops that target and leaves its input
# as $LOGS/<target>-crash-*; every run appends one line to $LOGS/summary.txt: target, commit,
# start and end (UTC), executions, executions per second, exit status (0: no crash).
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
RUNS="${RUNS:-10000000}"
CORPUS="${CORPUS:-$PWD/corpus}"
LOGS="${LOGS:-$PWD/long-runs}"
mkdir -p "$LOGS"
cargo fuzz build -s none -a
commit="$(git rev-parse --short HEAD)"
bin="target/x86_64-unknown-linux-gnu/release"
for target in "$@"; do
  dict=topology.dict
  if [ -f "$target.dict" ]; then dict="$target.dict"; fi
  mkdir -p "$CORPUS/$target"
  log="$LOGS/$target-$commit-$(date -u +%Y%m%dT%H%M%SZ).log"
  start="$(date -u +%FT%TZ)"
  status=0
  "$bin/$target" "$CORPUS/$target" "seeds/$target" -dict="$dict" -runs="$RUNS" \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$LOGS/$target-" \
    >"$log" 2>&1 || status=$?
  stats="$(grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$log" \
    | awk '{print $2}' | tr '\n' ' ')"
  echo "$target $commit $start $(date -u +%FT%TZ) $stats status=$status" >>"$LOGS/summary.txt"
  tail -n 1 "$LOGS/summary.txt"
done
