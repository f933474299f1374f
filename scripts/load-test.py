#!/usr/bin/env python3
"""Load test: many reporters at once saving and submitting progress reports
through the JSON API, with latency percentiles and the server's memory.

    python3 scripts/load-test.py .build/release/sciplan                         # 1,000 reporters, 60 s
    python3 scripts/load-test.py .build/release/sciplan --reporters 200 --soak-minutes 10
    python3 scripts/load-test.py .build/debug/sciplan --reporters 200 --seconds 10   # the short run in scripts/test.sh

Data: `sciplan generate` on a fresh SQLite file in a temporary directory
builds a province just big enough (17 cities, as many counties as needed,
18 units each, one reporter account per unit, `bench-u1` …, two yearly plans
per place with 23 months of reports; December of the second year is left
open). The generator hashes the passwords with bcrypt cost 4
(SCIPLAN_PASSWORD_COST=4, its default for benchmark data; production is 12),
so the logins cost what a cost-4 check costs; the output says so.

Server: `sciplan serve --db FILE` on 127.0.0.1 and a free port, business date
2025-12-20 (SCIPLAN_TODAY: the December period open), scheduler off. The
open-file limit is raised to the hard limit for this process and the server.

Load: each reporter logs in (`POST /api/login`, JSON) on its own keep-alive
connection, reads its page (`GET /api/reports`) and keeps only accounts with
an open task; then, for the duration, every reporter in a closed loop (no
think time) takes its next task that is not awaiting review, saves a draft
(`POST /api/reports`, submit false) and submits it (submit true). So that
tasks never run out, sessions of the province office (`bench-hubei`, one per
10 reporters, one per 2 in a soak; `--office-sessions`) return each submitted report
(`POST /api/plans/{id}/reports/{id}/review`); a reporter with everything
handed in waits a second, reloads its page (`GET /api/reports`) to find the
returned ones and hands them in again. Every request counts: any answer other than 2xx, a
timeout (`--timeout`, 120 s) or a connection error is an error. Latency is
from the first byte sent to the last byte read, on a connection already open.

Prints requests, errors, throughput and p50/p95/p99/max for all requests and
per kind; the server's VmRSS (/proc/PID/status) every 10 s with first, last,
max and the slope (whole run and second half); the server's open descriptors
at peak. `--soak-minutes M` runs M minutes instead of --seconds and lists
every RSS sample. Ends with `load: 1 passed, 0 failed`; exits 1 on any
error. The server is stopped at the end, on failure and on Ctrl-C; the
temporary directory is kept (and named) when something failed.
"""
import argparse
import asyncio
import json
import math
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BENCH_PASSWORD = "Bench@2026"   # ProvinceGenerator.password
OFFICE = "bench-hubei"          # the province office the generator creates
UNITS_PER_PLACE = 18            # ProvinceGenerator.Size.unitsPerJurisdiction
CITIES = 17                     # ProvinceGenerator.Size.cities
YEAR = 2025                     # ProvinceGenerator.Size.year: December left open
TODAY = f"{YEAR}-12-20"
PASSWORD_COST = "4"
ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def machine_ticks():
    """(busy, total) CPU ticks of the whole machine, from /proc/stat."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        idle = values[3] + (values[4] if len(values) > 4 else 0)
        return sum(values) - idle, sum(values)
    except (OSError, ValueError, IndexError):
        return 0, 0


def office_sessions(args):
    """One office session per 10 reporters: enough for a short run, where each
    reporter has several tasks in hand. A soak outlasts them, and then the
    returns must keep pace with the submissions (one per two reporter
    requests): one per 2 reporters."""
    return args.office_sessions or max(2, args.reporters // (2 if args.soak_minutes else 10))


def loadavg():
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def raise_fd_limit(need):
    """Soft RLIMIT_NOFILE up to the hard limit (inherited by the server)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, need)
    if target < need:
        raise SystemExit(f"load: the open-file hard limit is {hard}, below the {need} this run needs "
                         f"(raise it: ulimit -Hn, /etc/security/limits.conf)")
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


class Server:
    def __init__(self, binary, db, log_path):
        self.binary, self.db, self.log_path = binary, db, log_path
        self.proc = None
        self.port = None

    def env(self):
        env = dict(os.environ, SCIPLAN_PASSWORD_COST=PASSWORD_COST, SCIPLAN_TODAY=TODAY, SCIPLAN_SCHEDULER_SECONDS="0")
        env.pop("DATABASE_URL", None)
        env.pop("SCIPLAN_DB", None)
        return env

    def generate(self, counties, tasks):
        with open(self.log_path, "ab") as log:
            done = subprocess.run([self.binary, "generate", "--db", self.db, "--counties", str(counties), "--tasks", str(tasks)],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=log, env=self.env())
        out = done.stdout.decode(errors="replace").strip()
        if done.returncode != 0:
            raise SystemExit(f"load: sciplan generate exited with {done.returncode}: {out}\n{self.tail()}")
        return out

    def start(self):
        self.port = free_port()
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [self.binary, "serve", "--db", self.db, "--hostname", "127.0.0.1", "--port", str(self.port)],
                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=self.env(), start_new_session=True)
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"load: the server exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=5) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit(f"load: /healthz did not answer within 180 s:\n{self.tail()}")

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def rss_kb(self):
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return None

    def cpu_seconds(self):
        """User + system CPU time of the server so far."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return float("nan")

    def open_fds(self):
        try:
            return len(os.listdir(f"/proc/{self.proc.pid}/fd"))
        except OSError:
            return None

    def stop(self):
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def tail(self, n=30):
        try:
            return "\n".join(Path(self.log_path).read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""


class HTTPError(Exception):
    pass


class Client:
    """One keep-alive HTTP/1.1 connection with its own cookies (stdlib asyncio)."""

    def __init__(self, port, timeout):
        self.port, self.timeout = port, timeout
        self.reader = self.writer = None
        self.cookies = {}

    async def connect(self):
        self.reader, self.writer = await asyncio.wait_for(
            asyncio.open_connection("127.0.0.1", self.port, limit=1 << 22), self.timeout)

    def close(self):
        if self.writer:
            self.writer.close()
            self.writer = None

    async def request(self, method, path, body=None):
        """(status, body bytes, seconds); raises on a connection error or timeout."""
        if self.writer is None:
            await self.connect()
        data = json.dumps(body, ensure_ascii=False).encode() if body is not None else b""
        head = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}", "Accept: application/json"]
        if body is not None:
            head += ["Content-Type: application/json", f"Content-Length: {len(data)}"]
        if self.cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
            if "sciplan_csrf" in self.cookies:
                head.append(f"X-CSRF-Token: {self.cookies['sciplan_csrf']}")
        started = time.perf_counter()
        try:
            self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
            status, payload, close = await asyncio.wait_for(self._response(), self.timeout)
        except BaseException:
            self.close()
            raise
        elapsed = time.perf_counter() - started
        if close:
            self.close()
        return status, payload, elapsed

    async def _response(self):
        line = await self.reader.readline()
        if not line:
            raise HTTPError("the server closed the connection")
        parts = line.decode("latin-1").split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
            raise HTTPError(f"bad status line {line[:80]!r}")
        status = int(parts[1])
        length, chunked, close = None, False, parts[0] == "HTTP/1.0"
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n"):
                break
            if not line:
                raise HTTPError("the server closed the connection in the headers")
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value.lower():
                chunked = True
            elif name == "connection":
                close = value.lower() == "close"
            elif name == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                if val and "max-age=0" not in value.lower():
                    self.cookies[key.strip()] = val.strip()
                else:
                    self.cookies.pop(key.strip(), None)
        if chunked:
            payload = b""
            while True:
                size = int((await self.reader.readline()).split(b";")[0], 16)
                if size == 0:
                    while (await self.reader.readline()) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                payload += await self.reader.readexactly(size)
                await self.reader.readexactly(2)
        elif length is not None:
            payload = await self.reader.readexactly(length)
        else:
            payload = await self.reader.read()
            close = True
        return status, payload, close


class Stats:
    def __init__(self):
        self.lat = {}          # kind -> [seconds]
        self.errors = []       # (kind, text)
        self.count = 0
        self.measuring = False

    def ok(self, kind, seconds):
        if self.measuring:
            self.lat.setdefault(kind, []).append(seconds)
            self.count += 1

    def error(self, kind, text):
        self.errors.append((kind, text))


def pct(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, max(0, math.ceil(len(sorted_values) * p) - 1))]


def summary(values):
    s = sorted(values)
    return (f"p50 {pct(s, .50) * 1000:.1f} ms, p95 {pct(s, .95) * 1000:.1f} ms, "
            f"p99 {pct(s, .99) * 1000:.1f} ms, max {s[-1] * 1000:.1f} ms" if s else "no samples")


def slope_mb_per_min(samples):
    """Least-squares slope of (seconds, kB) in MB per minute."""
    if len(samples) < 2:
        return float("nan")
    n = len(samples)
    mx = sum(t for t, _ in samples) / n
    my = sum(v for _, v in samples) / n
    sxx = sum((t - mx) ** 2 for t, _ in samples)
    sxy = sum((t - mx) * (v - my) for t, v in samples)
    return (sxy / sxx) * 60 / 1024 if sxx else float("nan")


class Reporter:
    def __init__(self, username, client):
        self.username, self.client = username, client
        self.tasks = []        # dicts: planID, nodeID, period, targets, state
        self.seq = 0


async def call(stats, kind, client, method, path, body=None, expect=None):
    """One counted request; returns the decoded JSON answer or None after an error."""
    try:
        status, payload, seconds = await client.request(method, path, body)
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, HTTPError, ValueError) as e:
        stats.error(kind, f"{method} {path}: {type(e).__name__} {e}")
        return None
    if not 200 <= status < 300:
        stats.error(kind, f"{method} {path} → {status} {payload[:200].decode(errors='replace')}")
        return None
    stats.ok(kind, seconds)
    try:
        return json.loads(payload) if payload else {}
    except ValueError:
        stats.error(kind, f"{method} {path} → {status}, not JSON: {payload[:100]!r}")
        return None


async def log_in(stats, client, username):
    answer = await call(stats, "login", client, "POST", "/api/login", {"username": username, "password": BENCH_PASSWORD})
    return answer is not None and "sciplan_session" in client.cookies


async def prepare(args, port, stats, units):
    """Logs reporters in until `args.reporters` have an open task; logs the office sessions in."""
    reporters, tried, no_task = [], 0, 0
    gate = asyncio.Semaphore(50)
    next_id = 1

    async def one(index):
        nonlocal no_task
        async with gate:
            client = Client(port, args.timeout)
            if not await log_in(stats, client, f"bench-u{index}"):
                client.close()
                return None
            items = await call(stats, "list", client, "GET", "/api/reports")
            if items is None:
                client.close()
                return None
            r = Reporter(f"bench-u{index}", client)
            for item in items:
                report = item.get("report") or {}
                if item["open"] and report.get("state") not in ("submitted", "accepted"):
                    r.tasks.append({"planID": item["planID"], "nodeID": item["nodeID"], "period": item["period"],
                                    "targets": [t["id"] for t in item["targets"]], "state": report.get("state")})
            if not r.tasks:
                no_task += 1
                client.close()
                return None
            return r

    while len(reporters) < args.reporters and not stats.errors:
        batch = list(range(next_id, min(units + 1, next_id + args.reporters - len(reporters))))
        if not batch:
            raise SystemExit(f"load: only {len(reporters)} of the {units} generated reporters have an open task")
        next_id += len(batch)
        tried += len(batch)
        reporters += [r for r in await asyncio.gather(*(one(i) for i in batch)) if r]
    offices = []
    for _ in range(office_sessions(args)):
        client = Client(port, args.timeout)
        if await log_in(stats, client, OFFICE):
            offices.append(client)
    return reporters[:args.reporters], offices, tried, no_task


async def reporter_loop(r, stats, returns, deadline):
    i = 0
    while time.monotonic() < deadline:
        ready = [t for t in r.tasks if t["state"] != "submitted"]
        if not ready:
            # Everything handed in: a second later reload the page, as a
            # reporter would, to see which reports the office has returned.
            await asyncio.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
            if time.monotonic() >= deadline:
                return
            items = await call(stats, "list", r.client, "GET", "/api/reports")
            if items is None:
                return
            states = {(x["planID"], x["nodeID"], x["period"]): (x.get("report") or {}).get("state") for x in items}
            for t in r.tasks:
                t["state"] = states.get((t["planID"], t["nodeID"], t["period"]), t["state"])
            continue
        task = ready[i % len(ready)]
        i += 1
        for submit in (False, True):
            r.seq += 1
            body = {"planID": task["planID"], "nodeID": task["nodeID"], "period": task["period"],
                    "narrative": f"压力测试：{r.username} 第{r.seq}次填报，本月按计划推进。",
                    "percent": r.seq % 100, "selfStatus": "onTrack", "submit": submit,
                    "values": {t: float(r.seq % 50) for t in task["targets"]}}
            answer = await call(stats, "submit" if submit else "draft", r.client, "POST", "/api/reports", body)
            if answer is None:
                return
            task["state"] = answer.get("state")
            if submit:
                if task["state"] != "submitted":
                    stats.error("submit", f"submitted report is {task['state']!r}, not 'submitted'")
                    return
                returns.put_nowait((task, answer["id"]))
            if time.monotonic() >= deadline:
                return


async def office_loop(client, stats, returns, deadline, n):
    while True:
        try:
            item = await asyncio.wait_for(returns.get(), max(0.01, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            return
        if time.monotonic() >= deadline:
            return
        task, report_id = item
        n[0] += 1
        answer = await call(stats, "return", client, "POST", f"/api/plans/{task['planID']}/reports/{report_id}/review",
                            {"decision": "return", "comment": f"压力测试退回 {n[0]}"})
        if answer is None:
            return


async def run(args, server, stats, units):
    port = server.port
    t0 = time.monotonic()
    reporters, offices, tried, no_task = await prepare(args, port, stats, units)
    if stats.errors:
        return None
    tasks_open = sum(len(r.tasks) for r in reporters)
    logins = len(reporters) + no_task + len(offices)
    print(f"load: {len(reporters)} reporters logged in and holding a keep-alive connection each "
          f"({tried} tried, {no_task} without an open task), {tasks_open} open tasks, "
          f"{len(offices)} office sessions returning reports; {logins} logins and page loads in {time.monotonic() - t0:.1f} s")
    duration = args.soak_minutes * 60 if args.soak_minutes else args.seconds
    returns = asyncio.Queue()
    samples = []   # (seconds since start, kB)
    fds = [server.open_fds() or 0]
    stats.measuring = True
    cpu0 = (server.cpu_seconds(), time.process_time(), machine_ticks())
    start = time.monotonic()
    deadline = start + duration

    async def sampler():
        last_count = 0
        while True:
            t = time.monotonic() - start
            kb = server.rss_kb()
            if kb is not None:
                samples.append((t, kb))
            fds.append(server.open_fds() or 0)
            if t >= 1:
                rate = (stats.count - last_count) / args.sample_seconds
                print(f"load: {t:5.0f} s  {stats.count} requests ({rate:.0f}/s)  {len(stats.errors)} errors  "
                      f"server RSS {kb / 1024 if kb else float('nan'):.1f} MB")
            last_count = stats.count
            if time.monotonic() >= deadline or not server.alive():
                return
            await asyncio.sleep(min(args.sample_seconds, max(0.0, deadline - time.monotonic())))

    sampling = asyncio.create_task(sampler())
    n = [0]
    work = [asyncio.create_task(reporter_loop(r, stats, returns, deadline)) for r in reporters]
    work += [asyncio.create_task(office_loop(c, stats, returns, deadline, n)) for c in offices]
    await asyncio.gather(*work)
    elapsed = time.monotonic() - start
    stats.measuring = False
    ticks = machine_ticks()
    busy, total = ticks[0] - cpu0[2][0], ticks[1] - cpu0[2][1]
    cpu = (server.cpu_seconds() - cpu0[0], time.process_time() - cpu0[1], busy / total * 100 if total else float("nan"))
    await sampling
    kb = server.rss_kb()
    if kb is not None:
        samples.append((time.monotonic() - start, kb))
    for r in reporters:
        r.client.close()
    for c in offices:
        c.close()
    return {"elapsed": elapsed, "cpu": cpu, "samples": samples, "fds": max(fds), "reporters": len(reporters), "offices": len(offices)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--reporters", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--soak-minutes", type=float, default=0, help="run this many minutes instead of --seconds")
    parser.add_argument("--timeout", type=float, default=120, help="seconds one request may take before it counts as an error")
    parser.add_argument("--sample-seconds", type=float, default=10, help="RSS sampling interval")
    parser.add_argument("--tasks-per-unit", type=int, default=6, help="lead tasks per unit in each generated plan (on average)")
    parser.add_argument("--office-sessions", type=int, default=0,
                        help="office sessions returning reports (default: one per 10 reporters, one per 2 when soaking)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    binary = str(Path(args.binary).resolve())
    nofile = raise_fd_limit(args.reporters + office_sessions(args) + 200)

    # Enough places for the reporters (a unit can draw no lead task: 15 % spare).
    places = max(CITIES, math.ceil(args.reporters * 1.15 / UNITS_PER_PLACE))
    counties = places - CITIES
    tasks = places * 2 * UNITS_PER_PLACE * args.tasks_per_unit
    work = tempfile.mkdtemp(prefix="sciplan-load-")
    server = Server(binary, os.path.join(work, "sciplan.sqlite"), os.path.join(work, "server.log"))
    stats = Stats()
    failed = True
    result = None
    try:
        t = time.monotonic()
        out = server.generate(counties, tasks)
        units = int(re.search(r"(\d+) 个单位", out)[1])
        print(f"load: {out.removeprefix('generate: ')} — sciplan generate, {time.monotonic() - t:.0f} s; "
              f"passwords bcrypt cost {PASSWORD_COST} (SCIPLAN_PASSWORD_COST={PASSWORD_COST})")
        server.start()
        print(f"load: {binary} serve on 127.0.0.1:{server.port}, SQLite {server.db}, SCIPLAN_TODAY={TODAY}, "
              f"scheduler off; open-file limit {nofile}; {os.cpu_count()} CPUs shared by server and clients, "
              f"load average {loadavg()}")
        result = asyncio.run(run(args, server, stats, units))
        if not server.alive():
            stats.error("server", f"the server exited with {server.proc.returncode}")
        failed = bool(stats.errors) or result is None
    except KeyboardInterrupt:
        print("load: interrupted")
    finally:
        server.stop()

    if result:
        everything = [s for v in stats.lat.values() for s in v]
        print(f"load: {stats.count} requests in {result['elapsed']:.1f} s, {len(stats.errors)} errors, "
              f"{stats.count / result['elapsed']:.0f} requests/s; {result['reporters']} reporters + "
              f"{result['offices']} office sessions, closed loop, no think time (a reporter with all handed in waits 1 s before reloading)")
        print(f"load: latency, all requests: {summary(everything)}")
        names = {"draft": "save draft (POST /api/reports, submit false)", "submit": "submit (POST /api/reports, submit true)",
                 "list": "reload page after 1 s, all handed in (GET /api/reports)", "return": "office return (POST /api/plans/…/review)"}
        for kind in ("draft", "submit", "list", "return"):
            if stats.lat.get(kind):
                print(f"load:   {names[kind]}: {len(stats.lat[kind])}, {summary(stats.lat[kind])}")
        samples = result["samples"]
        if samples:
            mb = [kb / 1024 for _, kb in samples]
            half = [s for s in samples if s[0] >= samples[-1][0] / 2]
            print(f"load: server RSS over {samples[-1][0]:.0f} s ({len(samples)} samples every {args.sample_seconds:.0f} s): "
                  f"first {mb[0]:.1f} MB, last {mb[-1]:.1f} MB, max {max(mb):.1f} MB; slope {slope_mb_per_min(samples):+.2f} MB/min "
                  f"(second half {slope_mb_per_min(half):+.2f} MB/min)")
            if args.soak_minutes:
                print("load: RSS samples (s MB): " + ", ".join(f"{t:.0f} {kb / 1024:.1f}" for t, kb in samples))
        server_cpu, client_cpu, machine = result["cpu"]
        print(f"load: CPU during the run: server {server_cpu:.0f} s ({server_cpu / result['elapsed'] * 100:.0f} % of one core), "
              f"this client {client_cpu:.0f} s ({client_cpu / result['elapsed'] * 100:.0f} %), "
              f"the whole machine {machine:.0f} % busy of {os.cpu_count()} CPUs; "
              f"server open descriptors at peak {result['fds']}; load average at the end {loadavg()}")
    for kind, text in stats.errors[:10]:
        print(f"load: error ({kind}): {text}")
    problems = [l for l in server.tail(100000).splitlines() if "[ ERROR ]" in l or "[ CRITICAL ]" in l]
    if problems:
        print(f"load: {len(problems)} error lines in the server log, e.g.:")
        for line in problems[:5]:
            print("  " + line[:300])
    print(f"load: {1 if not failed else 0} passed, {1 if failed else 0} failed")
    if failed:
        print(f"load: files kept in {work}\n{server.tail()}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
