#!/usr/bin/env bash
# API fuzzing: schemathesis against the demo server's /openapi.json; no
# request may get a 5xx or crash the server.
#
#   scripts/api-fuzz.sh .build/debug/sciplan                    # the whole API, 100 examples per operation
#   scripts/api-fuzz.sh .build/debug/sciplan --max-examples 10 --phases fuzzing   # the short run in scripts/test.sh
#
# Starts `sciplan serve --demo` on a fresh SQLite file in a temporary directory
# on 127.0.0.1 and a free port (bcrypt cost 4, scheduler off, business date
# 2025-05-20), logs in as the
# demo admin, the 随州 plan office and the reporter of 市科技局 (POST
# /api/login), and runs `st run` as each of them with its session cookie
# (and, if the server sets one, the sciplan_csrf cookie echoed in
# X-CSRF-Token), all phases (or --phases), check not_a_server_error. POST /api/logout is left
# out (it would end the session the run uses). scripts/api_fuzz_hooks.py logs
# every answer, gives the fuzzer real plan, node, target, report, account,
# place and indicator ids half of the time, adds the request bodies the schema
# lacks, and offers every JSON body as multipart and urlencoded too (Vapor
# decodes by the declared Content-Type; --json-only leaves that out). A server
# that dies is recorded with its backtrace and started again on the same file
# (sessions live in the database), so one crash does not end the run (no
# shrinking: each replay of a crashing example would crash it again). Prints
# per account the operations, requests and statuses, every crash with the
# request that caused it, every distinct 5xx (request and answer),
# `api-fuzz: N 5xx, C crashes …` and `api-fuzz: P passed, F failed` (one per
# account); exits 1 on any 5xx or crash. Installs nothing: schemathesis comes
# from scripts/install-ci-deps.sh (pip install schemathesis). Its state
# (.hypothesis, .schemathesis) stays in the temporary directory.
set -euo pipefail
here=$PWD
cd "$(dirname "$0")/.."
root=$PWD

usage() { echo "usage: $0 BINARY [--max-examples N] [--phases examples,coverage,fuzzing,stateful] [--accounts admin,office,kjj] [--seed N] [--json-only]" >&2; exit 2; }
[ $# -ge 1 ] || usage
binary=$(cd "$here" && realpath "$1"); shift
max_examples=100
accounts=admin,office,kjj
seed=
phases=
while [ $# -gt 0 ]; do
  case "$1" in
    --max-examples) max_examples=$2; shift 2 ;;
    --accounts) accounts=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --phases) phases=$2; shift 2 ;;
    --json-only) export SCIPLAN_FUZZ_JSON_ONLY=1; shift ;;
    *) usage ;;
  esac
done
[ -x "$binary" ] || { echo "api-fuzz: $binary is not an executable" >&2; exit 2; }
if ! python3 -c "import schemathesis" 2>/dev/null || ! command -v st >/dev/null; then
  echo "api-fuzz: schemathesis is not installed (scripts/install-ci-deps.sh installs it: pip install schemathesis)" >&2
  exit 1
fi

work=$(mktemp -d /tmp/sciplan-fuzz-XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
watchdog=

# A process that exists and is not a zombie.
alive() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && ! sed 's/.*) //' "/proc/$1/stat" | grep -q '^Z'; }

# Starts the demo server on the same file and port, logging to $1; waits for /healthz.
start_server() {
  # Started from a subshell that exits at once: the server is nobody's job,
  # so a crash is not reported by this shell (the watchdog reports it).
  (env -u DATABASE_URL -u SCIPLAN_DB SCIPLAN_PASSWORD_COST=4 SCIPLAN_SCHEDULER_SECONDS=0 SCIPLAN_TODAY=2025-05-20 \
    "$binary" serve --demo --db "$work/sciplan.sqlite" --hostname 127.0.0.1 --port "$port" >"$1" 2>&1 &
   echo $! >"$work/server.pid")
  for _ in $(seq 1 1800); do
    curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && return 0
    alive "$(cat "$work/server.pid")" || { echo "api-fuzz: the server exited at start:"; tail -n 30 "$1"; return 1; }
    sleep 0.1
  done
  echo "api-fuzz: /healthz did not answer within 180 s"; tail -n 30 "$1"; return 1
}

# While schemathesis runs: a server that died (a crash) is recorded in
# crashes.ndjson with its log and started again on the same file, so the run
# goes on and every crash is found (the sessions live in the database).
watch_server() {
  local n=1
  while [ ! -e "$work/stop" ]; do
    if ! alive "$(cat "$work/server.pid")"; then
      printf '{"detected": %s, "log": "%s"}\n' "$(date +%s.%N)" "$work/server-$n.log" >>"$work/crashes.ndjson"
      n=$((n + 1))
      start_server "$work/server-$n.log" || return 1
      printf '{"restarted": %s}\n' "$(date +%s.%N)" >>"$work/crashes.ndjson"
    fi
    sleep 0.2
  done
}

stop_server() {
  [ -d "$work" ] || return 0
  touch "$work/stop"
  if [ -n "$watchdog" ]; then wait "$watchdog" 2>/dev/null || true; watchdog=; fi
  local p
  p=$(cat "$work/server.pid" 2>/dev/null || true)
  if alive "$p"; then
    kill "$p" 2>/dev/null || true
    for _ in $(seq 1 100); do alive "$p" || break; sleep 0.2; done
  fi
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_server "$work/server-1.log" || exit 1
echo "api-fuzz: $binary serve --demo on $base, SQLite $work/sciplan.sqlite; schemathesis $(st --version | awk '{print $NF}'), --max-examples $max_examples, phases ${phases:-all}"

IFS=, read -r -a names <<<"$accounts"
for name in "${names[@]}"; do
  python3 scripts/api_fuzz_hooks.py login "$base" "$name" Demo@2026 >"$work/session-$name.json"
done
# The ids are read as the admin (who sees every plan), the reporters' tasks as each account.
python3 scripts/api_fuzz_hooks.py login "$base" admin Demo@2026 >"$work/reader.json"
sessions=("$work/reader.json")
for name in "${names[@]}"; do sessions+=("$work/session-$name.json"); done
python3 scripts/api_fuzz_hooks.py ids "$base" "$work/ids.json" "${sessions[@]}"
: >"$work/crashes.ndjson"
watch_server &
watchdog=$!

started=$SECONDS
passed=0
failed=0
logs=()
# The seeded corpus first: bodies that once stopped the server (Fuzz/multipart-corpus).
echo "== api-fuzz seeded multipart corpus"
if python3 scripts/api_fuzz_hooks.py corpus "$base" "$root/Fuzz/multipart-corpus" "$work/reader.json" && alive "$(cat "$work/server.pid")"; then
  passed=$((passed + 1))
else
  echo "api-fuzz: the seeded corpus got a 5xx or stopped the server"
  failed=$((failed + 1))
fi
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
  (cd "$work" && SCHEMATHESIS_HOOKS="$root/scripts/api_fuzz_hooks.py" SCIPLAN_FUZZ_LOG="$log" SCIPLAN_FUZZ_IDS="$work/ids.json" \
    st run "$base/openapi.json" "${headers[@]}" \
      --checks not_a_server_error --exclude-path /api/logout \
      --max-examples "$max_examples" ${seed:+--seed "$seed"} ${phases:+--phases "$phases"} \
      --generation-with-security-parameters false --request-timeout 60 --no-shrink \
      --no-color --report junit --report-dir "$work/report-$name") >"$work/st-$name.txt" 2>&1
  status=$?
  set -e
  tail -n 25 "$work/st-$name.txt"
  if ! alive "$watchdog"; then
    echo "api-fuzz: the server could not be started again after a crash"
    failed=$((failed + 1))
    break
  fi
  # st exits non-zero on a failed check (a 5xx) or an error (e.g. a network
  # error when the server crashed); the hooks' log and crashes.ndjson say which.
  if [ "$status" -ne 0 ]; then
    echo "api-fuzz: st run as $name exited with $status (see $work/st-$name.txt)"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
done
stop_server

echo "== api-fuzz summary ($((SECONDS - started)) s)"
set +e
python3 scripts/api_fuzz_hooks.py summary "$work/crashes.ndjson" "${logs[@]}" | tee "$work/summary.txt"
set -e
bad=$(sed -n 's/^api-fuzz: \([0-9][0-9]*\) 5xx.*/\1/p' "$work/summary.txt" | tail -n 1)
crashes=$(sed -n 's/.* \([0-9][0-9]*\) crashes.*/\1/p' "$work/summary.txt" | tail -n 1)
echo "api-fuzz: $passed passed, $failed failed"
if [ "$failed" -eq 0 ] && [ "${bad:-1}" -eq 0 ] && [ "${crashes:-1}" -eq 0 ]; then
  rm -rf "$work"
  exit 0
fi
echo "api-fuzz: files kept in $work (st-*.txt: schemathesis output with curl reproductions; fuzz-*.ndjson: every answer)"
exit 1
