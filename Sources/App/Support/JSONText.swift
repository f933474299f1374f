import PlanText

/// A flat JSON object of strings, keys sorted, written by hand: the audit
/// trail's before/after snapshot of a report is made on every save, and
/// Foundation's JSONSerialization (bridging through NSString on Linux) was
/// a noticeable part of the report writer's time. Strings are quoted by
/// PlanText's `JSONString` (RFC 8259 escapes).
enum JSONText {
    static func object(_ fields: [String: String]) -> String {
        "{" + fields.keys.sorted().map { JSONString.quote($0) + ":" + JSONString.quote(fields[$0] ?? "") }.joined(separator: ",") + "}"
    }
}
