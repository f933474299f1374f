import Foundation
import PlanText

/// tp / pred / gold of one kind of item.
public struct ScoreCount: Sendable, Equatable {
    public var tp: Int
    public var pred: Int
    public var gold: Int
}

/// score.py's `summary`: every figure rounded to 4 decimals as Python's `round`.
public struct ScoreSummary: Sendable, Equatable {
    public var nodes: Double
    public var titles: Double
    public var units: Double
    public var targets: Double
    public var overall: Double
    /// nil where no target was matched (no indicator in gold for `indicatorAcc`).
    public var comparatorAcc: Double?
    public var yearAcc: Double?
    public var indicatorAcc: Double?
    public var metricOverlap: Double?
    public var docFieldsAcc: Double?
    public var targetsStrict: Double
    public var strictOverall: Double
    public var nodeCounts: ScoreCount
    public var unitCounts: ScoreCount
    public var targetCounts: ScoreCount

    public init(_ t: ScoreTally) {
        let round = PyNumber.round4
        nodes = round(t.f1("nodes"))
        titles = round(t.f1("titles"))
        units = round(t.f1("units"))
        targets = round(t.f1("targets"))
        overall = round((0 + nodes + titles + units + targets) / 4)
        func ratio(_ ok: String, _ n: String) -> Double? {
            t[n] != 0 ? round(Double(t[ok]) / Double(t[n])) : nil
        }
        comparatorAcc = ratio("cmp.ok", "cmp.n")
        yearAcc = ratio("year.ok", "year.n")
        indicatorAcc = ratio("ind.ok", "ind.n")
        metricOverlap = t["metric.n"] != 0 ? round(t.metricSum / Double(t["metric.n"])) : nil
        docFieldsAcc = ratio("doc.ok", "doc.n")
        targetsStrict = round(t.f1("strict"))
        strictOverall = round((nodes + titles + units + targetsStrict + (docFieldsAcc ?? 0.0)) / 5)
        func count(_ k: String) -> ScoreCount { ScoreCount(tp: t[k + ".tp"], pred: t[k + ".pred"], gold: t[k + ".gold"]) }
        nodeCounts = count("nodes")
        unitCounts = count("units")
        targetCounts = count("targets")
    }

    /// The summary as score.py's dict, keys in its order.
    public var jsonValue: JSONValue {
        func num(_ d: Double?) -> JSONValue { d.map(JSONValue.double) ?? .null }
        func list(_ c: ScoreCount) -> JSONValue { .array([.int(c.tp), .int(c.pred), .int(c.gold)]) }
        return .object([
            ("nodes", num(nodes)), ("titles", num(titles)), ("units", num(units)), ("targets", num(targets)),
            ("overall", num(overall)), ("comparator_acc", num(comparatorAcc)), ("year_acc", num(yearAcc)),
            ("indicator_acc", num(indicatorAcc)), ("metric_overlap", num(metricOverlap)),
            ("doc_fields_acc", num(docFieldsAcc)), ("targets_strict", num(targetsStrict)),
            ("strict_overall", num(strictOverall)),
            ("counts", .object([("nodes", list(nodeCounts)), ("units", list(unitCounts)),
                                ("targets", list(targetCounts))])),
        ])
    }
}

/// One gold document with its prediction (nil: no prediction file).
public struct ScoreInput: Sendable {
    public var name: String
    public var gold: JSONValue
    public var pred: JSONValue?
    public init(name: String, gold: JSONValue, pred: JSONValue?) {
        self.name = name
        self.gold = gold
        self.pred = pred
    }
}

/// score.py's result: per-document summaries and the micro-averaged total.
public struct ScoreReport: Sendable, Equatable {
    public var documents: [(name: String, summary: ScoreSummary)]
    public var total: ScoreSummary

    public static func == (a: ScoreReport, b: ScoreReport) -> Bool {
        a.total == b.total && a.documents.count == b.documents.count
            && zip(a.documents, b.documents).allSatisfy { $0.name == $1.name && $0.summary == $1.summary }
    }
}

extension PlanScorer {
    /// Scores documents in the given order (score.py sorts gold file names).
    public static func score(_ inputs: [ScoreInput]) throws(ScoreError) -> ScoreReport {
        var total = ScoreTally()
        var documents: [(name: String, summary: ScoreSummary)] = []
        for input in inputs {
            var one = ScoreTally()
            do {
                try scoreDocument(gold: input.gold, pred: input.pred, into: &one)
                try scoreDocument(gold: input.gold, pred: input.pred, into: &total)
            } catch {
                throw ScoreError("\(input.name): \(error.message)")
            }
            documents.append((input.name, ScoreSummary(one)))
        }
        return ScoreReport(documents: documents, total: ScoreSummary(total))
    }

    /// A prediction made by this package, as the JSON score.py would read from
    /// `Plan.jsonData()`.
    public static func jsonValue(of plan: Plan) throws -> JSONValue {
        try JSONValue.parse(plan.jsonData())
    }
}
