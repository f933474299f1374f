#!/usr/bin/env bash
# The test command: builds once, runs the unit tests, checks the command line
# on real files, measures the parser on the seed plans against their gold, then
# runs the server's tests again on a throwaway PostgreSQL, a smoke check of the
# demo server there, a short SIGKILL crash test on SQLite, a short load test
# (200 reporters, 10 s), a login flood, a short schemathesis run against /openapi.json (no
# 5xx, no crash), two servers sharing one PostgreSQL, PostgreSQL connections
# dropped in the middle of report submissions, the browser test
# (Chromium) on SQLite and PostgreSQL, and axe-core on every page of the demo.
# scripts/install-ci-deps.sh installs PostgreSQL, Chromium, Playwright, schemathesis
# and axe-playwright-python.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== build"
swift build --build-tests

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
total_passed=0
total_failed=0
failures=()

# phase KEY KIND LABEL -- COMMAND...: runs one check, shows its output and
# counts what it printed, whatever its exit status, so one failing phase does
# not hide the others. KIND says how to read the counts:
#   swift  — Swift Testing's "Test run with N tests" and its "✘ Test … failed" lines;
#   NAME   — the script's last "NAME: P passed, F failed" line;
#   exit   — no counts: one check, passed when the command exits 0.
# A phase that exits non-zero, or prints no count it should, is a failure,
# never a zero.
phase() {
  local key=$1 kind=$2 label=$3
  shift 4
  echo "== $label"
  local file="$out/$key.txt" status passed failed
  set +e
  "$@" 2>&1 | tee "$file"
  status=${PIPESTATUS[0]}
  set -e
  case $kind in
    swift)
      failed=$(grep '✘ Test .* failed' "$file" | grep -vc 'Test run with' || true)
      passed=$(sed -n 's/.*Test run with \([0-9][0-9]*\) tests.* passed .*/\1/p' "$file" | tail -n 1)
      if [ -z "$passed" ]; then
        local ran
        ran=$(sed -n 's/.*Test run with \([0-9][0-9]*\) tests.* failed .*/\1/p' "$file" | tail -n 1)
        passed=$(( ${ran:-0} > failed ? ${ran:-0} - failed : 0 ))
      fi
      if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
      if [ "$status" -eq 0 ] && ! grep -q 'Test run with [0-9]* tests' "$file"; then failed=1; fi
      ;;
    exit)
      if [ "$status" -eq 0 ]; then passed=1; failed=0; else passed=0; failed=1; fi
      ;;
    *)
      local line
      line=$(grep -E "^$kind: [0-9]+ passed, [0-9]+ failed" "$file" | tail -n 1 || true)
      passed=$(echo "$line" | sed -n 's/^[^:]*: \([0-9][0-9]*\) passed.*/\1/p')
      failed=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p')
      [ -n "$passed" ] || passed=0
      if [ -z "$failed" ]; then failed=1; echo "test.sh: no \"$kind: P passed, F failed\" line in the output of $key" >&2; fi
      if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
      ;;
  esac
  total_passed=$(( total_passed + passed ))
  total_failed=$(( total_failed + failed ))
  if [ "$failed" -gt 0 ]; then failures+=("$key ($failed)"); fi
  echo "-- $key: $passed passed, $failed failed (exit $status)"
}

phase unit swift "unit tests" -- swift test --skip-build
phase cli cli "command line" -- bash scripts/cli-tests.sh .build/debug/sciplan
phase eval exit "parser accuracy on the seed plans (sciplan eval; fails below 0.98 strict)" -- \
  .build/debug/sciplan eval Seeds/gold Seeds/plans --out "$out/pred" --min-strict 0.98

# The corpus scorer: the copy kept in Tests/Fixtures (so the check never
# depends on what sits beside the clone), which must equal the shared one
# wherever that exists.
scorer=Tests/Fixtures/score.py
score_check() {
  if [ -f ../shared/plan-corpus/score.py ] && ! cmp -s ../shared/plan-corpus/score.py "$scorer"; then
    echo "Tests/Fixtures/score.py differs from ../shared/plan-corpus/score.py: copy the new scorer in." >&2
    return 1
  fi
  python3 "$scorer" Seeds/gold "$out/pred" | tee "$out/score.txt"
  local strict
  strict=$(awk '/strict_overall:/ {print $NF}' "$out/score.txt")
  python3 -c "import sys; s=float('$strict'); sys.exit(0 if s >= 0.98 else 'strict_overall %.4f is below 0.98' % s)"
}
phase score exit "the same predictions scored by $scorer (fails below 0.98 strict)" -- score_check
phase scorer exit "sciplan eval agrees with score.py" -- env SCORE_PY="$scorer" bash scripts/check-scorer.sh

phase pg swift "server tests on PostgreSQL" -- bash scripts/with-postgres.sh swift test --skip-build --filter AppTests
phase smoke smoke "server smoke on PostgreSQL" -- bash scripts/with-postgres.sh python3 scripts/server-smoke.py .build/debug/sciplan
phase crash crash "SIGKILL in the middle of report submissions, 3 times (scripts/crash-test.py; the long run is --kills 100)" -- \
  python3 scripts/crash-test.py .build/debug/sciplan --kills 3
phase load load "200 reporters saving and submitting for 10 s, 0 errors (scripts/load-test.py; the long runs are 1,000 for 60 s and a 10-minute soak)" -- \
  python3 scripts/load-test.py .build/debug/sciplan --reporters 200 --seconds 10 --tasks-per-unit 3
phase flood login-flood "a login flood: 200 correct logins at once, then 40 clients guessing for 8 s while an office works (scripts/login-flood.py; the long run is --seconds 30)" -- \
  python3 scripts/login-flood.py .build/debug/sciplan --seconds 8
phase slow slow-connections "slow connections: head, body and idle deadlines, then 1,500 slow connections over a cap of 750 while /healthz answers in < 1 s (scripts/slow-connections.py; the long run is 20,000 on the shipped cap)" -- \
  python3 scripts/slow-connections.py .build/debug/sciplan --connections 1500 --max-connections 750 --seconds 8
phase apifuzz api-fuzz "schemathesis against /openapi.json, no 5xx or crash (scripts/api-fuzz.sh; the long run is all phases, --max-examples 100)" -- \
  bash scripts/api-fuzz.sh .build/debug/sciplan --max-examples 10 --phases fuzzing
phase two twoinstances "two servers on one PostgreSQL send each reminder once" -- \
  bash scripts/with-postgres.sh python3 scripts/escalation-two-instances.py .build/debug/sciplan
phase pgdrop pg-drop "PostgreSQL connection dropped in the middle of report submissions, 7 rounds (scripts/pg-drop-test.py; the long run is --rounds 20)" -- \
  bash scripts/with-postgres.sh python3 scripts/pg-drop-test.py .build/debug/sciplan --rounds 7 --answer-timeout 40 --stop-after-failure
phase pgtls pg-tls "DATABASE_URL's sslmode against a PostgreSQL that speaks TLS only (scripts/pg-tls-test.sh)" -- \
  env SCIPLAN_PG_TLS=1 bash scripts/with-postgres.sh bash scripts/pg-tls-test.sh .build/debug/sciplan
phase browser browser "browser" -- python3 scripts/browser-test.py .build/debug/sciplan
phase browser_pg browser "browser on PostgreSQL" -- bash scripts/with-postgres.sh python3 scripts/browser-test.py .build/debug/sciplan
phase axe axe "accessibility: axe-core, WCAG 2.1 A/AA, on every page as every demo role (scripts/axe-test.py)" -- \
  python3 scripts/axe-test.py .build/debug/sciplan
phase sweep date-sweep "the date-sensitive tests under five business dates (scripts/date-sweep.sh)" -- \
  bash scripts/date-sweep.sh .build/debug/sciplan

echo "== summary"
if [ "$total_failed" -gt 0 ]; then
  echo "summary: $total_passed passed, $total_failed failed (in: ${failures[*]})"
  exit 1
fi
echo "summary: $total_passed passed, 0 failed"
