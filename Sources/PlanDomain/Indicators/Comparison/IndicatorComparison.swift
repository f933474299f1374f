import PlanText

/// One indicator across places and years, side by side: the raw target and
/// actual, how much of the target was reached, and — for counts and amounts —
/// the actual per 亿元 of GDP and per 10,000 people, so a county of 40 万人 is
/// not simply ranked below a city of 200 万人.
///
/// Ratios and growth rates are not normalised: R&D intensity is already per
/// unit of GDP, and dividing a growth rate by population means nothing.
/// `normalisationNote` says which applies, for the page to show.
public struct IndicatorComparison: Sendable, Equatable {
    /// The units the base data are kept in (base.gdp, base.population).
    public static let gdpUnit = "亿元"
    public static let populationUnit = "万人"

    public var definition: IndicatorDefinition
    /// One per input, in the inputs' order.
    public var rows: [ComparisonRow]
    /// Whether per-GDP and per-capita figures are computed: counts and amounts only.
    public var isNormalised: Bool
    /// How the figures are normalised, or why they are not, in Chinese.
    public var normalisationNote: String
    /// 家/亿元GDP, 亿元/亿元GDP …
    public var perGDPUnit: String { definition.unit + "/亿元GDP" }
    /// 家/万人 …
    public var perCapitaUnit: String { definition.unit + "/万人" }

    /// - comparator: the targets' comparator; attainment is target / actual for a ceiling (atMost).
    ///   NaN and infinities in the inputs count as missing.
    public init(definition: IndicatorDefinition, inputs: [ComparisonInput], comparator: PlanText.Comparator = .atLeast) {
        self.definition = definition
        isNormalised = definition.kind.isAdditive
        if isNormalised {
            normalisationNote = "每亿元GDP = 实际值 ÷ 地区生产总值（亿元）；每万人 = 实际值 ÷ 常住人口（万人）。"
                + "缺少地区生产总值或常住人口的地区不折算。"
        } else {
            normalisationNote = "「\(definition.name)」是\(definition.kind.title)，本身已是相对数，"
                + "不再按地区生产总值或人口折算。"
        }
        let notNormalised = "\(definition.kind.title)不折算"
        let ceiling = comparator == .atMost
        rows = inputs.map { input in
            let target = input.target.flatMap(Self.finite), actual = input.actual.flatMap(Self.finite)
            let gdp = input.gdp.flatMap(Self.finite), population = input.population.flatMap(Self.finite)
            let normalised = { (base: Double?, name: String) -> ComparisonValue in
                guard definition.kind.isAdditive else { return .missing(notNormalised) }
                guard let actual else { return .missing("无实际值") }
                guard let base else { return .missing("无\(name)数据") }
                guard base > 0 else { return .missing("\(name)应大于 0") }
                return .known(actual / base)
            }
            return ComparisonRow(placeCode: input.placeCode, placeName: input.placeName, year: input.year,
                                 target: target, actual: actual, gdp: gdp, population: population,
                                 attainment: Self.attainment(target: target, actual: actual, ceiling: ceiling),
                                 perGDP: normalised(gdp, "地区生产总值"), perCapita: normalised(population, "常住人口"))
        }
    }

    private static func attainment(target: Double?, actual: Double?, ceiling: Bool) -> ComparisonValue {
        guard let target else { return .missing("无目标") }
        guard let actual else { return .missing("无实际值") }
        if ceiling {
            guard actual > 0 else { return .missing("实际值为 0，无法计算完成率") }
            return .known(target / actual)
        }
        guard target != 0 else { return .missing("目标为 0，无法计算完成率") }
        return .known(actual / target)
    }

    private static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
}
