#!/usr/bin/env python3
"""Shows where predicted targets differ from gold: usage diff-targets.py GOLD_DIR PRED_DIR."""
import json, sys, unicodedata
from pathlib import Path
norm = lambda s: None if s is None else "".join(c for c in unicodedata.normalize("NFKC", str(s)) if not c.isspace())
g_dir, p_dir = map(Path, sys.argv[1:3])
for g in sorted(g_dir.glob("*.json")):
    gold = json.loads(g.read_text()); pred = json.loads((p_dir / g.name).read_text())
    key = lambda t: (norm(t.get("node")), float(t["value"]), norm(t["unit"]))
    pk = {}
    for t in pred["targets"]: pk.setdefault(key(t), []).append(t)
    for t in gold["targets"]:
        c = pk.get(key(t))
        if not c: print(g.name, "MISSED", t["node"], t["text"], t["value"], t["unit"]); continue
        p = c.pop(0)
        bad = [f for f in ("comparator", "year", "indicator", "max") if t.get(f) != p.get(f) and not (f == "indicator" and not t.get(f))]
        if bad: print(g.name, "WRONG", t["text"], {f: (t.get(f), p.get(f)) for f in bad})
    for v in pk.values():
        for p in v: print(g.name, "EXTRA", p["node"], p["text"], p["value"], p["unit"], p["indicator"])
    for f in ("title", "issuers", "jurisdiction", "year", "doc_number", "issued_date"):
        if norm(json.dumps(gold.get(f), ensure_ascii=False)) != norm(json.dumps(pred.get(f), ensure_ascii=False)):
            print(g.name, "FIELD", f, gold.get(f), pred.get(f))
