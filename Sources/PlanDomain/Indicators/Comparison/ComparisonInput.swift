/// One place in one year, as the comparison across places and years takes it.
///
/// The base data come in the units of `IndicatorDefaults.base`: base.gdp
/// (地区生产总值) in 亿元 and base.population (常住人口) in 万人, so a figure
/// per 10,000 people is the figure divided by the population as stored.
public struct ComparisonInput: Sendable, Equatable {
    /// GB/T 2260 code.
    public var placeCode: String
    public var placeName: String
    public var year: Int
    /// The year's target; nil when none was set.
    public var target: Double?
    /// The figure compared: the year-end value, or the same month in every row.
    public var actual: Double?
    /// 地区生产总值 in 亿元 (base.gdp).
    public var gdp: Double?
    /// 常住人口 in 万人 (base.population), not persons.
    public var population: Double?

    public init(placeCode: String, placeName: String, year: Int, target: Double? = nil, actual: Double? = nil,
                gdp: Double? = nil, population: Double? = nil) {
        self.placeCode = placeCode
        self.placeName = placeName
        self.year = year
        self.target = target
        self.actual = actual
        self.gdp = gdp
        self.population = population
    }
}
