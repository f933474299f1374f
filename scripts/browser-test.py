#!/usr/bin/env python3
"""The server in a real browser, as its users work with it.

    python3 scripts/browser-test.py .build/debug/sciplan [--today YYYY-MM-DD] [--steps j,k,l]

The business date is pinned (SCIPLAN_TODAY, default 2025-05-20 below) so the
result never depends on the day the test runs; scripts/date-sweep.sh runs the
date-sensitive steps under the dates of the year that matter. Expectations
that depend on the date are derived from it here, by the demo's documented
rule (README: the demo's plans are due two days after the business date,
three grace days, monthly), never read from the server.

Starts `sciplan serve --demo` on a free port (on the PostgreSQL at DATABASE_URL
when that is set, else in-memory SQLite), then drives headless Chromium
(/usr/bin/chromium, through Playwright) through the plan office's day: log in,
import a seed plan the demo holds (refused as the same text, offered as a new
version), import a revision of it, correct it on the review page, resolve its units, publish,
filter and export the task breakdown table; then a unit reporter finds the new
tasks under 我的任务; then bad uploads (PDF bytes named .txt, a GB18030 copy of a
held plan, refused as the same text only if decoded exactly) and a
plan whose title is a <script> tag. Login, the plan list and 我的任务 are checked
at phone width (390×844) for horizontal scrolling.

Prints `browser: ok STEP` per step and `browser: N passed, M failed` at the end;
exits 1 on the first failure, with a screenshot under /tmp.
"""
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from demo_server import DemoServer, Failure, ServerFailure, check
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "Seeds" / "plans" / "000_e68a988da11eda11.txt"
SEED_TITLE = "随州市科技局2023年工作要点"
GB_SEED = ROOT / "Seeds" / "plans" / "001_4fc9fcb1d5f6ac30.txt"
GB_TITLE = "广水市2022年科技创新工作方案"
PASSWORD = "Demo@2026"
DEMO_2025_TITLE = "随州市推动科技创新与产业创新协同发展工作方案"
DEFAULT_TODAY = "2025-05-20"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM = os.environ.get("SCIPLAN_CHROMIUM", "/usr/bin/chromium")
TIMEOUT_MS = 15_000

# What step c changes, and what later steps look for.
NODE_KEY = "一/（一）"
NEW_TITLE = "统筹优化区域创新布局（已校对）"
OLD_TITLE_OTHER = "加强关键核心技术攻关"  # another task, not the filtered unit's
# Seed 000 names no units at all, so the office fills them in on review: one
# that exists in 随州市 (matched by name) and two new ones.
NEW_LEAD = "市科技局"
NEW_RESPONSIBLE = ["市科创服务中心", "市生产力促进中心"]
TARGET_OLD_VALUE = 55
TARGET_NEW_VALUE = 60
ESCAPE_TITLE = "<script>alert(1)</script>"
CJK = re.compile(r"[\u4e00-\u9fff]")


class Run:
    def __init__(self, server, page, work):
        self.s = server
        self.page = page
        self.work = work
        self.plan_id = None
        self.dialogs = []
        page.on("dialog", self._on_dialog)

    def _on_dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def url(self, path):
        return self.s.base + path

    def goto(self, path):
        response = self.page.goto(self.url(path))
        check(response is not None and response.ok, f"GET {path} answered {response.status if response else 'nothing'}")
        return response

    def phone(self):
        self.page.set_viewport_size(PHONE)

    def desktop(self):
        self.page.set_viewport_size(DESKTOP)

    def no_horizontal_scroll(self, what):
        sw, iw = self.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        check(sw <= iw, f"{what} at phone width scrolls sideways: scrollWidth {sw} > innerWidth {iw}")

    def submit(self, button, url_pattern=None):
        """Clicks a form's submit button and waits for the page it leads to."""
        with self.page.expect_navigation():
            button.click()
        if url_pattern:
            self.page.wait_for_url(url_pattern)

    def flash(self):
        loc = self.page.locator(".flash, [role=status]")
        return loc.first.inner_text() if loc.count() else ""

    def login(self, username):
        self.goto("/login")
        self.page.locator("input[name=username]").fill(username)
        self.page.locator("input[name=password]").fill(PASSWORD)
        self.submit(self.page.get_by_role("button", name="登录"))
        check("/login" not in self.page.url, f"login as {username} stayed on {self.page.url}: {self.page.inner_text('main')[:300]}")
        expect(self.page.get_by_role("button", name="退出")).to_be_visible()

    def logout(self):
        self.submit(self.page.get_by_role("button", name="退出"))
        check(self.page.url.rstrip("/").endswith("/login") or "/login" in self.page.url,
              f"after 退出 the browser is on {self.page.url}, not the login page")
        self.goto("/plans")
        check("/login" in self.page.url, f"after 退出, /plans did not send to /login but showed {self.page.url}")

    def plan_rows(self):
        self.goto("/plans")
        return [t.strip() for t in self.page.locator("table.grid tbody tr td:first-child").all_inner_texts()]

    def upload(self, path):
        self.goto("/plans/import")
        self.page.locator("input[type=file][name=file]").set_input_files(str(path))
        self.submit(self.page.get_by_role("button", name="上传并识别"))

    # a. ------------------------------------------------------------------
    def step_login_office(self):
        self.phone()
        self.goto("/login")
        expect(self.page.get_by_role("button", name="登录")).to_be_visible()
        self.no_horizontal_scroll("/login")
        self.login("office")
        rows = self.plan_rows()
        check(len(rows) >= 1 and SEED_TITLE in rows, f"plan list of office does not show {SEED_TITLE}: {rows}")
        self.no_horizontal_scroll("/plans")
        self.plans_before = rows
        self.desktop()

    # b. ------------------------------------------------------------------
    def step_import(self):
        page = self.page
        # The demo holds this plan already: the same file is refused, named, and offered as a new version.
        before = self.plan_rows()
        self.upload(SEED)
        alert = page.get_by_role("alert")
        message = alert.first.inner_text() if alert.count() else ""
        check("内容相同" in message and SEED_TITLE in message,
              f"importing a plan the demo holds was not refused as the same text: {page.inner_text('main')[:300]}")
        check("/review" not in page.url, f"the duplicate led to {page.url}")
        check(page.get_by_role("button", name="作为新版本导入").count() == 1, "the refusal offers no 作为新版本导入")
        check(self.plan_rows() == before, "the plan list changed after a refused duplicate")
        # A revision under a title of its own is a new plan: its draft is what the next steps review.
        revised = self.work / "随州2023-修订稿.txt"
        revised.write_text(SEED.read_text(encoding="utf-8").replace(SEED_TITLE, SEED_TITLE + "（修订稿）", 1), encoding="utf-8")
        self.upload(revised)
        m = re.search(r"/plans/([0-9A-Fa-f-]{36})/review", self.page.url)
        check(m, f"upload did not lead to a review page but to {self.page.url}: {self.page.inner_text('main')[:300]}")
        self.plan_id = m.group(1)
        check(self.flash(), "no flash message after the upload")
        expect(self.page.locator("h1")).to_contain_text(SEED_TITLE)

    # c. ------------------------------------------------------------------
    def step_review(self):
        page = self.page
        for cls in ("hl-node", "hl-target"):
            n = page.locator(f".source-text mark.{cls}").count()
            check(n > 0, f"no <mark class={cls}> in the source text of the review page")
        cards = page.locator("article.node-card")
        check(cards.count() == 20, f"review page shows {cards.count()} node cards, the parser finds 20")
        card = page.locator(f'article.node-card[data-key="{NODE_KEY}"]')
        check(card.count() == 1, f"no single node card with data-key {NODE_KEY}")
        form = card.locator("form.node-form")
        form.locator("input[name=title]").fill(NEW_TITLE)
        form.locator("input[name=lead]").fill(NEW_LEAD)
        form.locator("input[name=responsible]").fill("、".join(NEW_RESPONSIBLE))
        self.submit(form.get_by_role("button", name="保存条目"))
        check("/review" in page.url, f"saving a node left the review page for {page.url}")
        check(self.flash(), "no flash message after 保存条目")

        target = page.locator("div.target").filter(
            has=page.locator(f'input[name=value][value="{TARGET_OLD_VALUE}"]')).first
        check(target.count() == 1, f"no target with value {TARGET_OLD_VALUE} on the review page")
        target_id = target.get_attribute("id")
        tform = target.locator("form.target-form")
        tform.locator("input[name=text]").fill(f"技术合同成交额达到{TARGET_NEW_VALUE}亿元")
        tform.locator("input[name=value]").fill(str(TARGET_NEW_VALUE))
        self.submit(tform.get_by_role("button", name="保存目标"))
        check("/review" in page.url, f"saving a target left the review page for {page.url}")

        page.reload()
        card = page.locator(f'article.node-card[data-key="{NODE_KEY}"] form.node-form')
        title = card.locator("input[name=title]").input_value()
        check(title == NEW_TITLE, f"after reload the node title is {title!r}, not {NEW_TITLE!r}")
        lead = card.locator("input[name=lead]").input_value()
        check(lead == NEW_LEAD, f"after reload the lead unit is {lead!r}, not {NEW_LEAD!r}")
        resp = card.locator("input[name=responsible]").input_value()
        check(all(u in resp for u in NEW_RESPONSIBLE), f"after reload the responsible units are {resp!r}")
        value = page.locator(f"#{target_id} input[name=value]").input_value()
        check(value and float(value) == TARGET_NEW_VALUE, f"after reload the target value is {value!r}, not {TARGET_NEW_VALUE}")

    # d. ------------------------------------------------------------------
    def step_units(self):
        page = self.page
        self.submit(page.get_by_role("link", name=re.compile("单位匹配")), re.compile(r"/units$"))
        rows = page.locator("table.grid tbody tr")
        names = [t.strip() for t in rows.locator("td:first-child").all_inner_texts()]
        check(sorted(names) == sorted([NEW_LEAD] + NEW_RESPONSIBLE), f"unit names on the units page: {names}")
        own = rows.filter(has=page.locator("td:first-child", has_text=re.compile(f"^{NEW_LEAD}$")))
        check("未匹配" not in own.inner_text(), f"{NEW_LEAD} was not matched by name: {own.inner_text()}")
        first = NEW_RESPONSIBLE[0]
        self.submit(page.get_by_role("button", name=f"新建单位“{first}”"), re.compile(r"/units$"))
        row = page.locator("table.grid tbody tr").filter(has=page.locator("td:first-child", has_text=first))
        check("未匹配" not in row.inner_text(), f"after 新建单位 {first} is still unmatched: {row.inner_text()}")
        unmatched = page.locator("table.grid tbody tr", has_text="未匹配").count()
        check(unmatched == len(NEW_RESPONSIBLE) - 1, f"{unmatched} names unmatched after one 新建单位")
        self.submit(page.get_by_role("button", name="为未匹配的名称全部新建单位"), re.compile(r"/units$"))
        left = page.locator("table.grid tbody tr", has_text="未匹配").count()
        check(left == 0, f"{left} names still unmatched after 为未匹配的名称全部新建单位")
        check(page.get_by_role("button", name="为未匹配的名称全部新建单位").count() == 0,
              "the create-all button is still offered with nothing unmatched")

    # e. ------------------------------------------------------------------
    def step_publish(self):
        page = self.page
        self.submit(page.get_by_role("button", name="发布计划"))
        check(page.url.rstrip("/").endswith(f"/plans/{self.plan_id}"), f"publish led to {page.url}")
        check("已发布" in self.flash(), f"flash after publishing: {self.flash()!r}")
        expect(page.locator("main")).to_contain_text("已发布")
        rows = self.page.locator("table.grid tbody tr", has=page.locator(f'a[href="/plans/{self.plan_id}"]'))
        self.goto("/plans")
        check(rows.count() == 1 and "已发布" in rows.inner_text(), "the plan list does not show the new plan as 已发布")

    # f. ------------------------------------------------------------------
    def step_breakdown(self):
        import openpyxl

        page = self.page
        self.goto(f"/plans/{self.plan_id}")
        self.submit(page.get_by_role("link", name="任务分解表"), re.compile(r"/breakdown$"))
        table = page.locator("table.breakdown")
        check(OLD_TITLE_OTHER in table.inner_text(), "the unfiltered breakdown table lacks other tasks")
        page.locator("select[name=unit]").select_option(NEW_LEAD)
        self.submit(page.get_by_role("button", name="筛选"), re.compile(r"/breakdown\?.*unit="))
        text = page.locator("table.breakdown").inner_text()
        check(NEW_TITLE in text, f"the table filtered by {NEW_LEAD} lacks the corrected task")
        check(OLD_TITLE_OTHER not in text, f"the table filtered by {NEW_LEAD} still shows {OLD_TITLE_OTHER}")
        link = page.get_by_role("link", name="导出 Excel（.xlsx）")
        check("unit=" in (link.get_attribute("href") or ""), "the export link does not carry the unit filter")
        with page.expect_download() as info:
            link.click()
        download = info.value
        check(download.suggested_filename.endswith(".xlsx"), f"download is named {download.suggested_filename!r}")
        path = self.work / "breakdown.xlsx"
        download.save_as(path)
        wb = openpyxl.load_workbook(path)
        check("任务分解表" in wb.sheetnames, f"workbook sheets are {wb.sheetnames}")
        rows = [[("" if c is None else str(c)).strip() for c in r] for r in wb["任务分解表"].iter_rows(values_only=True)]
        header = ["序号", "任务", "牵头单位", "责任单位", "配合单位", "分管领导", "目标", "完成时限"]
        found = [r for r in rows if r[: len(header)] == header]
        check(found, f"no header row {header} in the sheet; first rows: {rows[:4]}")
        cells = "\n".join("\t".join(r) for r in rows)
        check(NEW_TITLE in cells, "the corrected title is not in the exported sheet")
        check(OLD_TITLE_OTHER not in cells, f"the export filtered by {NEW_LEAD} still has {OLD_TITLE_OTHER}")

    # g. ------------------------------------------------------------------
    def step_reporter(self):
        page = self.page
        self.logout()
        self.phone()
        self.login("kjj")
        self.goto("/my-tasks")
        self.no_horizontal_scroll("/my-tasks")
        cards = page.locator(f'article.my-task[data-key="{NODE_KEY}"]', has_text=NEW_TITLE)
        check(cards.count() == 1, f"kjj's 我的任务 shows {cards.count()} cards of the corrected task {NEW_TITLE}")
        headings = page.locator("h2").all_inner_texts()
        check(any(SEED_TITLE in h for h in headings), f"no h2 with {SEED_TITLE} on 我的任务: {headings}")
        self.logout()
        self.desktop()

    # h. ------------------------------------------------------------------
    def step_bad_input(self):
        page = self.page
        self.login("office")
        before = self.plan_rows()
        pdf = self.work / "x.txt"
        pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n")
        self.upload(pdf)
        alert = page.get_by_role("alert")
        check(alert.count() >= 1, f"uploading PDF bytes showed no role=alert; page: {page.inner_text('main')[:300]}")
        message = alert.first.inner_text()
        check(CJK.search(message) and "PDF" in message, f"the error for PDF bytes is not a Chinese message naming PDF: {message!r}")
        check("/review" not in page.url, f"PDF bytes led to {page.url}")
        after = self.plan_rows()
        check(after == before, f"the plan list changed after a rejected upload: {before} -> {after}")

        gb = self.work / "广水方案-gb18030.txt"
        gb.write_bytes(GB_SEED.read_text(encoding="utf-8").encode("gb18030"))
        self.upload(gb)
        # The demo holds the 广水 plan: its GB18030 copy is refused as the same text, which it is
        # only if the GB18030 bytes were decoded to exactly the UTF-8 text.
        alert = page.get_by_role("alert")
        message = alert.first.inner_text() if alert.count() else ""
        check("内容相同" in message and GB_TITLE in message,
              f"the GB18030 copy of the demo's 广水 plan was not recognised as the same text: {page.inner_text('main')[:300]}")
        check("/review" not in page.url, f"GB18030 duplicate led to {page.url}")
        after = self.plan_rows()
        check(after == before, f"the plan list changed after the refused GB18030 copy: {before} -> {after}")

    # i. ------------------------------------------------------------------
    def step_escaping(self):
        page = self.page
        plan = self.work / "escape.txt"
        plan.write_text(f"XX市科技局2024年工作要点\n一、{ESCAPE_TITLE}\n（一）测试任务。（牵头单位：市科技局）\n", encoding="utf-8")
        self.dialogs.clear()
        self.upload(plan)
        check("/review" in page.url, f"the small plan did not reach review but {page.url}: {page.inner_text('main')[:300]}")
        m = re.search(r"/plans/([0-9A-Fa-f-]{36})/review", page.url)
        pages = [f"/plans/{m.group(1)}/review", f"/plans/{m.group(1)}", f"/plans/{m.group(1)}/breakdown", "/plans"]
        for path in pages:
            self.goto(path)
            page.wait_for_timeout(200)
            scripts = page.evaluate("Array.from(document.scripts).filter(s => s.text.includes('alert(1)')).length")
            check(scripts == 0, f"{path} has a live <script> with alert(1)")
            if path.endswith("/review"):
                check(ESCAPE_TITLE in page.locator(".source-text").inner_text(), "the source text does not show the tag literally")
                value = page.locator('article.node-card[data-key="一"] form.node-form input[name=title]').input_value()
                check(value == ESCAPE_TITLE, f"node title input holds {value!r}")
            elif path != "/plans":
                check(ESCAPE_TITLE in page.locator("main").inner_text(), f"{path} does not show {ESCAPE_TITLE} literally")
        check(not self.dialogs, f"a dialog fired: {self.dialogs}")

    # j. ------------------------------------------------------------------
    def step_report_cycle(self):
        """A unit reports, the office returns it, the unit resubmits, the office accepts."""
        page = self.page
        self.logout()
        self.login("kjj")
        self.goto("/reports")
        editable = page.locator("article.report-item", has=page.locator("textarea"))
        check(editable.count() >= 1, f"本期报送 shows no task to fill in: {page.inner_text('main')[:400]}")
        card = editable.first
        node = card.get_attribute("data-node")
        task_href = card.locator("a.title").get_attribute("href")
        card.locator("textarea").fill("浏览器测试：本月完成项目申报和现场核查。")
        card.locator(f'input[name="percent:{node}"]').fill("66")
        self.submit(card.get_by_role("button", name="只报送此项"))
        check("已报送 1 项" in self.flash(), f"after 只报送此项 the flash is {self.flash()!r}")
        card = page.locator(f'article.report-item[data-node="{node}"]')
        check("已报送" in card.inner_text(), f"the card does not show 已报送: {card.inner_text()[:200]}")
        self.logout()

        self.login("office")
        self.goto(task_href)
        report = page.locator("article.report[data-state=submitted]").first
        report.locator("form", has=page.get_by_role("button", name="退回")).locator("input[name=comment]").fill("请补充量化数据")
        self.submit(report.get_by_role("button", name="退回"))
        check("已退回" in self.flash(), f"after 退回 the flash is {self.flash()!r}")
        self.logout()

        self.login("kjj")
        self.goto("/notifications")
        check(page.locator("li.unread", has_text="请补充量化数据").count() >= 1, "kjj has no notification of the return")
        self.goto("/reports")
        card = page.locator(f'article.report-item[data-node="{node}"]')
        check("退回原因：请补充量化数据" in card.inner_text(), f"the returned card does not say why: {card.inner_text()[:300]}")
        card.locator("textarea").fill("浏览器测试：已补充，新增申报企业 12 家。")
        self.submit(card.get_by_role("button", name="只报送此项"))
        check("已报送 1 项" in self.flash(), f"after resubmitting the flash is {self.flash()!r}")
        self.phone()
        self.goto("/reports")
        self.no_horizontal_scroll("/reports")
        self.desktop()
        self.logout()

        self.login("office")
        self.goto(task_href)
        report = page.locator("article.report[data-state=submitted]").first
        check("新增申报企业 12 家" in report.inner_text(), "the office does not see the resubmitted text")
        self.submit(report.get_by_role("button", name="采纳"))
        check("已采纳" in self.flash(), f"after 采纳 the flash is {self.flash()!r}")
        timeline = page.locator("ol.timeline").inner_text()
        for word in ("报送", "退回", "采纳"):
            check(word in timeline, f"the timeline has no {word}: {timeline[:400]}")
        plan_path = task_href.split("/tasks/")[0]
        self.goto(plan_path + "/dashboard")
        check(page.locator("svg").count() >= 2, "the dashboard draws fewer than two charts")
        check(page.locator("[data-count=total]").count() == 1, "the dashboard has no task count")
    # q. ------------------------------------------------------------------
    def step_partners(self):
        """广水 2022: a responsible unit reports its part, the lead sees it to compile, the office sees who is silent."""
        page = self.page
        key = "三/（一）"   # 市科技经信局 leads; 市人社局 is among the responsible units
        text = "浏览器测试：人社局本月完成人才平台摸底，新增博士后工作站1家。"
        page.context.clear_cookies()  # whoever the step before left signed in
        self.login("gsrsj")
        self.goto("/reports")
        card = page.locator(f'article.report-item[data-key="{key}"]')
        check(card.count() == 1, f"gsrsj's 本期报送 has {card.count()} cards for {key}: {page.inner_text('main')[:400]}")
        note = card.locator(".partner-note").inner_text()
        check("由牵头单位市科技经信局汇总" in note, f"the partner is not told who compiles: {note!r}")
        node = card.get_attribute("data-node")
        card.locator(f'textarea[name="narrative:{node}"]').fill(text)
        card.locator(f'input[name="percent:{node}"]').fill("70")
        self.submit(card.get_by_role("button", name="只报送此项"))
        check("已报送 1 项" in self.flash(), f"after 只报送此项 the flash is {self.flash()!r}")
        self.logout()

        self.login("gskjj")
        self.goto("/reports")
        card = page.locator(f'article.report-item[data-key="{key}"]')
        block = card.locator(".partner-reports")
        check(block.count() == 1, f"the lead sees no partners' reports on {key}: {card.inner_text()[:300]}")
        mine = block.locator("li", has_text="市人社局").inner_text()
        check(text in mine and "已报送" in mine and "进度 70%" in mine, f"the lead sees 市人社局's part as {mine!r}")
        # The demo returned 市科协's December report: not handed in, and shown so.
        silent = block.locator("li.partner-missing, li.partner-returned", has_text="市科协")
        check(silent.count() == 1, f"the lead is not told 市科协 has nothing handed in: {block.inner_text()[:400]}")
        self.logout()

        self.login("hubei")
        self.goto("/plans")
        plan_path = page.get_by_role("link", name=GB_TITLE).first.get_attribute("href")
        self.goto(plan_path + "/dashboard")
        row = page.locator("#late tr", has_text="推进省级创新型县（市）建设")
        check(row.count() == 1, f"{key} is not among the late tasks on the dashboard")
        reason = row.locator("td").last.inner_text()
        check("进展未报送（" in reason and "市科协" in reason and "市人社局" not in reason,
              f"the dashboard's reason does not name the silent units alone: {reason!r}")
        self.logout()


    # k. ------------------------------------------------------------------
    def step_escalation(self):
        """The rules remind and chase units and propose notices; the office issues one."""
        page = self.page
        self.logout()
        self.login("office")
        self.goto("/plans")
        link = page.get_by_role("link", name=DEMO_2025_TITLE).first
        plan_path = link.get_attribute("href")
        self.goto(plan_path + "/notices")
        self.submit(page.get_by_role("button", name="立即检查提醒与督办"))
        flash = self.flash()
        m = re.search(r"提醒 (\d+) 条，催报 (\d+) 条，新提出督办单 (\d+) 份", flash)
        check(m, f"the check printed no counts: {flash!r}")
        reminded, chased, proposed_count = (int(m.group(i)) for i in (1, 2, 3))
        # On any business date: a report is due in two days (the demo's
        # calendar), so there are reminders; the finished years' plans
        # (2020, 2022, 2023) have December reports missing, so there is
        # chasing and there are notices to propose even in January.
        check(reminded > 0 and chased > 0 and proposed_count > 0,
              f"on {self.s.today} the check did not remind, chase and propose: {flash!r}")
        self.goto(plan_path + "/notices")
        proposed = page.locator("article.notice[data-status=proposed]")
        if proposed.count() == 0:
            # In January nothing of this year's plan is past its deadline: the
            # notices are on the finished years' plans. Find one by its links.
            check(self.s.today != "real" and self.s.today[5:7] == "01",
                  f"no proposed notice on {DEMO_2025_TITLE}'s notices page on {self.s.today}")
            self.goto("/plans")
            hrefs = [h for h in page.locator("table.grid a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
                     if re.fullmatch(r"/plans/[0-9A-Fa-f-]{36}", h or "")]
            for href in dict.fromkeys(hrefs):
                self.goto(href + "/notices")
                if proposed.count() > 0:
                    plan_path = href
                    break
            check(proposed.count() >= 1, f"no plan has a proposed notice on {self.s.today}")
        first = proposed.first
        self.submit(first.get_by_role("button", name="签发", exact=True))
        check("已签发" in self.flash(), f"after 签发 the flash is {self.flash()!r}")
        check(page.locator("article.notice[data-status=issued]").count() >= 1, "no issued notice after 签发")
        self.submit(page.get_by_role("button", name="立即检查提醒与督办"))
        check("提醒 0 条，催报 0 条，新提出督办单 0 份" in self.flash(), f"a second check sent again: {self.flash()!r}")
        self.logout()
        self.login("kjj")
        self.goto("/notifications")
        check(page.locator("li[data-kind=remind]").count() >= 1, "kjj has no 报送提醒 in 通知")
        self.logout()

    # l. ------------------------------------------------------------------
    def step_bulletin(self):
        """The office drafts a monthly bulletin, checks it, publishes it; its .docx reads back (python-docx) with the dashboard's figures."""
        page = self.page
        self.login("office")
        self.goto("/plans")
        plan_path = page.get_by_role("link", name=DEMO_2025_TITLE).first.get_attribute("href")
        self.goto(plan_path + "/bulletins")
        values = page.locator("select[name=period] option").evaluate_all("els => els.map(e => e.value)")
        months = [v for v in values if re.fullmatch(r"\d{4}-\d{2}", v or "")]
        # Any business date offers at least one month of the plan's year (in
        # January only January itself).
        check(months, f"the bulletin form offers no month: {values}")
        # Pre-selected: the latest month past its deadline, never one still being collected.
        titles = page.locator("select[name=period] option").evaluate_all("els => els.map(e => [e.value, e.textContent])")
        due = [v for v, t in titles if v in months and "未到报送截止" not in t]
        selected = page.locator("select[name=period]").input_value()
        if due:
            check(selected == due[0], f"the form pre-selects {selected}, not the latest month past its deadline {due[0]}")
        page.locator("select[name=kind]").select_option("monthly")
        month = months[1] if len(months) > 1 else months[0]
        page.locator("select[name=period]").select_option(month)
        self.submit(page.get_by_role("button", name="生成草稿"))
        check("已生成通报草稿" in self.flash(), f"after 生成草稿 the flash is {self.flash()!r}")
        # The draft is checked first: its tables are on the page, and
        # 确认发布 does nothing until the confirmation is ticked.
        check(page.locator("article.bulletin table").count() >= 2, "the draft's page shows no tables")
        check(page.locator("article.bulletin th", has_text="预计完成率").count() == 1, "the draft has no 预计完成率 column")
        page.get_by_role("button", name="确认发布").click()
        check(page.get_by_role("button", name="确认发布").count() == 1, "确认发布 went through without the confirmation ticked")
        page.get_by_label(re.compile("已核对草稿内容")).check()
        self.submit(page.get_by_role("button", name="确认发布"))
        check("已发布第" in self.flash(), f"after 确认发布 the flash is {self.flash()!r}")
        check(page.get_by_role("button", name="撤回通报").count() == 1, "an issued bulletin offers no 撤回")
        text = page.locator("article.bulletin").inner_text()
        m = re.search(r"任务总数(\d+)项", text)
        check(m, f"the bulletin page has no 任务总数: {text[:300]}")
        total = int(m.group(1))
        with page.expect_download() as info:
            page.get_by_role("link", name="下载 .docx").first.click()
        download = info.value
        check(download.suggested_filename.endswith(".docx"), f"download is named {download.suggested_filename!r}")
        path = self.work / "bulletin.docx"
        download.save_as(path)
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "check-docx.py"), str(path),
             "--expect-text", "落实情况通报", "--expect-table-cell", f"任务总数={total}项",
             "--expect-text", "一、主要指标完成情况", "--expect-text", "单位排名"],
            capture_output=True, text=True)
        check(result.returncode == 0, f"python-docx check failed: {result.stdout[-500:]} {result.stderr[-500:]}")
        self.goto(plan_path + "/dashboard")
        dash_total = int(re.search(r"\d+", page.locator("[data-count=total]").inner_text()).group(0))
        check(dash_total == total, f"the bulletin counts {total} tasks, the dashboard {dash_total}")
        self.goto(plan_path + "/bulletins")
        check(page.locator("table.bulletins tbody tr").count() == 1, "the issued bulletin is not listed")
    # r. ------------------------------------------------------------------
    def step_quarterly_bulletin(self):
        """A 季度通报 leads with numbers: indicators with 较上期, the counties compared and ranked, a native chart; LibreOffice converts it to PDF."""
        page = self.page
        page.context.clear_cookies()  # whoever the step before left signed in
        self.login("hubei")
        self.goto("/plans")
        plan_path = page.get_by_role("link", name=DEMO_2025_TITLE).first.get_attribute("href")
        self.goto(plan_path + "/bulletins")
        page.locator("select[name=kind]").select_option("quarterly")
        values = page.locator("select[name=period] option").evaluate_all("els => els.map(e => e.value)")
        quarters = [v for v in values if re.fullmatch(r"\d{4}-Q[1-4]", v or "")]
        check(quarters, f"the bulletin form offers no quarter: {values}")
        page.locator("select[name=period]").select_option(quarters[-1])
        self.submit(page.get_by_role("button", name="生成草稿"))
        check("已生成通报草稿" in self.flash(), f"after 生成草稿 the flash is {self.flash()!r}")
        article = page.locator("article.bulletin")
        check(article.locator("th", has_text="较上期").count() == 1, "the draft's indicator table has no 较上期 column")
        check(article.get_by_text("各地完成情况对比").count() >= 1, f"the draft compares no places: {article.inner_text()[:600]}")
        places = article.locator("table.places tbody tr")
        check(places.count() >= 3, f"the places' table has {places.count()} rows, not 随州's counties")
        first = places.first.locator("td").first.inner_text().strip()
        check(first == "1", f"the places' table does not start with rank 1: {first!r}")
        with page.expect_download() as info:
            page.get_by_role("link", name="下载草稿 .docx").first.click()
        path = self.work / "quarterly.docx"
        info.value.save_as(path)
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "check-docx.py"), str(path), "--expect-chart", "--pdf",
             "--expect-text", "一、主要指标完成情况", "--expect-text", "二、各地完成情况对比",
             "--expect-table-cell", "名次=地区"],
            capture_output=True, text=True)
        check(result.returncode == 0, f"check-docx (python-docx, LibreOffice) failed: {result.stdout[-800:]} {result.stderr[-800:]}")
        self.logout()

    # s. ------------------------------------------------------------------
    def step_split_and_meeting(self):
        """随州 hands 技术合同登记额75亿元 to its three counties (a wrong total refused, then saved) and sees the split; it records a meeting's decision as a task."""
        page = self.page
        page.context.clear_cookies()  # whoever the step before left signed in
        self.login("hubei")
        self.goto("/plans")
        plan_path = page.get_by_role("link", name=DEMO_2025_TITLE).first.get_attribute("href")
        self.goto(plan_path)
        self.goto(page.get_by_role("link", name="推进科创链供应平台扩面提质").first.get_attribute("href"))
        section = page.locator("section.target-split", has_text="技术合同登记额")
        check(section.count() == 1, f"the task page offers no split of 技术合同登记额: {page.inner_text('main')[:500]}")
        for place, value in (("421303", "34"), ("421321", "15"), ("421381", "25")):
            section.locator(f'input[name="s|{place}"]').fill(value)
        self.submit(section.get_by_role("button", name="保存分解"))
        check("相差" in self.flash(), f"a split of 74 for 75 was not refused: {self.flash()!r}")
        section = page.locator("section.target-split", has_text="技术合同登记额")
        section.locator('input[name="s|421381"]').fill("26")
        self.submit(section.get_by_role("button", name="保存分解"))
        check("已将目标分解到 3 个地区" in self.flash(), f"after 保存分解 the flash is {self.flash()!r}")
        section = page.locator("section.target-split", has_text="技术合同登记额")
        row = section.locator("tr", has_text="曾都区").inner_text()
        check("34亿元" in row, f"the split's row for 曾都区 reads {row!r}")
        total = section.locator("tr", has_text="合计").inner_text()
        check("75亿元" in total, f"the split's total reads {total!r}")

        self.goto(plan_path + "/meetings")
        page.locator("input[name=title]").fill("浏览器测试领导小组月例会")
        page.locator("input[name=heldOn]").fill("2025-05-12")
        page.locator("input[name=item1]").fill("浏览器测试：制定科创平台绩效评价办法")
        page.locator("input[name=unit1]").fill("市科技局")
        page.locator("input[name=deadline1]").fill("2025-07-31")
        self.submit(page.get_by_role("button", name="记录并纳入督办"))
        check("已记录" in self.flash(), f"after 记录并纳入督办 the flash is {self.flash()!r}")
        meeting = page.locator("section.meeting", has_text="浏览器测试领导小组月例会")
        check(meeting.count() == 1 and "制定科创平台绩效评价办法" in meeting.inner_text(),
              f"the meeting is not listed with its decision: {page.inner_text('main')[:500]}")
        self.logout()


    # m. ------------------------------------------------------------------
    def step_indicators(self):
        import openpyxl

        page = self.page
        # The office of 随州 enters the city's own base data.
        self.goto("/places/421300/base-data")
        gdp = page.locator('input[name="v|base.gdp|421300"]')
        gdp.fill("1420")
        page.locator('input[name="v|base.legal_persons|421300"]').fill("31000")
        self.submit(page.get_by_role("button", name="保存基础数据"))
        check("基础数据已保存" in self.flash(), f"after saving base data the flash is {self.flash()!r}")
        check(page.locator('input[name="v|base.gdp|421300"]').input_value() == "1420", "the saved GDP is not shown back")
        page.locator('input[name="v|base.employed|421300"]').fill("很多")
        page.locator('input[name="v|base.gdp|421300"]').fill("1500")
        self.submit(page.get_by_role("button", name="保存基础数据"))
        check("应填数字" in self.flash(), f"a word for a number gave the flash {self.flash()!r}")
        check(page.locator('input[name="v|base.gdp|421300"]').input_value() == "1420",
              "a refused form changed the saved GDP")
        # The county → city roll-up: the counties' targets do not add up to the city's.
        self.goto("/places/421300/indicators/tsme.registered")
        warning = page.locator("[data-warning=target-mismatch]")
        check(warning.count() == 1 and "下级合计" in warning.inner_text(), "no target mismatch warning on the city's page")
        rows = page.locator("table.rollup tbody tr")
        check(rows.count() == 4, f"the roll-up has {rows.count()} rows, expected the city and its three counties")
        check("不一致" in rows.first.inner_text(), f"the city's row does not say the figures disagree: {rows.first.inner_text()}")
        check(page.locator("figure.indicator-chart svg").count() == 1, "no chart on the indicator page")
        with page.expect_download() as info:
            page.get_by_role("link", name="下载 .xlsx").click()
        path = self.work / "indicator.xlsx"
        info.value.save_as(path)
        book = openpyxl.load_workbook(path)
        table = list(book["下级汇总"].iter_rows(values_only=True))
        check(len(table) == 5 and table[1][0] == "421300", f"the roll-up sheet has {len(table)} rows, first {table[1][:2] if len(table) > 1 else None}")
        check("目标" in (table[1][-1] or ""), f"the city's row in the workbook does not carry the mismatch: {table[1][-1]!r}")
        check([r[0] for r in book["逐月"].iter_rows(values_only=True)][1:] == list(range(1, 13)), "the monthly sheet is not months 1–12")
        # The ranking of the units, downloaded and read back.
        self.goto("/places/421300/assessment")
        names = [n.strip() for n in page.locator("table.ranking tbody tr td:nth-child(2)").all_inner_texts()]
        check(len(names) >= 2, f"the assessment ranks {names}")
        with page.expect_download() as info:
            page.get_by_role("link", name="下载考核排名 .xlsx").click()
        path = self.work / "ranking.xlsx"
        info.value.save_as(path)
        wb = openpyxl.load_workbook(path)
        sheet = wb.worksheets[0]
        check(sheet.title.endswith("年考核排名"), f"the first sheet is {sheet.title!r}")
        rows = list(sheet.iter_rows(values_only=True))
        check(rows[0][0] == "名次" and rows[0][1] == "单位", f"the header is {rows[0][:3]}")
        check([r[1] for r in rows[1:]] == names, "the workbook's units are not in the page's order")
        totals = [r[-1] for r in rows[1:]]
        check(all(a >= b for a, b in zip(totals, totals[1:])), f"the totals are not best first: {totals}")
        check(rows[1][0] == 1, f"the first row's rank is {rows[1][0]}")
        # Actual values from a statistics workbook: the template, a good file, a refused one.
        self.goto("/places/421300/values/import")
        with page.expect_download() as info:
            page.get_by_role("link", name="下载模板 .xlsx").click()
        template = self.work / "template.xlsx"
        info.value.save_as(template)
        header = [c for c in next(openpyxl.load_workbook(template).worksheets[0].iter_rows(values_only=True)) if c]
        check("数值" in header and any("地区" in str(c) for c in header), f"the template's header is {header}")
        year = int(page.locator("nav.tabs a").first.get_attribute("href").split("year=")[1])
        for name, value in (("good.xlsx", 321), ("bad.xlsx", "约300")):
            book = openpyxl.Workbook()
            book.active.append(["地区代码", "指标代码", "年份", "月份", "数值", "备注"])
            book.active.append(["421381", "tsme.registered", year, 11, value, "统计局"])
            book.save(self.work / name)
        page.locator("input[type=file][name=file]").set_input_files(str(self.work / "bad.xlsx"))
        self.submit(page.get_by_role("button", name="上传并导入"))
        check("未导入任何数值" in page.inner_text("main") and "第 2 行" in page.inner_text("main"),
              f"a bad workbook gave: {page.inner_text('main')[:300]}")
        page.locator("input[type=file][name=file]").set_input_files(str(self.work / "good.xlsx"))
        self.submit(page.get_by_role("button", name="上传并导入"))
        check("已导入 1 个实际值" in self.flash(), f"after the import the flash is {self.flash()!r}")
        # The counties compared, normalised by GDP where base data exist, and exported.
        self.goto(f"/indicators/tsme.registered/compare?places=421303,421321,421381&years={year - 1},{year}&measure=perGDP")
        check(page.locator("figure.comparison-chart svg").count() == 1, "no comparison chart")
        table = page.locator("table.comparison tbody tr")
        check(table.count() == 6, f"the comparison has {table.count()} rows, expected 3 places × 2 years")
        with page.expect_download() as info:
            page.get_by_role("link", name="下载对比表 .xlsx").click()
        path = self.work / "comparison.xlsx"
        info.value.save_as(path)
        found = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
        check(found[0][1] == "地区" and len(found) == 7, f"the comparison workbook is {found[:2]}")
        guangshui = [r for r in found[1:] if r[0] == "421381" and r[2] == year]
        check(guangshui and guangshui[0][4] is not None and guangshui[0][4] >= 321,
              f"广水's imported actual is not in the comparison: {guangshui}")

    # n. ------------------------------------------------------------------
    def step_security(self):
        import openpyxl

        page = self.page
        # Every posting form carries the token; a tampered token is refused in Chinese and changes nothing.
        self.goto("/account")
        forms = page.locator("form[method=post]")
        check(forms.count() >= 2, "the account page has no posting forms")
        for i in range(forms.count()):
            check(forms.nth(i).locator("input[type=hidden][name=_csrf]").count() == 1, f"form {i} on /account has no CSRF token")
        page.locator("input[name=current]").fill(PASSWORD)
        page.locator("input[name=new]").fill("Kx7#mq2!Lp")
        page.locator("input[name=confirm]").fill("Kx7#mq2!Lp")
        page.evaluate("document.querySelector('form[action=\"/account/password\"] input[name=_csrf]').value = 'forged'")
        self.submit(page.get_by_role("button", name="修改密码"))
        check("请刷新页面后重新提交" in page.inner_text("main"), f"a forged token was not refused: {page.inner_text('main')[:200]}")
        # The real form: a weak password is refused with the rules, a good one accepted.
        self.goto("/account")
        page.locator("input[name=current]").fill(PASSWORD)
        page.locator("input[name=new]").fill("abc")
        page.locator("input[name=confirm]").fill("abc")
        self.submit(page.get_by_role("button", name="修改密码"))
        check("至少 10 位" in page.inner_text("main"), f"a weak password gave: {page.inner_text('main')[:200]}")
        new_password = "Kx7#mq2!Lp"
        page.locator("input[name=current]").fill(PASSWORD)
        page.locator("input[name=new]").fill(new_password)
        page.locator("input[name=confirm]").fill(new_password)
        self.submit(page.get_by_role("button", name="修改密码"))
        check("密码已修改" in self.flash(), f"after the change the flash is {self.flash()!r}")
        # The second factor: the key shown on the page, a code computed from it.
        self.submit(page.get_by_role("button", name="开启两步验证"))
        secret = page.locator("p.secret").inner_text().replace(" ", "")
        check(len(secret) == 32, f"the key on the page is {secret!r}")
        page.locator("input[name=code]").fill(totp(secret))
        self.submit(page.get_by_role("button", name="确认开启"))
        check("两步验证已开启" in self.flash(), f"after confirming the flash is {self.flash()!r}")
        self.logout()
        self.goto("/login")
        page.locator("input[name=username]").fill("office")
        page.locator("input[name=password]").fill(new_password)
        self.submit(page.get_by_role("button", name="登录"), "**/login/code")
        page.locator("input[name=code]").fill("000000")
        self.submit(page.get_by_role("button", name="登录"))
        check("动态验证码不正确" in page.inner_text("main"), "a wrong code was not refused")
        page.locator("input[name=code]").fill(totp(secret, 30))
        self.submit(page.get_by_role("button", name="登录"))
        expect(page.get_by_role("button", name="退出")).to_be_visible()
        self.logout()
        # The admin finds it all in the audit trail and exports it.
        self.login("admin")
        self.goto("/admin/audit?action=totp")
        rows = page.locator("table.grid tbody tr")
        check(rows.count() == 1 and "totp.enable" in rows.first.inner_text(), f"the trail shows {rows.count()} totp rows")
        with page.expect_download() as info:
            page.get_by_role("link", name="导出 .xlsx").click()
        path = self.work / "audit.xlsx"
        info.value.save_as(path)
        sheet = openpyxl.load_workbook(path).worksheets[0]
        found = list(sheet.iter_rows(values_only=True))
        check(found[0][:3] == ("时间（北京时间）", "账号", "操作"), f"the audit header is {found[0][:3]}")
        check([r[2:4] for r in found[1:]] == [("开启两步验证", "totp.enable")] and found[1][1] == "随州市科技局计划办",
              f"the exported rows are {found[1:]}")
        self.goto("/admin/audit?action=export")
        check("export.audit" in page.inner_text("main"), "the export is not in the trail")
        self.logout()


    # o. ------------------------------------------------------------------
    def step_leader_summary(self):
        """The leader lands on 领导摘要: which targets will be missed, who answers for them, one screen."""
        page = self.page
        wide = {"width": 1366, "height": 768}
        for size in (PHONE, wide):
            page.set_viewport_size(size)
            page.context.clear_cookies()  # whoever the step before left signed in
            self.login("leader")
            check(page.url.split("?")[0].endswith("/summary"), f"the leader landed on {page.url}, not 领导摘要")
            for title in (DEMO_2025_TITLE, GB_TITLE):
                select = page.locator("select[name=plan]")
                label = page.locator("select[name=plan] option:checked").inner_text()
                if label != title:
                    select.select_option(label=title)
                    self.submit(page.get_by_role("button", name="查看"))
                plan_id = page.locator("select[name=plan]").input_value()
                # The page lists what the dashboard's API says will be missed, worst first.
                answer = page.request.get(self.url(f"/api/plans/{plan_id}/dashboard"))
                check(answer.ok, f"the dashboard API answered {answer.status}")
                missed = [t for t in answer.json()["targets"] if t["willBeMissed"]]
                check(missed, f"{title}: the demo has targets that will be missed, the API lists none")
                cards = page.locator("li[data-kind=target]")
                check(cards.count() == min(5, len(missed)),
                      f"{title}: {cards.count()} target cards, the API has {len(missed)} that will be missed")
                texts = {t["text"] for t in missed}
                for i in range(cards.count()):
                    card = cards.nth(i)
                    name = card.locator(".summary-title").inner_text()
                    check(any(name.startswith(t) for t in texts), f"{title}: card {name!r} is not a target the API says will be missed")
                    who = card.locator(".summary-who").inner_text()
                    check("责任单位：" in who and "分管领导：" in who and "未列明；" not in who,
                          f"{title}: card {name!r} does not say who answers for it: {who!r}")
                count = page.locator("[data-count=missed] strong").inner_text()
                check(int(count) == len(missed), f"{title}: the count says {count}, the API {len(missed)}")
                # One screen: the counts and the first card, with who answers for it, without scrolling.
                box = cards.first.locator(".summary-who").bounding_box()
                check(box and box["y"] + box["height"] <= size["height"],
                      f"{title} at {size['width']} px: the first target's 责任单位 is below the first screen ({box})")
                self.no_horizontal_scroll(f"领导摘要 of {title} at {size['width']} px")
                shot = f"/tmp/sciplan-summary-{size['width']}-{'2025' if title == DEMO_2025_TITLE else '2022'}.png"
                page.screenshot(path=shot)
                print(f"browser: screenshot {shot}")
            self.logout()
        self.desktop()

    # p. ------------------------------------------------------------------
    def step_phone_cards(self):
        """At 390 px a table row is a card: each cell full width with its column's name before it."""
        page = self.page
        page.context.clear_cookies()  # whoever the step before left signed in
        # The provincial office: step n changes the city office's password.
        self.login("hubei")
        self.goto("/plans")
        plan_path = page.get_by_role("link", name=DEMO_2025_TITLE).first.get_attribute("href")
        self.phone()
        for path, table in ((plan_path + "/breakdown", "table.breakdown"), (plan_path + "/dashboard", "#late table, #behind table, #at-risk table")):
            self.goto(path)
            self.no_horizontal_scroll(path)
            cell = page.locator(table).locator("tbody tr td[data-label=任务]").first
            check(cell.count() == 1, f"{path}: no 任务 cell in {table}")
            box = cell.bounding_box()
            check(box and box["width"] >= 300, f"{path}: the 任务 cell is {box and box['width']} px wide at 390 px, not a card")
            label = cell.evaluate("el => getComputedStyle(el, '::before').content")
            check("任务" in label, f"{path}: the cell does not show its column's name at phone width: {label!r}")
        self.desktop()
        self.goto(plan_path + "/breakdown")
        header = page.locator("table.breakdown thead th").first.bounding_box()
        check(header and header["height"] > 0, "at desktop width the breakdown keeps its column headers")
        self.logout()

def totp(secret, offset=0):
    """RFC 6238 code (SHA-1, six digits, 30 s) for the base32 secret, `offset` seconds from now."""
    import base64
    import hashlib
    import hmac
    import struct
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((time.time() + offset) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    start = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[start:start + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


STEPS = [
    ("a login as office (phone width: login, plan list)", "step_login_office"),
    ("b import: a held plan refused as the same text, a revision imported through the import page", "step_import"),
    ("c review: marks in the text, correct a node and a target, reload", "step_review"),
    ("d units: one 新建单位, then 为未匹配的名称全部新建单位", "step_units"),
    ("e publish: 已发布", "step_publish"),
    ("f breakdown: filter by unit, download .xlsx, read it with openpyxl", "step_breakdown"),
    ("g reporter kjj sees the new tasks under 我的任务 (phone width)", "step_reporter"),
    ("h bad input: PDF bytes refused in Chinese, a GB18030 copy of a held plan refused as the same text", "step_bad_input"),
    ("i escaping: <script> in a title shows as text, no dialog", "step_escaping"),
    ("j report cycle: submit, return, resubmit, accept; dashboard", "step_report_cycle"),
    ("k escalation: remind, chase, propose a notice; the office issues it", "step_escalation"),
    ("l bulletin: draft a monthly bulletin, check it, publish it with confirmation, read its .docx back with python-docx", "step_bulletin"),
    ("m indicators: base data entered, county → city roll-up with a mismatch warning, ranking .xlsx read back, actuals imported, counties compared and exported", "step_indicators"),
    ("n security: forged token refused, password rules, second factor at login, audit trail searched and exported", "step_security"),
    ("o leader summary: lands on 领导摘要; 随州 2025 and 广水 2022 answer 哪些目标完不成、谁负责 on one screen at 390 and 1366 px (screenshots)", "step_leader_summary"),
    ("p phone cards: the breakdown table and the dashboard's tables at 390 px are cards with their labels, no sideways scroll", "step_phone_cards"),
    ("r quarterly bulletin: indicators with 较上期, counties compared and ranked, a native Word chart; python-docx finds them, LibreOffice converts it to PDF", "step_quarterly_bulletin"),
    ("q partners: 广水's responsible unit reports its part, the lead sees it to compile, the dashboard names who is silent", "step_partners"),
    ("s split and meeting: 随州 hands a target to its three counties (a wrong total refused) and sees the split; a meeting's decision recorded as a task", "step_split_and_meeting"),
]


def main():
    sys.stdout.reconfigure(line_buffering=True)
    sys.stderr.reconfigure(line_buffering=True)
    import argparse
    parser = argparse.ArgumentParser(description="sciplan in headless Chromium")
    parser.add_argument("binary")
    parser.add_argument("--today", default=DEFAULT_TODAY,
                        help="SCIPLAN_TODAY for the server (ISO date), or 'real' for the demo's own choice from the real date")
    parser.add_argument("--steps", default="", help="comma-separated step letters to run (default: all)")
    args = parser.parse_args()
    chosen = {x.strip() for x in args.steps.split(",") if x.strip()}
    steps = [(name, method) for name, method in STEPS if not chosen or name.split()[0] in chosen]
    if not steps:
        print(f"browser: no step matches --steps {args.steps}", file=sys.stderr)
        return 2
    # A SIGTERM (say, from a test runner giving up) still stops the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.time()
    server = DemoServer(args.binary, args.today, log_prefix="sciplan-browser-server-")
    passed = failed = 0
    try:
        server.start()
        with tempfile.TemporaryDirectory(prefix="sciplan-browser-") as work, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
            try:
                context = browser.new_context(viewport=DESKTOP, locale="zh-CN", accept_downloads=True)
                context.set_default_timeout(TIMEOUT_MS)
                page = context.new_page()
                run = Run(server, page, Path(work))
                for name, method in steps:
                    t0 = time.time()
                    try:
                        getattr(run, method)()
                    except (Failure, PlaywrightError, AssertionError, Exception) as e:  # noqa: B014
                        failed += 1
                        shot = f"/tmp/sciplan-browser-{method}.png"
                        try:
                            page.screenshot(path=shot, full_page=True)
                        except PlaywrightError:
                            shot = "(no screenshot)"
                        print(f"browser: FAIL {name}: {e}", file=sys.stderr)
                        if not isinstance(e, (Failure, PlaywrightError)):
                            traceback.print_exc()
                        print(f"browser: page {page.url}, screenshot {shot}", file=sys.stderr)
                        print(f"browser: server log {server.log.name}, last lines:\n{server.tail()}", file=sys.stderr)
                        break
                    passed += 1
                    print(f"browser: ok {name} ({time.time() - t0:.1f} s)", flush=True)
            finally:
                browser.close()
    except (Failure, ServerFailure) as e:
        failed += 1
        print(f"browser: FAIL {e}", file=sys.stderr)
    finally:
        server.stop()
        if not failed:
            Path(server.log.name).unlink(missing_ok=True)
    db = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    print(f"browser ({db}, business date {args.today}, {time.time() - started:.0f} s):")
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
