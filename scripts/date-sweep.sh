#!/usr/bin/env bash
# The date-sensitive tests under the business dates of the year that matter,
# so no result depends on the day the tests run (issue 14):
#
#   scripts/date-sweep.sh .build/debug/sciplan            # the five dates below
#   scripts/date-sweep.sh .build/debug/sciplan 2025-07-15 # any dates
#
# For each date: the server tests that read the default business date or the
# demo (escalation, dashboards, bulletins, indicators, the demo's picture;
# SCIPLAN_TEST_TODAY), then the browser's date-sensitive steps on the demo
# (SCIPLAN_TODAY through browser-test.py --today: report cycle, escalation,
# bulletin, indicators). The dates: the first working day of the year, a
# reporting due day (the 25th), the day after a deadline (25th + 3 grace
# days), the last day of a quarter, 31 December. Prints
# `date-sweep: N passed, M failed` (one per date and suite); exits 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 BINARY [YYYY-MM-DD ...]" >&2; exit 2; }
binary=$1; shift
dates=("$@")
[ ${#dates[@]} -gt 0 ] || dates=(2025-01-02 2025-03-25 2025-03-29 2025-06-30 2025-12-31)
filter='ServerTests.Supervision|ServerTests.Escalation|ServerTests.Indicators|ServerTests.IndicatorImportAndComparison|theDemoHasTheFiveSeedPlansPublishedAndItsAccounts'
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for d in "${dates[@]}"; do
  echo "== date-sweep $d: server tests ($filter)"
  if SCIPLAN_TEST_TODAY=$d swift test --skip-build --filter "$filter" >"$log" 2>&1 \
     && grep -q "Test run with [0-9]* tests.*passed" "$log"; then
    grep "Test run with" "$log" | tail -n 1
    passed=$((passed + 1))
  else
    grep -E "✘|error" "$log" | head -n 20
    tail -n 3 "$log"
    echo "date-sweep: FAIL server tests on $d"
    failed=$((failed + 1))
  fi
  echo "== date-sweep $d: browser steps a, j, k, l, m"
  if python3 scripts/browser-test.py "$binary" --today "$d" --steps a,j,k,l,m; then
    passed=$((passed + 1))
  else
    echo "date-sweep: FAIL browser on $d"
    failed=$((failed + 1))
  fi
done
echo "date-sweep: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
