import Foundation

/// 各地完成情况: the places under a plan's place ranked on the plan's
/// indicators by their mean completion (实际 ÷ 目标, each indicator counted
/// once, uncapped so a place far ahead shows it). A place with no ratio at
/// all is listed unranked after the others: a gap in its figures is not a
/// last place.
public enum PlaceCompletion {
    public struct Entry: Sendable, Equatable {
        public var code: String
        public var name: String
        /// Per indicator, in the caller's order: 实际 ÷ 目标, nil without both or with a target ≤ 0.
        public var ratios: [Double?]
        /// The mean of the known ratios.
        public var mean: Double?
        public var rank: Int?
    }

    public struct Figures: Sendable, Equatable {
        public var actual: Double?
        public var target: Double?
        public init(actual: Double?, target: Double?) {
            self.actual = actual
            self.target = target
        }

        public var ratio: Double? {
            guard let actual, let target, target > 0, actual.isFinite, target.isFinite else { return nil }
            return actual / target
        }
    }

    /// Ranked best mean first (competition ranking 1, 1, 3 within
    /// `Assessment.tieTolerance`), then by name; unranked places last, by name.
    public static func rank(_ places: [(code: String, name: String, figures: [Figures])]) -> [Entry] {
        var entries = places.map { place -> Entry in
            let ratios = place.figures.map(\.ratio)
            let known = ratios.compactMap { $0 }
            return Entry(code: place.code, name: place.name, ratios: ratios,
                         mean: known.isEmpty ? nil : known.reduce(0, +) / Double(known.count), rank: nil)
        }
        entries.sort { a, b in
            switch (a.mean, b.mean) {
            case let (x?, y?) where abs(x - y) > Assessment.tieTolerance: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.name < b.name
            }
        }
        let ranked = entries.prefix { $0.mean != nil }
        for (index, rank) in Assessment.competitionRanks(ranked.compactMap(\.mean)).enumerated() {
            entries[index].rank = rank
        }
        return entries
    }
}
