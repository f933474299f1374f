import PlanText

/// The indicators every office starts with: the plan catalogue's codes with
/// their kinds, the base data the ratios are computed from, and the
/// evaluation ratios of 随州 2025 §三(三) (综合考评).
public enum IndicatorDefaults {
    /// Base data codes with Chinese names and units: the denominators and
    /// numerators that no plan states as a target but every ratio needs, entered
    /// or imported per jurisdiction and year (statistical yearbook figures).
    public static let base: [IndicatorDefinition] = [
        baseData("base.gdp", "地区生产总值", "亿元", .amount),
        baseData("base.population", "常住人口", "万人", .count),
        baseData("base.legal_persons", "企业法人单位数", "家", .count),
        baseData("base.employed", "就业人员数", "人", .count),
        baseData("base.rd_personnel", "研发人员数", "人", .count),
        baseData("base.basic_research", "基础研究经费支出", "亿元", .amount),
        baseData("base.manufacturing", "规上制造业企业数", "家", .count),
        baseData("base.manufacturing_with_rd", "建有研发机构的规上制造业企业数", "家", .count),
        baseData("base.foreign_talent", "外国高端人才和专业人才来华工作数", "人", .count),
        baseData("base.hti_value_added", "高新技术产业增加值", "亿元", .amount),
    ]

    /// The evaluation ratios of 随州 2025 §三(三) that are not already catalogue
    /// codes (R&D intensity and R&D institution coverage are), each defined by
    /// its parts so a city's value is recomputed from its counties' sums.
    public static let evaluation: [IndicatorDefinition] = [
        IndicatorDefinition(code: "eval.contract_gdp", name: "技术合同成交额与地区生产总值之比", unit: "%",
                            kind: .ratio, numerator: "tech_contract.turnover", denominator: "base.gdp", scale: 100),
        IndicatorDefinition(code: "eval.hte_per_10k", name: "每万家企业法人中高新技术企业数", unit: "家",
                            kind: .ratio, numerator: "hte.total", denominator: "base.legal_persons", scale: 10_000),
        IndicatorDefinition(code: "eval.basic_research_share", name: "基础研究支出占研发支出比重", unit: "%",
                            kind: .ratio, numerator: "base.basic_research", denominator: "rd.expenditure", scale: 100),
        IndicatorDefinition(code: "eval.rd_personnel_share", name: "研发人员占就业人员比重", unit: "%",
                            kind: .ratio, numerator: "base.rd_personnel", denominator: "base.employed", scale: 100),
        IndicatorDefinition(code: "eval.foreign_talent_per_10k", name: "外国高端人才和专业人才与本地就业人员之比（每万人）",
                            unit: "人", kind: .ratio, numerator: "base.foreign_talent", denominator: "base.employed",
                            scale: 10_000),
    ]

    /// The catalogue codes with their kinds, decided by unit because the
    /// catalogue has no kind column: unit 亿元/万元/元 → amount; unit % → ratio,
    /// except codes ending in "growth" (rd.growth, ip.pledge_growth) → growth;
    /// anything else (家, 项, 名, 场次 …) → count.
    ///
    /// Parts where known: rd.gdp_share = rd.expenditure / base.gdp × 100;
    /// hti.value_added_share = base.hti_value_added / base.gdp × 100;
    /// rd_institution.coverage = base.manufacturing_with_rd / base.manufacturing × 100;
    /// rd.growth = growth of rd.expenditure. ip.training_coverage and
    /// ip.pledge_growth have no parts sciplan collects, so they are shown per place only.
    public static func catalogue(_ indicators: [Indicator] = IndicatorCatalogue.all) -> [IndicatorDefinition] {
        indicators.map { indicator in
            let kind = kind(code: indicator.code, unit: indicator.unit)
            let parts = catalogueParts[indicator.code]
            return IndicatorDefinition(code: indicator.code, name: indicator.name, unit: indicator.unit, kind: kind,
                                       numerator: parts?.numerator, denominator: parts?.denominator,
                                       scale: indicator.unit == "%" ? 100 : 1)
        }
    }

    /// catalogue() + base + evaluation, codes unique (the first definition of a code wins).
    public static var all: [IndicatorDefinition] { allDefinitions }

    /// `all` keyed by code, the form roll-ups take.
    public static var byCode: [String: IndicatorDefinition] { allByCode }

    /// The evaluation items of 随州 2025 §三(三) in its order. The plan names the
    /// items but not their weights; these weights (15, 20, 15, 15, 10, 15, 10,
    /// summing to 100) give R&D intensity, the headline indicator, the most and
    /// the two smallest-base items the least. Offices change them.
    public static let evaluationItems: [EvaluationItem] = [
        EvaluationItem(code: "rd_institution.coverage", weight: 15),
        EvaluationItem(code: "rd.gdp_share", weight: 20),
        EvaluationItem(code: "eval.contract_gdp", weight: 15),
        EvaluationItem(code: "eval.hte_per_10k", weight: 15),
        EvaluationItem(code: "eval.basic_research_share", weight: 10),
        EvaluationItem(code: "eval.rd_personnel_share", weight: 15),
        EvaluationItem(code: "eval.foreign_talent_per_10k", weight: 10),
    ]

    /// Whether an indicator is a stock by its wording, since the catalogue has
    /// no column for it: a count or amount whose code ends in `.total`
    /// (hte.total, platform.total) or whose name says 总数, 保有量 or 存量.
    /// Ratios and growth rates are levels already, never stocks.
    public static func isStock(code: String, name: String, kind: IndicatorKind) -> Bool {
        guard kind.isAdditive else { return false }
        return code.hasSuffix(".total") || stockWords.contains { name.contains($0) }
    }

    // MARK: Private

    private static let allDefinitions: [IndicatorDefinition] = {
        var seen: Set<String> = []
        return (catalogue() + base + evaluation).filter { seen.insert($0.code).inserted }
    }()

    private static let allByCode: [String: IndicatorDefinition] =
        Dictionary(allDefinitions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    private static let catalogueParts: [String: (numerator: String, denominator: String?)] = [
        "rd.gdp_share": ("rd.expenditure", "base.gdp"),
        "hti.value_added_share": ("base.hti_value_added", "base.gdp"),
        "rd_institution.coverage": ("base.manufacturing_with_rd", "base.manufacturing"),
        "rd.growth": ("rd.expenditure", nil),
    ]

    private static let stockWords = ["总数", "保有量", "存量"]

    private static let moneyUnits: Set<String> = ["亿元", "万元", "元"]

    private static func kind(code: String, unit: String) -> IndicatorKind {
        if moneyUnits.contains(unit) { return .amount }
        if unit == "%" { return code.hasSuffix("growth") ? .growth : .ratio }
        return .count
    }

    private static func baseData(_ code: String, _ name: String, _ unit: String,
                                 _ kind: IndicatorKind) -> IndicatorDefinition {
        IndicatorDefinition(code: code, name: name, unit: unit, kind: kind, isBase: true)
    }
}
