#!/usr/bin/env python3
"""Random small gold/prediction folders with odd values, for check-scorer.sh.

usage: fuzz_scorer_inputs.py OUT_ROOT [CASES] [SEED]

Each OUT_ROOT/fNN has gold/ and pred/. Values are drawn from a pool of the
things Python treats specially (numeric strings, full-width and compatibility
characters, ints vs floats, bools, unusual whitespace, lists), so the Swift
port's norm / float() / == / round are exercised beyond the seed files.
"""
import json
import random
import sys
from pathlib import Path

TEXT = ["一", "一/（一）", "一/(一)", " 一 ", "一\u3000", "二/1", "二/１", "①", "Ⅱ", "ｋｍ", "km",
        "科技局", "科技 局", "科技局\u00a0", "科技局\u2028", "科技局\u200b", "e\u0301", "\u00e9", "ﬁ", "fi",
        "", " ", "家", "個", "个", "%", "％", "亿元", "万元", ">=", "＞＝", ">", "~", "～", "<=", "range"]
NUMS = [0, 1, 2, 3, 10, 100, 2023, 2023.0, 0.1, 0.30000000000000004, 1e-10, 1e16, 12345678901234567890,
        -0.0, 1.5, 55, 55.000000000001, True, False, "55", " 55 ", "５５", "1_0", "1e3", "nan", "inf",
        "abc", "2023", "", None, [1], {"a": 1}]
YEARS = [None, 2023, 2023.0, "2023", 2024, True, 0, "", " 2023"]
IND = [None, "", "hte.count", "hte.applications", "x", 0, False]


def pick(rng, pool):
    return rng.choice(pool)


def nodes(rng, ids):
    out = []
    for i in rng.sample(ids, rng.randint(0, len(ids))):
        n = {"id": i, "title": pick(rng, TEXT + [None, 5])}
        for role in ("lead_units", "responsible_units", "cooperating_units", "leaders"):
            r = rng.random()
            if r < 0.5:
                n[role] = [pick(rng, TEXT) for _ in range(rng.randint(0, 3))]
            elif r < 0.6:
                n[role] = pick(rng, ["科技局", "", None])
        out.append(n)
    return out


def target(rng):
    t = {}
    for key, pool in (("node", [None, "一", "一/（一）", " 一", "二/1", 1]), ("value", NUMS), ("unit", TEXT[20:] + [None]),
                      ("comparator", TEXT[-9:] + [None]), ("max", [None, None, 2, 2.0, "2", "x"]),
                      ("year", YEARS), ("indicator", IND), ("metric", TEXT + [None, 3])):
        if rng.random() < 0.93:
            t[key] = pick(rng, pool)
    return t


def doc(rng, ids, like=None):
    d = {}
    for f, pool in (("title", TEXT), ("jurisdiction", TEXT), ("year", YEARS), ("doc_number", TEXT + [None]),
                    ("issued_date", ["2023-02-09", " 2023-02-09", None, ""])):
        if rng.random() < 0.9:
            d[f] = pick(rng, pool)
    r = rng.random()
    d["issuers"] = ([pick(rng, TEXT) for _ in range(rng.randint(0, 3))] if r < 0.8
                    else pick(rng, ["科技局", "", None, [None]]))
    d["nodes"] = nodes(rng, ids)
    base = like["targets"] if like else []
    ts = [dict(t) for t in base if rng.random() < 0.7]
    for t in ts:
        for key in list(t):
            if rng.random() < 0.15:
                t[key] = target(rng).get(key)
    ts += [target(rng) for _ in range(rng.randint(0, 6))]
    rng.shuffle(ts)
    d["targets"] = ts
    return d


def main(argv):
    root = Path(argv[0])
    cases = int(argv[1]) if len(argv) > 1 else 30
    rng = random.Random(int(argv[2]) if len(argv) > 2 else 7)
    ids = ["一", "一/（一）", "一/(一)", " 一 ", "二/1", "二/１", "三", "三/1", "三/2", "①"]
    for c in range(cases):
        gold, pred = root / ("f%02d" % c) / "gold", root / ("f%02d" % c) / "pred"
        gold.mkdir(parents=True, exist_ok=True)
        pred.mkdir(parents=True, exist_ok=True)
        for k in range(rng.randint(1, 6)):
            name = "%03d_doc.json" % k
            g = doc(rng, ids)
            (gold / name).write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
            if rng.random() < 0.9:
                (pred / name).write_text(json.dumps(doc(rng, ids, g), ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
