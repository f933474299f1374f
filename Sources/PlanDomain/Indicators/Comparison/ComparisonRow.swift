/// A computed figure, or why there is none (the page shows the reason in its place).
public struct ComparisonValue: Sendable, Equatable {
    public var value: Double?
    /// Why `value` is nil, in Chinese (无实际值, 无地区生产总值数据 …); nil when there is a value.
    public var missing: String?

    public static func known(_ value: Double) -> ComparisonValue { ComparisonValue(value: value, missing: nil) }
    public static func missing(_ reason: String) -> ComparisonValue { ComparisonValue(value: nil, missing: reason) }
}

/// One place in one year: the figures as given and the same figure made
/// comparable between a large city and a small county.
public struct ComparisonRow: Sendable, Equatable {
    public var placeCode: String
    public var placeName: String
    public var year: Int
    public var target: Double?
    public var actual: Double?
    /// 亿元, as given.
    public var gdp: Double?
    /// 万人, as given.
    public var population: Double?
    /// actual / target (target / actual for a ceiling), a fraction: 0.95 is 95 %.
    public var attainment: ComparisonValue
    /// actual per 亿元 of GDP: actual / gdp. Counts and amounts only.
    public var perGDP: ComparisonValue
    /// actual per 10,000 people: actual / population (population being in 万人). Counts and amounts only.
    public var perCapita: ComparisonValue
}
