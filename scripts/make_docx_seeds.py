#!/usr/bin/env python3
"""Write a few minimal .docx files into OUTDIR as fuzz seeds.

Usage: make_docx_seeds.py OUTDIR PLAN.txt...
Each seed stays well under the fuzzers' -max_len (64 KiB).
"""
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def paragraph(line, split_runs):
    if not split_runs or len(line) < 4:
        return f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
    # Word often splits a heading into several runs; break the label from the rest.
    a, b, c = line[:2], line[2:len(line) // 2], line[len(line) // 2:]
    runs = ''.join(f'<w:r><w:rPr><w:b/></w:rPr><w:t>{escape(x)}</w:t></w:r>' for x in (a, b, c))
    return f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{runs}<w:r><w:tab/><w:br/></w:r></w:p>'


def document(lines, split_runs=False, table=False, prolog=''):
    body = ''.join(paragraph(l, split_runs) for l in lines)
    if table:
        cells = ''.join(f'<w:tc><w:p><w:r><w:t>{escape(l[:20])}</w:t></w:r></w:p></w:tc>' for l in lines[:6])
        body += f'<w:tbl><w:tr>{cells}</w:tr></w:tbl>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>')


def write(path, doc, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, 'w', method) as z:
        z.writestr('[Content_Types].xml', CONTENT_TYPES)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/document.xml', doc)


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    plans = [Path(p) for p in sys.argv[2:]]
    for i, plan in enumerate(plans[:3]):
        lines = [l.strip() for l in plan.read_text(encoding='utf-8').splitlines() if l.strip()][:60]
        write(out / f'seed-{i}-deflate.docx', document(lines))
        write(out / f'seed-{i}-stored-runs.docx', document(lines[:30], split_runs=True, table=True),
              zipfile.ZIP_STORED)
    write(out / 'seed-empty-body.docx', document([]))
    write(out / 'seed-doctype.docx',
          document(['一、标题&x;'], prolog='<!DOCTYPE w:document [<!ENTITY x "xx">]>'))


if __name__ == '__main__':
    main()
