#!/usr/bin/env python3
"""A flood of logins must not make the rest of the server fail (issue 15,
finding 3: "a login flood makes everything 500").

    python3 scripts/login-flood.py .build/debug/sciplan                 # 200 logins, 40 guessers for 30 s
    python3 scripts/login-flood.py .build/debug/sciplan --seconds 8     # the short run for CI

Why: bcrypt used to run on Vapor's application thread pool, which the SQLite
driver also runs every query on (two threads on the machine of the report).
200 logins at once held both threads with bcrypt and about 157 of the 200
answers were 500 (database connection timeouts); 40 clients guessing
passwords made a signed-in office wait 20.9 s for a page and then get a 500.
The server now checks passwords on a thread pool of its own with a bounded
queue (503 beyond it) and refuses an address with too many recent failures
(429) before any password is checked.

Server: `sciplan serve --demo --db FILE` on a fresh SQLite file in a
temporary directory, 127.0.0.1 and a free port, bcrypt cost 4
(SCIPLAN_PASSWORD_COST=4), scheduler off, business date 2025-05-20; ready
when GET /healthz answers 200. Each phase gets a server and a database of
its own (the guessers lock accounts and get the address refused, and one
phase's failure must not decide the other's). Stopped after each phase, on
failure and on Ctrl-C; the temporary directory is removed unless a phase
failed.

Phase 1, "200 concurrent correct logins": --logins threads, released together
by a barrier, each POST /api/login (JSON) as one of the demo accounts
(office, kjj, gskjj, leader, hubei, admin in turn) with the right password,
each on a new connection, client timeout 60 s. PASS when every answer is 200.
Prints the count per status and p50/p95/max latency.

Phase 2, "40 guessing clients for N seconds": the office logs in once and
keeps its cookie; then --guessers threads loop until the deadline posting
wrong passwords, half for existing names (kjj, admin, gskjj, leader, hubei)
and half for unknown ones (x<random>); 401, 423 and 429 are expected, any
5xx, other status, timeout or connection error counts as an error. Meanwhile
a probe requests GET /plans as the office every 0.25 s (pacing, so the probe
samples the whole run) and records status and latency. PASS when the probe
got only 200s, its max latency is under 1000 ms and the guessers got no
errors. Prints the guessers' request count and statuses and the probe's
count, p50, p95 and max latency.

Latency is from the request sent (connection included in phase 1) to the
last byte of the answer read. Prints lines `login-flood: ...` and last
`login-flood: P passed, F failed` (one per phase); exits 1 if a phase failed.
"""
import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path

PASSWORD = "Demo@2026"
ACCOUNTS = ["office", "kjj", "gskjj", "leader", "hubei", "admin"]
# Names the guessers try besides unknown ones; the office is left out so that
# its session is the only thing the probe measures (a lock would not end it
# anyway, but it keeps the roles apart).
GUESS_NAMES = ["kjj", "admin", "gskjj", "leader", "hubei"]
TODAY = "2025-05-20"
LOGIN_TIMEOUT = 60.0
PROBE_INTERVAL = 0.25
PROBE_LIMIT_MS = 1000.0
ROOT = Path(__file__).resolve().parent.parent


def say(text):
    print(f"login-flood: {text}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, p):
    """Nearest-rank percentile of a list of numbers (nan when empty)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil(n * p / 100)
    return ordered[int(rank) - 1]


def statuses(counter):
    return ", ".join(f"{k}: {v}" for k, v in sorted(counter.items(), key=lambda kv: str(kv[0]))) or "none"


class Server:
    def __init__(self, binary, db, log_path):
        self.binary, self.db, self.log_path = binary, db, log_path
        self.proc = None
        self.port = None

    def start(self):
        self.port = free_port()
        env = dict(os.environ, SCIPLAN_PASSWORD_COST="4", SCIPLAN_TODAY=TODAY, SCIPLAN_SCHEDULER_SECONDS="0")
        env.pop("DATABASE_URL", None)
        env.pop("SCIPLAN_DB", None)
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [self.binary, "serve", "--demo", "--db", self.db, "--hostname", "127.0.0.1", "--port", str(self.port)],
                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"login-flood: the server exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=5) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit(f"login-flood: /healthz did not answer within 180 s:\n{self.tail()}")

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self):
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def tail(self, n=30):
        try:
            return "\n".join(Path(self.log_path).read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""


def login_body(username, password):
    return json.dumps({"username": username, "password": password}).encode()


def post_login(conn, username, password):
    """One POST /api/login on an open connection: (status, headers)."""
    conn.request("POST", "/api/login", body=login_body(username, password),
                 headers={"Content-Type": "application/json", "Accept": "application/json"})
    response = conn.getresponse()
    response.read()
    return response.status, response.getheaders()


def session_cookie(headers):
    """The `name=value; ...` Cookie header from a login's Set-Cookie lines."""
    jar = SimpleCookie()
    for name, value in headers:
        if name.lower() == "set-cookie":
            jar.load(value)
    return "; ".join(f"{k}={m.value}" for k, m in jar.items())


def phase_logins(port, count):
    """Phase 1: `count` correct logins released at once."""
    barrier = threading.Barrier(count + 1)
    lock = threading.Lock()
    results = []   # (status, ms)

    def worker(i):
        username = ACCOUNTS[i % len(ACCOUNTS)]
        try:
            barrier.wait(timeout=60)
        except threading.BrokenBarrierError:
            with lock:
                results.append(("barrier broken", 0.0))
            return
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=LOGIN_TIMEOUT)
        try:
            status, headers = post_login(conn, username, PASSWORD)
            if status == 200 and "sciplan_session=" not in session_cookie(headers):
                status = "200 without a session cookie"
        except socket.timeout:
            status = "timeout"
        except (OSError, http.client.HTTPException) as e:
            status = f"connection error ({type(e).__name__})"
        finally:
            conn.close()
        with lock:
            results.append((status, (time.perf_counter() - started) * 1000))

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(count)]
    for t in threads:
        t.start()
    try:
        barrier.wait(timeout=60)
    except threading.BrokenBarrierError:
        pass
    hard = time.time() + LOGIN_TIMEOUT + 30
    for t in threads:
        t.join(timeout=max(0.1, hard - time.time()))
    unanswered = sum(t.is_alive() for t in threads)
    with lock:
        got = list(results)
    counts = Counter(status for status, _ in got)
    if unanswered:
        counts["no answer"] += unanswered
    every = [ms for _, ms in got]
    ok = counts.get(200, 0) == count and len(counts) == 1
    say(f"phase 1, {count} concurrent correct logins: {statuses(counts)}")
    say(f"phase 1 latency (all answers): p50 {percentile(every, 50):.0f} ms, p95 {percentile(every, 95):.0f} ms, "
        f"max {max(every, default=float('nan')):.0f} ms")
    say(f"phase 1 {'PASS' if ok else 'FAIL'}: {counts.get(200, 0)} of {count} answered 200, "
        f"{count - counts.get(200, 0)} errors, "
        f"{sum(v for k, v in counts.items() if isinstance(k, int) and k >= 500)} 5xx")
    return ok


def phase_guessers(port, guessers, seconds):
    """Phase 2: guessing clients for `seconds` while the office reads /plans."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=LOGIN_TIMEOUT)
    try:
        status, headers = post_login(conn, "office", PASSWORD)
    finally:
        conn.close()
    cookie = session_cookie(headers)
    if status != 200 or "sciplan_session=" not in cookie:
        say(f"phase 2 FAIL: the office could not log in first ({status})")
        return False

    # A check before the flood: the cookie does open /plans.
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", "/plans", headers={"Cookie": cookie})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            say(f"phase 2 FAIL: GET /plans as the office answered {response.status} before the flood")
            return False
    finally:
        conn.close()

    lock = threading.Lock()
    guess_counts = Counter()
    probe = []      # (status, ms)
    start_gate = threading.Barrier(guessers + 2)
    deadline = [0.0]

    def guesser(seed):
        rng = random.Random(seed)
        local = Counter()
        conn = None
        try:
            start_gate.wait(timeout=60)
        except threading.BrokenBarrierError:
            return
        while time.time() < deadline[0]:
            if rng.random() < 0.5:
                name = rng.choice(GUESS_NAMES)
            else:
                name = "x" + "".join(rng.choices(string.ascii_lowercase + string.digits, k=10))
            password = "wrong-" + "".join(rng.choices(string.ascii_letters, k=8))
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port,
                                                  timeout=max(1.0, min(LOGIN_TIMEOUT, deadline[0] - time.time() + 30)))
            try:
                status, _ = post_login(conn, name, password)
            except socket.timeout:
                status = "timeout"
            except (OSError, http.client.HTTPException) as e:
                status = f"connection error ({type(e).__name__})"
            if not isinstance(status, int):
                conn.close()
                conn = None
            local[status] += 1
        if conn is not None:
            conn.close()
        with lock:
            guess_counts.update(local)

    def prober():
        conn = None
        try:
            start_gate.wait(timeout=60)
        except threading.BrokenBarrierError:
            return
        next_at = time.time()
        while time.time() < deadline[0]:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            started = time.perf_counter()
            try:
                conn.request("GET", "/plans", headers={"Cookie": cookie, "Accept": "text/html"})
                response = conn.getresponse()
                response.read()
                status = response.status
            except socket.timeout:
                status = "timeout"
            except (OSError, http.client.HTTPException) as e:
                status = f"connection error ({type(e).__name__})"
            ms = (time.perf_counter() - started) * 1000
            if not isinstance(status, int):
                conn.close()
                conn = None
            with lock:
                probe.append((status, ms))
            next_at += PROBE_INTERVAL
            pause = next_at - time.time()
            if pause > 0:
                time.sleep(min(pause, max(0.0, deadline[0] - time.time())))
            else:
                next_at = time.time()
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=guesser, args=(i,), daemon=True) for i in range(guessers)]
    threads.append(threading.Thread(target=prober, daemon=True))
    for t in threads:
        t.start()
    # Every thread is already waiting at the gate; the release follows at once.
    deadline[0] = time.time() + seconds
    try:
        start_gate.wait(timeout=60)
    except threading.BrokenBarrierError:
        say("phase 2 FAIL: the client threads did not start")
        return False
    hard = deadline[0] + LOGIN_TIMEOUT + 30
    for t in threads:
        t.join(timeout=max(0.1, hard - time.time()))
    stuck = sum(t.is_alive() for t in threads)

    with lock:
        counts = Counter(guess_counts)
        samples = list(probe)
    if stuck:
        counts["thread still waiting at the end"] += stuck
    total = sum(v for k, v in counts.items() if k != "thread still waiting at the end")
    errors = sum(v for k, v in counts.items() if k not in (401, 423, 429))
    server_errors = sum(v for k, v in counts.items() if isinstance(k, int) and k >= 500)
    probe_counts = Counter(status for status, _ in samples)
    latencies = [ms for _, ms in samples]
    worst = max(latencies, default=float("nan"))
    probe_ok = bool(samples) and probe_counts.get(200, 0) == len(samples) and worst < PROBE_LIMIT_MS
    ok = probe_ok and errors == 0
    say(f"phase 2, {guessers} guessing clients for {seconds:g} s: {total} login requests "
        f"({total / seconds:.0f}/s): {statuses(counts)}")
    say(f"phase 2 probe GET /plans as the office: {len(samples)} requests: {statuses(probe_counts)}; "
        f"p50 {percentile(latencies, 50):.0f} ms, p95 {percentile(latencies, 95):.0f} ms, max {worst:.0f} ms")
    why = []
    if not samples:
        why.append("the probe made no request")
    if probe_counts.get(200, 0) != len(samples):
        why.append(f"{len(samples) - probe_counts.get(200, 0)} probe answers not 200")
    if not worst < PROBE_LIMIT_MS:
        why.append(f"probe max {worst:.0f} ms ≥ {PROBE_LIMIT_MS:.0f} ms")
    if errors:
        why.append(f"{errors} guesser errors ({server_errors} 5xx)")
    say(f"phase 2 {'PASS' if ok else 'FAIL'}" + (f": {'; '.join(why)}" if why else
        f": probe all 200, max {worst:.0f} ms < {PROBE_LIMIT_MS:.0f} ms, guessers 0 errors, 0 5xx"))
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the guessers run (phase 2)")
    parser.add_argument("--logins", type=int, default=200, help="concurrent correct logins (phase 1)")
    parser.add_argument("--guessers", type=int, default=40, help="guessing clients (phase 2)")
    args = parser.parse_args()
    if args.seconds <= 0 or args.logins < 1 or args.guessers < 1:
        parser.error("--seconds, --logins and --guessers must be positive")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.stdout.reconfigure(line_buffering=True)
    work = tempfile.mkdtemp(prefix="sciplan-login-flood-")
    binary = str(Path(args.binary).resolve())
    phases = [("phase1", lambda port: phase_logins(port, args.logins)),
              ("phase2", lambda port: phase_guessers(port, args.guessers, args.seconds))]
    passed = failed = 0
    failed_logs = []
    started = time.time()
    # Each phase on a server of its own, on a fresh demo database: the
    # guessers lock accounts and get the address refused (429), and a
    # failure of phase 1 (a locked account) must not decide phase 2.
    for label, phase in phases:
        server = Server(binary, os.path.join(work, f"{label}.sqlite"), os.path.join(work, f"{label}-server.log"))
        ok = False
        try:
            server.start()
            say(f"{label}: server on 127.0.0.1:{server.port}, bcrypt cost 4, {os.cpu_count()} CPUs")
            ok = phase(server.port)
            if not server.alive():
                say(f"{label}: the server exited with {server.proc.returncode}")
                ok = False
        finally:
            server.stop()
        passed, failed = passed + ok, failed + (not ok)
        if not ok:
            failed_logs.append(server)
    for server in failed_logs:
        say(f"{Path(server.log_path).name}, its last lines:")
        for line in server.tail(20).splitlines():
            say(f"  | {line}")
    if failed:
        say(f"server logs and databases kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    say(f"took {time.time() - started:.0f} s")
    say(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
