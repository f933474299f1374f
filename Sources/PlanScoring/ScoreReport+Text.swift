import Foundation
import PlanText

extension ScoreReport {
    /// score.py's `result` dict: `{"documents": {...}, "total": {...}}`.
    public var jsonValue: JSONValue {
        .object([
            ("documents", .object(documents.map { ($0.name, $0.summary.jsonValue) })),
            ("total", total.jsonValue),
        ])
    }

    /// What `score.py --json` prints: `json.dumps(result, ensure_ascii=False, indent=1)` and a newline.
    public var jsonText: String { PythonJSON.dumps(jsonValue, indent: 1) + "\n" }

    /// What `score.py` prints without `--json`: the table and the two summary lines.
    public var tableText: String {
        let cols = ["nodes", "titles", "units", "targets", "overall", "targets_strict", "strict_overall"]
        var out = pad("document", 28) + " "
            + cols.map { leftPad(String(String.UnicodeScalarView($0.unicodeScalars.prefix(8))), 8) }
                .joined(separator: " ") + "\n"
        for (name, s) in documents + [("TOTAL", total)] {
            let values = [s.nodes, s.titles, s.units, s.targets, s.overall, s.targetsStrict, s.strictOverall]
            out += pad(name, 28) + " " + values.map { PyNumber.format("%8.3f", $0) }.joined(separator: " ") + "\n"
        }
        func str(_ d: Double?) -> String { d.map(PyNumber.floatRepr) ?? "None" }
        out += "matched targets: comparator \(str(total.comparatorAcc)), year \(str(total.yearAcc)), "
            + "indicator \(str(total.indicatorAcc)), metric overlap \(str(total.metricOverlap)); "
            + "document fields \(str(total.docFieldsAcc))\n"
        out += "overall: " + PyNumber.format("%.4f", total.overall)
            + "  strict_overall: " + PyNumber.format("%.4f", total.strictOverall) + "\n"
        return out
    }

    /// `%-Ns`: padded on the right to N code points, as Python counts length.
    private func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.unicodeScalars.count))
    }

    /// `%Ns`.
    private func leftPad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.unicodeScalars.count)) + s
    }
}

/// Python's `json.dumps(value, ensure_ascii=False, indent=N)`.
public enum PythonJSON {
    public static func dumps(_ value: JSONValue, indent: Int) -> String {
        var out = ""
        write(value, level: 0, indent: indent, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, level: Int, indent: Int, into out: inout String) {
        let inner = "\n" + String(repeating: " ", count: indent * (level + 1))
        let close = "\n" + String(repeating: " ", count: indent * level)
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .bigInt(let digits): out += digits
        case .double(let d):
            if d.isNaN { out += "NaN" } else if d.isInfinite { out += d < 0 ? "-Infinity" : "Infinity" } else {
                out += PyNumber.floatRepr(d)
            }
        case .string(let s): out += quote(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (k, item) in items.enumerated() {
                out += (k == 0 ? "" : ",") + inner
                write(item, level: level + 1, indent: indent, into: &out)
            }
            out += close + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (k, (key, item)) in members.enumerated() {
                out += (k == 0 ? "" : ",") + inner + quote(key) + ": "
                write(item, level: level + 1, indent: indent, into: &out)
            }
            out += close + "}"
        }
    }

    static func quote(_ s: String) -> String { JSONString.quote(s) }
}
