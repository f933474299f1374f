#!/usr/bin/env python3
"""Two servers on one PostgreSQL send each reminder exactly once.

    scripts/with-postgres.sh python3 scripts/escalation-two-instances.py .build/debug/sciplan

Starts a webhook receiver (a stand-in for a WeCom / DingTalk group robot) on
127.0.0.1, then two `sciplan serve --demo` instances on the same DATABASE_URL
with the business date fixed to a day that has reports due and missing
(SCIPLAN_TODAY, default 2025-03-24: March reminded, February chased), their schedulers running every second
and the robot URL configured. While the schedulers tick, the office also
triggers `POST /api/escalations/run` on both instances at once, several times.
When no message is left pending in the outbox, it checks:
  - every message the robot received has a distinct key (X-Sciplan-Key), and
    no content arrived twice;
  - the robot received exactly as many messages as the outbox marked sent;
  - the escalations table has no duplicate key and its reminders, chases
    and notices are all there once;
  - both instances did part of the work or lost the race cleanly (no 5xx):
    a manual run while another is in progress is refused with 409.
Prints `twoinstances: ok CHECK` lines, the figures, and
`twoinstances: N passed, M failed`.
"""
import http.cookiejar
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PASSWORD = "Demo@2026"
ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


received = []
lock = threading.Lock()


class Robot(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with lock:
            received.append((self.headers.get("X-Sciplan-Key", ""), body.decode("utf-8", "replace")))
        reply = b'{"errcode":0,"errmsg":"ok"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


def psql(sql):
    url = os.environ["DATABASE_URL"]
    out = subprocess.run(["psql", url, "-At", "-c", sql], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def main():
    if len(sys.argv) != 2:
        print("usage: escalation-two-instances.py PATH/TO/sciplan", file=sys.stderr)
        return 2
    if not os.environ.get("DATABASE_URL"):
        print("twoinstances: needs DATABASE_URL (run under scripts/with-postgres.sh)", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.stdout.reconfigure(line_buffering=True)
    binary = str(Path(sys.argv[1]).resolve())
    robot_port = free_port()
    robot = http.server.ThreadingHTTPServer(("127.0.0.1", robot_port), Robot)
    threading.Thread(target=robot.serve_forever, daemon=True).start()
    today = os.environ.get("SCIPLAN_TODAY", "2025-03-24")
    procs, logs, bases = [], [], []
    passed = failed = 0

    def check(cond, name, detail=""):
        nonlocal passed, failed
        if cond:
            passed += 1
            print(f"twoinstances: ok {name}")
        else:
            failed += 1
            print(f"twoinstances: FAIL {name} {detail}", file=sys.stderr)

    def start(demo_loaded):
        port = free_port()
        log = tempfile.NamedTemporaryFile(prefix="sciplan-two-", suffix=".log", delete=False)
        env = dict(os.environ, SCIPLAN_PASSWORD_COST="4", SCIPLAN_TODAY=today, SCIPLAN_SCHEDULER_SECONDS="1",
                   SCIPLAN_WEBHOOK_URL=f"http://127.0.0.1:{robot_port}/cgi-bin/webhook/send?key=test")
        proc = subprocess.Popen([binary, "serve", "--demo", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, env=env, cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 120
        while time.time() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}: {Path(log.name).read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        procs.append(proc)
        logs.append(log)
        bases.append(base)
        return base

    try:
        started = time.time()
        # The first instance loads the demo; the second finds it there.
        start(False)
        start(True)
        openers = []
        for base in bases:
            jar = http.cookiejar.CookieJar()
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
            req = urllib.request.Request(base + "/api/login", data=json.dumps({"username": "office", "password": PASSWORD}).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
            with opener.open(req, timeout=30) as r:
                check(r.status == 200, f"office logs in on {base}")
            openers.append((base, opener))

        statuses = []

        def trigger(pair):
            base, opener = pair
            req = urllib.request.Request(base + "/api/escalations/run", data=b"{}", headers={"Content-Type": "application/json"}, method="POST")
            try:
                with opener.open(req, timeout=120) as r:
                    return r.status, json.loads(r.read())
            except urllib.error.HTTPError as e:
                return e.code, e.read().decode("utf-8", "replace")[:300]

        with ThreadPoolExecutor(max_workers=8) as pool:
            for _ in range(4):
                statuses += list(pool.map(trigger, openers * 2))
        # A run refused because another is in progress (the scheduler's or
        # another office's: one run at a time under the lease) is 409.
        check(all(s in (200, 409) for s, _ in statuses) and any(s == 200 for s, _ in statuses),
              "every concurrent run answered 200, or 409 while another ran", str([s for s, _ in statuses]))
        total = Counter()
        for status, body in statuses:
            if status == 200:
                total.update(body["escalations"])
        # Wait until the outbox is drained (condition, not a fixed sleep).
        deadline = time.time() + 120
        while time.time() < deadline and psql("select count(*) from outbox where status = 'pending'") != "0":
            time.sleep(0.5)
        pending = int(psql("select count(*) from outbox where status = 'pending'"))
        sent = int(psql("select count(*) from outbox where status = 'sent'"))
        rows = int(psql("select count(*) from escalations"))
        distinct = int(psql("select count(distinct dedupe_key) from escalations"))
        holders = psql("select count(distinct holder) from escalations")
        kinds = psql("select kind, count(*) from escalations group by kind order by kind").replace("\n", ", ")
        with lock:
            keys = [k for k, _ in received]
            bodies = [b for _, b in received]
        check(pending == 0, "the outbox drained", f"{pending} pending")
        check(rows > 0, "the rules found reminders, chases or notices to send", kinds)
        check(rows == distinct, "no escalation key twice in the database", f"{rows} rows, {distinct} keys")
        check(len(keys) == len(set(keys)), "the robot got no key twice",
              str([k for k, n in Counter(keys).items() if n > 1][:5]))
        check(len(bodies) == len(set(bodies)), "the robot got no message twice")
        check(len(received) == sent, "the robot got exactly what the outbox marked sent", f"{len(received)} received, {sent} sent")
        reminders_and_chases = int(psql("select count(*) from escalations where kind in ('remind','chase')"))
        check(reminders_and_chases == sent, "one robot message per reminder or chase", f"{reminders_and_chases} vs {sent}")
        print(f"twoinstances: figures: {rows} escalations ({kinds}) by {holders} holder(s); "
              f"{sent} robot messages; {len(statuses)} concurrent runs in {time.time() - started:.0f} s")
    except Exception as e:  # noqa: BLE001
        failed += 1
        print(f"twoinstances: FAIL {e}", file=sys.stderr)
        for log in logs:
            print(Path(log.name).read_text(errors="replace")[-1500:], file=sys.stderr)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        robot.shutdown()
    print(f"twoinstances: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
