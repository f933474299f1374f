#!/usr/bin/env python3
"""Drops the server's PostgreSQL connection in the middle of a report
submission and checks that the report is refused whole or saved whole,
never half saved, and that the server goes on serving.

    scripts/with-postgres.sh python3 scripts/pg-drop-test.py .build/debug/sciplan              # 20 rounds
    scripts/with-postgres.sh python3 scripts/pg-drop-test.py .build/debug/sciplan --rounds 7 \\
        --answer-timeout 15 --stop-after-failure                                               # scripts/test.sh

Starts `sciplan serve --demo` on DATABASE_URL (business date --today), logs
in the demo reporter 市科技局 (kjj) and the 随州 plan office, and takes the
reporter's open tasks that have numeric targets. A submission writes, in one
transaction on one connection, the report (progress_reports), its values
(report_values), the task's timeline (task_events) and, last, the audit trail
(audit_log) (ReportDesk.write; on PostgreSQL ReportWriter gives each
submission its own transaction and does not retry). Each round one
submission (POST /api/reports, submit true, a unique narrative, unique
values) is cut off at one point of that transaction; the variants, in turn:

  lock-audit    a psql session holds `LOCK TABLE audit_log IN ACCESS EXCLUSIVE
                MODE`; once pg_stat_activity shows the app's backend waiting on
                that lock (report, values and timeline written),
                pg_terminate_backend kills it, then the lock is released;
  lock-events   the same with task_events (report and values written);
  lock-values   the same with report_values (report inserted or updated);
  lock-reports  the same with progress_reports (the transaction's first statement);
  idle-commit   as lock-audit, but once the backend waits the server process is
                stopped (SIGSTOP) and the lock released: the audit insert
                finishes and the backend sits `idle in transaction` with every
                row written, waiting for a COMMIT; it is terminated there and
                the server continued (SIGCONT);
  idle-middle   the same with task_events: terminated idle in transaction
                between the timeline insert and the audit insert;
  bystander     while the submission waits on the audit_log lock, another,
                idle connection of the app's pool is terminated, then the lock
                released: the submission must be saved whole and the pool must
                not hand out the dead connection.

Every wait is on a condition in pg_stat_activity with a time limit, never a
fixed sleep. Then the database is read with psql:
  - refused whole: the answer is an error with `{"error":true,"reason":…}` and
    a Chinese reason, the task's progress_reports row and its report_values
    are exactly as before the round, its task_events are unchanged and no
    audit_log row carries the round's narrative;
  - saved whole: the answer is 2xx, the row is submitted with the round's
    narrative, its values are exactly the round's, one more `submitted` task
    event and nothing else, one `report.submit` audit row with the narrative;
  - half-saved: anything in between, or a 2xx answer with nothing written;
  - unanswered: no HTTP answer within --answer-timeout seconds.
After each round /healthz is asked four times (the requests land on each of
the server's event loops, each with its own connection pool) and a normal
submission of the same task must be saved whole; the office then returns it
for the next round. A round after which the server does not serve (or died)
fails, and the server is restarted so that the next round starts clean.

Prints one line per round, `pg-drop: N rounds, E refused whole, S saved whole,
H half-saved, U unanswered` and `pg-drop: P passed, F failed`; exits 1 if any
round failed: a half-saved report, an unanswered submission, an error answer
without a JSON Chinese reason, a submission that never blocked, a server
that stopped serving or died.
"""
import argparse
import http.client
import http.cookiejar
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

PASSWORD = "Demo@2026"
ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "pg-drop-test"   # our psql sessions, told apart from the app's
VARIANTS = ["lock-audit", "lock-events", "lock-values", "lock-reports", "idle-commit", "idle-middle", "bystander"]
TABLE = {"lock-audit": "audit_log", "lock-events": "task_events", "lock-values": "report_values",
         "lock-reports": "progress_reports", "idle-commit": "audit_log", "idle-middle": "task_events",
         "bystander": "audit_log"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def q(text):
    """A SQL string literal (our own UUIDs and marks only)."""
    return "'" + str(text).replace("'", "''") + "'"


def psql(sql):
    """Rows of a query run in its own psql session, fields split."""
    out = subprocess.run(["psql", os.environ["DATABASE_URL"], "-X", "-q", "-At", "-F", "\x1f", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         capture_output=True, text=True, env=dict(os.environ, PGAPPNAME=APP_NAME), timeout=60)
    if out.returncode != 0:
        raise RuntimeError(f"psql failed on {sql[:120]!r}: {out.stderr.strip()}")
    return [line.split("\x1f") for line in out.stdout.splitlines() if line]


class Locker:
    """A psql session holding an ACCESS EXCLUSIVE lock on one table in an open transaction."""

    def __init__(self, table):
        self.proc = subprocess.Popen(["psql", os.environ["DATABASE_URL"], "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env=dict(os.environ, PGAPPNAME=APP_NAME))
        self.proc.stdin.write(f"BEGIN;\nLOCK TABLE {table} IN ACCESS EXCLUSIVE MODE;\nSELECT 'locked';\n")
        self.proc.stdin.flush()
        if self.proc.stdout.readline().strip() != "locked":
            raise RuntimeError(f"could not lock {table}: {self.proc.stderr.read()[:300]}")

    def release(self):
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write("ROLLBACK;\n")
                self.proc.stdin.close()
            except OSError:
                pass
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Session:
    """One logged-in account, its own cookie jar."""

    def __init__(self, base, username):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        status, body = self.call("POST", "/api/login", {"username": username, "password": PASSWORD})
        if status != 200:
            raise RuntimeError(f"login {username}: {status} {body[:200]!r}")

    def call(self, method, path, body=None, timeout=60):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data else {})
        try:
            with self.opener.open(req, timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()


def wait_for(probe, alive, timeout=20):
    """Polls probe() until it returns something truthy; None if the time runs out or alive() turns false."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = probe()
        if found:
            return found
        if not alive():
            return None
        time.sleep(0.02)
    return None


def app_backends(condition):
    """The app's connections (not ours) that meet the condition: pid, state, wait event type, query."""
    return psql(f"""SELECT pid, state, coalesce(wait_event_type, ''), left(regexp_replace(query, '\\s+', ' ', 'g'), 400)
                    FROM pg_stat_activity
                    WHERE datname = current_database() AND backend_type = 'client backend'
                      AND application_name <> {q(APP_NAME)} AND pid <> pg_backend_pid() AND {condition}""")


def statement(query):
    """The statement's verb and table: `INSERT INTO "audit_log"`."""
    m = re.match(r'(INSERT INTO \S+|DELETE FROM \S+|UPDATE \S+|SELECT .*? FROM \S+|\w+)', query)
    text = m[1] if m else query[:40]
    return re.sub(r"^SELECT .* FROM", "SELECT … FROM", text)


def snapshot(unit, task):
    """What the database holds for one task's report now."""
    key = f"node_id = {q(task['nodeID'])} AND unit_id = {q(unit)} AND period = {q(task['period'])}"
    rows = psql(f"SELECT id, state, narrative, coalesce(percent::text, ''), coalesce(last_submitted_at::text, '') "
                f"FROM progress_reports WHERE {key}")
    report = tuple(rows[0]) if rows else None
    values = {}
    if report:
        values = {t.lower(): float(v) for t, v in psql(f"SELECT target_id, value FROM report_values WHERE report_id = {q(report[0])}")}
    events = {k: int(n) for k, n in psql(f"SELECT kind, count(*) FROM task_events WHERE {key} GROUP BY kind")}
    return {"report": report, "values": values, "events": events}


def audit_rows(mark):
    return psql(f"SELECT action, entity_id FROM audit_log WHERE entity = 'progress_report' AND after LIKE {q('%' + mark + '%')}")


def judge(before, after, audits, narrative, values):
    """('untouched' | 'whole' | 'half', which of the four traces are there)."""
    report = after["report"]
    traces = {
        "progress_reports": bool(report) and report[1] == "submitted" and report[2] == narrative,
        "report_values": bool(report) and after["values"] == {k.lower(): v for k, v in values.items()},
        "task_events": after["events"].get("submitted", 0) == before["events"].get("submitted", 0) + 1,
        "audit_log": len(audits) == 1 and audits[0][0] == "report.submit" and bool(report)
        and audits[0][1].lower() == report[0].lower(),
    }
    if after["report"] == before["report"] and after["values"] == before["values"] \
            and after["events"] == before["events"] and not audits:
        return "untouched", traces
    if all(traces.values()) and sum(after["events"].values()) == sum(before["events"].values()) + 1:
        return "whole", traces
    return "half", traces


class Server:
    def __init__(self, binary, today, log_path):
        self.binary, self.today, self.log_path = binary, today, log_path
        self.proc = None
        self.port = None
        self.stopped = False   # SIGSTOP sent, no SIGCONT yet

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.port = free_port()
        # No background writers (scheduler, audit sealing): a round finds the
        # backend that waits on a lock by what it waits on.
        env = dict(os.environ, SCIPLAN_PASSWORD_COST="4", SCIPLAN_TODAY=self.today, SCIPLAN_SCHEDULER_SECONDS="0",
                   SCIPLAN_AUDIT_SEAL_SECONDS="0")
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen([self.binary, "serve", "--demo", "--port", str(self.port)], stdout=log,
                                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=ROOT,
                                         start_new_session=True)
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self.proc.returncode}:\n{self.tail()}")
            if self.health()[0] == 200:
                return
            time.sleep(0.2)
        raise RuntimeError(f"/healthz did not answer within 180 s:\n{self.tail()}")

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def health(self):
        """(status or None, seconds) of one GET /healthz."""
        started = time.time()
        try:
            with urllib.request.urlopen(self.base + "/healthz", timeout=30) as r:
                return r.status, time.time() - started
        except urllib.error.HTTPError as e:
            return e.code, time.time() - started
        except OSError:
            return None, time.time() - started

    def pause(self):
        self.proc.send_signal(signal.SIGSTOP)
        self.stopped = True

    def resume(self):
        if self.stopped and self.alive():
            self.proc.send_signal(signal.SIGCONT)
        self.stopped = False

    def stop(self):
        if self.alive():
            self.resume()
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def tail(self, n=30):
        return "\n".join(Path(self.log_path).read_text(errors="replace").splitlines()[-n:])


def open_tasks(reporter, period=None):
    # With a period, that period's sheet: without one the sheet of a finished
    # year opens on its latest owed period, which moves as work is handed in.
    status, body = reporter.call("GET", "/api/reports" + (f"?period={period}" if period else ""))
    if status != 200:
        raise RuntimeError(f"GET /api/reports → {status} {body[:200]!r}")
    return json.loads(body)


def make_editable(reporter, office, task):
    """Has the office return the task's report if it is handed in, so that the reporter can submit again."""
    for item in open_tasks(reporter, task["period"]):
        if item["nodeID"] == task["nodeID"] and item["period"] == task["period"]:
            report = item.get("report") or {}
            if report.get("state") == "accepted":
                raise RuntimeError(f"task {task['key']} was accepted and cannot be submitted again")
            if report.get("state") == "submitted":
                status, body = office.call("POST", f"/api/plans/{task['planID']}/reports/{report['id']}/review",
                                           {"decision": "return", "comment": "断连测试：退回以便再次报送"})
                if status != 200:
                    raise RuntimeError(f"the office could not return {task['key']}: {status} {body[:200]!r}")
            return
    raise RuntimeError(f"task {task['key']} is no longer listed for the reporter")


def submission(task, narrative, values, percent):
    return {"planID": task["planID"], "nodeID": task["nodeID"], "period": task["period"], "narrative": narrative,
            "percent": percent, "values": values, "submit": True}


def cut(server, variant, pid, locker):
    """Drops the connection the way the variant says; returns (what was done, problems)."""
    problems = []
    table = TABLE[variant]
    if variant.startswith("lock-"):
        psql(f"SELECT pg_terminate_backend({pid})")
        locker.release()
        return f"terminated backend {pid} waiting on {table}", problems
    if variant.startswith("idle-"):
        server.pause()
        try:
            locker.release()
            idle = wait_for(lambda: app_backends(f"pid = {pid} AND state = 'idle in transaction'"), server.alive)
            if not idle:
                row = app_backends(f"pid = {pid}")
                problems.append(f"backend {pid} never went idle in transaction: {row or 'gone'}, "
                                f"server process state {Path(f'/proc/{server.proc.pid}/stat').read_text().split()[2]}")
            psql(f"SELECT pg_terminate_backend({pid})")
            # The backend is gone before the server runs on.
            wait_for(lambda: not app_backends(f"pid = {pid}"), server.alive)
        finally:
            server.resume()
        after = f"after {statement(idle[0][3])}" if idle else "(it was not idle in transaction)"
        return f"stopped the server, released the lock, terminated backend {pid} idle in transaction {after}, continued the server", problems
    # bystander
    idle = app_backends(f"state = 'idle' AND pid <> {pid}")
    if idle:
        other = idle[0][0]
        psql(f"SELECT pg_terminate_backend({other})")
        wait_for(lambda: not app_backends(f"pid = {other}"), server.alive)
        what = f"terminated idle pooled backend {other} while backend {pid} waited on {table}, then released the lock"
    else:
        what = f"no idle pooled backend to terminate (backend {pid} waited on {table}); released the lock"
    locker.release()
    return what, problems


def one_round(server, reporter, office, unit, task, variant, round_, nonce, answer_timeout):
    """One submission cut off by the variant. Returns a dict describing it."""
    make_editable(reporter, office, task)
    narrative = f"断连测试进展 r{round_}-{nonce}"
    values = {t["id"]: round_ + i / 100 + 0.25 for i, t in enumerate(task["targets"])}
    before = snapshot(unit, task)
    result = {"problems": [], "blocked_at": "", "action": "", "status": None, "reason": ""}
    answer = {}

    def send():
        try:
            answer["status"], answer["body"] = reporter.call(
                "POST", "/api/reports", submission(task, narrative, values, round_ % 100), timeout=answer_timeout + 60)
        except (OSError, http.client.HTTPException) as e:
            answer["error"] = repr(e)

    locker = Locker(TABLE[variant])
    sender = threading.Thread(target=send, daemon=True)
    try:
        sender.start()
        waiting = wait_for(lambda: app_backends("wait_event_type = 'Lock'"), lambda: sender.is_alive() and server.alive())
        if not waiting:
            result["problems"].append("the submission never waited on the lock")
            result["action"] = "nothing (it never blocked)"
        else:
            pid, _, _, query = waiting[0]
            result["blocked_at"] = statement(query)
            result["action"], problems = cut(server, variant, pid, locker)
            result["problems"] += problems
    finally:
        server.resume()
        locker.release()
    sender.join(timeout=answer_timeout)
    status, body = answer.get("status"), answer.get("body", b"")
    result["status"] = status
    if sender.is_alive():
        result["answered"] = False
        result["problems"].append(f"no answer within {answer_timeout} s")
    elif status is None:
        result["answered"] = False
        result["problems"].append(f"no HTTP answer: {answer.get('error')}")
    else:
        result["answered"] = True
        if not 200 <= status < 300:
            try:
                parsed = json.loads(body)
                result["reason"] = parsed.get("reason", "") if parsed.get("error") is True else ""
            except (ValueError, AttributeError):
                pass
            if not CJK.search(result["reason"]):
                result["problems"].append(f"error answer {status} without a JSON Chinese reason: {body[:200]!r}")
    after = snapshot(unit, task)
    audits = audit_rows(narrative)
    state, traces = judge(before, after, audits, narrative, values)
    ok2xx = status is not None and 200 <= status < 300
    if state == "half" or (state == "untouched" and ok2xx):
        outcome = "half-saved"
        there = ", ".join(k for k, v in traces.items() if v) or "none of the four"
        result["problems"].append(f"HALF-SAVED (answer {status}): present {there}; before {before}; after {after}; audit {audits}")
    elif not result["answered"]:
        outcome = "unanswered"
        result["problems"].append(f"meanwhile the database shows it {'not written' if state == 'untouched' else 'written whole'}")
    elif state == "untouched":
        outcome = "refused whole"
    else:
        outcome = "saved whole"
        if not ok2xx:
            result["problems"].append(f"written whole but answered {status}")
    result["outcome"] = outcome
    return result


def still_serving(server, reporter, office, unit, task, round_, nonce):
    """/healthz four times and a normal submission of the same task; returns the problems."""
    if not server.alive():
        return [f"the server died (exit {server.proc.returncode}):\n{server.tail()}"]
    problems = []
    answers = [server.health() for _ in range(4)]
    bad = [f"{s} after {t:.0f} s" for s, t in answers if s != 200]
    if bad:
        problems.append(f"{len(bad)} of 4 GET /healthz failed: {', '.join(bad)}")
    try:
        make_editable(reporter, office, task)
        narrative = f"断连测试后正常报送 r{round_}-{nonce}"
        values = {t["id"]: round_ + i / 100 + 0.75 for i, t in enumerate(task["targets"])}
        before = snapshot(unit, task)
        started = time.time()
        status, body = reporter.call("POST", "/api/reports", submission(task, narrative, values, 50))
        state, _ = judge(before, snapshot(unit, task), audit_rows(narrative), narrative, values)
        if not 200 <= status < 300 or state != "whole":
            problems.append(f"a normal submission afterwards: {status} after {time.time() - started:.0f} s "
                            f"{body[:120].decode('utf-8', 'replace')!r}, {state}")
    except RuntimeError as e:
        problems.append(f"a normal submission afterwards could not be made: {e}")
    return problems


def error_kind(line):
    """A short name for the error of a CRITICAL log line."""
    route = re.match(r"\[ CRITICAL \] (\S+ \S+):", line)
    route = route[1] if route else "?"
    code = re.search(r"PSQLError\(code: (\w+)", line)
    if code:
        state = re.search(r"sqlState: (\w+)", line)
        return f"{route} PSQLError {code[1]}" + (f" (FATAL {state[1]})" if state else "")
    other = re.search(r": ([A-Za-z][\w.]*)", line)
    return f"{route} {other[1] if other else line[:60]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated, taken in turn (default: all)")
    parser.add_argument("--answer-timeout", type=float, default=30, help="seconds to wait for the cut-off submission's answer")
    parser.add_argument("--stop-after-failure", action="store_true", help="no more rounds after the first failed one")
    parser.add_argument("--today", default="2025-06-12", help="SCIPLAN_TODAY for the server")
    args = parser.parse_args()
    variants = args.variants.split(",")
    if set(variants) - set(VARIANTS):
        parser.error(f"--variants: choose from {', '.join(VARIANTS)}")
    if not os.environ.get("DATABASE_URL"):
        print("pg-drop: needs DATABASE_URL (run under scripts/with-postgres.sh)", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.stdout.reconfigure(line_buffering=True)
    work = tempfile.mkdtemp(prefix="sciplan-pgdrop-")
    server = Server(str(Path(args.binary).resolve()), args.today, os.path.join(work, "server.log"))
    nonce = secrets.token_hex(3)
    outcomes = {"refused whole": 0, "saved whole": 0, "half-saved": 0, "unanswered": 0}
    answers = {}
    passed = failed = restarts = 0
    started = time.time()
    try:
        server.start()
        print(f"pg-drop: server up in {time.time() - started:.1f} s")
        reporter, office = Session(server.base, "kjj"), Session(server.base, "office")
        tasks = [t for t in open_tasks(reporter) if t["open"] and t["targets"]
                 and (t.get("report") or {}).get("state") != "accepted"]
        if not tasks:
            raise RuntimeError(f"the reporter has no open task with targets on {args.today}; try another --today")
        unit = psql("SELECT unit_id FROM accounts WHERE username = 'kjj'")[0][0]
        print(f"pg-drop: {len(tasks)} open tasks with targets for 市科技局 on {args.today}; variants {', '.join(variants)}")
        for round_ in range(1, args.rounds + 1):
            variant = variants[(round_ - 1) % len(variants)]
            task = tasks[(round_ - 1) % len(tasks)]
            round_started = time.time()
            r = one_round(server, reporter, office, unit, task, variant, round_, nonce, args.answer_timeout)
            after = still_serving(server, reporter, office, unit, task, round_, nonce)
            outcomes[r["outcome"]] += 1
            key = f"{r['status']} {r['reason']}".strip() if r["answered"] else "no answer"
            answers[key] = answers.get(key, 0) + 1
            problems = r["problems"] + after
            ok = not problems
            passed, failed = passed + ok, failed + (not ok)
            shown = f"{r['status']} {r['reason']}".strip() if r["answered"] else f"none within {args.answer_timeout:.0f} s"
            print(f"pg-drop: round {round_} {variant} on {task['key']}: blocked at {r['blocked_at'] or '-'}; {r['action']}; "
                  f"answer {shown}; {r['outcome']}{'' if ok else ' — FAIL'} ({time.time() - round_started:.1f} s)")
            for problem in problems:
                print(f"pg-drop:   {problem}")
            if problems and args.stop_after_failure:
                print(f"pg-drop:   stopping after the first failed round (--stop-after-failure)")
                break
            if after:
                # The next round starts on a server that serves.
                server.stop()
                server.start()
                restarts += 1
                reporter, office = Session(server.base, "kjj"), Session(server.base, "office")
                print("pg-drop:   server restarted for the next round")
    except Exception as e:  # noqa: BLE001 — a broken run must not pass
        failed += 1
        print(f"pg-drop: FAIL {e}", file=sys.stderr)
        print(server.tail(), file=sys.stderr)
    finally:
        serving = server.alive() and server.health()[0] == 200
        server.stop()
    if not serving:
        failed += 1
        print("pg-drop: FAIL the server was not serving at the end", file=sys.stderr)
    for key, n in sorted(answers.items()):
        print(f"pg-drop: answer {key} × {n}")
    log = Path(server.log_path).read_text(errors="replace").splitlines()
    critical = [line for line in log if line.startswith("[ CRITICAL ]")]
    kinds = {}
    for line in critical:
        kind = error_kind(line)
        kinds[kind] = kinds.get(kind, 0) + 1
    if critical:
        print(f"pg-drop: server log: {len(critical)} critical lines ({'; '.join(f'{k} × {n}' for k, n in kinds.items())})")
    rounds = sum(outcomes.values())
    print(f"pg-drop: {rounds} rounds, {outcomes['refused whole']} refused whole, {outcomes['saved whole']} saved whole, "
          f"{outcomes['half-saved']} half-saved, {outcomes['unanswered']} unanswered; "
          f"{restarts} restarts after the server stopped serving ({time.time() - started:.0f} s)")
    print(f"pg-drop: {passed} passed, {failed} failed")
    if failed:
        print(f"pg-drop: server log kept in {server.log_path}")
    else:
        Path(server.log_path).unlink(missing_ok=True)
        os.rmdir(work)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
