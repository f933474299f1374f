#!/usr/bin/env python3
"""Checks a Word document (a bulletin from sciplan) the way a word processor
library sees it (python-docx). Exits 1 with a message when the document does
not open or an expected text or table cell is missing.

usage: scripts/check-docx.py FILE.docx [--expect-text TEXT ...]
                             [--expect-table-cell ROW_LABEL=VALUE ...] [--dump]

  --expect-text TEXT             TEXT occurs in some paragraph or table cell
  --expect-table-cell LABEL=VAL  some table row has a cell LABEL and another cell VAL
  --dump                         print paragraphs (with style) and tables
"""
import argparse
import sys

try:
    import docx
    import docx.table
except ImportError:
    sys.exit("python-docx is not installed: pip install python-docx")


def cell_texts(row):
    return [cell.text.strip() for cell in row.cells]


def dump(document):
    section = document.sections[0]
    print(f"page: {section.page_width.mm:.0f}×{section.page_height.mm:.0f} mm, "
          f"margins {section.top_margin.cm:.2f}/{section.left_margin.cm:.2f} cm")
    props = document.core_properties
    print(f"properties: title={props.title!r} author={props.author!r} created={props.created}")
    # Body order (python-docx ≥ 1.2); older versions list paragraphs, then tables.
    blocks = list(document.iter_inner_content()) if hasattr(document, "iter_inner_content") \
        else list(document.paragraphs) + list(document.tables)
    number = 0
    for block in blocks:
        if isinstance(block, docx.table.Table):
            number += 1
            style = block.style.name if block.style else None
            print(f"table {number} ({len(block.rows)} rows, style {style}):")
            for row in block.rows:
                print("  " + " | ".join(cell_texts(row)))
        elif block.text.strip():
            print(f"[{block.style.name}] {block.text}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--expect-text", nargs="+", action="extend", default=[], metavar="TEXT")
    parser.add_argument("--expect-table-cell", nargs="+", action="extend", default=[], metavar="ROW_LABEL=VALUE")
    parser.add_argument("--dump", action="store_true")
    args = parser.parse_args()

    try:
        document = docx.Document(args.file)
    except Exception as error:  # python-docx raises several kinds for a broken package
        print(f"{args.file}: does not open as a Word document: {error}", file=sys.stderr)
        return 1
    if args.dump:
        dump(document)

    texts = [p.text for p in document.paragraphs]
    rows = [cell_texts(row) for table in document.tables for row in table.rows]
    texts += [cell for row in rows for cell in row]
    problems = []
    for expected in args.expect_text:
        if not any(expected in text for text in texts):
            problems.append(f"text not found in any paragraph or table cell: {expected!r}")
    for pair in args.expect_table_cell:
        label, sep, value = pair.partition("=")
        if not sep:
            problems.append(f"--expect-table-cell needs ROW_LABEL=VALUE, got {pair!r}")
            continue
        labelled = [row for row in rows if label in row]
        if not labelled:
            problems.append(f"no table row has a cell {label!r}")
        elif not any(value in row[:row.index(label)] + row[row.index(label) + 1:] for row in labelled):
            found = "; ".join(" | ".join(row) for row in labelled[:3])
            problems.append(f"row {label!r} has no cell {value!r} (rows: {found})")

    paragraphs = sum(1 for p in document.paragraphs if p.text.strip())
    print(f"{args.file}: {paragraphs} paragraphs, {len(document.tables)} tables, {len(rows)} table rows")
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    if problems:
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
