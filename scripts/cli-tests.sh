#!/usr/bin/env bash
# Runs the real binary the way a user does: good files give JSON, bad files a
# clear message on stderr and a non-zero exit, and nothing crashes.
set -uo pipefail
bin=${1:-.build/debug/sciplan}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() { # NAME EXPECTED_EXIT PATTERN CMD...
  local name=$1 want=$2 pattern=$3
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ] && { [ -z "$pattern" ] || grep -q -- "$pattern" "$tmp/out" "$tmp/err"; }; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: exit $got (wanted $want), pattern '$pattern'"
    head -c 600 "$tmp/err"
  fi
}

check "parse to stdout" 0 '"title": "十堰市2020年科技创新工作要点"' "$bin" parse Seeds/plans/004_6125b7404946aca6.txt --out -
check "parse to dir" 0 "" "$bin" parse Seeds/plans/000_e68a988da11eda11.txt Seeds/plans/001_4fc9fcb1d5f6ac30.txt --out "$tmp/json"
[ -f "$tmp/json/000_e68a988da11eda11.json" ] && [ -f "$tmp/json/001_4fc9fcb1d5f6ac30.json" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL parse to dir: files missing"; }

iconv -f UTF-8 -t GB18030 Seeds/plans/004_6125b7404946aca6.txt > "$tmp/gb.txt"
check "GB18030 text" 0 '"encoding": "gb18030"' "$bin" parse "$tmp/gb.txt" --out -

: > "$tmp/empty.txt"
check "empty file" 1 "空" "$bin" parse "$tmp/empty.txt" --out -
printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n' > "$tmp/plan.pdf"
check "pdf" 1 "PDF" "$bin" parse "$tmp/plan.pdf" --out -
printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00' > "$tmp/plan.doc"
check "doc" 1 ".docx" "$bin" parse "$tmp/plan.doc" --out -
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' > "$tmp/scan.png"
check "image" 1 "图片" "$bin" parse "$tmp/scan.png" --out -
printf 'PK\x03\x04\x14\x00\x00\x00garbage' > "$tmp/broken.docx"
check "truncated docx" 1 "损坏" "$bin" parse "$tmp/broken.docx" --out -
head -c 4096 /dev/urandom > "$tmp/random.bin"
check "random bytes" 1 "sciplan parse" "$bin" parse "$tmp/random.bin" --out -
check "missing file" 1 "不存在" "$bin" parse "$tmp/nope.txt" --out -
check "one good one bad" 1 "不存在" "$bin" parse Seeds/plans/004_6125b7404946aca6.txt "$tmp/nope.txt" --out "$tmp/mixed"
[ -f "$tmp/mixed/004_6125b7404946aca6.json" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL one good one bad: the good file was not written"; }

# Task breakdown tables: export each seed plan, check the workbook as a
# spreadsheet program reads it (openpyxl, when installed), read it back, and
# export again: the same table must give the same bytes.
if python3 -c "import openpyxl" 2>/dev/null; then openpyxl=1; else openpyxl=0; echo "(openpyxl not installed: check-xlsx.py skipped)"; fi
for plan in Seeds/plans/*.txt; do
  name=$(basename "$plan" .txt)
  check "breakdown $name" 0 "" "$bin" breakdown "$plan" --out "$tmp/$name.xlsx"
  [ "$openpyxl" = 1 ] && check "check-xlsx $name" 0 "^ok$" python3 scripts/check-xlsx.py "$tmp/$name.xlsx"
  check "breakdown --from $name --json" 0 '"is_task": true' "$bin" breakdown --from "$tmp/$name.xlsx" --json
  check "breakdown --from $name --out" 0 "" "$bin" breakdown --from "$tmp/$name.xlsx" --out "$tmp/$name.again.xlsx"
  check "re-export $name is identical" 0 "" cmp "$tmp/$name.xlsx" "$tmp/$name.again.xlsx"
done
check "breakdown of a .docx given as .xlsx" 1 "Word" "$bin" breakdown --from Tests/Fixtures/lo-plan.docx --json
check "breakdown of a truncated .xlsx" 1 "损坏" "$bin" breakdown --from "$tmp/broken.docx" --json

# The province generator and the supervision benchmark, at a small size: the
# figures are printed, nothing errs.
check "generate a small province" 0 "项任务" "$bin" generate --db "$tmp/province.sqlite" --tasks 300 --counties 3
check "bench-supervision on it" 0 ", 0 errors," "$bin" bench-supervision --db "$tmp/province.sqlite" --dashboards 5 --seconds 2 --concurrency 2 --port 0
check "generate refuses a bad port setting" 2 "SCIPLAN_PORT" env SCIPLAN_PORT=abc "$bin" generate --db "$tmp/x.sqlite"

# Backup and restore on real files: an online copy checked with
# integrity_check, never over an existing file; a restore that refuses a
# damaged or foreign file and an existing database without --force, and
# keeps the database it replaces.
db="$tmp/province.sqlite"
check "backup" 0 "完整性检查：ok" "$bin" backup --db "$db" --out "$tmp/backup.sqlite"
check "backup lists row counts" 0 "progress_reports" "$bin" backup --db "$db" --out "$tmp/backup2.sqlite"
cp "$tmp/backup.sqlite" "$tmp/backup.copy"
check "backup refuses to overwrite" 1 "已存在，不会覆盖" "$bin" backup --db "$db" --out "$tmp/backup.sqlite"
check "the existing backup is untouched" 0 "" cmp "$tmp/backup.sqlite" "$tmp/backup.copy"
check "backup of a missing database" 1 "不存在" "$bin" backup --db "$tmp/nope.sqlite" --out "$tmp/nope-backup.sqlite"
check "backup of a non-sciplan file" 1 "不是 SQLite 数据库" "$bin" backup --db "$tmp/random.bin" --out "$tmp/random-backup.sqlite"
check "backup of an in-memory database" 1 "内存" env SCIPLAN_DB=:memory: "$bin" backup --out "$tmp/mem.sqlite"
check "restore to a new file" 0 "完整性检查：ok" "$bin" restore --from "$tmp/backup.sqlite" --db "$tmp/restored.sqlite"
check "restore needs --force over a database" 1 "加 --force" "$bin" restore --from "$tmp/backup.sqlite" --db "$tmp/restored.sqlite"
check "restore --force keeps the old file" 0 "before-restore-" "$bin" restore --from "$tmp/backup.sqlite" --db "$tmp/restored.sqlite" --force
ls "$tmp"/restored.sqlite.before-restore-* >/dev/null 2>&1 && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL restore --force: no before-restore file"; }
cp "$tmp/restored.sqlite" "$tmp/restored.copy"
check "restore refuses random bytes" 1 "不是 SQLite 数据库或已损坏" "$bin" restore --from "$tmp/random.bin" --db "$tmp/restored.sqlite" --force
check "restore refuses a missing backup" 1 "不存在" "$bin" restore --from "$tmp/nope.sqlite" --db "$tmp/restored.sqlite" --force
check "the database is untouched" 0 "" cmp "$tmp/restored.sqlite" "$tmp/restored.copy"
check "the restored database serves" 0 ", 0 errors," "$bin" bench-supervision --db "$tmp/restored.sqlite" --dashboards 2 --seconds 1 --concurrency 2 --port 0

# The first admin of a new installation; the password never on the command line.
check "create-admin" 0 "已新建系统管理员账号 chief" env SCIPLAN_ADMIN_PASSWORD='Hx8#vk3!Tm' "$bin" create-admin --db "$tmp/fresh.sqlite" --username chief
check "create-admin reads the password from stdin" 0 "已新建系统管理员账号 deputy" sh -c "echo 'Rq5%wn7&Zp' | '$bin' create-admin --db '$tmp/fresh.sqlite' --username deputy"
check "create-admin refuses a weak password" 1 "至少" env SCIPLAN_ADMIN_PASSWORD=short "$bin" create-admin --db "$tmp/fresh.sqlite" --username third
check "create-admin refuses a taken name" 1 "已被使用" env SCIPLAN_ADMIN_PASSWORD='Hx8#vk3!Tm' "$bin" create-admin --db "$tmp/fresh.sqlite" --username chief
# The last admin locked out by someone else's wrong passwords gets in again
# from the server's command line (issue 15, finding 6).
python3 - "$tmp/fresh.sqlite" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE accounts SET failed_logins = 3, locked_until = ? WHERE username = 'chief'", (time.time() + 900,))
db.commit()
PY
check "unlock-account" 0 "已解锁账号 chief" "$bin" unlock-account --db "$tmp/fresh.sqlite" --username chief
python3 - "$tmp/fresh.sqlite" <<'PY' && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL unlock-account: still locked or not audited"; }
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
failed, until = db.execute("SELECT failed_logins, locked_until FROM accounts WHERE username = 'chief'").fetchone()
audited = db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'account.unlock' AND after LIKE '%unlock-account%'").fetchone()[0]
sys.exit(0 if failed == 0 and until is None and audited == 1 else f"failed {failed}, locked_until {until}, audited {audited}")
PY
check "unlock-account refuses an unknown name" 1 "没有用户名" "$bin" unlock-account --db "$tmp/fresh.sqlite" --username nobody
# The audit trail's chain finds a line changed or removed in the file by
# someone who dropped the append-only triggers (issue 15, finding 10).
check "audit verify on an intact trail" 0 "审计日志校验通过" env SCIPLAN_AUDIT_KEY=cli-test-audit-key-0123 "$bin" audit verify --db "$tmp/fresh.sqlite"
python3 - "$tmp/fresh.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TRIGGER audit_log_no_update")
db.execute("DROP TRIGGER audit_log_no_delete")
first, = db.execute("SELECT id FROM audit_log ORDER BY created_at LIMIT 1").fetchone()
db.execute("UPDATE audit_log SET account_name = '别人' WHERE id = ?", (first,))
db.commit()
PY
check "audit verify finds a changed line" 1 "已被修改" env SCIPLAN_AUDIT_KEY=cli-test-audit-key-0123 "$bin" audit verify --db "$tmp/fresh.sqlite"
python3 - "$tmp/fresh.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
last, = db.execute("SELECT id FROM audit_log ORDER BY created_at DESC LIMIT 1").fetchone()
db.execute("DELETE FROM audit_log WHERE id = ?", (last,))
db.commit()
PY
check "audit verify finds a removed line" 1 "已被删除" env SCIPLAN_AUDIT_KEY=cli-test-audit-key-0123 "$bin" audit verify --db "$tmp/fresh.sqlite"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
