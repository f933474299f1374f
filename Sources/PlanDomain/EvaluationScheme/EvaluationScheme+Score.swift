extension EvaluationScheme {
    /// Every place scored on every item, each score explained, then totals
    /// (base + bonus − deduction) and ranks: best total first, then by name,
    /// totals within 1e-9 sharing a rank (1, 1, 3).
    ///
    /// Rules that compare places (`best`, `rank`, `growth` without a target)
    /// compare exactly the places passed, so pass all places being evaluated
    /// together. Validate the scheme first (`validated()`): an out-of-range
    /// parameter is not refused here, only kept from producing NaN.
    public func score(_ places: [PlaceInputs]) -> [PlaceScore] {
        var results = places.map {
            PlaceScore(code: $0.code, name: $0.name, items: [], base: 0, bonus: 0, deduction: 0, total: 0, rank: 0)
        }
        for item in items {
            let inputs = places.map { ($0.inputs[item.key] ?? ItemInput()).finite }
            let scores = ItemScorer(item: item, inputs: inputs).scores()
            for index in results.indices {
                let score = scores[index]
                results[index].items.append(score)
                switch item.rule.adjustment {
                case nil: results[index].base += score.points
                case .bonus: results[index].bonus += score.points
                case .deduction: results[index].deduction -= score.points
                }
            }
        }
        for index in results.indices {
            results[index].total = results[index].base + results[index].bonus - results[index].deduction
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
