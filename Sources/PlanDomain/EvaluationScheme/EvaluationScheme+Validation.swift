import Foundation

extension EvaluationScheme {
    /// The scheme itself, or the first thing to fix (see `problems`).
    public func validated() throws(EvaluationSchemeError) -> EvaluationScheme {
        if let first = problems.first { throw first }
        return self
    }

    /// Everything that keeps the scheme from being scored as the office means
    /// it, in item order: an empty name, no items, a 序号 used twice, and per
    /// item an empty 序号 or name, points that are not a positive number (on a
    /// bonus or deduction item: neither 0 nor its cap), an indicator or task
    /// item without its code, a rule parameter out of range.
    public var problems: [EvaluationSchemeError] {
        var found: [EvaluationSchemeError] = []
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { found.append(.emptyName) }
        if items.isEmpty { found.append(.noItems) }
        var keys: Set<String> = []
        for item in items {
            if !item.key.isEmpty, !keys.insert(item.key).inserted { found.append(.duplicateKey(item.key)) }
            for reason in item.problems {
                found.append(.invalidItem(key: item.key, name: item.name, reason: reason))
            }
        }
        return found
    }
}

extension SchemeItem {
    /// What is wrong with this item alone, each in Chinese without naming the
    /// item (the sheet reader puts the row number in front instead).
    var problems: [String] {
        var reasons: [String] = []
        if key.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { reasons.append("缺少序号") }
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { reasons.append("缺少考评项目名称") }
        switch source {
        case .indicator(let code) where code.trimmingCharacters(in: .whitespaces).isEmpty:
            reasons.append("类别为指标，但缺少指标代码")
        case .taskGroup(let key) where key.trimmingCharacters(in: .whitespaces).isEmpty:
            reasons.append("类别为任务，但缺少任务序号（如 二/（一））")
        default:
            break
        }
        reasons += pointProblems
        reasons += rule.problems(points: points)
        return reasons
    }

    private var pointProblems: [String] {
        switch rule {
        case .bonus(_, let max), .deduction(_, let max):
            guard points != 0, points != max else { return [] }
            let word = rule.adjustment == .bonus ? "加分项" : "减分项"
            return ["\(word)的分值应留空或等于上限 \(ScoreText.number(max)) 分（现为 \(ScoreText.number(points)) 分）"]
        default:
            return points.isFinite && points > 0 ? [] : ["分值应为大于 0 的数字"]
        }
    }
}

extension ScoringRule {
    /// Caps above 1000% are typing errors (1200% for 120%), not policy.
    static let capRange: ClosedRange<Double> = 1...10

    /// Parameters out of range, in Chinese, with the way to write them right.
    func problems(points: Double) -> [String] {
        switch self {
        case .reached, .best:
            return []
        case .proportional(let cap), .growth(let cap):
            return cap.isFinite && Self.capRange.contains(cap) ? [] : ["封顶比例应在 100% 到 1000% 之间（如“封顶120%”）"]
        case .rank(let step, let floor):
            var reasons: [String] = []
            if !(step.isFinite && step > 0) { reasons.append("每名次减分应为大于 0 的数字（如“每名次减2分”）") }
            if !(floor.isFinite && floor >= 0 && (floor < points || !points.isFinite || points <= 0)) {
                reasons.append("最低分应不小于 0 且小于分值（如“最低5分”）")
            }
            return reasons
        case .benchmark(let value):
            return value.isFinite && value > 0 ? [] : ["基准值应为大于 0 的数字（如“基准值2.5”）"]
        case .bonus(let perUnit, let max), .deduction(let perUnit, let max):
            let verb = adjustment == .bonus ? "加" : "减"
            var reasons: [String] = []
            if !(perUnit.isFinite && perUnit > 0) { reasons.append("每项\(verb)分应为大于 0 的数字（如“每项\(verb)1分”）") }
            if !(max.isFinite && max > 0) { reasons.append("\(verb)分上限应为大于 0 的数字（如“最多5分”）") }
            return reasons
        }
    }
}
