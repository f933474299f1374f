#!/usr/bin/env bash
# API fuzzing: schemathesis against the demo server's /openapi.json; no
# request may get a 5xx.
#
#   scripts/api-fuzz.sh .build/debug/sciplan                    # the whole API, 100 examples per operation
#   scripts/api-fuzz.sh .build/debug/sciplan --max-examples 10  # the short run in scripts/test.sh
#
# Starts `sciplan serve --demo` on a fresh SQLite file in a temporary directory
# on 127.0.0.1 and a free port (bcrypt cost 4, scheduler off), logs in as the
# demo admin, the 随州 plan office and the reporter of 市科技局 (POST
# /api/login), and runs `st run` as each of them with its session cookie
# (and, if the server sets one, the sciplan_csrf cookie echoed in
# X-CSRF-Token), all phases, check not_a_server_error. POST /api/logout is left
# out (it would end the session the run uses). scripts/api_fuzz_hooks.py logs
# every answer, gives the fuzzer real plan, node, target, report, account,
# place and indicator ids half of the time, and adds the request bodies the
# schema lacks. Prints per account the operations, requests and statuses,
# every distinct 5xx (request and answer), `api-fuzz: N 5xx` and
# `api-fuzz: P passed, F failed` (one per account); exits 1 on any 5xx,
# network error or server exit. Installs nothing: schemathesis comes from
# scripts/install-ci-deps.sh (pip install schemathesis).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 BINARY [--max-examples N] [--accounts admin,office,kjj] [--seed N]" >&2; exit 2; }
[ $# -ge 1 ] || usage
binary=$(realpath "$1"); shift
max_examples=100
accounts=admin,office,kjj
seed=
while [ $# -gt 0 ]; do
  case "$1" in
    --max-examples) max_examples=$2; shift 2 ;;
    --accounts) accounts=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) usage ;;
  esac
done
[ -x "$binary" ] || { echo "api-fuzz: $binary is not an executable" >&2; exit 2; }
if ! python3 -c "import schemathesis" 2>/dev/null || ! command -v st >/dev/null; then
  echo "api-fuzz: schemathesis is not installed (scripts/install-ci-deps.sh installs it: pip install schemathesis)" >&2
  exit 1
fi

work=$(mktemp -d /tmp/sciplan-fuzz-XXXXXX)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
env -u DATABASE_URL -u SCIPLAN_DB SCIPLAN_PASSWORD_COST=4 SCIPLAN_SCHEDULER_SECONDS=0 \
  "$binary" serve --demo --db "$work/sciplan.sqlite" --hostname 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 1800); do
  curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "api-fuzz: the server exited:"; tail -n 30 "$work/server.log"; exit 1; }
  sleep 0.1
done
curl -fsS -o /dev/null "$base/healthz" || { echo "api-fuzz: /healthz did not answer within 180 s"; tail -n 30 "$work/server.log"; exit 1; }
echo "api-fuzz: $binary serve --demo on $base, SQLite $work/sciplan.sqlite; schemathesis $(st --version | awk '{print $NF}'), --max-examples $max_examples"

IFS=, read -r -a names <<<"$accounts"
for name in "${names[@]}"; do
  python3 scripts/api_fuzz_hooks.py login "$base" "$name" Demo@2026 >"$work/session-$name.json"
done
# The ids are read as the admin (who sees every plan), the reporters' tasks as each account.
python3 scripts/api_fuzz_hooks.py login "$base" admin Demo@2026 >"$work/reader.json"
sessions=("$work/reader.json")
for name in "${names[@]}"; do sessions+=("$work/session-$name.json"); done
python3 scripts/api_fuzz_hooks.py ids "$base" "$work/ids.json" "${sessions[@]}"

started=$SECONDS
passed=0
failed=0
logs=()
for name in "${names[@]}"; do
  cookie=$(python3 -c 'import json, sys; print("; ".join(f"{k}={v}" for k, v in json.load(open(sys.argv[1]))["cookies"].items()))' "$work/session-$name.json")
  csrf=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["cookies"].get("sciplan_csrf", ""))' "$work/session-$name.json")
  headers=(-H "Cookie: $cookie")
  [ -z "$csrf" ] || headers+=(-H "X-CSRF-Token: $csrf")
  log="$work/fuzz-$name.ndjson"
  : >"$log"
  logs+=("$log")
  echo "== api-fuzz as $name"
  set +e
  SCHEMATHESIS_HOOKS=scripts/api_fuzz_hooks.py SCIPLAN_FUZZ_LOG="$log" SCIPLAN_FUZZ_IDS="$work/ids.json" \
    st run "$base/openapi.json" "${headers[@]}" \
      --checks not_a_server_error --exclude-path /api/logout \
      --max-examples "$max_examples" ${seed:+--seed "$seed"} \
      --generation-with-security-parameters false --request-timeout 60 \
      --no-color --report junit --report-dir "$work/report-$name" >"$work/st-$name.txt" 2>&1
  status=$?
  set -e
  tail -n 25 "$work/st-$name.txt"
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "api-fuzz: the server exited during the run as $name:"
    tail -n 30 "$work/server.log"
    failed=$((failed + 1))
    break
  fi
  # st exits non-zero on a failed check (a 5xx) or an error (e.g. a network error).
  if [ "$status" -ne 0 ]; then
    echo "api-fuzz: st run as $name exited with $status (see $work/st-$name.txt)"
    failed=$((failed + 1))
  elif python3 -c 'import json, sys; sys.exit(any(not isinstance(r.get("status", 0), int) or r.get("status", 0) >= 500 for r in map(json.loads, open(sys.argv[1]))))' "$log"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done

echo "== api-fuzz summary ($((SECONDS - started)) s)"
set +e
python3 scripts/api_fuzz_hooks.py summary "${logs[@]}" | tee "$work/summary.txt"
set -e
bad=$(python3 -c 'import json, sys; print(sum(1 for p in sys.argv[1:] for r in map(json.loads, open(p)) if "op" in r and (not isinstance(r["status"], int) or r["status"] >= 500)))' "${logs[@]}")
echo "api-fuzz: $bad 5xx"
echo "api-fuzz: $passed passed, $failed failed"
if [ "$failed" -eq 0 ] && [ "$bad" -eq 0 ]; then
  rm -rf "$work"
  exit 0
fi
echo "api-fuzz: files kept in $work (st-*.txt: schemathesis output with curl reproductions; fuzz-*.ndjson: every answer)"
exit 1
