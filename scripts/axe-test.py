#!/usr/bin/env python3
"""Accessibility of every page of the demo, as every demo role: axe-core in Chromium.

    python3 scripts/axe-test.py .build/debug/sciplan [--today YYYY-MM-DD] [--roles admin,kjj] [--jobs 2]

Starts `sciplan serve --demo` on a free port like scripts/browser-test.py does
(business date pinned by SCIPLAN_TODAY, default 2025-05-20; the PostgreSQL at
DATABASE_URL when that is set, else in-memory SQLite). Checks the login page
signed out (at 1280 and 390 px wide, and after a refused login), then logs in
through the login form as each demo account (admin, office, hubei, kjj, gskjj,
leader; password Demo@2026) and walks the site breadth-first from its landing
page over same-site <a href> links and the default submission of GET forms,
skipping logout, /api, /openapi.json, /login and downloads (.xlsx, .docx,
attachments, source files). Paths are normalised (UUIDs, indicator codes such
as `hte.total` and digit runs become placeholders; the query string counts
toward its path's pattern) and at most two URLs of each pattern are checked per
role, so the run stays short. Roles are walked two at a time (--jobs), each in
its own process and Chromium (/usr/bin/chromium, or SCIPLAN_CHROMIUM).

Each page is checked at 1280×900 with axe-core (bundled by the PyPI package
axe-playwright-python) for WCAG 2.0/2.1 A and AA (tags wcag2a, wcag2aa,
wcag21a, wcag21aa); each role's landing page also at phone width (390×844).
A link that answers an error status fails too (a page the role cannot open),
and so does a page of the role's hand-written list (MUST_REACH) that no link
from its landing page reaches: every page is reachable by clicking.

Prints `axe: ok ROLE URL` or `axe: FAIL ROLE URL` per check (a page at one
width or in one state) with each violation (rule, impact, help, the first three
targets and their HTML), then the slowest checks, pages and time per role, and
`axe: N passed, M failed` (checks) at the end; exits 1 if any check failed.
"""
import argparse
import multiprocessing
import os
import re
import signal
import sys
import time
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from axe_playwright_python.sync_playwright import Axe
from demo_server import DemoServer, Failure, ServerFailure, check
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Demo@2026"
# The longest walks first (see main).
ROLES = ["admin", "hubei", "office", "leader", "kjj", "gskjj", "gsrsj"]
SIGNED_OUT = "signed-out"
DEFAULT_TODAY = "2025-05-20"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM = os.environ.get("SCIPLAN_CHROMIUM", "/usr/bin/chromium")
TIMEOUT_MS = 30_000
PER_PATTERN = 2
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations", "incomplete"]}

UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
DIGITS = re.compile(r"[0-9]+")
# An indicator code as a path segment (/indicators/eval.hte_per_10k/compare): one pattern for all codes.
CODE = re.compile(r"(?<=/)[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+(?=/|$)")
DOWNLOAD = re.compile(r"\.(xlsx|docx|json|csv|txt|pdf|zip)$|/attachments/|/docx$|/source$", re.I)
SKIPPED_PREFIXES = ("/api/", "/login", "/logout", "/openapi.json", "/app.css", "/healthz")


# Every page of the product each role works with, written by hand (pages a
# demo cannot show — a bulletin, an attachment, the second-factor step — are
# left out): the walk from the landing page must reach each through links, or
# the page does not exist for that user (issue 17). Downloads are not pages.
_PLAN = ["/plans", "/plans/{id}", "/plans/{id}/breakdown", "/plans/{id}/dashboard", "/plans/{id}/tasks/{id}",
         "/notifications", "/account"]
_READ = _PLAN + ["/summary", "/plans/{id}/reports", "/plans/{id}/notices", "/plans/{id}/bulletins", "/plans/{id}/meetings", "/indicators",
                 "/indicators/{code}/compare", "/places/{n}/indicators", "/places/{n}/indicators/{code}",
                 "/places/{n}/base-data", "/places/{n}/assessment", "/places/{n}/evaluation",
                 "/places/{n}/evaluation/scheme"]
_OFFICE = _READ + ["/todo", "/plans/import", "/plans/{id}/review", "/plans/{id}/units", "/plans/{id}/versions",
                   "/plans/{id}/calendar", "/places/{n}/values/import", "/places/{n}/assessment/scheme", "/unit-groups"]
MUST_REACH = {
    "admin": _OFFICE + ["/admin/accounts", "/admin/audit", "/admin/outbox"],
    "office": _OFFICE, "hubei": _OFFICE, "leader": _READ,
    "kjj": _PLAN + ["/reports", "/my-tasks"], "gskjj": _PLAN + ["/reports", "/my-tasks"],
    "gsrsj": _PLAN + ["/reports", "/my-tasks"],
}


def pattern(path):
    """/plans/<uuid>/tasks/<uuid> → /plans/{id}/tasks/{id}; /places/421300/indicators/hte.total → /places/{n}/indicators/{code}."""
    return DIGITS.sub("{n}", CODE.sub("{code}", UUID.sub("{id}", path)))


def invisible_text(incomplete):
    """axe leaves text whose colour equals its background's (1:1) "to review";
    nobody can read such text (hidden text is hidden otherwise): a violation here."""
    out = []
    for result in incomplete:
        if result["id"] != "color-contrast":
            continue
        nodes = [n for n in result["nodes"]
                 if any((c.get("data") or {}).get("messageKey") == "equalRatio" for c in n.get("any", []))]
        if nodes:
            out.append(dict(result, id="color-contrast", impact="serious",
                            help="Text must not be the colour of its background (axe: 1:1, left to review)", nodes=nodes))
    return out


def short(text, limit=300):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


class Checker:
    """One role's walk: its own browser, its lines of output and its counts."""

    def __init__(self, base, role):
        self.base = base
        self.role = role
        self.axe = Axe()
        self.lines = []
        self.passed = 0
        self.failed = 0
        self.pages = 0
        self.patterns = 0
        self.seconds = 0.0
        self.times = []  # (seconds, role, url): where the time goes

    def say(self, line):
        self.lines.append(line)

    def shown(self, url):
        return url.replace(self.base, "") or "/"

    def run_axe(self, page, width_note=""):
        t0 = time.time()
        shown = self.shown(page.url) + width_note
        try:
            results = self.axe.run(page, options=AXE_OPTIONS)
        except PlaywrightError as e:
            self.failed += 1
            self.say(f"axe: FAIL {self.role} {shown}: axe did not run: {short(str(e))}")
            return
        violations = results.response["violations"] + invisible_text(results.response.get("incomplete", []))
        self.times.append((time.time() - t0, self.role, shown))
        if not violations:
            self.passed += 1
            self.say(f"axe: ok {self.role} {shown}")
            return
        self.failed += 1
        self.say(f"axe: FAIL {self.role} {shown}")
        for v in violations:
            self.say(f"  - {v['id']} ({v.get('impact')}): {v['help']} [{len(v['nodes'])} element(s)]")
            for node in v["nodes"][:3]:
                target = " ".join(str(t) for t in node.get("target", []))
                self.say(f"      {target}")
                self.say(f"        {short(node.get('html', ''), 240)}")
                summary = node.get("failureSummary") or ""
                if summary:
                    self.say(f"        {short(summary, 240)}")

    def open(self, page, url):
        """Opens url; returns the page's final URL if it is an HTML page, else None."""
        try:
            response = page.goto(url, wait_until="load")
        except PlaywrightError as e:
            if "Download is starting" in str(e):
                return None
            raise
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            return None
        if not response.ok:
            # A link that leads to an error page is a broken page for this role.
            self.failed += 1
            self.say(f"axe: FAIL {self.role} {self.shown(url)}: GET answered {response.status}")
            return None
        return page.url

    def links(self, page):
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        # The default submission of each GET form (its fields as they are).
        hrefs += page.evaluate(
            """() => Array.from(document.querySelectorAll('form'))
                   .filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'get')
                   .map(f => { const u = new URL(f.getAttribute('action') || location.href, location.href);
                               u.search = new URLSearchParams(new FormData(f)).toString(); return u.href; })"""
        )
        return hrefs

    def wanted(self, href):
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != self.base:
            return None
        path = parts.path or "/"
        if path.startswith(SKIPPED_PREFIXES) or path in ("/login", "/logout") or DOWNLOAD.search(path):
            return None
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))

    def crawl(self, page, start):
        counts = {}
        seen = set()
        checked = set()
        queue = deque([start])
        while queue:
            url = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            key = pattern(urlsplit(url).path)
            if counts.get(key, 0) >= PER_PATTERN:
                continue
            counts[key] = counts.get(key, 0) + 1
            try:
                final = self.open(page, url)
                if final is None or final in checked:  # a download, an error, or a redirect to a page checked already
                    continue
                checked.add(final)
                seen.add(final)
                self.run_axe(page)
                hrefs = self.links(page)
            except PlaywrightError as e:
                self.failed += 1
                self.say(f"axe: FAIL {self.role} {self.shown(url)}: {short(str(e), 500)}")
                continue
            for href in hrefs:
                target = self.wanted(href)
                if target and target not in seen:
                    queue.append(target)
        self.pages += len(checked)
        self.patterns = len(counts)
        for missing in sorted(set(MUST_REACH.get(self.role, [])) - set(counts)):
            self.failed += 1
            self.say(f"axe: FAIL {self.role}: no link from the landing page reaches {missing}")

    def login(self, page, username):
        page.goto(self.base + "/login")
        page.locator("input[name=username]").fill(username)
        page.locator("input[name=password]").fill(PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name="登录").click()
        check("/login" not in page.url, f"login as {username} stayed on {page.url}")
        return page.url

    def run(self):
        """The login page signed out (role "signed-out"), or a role's walk."""
        t0 = time.time()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
            try:
                context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
                context.set_default_timeout(TIMEOUT_MS)
                page = context.new_page()
                page.on("dialog", lambda d: d.dismiss())
                try:
                    if self.role == SIGNED_OUT:
                        check(self.open(page, self.base + "/login"), "no login page")
                        self.run_axe(page)
                        page.set_viewport_size(PHONE)
                        self.run_axe(page, " (390 wide)")
                        page.set_viewport_size(DESKTOP)
                        # A refused login (an unknown name, so no demo account gets locked): the error state.
                        page.locator("input[name=username]").fill("no-such-user")
                        page.locator("input[name=password]").fill(PASSWORD)
                        with page.expect_navigation():
                            page.get_by_role("button", name="登录").click()
                        check(page.get_by_role("alert").count() == 1, f"a refused login shows no alert on {page.url}")
                        self.run_axe(page, " (login refused)")
                        self.pages, self.patterns = 2, 1
                    else:
                        landing = self.login(page, self.role)
                        page.set_viewport_size(PHONE)
                        self.run_axe(page, " (390 wide)")
                        page.set_viewport_size(DESKTOP)
                        self.crawl(page, landing)
                except (Failure, PlaywrightError) as e:
                    self.failed += 1
                    self.say(f"axe: FAIL {self.role}: {short(str(e), 500)} (page {page.url})")
            finally:
                browser.close()
        self.seconds = time.time() - t0
        self.axe = None  # not sent back to the parent process
        return self


def check_role(job):
    base, role = job
    checker = Checker(base, role)
    try:
        return checker.run()
    except Exception as e:  # noqa: BLE001 — reported, and counted as a failure
        checker.failed += 1
        checker.say(f"axe: FAIL {role}: {type(e).__name__}: {short(str(e), 500)}")
        checker.axe = None
        return checker


def main():
    sys.stdout.reconfigure(line_buffering=True)
    sys.stderr.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description="axe-core on every page of the demo, as every demo role")
    parser.add_argument("binary")
    parser.add_argument("--today", default=DEFAULT_TODAY, help="SCIPLAN_TODAY for the server (ISO date)")
    parser.add_argument("--roles", default=",".join(ROLES), help="comma-separated demo accounts (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="roles checked at once, each in its own Chromium (default 2)")
    args = parser.parse_args()
    roles = [SIGNED_OUT] + [r.strip() for r in args.roles.split(",") if r.strip()]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.time()
    server = DemoServer(args.binary, args.today, log_prefix="sciplan-axe-server-")
    passed = failed = 0
    results = []
    pool = None
    try:
        server.start()
        print(f"axe: server up in {time.time() - started:.0f} s")
        # Each role in a process of its own (Playwright's sync API is one per
        # process); the longest walks go first so the processes end together.
        pool = multiprocessing.get_context("fork").Pool(max(1, args.jobs))
        for checker in pool.imap(check_role, [(server.base, r) for r in roles]):
            for line in checker.lines:
                print(line)
            results.append(checker)
        pool.close()
        pool.join()
        pool = None
    except (Failure, ServerFailure) as e:
        failed += 1
        print(f"axe: FAIL {e}", file=sys.stderr)
    except Exception as e:  # noqa: BLE001 — still prints the count line below
        failed += 1
        print(f"axe: FAIL {type(e).__name__}: {e}", file=sys.stderr)
    finally:
        if pool is not None:
            pool.terminate()
        server.stop()
    passed += sum(c.passed for c in results)
    failed += sum(c.failed for c in results)
    if failed:
        print(f"axe: server log {server.log.name}")
    else:
        Path(server.log.name).unlink(missing_ok=True)
    slowest = sorted((t for c in results for t in c.times), reverse=True)[:5]
    if slowest:
        print("axe: slowest checks: " + "; ".join(f"{role} {url} {t:.1f} s" for t, role, url in slowest))
    for c in results:
        print(f"axe: {c.role}: {c.pages} pages ({c.patterns} path patterns), {c.passed} ok, {c.failed} failed, {c.seconds:.0f} s")
    db = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    print(f"axe ({db}, business date {args.today}, WCAG 2.1 A/AA, {len(results)} walks on {args.jobs} processes, "
          f"{sum(c.pages for c in results)} pages, {time.time() - started:.0f} s in all)")
    print(f"axe: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
