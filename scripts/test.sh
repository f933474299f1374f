#!/usr/bin/env bash
# The test command: builds once, runs the unit tests, checks the command line
# on real files, and measures the parser on the seed plans against their gold.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== build"
swift build --build-tests

echo "== unit tests"
swift test --skip-build

echo "== command line"
bash scripts/cli-tests.sh .build/debug/sciplan

echo "== parser accuracy on the seed plans"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/debug/sciplan parse Seeds/plans/*.txt --out "$out/pred"
if [ -f ../shared/plan-corpus/score.py ]; then
  python3 ../shared/plan-corpus/score.py Seeds/gold "$out/pred" | tee "$out/score.txt"
  strict=$(awk '/strict_overall:/ {print $NF}' "$out/score.txt")
  python3 -c "import sys; s=float('$strict'); sys.exit(0 if s >= 0.98 else 'strict_overall %.4f is below 0.98' % s)"
else
  echo "(../shared/plan-corpus/score.py not present: skipped the external scorer)"
fi
