#!/usr/bin/env python3
"""Checks a Word document (a bulletin from sciplan) the way a word processor
library sees it (python-docx) and, with --pdf, as LibreOffice prints it.
Exits 1 with a message when the document does not open, an expected text,
table cell or chart is missing, or LibreOffice makes no PDF of it.

usage: scripts/check-docx.py FILE.docx [--expect-text TEXT ...]
                             [--expect-table-cell ROW_LABEL=VALUE ...]
                             [--expect-chart] [--pdf [--pdf-dir DIR]] [--dump]

  --expect-text TEXT             TEXT occurs in some paragraph or table cell
  --expect-table-cell LABEL=VAL  some table row has a cell LABEL and another cell VAL
  --expect-chart                 the main document relates to a chart part and
                                 shows it inline (a:graphicData of the chart uri);
                                 prints each chart's series and category count
  --pdf                          converts the document with LibreOffice
                                 (soffice --headless) and checks the PDF; with
                                 --expect-chart and pdftotext (poppler-utils),
                                 also that each chart's title is printed in it
  --pdf-dir DIR                  where the PDF goes (default: a temporary directory)
  --dump                         print paragraphs (with style) and tables
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

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


CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
CHART_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": CHART_URI,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}


def check_charts(document, problems):
    """Each inline chart in the body must point, through the main document's
    relationships, at a chart part; there must be at least one. Returns the
    charts' titles."""
    from lxml import etree

    part = document.part
    charts = {rid: rel.target_part for rid, rel in part.rels.items()
              if rel.reltype == CHART_RELTYPE and not rel.is_external}
    titles = []
    if not charts:
        problems.append("the main document has no relationship to a chart part")
        return titles
    # lxml's own XPath: python-docx's element.xpath takes no namespace map.
    inline = etree.XPath(f'.//wp:inline/a:graphic/a:graphicData[@uri="{CHART_URI}"]/c:chart/@r:id',
                         namespaces=NS)(document.element.body)
    if not inline:
        problems.append("the body has no inline graphic of a chart (a:graphicData uri=…/chart)")
    for rid in inline:
        if rid not in charts:
            problems.append(f"the inline chart refers to {rid!r}, which is not a chart relationship")
            continue
        chart = charts[rid]
        if chart.content_type != "application/vnd.openxmlformats-officedocument.drawingml.chart+xml":
            problems.append(f"{chart.partname} has content type {chart.content_type!r}")
        try:
            root = etree.fromstring(chart.blob)
        except etree.XMLSyntaxError as error:
            problems.append(f"{chart.partname} is not well-formed: {error}")
            continue
        title = "".join(root.xpath("c:chart/c:title//a:t/text()", namespaces=NS))
        series = root.xpath("c:chart/c:plotArea/*/c:ser", namespaces=NS)
        names = ["".join(s.xpath("c:tx//c:v/text()", namespaces=NS)) for s in series]
        counts = [s.xpath("c:cat//c:ptCount/@val", namespaces=NS) for s in series]
        categories = int(counts[0][0]) if counts and counts[0] else 0
        labels = series[0].xpath("c:cat//c:pt/c:v/text()", namespaces=NS) if series else []
        print(f"chart {chart.partname} ({rid}): title {title!r}, series {names}, {categories} categories {labels}")
        titles.append(title)
        if not series:
            problems.append(f"{chart.partname} has no series")
        elif categories == 0:
            problems.append(f"{chart.partname} has no categories")
    return titles


def convert_to_pdf(path, outdir, problems):
    """LibreOffice headless, with a profile of its own: with the user's, a
    soffice already running would take the job over, or a locked profile stop
    it. Returns the PDF's path, None when there is none."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        problems.append("--pdf needs LibreOffice (soffice), which is not installed: "
                        "apt-get install libreoffice-writer-nogui (scripts/install-ci-deps.sh)")
        return None
    outdir = Path(outdir or tempfile.mkdtemp(prefix="check-docx-pdf-"))
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="check-docx-lo-") as profile:
        try:
            result = subprocess.run(
                [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", str(outdir), str(path)],
                capture_output=True, text=True, timeout=180)
        except subprocess.TimeoutExpired:
            problems.append("LibreOffice did not convert the document within 180 s")
            return None
    pdf = outdir / (Path(path).stem + ".pdf")
    if not pdf.exists():
        problems.append(f"LibreOffice wrote no {pdf} (exit {result.returncode}): "
                        f"{(result.stdout + result.stderr).strip()[-500:]}")
        return None
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF"):
        problems.append(f"{pdf} does not start with %PDF")
        return None
    if len(data) <= 1024:
        problems.append(f"{pdf} is only {len(data)} bytes")
        return None
    pages = ""
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = next((", " + line.split()[-1] + " pages" for line in info.splitlines()
                      if line.startswith("Pages:")), "")
    print(f"pdf: {pdf} ({len(data)} bytes{pages})")
    return pdf


def check_pdf_shows(pdf, titles, problems):
    """A chart LibreOffice could not draw leaves an empty frame: its title,
    drawn as text inside the chart, is then missing from the PDF's text."""
    if not shutil.which("pdftotext"):
        print("pdf: pdftotext (poppler-utils) is not installed: the chart titles are not looked for in the PDF")
        return
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    for title in titles:
        if title and title not in text:
            problems.append(f"the chart title {title!r} is not in the PDF's text: the chart was not drawn")
        elif title:
            print(f"pdf: shows the chart {title!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--expect-text", nargs="+", action="extend", default=[], metavar="TEXT")
    parser.add_argument("--expect-table-cell", nargs="+", action="extend", default=[], metavar="ROW_LABEL=VALUE")
    parser.add_argument("--expect-chart", action="store_true")
    parser.add_argument("--pdf", action="store_true")
    parser.add_argument("--pdf-dir", metavar="DIR")
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

    titles = check_charts(document, problems) if args.expect_chart else []
    if args.pdf:
        pdf = convert_to_pdf(args.file, args.pdf_dir, problems)
        if pdf and titles:
            check_pdf_shows(pdf, titles, problems)

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
