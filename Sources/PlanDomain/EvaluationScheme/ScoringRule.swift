/// How an item's value at a place becomes points: the scoring rules province
/// schemes use, each with its parameters. Targets are per place (`ItemInput`);
/// parameters are the scheme's, the same for every place.
public enum ScoringRule: Sendable, Equatable, Codable {
    /// 达标得满分: full points when the value reaches the place's target, else 0.
    /// `lowerIsBetter` for a ceiling (逾期率不高于 10%): full points at or below it.
    case reached(lowerIsBetter: Bool)
    /// 按完成比例计分: points × value ÷ target, at most points × `cap` (1.2 lets a
    /// place that exceeds its target earn up to 120%); 0 without a positive target.
    case proportional(cap: Double)
    /// 按排名计分: the best value full points, each rank below `step` fewer, never
    /// fewer than `floor`. Equal values share the better rank (1, 1, 3).
    case rank(step: Double, floor: Double)
    /// 最高值得满分，其余按比例: points × value ÷ the best value among the places.
    case best
    /// 对标基准值: points × value ÷ `value`, full points at or above it.
    case benchmark(value: Double)
    /// 按增幅计分: growth over last year, against the place's target growth (at
    /// most `cap` of the points), or without one against the best growth among the places.
    case growth(cap: Double)
    /// 加分项: value × `perUnit`, at most `max`, added on top of the base points.
    case bonus(perUnit: Double, max: Double)
    /// 减分项: value × `perUnit`, at most `max`, taken off the total.
    case deduction(perUnit: Double, max: Double)

    /// Bonus and deduction items sit outside the base points.
    public enum Adjustment: Sendable, Equatable {
        case bonus
        case deduction
    }

    /// nil for a base item.
    public var adjustment: Adjustment? {
        switch self {
        case .bonus: .bonus
        case .deduction: .deduction
        default: nil
        }
    }

    /// The rule's name as schemes print it (计分方法).
    public var title: String {
        switch self {
        case .reached: "达标得满分"
        case .proportional: "按完成比例计分"
        case .rank: "按排名计分"
        case .best: "最高值得满分，其余按比例"
        case .benchmark: "对标基准值"
        case .growth: "按增幅计分"
        case .bonus: "加分"
        case .deduction: "减分"
        }
    }
}
