/// One indicator of a jurisdiction evaluation (综合考评) and its weight in points.
public struct EvaluationItem: Sendable, Equatable, Codable {
    public var code: String
    public var weight: Double

    public init(code: String, weight: Double) {
        self.code = code
        self.weight = weight
    }
}

/// One place's evaluation: its values, the points they earn and its place.
public struct JurisdictionEvaluation: Sendable, Equatable {
    public var code: String
    public var name: String
    /// item code → indicator value
    public var values: [String: Double]
    /// item code → points
    public var points: [String: Double]
    public var total: Double
    public var rank: Int

    public init(code: String, name: String, values: [String: Double], points: [String: Double], total: Double,
                rank: Int) {
        self.code = code
        self.name = name
        self.values = values
        self.points = points
        self.total = total
        self.rank = rank
    }
}

/// Evaluation of jurisdictions (综合考评) on ratio indicators such as R&D
/// spending / GDP, by the usual rule 最高值得满分，其余按比例: per item the best
/// (largest) value among the places scores the full weight, every other place
/// weight × value / best. Ratios, not totals, so a small county that spends a
/// large share of its GDP on R&D can beat a large one.
public enum Evaluation {
    /// Per item: the best (largest) value among the places scores the full weight, others weight × value / best
    /// (a place without a value, or with a negative one, scores 0; if the best is ≤ 0 everyone scores 0).
    /// Sum, best total first (then name), ranks 1, 1, 3 for totals within 1e-9.
    public static func evaluate(items: [EvaluationItem],
                                places: [(code: String, name: String, values: [String: Double])])
        -> [JurisdictionEvaluation] {
        var results = places.map { place in
            JurisdictionEvaluation(code: place.code, name: place.name,
                                   values: place.values.filter { code, value in
                                       value.isFinite && items.contains { $0.code == code }
                                   },
                                   points: [:], total: 0, rank: 0)
        }
        for item in items {
            let weight = item.weight.isFinite ? Swift.max(0, item.weight) : 0
            let best = results.compactMap { $0.values[item.code] }.max() ?? 0
            for index in results.indices {
                var earned = 0.0
                if best > 0, let value = results[index].values[item.code] {
                    earned = weight * Swift.max(0, value) / best
                }
                results[index].points[item.code] = earned
                results[index].total += earned
            }
        }
        results.sort { a, b in
            if abs(a.total - b.total) > Assessment.tieTolerance { return a.total > b.total }
            return a.name < b.name
        }
        for (index, rank) in Assessment.competitionRanks(results.map(\.total)).enumerated() {
            results[index].rank = rank
        }
        return results
    }
}
