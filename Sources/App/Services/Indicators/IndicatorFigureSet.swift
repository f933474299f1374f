import Foundation
import PlanDomain

/// One source's newest figure for an indicator at a place and month.
struct SourcedValue: Sendable, Equatable {
    var source: ValueSource
    var value: Double
    var recordedAt: Date?
    var by: String
    var note: String
}

/// What is known of one measure (targets or actuals) for a year: for each
/// indicator, place and month, the newest figure of every source.
///
/// When sources disagree the one with the highest precedence (the office's
/// entry, then an import, then the units' reports, then the plan document) is
/// used in the arithmetic, and the page shows all of them with a warning:
/// nothing is silently overwritten.
struct IndicatorFigureSet: Sendable {
    /// code → place → month → values, one per source.
    var entries: [String: [String: [Int: [SourcedValue]]]] = [:]

    /// Keeps `value` if it is the newest of its source for the key.
    mutating func add(_ code: String, _ place: String, month: Int, _ value: SourcedValue) {
        var list = entries[code, default: [:]][place, default: [:]][month, default: []]
        if let index = list.firstIndex(where: { $0.source == value.source }) {
            if (list[index].recordedAt ?? .distantPast) <= (value.recordedAt ?? .distantPast) { list[index] = value }
        } else {
            list.append(value)
        }
        entries[code, default: [:]][place, default: [:]][month] = list.sorted { $0.source.precedence > $1.source.precedence }
    }

    struct Chosen: Sendable {
        var month: Int
        var value: Double
        /// Every source's figure, the chosen one first.
        var sources: [SourcedValue]
        var disagree: Bool
    }

    /// The figure of the latest month up to `month` that has one.
    func chosen(_ code: String, _ place: String, upTo month: Int) -> Chosen? {
        guard let months = entries[code]?[place] else { return nil }
        guard let best = months.keys.filter({ $0 <= month }).max(), let list = months[best], let first = list.first else { return nil }
        let disagree = list.contains { abs($0.value - first.value) > max(1e-9, abs(first.value) * 1e-6) }
        return Chosen(month: best, value: first.value, sources: list, disagree: disagree)
    }

    /// The figure of exactly this month, if any.
    func exact(_ code: String, _ place: String, month: Int) -> Double? {
        entries[code]?[place]?[month]?.first?.value
    }

    /// The chosen figures up to `month`, for the roll-up arithmetic.
    func figures(upTo month: Int) -> IndicatorFigures {
        var figures = IndicatorFigures()
        for (code, places) in entries {
            for place in places.keys {
                if let chosen = chosen(code, place, upTo: month) { figures[code, place] = chosen.value }
            }
        }
        return figures
    }

    /// Months that have any figure of `code` at any place.
    func months(of code: String) -> Set<Int> {
        Set((entries[code] ?? [:]).values.flatMap(\.keys))
    }
}
