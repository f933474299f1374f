#!/usr/bin/env bash
# DATABASE_URL's sslmode honoured against a PostgreSQL that speaks TLS only,
# with a certificate for `localhost` signed by a CA made for the run
# (issue 15: TLS used to be off whatever the URL said):
#
#   SCIPLAN_PG_TLS=1 bash scripts/with-postgres.sh bash scripts/pg-tls-test.sh .build/debug/sciplan
#
# Connects with `sciplan audit verify` (which migrates and reads the
# database) under each setting and checks who gets in. Prints
# `pg-tls: N passed, M failed`; exits 1 on any failure.
set -uo pipefail
bin=${1:?usage: pg-tls-test.sh BINARY}
: "${DATABASE_URL:?run under scripts/with-postgres.sh with SCIPLAN_PG_TLS=1}"
: "${SCIPLAN_PG_CA:?run under scripts/with-postgres.sh with SCIPLAN_PG_TLS=1}"
passed=0
failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
localhost_url=${DATABASE_URL/@127.0.0.1:/@localhost:}

check() { # NAME WANT(0|fail) URL [PATTERN]
  local name=$1 want=$2 url=$3 pattern=${4:-}
  DATABASE_URL=$url timeout 60 "$bin" audit verify >"$out" 2>&1
  local got=$?
  local ok=0
  if [ "$want" = 0 ]; then [ "$got" -eq 0 ] && ok=1; else [ "$got" -ne 0 ] && ok=1; fi
  if [ "$ok" = 1 ] && [ -n "$pattern" ] && ! grep -q -- "$pattern" "$out"; then ok=0; fi
  if [ "$ok" = 1 ]; then
    passed=$((passed + 1)); echo "pg-tls: ok $name"
  else
    failed=$((failed + 1)); echo "pg-tls: FAIL $name (exit $got)"; sed 's/postgres:[^ ]*/postgres:…/g' "$out" | tail -n 5
  fi
}

check "verify-full with the CA that signed the certificate, host localhost" 0 "$localhost_url?sslmode=verify-full&sslrootcert=$SCIPLAN_PG_CA" "审计日志"
check "no sslmode: plain TCP, which the server refuses" fail "$DATABASE_URL" "no encryption"
check "sslmode=disable: refused the same way" fail "$localhost_url?sslmode=disable" "no encryption"
check "verify-full with another CA: the certificate is not trusted" fail "$localhost_url?sslmode=verify-full&sslrootcert=$SCIPLAN_PG_OTHER_CA" "CERTIFICATE_VERIFY_FAILED"
check "verify-full by IP: the certificate names localhost only" fail "$DATABASE_URL?sslmode=verify-full&sslrootcert=$SCIPLAN_PG_CA" "failedToValidateHostname"
check "verify-ca by IP: the chain is checked, not the name" 0 "$DATABASE_URL?sslmode=verify-ca&sslrootcert=$SCIPLAN_PG_CA" "审计日志"
check "require without a CA file: encrypted, certificate not checked" 0 "$DATABASE_URL?sslmode=require" "审计日志"
check "a wrong sslmode stops start-up with a message" fail "$DATABASE_URL?sslmode=sometimes" "sslmode"
echo "pg-tls: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
