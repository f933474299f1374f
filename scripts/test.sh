#!/usr/bin/env bash
# The test command: builds once, runs the unit tests, checks the command line
# on real files, measures the parser on the seed plans against their gold, then
# runs the server's tests again on a throwaway PostgreSQL, a smoke check of the
# demo server there, a short SIGKILL crash test on SQLite, a short load test
# (200 reporters, 10 s), a login flood, a short schemathesis run against /openapi.json (no
# 5xx, no crash), two servers sharing one PostgreSQL, PostgreSQL connections
# dropped in the middle of report submissions, and the browser test
# (Chromium) on SQLite and PostgreSQL.
# scripts/install-ci-deps.sh installs PostgreSQL, Chromium, Playwright and schemathesis.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== build"
swift build --build-tests

log=$(mktemp)
echo "== unit tests"
swift test --skip-build 2>&1 | tee "$log"
unit=$(sed -n 's/.*Test run with \([0-9][0-9]*\) tests.*passed.*/\1/p' "$log" | tail -n 1)

echo "== command line"
bash scripts/cli-tests.sh .build/debug/sciplan | tee -a "$log"
cli=$(sed -n 's/^cli: \([0-9][0-9]*\) passed.*/\1/p' "$log" | tail -n 1)

echo "== parser accuracy on the seed plans (sciplan eval; fails below 0.98 strict)"
out=$(mktemp -d)
trap 'rm -rf "$out" "$log"' EXIT
.build/debug/sciplan eval Seeds/gold Seeds/plans --out "$out/pred" --min-strict 0.98
# The corpus scorer: the copy kept in Tests/Fixtures (so the check never
# depends on what sits beside the clone), which must equal the shared one
# wherever that exists.
scorer=Tests/Fixtures/score.py
if [ -f ../shared/plan-corpus/score.py ] && ! cmp -s ../shared/plan-corpus/score.py "$scorer"; then
  echo "Tests/Fixtures/score.py differs from ../shared/plan-corpus/score.py: copy the new scorer in." >&2
  exit 1
fi
echo "== the same predictions scored by $scorer"
python3 "$scorer" Seeds/gold "$out/pred" | tee "$out/score.txt"
strict=$(awk '/strict_overall:/ {print $NF}' "$out/score.txt")
python3 -c "import sys; s=float('$strict'); sys.exit(0 if s >= 0.98 else 'strict_overall %.4f is below 0.98' % s)"
echo "== sciplan eval agrees with score.py"
SCORE_PY="$scorer" bash scripts/check-scorer.sh

echo "== server tests on PostgreSQL"
bash scripts/with-postgres.sh swift test --skip-build --filter AppTests 2>&1 | tee "$out/pg.txt"
pg=$(sed -n 's/.*Test run with \([0-9][0-9]*\) tests.*passed.*/\1/p' "$out/pg.txt" | tail -n 1)

echo "== server smoke on PostgreSQL"
bash scripts/with-postgres.sh python3 scripts/server-smoke.py .build/debug/sciplan | tee "$out/smoke.txt"
smoke=$(sed -n 's/^smoke: \([0-9][0-9]*\) passed.*/\1/p' "$out/smoke.txt" | tail -n 1)

echo "== SIGKILL in the middle of report submissions, 3 times (scripts/crash-test.py; the long run is --kills 100)"
python3 scripts/crash-test.py .build/debug/sciplan --kills 3 | tee "$out/crash.txt"
crash=$(sed -n 's/^crash: \([0-9][0-9]*\) passed.*/\1/p' "$out/crash.txt" | tail -n 1)

echo "== 200 reporters saving and submitting for 10 s, 0 errors (scripts/load-test.py; the long runs are 1,000 for 60 s and a 10-minute soak)"
python3 scripts/load-test.py .build/debug/sciplan --reporters 200 --seconds 10 --tasks-per-unit 3 | tee "$out/load.txt"
load=$(sed -n 's/^load: \([0-9][0-9]*\) passed.*/\1/p' "$out/load.txt" | tail -n 1)

echo "== a login flood: 200 correct logins at once, then 40 clients guessing for 8 s while an office works (scripts/login-flood.py; the long run is --seconds 30)"
python3 scripts/login-flood.py .build/debug/sciplan --seconds 8 | tee "$out/flood.txt"
flood=$(sed -n 's/^login-flood: \([0-9][0-9]*\) passed.*/\1/p' "$out/flood.txt" | tail -n 1)

echo "== slow connections: head, body and idle deadlines, then 1,500 slow connections over a cap of 750 while /healthz answers in < 1 s (scripts/slow-connections.py; the long run is 20,000 on the shipped cap)"
python3 scripts/slow-connections.py .build/debug/sciplan --connections 1500 --max-connections 750 --seconds 8 | tee "$out/slow.txt"
slow=$(sed -n 's/^slow-connections: \([0-9][0-9]*\) passed.*/\1/p' "$out/slow.txt" | tail -n 1)

echo "== schemathesis against /openapi.json, no 5xx or crash (scripts/api-fuzz.sh; the long run is all phases, --max-examples 100)"
bash scripts/api-fuzz.sh .build/debug/sciplan --max-examples 10 --phases fuzzing | tee "$out/apifuzz.txt"
apifuzz=$(sed -n 's/^api-fuzz: \([0-9][0-9]*\) passed.*/\1/p' "$out/apifuzz.txt" | tail -n 1)

echo "== two servers on one PostgreSQL send each reminder once"
bash scripts/with-postgres.sh python3 scripts/escalation-two-instances.py .build/debug/sciplan | tee "$out/two.txt"
two=$(sed -n 's/^twoinstances: \([0-9][0-9]*\) passed.*/\1/p' "$out/two.txt" | tail -n 1)

echo "== PostgreSQL connection dropped in the middle of report submissions, 7 rounds (scripts/pg-drop-test.py; the long run is --rounds 20)"
bash scripts/with-postgres.sh python3 scripts/pg-drop-test.py .build/debug/sciplan --rounds 7 --answer-timeout 40 --stop-after-failure | tee "$out/pgdrop.txt"
pgdrop=$(sed -n 's/^pg-drop: \([0-9][0-9]*\) passed.*/\1/p' "$out/pgdrop.txt" | tail -n 1)

echo "== DATABASE_URL's sslmode against a PostgreSQL that speaks TLS only (scripts/pg-tls-test.sh)"
SCIPLAN_PG_TLS=1 bash scripts/with-postgres.sh bash scripts/pg-tls-test.sh .build/debug/sciplan | tee "$out/pgtls.txt"
pgtls=$(sed -n 's/^pg-tls: \([0-9][0-9]*\) passed.*/\1/p' "$out/pgtls.txt" | tail -n 1)

echo "== browser"
python3 scripts/browser-test.py .build/debug/sciplan | tee "$out/browser.txt"
browser=$(sed -n 's/^browser: \([0-9][0-9]*\) passed.*/\1/p' "$out/browser.txt" | tail -n 1)

echo "== browser on PostgreSQL"
bash scripts/with-postgres.sh python3 scripts/browser-test.py .build/debug/sciplan | tee "$out/browser-pg.txt"
browser_pg=$(sed -n 's/^browser: \([0-9][0-9]*\) passed.*/\1/p' "$out/browser-pg.txt" | tail -n 1)

echo "== the date-sensitive tests under five business dates (scripts/date-sweep.sh)"
bash scripts/date-sweep.sh .build/debug/sciplan | tee "$out/sweep.txt"
sweep=$(sed -n 's/^date-sweep: \([0-9][0-9]*\) passed.*/\1/p' "$out/sweep.txt" | tail -n 1)

echo "== summary"
# Every phase above must have printed its count: a phase whose output could
# not be read is a failure, never a zero.
missing=()
for name in unit cli pg smoke crash load flood slow apifuzz two pgdrop pgtls browser browser_pg sweep; do
  [ -n "${!name:-}" ] || missing+=("$name")
done
total=$(( ${unit:-0} + ${cli:-0} + ${pg:-0} + ${smoke:-0} + ${crash:-0} + ${load:-0} + ${flood:-0} + ${slow:-0} + ${apifuzz:-0} + ${two:-0} + ${pgdrop:-0} + ${pgtls:-0} + ${browser:-0} + ${browser_pg:-0} + ${sweep:-0} ))
if [ ${#missing[@]} -gt 0 ]; then
  echo "summary: $total passed, ${#missing[@]} failed (no count read from: ${missing[*]})"
  exit 1
fi
echo "summary: $total passed, 0 failed"
