import Foundation

/// Writes a plan as interchange JSON in the order of SCHEMA.md (document
/// fields, nodes, targets; extras after the schema's own keys), one node or
/// target per block and short lists on one line, so that the output reads like
/// the schema's examples and diffs cleanly.
enum PlanJSONWriter {
    static func write(_ plan: Plan) -> String {
        var o = "{\n"
        field(&o, 1, "file", str(plan.file))
        field(&o, 1, "title", str(plan.title))
        field(&o, 1, "issuers", list(plan.issuers))
        field(&o, 1, "jurisdiction", str(plan.jurisdiction))
        field(&o, 1, "year", int(plan.year))
        field(&o, 1, "doc_number", str(plan.docNumber))
        field(&o, 1, "issued_date", str(plan.issuedDate))
        field(&o, 1, "all_tasks_also", list(plan.allTasksAlso))
        if let s = plan.source {
            field(&o, 1, "source", "{\"format\": \(str(s.format.rawValue)), \"encoding\": \(str(s.encoding)), \"length\": \(s.text.unicodeScalars.count)}")
        }
        o += "  \"nodes\": [" + (plan.nodes.isEmpty ? "" : "\n")
        o += plan.nodes.map { n in
            var parts = [
                "\"id\": \(str(n.id))", "\"title\": \(str(n.title))",
                "\"lead_units\": \(list(n.leadUnits))", "\"responsible_units\": \(list(n.responsibleUnits))",
                "\"cooperating_units\": \(list(n.cooperatingUnits))", "\"leaders\": \(list(n.leaders))",
                "\"label\": \(str(n.label))", "\"level\": \(n.level)", "\"parent\": \(str(n.parent))",
                "\"is_task\": \(n.isTask)", "\"span\": \(span(n.span))", "\"title_span\": \(span(n.titleSpan))",
            ]
            parts.append("\"deadline\": " + (n.deadline.map {
                "{\"text\": \(str($0.text)), \"date\": \(str($0.date)), \"span\": \(span($0.span))}"
            } ?? "null"))
            return "    {" + parts.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
        o += (plan.nodes.isEmpty ? "" : "\n  ") + "],\n"
        o += "  \"targets\": [" + (plan.targets.isEmpty ? "" : "\n")
        o += plan.targets.map { t in
            let parts = [
                "\"node\": \(str(t.node))", "\"text\": \(str(t.text))", "\"metric\": \(str(t.metric))",
                "\"indicator\": \(str(t.indicator))", "\"value\": \(num(t.value))", "\"max\": \(t.max.map(num) ?? "null")",
                "\"unit\": \(str(t.unit))", "\"comparator\": \(str(t.comparator.rawValue))", "\"year\": \(int(t.year))",
                "\"span\": \(span(t.span))",
            ]
            return "    {" + parts.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
        o += (plan.targets.isEmpty ? "" : "\n  ") + "]\n}\n"
        return o
    }

    private static func field(_ o: inout String, _ depth: Int, _ key: String, _ value: String) {
        o += String(repeating: "  ", count: depth) + "\"\(key)\": \(value),\n"
    }

    static func str(_ s: String?) -> String { s.map(JSONString.quote) ?? "null" }

    private static func list(_ items: [String]) -> String { "[" + items.map { str($0) }.joined(separator: ", ") + "]" }
    private static func int(_ v: Int?) -> String { v.map(String.init) ?? "null" }
    private static func span(_ s: SourceSpan) -> String { "{\"start\": \(s.start), \"end\": \(s.end)}" }

    /// 55 for 55.0, 2.4 for 2.4: numbers as a person writes them.
    static func num(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
