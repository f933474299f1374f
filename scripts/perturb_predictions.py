#!/usr/bin/env python3
"""Write perturbed copies of gold files as prediction folders for check-scorer.sh.

usage: perturb_predictions.py GOLD_DIR OUT_ROOT [VARIANTS] [SEED]

OUT_ROOT/edge holds hand-picked edge cases (string values, floats for ints,
missing keys, duplicate ids, units as a string, NaN/inf values); OUT_ROOT/falsy
holds `{}`, `null`, `[]` predictions and a missing file; OUT_ROOT/rNN hold
random mixes of the mistakes a parser makes (dropped or extra nodes, titles,
units, target values/years/comparators/indicators, document fields).
"""
import copy
import json
import random
import sys
from pathlib import Path

ROLES = ("lead_units", "responsible_units", "cooperating_units", "leaders")
FIELDS = ("title", "jurisdiction", "year", "doc_number", "issued_date")


def dump(path, doc):
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")


def edge_cases(golds, out):
    """One deliberate oddity per document (cycled), plus falsy/missing predictions."""
    names = sorted(golds)
    for k, name in enumerate(names):
        d = copy.deepcopy(golds[name])
        ts, ns = d["targets"], d["nodes"]
        if k == 0:
            d["year"] = str(d["year"])                      # "2023" == 2023 after norm(str())
            d["issuers"] = [" " + i + "\u3000" for i in d["issuers"]]
            for t in ts[:3]:
                t["value"] = str(t["value"])                # numeric string still pairs
            ts[3]["value"] = "１０"                          # full-width digits: float() accepts
            ts[4]["value"] = "1_0"
            ts[5]["year"] = str(ts[5]["year"])              # raw compare: year wrong
            ts[6]["comparator"] = " >= "                    # norm equal, raw fit differs
            del ts[7]["node"]                               # missing == None
            ts.append(copy.deepcopy(ts[0]))                 # extra prediction
            ns[0]["id"] = ns[0]["id"] + " "
            ns[1]["title"] = None
            ns.append({"id": "", "title": "x"})            # falsy id: not a node
            ns.append({"title": "no id", "lead_units": ["甲"]})
        elif k == 1:
            d["year"] = float(d["year"])                    # "2022.0" != "2022"
            d["doc_number"] = None
            for t in ts[:5]:
                t["value"] = float(t["value"]) + 1e-12      # within same_number tolerance
            ts[5]["value"] = True if ts[5]["value"] == 1 else "abc"
            ts[6]["max"] = 5
            ts[7]["indicator"] = ""
            ts[8]["indicator"] = None
            ts[9]["year"] = float(ts[9]["year"])            # 2022.0 == 2022 raw
            for n in ns[:4]:
                for r in ROLES:
                    if n[r]:
                        n[r] = "".join(n[r])                # a string: iterated per character
            ns.append(copy.deepcopy(ns[2]))                 # duplicate id, last wins
            ns[-1]["title"] = "changed"
            ns[-1]["lead_units"] = ns[-1]["lead_units"] * 2 if isinstance(ns[-1]["lead_units"], list) else []
        elif k == 2:
            d["issuers"] = d["issuers"] * 2
            d["issued_date"] = d["issued_date"] + " " if d["issued_date"] else " "
            # equal keys: two copies with different fit; the better must be chosen
            for t in ts[:4]:
                bad = copy.deepcopy(t)
                bad["indicator"] = "x.wrong"
                bad["comparator"] = "<="
                half = copy.deepcopy(t)
                half["comparator"] = ">"
                i = ts.index(t)
                ts.insert(i, bad)
                ts.insert(i, half)
            for t in ts:
                if t.get("max") is not None:
                    t["max"] = str(t["max"])
                t["metric"] = (t.get("metric") or "")[::-1] + "的"
        elif k == 3:
            d["jurisdiction"] = "Ｓｕｉｚｈｏｕ"
            d["issuers"] = list(reversed(d["issuers"]))
            for t in ts:
                if t["year"] is None:
                    t["year"] = 0
                t["unit"] = t["unit"] + " " if t["unit"] else t["unit"]
                t.pop("metric", None)
            ts[0]["value"] = float("nan")
            ts[1]["value"] = float("inf")
            ts[2]["value"] = None
            ts[3]["value"] = [1]
            ns.reverse()
        elif k == 4:
            d = {"title": d["title"], "nodes": None, "targets": [], "issuers": "随州"}
        dump(out / name, d)


def mutate(d, rng, rate):
    ns = d["nodes"]
    for n in list(ns):
        if rng.random() < rate:
            ns.remove(n)
            continue
        if rng.random() < rate:
            n["title"] = n["title"] + "。" if rng.random() < 0.5 else n["title"][:-1]
        if rng.random() < rate / 2:
            n["id"] = n["id"].replace("（", "(").replace("）", ")")
        for r in ROLES:
            units = n[r]
            if units and rng.random() < rate:
                units.pop(rng.randrange(len(units)))
            if rng.random() < rate / 3:
                units.append(rng.choice(["科技局", "财政局", "市政府办"]))
            if units and rng.random() < rate / 3:
                units.append(units[0])                  # duplicate: multiset count
    if rng.random() < rate:
        ns.append({"id": "九十九", "title": "多余", "lead_units": ["某局"]})
    ts = d["targets"]
    for t in list(ts):
        x = rng.random()
        if x < rate:
            ts.remove(t)
            continue
        if rng.random() < rate:
            t["value"] = t["value"] * 10 if rng.random() < 0.5 else t["value"] + 0.5
        if rng.random() < rate:
            t["unit"] = rng.choice(["个", "家", "%", "亿元", ""])
        if rng.random() < rate:
            t["year"] = rng.choice([None, 2027, (t.get("year") or 2020) + 1])
        if rng.random() < rate:
            t["comparator"] = rng.choice([">=", ">", "~", "<=", "range", None])
        if rng.random() < rate:
            t["max"] = rng.choice([None, t["value"] + 1, t["value"]])
        if rng.random() < rate:
            t["indicator"] = rng.choice([None, "", "hte.count", t.get("indicator")])
        if rng.random() < rate:
            t["node"] = rng.choice([None, "一", t.get("node")])
        if rng.random() < rate:
            m = t.get("metric") or ""
            t["metric"] = m[: rng.randrange(len(m) + 1)] + rng.choice(["", "数量", "企业数", "（个）"])
        if rng.random() < rate / 3:
            ts.append(copy.deepcopy(t))
    if rng.random() < 0.3:
        rng.shuffle(ts)
    for f in FIELDS:
        if rng.random() < rate:
            d[f] = rng.choice([None, "", "随州市", 2023, "2023", d.get(f)])
    if rng.random() < rate:
        d["issuers"] = list(reversed(d["issuers"])) + (["另一单位"] if rng.random() < 0.5 else [])
    return d


def main(argv):
    gold_dir, out_root = Path(argv[0]), Path(argv[1])
    variants = int(argv[2]) if len(argv) > 2 else 20
    rng = random.Random(int(argv[3]) if len(argv) > 3 else 1)
    golds = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))}
    edge = out_root / "edge"
    edge.mkdir(parents=True, exist_ok=True)
    edge_cases(golds, edge)
    falsy = out_root / "falsy"
    falsy.mkdir(parents=True, exist_ok=True)
    names = sorted(golds)
    for name, text in zip(names, ["{}", "null", "[]", "{\"nodes\": []}"]):
        (falsy / name).write_text(text, encoding="utf-8")   # the last gold file has no prediction
    for v in range(variants):
        out = out_root / ("r%02d" % v)
        out.mkdir(parents=True, exist_ok=True)
        rate = [0.02, 0.1, 0.3, 0.6][v % 4]
        for name in names:
            if rng.random() < 0.05:
                continue                                    # missing prediction file
            dump(out / name, mutate(copy.deepcopy(golds[name]), rng, rate))


if __name__ == "__main__":
    main(sys.argv[1:])
