/// The rules that score a place against the others: the best value, the
/// rank, the best growth. They see every place passed to `score`.
extension ItemScorer {
    /// 最高值得满分，其余按比例, as `Evaluation.evaluate` computes it (points ×
    /// value ÷ best, in that order), so the 随州 scheme scores exactly as before.
    func best() -> [ItemScore] {
        let best = inputs.compactMap(\.value).max() ?? 0
        return inputs.map { input in
            guard let value = input.value else { return score(0, Self.noData) }
            guard best > 0 else { return score(0, "各地最高值 \(figure(best)) 不为正，得 0 分") }
            guard value > 0 else { return score(0, "实际 \(figure(value)) 不为正，得 0 分") }
            let earned = points * value / best
            if value == best {
                return score(earned, "实际 \(figure(value)) 为各地最高，得满分 \(ScoreText.points(points))")
            }
            return score(earned, "实际 \(figure(value)) ÷ 最高 \(figure(best)) × \(ScoreText.points(points))"
                + " = \(ScoreText.earned(earned))")
        }
    }

    /// Places with a value ranked by it, larger first (1, 1, 3 for values
    /// within 1e-9); places without one are not ranked and score 0.
    func rank(step: Double, floor: Double) -> [ItemScore] {
        let ranked = inputs.indices.compactMap { index in inputs[index].value.map { (index, $0) } }
            .sorted { $0.1 > $1.1 }
        let ranks = Assessment.competitionRanks(ranked.map(\.1))
        var rankOf: [Int: Int] = [:]
        for (position, entry) in ranked.enumerated() { rankOf[entry.0] = ranks[position] }
        let step = step.isFinite ? Swift.max(0, step) : 0
        let floor = floor.isFinite ? Swift.min(points, Swift.max(0, floor)) : 0
        return inputs.indices.map { index in
            guard let value = inputs[index].value, let rank = rankOf[index] else {
                return score(0, "无数据，不参与排名，得 0 分")
            }
            let tied = ranks.filter { $0 == rank }.count > 1 ? "（并列）" : ""
            let shown = "实际 \(figure(value))，排名第 \(rank)\(tied)"
            guard rank > 1 else { return score(points, "\(shown)，得满分 \(ScoreText.points(points))") }
            let raw = points - Double(rank - 1) * step
            let formula = "\(shown)，\(ScoreText.points(points)) − \(rank - 1) × \(ScoreText.points(step))"
                + " = \(ScoreText.earned(raw))"
            if raw < floor {
                return score(floor, "\(formula)，低于最低 \(ScoreText.points(floor))，得 \(ScoreText.earned(floor))")
            }
            return score(raw, formula)
        }
    }

    /// Growth in percent over last year; against the place's target growth when
    /// it has one, else against the best growth among the places. No growth, no points.
    func growth(cap: Double) -> [ItemScore] {
        let growths: [Double?] = inputs.map { input in
            guard let value = input.value, let last = input.lastYear, last > 0 else { return nil }
            return (value - last) * 100 / last
        }
        let bestGrowth = growths.compactMap { $0 }.max()
        return inputs.indices.map { index in
            let input = inputs[index]
            guard let value = input.value else { return score(0, Self.noData) }
            guard let last = input.lastYear else { return score(0, "无上年数据，无法计算增幅，得 0 分") }
            guard last > 0, let growth = growths[index] else {
                return score(0, "上年 \(figure(last)) 不为正，无法计算增幅，得 0 分")
            }
            let shown = "本年 \(figure(value))、上年 \(figure(last))，增幅 \(ScoreText.number(growth))%"
            guard growth > 0 else { return score(0, "\(shown)，未增长，得 0 分") }
            if let target = input.target {
                guard target > 0 else {
                    return score(0, "\(shown)，目标增幅 \(ScoreText.number(target))% 不为正，无法按比例计分，得 0 分")
                }
                return scaled(growth / target, cap: cap,
                              formula: "\(shown)；\(ScoreText.number(growth))% ÷ 目标增幅 \(ScoreText.number(target))%")
            }
            // growth > 0 here, so the best growth is too.
            let best = bestGrowth ?? growth
            let earned = points * growth / best
            if growth == best {
                return score(earned, "\(shown)，为各地最高，得满分 \(ScoreText.points(points))")
            }
            return score(earned, "\(shown) ÷ 最高增幅 \(ScoreText.number(best))% × \(ScoreText.points(points))"
                + " = \(ScoreText.earned(earned))")
        }
    }
}
