/// One item scored at every place: the rules that stand alone (target,
/// benchmark, per-unit) here, those that compare the places in
/// `ItemScorer+Field.swift`.
struct ItemScorer {
    let item: SchemeItem
    /// One per place, finite or nil.
    let inputs: [ItemInput]

    /// Invalid points score nothing rather than NaN.
    var points: Double { item.points.isFinite ? Swift.max(0, item.points) : 0 }

    func scores() -> [ItemScore] {
        switch item.rule {
        case .best: return best()
        case .rank(let step, let floor): return rank(step: step, floor: floor)
        case .growth(let cap): return growth(cap: cap)
        default: return inputs.map(alone)
        }
    }

    func score(_ points: Double, _ explanation: String) -> ItemScore {
        ItemScore(key: item.key, points: points, explanation: explanation)
    }

    func figure(_ value: Double) -> String { ScoreText.figure(value, of: item) }

    static let noData = "无数据，得 0 分"

    private func alone(_ input: ItemInput) -> ItemScore {
        switch item.rule {
        case .reached(let lowerIsBetter): reached(input, lowerIsBetter: lowerIsBetter)
        case .proportional(let cap): proportional(input, cap: cap)
        case .benchmark(let benchmark): self.benchmark(input, benchmark)
        case .bonus(let perUnit, let max): adjustment(input, perUnit: perUnit, max: max, adds: true)
        case .deduction(let perUnit, let max): adjustment(input, perUnit: perUnit, max: max, adds: false)
        case .best, .rank, .growth: score(0, Self.noData)
        }
    }

    private func reached(_ input: ItemInput, lowerIsBetter: Bool) -> ItemScore {
        guard let value = input.value else { return score(0, Self.noData) }
        guard let target = input.target else { return score(0, "无目标值，得 0 分") }
        let shown = "目标 \(figure(target))（实际 \(figure(value))）"
        // Within the tie tolerance counts as reached: 35 typed and 35 computed from parts differ in the last bits.
        if lowerIsBetter {
            return value <= target + Assessment.tieTolerance
                ? score(points, "不高于\(shown)，得满分 \(ScoreText.points(points))")
                : score(0, "高于\(shown)，得 0 分")
        }
        return value >= target - Assessment.tieTolerance
            ? score(points, "达到\(shown)，得满分 \(ScoreText.points(points))")
            : score(0, "未达到\(shown)，得 0 分")
    }

    private func proportional(_ input: ItemInput, cap: Double) -> ItemScore {
        guard let value = input.value else { return score(0, Self.noData) }
        guard let target = input.target else { return score(0, "无目标值，得 0 分") }
        guard target > 0 else { return score(0, "目标值 \(figure(target)) 不为正，得 0 分") }
        let ratio = value / target
        return scaled(ratio, cap: cap, formula: "实际 \(figure(value)) ÷ 目标 \(figure(target))")
    }

    /// points × min(cap, ratio), explained after `formula` (which gives the ratio).
    func scaled(_ ratio: Double, cap: Double, formula: String) -> ItemScore {
        let shown = "\(formula) = \(ScoreText.percent(ratio))"
        guard ratio > 0 else { return score(0, "\(shown)，不为正，得 0 分") }
        let cap = cap.isFinite ? Swift.max(0, cap) : 1
        if ratio > cap {
            let earned = points * cap
            return score(earned, "\(shown)，超过封顶 \(ScoreText.percent(cap))，按 \(ScoreText.percent(cap)) 计，"
                + "× \(ScoreText.points(points)) = \(ScoreText.earned(earned))")
        }
        let earned = points * ratio
        return score(earned, "\(shown)，× \(ScoreText.points(points)) = \(ScoreText.earned(earned))")
    }

    private func benchmark(_ input: ItemInput, _ benchmark: Double) -> ItemScore {
        guard let value = input.value else { return score(0, Self.noData) }
        guard benchmark > 0, benchmark.isFinite else { return score(0, "基准值不为正，得 0 分") }
        if value >= benchmark {
            return score(points, "实际 \(figure(value)) 达到基准值 \(figure(benchmark))，得满分 \(ScoreText.points(points))")
        }
        guard value > 0 else { return score(0, "实际 \(figure(value)) 不为正，得 0 分") }
        let earned = points * value / benchmark
        return score(earned, "实际 \(figure(value)) ÷ 基准值 \(figure(benchmark)) × \(ScoreText.points(points))"
            + " = \(ScoreText.earned(earned))")
    }

    /// Bonus and deduction: value × perUnit up to max; the explanation says
    /// the points are outside the base points, since a total above 100 surprises.
    private func adjustment(_ input: ItemInput, perUnit: Double, max: Double, adds: Bool) -> ItemScore {
        let word = adds ? "加分项" : "减分项"
        let none = adds ? "不加分" : "不减分"
        guard let value = input.value else { return score(0, "\(word)：无数据，\(none)") }
        guard value > 0, perUnit.isFinite, perUnit > 0 else { return score(0, "\(word)：\(figure(value))，\(none)") }
        let max = max.isFinite ? Swift.max(0, max) : 0
        let raw = value * perUnit
        let earned = Swift.min(max, raw)
        let formula = "\(word)：\(figure(value)) × \(ScoreText.points(perUnit)) = \(ScoreText.earned(raw))"
        let capped = raw > max ? "，超过上限 \(ScoreText.points(max))，按 \(ScoreText.earned(earned))" : "，"
        let effect = adds ? "在基本分之外加入总分" : "从总分中扣除"
        return score(adds || earned == 0 ? earned : -earned, formula + capped + effect)
    }
}
