"""Schemathesis hooks and helpers for scripts/api-fuzz.sh.

As a hooks module (SCHEMATHESIS_HOOKS=scripts/api_fuzz_hooks.py):
  - every answer is written to $SCIPLAN_FUZZ_LOG (one JSON line: operation and
    status; for a 5xx or a network error also the request and the answer), so
    the script counts 5xx itself and lists each distinct one;
  - path parameters, and the ids in the bodies of POST /api/reports and
    POST /api/places/{placeCode}/values, are half of the time real ones from
    the demo data
    ($SCIPLAN_FUZZ_IDS: plans with their nodes, targets and reports, account
    ids, place codes, indicator codes, the reporter's own tasks and periods),
    so the fuzzer gets past "not found"
    into the handlers;
  - operations /openapi.json describes without their request body or query
    (POST /api/reports, POST …/review, GET /api/reports?period=) get them from
    the server's DTOs, only while the schema lacks them; each addition is logged
    and printed by the script;
  - every JSON body is also offered as multipart/form-data and urlencoded:
    Vapor picks the decoder by the declared Content-Type, so those decoders
    are reachable on every route that reads a body (`--json-only` leaves it).

As a program:
  python3 scripts/api_fuzz_hooks.py login BASE USER PASSWORD     # prints cookies and account id as JSON
  python3 scripts/api_fuzz_hooks.py ids BASE OUT SESSION.json...  # known ids for the hooks (read as the first session)
  python3 scripts/api_fuzz_hooks.py summary CRASHES LOG...       # counts, crashes and the distinct 5xx
"""
import glob
import json
import os
import re
import sys
import threading
import time
import urllib.parse

_lock = threading.Lock()

# Request bodies and query parameters of operations the schema has without
# them (Sources/App/DTOs/ReportDTO.swift: SaveReportRequest, ReviewRequest;
# the limits of ReportInput.validated()).
MISSING = {
    ("/api/reports", "post"): {"requestBody": {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "required": ["planID", "nodeID", "period"],
        "properties": {
            "planID": {"type": "string", "format": "uuid"}, "nodeID": {"type": "string", "format": "uuid"},
            "period": {"type": "string"}, "narrative": {"type": "string", "maxLength": 5000},
            "percent": {"type": "number", "minimum": 0, "maximum": 100},
            "milestone": {"type": "string", "maxLength": 200},
            "selfStatus": {"type": "string", "enum": ["completed", "onTrack", "behind", "atRisk", "overdue", "noData"]},
            "completionProposed": {"type": "boolean"},
            "values": {"type": "object", "additionalProperties": {"type": "number"}},
            "submit": {"type": "boolean"}}}}}}},
    ("/api/plans/{planID}/reports/{reportID}/review", "post"): {"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"type": "object", "required": ["decision"], "properties": {
            "decision": {"type": "string", "enum": ["accept", "return"]}, "comment": {"type": "string"}}}}}}},
    ("/api/reports", "get"): {"parameters": [{"in": "query", "name": "period", "required": False, "schema": {"type": "string"}}]},
}


def _log(record):
    path = os.environ.get("SCIPLAN_FUZZ_LOG")
    if not path:
        return
    line = json.dumps(record, ensure_ascii=False)
    with _lock, open(path, "a", encoding="utf-8") as f:
        f.write(line + "\n")


def _text(data, limit=1500):
    if data is None:
        return None
    if isinstance(data, bytes):
        data = data.decode("utf-8", errors="replace")
    return data if len(data) <= limit else data[:limit] + f"…（共 {len(data)} 字符）"


try:
    import schemathesis
    from hypothesis import strategies as st
except ImportError:  # used as a program without schemathesis
    schemathesis = None

if schemathesis is not None:
    _ids = None

    def _known():
        global _ids
        if _ids is None:
            path = os.environ.get("SCIPLAN_FUZZ_IDS")
            _ids = json.load(open(path, encoding="utf-8")) if path else {}
        return _ids

    @schemathesis.hook
    def before_load_schema(context, raw_schema):
        _add_missing(raw_schema)
        if not os.environ.get("SCIPLAN_FUZZ_JSON_ONLY"):
            _add_form_encodings(raw_schema)

    def _add_form_encodings(raw_schema):
        """Vapor decodes a body by the Content-Type the client declares, so a
        route that expects JSON also runs the multipart and urlencoded
        decoders: each JSON body is offered in those two encodings as well."""
        added = 0
        for path, methods in raw_schema.get("paths", {}).items():
            for method, operation in methods.items():
                content = (operation.get("requestBody") or {}).get("content") if isinstance(operation, dict) else None
                if content and "application/json" in content:
                    for media in ("multipart/form-data", "application/x-www-form-urlencoded"):
                        if media not in content:
                            content[media] = content["application/json"]
                            added += 1
        if added:
            _log({"patched": f"{added} JSON bodies also offered as multipart/form-data and application/x-www-form-urlencoded"})

    def _add_missing(raw_schema):
        for (path, method), addition in MISSING.items():
            operation = raw_schema.get("paths", {}).get(path, {}).get(method)
            if operation is None:
                continue
            for key, value in addition.items():
                if key == "requestBody" and "requestBody" not in operation:
                    operation["requestBody"] = value
                    _log({"patched": f"{method.upper()} {path}: request body (missing from /openapi.json)"})
                elif key == "parameters":
                    have = {(p.get("in"), p.get("name")) for p in operation.get("parameters", [])}
                    for p in value:
                        if (p["in"], p["name"]) not in have:
                            operation.setdefault("parameters", []).append(p)
                            _log({"patched": f"{method.upper()} {path}: {p['in']} parameter {p['name']} (missing from /openapi.json)"})

    @schemathesis.hook
    def flatmap_path_parameters(context, path_parameters):
        if not isinstance(path_parameters, dict) or not path_parameters:
            return st.just(path_parameters)
        ids = _known()
        names = set(path_parameters)
        variants = []
        if "planID" in names:
            for plan in ids.get("plans", []):
                pairs = [{}]
                for name, key in (("nodeID", "nodes"), ("targetID", "targets"), ("reportID", "reports")):
                    if name in names:
                        values = plan.get(key, [])
                        pairs = [{name: v} for v in values[::max(1, len(values) // 20)]]
                for extra in pairs:
                    variants.append(dict(path_parameters, planID=plan["id"], **extra))
        if "accountID" in names:
            variants += [dict(path_parameters, accountID=a) for a in ids.get("accounts", [])]
        if "placeCode" in names:
            codes = ids.get("indicators", []) or [None]
            for place in ids.get("places", []):
                for code in codes if "indicatorCode" in names else [None]:
                    v = dict(path_parameters, placeCode=place)
                    if code:
                        v["indicatorCode"] = code
                    variants.append(v)
        if not variants:
            return st.just(path_parameters)
        return st.one_of(st.just(path_parameters), st.sampled_from(variants))

    @schemathesis.hook
    def flatmap_body(context, body):
        """Half of the time real ids in the bodies that carry them: the
        reporter's own tasks and periods in POST /api/reports, real indicator
        codes in POST /api/places/{placeCode}/values."""
        if not isinstance(body, dict) or context.operation is None:
            return st.just(body)
        ids = _known()
        op = (context.operation.method.lower(), context.operation.path)
        variants = []
        if op == ("post", "/api/reports"):
            targets = {p["id"]: p.get("targets", []) for p in ids.get("plans", [])}
            for task in ids.get("tasks", []):
                v = dict(body, planID=task["planID"], nodeID=task["nodeID"], period=task["period"])
                if isinstance(body.get("values"), dict) and body["values"] and targets.get(task["planID"]):
                    v["values"] = {t: n for t, n in zip(task.get("targets") or targets[task["planID"]], body["values"].values())}
                variants.append(v)
        elif op == ("post", "/api/places/{placeCode}/values"):
            variants = [dict(body, indicator=code) for code in ids.get("indicators", [])]
        if not variants:
            return st.just(body)
        return st.one_of(st.just(body), st.sampled_from(variants))

    @schemathesis.hook
    def after_call(context, case, response):
        record = {"op": f"{case.operation.method.upper()} {case.operation.path}", "status": response.status_code, "t": time.time()}
        if response.status_code >= 500:
            request = response.request
            record.update(method=request.method, url=request.url, body=_text(request.body),
                          contentType=request.headers.get("Content-Type"), response=_text(response.content))
        elif os.environ.get("SCIPLAN_FUZZ_VERBOSE"):
            record.update(body=_text(response.request.body, 300), response=_text(response.content, 300))
        _log(record)

    @schemathesis.hook
    def after_network_error(context, case, request):
        _log({"op": f"{case.operation.method.upper()} {case.operation.path}", "status": "network error", "t": time.time(),
              "method": request.method, "url": request.url, "body": _text(request.body),
              "contentType": request.headers.get("Content-Type")})


def login(base, username, password):
    """Logs in through JSON; returns the cookies the server set."""
    import urllib.request
    req = urllib.request.Request(base + "/api/login", method="POST",
                                 data=json.dumps({"username": username, "password": password}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        cookies = {}
        for value in r.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0].strip()
        me = json.loads(r.read())
    if "sciplan_session" not in cookies:
        raise SystemExit(f"api-fuzz: login {username} set no sciplan_session cookie")
    return {"cookies": cookies, "account": me.get("id")}


def collect(base, cookies):
    """The demo's plans (nodes, targets, reports), places, indicators and accounts."""
    import urllib.request

    def get(path):
        req = urllib.request.Request(base + path, headers={
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "Accept": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read())

    plans = []
    places = set()
    for summary in get("/api/plans"):
        plan = get(f"/api/plans/{summary['id']}")
        places.add(summary.get("jurisdictionCode"))
        nodes = [n["id"] for n in plan.get("nodes", []) if n.get("id")]
        targets = [t["id"] for t in plan.get("targets", []) if t.get("id")]
        try:
            reports = [r["id"] for r in get(f"/api/plans/{summary['id']}/reports") if isinstance(r, dict) and r.get("id")]
        except Exception:
            reports = []
        plans.append({"id": summary["id"], "nodes": nodes, "targets": targets, "reports": reports})
    indicators = [i.get("code") for i in get("/api/indicators") if i.get("code")]
    return plans, places, indicators


def reporter_tasks(base, cookies):
    """The tasks a reporter's session reports on (GET /api/reports), or none for other roles."""
    import urllib.error
    import urllib.request
    req = urllib.request.Request(base + "/api/reports", headers={
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            items = json.loads(r.read())
    except urllib.error.HTTPError:
        return []
    return [{"planID": i["planID"], "nodeID": i["nodeID"], "period": i["period"],
             "targets": [t["id"] for t in i.get("targets", [])]} for i in items]


def collect_all(base, sessions):
    plans, places, indicators = collect(base, sessions[0]["cookies"])
    places |= {"420000", "421300", "421381", "421302", "421321"}
    tasks = [t for s in sessions for t in reporter_tasks(base, s["cookies"])]
    return {"plans": plans, "places": sorted(p for p in places if p), "indicators": indicators, "tasks": tasks,
            "accounts": sorted({s.get("account") for s in sessions if s.get("account")})}


def crash_report(path):
    """The fatal error and the crashed thread's first frames from a server log."""
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    fatal = next((l.strip() for l in lines if "Fatal error" in l), None) \
        or next((l.strip() for l in lines if "Program crashed" in l), "(no fatal error line)")
    frames = []
    for i, line in enumerate(lines):
        if re.match(r'Thread \d+ .*crashed:', line):
            for frame in lines[i + 1:]:
                if frame.startswith("Thread ") or frame.startswith("Registers") or frame.startswith("Images"):
                    break
                if re.match(r"\s*\d+ ", frame):
                    frames.append(frame.strip())
            break
    return fatal, frames[:16]


def _plain(text):
    """A crash line without addresses, for comparing crashes."""
    return re.sub(r"0x[0-9a-f]+|\+ \d+", "", text)


def summary(crashes_path, logs):
    """Prints per-account counts, every server crash with the request that
    caused it, and the distinct 5xx; returns the number of 5xx plus crashes."""
    events = [json.loads(l) for l in open(crashes_path, encoding="utf-8")] if os.path.exists(crashes_path) else []
    crashes = [e for e in events if "detected" in e]
    restarts = [e["restarted"] for e in events if "restarted" in e]
    records = []
    for path in logs:
        label = re.sub(r"^.*fuzz-(.*)\.ndjson$", r"\1", path)
        ops, requests, statuses, patched = set(), 0, {}, set()
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            if "patched" in r:
                patched.add(r["patched"])
                continue
            r["as"] = label
            records.append(r)
            ops.add(r["op"])
            requests += 1
            key = str(r["status"])[0] + "xx" if isinstance(r["status"], int) else r["status"]
            statuses[key] = statuses.get(key, 0) + 1
        shown = ", ".join(f"{k} {v}" for k, v in sorted(statuses.items()))
        print(f"api-fuzz: as {label}: {len(ops)} operations, {requests} requests ({shown})")
        for p in sorted(patched):
            print(f"api-fuzz:   the fuzzer's schema: {p}")
    records.sort(key=lambda r: r.get("t", 0))
    # The request that crashed the server is the first network error after
    # the previous (re)start; the ones after it met a server that was down.
    culprits = []
    previous = 0.0
    for i, crash in enumerate(crashes):
        culprit = next((r for r in records if r["status"] == "network error" and previous <= r.get("t", 0) <= crash["detected"] + 1), None)
        culprits.append(culprit)
        previous = restarts[i] if i < len(restarts) else float("inf")
    distinct_crashes = {}
    for crash, culprit in zip(crashes, culprits):
        fatal, frames = crash_report(crash["log"])
        sig = (culprit["op"] if culprit else "?", _plain(fatal), tuple(_plain(f) for f in frames[:6]))
        entry = distinct_crashes.setdefault(sig, {"count": 0, "culprit": culprit, "fatal": fatal, "frames": frames, "log": crash["log"]})
        entry["count"] += 1
    for (op, _, _), entry in distinct_crashes.items():
        c = entry["culprit"] or {}
        print(f"api-fuzz: CRASH on {op} ({entry['count']}×, as {c.get('as', '?')}): {entry['fatal']}")
        print(f"    {c.get('method')} {c.get('url')}")
        if c.get("body"):
            print(f"    body ({c.get('contentType')}): {c['body'][:600]!r}")
        for frame in entry["frames"]:
            print(f"      {frame[:200]}")
        print(f"    server log: {entry['log']}")
    culprit_ids = {id(c) for c in culprits if c}
    down = sum(1 for r in records if r["status"] == "network error" and id(r) not in culprit_ids)
    # What the server logged for each 5xx ("[ CRITICAL ] METHOD /path: error"),
    # so that two causes on one operation are told apart.
    logged = {}
    for path in sorted(glob.glob(os.path.join(os.path.dirname(crashes_path), "server-*.log"))):
        for line in open(path, encoding="utf-8", errors="replace"):
            m = re.search(r"\[ (?:CRITICAL|ERROR) \] (\w+) (\S+): (.*?)(?: \[request-id|$)", line)
            if m:
                logged.setdefault((m[1], urllib.parse.unquote(m[2].split("?")[0])), []).append(m[3].strip())
    distinct = {}
    for r in records:
        if isinstance(r["status"], int) and r["status"] >= 500:
            key = (r.get("method"), urllib.parse.unquote(urllib.parse.urlsplit(r.get("url") or "").path))
            errors = logged.get(key) or []
            cause = re.sub(r"\$[0-9a-f]+|0x[0-9a-f]+", "", errors.pop(0)) if errors else "(nothing in the server log)"
            sig = (r["op"], r["status"], cause)
            entry = distinct.setdefault(sig, {"count": 0, "as": set(), "example": r})
            entry["count"] += 1
            entry["as"].add(r["as"])
    for (op, status, cause), entry in sorted(distinct.items(), key=lambda kv: kv[0]):
        e = entry["example"]
        print(f"api-fuzz: {status} on {op} ({entry['count']}×, as {', '.join(sorted(entry['as']))}):")
        print(f"    server log: {cause[:300]}")
        print(f"    {e.get('method')} {e.get('url')}")
        if e.get("body"):
            print(f"    body ({e.get('contentType')}): {e['body'][:600]!r}")
        if e.get("response"):
            print(f"    answer: {e['response'][:600]}")
    fives = sum(entry["count"] for entry in distinct.values())
    print(f"api-fuzz: {fives} 5xx, {len(crashes)} crashes ({len(distinct_crashes)} distinct), "
          f"{down} requests met the server down after a crash")
    return fives + len(crashes)


def corpus(base, folder, session):
    """Sends each seeded body; True when none got a 5xx or stopped the server."""
    import glob
    import urllib.error
    import urllib.request
    spec = json.load(urllib.request.urlopen(base + "/openapi.json", timeout=30))
    paths = ["/login"] + sorted(p for p, ops in spec["paths"].items() if "post" in ops and p != "/api/logout")
    ids = "00000000-0000-0000-0000-000000000000"
    paths = [re.sub(r"\{[^}]+\}", ids, p) for p in paths]
    csrf = session["cookies"].get("sciplan_csrf", "t" * 43)
    cookie = "; ".join(f"{k}={v}" for k, v in session["cookies"].items())
    files = sorted(glob.glob(os.path.join(folder, "*.bin")))
    bad = 0
    for name in files:
        body = open(name, "rb").read()
        for path in paths:
            for with_session in (False, True):
                headers = {"Content-Type": "multipart/form-data; boundary=B",
                           "Cookie": cookie if with_session else f"sciplan_csrf={csrf}"}
                req = urllib.request.Request(base + path, data=body, headers=headers, method="POST")
                try:
                    status = urllib.request.urlopen(req, timeout=30).status
                except urllib.error.HTTPError as e:
                    status = e.code
                except OSError as e:
                    print(f"api-fuzz corpus: {os.path.basename(name)} to {path}: no answer ({e})")
                    return False
                if status >= 500:
                    bad += 1
                    print(f"api-fuzz corpus: {os.path.basename(name)} to {path}: {status}")
    try:
        urllib.request.urlopen(base + "/healthz", timeout=10)
    except OSError as e:
        print(f"api-fuzz corpus: the server stopped answering: {e}")
        return False
    print(f"api-fuzz corpus: {len(files)} seeded bodies x {len(paths)} routes x 2, {bad} 5xx, server up")
    return bad == 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "login":
        print(json.dumps(login(sys.argv[2], sys.argv[3], sys.argv[4])))
    elif command == "ids":
        # ids BASE OUT SESSION.json... : read with the first session (the admin's)
        sessions = [json.load(open(p)) for p in sys.argv[4:]]
        known = collect_all(sys.argv[2], sessions)
        with open(sys.argv[3], "w") as f:
            json.dump(known, f)
        print(f"api-fuzz: known ids: {len(known['plans'])} plans, "
              f"{sum(len(p['nodes']) for p in known['plans'])} nodes, {sum(len(p['targets']) for p in known['plans'])} targets, "
              f"{sum(len(p['reports']) for p in known['plans'])} reports, {len(known['places'])} places, "
              f"{len(known['indicators'])} indicators, {len(known['accounts'])} accounts, {len(known['tasks'])} reporter tasks")
    elif command == "corpus":
        # corpus BASE DIR SESSION.json: every file of DIR as a multipart body
        # (boundary=B) to /login and every POST route of /openapi.json.
        sys.exit(0 if corpus(sys.argv[2], sys.argv[3], json.load(open(sys.argv[4]))) else 1)
    elif command == "summary":
        sys.exit(1 if summary(sys.argv[2], sys.argv[3:]) else 0)
    else:
        sys.exit(__doc__)
