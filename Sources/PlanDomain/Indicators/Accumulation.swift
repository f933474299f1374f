/// How an indicator's figures during the year lead to its year-end value,
/// which decides how `Forecaster` projects them.
public enum Accumulation: Sendable, Equatable {
    /// Starts from 0 each January and piles up (新增高新技术企业, 技术合同成交额):
    /// the figure is the year to date, projected year-end = v / f.
    case flow
    /// A level that moves on from last year's year-end value b (高新技术企业总数 at
    /// 100 last December): expected by date d = b + (target − b) · f(d), projected
    /// year-end = b + (v − b) / f.
    case stock(baseline: Double)
    /// Judged as it stands (a ratio, a growth rate, a stock whose last year-end is
    /// not known): projected year-end = the latest value.
    case level

    /// Counts and amounts are flows unless `definition.isStock`; a stock is
    /// judged from `baseline`, last year's year-end value at the same place (its
    /// December figure, or what its places add up to), and as a level without
    /// one; ratios and growth rates are levels.
    public static func of(_ definition: IndicatorDefinition, baseline: Double?) -> Accumulation {
        guard definition.kind.isAdditive else { return .level }
        guard definition.isStock else { return .flow }
        guard let baseline, baseline.isFinite else { return .level }
        return .stock(baseline: baseline)
    }
}
