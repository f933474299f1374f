/// Year-end assessment of units (年终考核): each item's points earned from the
/// unit's supervision records or given by the office, then a ranking.
///
/// A computed item earns points × rate (退回情况: points × (1 − return rate), so
/// a unit none of whose reports came back gets all of it). A computed item the
/// unit has nothing to be judged on (no numeric target for 目标达成, no report
/// due for 按时报送) and that nobody scored does not apply: it is left out and
/// the unit's other items are scaled to the scheme's full score, so a unit
/// is never ranked last for lacking a target it was never given. Manual items
/// always apply (the office owes them a score). The office's final score
/// always wins over the computed one, because it has seen what the records
/// miss (a task cancelled by the city government, a report returned by
/// mistake).
public enum Assessment {
    /// rank 0 until ranked; `manual` keyed by item id (an office final score also overrides a computed item).
    /// Rates are clamped to 0…1 and scores to 0…points; NaN counts as not given.
    public static func assess(key: String, name: String, scheme: AssessmentScheme, measures: UnitMeasures,
                              manual: [String: ManualScore]) -> UnitAssessment {
        var results: [ItemResult] = []
        var anySelf = false
        var selfTotal = 0.0
        var finalTotal = 0.0
        var applicablePoints = 0.0
        var fullPoints = 0.0
        for item in scheme.items {
            let points = item.points.isFinite ? Swift.max(0, item.points) : 0
            let given = manual[item.id]
            let computed = rate(of: item.measure, measures).map { points * $0 }
            let selfScore = clamp(given?.selfScore, to: points)
            let officeScore = clamp(given?.finalScore, to: points)
            let applies = item.measure == .manual || computed != nil || officeScore != nil || selfScore != nil
            let finalScore = officeScore ?? computed ?? 0
            fullPoints += points
            if selfScore != nil { anySelf = true }
            if applies {
                applicablePoints += points
                selfTotal += selfScore ?? computed ?? 0
                finalTotal += finalScore
            }
            results.append(ItemResult(item: item, computed: computed, selfScore: selfScore, finalScore: finalScore,
                                      evidence: given?.evidence ?? "", applies: applies))
        }
        let scale: Double? = applicablePoints > 0 ? fullPoints / applicablePoints : nil
        return UnitAssessment(key: key, name: name, items: results, selfTotal: anySelf ? selfTotal * (scale ?? 0) : nil,
                              finalTotal: finalTotal * (scale ?? 0), scale: scale, rank: 0)
    }

    /// Best first by finalTotal, then name; equal totals (within 1e-9) share a rank: 1, 1, 3.
    public static func rank(_ units: [UnitAssessment]) -> [UnitAssessment] {
        let sorted = units.sorted { a, b in
            if abs(a.finalTotal - b.finalTotal) > tieTolerance { return a.finalTotal > b.finalTotal }
            return a.name < b.name
        }
        let ranks = competitionRanks(sorted.map(\.finalTotal))
        return zip(sorted, ranks).map { unit, rank in
            var ranked = unit
            ranked.rank = rank
            return ranked
        }
    }

    /// Totals closer than this are equal: sums of the same points in another
    /// order differ in the last bits.
    static let tieTolerance = 1e-9

    /// Standard competition ranks (1, 1, 3) of totals sorted best first.
    static func competitionRanks(_ totals: [Double]) -> [Int] {
        var ranks: [Int] = []
        for (index, total) in totals.enumerated() {
            if index > 0, abs(total - totals[index - 1]) <= tieTolerance {
                ranks.append(ranks[index - 1])
            } else {
                ranks.append(index + 1)
            }
        }
        return ranks
    }

    private static func rate(of measure: AssessmentMeasure, _ m: UnitMeasures) -> Double? {
        let rate: Double?
        switch measure {
        case .taskCompletion: rate = m.completionRate
        case .timeliness: rate = m.onTimeRate
        case .targetAttainment: rate = m.targetAttainment
        case .returns: rate = m.returnRate.map { 1 - Swift.min(1, Swift.max(0, $0)) }
        case .manual: rate = nil
        }
        guard let rate, rate.isFinite else { return nil }
        return Swift.min(1, Swift.max(0, rate))
    }

    private static func clamp(_ score: Double?, to points: Double) -> Double? {
        guard let score, score.isFinite else { return nil }
        return Swift.min(points, Swift.max(0, score))
    }
}
