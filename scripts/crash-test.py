#!/usr/bin/env python3
"""Kills the server with SIGKILL in the middle of report submissions, again
and again, and checks that no acknowledged write is lost.

    python3 scripts/crash-test.py .build/debug/sciplan              # 100 kills
    python3 scripts/crash-test.py .build/debug/sciplan --kills 3    # the short run in scripts/test.sh

Starts `sciplan serve --demo --db FILE` on a fresh SQLite file (the demo
imports its plans and accounts once; restarted on the same file it keeps
them). Each round, client threads log in as the demo reporters 市科技局 (kjj)
and 市科技经信局 (gskjj) and the 随州 plan office and cycle each open task of
the period: save a draft, submit it, the office returns it, and again. Every
narrative and every return reason carries a unique mark. After a random short
delay the server gets SIGKILL; a write counts as acknowledged when its
request got a 2xx answer. Then, on a copy of the database, its write-ahead
log as the kill left it:
  - `PRAGMA integrity_check` must say ok;
  - every acknowledged save and submission must be in the audit log (written
    in the same transaction as the report), every acknowledged return in the
    task's timeline, and each task's report must hold its last acknowledged
    narrative or a later one.
The server then restarts on the file (recovering the log itself) and the next
round begins; every check covers all acknowledged writes so far. At the end
the server is started once more and each report is read back through the API.

Prints `crash: K kills, N acknowledged writes, L lost, integrity ok` and
`crash: P passed, F failed` (one per kill checked); exits 1 on any loss,
integrity failure or unexpected answer.
"""
import argparse
import http.client
import http.cookiejar
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

PASSWORD = "Demo@2026"
REPORTERS = ["kjj", "gskjj"]
MARK = re.compile(r"k(\d+)-s(\d+)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, db, log_path, today):
        self.binary, self.db, self.log_path, self.today = binary, db, log_path, today
        self.proc = None
        self.port = None

    def start(self):
        self.port = free_port()
        env = dict(os.environ, SCIPLAN_PASSWORD_COST="4", SCIPLAN_TODAY=self.today, SCIPLAN_SCHEDULER_SECONDS="0")
        env.pop("DATABASE_URL", None)
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [self.binary, "serve", "--demo", "--db", self.db, "--port", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"crash: the server exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=5) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit(f"crash: /healthz did not answer within 180 s:\n{self.tail()}")

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def tail(self):
        return "\n".join(Path(self.log_path).read_text(errors="replace").splitlines()[-30:])


class Session:
    """One logged-in account, its own cookie jar."""

    def __init__(self, base, username):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        status, body = self.call("POST", "/api/login", {"username": username, "password": PASSWORD})
        if status != 200:
            raise ConnectionError(f"login {username}: {status} {body[:200]!r}")

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data else {})
        try:
            with self.opener.open(req, timeout=15) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()


class Ledger:
    """What was sent and what was acknowledged, shared by the client threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked = []           # (kind, key, seq) with kind save | submit | return
        self.sent = []            # the same, for every request sent
        self.unexpected = []      # answers no correct server gives
        self.seq = {}             # key -> last sequence number used

    def next_seq(self, key):
        with self.lock:
            self.seq[key] = self.seq.get(key, 0) + 1
            return self.seq[key]

    def send(self, kind, key, seq):
        with self.lock:
            self.sent.append((kind, key, seq))

    def ack(self, kind, key, seq):
        with self.lock:
            self.acked.append((kind, key, seq))

    def odd(self, text):
        with self.lock:
            self.unexpected.append(text)


def tasks(base):
    """The open tasks of the demo reporters this period: (reporter, planID, nodeID, period)."""
    found = []
    for reporter in REPORTERS:
        status, body = Session(base, reporter).call("GET", "/api/reports")
        if status != 200:
            raise SystemExit(f"crash: GET /api/reports as {reporter} → {status} {body[:300]!r}")
        for item in json.loads(body):
            state = (item.get("report") or {}).get("state")
            if item["open"] and state != "accepted":
                found.append((reporter, item["planID"], item["nodeID"], item["period"]))
    return found


def client(base, keys, key_tasks, ledger, ready, stop):
    """Cycles its tasks until the server dies: save, submit, return."""
    try:
        sessions = {name: Session(base, name) for name in {key_tasks[k][0] for k in keys} | {"office"}}
        # Where each task stands now: an unacknowledged write before the
        # last kill may or may not have been committed.
        # Read per period: the sheet a reporter opens on without one moves on
        # as owed work is done (a finished year opens on its latest owed period).
        state = {}
        for reporter, period in {(key_tasks[k][0], key_tasks[k][3]) for k in keys}:
            status, body = sessions[reporter].call("GET", f"/api/reports?period={period}")
            if status != 200:
                ledger.odd(f"GET /api/reports?period={period} → {status}")
                return
            reports = {(i["nodeID"], i["period"]): i.get("report") for i in json.loads(body)}
            for key in keys:
                r, _, node, p = key_tasks[key]
                if (r, p) == (reporter, period):
                    report = reports.get((node, p))
                    state[key] = (report["state"], report["id"]) if report else (None, None)
        ready.release()
        while not stop.is_set():
            for key in keys:
                reporter, plan, node, period = key_tasks[key]
                for kind in (["return"] if state[key][0] == "submitted" else ["save", "submit"]):
                    seq = ledger.next_seq(key)
                    ledger.send(kind, key, seq)
                    if kind == "return":
                        status, body = sessions["office"].call(
                            "POST", f"/api/plans/{plan}/reports/{state[key][1]}/review",
                            {"decision": "return", "comment": f"崩溃测试退回 k{key}-s{seq}"})
                    else:
                        status, body = sessions[reporter].call("POST", "/api/reports", {
                            "planID": plan, "nodeID": node, "period": period, "percent": seq % 100,
                            "narrative": f"崩溃测试进展 k{key}-s{seq}", "submit": kind == "submit"})
                    if not 200 <= status < 300:
                        ledger.odd(f"{kind} k{key}-s{seq} → {status} {body[:200]!r}")
                        return
                    ledger.ack(kind, key, seq)
                    answer = json.loads(body)
                    state[key] = (answer["state"], answer["id"])
    except (OSError, ConnectionError, http.client.HTTPException):
        return  # the server was killed
    except Exception as e:  # a bug here must not pass for a clean run
        ledger.odd(f"client error: {e!r}")


def check(db, ledger, scratch):
    """Checks a copy of the killed server's files; returns (lost, integrity, writes found)."""
    for suffix in ("", "-wal"):
        target = Path(scratch) / ("copy.sqlite" + suffix)
        target.unlink(missing_ok=True)
        if os.path.exists(db + suffix):
            shutil.copyfile(db + suffix, target)
    conn = sqlite3.connect(Path(scratch) / "copy.sqlite")
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        written = set()
        for action, after in conn.execute("SELECT action, after FROM audit_log WHERE entity = 'progress_report'"):
            m = MARK.search(json.loads(after or "{}").get("narrative", ""))
            if m and action in ("report.save", "report.submit"):
                written.add((action.split(".")[1], int(m[1]), int(m[2])))
        for (detail,) in conn.execute("SELECT detail FROM task_events WHERE kind = 'returned'"):
            m = MARK.search(detail)
            if m:
                written.add(("return", int(m[1]), int(m[2])))
        current = {}
        for (narrative,) in conn.execute("SELECT narrative FROM progress_reports"):
            m = MARK.search(narrative)
            if m:
                current[int(m[1])] = int(m[2])
    finally:
        conn.close()
    lost = [a for a in ledger.acked if a not in written]
    last = {}
    for kind, key, seq in ledger.acked:
        if kind != "return":
            last[key] = max(last.get(key, 0), seq)
    lost += [("report", key, seq) for key, seq in last.items() if current.get(key, 0) < seq]
    return lost, integrity, written


def read_back(base, key_tasks, ledger):
    """After the last restart: each report through the API holds its last acknowledged narrative or a later one."""
    last = {}
    for kind, key, seq in ledger.acked:
        if kind != "return":
            last[key] = max(last.get(key, 0), seq)
    seen = {}
    for reporter, period in sorted({(t[0], t[3]) for t in key_tasks.values()}):
        status, body = Session(base, reporter).call("GET", f"/api/reports?period={period}")
        for item in json.loads(body) if status == 200 else []:
            m = MARK.search((item.get("report") or {}).get("narrative", ""))
            if m:
                seen[int(m[1])] = int(m[2])
    return [(key, seq) for key, seq in last.items() if seen.get(key, 0) < seq]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--max-delay", type=float, default=1.0, help="longest wait before a kill, seconds")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--today", default="2025-06-12", help="SCIPLAN_TODAY for the server")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.stdout.reconfigure(line_buffering=True)
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="sciplan-crash-")
    db = os.path.join(work, "sciplan.sqlite")
    server = Server(str(Path(args.binary).resolve()), db, os.path.join(work, "server.log"), args.today)
    ledger = Ledger()
    passed, failed, lost = 0, 0, []
    integrity_ok = True
    written = set()
    started = time.time()
    try:
        server.start()
        key_tasks = dict(enumerate(tasks(server.base)))
        if len(key_tasks) < args.clients:
            raise SystemExit(f"crash: only {len(key_tasks)} open tasks on {args.today}; try another --today")
        shares = [list(key_tasks)[i::args.clients] for i in range(args.clients)]
        for round_ in range(1, args.kills + 1):
            if round_ > 1:
                server.start()
            stop = threading.Event()
            ready = threading.Semaphore(0)
            threads = [threading.Thread(target=client, args=(server.base, share, key_tasks, ledger, ready, stop), daemon=True)
                       for share in shares]
            before = len(ledger.acked)
            for t in threads:
                t.start()
            # The delay counts from when every client is logged in and writing.
            for _ in threads:
                ready.acquire(timeout=30)
            time.sleep(rng.uniform(0.05, args.max_delay))
            server.kill()
            stop.set()
            for t in threads:
                t.join(timeout=30)
            missing, integrity, written = check(db, ledger, work)
            ok = not missing and integrity == ["ok"]
            integrity_ok &= integrity == ["ok"]
            passed, failed = passed + ok, failed + (not ok)
            lost = missing
            if not ok or round_ % 10 == 0 or round_ == args.kills:
                print(f"crash: kill {round_}: {len(ledger.acked) - before} writes acknowledged this round, "
                      f"{len(ledger.acked)} in all, {len(missing)} lost, integrity {' '.join(integrity[:3])}")
        server.start()
        unread = read_back(server.base, key_tasks, ledger)
        server.stop()
        if unread:
            failed += 1
            print(f"crash: after the last restart {len(unread)} reports lack their acknowledged narrative: {unread[:5]}")
        else:
            passed += 1
    finally:
        server.stop()
    for odd in ledger.unexpected[:10]:
        print(f"crash: unexpected answer: {odd}")
    counts = {k: sum(1 for a in ledger.acked if a[0] == k) for k in ("save", "submit", "return")}
    # Requests the kill cut off: sent, never answered; some were committed
    # first (the answer was lost), which shows the kills land mid-write.
    cut = set(ledger.sent) - set(ledger.acked)
    print(f"crash: {len(cut)} writes cut off by a kill, {len(cut & written)} of them committed before it")
    print(f"crash: {args.kills} kills, {len(ledger.acked)} acknowledged writes "
          f"({counts['save']} drafts, {counts['submit']} submissions, {counts['return']} returns), "
          f"{len(lost)} lost, integrity {'ok' if integrity_ok else 'FAILED'} "
          f"({len(key_tasks)} tasks, {args.clients} clients, {time.time() - started:.0f} s)")
    if lost:
        print(f"crash: lost {lost[:10]}")
    print(f"crash: {passed} passed, {failed} failed")
    bad = failed or lost or not integrity_ok or ledger.unexpected
    if not bad:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"crash: files kept in {work}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
