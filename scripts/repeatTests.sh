#!/usr/bin/env bash
# Runs npm test (unit, tools, contract, wire and the offline suites) N times in a row (default 20) and stops at the
# first failure: a flaky test shows up here before it keeps good work from landing in CI.
# Usage: scripts/repeatTests.sh [N]. Prints one line per run and ends with "N consecutive green runs" or the failure.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for i in $(seq 1 "$runs"); do
  started=$SECONDS
  npm test >"$log" 2>&1
  rc=$?
  passing=$(grep -Eo '^ +[0-9]+ passing' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
  failing=$(grep -Eo '^ +[0-9]+ failing' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
  echo "run $i/$runs: $passing passing, $failing failing, exit $rc, $((SECONDS - started)) s, load $(cut -d' ' -f1 /proc/loadavg)"
  if [ "$rc" -ne 0 ]; then
    echo "run $i failed:"
    grep -A30 -E '^ +[0-9]+ failing' "$log" | head -60
    exit 1
  fi
done
echo "$runs consecutive green runs of npm test"
