import Foundation

/// score.py's `Tally`: tp / pred / gold counts per key and the running sums.
public struct ScoreTally: Sendable, Equatable {
    public private(set) var counts: [String: Int] = [:]
    /// `metric.sum`, added in the same order as score.py so the float is identical.
    public private(set) var metricSum: Double = 0

    public init() {}

    mutating func bump(_ key: String, by n: Int = 1) { counts[key, default: 0] += n }

    mutating func add(_ key: String, tp: Int, pred: Int, gold: Int) {
        bump(key + ".tp", by: tp)
        bump(key + ".pred", by: pred)
        bump(key + ".gold", by: gold)
    }

    mutating func addMetric(_ overlap: Double) { metricSum += overlap }

    public subscript(key: String) -> Int { counts[key] ?? 0 }

    func f1(_ key: String) -> Double {
        PlanScorer.f1(tp: self[key + ".tp"], pred: self[key + ".pred"], gold: self[key + ".gold"])
    }
}

/// A faithful port of `score.py` (the plan corpus scorer): the same pairing, the
/// same counts and the same rounding, on the same raw JSON.
public enum PlanScorer {
    static let unitRoles = ["lead_units", "responsible_units", "cooperating_units", "leaders"]
    static let docFields = ["title", "jurisdiction", "year", "doc_number", "issued_date"]

    static func f1(tp: Int, pred: Int, gold: Int) -> Double {
        let p = pred != 0 ? Double(tp) / Double(pred) : (gold == 0 ? 1.0 : 0.0)
        let r = gold != 0 ? Double(tp) / Double(gold) : 1.0
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r)
    }

    struct UnitKey: Hashable {
        let node: PyStr?
        let role: String
        let unit: PyStr?
    }

    static func unitPairs(_ doc: JSONValue) throws(ScoreError) -> [UnitKey: Int] {
        var pairs: [UnitKey: Int] = [:]
        for n in try Py.items(Py.get(doc, "nodes")) {
            for role in unitRoles {
                for u in try Py.items(Py.get(n, role)) {
                    pairs[UnitKey(node: Py.norm(try Py.get(n, "id")), role: role, unit: Py.norm(u)), default: 0] += 1
                }
            }
        }
        return pairs
    }

    /// score.py's `score_doc`: adds one document to the tally. `pred == nil` (no
    /// prediction file) and any falsy prediction count as `{}`.
    public static func scoreDocument(gold: JSONValue, pred: JSONValue?, into t: inout ScoreTally) throws(ScoreError) {
        let pred = Py.truthy(pred) ? pred! : JSONValue.object([])
        var gnodes: [PyStr?: JSONValue] = [:]
        for n in try Py.items(Py.get(gold, "nodes")) { gnodes[Py.norm(try Py.item(n, "id"))] = n }
        var pnodes: [PyStr?: JSONValue] = [:]
        for n in try Py.items(Py.get(pred, "nodes")) where Py.truthy(try Py.get(n, "id")) {
            pnodes[Py.norm(try Py.get(n, "id"))] = n
        }
        let matched = Set(gnodes.keys).intersection(pnodes.keys)
        t.add("nodes", tp: matched.count, pred: pnodes.count, gold: gnodes.count)
        var titlesOK = 0
        for id in matched where Py.norm(try Py.get(gnodes[id]!, "title")) == Py.norm(try Py.get(pnodes[id]!, "title")) {
            titlesOK += 1
        }
        t.add("titles", tp: titlesOK, pred: pnodes.count, gold: gnodes.count)

        let gu = try unitPairs(gold), pu = try unitPairs(pred)
        let common = gu.reduce(0) { sum, entry in sum + Swift.min(entry.value, pu[entry.key] ?? 0) }
        t.add("units", tp: common, pred: pu.values.reduce(0, +), gold: gu.values.reduce(0, +))

        let gts = try Py.items(Py.get(gold, "targets"))
        let pts = try Py.items(Py.get(pred, "targets"))
        let pairs = try pairTargets(gts, pts)
        t.add("targets", tp: pairs.count, pred: pts.count, gold: gts.count)
        var strict = 0
        for (g, p) in pairs {
            let comparatorOK = try Py.norm(Py.get(g, "comparator")) == Py.norm(Py.get(p, "comparator"))
            let gmax = try Py.get(g, "max")
            var cmpOK = comparatorOK
            if cmpOK, gmax != nil { cmpOK = try Py.sameNumber(gmax, Py.get(p, "max")) }
            let yearOK = try Py.equal(Py.get(g, "year"), Py.get(p, "year"))
            let gind = try Py.get(g, "indicator")
            let indicatorOK = try Py.equal(gind, Py.get(p, "indicator"))
            if cmpOK && yearOK && (!Py.truthy(gind) || indicatorOK) { strict += 1 }
            t.bump("cmp.n")
            if cmpOK { t.bump("cmp.ok") }
            t.bump("year.n")
            if yearOK { t.bump("year.ok") }
            if Py.truthy(gind) {
                t.bump("ind.n")
                if indicatorOK { t.bump("ind.ok") }
            }
            t.bump("metric.n")
            t.addMetric(Py.charOverlap(try Py.get(g, "metric"), try Py.get(p, "metric")))
        }
        t.add("strict", tp: strict, pred: pts.count, gold: gts.count)

        for field in docFields {
            t.bump("doc.n")
            if try Py.norm(Py.get(gold, field)) == Py.norm(Py.get(pred, field)) { t.bump("doc.ok") }
        }
        t.bump("doc.n")
        if try sortedNorms(Py.get(gold, "issuers")) == sortedNorms(Py.get(pred, "issuers")) { t.bump("doc.ok") }
    }

    /// Greedy pairing, gold in order: among unused predictions with the same
    /// (node, value, unit), the one agreeing on more of indicator and comparator;
    /// the first of the best wins.
    static func pairTargets(_ gts: [JSONValue], _ pts: [JSONValue]) throws(ScoreError) -> [(JSONValue, JSONValue)] {
        var used = [Bool](repeating: false, count: pts.count)
        var pairs: [(JSONValue, JSONValue)] = []
        for g in gts {
            var best: Int?
            var bestFit = -1
            for (j, p) in pts.enumerated() {
                if used[j] { continue }
                // Evaluated in score.py's order, stopping at the first difference.
                guard try Py.norm(Py.get(g, "node")) == Py.norm(Py.get(p, "node")),
                      try Py.sameNumber(Py.get(g, "value"), Py.get(p, "value")),
                      try Py.norm(Py.get(g, "unit")) == Py.norm(Py.get(p, "unit"))
                else { continue }
                let fit = (try Py.equal(Py.get(g, "indicator"), Py.get(p, "indicator")) ? 1 : 0)
                    + (try Py.equal(Py.get(g, "comparator"), Py.get(p, "comparator")) ? 1 : 0)
                if fit > bestFit {
                    best = j
                    bestFit = fit
                }
            }
            if let best {
                used[best] = true
                pairs.append((g, pts[best]))
            }
        }
        return pairs
    }

    /// `sorted(map(norm, x or []))`; like Python, None cannot be sorted with anything.
    static func sortedNorms(_ v: JSONValue?) throws(ScoreError) -> [PyStr?] {
        let norms = try Py.items(v).map { Py.norm($0) }
        if norms.count < 2 { return norms }
        let strings = norms.compactMap { $0 }
        if strings.count != norms.count {
            throw ScoreError("'<' not supported between instances of 'NoneType' (null in issuers)")
        }
        return strings.sorted()
    }
}
