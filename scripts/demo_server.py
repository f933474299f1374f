"""`sciplan serve --demo` on a free 127.0.0.1 port, for the browser scripts
(browser-test.py, axe-test.py): started with the business date pinned
(SCIPLAN_TODAY), the scheduler off, cheap password hashing, on the
PostgreSQL at DATABASE_URL when that is set, else in-memory SQLite; stopped
with SIGTERM. Its output goes to a temporary log whose tail is shown on failure.
"""
import os
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class ServerFailure(Exception):
    pass


class Failure(Exception):
    """A check of a browser script that did not hold."""


def check(cond, message):
    if not cond:
        raise Failure(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DemoServer:
    def __init__(self, binary, today, log_prefix="sciplan-server-"):
        """today: an ISO date for SCIPLAN_TODAY, or "real" to let the demo
        choose its own date from the real one (README; used with faketime)."""
        self.today = today
        self.binary = str(Path(binary).resolve())
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix=log_prefix, suffix=".log", delete=False)
        self.proc = None

    def start(self):
        if not os.access(self.binary, os.X_OK):
            raise ServerFailure(f"no executable sciplan at {self.binary}")
        env = dict(os.environ)
        env.setdefault("SCIPLAN_PASSWORD_COST", "4")
        # Escalation is driven from the pages here; the scheduler's own runs
        # are tested by escalation-two-instances.py.
        env["SCIPLAN_SCHEDULER_SECONDS"] = "0"
        if self.today == "real":
            env.pop("SCIPLAN_TODAY", None)
        else:
            env["SCIPLAN_TODAY"] = self.today
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--demo", "--port", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=ROOT,
        )
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise ServerFailure(f"server exited with {self.proc.returncode} before /healthz answered:\n{self.tail()}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise ServerFailure(f"/healthz did not answer 200 within 90 s:\n{self.tail()}")

    def tail(self, lines=30):
        try:
            return "\n".join(Path(self.log.name).read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()
