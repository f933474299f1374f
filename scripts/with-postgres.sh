#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15:
#
#   scripts/with-postgres.sh CMD ARGS...
#
# initdb in a fresh temporary directory (as the postgres user when run as root),
# a server on 127.0.0.1 and a free port, a role and database `sciplan` with a
# random password; exports DATABASE_URL and SCIPLAN_TEST_DATABASE_URL
# (postgres://sciplan:PASSWORD@127.0.0.1:PORT/sciplan), runs the command, then
# stops the server and removes the directory, whatever happened. Exits with the
# command's exit code.
#
# With SCIPLAN_PG_TLS=1 the server speaks TLS only (hostssl; plain TCP is
# refused) with a certificate for `localhost` signed by a CA made here
# (openssl); SCIPLAN_PG_CA is that CA's file and SCIPLAN_PG_OTHER_CA another
# CA's, which did not sign it (scripts/pg-tls-test.sh).
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD ARGS..." >&2
  exit 2
fi

pgbin=${PG_BIN:-}
if [ -z "$pgbin" ]; then
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ]; then pgbin=$d; break; fi
  done
fi
if [ -z "$pgbin" ] && command -v initdb >/dev/null; then pgbin=$(dirname "$(command -v initdb)"); fi
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BIN)" >&2
  exit 1
fi

# As root the cluster belongs to postgres (PostgreSQL refuses to run as root).
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "with-postgres: running as root but there is no postgres user" >&2; exit 1; }
  if command -v runuser >/dev/null; then as_pg() { runuser -u postgres -- "$@"; }
  else as_pg() { su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; }
  fi
  owner=postgres
else
  as_pg() { "$@"; }
  owner=$(id -un)
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/sciplan-pg.XXXXXX")
chmod 755 "$dir"
chown "$owner" "$dir"
data=$dir/data
log=$dir/server.log
started=0

cleanup() {
  local rc=$?
  if [ "$started" = 1 ]; then
    as_pg "$pgbin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
# The superuser gets a password too, from a file only its owner reads.
printf '%s\n' "$password" >"$dir/pw"
chown "$owner" "$dir/pw"
chmod 600 "$dir/pw"

if ! as_pg "$pgbin/initdb" -D "$data" -U postgres -A scram-sha-256 --pwfile="$dir/pw" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
  # Older images lack the C.UTF-8 locale: fall back to C.
  rm -rf "$data"
  if ! as_pg "$pgbin/initdb" -D "$data" -U postgres -A scram-sha-256 --pwfile="$dir/pw" -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    echo "with-postgres: initdb failed" >&2
    exit 1
  fi
fi

tls_options=
if [ "${SCIPLAN_PG_TLS:-}" = 1 ]; then
  command -v openssl >/dev/null || { echo "with-postgres: openssl is needed for SCIPLAN_PG_TLS=1" >&2; exit 1; }
  (
    cd "$dir"
    for ca in ca other-ca; do
      openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=sciplan test $ca" -keyout "$ca.key" -out "$ca.pem" 2>/dev/null
    done
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
    printf 'subjectAltName=DNS:localhost\n' >san.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext -out server.crt 2>/dev/null
  )
  chown "$owner" "$dir/server.key" "$dir/server.crt"
  chmod 600 "$dir/server.key"
  # TCP only with TLS: a client that will not speak TLS is refused.
  printf 'local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\nhostnossl all all 127.0.0.1/32 reject\n' >"$data/pg_hba.conf"
  chown "$owner" "$data/pg_hba.conf"
  tls_options="-c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key"
  export SCIPLAN_PG_CA=$dir/ca.pem SCIPLAN_PG_OTHER_CA=$dir/other-ca.pem
fi

if ! as_pg "$pgbin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off $tls_options" \
    start >/dev/null; then
  cat "$log" >&2 || true
  echo "with-postgres: the server did not start" >&2
  exit 1
fi
started=1

PGPASSWORD=$password "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres \
  -c "CREATE ROLE sciplan LOGIN PASSWORD '$password'" \
  -c "CREATE DATABASE sciplan OWNER sciplan" >/dev/null

export DATABASE_URL="postgres://sciplan:$password@127.0.0.1:$port/sciplan"
export SCIPLAN_TEST_DATABASE_URL=$DATABASE_URL
echo "with-postgres: PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, database sciplan" >&2

set +e
"$@"
rc=$?
set -e
exit "$rc"
