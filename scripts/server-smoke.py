#!/usr/bin/env python3
"""A quick look at a running demo server through its API.

    python3 scripts/server-smoke.py .build/debug/sciplan
    scripts/with-postgres.sh python3 scripts/server-smoke.py .build/debug/sciplan

Starts `sciplan serve --demo` on a free port (on DATABASE_URL when set), waits
for /healthz, checks that the database is the one asked for, logs in as the
随州市 plan office through POST /api/login and checks that GET /api/plans lists
its 3 plans, that one plan and its .xlsx come back, and that without the
session cookie the API answers 401. Stops the server whatever happens. Prints
`smoke: ok CHECK` per check and `smoke: N passed, M failed`.
"""
import http.cookiejar
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PASSWORD = "Demo@2026"
OFFICE_PLANS = {
    "随州市科技局2023年工作要点",
    "广水市2022年科技创新工作方案",
    "随州市推动科技创新与产业创新协同发展工作方案",
}


def main():
    if len(sys.argv) != 2:
        print("usage: server-smoke.py PATH/TO/sciplan", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.stdout.reconfigure(line_buffering=True)
    binary = str(Path(sys.argv[1]).resolve())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    postgres = bool(os.environ.get("DATABASE_URL"))
    env = dict(os.environ)
    # A pinned business date: nothing here may depend on the day it runs.
    env.setdefault("SCIPLAN_TODAY", "2025-05-20")
    env.setdefault("SCIPLAN_PASSWORD_COST", "4")
    log = tempfile.NamedTemporaryFile(prefix="sciplan-smoke-", suffix=".log", delete=False)
    passed, failed = 0, 0
    proc = None

    def tail():
        return "\n".join(Path(log.name).read_text(errors="replace").splitlines()[-30:])

    jar = http.cookiejar.CookieJar()
    with_cookies = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    without = urllib.request.build_opener()

    def call(opener, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data else {})
        try:
            with opener.open(req, timeout=30) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def healthz():
        deadline = time.time() + 90
        while time.time() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"server exited with {proc.returncode}:\n{tail()}")
            try:
                status, _, body = call(without, "GET", "/healthz")
                if status == 200:
                    json.loads(body)
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"/healthz did not answer 200 within 90 s:\n{tail()}")

    def database():
        text = Path(log.name).read_text(errors="replace")
        want = "PostgreSQL" if postgres else "SQLite"
        line = next((l for l in text.splitlines() if "数据库" in l), "")
        assert want in line, f"expected a {want} database, the server says: {line or text[-500:]}"

    def login():
        status, _, body = call(with_cookies, "POST", "/api/login", {"username": "office", "password": PASSWORD})
        assert status == 200, f"POST /api/login as office → {status} {body[:300]!r}"
        assert any(c.name == "sciplan_session" for c in jar), "no sciplan_session cookie after /api/login"
        me = json.loads(body)
        assert me.get("username") == "office", f"/api/login answered {me}"

    state = {}

    def plans():
        status, _, body = call(with_cookies, "GET", "/api/plans")
        assert status == 200, f"GET /api/plans → {status} {body[:300]!r}"
        items = json.loads(body)
        titles = {p["title"] for p in items}
        assert len(items) == 3 and titles == OFFICE_PLANS, f"/api/plans for office lists {len(items)}: {sorted(titles)}"
        assert all(p.get("status") == "published" for p in items), f"not all demo plans are published: {items}"
        state["plan"] = next(p["id"] for p in items if p["title"] == "随州市科技局2023年工作要点")

    def plan():
        status, _, body = call(with_cookies, "GET", f"/api/plans/{state['plan']}")
        assert status == 200, f"GET /api/plans/ID → {status} {body[:300]!r}"
        doc = json.loads(body)
        nodes = doc.get("nodes") or doc.get("plan", {}).get("nodes")
        assert nodes and len(nodes) == 20, f"the 2023 随州 plan has {len(nodes or [])} nodes, not 20"

    def xlsx():
        status, headers, body = call(with_cookies, "GET", f"/api/plans/{state['plan']}/breakdown.xlsx")
        assert status == 200 and body[:2] == b"PK", f"GET breakdown.xlsx → {status} {headers.get('Content-Type')} {body[:40]!r}"

    def anonymous():
        status, _, _ = call(without, "GET", "/api/plans")
        assert status == 401, f"GET /api/plans without a session → {status}, not 401"

    checks = [
        ("server answers /healthz", healthz),
        ("database is " + ("PostgreSQL" if postgres else "SQLite"), database),
        ("POST /api/login as office", login),
        ("GET /api/plans lists the office's 3 plans", plans),
        ("GET /api/plans/ID has the 20 nodes", plan),
        ("GET /api/plans/ID/breakdown.xlsx is a workbook", xlsx),
        ("GET /api/plans without a session is 401", anonymous),
    ]
    started = time.time()
    try:
        proc = subprocess.Popen([binary, "serve", "--demo", "--port", str(port)], stdout=log,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        for name, fn in checks:
            try:
                fn()
            except (AssertionError, OSError, ValueError, KeyError, StopIteration) as e:
                failed += 1
                print(f"smoke: FAIL {name}: {e}", flush=True)
                print(f"smoke: server log {log.name}", flush=True)
                break
            passed += 1
            print(f"smoke: ok {name}")
    finally:
        if proc and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        log.close()
        if not failed:
            os.unlink(log.name)
    print(f"smoke ({time.time() - started:.0f} s):")
    print(f"smoke: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
