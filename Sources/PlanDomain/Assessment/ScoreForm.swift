import Foundation

/// The office's score sheet as posted (年终考核): fields `final|unit|item`,
/// `self|unit|item` and `evidence|unit|item`. A blank score is nil (the
/// computed one stands); scores lie within the item's points; evidence is
/// at most 500 characters; one bad field refuses the whole sheet. Fields
/// naming an unknown unit or item, or of another shape, are ignored.
public enum ScoreForm {
    public struct Key: Hashable, Sendable {
        public var unit: String
        public var item: String
        public init(unit: String, item: String) {
            self.unit = unit
            self.item = item
        }
    }

    public struct Entry: Equatable, Sendable {
        public var final: Double?
        public var own: Double?
        public var evidence: String
        public init(final: Double? = nil, own: Double? = nil, evidence: String = "") {
            self.final = final
            self.own = own
            self.evidence = evidence
        }
    }

    public static let evidenceLimit = 500

    /// `units` maps a unit's key to its name (for the messages).
    public static func read(_ fields: [String: String], items: [AssessmentItem], units: [String: String]) throws(FormError) -> [Key: Entry] {
        let items = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [Key: Entry] = [:]
        // Sorted, so the same bad sheet always names the same field first.
        for (name, text) in fields.sorted(by: { $0.key < $1.key }) {
            let parts = name.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let item = items[parts[2]], let unitName = units[parts[1]] else { continue }
            let key = Key(unit: parts[1], item: parts[2])
            var entry = entries[key] ?? Entry()
            let label = "\(unitName)·\(item.name)"
            switch parts[0] {
            case "final", "self":
                if let number = try FormNumber.read(text, field: label) {
                    guard number >= 0, number <= item.points else {
                        throw FormError("“\(label)”应在 0–\(points(item.points)) 分之间。")
                    }
                    if parts[0] == "final" { entry.final = number } else { entry.own = number }
                }
            case "evidence":
                let evidence = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard evidence.count <= evidenceLimit else { throw FormError("“\(label)”的依据不能超过 \(evidenceLimit) 字。") }
                entry.evidence = evidence
            default:
                continue
            }
            entries[key] = entry
        }
        return entries
    }

    /// 10 → "10", 2.5 → "2.5".
    static func points(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
