#!/usr/bin/env python3
"""Checks a task breakdown workbook written by `sciplan breakdown` the way a
spreadsheet program sees it (openpyxl): sheets, header, frozen pane, column
widths, wrapped data cells, rows. Prints what it found; exits 1 if anything is off.

usage: scripts/check-xlsx.py FILE.xlsx
"""
import sys

from openpyxl import load_workbook

HEADER = ["序号", "任务", "牵头单位", "责任单位", "配合单位", "分管领导", "目标", "完成时限"]
PLAN_FIELDS = ["标题", "发文单位", "行政区划", "年度", "文号", "发文日期"]


def main(path):
    problems = []
    book = load_workbook(path)
    print(f"sheets: {book.sheetnames}")
    if book.sheetnames != ["任务分解表", "计划信息"]:
        problems.append("sheets should be 任务分解表, 计划信息")
    sheet = book.worksheets[0]

    header = [sheet.cell(row=2, column=i + 1).value for i in range(len(HEADER))]
    print(f"header: {header}")
    if header != HEADER:
        problems.append("row 2 is not the header")
    if not all(sheet.cell(row=2, column=i + 1).font.b for i in range(len(HEADER))):
        problems.append("header cells are not bold")

    title = sheet["A1"].value or ""
    print(f"title: {title}  merged: {[str(r) for r in sheet.merged_cells.ranges]}")
    if not title.endswith("任务分解表") or "A1:H1" not in [str(r) for r in sheet.merged_cells.ranges]:
        problems.append("row 1 should be the title merged across A1:H1")

    print(f"frozen pane: {sheet.freeze_panes}")
    if sheet.freeze_panes != "A3":
        problems.append("the pane should be frozen below row 2 (A3)")
    print(f"auto filter: {sheet.auto_filter.ref}")
    if not (sheet.auto_filter.ref or "").startswith("A2:H"):
        problems.append("no auto filter on the header row")

    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEFGH"}
    print(f"column widths: {widths}")
    if any(w is None or w < 8 for w in widths.values()) or widths["B"] < 30 or widths["G"] < 30:
        problems.append("column widths missing or too narrow (任务 and 目标 need at least 30)")

    rows = sheet.max_row - 2
    print(f"data rows: {rows}")
    if rows < 1:
        problems.append("no data rows")
    unwrapped = [cell.coordinate for row in sheet.iter_rows(min_row=3, max_col=len(HEADER)) for cell in row
                 if not (cell.alignment.wrap_text and cell.alignment.vertical == "top")]
    print(f"data cells not wrapped and top-aligned: {len(unwrapped)}")
    if unwrapped:
        problems.append(f"data cells without wrap/top alignment: {unwrapped[:5]}")
    numbers = [sheet.cell(row=r, column=1).value for r in range(3, sheet.max_row + 1)]
    if any(not n for n in numbers) or len(set(numbers)) != len(numbers):
        problems.append("序号 missing or repeated")
    tasks = sum(1 for r in range(3, sheet.max_row + 1) if not sheet.cell(row=r, column=2).font.b)
    print(f"tasks: {tasks}, section rows: {rows - tasks}")

    info = book.worksheets[1] if len(book.worksheets) > 1 else None
    labels = [info.cell(row=r, column=1).value for r in range(2, 8)] if info else []
    print(f"plan fields: {dict((l, info.cell(row=i + 2, column=2).value) for i, l in enumerate(labels)) if info else None}")
    if not info or [info["A1"].value, info["B1"].value] != ["项目", "内容"] or labels != PLAN_FIELDS:
        problems.append("计划信息 should list 项目/内容: " + "、".join(PLAN_FIELDS))

    for problem in problems:
        print(f"FAIL: {problem}")
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
